"""Merging duplicate actors and tags: one survives, nothing attached to the other is lost or rewritten."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from curation.extraction.names import normalise_name
from curation.models import (
    Actor,
    ActorAlias,
    ActorSlugRedirect,
    AttributionCorrection,
    AttributionFlag,
    Merge,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
)
from curation.services.corrections import HISTORY_REASON_LENGTH
from curation.services.counts import public_counts_refresh
from curation.services.search_index import statements_index


@transaction.atomic
def actor_merge(*, survivor: Actor, merged: Actor, by) -> Actor:
    """Fold ``merged`` into ``survivor``: one actor, nothing lost, nothing rewritten.

    Statements, aliases, roles, flag suggestions and former slugs move to the
    survivor; the merged name becomes an alias. The merged actor stays as a
    record (``merged_into``), so corrections keep naming whom they named and
    its address leads to the survivor. The merge itself is recorded.
    """
    survivor, merged = _actors_locked(survivor, merged)
    _refuse_actor_merge(survivor, merged)
    why = f"Merged {merged.name} ({merged.slug}) into {survivor.name}"
    moved = _move_statements(
        Statement.objects.filter(Q(speaker=merged) | Q(shown_speaker=merged)), merged, survivor, by=by, why=why
    )
    AttributionFlag.objects.filter(suggested_speaker=merged).update(suggested_speaker=survivor)
    _move_aliases(ActorAlias, "actor", survivor, merged)
    _move_roles(survivor, merged)
    ActorSlugRedirect.objects.filter(actor=merged).update(actor=survivor)
    _keep_description(survivor, merged, by=by, why=why)
    merged.merged_into = survivor
    merged._history_user = by
    merged._change_reason = why[:HISTORY_REASON_LENGTH]
    merged.save(update_fields=["merged_into", "updated_at"])
    Merge.objects.create(
        kind=Merge.Kind.ACTOR,
        merged_name=merged.name,
        merged_slug=merged.slug,
        survivor_actor=survivor,
        statements_moved=moved,
        editor=by,
    )
    public_counts_refresh(actor_ids=[survivor.pk, merged.pk])
    return survivor


def _actors_locked(survivor: Actor, merged: Actor) -> tuple[Actor, Actor]:
    # Locked in id order, as every reattribution locks the actors it changes:
    # a statement given to ``merged`` meanwhile either moves with it or is
    # refused for naming a merged actor, never left behind.
    locked = Actor.objects.select_for_update().in_bulk(sorted({survivor.pk, merged.pk}))
    return locked[survivor.pk], locked[merged.pk]


def _refuse_actor_merge(survivor: Actor, merged: Actor) -> None:
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different actors to merge.")
    for actor in (survivor, merged):
        if actor.merged_into_id is not None:
            raise ValidationError(f"{actor.name} was already merged into {actor.survivor().name}; merge that one.")
    linking = AttributionCorrection.objects.filter(
        Q(from_actor=merged, to_actor=survivor) | Q(from_actor=survivor, to_actor=merged)
    )
    if linking.exists():
        # A correction that says "not X but Y" would read "not Y but Y" after
        # the merge; the record is append-only, so the merge must not happen.
        raise ValidationError(
            f"A correction moved a statement between {merged.name} and {survivor.name}; "
            "they were recorded as different actors, so they cannot be merged."
        )


def _move_statements(statements, merged: Actor, survivor: Actor, *, by, why: str) -> int:
    """Point statements said by, or shown as said by, ``merged`` at ``survivor``; return how many.

    Saved one by one, so each history entry holds the statement's tags as
    they are (a bulk update would record them as removed).
    """
    moved = 0
    for statement in statements.select_for_update():
        if statement.speaker_id == merged.pk:
            statement.speaker = survivor
        if statement.shown_speaker_id == merged.pk:
            # The same actor under another record: not a change readers are told of.
            statement.shown_speaker = survivor
        statement.version += 1
        statement._history_user = by
        statement._change_reason = why[:HISTORY_REASON_LENGTH]
        statement.save(update_fields=["speaker", "shown_speaker", "version", "updated_at"])
        statements_index([statement])
        moved += 1
    return moved


def _keep_description(survivor, merged, *, by, why: str) -> None:
    if merged.description and merged.description not in survivor.description:
        survivor.description = "\n\n".join(part for part in (survivor.description, merged.description) if part)
    survivor._history_user = by
    survivor._change_reason = why[:HISTORY_REASON_LENGTH]
    survivor.save()


def _tag_fold_into(survivor: Tag, merged: Tag, *, by, why: str) -> None:
    """Finish a tag merge: keep both descriptions, delete ``merged``, and point its slugs at ``survivor``."""
    TagSlugRedirect.objects.filter(tag=merged).update(tag=survivor)
    _keep_description(survivor, merged, by=by, why=why)
    old_slug = merged.slug
    merged._history_user = by
    merged._change_reason = why[:HISTORY_REASON_LENGTH]
    merged.delete()
    TagSlugRedirect.objects.create(old_slug=old_slug, tag=survivor)


def _move_aliases(alias_model, owner_field: str, survivor, merged) -> None:
    known = set(alias_model.objects.filter(**{owner_field: survivor}).values_list("normalised", flat=True))
    for alias in alias_model.objects.filter(**{owner_field: merged}):
        if alias.normalised in known:
            alias.delete()  # The survivor already answers to this name.
            continue
        setattr(alias, owner_field, survivor)
        alias.save()
        known.add(alias.normalised)
    if normalise_name(merged.name) not in known:
        alias_model.objects.create(**{owner_field: survivor, "name": merged.name})


def _move_roles(survivor: Actor, merged: Actor) -> None:
    held = set(survivor.roles.values_list("title", "organisation", "start", "end"))
    for role in merged.roles.all():
        if (role.title, role.organisation, role.start, role.end) in held:
            role.delete()  # The same dated role, recorded twice.
            continue
        role.actor = survivor
        role.save(update_fields=["actor"])


@transaction.atomic
def tag_merge(*, survivor: Tag, merged: Tag, by) -> Tag:
    """Fold ``merged`` into ``survivor``: its statements, aliases, children and old slugs move over."""
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different tags to merge.")
    why = f"Tag {merged.name} ({merged.slug}) merged into {survivor.name}"
    moved = _move_statement_tags(survivor, merged, by=by, why=why)
    if merged.pk in _tag_ancestor_ids(survivor):
        # The survivor takes the merged tag's place in the tree, or the
        # merged tag's children would end up above the survivor.
        survivor.parent_id = merged.parent_id
    Tag.objects.filter(parent=merged).exclude(pk=survivor.pk).update(parent=survivor)
    _move_aliases(TagAlias, "tag", survivor, merged)
    merge = Merge(kind=Merge.Kind.TAG, merged_name=merged.name, merged_slug=merged.slug, statements_moved=moved)
    _tag_fold_into(survivor, merged, by=by, why=why)
    merge.survivor_tag, merge.editor = survivor, by
    merge.save()
    public_counts_refresh(tag_ids=[survivor.pk])
    return survivor


def _tag_ancestor_ids(tag: Tag) -> set[int]:
    ancestors, parent_id = set(), tag.parent_id
    while parent_id is not None and parent_id not in ancestors:
        ancestors.add(parent_id)
        parent_id = Tag.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return ancestors


def _move_statement_tags(survivor: Tag, merged: Tag, *, by, why: str) -> int:
    """Tag every statement of ``merged`` with ``survivor`` instead; return how many statements."""
    links = Statement.tags.through.objects
    statement_ids = set(links.filter(tag=merged).values_list("statement_id", flat=True))
    already = set(links.filter(tag=survivor, statement_id__in=statement_ids).values_list("statement_id", flat=True))
    links.bulk_create([links.model(statement_id=pk, tag=survivor) for pk in statement_ids - already])
    links.filter(tag=merged).delete()
    # Saved one by one, so each history entry holds the statement's tags as they now are.
    for statement in Statement.objects.select_for_update().filter(pk__in=statement_ids):
        statement.version += 1
        statement._history_user = by
        statement._change_reason = why[:HISTORY_REASON_LENGTH]
        statement.save(update_fields=["version", "updated_at"])
    statements_index(statement_ids)
    return len(statement_ids)
