"""``/healthz``: whether the desk's parts answer, for load balancers and monitoring.

The answer names each part and its state, never an address, user or
password: it is public. The status is 503 only when the primary database is
unreachable, since nothing works without it; a replica, the cache or the
broker being down degrades the desk (reads fall back, jobs wait) and is
reported with a 200, so a load balancer does not take every web process out
at once.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from curation.routers import replica_aliases

logger = logging.getLogger(__name__)

OK, UNREACHABLE, NOT_CONFIGURED = "ok", "unreachable", "not configured"
BROKER_TIMEOUT_SECONDS = 2


def database_state(alias: str) -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database %s unreachable: %s", alias, error)
        # A failed connection must not be reused by the next request in this thread.
        connections[alias].close_if_unusable_or_obsolete()
        return UNREACHABLE
    return OK


def cache_state() -> str:
    key, value = f"healthz:{uuid.uuid4().hex}", "1"
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception as error:  # noqa: BLE001 - any cache backend's failure means the same here
        logger.warning("Health check: cache unreachable: %s", error)
        return UNREACHABLE
    return OK if answered == value else UNREACHABLE


def broker_state() -> str:
    url = getattr(settings, "CELERY_BROKER_URL", "")
    if not url:
        return NOT_CONFIGURED
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS) as connection:
            connection.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception as error:  # noqa: BLE001 - kombu raises the transport's own errors
        logger.warning("Health check: broker unreachable: %s", error)
        return UNREACHABLE
    return OK


def desk_health() -> tuple[dict, bool]:
    """Return the state of each part, and whether the desk can serve at all."""
    primary = database_state("default")
    replicas = {alias: database_state(alias) for alias in replica_aliases()}
    parts = {"cache": cache_state(), "broker": broker_state()}
    states = [primary, *replicas.values(), *(state for state in parts.values() if state != NOT_CONFIGURED)]
    status = "ok" if all(state == OK for state in states) else ("down" if primary != OK else "degraded")
    return {"status": status, "database": primary, "replicas": replicas, **parts}, primary == OK


@never_cache
@require_GET
def healthz(request):
    report, serving = desk_health()
    return JsonResponse(report, status=200 if serving else 503)
