"""Finding actors and tags by any of their names: slugs, former slugs, names and aliases.

Pages, the API and the admin all match names through here, so they find the
same rows. Names are compared as ``normalise_name`` folds them: case, accents,
apostrophe variants ("Da’esh", "Da'esh", "Daesh") and dashes.
"""

from django.db.models import Exists, OuterRef, Q

from curation.extraction.names import normalise_name
from curation.models import Actor, ActorAlias, ActorSlugRedirect, Tag, TagAlias, TagSlugRedirect

NAME_WORDS_AT_MOST = 12
SPEAKERS_MATCHED_AT_MOST = 200


def tag_descendant_ids(tag: Tag) -> set[int]:
    """Return the ids of ``tag`` and every tag below it in the hierarchy."""
    # One read of the whole vocabulary (small: topics, not content) instead
    # of one query per level of depth.
    children: dict[int, list[int]] = {}
    for pk, parent_id in Tag.objects.order_by().values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    ids, frontier = {tag.pk}, [tag.pk]
    while frontier:
        below = [child for parent in frontier for child in children.get(parent, []) if child not in ids]
        ids.update(below)
        frontier = below
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
    """Return the actor a slug or a former slug names, or None; a merged actor's slug names the survivor."""
    actor = Actor.objects.filter(slug=slug).first()
    if actor is None:
        redirect = ActorSlugRedirect.objects.select_related("actor").filter(old_slug=slug).first()
        actor = redirect.actor if redirect else None
    return actor.survivor() if actor else None


def _name_words(text: str) -> list[str]:
    return [word for word in text.split()[:NAME_WORDS_AT_MOST] if normalise_name(word)]


def actors_named_like(text: str) -> Q:
    """Return a condition on actors: every word of ``text`` is in the name, the slug or an alias.

    Aliases are compared folded, so "Daesh" and "Da'esh" both find an actor
    printed as "Da’esh". An empty ``text`` matches every actor.
    """
    condition = Q()
    for word in _name_words(text):
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), normalised__contains=normalise_name(word))
        condition &= Q(name__icontains=word) | Q(slug__icontains=word) | Exists(aliases)
    return condition


def tags_named_like(text: str) -> Q:
    """Return a condition on tags: every word of ``text`` is in the name, the slug or an alias."""
    condition = Q()
    for word in _name_words(text):
        aliases = TagAlias.objects.filter(tag=OuterRef("pk"), normalised__contains=normalise_name(word))
        condition &= Q(name__icontains=word) | Q(slug__icontains=word) | Exists(aliases)
    return condition


def speaker_ids_matching(text: str) -> list[int]:
    """Return ids of actors named like ``text``, at most ``SPEAKERS_MATCHED_AT_MOST``.

    Fetched first, as a short list, so that "or said by a matching actor"
    stays an index look-up instead of a join over every statement.
    """
    if not _name_words(text):
        return []
    matching = Actor.objects.filter(actors_named_like(text)).order_by().values_list("pk", flat=True)
    return list(matching[:SPEAKERS_MATCHED_AT_MOST])


def actors_named(text: str) -> list[Actor]:
    """Return the public actors a slug, former slug, whole name or whole alias names."""
    found = actor_find(text)
    if found:
        candidates = Actor.objects.filter(pk=found.pk)
    else:
        key = normalise_name(text)
        candidates = Actor.objects.filter(Q(name__iexact=text) | Q(aliases__normalised=key)).distinct()
    return list(candidates.filter(pk__in=Actor.objects.public()))
