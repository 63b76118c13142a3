import json

from django.core.management.base import BaseCommand, CommandError

from curation.services import RestoreRefused, curation_restore


class Command(BaseCommand):
    help = "Restore an export_curation file into an empty desk, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file export_curation wrote.")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path}: cannot be read as JSON ({error})") from None
        try:
            counts = curation_restore(document)
        except RestoreRefused as refusal:
            raise CommandError(f"{path}: {refusal}") from None
        except (KeyError, TypeError, ValueError) as error:
            raise CommandError(f"{path}: the export is malformed ({error!r}); nothing was restored") from None
        self.stdout.write("Restored " + ", ".join(f"{count} {name}" for name, count in counts.items()) + ".")
