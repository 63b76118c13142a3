"""A statement's page: the quote, who said it, where, and its correction history."""

import pytest

from curation.models import Actor, Statement, Tag
from curation.services import statement_reattribute
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def abadi_quote(seeded):
    return Statement.objects.get(speaker_as_printed="Abadi")


def page_of(client, statement):
    response = client.get(statement.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_quote_kind_speaker_and_the_name_as_printed(client, abadi_quote):
    page = page_of(client, abadi_quote)
    assert "<h1" in page and "Direct quote by Ibrahim al-Jaafari" in page
    assert abadi_quote.text in page
    assert "<dt>As printed</dt><dd>“Abadi”</dd>" in page
    # His role on the day of the article.
    assert "Ibrahim al-Jaafari</a> — Foreign Minister, Government of Iraq" in page


def test_it_tells_the_correction_in_plain_words(client, abadi_quote):
    correction = abadi_quote.corrections.get()
    page = page_of(client, abadi_quote)
    day = f"{correction.corrected_at:%-d %B %Y}"
    assert "An earlier version attributed this quote to Abadi. It is now attributed to Ibrahim al-Jaafari." in page
    assert f'Corrected on <time datetime="{correction.corrected_at.isoformat()}">{day}</time>:</strong>' in page
    assert "The warning continues the remarks of “the top Iraqi diplomat”, Jaafari." in page


def test_it_shows_the_quote_in_its_context_with_a_link_to_its_place(client, abadi_quote):
    page = page_of(client, abadi_quote)
    assert "Abadi warned that the “<mark>Islamic State group, despite" in page
    assert f'#statement-{abadi_quote.pk}">Read it in the whole article' in page


def test_it_does_not_repeat_the_printed_name_when_it_is_the_speakers_name(client, seeded):
    statement = Statement.objects.public().filter(speaker__slug="fuad-hussein").first()
    assert "As printed" in page_of(client, statement)
    statement.speaker_as_printed = statement.speaker.name
    statement.save()
    assert "As printed" not in page_of(client, statement)


def test_it_names_the_actor_when_the_printed_speaker_was_only_a_description(client, editor, db):
    article = make_article(body="The top diplomat said that talks will resume. The end.")
    statement = make_statement(
        article, "talks will resume", speaker=make_actor("Wrong Person"), printed="The top diplomat"
    )
    statement_reattribute(statement=statement, to_actor=make_actor("Right Person"), by=editor, reason="Checked.")
    page = page_of(client, statement)
    assert "An earlier version attributed this quote to Wrong Person. It is now attributed to Right Person." in page


def test_it_words_a_correction_to_and_from_no_one(client, editor, db):
    article = make_article(body="Someone said that rain is coming. The end.")
    statement = make_statement(article, "rain is coming", speaker=make_actor("Forecaster"), printed="Someone")
    statement_reattribute(statement=statement, to_actor=None, by=editor, reason="Nobody knows who said it.")
    statement_reattribute(statement=statement, to_actor=make_actor("Meteorologist"), by=editor, reason="Found.")
    page = page_of(client, statement)
    # The first notice was followed by another, so it tells who the quote was attributed to then, not now.
    assert "An earlier version attributed this quote to Forecaster. It was then attributed to no one." in page
    assert "An earlier version did not attribute this quote to anyone. It is now attributed to Meteorologist." in page
    assert "It is no longer attributed to anyone." not in page
    assert page.index("Nobody knows who said it.") < page.index("Found.")


def test_it_keeps_a_correction_that_is_not_public_off_the_page(client, editor, db):
    article = make_article(body="He said that the vote is fair. The end.")
    statement = make_statement(article, "the vote is fair", speaker=make_actor("Typo Name"))
    statement_reattribute(
        statement=statement,
        to_actor=make_actor("Fixed Name"),
        by=editor,
        reason="Internal fix of a duplicate.",
    )
    # Corrections recorded before every correction became public may be hidden.
    statement.corrections.update(is_public=False)
    page = page_of(client, statement)
    assert "Internal fix of a duplicate." not in page and "An earlier version" not in page


@pytest.mark.parametrize(
    "changes",
    [
        {"review_status": Statement.ReviewStatus.SUGGESTED},
        {"review_status": Statement.ReviewStatus.REJECTED},
        {"published": False},
    ],
)
def test_it_answers_statements_readers_may_not_see_with_404(client, db, changes):
    article = make_article()
    statement = make_statement(
        article,
        "The end",
        speaker=make_actor("Hidden Speaker"),
        status=changes.get("review_status", Statement.ReviewStatus.CONFIRMED),
        published=changes.get("published", True),
    )
    assert client.get(statement.get_absolute_url()).status_code == 404


def test_it_answers_a_statement_in_a_draft_article_with_404(client, db):
    statement = make_statement(make_article(draft=True), "The end", speaker=make_actor("Draft Speaker"))
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert client.get("/statements/999999/").status_code == 404


def test_it_escapes_hostile_quotes_reasons_and_printed_names(client, editor, db):
    article = make_article(body='He said "</p><script>alert(1)</script>" loudly. The end.')
    statement = make_statement(
        article,
        "</p><script>alert(1)</script>",
        speaker=make_actor("A Person"),
        printed='<img src=x onerror="alert(2)">',
    )
    statement_reattribute(
        statement=statement, to_actor=make_actor("B Person"), by=editor, reason="<script>alert(3)</script> & more"
    )
    page = page_of(client, statement)
    for hostile in ("<script>alert(1)", "<img src=x", "<script>alert(3)"):
        assert hostile not in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt; &amp; more" in page


def test_it_uses_the_same_queries_however_many_corrections_and_tags(client, seeded, editor, django_assert_num_queries):
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    # The statement with article and speaker; tags; roles; corrections; the
    # earlier speakers' aliases.
    with django_assert_num_queries(5):
        client.get(statement.get_absolute_url())
    for slug in ("haider-al-abadi", "miguel-de-serpa-soares", "ibrahim-al-jaafari"):
        statement_reattribute(statement=statement, to_actor=Actor.objects.get(slug=slug), by=editor, reason="Again.")
    statement.tags.add(*Tag.objects.all())
    with django_assert_num_queries(5):
        page = client.get(statement.get_absolute_url()).content.decode()
    assert page.count('class="correction-notice"') == 4 and page.count('class="tag"') == Tag.objects.count()
