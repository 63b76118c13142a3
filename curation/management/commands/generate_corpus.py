import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from curation.services import ArchiveNotEmpty, corpus_generate


class Command(BaseCommand):
    help = (
        "Generate a synthetic archive for load tests: articles with about ten statements each at "
        "their true offsets, actors with aliases and dated roles, a tag hierarchy, about 1% of "
        "statements corrected. The same --seed gives the same rows. Refuses a non-empty archive "
        "unless --append, which adds new articles, actors and tags with ids after the existing ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles to generate.")
        parser.add_argument("--seed", type=int, default=0, help="The same seed gives the same archive.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Articles generated and written at a time; memory grows with it, not with --articles.",
        )
        parser.add_argument("--append", action="store_true", help="Add to an archive that is not empty.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, articles, seed, batch_size, append, no_progress, **options):
        if articles < 1 or batch_size < 1:
            raise CommandError("--articles and --batch-size must be at least 1.")
        # The bar goes to stderr so the summary line on stdout stays parseable.
        show_progress = not no_progress and sys.stderr.isatty()
        with tqdm(total=articles, unit="article", file=sys.stderr, disable=not show_progress) as bar:
            try:
                summary = corpus_generate(
                    articles=articles, seed=seed, batch_size=batch_size, append=append, on_batch=bar.update
                )
            except ArchiveNotEmpty as error:
                raise CommandError(str(error)) from None
        self.stdout.write(summary.line())
