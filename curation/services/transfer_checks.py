"""Checking an export before anything of it is restored.

An export is a file anyone can edit. The restore writes nothing until this
module has found no problem in it: every shape, choice and length the models
accept, every slug and name it refers to, the text at every statement's
offsets, no cycle of parent topics or merges, and only review and publish
states the desk itself could have produced. Reads no database.

Over 500 lines on purpose: it is the one list of what a restore must hold,
section by section of the export, and reads best in one place.
"""

from datetime import UTC, date, datetime

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from curation.anchoring import anchor_context
from curation.extraction.names import normalise_name
from curation.importing.parsing import content_hash
from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    AttributionFlag,
    Merge,
    ReviewDecision,
    Statement,
    Tag,
    TagAlias,
)

MISSING = object()
USERNAME_MAX_LENGTH = 150


class Problems(list):
    """Problems found so far, each a sentence naming where in the export it is."""

    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def export_problems(document) -> list[str]:
    """Return every reason ``document`` cannot be restored as it stands; empty when it can."""
    problems = Problems()
    if not isinstance(document, dict):
        problems.add("the export", "is not a JSON object")
        return problems
    _refuse_unrestorable_text(document, "the export", problems)
    sections = {}
    optional = ("flags", "decisions", "merges")
    for name in ("actors", "tags", "articles", "statements", "corrections", *optional):
        value = document.get(name, [] if name in optional else MISSING)
        if value is MISSING:
            problems.add(f"“{name}”", "is missing")
            value = []
        elif not isinstance(value, list) or not all(isinstance(record, dict) for record in value):
            problems.add(f"“{name}”", "must be a list of objects")
            value = []
        sections[name] = value
    actors = _check_actors(sections["actors"], problems)
    tags = _check_tags(sections["tags"], problems)
    articles = _check_articles(sections["articles"], problems)
    statements = _check_statements(sections["statements"], articles, actors, tags, problems)
    _check_corrections(sections["corrections"], statements, actors, problems)
    _check_flags(sections["flags"], statements, actors, problems)
    _check_decisions(sections["decisions"], statements, problems)
    _check_merges_recorded(sections["merges"], actors, tags, problems)
    return problems


def _refuse_unrestorable_text(value, where: str, problems: Problems) -> None:
    """Refuse text no database column can hold: a NUL, or half of a surrogate pair."""
    if isinstance(value, str):
        if "\x00" in value:
            problems.add(where, "contains a null character (U+0000)")
        elif any("\ud800" <= char <= "\udfff" for char in value):
            problems.add(where, "contains a lone surrogate, which is not a character")
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_unrestorable_text(key, f"{where}, a key", problems)
            _refuse_unrestorable_text(item, f"{where} › {key}", problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_unrestorable_text(item, f"{where} › {index}", problems)


def _fields(instance, where: str, problems: Problems, *, exclude=()) -> None:
    """Add every field error the model itself would raise, without touching the database."""
    try:
        instance.clean_fields(exclude=list(exclude))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            problems.add(where, f"“{field}”: {' '.join(messages)}")


def _expect(record: dict, field: str, kinds, where: str, problems: Problems, *, nullable=False):
    value = record.get(field, MISSING)
    if value is MISSING:
        problems.add(where, f"“{field}” is missing")
        return MISSING
    if value is None and nullable:
        return None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _as_tuple(kinds)):
        problems.add(where, f"“{field}” is {_describe(value)}, not {_expected_name(kinds, nullable)}")
        return MISSING
    return value


def _as_tuple(kinds) -> tuple:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _expected_name(kinds, nullable: bool) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "an object",
    }
    words = " or ".join(names.get(kind, kind.__name__) for kind in _as_tuple(kinds))
    return f"{words} or null" if nullable else words


