"""The OpenAPI schema at /api/schema/ and the browsable docs at /api/docs/."""

import re

import pytest
from drf_spectacular.validation import validate_schema

from tests.support.api import PUBLIC_FIELDS_OF_A_STATEMENT


@pytest.fixture
def schema(api, db):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def parameters(schema, path) -> dict[str, dict]:
    return {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}


def component(schema, name) -> dict:
    return schema["components"]["schemas"][name]


def test_it_is_a_valid_openapi_3_document(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_it_describes_every_endpoint_read_only(schema):
    assert set(schema["paths"]) == {
        f"/api/v1/{path}"
        for path in [
            "articles/",
            "articles/{slug}/",
            "actors/",
            "actors/{slug}/",
            "statements/",
            "statements/{id}/",
            "tags/",
            "tags/{slug}/",
            "corrections/",
            "corrections/{id}/",
        ]
    }
    assert {method for path in schema["paths"].values() for method in path} == {"get"}


def test_it_describes_every_statement_filter_and_the_paging(schema):
    described = parameters(schema, "/api/v1/statements/")
    assert set(described) == {
        "actor",
        "tag",
        "article",
        "kind",
        "corrected",
        "published_after",
        "published_before",
        "q",
        "ordering",
        "cursor",
        "page_size",
        "format",
    }
    assert described["corrected"]["schema"]["type"] == "boolean"
    assert described["published_after"]["schema"]["format"] == "date"
    assert set(described["kind"]["schema"]["enum"]) == {"direct", "indirect", "claim"}
    assert described["page_size"]["schema"]["maximum"] == 100


def test_it_describes_the_filters_of_the_other_lists(schema):
    assert {"outlet", "tag", "actor", "published_after", "published_before", "q"} <= set(
        parameters(schema, "/api/v1/articles/")
    )
    assert {"q", "kind"} <= set(parameters(schema, "/api/v1/actors/"))
    assert "q" in parameters(schema, "/api/v1/tags/")


def test_it_describes_a_statement_as_the_contract_says(schema):
    statement = component(schema, "Statement")
    assert set(statement["properties"]) == PUBLIC_FIELDS_OF_A_STATEMENT
    assert set(statement["required"]) == PUBLIC_FIELDS_OF_A_STATEMENT
    assert statement["properties"]["speaker"]["nullable"] is True
    assert statement["properties"]["kind"]["allOf"] == [{"$ref": "#/components/schemas/StatementKind"}]
    assert component(schema, "StatementKind")["enum"] == ["direct", "indirect", "claim"]
    assert statement["properties"]["url"]["format"] == "uri"
    correction = component(schema, "CorrectionSummary")
    assert correction["properties"]["from_speaker"]["nullable"] is True
    assert set(correction["properties"]) == {
        "from_speaker",
        "to_speaker",
        "speaker_as_printed",
        "reason",
        "corrected_at",
        "withdrawal",
    }
    assert correction["properties"]["withdrawal"]["nullable"] is True


def test_it_describes_the_paged_lists_and_error_answers(schema):
    page = component(schema, "PaginatedStatementList")
    assert set(page["properties"]) == {"next", "previous", "results"}
    responses = schema["paths"]["/api/v1/statements/"]["get"]["responses"]
    assert {"200", "304", "400", "429"} <= set(responses)
    assert "404" in schema["paths"]["/api/v1/statements/{id}/"]["get"]["responses"]
    assert "301" in schema["paths"]["/api/v1/actors/{slug}/"]["get"]["responses"]


def test_it_serves_the_docs_without_any_cdn(api, db):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    script = api.get("/api/docs/", {"script": ""})
    assert script["Content-Type"] == "application/javascript"
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "/api/schema/" in script.content.decode()
    for cdn in ["cdn.", "jsdelivr", "unpkg", "cdnjs"]:
        assert cdn not in page


def test_it_serves_the_docs_with_no_inline_script_for_the_policy_to_block(api, db):
    page = api.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) == 3
    assert all('src="' in attributes and not body.strip() for attributes, body in scripts)
    assert '<script src="/api/docs/?script="></script>' in page


def test_it_answers_json_by_default_and_the_browsable_api_to_a_browser(api, seeded):
    assert api.get("/api/v1/tags/")["Content-Type"] == "application/json"
    assert api.get("/api/v1/tags/", HTTP_ACCEPT="*/*")["Content-Type"] == "application/json"
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = api.get("/api/v1/tags/islamic-state/", HTTP_ACCEPT=browser_accept)
    assert page["Content-Type"] == "text/html; charset=utf-8"
    assert "&quot;slug&quot;: &quot;islamic-state&quot;" in page.content.decode()
    assert "Accept" in page["Vary"]
    assert api.get("/api/v1/tags/", {"format": "api"})["Content-Type"].startswith("text/html")


def test_it_lists_the_collections_at_the_root(api, db):
    root = api.get("/api/v1/").json()
    assert root == {
        name: f"http://testserver/api/v1/{name}/"
        for name in ["articles", "actors", "statements", "tags", "corrections"]
    }


def test_it_documents_csv_for_lists_and_the_browsable_page_for_every_get(schema):
    for path, operation in ((path, item["get"]) for path, item in schema["paths"].items()):
        is_list = "{" not in path
        success = operation["responses"]["200"]["content"]
        expected = {"application/json", "text/html"} | ({"text/csv"} if is_list else set())
        assert set(success) == expected, path
        assert parameters(schema, path)["format"]["schema"]["enum"] == sorted(
            ["json", "api", "csv"] if is_list else ["json", "api"]
        )
        for status, response in operation["responses"].items():
            if status != "200" and "content" in response:
                assert set(response["content"]) == {"application/json"}, (path, status)
    csv = schema["paths"]["/api/v1/statements/"]["get"]["responses"]["200"]["content"]["text/csv"]
    assert "dotted columns" in csv["schema"]["description"]


def test_it_documents_the_400_for_unknown_parameters_on_every_get(schema):
    for path, item in schema["paths"].items():
        assert "not one this endpoint knows" in item["get"]["responses"]["400"]["description"], path


def test_it_documents_cors_and_the_longest_value_a_parameter_takes(schema):
    responses = schema["paths"]["/api/v1/tags/"]["get"]["responses"]
    assert "Access-Control-Allow-Origin" in responses["200"]["headers"]
    assert "CORS" in schema["info"]["description"]
    described = parameters(schema, "/api/v1/statements/")
    assert described["q"]["schema"]["maxLength"] == 1000
    assert described["cursor"]["schema"]["maxLength"] == 4000


@pytest.mark.parametrize("accept", ["text/html", "text/csv"])
def test_it_answers_errors_in_json_whatever_format_was_asked_for(api, seeded, accept):
    response = api.get("/api/v1/statements/", {"actor": "nobody"}, HTTP_ACCEPT=accept)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["actor"]
