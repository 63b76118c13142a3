"""Quote marks as printed in the wild, paired into quoted spans paragraph by paragraph.

Curly and straight double quotes, guillemets, doubled apostrophes (``''`` as some
archives print a double quote, and ````` `` `````), and single quotes (curly or
straight) when they stand outside a double quote and cannot be an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import TextRange

_DOUBLE_RE = re.compile(r"'''(?!')|''|``|[\"“”„«»]")
_SINGLE_RE = re.compile(r"[‘’']")
_OPENING = frozenset({"“", "„", "«", "``"})
_CLOSING = frozenset({"”", "»"})


@dataclass(frozen=True)
class Mark:
    position: int
    length: int
    role: str  # "open", "close" or "either"


@dataclass(frozen=True)
class QuoteSpan:
    open_mark: int  # offset of the opening quote mark
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    close_mark: int  # offset of the closing mark, or the paragraph end when unclosed
    after: int = -1  # first character after the closing mark

    @property
    def follows(self) -> int:
        return self.after if self.after >= 0 else self.close_mark + 1


def double_marks(text: str, paragraph: TextRange) -> list[Mark]:
    marks = []
    for match in _DOUBLE_RE.finditer(text, paragraph.start, paragraph.end):
        mark = match.group()
        role = "open" if mark in _OPENING else "close" if mark in _CLOSING else "either"
        marks.append(Mark(match.start(), len(mark), role))
    return marks


def single_marks(text: str, start: int, end: int) -> list[Mark]:
    """Single quote marks that open before a word or close after one, never an apostrophe inside a word."""
    marks = []
    for match in _SINGLE_RE.finditer(text, start, end):
        position = match.start()
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if text.startswith("''", position) or (position > start and text[position - 1] == "'"):
            continue
        if not before.isalnum() and after.isalnum() and match.group() != "’":
            marks.append(Mark(position, 1, "open"))
        elif (before.isalnum() or before in ".,!?") and not after.isalnum() and match.group() != "‘":
            marks.append(Mark(position, 1, "close"))
    return marks


def pair_marks(marks: list[Mark], open_mark: Mark | None) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair opening and closing marks in order; return the pairs and a mark left open, if any."""
    pairs = []
    for mark in marks:
        if open_mark is None:
            if mark.role != "close":
                open_mark = mark
        elif mark.role != "open":
            pairs.append((open_mark, mark))
            open_mark = None
        else:
            # Two opening marks in a row: the first was never closed; start again at the second.
            open_mark = mark
    return pairs, open_mark


def single_quotes(text: str, paragraph: TextRange, outside: list[tuple[int, int]]) -> list[tuple[Mark, Mark]]:
    """Pairs of single quote marks in the parts of a paragraph outside double quotes."""
    pairs = []
    cursor = paragraph.start
    for start, end in [*outside, (paragraph.end, paragraph.end)]:
        found, _ = pair_marks(single_marks(text, cursor, start), None)
        pairs += [(first, second) for first, second in found if _is_single_quote(text, first, second)]
        cursor = end
    return pairs


def _is_single_quote(text: str, first: Mark, second: Mark) -> bool:
    """A pair of single marks round at least two words, not "'90s and '00s'"."""
    inside = text[first.position + 1 : second.position]
    return len(inside.split()) >= 2


def quote_span(text: str, first: Mark, close_position: int, close_length: int) -> QuoteSpan:
    start, end = first.position + first.length, close_position
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return QuoteSpan(first.position, start, end, close_position, close_position + close_length)
