"""The Celery side: the tasks' delivery guarantees and the nightly schedule."""

from django.conf import settings
from django.db import OperationalError

from config.celery import app
from curation.models import Article, Job
from curation.tasks import check_changed_articles, run_job_chunk


def test_a_chunk_is_acknowledged_only_after_it_ran():
    assert run_job_chunk.acks_late is True
    assert run_job_chunk.reject_on_worker_lost is True
    assert OperationalError in run_job_chunk.autoretry_for
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1


def test_the_nightly_schedule_names_a_registered_task():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks


def test_the_nightly_task_checks_the_articles_changed_since_its_last_run(seeded, settings):
    settings.CELERY_BROKER_URL = ""
    first = Job.objects.get(pk=check_changed_articles())
    assert (first.state, first.total) == (Job.State.DONE, Article.objects.count() + 1)
    second = Job.objects.get(pk=check_changed_articles())
    assert second.arguments == {"scope": "changed", "since": first.created_at.isoformat()}
    assert second.total == 1  # Nothing changed: only the cross-article check.
