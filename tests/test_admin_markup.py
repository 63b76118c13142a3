"""The desk's own pages (import, place again, the article's selection bar, review, home) and the previews are
well-formed, with every control labelled and every id unique."""

import pytest
from django.urls import reverse

from curation import services
from curation.models import Statement
from tests.support.builders import make_article, make_statement
from tests.test_page_markup import Page


class DeskPage(Page):
    """The public pages' checks; a button's value and an aria-label also name a control."""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        named = attributes.get("type") in {"submit", "button"} or attributes.get("aria-label")
        if tag == "input" and named:
            # Named by itself, so not a control that needs a <label>.
            attrs = list({**attributes, "type": "hidden"}.items())
        super().handle_starttag(tag, attrs)


@pytest.fixture
def desk_pages(editor):
    article = make_article("Markup check", "Markup check. “One,” she said. “Two,” she added.", draft=True)
    suggestion = make_statement(article, "“One,”", status="suggested", published=False)
    lost = make_statement(article, "“Two,”", status="suggested", published=False)
    article.body = article.body.replace("Two", "Three")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    assert Statement.objects.get(pk=lost.pk).anchor == "orphaned"
    return [
        reverse("admin:index"),
        reverse("admin:curation_article_import"),
        reverse("admin:curation_article_change", args=[article.pk]),
        reverse("admin:curation_statement_place", args=[lost.pk]),
        reverse("admin:curation_suggestedstatement_change", args=[suggestion.pk]),
        reverse("admin:curation_statement_add") + f"?article={article.pk}&start=0&end=6&selected_text=Markup",
        article.get_absolute_url(),
        suggestion.get_absolute_url(),
    ]


def test_it_serves_the_new_desk_pages_and_previews_well_formed_and_labelled(editor_client, desk_pages):
    for url in desk_pages:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        page = DeskPage()
        page.feed(response.content.decode())
        page.close()
        # The admin's icons are SVG <use/> elements, self-closing as XML allows.
        problems = [problem for problem in page.problems if problem != "<use/> is not a void element"]
        assert problems == [] and page.open == [], (url, problems, page.open)
        assert len(page.ids) == len(set(page.ids)), f"{url}: duplicate ids"
        unlabelled = [control for control in page.controls if control not in page.labels_for]
        assert unlabelled == [], f"{url}: controls without a label: {unlabelled}"
        assert page.headings.count(1) == 1, url
