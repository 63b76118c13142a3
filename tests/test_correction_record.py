"""The public correction record says only what happened: each problem editors and readers met, then its fix.

Rule 1: a public correction exists exactly when readers were shown one
attribution and are now shown another. Rule 2: what readers see about a
statement is true now. Rule 3: corrections and history are never rewritten.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from curation import services
from curation.models import Actor, Article, AttributionCorrection, Merge, Statement
from curation.selectors import actor_find
from tests.support.admin import form_data
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def barzani_suggestion(seeded_as_published, editor):
    """A suggestion the extractor stored in a published article, printed "Barzani", never shown to readers."""
    article = Article.objects.get(import_key__startswith="002_")
    start = article.body.index("Barzani")
    return services.statement_create(
        article=article,
        kind="indirect",
        start=start,
        end=start + len("Barzani"),
        speaker_as_printed="Barzani",
        speaker=Actor.objects.get(slug="nechirvan-barzani"),
        origin=Statement.Origin.EXTRACTED,
    )


def notices(client, statement) -> str:
    return client.get(statement.get_absolute_url()).content.decode()


def test_a_suggestion_given_the_flag_s_speaker_then_published_carries_no_correction(client, barzani_suggestion, editor):
    from curation.models import AttributionFlag

    flag = AttributionFlag.objects.create(
        statement=barzani_suggestion,
        code="speaker_not_introduced",
        message="“Barzani” may be someone else.",
        suggested_speaker=Actor.objects.get(slug="barham-salih"),
    )
    assert services.flag_apply_suggestion(flag=flag, by=editor) is None
    services.statement_review(statement=barzani_suggestion, decision="confirmed", by=editor)
    services.statements_set_published(statements=[barzani_suggestion], published=True, by=editor)
    barzani_suggestion.refresh_from_db()
    assert barzani_suggestion.speaker.slug == "barham-salih"
    assert not AttributionCorrection.objects.filter(statement=barzani_suggestion).exists()
    assert "An earlier version" not in notices(client, barzani_suggestion)
    assert "may be someone else" not in client.get("/corrections/").content.decode()


def test_a_statement_readers_saw_cannot_go_back_to_the_review_queue(seeded, editor, editor_client):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    with pytest.raises(ValidationError, match="cannot go back to the review queue"):
        services.statement_update(
            statement=corrected, by=editor, changes={"review_status": "suggested"}, expected_version=corrected.version
        )
    url = reverse("admin:curation_statement_change", args=[corrected.pk])
    data = form_data(editor_client.get(url))
    data.update(review_status="suggested", published="")
    response = editor_client.post(url, data)
    assert response.status_code == 200 and "cannot go back to the review queue" in response.content.decode()
    assert Statement.objects.get(pk=corrected.pk).review_status == "confirmed"


def test_a_change_of_speaker_made_while_hidden_is_told_when_readers_see_the_statement_again(client, seeded, editor):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    services.statements_set_published(statements=[corrected], published=False, by=editor)
    barzani = Actor.objects.get(slug="nechirvan-barzani")
    with pytest.raises(ValidationError, match="reason"):
        services.statement_reattribute(statement=corrected, to_actor=barzani, by=editor, reason="")
    assert (
        services.statement_reattribute(statement=corrected, to_actor=barzani, by=editor, reason="Hidden fix.") is None
    )
    assert corrected.corrections.count() == 1
    services.statements_set_published(statements=[corrected], published=True, by=editor)
    latest = corrected.corrections.order_by("corrected_at", "pk").last()
    assert (latest.from_actor.slug, latest.to_actor.slug, latest.reason) == (
        "ibrahim-al-jaafari",
        "nechirvan-barzani",
        "Hidden fix.",
    )
    page = notices(client, corrected)
    assert "It is now attributed to Nechirvan Barzani." in page
    assert "It was then attributed to Ibrahim al-Jaafari." in page


def test_a_change_of_speaker_undone_before_readers_see_it_is_never_told(seeded, editor):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    jaafari = corrected.speaker
    services.statements_set_published(statements=[corrected], published=False, by=editor)
    barzani = Actor.objects.get(slug="nechirvan-barzani")
    services.statement_reattribute(statement=corrected, to_actor=barzani, by=editor, reason="Wrong.")
    services.statement_reattribute(statement=corrected, to_actor=jaafari, by=editor, reason="Back.")
    services.statements_set_published(statements=[corrected], published=True, by=editor)
    assert corrected.corrections.count() == 1
    corrected.refresh_from_db()
    assert (corrected.pending_reason, corrected.shown_speaker) == ("", jaafari)
    # The history keeps both edits all the same.
    assert corrected.history.filter(history_change_reason__startswith="Reattributed").count() == 3


def test_undoing_a_correction_tells_it_in_order_and_the_notice_names_today_s_speaker(client, seeded, editor):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    abadi = Actor.objects.get(slug="haider-al-abadi")
    services.statement_reattribute(statement=corrected, to_actor=abadi, by=editor, reason="The source was right.")
    page = notices(client, corrected)
    assert "It was then attributed to Ibrahim al-Jaafari." in page
    assert (
        "An earlier version attributed this quote to Ibrahim al-Jaafari. It is now attributed to Haider al-Abadi."
        in page
    )
    assert page.index("The article is about Foreign Minister") < page.index("The source was right.")
    assert "It is now attributed to Ibrahim al-Jaafari." not in page


def test_a_mistaken_correction_is_withdrawn_in_the_open_and_the_speaker_returns(client, seeded, editor):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    correction = corrected.corrections.get()
    withdrawal = services.correction_withdraw(correction=correction, by=editor, reason="The correction was a mistake.")
    corrected.refresh_from_db()
    assert corrected.speaker.slug == "haider-al-abadi" and corrected.shown_speaker.slug == "haider-al-abadi"
    assert AttributionCorrection.objects.get(pk=correction.pk).to_actor.slug == "ibrahim-al-jaafari"
    page = notices(client, corrected)
    assert "It was then attributed to Ibrahim al-Jaafari." in page
    assert "This correction was withdrawn on" in page and "attributed to Haider al-Abadi again" in page
    assert "The correction was a mistake." in page
    assert withdrawal.editor == editor
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.correction_withdraw(correction=correction, by=editor, reason="Twice.")


def test_only_the_latest_correction_can_be_withdrawn(seeded, editor):
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    first = corrected.corrections.get()
    services.statement_reattribute(
        statement=corrected, to_actor=Actor.objects.get(slug="barham-salih"), by=editor, reason="Later."
    )
    with pytest.raises(ValidationError, match="only the latest correction"):
        services.correction_withdraw(correction=first, by=editor, reason="Too late.")


def test_an_editor_withdraws_a_correction_from_the_admin(editor_client, seeded):
    correction = AttributionCorrection.objects.get()
    statement_page = reverse("admin:curation_statement_change", args=[correction.statement_id])
    assert "Withdraw this correction…" in editor_client.get(statement_page).content.decode()
    url = reverse("admin:curation_attributioncorrection_withdraw", args=[correction.pk])
    refused = editor_client.post(url, {"reason": "  "})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    response = editor_client.post(url, {"reason": "Our mistake."}, follow=True)
    assert any("Correction withdrawn" in str(message) for message in response.context["messages"])
    assert correction.statement.corrections.get().withdrawal.reason == "Our mistake."


def test_a_merge_keeps_each_correction_as_written_and_records_itself(client, seeded, editor):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    abadi = Actor.objects.get(slug="haider-al-abadi")
    twin = make_actor("Ibrahim Jaafari (duplicate)")
    article = make_article()
    statement = make_statement(article, article.body.split("said that ")[1].split(" holds")[0], speaker=twin)
    services.statement_reattribute(statement=statement, to_actor=abadi, by=editor, reason="Printed wrongly.")
    services.actor_merge(survivor=jaafari, merged=twin, by=editor)
    correction = statement.corrections.get()
    assert (correction.from_actor, correction.to_actor) == (twin, abadi)
    assert Merge.objects.get().merged_name == "Ibrahim Jaafari (duplicate)"
    page = notices(client, statement)
    assert "An earlier version attributed this quote to Ibrahim Jaafari (duplicate)." in page
    # Readers following the old actor's address reach the survivor.
    assert actor_find(twin.slug) == jaafari
    assert client.get(f"/actors/{twin.slug}/").url == jaafari.get_absolute_url()


def test_a_merge_records_moved_statements_with_the_tags_they_keep(seeded, editor):
    from curation.models import Tag

    hussein = Actor.objects.get(slug="fuad-hussein")
    twin = make_actor("F. Hussein")
    article = make_article()
    quote = article.body.split("said that ")[1].split(" holds")[0]
    moved = make_statement(article, quote, speaker=twin, tags=Tag.objects.all()[:2])
    tags = set(moved.tags.values_list("pk", flat=True))
    assert len(tags) == 2
    services.actor_merge(survivor=hussein, merged=twin, by=editor)
    latest = moved.history.first()
    assert "Merged F. Hussein" in latest.history_change_reason
    assert {row.tag_id for row in latest.tags.all()} == tags


def test_a_statement_cannot_be_given_to_an_actor_merged_away(seeded, editor):
    hussein = Actor.objects.get(slug="fuad-hussein")
    twin = make_actor("F. Hussein")
    services.actor_merge(survivor=hussein, merged=twin, by=editor)
    statement = Statement.objects.exclude(speaker=hussein).first()
    with pytest.raises(ValidationError, match="was merged into Fuad Hussein"):
        services.statement_reattribute(statement=statement, to_actor=twin, by=editor, reason="Stale choice.")
