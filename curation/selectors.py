"""Reads shared by the public pages and the API."""

from django.db.models import Q

from curation.models import Actor, ActorSlugRedirect, Tag, TagSlugRedirect
from curation.names import normalise_name


def tag_descendant_ids(tag: Tag) -> set[int]:
    """Return the ids of ``tag`` and every tag below it in the hierarchy."""
    ids, frontier = {tag.pk}, {tag.pk}
    while frontier:
        frontier = set(Tag.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


def tag_find(value: str) -> Tag | None:
    """Return the tag a slug, a former slug or an alias names, or None."""
    tag = Tag.objects.filter(slug=value).first()
    if tag:
        return tag
    redirect = TagSlugRedirect.objects.select_related("tag").filter(old_slug=value).first()
    if redirect:
        return redirect.tag
    key = normalise_name(value.replace("-", " "))
    return Tag.objects.filter(Q(aliases__normalised=key) | Q(name__iexact=value)).distinct().first()


def actor_find(slug: str) -> Actor | None:
    """Return the actor a slug or a former slug (kept after a merge) names, or None."""
    actor = Actor.objects.filter(slug=slug).first()
    if actor:
        return actor
    redirect = ActorSlugRedirect.objects.select_related("actor").filter(old_slug=slug).first()
    return redirect.actor if redirect else None
