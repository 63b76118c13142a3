"""Two editors on the same statement: the second save is refused, the first is kept."""

import pytest
from django.test import Client
from django.urls import reverse

from curation.models import Actor, AttributionCorrection, Statement
from tests.support.admin import form_data


@pytest.fixture
def carol(db):
    """Carol, a second editor."""
    from django.contrib.auth import get_user_model

    from curation.permissions import editor_group

    user = get_user_model().objects.create_user("carol", password="carol-password-123", is_staff=True)
    user.groups.add(editor_group())
    return user


@pytest.fixture
def carol_client(carol):
    client = Client()
    client.force_login(carol)
    return client


@pytest.fixture
def abadi_quote(seeded_as_published):
    return Statement.objects.get(speaker_as_printed="Abadi")


def test_it_refuses_the_second_save_and_keeps_the_first(editor_client, carol_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    alice_form = form_data(editor_client.get(url))
    carol_form = form_data(carol_client.get(url))
    alice_form["kind"] = "indirect"
    assert editor_client.post(url, alice_form).status_code == 302
    carol_form["speaker_as_printed"] = "Prime Minister Abadi"
    response = carol_client.post(url, carol_form)
    assert response.status_code == 200
    assert "Someone else changed this statement" in response.content.decode()
    abadi_quote.refresh_from_db()
    assert (abadi_quote.kind, abadi_quote.speaker_as_printed, abadi_quote.version) == ("indirect", "Abadi", 2)


def test_it_refuses_a_stale_reattribution_without_recording_a_correction(editor_client, carol_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    alice_form = form_data(editor_client.get(url))
    carol_form = form_data(carol_client.get(url))
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    alice_form.update(speaker=str(jaafari.pk), reason="Jaafari said it.")
    editor_client.post(url, alice_form)
    carol_form.update(speaker=str(Actor.objects.get(slug="fuad-hussein").pk), reason="Hussein said it.")
    response = carol_client.post(url, carol_form)
    assert "Someone else changed this statement" in response.content.decode()
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker == jaafari
    assert list(AttributionCorrection.objects.values_list("reason", flat=True)) == ["Jaafari said it."]


def test_it_refuses_a_form_opened_before_a_bulk_action(editor_client, carol_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    carol_form = form_data(carol_client.get(url))
    editor_client.post(
        reverse("admin:curation_statement_changelist"), {"action": "unpublish", "_selected_action": [abadi_quote.pk]}
    )
    carol_form["kind"] = "claim"
    response = carol_client.post(url, carol_form)
    assert "Someone else changed this statement" in response.content.decode()
    abadi_quote.refresh_from_db()
    assert (abadi_quote.published, abadi_quote.kind) == (False, "direct")


def test_it_rolls_back_a_save_that_loses_the_race_after_the_form_check(
    editor_client, carol_client, abadi_quote, monkeypatch
):
    from curation.admin.forms import StatementChangeForm

    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    carol_form = form_data(carol_client.get(url))
    Statement.objects.filter(pk=abadi_quote.pk).update(version=5)
    # Both saves pass the form's check; only the service, under a lock, sees the newer version.
    monkeypatch.setattr(StatementChangeForm, "_check_version", lambda self, opened_version: None)
    carol_form.update(kind="claim", speaker=str(Actor.objects.get(slug="fuad-hussein").pk), reason="Race.")
    response = carol_client.post(url, carol_form, follow=True)
    assert any("Someone else changed this statement" in str(m) for m in response.context["messages"])
    abadi_quote.refresh_from_db()
    assert (abadi_quote.kind, abadi_quote.speaker.slug, abadi_quote.version) == ("direct", "haider-al-abadi", 5)
    assert not AttributionCorrection.objects.exists()


def test_it_tells_the_second_editor_what_the_first_changed(editor_client, carol_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    alice_form = form_data(editor_client.get(url))
    carol_form = form_data(carol_client.get(url))
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    alice_form.update(speaker=str(jaafari.pk), reason="Jaafari said it.", kind="indirect")
    editor_client.post(url, alice_form)
    carol_form["speaker_as_printed"] = "Prime Minister Abadi"
    page = carol_client.post(url, carol_form).content.decode()
    assert "Since you opened it, alice changed:" in page
    assert "speaker (Haider al-Abadi → Ibrahim al-Jaafari)" in page
    assert "kind (direct quote → indirect quote)" in page
