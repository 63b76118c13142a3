"""Keyset ("cursor") pagination that also works for orderings by date.

DRF's CursorPagination keeps only the first ordering column in its cursor, so
it needs that column to be unique and never empty; "by publication date" is
neither. This paginator keeps the whole sort key of the last row instead and
asks for the rows after it: ``WHERE (date, id) > (last date, last id)``.
Page 10,000 then costs what page 1 costs, with no OFFSET and no COUNT.

The queryset's ``order_by`` is the sort key. Every entry must be a plain
field or annotation name that is never NULL (annotate a ``Coalesce`` for
nullable columns), and the last must be ``id`` so that the key is unique.
"""

import base64
import binascii
import json
from datetime import date, datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

# The longest cursor the API issues holds a 200-character name written as
# JSON escapes (emoji take twelve characters each), about 3,300 characters
# once encoded; anything longer is forged.
MAX_CURSOR_LENGTH = 4_000
INVALID_CURSOR = "This cursor is not valid here: follow the next and previous links as given."


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = self.get_page_size(request)
        self.sort_key = sort_key_of(queryset)
        position, backwards = self.decode_cursor(request, queryset)
        if position is not None:
            queryset = queryset.filter(rows_after(self.sort_key, position, backwards))
        if backwards:
            queryset = queryset.reverse()
        rows = list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
        # Arriving through a cursor means there are rows on the side we came from.
        self.has_next = more if not backwards else True
        self.has_previous = more if backwards else position is not None
        self.rows = rows
        return rows

    def get_page_size(self, request):
        maximum = settings.CURATION_API_MAX_PAGE_SIZE
        value = request.query_params.get(self.page_size_query_param, "")
        if value == "":
            return settings.CURATION_API_PAGE_SIZE
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= maximum):
            raise ValidationError({self.page_size_query_param: [f"Give a whole number from 1 to {maximum}."]})
        return int(value)

    def decode_cursor(self, request, queryset):
        """Return (position, backwards) from the cursor parameter; (None, False) without one."""
        encoded = request.query_params.get(self.cursor_query_param, "")
        if encoded == "":
            return None, False
        if len(encoded) > MAX_CURSOR_LENGTH:
            raise ValidationError({self.cursor_query_param: [INVALID_CURSOR]})
        try:
            cursor = json.loads(base64.urlsafe_b64decode(encoded.encode("ascii")))
            values, backwards, ordering = cursor["p"], cursor["b"], cursor["o"]
            if ordering != ordering_label(self.sort_key) or not isinstance(backwards, bool):
                raise ValueError("cursor of another ordering")
            return position_parse(queryset, self.sort_key, values), backwards
        # RecursionError: JSON nested deeper than Python's stack, "[[[[…", is no cursor either.
        except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error, DjangoValidationError, RecursionError):
            raise ValidationError({self.cursor_query_param: [INVALID_CURSOR]}) from None

    def encode_cursor(self, row, backwards):
        # A row is a model instance, or a dict of values() holding the sort key's names.
        values = [json_value(row[name] if isinstance(row, dict) else getattr(row, name)) for name, _ in self.sort_key]
        cursor = {"p": values, "b": backwards, "o": ordering_label(self.sort_key)}
        encoded = base64.urlsafe_b64encode(json.dumps(cursor, separators=(",", ":")).encode()).decode()
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, encoded)

    def get_next_link(self):
        if not (self.has_next and self.rows):
            return None
        return self.encode_cursor(self.rows[-1], backwards=False)

    def get_previous_link(self):
        if not self.has_previous:
            return None
        if not self.rows:
            return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        return self.encode_cursor(self.rows[0], backwards=True)

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last page."},
                "previous": {**link, "description": "The previous page, or null on the first page."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        maximum = settings.CURATION_API_MAX_PAGE_SIZE
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts; take it from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {maximum} (default {settings.CURATION_API_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": maximum},
            },
        ]


def sort_key_of(queryset) -> list[tuple[str, bool]]:
    """Return the queryset's ordering as (name, descending) pairs."""
    ordering = [str(entry) for entry in queryset.query.order_by]
    if not ordering or ordering[-1].lstrip("-") != "id":
        raise AssertionError(f"Keyset pagination needs an ordering that ends with id, not {ordering}.")
    return [(entry.lstrip("-"), entry.startswith("-")) for entry in ordering]


def ordering_label(sort_key) -> str:
    return ",".join(("-" if descending else "") + name for name, descending in sort_key)


def rows_after(sort_key, position, backwards):
    """Return the condition for rows after ``position`` (before it when going backwards)."""
    clauses = []
    for index, (name, descending) in enumerate(sort_key):
        equal = {earlier: value for (earlier, _), value in zip(sort_key[:index], position, strict=False)}
        lookup = "lt" if descending != backwards else "gt"
        clauses.append(Q(**equal, **{f"{name}__{lookup}": position[index]}))
    return reduce(or_, clauses)


def position_parse(queryset, sort_key, values) -> list:
    """Return the cursor's values as the sort key's Python types; raise ValueError when they do not fit."""
    if not isinstance(values, list) or len(values) != len(sort_key):
        raise ValueError("cursor of another length")
    position = []
    for (name, _), value in zip(sort_key, values, strict=False):
        if not isinstance(value, (str, int)) or isinstance(value, bool) or "\x00" in str(value):
            raise ValueError("cursor value of the wrong type")
        field = sort_field(queryset, name)
        parsed = field.to_python(value)
        field.run_validators(parsed)
        position.append(parsed)
    return position


def sort_field(queryset, name):
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    return queryset.model._meta.get_field(name)


def json_value(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value
