"""Merging duplicate actors and tags: one survives, nothing attached to the other is lost."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_update_with_history

from curation.extraction.names import normalise_name
from curation.models import (
    Actor,
    ActorAlias,
    ActorSlugRedirect,
    AttributionCorrection,
    AttributionFlag,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
)
from curation.services.corrections import HISTORY_REASON_LENGTH
from curation.services.counts import public_counts_refresh


@transaction.atomic
def actor_merge(*, survivor: Actor, merged: Actor, by) -> Actor:
    """Fold ``merged`` into ``survivor``: one actor, nothing lost.

    Statements, aliases, roles, corrections, flag suggestions and old slugs
    move to the survivor; the merged name becomes an alias and its slug keeps
    resolving through a redirect.
    """
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different actors to merge.")
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
    why = f"Merged {merged.name} ({merged.slug}) into {survivor.name}"
    statements = list(Statement.objects.select_for_update().filter(speaker=merged))
    for statement in statements:
        statement.speaker = survivor
        statement.version += 1
    bulk_update_with_history(
        statements, Statement, ["speaker", "version"], default_user=by, default_change_reason=why[:100]
    )
    AttributionCorrection.objects.filter(from_actor=merged).update(from_actor=survivor)
    AttributionCorrection.objects.filter(to_actor=merged).update(to_actor=survivor)
    AttributionFlag.objects.filter(suggested_speaker=merged).update(suggested_speaker=survivor)
    _move_aliases(ActorAlias, "actor", survivor, merged)
    _move_roles(survivor, merged)
    _fold_into(survivor, merged, ActorSlugRedirect, "actor", by=by, why=why)
    public_counts_refresh(actor_ids=[survivor.pk])
    return survivor


def _fold_into(survivor, merged, redirect_model, owner_field: str, *, by, why: str) -> None:
    """Finish a merge: keep both descriptions, delete ``merged``, and point its slugs at ``survivor``."""
    redirect_model.objects.filter(**{owner_field: merged}).update(**{owner_field: survivor})
    if merged.description and merged.description not in survivor.description:
        survivor.description = "\n\n".join(part for part in (survivor.description, merged.description) if part)
    survivor._history_user = by
    survivor._change_reason = why[:HISTORY_REASON_LENGTH]
    survivor.save()
    old_slug = merged.slug
    merged._history_user = by
    merged._change_reason = why[:HISTORY_REASON_LENGTH]
    merged.delete()
    redirect_model.objects.create(old_slug=old_slug, **{owner_field: survivor})


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
    _move_statement_tags(survivor, merged, by=by, why=why)
    if merged.pk in _tag_ancestor_ids(survivor):
        # The survivor takes the merged tag's place in the tree, or the
        # merged tag's children would end up above the survivor.
        survivor.parent_id = merged.parent_id
    Tag.objects.filter(parent=merged).exclude(pk=survivor.pk).update(parent=survivor)
    _move_aliases(TagAlias, "tag", survivor, merged)
    _fold_into(survivor, merged, TagSlugRedirect, "tag", by=by, why=why)
    public_counts_refresh(tag_ids=[survivor.pk])
    return survivor


def _tag_ancestor_ids(tag: Tag) -> set[int]:
    ancestors, parent_id = set(), tag.parent_id
    while parent_id is not None and parent_id not in ancestors:
        ancestors.add(parent_id)
        parent_id = Tag.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return ancestors


def _move_statement_tags(survivor: Tag, merged: Tag, *, by, why: str) -> None:
    links = Statement.tags.through.objects
    statement_ids = set(links.filter(tag=merged).values_list("statement_id", flat=True))
    already = set(links.filter(tag=survivor, statement_id__in=statement_ids).values_list("statement_id", flat=True))
    links.bulk_create([links.model(statement_id=pk, tag=survivor) for pk in statement_ids - already])
    links.filter(tag=merged).delete()
    statements = list(Statement.objects.select_for_update().filter(pk__in=statement_ids))
    for statement in statements:
        statement.version += 1
    bulk_update_with_history(
        statements, Statement, ["version"], default_user=by, default_change_reason=why[:HISTORY_REASON_LENGTH]
    )
