"""Restoring an export (``curation.selectors.transfer``) into an empty desk.

Nothing is written until ``transfer_checks.export_problems`` finds no
problem in the whole document, so a refused export leaves the desk as it
was. Editors are referred to by user name; restoring creates missing
accounts without a usable password. Corrections are written through
``correction_record``, like every other correction.
"""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from curation.importing.parsing import content_hash
from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    ActorSlugRedirect,
    Article,
    AttributionFlag,
    CorrectionWithdrawal,
    Merge,
    ReviewDecision,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
)
from curation.selectors.transfer import EXPORT_FORMAT, EXPORT_VERSION
from curation.services.corrections import correction_record
from curation.services.counts import public_counts_rebuild
from curation.services.search_index import statements_index
from curation.services.transfer_checks import MISSING, export_problems

# Version 1 did not carry what readers were shown; see _what_readers_were_shown.
RESTORABLE_VERSIONS = (1, EXPORT_VERSION)

# A tampered export can hold thousands of problems; the first ones say enough.
PROBLEMS_SHOWN = 20


class RestoreRefused(Exception):
    """The document cannot be restored here; the message says why."""

    def __init__(self, message: str, problems: list[str] = ()):
        super().__init__(message)
        self.problems = list(problems)


def _refuse_problems(problems: list[str]) -> None:
    shown = problems[:PROBLEMS_SHOWN]
    more = f" (the first {len(shown)} shown)" if len(problems) > len(shown) else ""
    lines = "\n".join(f"  - {problem}" for problem in shown)
    raise RestoreRefused(f"the export has {len(problems)} problem(s){more}; nothing was restored:\n{lines}", problems)


