"""Real Celery workers on Redis: a job of 2,000 generated articles survives a worker killed with kill -9.

Two ``celery worker`` processes take the job's chunks; one is killed mid-job.
Its unacknowledged chunk goes back to the queue (Redis's visibility timeout,
10 s here) and the other worker runs it again. Afterwards every article has
exactly the statements and flags a second run would give (it adds none),
none twice, and the job reports done.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.db.models import Count

from config.celery import app as celery_app
from curation.models import Article, AttributionFlag, Job, Statement
from curation.services import corpus_generate, job_start

PROJECT = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("CURATION_TEST_BROKER_URL", "redis://127.0.0.1:6379/5")
ARTICLES = 2000


def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="workers need PostgreSQL"),
    pytest.mark.skipif(not redis_answers() and not os.environ.get("CI"), reason=f"no Redis at {BROKER}"),
    pytest.mark.django_db(transaction=True),
]


class Workers:
    """Celery worker processes, each in its own process group so kill -9 takes it whole."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.processes: dict[str, subprocess.Popen] = {}
        name = connection.settings_dict["NAME"]
        self.env = {
            **{key: value for key, value in os.environ.items() if not key.startswith("CELERY_")},
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "CELERY_BROKER_URL": BROKER,
            "CELERY_VISIBILITY_TIMEOUT": "10",
        }

    def start(self, name: str) -> None:
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", f"--hostname={name}@%h",
             "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
            cwd=PROJECT, env=self.env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=(self.logs / f"{name}.log").open("w"),  # noqa: SIM115 - the child owns it
        )  # fmt: skip

    def kill(self, name: str) -> None:
        os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait()

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def workers(settings, tmp_path):
    if not redis_answers():
        pytest.fail(f"Redis does not answer at {BROKER}; .ci/run should have started it")
    redis.Redis.from_url(BROKER).flushdb()  # No message left from an earlier run.
    settings.CELERY_BROKER_URL = BROKER
    before = celery_app.conf.broker_url
    celery_app.conf.broker_url = BROKER
    started = Workers(tmp_path)
    yield started
    started.stop()
    celery_app.conf.broker_url = before


def wait_for(job: Job, condition, *, timeout: float, what: str) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if condition(job):
            return job
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}: {job.state}, {job.done} of {job.total}, {job.errors[:3]}")


def no_two_alike(queryset, *fields) -> bool:
    return not queryset.values(*fields).annotate(copies=Count("id")).filter(copies__gt=1).exists()


def test_a_job_survives_a_worker_killed_mid_job(workers):
    corpus_generate(articles=ARTICLES, seed=13)
    workers.start("first")
    workers.start("second")

    job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    assert job.state == Job.State.QUEUED and job.total == ARTICLES
    wait_for(job, lambda job: job.done >= ARTICLES // 5, timeout=600, what="a fifth of the job")
    workers.kill("first")
    job = wait_for(job, lambda job: job.is_finished, timeout=1200, what="the job to finish")
    assert (job.state, job.done, job.errors) == (Job.State.DONE, ARTICLES, [])
    assert job.chunks.filter(attempts__gt=1).exists(), "the killed worker's chunk was not taken again"
    assert job.tally["articles"] == ARTICLES
    assert no_two_alike(Statement.objects, "article", "start", "end")

    # The per-article checks, through the surviving worker and a fresh one. (The
    # cross-article check is one long item over the whole archive, left out here.)
    workers.start("third")
    every_article = {"articles": list(Article.objects.order_by("pk").values_list("pk", flat=True))}
    checks = finish(job_start(Job.Kind.CHECK_ATTRIBUTIONS, every_article), "the checks")
    assert (checks.state, checks.errors) == (Job.State.DONE, [])
    assert checks.tally["opened"] > 0
    assert no_two_alike(AttributionFlag.objects.filter(resolved_at=None), "statement", "code")

    # Running both again finds nothing missing and nothing to add.
    statements, flags = Statement.objects.count(), AttributionFlag.objects.count()
    again = finish(job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"}), "the second suggestions")
    assert (again.state, again.tally["stored"], Statement.objects.count()) == (Job.State.DONE, 0, statements)
    rechecked = finish(job_start(Job.Kind.CHECK_ATTRIBUTIONS, every_article), "the second checks")
    assert (rechecked.tally["opened"], rechecked.tally["resolved"]) == (0, 0)
    assert AttributionFlag.objects.count() == flags


def finish(job: Job, what: str) -> Job:
    return wait_for(job, lambda job: job.is_finished, timeout=1200, what=what)
