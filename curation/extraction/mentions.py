"""Who is mentioned where in an article: names, titles and role descriptions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import DEMONYMS, NAME_PARTICLES, ORGANISATION_NOUNS, ROLE_NOUN_PATTERN, ROLE_NOUNS, TITLE_WORDS
from .names import ActorIndex, name_key, name_tokens
from .patterns import FINITE_CUE_RE

_NAME_WORD = r"[A-Z][^\W_]*(?:['.-][^\W_]+)*\.?"
_PREFIX = r"(?:(?:al|el|de|da|di|du|van|von|der|bin|ibn|abu)[- ])"
NAME_RUN_RE = re.compile(
    rf"(?<![\w'-]){_PREFIX}?{_NAME_WORD}"
    rf"(?:[ ]+(?:\({_NAME_WORD}\)[ ]+)?(?:{_PREFIX}?{_NAME_WORD}|of[ ]+the[ ]+(?={_NAME_WORD})))*"
)
ROLE_PHRASE_RE = re.compile(rf"\b[Tt]he[ ]+(?:[\w'-]+[ ]+){{0,3}}?(?:{ROLE_NOUN_PATTERN})(?![\w-])", re.IGNORECASE)
_APPOSITION_RE = re.compile(r"(?:[ ]+of[ ]+(?:the[ ]+)?[A-Z][\w ]{0,40}?)?,?[ ]+(?:Mr|Mrs|Ms|Dr|Sir)?\.?[ ]*[A-Z]")
_SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "but",
        "and",
        "however",
        "meanwhile",
        "separately",
        "later",
        "also",
        "after",
        "before",
        "during",
        "while",
        "when",
        "since",
        "although",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "their",
        "its",
        "our",
        "according",
        "earlier",
        "last",
        "on",
        "friday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "saturday",
        "sunday",
    ]
)
PERSON_TITLES = (
    frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
            "professor",
            "sir",
            "dame",
            "lord",
            "lady",
            "sheikh",
            "sayyed",
            "ltg",
            "lt",
            "gen",
            "general",
            "lieutenant",
            "colonel",
            "col",
            "major",
            "brigadier",
            "admiral",
            "captain",
            "president",
            "minister",
            "ambassador",
            "undersecretary",
            "secretary",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "envoy",
            "chairman",
            "senator",
            "governor",
            "king",
            "queen",
            "prince",
            "emir",
            "imam",
            "ayatollah",
            "judge",
            "premier",
            "chancellor",
            "mayor",
            "commander",
            "director",
            "adviser",
            "advisor",
        ]
    )
    | frozenset(word for noun in ROLE_NOUNS for word in noun.split())
    | frozenset(["said", "says", "told", "added", "stated", "noted", "warned", "replied", "wrote"])
)
ORGANISATION_WORDS = frozenset(ORGANISATION_NOUNS) - {"statement", "report", "communique"} | {
    "programme",
    "program",
    "fund",
    "bank",
    "board",
    "institute",
    "brigade",
    "forces",
    "cross",
    "crescent",
    "federation",
    "association",
    "network",
    "foundation",
}


# Words that make a capitalised pair a place or an institution rather than a person: "New York", "White House".
PLACE_WORDS = frozenset(
    """new york city state states county street avenue house hall square park river valley island islands
    north south east west northern southern eastern western united kingdom republic district capitol hill
    university college school center centre times post news journal street america american washington
    york angeles francisco vegas jersey carolina dakota virginia hampshire mexico orleans diego jose
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december day night week year act bill law amendment""".split()
)


@dataclass(frozen=True)
class Mention:
    """One place an actor is named or described."""

    start: int
    end: int
    printed: str
    key: str  # actor slug, or "name:<key>" for an actor not in the registry
    name: str
    slug: str | None
    kind: str  # "person" | "organisation"
    how: str  # "full name", "surname", "role", "title", ...
    title: str = ""  # the title words printed before the name


def unknown_key(name: str) -> str:
    return "name:" + name_key(name)


@dataclass
class _Word:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.strip("().,").lower()

    @property
    def is_title(self) -> bool:
        return self.bare in TITLE_WORDS or self.bare in DEMONYMS or self.bare == "of"


def scan_names(norm: str, index: ActorIndex, skip) -> list[Mention]:
    """Find every name mention; ``skip(start)`` says whether a place is boilerplate."""
    mentions: list[Mention] = []
    unknown_by_surname: dict[str, Mention] = {}
    for match in NAME_RUN_RE.finditer(norm):
        if skip(match.start()):
            continue
        words = [
            _Word(m.group(), match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(r"\S+", match.group())
        ]
        preceding = _preceding_word(norm, match.start())
        for mention in _mentions_in_run(norm, words, preceding, index):
            mention = _link_surname(mention, unknown_by_surname)
            mentions.append(mention)
    return mentions


def _preceding_word(norm: str, position: int) -> str:
    found = re.search(r"([A-Za-z-]+)[ ,]*$", norm[max(0, position - 30) : position])
    return found.group(1).lower() if found else ""


def _segments(words: list[_Word]) -> list[tuple[list[_Word], list[_Word]]]:
    """Split a run of capitalised words into (title words, name words) pairs."""
    segments, titles, names = [], [], []
    for word in words:
        if word.is_title and word.bare.split("-")[0] not in NAME_PARTICLES:
            if names:
                segments.append((titles, names))
                titles, names = [], []
            titles.append(word)
        else:
            names.append(word)
    if names:
        segments.append((titles, names))
    return segments


def _mentions_in_run(norm: str, words: list[_Word], preceding: str, index: ActorIndex) -> list[Mention]:
    while words and words[0].bare in _SENTENCE_OPENERS:
        words = words[1:]
    found: list[Mention] = []
    for titles, names in _segments(words):
        found.extend(_match_segment(norm, titles, names, preceding, index))
        preceding = names[-1].bare
    return found


def _match_segment(norm, titles, names, preceding, index) -> list[Mention]:
    title = " ".join(word.text for word in titles)
    known = _known_windows(norm, names, index, title)
    if known:
        return known
    start, end = names[0].start, names[-1].end
    printed = norm[start:end].rstrip(".")
    end = start + len(printed)
    if not name_tokens(printed):
        return []
    if any(word.bare in ORGANISATION_WORDS for word in names):
        full = norm[(titles[0].start if titles else start) : end]
        return [Mention(start, end, printed, unknown_key(full), full, None, "organisation", "name", title)]
    is_titled = any(word.bare in PERSON_TITLES for word in titles) or preceding in PERSON_TITLES
    looks_like_a_person = len(names) in (2, 3) and not any(word.bare in PLACE_WORDS for word in names)
    if not (is_titled or looks_like_a_person or len(names) > 1 and _speaks_next(norm, end)):
        return []
    return [Mention(start, end, printed, unknown_key(printed), printed, None, "person", "title", title)]


def _speaks_next(norm: str, end: int) -> bool:
    """True for "Asad Memon, a rescue worker" and "Asad Memon said": a person, not a place."""
    if re.match(r",[ ]+(?:a|an|the)[ ]+[a-z]", norm[end : end + 12]):
        return True
    cue = FINITE_CUE_RE.match(norm, end + 1) if norm[end : end + 1] == " " else None
    return cue is not None


def _known_windows(norm, names, index, title) -> list[Mention]:
    """Match the longest windows of the name words against the registry."""
    found, used = [], [False] * len(names)
    for size in range(min(len(names), 5), 0, -1):
        for first in range(len(names) - size + 1):
            if any(used[first : first + size]):
                continue
            start, end = names[first].start, names[first + size - 1].end
            printed = norm[start:end].rstrip(".,")
            actors, how = index.lookup(printed)
            if not actors:
                continue
            for position in range(first, first + size):
                used[position] = True
            end = start + len(printed)
            actor = actors[0]
            found.append(
                Mention(
                    start,
                    end,
                    printed,
                    actor.slug,
                    actor.name,
                    actor.slug,
                    actor.kind,
                    how if len(actors) == 1 else "ambiguous " + how,
                    title,
                )
            )
    return sorted(found, key=lambda mention: mention.start)


def _link_surname(mention: Mention, unknown_by_surname: dict[str, Mention]) -> Mention:
    """Make a later surname-only mention of an unregistered person point to the full one."""
    if mention.slug is not None:
        return mention
    tokens = name_tokens(mention.printed)
    if not tokens:
        return mention
    if len(tokens) >= 2:
        unknown_by_surname.setdefault(tokens[-1], mention)
        return mention
    earlier = unknown_by_surname.get(tokens[0])
    if earlier is None:
        return mention
    return Mention(
        mention.start, mention.end, mention.printed, earlier.key, earlier.name, None, "person", "surname", mention.title
    )


def scan_role_phrases(norm: str, skip) -> list[tuple[int, int, str]]:
    """Find "the minister"-like descriptions that stand for a person named elsewhere."""
    phrases = []
    for match in ROLE_PHRASE_RE.finditer(norm):
        if skip(match.start()):
            continue
        # "the Foreign Minister of Tajikistan, Mr. X" introduces X; it does not refer back.
        if _APPOSITION_RE.match(norm, match.end()):
            continue
        phrases.append((match.start(), match.end(), match.group()))
    return phrases
