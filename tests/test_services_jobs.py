"""Jobs run in-process (no broker): chunks, idempotent writes, errors by item, cancel and re-run."""

import json

import pytest
from django.db import OperationalError

from curation.importing.parsing import parse_article
from curation.models import Article, AttributionFlag, Job, JobChunk, Statement
from curation.services import JobRefused, article_import, job_cancel, job_rerun, job_start
from curation.services import job_kinds as kinds
from curation.services import jobs as jobs_service
from curation.services.jobs import job_chunk_run, job_create

WIRE_STORY = (
    " date 2018-04-10 \n\n"
    "Jaafari Urges Help For Returning Families ({day})\n\n"
    "Iraqi Foreign Minister Ibrahim al-Jaafari met aid agencies in Baghdad on {day}.\n\n"
    "“The families who return to Mosul need schools and clean water before anything else,” "
    "al-Jaafari said.\n"
)
JAAFARI_QUOTE = "The families who return to Mosul need schools and clean water before anything else"


@pytest.fixture(autouse=True)
def no_broker(settings):
    settings.CELERY_BROKER_URL = ""


def wire_line(number, **extra):
    record = {
        "title": f"Minister speaks on water, part {number}",
        "body": f"The minister said on day {number}: “We will rebuild the pumping stations first, then the schools.”",
        "url": f"https://wire.example/story-{number}",
    }
    return json.dumps({**record, **extra})


@pytest.fixture
def wire_stories(seeded):
    """Three fresh articles with quotes and no statements yet, beside the seeds."""
    return [
        article_import(parsed=parse_article(WIRE_STORY.format(day=day)), import_key=f"wire/{day}.txt")
        for day in ("Monday", "Tuesday", "Wednesday")
    ]


def test_it_suggests_statements_for_every_article_and_reports_done(wire_stories):
    job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    assert job.state == Job.State.DONE
    assert (job.done, job.total) == (8, 8)
    assert job.errors == []
    assert job.started_at <= job.finished_at
    for article in wire_stories:
        quote = article.statements.get(text=JAAFARI_QUOTE)
        assert (quote.review_status, quote.speaker.slug) == (Statement.ReviewStatus.SUGGESTED, "ibrahim-al-jaafari")


def test_it_stores_nothing_twice_when_a_chunk_runs_again(wire_stories):
    job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    stored = Statement.objects.count()
    for chunk in job.chunks.all():
        # As if the worker had died before acknowledging: the chunk is taken again.
        JobChunk.objects.filter(pk=chunk.pk).update(state=JobChunk.State.RUNNING)
        Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING)
        job_chunk_run(chunk.pk)
    job.refresh_from_db()
    assert Statement.objects.count() == stored
    assert stored == 42 + 3  # the seeds' statements, and the quote in each wire story
    assert job.state == Job.State.DONE
    assert job.done == job.total
    assert job.chunks.get().attempts == 2


def test_it_splits_a_large_job_into_chunks(seeded, monkeypatch):
    monkeypatch.setattr(jobs_service, "CHUNK_SIZE", 2)
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    sizes = [len(chunk.items) for chunk in job.chunks.all()]
    assert sizes == [2, 2, 1]
    assert job.state == Job.State.QUEUED


def test_one_bad_article_fails_alone_and_is_named(wire_stories, monkeypatch):
    bad = wire_stories[1]
    real = kinds.article_suggest

    def suggest(*, article, actors):
        if article.pk == bad.pk:
            raise ValueError("the extractor choked on this text")
        return real(article=article, actors=actors)

    monkeypatch.setattr(kinds, "article_suggest", suggest)
    job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    assert job.state == Job.State.FAILED
    assert job.done == job.total == 8
    assert job.errors == [{"item": f"article {bad.slug}", "error": "ValueError: the extractor choked on this text"}]
    assert wire_stories[0].statements.exists() and wire_stories[2].statements.exists()
    assert not bad.statements.exists()


def test_a_failed_job_can_be_rerun_over_the_same_items(seeded, monkeypatch):
    bad = Article.objects.order_by("pk").first()
    monkeypatch.setattr(kinds, "article_suggest", lambda *, article, actors: 1 / 0 if article == bad else None)
    failed = job_start(Job.Kind.SUGGEST_STATEMENTS, {"articles": [bad.pk]})
    assert failed.state == Job.State.FAILED
    monkeypatch.undo()
    monkeypatch.setattr(jobs_service, "CHUNK_SIZE", 25)
    again = job_rerun(job=failed)
    assert again.rerun_of == failed
    assert again.state == Job.State.DONE
    assert again.total == 1
    with pytest.raises(JobRefused, match="only a failed or cancelled job"):
        job_rerun(job=again)


@pytest.mark.django_db(transaction=True)
def test_a_transient_database_error_is_retried(monkeypatch):
    from tests.support.builders import make_article

    article = make_article()
    monkeypatch.setattr(jobs_service, "ITEM_RETRY_DELAYS", (0, 0))
    calls = []
    real = kinds.article_suggest

    def flaky(*, article, actors):
        calls.append(article.pk)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(article=article, actors=actors)

    monkeypatch.setattr(kinds, "article_suggest", flaky)
    job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"articles": [article.pk]})
    assert calls == [article.pk, article.pk]
    assert job.state == Job.State.DONE
    assert job.errors == []


