"""Importing article files: plain text or JSON Lines, one transaction per file."""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, OperationalError, transaction

from curation.importing.parsing import MAX_ARTICLE_BYTES, ImportRefused, ParsedArticle, decode_article, parse_article
from curation.importing.web import fetch_page, story_from_page
from curation.models import Article
from curation.services.articles import ArticleAlreadyImported, article_import

JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
# A JSON Lines file holds many articles, so it may be larger than one article.
MAX_JSON_LINES_BYTES = 200 * MAX_ARTICLE_BYTES


@dataclass
class ImportOutcome:
    IMPORTED = "imported"
    SKIPPED = "skipped"
    REFUSED = "refused"
    STATUSES = (IMPORTED, SKIPPED, REFUSED)

    path: Path | str
    status: str
    detail: str
    articles: int = 0

    def line(self) -> str:
        return f"{self.status}: {self.path}: {self.detail}"


def import_path(path: Path, *, publish: bool = False) -> ImportOutcome:
    """Import one file; on any refusal nothing from it stays in the database."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportOutcome(path, ImportOutcome.REFUSED, f"cannot be read ({error.strerror or error})")
    return import_file(path, data, publish=publish)


def import_file(path: Path, data: bytes, *, publish: bool = False) -> ImportOutcome:
    """Import one file's bytes, read from disk or uploaded; its name is its source and says its kind."""
    status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
    try:
        if path.suffix.lower() in JSON_LINES_SUFFIXES:
            return _import_json_lines(path, data, status)
        return _import_text(path, data, status)
    except ImportRefused as refusal:
        return ImportOutcome(path, ImportOutcome.REFUSED, str(refusal))


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


def _import_text(path: Path, data: bytes, status: str) -> ImportOutcome:
    parsed = parse_article(decode_article(data))
    try:
        article = _save(parsed, import_key=path.name, status=status)
    except ArticleAlreadyImported as duplicate:
        return ImportOutcome(path, ImportOutcome.SKIPPED, str(duplicate))
    return ImportOutcome(path, ImportOutcome.IMPORTED, f"“{article.title}” as {article.slug}", 1)


@transaction.atomic
def _import_json_lines(path: Path, data: bytes, status: str) -> ImportOutcome:
    text = decode_article(data, max_bytes=MAX_JSON_LINES_BYTES)
    imported = skipped = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parsed = _parsed_from_json_line(line, number)
        try:
            with transaction.atomic():
                _save(parsed, import_key=parsed.url or f"{path.name}:{number}", status=status)
            imported += 1
        except ArticleAlreadyImported:
            skipped += 1
    if not imported and not skipped:
        raise ImportRefused("the file holds no articles")
    return ImportOutcome(
        path,
        ImportOutcome.IMPORTED if imported else ImportOutcome.SKIPPED,
        f"{imported} article(s) imported, {skipped} already there",
        imported,
    )


def _parsed_from_json_line(line: str, number: int) -> ParsedArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ImportRefused(f"line {number} is not valid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise ImportRefused(f"line {number} is not a JSON object")
    for field in ("title", "body", "outlet", "url", "published_on"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise ImportRefused(f"line {number}: “{field}” must be text")
    body = record.get("body") or ""
    title = (record.get("title") or "").strip()
    if not body.strip():
        raise ImportRefused(f"line {number}: “body” is missing or empty")
    try:
        decode_article(body.encode("utf-8"))
    except ImportRefused as refusal:
        raise ImportRefused(f"line {number}: {refusal}".replace("the file", "the body")) from None
    published_on = None
    if record.get("published_on"):
        try:
            published_on = date.fromisoformat(record["published_on"])
        except ValueError:
            raise ImportRefused(
                f"line {number}: “published_on” {record['published_on']!r} is not a date (YYYY-MM-DD)"
            ) from None
    return ParsedArticle(
        title=title or parse_article(body).title,
        body=body,
        outlet=(record.get("outlet") or "").strip(),
        url=(record.get("url") or "").strip(),
        published_on=published_on,
    )


def _save(parsed: ParsedArticle, *, import_key: str, status: str) -> Article:
    try:
        return article_import(parsed=parsed, import_key=import_key, status=status)
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise ImportRefused(f"the article is not valid ({problems})") from None
    except (DataError, OperationalError) as error:
        # For example more distinct words than the full-text index can hold.
        raise ImportRefused(f"the database refused the text ({str(error).splitlines()[0]})") from None
