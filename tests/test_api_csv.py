"""Every API list as CSV: the whole filtered result, streamed, with the JSON's fields flattened."""

import csv
import io

import pytest
from django.db import connection

from curation.api import csv_export
from tests.support.api import all_pages

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/statements/", "/api/v1/articles/", "/api/v1/actors/", "/api/v1/tags/", "/api/v1/corrections/"]
STATEMENT_COLUMNS = [
    "id",
    "url",
    "kind",
    "text",
    "speaker.slug",
    "speaker.name",
    "speaker.kind",
    "speaker_as_printed",
    "article.slug",
    "article.title",
    "article.outlet",
    "article.published_on",
    "article.url",
    "span.start",
    "span.end",
    "tags.slug",
    "tags.name",
    "corrected",
    "corrections.from_speaker.slug",
    "corrections.from_speaker.name",
    "corrections.from_speaker.kind",
    "corrections.to_speaker.slug",
    "corrections.to_speaker.name",
    "corrections.to_speaker.kind",
    "corrections.speaker_as_printed",
    "corrections.reason",
    "corrections.corrected_at",
    "corrections.withdrawal.reason",
    "corrections.withdrawal.withdrawn_at",
]


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_cell(row: dict, column: str) -> str:
    """The JSON value under a dotted column, written as docs/API.md says a CSV cell holds it."""

    def walk(value, keys):
        if not keys or value is None:
            return value
        if isinstance(value, list):
            return [walk(item, keys) for item in value]
        return walk(value[keys[0]], keys[1:])

    def text(value):
        if isinstance(value, list):
            return " | ".join(text(item) for item in value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return text(walk(row, column.split(".")))


def assert_csv_equals_json(api, url: str, query: str = ""):
    json_rows = all_pages(api, f"{url}?page_size=100{'&' + query if query else ''}")
    rows = csv_rows(api.get(f"{url}?format=csv{'&' + query if query else ''}"))
    assert len(rows) == len(json_rows)
    for row, json_row in zip(rows, json_rows, strict=True):
        assert row == {column: json_cell(json_row, column) for column in row}, json_row
    return rows


@pytest.mark.parametrize("url", LISTS)
def test_it_gives_every_row_of_every_list_as_the_json_has_it(api, seeded, url):
    rows = assert_csv_equals_json(api, url)
    assert rows


def test_it_names_the_statement_columns_after_the_json_fields(api, seeded):
    response = api.get("/api/v1/statements/", {"format": "csv"})
    header = b"".join(response.streaming_content).decode().split("\r\n")[0]
    assert header.split(",") == STATEMENT_COLUMNS


def test_it_flattens_the_abadi_correction_into_dotted_and_joined_columns(api, seeded):
    rows = csv_rows(api.get("/api/v1/statements/", {"format": "csv", "corrected": "true"}))
    [abadi] = [row for row in rows if row["speaker_as_printed"] == "Abadi"]
    assert abadi["speaker.slug"] == "ibrahim-al-jaafari"
    assert abadi["corrections.from_speaker.slug"] == "haider-al-abadi"
    assert abadi["corrected"] == "true"
    assert abadi["article.outlet"] == "Iraqinews.com"
    tags = csv_rows(api.get("/api/v1/statements/", {"format": "csv"}))
    assert any(" | " in row["tags.slug"] for row in tags), "a statement with two tags joins them"


def test_it_leaves_the_columns_of_a_missing_object_empty(api, seeded):
    rows = csv_rows(api.get("/api/v1/articles/", {"format": "csv"}))
    assert any(row["outlet"] == "" and row["published_on"] == "" for row in rows)


@pytest.mark.parametrize(
    "url, query",
    [
        ("/api/v1/statements/", "kind=direct"),
        ("/api/v1/statements/", "tag=islamic-state&ordering=published_on"),
        ("/api/v1/statements/", "actor=ibrahim-al-jaafari"),
        ("/api/v1/articles/", "actor=ibrahim-al-jaafari"),
        ("/api/v1/actors/", "kind=organisation"),
        ("/api/v1/corrections/", "actor=haider-al-abadi"),
    ],
)
def test_it_applies_the_filters_and_ordering_as_json_does(api, seeded, url, query):
    assert assert_csv_equals_json(api, url, query)


def test_it_gives_the_whole_result_not_a_page(api, seeded, archive):
    json_rows = all_pages(api, "/api/v1/statements/?page_size=100")
    assert len(json_rows) > 100
    rows = csv_rows(api.get("/api/v1/statements/", {"format": "csv"}))
    assert [int(row["id"]) for row in rows] == [row["id"] for row in json_rows]


def test_it_answers_csv_to_a_client_that_accepts_only_csv(api, seeded):
    by_accept = csv_rows(api.get("/api/v1/tags/", HTTP_ACCEPT="text/csv"))
    assert by_accept == csv_rows(api.get("/api/v1/tags/", {"format": "csv"}))
    assert api.get("/api/v1/tags/")["Content-Type"] == "application/json"


def test_it_names_the_download_after_the_list(api, seeded):
    response = api.get("/api/v1/corrections/", {"format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="corrections.csv"'


def test_it_streams_in_chunks_rather_than_loading_every_row(api, seeded, monkeypatch):
    """Tags and corrections are fetched a chunk at a time: memory holds one chunk, whatever the total."""
    monkeypatch.setattr(csv_export, "ROWS_PER_CHUNK", 10)
    monkeypatch.setattr(csv_export, "LINES_PER_PIECE", 5)
    response = api.get("/api/v1/statements/", {"format": "csv"})
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        pieces = iter(response.streaming_content)
        next(pieces)
        first = len(queries)
        rest = list(pieces)
    statements = len(all_pages(api, "/api/v1/statements/?page_size=100"))
    chunks = -(-statements // 10)
    # One SELECT of statements, then tags and corrections once per chunk.
    assert first == 3
    assert len(queries) == 1 + 2 * chunks
    assert rest


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("format=csv&actor=nobody", "actor"),
        ("format=csv&page_size=5", "page_size"),
        ("format=csv&cursor=abc", "cursor"),
        ("format=csv&speaker=abadi", "speaker"),
    ],
)
def test_it_answers_a_bad_csv_request_in_json_naming_the_parameter(api, seeded, query, parameter):
    response = api.get(f"/api/v1/statements/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [parameter]


def test_it_offers_csv_for_lists_only(api, seeded):
    response = api.get("/api/v1/actors/ibrahim-al-jaafari/", {"format": "csv"})
    assert response.status_code == 400
    assert response.json() == {"format": ["Give one of: json, api."]}
    refused = api.get("/api/v1/actors/ibrahim-al-jaafari/", HTTP_ACCEPT="text/csv")
    assert refused.status_code == 406
    assert refused["Content-Type"] == "application/json"


def test_it_keeps_hostile_text_intact_in_its_cells(api, seeded, hostile):
    """Quotes, commas, line breaks and the separator itself survive the round trip through a CSV reader."""
    assert_csv_equals_json(api, "/api/v1/statements/")
    assert_csv_equals_json(api, "/api/v1/actors/")
