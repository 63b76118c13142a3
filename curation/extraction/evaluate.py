"""Measure suggestions against gold annotations: precision, recall, speakers, flags.

Gold items look like ``{"text": ..., "quotes": [{"quote", "start", "end", "speaker"}]}``
where ``speaker`` is an actor slug or a name. Predictions are Suggestions or their
``to_dict()`` form, one list per gold item.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .names import name_key, normalise_name

MATCH_SHARE_OF_GOLD = 0.5


@dataclass(frozen=True)
class Evaluation:
    gold: int
    predicted: int
    matched: int
    speakers_right: int
    flags_expected: int = 0
    flags_raised: int = 0
    flags_right: int = 0
    missed: tuple[str, ...] = field(default=())
    spurious: tuple[str, ...] = field(default=())
    wrong_speakers: tuple[str, ...] = field(default=())

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.matched if self.matched else 0.0

    @property
    def flag_precision(self) -> float:
        return self.flags_right / self.flags_raised if self.flags_raised else 0.0

    @property
    def flag_recall(self) -> float:
        return self.flags_right / self.flags_expected if self.flags_expected else 0.0


def _field(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


# Titles of address say nothing about who spoke: "Mr Hickey" is Hickey.
HONORIFICS = frozenset({"the", "mr", "mrs", "ms", "dr", "sir"})


def speaker_key(name: str | None) -> str:
    """Fold a speaker's name for comparison: case, accents, apostrophes, particles and honorifics."""
    words = normalise_name(name_key(name or "")).split()
    return " ".join(word for word in words if word not in HONORIFICS)


def match_spans(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one to one, largest overlaps first.

    A pair counts when the prediction covers at least half of the gold span.
    """
    pairs = []
    for gold_index, (gold_start, gold_end) in enumerate(gold):
        needed = MATCH_SHARE_OF_GOLD * max(1, gold_end - gold_start)
        for predicted_index, (start, end) in enumerate(predicted):
            overlap = min(gold_end, end) - max(gold_start, start)
            if overlap >= needed:
                pairs.append((overlap, gold_index, predicted_index))
    used_gold, used_predicted, matched = set(), set(), []
    for _, gold_index, predicted_index in sorted(pairs, reverse=True):
        if gold_index in used_gold or predicted_index in used_predicted:
            continue
        used_gold.add(gold_index)
        used_predicted.add(predicted_index)
        matched.append((gold_index, predicted_index))
    return sorted(matched)


def speaker_matches(gold_speaker: str | None, prediction: Any, names: Mapping[str, str]) -> bool:
    """Equal slugs, or equal names once case, accents and particles are folded."""
    predicted_slug = _field(prediction, "speaker")
    if gold_speaker is None:
        return predicted_slug is None and not _field(prediction, "speaker_name")
    if predicted_slug is not None and predicted_slug == gold_speaker:
        return True
    gold_name = speaker_key(names.get(gold_speaker, gold_speaker))
    predicted_name = speaker_key(names.get(predicted_slug, "") or _field(prediction, "speaker_name", ""))
    return bool(gold_name) and gold_name == predicted_name


def evaluate(
    gold_items: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Any]],
    *,
    names: Mapping[str, str] | None = None,
    expected_flags: Sequence[Sequence[Mapping[str, Any]]] | None = None,
    raised_flags: Sequence[Sequence[Mapping[str, Any]]] | None = None,
) -> Evaluation:
    """Score predictions for each gold item; ``names`` maps actor slugs to names."""
    names = names or {}
    totals = {"gold": 0, "predicted": 0, "matched": 0, "speakers_right": 0}
    missed, spurious, wrong = [], [], []
    for item, predicted in zip(gold_items, predictions, strict=False):
        quotes = list(item.get("quotes", ()))
        spans = [(_field(p, "start"), _field(p, "end")) for p in predicted]
        matched = match_spans([(q["start"], q["end"]) for q in quotes], spans)
        totals["gold"] += len(quotes)
        totals["predicted"] += len(predicted)
        totals["matched"] += len(matched)
        for gold_index, predicted_index in matched:
            if speaker_matches(quotes[gold_index].get("speaker"), predicted[predicted_index], names):
                totals["speakers_right"] += 1
            else:
                prediction = predicted[predicted_index]
                got = _field(prediction, "speaker") or _field(prediction, "speaker_name")
                wrong.append(
                    f"{quotes[gold_index]['quote'][:60]!r}: expected {quotes[gold_index].get('speaker')}, got {got}"
                )
        missed += [quotes[i]["quote"][:60] for i in range(len(quotes)) if i not in {g for g, _ in matched}]
        spurious += [
            _field(predicted[i], "text")[:60] for i in range(len(predicted)) if i not in {p for _, p in matched}
        ]
    flags = _flag_counts(expected_flags or [], raised_flags or [])
    return Evaluation(**totals, **flags, missed=tuple(missed), spurious=tuple(spurious), wrong_speakers=tuple(wrong))


def _flag_counts(expected: Sequence[Sequence[Mapping]], raised: Sequence[Sequence[Mapping]]) -> dict[str, int]:
    """A raised flag is right when an expected flag has its code, span and suggestion."""
    counts = {"flags_expected": 0, "flags_raised": 0, "flags_right": 0}
    for expected_here, raised_here in zip(expected, raised, strict=False):
        counts["flags_expected"] += len(expected_here)
        counts["flags_raised"] += len(raised_here)
        remaining = list(expected_here)
        for flag in raised_here:
            hit = next((e for e in remaining if _same_flag(e, flag)), None)
            if hit is not None:
                remaining.remove(hit)
                counts["flags_right"] += 1
    return counts


def _same_flag(expected: Mapping, raised: Mapping) -> bool:
    if expected.get("code") != raised.get("code"):
        return False
    if expected.get("start") is not None and not (
        expected["start"] < raised.get("end", 0) and raised.get("start", 0) < expected["end"]
    ):
        return False
    wanted = expected.get("suggested_speaker")
    return wanted is None or wanted == raised.get("suggested_speaker")


def format_table(evaluation: Evaluation, title: str = "Extraction") -> str:
    """Return the scores as a small plain-text table."""
    rows = [
        (
            "statements (gold / predicted / matched)",
            f"{evaluation.gold} / {evaluation.predicted} / {evaluation.matched}",
        ),
        ("precision", f"{evaluation.precision:.3f}"),
        ("recall", f"{evaluation.recall:.3f}"),
        ("F1", f"{evaluation.f1:.3f}"),
        ("speaker accuracy", f"{evaluation.speaker_accuracy:.3f} ({evaluation.speakers_right}/{evaluation.matched})"),
        (
            "flags (expected / raised / right)",
            f"{evaluation.flags_expected} / {evaluation.flags_raised} / {evaluation.flags_right}",
        ),
        ("flag precision", f"{evaluation.flag_precision:.3f}"),
        ("flag recall", f"{evaluation.flag_recall:.3f}"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [title, "-" * (width + 14)]
    lines += [f"{label.ljust(width)}  {value}" for label, value in rows]
    return "\n".join(lines)
