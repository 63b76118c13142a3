"""Merging duplicate actors and tags: everything moves to the survivor, nothing is lost."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    ActorSlugRedirect,
    AttributionCorrection,
    AttributionFlag,
    Merge,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
)
from curation.selectors import actor_find, tag_find
from curation.services import actor_merge, statement_reattribute, tag_merge


@pytest.fixture
def jaafari(seeded):
    return Actor.objects.get(slug="ibrahim-al-jaafari")


@pytest.fixture
def duplicate(jaafari, editor):
    """A second Jaafari, created by mistake, with a little of everything attached."""
    duplicate = Actor.objects.create(name="I. Jaafari", slug="i-jaafari", description="Iraqi diplomat.")
    ActorAlias.objects.create(actor=duplicate, name="Dr. Ibrahim al-Jaafari")
    ActorAlias.objects.create(actor=duplicate, name="Jaafari")
    held = jaafari.roles.first()
    ActorRole.objects.create(
        actor=duplicate, title=held.title, organisation=held.organisation, start=held.start, end=held.end
    )
    ActorRole.objects.create(
        actor=duplicate,
        title="Member of Parliament",
        organisation="Council of Representatives",
        start=datetime.date(2010, 3, 7),
        end=datetime.date(2014, 9, 8),
    )
    ActorSlugRedirect.objects.create(old_slug="ibrahim-jaafari-old", actor=duplicate)
    hussein_quote = Statement.objects.filter(speaker__slug="fuad-hussein").first()
    statement_reattribute(statement=hussein_quote, to_actor=duplicate, by=editor, reason="Test setup.")
    AttributionFlag.objects.create(
        statement=hussein_quote, code="role_mismatch", message="Check.", suggested_speaker=duplicate
    )
    return duplicate


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Statement,
            AttributionCorrection,
            AttributionFlag,
            ActorRole,
            Actor,
            ActorAlias,
            ActorSlugRedirect,
        )
    }


def test_it_moves_everything_of_the_merged_actor_to_the_survivor(jaafari, duplicate, editor):
    statements = {*duplicate.statements.values_list("pk", flat=True), *jaafari.statements.values_list("pk", flat=True)}
    before = row_counts()
    actor_merge(survivor=jaafari, merged=duplicate, by=editor)
    after = row_counts()
    assert after["Statement"] == before["Statement"]
    assert after["AttributionCorrection"] == before["AttributionCorrection"]
    assert after["AttributionFlag"] == before["AttributionFlag"]
    # The merged actor stays as a record, pointing at the survivor.
    assert after["Actor"] == before["Actor"]
    duplicate.refresh_from_db()
    assert duplicate.merged_into == jaafari
    # One duplicated role and one duplicated alias are folded; the merged name becomes an alias.
    assert after["ActorRole"] == before["ActorRole"] - 1
    assert after["ActorAlias"] == before["ActorAlias"] - 1 + 1
    assert after["ActorSlugRedirect"] == before["ActorSlugRedirect"]
    assert set(jaafari.statements.values_list("pk", flat=True)) == statements
    # Corrections are never rewritten: the one naming the duplicate still names it.
    assert AttributionCorrection.objects.filter(to_actor=duplicate, reason="Test setup.").count() == 1
    merge = Merge.objects.get()
    assert (merge.kind, merge.merged_slug, merge.survivor_actor, merge.editor) == (
        "actor",
        "i-jaafari",
        jaafari,
        editor,
    )
    assert AttributionFlag.objects.get(message="Check.").suggested_speaker == jaafari
    assert {"I. Jaafari", "Dr. Ibrahim al-Jaafari", "Jaafari"} <= set(jaafari.aliases.values_list("name", flat=True))
    assert jaafari.roles.filter(title="Member of Parliament").exists()
    assert jaafari.roles.filter(title="Prime Minister").count() == 1
    assert "Iraqi diplomat." in Actor.objects.get(pk=jaafari.pk).description


def test_it_keeps_the_old_slugs_resolving_to_the_survivor(jaafari, duplicate, editor):
    actor_merge(survivor=jaafari, merged=duplicate, by=editor)
    assert actor_find("i-jaafari") == jaafari
    assert actor_find("ibrahim-jaafari-old") == jaafari


def test_it_moves_statements_on_with_a_new_version_and_a_history_entry(jaafari, duplicate, editor):
    moved = duplicate.statements.get()
    version = moved.version
    actor_merge(survivor=jaafari, merged=duplicate, by=editor)
    moved.refresh_from_db()
    assert moved.version == version + 1
    latest = moved.history.first()
    assert latest.speaker_id == jaafari.pk and "Merged I. Jaafari" in latest.history_change_reason
    assert latest.history_user == editor


def test_it_refuses_to_merge_actors_a_correction_tells_apart(seeded, editor):
    abadi, jaafari = Actor.objects.get(slug="haider-al-abadi"), Actor.objects.get(slug="ibrahim-al-jaafari")
    before = row_counts()
    with pytest.raises(ValidationError, match="cannot be merged"):
        actor_merge(survivor=jaafari, merged=abadi, by=editor)
    assert row_counts() == before


def test_it_refuses_to_merge_an_actor_into_itself(jaafari, editor):
    with pytest.raises(ValidationError, match="two different"):
        actor_merge(survivor=jaafari, merged=jaafari, by=editor)


@pytest.fixture
def anti_terrorism(seeded):
    """A duplicate of "Counter-terrorism", with a child, an alias, a redirect and statements."""
    duplicate = Tag.objects.create(name="Anti-terrorism", slug="anti-terrorism")
    TagAlias.objects.create(tag=duplicate, name="Fight against terror")
    TagSlugRedirect.objects.create(old_slug="terrorism-fight", tag=duplicate)
    Tag.objects.create(name="Terror financing", slug="terror-financing", parent=duplicate)
    survivor = Tag.objects.get(slug="counter-terrorism")
    both = survivor.statements.first()
    only_duplicate = Statement.objects.exclude(tags=survivor).first()
    both.tags.add(duplicate)
    only_duplicate.tags.add(duplicate)
    return duplicate


def tag_links():
    return Statement.tags.through.objects


def test_it_moves_statements_children_aliases_and_slugs_to_the_surviving_tag(anti_terrorism, editor):
    survivor = Tag.objects.get(slug="counter-terrorism")
    tagged = {
        *anti_terrorism.statements.values_list("pk", flat=True),
        *survivor.statements.values_list("pk", flat=True),
    }
    links_before = tag_links().count()
    tag_merge(survivor=survivor, merged=anti_terrorism, by=editor)
    assert set(survivor.statements.values_list("pk", flat=True)) == tagged
    # The statement that had both tags keeps one link, not two.
    assert tag_links().count() == links_before - 1
    assert Tag.objects.get(slug="terror-financing").parent == survivor
    assert {"Anti-terrorism", "Fight against terror"} <= set(survivor.aliases.values_list("name", flat=True))
    assert tag_find("anti-terrorism") == survivor and tag_find("terrorism-fight") == survivor
    assert not Tag.objects.filter(slug="anti-terrorism").exists()


def test_it_lets_a_child_survive_its_parent_without_a_loop(seeded, editor):
    grandparent = Tag.objects.create(name="Politics", slug="politics")
    parent = Tag.objects.create(name="Terrorism", slug="terrorism", parent=grandparent)
    middle = Tag.objects.create(name="Terror groups", slug="terror-groups", parent=parent)
    survivor = Tag.objects.create(name="Terrorist groups", slug="terrorist-groups", parent=middle)
    tag_merge(survivor=survivor, merged=parent, by=editor)
    survivor.refresh_from_db()
    middle.refresh_from_db()
    assert survivor.parent == grandparent
    assert middle.parent == survivor
