"""Every version page of the admin's history answers, read-only; none is a server error."""

import pytest

from curation.models import Actor, Article, Statement, Tag
from curation.services import tag_merge


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="root-password-123"))
    return client


@pytest.mark.parametrize("model", [Article, Actor, Tag, Statement], ids=lambda model: model._meta.model_name)
def test_it_shows_every_version_of_an_object(seeded, admin_client, model):
    name = model._meta.model_name
    changed = model.objects.filter(corrections__isnull=False) if model is Statement else model.objects
    item = changed.order_by("pk").first()
    versions = list(item.history.all())
    assert versions, "the seeds leave history to look at"
    listing = admin_client.get(f"/admin/curation/{name}/{item.pk}/history/")
    assert listing.status_code == 200
    for version in versions:
        page = admin_client.get(f"/admin/curation/{name}/{item.pk}/history/{version.history_id}/")
        assert page.status_code == 200, (name, version.history_id)
        assert str(item) in page.content.decode() or name == "statement"


def test_it_shows_the_version_of_a_topic_merged_away(editor, admin_client):
    survivor = Tag.objects.create(name="Security", slug="security")
    merged = Tag.objects.create(name="Terrorism", slug="terrorism")
    pk = merged.pk
    tag_merge(survivor=survivor, merged=merged, by=editor)
    versions = list(Tag.history.filter(id=pk))
    assert len(versions) >= 2, "created, then deleted by the merge"
    for version in versions:
        assert admin_client.get(f"/admin/curation/tag/{pk}/history/{version.history_id}/").status_code == 200


@pytest.mark.parametrize("version", ["abc", "99999999", "1%00", "-1", "1.5", "9" * 40])
def test_it_answers_a_version_that_is_no_version_with_a_404(seeded, admin_client, version):
    article = Article.objects.order_by("pk").first()
    assert admin_client.get(f"/admin/curation/article/{article.pk}/history/{version}/").status_code == 404


def test_it_refuses_to_revert_through_a_version_page(seeded, admin_client):
    article = Article.objects.order_by("pk").first()
    version = article.history.first()
    response = admin_client.post(f"/admin/curation/article/{article.pk}/history/{version.history_id}/", {})
    assert response.status_code == 405
