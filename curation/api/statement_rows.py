"""The statements list without a serializer per row: the API's busiest list, as JSON and as CSV.

``StatementSerializer`` stays the statement's one definition (the detail
answer and the schema use it). A list of 50 through it spends most of its
time in DRF's per-field machinery and in prefetching model instances, and a
CSV of a million rows through it would take most of an hour. Here the page's
statements (or, for CSV, ``values_list`` rows) are joined to their tags and
public corrections fetched as plain values, two queries per page or chunk,
and shaped exactly as the serializer shapes them; tests/test_api_lean_rows.py
and tests/test_api_csv.py hold both equal to it, row for row.
"""

from collections import defaultdict
from itertools import islice

from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse
from rest_framework import serializers

from curation.api import csv_export
from curation.models import AttributionCorrection, Statement

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
# A correction as the rows below carry it: CORRECTION_VALUES without the statement, times as the JSON writes them.
CORRECTION_WIDTH = len(CORRECTION_VALUES) - 1
NO_CORRECTIONS = [""] * CORRECTION_WIDTH
_DATETIME = serializers.DateTimeField()


def statement_page_prefix(request) -> str:
    """Return what every statement page's URL starts with; the id and a slash end it."""
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


def tags_by_statement(ids) -> dict[int, list[tuple[str, str]]]:
    """Return each statement's tags as (slug, name), in the tags' own order."""
    tagged = Statement.tags.through.objects.filter(statement_id__in=_among(ids)).order_by("tag__name", "tag__id")
    found = defaultdict(list)
    for statement_id, slug, name in tagged.values_list("statement_id", "tag__slug", "tag__name"):
        found[statement_id].append((slug, name))
    return found


def public_corrections_by_statement(ids) -> dict[int, list[tuple]]:
    """Return the public corrections of public statements, newest first, as ``CORRECTION_WIDTH``-tuples."""
    # The statements are public already: a public correction of one is one marked public.
    corrections = AttributionCorrection.objects.filter(statement_id__in=_among(ids), is_public=True)
    found = defaultdict(list)
    for values in corrections.order_by("-corrected_at", "-id").values_list(*CORRECTION_VALUES):
        statement_id, *fields, corrected_at, withdrawal_reason, withdrawn_at = values
        withdrawn = _DATETIME.to_representation(withdrawn_at) if withdrawn_at else None
        corrected = _DATETIME.to_representation(corrected_at)
        found[statement_id].append((*fields, corrected, withdrawal_reason, withdrawn))
    return found


def _actor(slug, name, kind):
    return None if slug is None else {"slug": slug, "name": name, "kind": kind}


def _correction(values) -> dict:
    from_slug, from_name, from_kind, to_slug, to_name, to_kind, printed, reason, corrected_at, *withdrawal = values
    return {
        "from_speaker": _actor(from_slug, from_name, from_kind),
        "to_speaker": _actor(to_slug, to_name, to_kind),
        "speaker_as_printed": printed,
        "reason": reason,
        "corrected_at": corrected_at,
        "withdrawal": None if withdrawal[1] is None else {"reason": withdrawal[0], "withdrawn_at": withdrawal[1]},
    }


def statement_values(queryset):
    """``queryset`` as values() rows of ``STATEMENT_VALUES`` and its sort key's names, for the keyset paginator."""
    sort_names = [str(entry).lstrip("-") for entry in queryset.query.order_by]
    return queryset.prefetch_related(None).values(*dict.fromkeys([*STATEMENT_VALUES, *sort_names]))


def statement_dicts(rows, request) -> list[dict]:
    """The JSON of a page of ``statement_values`` rows, as the serializer gives it."""
    ids = [row["id"] for row in rows]
    tags = tags_by_statement(ids) if ids else {}
    corrections = public_corrections_by_statement(ids) if ids else {}
    prefix = statement_page_prefix(request)
    dicts = []
    for row in rows:
        pk, published_on = row["id"], row["article__published_on"]
        its_corrections = corrections.get(pk, ())
        dicts.append(
            {
                "id": pk,
                "url": f"{prefix}{pk}/",
                "kind": row["kind"],
                "text": row["text"],
                "speaker": _actor(row["speaker__slug"], row["speaker__name"], row["speaker__kind"]),
                "speaker_as_printed": row["speaker_as_printed"],
                "article": {
                    "slug": row["article__slug"],
                    "title": row["article__title"],
                    "outlet": row["article__outlet"] or None,
                    "published_on": published_on.isoformat() if published_on else None,
                    "url": row["article__url"] or None,
                },
                "span": {"start": row["start"], "end": row["end"]},
                "tags": [{"slug": slug, "name": name} for slug, name in tags.get(pk, ())],
                "corrected": bool(its_corrections),
                "corrections": [_correction(values) for values in its_corrections],
            }
        )
    return dicts


def _joined(values) -> str:
    return csv_export.LIST_SEPARATOR.join("" if value is None else str(value) for value in values)


def _correction_cells(corrections) -> list[str]:
    # Column by column: the n-th item of each cell is the n-th correction.
    return [_joined(column) for column in zip(*corrections, strict=True)]


def statement_csv_rows(queryset, serializer_class, context):
    """Yield the statements list's columns and rows, as ``csv_export.serialized_rows`` would, from plain values."""
    yield csv_export.columns_of(serializer_class(context=context))
    prefix = statement_page_prefix(context.get("request"))
    chunk_size = csv_export.ROWS_PER_CHUNK
    rows = queryset.prefetch_related(None).values_list(*STATEMENT_VALUES).iterator(chunk_size=chunk_size)
    while chunk := list(islice(rows, chunk_size)):
        ids = [row[0] for row in chunk]
        tags = tags_by_statement(ids)
        corrections = public_corrections_by_statement(ids)
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
