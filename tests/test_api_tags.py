"""GET /api/v1/tags/ and /api/v1/tags/<slug>/."""

import pytest

from curation.models import Statement, Tag
from tests.support.api import all_pages, results, slugs

URL = "/api/v1/tags/"


def test_it_lists_every_tag_alphabetically(api, seeded):
    listed = [row["slug"] for row in all_pages(api, f"{URL}?page_size=5")]
    assert listed == list(Tag.objects.order_by("name", "id").values_list("slug", flat=True))
    assert len(listed) == 13


def test_it_gives_a_tag_its_parent_children_aliases_and_public_count(api, unpublished):
    islamic_state = Tag.objects.get(slug="islamic-state")
    body = api.get(f"{URL}islamic-state/").json()
    assert body["parent"] == islamic_state.parent.slug
    assert "ISIS" in body["aliases"] and "Da’ash" in body["aliases"]
    assert body["statement_count"] == Statement.objects.public().filter(tags=islamic_state).count() == 10
    parent = api.get(f"{URL}{islamic_state.parent.slug}/").json()
    assert "islamic-state" in parent["children"]


def test_it_counts_no_hidden_statement(api, unpublished):
    assert api.get(f"{URL}hidden-topic/").json()["statement_count"] == 0


def test_it_redirects_an_alias_to_the_tag(api, seeded):
    response = api.get(f"{URL}isis/")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/tags/islamic-state/"


def test_it_answers_404_for_an_unknown_tag(api, seeded):
    response = api.get(f"{URL}no-such-topic/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_it_searches_names_slugs_and_aliases(api, seeded):
    assert slugs(api.get(URL, {"q": "Da'esh"})) == ["islamic-state"]
    assert slugs(api.get(URL, {"q": "financing"})) == ["terrorist-financing"]
    assert "counter-terrorism" in slugs(api.get(URL, {"q": "war on terror"}))


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_three_queries_whatever_the_page_size(api, archive, django_assert_num_queries, page_size):
    # The tags with parents and counts, their aliases, their children.
    with django_assert_num_queries(3):
        assert len(results(api.get(URL, {"page_size": page_size}))) == page_size
