import json

from django.core.management.base import BaseCommand, CommandError

from curation.management.jobs import add_job_arguments, fail_on_errors, job_run
from curation.models import Article, Job
from curation.selectors import open_flags


class Command(BaseCommand):
    help = (
        "Run the attribution checks over stored statements, store what they flag "
        "(flags already resolved stay resolved) and report the open flags. Over the whole archive the "
        "cross-article check (one quote, different speakers) runs too; with --article only that article's checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="SLUG", help="Check one article only.")
        parser.add_argument("--json", action="store_true", help="Write one JSON object per open flag.")
        add_job_arguments(parser)

    def handle(self, *args, article, background, no_progress, **options):
        chosen = None
        arguments = {"scope": "all"}
        if article:
            chosen = Article.objects.filter(slug=article).first()
            if chosen is None:
                raise CommandError(f"No article with the slug “{article}”.")
            arguments = {"articles": [chosen.pk]}
        job = job_run(self, Job.Kind.CHECK_ATTRIBUTIONS, arguments, background=background, no_progress=no_progress)
        if background:
            return
        flags = list(open_flags(article=chosen))
        if options["json"]:
            for flag in flags:
                self.stdout.write(_as_json(flag))
        else:
            self.stdout.write(_as_table(flags))
            self.stdout.write(f"{_summary(job.tally)} {len(flags)} open.")
        fail_on_errors(job)


def _summary(tally: dict) -> str:
    return (
        f"{tally.get('articles', 0)} articles checked: {tally.get('opened', 0)} flags opened, "
        f"{tally.get('resolved', 0)} resolved, {tally.get('unchanged', 0)} unchanged."
    )


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
