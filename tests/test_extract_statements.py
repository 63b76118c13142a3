"""The extract_statements command: stored suggestions, and the JSON Lines pipeline mode."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from curation.importing.parsing import parse_article
from curation.models import Actor, Statement
from curation.services import article_import

WIRE_STORY = (
    " date 2018-04-10 \n\n"
    "Jaafari Urges Help For Returning Families\n\n"
    "Iraqi Foreign Minister Ibrahim al-Jaafari met aid agencies in Baghdad on Tuesday.\n\n"
    "“The families who return to Mosul need schools and clean water before anything else,” "
    "al-Jaafari said.\n\n"
    "The top Iraqi diplomat pointed out that the reconstruction fund had received less than half "
    "of what donors had promised.\n"
)
JAAFARI_QUOTE = "The families who return to Mosul need schools and clean water before anything else"


@pytest.fixture
def wire_article(seeded):
    return article_import(parsed=parse_article(WIRE_STORY), import_key="wire/jaafari-families.txt")


def run(*arguments, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract_statements", *arguments, stdout=out, stderr=err, stdin=stdin)
    return out.getvalue(), err.getvalue()


def test_it_stores_suggestions_for_an_imported_article(wire_article):
    out, _ = run("--article", wire_article.slug, "--no-progress")
    suggestions = {s.text: s for s in wire_article.statements.all()}
    quote = suggestions[JAAFARI_QUOTE]
    assert quote.review_status == Statement.ReviewStatus.SUGGESTED
    assert quote.origin == Statement.Origin.EXTRACTED
    assert quote.published is False
    assert quote.speaker == Actor.objects.get(slug="ibrahim-al-jaafari")
    assert quote.speaker_as_printed == "al-Jaafari"
    assert 0 < quote.confidence <= 1
    assert any(text.startswith("the reconstruction fund") for text in suggestions)
    assert out.strip() == f"1 articles, {len(suggestions)} suggestions stored, 0 skipped as duplicates."


def test_it_stores_nothing_twice(wire_article):
    run("--article", wire_article.slug, "--no-progress")
    first = list(wire_article.statements.values_list("pk", "start", "end"))
    out, _ = run("--all", "--no-progress")
    assert list(wire_article.statements.values_list("pk", "start", "end")) == first
    assert "0 suggestions stored" in out


def test_it_never_suggests_over_a_curated_statement(seeded):
    curated = list(Statement.objects.values_list("pk", "start", "end"))
    out, _ = run("--all", "--no-progress")
    assert list(Statement.objects.values_list("pk", "start", "end")) == curated
    # The split quote in 001_… is one suggestion with two pieces; the curation keeps it as two statements.
    assert out.strip() == f"5 articles, 0 suggestions stored, {len(curated) - 1} skipped as duplicates."


def test_it_refuses_an_unknown_article(db):
    with pytest.raises(CommandError, match="no-such-article"):
        run("--article", "no-such-article")


def every_row_count():
    from django.apps import apps

    return {model.__name__: model.objects.count() for model in apps.get_app_config("curation").get_models()}


def test_it_writes_suggestions_as_json_lines_and_touches_no_rows(seeded):
    before = every_row_count()
    lines = json.dumps({"id": "wire-1", "text": WIRE_STORY, "published_on": "2018-04-10"}) + "\n"
    out, err = run("--jsonl", stdin=io.StringIO(lines))
    [answer] = [json.loads(line) for line in out.splitlines()]
    assert answer["id"] == "wire-1"
    quote = next(s for s in answer["statements"] if s["text"] == JAAFARI_QUOTE)
    assert quote["speaker"] == "ibrahim-al-jaafari"
    assert quote["kind"] == "direct"
    assert quote["cue"] == "said"
    assert WIRE_STORY[quote["start"] : quote["end"]] == JAAFARI_QUOTE
    assert WIRE_STORY[quote["speaker_start"] : quote["speaker_end"]] == "al-Jaafari"
    assert quote["reasons"]
    assert err == ""
    assert every_row_count() == before


def test_it_reports_a_bad_line_and_carries_on(db):
    lines = "\n".join(
        [
            "not json at all",
            json.dumps({"id": 2, "text": "“We will rebuild every school in the city,” the mayor said."}),
            json.dumps({"id": 3, "body": "no text field"}),
        ]
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 line"):
        call_command("extract_statements", "--jsonl", stdout=out, stderr=err, stdin=io.StringIO(lines))
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [answer["id"] for answer in answers] == [None, 2, 3]
    assert "not valid JSON" in answers[0]["error"]
    assert answers[1]["statements"][0]["text"] == "We will rebuild every school in the city"
    assert '"text"' in answers[2]["error"]
    assert "line 1:" in err.getvalue() and "line 3:" in err.getvalue()


def test_it_exits_non_zero_from_the_shell_when_a_line_fails(tmp_path):
    manage = Path(__file__).resolve().parent.parent / "manage.py"
    finished = subprocess.run(
        [sys.executable, str(manage), "extract_statements", "--jsonl", "--no-actors"],
        input='{"id": 1, "text": "The minister said the talks would resume."}\n{"id": 2}\n',
        capture_output=True,
        text=True,
        timeout=60,
        # --no-actors reads no database, so an empty one proves it.
        env={"PATH": "/usr/bin:/bin", "DJANGO_SQLITE_PATH": str(tmp_path / "absent.sqlite3")},
    )
    assert finished.returncode != 0
    assert [json.loads(line).get("id") for line in finished.stdout.splitlines()] == [1, 2]
    assert "line 2:" in finished.stderr
    assert not (tmp_path / "absent.sqlite3").exists() or (tmp_path / "absent.sqlite3").stat().st_size == 0
