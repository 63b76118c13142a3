"""Text helpers that keep character offsets intact.

Every helper here works on a *same-length* normalised copy of the article, so
an offset found in the copy is the offset in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
_SAME_LENGTH_TABLE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "‐": "-",
        "‑": "-",
    }
)


def normalise_same_length(text: str) -> str:
    """Fold curly quotes, apostrophes and odd spaces to ASCII, one character for one."""
    return text.translate(_SAME_LENGTH_TABLE)


@dataclass(frozen=True)
class TextRange:
    start: int
    end: int

    def contains(self, position: int) -> bool:
        return self.start <= position < self.end

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


_PARAGRAPH_RE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[TextRange]:
    """Return the non-blank lines of the text; wire copy puts one paragraph a line."""
    spans = []
    for match in _PARAGRAPH_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(TextRange(start, end))
    return spans


_BOILERPLATE_LINE_RE = re.compile(
    r"^(?:©.*|\(c\)\s.*|sponsored links?|advertisement|read (?:the )?original article.*"
    r"|read more.*|click here.*|share this.*|follow us.*|all rights reserved.*"
    r"|related(?: articles| stories)?:?|copyright\b.*)$",
    re.IGNORECASE,
)
_PHOTO_CREDIT_RE = re.compile(
    r"^(?:[\w.&-]+\s){0,3}(?:photo|photograph|picture|image)s?\b(?:\s*(?:/|:|by)\s*.*)?$",
    re.IGNORECASE,
)


def boilerplate_spans(text: str, lines: list[TextRange]) -> list[TextRange]:
    """Return paragraphs that are site furniture, credits or photo captions.

    A caption is the paragraph right after a photo credit line.
    """
    dropped: list[TextRange] = []
    caption_expected = False
    for line in lines:
        content = text[line.start : line.end].strip()
        if caption_expected:
            dropped.append(line)
            caption_expected = False
            continue
        caption_expected = False
        if _BOILERPLATE_LINE_RE.match(content):
            dropped.append(line)
        elif len(content) < 80 and _PHOTO_CREDIT_RE.match(content):
            dropped.append(line)
            caption_expected = True
    return dropped


ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "st",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "brig",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "approx",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "ph.d",
    ]
)
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"')\]]*(?=\s)")


def sentences(norm: str, paragraph: TextRange) -> list[TextRange]:
    """Split one paragraph of the normalised text into sentences."""
    spans: list[TextRange] = []
    start = paragraph.start
    for match in _SENTENCE_END_RE.finditer(norm, paragraph.start, paragraph.end):
        end = match.end()
        if _is_abbreviation(norm, match.start()) or not _next_starts_sentence(norm, end, paragraph.end):
            continue
        spans.append(TextRange(start, end))
        start = _skip_spaces(norm, end, paragraph.end)
    if start < paragraph.end:
        spans.append(TextRange(start, paragraph.end))
    return spans


def _skip_spaces(norm: str, position: int, limit: int) -> int:
    while position < limit and norm[position].isspace():
        position += 1
    return position


def _is_abbreviation(norm: str, dot: int) -> bool:
    if norm[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (norm[word_start - 1].isalpha() or norm[word_start - 1] == "."):
        word_start -= 1
    word = norm[word_start:dot].lower()
    # A single capital letter before a dot is an initial, as in "Mohamad A. Alhakim".
    return word in ABBREVIATIONS or (len(word) == 1 and norm[dot - 1].isupper())


def _next_starts_sentence(norm: str, position: int, limit: int) -> bool:
    position = _skip_spaces(norm, position, limit)
    if position >= limit:
        return True
    character = norm[position]
    return character.isupper() or character.isdigit() or character in "\"'(["
