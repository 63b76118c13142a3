"""Errors as JSON: ``{"detail": "…"}``, or ``{"<parameter>": ["…"]}`` for bad input."""

import logging

from django.http import JsonResponse
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)


def exception_handler(exception, context):
    """Answer what DRF knows (400, 404, 405, 429…) as DRF does; anything else as a JSON 500.

    A 500 here is a bug to fix; it is logged with its traceback, and the
    client still gets JSON rather than an HTML error page.
    """
    response = drf_exception_handler(exception, context)
    if response is not None:
        return response
    logger.exception("Unexpected error in the API", exc_info=exception)
    return Response(
        {"detail": "The server failed to answer this request; the error has been logged."},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def not_found(request, *args, **kwargs):
    """A JSON 404 for any address under /api/ that names no endpoint."""
    return JsonResponse({"detail": "No API endpoint here; the collections are listed at /api/v1/."}, status=404)
