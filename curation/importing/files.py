"""Importing article files: plain text or JSON Lines.

A text file is one transaction. A JSON Lines file is read as the format
defines it (https://jsonlines.org/): UTF-8, one JSON value per line, lines
ended by "\\n"; each line is one article and one savepoint, so a bad line is
refused alone, by number, and the others are imported. A file's size is
checked on disk before it is read into memory.
"""

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, OperationalError, transaction

from curation.importing.jsontext import JsonRefused, json_loads, lone_surrogate
from curation.importing.parsing import MAX_ARTICLE_BYTES, ImportRefused, ParsedArticle, decode_article, parse_article
from curation.importing.web import fetch_page, story_from_page
from curation.models import Article
from curation.services.articles import ArticleAlreadyImported, article_import

JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
# A JSON Lines file holds many articles, so it may be larger than one article.
MAX_JSON_LINES_BYTES = 200 * MAX_ARTICLE_BYTES
JSON_LINES_FIELDS = ("title", "body", "outlet", "url", "published_on")
IMPORT_KEY_LENGTH = Article._meta.get_field("import_key").max_length
# A refused JSON Lines file lists this many of its bad lines in its summary.
REFUSALS_SUMMARISED = 3


@dataclass
class ImportOutcome:
    IMPORTED = "imported"
    SKIPPED = "skipped"
    REFUSED = "refused"
    STATUSES = (IMPORTED, SKIPPED, REFUSED)
    # Handed to a background job (the desk's large JSON Lines uploads): the job tells the rest.
    JOB = "job"

    path: Path | str
    status: str
    detail: str
    articles: int = 0
    # Lines of a JSON Lines file refused while others were imported.
    refused_lines: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.status}: {shown_path(self.path)}: {self.detail}"


def shown_path(path: Path) -> str:
    """Return the path as one line a terminal can print: bytes that are no UTF-8, and control characters, as \\xNN."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(f"\\x{ord(char):02x}" if unicodedata.category(char) == "Cc" else char for char in text)


def import_key_for(path: Path, *, root: Path | None = None) -> str:
    """Return the source name an article keeps: its path below the imported folder, else its file name.

    Two files of one name in different subfolders are two sources. A name
    that is not UTF-8 keeps its odd bytes as \\xNN; one longer than the
    column ends in a digest of the whole name, so it stays unique.
    """
    relative = path.relative_to(root).as_posix() if root else path.name
    return _bounded_key(shown_path(Path(relative)))


def _bounded_key(key: str) -> str:
    if len(key) > IMPORT_KEY_LENGTH:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        key = f"{key[: IMPORT_KEY_LENGTH - 18]}…-{digest}"
    return key


def import_path(path: Path, *, publish: bool = False, root: Path | None = None) -> ImportOutcome:
    """Import one file; a refused file, or a refused line of a JSON Lines file, leaves nothing behind.

    ``root`` is the folder the file was found in, when a whole folder is imported.
    """
    limit = MAX_JSON_LINES_BYTES if path.suffix.lower() in JSON_LINES_SUFFIXES else MAX_ARTICLE_BYTES
    try:
        data = _read_bounded(path, limit)
    except ImportRefused as refusal:
        return ImportOutcome(path, ImportOutcome.REFUSED, str(refusal))
    except OSError as error:
        return ImportOutcome(path, ImportOutcome.REFUSED, f"cannot be read ({error.strerror or error})")
    return import_file(path, data, publish=publish, import_key=import_key_for(path, root=root))


def import_file(path: Path, data: bytes, *, publish: bool = False, import_key: str | None = None) -> ImportOutcome:
    """Import one file's bytes, read from disk or uploaded; its name says its kind and, by default, its source."""
    status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
    import_key = import_key or import_key_for(path)
    try:
        if path.suffix.lower() in JSON_LINES_SUFFIXES:
            return _import_json_lines(path, data, import_key, status)
        return _import_text(path, data, import_key, status)
    except ImportRefused as refusal:
        return ImportOutcome(path, ImportOutcome.REFUSED, str(refusal))


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing it by the size on disk before any of it is in memory."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportRefused(f"the file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    with path.open("rb") as handle:
        # A file that grows while it is read, or a device whose size the
        # disk does not know, is still read no further than the limit.
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportRefused(f"the file is over {max_bytes:,} bytes, the limit")
    return data


def import_url(url: str, *, publish: bool = False, allow_private: bool = False) -> ImportOutcome:
    """Import the story at ``url``: fetched with limits, its text and metadata read from the page."""
    status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
    source = url  # a link is named as given; a Path would fold its "//"
    existing = Article.objects.filter(import_key=url).first()
    if existing:
        return ImportOutcome(source, ImportOutcome.SKIPPED, f"already imported as “{existing.slug}”")
    try:
        html, final_url = fetch_page(url, allow_private=allow_private)
        parsed = story_from_page(html, final_url)
        article = _save(parsed, import_key=parsed.url or url, status=status)
    except ImportRefused as refusal:
        return ImportOutcome(source, ImportOutcome.REFUSED, str(refusal))
    except ArticleAlreadyImported as duplicate:
        return ImportOutcome(source, ImportOutcome.SKIPPED, str(duplicate))
    return ImportOutcome(source, ImportOutcome.IMPORTED, f"“{article.title}” as {article.slug}", 1)


