"""Turning raw article files into text and header fields; no ORM.

Every refusal raises ``ImportRefused`` with a reason an editor can act on.
"""

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# PostgreSQL's full-text index holds at most 1 MB of words and positions per
# article, which half a megabyte of text stays well under.
MAX_ARTICLE_BYTES = 500_000
TITLE_MAX_LENGTH = 200

_iso_date_line = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)
_source_line = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+[-–—]\s+Source:\s*(?P<outlet>\S.*?)\s*$",
    re.IGNORECASE,
)
# "Baghdad (Iraqinews.com) – Iraqi Foreign Minister …": a place, the outlet in
# brackets, then a dash that opens the story.
_dateline = re.compile(r"^\s*[A-Z][\w'’. -]{1,40}?\s*\((?P<outlet>[^()\n]{2,60})\)\s*[-–—]\s+")
_html_start = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


class ImportRefused(ValueError):
    """The file cannot become an article; the message says why."""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    body: str
    outlet: str = ""
    url: str = ""
    published_on: date | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.body)


def canonical_text(body: str) -> str:
    """Return the text as the desk compares texts: line endings as "\\n", no surrounding whitespace.

    A browser sends a textarea's lines back with "\\r\\n", and a file keeps
    whatever its editor wrote; neither makes it another story.
    """
    return body.replace("\r\n", "\n").replace("\r", "\n").strip()


def content_hash(body: str) -> str:
    """Return the SHA-256 of the canonical text: the same story gives the same hash however it arrived."""
    return hashlib.sha256(canonical_text(body).encode("utf-8")).hexdigest()


def decode_article(data: bytes, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Return the text of an article file, or refuse it with the reason.

    ``max_bytes`` is one article's limit; a file holding many articles
    passes its own.
    """
    if len(data) > max_bytes:
        raise ImportRefused(f"the file is {len(data):,} bytes; articles are limited to {max_bytes:,} bytes")
    if not data.strip():
        raise ImportRefused("the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_strict(data, "utf-16")
    else:
        if b"\x00" in data:
            raise ImportRefused("the file is binary (it contains null bytes), not text")
        text = _decode_strict(data, "utf-8-sig")
    if _html_start.match(data.lstrip(codecs.BOM_UTF8)) or _html_start.match(text.encode("utf-8")):
        raise ImportRefused("the file is an HTML page; import the article's plain text instead")
    _refuse_control_characters(text)
    if not any(char.isalpha() for char in text):
        raise ImportRefused("the file has no text (no letters in it)")
    return text


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"the file is not valid {encoding.upper().removesuffix('-SIG')} text "
            f"(undecodable byte at position {error.start})"
        ) from None


def _refuse_control_characters(text: str) -> None:
    for position, char in enumerate(text):
        if char in "\n\r\t":
            continue
        if unicodedata.category(char) == "Cc":
            raise ImportRefused(
                f"the file contains a control character (U+{ord(char):04X}) at position {position}; "
                "it looks binary, not text"
            )


def parse_article(text: str) -> ParsedArticle:
    """Read the date, outlet and title the text itself gives; never guess the rest."""
    lines = text.splitlines()
    published_on = None
    outlet = ""
    header_lines = set()
    for number, line in enumerate(lines[:15]):
        if match := _iso_date_line.match(line):
            published_on = _parse_date(match.group(1))
            header_lines.add(number)
        elif match := _source_line.match(line):
            published_on = _parse_date(match.group(1))
            outlet = match.group("outlet")
            header_lines.add(number)
    content_lines = [line.strip() for number, line in enumerate(lines) if number not in header_lines and line.strip()]
    if not outlet:
        for line in content_lines[:3]:
            if match := _dateline.match(line):
                outlet = match.group("outlet").strip()
                break
    return ParsedArticle(
        title=_title_from(content_lines),
        body=text,
        outlet=outlet,
        published_on=published_on,
    )


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _title_from(content_lines: list[str]) -> str:
    """Return the first headline-like line, else the lead's first sentence."""
    for line in content_lines[:5]:
        if len(line) <= TITLE_MAX_LENGTH and len(line.split()) >= 4 and not line.endswith("."):
            return line
    if not content_lines:
        return ""
    lead = _dateline.sub("", content_lines[0])
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= TITLE_MAX_LENGTH:
        return sentence
    return sentence[: TITLE_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
