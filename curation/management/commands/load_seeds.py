from django.conf import settings
from django.core.management.base import BaseCommand

from curation.services import seeds_load


class Command(BaseCommand):
    help = "Load the seed articles and their editorial curation. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-published",
            action="store_true",
            help="Leave out the corrections: the attributions as the articles printed them.",
        )

    def handle(self, *args, as_published, **options):
        report = seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR, as_published=as_published)
        self.stdout.write(report.summary())
