from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from curation.importing.files import ImportOutcome, import_path, shown_path


class Command(BaseCommand):
    help = (
        "Import plain-text articles (.txt) or JSON Lines files (.jsonl, one "
        '{"title", "body", "outlet", "url", "published_on"} per line). '
        "A bad file, or a bad line of a JSON Lines file, is refused by name with the reason "
        "and leaves nothing behind; the others are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files, or folders to import every file from.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles at once.")

    def handle(self, *args, paths, publish, **options):
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