def _describe(value) -> str:
    if value is None:
        return "null"
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _moment(record: dict, field: str, parse, where: str, problems: Problems, *, nullable=False):
    value = _expect(record, field, str, where, problems, nullable=nullable)
    if not isinstance(value, str):
        return None
    try:
        parsed = parse(value)
    except ValueError:
        kind = "date (YYYY-MM-DD)" if parse is date.fromisoformat else "date and time (ISO 8601)"
        problems.add(where, f"“{field}” {_describe(value)} is not a {kind}")
        return None
    if isinstance(parsed, datetime):
        if parsed.tzinfo is None:
            problems.add(where, f"“{field}” {_describe(value)} gives no time zone")
            return None
        try:
            parsed.astimezone(UTC)  # The database keeps UTC; year 1 or 9999 may fall outside it.
        except OverflowError:
            problems.add(where, f"“{field}” {_describe(value)} is out of range in UTC")
            return None
    return parsed


def _text_list(record: dict, field: str, where: str, problems: Problems) -> list[str]:
    value = _expect(record, field, list, where, problems)
    if value is MISSING:
        return []
    if not all(isinstance(item, str) for item in value):
        problems.add(where, f"“{field}” must be a list of text")
        return []
    return value


def _username(record: dict, field: str, where: str, problems: Problems, *, nullable=False):
    value = _expect(record, field, str, where, problems, nullable=nullable)
    if not isinstance(value, str):
        return
    if not value or len(value) > USERNAME_MAX_LENGTH:
        problems.add(where, f"“{field}” must name an editor (1 to {USERNAME_MAX_LENGTH} characters)")
        return
    try:
        UnicodeUsernameValidator()(value)
    except ValidationError:
        problems.add(where, f"“{field}” {_describe(value)} is not a user name the desk accepts")


def _slug_value(value, model, where: str, field: str, problems: Problems) -> None:
    _fields(model(slug=value), where, problems, exclude=[f.name for f in model._meta.fields if f.name != "slug"])


def _check_actors(records: list[dict], problems: Problems) -> dict[str, dict]:
    actors, former = {}, {}
    for index, record in enumerate(records):
        slug = record.get("slug")
        where = f"actor {_describe(slug) if isinstance(slug, str) else index + 1}"
        _expect(record, "slug", str, where, problems)
        _expect(record, "name", str, where, problems)
        _expect(record, "kind", str, where, problems)
        _expect(record, "description", str, where, problems)
        _moment(record, "created_at", datetime.fromisoformat, where, problems)
        actor = Actor(**{field: record.get(field) for field in ("slug", "name", "kind", "description")})
        _fields(actor, where, problems, exclude=["created_at", "merged_into", "updated_at"])
        if isinstance(slug, str):
            if slug in actors:
                problems.add(where, "the slug is used by two actors")
            actors[slug] = record
        _check_aliases(ActorAlias, _text_list(record, "aliases", where, problems), where, problems, owner="actor")
        roles = _expect(record, "roles", list, where, problems)
        for role in roles if isinstance(roles, list) else []:
            _check_role(role, where, problems)
        for old_slug in _text_list(record, "former_slugs", where, problems):
            _slug_value(old_slug, Actor, f"{where}, former slug {_describe(old_slug)}", "slug", problems)
            if old_slug in former:
                problems.add(where, f"the former slug {_describe(old_slug)} also leads to actor {former[old_slug]!r}")
            former[old_slug] = slug
    for old_slug, slug in former.items():
        if old_slug in actors:
            problems.add(f"actor {_describe(slug)}", f"the former slug {_describe(old_slug)} is another actor's slug")
    _check_merges(actors, problems)
    return actors


def _check_aliases(model, names: list[str], where: str, problems: Problems, *, owner: str) -> None:
    """Refuse an alias the model refuses, and two aliases that read the same (one name to the desk)."""
    seen = {}
    for name in names:
        _fields(model(name=name), f"{where}, alias {_describe(name)}", problems, exclude=[owner, "normalised"])
        key = normalise_name(name)
        if key in seen:
            problems.add(where, f"the aliases {_describe(seen[key])} and {_describe(name)} read the same")
        seen[key] = name


def _check_role(role, where: str, problems: Problems) -> None:
    if not isinstance(role, dict):
        problems.add(where, "each role must be an object")
        return
    where = f"{where}, role {_describe(role.get('title'))}"
    _expect(role, "title", str, where, problems)
    _expect(role, "organisation", str, where, problems)
    start = _moment(role, "start", date.fromisoformat, where, problems, nullable=True)
    end = _moment(role, "end", date.fromisoformat, where, problems, nullable=True)
    unknown = set(role) - {"title", "organisation", "start", "end"}
    if unknown:
        problems.add(where, f"has fields the desk does not know: {', '.join(sorted(unknown))}")
    _fields(
        ActorRole(title=role.get("title"), organisation=role.get("organisation")),
        where,
        problems,
        exclude=["actor", "start", "end"],
    )
    if start and end and end < start:
        problems.add(where, "ends before it starts")


