import pytest
from django.core.exceptions import ValidationError

from curation.models import Actor, AttributionCorrection, Statement
from curation.services import StatementChangedElsewhere, statement_reattribute


@pytest.fixture
def abadi_quote(seeded_as_published):
    return Statement.objects.get(speaker_as_printed="Abadi")


def actor(slug):
    return Actor.objects.get(slug=slug)


def test_it_changes_the_speaker_and_records_who_when_and_why(abadi_quote, editor):
    correction = statement_reattribute(
        statement=abadi_quote, to_actor=actor("ibrahim-al-jaafari"), by=editor, reason="Jaafari was speaking."
    )
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker.slug == "ibrahim-al-jaafari"
    assert abadi_quote.speaker_as_printed == "Abadi"
    assert (correction.from_actor.slug, correction.to_actor.slug) == ("haider-al-abadi", "ibrahim-al-jaafari")
    assert correction.editor == editor and correction.reason == "Jaafari was speaking."
    assert correction.speaker_as_printed == "Abadi"


def test_it_refuses_without_a_reason_and_changes_nothing(abadi_quote, editor):
    with pytest.raises(ValidationError, match="reason"):
        statement_reattribute(statement=abadi_quote, to_actor=actor("ibrahim-al-jaafari"), by=editor, reason="  ")
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker.slug == "haider-al-abadi"
    assert not AttributionCorrection.objects.exists()


def test_it_refuses_a_change_to_the_same_speaker(abadi_quote, editor):
    with pytest.raises(ValidationError, match="already attributed"):
        statement_reattribute(statement=abadi_quote, to_actor=actor("haider-al-abadi"), by=editor, reason="x")
    assert not AttributionCorrection.objects.exists()


def test_it_refuses_a_save_based_on_an_older_version(abadi_quote, editor):
    seen_version = abadi_quote.version
    statement_reattribute(statement=abadi_quote, to_actor=actor("ibrahim-al-jaafari"), by=editor, reason="first")
    with pytest.raises(StatementChangedElsewhere, match="Someone else changed"):
        statement_reattribute(
            statement=abadi_quote,
            to_actor=actor("fuad-hussein"),
            by=editor,
            reason="second",
            expected_version=seen_version,
        )
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker.slug == "ibrahim-al-jaafari"
    assert AttributionCorrection.objects.count() == 1


def test_it_keeps_a_chain_of_corrections(abadi_quote, editor):
    statement_reattribute(statement=abadi_quote, to_actor=actor("ibrahim-al-jaafari"), by=editor, reason="one")
    statement_reattribute(statement=abadi_quote, to_actor=None, by=editor, reason="two")
    chain = list(
        abadi_quote.corrections.order_by("corrected_at", "id").values_list("from_actor__slug", "to_actor__slug")
    )
    assert chain == [("haider-al-abadi", "ibrahim-al-jaafari"), ("ibrahim-al-jaafari", None)]


def test_it_keeps_the_change_in_the_statement_history(abadi_quote, editor):
    statement_reattribute(statement=abadi_quote, to_actor=actor("ibrahim-al-jaafari"), by=editor, reason="why")
    latest = abadi_quote.history.first()
    assert latest.speaker_id == actor("ibrahim-al-jaafari").pk
    assert "why" in latest.history_change_reason
