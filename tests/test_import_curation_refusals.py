"""import_curation refuses a tampered export with every problem named, and writes nothing."""

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from curation.models import Actor, Article, AttributionCorrection, CorrectionWithdrawal, Statement, Tag
from curation.selectors import curation_export
from curation.services import actor_merge, correction_withdraw, curation_restore
from tests.support.builders import empty_desk

_cached_export = {}


@pytest.fixture
def seed_export(db):
    """The seeds' export, on an empty desk ready to restore it (the seeds load once per run)."""
    if not _cached_export:
        from django.conf import settings

        from curation.services import seeds_load

        seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR)
        _cached_export["document"] = curation_export()
        empty_desk()
    return copy.deepcopy(_cached_export["document"])


def statement_of(document, corrected=True):
    """The seed statement the Abadi correction is about (or the first one without corrections)."""
    keys = {tuple(correction["statement"]) for correction in document["corrections"]}
    return next(record for record in document["statements"] if (tuple(record["key"]) in keys) == corrected)


def restore_file(tmp_path, document=None, *, text=None):
    path = tmp_path / "export.json"
    if text is None:
        text = json.dumps(document, ensure_ascii=False)
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    with pytest.raises(CommandError) as refusal:
        call_command("import_curation", str(path), stdout=io.StringIO())
    return str(refusal.value)


def assert_desk_empty():
    assert not Article.objects.exists()
    assert not Actor.objects.exists()
    assert not Tag.objects.exists()
    assert not Statement.objects.exists()
    assert not AttributionCorrection.objects.exists()


def _text_moved(document):
    statement_of(document)["text"] = "words the article never printed"


def _unknown_speaker(document):
    statement_of(document)["speaker"] = "someone-nobody-knows"


def _unknown_correction_actor(document):
    document["corrections"][0]["from_actor"] = "a-ghost"


def _editor_missing(document):
    document["corrections"][0]["editor"] = None


def _bad_actor_slug(document):
    document["actors"][0]["slug"] = "Not a slug!"


def _bad_kind(document):
    document["actors"][0]["kind"] = "robot"


def _bad_statement_kind(document):
    statement_of(document)["kind"] = "rumour"


def _parent_cycle(document):
    first, second = document["tags"][0], document["tags"][1]
    first["parent"], second["parent"] = second["slug"], first["slug"]


def _published_suggestion(document):
    record = statement_of(document, corrected=False)
    record["review_status"], record["published"] = "suggested", True


def _correction_never_shown(document):
    record = statement_of(document)
    record["first_shown_at"], record["shown_speaker"] = None, None


def _speaker_changed_silently(document):
    statement_of(document)["speaker"] = "haider-al-abadi"


def _unknown_tag(document):
    statement_of(document)["tags"] = ["no-such-topic"]


def _offsets_outside(document):
    record = statement_of(document)
    record["key"][1], record["key"][2] = 10**6, 10**6 + 5


def _same_article_slug(document):
    document["articles"][1]["slug"] = document["articles"][0]["slug"]


def _null_character(document):
    document["actors"][0]["name"] = "Ibrahim\x00"


def _former_slug_taken(document):
    document["actors"][0]["former_slugs"] = [document["actors"][1]["slug"]]


def _version_as_text(document):
    statement_of(document)["version"] = "2"


def _javascript_url(document):
    document["articles"][0]["url"] = "javascript:alert(1)"


def _unknown_article_field(document):
    document["articles"][0]["owner"] = "mallory"


def _empty_reason(document):
    document["corrections"][0]["reason"] = "   "


def _speaker_merged_away(document):
    document["actors"][0]["merged_into"] = document["actors"][1]["slug"]
    statement_of(document, corrected=False)["speaker"] = document["actors"][0]["slug"]


def _time_out_of_range(document):
    document["articles"][0]["imported_at"] = "0001-01-01T00:00:00+05:00"


def _aliases_read_the_same(document):
    document["actors"][0]["aliases"] = ["Jaafari", "JAAFARI"]


def _role_without_organisation(document):
    """Found by the fuzz run: a null where the model allows blank text reached the database."""
    actor = next(record for record in document["actors"] if record["roles"])
    actor["roles"][0]["organisation"] = None


def _pending_by_missing(document):
    """Found by the fuzz run: a missing field that may be null was read as if present."""
    del statement_of(document)["pending_by"]


def _role_backwards(document):
    actor = next(record for record in document["actors"] if record["roles"])
    actor["roles"][0].update(start="2020-01-01", end="2019-01-01")


