from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from curation.importing.jsontext import JsonRefused, json_loads
from curation.services import RestoreRefused, curation_restore


class Command(BaseCommand):
    help = (
        "Restore an export_curation file into an empty desk, all or nothing: "
        "a file with any problem is refused with the problems listed, and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file export_curation wrote.")

    def handle(self, *args, path, **options):
        try:
            with open(path, "rb") as handle:
                document = json_loads(handle.read().decode("utf-8"))
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror or error})") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: is not UTF-8 text (undecodable byte at position {error.start})") from None
        except JsonRefused as refusal:
            raise CommandError(f"{path}: cannot be read as JSON: {refusal}") from None
        try:
            counts = curation_restore(document)
        except RestoreRefused as refusal:
            raise CommandError(f"{path}: {refusal}") from None
        except (KeyError, TypeError, ValueError) as error:
            # A shape the checks above do not know of; still refused in words.
            raise CommandError(f"{path}: the export is malformed ({error!r}); nothing was restored") from None
        except DatabaseError as error:
            # The checks should leave the database nothing to refuse; if it
            # still does, the transaction is rolled back and the reason told.
            first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise CommandError(
                f"{path}: the database refused the export ({first_line}); nothing was restored"
            ) from None
        self.stdout.write("Restored " + ", ".join(f"{count} {name}" for name, count in counts.items()) + ".")
