"""The parts of an imported text that are not the story: feed headers, a repeated headline, credits, links.

Pure Python, no ORM. The body is never changed: these are ranges of it,
which readers' pages leave out and the desk shows dimmed.
"""

import re

from curation.importing.parsing import _iso_date_line, _source_line

# Lines that are never the story, wherever they stand.
_ALWAYS = [
    re.compile(r"^\s*sponsored links?\s*$", re.IGNORECASE),
    re.compile(r"^\s*read (the )?original article( here)?\.?\s*$", re.IGNORECASE),
]
# "AP Photo / Felipe Dana", "Photo: Jane Roe", "Photo credit: …", "© Reuters".
_CREDIT = re.compile(r"^\s*(?:©.{0,80}|(?:[\w.]+\s+){0,3}photo(?:\s+credit)?\s*[/:].{0,80})$", re.IGNORECASE)
# An agency caption ends with the day the picture was taken: "…, Iraq, March 17, 2017."
_CAPTION = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\.?\s*$"
)
CAPTION_WORDS_AT_MOST = 50
MASTHEAD_WORDS_AT_MOST = 5
HEADER_LINES_AT_MOST = 15


def _lines(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line that holds something, without its line ending."""
    return [match.span() for match in re.finditer(r"[^\r\n]*\S[^\r\n]*", body)]


def _folded(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _is_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", ":", "”", '"')) or len(line.split()) > 25


def non_story_ranges(body: str, title: str = "") -> list[tuple[int, int]]:
    """Return the ranges of ``body`` that are not the story, in order, neighbours joined.

    Before the story: date and source lines, the headline (once or repeated)
    and a short masthead line above it. Anywhere: "Sponsored Links", "Read
    original article here.", a copyright sign or photo credit, and the line
    after a credit when it reads as a caption (it ends with the picture's date).
    """
    lines = _lines(body)
    hidden = _header_lines(body, lines, title) | _credit_lines(body, lines)
    return _joined(body, sorted(lines[index] for index in hidden))


def _header_lines(body: str, lines: list[tuple[int, int]], title: str) -> set[int]:
    headline = _folded(title)
    hidden: set[int] = set()
    before_headline = []
    for index, (start, end) in enumerate(lines[:HEADER_LINES_AT_MOST]):
        line = body[start:end]
        if _iso_date_line.match(line) or _source_line.match(line):
            hidden.add(index)
        elif headline and _folded(line) == headline:
            hidden.add(index)
            hidden.update(before_headline)
            before_headline = []
        elif not _is_sentence(line) and len(line.split()) <= MASTHEAD_WORDS_AT_MOST:
            before_headline.append(index)
        else:
            break
    return hidden


def _credit_lines(body: str, lines: list[tuple[int, int]]) -> set[int]:
    hidden: set[int] = set()
    for index, (start, end) in enumerate(lines):
        line = body[start:end]
        if any(pattern.match(line) for pattern in _ALWAYS):
            hidden.add(index)
        elif _CREDIT.match(line):
            hidden.add(index)
            following = index + 1
            if following < len(lines):
                caption = body[lines[following][0] : lines[following][1]]
                if len(caption.split()) <= CAPTION_WORDS_AT_MOST and _CAPTION.search(caption):
                    hidden.add(following)
    return hidden


def _joined(body: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and not body[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