def _check_merges(actors: dict[str, dict], problems: Problems) -> None:
    for slug, record in actors.items():
        into = record.get("merged_into")
        if into is None:
            continue
        if not isinstance(into, str):
            problems.add(f"actor {_describe(slug)}", f"“merged_into” is {_describe(into)}, not text or null")
            continue
        if into not in actors:
            problems.add(f"actor {_describe(slug)}", f"was merged into {_describe(into)}, which is no actor here")
            continue
        seen = {slug}
        while into is not None and into in actors:
            if into in seen:
                problems.add(f"actor {_describe(slug)}", "its merges go round in a circle")
                break
            seen.add(into)
            into = _text_or_none(actors[into].get("merged_into"))


def _survivor(slug: str | None, actors: dict[str, dict]) -> str | None:
    seen, slug = set(), _text_or_none(slug)
    while slug in actors and actors[slug].get("merged_into") and slug not in seen:
        seen.add(slug)
        slug = _text_or_none(actors[slug]["merged_into"])
    return slug


def _text_or_none(value) -> str | None:
    """Return ``value`` if it is text: a slug of another type is reported where it is read, and leads nowhere."""
    return value if isinstance(value, str) else None


def _check_tags(records: list[dict], problems: Problems) -> dict[str, dict]:
    tags, former = {}, {}
    for index, record in enumerate(records):
        slug = record.get("slug")
        where = f"topic {_describe(slug) if isinstance(slug, str) else index + 1}"
        for field in ("slug", "name", "description"):
            _expect(record, field, str, where, problems)
        _expect(record, "parent", str, where, problems, nullable=True)
        _fields(
            Tag(**{field: record.get(field) for field in ("slug", "name", "description")}),
            where,
            problems,
            exclude=["parent"],
        )
        if isinstance(slug, str):
            if slug in tags:
                problems.add(where, "the slug is used by two topics")
            tags[slug] = record
        _check_aliases(TagAlias, _text_list(record, "aliases", where, problems), where, problems, owner="tag")
        for old_slug in _text_list(record, "former_slugs", where, problems):
            _slug_value(old_slug, Tag, f"{where}, former slug {_describe(old_slug)}", "slug", problems)
            if old_slug in former or old_slug in tags:
                problems.add(where, f"the former slug {_describe(old_slug)} is also used by another topic")
            former[old_slug] = slug
    for old_slug, slug in former.items():
        if old_slug in tags:
            problems.add(f"topic {_describe(slug)}", f"the former slug {_describe(old_slug)} is another topic's slug")
    for slug, record in tags.items():
        parent, seen = _text_or_none(record.get("parent")), {slug}
        if parent is not None and parent not in tags:
            problems.add(f"topic {_describe(slug)}", f"its parent {_describe(parent)} is no topic here")
            continue
        while parent is not None and parent in tags:
            if parent in seen:
                problems.add(f"topic {_describe(slug)}", "is its own ancestor (its parents go round in a circle)")
                break
            seen.add(parent)
            parent = _text_or_none(tags[parent].get("parent"))
    return tags


ARTICLE_FIELDS = {
    "import_key",
    "slug",
    "title",
    "outlet",
    "url",
    "published_on",
    "status",
    "imported_at",
    "body",
    "non_story",
}


def _check_non_story(record: dict, where: str, problems: Problems) -> None:
    """Ranges readers are not shown: [start, end] pairs inside the body, in order, apart."""
    ranges = record.get("non_story", [])
    body = record.get("body")
    if not isinstance(ranges, list) or not isinstance(body, str):
        if not isinstance(ranges, list):
            problems.add(where, "“non_story” must be a list of [start, end] pairs")
        return
    previous_end = -1
    for pair in ranges:
        valid = (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(value, int) and not isinstance(value, bool) for value in pair)
        )
        if not valid or not previous_end < pair[0] < pair[1] <= len(body):
            problems.add(where, f"“non_story” holds {pair!r}, not a range of the text in order")
            return
        previous_end = pair[1]


