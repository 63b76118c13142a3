"""Readers see the story only; editors see the feed's leftovers dimmed, with the text unchanged."""

from django.urls import reverse

from curation.models import Article


def test_it_shows_readers_the_story_without_header_lines_credits_or_links(client, seeded):
    article = Article.objects.get(body__contains="Sponsored Links")
    assert article.status == Article.Status.PUBLISHED
    body_html = client.get(article.get_absolute_url()).context["body_html"]
    for leftover in ("Iraq News Now", "2020-11-26 00:00:00", "AP Photo / Felipe Dana", "Sponsored Links"):
        assert leftover not in body_html, leftover
    assert "Unfortunately, the Daesh terrorist group still exists" in body_html


def test_it_keeps_the_body_and_offsets_exactly_as_imported(seeded):
    article = Article.objects.get(body__contains="Sponsored Links")
    start, end = article.non_story[-1]
    assert article.body[start:end] == "Sponsored Links"
    for statement in article.statements.all():
        assert article.body[statement.start : statement.end] == statement.text


def test_it_shows_editors_the_leftovers_dimmed(editor_client, seeded):
    article = Article.objects.get(body__contains="Read original article here.")
    page = editor_client.get(reverse("admin:curation_article_change", args=[article.pk])).content.decode()
    assert '<span class="non-story" title="Not shown to readers">Read original article here.</span>' in page


def test_it_never_hides_a_statement_marked_inside_a_leftover(client, seeded):
    article = Article.objects.get(body__contains="Read original article here.")
    statement = article.statements.filter(published=True, review_status="confirmed").first()
    Article.objects.filter(pk=article.pk).update(non_story=[[statement.start, statement.end]])
    assert f'id="statement-{statement.pk}"' in client.get(article.get_absolute_url()).context["body_html"]


def test_it_lets_an_editor_hide_a_selected_passage_and_show_a_range_again(editor_client, client, seeded):
    article = Article.objects.get(body__contains="Read original article here.")
    url = reverse("admin:curation_article_non_story", args=[article.pk])
    passage = "She added that Lavrov will also hold talks"
    start = article.body.index(passage)
    editor_client.post(url, {"start": start, "end": start + len(passage), "selected_text": passage})
    article.refresh_from_db()
    assert [start, start + len(passage)] in article.non_story
    assert passage not in client.get(article.get_absolute_url()).context["body_html"]

    last = article.non_story[-1]
    editor_client.post(url, {"show": f"{last[0]}-{last[1]}"})
    article.refresh_from_db()
    assert last not in article.non_story
    assert "Read original article here." in client.get(article.get_absolute_url()).context["body_html"]
    assert article.history.first().history_change_reason == "Changed what readers are not shown"


def test_it_refuses_to_hide_a_passage_that_is_not_what_was_selected(editor_client, seeded):
    article = Article.objects.get(body__contains="Read original article here.")
    before = list(article.non_story)
    response = editor_client.post(
        reverse("admin:curation_article_non_story", args=[article.pk]),
        {"start": 0, "end": 5, "selected_text": "Something else"},
        follow=True,
    )
    assert "not the passage you selected" in response.content.decode()
    article.refresh_from_db()
    assert article.non_story == before
