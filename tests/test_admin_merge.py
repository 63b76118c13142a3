"""Merging actors and tags from the admin, after choosing the survivor on a confirmation page."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from curation.models import Actor, ActorAlias, Statement, Tag, TagSlugRedirect
from curation.selectors import actor_find
from tests.support.admin import form_data


def merge(client, model, action, objects, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(obj.pk) for obj in objects], **extra}
    return client.post(reverse(f"admin:curation_{model}_changelist"), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def duplicate(seeded):
    duplicate = Actor.objects.create(name="F. Hussein", slug="f-hussein")
    ActorAlias.objects.create(actor=duplicate, name="Fuad M. Hussein")
    statement = Statement.objects.filter(speaker__isnull=True).first() or Statement.objects.first()
    Statement.objects.filter(pk=statement.pk).update(speaker=duplicate)
    return duplicate


def test_it_asks_which_actor_to_keep_before_merging(editor_client, duplicate):
    hussein = Actor.objects.get(slug="fuad-hussein")
    response = merge(editor_client, "actor", "merge_actors", [hussein, duplicate])
    assert response.templates[0].name == "admin/curation/action_page.html"
    page = response.content.decode()
    assert "F. Hussein" in page and "Fuad Hussein" in page
    assert Actor.objects.filter(pk=duplicate.pk).exists()


def test_it_merges_the_actors_into_the_one_kept(editor_client, duplicate):
    hussein = Actor.objects.get(slug="fuad-hussein")
    moved = list(duplicate.statements.values_list("pk", flat=True))
    response = merge(editor_client, "actor", "merge_actors", [hussein, duplicate], apply="1", survivor=str(hussein.pk))
    assert "Merged F. Hussein into Fuad Hussein." in messages_of(response)
    # The merged actor stays as a record pointing at the survivor, so corrections naming it keep their words.
    duplicate.refresh_from_db()
    assert duplicate.merged_into == hussein
    assert set(moved) <= set(hussein.statements.values_list("pk", flat=True))
    assert actor_find("f-hussein") == hussein
    assert {"F. Hussein", "Fuad M. Hussein"} <= set(hussein.aliases.values_list("name", flat=True))


def test_it_explains_why_a_merge_is_refused(editor_client, seeded):
    abadi, jaafari = Actor.objects.get(slug="haider-al-abadi"), Actor.objects.get(slug="ibrahim-al-jaafari")
    response = merge(editor_client, "actor", "merge_actors", [abadi, jaafari], apply="1", survivor=str(jaafari.pk))
    assert any("cannot be merged" in message for message in messages_of(response))
    assert Actor.objects.filter(pk=abadi.pk).exists()


def test_it_needs_two_actors_to_merge(editor_client, seeded):
    response = merge(editor_client, "actor", "merge_actors", [Actor.objects.first()])
    assert "Select at least two actors to merge." in messages_of(response)


def test_it_refuses_a_survivor_outside_the_selection(editor_client, duplicate):
    hussein, other = Actor.objects.get(slug="fuad-hussein"), Actor.objects.get(slug="barham-salih")
    response = merge(editor_client, "actor", "merge_actors", [hussein, duplicate], apply="1", survivor=str(other.pk))
    assert response.context["form"].errors["survivor"]
    assert Actor.objects.filter(pk=duplicate.pk).exists()


def test_it_merges_tags(editor_client, seeded):
    survivor = Tag.objects.get(slug="counter-terrorism")
    duplicate = Tag.objects.create(name="Counter terrorism", slug="counter-terrorism-2")
    statement = Statement.objects.exclude(tags=survivor).first()
    statement.tags.add(duplicate)
    response = merge(editor_client, "tag", "merge_tags", [survivor, duplicate], apply="1", survivor=str(survivor.pk))
    assert "Merged Counter terrorism into Counter-terrorism." in messages_of(response)
    assert survivor in statement.tags.all()
    assert TagSlugRedirect.objects.get(old_slug="counter-terrorism-2").tag == survivor


def test_it_finds_actors_by_alias_for_the_speaker_autocomplete(editor_client, seeded):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Jaafari",
            "app_label": "curation",
            "model_name": "statement",
            "field_name": "speaker",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Ibrahim al-Jaafari"]
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Daesh",
            "app_label": "curation",
            "model_name": "statement",
            "field_name": "tags",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Islamic State"]


def actor_form(client, actor):
    url = reverse("admin:curation_actor_change", args=[actor.pk])
    return url, form_data(client.get(url))


def test_it_edits_aliases_and_dated_roles_inline(editor_client, seeded):
    actor = Actor.objects.get(slug="hazem-al-yousifi")
    url, data = actor_form(editor_client, actor)
    new_alias, new_role = int(data["aliases-TOTAL_FORMS"]) - 1, int(data["roles-TOTAL_FORMS"]) - 1
    data.update(
        {
            f"aliases-{new_alias}-name": "Undersecretary Yousifi",
            f"roles-{new_role}-title": "Ambassador",
            f"roles-{new_role}-start": "2020-01-01",
            f"roles-{new_role}-end": "2019-01-01",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200, "a role that ends before it starts is refused"
    data[f"roles-{new_role}-end"] = "2021-01-01"
    assert editor_client.post(url, data).status_code == 302
    assert actor.aliases.filter(name="Undersecretary Yousifi").exists()
    assert actor.roles.filter(title="Ambassador", end="2021-01-01").exists()


def test_it_refuses_an_alias_the_actor_already_has(editor_client, seeded):
    actor = Actor.objects.get(slug="hazem-al-yousifi")
    existing = actor.aliases.first()
    url, data = actor_form(editor_client, actor)
    data[f"aliases-{int(data['aliases-TOTAL_FORMS']) - 1}-name"] = existing.name.upper()
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "is the same alias as" in response.content.decode()
    assert actor.aliases.filter(normalised=existing.normalised).count() == 1