def _check_articles(records: list[dict], problems: Problems) -> dict[str, dict]:
    articles, slugs, hashes = {}, set(), {}
    for index, record in enumerate(records):
        key = record.get("import_key")
        where = f"article {_describe(key) if isinstance(key, str) else index + 1}"
        unknown = set(record) - ARTICLE_FIELDS
        if unknown:
            problems.add(where, f"has fields the desk does not know: {', '.join(sorted(unknown))}")
        for field in ("import_key", "slug", "title", "outlet", "url", "status", "body"):
            _expect(record, field, str, where, problems)
        _check_non_story(record, where, problems)
        _moment(record, "published_on", date.fromisoformat, where, problems, nullable=True)
        _moment(record, "imported_at", datetime.fromisoformat, where, problems)
        fields = ("import_key", "slug", "title", "outlet", "url", "status", "body")
        article = Article(**{field: record.get(field) for field in fields})
        _fields(article, where, problems, exclude=["content_hash", "published_on", "imported_at", "updated_at"])
        if isinstance(key, str):
            if key in articles:
                problems.add(where, "the import key is used by two articles")
            articles[key] = record
        if isinstance(record.get("slug"), str):
            if record["slug"] in slugs:
                problems.add(where, f"the slug {_describe(record['slug'])} is used by two articles")
            slugs.add(record["slug"])
        if isinstance(record.get("body"), str) and not problems_in_text(record["body"]):
            body_hash = content_hash(record["body"])
            if body_hash in hashes:
                problems.add(where, f"has the same text as article {_describe(hashes[body_hash])}")
            hashes[body_hash] = key
    return articles


def problems_in_text(text: str) -> bool:
    return "\x00" in text or any("\ud800" <= char <= "\udfff" for char in text)


STATEMENT_TEXT_FIELDS = ("kind", "text", "prefix", "suffix", "anchor", "speaker_as_printed", "review_status", "origin")


def _check_statements(records, articles, actors, tags, problems: Problems) -> dict[tuple, dict]:
    statements = {}
    for index, record in enumerate(records):
        key = _statement_key(record.get("key"))
        where = f"statement {_describe(record.get('key')) if key else index + 1}"
        if key is None:
            problems.add(where, "“key” must be [article import key, start, end]")
        for field in STATEMENT_TEXT_FIELDS:
            _expect(record, field, str, where, problems)
        _expect(record, "published", bool, where, problems)
        _expect(record, "version", int, where, problems)
        _expect(record, "confidence", (int, float), where, problems, nullable=True)
        _moment(record, "created_at", datetime.fromisoformat, where, problems)
        statement = Statement(**{field: record.get(field) for field in (*STATEMENT_TEXT_FIELDS, "published")})
        statement.version, statement.confidence = record.get("version"), record.get("confidence")
        _fields(
            statement, where, problems, exclude=["article", "start", "end", "speaker", "shown_speaker", "pending_by"]
        )
        if isinstance(record.get("version"), int) and record["version"] < 1:
            problems.add(where, "“version” must be 1 or more")
        if isinstance(record.get("confidence"), float | int) and not 0 <= record["confidence"] <= 1:
            problems.add(where, "“confidence” must be between 0 and 1")
        _known_actor(record, "speaker", actors, where, problems, current=True)
        for slug in _text_list(record, "tags", where, problems):
            if slug not in tags:
                problems.add(where, f"is tagged {_describe(slug)}, which is no topic here")
        if key is not None:
            if key in statements:
                problems.add(where, "two statements have the same article and offsets")
            statements[key] = record
            _check_anchor(record, key, articles, where, problems)
        _check_shown(record, actors, where, problems)
    return statements


def _statement_key(value) -> tuple | None:
    if not isinstance(value, list) or len(value) != 3:
        return None
    import_key, start, end = value
    if not isinstance(import_key, str) or not all(type(number) is int for number in (start, end)):
        return None
    return (import_key, start, end)


