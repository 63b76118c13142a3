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
