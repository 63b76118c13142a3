"""The check_attributions command on the seeds: the Abadi case, as printed and as corrected."""

import io
import json

import pytest
from django.core.management import call_command

from curation.models import AttributionFlag, Statement

ABADI_QUOTE_START = "Islamic State group, despite its crushing defeat"
CORRECTLY_ATTRIBUTED_FILES = ("000_c06b3d2d797747a6.txt", "002_ec6b685cda7ecd4c.txt", "004_78933c0257fe0e2f.txt")


def check(*arguments):
    out = io.StringIO()
    call_command("check_attributions", *arguments, stdout=out)
    return out.getvalue()


def check_json(*arguments):
    return [json.loads(line) for line in check("--json", *arguments).splitlines()]


def abadi_flag():
    return AttributionFlag.objects.get(
        statement__text__startswith=ABADI_QUOTE_START, code=AttributionFlag.Code.SPEAKER_NOT_INTRODUCED
    )


def test_it_flags_the_abadi_quote_as_printed_and_suggests_jaafari(seeded_as_published):
    flags = check_json()
    [abadi] = [flag for flag in flags if flag["code"] == "speaker_not_introduced" and flag["severity"] == "warning"]
    statement = Statement.objects.get(text__startswith=ABADI_QUOTE_START)
    assert abadi["statement"] == statement.pk
    assert abadi["article"] == "jaafari-calls-for-international-efforts-against-terrorism"
    assert abadi["suggested_speaker"] == "ibrahim-al-jaafari"
    assert "Abadi" in abadi["message"] and "Ibrahim al-Jaafari" in abadi["message"]
    assert abadi_flag().is_open


def test_it_shows_the_abadi_flag_resolved_by_the_correction(seeded):
    flags = check_json()
    assert not any(flag["statement"] == abadi_flag().statement_id for flag in flags)
    flag = abadi_flag()
    assert flag.resolution == "corrected"
    assert flag.resolved_at is not None
    assert flag.suggested_speaker.slug == "ibrahim-al-jaafari"


def test_it_resolves_the_open_abadi_flag_once_an_editor_corrects_it(seeded_as_published, editor):
    from curation.models import Actor
    from curation.services import statement_reattribute

    check()
    statement_reattribute(
        statement=abadi_flag().statement,
        to_actor=Actor.objects.get(slug="ibrahim-al-jaafari"),
        by=editor,
        reason="The article is about Jaafari; Abadi is never introduced.",
    )
    check()
    flag = abadi_flag()
    # Setting the speaker resolved the flag in the editor's name; the next check run keeps it so.
    assert (flag.is_open, flag.resolved_by) == (False, editor)
    assert flag.resolution == "Speaker set to Ibrahim al-Jaafari (was Haider al-Abadi)"
    assert AttributionFlag.objects.filter(statement=flag.statement).count() == 1


@pytest.mark.parametrize("as_published", [True, False])
def test_it_raises_no_speaker_warning_on_correctly_attributed_quotes(db, as_published):
    from django.conf import settings

    from curation.services import seeds_load

    seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR, as_published=as_published)
    check()
    warned = AttributionFlag.objects.filter(
        code=AttributionFlag.Code.SPEAKER_NOT_INTRODUCED,
        severity=AttributionFlag.Severity.WARNING,
        statement__article__import_key__in=CORRECTLY_ATTRIBUTED_FILES,
    ).exclude(statement__text__startswith=ABADI_QUOTE_START)
    assert list(warned) == []


def test_it_notes_rather_than_warns_about_hussein(seeded):
    flags = [
        flag
        for flag in check_json("--article", "iraq-warns-daesh-activities-have-intensified")
        if flag["code"] == "speaker_not_introduced"
    ]
    assert flags
    assert {flag["severity"] for flag in flags} == {"note"}


def test_it_is_idempotent(seeded_as_published):
    check()
    before = list(AttributionFlag.objects.values_list("pk", "code", "message", "resolved_at"))
    out = check()
    assert list(AttributionFlag.objects.values_list("pk", "code", "message", "resolved_at")) == before
    assert "0 flags opened, 0 resolved" in out


def test_it_never_reopens_a_flag_an_editor_dismissed(seeded_as_published, editor):
    from django.utils import timezone

    check()
    flag = abadi_flag()
    flag.resolved_at, flag.resolved_by, flag.resolution = timezone.now(), editor, "Checked: the attribution stands"
    flag.save()
    check()
    assert not any(item["statement"] == flag.statement_id for item in check_json())
    assert AttributionFlag.objects.filter(statement=flag.statement, code=flag.code).count() == 1
    assert abadi_flag().resolution == "Checked: the attribution stands"


def test_it_reports_open_flags_as_a_table(seeded_as_published):
    out = check("--article", "jaafari-calls-for-international-efforts-against-terrorism")
    header, *rows, summary = out.splitlines()
    assert header.split()[:3] == ["statement", "article", "printed"]
    assert any("Abadi" in row and "ibrahim-al-jaafari" in row and "warning" in row for row in rows)
    assert summary.startswith("1 articles checked")
