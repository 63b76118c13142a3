"""The statement list and its bulk actions, through the admin's real views."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from curation.models import Actor, AttributionCorrection, AttributionFlag, ReviewDecision, Statement, Tag
from tests.support.admin import form_data

CHANGELIST = "admin:curation_statement_changelist"


def run_action(client, action, statements, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(statement.pk) for statement in statements], **extra}
    return client.post(reverse(CHANGELIST), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def abadi_quote(seeded_as_published):
    return Statement.objects.get(speaker_as_printed="Abadi")


def test_it_lists_statements_with_their_attribution_and_state(editor_client, seeded):
    response = editor_client.get(reverse(CHANGELIST), {"q": "dormant cells"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Abadi" in page and "Ibrahim al-Jaafari" in page
    rows = list(response.context["cl"].result_list)
    assert [row.speaker.slug for row in rows] == ["ibrahim-al-jaafari"]
    assert rows[0].is_corrected is True


def test_it_keeps_the_list_to_a_fixed_number_of_queries(editor_client, seeded, django_assert_max_num_queries):
    AttributionFlag.objects.create(statement=Statement.objects.first(), code="unattributed", message="No speaker.")
    with django_assert_max_num_queries(14):
        response = editor_client.get(reverse(CHANGELIST), {"all": ""})
    assert len(response.context["cl"].result_list) == Statement.objects.count() == 42


def test_it_finds_a_statement_by_an_alias_of_its_speaker(editor_client, seeded):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    alias = jaafari.aliases.first()
    response = editor_client.get(reverse(CHANGELIST), {"q": alias.name})
    rows = list(response.context["cl"].result_list)
    assert rows and all(row.speaker == jaafari or alias.name.lower() in row.text.lower() for row in rows)


def test_it_filters_corrected_statements(editor_client, seeded):
    response = editor_client.get(reverse(CHANGELIST), {"corrected": "yes"})
    assert [row.speaker_as_printed for row in response.context["cl"].result_list] == ["Abadi"]
    response = editor_client.get(reverse(CHANGELIST), {"corrected": "no"})
    assert len(response.context["cl"].result_list) == 41


def test_it_filters_by_speaker_and_by_statements_without_one(editor_client, seeded):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    response = editor_client.get(reverse(CHANGELIST), {"speaker": jaafari.pk})
    assert {row.speaker for row in response.context["cl"].result_list} == {jaafari}
    unattributed = Statement.objects.exclude(speaker=jaafari).first()
    unattributed.speaker = None
    unattributed.save(update_fields=["speaker"])
    response = editor_client.get(reverse(CHANGELIST), {"speaker": "none"})
    assert list(response.context["cl"].result_list) == [unattributed]


def test_it_answers_a_nonsense_filter_by_going_back_to_the_list_marked_in_error(editor_client, seeded):
    response = editor_client.get(reverse(CHANGELIST), {"speaker": "abc"})
    # Django's admin answers lookups it cannot apply by reloading the list with ?e=1.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
    assert editor_client.get(response["Location"]).status_code == 200


def test_it_filters_statements_with_open_flags(editor_client, seeded):
    flagged = Statement.objects.first()
    AttributionFlag.objects.create(statement=flagged, code="unattributed", message="No speaker.")
    response = editor_client.get(reverse(CHANGELIST), {"flagged": "yes"})
    assert list(response.context["cl"].result_list) == [flagged]


def test_it_confirms_in_bulk_and_records_suggestions_as_decisions(editor_client, seeded, editor):
    suggestion, confirmed_rejected = Statement.objects.all()[:2]
    Statement.objects.filter(pk=suggestion.pk).update(review_status="suggested")
    Statement.objects.filter(pk=confirmed_rejected.pk).update(review_status="rejected", published=False)
    response = run_action(editor_client, "confirm", [suggestion, confirmed_rejected])
    assert "Confirmed 2 statements." in messages_of(response)
    assert set(
        Statement.objects.filter(pk__in=[suggestion.pk, confirmed_rejected.pk]).values_list("review_status", flat=True)
    ) == {"confirmed"}
    decision = ReviewDecision.objects.get()
    assert (decision.statement, decision.decision, decision.editor) == (suggestion, "confirmed", editor)


def test_it_rejects_in_bulk_and_withdraws_what_was_published(editor_client, seeded):
    statement = Statement.objects.filter(published=True).first()
    version = statement.version
    run_action(editor_client, "reject", [statement])
    statement.refresh_from_db()
    assert (statement.review_status, statement.published) == ("rejected", False)
    assert statement.version == version + 1


def test_it_publishes_only_confirmed_statements(editor_client, seeded):
    confirmed, suggested = Statement.objects.all()[:2]
    Statement.objects.filter(pk__in=[confirmed.pk, suggested.pk]).update(published=False)
    Statement.objects.filter(pk=suggested.pk).update(review_status="suggested")
    response = run_action(editor_client, "publish", [confirmed, suggested])
    assert "Published 1 statement." in messages_of(response)
    assert any("only confirmed statements" in message for message in messages_of(response))
    assert Statement.objects.get(pk=confirmed.pk).published is True
    assert Statement.objects.get(pk=suggested.pk).published is False


def test_it_unpublishes_in_bulk(editor_client, seeded):
    statements = list(Statement.objects.filter(published=True)[:3])
    run_action(editor_client, "unpublish", statements)
    assert not Statement.objects.filter(pk__in=[s.pk for s in statements], published=True).exists()


def test_it_asks_which_tags_to_add_before_adding_them(editor_client, seeded):
    statements = list(Statement.objects.all()[:2])
    response = run_action(editor_client, "add_tags", statements)
    assert response.status_code == 200
    assert response.templates[0].name == "admin/curation/action_page.html"
    assert "Add tags" in response.content.decode()


def test_it_adds_tags_in_bulk(editor_client, seeded):
    statements = list(Statement.objects.all()[:2])
    tag = Tag.objects.create(name="Border security", slug="border-security")
    response = run_action(editor_client, "add_tags", statements, apply="1", tags=[str(tag.pk)])
    assert "Tagged 2 statements." in messages_of(response)
    assert all(tag in statement.tags.all() for statement in statements)


def test_it_refuses_to_add_no_tags_and_asks_again(editor_client, seeded):
    statements = list(Statement.objects.all()[:2])
    response = run_action(editor_client, "add_tags", statements, apply="1")
    assert response.status_code == 200
    assert response.context["form"].errors["tags"]


def test_it_removes_tags_in_bulk(editor_client, seeded):
    statement = Statement.objects.filter(tags__isnull=False).first()
    tag = statement.tags.first()
    run_action(editor_client, "remove_tags", [statement], apply="1", tags=[str(tag.pk)])
    assert tag not in statement.tags.all()


def test_it_reattributes_in_bulk_after_a_confirmation_page(editor_client, seeded, editor):
    statements = list(Statement.objects.filter(speaker__slug="fuad-hussein")[:2])
    target = Actor.objects.get(slug="ibrahim-al-jaafari")
    page = run_action(editor_client, "reattribute", statements)
    assert "Reattribute statements" in page.content.decode()
    assert not AttributionCorrection.objects.filter(editor=editor).exists()
    response = run_action(
        editor_client,
        "reattribute",
        statements,
        apply="1",
        to_actor=str(target.pk),
        reason="Checked the source.",
    )
    assert any("2 corrections shown to readers" in message for message in messages_of(response))
    corrections = AttributionCorrection.objects.filter(editor=editor)
    assert {(c.from_actor.slug, c.to_actor.slug, c.reason) for c in corrections} == {
        ("fuad-hussein", "ibrahim-al-jaafari", "Checked the source.")
    }
    assert corrections.count() == 2


def test_it_refuses_a_bulk_reattribution_without_a_reason(editor_client, seeded, editor):
    statements = list(Statement.objects.filter(speaker__slug="fuad-hussein")[:2])
    target = Actor.objects.get(slug="ibrahim-al-jaafari")
    response = run_action(editor_client, "reattribute", statements, apply="1", to_actor=str(target.pk), reason="  ")
    assert response.context["form"].errors["reason"]
    assert response.context["form"]["to_actor"].value() == str(target.pk)
    assert not AttributionCorrection.objects.filter(editor=editor).exists()


def test_it_shows_the_statement_with_its_corrections(editor_client, seeded):
    abadi = Statement.objects.get(speaker_as_printed="Abadi")
    response = editor_client.get(reverse("admin:curation_statement_change", args=[abadi.pk]))
    page = response.content.decode()
    assert "Haider al-Abadi" in page and "Ibrahim al-Jaafari" in page
    assert "Corrections (append-only)" in page


def test_it_bumps_the_version_on_every_save(editor_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    data = form_data(editor_client.get(url))
    data["kind"] = "indirect"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    abadi_quote.refresh_from_db()
    assert (abadi_quote.kind, abadi_quote.version) == ("indirect", 2)


def test_it_saves_tag_changes_from_the_form(editor_client, abadi_quote):
    tag = Tag.objects.create(name="Sleeper cells", slug="sleeper-cells")
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    data = form_data(editor_client.get(url))
    data["tags"] = [*data.get("tags", []), str(tag.pk)]
    editor_client.post(url, data)
    abadi_quote.refresh_from_db()
    assert tag in abadi_quote.tags.all()
    assert abadi_quote.version == 2


def test_it_refuses_to_publish_an_unconfirmed_statement_from_the_form(editor_client, abadi_quote):
    Statement.objects.filter(pk=abadi_quote.pk).update(review_status="suggested", published=False)
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    data = form_data(editor_client.get(url))
    data["published"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Only a confirmed statement can be published" in response.content.decode()
    abadi_quote.refresh_from_db()
    assert abadi_quote.published is False


def test_it_adds_a_statement_anchored_in_the_text(editor_client, seeded):
    article = Statement.objects.get(speaker_as_printed="Abadi").article
    start = article.body.index("Abadi")
    response = editor_client.post(
        reverse("admin:curation_statement_add"),
        {
            "article": article.pk,
            "kind": "claim",
            "start": start,
            "end": start + 5,
            "speaker_as_printed": "",
            "review_status": "suggested",
        },
    )
    assert response.status_code == 302
    created = Statement.objects.get(article=article, start=start, end=start + 5)
    assert created.text == "Abadi" and created.prefix == article.body[max(0, start - 32) : start]


def test_it_refuses_a_statement_outside_the_text_and_keeps_the_input(editor_client, seeded):
    article = Statement.objects.first().article
    response = editor_client.post(
        reverse("admin:curation_statement_add"),
        {
            "article": article.pk,
            "kind": "claim",
            "start": 10,
            "end": len(article.body) + 5,
            "speaker_as_printed": "Somebody",
            "review_status": "suggested",
        },
    )
    assert response.status_code == 200
    assert "is not inside the article" in response.content.decode()
    assert response.context["adminform"].form["speaker_as_printed"].value() == "Somebody"


def test_it_lists_the_corrections_read_only(editor_client, seeded):
    response = editor_client.get(reverse("admin:curation_attributioncorrection_changelist"))
    assert response.status_code == 200
    assert "Abadi" in response.content.decode()
    correction = AttributionCorrection.objects.get()
    page = editor_client.get(reverse("admin:curation_attributioncorrection_change", args=[correction.pk]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False


def test_it_moves_the_version_on_even_for_a_save_without_changes(editor_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    editor_client.post(url, form_data(editor_client.get(url)))
    abadi_quote.refresh_from_db()
    assert abadi_quote.version == 2


def test_it_moves_the_version_on_once_for_a_reattribution_with_other_changes(editor_client, abadi_quote):
    url = reverse("admin:curation_statement_change", args=[abadi_quote.pk])
    data = form_data(editor_client.get(url))
    data.update(speaker=str(Actor.objects.get(slug="ibrahim-al-jaafari").pk), reason="Source.", kind="indirect")
    editor_client.post(url, data)
    abadi_quote.refresh_from_db()
    assert (abadi_quote.kind, abadi_quote.version) == ("indirect", 2)