def test_it_imports_items_and_names_the_bad_line(db):
    items = [wire_line(1), "{not json", wire_line(3, published_on="yesterday")]
    job = job_start(Job.Kind.IMPORT_ARTICLES, {"items": items, "source": "wire.jsonl"})
    assert job.state == Job.State.FAILED
    assert Article.objects.count() == 1
    assert [error["item"] for error in job.errors] == ["wire.jsonl line 2", "wire.jsonl line 3"]
    assert "not valid JSON" in job.errors[0]["error"]
    assert "not a date" in job.errors[1]["error"]
    assert "items" not in job.arguments


def test_an_import_run_twice_makes_no_duplicate_article(db):
    items = [wire_line(number) for number in range(1, 6)]
    job_start(Job.Kind.IMPORT_ARTICLES, {"items": items, "source": "wire.jsonl"})
    again = job_start(Job.Kind.IMPORT_ARTICLES, {"items": items, "source": "wire.jsonl"})
    assert again.state == Job.State.DONE
    assert Article.objects.count() == 5


def test_it_imports_a_json_lines_file(db, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([wire_line(1), "", wire_line(2)]) + "\n", encoding="utf-8")
    job = job_start(Job.Kind.IMPORT_ARTICLES, {"path": str(path), "publish": True})
    assert (job.state, job.total) == (Job.State.DONE, 2)
    assert job.arguments == {"path": str(path), "publish": True, "source": "batch.jsonl"}
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 2


def test_checks_over_the_archive_flag_the_abadi_quote_once(seeded_as_published):
    job = job_start(Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "all"})
    assert job.state == Job.State.DONE, job.errors
    assert job.total == Article.objects.count() + 1  # and the cross-article check
    flags = AttributionFlag.objects.filter(statement__speaker_as_printed="Abadi", resolved_at=None)
    assert flags.count() == 1
    count = AttributionFlag.objects.count()
    job_start(Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "all"})
    assert AttributionFlag.objects.count() == count


def test_checks_over_changed_articles_start_after_the_last_run(seeded):
    first = job_start(Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "changed"})
    assert first.total == Article.objects.count() + 1
    assert first.arguments["since"] is None
    article = Article.objects.order_by("pk").first()
    article.save()
    second = job_start(Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "changed"})
    assert second.arguments["since"] == first.created_at.isoformat()
    assert second.chunks.get().items == [article.pk, kinds.CONFLICTS_ITEM]


def test_it_refreshes_public_counts(seeded):
    from curation.models import Actor

    Actor.objects.update(public_statement_count=999)
    job = job_start(Job.Kind.REFRESH_PUBLIC_COUNTS)
    assert job.state == Job.State.DONE
    assert not Actor.objects.filter(public_statement_count=999).exists()


def test_a_cancelled_job_runs_no_more_chunks(wire_stories, monkeypatch):
    monkeypatch.setattr(jobs_service, "CHUNK_SIZE", 2)
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"articles": [article.pk for article in wire_stories]})
    first, *rest = job.chunks.order_by("number")
    job_chunk_run(first.pk)
    job_cancel(job=job)
    stored = Statement.objects.count()
    for chunk in rest:
        job_chunk_run(chunk.pk)
    job.refresh_from_db()
    assert job.state == Job.State.CANCELLED
    assert job.done == 2
    assert Statement.objects.count() == stored
    assert not wire_stories[2].statements.exists()
    with pytest.raises(JobRefused, match="only a queued or running job can be cancelled"):
        job_cancel(job=job)


@pytest.mark.parametrize(
    ("kind", "arguments", "message"),
    [
        ("reindex_everything", {}, "Unknown job kind 'reindex_everything'"),
        (Job.Kind.SUGGEST_STATEMENTS, {}, "Say which articles"),
        (Job.Kind.SUGGEST_STATEMENTS, {"articles": ["one"]}, "list of article ids"),
        (Job.Kind.SUGGEST_STATEMENTS, {"scope": "all", "colour": "red"}, "Unknown argument"),
        (Job.Kind.CHECK_ATTRIBUTIONS, {"scope": "changed", "since": "last tuesday"}, "not a date and time"),
        (Job.Kind.IMPORT_ARTICLES, {}, 'either "items"'),
        (Job.Kind.IMPORT_ARTICLES, {"items": []}, "no articles"),
        (Job.Kind.IMPORT_ARTICLES, {"path": "/nowhere/at/all.jsonl"}, "cannot be read"),
    ],
)
def test_bad_arguments_are_refused_by_name(db, kind, arguments, message):
    with pytest.raises(JobRefused, match=message):
        job_start(kind, arguments)
    assert not Job.objects.exists()


def test_the_background_needs_a_broker(seeded):
    with pytest.raises(JobRefused, match="CELERY_BROKER_URL"):
        job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"}, background=True)
    assert not Job.objects.exists()


def test_with_a_broker_chunks_are_sent_once_the_job_is_saved(
    seeded, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/5"
    sent = []
    monkeypatch.setattr(jobs_service, "_enqueue", sent.extend)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"}, user=None)
        assert sent == []
    for callback in callbacks:
        callback()
    assert job.state == Job.State.QUEUED
    assert sent == list(job.chunks.values_list("pk", flat=True))
