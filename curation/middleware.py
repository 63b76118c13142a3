"""Response headers Django 5.2 does not set itself, and a clear answer to concurrent writes."""

import logging

from django.conf import settings
from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy from ``settings.CONTENT_SECURITY_POLICY``.

    The pages need no inline script, so the policy forbids it: an injected
    ``<script>`` that slipped past escaping would still not run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


# Deadlock, serialisation failure, lock not available (PostgreSQL SQLSTATEs).
CONFLICT_STATES = {"40P01", "40001", "55P03"}


def is_write_conflict(error: BaseException) -> bool:
    """True when the database refused a transaction because another one touched the same rows."""
    if not isinstance(error, OperationalError):
        return False
    state = getattr(error.__cause__, "sqlstate", None)
    return state in CONFLICT_STATES or "database is locked" in str(error)


class WriteConflictMiddleware:
    """Answer a transaction the database gave up on because of a concurrent one with a clear 409.

    Every write is one transaction, so nothing of it was saved; the editor is
    told so and can simply try again. Without this, the rare deadlock between
    two editors' changes to the same rows would be a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_write_conflict(exception):
            return None
        logger.warning("Write conflict on %s: %s", request.path, exception)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": CONFLICT_MESSAGE}, status=409)
        return render(request, "409.html", {"message": CONFLICT_MESSAGE}, status=409)


CONFLICT_MESSAGE = (
    "Someone else changed the same statements or actors at the same moment, so nothing of this change was "
    "saved. Go back, reload the page to see their change, and try again."
)
