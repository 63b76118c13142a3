"""Gold data for scoring the extractor: the seeds' curation and annotated JSON Lines files.

A gold item is ``{"name", "text", "published_on", "quotes": [...], "flags": [...]}``
with each quote ``{"quote", "start", "end", "speaker", "kind", "speaker_as_printed"}``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .checks import check_article
from .evaluate import Evaluation, evaluate
from .extractor import extract
from .records import KnownActor, KnownRole, StatementView


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_actors(curation: dict) -> list[KnownActor]:
    """Return the actors of a curation document (``seeds/curation.json``) as the extractor reads them."""
    return [
        KnownActor(
            slug=actor["slug"],
            name=actor["name"],
            kind=actor["kind"],
            aliases=tuple(actor.get("aliases", ())),
            roles=tuple(
                KnownRole(role["title"], role["organisation"], _day(role.get("start")), _day(role.get("end")))
                for role in actor.get("roles", ())
            ),
        )
        for actor in curation.get("actors", ())
    ]


def load_seed_items(seeds: Path) -> tuple[list[dict], list[KnownActor]]:
    """Return gold items from seeds/curation.json, speakers as corrected, and the seed actors.

    Each corrected statement also expects a ``speaker_not_introduced`` flag
    suggesting the speaker it was corrected to.
    """
    curation = json.loads((seeds / "curation.json").read_text(encoding="utf-8"))
    corrections = {(c["article"], c["start"], c["end"]): c["to"] for c in curation.get("corrections", ())}
    items = [_seed_item(seeds, article, corrections) for article in curation["articles"]]
    return items, load_actors(curation)


def _seed_item(seeds: Path, article: dict, corrections: dict) -> dict:
    quotes, flags = [], []
    for statement in article["statements"]:
        corrected = corrections.get((article["slug"], statement["start"], statement["end"]))
        quotes.append(
            {
                "quote": statement["text"],
                "start": statement["start"],
                "end": statement["end"],
                "speaker": corrected or statement["speaker"],
                "kind": statement["kind"],
                "speaker_as_printed": statement["speaker_as_printed"],
                "printed_speaker": statement["speaker"],
            }
        )
        if corrected:
            flags.append(
                {
                    "code": "speaker_not_introduced",
                    "start": statement["start"],
                    "end": statement["end"],
                    "suggested_speaker": corrected,
                }
            )
    return {
        "name": article["file"],
        "text": (seeds / article["file"]).read_text(encoding="utf-8"),
        "published_on": article.get("published_on"),
        "quotes": quotes,
        "flags": flags,
    }


def load_annotated(path: Path) -> list[dict]:
    """Return the gold items of an annotated JSON Lines file, one per non-blank line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stored_views(item: dict) -> list[StatementView]:
    """Return the gold statements as an editor would have stored them before any correction."""
    return [
        StatementView(
            index,
            item.get("name", ""),
            quote["quote"],
            quote["start"],
            quote["end"],
            quote.get("kind", "direct"),
            quote.get("speaker_as_printed", ""),
            quote.get("printed_speaker", quote.get("speaker")),
        )
        for index, quote in enumerate(item["quotes"])
    ]


def score_items(items: list[dict], actors) -> Evaluation:
    """Score the extractor on gold items, and the ``speaker_not_introduced`` warnings on their statements.

    The checks see each gold statement as it was printed, before any
    correction, which is when an editor needs the warning.
    """
    predictions, raised = [], []
    for item in items:
        day = _day(item.get("published_on"))
        predictions.append(extract(item["text"], actors=actors, published_on=day))
        views = stored_views(item)
        flags = check_article(item["text"], views, actors=actors, published_on=day)
        raised.append(
            [
                dict(flag.to_dict(), start=view.start, end=view.end)
                for view in views
                for flag in flags.get(view.key, ())
                if flag.code == "speaker_not_introduced" and flag.severity == "warning"
            ]
        )
    return evaluate(
        items,
        predictions,
        names={actor.slug: actor.name for actor in actors},
        expected_flags=[item.get("flags", []) for item in items],
        raised_flags=raised,
    )
