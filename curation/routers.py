"""Sending public reads to PostgreSQL replicas, and everything else to the primary.

``DATABASE_REPLICA_URL`` (settings) adds databases named ``replica_1``,
``replica_2``…; without it there are none and every query goes to
``default`` as before. ``PublicReadsMiddleware`` marks the requests whose
reads may go to a replica: public pages and the API, read with GET or HEAD,
by a visitor who is not a signed-in editor (an editor must see their own
save at once, and a replica may lag a moment behind). Admin pages, services,
commands and jobs never set the mark, so they read and write the primary.
"""

import itertools
from contextvars import ContextVar

from django.conf import settings

REPLICA_PREFIX = "replica_"
_reads_may_use_replica: ContextVar[bool] = ContextVar("reads_may_use_replica", default=False)
_next = itertools.count()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


class replica_reads:
    """Within this block reads may go to a replica (a context manager; the middleware uses it)."""

    def __enter__(self):
        self._token = _reads_may_use_replica.set(True)
        return self

    def __exit__(self, *exc_info):
        _reads_may_use_replica.reset(self._token)


class PrimaryReplicaRouter:
    """Reads go to a replica (taken in turn) inside ``replica_reads``; writes and everything else to the primary."""

    def db_for_read(self, model, **hints):
        if not _reads_may_use_replica.get():
            return None
        replicas = replica_aliases()
        if not replicas:
            return None
        return replicas[next(_next) % len(replicas)]

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's rows, so objects read from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A streaming standby is read-only and copies the primary's schema.
        return db == "default"


PUBLIC_READ_METHODS = {"GET", "HEAD", "OPTIONS"}
NEVER_FROM_REPLICA = ("/admin/", "/healthz")


class PublicReadsMiddleware:
    """Let the reads of a public page or API request go to a replica.

    Place it after AuthenticationMiddleware: a signed-in editor's requests,
    and anything under /admin/, stay on the primary.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_replica(request):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)

    def _may_use_replica(self, request) -> bool:
        if request.method not in PUBLIC_READ_METHODS or request.path.startswith(NEVER_FROM_REPLICA):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated and user.is_staff)
