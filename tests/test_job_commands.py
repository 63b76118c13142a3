"""The commands' --background: queue a job and print its id; without a broker, say so."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from curation.models import Article, Job
from curation.services import jobs as jobs_service

BROKER = "redis://127.0.0.1:6379/5"


@pytest.fixture
def sent(settings, monkeypatch):
    """A configured broker whose messages are kept here instead of sent."""
    settings.CELERY_BROKER_URL = BROKER
    messages = []
    monkeypatch.setattr(jobs_service, "_enqueue", messages.extend)
    return messages


def run(name, *arguments):
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *arguments, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("extract_statements", ["--all"]),
        ("check_attributions", []),
        ("refresh_public_counts", []),
    ],
)
def test_background_without_a_broker_is_refused(db, settings, name, arguments):
    settings.CELERY_BROKER_URL = ""
    with pytest.raises(CommandError, match="--background needs a broker: set CELERY_BROKER_URL"):
        run(name, *arguments, "--background")
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("name", "arguments", "kind", "total"),
    [
        ("extract_statements", ["--all"], Job.Kind.SUGGEST_STATEMENTS, 5),
        ("check_attributions", [], Job.Kind.CHECK_ATTRIBUTIONS, 6),
        ("refresh_public_counts", [], Job.Kind.REFRESH_PUBLIC_COUNTS, 1),
    ],
)
def test_background_queues_a_job_and_prints_its_id(
    seeded, sent, django_capture_on_commit_callbacks, name, arguments, kind, total
):
    with django_capture_on_commit_callbacks(execute=True):
        out, err = run(name, *arguments, "--background")
    job = Job.objects.get()
    assert out.strip() == str(job.pk)
    assert f"Job {job.pk} queued: {total} item(s)" in err
    assert (job.kind, job.state, job.total) == (kind, Job.State.QUEUED, total)
    assert sent == list(job.chunks.values_list("pk", flat=True))


def test_import_in_the_background_makes_one_job_per_file(db, sent, tmp_path, django_capture_on_commit_callbacks):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"title": "A", "body": "The minister spoke."}) + "\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Ministers Meet\n\nThe ministers met on Monday.\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        out, _ = run("import_articles", str(tmp_path), "--background")
    jobs = list(Job.objects.order_by("pk"))
    assert out.splitlines() == [f"{jobs[0].pk}\t{batch}", f"{jobs[1].pk}\t{story}"]
    assert [job.arguments["source"] for job in jobs] == ["batch.jsonl", "story.txt"]
    assert len(sent) == 2
    assert not Article.objects.exists()  # Nothing imported until a worker runs the jobs.


def test_the_foreground_names_a_failed_article_and_exits_non_zero(seeded, settings, monkeypatch):
    from curation.services import job_kinds

    settings.CELERY_BROKER_URL = ""
    monkeypatch.setattr(job_kinds, "article_suggest", lambda *, article, actors: 1 / 0)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match=r"5 item\(s\) failed"):
        call_command("extract_statements", "--all", "--no-progress", stdout=out, stderr=err)
    assert "article jaafari-calls-for-international-efforts-against-terrorism: ZeroDivisionError" in err.getvalue()
    assert out.getvalue().strip() == "0 articles, 0 suggestions stored, 0 skipped as duplicates."
