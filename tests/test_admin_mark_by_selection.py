"""Marking a statement by selecting its passage, and placing a lost one again, as the desk's pages do it."""

import pytest
from django.urls import reverse

from curation import services
from curation.highlight import collapsed_returns
from curation.models import Article, Statement
from tests.support.builders import make_article, make_statement

BODY = "Ankara (Test Wire) – The minister said that “the border stays open”.\r\nShe added: “Trade goes on”. 🇮🇶 End."


@pytest.fixture
def article(db):
    return make_article("A test of marking", BODY)


def selection(article, passage):
    start = article.body.index(passage)
    return {"article": article.pk, "start": start, "end": start + len(passage), "selected_text": passage}


def test_it_finds_the_carriage_returns_a_browser_drops():
    """Only a "\\r" before a "\\n" vanishes when a browser shows the text; a lone one becomes "\\n"."""
    assert collapsed_returns("a\r\nb\rc\r\n") == [1, 6]
    assert collapsed_returns("no returns") == []


def test_it_tells_the_script_where_the_body_has_dropped_returns(editor_client, article):
    page = editor_client.get(reverse("admin:curation_article_change", args=[article.pk])).content.decode()
    assert f'data-collapsed-returns="{BODY.index(chr(13))}"' in page
    assert f'data-length="{len(BODY)}"' in page
    assert 'id="selection-tools"' in page and "curation/mark.js" in page


def test_it_opens_the_new_statement_form_filled_in_from_a_selection(editor_client, article):
    data = {**selection(article, "Trade goes on"), "_selection": "1"}
    response = editor_client.post(reverse("admin:curation_statement_add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert (form["start"].value(), form["end"].value()) == (str(data["start"]), str(data["end"]))
    assert form["selected_text"].value() == "Trade goes on"
    assert form["review_status"].value() == Statement.ReviewStatus.CONFIRMED
    assert not Statement.objects.exists()


def test_it_creates_the_statement_the_editor_selected(editor_client, article):
    data = {**selection(article, "“the border stays open”"), "kind": "direct", "review_status": "confirmed"}
    data["speaker_as_printed"] = "The minister"
    response = editor_client.post(reverse("admin:curation_statement_add"), data)
    assert response.status_code == 302
    created = Statement.objects.get()
    assert (created.text, created.speaker_as_printed) == ("“the border stays open”", "The minister")


def test_it_counts_offsets_in_code_points_past_an_emoji_flag(editor_client, article):
    data = {**selection(article, "End"), "kind": "claim", "review_status": "suggested"}
    # The flag is two code points (four UTF-16 units); the body's offsets count two.
    assert data["start"] == len(BODY) - 4
    assert editor_client.post(reverse("admin:curation_statement_add"), data).status_code == 302
    assert Statement.objects.get().text == "End"


def test_it_takes_a_selection_across_a_line_ending_as_the_browser_shows_it(editor_client, article):
    data = selection(article, "open”.\r\nShe added")
    data.update(selected_text="open”.\nShe added", kind="claim", review_status="suggested")
    assert editor_client.post(reverse("admin:curation_statement_add"), data).status_code == 302
    assert Statement.objects.get().text == "open”.\r\nShe added"


def test_it_refuses_offsets_that_do_not_cut_out_the_selected_passage_and_keeps_the_input(editor_client, article):
    data = {**selection(article, "Trade goes on"), "kind": "direct", "review_status": "suggested"}
    data.update(start=data["start"] + 1, end=data["end"] + 1, speaker_as_printed="She")
    response = editor_client.post(reverse("admin:curation_statement_add"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "reads “rade goes on””, not the passage" in page
    assert "not the passage you selected (“Trade goes on”)" in page
    assert "select the passage again" in page
    assert response.context["adminform"].form["speaker_as_printed"].value() == "She"
    assert not Statement.objects.exists()


@pytest.fixture
def orphan(article, editor):
    statement = make_statement(article, "Trade goes on", status="suggested", published=False)
    article.body = BODY.replace("Trade goes on", "Trade continues")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    statement.refresh_from_db()
    assert statement.anchor == Statement.Anchor.ORPHANED
    return statement


def test_it_offers_to_place_a_lost_statement_from_the_article_page(editor_client, orphan):
    page = editor_client.get(reverse("admin:curation_article_change", args=[orphan.article_id])).content.decode()
    assert reverse("admin:curation_statement_place", args=[orphan.pk]) in page
    assert 'id="selection-place"' in page


def test_it_places_a_lost_statement_again_and_keeps_it_in_its_history(editor_client, orphan):
    article = Article.objects.get(pk=orphan.article_id)
    data = {**selection(article, "Trade continues"), "_selection": "1"}
    response = editor_client.post(reverse("admin:curation_statement_place", args=[orphan.pk]), data)
    assert response.status_code == 302
    orphan.refresh_from_db()
    assert (orphan.anchor, orphan.text, orphan.start) == ("found", "Trade continues", data["start"])
    latest = orphan.history.first()
    assert latest.history_change_reason.startswith("Placed again at characters")
    assert latest.history_user.username == "alice"
    assert latest.prev_record.text == "Trade goes on"


def test_it_refuses_to_place_a_statement_where_another_already_is(editor_client, orphan):
    article = Article.objects.get(pk=orphan.article_id)
    make_statement(article, "Trade continues", status="suggested", published=False)
    data = {**selection(article, "Trade continues"), "version": orphan.version}
    response = editor_client.post(reverse("admin:curation_statement_place", args=[orphan.pk]), data)
    assert response.status_code == 200
    assert "Another statement already covers exactly characters" in response.content.decode()
    orphan.refresh_from_db()
    assert orphan.anchor == Statement.Anchor.ORPHANED


def test_it_offers_the_offset_form_without_javascript(editor_client, orphan):
    statement_page = editor_client.get(reverse("admin:curation_statement_change", args=[orphan.pk]))
    place_url = reverse("admin:curation_statement_place", args=[orphan.pk])
    assert place_url in statement_page.content.decode()
    form_page = editor_client.get(place_url)
    assert form_page.status_code == 200
    assert form_page.context["form"]["version"].value() == orphan.version
