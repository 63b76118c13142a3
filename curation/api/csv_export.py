"""Lists as CSV for researchers: every row the filters select, streamed, in the JSON's fields flattened.

A CSV answer is not paged. Rows come from the database in chunks through
``QuerySet.iterator`` and leave as lines as soon as they are written, so
exporting a million statements takes the memory of one chunk, not of a
million rows.

Flattening, column by column (docs/API.md says the same to consumers):

- a nested object becomes one column per field, named with dots
  (``speaker.slug``, ``article.published_on``); a null object leaves them empty;
- a list becomes one cell, its items joined with `` | `` in the JSON's
  order; a list of objects becomes one such cell per field
  (``tags.slug``, ``tags.name``), so the n-th item of each belongs together;
- null is an empty cell, true and false are ``true`` and ``false``.
"""

import csv

from django.http import StreamingHttpResponse
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer

LIST_SEPARATOR = " | "
# Rows fetched (and prefetched) per round trip; also the most rows held at once.
ROWS_PER_CHUNK = 1_000
# Lines written per piece handed to the server: fewer, larger pieces cost less.
LINES_PER_PIECE = 200


class CsvRenderer(BaseRenderer):
    """Names the CSV format for content negotiation; lists stream their CSV themselves (``csv_response``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Views answer CSV as a stream and errors as JSON; nothing else is ever handed here.
        raise TypeError("CSV is streamed by csv_response, not rendered from a finished answer.")


def columns_of(serializer, prefix: str = "") -> list[str]:
    """Return the dotted column names of ``serializer``'s fields, nested serializers opened up."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            columns += columns_of(field, f"{prefix}{name}.")
        else:
            columns.append(f"{prefix}{name}")
    return columns


def value_at(data, keys: list[str]):
    """Follow ``keys`` into ``data``; through a list, follow them into each item."""
    if not keys or data is None:
        return data
    if isinstance(data, list):
        return [value_at(item, keys) for item in data]
    return value_at(data[keys[0]], keys[1:])


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(value)


class LineWriter:
    """A file for ``csv.writer`` that hands each line back instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def serialized_rows(queryset, serializer_class, context):
    """Yield the column names, then each row as cells, through the list's serializer (any list)."""
    # One serializer for every row, as DRF's list serializer does: building
    # a model serializer's fields costs far more than using them.
    serializer = serializer_class(context=context)
    columns = columns_of(serializer)
    yield columns
    paths = [column.split(".") for column in columns]
    for instance in queryset.iterator(chunk_size=ROWS_PER_CHUNK):
        data = serializer.to_representation(instance)
        yield [cell(value_at(data, path)) for path in paths]


def csv_lines(rows):
    """Yield ``rows`` (the header first) as CSV, a piece of a few hundred lines at a time."""
    writer = csv.writer(LineWriter())
    piece = []
    for row in rows:
        piece.append(writer.writerow(row))
        if len(piece) >= LINES_PER_PIECE:
            yield "".join(piece)
            piece = []
    yield "".join(piece)


def csv_response(rows, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
