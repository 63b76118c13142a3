"""Flags follow the editor: acting on a statement resolves its flags, and the checks run again."""

import pytest
from django.urls import reverse

from curation import services
from curation.models import Actor, AttributionFlag, Statement
from tests.support.admin import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged_abadi(seeded_as_published):
    """The Abadi quote as printed, with the open flags the checks raise on it."""
    services.attribution_flags_refresh()
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    assert statement.flags.filter(resolved_at__isnull=True).exists()
    return statement


def test_setting_the_speaker_resolves_the_flags_with_who_and_how(editor_client, editor, flagged_abadi):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    url = reverse("admin:curation_statement_change", args=[flagged_abadi.pk])
    data = form_data(editor_client.get(url))
    data.update(speaker=str(jaafari.pk), reason="The top Iraqi diplomat said it.")
    editor_client.post(url, data)
    flag = flagged_abadi.flags.get(code="speaker_not_introduced")
    assert (flag.is_open, flag.resolved_by) == (False, editor)
    assert flag.resolution == "Speaker set to Ibrahim al-Jaafari (was Haider al-Abadi)"
    # No stale one-click fix is left beside the published quote.
    assert "Use suggested speaker" not in editor_client.get(url).content.decode()


def test_confirming_or_rejecting_resolves_the_flags(editor, flagged_abadi):
    other = Statement.objects.exclude(pk=flagged_abadi.pk).filter(article=flagged_abadi.article).first()
    AttributionFlag.objects.create(statement=other, code="unattributed", message="Check it.")
    services.statements_set_review_status(statements=[other], status="rejected", by=editor)
    flag = other.flags.get(code="unattributed")
    assert (flag.is_open, flag.resolution, flag.resolved_by) == (False, "Rejected by the editor", editor)


def test_the_checks_run_again_when_the_article_text_changes(editor, flagged_abadi):
    article = flagged_abadi.article
    article.body = article.body.replace("Abadi warned", "Abadi, the former prime minister Haider al-Abadi, warned")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    flag = flagged_abadi.flags.get(code="speaker_not_introduced")
    # Now the article introduces him in full: the checks no longer raise the flag.
    assert (flag.is_open, flag.resolution) == (False, "no longer applies")


def test_a_resolved_flag_is_never_reopened_by_the_checks(editor, flagged_abadi):
    flag = flagged_abadi.flags.get(code="speaker_not_introduced")
    services.flag_dismiss(flag=flag, by=editor)
    services.attribution_flags_refresh()
    services.articles_recheck([flagged_abadi.article])
    assert not flagged_abadi.flags.filter(code="speaker_not_introduced", resolved_at__isnull=True).exists()
