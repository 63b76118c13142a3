"""The measures a newsroom reads off a scored corpus: quoted statements, all attributions, named speakers.

Gold items are those ``make eval`` reads, optionally with ``kind`` (``direct``,
``partly`` quoted or ``indirect``), ``named`` and the source's printed span
(``speaker_as_printed``, ``speaker_start``, ``speaker_end``) on each quote. One
matching, made as ``make eval`` makes it (a suggestion matches a gold statement
when it covers at least half of it, one to one), serves every figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evaluate import _field, match_spans, speaker_key
from .names import normalise_name, strip_titles

QUOTED_KINDS = frozenset({"direct", "partly"})
_CAPITALISED_RUN_RE = re.compile(r"(?:[A-Z][\w'’.&-]*(?:\s+(?:of\s+|de\s+|van\s+|al-)?[A-Z][\w'’.&-]*)*)")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass
class Measures:
    """Counts behind the figures; the properties give the figures."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    quoted_gold: int = 0
    quoted_matched: int = 0
    direct_predicted: int = 0
    direct_matched: int = 0
    named_matched: int = 0
    named_right: int = 0
    wrong_named: list[str] = field(default_factory=list)

    @property
    def quoted_recall(self) -> float:
        return _share(self.quoted_matched, self.quoted_gold)

    @property
    def direct_precision(self) -> float:
        return _share(self.direct_matched, self.direct_predicted)

    @property
    def quoted_f1(self) -> float:
        return _f1(self.direct_precision, self.quoted_recall)

    @property
    def precision(self) -> float:
        return _share(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _share(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def named_speaker_accuracy(self) -> float:
        return _share(self.named_right, self.named_matched)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def gold_name(printed: str) -> str:
    """The name a printed source gives: the last run of capitalised words before any comma, titles left out.

    "Clinic spokesman Leo Brandt" gives "Leo Brandt", "Ana Ortiz, who chairs …"
    "Ana Ortiz", "Ortiz’s campaign" "Ortiz", "the newspaper" nothing.
    """
    head = printed.split(",")[0]
    # A run that is all title words ("Prince", "Chinese") is still the name printed.
    runs = [strip_titles(run)[1] or run for run in _CAPITALISED_RUN_RE.findall(head)]
    runs = [_POSSESSIVE_RE.sub("", run) for run in runs if run]
    return runs[-1] if runs else ""


def appositive_name(printed: str) -> str:
    """The name an appositive gives a described source: "the mill's chief executive, Ana Ortiz," gives
    "Ana Ortiz"; "Ana Ortiz, who chairs …" gives nothing."""
    parts = printed.split(",")
    if len(parts) < 2:
        return ""
    second = parts[1].strip()
    whole = _CAPITALISED_RUN_RE.fullmatch(second)
    return strip_titles(second)[1] if whole and len(second.split()) >= 2 else ""


def names_agree(first: str, second: str) -> bool:
    """Equal once folded, or one ends the other ("Ortiz" and "Ana Ortiz"); "Lena Ortiz" is not "Ana Ortiz"."""
    first_words, second_words = _key(first).split(), _key(second).split()
    if not first_words or not second_words:
        return False
    shorter, longer = sorted((first_words, second_words), key=len)
    return longer[-len(shorter) :] == shorter


def _key(name: str) -> str:
    """``speaker_key``, or the plainly folded name when that leaves nothing ("Ash" is also a particle)."""
    return speaker_key(name) or normalise_name(name)


def named_speaker_right(quote: Mapping[str, Any], prediction: Any, names: Mapping[str, str]) -> bool:
    """The rule for "named speaker right": the same actor, the same printed mention, or names that agree.

    The gold source's names are the last name in its head and, for a described
    source, the name its appositive gives ("the mill's chief executive, Ana Ortiz").

    The same printed mention: the predicted speaker's span overlaps the gold
    source's and holds the source's name ("Ortiz's campaign" for "Ortiz’s
    campaign"). Names agree: see ``names_agree``.

    The gold name is the registry name of the gold actor when there is one
    (the seeds), else the name in the printed source (PolNeAR); the predicted
    name is the resolved speaker's, else the printed speaker's.
    """
    gold_speaker = quote.get("speaker")
    predicted_slug = _field(prediction, "speaker")
    if gold_speaker and predicted_slug and gold_speaker == predicted_slug:
        return True
    if _same_mention(quote, prediction):
        return True
    printed = quote.get("speaker_as_printed") or gold_speaker or ""
    wanted = [names.get(gold_speaker or "") or gold_name(printed), appositive_name(printed)]
    candidates = (
        names.get(predicted_slug or "", ""),
        _field(prediction, "speaker_name", "") or "",
        strip_titles(_field(prediction, "speaker_as_printed", "") or "")[1],
    )
    return any(names_agree(name, candidate) for name in wanted if name for candidate in candidates if candidate)


def _same_mention(quote: Mapping[str, Any], prediction: Any) -> bool:
    """The predicted speaker is the gold source as printed: the spans overlap and share the source's name."""
    gold_start, gold_end = quote.get("speaker_start"), quote.get("speaker_end")
    start, end = _field(prediction, "speaker_start"), _field(prediction, "speaker_end")
    if None in (gold_start, gold_end, start, end) or not (start < gold_end and gold_start < end):
        return False
    wanted = _key(gold_name(quote.get("speaker_as_printed") or "")).split()
    printed = _key(_field(prediction, "speaker_as_printed", "") or "").split()
    return bool(wanted) and all(word in printed for word in wanted)


def is_named(quote: Mapping[str, Any], names: Mapping[str, str]) -> bool:
    """A gold source counts as named when the converter said so, else when its printed form holds a name."""
    if "named" in quote:
        return bool(quote["named"])
    printed = quote.get("speaker_as_printed") or ""
    if printed.strip().lower() in {"he", "she", "they", "it", "we", "i"} or printed.lower().startswith("the "):
        return False
    return bool(gold_name(printed)) and bool(quote.get("speaker"))


def measure(
    gold_items: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Any]],
    *,
    names: Mapping[str, str] | None = None,
    keep=None,
) -> Measures:
    """Score predictions against the gold statements that ``keep(quote)`` accepts (all of them by default)."""
    names = names or {}
    totals = Measures()
    for item, predicted in zip(gold_items, predictions, strict=True):
        quotes = [quote for quote in item.get("quotes", ()) if keep is None or keep(quote)]
        spans = [(_field(p, "start"), _field(p, "end")) for p in predicted]
        matched = match_spans([(q["start"], q["end"]) for q in quotes], spans)
        _count_item(totals, item, quotes, predicted, matched, names)
    return totals


