"""An article page: the text with its public statements marked and linked."""

import re

import pytest

from curation.models import Article, Statement
from curation.services import article_reanchor
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db

JAAFARI = "/articles/jaafari-calls-for-international-efforts-against-terrorism/"


def test_it_marks_every_public_statement_with_a_link_naming_speaker_and_kind(client, seeded):
    page = client.get(JAAFARI).content.decode()
    article = Article.objects.get(slug="jaafari-calls-for-international-efforts-against-terrorism")
    statements = list(Statement.objects.public().filter(article=article))
    assert len(statements) == 7
    for statement in statements:
        assert f'id="statement-{statement.pk}"' in page
        assert page.count(f'href="/statements/{statement.pk}/"') >= 1
    assert ">Ibrahim al-Jaafari, direct quote</a>" in page
    assert ">Miguel de Serpa Soares, indirect quote</a>" in page
    assert page.count('<mark class="statement') == 7


def test_it_keeps_the_paragraphs_of_the_text(client, seeded):
    page = client.get(JAAFARI).content.decode()
    body = re.search(r'<div class="article-body">(.*?)</div>', page, re.S).group(1)
    # Eleven paragraphs less the feed's " date 2018-04-08 " line, which readers are not shown.
    assert body.count("<p>") == 10
    assert "date 2018-04-08" not in body
    assert "<p>Later on, the group has become notorious for its brutality" in body


def test_it_shows_topics_and_the_correction_of_the_abadi_quote(client, seeded):
    page = client.get(JAAFARI).content.decode()
    assert 'href="/tags/islamic-state/">Islamic State</a>' in page
    assert "An earlier version attributed this quote to Abadi. It is now attributed to Ibrahim al-Jaafari." in page
    assert "Haider al-Abadi is not introduced anywhere in it" in page


def test_it_answers_a_draft_or_unknown_article_with_404(client, db):
    draft = make_article("Draft article", draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/articles/no-such-article/").status_code == 404


def test_it_never_marks_suggested_rejected_or_unpublished_statements(client, db):
    article = make_article(body="One said alpha. Two said beta. Three said gamma. Four said delta.")
    make_statement(article, "alpha", speaker=make_actor("Confirmed Person"))
    make_statement(article, "beta", speaker=make_actor("Suggested Person"), status=Statement.ReviewStatus.SUGGESTED)
    make_statement(article, "gamma", speaker=make_actor("Rejected Person"), status=Statement.ReviewStatus.REJECTED)
    make_statement(article, "delta", speaker=make_actor("Unpublished Person"), published=False)
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("<mark") == 1 and "Confirmed Person" in page
    for hidden in ("Suggested Person", "Rejected Person", "Unpublished Person"):
        assert hidden not in page


def test_it_marks_overlapping_statements_without_losing_either(client, db):
    article = make_article(body="He said that peace will come soon to the region, she agreed.")
    first = make_statement(article, "peace will come soon", speaker=make_actor("First Speaker"))
    second = make_statement(article, "come soon to the region", speaker=make_actor("Second Speaker"))
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<mark class="statement statement-overlap">come soon</mark>' in page
    assert f'href="/statements/{first.pk}/">First Speaker, direct quote</a>' in page
    assert f'href="/statements/{second.pk}/">Second Speaker, direct quote</a>' in page


def test_it_escapes_hostile_text_in_the_body_speaker_and_title(client, db):
    article = make_article("<img src=x onerror=alert(1)>", body='Intro. He said "<script>alert(1)</script>" & left.')
    make_statement(article, "<script>alert(1)</script>", speaker=make_actor('<b onclick="x">Mallory</b>'))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page and "<b onclick" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in page
    assert "&lt;b onclick=&quot;x&quot;&gt;Mallory&lt;/b&gt;, direct quote</a>" in page


def test_it_lists_a_statement_no_longer_found_in_the_text_instead_of_marking_the_wrong_words(client, db):
    article = make_article(body="At first he said that the bridge is open. The end.")
    make_statement(article, "the bridge is open", speaker=make_actor("Bridge Keeper"))
    article.body = "Entirely new text now."
    article.save()
    article_reanchor(article=article)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<mark" not in page
    assert "Statements no longer found in the text" in page and "the bridge is open" in page


def test_it_uses_the_same_queries_however_many_statements_it_marks(client, db, django_assert_num_queries):
    body = " ".join(f"Speaker {number} said item{number} now." for number in range(30))
    article = make_article(body=body)
    make_statement(article, "item0", speaker=make_actor("Person 0"))
    # The article, its statements with speakers, their tags, the corrections.
    with django_assert_num_queries(4):
        client.get(article.get_absolute_url())
    for number in range(1, 30):
        make_statement(article, f"item{number}", speaker=make_actor(f"Person {number}"))
    with django_assert_num_queries(4):
        assert client.get(article.get_absolute_url()).content.decode().count("<mark") == 30
