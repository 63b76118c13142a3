"""The query string as the API takes it: only parameters an endpoint knows, each once, of a sane size.

A parameter the API ignored would be a silent wrong answer (``?speaker=x``
listing everybody's statements), so an unknown one is a 400 that names it and
lists what the endpoint knows. Everything here runs before the database is
touched; the filters then judge the values themselves.
"""

from django.core.exceptions import TooManyFieldsSent
from django.http import Http404
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation

from curation.api.pagination import MAX_CURSOR_LENGTH

FORMAT_PARAMETER = "format"
# The longest value a filter needs is a slug, a date or a few words of text;
# the cursor, which the API writes itself, has its own (larger) limit.
MAX_VALUE_LENGTH = 1_000
# How many unknown parameters one answer names; a client sending hundreds
# needs the first few and the list of known ones, not an echo of its request.
MAX_PROBLEMS_NAMED = 10
MAX_NAME_SHOWN = 100


def query_parameters_read(request):
    """Return the request's query parameters, or raise a 400 when there are too many to read."""
    try:
        return request.query_params
    except TooManyFieldsSent:
        raise ParseError(
            "Too many query parameters. Send only the filters and paging parameters the endpoint lists, each once."
        ) from None


class QueryParameterNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, with a 400 naming ``format`` where DRF answers 404 for a format it lacks."""

    def select_renderer(self, request, renderers, format_suffix=None):
        query_parameters_read(request)
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            known = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError({FORMAT_PARAMETER: [f"Give one of: {known}."]}) from None


def query_parameters_check(request, known: list[str]):
    """Raise a 400 naming each parameter that is unknown, repeated, too long or holds a NUL character."""
    parameters = query_parameters_read(request)
    problems = {}
    for name in parameters:
        problem = parameter_problem(name, parameters.getlist(name), known)
        if problem:
            problems[name_shown(name)] = [problem]
        if len(problems) == MAX_PROBLEMS_NAMED:
            break
    if problems:
        raise ValidationError(problems)


def parameter_problem(name: str, values: list[str], known: list[str]) -> str | None:
    if name not in known:
        what = "A parameter with an empty name" if name == "" else "This parameter"
        return f"{what} is not known here. Known parameters: {', '.join(sorted(known))}."
    if len(values) > 1:
        return f"Give this parameter once; it was given {len(values)} times."
    value = values[0]
    if "\x00" in value:
        return "This value holds a NUL character, which no value here can contain."
    limit = MAX_CURSOR_LENGTH if name == "cursor" else MAX_VALUE_LENGTH
    if len(value) > limit:
        return f"This value is {len(value):,} characters long; at most {limit:,} are taken."
    return None


def name_shown(name: str) -> str:
    return name if len(name) <= MAX_NAME_SHOWN else name[:MAX_NAME_SHOWN] + "…"
