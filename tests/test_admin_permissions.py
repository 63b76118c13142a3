"""Who reaches the desk: editors do, with exactly their permissions; readers never do."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from curation.models import Actor, Article, Statement, Tag
from curation.permissions import EDITOR_GROUP_NAME, editor_permission_codenames

editor_group_migration = importlib.import_module("curation.migrations.0002_editor_group")


def group_codenames():
    group = Group.objects.get(name=EDITOR_GROUP_NAME)
    return set(group.permissions.values_list("codename", flat=True))


def test_it_creates_the_editor_group_with_exactly_the_desk_permissions(db):
    assert group_codenames() == editor_permission_codenames()
    assert "delete_attributioncorrection" not in group_codenames()
    assert "change_attributioncorrection" not in group_codenames()


def test_it_creates_the_group_on_a_database_without_permissions_and_removes_it_in_reverse(db):
    Permission.objects.filter(content_type__app_label="curation").delete()
    Group.objects.filter(name=EDITOR_GROUP_NAME).delete()
    schema_editor = SimpleNamespace(connection=SimpleNamespace(alias="default"))
    editor_group_migration.create_editor_group(apps, schema_editor)
    assert group_codenames() == editor_permission_codenames()
    editor_group_migration.remove_editor_group(apps, schema_editor)
    assert not Group.objects.filter(name=EDITOR_GROUP_NAME).exists()
    assert apps.get_app_config("curation").models_module is not None


@pytest.mark.parametrize("url", ["admin:index", "admin:curation_statement_changelist"])
def test_it_sends_an_anonymous_visitor_to_the_login_page(client, db, url):
    response = client.get(reverse(url))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_it_keeps_a_logged_in_reader_out_of_the_desk(client, reader, seeded):
    client.force_login(reader)
    response = client.get(reverse("admin:curation_statement_changelist"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    statement = Statement.objects.exclude(kind="claim").first()
    response = client.post(reverse("admin:curation_statement_change", args=[statement.pk]), {"kind": "claim"})
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.kind != "claim"


def test_it_shows_staff_outside_the_editor_group_nothing(client, seeded):
    staff = get_user_model().objects.create_user("dave", password="dave-password-123", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:curation_statement_changelist")).status_code == 403


def test_it_lets_editors_reject_but_not_delete(editor_client, seeded):
    statement = Statement.objects.first()
    response = editor_client.get(reverse("admin:curation_statement_changelist"))
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "reject" in actions and "delete_selected" not in actions
    assert editor_client.get(reverse("admin:curation_statement_delete", args=[statement.pk])).status_code == 403
    actor = Actor.objects.first()
    delete_url = reverse("admin:curation_actor_delete", args=[actor.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Actor.objects.filter(pk=actor.pk).exists()


@pytest.mark.parametrize("model", [Article, Actor, Tag, Statement])
def test_it_lets_editors_open_the_history_of_an_object(editor_client, seeded, model):
    obj = model.objects.first()
    change_page = editor_client.get(reverse(f"admin:curation_{model._meta.model_name}_change", args=[obj.pk]))
    history_url = reverse(f"admin:curation_{model._meta.model_name}_history", args=[obj.pk])
    assert history_url in change_page.content.decode()
    response = editor_client.get(history_url)
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) >= 1