def _import_text(path: Path, data: bytes, import_key: str, status: str) -> ImportOutcome:
    parsed = parse_article(decode_article(data))
    try:
        article = _save(parsed, import_key=import_key, status=status)
    except ArticleAlreadyImported as duplicate:
        return ImportOutcome(path, ImportOutcome.SKIPPED, str(duplicate))
    return ImportOutcome(path, ImportOutcome.IMPORTED, f"“{article.title}” as {article.slug}", 1)


def _import_json_lines(path: Path, data: bytes, import_key: str, status: str) -> ImportOutcome:
    if len(data) > MAX_JSON_LINES_BYTES:
        raise ImportRefused(f"the file is {len(data):,} bytes; the limit is {MAX_JSON_LINES_BYTES:,} bytes")
    if not data.strip():
        raise ImportRefused("the file is empty")
    imported = skipped = 0
    refusals = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            parsed = parsed_from_json_line(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw, number)
            _save(parsed, import_key=_bounded_key(parsed.url or f"{import_key}:{number}"), status=status)
            imported += 1
        except ArticleAlreadyImported:
            skipped += 1
        except ImportRefused as refusal:
            refusals.append(str(refusal) if str(refusal).startswith("line ") else f"line {number}: {refusal}")
    if not imported and not skipped:
        if not refusals:
            raise ImportRefused("the file holds no articles")
        more = f"; and {len(refusals) - REFUSALS_SUMMARISED} more" if len(refusals) > REFUSALS_SUMMARISED else ""
        raise ImportRefused("; ".join(refusals[:REFUSALS_SUMMARISED]) + more)
    refused = f", {len(refusals)} line(s) refused" if refusals else ""
    return ImportOutcome(
        path,
        ImportOutcome.IMPORTED if imported else ImportOutcome.SKIPPED,
        f"{imported} article(s) imported, {skipped} already there{refused}",
        imported,
        refusals,
    )


def parsed_from_json_line(raw: bytes | str, number: int) -> ParsedArticle:
    """Parse line ``number`` of a JSON Lines file into an article, or refuse it naming the line."""
    if isinstance(raw, str):  # A line a job carried as text.
        raw = raw.encode("utf-8", "surrogatepass")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"line {number} is not valid UTF-8 (undecodable byte at position {error.start})") from None
    try:
        record = json_loads(line)
    except JsonRefused as refusal:
        raise ImportRefused(f"line {number}: {refusal}") from None
    if not isinstance(record, dict):
        raise ImportRefused(f"line {number} is not a JSON object (each line holds one article as an object)")
    for name in JSON_LINES_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ImportRefused(f"line {number}: “{name}” must be text")
        _refuse_unstorable(value, name, number)
    body = record.get("body") or ""
    title = (record.get("title") or "").strip()
    if not body.strip():
        raise ImportRefused(f"line {number}: “body” is missing or empty")
    try:
        decode_article(body.encode("utf-8"))
    except ImportRefused as refusal:
        raise ImportRefused(f"line {number}: {refusal}".replace("the file", "the body")) from None
    return ParsedArticle(
        title=title or parse_article(body).title,
        body=body,
        outlet=(record.get("outlet") or "").strip(),
        url=(record.get("url") or "").strip(),
        published_on=_published_on(record.get("published_on"), number),
    )


def _refuse_unstorable(value: str, name: str, number: int) -> None:
    if lone_surrogate(value):
        raise ImportRefused(f"line {number}: “{name}” holds a lone surrogate (an escaped half of a character)")
    if name == "body":
        return  # The body's own checks name any control character with its position.
    for char in value:
        if unicodedata.category(char) == "Cc":
            raise ImportRefused(f"line {number}: “{name}” holds a control character (U+{ord(char):04X})")


def _published_on(value: str | None, number: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ImportRefused(f"line {number}: “published_on” {value!r} is not a date (YYYY-MM-DD)") from None


def _save(parsed: ParsedArticle, *, import_key: str, status: str) -> Article:
    try:
        with transaction.atomic():
            return article_import(parsed=parsed, import_key=import_key, status=status)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        else:
            problems = " ".join(error.messages)
        raise ImportRefused(f"the article is not valid ({problems})") from None
    except (DataError, OperationalError) as error:
        # For example more distinct words than the full-text index can hold.
        raise ImportRefused(f"the database refused the text ({str(error).splitlines()[0]})") from None
