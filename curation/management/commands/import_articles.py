from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from curation.importing.files import ImportOutcome, import_path, shown_path
from curation.models import Job
from curation.services.jobs import JobRefused, broker_configured, job_start


class Command(BaseCommand):
    help = (
        "Import plain-text articles (.txt) or JSON Lines files (.jsonl, one "
        '{"title", "body", "outlet", "url", "published_on"} per line). '
        "A bad file, or a bad line of a JSON Lines file, is refused by name with the reason "
        "and leaves nothing behind; the others are imported. "
        "With --background each file becomes a job for the workers, where each article is its own "
        "transaction and a bad line fails alone, named in the job's errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files, or folders to import every file from.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles at once.")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue one import job per file for the Celery workers (needs CELERY_BROKER_URL); print the job ids.",
        )

    def handle(self, *args, paths, publish, background, **options):
        files = []
        for path in paths:
            if path.is_dir():
                # Each file keeps its path below the folder, so two files of
                # one name in different subfolders are two articles.
                files.extend((child, path) for child in sorted(path.rglob("*")) if child.is_file())
            elif path.exists():
                files.append((path, None))
            else:
                raise CommandError(f"{shown_path(path)}: no such file or folder")
        if background:
            return self.enqueue([path for path, _root in files], publish=publish)
        outcomes = [import_path(path, publish=publish, root=root) for path, root in files]
        refused_lines = 0
        for outcome in outcomes:
            stream = self.stderr if outcome.status == ImportOutcome.REFUSED else self.stdout
            stream.write(outcome.line())
            for refusal in outcome.refused_lines:
                self.stderr.write(f"{ImportOutcome.REFUSED}: {shown_path(outcome.path)}: {refusal}")
            refused_lines += len(outcome.refused_lines)
        counts = {
            status: sum(1 for outcome in outcomes if outcome.status == status) for status in ImportOutcome.STATUSES
        }
        lines = f", {refused_lines} line(s) of JSON Lines refused" if refused_lines else ""
        added = sum(outcome.articles for outcome in outcomes)
        self.stdout.write(
            f"{counts[ImportOutcome.IMPORTED]} imported, {counts[ImportOutcome.SKIPPED]} already there, "
            f"{counts[ImportOutcome.REFUSED]} refused{lines}; {added} article(s) added."
        )
        if counts[ImportOutcome.REFUSED] or refused_lines:
            raise CommandError(
                f"{counts[ImportOutcome.REFUSED]} file(s) and {refused_lines} line(s) refused; see the reasons above."
            )

    def enqueue(self, files, *, publish: bool) -> None:
        if not broker_configured():
            raise CommandError("--background needs a broker: set CELERY_BROKER_URL (see docs/DEPLOYMENT.md).")
        refused = 0
        for path in files:
            try:
                job = job_start(Job.Kind.IMPORT_ARTICLES, {"path": str(path), "publish": publish}, background=True)
            except JobRefused as refusal:
                refused += 1
                self.stderr.write(f"refused: {path}: {refusal}")
                continue
            self.stdout.write(f"{job.pk}\t{path}")
        if refused:
            raise CommandError(f"{refused} file(s) refused; see the reasons above.")
