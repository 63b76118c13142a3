"""The review queue in the admin: suggestions, their flags, and one-click fixes."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from curation.models import Actor, AttributionCorrection, AttributionFlag, ReviewDecision, Statement, Tag
from tests.support.admin import form_data

QUEUE = "admin:curation_suggestedstatement_changelist"


@pytest.fixture
def suggestions(seeded_as_published):
    article = Statement.objects.get(speaker_as_printed="Abadi").article
    # Suggestions readers never saw, as the extractor stores them.
    article.statements.update(
        review_status="suggested", published=False, origin="extracted", first_shown_at=None, shown_speaker=None
    )
    return list(article.statements.order_by("start"))


@pytest.fixture
def abadi(suggestions):
    return Statement.objects.get(speaker_as_printed="Abadi")


@pytest.fixture
def abadi_flag(abadi):
    return AttributionFlag.objects.create(
        statement=abadi,
        code="speaker_not_introduced",
        message="“Abadi” is never introduced in this article.",
        suggested_speaker=Actor.objects.get(slug="ibrahim-al-jaafari"),
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_it_lists_only_suggestions_with_their_open_flags(editor_client, suggestions, abadi_flag):
    AttributionFlag.objects.create(
        statement=abadi_flag.statement, code="unattributed", message="Old, resolved.", resolved_at="2024-01-01T00:00Z"
    )
    response = editor_client.get(reverse(QUEUE))
    assert set(response.context["cl"].result_list) == set(suggestions)
    page = response.content.decode()
    assert "is never introduced in this article" in page and "Old, resolved." not in page
    assert "Use suggested speaker: Ibrahim al-Jaafari" in page


def test_it_keeps_the_queue_to_a_fixed_number_of_queries(
    editor_client, suggestions, abadi_flag, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        editor_client.get(reverse(QUEUE))


def test_it_confirms_a_suggestion_with_edits_and_moves_to_the_next(editor_client, editor, abadi, suggestions):
    url = reverse("admin:curation_suggestedstatement_change", args=[abadi.pk])
    data = form_data(editor_client.get(url))
    tag = Tag.objects.get(slug="islamic-state")
    data.update(speaker=str(Actor.objects.get(slug="ibrahim-al-jaafari").pk), tags=[str(tag.pk)], _confirm="Confirm")
    response = editor_client.post(url, data)
    assert response.status_code == 302
    following = [s for s in suggestions if s.start > abadi.start]
    expected = following[0] if following else suggestions[0]
    assert response.url == reverse("admin:curation_suggestedstatement_change", args=[expected.pk])
    decision = ReviewDecision.objects.get()
    assert (decision.decision, decision.editor, decision.outcome["speaker"]) == ("edited", editor, "ibrahim-al-jaafari")
    abadi.refresh_from_db()
    assert abadi.review_status == "confirmed" and list(abadi.tags.all()) == [tag]


def test_it_rejects_a_suggestion_from_its_page(editor_client, abadi):
    url = reverse("admin:curation_suggestedstatement_change", args=[abadi.pk])
    data = form_data(editor_client.get(url))
    data.update(kind="claim", _reject="Reject")
    editor_client.post(url, data)
    abadi.refresh_from_db()
    assert (abadi.review_status, abadi.kind) == ("rejected", "direct")
    assert ReviewDecision.objects.get().decision == "rejected"


def test_it_confirms_and_rejects_suggestions_in_bulk(editor_client, suggestions):
    first, second = suggestions[:2]
    editor_client.post(reverse(QUEUE), {"action": "confirm_suggestions", ACTION_CHECKBOX_NAME: [first.pk]})
    response = editor_client.post(
        reverse(QUEUE), {"action": "reject_suggestions", ACTION_CHECKBOX_NAME: [second.pk]}, follow=True
    )
    assert "Rejected 1 suggestion." in messages_of(response)
    decisions = dict(ReviewDecision.objects.values_list("statement_id", "decision"))
    assert decisions == {first.pk: "confirmed", second.pk: "rejected"}
    assert first not in response.context["cl"].result_list


def test_it_uses_the_suggested_speaker_of_a_suggestion_in_one_click_without_a_correction(
    editor_client, editor, abadi_flag
):
    url = reverse("admin:curation_statement_apply_flag", args=[abadi_flag.statement_id, abadi_flag.pk])
    response = editor_client.post(url, {"next": reverse(QUEUE)}, follow=True)
    assert "Speaker set to Ibrahim al-Jaafari, as the check suggested. The flag is resolved." in messages_of(response)
    # Readers never saw the suggestion: this is its review, not a correction.
    assert not AttributionCorrection.objects.exists()
    abadi_flag.refresh_from_db()
    assert abadi_flag.is_open is False and abadi_flag.statement.speaker.slug == "ibrahim-al-jaafari"
    assert response.redirect_chain[-1][0] == reverse(QUEUE)


def test_it_uses_the_suggested_speaker_of_a_published_quote_with_a_correction(editor_client, editor, abadi_flag):
    from curation import services

    services.statement_review(statement=abadi_flag.statement, decision="confirmed", by=editor)
    services.statements_set_published(statements=[abadi_flag.statement], published=True, by=editor)
    flag = AttributionFlag.objects.create(
        statement=abadi_flag.statement,
        code="speaker_not_introduced",
        message="“Abadi” is never introduced in this article.",
        suggested_speaker=abadi_flag.suggested_speaker,
    )
    url = reverse("admin:curation_statement_apply_flag", args=[flag.statement_id, flag.pk])
    response = editor_client.post(url, {"next": reverse(QUEUE)}, follow=True)
    assert any("Correction recorded: Haider al-Abadi → Ibrahim al-Jaafari" in m for m in messages_of(response))
    correction = AttributionCorrection.objects.get()
    assert "never introduced" in correction.reason and correction.editor == editor


def test_it_refuses_applying_a_flag_by_a_get_or_twice(editor_client, abadi_flag):
    url = reverse("admin:curation_statement_apply_flag", args=[abadi_flag.statement_id, abadi_flag.pk])
    assert editor_client.get(url).status_code == 405
    editor_client.post(url)
    response = editor_client.post(url, follow=True)
    assert "This flag was already resolved." in messages_of(response)
    assert Statement.objects.get(pk=abadi_flag.statement_id).speaker == abadi_flag.suggested_speaker


def test_it_never_redirects_a_one_click_fix_off_the_site(editor_client, abadi_flag):
    url = reverse("admin:curation_statement_apply_flag", args=[abadi_flag.statement_id, abadi_flag.pk])
    response = editor_client.post(url, {"next": "https://evil.example/"})
    assert response.url == reverse("admin:curation_statement_change", args=[abadi_flag.statement_id])


def test_it_shows_why_a_statement_is_flagged_on_its_page(editor_client, abadi_flag):
    response = editor_client.get(reverse("admin:curation_statement_change", args=[abadi_flag.statement_id]))
    assert "is never introduced in this article" in response.content.decode()


def test_it_resolves_flags_from_the_flag_list(editor_client, abadi_flag):
    other = AttributionFlag.objects.create(statement=abadi_flag.statement, code="unattributed", message="Dismiss me.")
    changelist = reverse("admin:curation_attributionflag_changelist")
    editor_client.post(changelist, {"action": "dismiss", ACTION_CHECKBOX_NAME: [other.pk]})
    editor_client.post(changelist, {"action": "apply_suggestions", ACTION_CHECKBOX_NAME: [abadi_flag.pk]})
    assert not AttributionFlag.objects.filter(resolved_at__isnull=True).exists()
    assert Statement.objects.get(pk=abadi_flag.statement_id).speaker.slug == "ibrahim-al-jaafari"


def test_it_lists_review_decisions_read_only(editor_client, abadi, editor):
    from curation.services import statement_review

    decision = statement_review(statement=abadi, decision="rejected", by=editor)
    response = editor_client.get(reverse("admin:curation_reviewdecision_change", args=[decision.pk]))
    assert response.status_code == 200 and response.context["has_change_permission"] is False
    assert "haider-al-abadi" in response.content.decode()
