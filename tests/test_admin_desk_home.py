"""What needs doing: the desk's home page counts, and the review queue taken article by article."""

import pytest
from django.urls import reverse

from curation import services
from curation.admin.review import next_suggestion
from curation.importing.parsing import ParsedArticle
from curation.models import AttributionFlag, Job, Statement
from tests.support.builders import make_article, make_statement


def suggest(article, *texts):
    return [make_statement(article, text, status="suggested", published=False) for text in texts]


@pytest.fixture
def queue(db):
    first = make_article("First", "First. “One,” she said. “Two,” she added. “Three,” she ended.")
    second = make_article("Second", "Second. “Four,” he said.")
    return suggest(first, "“One,”", "“Two,”", "“Three,”"), suggest(second, "“Four,”")


def test_it_finishes_an_article_before_moving_to_the_next(queue):
    (one, two, three), (four,) = queue
    assert next_suggestion(two) == three
    # Passed over "One": it comes back before another article's suggestions.
    assert next_suggestion(three) == one
    assert next_suggestion(four) == one


def test_it_opens_the_rest_of_the_article_after_a_decision(editor_client, queue):
    (one, two, three), (four,) = queue
    url = reverse("admin:curation_suggestedstatement_change", args=[three.pk])
    page = editor_client.get(url)
    response = editor_client.post(url, {"kind": "direct", "version": three.version, "_reject": "Reject"})
    assert response.url == reverse("admin:curation_suggestedstatement_change", args=[one.pk])
    assert page.context["left_in_article"] == 3


def test_it_offers_keys_and_a_next_link_on_a_suggestion(editor_client, queue):
    (one, two, _), _ = queue
    page = editor_client.get(reverse("admin:curation_suggestedstatement_change", args=[one.pk])).content.decode()
    next_url = reverse("admin:curation_suggestedstatement_change", args=[two.pk])
    assert f'id="review-next" href="{next_url}"' in page
    assert "curation/review.js" in page and "<kbd>c</kbd> confirm" in page


def test_it_shows_the_paragraph_with_the_printed_speaker_on_a_suggestion(editor_client, queue):
    (one, _, _), _ = queue
    Statement.objects.filter(pk=one.pk).update(speaker_as_printed="she")
    page = editor_client.get(reverse("admin:curation_suggestedstatement_change", args=[one.pk])).content.decode()
    assert '<mark class="quote">“One,”</mark> <mark class="printed-speaker">she</mark> said.' in page
    assert "“Three,” she ended." in page


@pytest.fixture
def waiting_work(queue, editor):
    (one, _, _), (four,) = queue
    AttributionFlag.objects.create(statement=one, code="unattributed", message="No speaker.")
    article = four.article
    article.body = article.body.replace("Four", "Five")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    services.article_import(parsed=ParsedArticle(title="Undated", body="Undated and outlet-less."), import_key="x")
    Job.objects.create(kind=Job.Kind.SUGGEST_STATEMENTS, state=Job.State.RUNNING, total=3)
    Job.objects.create(kind=Job.Kind.CHECK_ATTRIBUTIONS, state=Job.State.DONE, total=3, done=3)


def test_it_counts_what_needs_doing_on_the_desk_home_page(editor_client, waiting_work):
    response = editor_client.get(reverse("admin:index"))
    counts = {waiting.key: waiting.count for waiting, _ in response.context["waiting_lists"]}
    # The checks run again after the text edit and may raise flags of their own.
    open_flags = AttributionFlag.objects.filter(resolved_at=None).count()
    assert open_flags >= 1
    assert counts == {
        "suggestions": 4,
        "flags": open_flags,
        "orphaned": 1,
        "undated": 1,
        "no_outlet": 1,
        "jobs": 1,
    }
    page = response.content.decode()
    assert "What needs doing" in page and "suggestions waiting for review" in page


@pytest.mark.parametrize("key", ["suggestions", "flags", "orphaned", "undated", "no_outlet", "jobs"])
def test_it_links_each_count_to_the_list_of_exactly_that(editor_client, waiting_work, key):
    home = editor_client.get(reverse("admin:index"))
    waiting, url = next((waiting, url) for waiting, url in home.context["waiting_lists"] if waiting.key == key)
    listing = editor_client.get(url)
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == waiting.count > 0


def test_it_suggests_statements_for_every_new_article_from_the_home_page(editor_client, queue):
    untouched = make_article("Untouched", "Untouched. The envoy Sam Reed said on Monday that “the border stays open”.")
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert "Suggest statements for all new articles" in page
    response = editor_client.post(reverse("admin:curation_job_suggest_new"))
    job = Job.objects.get()
    assert response.url == reverse("admin:curation_job_change", args=[job.pk])
    # Only the article without statements was taken; without a broker the job has run already.
    assert (job.kind, job.arguments["scope"], job.total, job.state) == ("suggest_statements", "new", 1, "done")
    assert Statement.objects.filter(article=untouched, review_status="suggested").exists()
    assert editor_client.get(reverse("admin:curation_job_suggest_new")).status_code == 405
