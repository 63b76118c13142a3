"""The kept public-statement counts stay equal to a fresh count through every service."""

import pytest
from django.core.management import call_command

from curation.models import Actor, Article, Statement, Tag
from curation.services import (
    actor_merge,
    article_update,
    public_counts_rebuild,
    statement_reattribute,
    statements_add_tags,
    statements_remove_tags,
    statements_set_published,
    statements_set_review_status,
    tag_merge,
)
from curation.services.counts import public_counts_differences
from tests.support.builders import archive_build


def kept_counts():
    return (
        dict(Actor.objects.values_list("slug", "public_statement_count")),
        dict(Tag.objects.values_list("slug", "public_statement_count")),
    )


def assert_counts_are_fresh():
    kept = kept_counts()
    public_counts_rebuild()
    assert kept_counts() == kept


def test_it_counts_the_seeds(seeded):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    assert jaafari.public_statement_count == Statement.objects.public().filter(speaker=jaafari).count() == 4
    assert Actor.objects.get(slug="haider-al-abadi").public_statement_count == 0
    assert_counts_are_fresh()


def test_it_keeps_counts_through_reattribution_and_publication(seeded, editor):
    abadi_quote = Statement.objects.get(speaker_as_printed="Abadi")
    statement_reattribute(
        statement=abadi_quote, to_actor=Actor.objects.get(slug="haider-al-abadi"), by=editor, reason="Back"
    )
    assert Actor.objects.get(slug="haider-al-abadi").public_statement_count == 1
    assert_counts_are_fresh()
    statements_set_published(statements=[abadi_quote], published=False, by=editor)
    assert not Actor.objects.public().filter(slug="haider-al-abadi").exists()
    assert_counts_are_fresh()
    statements_set_published(statements=[abadi_quote], published=True, by=editor)
    statements_set_review_status(statements=[abadi_quote], status=Statement.ReviewStatus.REJECTED, by=editor)
    assert Actor.objects.get(slug="haider-al-abadi").public_statement_count == 0
    assert_counts_are_fresh()


def test_it_keeps_counts_through_tagging(seeded, editor):
    statements = list(Statement.objects.public()[:5])
    tag = Tag.objects.create(name="Sleeper cells", slug="sleeper-cells")
    statements_add_tags(statements=statements, tags=[tag], by=editor)
    tag.refresh_from_db()
    assert tag.public_statement_count == 5
    statements_remove_tags(statements=statements[:2], tags=[tag], by=editor)
    tag.refresh_from_db()
    assert tag.public_statement_count == 3
    assert_counts_are_fresh()


def test_it_keeps_counts_when_an_article_is_withdrawn(seeded, editor):
    article = Article.objects.get(import_key__startswith="001_")
    article.status = Article.Status.DRAFT
    article_update(article=article, by=editor, changed_fields=["status"])
    assert not Actor.objects.public().filter(slug="fuad-hussein").exists()
    assert_counts_are_fresh()


def test_it_keeps_counts_through_merges(seeded, editor):
    actor_merge(
        survivor=Actor.objects.get(slug="barham-salih"), merged=Actor.objects.get(slug="iraqi-presidency"), by=editor
    )
    assert Actor.objects.get(slug="barham-salih").public_statement_count == 2
    tag_merge(survivor=Tag.objects.get(slug="security"), merged=Tag.objects.get(slug="reconstruction"), by=editor)
    assert_counts_are_fresh()


def test_it_does_not_let_a_stale_copy_write_its_count_back(seeded, editor):
    stale = Actor.objects.get(slug="haider-al-abadi")
    statement_reattribute(
        statement=Statement.objects.get(speaker_as_printed="Abadi"), to_actor=stale, by=editor, reason="Back"
    )
    stale.description = "Edited in a form opened before the reattribution."
    stale.save()
    assert Actor.objects.get(slug="haider-al-abadi").public_statement_count == 1


@pytest.mark.django_db
def test_it_recounts_everything_on_command(seeded, capsys):
    Actor.objects.update(public_statement_count=0)
    call_command("refresh_public_counts")
    assert Actor.objects.get(slug="ibrahim-al-jaafari").public_statement_count == 4
    assert "recounted" in capsys.readouterr().out


def test_the_grouped_recount_agrees_with_a_count_per_row_whatever_the_counts_held(seeded, editor):
    """The rebuild counts with one GROUP BY a table; ``public_counts_differences`` counts row by row."""
    archive_build(12, editor)
    for number, actor in enumerate(Actor.objects.order_by("pk")):
        Actor.objects.filter(pk=actor.pk).update(public_statement_count=number * 7 % 5)
    Tag.objects.update(public_statement_count=99)
    assert public_counts_differences() != {"actors": [], "tags": []}
    public_counts_rebuild()
    assert public_counts_differences() == {"actors": [], "tags": []}
    assert Tag.objects.filter(public_statement_count__gt=0).exists()
