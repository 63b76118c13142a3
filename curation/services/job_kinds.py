"""What each kind of job does: how it lists its items, and how it runs one item.

Every item's write is idempotent, so a chunk that runs twice stores nothing
twice: an import skips a source or text already in the desk (its unique
``import_key`` and ``content_hash``), a suggestion overlapping any statement
of its article is skipped (and ``statement_unique_span`` backs that up), and
the checks update an article's open flags in place under a lock on the
article.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import IntegrityError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from curation.importing.files import JSON_LINES_SUFFIXES, MAX_JSON_LINES_BYTES, parsed_from_json_line
from curation.importing.parsing import MAX_ARTICLE_BYTES, ImportRefused, decode_article, parse_article
from curation.models import Actor, Article, Job, Statement
from curation.selectors.registry import known_actors
from curation.services.articles import ArticleAlreadyImported, article_import
from curation.services.checks import article_flags_refresh, conflict_flags_store
from curation.services.counts import public_counts_rebuild
from curation.services.suggestions import article_suggest

# The one item of a check job over the whole archive that runs the
# cross-article check ("the same quote, different speakers").
CONFLICTS_ITEM = "conflicts"
COUNTS_ITEM = "counts"
ARTICLE_SCOPES = ("all", "changed", "new")
MAX_IMPORT_ITEMS = 200_000


def plan(kind: str, arguments: dict) -> list:
    """Return the items of a job; raise ``JobRefused`` naming what is wrong with ``arguments``."""
    if kind == Job.Kind.IMPORT_ARTICLES:
        return _import_items(arguments)
    if kind == Job.Kind.REFRESH_PUBLIC_COUNTS:
        return [COUNTS_ITEM]
    ids = _article_ids(kind, arguments)
    if kind == Job.Kind.CHECK_ATTRIBUTIONS and arguments.get("scope") in ARTICLE_SCOPES:
        ids.append(CONFLICTS_ITEM)
    return ids


def stored_arguments(kind: str, arguments: dict) -> dict:
    """What the job records of its arguments: an import's texts live in its chunks, not here too."""
    if kind == Job.Kind.IMPORT_ARTICLES:
        kept = {key: arguments[key] for key in ("source", "publish", "path") if key in arguments}
        return {**kept, "source": _import_source(arguments)}
    return arguments


class JobRefused(Exception):
    """The job cannot be started, cancelled or re-run; the message says why."""


def _refused(message: str) -> JobRefused:
    return JobRefused(message)


