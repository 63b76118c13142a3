"""Changing who said a statement from its change form: a reason, a correction, one transaction."""

import pytest
from django.urls import reverse

from curation.models import Actor, AttributionCorrection, Statement
from tests.support.admin import form_data


@pytest.fixture
def abadi_quote(seeded_as_published):
    return Statement.objects.get(speaker_as_printed="Abadi")


@pytest.fixture
def jaafari(seeded_as_published):
    return Actor.objects.get(slug="ibrahim-al-jaafari")


def change_url(statement):
    return reverse("admin:curation_statement_change", args=[statement.pk])


def opened_form(client, statement) -> dict:
    return form_data(client.get(change_url(statement)))


def test_it_records_a_correction_when_the_speaker_changes_with_a_reason(editor_client, editor, abadi_quote, jaafari):
    data = opened_form(editor_client, abadi_quote)
    data.update(
        speaker=str(jaafari.pk),
        reason="The article is about Jaafari; the source quotes him.",
    )
    response = editor_client.post(change_url(abadi_quote), data, follow=True)
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("Correction recorded: Haider al-Abadi → Ibrahim al-Jaafari" in message for message in messages)
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker == jaafari and abadi_quote.speaker_as_printed == "Abadi"
    correction = AttributionCorrection.objects.get()
    assert (correction.from_actor.slug, correction.to_actor, correction.editor) == ("haider-al-abadi", jaafari, editor)
    assert correction.reason == "The article is about Jaafari; the source quotes him."
    assert correction.is_public is True


def test_it_offers_no_way_to_keep_from_readers_a_change_of_speaker_they_saw(editor_client, abadi_quote, jaafari):
    response = editor_client.get(change_url(abadi_quote))
    assert "show_correction_publicly" not in response.context["adminform"].form.fields
    data = form_data(response)
    data.update(speaker=str(jaafari.pk), reason="Internal fix.", show_correction_publicly="")
    editor_client.post(change_url(abadi_quote), data)
    assert AttributionCorrection.objects.get().is_public is True


def test_it_sets_the_speaker_of_a_statement_readers_never_saw_without_a_reason_or_a_correction(
    editor_client, abadi_quote, jaafari
):
    article = abadi_quote.article
    article.status = article.Status.DRAFT
    article.save(update_fields=["status"])
    draft = Statement.objects.create(
        article=article, kind="direct", text=article.body[0:20], start=0, end=20, review_status="confirmed"
    )
    response = editor_client.get(change_url(draft))
    assert "Readers have not seen this statement yet" in response.content.decode()
    data = form_data(response)
    data.update(speaker=str(jaafari.pk), reason="")
    response = editor_client.post(change_url(draft), data, follow=True)
    draft.refresh_from_db()
    assert draft.speaker == jaafari
    assert not draft.corrections.exists()
    assert not any("Correction recorded" in str(message) for message in response.context["messages"])


def test_it_refuses_a_new_speaker_without_a_reason_and_keeps_what_was_typed(editor_client, abadi_quote, jaafari):
    data = opened_form(editor_client, abadi_quote)
    data.update(speaker=str(jaafari.pk), reason="   ", kind="indirect", speaker_as_printed="Abadi (sic)")
    response = editor_client.post(change_url(abadi_quote), data)
    assert response.status_code == 200
    assert "give a reason for the change" in response.content.decode()
    form = response.context["adminform"].form
    assert (form["speaker"].value(), form["kind"].value()) == (str(jaafari.pk), "indirect")
    assert form["speaker_as_printed"].value() == "Abadi (sic)"
    abadi_quote.refresh_from_db()
    assert (abadi_quote.speaker.slug, abadi_quote.kind, abadi_quote.version) == ("haider-al-abadi", "direct", 1)
    assert abadi_quote.speaker_as_printed == "Abadi"
    assert not AttributionCorrection.objects.exists()


def test_it_saves_the_rest_of_the_form_with_the_reattribution(editor_client, abadi_quote, jaafari):
    data = opened_form(editor_client, abadi_quote)
    data.update(speaker=str(jaafari.pk), reason="Source checked.", kind="indirect")
    editor_client.post(change_url(abadi_quote), data)
    abadi_quote.refresh_from_db()
    assert (abadi_quote.speaker, abadi_quote.kind) == (jaafari, "indirect")
    assert AttributionCorrection.objects.count() == 1


def test_it_can_unattribute_a_statement_with_a_reason(editor_client, abadi_quote):
    data = opened_form(editor_client, abadi_quote)
    data.pop("speaker")
    data["reason"] = "Nobody in the article said this."
    editor_client.post(change_url(abadi_quote), data)
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker is None
    assert AttributionCorrection.objects.get().to_actor is None


def test_it_needs_no_reason_when_the_speaker_stays(editor_client, abadi_quote):
    data = opened_form(editor_client, abadi_quote)
    data["speaker_as_printed"] = "Haider al-Abadi"
    response = editor_client.post(change_url(abadi_quote), data)
    assert response.status_code == 302
    assert not AttributionCorrection.objects.exists()


def test_it_shows_the_correction_on_the_statement_page_afterwards(editor_client, abadi_quote, jaafari):
    data = opened_form(editor_client, abadi_quote)
    data.update(speaker=str(jaafari.pk), reason="Recorded on the page.", _continue="1")
    response = editor_client.post(change_url(abadi_quote), data, follow=True)
    corrections = response.context["inline_admin_formsets"][0].formset.queryset
    assert [c.reason for c in corrections] == ["Recorded on the page."]
    assert "Recorded on the page." in response.content.decode()


def test_it_allows_nobody_to_add_change_or_delete_a_correction(admin_client, seeded):
    correction = AttributionCorrection.objects.get()
    change = reverse("admin:curation_attributioncorrection_change", args=[correction.pk])
    delete = reverse("admin:curation_attributioncorrection_delete", args=[correction.pk])
    assert admin_client.get(reverse("admin:curation_attributioncorrection_add")).status_code == 403
    assert admin_client.post(change, {"reason": "rewritten"}).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    correction.refresh_from_db()
    assert correction.reason != "rewritten"
    assert AttributionCorrection.objects.count() == 1


def test_it_refuses_to_revert_a_statement_through_its_history(editor_client, abadi_quote, jaafari):
    data = opened_form(editor_client, abadi_quote)
    data.update(speaker=str(jaafari.pk), reason="Source checked.")
    editor_client.post(change_url(abadi_quote), data)
    before_correction = abadi_quote.history.order_by("history_date").first()
    url = reverse("admin:curation_statement_simple_history", args=[abadi_quote.pk, before_correction.history_id])
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"speaker": str(before_correction.speaker_id)}).status_code == 405
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker == jaafari
