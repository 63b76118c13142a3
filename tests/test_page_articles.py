"""The article list: filters by outlet, topic, actor and date range, and pages."""

from datetime import date

import pytest

from curation.models import Actor, Tag
from tests.support.builders import make_article, make_quoted_articles

pytestmark = pytest.mark.django_db

JAAFARI_ARTICLE = "Jaafari calls for international efforts"
HUSSEIN_ARTICLE = "Iraq Warns Daesh Activities Have Intensified"
PRESIDENT_ARTICLE = "Iraqi President Calls For International Cooperation"


def listed(client, query=""):
    response = client.get(f"/articles/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_published_article_with_its_statement_count(client, seeded):
    page = listed(client)
    assert "5 articles" in page
    assert JAAFARI_ARTICLE in page and "7 statements" in page


def test_it_hides_draft_articles(client, seeded):
    make_article("An unpublished draft", draft=True)
    page = listed(client)
    assert "An unpublished draft" not in page and "5 articles" in page


def test_it_filters_by_outlet(client, seeded):
    page = listed(client, "?outlet=Iraq+News")
    assert "1 article<" in page and HUSSEIN_ARTICLE in page and JAAFARI_ARTICLE not in page


def test_it_filters_by_topic_including_the_topics_below_it(client, seeded):
    # Foreign fighters sits below Islamic State: only the Hussein article tags it.
    page = listed(client, "?tag=islamic-state")
    assert HUSSEIN_ARTICLE in page and JAAFARI_ARTICLE in page
    page = listed(client, "?tag=foreign-fighters")
    assert HUSSEIN_ARTICLE in page and JAAFARI_ARTICLE not in page


def test_it_accepts_a_topic_alias(client, seeded):
    assert listed(client, "?tag=daesh") == listed(client, "?tag=islamic-state")


def test_it_filters_by_actor_slug_name_or_alias(client, seeded):
    for value in ("fuad-hussein", "Fuad+Hussein", "Hussein"):
        page = listed(client, f"?actor={value}")
        assert "1 article<" in page and HUSSEIN_ARTICLE in page, value


def test_it_does_not_count_a_corrected_away_actor_or_a_draft_quote(client, seeded):
    # After the correction Haider al-Abadi has no public statement at all.
    page = listed(client, "?actor=haider-al-abadi")
    assert "No actor on the desk is called “haider-al-abadi”." in page


def test_it_filters_by_date_range(client, seeded):
    page = listed(client, "?published_after=2019-01-01&published_before=2020-12-31")
    assert "1 article<" in page and HUSSEIN_ARTICLE in page
    page = listed(client, "?published_before=2018-12-31")
    assert "1 article<" in page and JAAFARI_ARTICLE in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?published_after=2020-13-45", "Enter a valid date."),
        (
            "?published_after=2021-01-01&published_before=2020-01-01",
            "The end of the date range comes before its start.",
        ),
        ("?actor=Nobody+Here", "No actor on the desk is called “Nobody Here”."),
        ("?tag=no-such-topic", "No topic on the desk is called “no-such-topic”."),
        ("?outlet=The+Daily+Nothing", "No published article comes from “The Daily Nothing”."),
    ],
)
def test_it_shows_bad_filters_as_form_errors_and_lists_nothing(client, seeded, query, message):
    page = listed(client, query)
    assert "There is a problem" in page and message in page
    assert 'aria-invalid="true"' in page
    assert JAAFARI_ARTICLE not in page and HUSSEIN_ARTICLE not in page


def test_it_pages_twenty_at_a_time_and_keeps_the_filter_in_the_links(client, db):
    make_quoted_articles(25, outlet="Wire One")
    make_quoted_articles(2, outlet="Wire Two")
    first = listed(client, "?outlet=Wire+One")
    assert "25 articles" in first and first.count('class="item-title"') == 20
    assert 'href="?outlet=Wire+One&amp;page=2"' in first and "Page 1 of 2" in first
    second = listed(client, "?outlet=Wire+One&page=2")
    assert second.count('class="item-title"') == 5 and 'href="?outlet=Wire+One&amp;page=1"' in second


@pytest.mark.parametrize("page", ["abc", "0", "3", "-1", "1.5"])
def test_it_answers_a_page_that_does_not_exist_with_404(client, seeded, page):
    assert client.get(f"/articles/?page={page}").status_code == 404


def test_it_sorts_newest_first_and_undated_last(client, db):
    make_article("Undated piece", published_on=None)
    make_article("Old piece", published_on=date(2001, 1, 1))
    make_article("New piece", published_on=date(2024, 1, 1))
    page = listed(client)
    assert page.index("New piece") < page.index("Old piece") < page.index("Undated piece")


def test_it_escapes_hostile_outlets_and_titles(client, db):
    make_article('"><script>alert(1)</script>', outlet="<b>Outlet</b>")
    page = listed(client)
    assert "<script>alert(1)</script>" not in page and "<b>Outlet</b>" not in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page


def test_it_uses_the_same_queries_however_many_articles_it_shows(client, seeded, django_assert_num_queries):
    # Topics and outlets for the form, the actor (by slug, then the public
    # check), the topic tree, the count and the page of articles.
    query = "?actor=ibrahim-al-jaafari&tag=counter-terrorism"
    with django_assert_num_queries(7):
        assert "1 article<" in client.get(f"/articles/{query}").content.decode()
    make_quoted_articles(
        6, speaker=Actor.objects.get(slug="ibrahim-al-jaafari"), tags=[Tag.objects.get(slug="islamic-state")]
    )
    with django_assert_num_queries(7):
        assert "7 articles" in client.get(f"/articles/{query}").content.decode()
    with django_assert_num_queries(4):
        client.get("/articles/")
    make_quoted_articles(6, outlet="Elsewhere")
    with django_assert_num_queries(4):
        client.get("/articles/")
