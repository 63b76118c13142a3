"""Which query parameters each endpoint takes, and how it refuses the rest: a 400 naming them, never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.api.parameters import MAX_VALUE_LENGTH

pytestmark = pytest.mark.django_db

KNOWN = {
    "/api/v1/statements/": [
        "actor",
        "article",
        "corrected",
        "cursor",
        "format",
        "kind",
        "ordering",
        "page_size",
        "published_after",
        "published_before",
        "q",
        "tag",
    ],
    "/api/v1/articles/": [
        "actor",
        "cursor",
        "format",
        "ordering",
        "outlet",
        "page_size",
        "published_after",
        "published_before",
        "q",
        "tag",
    ],
    "/api/v1/actors/": ["cursor", "format", "kind", "page_size", "q"],
    "/api/v1/tags/": ["cursor", "format", "page_size", "q"],
    "/api/v1/corrections/": ["actor", "article", "cursor", "format", "page_size"],
}
DETAILS = [
    "/api/v1/statements/{statement}/",
    "/api/v1/articles/jaafari-calls-for-international-efforts-against-terrorism/",
    "/api/v1/actors/ibrahim-al-jaafari/",
    "/api/v1/tags/islamic-state/",
    "/api/v1/corrections/{correction}/",
]


@pytest.fixture
def addresses(seeded):
    """Every list and one published object of each kind, with the seeds' ids filled in."""
    from curation.models import AttributionCorrection, Statement

    ids = {
        "statement": Statement.objects.public().order_by("id").first().pk,
        "correction": AttributionCorrection.objects.public().first().pk,
    }
    return list(KNOWN) + [url.format(**ids) for url in DETAILS]


@pytest.fixture
def unlimited(settings):
    settings.CURATION_API_ANON_RATE = None


def known_listed(message: str) -> list[str]:
    return message.split("Known parameters: ")[1].rstrip(".").split(", ")


