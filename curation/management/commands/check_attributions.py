import json

from django.core.management.base import BaseCommand, CommandError

from curation.models import Article
from curation.selectors import open_flags
from curation.services import attribution_flags_refresh


class Command(BaseCommand):
    help = (
        "Run the attribution checks over stored statements, store what they flag "
        "(flags already resolved stay resolved) and report the open flags."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="SLUG", help="Check one article only.")
        parser.add_argument("--json", action="store_true", help="Write one JSON object per open flag.")

    def handle(self, *args, article, **options):
        chosen = None
        if article:
            chosen = Article.objects.filter(slug=article).first()
            if chosen is None:
                raise CommandError(f"No article with the slug “{article}”.")
        refresh = attribution_flags_refresh(articles=None if chosen is None else [chosen])
        flags = list(open_flags(article=chosen))
        if options["json"]:
            for flag in flags:
                self.stdout.write(_as_json(flag))
            return
        self.stdout.write(_as_table(flags))
        self.stdout.write(f"{refresh.summary()} {len(flags)} open.")


def _as_json(flag) -> str:
    return json.dumps(
        {
            "statement": flag.statement_id,
            "article": flag.statement.article.slug,
            "code": flag.code,
            "severity": flag.severity,
            "message": flag.message,
            "suggested_speaker": flag.suggested_speaker.slug if flag.suggested_speaker else None,
            "speaker_as_printed": flag.statement.speaker_as_printed,
        },
        ensure_ascii=False,
    )


def _as_table(flags) -> str:
    header = ("statement", "article", "printed as", "code", "severity", "suggested", "message")
    rows = [
        (
            str(flag.statement_id),
            flag.statement.article.slug,
            flag.statement.speaker_as_printed[:30],
            flag.code,
            flag.severity,
            flag.suggested_speaker.slug if flag.suggested_speaker else "",
            flag.message,
        )
        for flag in flags
    ]
    # The message, last, is left unpadded: it is long and the table stays readable in a terminal.
    widths = [max(len(row[index]) for row in [header, *rows]) for index in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in [header, *rows]
    )
