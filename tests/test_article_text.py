"""Article text changes only when an editor changes it, and the admin reads and refuses text as the file import does."""

import pytest
from django.urls import reverse

from curation.importing.parsing import MAX_ARTICLE_BYTES
from curation.models import Article, Statement
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db

ADD = "admin:curation_article_add"


def test_saving_an_article_without_an_edit_leaves_its_text_and_hash_byte_for_byte(editor_client, seeded):
    article = Article.objects.get(import_key__startswith="001_")
    before = (article.body, article.content_hash, list(article.statements.values_list("start", "end")))
    url = reverse("admin:curation_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    # A browser sends a textarea's lines back with CRLF and may trim the end.
    data["body"] = article.body.replace("\n", "\r\n").rstrip()
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.body, article.content_hash, list(article.statements.values_list("start", "end"))) == before
    assert not any("found again at a new place" in str(message) for message in response.context["messages"])


def test_the_same_story_pasted_and_imported_makes_one_article(editor_client, seeded):
    imported = Article.objects.get(import_key__startswith="000_")
    pasted = imported.body.replace("\n", "\r\n") + "\r\n\r\n"
    response = editor_client.post(reverse(ADD), {"body": pasted, "status": "draft"})
    assert response.status_code == 200
    assert "The same text is already in the desk" in response.content.decode()
    assert Article.objects.count() == 5


def test_adding_an_article_reads_its_header_lines_as_the_file_import_does(editor_client, db):
    body = (
        "2020-11-26 00:00:00 - Source: Test Wire\n\n"
        "Ministers Meet To Discuss Border Security\n\n"
        "The minister said that the border would stay open.\n"
    )
    response = editor_client.post(reverse(ADD), {"body": body, "status": "draft"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.outlet, str(article.published_on)) == ("Test Wire", "2020-11-26")
    assert article.title == "Ministers Meet To Discuss Border Security"
    assert article.body == body


def test_a_text_over_the_size_limit_is_refused_and_the_form_keeps_it(editor_client, db):
    body = "The minister said that words repeat. " * (900_000 // 37)
    assert len(body.encode()) > MAX_ARTICLE_BYTES
    response = editor_client.post(reverse(ADD), {"body": body, "title": "Too long", "status": "draft"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"articles are limited to {MAX_ARTICLE_BYTES:,} bytes" in page
    assert response.context["adminform"].form["title"].value() == "Too long"
    assert len(response.context["adminform"].form["body"].value()) == len(body)
    assert not Article.objects.exists()


def test_an_edited_text_re_anchors_its_statements(editor_client, seeded):
    article = Article.objects.get(import_key__startswith="000_")
    url = reverse("admin:curation_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    data["body"] = "Editor's note: updated.\n" + article.body
    response = editor_client.post(url, data, follow=True)
    assert any("found again at a new place" in str(message) for message in response.context["messages"])
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    assert Article.objects.get(pk=article.pk).body[statement.start : statement.end] == statement.text


def test_a_topic_cannot_become_its_own_ancestor(editor_client, seeded):
    from curation.models import Tag

    security = Tag.objects.get(slug="security")
    below = Tag.objects.get(slug="islamic-state")  # security > counter-terrorism > islamic-state
    url = reverse("admin:curation_tag_change", args=[security.pk])
    data = form_data(editor_client.get(url))
    data["parent"] = str(below.pk)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "is below" in response.content.decode()
    security.refresh_from_db()
    assert security.parent is None