def _known_actor(record, field, actors, where, problems, *, current=False, nullable=True) -> None:
    slug = _expect(record, field, str, where, problems, nullable=nullable)
    if not isinstance(slug, str):
        return
    if slug not in actors:
        problems.add(where, f"“{field}” {_describe(slug)} is no actor here")
    elif current and actors[slug].get("merged_into"):
        problems.add(where, f"“{field}” {_describe(slug)} was merged into {_describe(actors[slug]['merged_into'])}")


def _check_anchor(record, key, articles, where, problems: Problems) -> None:
    import_key, start, end = key
    article = articles.get(import_key)
    if article is None:
        problems.add(where, f"belongs to the article {_describe(import_key)}, which is not in the export")
        return
    body = article.get("body")
    if not isinstance(body, str):
        return
    if not 0 <= start < end <= len(body):
        problems.add(where, f"offsets {start}–{end} are outside the article's {len(body)} characters")
        return
    if record.get("anchor") != Statement.Anchor.FOUND:
        return  # An orphaned statement is exactly one whose text is no longer at its offsets.
    if record.get("text") != body[start:end]:
        problems.add(where, f"“text” is not the article's text at {start}–{end} ({_describe(body[start:end])})")
    elif (record.get("prefix"), record.get("suffix")) != anchor_context(body, start, end):
        problems.add(where, "“prefix” and “suffix” are not the text around its offsets")


def _check_shown(record, actors, where, problems: Problems) -> None:
    """Refuse a review and publish state the desk could not have reached."""
    status, published = record.get("review_status"), record.get("published")
    if published is True and status != Statement.ReviewStatus.CONFIRMED:
        problems.add(where, f"is published but {_describe(status)}: only a confirmed statement is published")
    first_shown = record.get("first_shown_at", MISSING)
    if first_shown is MISSING:
        return  # An export from before the desk recorded what readers were shown; the restore works it out.
    if first_shown is not None:
        _moment(record, "first_shown_at", datetime.fromisoformat, where, problems)
    _known_actor(record, "shown_speaker", actors, where, problems)
    pending = _expect(record, "pending_reason", str, where, problems)
    _username(record, "pending_by", where, problems, nullable=True)
    pending_by = record.get("pending_by")
    if first_shown is None:
        if record.get("shown_speaker") is not None or pending or pending_by:
            problems.add(where, "readers never saw it, so it cannot have a speaker they were shown or a pending change")
        return
    if status == Statement.ReviewStatus.SUGGESTED:
        problems.add(where, "readers saw it, so it cannot be back among the suggestions")
    speaker, shown = _survivor(record.get("speaker"), actors), _survivor(record.get("shown_speaker"), actors)
    if pending and (speaker == shown or pending_by is None):
        problems.add(where, "a pending change of speaker needs a new speaker and the editor who made it")
    if not pending and speaker != shown:
        problems.add(where, "its speaker differs from the one readers were shown, with no reason waiting to be told")


def _check_corrections(records, statements, actors, problems: Problems) -> None:
    latest: dict[tuple, dict] = {}
    for index, record in enumerate(records):
        where = f"correction {index + 1}"
        key = _statement_key(record.get("statement"))
        _known_actor(record, "from_actor", actors, where, problems)
        _known_actor(record, "to_actor", actors, where, problems)
        _expect(record, "speaker_as_printed", str, where, problems)
        reason = _expect(record, "reason", str, where, problems)
        if isinstance(reason, str) and not reason.strip():
            problems.add(where, "“reason” is empty; every correction says why")
        _username(record, "editor", where, problems)
        _moment(record, "corrected_at", datetime.fromisoformat, where, problems)
        _expect(record, "is_public", bool, where, problems)
        if record.get("from_actor") == record.get("to_actor"):
            problems.add(where, "does not change the speaker (from and to are the same)")
        _check_withdrawal(record, where, problems)
        if key is None or key not in statements:
            problems.add(
                where, f"is about the statement {_describe(record.get('statement'))}, which is not in the export"
            )
            continue
        statement = statements[key]
        shown = statement.get("first_shown_at", MISSING)
        if shown is None or statement.get("review_status") == Statement.ReviewStatus.SUGGESTED:
            problems.add(where, "corrects a statement readers were never shown")
        latest[key] = record
    for key, record in latest.items():
        statement = statements[key]
        if statement.get("first_shown_at", MISSING) is MISSING:
            continue
        now_shown = record.get("from_actor") if record.get("withdrawal") else record.get("to_actor")
        if _survivor(now_shown, actors) != _survivor(statement.get("shown_speaker"), actors):
            problems.add(
                f"statement {_describe(list(key))}",
                "its latest correction does not leave it attributed to the speaker readers are shown",
            )


