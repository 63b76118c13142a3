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
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import StreamingHttpResponse
from django.urls import reverse
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer

from curation.models import AttributionCorrection, Statement

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


# Statements: a million rows must stream in well under a minute, which the
# serializer (model instances, nested fields, per row) cannot do. These rows
# come from ``values_list`` and two queries per chunk, built cell by cell in
# the serializer's columns; tests/test_api_csv.py holds them equal to the JSON.
STATEMENT_VALUES = (
    "id",
    "kind",
    "text",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "speaker_as_printed",
    "article__slug",
    "article__title",
    "article__outlet",
    "article__published_on",
    "article__url",
    "start",
    "end",
)
CORRECTION_VALUES = (
    "statement_id",
    "from_actor__slug",
    "from_actor__name",
    "from_actor__kind",
    "to_actor__slug",
    "to_actor__name",
    "to_actor__kind",
    "speaker_as_printed",
    "reason",
    "corrected_at",
    "withdrawal__reason",
    "withdrawal__withdrawn_at",
)
_DATETIME = serializers.DateTimeField()
# The correction columns of a statement never corrected: one empty cell each.
NO_CORRECTIONS = [""] * (len(CORRECTION_VALUES) - 1)


def _joined(values) -> str:
    return LIST_SEPARATOR.join("" if value is None else str(value) for value in values)


def _correction_cells(corrections) -> list[str]:
    # Column by column: the n-th item of each cell is the n-th correction.
    return [_joined(column) for column in zip(*corrections, strict=True)]


def _statement_page_prefix(request) -> str:
    # Every statement's page is this prefix, its id and a slash.
    path = reverse("curation:statement-detail", kwargs={"pk": 0})
    url = request.build_absolute_uri(path) if request else path
    if not url.endswith("/0/"):
        raise ValueError(f"A statement's page no longer ends in its id: {path}")
    return url[:-2]


def _among(ids):
    """``ids`` for an ``__in`` filter: on PostgreSQL one array parameter rather than a thousand."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def _tags_by_statement(ids):
    tagged = Statement.tags.through.objects.filter(statement_id__in=_among(ids)).order_by("tag__name", "tag__id")
    found = defaultdict(list)
    for statement_id, slug, name in tagged.values_list("statement_id", "tag__slug", "tag__name"):
        found[statement_id].append((slug, name))
    return found


def _public_corrections_by_statement(ids):
    # The statements are public already: a public correction of one is one marked public.
    corrections = AttributionCorrection.objects.filter(statement_id__in=_among(ids), is_public=True)
    found = defaultdict(list)
    for values in corrections.order_by("-corrected_at", "-id").values_list(*CORRECTION_VALUES):
        *fields, corrected_at, withdrawal_reason, withdrawn_at = values
        withdrawn = _DATETIME.to_representation(withdrawn_at) if withdrawn_at else None
        found[values[0]].append((*fields[1:], _DATETIME.to_representation(corrected_at), withdrawal_reason, withdrawn))
    return found


def statement_rows(queryset, serializer_class, context):
    """Yield the statements list's columns and rows, as ``serialized_rows`` would, without a serializer."""
    yield columns_of(serializer_class(context=context))
    prefix = _statement_page_prefix(context.get("request"))
    values = queryset.prefetch_related(None).values_list(*STATEMENT_VALUES).iterator(chunk_size=ROWS_PER_CHUNK)
    while chunk := list(islice(values, ROWS_PER_CHUNK)):
        ids = [row[0] for row in chunk]
        tags = _tags_by_statement(ids)
        corrections = _public_corrections_by_statement(ids)
        for pk, kind, text, s_slug, s_name, s_kind, printed, *article, start, end in chunk:
            a_slug, a_title, a_outlet, a_published_on, a_url = article
            its_tags = tags.get(pk, ())
            its_corrections = corrections.get(pk, ())
            yield [
                pk,
                f"{prefix}{pk}/",
                kind,
                text,
                s_slug or "",
                s_name or "",
                s_kind or "",
                printed,
                a_slug,
                a_title,
                a_outlet or "",
                a_published_on.isoformat() if a_published_on else "",
                a_url or "",
                start,
                end,
                _joined(slug for slug, _ in its_tags),
                _joined(name for _, name in its_tags),
                "true" if its_corrections else "false",
                *(_correction_cells(its_corrections) if its_corrections else NO_CORRECTIONS),
            ]
