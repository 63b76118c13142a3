"""Reviewing suggestions and applying the checks' suggested fixes, as services."""

import pytest
from django.core.exceptions import ValidationError

from curation.models import Actor, AttributionCorrection, AttributionFlag, ReviewDecision, Statement, Tag
from curation.services import (
    StatementChangedElsewhere,
    flag_apply_suggestion,
    flag_dismiss,
    statement_review,
    statement_update,
)


@pytest.fixture
def suggestion(seeded_as_published):
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    # A suggestion readers never saw, as the extractor stores it.
    Statement.objects.filter(pk=statement.pk).update(
        review_status="suggested",
        published=False,
        origin="extracted",
        confidence=0.7,
        first_shown_at=None,
        shown_speaker=None,
    )
    statement.refresh_from_db()
    return statement


@pytest.fixture
def abadi_flag(seeded_as_published):
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    return AttributionFlag.objects.create(
        statement=statement,
        code="speaker_not_introduced",
        message="“Abadi” appears nowhere else in the article, which is about Ibrahim al-Jaafari.",
        suggested_speaker=Actor.objects.get(slug="ibrahim-al-jaafari"),
    )


def test_it_records_a_confirmation_with_the_suggestion_and_the_outcome(suggestion, editor):
    decision = statement_review(statement=suggestion, decision="confirmed", by=editor)
    assert decision.decision == "confirmed" and decision.editor == editor
    assert decision.suggestion["speaker"] == "haider-al-abadi" and decision.suggestion["review_status"] == "suggested"
    assert decision.outcome["review_status"] == "confirmed"
    suggestion.refresh_from_db()
    assert suggestion.review_status == "confirmed" and suggestion.version == 2


def test_it_records_edits_made_while_confirming(suggestion, editor):
    jaafari, tag = Actor.objects.get(slug="ibrahim-al-jaafari"), Tag.objects.get(slug="islamic-state")
    decision = statement_review(
        statement=suggestion, decision="edited", by=editor, changes={"speaker": jaafari, "tags": [tag]}
    )
    assert decision.decision == "edited"
    assert (decision.suggestion["speaker"], decision.outcome["speaker"]) == ("haider-al-abadi", "ibrahim-al-jaafari")
    assert decision.outcome["tags"] == ["islamic-state"]
    suggestion.refresh_from_db()
    assert suggestion.speaker == jaafari


def test_it_counts_an_edit_that_changes_nothing_as_a_plain_confirmation(suggestion, editor):
    decision = statement_review(statement=suggestion, decision="edited", by=editor, changes={"kind": suggestion.kind})
    assert decision.decision == "confirmed"


def test_it_rejects_a_suggestion_and_keeps_the_decision(suggestion, editor):
    decision = statement_review(statement=suggestion, decision="rejected", by=editor)
    suggestion.refresh_from_db()
    assert (decision.decision, suggestion.review_status, suggestion.published) == ("rejected", "rejected", False)


def test_it_refuses_to_review_twice(suggestion, editor):
    statement_review(statement=suggestion, decision="confirmed", by=editor)
    with pytest.raises(ValidationError, match="already confirmed"):
        statement_review(statement=suggestion, decision="rejected", by=editor)
    assert ReviewDecision.objects.count() == 1


def test_it_refuses_a_review_of_an_outdated_version(suggestion, editor):
    with pytest.raises(StatementChangedElsewhere):
        statement_review(statement=suggestion, decision="confirmed", by=editor, expected_version=0)
    assert not ReviewDecision.objects.exists()


def test_it_records_a_confirmation_made_from_the_statement_form(suggestion, editor):
    statement_update(statement=suggestion, by=editor, changes={"review_status": "confirmed"}, expected_version=1)
    assert ReviewDecision.objects.get().decision == "confirmed"


def test_it_applies_the_suggested_speaker_with_a_reason_naming_the_flag(abadi_flag, editor):
    correction = flag_apply_suggestion(flag=abadi_flag, by=editor)
    assert (correction.from_actor.slug, correction.to_actor.slug) == ("haider-al-abadi", "ibrahim-al-jaafari")
    assert "Speaker never introduced" in correction.reason and "appears nowhere else" in correction.reason
    abadi_flag.refresh_from_db()
    assert abadi_flag.resolved_by == editor and abadi_flag.resolved_at is not None
    assert "Ibrahim al-Jaafari" in abadi_flag.resolution


def test_it_resolves_the_flag_without_a_correction_when_the_speaker_is_already_right(abadi_flag, editor):
    abadi_flag.suggested_speaker = abadi_flag.statement.speaker
    abadi_flag.save()
    assert flag_apply_suggestion(flag=abadi_flag, by=editor) is None
    abadi_flag.refresh_from_db()
    assert abadi_flag.is_open is False
    assert not AttributionCorrection.objects.exists()


def test_it_refuses_to_apply_a_flag_twice_or_without_a_suggestion(abadi_flag, editor):
    flag_apply_suggestion(flag=abadi_flag, by=editor)
    with pytest.raises(ValidationError, match="already resolved"):
        flag_apply_suggestion(flag=abadi_flag, by=editor)
    bare = AttributionFlag.objects.create(statement=abadi_flag.statement, code="unattributed", message="?")
    with pytest.raises(ValidationError, match="suggests no speaker"):
        flag_apply_suggestion(flag=bare, by=editor)
    assert AttributionCorrection.objects.count() == 1


def test_it_dismisses_a_flag_and_keeps_who_decided(abadi_flag, editor):
    flag_dismiss(flag=abadi_flag, by=editor)
    abadi_flag.refresh_from_db()
    assert (abadi_flag.is_open, abadi_flag.resolved_by) == (False, editor)
    assert abadi_flag.statement.speaker.slug == "haider-al-abadi"