def _count_item(totals: Measures, item, quotes, predicted, matched, names) -> None:
    totals.gold += len(quotes)
    totals.predicted += len(predicted)
    totals.matched += len(matched)
    totals.quoted_gold += sum(1 for quote in quotes if _quoted(quote))
    totals.direct_predicted += sum(1 for prediction in predicted if _field(prediction, "kind") == "direct")
    for gold_index, predicted_index in matched:
        quote, prediction = quotes[gold_index], predicted[predicted_index]
        totals.quoted_matched += _quoted(quote)
        totals.direct_matched += _field(prediction, "kind") == "direct"
        if not is_named(quote, names):
            continue
        totals.named_matched += 1
        if named_speaker_right(quote, prediction, names):
            totals.named_right += 1
        else:
            got = _field(prediction, "speaker_name") or _field(prediction, "speaker_as_printed")
            totals.wrong_named.append(
                f"{item.get('name', '')}: {quote.get('speaker_as_printed') or quote.get('speaker')!r} "
                f"!= {got!r} ({quote['quote'][:50]!r})"
            )


def _quoted(quote: Mapping[str, Any]) -> bool:
    return quote.get("kind", "direct") in QUOTED_KINDS


def measures_table(rows: Sequence[tuple[str, Measures]]) -> str:
    """The issue's table: one column per scored set."""
    lines = [
        ("gold / suggested / matched", lambda m: f"{m.gold} / {m.predicted} / {m.matched}"),
        ("quoted statements: recall", lambda m: f"{m.quoted_recall:.3f} ({m.quoted_matched}/{m.quoted_gold})"),
        (
            "direct predictions: precision",
            lambda m: f"{m.direct_precision:.3f} ({m.direct_matched}/{m.direct_predicted})",
        ),
        ("quoted statements: F1", lambda m: f"{m.quoted_f1:.3f}"),
        ("all attributions: precision", lambda m: f"{m.precision:.3f}"),
        ("all attributions: recall", lambda m: f"{m.recall:.3f}"),
        ("all attributions: F1", lambda m: f"{m.f1:.3f}"),
        (
            "named speaker right",
            lambda m: f"{m.named_speaker_accuracy:.3f} ({m.named_right}/{m.named_matched})",
        ),
    ]
    header = ["measure", *[name for name, _ in rows]]
    body = [[label, *[cell(measures) for _, measures in rows]] for label, cell in lines]
    widths = [max(len(row[index]) for row in [header, *body]) for index in range(len(header))]
    out = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    out += [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in body
    ]
    return "\n".join(out)
