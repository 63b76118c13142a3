import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from curation.extraction import extract
from curation.management.jobs import add_job_arguments, fail_on_errors, job_run
from curation.models import Article, Job
from curation.selectors import known_actors


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
        add_job_arguments(parser)
        parser.add_argument(
            "--no-actors", action="store_true", help="With --jsonl: don't read the actor registry either."
        )

    def handle(self, *args, article, jsonl, no_progress, no_actors, background, **options):
        if jsonl:
            if background:
                raise CommandError("--jsonl stores nothing and runs at once; --background is for --article or --all.")
            return self.extract_lines(options.get("stdin") or sys.stdin, no_actors=no_actors)
        arguments = {"scope": "all"}
        if article:
            chosen = Article.objects.filter(slug=article).values_list("pk", flat=True).first()
            if chosen is None:
                raise CommandError(f"No article with the slug “{article}”.")
            arguments = {"articles": [chosen]}
        job = job_run(self, Job.Kind.SUGGEST_STATEMENTS, arguments, background=background, no_progress=no_progress)
        if background:
            return
        tally = job.tally
        self.stdout.write(
            f"{tally.get('articles', 0)} articles, {tally.get('stored', 0)} suggestions stored, "
            f"{tally.get('skipped', 0)} skipped as duplicates."
        )
        fail_on_errors(job)

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
