"""Score the extractor on converted corpora and on the seeds, with the measures a newsroom reads.

Usage::

    python -m bench.evaluate_corpus [--seeds] [FILE.jsonl …] [--details N]

Each file is scored twice: on every annotated attribution ("all") and on those
the desk decided to suggest ("suggested": speech, writing, claims and quotes;
see docs/EXTRACTION.md). ``--seeds`` adds the seeds' curation with its actor
registry. ``--details N`` prints N missed, spurious and misattributed examples
per file (for the tuning files only: the held-back fifth is scored, never read).
No database and no Django: the extractor is pure Python.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from curation.extraction import extract
from curation.extraction.gold import _day, load_annotated, load_seed_items
from curation.extraction.measures import measure, measures_table

ROOT = Path(__file__).resolve().parent.parent


def predict(items: list[dict], actors=()) -> tuple[list[list], float]:
    began = time.perf_counter()
    predictions = [extract(item["text"], actors=actors, published_on=_day(item.get("published_on"))) for item in items]
    return predictions, time.perf_counter() - began


def details(items, predictions, count: int) -> str:
    from curation.extraction.evaluate import evaluate

    result = evaluate([dict(i, quotes=[q for q in i["quotes"] if q.get("suggest", True)]) for i in items], predictions)
    sample = random.Random(0)
    measures = measure(items, predictions, keep=lambda quote: quote.get("suggest", True))
    lines = []
    for label, values in (
        ("missed", result.missed),
        ("spurious", result.spurious),
        ("wrong named speaker", measures.wrong_named),
    ):
        picked = sample.sample(list(values), min(count, len(values)))
        lines += [f"  {label}: {value}" for value in picked]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seeds", action="store_true", help="score the seeds' curation too")
    parser.add_argument("--details", type=int, default=0, metavar="N")
    arguments = parser.parse_args()
    rows = []
    if arguments.seeds:
        items, actors = load_seed_items(ROOT / "seeds")
        predictions, _ = predict(items, tuple(actors))
        rows.append(("seeds", measure(items, predictions, names={a.slug: a.name for a in actors})))
    for path in arguments.files:
        items = load_annotated(path)
        predictions, seconds = predict(items)
        print(f"{path.name}: {len(items)} articles in {seconds:.1f} s ({len(items) / seconds:.0f} articles/s)")
        rows.append((f"{path.stem}: all", measure(items, predictions)))
        rows.append((f"{path.stem}: suggested", measure(items, predictions, keep=lambda q: q.get("suggest", True))))
        if arguments.details:
            print(details(items, predictions, arguments.details))
    print(measures_table(rows))


if __name__ == "__main__":
    main()
