"""How the API answers bad input, unknown addresses, writes, floods and repeats: JSON, never a 500."""

import pytest

from curation.api import views
from tests.support.api import cursor_forge

STATEMENTS = "/api/v1/statements/"


def assert_names_parameter(response, parameter: str):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [parameter]
    assert response.json()[parameter][0]


@pytest.mark.parametrize(
    "parameter, value",
    [
        ("actor", "nobody-at-all"),
        ("actor", "secret-source"),
        ("tag", "no-such-topic"),
        ("article", "no-such-article"),
        ("article", "draft-article"),
        ("kind", "rumour"),
        ("corrected", "maybe"),
        ("published_after", "2018-13-45"),
        ("published_before", "yesterday"),
        ("ordering", "text"),
        ("page_size", "10000"),
        ("page_size", "0"),
        ("page_size", "-5"),
        ("page_size", "ten"),
        ("cursor", "not-a-cursor"),
    ],
)
def test_it_answers_400_naming_the_bad_statement_parameter(api, seeded, parameter, value):
    from tests.support.builders import unpublished_build

    unpublished_build()
    assert_names_parameter(api.get(STATEMENTS, {parameter: value}), parameter)


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/articles/?tag=nothing-like-it", "tag"),
        ("/api/v1/articles/?actor=nobody", "actor"),
        ("/api/v1/articles/?published_after=2018-02-30", "published_after"),
        ("/api/v1/actors/?kind=robot", "kind"),
        ("/api/v1/tags/?page_size=101", "page_size"),
        ("/api/v1/corrections/?actor=nobody", "actor"),
    ],
)
def test_it_answers_400_naming_the_bad_parameter_on_other_lists(api, seeded, url, parameter):
    assert_names_parameter(api.get(url), parameter)


def test_it_refuses_a_page_size_over_100_rather_than_shrinking_it(api, seeded):
    response = api.get(STATEMENTS, {"page_size": 101})
    assert_names_parameter(response, "page_size")
    assert "100" in response.json()["page_size"][0]


@pytest.mark.parametrize(
    "payload",
    [
        {"p": [1], "b": False, "o": "id"},
        {"p": ["x"], "b": False, "o": "-id"},
        {"p": [10**30], "b": False, "o": "-id"},
        {"p": [1, 2], "b": False, "o": "-id"},
        {"p": ["\u0000"], "b": False, "o": "-id"},
        {"p": [1], "b": "yes", "o": "-id"},
        {"p": [True], "b": False, "o": "-id"},
        {"p": ["2018-99-01", 1], "b": False, "o": "sort_date_ascending,id"},
        ["not", "an", "object"],
    ],
)
def test_it_answers_400_for_a_tampered_cursor(api, seeded, payload):
    params = {"cursor": cursor_forge(payload)}
    if isinstance(payload, dict) and payload["o"].startswith("sort_date"):
        params["ordering"] = "published_on"
    assert_names_parameter(api.get(STATEMENTS, params), "cursor")


def test_it_answers_400_for_a_cursor_used_with_another_ordering(api, seeded):
    next_page = api.get(STATEMENTS, {"page_size": 5}).json()["next"]
    assert_names_parameter(api.get(next_page + "&ordering=published_on"), "cursor")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/statements/999999/",
        "/api/v1/statements/not-a-number/",
        "/api/v1/statements/99999999999999999999999/",
        "/api/v1/statements/%00/",
        "/api/v1/articles/%00/",
        "/api/v1/actors/nobody%00/",
        "/api/v1/tags/%00/",
        "/api/v1/nothing-here/",
        "/api/",
    ],
)
def test_it_answers_a_json_404_for_unknown_addresses(api, seeded, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_it_answers_400_not_500_for_a_nul_character_in_a_filter(api, seeded):
    assert_names_parameter(api.get(STATEMENTS, {"q": "dormant\x00cells"}), "q")
    assert_names_parameter(api.get(STATEMENTS, {"actor": "jaafari\x00"}), "actor")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/statements/", "/api/v1/statements/4/", "/api/v1/actors/ibrahim-al-jaafari/"])
def test_it_answers_405_in_json_to_writes(api, seeded, method, url):
    response = getattr(api, method)(url, data={"text": "rewritten"}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "GET" in response["Allow"] and "POST" not in response["Allow"]
    assert response.json()["detail"]


def test_it_answers_405_to_a_signed_in_editor_too(client, editor, seeded):
    client.force_login(editor)
    assert client.post(STATEMENTS, {}).status_code == 405


def test_it_answers_429_with_retry_after_over_the_anonymous_rate(api, seeded, settings):
    settings.CURATION_API_ANON_RATE = "3/min"
    assert [api.get(STATEMENTS).status_code for _ in range(3)] == [200, 200, 200]
    response = api.get(STATEMENTS)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 0 < int(response["Retry-After"]) <= 60


def test_it_counts_each_client_address_separately(api, seeded, settings):
    settings.CURATION_API_ANON_RATE = "1/min"
    assert api.get(STATEMENTS, REMOTE_ADDR="192.0.2.1").status_code == 200
    assert api.get(STATEMENTS, REMOTE_ADDR="192.0.2.2").status_code == 200
    assert api.get(STATEMENTS, REMOTE_ADDR="192.0.2.1").status_code == 429


def test_it_ignores_a_forged_forwarded_for_header(api, seeded, settings):
    settings.CURATION_API_ANON_RATE = "1/min"
    assert api.get(STATEMENTS, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert api.get(STATEMENTS, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_it_has_no_limit_when_the_rate_is_empty(api, seeded, settings):
    settings.CURATION_API_ANON_RATE = None
    assert {api.get("/api/v1/tags/").status_code for _ in range(5)} == {200}


@pytest.mark.parametrize(
    "url", ["/api/v1/statements/?kind=direct", "/api/v1/articles/", "/api/v1/actors/ibrahim-al-jaafari/"]
)
def test_it_answers_304_when_the_etag_still_matches(api, seeded, url):
    first = api.get(url)
    etag = first["ETag"]
    assert etag
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_it_sends_a_new_etag_once_the_data_changed(api, seeded):
    from curation.models import Statement

    url = "/api/v1/statements/?kind=direct"
    etag = api.get(url)["ETag"]
    Statement.objects.public().filter(kind="direct").update(speaker_as_printed="Someone else")
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_it_answers_an_unexpected_failure_with_a_json_500(api, seeded, monkeypatch):
    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.TagViewSet, "get_queryset", broken)
    response = api.get("/api/v1/tags/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "a bug" not in response.json()["detail"], "no internals leak"


@pytest.mark.parametrize("parameter", ["actor", "tag", "article"])
def test_it_names_an_unknown_slug_containing_a_percent_sign(api, seeded, parameter):
    response = api.get(STATEMENTS, {parameter: "100%-sure%s"})
    assert_names_parameter(response, parameter)
    assert "100%-sure%s" in response.json()[parameter][0]
