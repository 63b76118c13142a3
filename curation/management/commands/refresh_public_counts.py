from django.core.management.base import BaseCommand

from curation.management.jobs import add_job_arguments, fail_on_errors, job_run
from curation.models import Job


class Command(BaseCommand):
    help = "Recount the public statements of every actor and tag (after bulk loads or direct database edits)."

    def add_arguments(self, parser):
        add_job_arguments(parser, progress=False)

    def handle(self, *args, background, **options):
        job = job_run(self, Job.Kind.REFRESH_PUBLIC_COUNTS, {}, background=background, no_progress=True)
        if background:
            return
        fail_on_errors(job)
        self.stdout.write("Public statement counts recounted for every actor and tag.")
