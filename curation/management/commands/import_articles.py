from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from curation.importing.files import ImportOutcome, import_path


class Command(BaseCommand):
    help = (
        "Import plain-text articles (.txt) or JSON Lines files (.jsonl, one "
        '{"title", "body", "outlet", "url", "published_on"} per line). '
        "Each file is one transaction: a bad file is refused by name with the reason and leaves nothing behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files, or folders to import every file from.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles at once.")

    def handle(self, *args, paths, publish, **options):
        files = []
        for path in paths:
            if path.is_dir():
                files.extend(sorted(child for child in path.rglob("*") if child.is_file()))
            elif path.exists():
                files.append(path)
            else:
                raise CommandError(f"{path}: no such file or folder")
        outcomes = [import_path(path, publish=publish) for path in files]
        for outcome in outcomes:
            stream = self.stderr if outcome.status == ImportOutcome.REFUSED else self.stdout
            stream.write(outcome.line())
        counts = {
            status: sum(1 for outcome in outcomes if outcome.status == status) for status in ImportOutcome.STATUSES
        }
        self.stdout.write(
            f"{counts[ImportOutcome.IMPORTED]} imported, {counts[ImportOutcome.SKIPPED]} already there, "
            f"{counts[ImportOutcome.REFUSED]} refused."
        )
        if counts[ImportOutcome.REFUSED]:
            raise CommandError(f"{counts[ImportOutcome.REFUSED]} file(s) refused; see the reasons above.")