@transaction.atomic
def curation_restore(document: dict) -> dict[str, int]:
    """Restore an export into an empty desk; refuse anything else, changing nothing."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise RestoreRefused("this is not a Curation Desk export (its “format” is missing or different)")
    if document.get("version") not in RESTORABLE_VERSIONS:
        raise RestoreRefused(
            f"the export has version {document.get('version')!r}; this desk restores versions 1 to {EXPORT_VERSION}"
        )
    problems = export_problems(document)
    if problems:
        _refuse_problems(problems)
    if Article.objects.exists() or Actor.objects.exists() or Tag.objects.exists():
        raise RestoreRefused("the database already holds articles, actors or tags; restore into an empty desk")
    actors = _restore_actors(document["actors"])
    tags = _restore_tags(document["tags"])
    articles = {record["import_key"]: _restore_article(record) for record in document["articles"]}
    users = _UserCache()
    corrected = {tuple(record["statement"]) for record in document["corrections"]}
    statements = _restore_statements(document["statements"], articles, actors, tags, users, corrected)
    _restore_corrections(document["corrections"], statements, actors, users)
    _restore_flags(document.get("flags", []), statements, actors, users)
    _restore_decisions(document.get("decisions", []), statements, users)
    _restore_merges(document.get("merges", []), actors, tags, users)
    public_counts_rebuild()
    return {
        "actors": len(actors),
        "tags": len(tags),
        "articles": len(articles),
        "statements": len(statements),
        "corrections": len(document["corrections"]),
    }


def _restore_corrections(records, statements, actors, users) -> None:
    for record in records:
        correction = correction_record(
            statement=statements[tuple(record["statement"])],
            from_actor=actors.get(record["from_actor"]),
            to_actor=actors.get(record["to_actor"]),
            speaker_as_printed=record["speaker_as_printed"],
            reason=record["reason"],
            editor=users.get(record["editor"]),
            corrected_at=_datetime(record["corrected_at"]),
            is_public=record["is_public"],
        )
        withdrawal = record.get("withdrawal")
        if withdrawal:
            CorrectionWithdrawal.objects.create(
                correction=correction,
                reason=withdrawal["reason"],
                editor=users.get(withdrawal["editor"]),
                withdrawn_at=_datetime(withdrawal["withdrawn_at"]),
            )


def _restore_flags(records, statements, actors, users) -> None:
    for record in records:
        AttributionFlag.objects.create(
            statement=statements[tuple(record["statement"])],
            code=record["code"],
            severity=record["severity"],
            message=record["message"],
            suggested_speaker=actors.get(record["suggested_speaker"]),
            created_at=_datetime(record["created_at"]),
            resolved_at=_datetime(record["resolved_at"]) if record["resolved_at"] else None,
            resolved_by=users.get(record["resolved_by"]) if record["resolved_by"] else None,
            resolution=record["resolution"],
        )


def _restore_decisions(records, statements, users) -> None:
    for record in records:
        ReviewDecision.objects.create(
            statement=statements[tuple(record["statement"])],
            decision=record["decision"],
            suggestion=record["suggestion"],
            outcome=record["outcome"],
            editor=users.get(record["editor"]),
            decided_at=_datetime(record["decided_at"]),
        )


def _restore_merges(records, actors, tags, users) -> None:
    for record in records:
        Merge.objects.create(
            kind=record["kind"],
            merged_name=record["merged_name"],
            merged_slug=record["merged_slug"],
            survivor_actor=actors.get(record["survivor"]) if record["kind"] == Merge.Kind.ACTOR else None,
            survivor_tag=tags.get(record["survivor"]) if record["kind"] == Merge.Kind.TAG else None,
            statements_moved=record["statements_moved"],
            editor=users.get(record["editor"]),
            merged_at=_datetime(record["merged_at"]),
        )


def _restore_article(record: dict) -> Article:
    article = Article(
        **{
            **record,
            "content_hash": content_hash(record["body"]),
            "published_on": _date(record["published_on"]),
            "imported_at": _datetime(record["imported_at"]),
        }
    )
    # An export is a file anyone can edit: what an import would refuse (a
    # javascript: URL readers would click) is refused here too.
    try:
        article.clean_fields()
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise RestoreRefused(f"the article “{record['import_key']}” is not valid ({problems})") from None
    article.save()
    return article


def _restore_actors(records: list[dict]) -> dict[str, Actor]:
    actors = {}
    for record in records:
        actor = Actor.objects.create(
            slug=record["slug"],
            name=record["name"],
            kind=record["kind"],
            description=record["description"],
            created_at=_datetime(record["created_at"]),
        )
        for name in record["aliases"]:
            ActorAlias.objects.create(actor=actor, name=name)
        for role in record["roles"]:
            ActorRole.objects.create(actor=actor, **{**role, "start": _date(role["start"]), "end": _date(role["end"])})
        for old_slug in record["former_slugs"]:
            ActorSlugRedirect.objects.create(actor=actor, old_slug=old_slug)
        actors[actor.slug] = actor
    for record in records:
        if record.get("merged_into"):
            actor = actors[record["slug"]]
            actor.merged_into = actors[record["merged_into"]]
            actor.save(update_fields=["merged_into"])
    return actors


def _restore_tags(records: list[dict]) -> dict[str, Tag]:
    tags = {
        record["slug"]: Tag.objects.create(slug=record["slug"], name=record["name"], description=record["description"])
        for record in records
    }
    for record in records:
        tag = tags[record["slug"]]
        if record["parent"]:
            tag.parent = tags[record["parent"]]
            tag.save(update_fields=["parent"])
        for name in record["aliases"]:
            TagAlias.objects.create(tag=tag, name=name)
        for old_slug in record["former_slugs"]:
            TagSlugRedirect.objects.create(tag=tag, old_slug=old_slug)
    return tags


def _restore_statements(records, articles, actors, tags, users, corrected) -> dict[tuple, Statement]:
    statements = {}
    for record in records:
        import_key, start, end = record["key"]
        shown = _what_readers_were_shown(record, articles[import_key], actors, users, corrected)
        statement = Statement.objects.create(
            article=articles[import_key],
            start=start,
            end=end,
            **{
                field: record[field]
                for field in (
                    "kind",
                    "text",
                    "prefix",
                    "suffix",
                    "anchor",
                    "speaker_as_printed",
                    "review_status",
                    "published",
                    "origin",
                    "confidence",
                    "version",
                )
            },
            speaker=actors.get(record["speaker"]),
            created_at=_datetime(record["created_at"]),
            **shown,
        )
        statement.tags.set([tags[slug] for slug in record["tags"]])
        statements[(import_key, start, end)] = statement
    statements_index(list(statements.values()))
    return statements


def _what_readers_were_shown(record: dict, article: Article, actors, users, corrected) -> dict:
    if record.get("first_shown_at", MISSING) is MISSING:
        # An export written before the desk kept what readers were shown: a
        # statement public now, or corrected, was shown as it stands.
        public = tuple(record["key"]) in corrected or (
            record["review_status"] == Statement.ReviewStatus.CONFIRMED
            and record["published"]
            and article.status == Article.Status.PUBLISHED
        )
        return {
            "first_shown_at": _datetime(record["created_at"]) if public else None,
            "shown_speaker": actors.get(record["speaker"]) if public else None,
        }
    return {
        "first_shown_at": _datetime(record["first_shown_at"]) if record["first_shown_at"] else None,
        "shown_speaker": actors.get(record["shown_speaker"]),
        "pending_reason": record["pending_reason"],
        "pending_by": users.get(record["pending_by"]) if record["pending_by"] else None,
    }


class _UserCache:
    def __init__(self):
        self.users = {}

    def get(self, username: str):
        if username not in self.users:
            user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_active": False})
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            self.users[username] = user
        return self.users[username]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str) -> datetime:
    return datetime.fromisoformat(value)
