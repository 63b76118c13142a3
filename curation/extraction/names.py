"""Name keys, the per-call actor index, and role matching against dated roles.

``normalise_name`` is the one comparison key for names in the whole desk:
alias look-ups, search and merges use it as well as the extractor.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .lexicon import DEMONYMS, NAME_PARTICLES, ROLE_NOUNS, TITLE_WORDS
from .records import KnownActor, KnownRole
from .text import normalise_same_length

APOSTROPHES = "'’‘`´ʼ"
DASHES = "‐‑‒–—―-"
_SPACE_RUN_RE = re.compile(r"\s+")
_REMOVE_APOSTROPHES = {ord(char): None for char in APOSTROPHES}
_DASHES_TO_SPACES = {ord(char): " " for char in DASHES}


def normalise_name(name: str) -> str:
    """Return a comparison key: "Da’esh", "Da'esh" and "DAESH" all give "daesh".

    Accents are dropped, apostrophes removed, dashes and every kind of space
    (non-breaking included) become one plain space. Particles stay: "al-Jaafari"
    and "Jaafari" are different printed names (``name_key`` folds those).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    spaced = without_marks.translate(_REMOVE_APOSTROPHES).translate(_DASHES_TO_SPACES)
    return _SPACE_RUN_RE.sub(" ", spaced).strip().casefold()


_TOKEN_RE = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"'s\b|s'(?=\s|$)")
_VOWELS_RE = re.compile(r"[aeiouy]")


def name_tokens(name: str) -> list[str]:
    """Return the lower-case words of a name, with apostrophes, dots and particles gone."""
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    # The same names recur in every article; folding each once pays for the cache many times over.
    folded = _POSSESSIVE_RE.sub("", normalise_same_length(name).lower())
    folded = folded.replace("-", " ")
    words = [word.replace("'", "").replace(".", "") for word in _TOKEN_RE.findall(folded)]
    return tuple(word for word in words if word and word not in NAME_PARTICLES)


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def consonant_skeleton(key: str) -> str:
    """Fold spelling variants such as Daesh/Da'ash by dropping inner vowels."""
    return " ".join(word[0] + _VOWELS_RE.sub("", word[1:]) for word in key.split())


def strip_titles(printed: str) -> tuple[str, str]:
    """Split "Iraqi Foreign Minister Ibrahim al-Jaafari" into (title part, name part).

    The name is the trailing run of capitalised words that are not titles.
    """
    words = printed.split()
    index = len(words)
    while index > 0:
        word = words[index - 1]
        bare = word.strip("(),.").lower()
        is_particle = bare.split("-")[0] in NAME_PARTICLES
        if bare in TITLE_WORDS or bare in DEMONYMS or not (word[:1].isupper() or is_particle):
            break
        index -= 1
    name = " ".join(words[index:]).strip(" ,")
    if name.endswith(".") and len(name.split()[-1]) > 4:
        name = name[:-1]
    return " ".join(words[:index]).strip(" ,"), name


_ROLE_SYNONYMS = {
    "under-secretary": "undersecretary",
    "premier": "prime minister",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "chairwoman": "chairman",
    "secretary-general": "secretary general",
    "defense": "defence",
    "advisor": "adviser",
    "lawmaker": "mp",
}
_ROLE_VOCABULARY = frozenset(
    word for noun in ROLE_NOUNS for word in _ROLE_SYNONYMS.get(noun, noun).replace("-", " ").split()
) | {
    "foreign",
    "interior",
    "defence",
    "finance",
    "prime",
    "deputy",
    "vice",
    "justice",
    "health",
    "trade",
    "legal",
    "undersecretary",
    "spokesperson",
    "ministry",
    "presidency",
    "diplomat",
}
_ROLE_FILLER = frozenset(
    {
        "the",
        "a",
        "an",
        "top",
        "senior",
        "new",
        "former",
        "country's",
        "of",
        "for",
        "and",
        "s",
        "chief",
        "veteran",
        "acting",
        "affairs",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "sheikh",
        "ltg",
        "his",
        "her",
        "excellency",
    }
)


def _role_words(text: str) -> list[str]:
    folded = normalise_same_length(text).lower().replace("under secretary", "undersecretary")
    words = []
    for word in re.findall(r"[a-z][a-z'-]*", folded):
        word = _ROLE_SYNONYMS.get(word, word)
        words.extend(word.split())
    return words


@dataclass(frozen=True)
class RoleQuery:
    """What a role phrase asks of a role: words its title must hold, and a country."""

    required: frozenset[str]
    country: str | None


