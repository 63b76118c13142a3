"""One article prepared for extraction: sentences, mentions and speaker resolution."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .lexicon import ORGANISATION_NOUNS, PRONOUNS
from .mentions import Mention, scan_names, scan_role_phrases, unknown_key
from .names import ActorIndex, has_role_on, name_tokens, role_country_fits, role_fits, role_query, strip_titles
from .records import KnownActor
from .text import TextRange, boilerplate_spans, normalise_same_length, paragraphs, sentences

ORGANISATION_NOUN_SET = frozenset(ORGANISATION_NOUNS) | {"organisation", "programme", "agency"}

_last_index: tuple[object, ActorIndex | None] = (None, None)
# How far before "who" its antecedent may end: "Ana Ruiz, the mayor of the town, who".
RELATIVE_REACH = 60


def actor_index(actors: Sequence[KnownActor]) -> ActorIndex:
    """Return the index of ``actors``, reusing the last one when the same registry tuple comes again.

    Callers extract many articles with one registry; rebuilding its index for
    each made every article cost time in proportion to the whole registry.
    Only a tuple is reused, by identity: it cannot change in place, so a
    changed registry is a new object and is indexed afresh.
    """
    global _last_index
    if not isinstance(actors, tuple):
        return ActorIndex(actors)
    cached_actors, cached = _last_index
    if cached is None or cached_actors is not actors:
        cached = ActorIndex(actors)
        _last_index = (actors, cached)
    return cached


@dataclass(frozen=True)
class Resolution:
    """Who a printed speaker is, how sure we are, and why."""

    slug: str | None
    name: str
    key: str
    confidence: float
    reasons: tuple[str, ...]


class ArticleContext:
    def __init__(self, text: str, actors: Sequence[KnownActor], day: date | None) -> None:
        self.text = text
        self.norm = normalise_same_length(text)
        self.day = day
        self.index = actor_index(actors)
        self.paragraphs = paragraphs(self.norm)
        self.boilerplate = boilerplate_spans(self.norm, self.paragraphs)
        self.body = [p for p in self.paragraphs if p not in self.boilerplate]
        self.sentences = [s for p in self.body for s in sentences(self.norm, p)]
        self._sentence_starts = [s.start for s in self.sentences]
        self.mentions = self._scan_mentions()
        self._mention_starts = [m.start for m in self.mentions]
        self.quoted: list[tuple[int, int]] = []  # the spans inside quote marks, once the extractor has found them

    def is_boilerplate(self, position: int) -> bool:
        return any(span.contains(position) for span in self.boilerplate)

    def sentence_at(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def _scan_mentions(self) -> list[Mention]:
        names = scan_names(self.norm, self.index, self.is_boilerplate)
        settled: list[Mention] = []
        for mention in names:
            settled.append(self._settle(mention, settled))
        for start, end, phrase in scan_role_phrases(self.norm, self.is_boilerplate):
            earlier = [m for m in settled if m.start < start]
            resolution = self.resolve_role(phrase, start, earlier)
            settled.append(
                Mention(start, end, phrase, resolution.key, resolution.name, resolution.slug, "person", "role")
            )
        return sorted(settled, key=lambda mention: mention.start)

    def _settle(self, mention: Mention, earlier: list[Mention]) -> Mention:
        """Pick among several actors sharing a name, preferring this article's own people."""
        if mention.slug is None or not mention.how.endswith("surname") and not mention.how.startswith("ambiguous"):
            return mention
        surname = name_tokens(mention.printed)[-1:]
        for other in reversed(earlier):
            if name_tokens(other.printed)[-1:] == surname and len(name_tokens(other.printed)) > 1:
                return replace(mention, key=other.key, slug=other.slug, name=other.name)
        actors, _ = self.index.lookup(mention.printed)
        chosen = self.choose(actors, earlier)
        return replace(mention, key=chosen.slug, slug=chosen.slug, name=chosen.name)

    def choose(self, actors: list[KnownActor], earlier: Sequence[Mention]) -> KnownActor:
        mentioned = {m.slug for m in earlier}
        for actor in actors:
            if actor.slug in mentioned:
                return actor
        in_office = [actor for actor in actors if has_role_on(actor, self.day)]
        return (in_office or actors)[0]

    def mentions_before(self, position: int) -> list[Mention]:
        return self.mentions[: bisect.bisect_left(self._mention_starts, position)]

    def resolve_role(self, phrase: str, position: int, earlier: Sequence[Mention] | None = None) -> Resolution:
        """Resolve "the minister" to the last earlier person whose role fits on the day."""
        query = role_query(phrase)
        earlier = self.mentions_before(position) if earlier is None else earlier
        for mention in reversed(earlier):
            if mention.kind != "person" or mention.key.startswith("role:"):
                continue
            if self._mention_fits_role(mention, query):
                return Resolution(
                    mention.slug,
                    mention.name,
                    mention.key,
                    0.8,
                    (f'"{phrase}" refers back to {mention.name}, whose role fits',),
                )
        candidates = [
            a
            for a in self.index.role_candidates(query, self.day)
            if any(role_country_fits(query, r) for r in a.roles_on(self.day))
        ]
        if len(candidates) == 1:
            actor = candidates[0]
            return Resolution(
                actor.slug,
                actor.name,
                actor.slug,
                0.55,
                (f"{actor.name} is the only known actor holding this role then",),
            )
        return Resolution(
            None, phrase, "role:" + phrase.lower(), 0.3, (f'no one named in the article fits "{phrase}"',)
        )

    def _mention_fits_role(self, mention: Mention, query) -> bool:
        if mention.slug is not None:
            actor = self.index.by_slug[mention.slug]
            return any(role_fits(query, role) for role in actor.roles_on(self.day))
        printed_role = role_query(mention.title)
        return bool(query.required) and query.required <= printed_role.required

    def resolve_pronoun(self, pronoun: str, position: int) -> Resolution:
        """Resolve "he" to this sentence's first person, else the previous sentence's."""
        wanted = PRONOUNS.get(pronoun.lower(), "any")
        sentence = self.sentence_at(position)
        for index in range(sentence, max(-1, sentence - 4), -1):
            span = self.sentences[index]
            limit = position if index == sentence else span.end
            subject = self._first_mention(span.start, limit, wanted)
            if subject is not None:
                return Resolution(
                    subject.slug,
                    subject.name,
                    subject.key,
                    0.75,
                    (f'"{pronoun}" refers to {subject.name}, the subject nearby',),
                )
        return Resolution(
            None, pronoun, "pronoun:" + pronoun.lower(), 0.2, (f'no one to whom "{pronoun}" could refer',)
        )

    def subject_of(self, sentence: TextRange, limit: int) -> Mention | None:
        """The first person named in a sentence before ``limit``: its usual subject."""
        return self._first_mention(sentence.start, limit, "person")

    def _first_mention(self, start: int, end: int, wanted: str) -> Mention | None:
        first = bisect.bisect_left(self._mention_starts, start)
        for mention in self.mentions[first:]:
            if mention.start >= end:
                return None
            if mention.key.startswith(("role:", "pronoun:")):
                continue
            if wanted == "any" or mention.kind == wanted:
                return mention
        return None

    def resolve_name(self, printed: str, position: int) -> Resolution:
        """Resolve a printed name: registry name or alias, surname, else unknown."""
        title, name = strip_titles(printed)
        name = name or printed
        # In "London Fire Brigade commissioner Dany Cotton" the speaker is the last name printed.
        own = [m for m in self.mentions if m.start <= position < m.end or position <= m.start < position + len(printed)]
        if own and own[-1].slug:
            mention = own[-1]
            return Resolution(
                mention.slug,
                mention.name,
                mention.key,
                _confidence(mention.how),
                (f'"{printed}" matches {mention.name} by {mention.how}',),
            )
        actors, how = self.index.lookup(name)
        if actors:
            actor = self.choose(actors, self.mentions_before(position))
            return Resolution(
                actor.slug, actor.name, actor.slug, _confidence(how), (f'"{printed}" matches {actor.name} by {how}',)
            )
        if own:
            return Resolution(None, own[-1].name, own[-1].key, 0.6, (f'"{printed}" is not a known actor',))
        fuller = self._earlier_full_name(name, position)
        if fuller is not None:
            return Resolution(
                None, fuller.name, fuller.key, 0.6, (f'"{printed}" is {fuller.name}, named earlier; not a known actor',)
            )
        return Resolution(None, name, unknown_key(name), 0.5, (f'"{printed}" is not a known actor',))

    def _earlier_full_name(self, name: str, position: int) -> Mention | None:
        tokens = name_tokens(name)
        if len(tokens) != 1:
            return None
        for mention in reversed(self.mentions_before(position)):
            if (
                mention.how != "role"
                and name_tokens(mention.name)[-1:] == tokens
                and len(name_tokens(mention.name)) > 1
            ):
                return mention
        return None

    def resolve(self, printed: str, start: int) -> Resolution:
        lowered = printed.lower()
        if lowered == "who":
            return self._resolve_relative(printed, start)
        if lowered in PRONOUNS:
            return self.resolve_pronoun(printed, start)
        if lowered.startswith(("the ", "a ", "an ")):
            return self._resolve_description(printed, start)
        return self.resolve_name(printed, start)

    def _resolve_relative(self, printed: str, start: int) -> Resolution:
        """ "critics of the plan, like Ana Ruiz, who said …": "who" is the last one named just before it."""
        before = self.mentions_before(start)
        if before and start - before[-1].end < RELATIVE_REACH:
            mention = before[-1]
            return Resolution(
                mention.slug, mention.name, mention.key, 0.7, (f'"who" refers to {mention.name}, named just before',)
            )
        return Resolution(None, printed, "pronoun:who", 0.2, ('no one to whom "who" could refer',))

    def _resolve_description(self, printed: str, start: int) -> Resolution:
        own = [m for m in self.mentions if m.start <= start < m.end or start <= m.start < start + len(printed)]
        named = [m for m in own if m.how != "role"]
        if named:
            return self.resolve_name(self.norm[named[0].start : named[0].end], named[0].start)
        roles = [m for m in own if m.how == "role"]
        if roles:
            return self.resolve_role(roles[0].printed, roles[0].start)
        organisation = self._organisation_described(printed, start)
        if organisation is not None:
            return Resolution(
                organisation.slug,
                organisation.name,
                organisation.key,
                0.7,
                (f'"{printed}" refers back to {organisation.name}',),
            )
        return self.resolve_name(printed, start)

    def _organisation_described(self, printed: str, position: int) -> Mention | None:
        """ "the committee" or "the statement": the last organisation named, by its noun if possible."""
        words = set(printed.lower().split())
        if not words & ORGANISATION_NOUN_SET:
            return None
        earlier = [m for m in self.mentions_before(position) if m.kind == "organisation"]
        for mention in reversed(earlier):
            if words & set(mention.name.lower().split()) & ORGANISATION_NOUN_SET:
                return mention
        return earlier[-1] if earlier else None


def _confidence(how: str) -> float:
    if how.startswith("ambiguous"):
        return 0.6
    return {"full name": 0.95, "first and last name": 0.9, "spelling variant": 0.8, "surname": 0.8, "title": 0.7}.get(
        how, 0.7
    )
