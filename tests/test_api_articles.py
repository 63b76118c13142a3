"""GET /api/v1/articles/ and /api/v1/articles/<slug>/."""

import pytest

from curation.models import Article, Statement
from tests.support.api import all_pages, results, slugs

URL = "/api/v1/articles/"
ABADI_ARTICLE = "jaafari-calls-for-international-efforts-against-terrorism"


def test_it_lists_the_published_articles_newest_first_undated_last(api, unpublished):
    rows = results(api.get(URL))
    assert len(rows) == 5
    assert [row["published_on"] for row in rows] == ["2020-11-26", "2018-04-08", None, None, None]
    assert "draft-article" not in [row["slug"] for row in rows]


def test_it_gives_an_article_its_source_and_counts_only_public_statements(api, unpublished):
    [article] = [row for row in results(api.get(URL)) if row["slug"] == ABADI_ARTICLE]
    assert article == {
        "slug": ABADI_ARTICLE,
        "title": "Jaafari calls for international efforts to help countries facing terrorism",
        "outlet": "Iraqinews.com",
        "published_on": "2018-04-08",
        "url": None,
        "statement_count": 7,
    }
    assert Statement.objects.filter(article__slug=ABADI_ARTICLE).count() > 7, "hidden ones exist but are not counted"


def test_it_shows_an_article_with_its_text_and_public_statements_in_reading_order(api, unpublished):
    body = api.get(f"{URL}{ABADI_ARTICLE}/").json()
    article = Article.objects.get(slug=ABADI_ARTICLE)
    assert body["body"] == article.body
    starts = [statement["span"]["start"] for statement in body["statements"]]
    assert len(starts) == body["statement_count"] == 7
    assert starts == sorted(starts)
    for statement in body["statements"]:
        assert "article" not in statement
        assert article.body[statement["span"]["start"] : statement["span"]["end"]] == statement["text"]
    [abadi] = [statement for statement in body["statements"] if statement["speaker_as_printed"] == "Abadi"]
    assert abadi["corrected"] is True
    assert abadi["corrections"][0]["from_speaker"]["slug"] == "haider-al-abadi"


def test_it_answers_404_for_a_draft_and_an_unknown_article(api, unpublished):
    assert api.get(f"{URL}draft-article/").status_code == 404
    response = api.get(f"{URL}no-such-article/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_it_filters_by_outlet_in_any_case(api, seeded):
    assert slugs(api.get(URL, {"outlet": "iraqinews.com"})) == [ABADI_ARTICLE]


def test_it_filters_by_actor(api, seeded):
    assert slugs(api.get(URL, {"actor": "ibrahim-al-jaafari"})) == [ABADI_ARTICLE]


def test_it_filters_by_tag_through_the_tags_of_public_statements(api, unpublished):
    tagged = slugs(api.get(URL, {"tag": "united-nations"}))
    expected = Article.objects.public().filter(
        statements__in=Statement.objects.public().filter(tags__slug="united-nations")
    )
    assert set(tagged) == set(expected.values_list("slug", flat=True)) != set()
    assert slugs(api.get(URL, {"tag": "UN"})) == tagged, "an alias works like the slug"


def test_it_filters_by_date_range(api, seeded):
    assert slugs(api.get(URL, {"published_after": "2019-01-01"})) == ["iraq-warns-daesh-activities-have-intensified"]
    assert slugs(api.get(URL, {"published_before": "2019-01-01"})) == [ABADI_ARTICLE]


def test_it_searches_titles(api, seeded):
    assert slugs(api.get(URL, {"q": "INTERNATIONAL EFFORTS"})) == [ABADI_ARTICLE]


@pytest.mark.parametrize("ordering", ["published_on", "-published_on", "id", "-id"])
def test_it_pages_through_every_article_once_in_any_ordering(api, seeded, ordering):
    rows = all_pages(api, f"{URL}?ordering={ordering}&page_size=2")
    assert sorted(row["slug"] for row in rows) == sorted(Article.objects.public().values_list("slug", flat=True))


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_one_query_whatever_the_page_size(api, archive, django_assert_num_queries, page_size):
    # Statement counts come in the same query, as a subquery per row.
    with django_assert_num_queries(1):
        assert len(results(api.get(URL, {"page_size": page_size}))) == page_size


def test_it_costs_four_queries_for_an_article_with_its_statements(api, seeded, django_assert_num_queries):
    # The article, its statements with speakers, their tags, their corrections.
    with django_assert_num_queries(4):
        assert api.get(f"{URL}{ABADI_ARTICLE}/").status_code == 200
