"""Loading the seed articles and their editorial curation from ``seeds/``.

The curation is data (``seeds/curation.json``): actors, tags, every statement
with its offsets, and the corrections made after publication. Corrections go
through ``statement_reattribute``, as an editor's would.
"""

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from curation.extraction.names import normalise_name
from curation.importing.parsing import decode_article, parse_article
from curation.models import Actor, ActorAlias, ActorRole, Article, Statement, Tag, TagAlias
from curation.services.articles import article_import
from curation.services.statements import statement_create, statement_reattribute

CURATION_FILE = "curation.json"
CURATION_FORMAT_VERSION = 1
SEED_EDITOR_USERNAME = "seed-curator"
SEED_LOCK_KEY = 0x5EED


SINGULAR = {
    "articles": "article",
    "statements": "statement",
    "actors": "actor",
    "aliases": "alias",
    "roles": "role",
    "tags": "tag",
    "corrections": "correction",
}


@dataclass
class SeedReport:
    articles: int = 0
    statements: int = 0
    actors: int = 0
    aliases: int = 0
    roles: int = 0
    tags: int = 0
    corrections: int = 0

    @property
    def changed(self) -> bool:
        return any(dataclasses.astuple(self))

    def summary(self) -> str:
        if not self.changed:
            return "Seeds already loaded: nothing changed."
        parts = [
            f"{value} {field.name if value != 1 else SINGULAR[field.name]}"
            for field in dataclasses.fields(self)
            if (value := getattr(self, field.name))
        ]
        return "Loaded " + ", ".join(parts) + "."


def read_curation(seeds_dir: Path) -> dict:
    curation = json.loads((seeds_dir / CURATION_FILE).read_text(encoding="utf-8"))
    if curation.get("version") != CURATION_FORMAT_VERSION:
        raise ValueError(
            f"{CURATION_FILE} has format version {curation.get('version')!r}; "
            f"this desk reads version {CURATION_FORMAT_VERSION}."
        )
    return curation


def seed_editor():
    """Return the account the seed corrections are recorded under; it cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=SEED_EDITOR_USERNAME, defaults={"is_active": False, "first_name": "Seed curation"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seeds_load(*, seeds_dir: Path, as_published: bool = False) -> SeedReport:
    """Load the seeds; a second run creates nothing.

    With ``as_published`` the corrections are left out, giving the articles as
    they were printed, for demonstrating and testing the correction flow.
    """
    curation = read_curation(seeds_dir)
    _wait_for_other_seed_loads()
    report = SeedReport()
    tags = _load_tags(curation["tags"], report)
    actors = _load_actors(curation["actors"], report)
    for entry in curation["articles"]:
        _load_article(seeds_dir, entry, actors, tags, report)
    if not as_published:
        _apply_corrections(curation["corrections"], actors, report)
    return report


def _wait_for_other_seed_loads() -> None:
    """Serialise concurrent loads so a second one finds everything in place.

    PostgreSQL holds the advisory lock until this transaction ends; SQLite
    already lets one writer at a time through.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEED_LOCK_KEY])


def _load_tags(entries: list[dict], report: SeedReport) -> dict[str, Tag]:
    tags = {}
    for entry in entries:
        tag, created = Tag.objects.get_or_create(
            slug=entry["slug"], defaults={"name": entry["name"], "description": entry.get("description", "")}
        )
        report.tags += created
        tags[tag.slug] = tag
    for entry in entries:
        tag = tags[entry["slug"]]
        if entry.get("parent") and tag.parent_id is None:
            tag.parent = tags[entry["parent"]]
            tag.save(update_fields=["parent"])
        for alias in entry.get("aliases", []):
            report.aliases += _ensure_alias(TagAlias, "tag", tag, alias)
    return tags


def _load_actors(entries: list[dict], report: SeedReport) -> dict[str, Actor]:
    actors = {}
    for entry in entries:
        actor, created = Actor.objects.get_or_create(
            slug=entry["slug"],
            defaults={"name": entry["name"], "kind": entry["kind"], "description": entry.get("description", "")},
        )
        report.actors += created
        actors[actor.slug] = actor
        for alias in entry.get("aliases", []):
            report.aliases += _ensure_alias(ActorAlias, "actor", actor, alias)
        for role in entry.get("roles", []):
            _, created = ActorRole.objects.get_or_create(
                actor=actor,
                title=role["title"],
                organisation=role.get("organisation", ""),
                start=_date_or_none(role.get("start")),
                end=_date_or_none(role.get("end")),
            )
            report.roles += created
    return actors


def _ensure_alias(model, owner_field: str, owner, name: str) -> bool:
    if model.objects.filter(**{owner_field: owner, "normalised": normalise_name(name)}).exists():
        return False
    model.objects.create(**{owner_field: owner, "name": name})
    return True


def _load_article(seeds_dir, entry, actors, tags, report: SeedReport) -> None:
    if Article.objects.filter(import_key=entry["file"]).exists():
        return
    text = decode_article((seeds_dir / entry["file"]).read_bytes())
    parsed = dataclasses.replace(
        parse_article(text),
        outlet=entry.get("outlet", ""),
        url=entry.get("url", ""),
        published_on=_date_or_none(entry.get("published_on")),
    )
    article = article_import(
        parsed=parsed, import_key=entry["file"], status=entry["status"], slug=entry["slug"], title=entry["title"]
    )
    report.articles += 1
    for statement in entry["statements"]:
        statement_create(
            article=article,
            kind=statement["kind"],
            start=statement["start"],
            end=statement["end"],
            text=statement["text"],
            speaker_as_printed=statement["speaker_as_printed"],
            speaker=actors[statement["speaker"]] if statement.get("speaker") else None,
            tags=[tags[slug] for slug in statement.get("tags", [])],
            review_status=Statement.ReviewStatus.CONFIRMED,
            published=True,
            origin=Statement.Origin.CURATED,
        )
        report.statements += 1


def _apply_corrections(entries: list[dict], actors: dict[str, Actor], report: SeedReport) -> None:
    for entry in entries:
        statement = Statement.objects.get(article__slug=entry["article"], start=entry["start"], end=entry["end"])
        if statement.corrections.exists():
            continue
        statement_reattribute(
            statement=statement,
            to_actor=actors[entry["to"]],
            by=seed_editor(),
            reason=entry["reason"],
            # The seed articles' flags come from their own check run, as on a live desk.
            recheck=False,
        )
        report.corrections += 1


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