def _check_withdrawal(record, where: str, problems: Problems) -> None:
    withdrawal = record.get("withdrawal")
    if withdrawal is None:
        return
    if not isinstance(withdrawal, dict):
        problems.add(where, "“withdrawal” must be an object or null")
        return
    where = f"{where}, its withdrawal"
    reason = _expect(withdrawal, "reason", str, where, problems)
    if isinstance(reason, str) and not reason.strip():
        problems.add(where, "“reason” is empty; every withdrawal says why")
    _username(withdrawal, "editor", where, problems)
    _moment(withdrawal, "withdrawn_at", datetime.fromisoformat, where, problems)


def _check_flags(records, statements, actors, problems: Problems) -> None:
    for index, record in enumerate(records):
        where = f"flag {index + 1}"
        if _statement_key(record.get("statement")) not in statements:
            problems.add(
                where, f"is about the statement {_describe(record.get('statement'))}, which is not in the export"
            )
        for field in ("code", "severity", "message", "resolution"):
            _expect(record, field, str, where, problems)
        flag = AttributionFlag(**{field: record.get(field) for field in ("code", "severity", "message", "resolution")})
        _fields(flag, where, problems, exclude=["statement", "suggested_speaker", "resolved_by", "created_at"])
        _known_actor(record, "suggested_speaker", actors, where, problems)
        _moment(record, "created_at", datetime.fromisoformat, where, problems)
        if record.get("resolved_at") is not None:
            _moment(record, "resolved_at", datetime.fromisoformat, where, problems)
        if record.get("resolved_by") is not None:
            _username(record, "resolved_by", where, problems)


def _check_decisions(records, statements, problems: Problems) -> None:
    for index, record in enumerate(records):
        where = f"review decision {index + 1}"
        if _statement_key(record.get("statement")) not in statements:
            problems.add(
                where, f"is about the statement {_describe(record.get('statement'))}, which is not in the export"
            )
        decision = _expect(record, "decision", str, where, problems)
        if isinstance(decision, str) and decision not in ReviewDecision.Decision.values:
            problems.add(
                where, f"“decision” {_describe(decision)} is not one of {', '.join(ReviewDecision.Decision.values)}"
            )
        _expect(record, "suggestion", dict, where, problems)
        _expect(record, "outcome", dict, where, problems)
        _username(record, "editor", where, problems)
        _moment(record, "decided_at", datetime.fromisoformat, where, problems)


def _check_merges_recorded(records, actors, tags, problems: Problems) -> None:
    for index, record in enumerate(records):
        where = f"merge {index + 1}"
        kind = _expect(record, "kind", str, where, problems)
        if isinstance(kind, str) and kind not in Merge.Kind.values:
            problems.add(where, f"“kind” {_describe(kind)} is not one of {', '.join(Merge.Kind.values)}")
        _expect(record, "merged_name", str, where, problems)
        _expect(record, "merged_slug", str, where, problems)
        merge = Merge(kind=kind, merged_name=record.get("merged_name"), merged_slug=record.get("merged_slug"))
        merge.statements_moved = record.get("statements_moved")
        _fields(merge, where, problems, exclude=["kind", "survivor_actor", "survivor_tag", "editor", "merged_at"])
        survivor = _expect(record, "survivor", str, where, problems)
        known = actors if kind == Merge.Kind.ACTOR else tags
        if isinstance(survivor, str) and survivor not in known:
            problems.add(
                where, f"“survivor” {_describe(survivor)} is no {'actor' if kind == 'actor' else 'topic'} here"
            )
        moved = _expect(record, "statements_moved", int, where, problems)
        if isinstance(moved, int) and moved < 0:
            problems.add(where, "“statements_moved” cannot be negative")
        _username(record, "editor", where, problems)
        _moment(record, "merged_at", datetime.fromisoformat, where, problems)
