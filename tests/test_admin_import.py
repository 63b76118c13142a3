"""Importing in the desk: files, a JSON Lines batch, pasted text and a link, read and refused as the command does."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from curation.importing import web
from curation.models import Article, Statement
from tests.support.pages import story_server

IMPORT = "admin:curation_article_import"


def upload(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def outcomes_of(response):
    return [(outcome.status, str(outcome.path)) for outcome in response.context["outcomes"]]


def jsonl(*records):
    return "\n".join(json.dumps(record) for record in records)


def test_it_imports_two_files_and_a_json_lines_batch_as_drafts(editor_client, db):
    batch = jsonl(
        {"title": "Batch one", "body": "The minister said that the first batch holds.", "outlet": "Wire"},
        {"title": "Batch two", "body": "The envoy said that the second batch holds.", "published_on": "2024-05-02"},
    )
    files = [
        upload("first.txt", " date 2018-04-08 \n\nA headline for the first file\n\nThe story of the first file."),
        upload("second.txt", "A headline for the second file\n\nThe story of the second file."),
        upload("batch.jsonl", batch),
    ]
    response = editor_client.post(reverse(IMPORT), {"files": files})
    assert response.status_code == 200
    assert outcomes_of(response) == [("imported", "first.txt"), ("imported", "second.txt"), ("imported", "batch.jsonl")]
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 4
    first = Article.objects.get(import_key="first.txt")
    assert (str(first.published_on), first.title) == ("2018-04-08", "A headline for the first file")
    # The date line and the headline the page shows as its title: neither is read as story.
    assert first.body[slice(*first.non_story[0])] == " date 2018-04-08 \n\nA headline for the first file"


def test_it_skips_what_is_already_in_the_desk_and_refuses_a_bad_file_by_name(editor_client, db):
    editor_client.post(reverse(IMPORT), {"files": [upload("story.txt", "A headline of four words\n\nThe story.")]})
    files = [
        upload("story.txt", "A headline of four words\n\nThe story."),
        upload("page.txt", "<!doctype html><html><body>Not text</body></html>"),
    ]
    response = editor_client.post(reverse(IMPORT), {"files": files})
    assert outcomes_of(response) == [("skipped", "story.txt"), ("refused", "page.txt")]
    assert "the file is an HTML page" in response.content.decode()
    assert Article.objects.count() == 1


def test_it_refuses_an_oversized_file_before_reading_it_and_keeps_the_rest_of_the_form(editor_client, db):
    big = upload("big.txt", "word " * 120_000)
    response = editor_client.post(reverse(IMPORT), {"files": [big], "pasted": "Kept as typed."})
    assert "big.txt is 600,000 bytes" in response.content.decode()
    assert response.context["form"]["pasted"].value() == "Kept as typed."
    assert not Article.objects.exists()


def test_it_imports_pasted_text_and_keeps_a_refused_paste_to_fix(editor_client, db):
    pasted = "A pasted headline of note\n\nThe pasted story goes on."
    response = editor_client.post(reverse(IMPORT), {"pasted": pasted})
    assert [status for status, _ in outcomes_of(response)] == ["imported"]
    refused = "12345 67890"
    response = editor_client.post(reverse(IMPORT), {"pasted": refused})
    assert [status for status, _ in outcomes_of(response)] == ["refused"]
    assert response.context["form"]["pasted"].value() == refused


def test_it_says_there_is_nothing_to_import(editor_client, db):
    response = editor_client.post(reverse(IMPORT), {})
    assert "there is nothing to import" in response.content.decode()


def test_it_refuses_a_link_that_is_not_http_and_keeps_it(editor_client, db):
    response = editor_client.post(reverse(IMPORT), {"urls": "ftp://example.org/story"})
    assert "is not an http or https address" in response.content.decode()
    assert response.context["form"]["urls"].value() == "ftp://example.org/story"


def test_it_imports_a_story_from_its_link_with_title_date_outlet_and_address(editor_client, settings, db):
    settings.CURATION_IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    with story_server() as base:
        response = editor_client.post(reverse(IMPORT), {"urls": f"{base}/story"})
    assert [status for status, _ in outcomes_of(response)] == ["imported"]
    article = Article.objects.get()
    assert article.title == "Envoy says border talks resume in May"
    assert (article.outlet, str(article.published_on), article.url) == ("Test Wire", "2024-05-02", f"{base}/story")
    assert "“Trade goes on,” Reed told reporters" in article.body
    assert "Sponsored Links" not in article.body and "About us" not in article.body


def test_it_refuses_to_fetch_from_a_private_or_loopback_address(editor_client, db):
    with story_server() as base:
        response = editor_client.post(reverse(IMPORT), {"urls": f"{base}/story"})
    assert [status for status, _ in outcomes_of(response)] == ["refused"]
    assert "private or local network" in response.content.decode()
    assert response.context["form"]["urls"].value() == f"{base}/story"
    assert not Article.objects.exists()


def test_it_refuses_a_redirect_to_a_private_address(monkeypatch):
    checked = []

    def refuse_second(url, *, allow_private):
        checked.append(url)
        if len(checked) > 1:
            raise web.ImportRefused("the host is on a private or local network")

    monkeypatch.setattr(web, "_refuse_address", refuse_second)
    with (
        story_server({"/moved": (302, "text/plain", "/story")}) as base,
        pytest.raises(web.ImportRefused, match="private or local network"),
    ):
        web.fetch_page(f"{base}/moved")
    assert checked == [f"{base}/moved", f"{base}/story"]


def test_it_refuses_a_page_over_the_size_limit_and_an_error_page(monkeypatch):
    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 100)
    with story_server() as base:
        with pytest.raises(web.ImportRefused, match="over 100 bytes"):
            web.fetch_page(f"{base}/story", allow_private=True)
        with pytest.raises(web.ImportRefused, match="answered 404"):
            web.fetch_page(f"{base}/missing", allow_private=True)


def test_it_suggests_statements_for_an_article_from_its_page(editor_client, db):
    body = "Border talks\n\nThe envoy Sam Reed said on Monday that “the border stays open for trade”."
    editor_client.post(reverse(IMPORT), {"pasted": body})
    article = Article.objects.get()
    response = editor_client.post(
        reverse("admin:curation_article_changelist"),
        {"action": "suggest_statements", "_selected_action": [article.pk], "_from_article": "1"},
    )
    assert response.url == reverse("admin:curation_article_change", args=[article.pk])
    assert Statement.objects.filter(article=article, review_status="suggested").exists()


def test_a_large_json_lines_upload_becomes_a_job_that_names_its_bad_line(editor_client, editor, db):
    from curation.models import Job
    from curation.services.desk import INLINE_LINES_AT_MOST

    count = INLINE_LINES_AT_MOST + 10
    records = [{"title": f"Batch story {n}", "body": f"The envoy said that story {n} holds."} for n in range(count)]
    lines = [json.dumps(record) for record in records]
    lines[4] = '{"title": "Broken", "body": '
    response = editor_client.post(reverse(IMPORT), {"files": [upload("large.jsonl", "\n".join(lines))]})
    assert outcomes_of(response) == [("job", "large.jsonl")]
    job = Job.objects.get()
    # No broker in the tests, so the job ran at once; with workers it would be queued. One bad
    # line fails alone: the job says so ("failed", to be re-run after a fix) and the rest are in.
    assert (job.kind, job.total, job.done, job.state, job.started_by) == (
        "import_articles",
        count,
        count,
        "failed",
        editor,
    )
    assert [error["item"] for error in job.errors] == ["large.jsonl line 5"]
    assert Article.objects.count() == count - 1
    assert "handed to Import articles #" in response.content.decode()
    # The same upload again adds nothing: the job keys lines as the page's import does.
    editor_client.post(reverse(IMPORT), {"files": [upload("large.jsonl", "\n".join(lines))]})
    assert Article.objects.count() == count - 1


def test_a_small_json_lines_upload_is_imported_on_the_page(editor_client, db):
    from curation.models import Job

    response = editor_client.post(
        reverse(IMPORT), {"files": [upload("small.jsonl", jsonl({"title": "One", "body": "The envoy said so."}))]}
    )
    assert outcomes_of(response) == [("imported", "small.jsonl")]
    assert not Job.objects.exists()