def role_query(phrase: str) -> RoleQuery:
    words = _role_words(phrase)
    country = next((DEMONYMS[word] for word in words if word in DEMONYMS), None)
    # Only role words count: an unlisted nationality or place must not block a match.
    required = {w for w in words if w in _ROLE_VOCABULARY}
    if "diplomat" in required:
        # "The top diplomat" is the foreign minister; a plain "diplomat" may be any envoy.
        required.discard("diplomat")
        if "top" in words or "chief" in words:
            required |= {"foreign", "minister"}
    return RoleQuery(frozenset(required), country)


def role_fits(query: RoleQuery, role: KnownRole) -> bool:
    role_text = _role_words(f"{role.title} {role.organisation}")
    held = set(role_text)
    if "foreign" in query.required and "foreign" not in held and "external" in held:
        held.add("foreign")
    return bool(query.required) and query.required <= held


def role_country_fits(query: RoleQuery, role: KnownRole) -> bool:
    if query.country is None:
        return True
    return query.country in normalise_same_length(f"{role.title} {role.organisation}").lower()


# One registry serves a whole run of articles; its memory of printed names must not grow without end.
MAXIMUM_REMEMBERED_LOOKUPS = 100_000


class ActorIndex:
    """Known actors indexed by name, alias, surname and spelling skeleton."""

    def __init__(self, actors: Sequence[KnownActor]) -> None:
        self.by_slug = {actor.slug: actor for actor in actors}
        self.full: dict[str, list[KnownActor]] = {}
        self.surname: dict[str, list[KnownActor]] = {}
        self.skeleton: dict[str, list[KnownActor]] = {}
        self._looked_up: dict[str, tuple[list[KnownActor], str]] = {}
        for actor in actors:
            for variant in (actor.name, *actor.aliases):
                self._add_variant(actor, variant)

    def _add_variant(self, actor: KnownActor, variant: str) -> None:
        tokens = name_tokens(strip_titles(variant)[1] or variant)
        if not tokens:
            return
        key = " ".join(tokens)
        _append(self.full, key, actor)
        if len(key.replace(" ", "")) >= 5:
            _append(self.skeleton, consonant_skeleton(key), actor)
        if actor.kind != "person" or len(tokens) < 2:
            return
        _append(self.surname, tokens[-1], actor)
        without_initials = [token for token in tokens if len(token) > 1]
        _append(self.full, f"{tokens[0]} {tokens[-1]}", actor)
        _append(self.full, " ".join(without_initials), actor)

    def lookup(self, printed_name: str) -> tuple[list[KnownActor], str]:
        """Return the actors a printed name may be, and how it matched."""
        found = self._looked_up.get(printed_name)
        if found is None:
            if len(self._looked_up) > MAXIMUM_REMEMBERED_LOOKUPS:
                self._looked_up.clear()
            found = self._looked_up[printed_name] = self._lookup(printed_name)
        return list(found[0]), found[1]

    def _lookup(self, printed_name: str) -> tuple[list[KnownActor], str]:
        tokens = name_tokens(printed_name)
        if not tokens:
            return [], ""
        key = " ".join(tokens)
        if key in self.full:
            return list(self.full[key]), "full name"
        without_initials = " ".join(token for token in tokens if len(token) > 1)
        if without_initials in self.full:
            return list(self.full[without_initials]), "full name"
        if len(tokens) >= 2 and f"{tokens[0]} {tokens[-1]}" in self.full:
            return list(self.full[f"{tokens[0]} {tokens[-1]}"]), "first and last name"
        if len(key.replace(" ", "")) >= 5 and consonant_skeleton(key) in self.skeleton:
            return list(self.skeleton[consonant_skeleton(key)]), "spelling variant"
        if len(tokens) == 1 and tokens[0] in self.surname:
            return list(self.surname[tokens[0]]), "surname"
        return [], ""

    def role_candidates(self, query: RoleQuery, day: date | None) -> list[KnownActor]:
        return [actor for actor in self.by_slug.values() if any(role_fits(query, role) for role in actor.roles_on(day))]


def _append(index: dict[str, list[KnownActor]], key: str, actor: KnownActor) -> None:
    bucket = index.setdefault(key, [])
    if actor not in bucket:
        bucket.append(actor)


def has_role_on(actor: KnownActor, day: date | None) -> bool:
    return bool(actor.roles) and bool(actor.roles_on(day))
