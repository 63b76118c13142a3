"""The API, the search page and the article filters under hostile query strings: 400 or 200, never a 500.

Bots send what no client would: enormous or negative page sizes, forged and
oversized cursors, SQL and LIKE wildcards, very long words, parameters twice,
bytes PostgreSQL refuses. Each must be answered as bad input naming the
parameter, or served; and an anonymous flood is slowed down with 429.
"""

import base64
import json
import random

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.support.api import cursor_forge

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/statements/", "/api/v1/articles/", "/api/v1/actors/", "/api/v1/tags/", "/api/v1/corrections/"]
FILTERS = {
    "/api/v1/statements/": [
        "actor",
        "tag",
        "article",
        "kind",
        "corrected",
        "published_after",
        "published_before",
        "q",
        "ordering",
    ],
    "/api/v1/articles/": ["outlet", "tag", "actor", "published_after", "published_before", "q", "ordering"],
    "/api/v1/actors/": ["q", "kind"],
    "/api/v1/tags/": ["q"],
    "/api/v1/corrections/": ["actor", "article"],
}
HOSTILE_VALUES = [
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "%%%' OR '1'='1",
    "x" * 10_000,
    "jaafari\x00",
    "\x00",
    "Джаафари",
    "الجعفري",
    "\u202e\u200b\u2060",
    "😀" * 50,
    "<script>alert(1)</script>",
    "-1",
    "9" * 40,
    "2018-02-30",
    "null",
    "true\x00",
]


@pytest.fixture
def unlimited(settings):
    """No rate limit: these tests send hundreds of requests from one address on purpose."""
    settings.CURATION_API_ANON_RATE = None


