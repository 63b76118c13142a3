"""Score the extractor on the seeds and on annotated examples, and time it.

Usage: ``python -m curation.extraction.benchmark [seeds directory]``
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from .checks import check_article
from .evaluate import evaluate, format_table
from .extractor import extract
from .records import KnownActor, KnownRole, StatementView


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_actors(curation: dict) -> list[KnownActor]:
    return [
        KnownActor(
            slug=actor["slug"], name=actor["name"], kind=actor["kind"],
            aliases=tuple(actor.get("aliases", ())),
            roles=tuple(KnownRole(role["title"], role["organisation"], _day(role.get("start")),
                                  _day(role.get("end"))) for role in actor.get("roles", ())),
        )
        for actor in curation.get("actors", ())
    ]


def load_seed_items(seeds: Path) -> tuple[list[dict], list[KnownActor]]:
    """Gold items from seeds/curation.json, with corrections applied to speakers."""
    curation = json.loads((seeds / "curation.json").read_text(encoding="utf-8"))
    corrections = {(c["article"], c["start"], c["end"]): c["to"] for c in curation.get("corrections", ())}
    items = []
    for article in curation["articles"]:
        text = (seeds / article["file"]).read_text(encoding="utf-8")
        quotes, flags = [], []
        for statement in article["statements"]:
            corrected = corrections.get((article["slug"], statement["start"], statement["end"]))
            quotes.append({"quote": statement["text"], "start": statement["start"],
                           "end": statement["end"], "speaker": corrected or statement["speaker"],
                           "kind": statement["kind"], "speaker_as_printed": statement["speaker_as_printed"],
                           "printed_speaker": statement["speaker"]})
            if corrected:
                flags.append({"code": "speaker_not_introduced", "start": statement["start"],
                              "end": statement["end"], "suggested_speaker": corrected})
        items.append({"name": article["file"], "text": text, "published_on": article.get("published_on"),
                      "quotes": quotes, "flags": flags})
    return items, load_actors(curation)


def load_annotated(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stored_views(item: dict) -> list[StatementView]:
    """The gold statements as an editor would have stored them before any correction."""
    return [StatementView(index, item.get("name", ""), q["quote"], q["start"], q["end"], q.get("kind", "direct"),
                          q.get("speaker_as_printed", ""), q.get("printed_speaker", q.get("speaker")))
            for index, q in enumerate(item["quotes"])]


def run(items: list[dict], actors: list[KnownActor], title: str) -> None:
    predictions, raised = [], []
    names = {actor.slug: actor.name for actor in actors}
    for item in items:
        day = _day(item.get("published_on"))
        predictions.append(extract(item["text"], actors=actors, published_on=day))
        views = stored_views(item)
        flags = check_article(item["text"], views, actors=actors, published_on=day)
        raised.append([dict(flag.to_dict(), start=view.start, end=view.end)
                       for view in views for flag in flags.get(view.key, ())
                       if flag.code == "speaker_not_introduced" and flag.severity == "warning"])
    result = evaluate(items, predictions, names=names,
                      expected_flags=[item.get("flags", []) for item in items], raised_flags=raised)
    print(format_table(result, title))
    for label, values in (("missed", result.missed), ("spurious", result.spurious),
                          ("wrong speaker", result.wrong_speakers)):
        for value in values:
            print(f"  {label}: {value}")


def measure_speed(items: list[dict], actors: list[KnownActor], seconds: float = 2.0) -> float:
    """Return articles extracted per second on this core."""
    count, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        for item in items:
            extract(item["text"], actors=actors, published_on=_day(item.get("published_on")))
            count += 1
    return count / (time.perf_counter() - began)


def main(argv: list[str]) -> None:
    seeds = Path(argv[1] if len(argv) > 1 else "seeds")
    items, actors = load_seed_items(seeds)
    run(items, actors, "Seeds")
    annotated = seeds / "annotated" / "extraction_examples.jsonl"
    if annotated.exists():
        run(load_annotated(annotated), actors, "Annotated examples")
    print(f"speed: {measure_speed(items, actors):.0f} seed articles a second")


if __name__ == "__main__":
    main(sys.argv)
