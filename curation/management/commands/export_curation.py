import json

from django.core.management.base import BaseCommand

from curation.selectors import curation_export


class Command(BaseCommand):
    help = (
        "Write the whole editorial state (articles, actors, tags, statements, corrections, flags, decisions) "
        "as versioned JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output", nargs="?", default="-", help="File to write; - (the default) for standard output."
        )

    def handle(self, *args, output, **options):
        document = curation_export()
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if output == "-":
            self.stdout.write(text, ending="")
            return
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        self.stderr.write(
            f"Exported {len(document['articles'])} articles, {len(document['statements'])} statements, "
            f"{len(document['corrections'])} corrections to {output}."
        )
