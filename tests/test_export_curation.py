import io
import json

import pytest
from django.core.management import CommandError, call_command

from curation.models import Actor, Article
from curation.selectors import curation_export
from curation.services import curation_restore
from tests.support.builders import empty_desk


def export_text():
    out = io.StringIO()
    call_command("export_curation", stdout=out)
    return out.getvalue()


def test_it_round_trips_to_an_identical_export(seeded, tmp_path):
    first = export_text()
    path = tmp_path / "desk.json"
    path.write_text(first, encoding="utf-8")
    empty_desk()
    call_command("import_curation", str(path), stdout=io.StringIO())
    assert export_text() == first


def test_it_keeps_the_abadi_correction_with_its_editor_and_reason(seeded):
    document = curation_export()
    (correction,) = document["corrections"]
    assert correction["from_actor"] == "haider-al-abadi"
    assert correction["to_actor"] == "ibrahim-al-jaafari"
    assert correction["speaker_as_printed"] == "Abadi"
    assert correction["reason"]
    assert correction["editor"] == "seed-curator"


def test_it_refuses_to_restore_over_existing_data(seeded):
    document = curation_export()
    with pytest.raises(Exception, match="empty desk"):
        curation_restore(document)


def test_it_restores_nothing_from_a_malformed_export(seeded, tmp_path):
    document = curation_export()
    document["corrections"][0]["to_actor"] = "nobody-by-this-slug"
    document["statements"][0]["key"][0] = "missing-article"
    empty_desk()
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError, match="3 problem") as refusal:
        call_command("import_curation", str(path), stdout=io.StringIO())
    assert "'missing-article', which is not in the export" in str(refusal.value)
    assert "“to_actor” 'nobody-by-this-slug' is no actor here" in str(refusal.value)
    assert not Article.objects.exists() and not Actor.objects.exists()


def test_it_refuses_a_file_of_another_format(db, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(CommandError, match="not a Curation Desk export"):
        call_command("import_curation", str(path))


def round_trip(tmp_path) -> tuple[str, str]:
    first = export_text()
    path = tmp_path / "desk.json"
    path.write_text(first, encoding="utf-8")
    empty_desk()
    call_command("import_curation", str(path), stdout=io.StringIO())
    return first, export_text()


def test_it_carries_the_public_record_whole_withdrawals_merges_and_pending_changes(seeded, editor, tmp_path):
    from curation import services
    from curation.models import Merge, Statement
    from tests.support.builders import make_actor

    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    services.correction_withdraw(correction=corrected.corrections.get(), by=editor, reason="Our mistake.")
    twin = make_actor("Haider Abadi (duplicate)")
    services.actor_merge(survivor=Actor.objects.get(slug="haider-al-abadi"), merged=twin, by=editor)
    hidden = Statement.objects.public().exclude(pk=corrected.pk).first()
    services.statements_set_published(statements=[hidden], published=False, by=editor)
    other = Actor.objects.current().exclude(pk=hidden.speaker_id).first()
    services.statement_reattribute(statement=hidden, to_actor=other, by=editor, reason="Misread.")
    hidden.refresh_from_db()
    assert hidden.pending_reason == "Misread."
    key, shown_slug = (hidden.article.import_key, hidden.start), hidden.shown_speaker.slug

    first, again = round_trip(tmp_path)
    assert again == first
    document = json.loads(again)
    assert document["version"] == 2
    assert document["corrections"][0]["withdrawal"]["reason"] == "Our mistake."
    assert {actor["slug"]: actor["merged_into"] for actor in document["actors"]}[twin.slug] == "haider-al-abadi"
    assert [merge["merged_name"] for merge in document["merges"]] == ["Haider Abadi (duplicate)"]
    assert Merge.objects.get().survivor_actor.slug == "haider-al-abadi"
    restored = Statement.objects.get(article__import_key=key[0], start=key[1])
    assert (restored.pending_reason, restored.shown_speaker.slug) == ("Misread.", shown_slug)


def test_a_restored_desk_still_tells_readers_of_a_change_of_speaker_they_saw(seeded, editor, tmp_path):
    from curation import services
    from curation.models import Statement

    round_trip(tmp_path)
    shown = Statement.objects.public().exclude(speaker_as_printed="Abadi").select_related("speaker").first()
    before = shown.speaker
    other = Actor.objects.exclude(pk=before.pk).first()
    services.statement_reattribute(statement=shown, to_actor=other, by=editor, reason="Wrong speaker.")
    correction = shown.corrections.get()
    assert (correction.from_actor, correction.to_actor, correction.is_public) == (before, other, True)


def test_a_version_1_export_restores_with_what_its_readers_saw(seeded, editor, tmp_path):
    from curation import services
    from curation.models import Statement

    document = curation_export()
    document["version"] = 1
    del document["merges"]
    for record in document["actors"]:
        del record["merged_into"]
    for record in document["corrections"]:
        del record["withdrawal"]
    for record in document["statements"]:
        for field in ("first_shown_at", "shown_speaker", "pending_reason", "pending_by"):
            del record[field]
    empty_desk()
    curation_restore(document)
    public = Statement.objects.public()
    assert public.exists() and not public.filter(first_shown_at__isnull=True).exists()
    assert not Statement.objects.exclude(review_status="confirmed").filter(first_shown_at__isnull=False).exists()
    corrected = Statement.objects.get(speaker_as_printed="Abadi")
    assert corrected.first_shown_at <= corrected.corrections.get().corrected_at
    # Taken as shown, a change of speaker is told to readers.
    services.statement_reattribute(
        statement=corrected, to_actor=Actor.objects.get(slug="haider-al-abadi"), by=editor, reason="Right after all."
    )
    assert corrected.corrections.count() == 2
