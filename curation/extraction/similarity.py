"""Near-duplicate statement text, found without comparing every pair."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from .records import StatementView
from .text import normalise_same_length

SIMILARITY_THRESHOLD = 0.85
MINIMUM_WORDS = 5
SHINGLE_SIZE = 3
# A shingle shared by this many statements is a stock phrase, useless for pairing.
COMMON_SHINGLE = 200
_WORD_RE = re.compile(r"[a-z0-9]+")


def statement_words(text: str) -> list[str]:
    """Fold quotes, apostrophes, accents, case and spacing away."""
    folded = unicodedata.normalize("NFKC", normalise_same_length(text)).lower().replace("'", "")
    return _WORD_RE.findall(folded)


def similarity(first: Sequence[str], second: Sequence[str]) -> float:
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def find_similar_pairs(
    statements: Sequence[StatementView], threshold: float = SIMILARITY_THRESHOLD
) -> Iterator[tuple[StatementView, StatementView, float]]:
    """Yield pairs of statements whose words are at least ``threshold`` alike.

    Only statements sharing a three-word shingle are compared, so the cost
    grows with the number of near-duplicates rather than with every pair.
    """
    words = [statement_words(statement.text) for statement in statements]
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, statement_words_here in enumerate(words):
        if len(statement_words_here) < MINIMUM_WORDS:
            continue
        for shingle in _shingles(statement_words_here):
            buckets[shingle].append(index)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > COMMON_SHINGLE:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if (first, second) in seen:
                    continue
                seen.add((first, second))
                score = _score(words[first], words[second], threshold)
                if score >= threshold:
                    yield statements[first], statements[second], score


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}


def _score(first: list[str], second: list[str], threshold: float) -> float:
    shorter, longer = sorted((len(first), len(second)))
    # The ratio can never exceed 2 * shorter / total; skip pairs that cannot reach the threshold.
    if 2 * shorter / (shorter + longer) < threshold:
        return 0.0
    return similarity(first, second)