def assert_answered(response, parameter: str | None = None):
    """Assert a 200, or a 400 in JSON naming the parameter (when one is given)."""
    asked = response.request["QUERY_STRING"][:120]
    assert response.status_code in (200, 400), (asked, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    if response.status_code == 400 and parameter is not None:
        assert list(response.json()) == [parameter], response.json()
    return response


@pytest.mark.parametrize("url", LISTS)
def test_it_refuses_a_page_size_out_of_range_by_name(api, seeded, url):
    for value in ["10000", "-1", "0", "abc", "1e3", "١٠", " 5", "5\x00", "99999999999999999999999"]:
        response = api.get(url, {"page_size": value})
        assert response.status_code == 400, value
        assert list(response.json()) == ["page_size"]


@pytest.mark.parametrize("url", LISTS)
def test_it_answers_every_filter_with_a_hostile_value_as_400_or_200(api, seeded, unlimited, url):
    # One seeded desk per list, every value and parameter against it: the API only reads.
    for value in HOSTILE_VALUES:
        for parameter in FILTERS[url]:
            assert_answered(api.get(url, {parameter: value}), parameter)


@pytest.mark.parametrize("url", ["/api/v1/statements/", "/api/v1/articles/", "/api/v1/actors/", "/api/v1/tags/"])
@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", "_", "\\", "%_%"])
def test_it_matches_sql_and_wildcard_characters_literally(api, seeded, unlimited, url, value):
    """No seed text holds these characters: a q that matched anything would be running them as SQL or LIKE."""
    everything = api.get(url, {"page_size": 100}).json()["results"]
    assert everything
    response = assert_answered(api.get(url, {"q": value, "page_size": 100}), "q")
    assert response.status_code == 400 or response.json()["results"] == []


def test_it_answers_a_10000_character_q_everywhere(api, seeded):
    for url in LISTS:
        assert_answered(api.get(url, {"q": "dormant " * 1250}), "q")


@pytest.mark.parametrize("url", LISTS)
def test_it_refuses_unknown_parameters_by_name(api, seeded, url):
    """A parameter the API would ignore must not pass for a filter that was applied."""
    response = api.get(url, {"utm_source": "<script>", "speaker": "abadi"})
    assert response.status_code == 400
    assert set(response.json()) == {"utm_source", "speaker"}
    assert "Known parameters: " in response.json()["speaker"][0]
    assert "cursor" in response.json()["speaker"][0]


def test_it_refuses_a_repeated_parameter_rather_than_picking_one(api, seeded):
    for query in ["kind=rumour&kind=direct", "kind=direct&kind=direct", "page_size=5&page_size=5000"]:
        response = api.get(f"/api/v1/statements/?{query}")
        assert response.status_code == 400, query
        parameter = query.split("=")[0]
        assert list(response.json()) == [parameter]
        assert "given 2 times" in response.json()[parameter][0]


def cursor_of(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


GARBAGE_CURSORS = {
    "random base64": cursor_of(random.Random(8).randbytes(300)),
    "not base64": "!!!***",
    "ten kilobytes": cursor_of(b"A" * 7_500),
    "ten kilobytes of json": cursor_of(json.dumps({"p": ["x" * 10_000, 1], "b": False, "o": "name,id"}).encode()),
    "deeply nested json": cursor_of(b"[" * 5_000 + b"]" * 5_000),
    "deeply nested position": cursor_of(b'{"p":' + b"[" * 5_000 + b"]" * 5_000 + b',"b":false,"o":"-id"}'),
    "json null": cursor_of(b"null"),
    "a number": cursor_of(b"12"),
    "nul bytes": cursor_of(b"\x00" * 64),
    "non-ascii": "Джаафари",
    "padding only": "====",
}


@pytest.mark.parametrize("name", GARBAGE_CURSORS)
def test_it_refuses_a_garbage_cursor_by_name(api, seeded, name):
    for url in LISTS:
        response = api.get(url, {"cursor": GARBAGE_CURSORS[name]})
        assert response.status_code == 400, (url, response.content[:300])
        assert list(response.json()) == ["cursor"]


@pytest.mark.parametrize(
    "issued_by, used_on",
    [
        ("/api/v1/statements/", "/api/v1/articles/"),
        ("/api/v1/articles/", "/api/v1/statements/"),
        ("/api/v1/statements/", "/api/v1/corrections/"),
        ("/api/v1/actors/", "/api/v1/statements/"),
        ("/api/v1/actors/", "/api/v1/tags/"),
        ("/api/v1/tags/", "/api/v1/actors/"),
    ],
)
def test_it_refuses_or_serves_a_cursor_of_another_endpoint(api, seeded, issued_by, used_on):
    next_page = api.get(issued_by, {"page_size": 1}).json()["next"]
    cursor = next_page.split("cursor=")[1].split("&")[0]
    assert_answered(api.get(used_on, {"cursor": cursor}), "cursor")


def test_it_still_pages_past_the_longest_name_a_cursor_can_hold(api, seeded, editor):
    from curation.models import Actor, Statement
    from curation.services import statement_reattribute

    longest = Actor.objects.create(name="\U0001f600" * 200, slug="longest-name")
    statement_reattribute(statement=Statement.objects.public().first(), to_actor=longest, by=editor, reason="test")
    first = api.get("/api/v1/actors/", {"page_size": 1, "q": "\U0001f600"}).json()
    assert first["results"][0]["name"] == longest.name and first["next"] is None
    cursor_page = api.get("/api/v1/actors/", {"page_size": 1}).json()
    url = cursor_page["next"]
    while url:
        response = api.get(url)
        assert response.status_code == 200
        url = response.json()["next"]


@pytest.mark.parametrize(
    "position",
    [[2**63], [-(2**63) - 1], [-1], ["9" * 5000], ["1" + "\u0660" * 3], [None], [[1]], [{"a": 1}], [1.5]],
)
def test_it_refuses_a_forged_cursor_position(api, seeded, position):
    response = api.get("/api/v1/statements/", {"cursor": cursor_forge({"p": position, "b": False, "o": "-id"})})
    assert_answered(response, "cursor")


def test_it_follows_next_links_deep_into_the_list(api, seeded):
    url, pages = "/api/v1/statements/?page_size=1", 0
    while url and pages < 100:
        response = api.get(url)
        assert response.status_code == 200
        url, pages = response.json()["next"], pages + 1
    assert url is None, "the last page has no next link"


@pytest.fixture
def anonymous_budget():
    cache.clear()
    yield
    cache.clear()


@override_settings(CURATION_API_ANON_RATE="5/min")
def test_it_answers_429_with_retry_after_to_an_anonymous_flood(client, seeded, anonymous_budget):
    answers = [client.get("/api/v1/tags/", {"q": f"flood {number}"}).status_code for number in range(8)]
    assert answers == [200] * 5 + [429] * 3
    response = client.get("/api/v1/statements/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"]


@override_settings(CURATION_API_ANON_RATE="2/min")
def test_it_counts_bad_requests_against_the_limit_too(client, seeded, anonymous_budget):
    assert client.get("/api/v1/statements/", {"page_size": "-1"}).status_code == 400
    assert client.get("/api/v1/statements/", {"cursor": "!!!"}).status_code == 400
    assert client.get("/api/v1/statements/").status_code == 429


PAGE_FILTERS = {
    "/search/": ["q", "page"],
    "/articles/": ["outlet", "tag", "actor", "published_after", "published_before", "page"],
    "/actors/": ["name", "kind", "page"],
}


@pytest.mark.parametrize("url", PAGE_FILTERS)
def test_it_answers_hostile_values_on_the_public_search_and_filters_without_a_500(client, seeded, url):
    for value in HOSTILE_VALUES:
        for parameter in PAGE_FILTERS[url]:
            response = client.get(url, {parameter: value})
            # A page number that is no page is a 404; every other bad value is a form error on a 200.
            expected = {200, 404} if parameter == "page" else {200}
            assert response.status_code in expected, (parameter, value[:40], response.status_code)


def test_it_answers_repeated_and_unknown_parameters_on_the_public_pages(client, seeded):
    assert client.get("/articles/?tag=x&tag=security&utm_source=%3Cscript%3E").status_code == 200
    assert client.get("/search/?q=dormant&q=%00&page=1&page=2").status_code == 200
    assert client.get("/actors/?kind=person&kind=robot&name=%25").status_code == 200
