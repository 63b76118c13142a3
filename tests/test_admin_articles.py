"""The article list and the article page with its statements highlighted."""

import pytest
from django.urls import reverse

from curation.importing.parsing import ParsedArticle
from curation.models import Article, AttributionFlag, Statement
from curation.services import article_import, statement_create
from tests.support.admin import form_data

CHANGELIST = "admin:curation_article_changelist"


def change_url(article):
    return reverse("admin:curation_article_change", args=[article.pk])


@pytest.fixture
def small_article(db):
    body = 'Minister <Ali> said "the cells are dormant" & "must be fought".'
    article = article_import(parsed=ParsedArticle(title="Dormant cells", body=body), import_key="test:dormant")
    outer = statement_create(
        article=article,
        kind="direct",
        start=body.index("the cells"),
        end=body.index("fought") + len("fought"),
        speaker_as_printed="Ali",
    )
    inner = statement_create(
        article=article, kind="claim", start=body.index("the cells"), end=body.index("dormant") + len("dormant")
    )
    return article, outer, inner


def test_it_lists_articles_with_statement_and_open_flag_counts(editor_client, seeded):
    jaafari_article = Article.objects.get(slug="jaafari-calls-for-international-efforts-against-terrorism")
    flagged = jaafari_article.statements.first()
    AttributionFlag.objects.create(statement=flagged, code="unattributed", message="No speaker.")
    AttributionFlag.objects.create(
        statement=flagged, code="role_mismatch", message="Resolved.", resolved_at="2024-01-01T00:00Z"
    )
    response = editor_client.get(reverse(CHANGELIST))
    rows = {article.slug: article for article in response.context["cl"].result_list}
    assert rows[jaafari_article.slug].statement_total == jaafari_article.statements.count()
    assert rows[jaafari_article.slug].open_flag_total == 1
    assert sum(row.statement_total for row in rows.values()) == 42


def test_it_keeps_the_list_to_a_fixed_number_of_queries(editor_client, seeded, django_assert_max_num_queries):
    for number in range(20):
        article_import(
            parsed=ParsedArticle(title=f"Extra {number}", body=f"Extra text {number}."),
            import_key=f"test:extra-{number}",
        )
    with django_assert_max_num_queries(10):
        response = editor_client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == 25


def test_it_searches_and_filters_articles(editor_client, seeded):
    response = editor_client.get(reverse(CHANGELIST), {"q": "Jaafari"})
    assert [a.slug for a in response.context["cl"].result_list] == [
        "jaafari-calls-for-international-efforts-against-terrorism"
    ]
    undated = editor_client.get(reverse(CHANGELIST), {"dated": "no"}).context["cl"].result_list
    assert list(undated) == list(Article.objects.filter(published_on__isnull=True))
    assert editor_client.get(reverse(CHANGELIST), {"published_on__year": "2018"}).status_code == 200


def test_it_highlights_every_statement_of_the_article_in_its_text(editor_client, seeded):
    article = Article.objects.get(slug="jaafari-calls-for-international-efforts-against-terrorism")
    response = editor_client.get(change_url(article))
    page = response.content.decode()
    assert page.count('<a class="statement-number"') == article.statements.count()
    abadi = article.statements.get(speaker_as_printed="Abadi")
    assert reverse("admin:curation_statement_change", args=[abadi.pk]) in page


def test_it_escapes_the_text_and_nests_statements(editor_client, small_article):
    article, outer, inner = small_article
    page = editor_client.get(change_url(article)).content.decode()
    assert "<Ali>" not in page and "&lt;Ali&gt;" in page
    assert 'data-statements="1 2"' in page


def test_it_lists_statements_no_longer_found_apart(editor_client, small_article):
    article, outer, inner = small_article
    Statement.objects.filter(pk=inner.pk).update(anchor="orphaned")
    response = editor_client.get(change_url(article))
    orphaned = response.content.decode().split('class="orphaned-statements"')[1]
    assert "the cells are dormant" in orphaned
    assert response.content.decode().count('<a class="statement-number"') == 1


def test_it_shows_the_statements_inline_read_only(editor_client, small_article):
    article, outer, inner = small_article
    response = editor_client.get(change_url(article))
    inline = response.context["inline_admin_formsets"][0]
    assert {form.instance for form in inline.formset.forms} == {outer, inner}
    assert inline.has_change_permission is False


def test_it_reanchors_statements_when_the_text_changes_and_reports_the_lost_ones(editor_client, small_article):
    article, outer, inner = small_article
    data = form_data(editor_client.get(change_url(article)))
    data["body"] = 'Breaking: Minister <Ali> said "the cells are dormant" & nothing else.'
    response = editor_client.post(change_url(article), data, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("1 statement can no longer be found" in message for message in messages)
    outer.refresh_from_db()
    inner.refresh_from_db()
    assert outer.anchor == "orphaned"
    assert (inner.anchor, inner.start) == ("found", data["body"].index("the cells"))
    article.refresh_from_db()
    assert article.body == data["body"]


def test_it_refuses_a_text_already_in_the_desk_and_keeps_the_input(editor_client, seeded, small_article):
    article, _, _ = small_article
    other = Article.objects.exclude(pk=article.pk).first()
    data = form_data(editor_client.get(change_url(article)))
    data.update(body=other.body, title="Renamed")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "The same text is already in the desk" in response.content.decode()
    assert response.context["adminform"].form["title"].value() == "Renamed"
    article.refresh_from_db()
    assert article.title == "Dormant cells"


def test_it_imports_an_article_from_the_add_form(editor_client, db):
    response = editor_client.post(
        reverse("admin:curation_article_add"),
        {
            "title": "A new article",
            "slug": "a-new-article",
            "status": "draft",
            "outlet": "Example News",
            "url": "https://example.org/new",
            "published_on": "",
            "import_key": "",
            "body": "  Text with spaces.\n",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="a-new-article")
    assert (article.import_key, article.body) == ("https://example.org/new", "  Text with spaces.\n")
    assert len(article.content_hash) == 64


def test_it_names_pasted_text_without_a_source_by_its_text_so_a_second_paste_is_refused(editor_client, db):
    data = {"title": "No source", "status": "draft", "body": "Some text of a story with no known source."}
    response = editor_client.post(reverse("admin:curation_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.import_key.startswith("pasted:") and article.slug == "no-source"
    response = editor_client.post(reverse("admin:curation_article_add"), {**data, "title": "Again"})
    assert response.status_code == 200
    assert "The same text is already in the desk" in response.content.decode()
    assert Article.objects.count() == 1
