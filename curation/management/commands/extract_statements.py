import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from curation.extraction import extract
from curation.models import Article
from curation.selectors import known_actors
from curation.services import article_suggest


class Command(BaseCommand):
    help = (
        "Suggest statements for editors to review. With --article or --all, store the suggestions "
        '(never over an existing statement; safe to run twice). With --jsonl, read {"id", "text", '
        '"published_on"} lines on standard input and write {"id", "statements"} lines, storing nothing.'
    )
    # call_command(..., stdin=...) lets tests feed the JSON Lines input.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--article", metavar="SLUG", help="The article to suggest statements for.")
        which.add_argument("--all", action="store_true", help="Every article in the desk.")
        which.add_argument("--jsonl", action="store_true", help="Read articles on standard input; store nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")
        parser.add_argument(
            "--no-actors", action="store_true", help="With --jsonl: don't read the actor registry either."
        )

    def handle(self, *args, article, jsonl, no_progress, no_actors, **options):
        if jsonl:
            return self.extract_lines(options.get("stdin") or sys.stdin, no_actors=no_actors)
        articles = Article.objects.order_by("pk")
        if article:
            articles = articles.filter(slug=article)
            if not articles.exists():
                raise CommandError(f"No article with the slug “{article}”.")
        actors = known_actors()
        done = stored = skipped = 0
        progress = tqdm(
            articles.iterator(chunk_size=200),
            total=articles.count(),
            unit=" articles",
            disable=no_progress,
            file=sys.stderr,
        )
        for each in progress:
            suggestions = article_suggest(article=each, actors=actors)
            stored += len(suggestions)
            skipped += suggestions.skipped
            done += 1
        self.stdout.write(f"{done} articles, {stored} suggestions stored, {skipped} skipped as duplicates.")

    def extract_lines(self, lines, *, no_actors: bool) -> None:
        actors = () if no_actors else known_actors()
        failed = 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            identifier = None
            try:
                item = _json_object(line)
                identifier = item.get("id") if isinstance(item, dict) else None
                text, published_on = _parse_item(item)
                statements = [s.to_dict() for s in extract(text, actors=actors, published_on=published_on)]
                self.stdout.write(json.dumps({"id": identifier, "statements": statements}, ensure_ascii=False))
            except Exception as problem:  # noqa: BLE001 - one bad line must not stop a pipeline
                failed += 1
                self.stdout.write(json.dumps({"id": identifier, "error": str(problem)}, ensure_ascii=False))
                self.stderr.write(f"line {number}: {problem}")
        self.stdout.flush()
        if failed:
            raise CommandError(f"{failed} line(s) could not be read; see the errors above.")


def _json_object(line: str):
    try:
        return json.loads(line)
    except json.JSONDecodeError as problem:
        raise ValueError(f"not valid JSON ({problem})") from None


def _parse_item(item) -> tuple[str, date | None]:
    """Return the text and date of one input line, or raise ValueError saying what is wrong."""
    if not isinstance(item, dict):
        raise ValueError('each line must be a JSON object with "id" and "text"')
    if "id" not in item:
        raise ValueError('the line has no "id"')
    if not isinstance(item.get("text"), str):
        raise ValueError('"text" must be a string')
    published_on = item.get("published_on")
    if published_on in (None, ""):
        return item["text"], None
    if not isinstance(published_on, str):
        raise ValueError('"published_on" must be a date such as "2018-04-08"')
    try:
        return item["text"], date.fromisoformat(published_on[:10])
    except ValueError:
        raise ValueError(f'"published_on" is not a date: {published_on!r}') from None
