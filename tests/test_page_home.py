"""The home page: what the desk is, latest articles, statements and corrections."""

import pytest

from curation.models import Article, Statement
from tests.support.builders import make_actor, make_article, make_quoted_articles, make_statement

pytestmark = pytest.mark.django_db


def test_it_says_what_the_desk_is_and_lists_the_latest_published_work(client, seeded):
    page = client.get("/").content.decode()
    assert "<h1" in page and "What public figures say in the news" in page
    for article in Article.objects.public():
        assert article.title in page
    assert page.count('class="statement-item"') == 6
    assert "An earlier version attributed this quote to Abadi." in page


def test_it_lists_the_newest_dated_article_first_and_undated_ones_last(client, seeded):
    page = client.get("/").content.decode()
    newest = page.index("Iraq Warns Daesh Activities Have Intensified")  # 26 November 2020
    older = page.index("Jaafari calls for international efforts")  # 8 April 2018
    undated = page.index("Iraqi President Calls For International Cooperation")
    assert newest < older < undated


def test_it_hides_drafts_and_unconfirmed_statements(client, db):
    draft = make_article("A draft nobody may see", draft=True)
    make_statement(draft, "test statement", speaker=make_actor("Draft Speaker"))
    published = make_article("A published piece")
    make_statement(published, "The end", status=Statement.ReviewStatus.SUGGESTED, speaker=make_actor("Suggested"))
    page = client.get("/").content.decode()
    assert "A published piece" in page
    assert "A draft nobody may see" not in page and "Draft Speaker" not in page and "Suggested" not in page
    assert "No statements are published yet." in page


def test_it_escapes_hostile_titles(client, db):
    make_quoted_articles(1)
    make_article('<script>alert("home")</script>')
    page = client.get("/").content.decode()
    assert '<script>alert("home")</script>' not in page
    assert "&lt;script&gt;alert(&quot;home&quot;)&lt;/script&gt;" in page


def test_it_uses_the_same_few_queries_however_many_items_it_shows(client, seeded, django_assert_num_queries):
    # Articles with their statement counts, statements with article and
    # speaker and which of them are corrected, corrections with their
    # actors, and the earlier actor's aliases.
    with django_assert_num_queries(5):
        client.get("/")
    make_quoted_articles(8)
    with django_assert_num_queries(5):
        assert client.get("/").status_code == 200