@pytest.mark.parametrize(
    ("tamper", "named"),
    [
        (_text_moved, "“text” is not the article's text at"),
        (_unknown_speaker, "“speaker” 'someone-nobody-knows' is no actor here"),
        (_unknown_correction_actor, "“from_actor” 'a-ghost' is no actor here"),
        (_editor_missing, "“editor” is null, not text"),
        (_bad_actor_slug, "“slug”: Enter a valid “slug”"),
        (_bad_kind, "“kind”: Value 'robot' is not a valid choice."),
        (_bad_statement_kind, "“kind”: Value 'rumour' is not a valid choice."),
        (_parent_cycle, "its parents go round in a circle"),
        (_published_suggestion, "only a confirmed statement is published"),
        (_correction_never_shown, "corrects a statement readers were never shown"),
        (_speaker_changed_silently, "differs from the one readers were shown"),
        (_unknown_tag, "'no-such-topic', which is no topic here"),
        (_offsets_outside, "are outside the article's"),
        (_same_article_slug, "is used by two articles"),
        (_null_character, "contains a null character"),
        (_former_slug_taken, "is another actor's slug"),
        (_version_as_text, "“version” is '2', not a whole number"),
        (_javascript_url, "“url”: Enter a valid URL."),
        (_unknown_article_field, "fields the desk does not know: owner"),
        (_empty_reason, "“reason” is empty"),
        (_speaker_merged_away, "was merged into"),
        (_role_backwards, "ends before it starts"),
        (_pending_by_missing, "“pending_by” is missing"),
        (_role_without_organisation, "“organisation” is null, not text"),
        (_time_out_of_range, "is out of range in UTC"),
        (_aliases_read_the_same, "'Jaafari' and 'JAAFARI' read the same"),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else "",
)
def test_it_refuses_a_tampered_export_naming_the_problem(seed_export, tmp_path, tamper, named):
    tamper(seed_export)
    message = restore_file(tmp_path, seed_export)
    assert named in message
    assert "nothing was restored" in message
    assert_desk_empty()


def test_it_lists_the_first_problems_and_counts_them_all(seed_export, tmp_path):
    for record in seed_export["statements"]:
        record["kind"] = "rumour"
    message = restore_file(tmp_path, seed_export)
    assert f"has {len(seed_export['statements'])} problem(s) (the first 20 shown)" in message
    assert message.count("is not a valid choice") == 20
    assert_desk_empty()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[" * 5000 + "]" * 5000, "nested more than 100 levels deep"),
        ('{"format": "curation-desk-export", "version": ' + "9" * 5000 + "}", "5,000 digits is too large"),
        ('{"format": "curation-desk-export", "version": 1e999}', "too large to hold"),
        ('{"format": NaN}', "NaN is not a JSON value"),
        ('{"format": "a", "format": "b"}', "appears twice"),
        (b'{"format": "\xff"}', "is not UTF-8 text"),
        ("[1, 2", "not valid JSON"),
        ("[]", "not a Curation Desk export"),
    ],
)
def test_it_refuses_a_file_that_is_not_json_it_takes(db, tmp_path, text, named):
    assert named in restore_file(tmp_path, text=text)
    assert_desk_empty()


def test_it_refuses_a_lone_surrogate(seed_export, tmp_path):
    text = json.dumps(seed_export).replace('"name": "', '"name": "\\ud800', 1)
    assert "contains a lone surrogate" in restore_file(tmp_path, text=text)
    assert_desk_empty()


def test_it_refuses_in_words_from_the_terminal_with_no_traceback(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"format": "curation-desk-export", "version": 1, "actors": 5}', encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "manage.py", "import_curation", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"DATABASE_URL": "sqlite:///" + str(tmp_path / "desk.sqlite3"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "“actors”: must be a list of objects" in result.stderr
    assert "“tags”: is missing" in result.stderr


def test_it_restores_merges_withdrawals_and_what_readers_were_shown(seeded, tmp_path):
    editor = get_user_model().objects.get(username="seed-curator")
    correction = AttributionCorrection.objects.get()
    correction_withdraw(correction=correction, by=editor, reason="The article was right after all.")
    survivor, merged = (
        Actor.objects.exclude(corrections_from__isnull=False).exclude(corrections_to__isnull=False).order_by("slug")[:2]
    )
    actor_merge(survivor=survivor, merged=merged, by=editor)
    before = curation_export()
    empty_desk()
    curation_restore(copy.deepcopy(before))
    assert curation_export() == before
    assert Actor.objects.get(slug=merged.slug).merged_into.slug == survivor.slug
    assert CorrectionWithdrawal.objects.get().reason == "The article was right after all."
    shown = Statement.objects.get(pk=Statement.objects.get(corrections__isnull=False).pk)
    assert shown.first_shown_at is not None and shown.shown_speaker_id == shown.speaker_id


@pytest.mark.parametrize("ranges", [[[5, 2]], [[0, 10**9]], [[0, 4], [2, 6]], "0-4", [["0", "4"]], [[True, 4]]])
def test_it_refuses_ranges_readers_are_not_shown_that_are_not_ranges_of_the_text(seeded, tmp_path, ranges):
    document = curation_export()
    document["articles"][0]["non_story"] = ranges
    empty_desk()
    path = tmp_path / "desk.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError, match="non_story"):
        call_command("import_curation", str(path), stdout=io.StringIO())
    assert not Article.objects.exists()


def test_it_names_slugs_of_the_wrong_type_instead_of_failing(seed_export, tmp_path):
    """Found by the fuzz run: a list where a slug belongs made the checks themselves fail."""
    seed_export["actors"][0]["merged_into"] = ["a", "list"]
    seed_export["tags"][0]["parent"] = {"an": "object"}
    statement_of(seed_export)["speaker"] = []
    statement_of(seed_export, corrected=False)["shown_speaker"] = [1]
    message = restore_file(tmp_path, seed_export)
    assert "malformed" not in message
    assert "“merged_into” is ['a', 'list'], not text or null" in message
    assert "“parent” is {'an': 'object'}, not text or null" in message
    assert "“speaker” is [], not text or null" in message
    assert_desk_empty()
