"""Jobs in the admin: starting them from the article list, following progress, cancelling and re-running."""

import pytest
from django.urls import reverse

from curation.models import Article, AttributionFlag, Job, Statement
from curation.services.jobs import job_create

CHANGELIST = reverse("admin:curation_job_changelist")
ABADI_ARTICLE = "jaafari-calls-for-international-efforts-against-terrorism"


@pytest.fixture(autouse=True)
def no_broker(settings):
    settings.CELERY_BROKER_URL = ""


def change_url(job):
    return reverse("admin:curation_job_change", args=[job.pk])


def test_an_editor_suggests_statements_for_chosen_articles(editor_client, editor, seeded):
    # The seeds' only corrected statement is in the Abadi article; the others' statements can go.
    chosen = list(Article.objects.exclude(slug=ABADI_ARTICLE).order_by("pk")[:2])
    Statement.objects.filter(article__in=chosen).delete()
    response = editor_client.post(
        reverse("admin:curation_article_changelist"),
        {"action": "suggest_statements", "_selected_action": [article.pk for article in chosen]},
        follow=True,
    )
    job = Job.objects.get()
    assert (job.kind, job.started_by, job.state) == (Job.Kind.SUGGEST_STATEMENTS, editor, Job.State.DONE)
    assert job.arguments == {"articles": [article.pk for article in chosen]}
    assert Statement.objects.filter(article__in=chosen, review_status=Statement.ReviewStatus.SUGGESTED).exists()
    assert f'href="{change_url(job)}"' in response.content.decode()
    stored = Statement.objects.filter(article__in=chosen).count()
    assert f"done (2 of 2 items: 2 articles, 0 skipped, {stored} stored)" in response.content.decode()


def test_an_editor_runs_the_checks_on_chosen_articles(editor_client, seeded_as_published):
    abadi_article = Article.objects.get(slug=ABADI_ARTICLE)
    editor_client.post(
        reverse("admin:curation_article_changelist"),
        {"action": "run_checks", "_selected_action": [abadi_article.pk]},
    )
    job = Job.objects.get()
    assert job.kind == Job.Kind.CHECK_ATTRIBUTIONS
    assert AttributionFlag.objects.filter(statement__speaker_as_printed="Abadi", resolved_at=None).count() == 1


def test_the_list_shows_a_progress_bar_without_javascript(editor_client, seeded):
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, done=2)
    page = editor_client.get(CHANGELIST).content.decode()
    assert '<progress value="2" max="5">40 %</progress>' in page
    assert "2 of 5" in page
    assert reverse("admin:curation_job_progress", args=[job.pk]) in page
    assert '<script src="/static/curation/job-progress.js"' in page
    assert "<script>" not in page  # The policy forbids inline script.


def test_the_progress_view_answers_json(editor_client, seeded):
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    answer = editor_client.get(reverse("admin:curation_job_progress", args=[job.pk])).json()
    assert answer == {"state": "queued", "done": 0, "total": 5, "errors": 0, "finished": False}


def test_the_detail_names_each_failed_item(editor_client, db):
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"articles": [1]})
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.FAILED, errors=[{"item": "article lost-story", "error": "LookupError: gone <b>"}]
    )
    page = editor_client.get(change_url(job)).content.decode()
    assert "<strong>article lost-story</strong>: LookupError: gone &lt;b&gt;" in page
    assert "Run this job again" in page
    assert "Cancel this job" not in page


def test_an_editor_cancels_a_running_job(editor_client, seeded):
    job = job_create(Job.Kind.SUGGEST_STATEMENTS, {"scope": "all"})
    assert "Cancel this job" in editor_client.get(change_url(job)).content.decode()
    url = reverse("admin:curation_job_cancel", args=[job.pk])
    assert editor_client.get(url).status_code == 405
    response = editor_client.post(url, follow=True)
    job.refresh_from_db()
    assert job.state == Job.State.CANCELLED
    assert f"Job #{job.pk} cancelled." in response.content.decode()
    again = editor_client.post(url, follow=True)
    assert again.status_code == 200
    assert "only a queued or running job can be cancelled" in again.content.decode()


def test_an_editor_reruns_a_failed_job(editor_client, editor, seeded):
    article = Article.objects.order_by("pk").first()
    failed = job_create(Job.Kind.SUGGEST_STATEMENTS, {"articles": [article.pk]})
    Job.objects.filter(pk=failed.pk).update(state=Job.State.FAILED)
    response = editor_client.post(reverse("admin:curation_job_rerun", args=[failed.pk]), follow=True)
    again = Job.objects.get(rerun_of=failed)
    assert (again.state, again.started_by, again.total) == (Job.State.DONE, editor, 1)
    assert f"Job #{failed.pk} started again as job #{again.pk}." in response.content.decode()


def test_a_reader_cannot_reach_jobs(client, reader, seeded):
    job = job_create(Job.Kind.REFRESH_PUBLIC_COUNTS)
    client.force_login(reader)
    assert client.get(CHANGELIST).status_code == 302
    response = client.post(reverse("admin:curation_job_cancel", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED
