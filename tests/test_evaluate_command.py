"""evaluate_extractor: the extractor scored on the seeds, annotated files and editors' decisions."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from curation.models import ReviewDecision, Statement


def evaluate(*arguments):
    out = io.StringIO()
    call_command("evaluate_extractor", *arguments, stdout=out, stderr=io.StringIO())
    return {line.split("  ")[0].strip(): line for line in out.getvalue().splitlines()}


def columns(line):
    return [cell.strip() for cell in line.split("  ") if cell.strip()]


def test_it_scores_the_seeds_and_the_shipped_examples(db):
    rows = evaluate()
    seeds = columns(rows["seeds"])
    # gold, suggested, precision: the split quote in 001_… is suggested as one statement of two pieces,
    # where the curation keeps two statements, so one gold statement goes unmatched.
    assert seeds[1:4] == ["42", "41", "1.000"]
    assert float(seeds[4]) >= 0.95  # recall
    assert float(seeds[6].split()[0]) >= 0.95  # speaker accuracy
    assert "extraction_examples.jsonl" in rows


def test_it_scores_an_annotated_file(db, tmp_path):
    text = "“The bridge will open in May,” said Transport Minister Nadia Karim. The weather was mild."
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": text,
                "quotes": [
                    {"quote": "The bridge will open in May", "start": 1, "end": 28, "speaker": "Nadia Karim"},
                    {"quote": "The weather was mild", "start": 68, "end": 88, "speaker": "Nadia Karim"},
                ],
            }
        )
        + "\n"
    )
    mine = columns(evaluate(str(path))["mine.jsonl"])
    assert mine[1:6] == ["2", "1", "1.000", "0.500", "0.667"]
    assert mine[6] == "1.000 (1/1)"


def test_it_refuses_a_file_that_is_not_annotated(db, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "no quotes here", "quotes": [{"quote": "x"}]}\n')
    with pytest.raises(CommandError, match="broken.jsonl"):
        evaluate(str(path))


def test_it_measures_precision_from_editors_decisions(seeded, editor):
    statement = Statement.objects.first()
    suggested = {"speaker": "ibrahim-al-jaafari"}
    for decision, outcome in (
        ("confirmed", suggested),
        ("edited", {"speaker": "haider-al-abadi"}),
        ("rejected", suggested),
        ("rejected", suggested),
    ):
        ReviewDecision.objects.create(
            statement=statement, decision=decision, suggestion=suggested, outcome=outcome, editor=editor
        )
    decisions = columns(evaluate()["editors' decisions"])
    assert decisions[1:] == ["4", "0.500 (2/4)", "0.500 (1/2)", "- (0/0)"]
