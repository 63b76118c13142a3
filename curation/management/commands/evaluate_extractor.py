from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from curation.extraction.gold import load_annotated, load_seed_items, score_items
from curation.selectors import review_decision_scores

COLUMNS = ("source", "gold", "suggested", "precision", "recall", "F1", "speaker accuracy", "flag precision")


class Command(BaseCommand):
    help = (
        "Score the extractor against the seeds' curation (speakers after corrections), annotated "
        'JSON Lines files ({"text", "quotes": [{"quote", "start", "end", "speaker"}]}; default: '
        "seeds/annotated/*.jsonl) and the editors' stored review decisions."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="Annotated JSON Lines files.")
        parser.add_argument("--details", action="store_true", help="List missed, spurious and misattributed quotes.")

    def handle(self, *args, files, details, **options):
        seeds = Path(settings.CURATION_SEEDS_DIR)
        items, actors = load_seed_items(seeds)
        files = files or sorted((seeds / "annotated").glob("*.jsonl"))
        scored = [("seeds", score_items(items, actors))]
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            try:
                scored.append((path.name, score_items(load_annotated(path), actors)))
            except (ValueError, KeyError, TypeError) as problem:
                raise CommandError(f"{path}: not an annotated JSON Lines file ({problem})") from None
        rows = [_evaluation_row(name, evaluation) for name, evaluation in scored]
        rows.append(_decisions_row(self.stderr))
        self.stdout.write(_table(rows))
        if details:
            for name, evaluation in scored:
                self.stdout.write(_details(name, evaluation))


def _share(value: float, right: int, out_of: int) -> str:
    return f"{value:.3f} ({right}/{out_of})" if out_of else "- (0/0)"


def _evaluation_row(name, evaluation) -> tuple[str, ...]:
    flags = _share(evaluation.flag_precision, evaluation.flags_right, evaluation.flags_raised)
    return (
        name,
        str(evaluation.gold),
        str(evaluation.predicted),
        f"{evaluation.precision:.3f}",
        f"{evaluation.recall:.3f}",
        f"{evaluation.f1:.3f}",
        _share(evaluation.speaker_accuracy, evaluation.speakers_right, evaluation.matched),
        flags,
    )


def _decisions_row(errors) -> tuple[str, ...]:
    try:
        scores = review_decision_scores()
    except DatabaseError as problem:
        # Scoring the seeds and files needs no database; say why this row is empty instead of failing.
        errors.write(f"Editors' decisions not read: {problem}")
        return ("editors' decisions", "", "", "-", "", "", "-", "-")
    return (
        "editors' decisions",
        "",
        str(scores.decided),
        _share(scores.precision, scores.kept, scores.decided),
        "",
        "",
        _share(scores.speaker_accuracy, scores.speakers_kept, scores.kept),
        _share(scores.flag_precision, scores.flags_followed, scores.flags_decided),
    )


def _table(rows) -> str:
    widths = [max(len(row[index]) for row in [COLUMNS, *rows]) for index in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip()
        for row in [COLUMNS, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _details(name, evaluation) -> str:
    lines = [f"{name}:"]
    for label, values in (
        ("missed", evaluation.missed),
        ("spurious", evaluation.spurious),
        ("wrong speaker", evaluation.wrong_speakers),
    ):
        lines += [f"  {label}: {value}" for value in values]
    return "\n".join(lines)
