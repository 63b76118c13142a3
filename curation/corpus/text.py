"""Pure generation of the synthetic archive: names, tags, articles, statements.

No ORM here. Every article draws from its own random stream, seeded by the
corpus seed and the article's id, so the same seed gives the same rows
whatever the batch size, and an append continues where the archive ends.
"""

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from django.utils.text import slugify

from curation.corpus import vocabulary as words
from curation.extraction.names import normalise_name

ARCHIVE_START = date(2010, 1, 1)
ARCHIVE_DAYS = (date(2024, 12, 31) - ARCHIVE_START).days
ANCHOR_CONTEXT_LENGTH = 32
# A few speakers say most of what is quoted; a Zipf-like weight gives the
# long tail real archives have (and gives the benchmark busy actors to filter by).
SPEAKER_SKEW = 1.1


@dataclass(slots=True)
class GeneratedRole:
    title: str
    organisation: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class GeneratedActor:
    id: int
    name: str
    slug: str
    kind: str
    description: str
    short_name: str
    aliases: tuple[str, ...]
    roles: tuple[GeneratedRole, ...] = ()

    def title_on(self, day: date | None) -> str:
        for role in reversed(self.roles):
            if day is not None and role.held_on(day):
                return role.title
        return ""


@dataclass(slots=True)
class GeneratedTag:
    id: int
    name: str
    slug: str
    parent_id: int | None
    topic: int
    aliases: tuple[str, ...]
    description: str


@dataclass(slots=True)
class GeneratedCorrection:
    from_actor_id: int
    to_actor_id: int
    speaker_as_printed: str
    reason: str
    corrected_at: datetime
    is_public: bool


@dataclass(slots=True)
class GeneratedStatement:
    kind: str
    text: str
    start: int
    end: int
    speaker_as_printed: str
    speaker_id: int | None
    review_status: str = "confirmed"
    published: bool = True
    origin: str = "curated"
    confidence: float | None = None
    prefix: str = ""
    suffix: str = ""
    tag_ids: tuple[int, ...] = ()
    correction: GeneratedCorrection | None = None


@dataclass(slots=True)
class GeneratedArticle:
    id: int
    title: str
    slug: str
    outlet: str
    url: str
    published_on: date | None
    body: str
    import_key: str
    content_hash: str
    status: str
    imported_at: datetime
    statements: list[GeneratedStatement] = field(default_factory=list)


class _Slots(dict):
    """Template slots filled on first use, so a sentence draws only what it needs."""

    def __init__(self, rng: random.Random, topic: int):
        super().__init__()
        self.rng = rng
        self.nouns = words.TOPICS[topic][3]

    def __missing__(self, key):
        value = self._draw(key)
        self[key] = value
        return value

    def _draw(self, key):
        choice = self.rng.choice
        if key in ("noun", "noun2"):
            value = choice(self.nouns)
            # "noun" and "noun2" in one sentence should not repeat each other.
            return value if key == "noun" or value != self.get("noun") else choice(self.nouns)
        if key == "Noun":
            noun = self["noun"]
            return noun[0].upper() + noun[1:]
        pools = {
            "verb": words.VERBS,
            "gerund": words.GERUNDS,
            "time": words.TIME_PHRASES,
            "adjective": words.ADJECTIVES,
            "goal": words.GOALS,
            "region": words.REGIONS,
            "country": words.COUNTRIES,
            "country2": words.COUNTRIES,
            "city": words.CITIES,
        }
        return choice(pools[key])


def fill(template: str, slots: _Slots) -> str:
    return template.format_map(slots)


def stream(seed: int, *parts) -> random.Random:
    """Return a random stream of its own for one part of the corpus."""
    return random.Random("/".join(str(part) for part in (seed, *parts)))


# Actors ---------------------------------------------------------------------