def _article_ids(kind: str, arguments: dict) -> list:
    unknown = set(arguments) - {"articles", "scope", "since"}
    if unknown:
        raise _refused(f"Unknown argument(s) for {kind}: {', '.join(sorted(unknown))}.")
    if "articles" in arguments:
        ids = arguments["articles"]
        if not isinstance(ids, list) or not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in ids):
            raise _refused('"articles" must be a list of article ids (whole numbers).')
        return list(dict.fromkeys(ids))
    scope = arguments.get("scope")
    if scope == "all":
        return list(Article.objects.order_by("pk").values_list("pk", flat=True))
    if scope == "new":
        # Articles nothing has been suggested or marked in yet.
        return list(
            Article.objects.filter(~Exists(Statement.objects.filter(article=OuterRef("pk"))))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    if scope == "changed":
        since = _since(kind, arguments)
        arguments["since"] = since.isoformat() if since else None
        return list(changed_articles(since).values_list("pk", flat=True))
    raise _refused(f'Say which articles: "articles": [ids], or "scope": one of {", ".join(ARTICLE_SCOPES)}.')


def _since(kind: str, arguments: dict) -> datetime | None:
    """The start of the last finished run over changed articles, unless ``since`` is given."""
    if arguments.get("since"):
        since = parse_datetime(str(arguments["since"]))
        if since is None:
            raise _refused(f'"since" is not a date and time: {arguments["since"]!r}.')
        return since if timezone.is_aware(since) else timezone.make_aware(since)
    last = (
        Job.objects.filter(kind=kind, arguments__scope="changed", state=Job.State.DONE).order_by("-created_at").first()
    )
    return last.created_at if last else None


def changed_articles(since: datetime | None):
    """Articles whose text or statements changed since ``since`` (every article when it is None)."""
    articles = Article.objects.order_by("pk")
    if since is None:
        return articles
    return articles.filter(Q(updated_at__gte=since) | Q(statements__updated_at__gte=since)).distinct()


def _import_source(arguments: dict) -> str:
    if arguments.get("path"):
        return Path(arguments["path"]).name
    return str(arguments.get("source") or "import")


def _import_items(arguments: dict) -> list:
    unknown = set(arguments) - {"items", "path", "source", "publish"}
    if unknown:
        raise _refused(f"Unknown argument(s) for import_articles: {', '.join(sorted(unknown))}.")
    if ("items" in arguments) == ("path" in arguments):
        raise _refused('Give either "items" (a list of articles) or "path" (a JSON Lines file), not both or neither.')
    if "path" in arguments:
        path = Path(arguments["path"])
        if path.suffix.lower() not in JSON_LINES_SUFFIXES:
            return [{"file": path.name, "text": _read_text(path)}]
        lines = _read_lines(path)
    else:
        if not isinstance(arguments["items"], list):
            raise _refused('"items" must be a list of articles ({"title", "body", ...} objects or JSON Lines).')
        lines = [item if isinstance(item, str) else json.dumps(item) for item in arguments["items"]]
    items = [{"line": number, "text": line} for number, line in enumerate(lines, start=1) if line.strip()]
    if not items:
        raise _refused("There are no articles to import.")
    if len(items) > MAX_IMPORT_ITEMS:
        raise _refused(f"At most {MAX_IMPORT_ITEMS} articles in one import; split the file.")
    return items


def _read_lines(path: Path) -> list[str]:
    # JSON Lines ends a line at "\n" only: U+2028 or a form feed inside a string is text.
    return _read_text(path, max_bytes=MAX_JSON_LINES_BYTES).split("\n")


def _read_text(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _refused(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        return decode_article(data, max_bytes=max_bytes)
    except ImportRefused as refusal:
        raise _refused(f"{path}: {refusal}.") from None


@dataclass
class ImportRunner:
    source: str
    publish: bool = False

    def run(self, item: dict) -> dict[str, int]:
        if "file" in item:  # A plain-text article file.
            parsed, import_key = parse_article(item["text"]), item["file"]
        else:
            parsed = parsed_from_json_line(item["text"], item["line"])
            import_key = parsed.url or f"{self.source}:{item['line']}"
        status = Article.Status.PUBLISHED if self.publish else Article.Status.DRAFT
        for attempt in range(2):
            try:
                article_import(parsed=parsed, import_key=import_key, status=status)
                return {"imported": 1}
            except ArticleAlreadyImported:
                return {"already there": 1}  # By an earlier run of this chunk, or before.
            except IntegrityError:
                # Two workers chose the same slug for same-titled articles at once; choose again.
                if attempt:
                    raise
        return {}

    def label(self, item: dict) -> str:
        return item["file"] if "file" in item else f"{self.source} line {item['line']}"


@dataclass
class ArticleRunner:
    kind: str
    actors: tuple = ()
    slugs: dict = field(default_factory=dict)

    def run(self, item) -> dict[str, int]:
        if item == CONFLICTS_ITEM:
            # Its articles were counted as checked by their own items already.
            report = conflict_flags_store(actors=self.actors, slugs=self.slugs)
            return {"opened": report.opened, "resolved": report.resolved}
        article = Article.objects.filter(pk=item).first()
        if article is None:
            raise LookupError(f"article {item} no longer exists")
        if self.kind == Job.Kind.SUGGEST_STATEMENTS:
            stored = article_suggest(article=article, actors=self.actors)
            return {"articles": 1, "stored": len(stored), "skipped": stored.skipped}
        report = article_flags_refresh(article, actors=self.actors, slugs=self.slugs)
        return {"articles": 1, "opened": report.opened, "resolved": report.resolved, "unchanged": report.unchanged}

    def label(self, item) -> str:
        if item == CONFLICTS_ITEM:
            return "the cross-article check"
        slug = Article.objects.filter(pk=item).values_list("slug", flat=True).first()
        return f"article {slug}" if slug else f"article {item}"


class CountsRunner:
    def run(self, item) -> dict[str, int]:
        public_counts_rebuild()
        return {}

    def label(self, item) -> str:
        return "public counts"


def runner(kind: str, arguments: dict):
    """Return the object that runs one item of a job of ``kind``; set up once per chunk."""
    if kind == Job.Kind.IMPORT_ARTICLES:
        return ImportRunner(source=arguments.get("source", "import"), publish=bool(arguments.get("publish")))
    if kind == Job.Kind.REFRESH_PUBLIC_COUNTS:
        return CountsRunner()
    slugs = dict(Actor.objects.values_list("pk", "slug")) if kind == Job.Kind.CHECK_ATTRIBUTIONS else {}
    return ArticleRunner(kind=kind, actors=known_actors(), slugs=slugs)