@pytest.mark.parametrize("url", KNOWN)
def test_it_names_an_unknown_parameter_and_lists_the_ones_a_list_knows(api, seeded, url):
    response = api.get(url, {"speaker": "abadi"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["speaker"]
    assert known_listed(response.json()["speaker"][0]) == KNOWN[url]


def test_it_takes_only_the_format_on_a_detail(api, addresses):
    for url in addresses[len(KNOWN) :]:
        assert api.get(url, {"format": "json"}).status_code == 200, url
        response = api.get(url, {"page_size": "5"})
        assert response.status_code == 400, url
        assert known_listed(response.json()["page_size"][0]) == ["format"]


def test_the_root_takes_only_the_format(api, db):
    assert api.get("/api/v1/", {"format": "json"}).status_code == 200
    response = api.get("/api/v1/", {"q": "Daesh"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert known_listed(response.json()["q"][0]) == ["format"]


@pytest.mark.parametrize("url", KNOWN)
def test_it_serves_every_known_parameter_left_empty(api, seeded, url):
    """Clients filling URL templates send ?tag=&kind=; an empty value is "not given", not unknown."""
    assert api.get(url, dict.fromkeys(KNOWN[url], "")).status_code == 200


def test_it_answers_405_to_a_write_whatever_its_parameters(api, seeded):
    assert api.post("/api/v1/statements/?speaker=abadi&kind=x&kind=y").status_code == 405
    assert api.generic("TRACE", "/api/v1/actors/?nothing=1").status_code == 405


def test_it_names_a_parameter_with_no_name(api, seeded):
    response = api.get("/api/v1/statements/?=direct")
    assert response.status_code == 400
    assert response.json()[""][0].startswith("A parameter with an empty name is not known here.")


def test_it_names_at_most_ten_unknown_parameters(api, seeded):
    response = api.get("/api/v1/tags/?" + "&".join(f"unknown{number}=1" for number in range(50)))
    assert response.status_code == 400
    assert list(response.json()) == [f"unknown{number}" for number in range(10)]


def test_it_shortens_a_very_long_unknown_name(api, seeded):
    response = api.get("/api/v1/tags/?" + "n" * 5_000 + "=1")
    assert list(response.json()) == ["n" * 100 + "…"]


@pytest.mark.parametrize("count", [1_001, 5_000])
def test_it_refuses_more_parameters_than_it_reads_with_a_400(api, seeded, count):
    response = api.get("/api/v1/statements/?" + "&".join(["kind=direct"] * count))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Too many query parameters.")


@pytest.mark.parametrize("parameter", ["kind", "actor", "published_after", "ordering", "page_size", "cursor", "format"])
def test_it_refuses_a_nul_character_in_any_value_by_name(api, seeded, parameter):
    response = api.get("/api/v1/statements/", {parameter: "direct\x00"})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_it_refuses_an_overlong_value_saying_how_long_it_may_be(api, seeded):
    assert api.get("/api/v1/actors/", {"q": "j" * MAX_VALUE_LENGTH}).status_code == 200
    response = api.get("/api/v1/actors/", {"q": "j" * (MAX_VALUE_LENGTH + 1)})
    assert response.status_code == 400
    assert response.json() == {"q": ["This value is 1,001 characters long; at most 1,000 are taken."]}


@pytest.mark.parametrize("value", ["xml", "yaml", "JSON", "%00"])
def test_it_names_a_format_it_does_not_have(api, seeded, value):
    response = api.get("/api/v1/statements/", {"format": value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["format"]
    assert response.json()["format"][0].startswith("Give one of: json")


# Pieces of query strings as bots and broken clients send them: names the
# endpoints know and do not, values of every shape, escapes that decode to
# nothing valid, separators without names, NUL, and far too much of all.
KNOWN_NAMES = sorted({name for names in KNOWN.values() for name in names})
VALUES = [
    "",
    "direct",
    "ibrahim-al-jaafari",
    "islamic-state",
    "jaafari-calls-for-international-efforts-against-terrorism",
    "true",
    "2018-04-08",
    "2018-02-30",
    "-published_on",
    "100",
    "-1",
    "9" * 40,
    "1e3",
    "eyJwIjpbMjJdLCJiIjpmYWxzZSwibyI6Ii1pZCJ9",
    "' OR 1=1 --",
    "%_\\",
    "x" * 1_001,
]
RAW_PIECES = ["%", "%zz", "%00", "=", "==", "&", ";", "+", "%FF%FE", "%C0%80", "%ED%A0%80", "a[]=1", "a.b=1"]
names = st.one_of(st.sampled_from(KNOWN_NAMES + ["speaker", "utm_source", "id", "page", ""]), st.text(max_size=20))
values = st.one_of(st.sampled_from(VALUES), st.text(max_size=60), st.binary(max_size=40))


def encoded(text_or_bytes) -> str:
    return quote(text_or_bytes, safe="")


pairs = st.builds(lambda name, value: f"{encoded(name)}={encoded(value)}", names, values)
pieces = st.one_of(pairs, pairs, pairs, st.sampled_from(RAW_PIECES))
query_strings = st.one_of(
    st.lists(pieces, max_size=8).map("&".join),
    # Past Django's limit of 1,000 fields, with a known name repeated.
    st.integers(990, 1_200).map(lambda count: "&".join(["kind=direct"] * count)),
)


def assert_refused_or_served(url: str, response):
    """A 200 (301 for a detail's former name), or a JSON 400 whose every message is plain text."""
    assert response.status_code in {200, 301, 400}, (url, response.status_code, response.content[:300])
    if response.status_code == 301:
        return
    assert response["Content-Type"] == "application/json", (url, response.content[:300])
    body = response.json()
    if response.status_code == 400:
        assert body, url
        for messages in body.values():
            messages = messages if isinstance(messages, list) else [messages]
            assert all(isinstance(message, str) and message for message in messages), body


FUZZ_EXAMPLES = 400


@pytest.mark.slow
@settings(
    max_examples=FUZZ_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    # One seeded desk serves every example: the API only reads.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_it_answers_every_generated_query_string_with_200_or_a_named_400(api, addresses, unlimited, data):
    url = data.draw(st.sampled_from(addresses), label="url")
    query = data.draw(query_strings, label="query")
    assert_refused_or_served(url, api.get(f"{url}?{query}"))


def test_the_fuzz_check_fails_a_server_error(api, seeded, monkeypatch):
    """The fuzz test can fail: an endpoint that breaks on a parameter is caught."""
    from curation.api import views

    def broken(self, queryset):
        raise RuntimeError("a bug in a filter")

    monkeypatch.setattr(views.TagViewSet, "filter_queryset", broken)
    with pytest.raises(AssertionError):
        assert_refused_or_served("/api/v1/tags/", api.get("/api/v1/tags/?q=x"))