def actor_counts(articles: int) -> tuple[int, int]:
    """Return (people, organisations) for an archive of ``articles`` articles."""
    total = min(max(articles // 20, 30), 12_000)
    organisations = min(max(total * 15 // 100, 5), len(organisation_names()))
    return total - organisations, organisations


def organisation_names() -> list[tuple[str, tuple[str, ...]]]:
    names = []
    for pattern in words.ORGANISATION_PATTERNS:
        for country in words.COUNTRIES:
            name = pattern.format(country=country)
            short = name.rsplit(" of ", 1)[0]
            names.append((name, (f"the {short}", f"{country}'s {short}")))
    for name in words.INTERNATIONAL_BODIES:
        acronym = "".join(word[0] for word in name.split() if word[0].isupper())
        names.append((name, (acronym,)))
    return names


def generate_actors(*, seed: int, first_id: int, people: int, organisations: int) -> list[GeneratedActor]:
    rng = stream(seed, "actors", first_id)
    actors = [_person(rng, first_id + number, name) for number, name in enumerate(_person_names(rng, people))]
    chosen = rng.sample(organisation_names(), organisations)
    for number, (name, aliases) in enumerate(chosen, start=first_id + people):
        actors.append(_organisation(number, name, aliases))
    return actors


def _person_names(rng: random.Random, count: int) -> list[str]:
    names, seen = [], set()
    while len(names) < count:
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _person(rng: random.Random, actor_id: int, name: str) -> GeneratedActor:
    first, surname = name.split(" ", 1)
    roles = _roles(rng)
    country = roles[0].organisation.rsplit(" of ", 1)[-1] if roles else rng.choice(words.COUNTRIES)
    description = f"Public figure from {country}; {roles[0].title.lower()} from {roles[0].start.year}."
    return GeneratedActor(
        id=actor_id,
        name=name,
        slug=f"{slugify(name)}-{actor_id}",
        kind="person",
        description=description,
        short_name=surname,
        aliases=_distinct_aliases(name, _person_aliases(first, surname)),
        roles=roles,
    )


def _person_aliases(first: str, surname: str) -> list[str]:
    aliases = [surname]
    if surname.startswith("al-"):
        bare = surname[3:]
        aliases += [bare, f"{first} {bare}", f"Al-{bare}"]
    full = f"{first} {surname}"
    for before, after in words.SPELLING_VARIANTS:
        if before in full:
            aliases.append(full.replace(before, after, 1))
            break
    return aliases


def _distinct_aliases(name: str, aliases: list[str]) -> tuple[str, ...]:
    """Keep one alias per comparison key, none equal to the name itself."""
    seen, kept = {normalise_name(name)}, []
    for alias in aliases:
        key = normalise_name(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)


def _roles(rng: random.Random) -> tuple[GeneratedRole, ...]:
    country, city = rng.choice(words.COUNTRIES), rng.choice(words.CITIES)
    start = date(rng.randint(2004, 2020), rng.randint(1, 12), rng.randint(1, 28))
    roles = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        title, organisation = rng.choice(words.PERSON_TITLES)
        end = start + timedelta(days=rng.randint(300, 6 * 365))
        roles.append(GeneratedRole(title, organisation.format(country=country, city=city), start, end))
        start = end + timedelta(days=rng.randint(1, 700))
    if rng.random() < 0.4:
        roles[-1].end = None
    return tuple(roles)


def _organisation(actor_id: int, name: str, aliases: tuple[str, ...]) -> GeneratedActor:
    return GeneratedActor(
        id=actor_id,
        name=name,
        slug=f"{slugify(name)}-{actor_id}",
        kind="organisation",
        description=f"{name}.",
        short_name=aliases[0],
        aliases=_distinct_aliases(name, list(aliases)),
    )


# Tags -------------------------------------------------------------------------


def tag_count(articles: int) -> int:
    return min(max(articles // 300, 20), 400)


def generate_tags(*, first_id: int, count: int) -> list[GeneratedTag]:
    """Return up to ``count`` tags: topics, then their subtopics, then regional ones."""
    tags = []
    for topic, (name, aliases, _subtopics, _nouns) in enumerate(words.TOPICS):
        tags.append(_tag(first_id + len(tags), name, None, topic, aliases))
    parents = list(tags)
    for parent in parents:
        for name in words.TOPICS[parent.topic][2]:
            tags.append(_tag(first_id + len(tags), name, parent.id, parent.topic, (name.replace("-", ""),)))
    children = tags[len(parents) :]
    for region in words.REGIONS:
        for child in children:
            tags.append(_tag(first_id + len(tags), f"{child.name} in {region}", child.id, child.topic, ()))
    return tags[:count]


def _tag(tag_id: int, name: str, parent_id: int | None, topic: int, aliases) -> GeneratedTag:
    return GeneratedTag(
        id=tag_id,
        name=name,
        slug=f"{slugify(name)}-{tag_id}",
        parent_id=parent_id,
        topic=topic,
        aliases=_distinct_aliases(name, list(aliases)),
        description=f"Statements about {name[0].lower()}{name[1:]}.",
    )


# Articles -----------------------------------------------------------------------


class Cast:
    """Who may speak in the corpus, weighted so a few voices dominate."""

    def __init__(self, actors: list[GeneratedActor], tags: list[GeneratedTag]):
        self.people = [actor for actor in actors if actor.kind == "person"]
        self.organisations = [actor for actor in actors if actor.kind == "organisation"]
        self.people_weights = _zipf_weights(len(self.people))
        self.organisation_weights = _zipf_weights(len(self.organisations))
        self.tags_by_topic = {
            topic: [tag.id for tag in tags if tag.topic == topic] for topic in range(len(words.TOPICS))
        }
        self.all_tag_ids = [tag.id for tag in tags]

    def person(self, rng):
        return rng.choices(self.people, cum_weights=self.people_weights)[0]

    def organisation(self, rng):
        return rng.choices(self.organisations, cum_weights=self.organisation_weights)[0]


def _zipf_weights(count: int) -> list[float]:
    return list(accumulate(1 / (rank + 1) ** SPEAKER_SKEW for rank in range(count)))


def generate_article(*, seed: int, article_id: int, cast: Cast) -> GeneratedArticle:
    """Return one article with its statements at their true offsets in the body."""
    rng = stream(seed, "article", article_id)
    writer = _ArticleWriter(rng, cast, article_id)
    return writer.write()


class _ArticleWriter:
    def __init__(self, rng, cast: Cast, article_id: int):
        self.rng, self.cast, self.article_id = rng, cast, article_id
        self.topic = rng.randrange(len(words.TOPICS))
        self.published_on = None if rng.random() < 0.02 else ARCHIVE_START + timedelta(days=rng.randrange(ARCHIVE_DAYS))
        self.day = self.published_on or ARCHIVE_START + timedelta(days=rng.randrange(ARCHIVE_DAYS))
        self.imported_at = datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC) + timedelta(
            minutes=rng.randint(6 * 60, 30 * 60)
        )
        self.outlet = rng.choice(words.OUTLETS)
        self.speakers = self._choose_speakers()
        self.introduced: set[int] = set()
        self.used_texts: set[str] = set()
        self.parts: list[str] = []
        self.length = 0
        self.statements: list[GeneratedStatement] = []

    def _choose_speakers(self) -> list[GeneratedActor]:
        people = {self.cast.person(self.rng).id: None for _ in range(self.rng.randint(2, 4))}
        chosen = [actor for actor in self.cast.people if actor.id in people]
        self.rng.shuffle(chosen)
        if self.cast.organisations and self.rng.random() < 0.4:
            chosen.append(self.cast.organisation(self.rng))
        return chosen

    def write(self) -> GeneratedArticle:
        main = self.speakers[0]
        self._emit(self._dateline())
        self._statement(main, kind="indirect")
        for _ in range(self.rng.randint(5, 13)):
            self._emit("\n\n")
            if self.rng.random() < 0.4:
                self._emit(self._filler() + " ")
            self._statement(self._next_speaker(main))
        self._emit("\n\n" + self._filler() + f"\n\nStory reference {self.article_id}.")
        return self._finish(main)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _slots(self) -> _Slots:
        return _Slots(self.rng, self.topic)

    def _dateline(self) -> str:
        city = self.rng.choice(words.CITIES).upper()
        if self.published_on is None:
            return f"{city} ({self.outlet}) — "
        return f"{city}, {self.published_on.day} {self.published_on:%B} ({self.outlet}) — "

    def _filler(self) -> str:
        return fill(self.rng.choice(words.FILLER_SENTENCES), self._slots())

    def _next_speaker(self, main: GeneratedActor) -> GeneratedActor | None:
        if self.rng.random() < 0.01:
            return None
        return main if self.rng.random() < 0.5 else self.rng.choice(self.speakers)

    def _printed(self, actor: GeneratedActor | None) -> str:
        """Return how the article names ``actor`` here: in full the first time, shorter after."""
        if actor is None:
            return self.rng.choice(words.UNNAMED_SPEAKERS)
        if actor.kind == "organisation":
            return (
                f"the {actor.name}"
                if actor.id not in self.introduced
                else self.rng.choice(actor.aliases or (actor.name,))
            )
        title = actor.title_on(self.published_on)
        if actor.id not in self.introduced:
            return f"{title} {actor.name}" if title else actor.name
        draw = self.rng.random()
        if title and draw < 0.2:
            return "the minister" if "Minister" in title else f"the {title.lower()}"
        if draw < 0.7 and actor.aliases:
            return self.rng.choice(actor.aliases)
        return actor.short_name

    def _statement(self, actor: GeneratedActor | None, kind: str | None = None) -> None:
        kind = kind or self._kind_for(actor)
        correction_from = self._misattributed_to(actor)
        printed = self._printed(correction_from or actor)
        if actor is not None:
            self.introduced.add(actor.id)
        before, text, after = self._frame(kind, printed)
        for _ in range(3):
            # A wire story rarely repeats a quote word for word; redraw a few times.
            if text not in self.used_texts:
                break
            before, text, after = self._frame(kind, printed)
        self.used_texts.add(text)
        if before[:1].islower() and (not self.parts or self.parts[-1].endswith(("\n\n", ". "))):
            before, printed = before[0].upper() + before[1:], printed[0].upper() + printed[1:]
        start = self.length + len(before)
        self._emit(before + text + after)
        statement = GeneratedStatement(
            kind=kind,
            text=text,
            start=start,
            end=start + len(text),
            speaker_as_printed=printed,
            speaker_id=actor.id if actor else None,
        )
        self._review(statement)
        self._tag(statement)
        if correction_from is not None and statement.review_status == "confirmed":
            statement.correction = self._correction(correction_from, actor, printed)
        self.statements.append(statement)

    def _kind_for(self, actor: GeneratedActor | None) -> str:
        if actor is None:
            return "indirect"
        if actor.kind == "organisation":
            return "claim"
        return "direct" if self.rng.random() < 0.55 else "indirect"

    def _misattributed_to(self, actor: GeneratedActor | None) -> GeneratedActor | None:
        """About one statement in a hundred was printed under someone else's name."""
        if actor is None or actor.kind != "person" or self.rng.random() >= 0.0105:
            return None
        wrong = self.cast.person(self.rng)
        return wrong if wrong.id != actor.id else None

    def _frame(self, kind: str, printed: str) -> tuple[str, str, str]:
        slots, choice = self._slots(), self.rng.choice
        if kind == "direct":
            quote = fill(choice(words.DIRECT_QUOTES), slots)
            verb = choice(words.SPEECH_VERBS)
            return choice(
                (
                    ("“", quote, f",” {printed} {verb}."),
                    (f"{printed} {verb}: “", quote, ".”"),
                    ('"', quote, f'," said {printed}.'),
                    (f'{printed} added: "', quote, '."'),
                )
            )
        if kind == "claim":
            return (f"{printed} {choice(words.CLAIM_VERBS)} ", fill(choice(words.CLAIM_CLAUSES), slots), ".")
        clause = fill(choice(words.INDIRECT_CLAUSES), slots)
        if self.rng.random() < 0.8:
            return (f"{printed} {choice(words.INDIRECT_VERBS)} that ", clause, ".")
        return (f"According to {printed}, ", clause, ".")

    def _review(self, statement: GeneratedStatement) -> None:
        draw = self.rng.random()
        if draw < 0.97:
            if self.rng.random() < 0.3:
                statement.origin, statement.confidence = "extracted", round(self.rng.uniform(0.6, 0.99), 2)
            return
        statement.review_status = "suggested" if draw < 0.99 else "rejected"
        statement.published = False
        statement.origin, statement.confidence = "extracted", round(self.rng.uniform(0.3, 0.9), 2)

    def _tag(self, statement: GeneratedStatement) -> None:
        count = self.rng.choices((0, 1, 2, 3), cum_weights=(15, 60, 90, 100))[0]
        pool = self.cast.tags_by_topic.get(self.topic) or self.cast.all_tag_ids
        chosen = set(self.rng.sample(pool, min(count, len(pool))))
        if count and self.rng.random() < 0.2:
            chosen.add(self.rng.choice(self.cast.all_tag_ids))
        statement.tag_ids = tuple(sorted(chosen))

    def _correction(self, wrong: GeneratedActor, right: GeneratedActor, printed: str) -> GeneratedCorrection:
        reason = self.rng.choice(words.CORRECTION_REASONS).format(from_name=wrong.name, to_name=right.name)
        return GeneratedCorrection(
            from_actor_id=wrong.id,
            to_actor_id=right.id,
            speaker_as_printed=printed,
            reason=reason,
            corrected_at=self.imported_at + timedelta(days=self.rng.randint(1, 90), minutes=self.rng.randint(0, 1440)),
            is_public=self.rng.random() < 0.9,
        )

    def _finish(self, main: GeneratedActor) -> GeneratedArticle:
        body = "".join(self.parts)
        for statement in self.statements:
            statement.prefix = body[max(0, statement.start - ANCHOR_CONTEXT_LENGTH) : statement.start]
            statement.suffix = body[statement.end : statement.end + ANCHOR_CONTEXT_LENGTH]
        title = self._headline(main)
        slug = f"{slugify(title)[:80].strip('-')}-{self.article_id}"
        domain = slugify(self.outlet) + ".example"
        when = f"{self.published_on:%Y/%m}" if self.published_on else "news"
        return GeneratedArticle(
            id=self.article_id,
            title=title,
            slug=slug,
            outlet=self.outlet,
            url=f"https://{domain}/{when}/{slug}",
            published_on=self.published_on,
            body=body,
            import_key=f"synthetic/{self.article_id}",
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            status="published" if self.rng.random() < 0.95 else "draft",
            imported_at=self.imported_at,
            statements=self.statements,
        )

    def _headline(self, main: GeneratedActor) -> str:
        other = self.speakers[1] if len(self.speakers) > 1 else main
        slots = self._slots()
        slots.update(
            surname=main.short_name, surname2=other.short_name, title=main.title_on(self.published_on) or "Envoy"
        )
        headline = fill(self.rng.choice(words.HEADLINES), slots)
        return headline[0].upper() + headline[1:]
