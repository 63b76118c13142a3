"""schema.org descriptions of the public pages, as plain dicts.

The templates emit them with ``{% jsonld %}`` (curation/templatetags/desk.py),
which escapes them for a script element. ``absolute`` turns a path into a
full URL, usually ``request.build_absolute_uri``.
"""

from collections.abc import Callable

from curation.models import Actor
from curation.wording import correction_text

CONTEXT = "https://schema.org"


def actor_reference(actor: Actor | None, absolute: Callable[[str], str]) -> dict | None:
    """A short Person or Organization, as other things refer to it."""
    if actor is None:
        return None
    kind = "Organization" if actor.kind == Actor.Kind.ORGANISATION else "Person"
    return {"@type": kind, "name": actor.name, "url": absolute(actor.get_absolute_url())}


def correction_comment(correction, absolute: Callable[[str], str]) -> dict:
    return {
        "@type": "CorrectionComment",
        "text": correction_text(correction),
        "datePublished": correction.corrected_at.isoformat(),
        "url": absolute(f"{correction.statement.get_absolute_url()}#correction-{correction.pk}"),
    }


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def article_data(article, statements, corrections, absolute: Callable[[str], str]) -> dict:
    """A NewsArticle: headline, date, outlet, the actors quoted and its corrections."""
    speakers = {statement.speaker_id: statement.speaker for statement in statements if statement.speaker}
    tags = {tag.pk: tag.name for statement in statements for tag in statement.tags.all()}
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "NewsArticle",
            "headline": article.title,
            "url": absolute(article.get_absolute_url()),
            "datePublished": article.published_on.isoformat() if article.published_on else None,
            "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None,
            "isBasedOn": article.url,
            "keywords": sorted(tags.values()),
            "mentions": [actor_reference(actor, absolute) for actor in speakers.values()],
            "correction": [correction_comment(correction, absolute) for correction in corrections],
        }
    )


def statement_data(statement, absolute: Callable[[str], str]) -> dict:
    """A Quotation with its creator, the article it appears in and its public corrections."""
    article = statement.article
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "Quotation",
            "text": statement.text,
            "url": absolute(statement.get_absolute_url()),
            "creator": actor_reference(statement.speaker, absolute),
            "isPartOf": _without_empty(
                {
                    "@type": "NewsArticle",
                    "headline": article.title,
                    "url": absolute(article.get_absolute_url()),
                    "datePublished": article.published_on.isoformat() if article.published_on else None,
                }
            ),
            "keywords": [tag.name for tag in statement.tags.all()],
            "correction": [correction_comment(correction, absolute) for correction in statement.public_corrections],
        }
    )


def _role(role) -> dict:
    return _without_empty(
        {
            "@type": "Role",
            "roleName": role.title,
            "memberOf": {"@type": "Organization", "name": role.organisation} if role.organisation else None,
            "startDate": role.start.isoformat() if role.start else None,
            "endDate": role.end.isoformat() if role.end else None,
        }
    )


def actor_data(actor: Actor, absolute: Callable[[str], str]) -> dict:
    """A Person or Organization with the names it is printed under and its dated roles."""
    return _without_empty(
        {
            "@context": CONTEXT,
            **actor_reference(actor, absolute),
            "description": actor.description,
            "alternateName": [alias.name for alias in actor.aliases.all()],
            # schema.org's Role wraps a membership with its dates.
            "memberOf": [_role(role) for role in actor.roles.all()] if actor.kind == Actor.Kind.PERSON else [],
        }
    )
