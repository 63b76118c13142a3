"""Staff preview drafts, suggestions and unpublished statements as readers will see them; readers still get 404."""

import pytest
from django.urls import reverse

from tests.support.builders import make_actor, make_article, make_statement


@pytest.fixture
def draft(db):
    article = make_article("A draft about border talks", draft=True)
    minister = make_actor("Minister Draftson")
    confirmed = make_statement(article, "test statement", speaker=minister)
    suggestion = make_statement(article, "The end", status="suggested", published=False)
    return article, confirmed, suggestion


def test_it_shows_staff_a_draft_article_as_a_preview_readers_cannot_index(editor_client, draft):
    article, confirmed, suggestion = draft
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Preview — not public." in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert 'rel="canonical"' not in page and "application/ld+json" not in page


def test_it_previews_a_draft_with_the_statements_publishing_would_show(editor_client, draft):
    article, confirmed, suggestion = draft
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert confirmed.get_absolute_url() in page
    assert suggestion.get_absolute_url() not in page


def test_it_previews_a_suggestion_and_says_why_readers_do_not_see_it(editor_client, draft):
    _, _, suggestion = draft
    response = editor_client.get(suggestion.get_absolute_url())
    assert response.status_code == 200
    assert "This is a suggestion waiting for review" in response.content.decode()


def test_it_previews_an_actor_readers_have_no_page_for(editor_client, draft):
    hidden = make_actor("Nobody Public")
    response = editor_client.get(hidden.get_absolute_url())
    assert response.status_code == 200
    assert "Preview — not public." in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_it_still_hides_drafts_and_suggestions_from_readers(client, reader, draft, who):
    article, confirmed, suggestion = draft
    if who == "reader":
        client.force_login(reader)
    for url in (article.get_absolute_url(), confirmed.get_absolute_url(), suggestion.get_absolute_url()):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("curation:actor-detail", args=["minister-draftson"])).status_code == 404


def test_it_shows_a_public_article_to_staff_without_a_preview_banner(editor_client, seeded):
    from curation.models import Article

    article = Article.objects.public().first()
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Preview — not public." not in page and 'rel="canonical"' in page


def test_it_links_view_on_site_from_the_desk_to_the_preview(editor_client, draft):
    _, _, suggestion = draft
    page = editor_client.get(reverse("admin:curation_suggestedstatement_change", args=[suggestion.pk]))
    view_on_site = reverse("admin:view_on_site", args=[page.context["content_type_id"], suggestion.pk])
    assert view_on_site in page.content.decode()
    assert editor_client.get(view_on_site, follow=True).status_code == 200
