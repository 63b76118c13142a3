"""The public corrections log and its Atom feed."""

import xml.etree.ElementTree as ElementTree

import pytest

from curation.models import Actor, Statement
from curation.services import statement_reattribute
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def corrected(editor, *, reason="A reason.", public=True, draft=False, status=Statement.ReviewStatus.CONFIRMED):
    article = make_article(draft=draft)
    statement = make_statement(article, "The end", speaker=make_actor(f"Before {article.pk}"), status=status)
    statement_reattribute(statement=statement, to_actor=make_actor(f"After {article.pk}"), by=editor, reason=reason)
    if not public:
        # Corrections recorded before every correction became public may be hidden.
        statement.corrections.update(is_public=False)
    return statement


def test_it_logs_the_abadi_correction_in_plain_words(client, seeded):
    page = client.get("/corrections/").content.decode()
    assert "1 correction<" in page
    assert "An earlier version attributed this quote to Abadi. It is now attributed to Ibrahim al-Jaafari." in page


def test_it_lists_the_newest_first_and_hides_what_readers_may_not_see(client, editor, db):
    corrected(editor, reason="First public.")
    corrected(editor, reason="Kept internal.", public=False)
    corrected(editor, reason="In a draft article.", draft=True)
    corrected(editor, reason="Of a suggestion.", status=Statement.ReviewStatus.SUGGESTED)
    corrected(editor, reason="Second public.")
    page = client.get("/corrections/").content.decode()
    assert "2 corrections" in page and page.index("Second public.") < page.index("First public.")
    for hidden in ("Kept internal.", "In a draft article.", "Of a suggestion."):
        assert hidden not in page


def test_it_pages_the_log(client, editor, db):
    for number in range(22):
        corrected(editor, reason=f"Reason {number}.")
    assert client.get("/corrections/").content.decode().count('class="correction-item"') == 20
    assert client.get("/corrections/?page=2").content.decode().count('class="correction-item"') == 2
    assert client.get("/corrections/?page=3").status_code == 404


def test_it_offers_an_atom_feed_of_public_corrections(client, seeded, editor):
    corrected(editor, reason="Kept internal.", public=False)
    response = client.get("/corrections/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    assert (
        entries[0]
        .find(f"{ATOM}link")
        .get("href")
        .endswith(f"{statement.get_absolute_url()}#correction-{statement.corrections.get().pk}")
    )
    assert (
        entries[0]
        .find(f"{ATOM}summary")
        .text.startswith(
            "An earlier version attributed this quote to Abadi. "
            "It is now attributed to Ibrahim al-Jaafari. Corrected on"
        )
    )
    assert entries[0].find(f"{ATOM}updated").text is not None
    assert 'type="application/atom+xml"' in client.get("/").content.decode()


def test_its_feed_shows_hostile_text_as_text(client, editor, db):
    corrected(editor, reason="<script>alert(1)</script>")
    feed = ElementTree.fromstring(client.get("/corrections/feed/").content)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    # The summary is typed "html": a reader's HTML parser must get the escaped form.
    assert summary.get("type") == "html" and "&lt;script&gt;alert(1)&lt;/script&gt;" in summary.text
    page = client.get("/corrections/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_they_use_the_same_queries_however_many_corrections(client, editor, db, django_assert_num_queries):
    corrected(editor)
    # Count and page of corrections, then the earlier speakers' aliases.
    with django_assert_num_queries(3):
        client.get("/corrections/")
    with django_assert_num_queries(2):
        client.get("/corrections/feed/")
    for _ in range(6):
        corrected(editor)
    Actor.objects.first().aliases.create(name="An alias")
    with django_assert_num_queries(3):
        assert client.get("/corrections/").content.decode().count('class="correction-item"') == 7
    with django_assert_num_queries(2):
        client.get("/corrections/feed/")
