"""GET /api/v1/actors/ and /api/v1/actors/<slug>/."""

import pytest

from curation.models import Actor, ActorSlugRedirect, Statement
from tests.support.api import all_pages, results, slugs

URL = "/api/v1/actors/"


def test_it_lists_only_actors_with_public_statements_alphabetically(api, unpublished):
    listed = [row["slug"] for row in all_pages(api, f"{URL}?page_size=4")]
    assert listed == list(Actor.objects.public().order_by("name", "id").values_list("slug", flat=True))
    assert len(listed) == 11
    assert "secret-source" not in listed, "named only in drafts and suggestions"
    assert "haider-al-abadi" not in listed, "his only quote was corrected away"


def test_it_gives_an_actor_aliases_roles_and_a_public_statement_count(api, unpublished):
    body = api.get(f"{URL}ibrahim-al-jaafari/").json()
    assert body["name"] == "Ibrahim al-Jaafari"
    assert body["kind"] == "person"
    assert "Jaafari" in body["aliases"]
    assert {
        "title": "Foreign Minister",
        "organisation": "Government of Iraq",
        "start": "2014-09-08",
        "end": "2018-10-25",
    } in body["roles"]
    assert body["statement_count"] == Statement.objects.public().filter(speaker__slug="ibrahim-al-jaafari").count()
    assert body["description"]


def test_it_answers_404_for_an_actor_only_drafts_name(api, unpublished):
    response = api.get(f"{URL}secret-source/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_it_redirects_a_merged_actors_former_slug(api, seeded):
    ActorSlugRedirect.objects.create(
        old_slug="ibrahim-jaafari-duplicate", actor=Actor.objects.get(slug="ibrahim-al-jaafari")
    )
    response = api.get(f"{URL}ibrahim-jaafari-duplicate/")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/actors/ibrahim-al-jaafari/"


def test_it_searches_names_and_aliases(api, seeded):
    assert slugs(api.get(URL, {"q": "al-jaafari"})) == ["ibrahim-al-jaafari"]
    assert slugs(api.get(URL, {"q": "Ja’afari"})) == ["ibrahim-al-jaafari"], "curly apostrophe in an alias"


def test_it_filters_by_kind(api, seeded):
    organisations = results(api.get(URL, {"kind": "organisation", "page_size": 100}))
    assert organisations and {row["kind"] for row in organisations} == {"organisation"}
    people = results(api.get(URL, {"kind": "person", "page_size": 100}))
    assert len(organisations) + len(people) == 11


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_three_queries_whatever_the_page_size(api, archive, django_assert_num_queries, page_size):
    # The actors with their counts, their aliases, their roles.
    with django_assert_num_queries(3):
        assert len(results(api.get(URL, {"page_size": page_size}))) == page_size
