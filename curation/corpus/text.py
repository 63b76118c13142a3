"""Pure generation of the synthetic archive: names, tags, articles, statements.

No ORM here. Every article draws from its own random stream, seeded by the
corpus seed and the article's id, so the same seed gives the same rows
whatever the batch size, and an append continues where the archive ends.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils.text import slugify

from curation.corpus import vocabulary as words
from curation.extraction.names import normalise_name

ARCHIVE_START = date(2010, 1, 1)
ARCHIVE_DAYS = (date(2024, 12, 31) - ARCHIVE_START).days
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


class Slots(dict):
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


def fill(template: str, slots: Slots) -> str:
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
