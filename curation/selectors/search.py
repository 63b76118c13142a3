"""Search over the public record: one search for the public page, the admin and the API's ``q``.

A query is read as words (folded by ``curation.search_text`` exactly as the
stored documents are) and every word must match, whole. A run of words that
is the name or an alias of an actor or topic ("Daesh", "ISIS", "al-Jaafari")
matches any of: the words themselves, what the actor said or the topic
files, or any other name of theirs in a statement's words. The names are
resolved when searching, so an alias added today finds today.

PostgreSQL matches the stored ``tsvector`` (GIN index) and ranks with
``ts_rank``; SQLite matches its FTS5 table and ranks with ``bm25``. Both
read the same folded words, so they find the same statements.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower

from curation.models import Actor, Tag
from curation.search_text import actor_marker, name_key, phrase_words, searched, topic_marker, word_parts
from curation.selectors.public import actors_listing, actors_matching, articles_listing, statements_listing

SEARCH_WORDS_AT_MOST = 12
NAME_WORDS_AT_MOST = 6
FTS_TABLE = "curation_statement_fts"


@dataclass(frozen=True)
class NameMatch:
    """Words of a query that name actors or topics, and the ones they name."""

    words: str
    actors: tuple[Actor, ...] = ()
    topics: tuple[Tag, ...] = ()


@dataclass
class StatementQuery:
    """A parsed query: every term must match; a term matches when one of its alternatives does.

    An alternative is a phrase: its words in a row ("islamic state"), as
    stored, common words left out on both sides.
    """

    text: str
    terms: list[list[tuple[str, ...]]] = field(default_factory=list)
    names: list[NameMatch] = field(default_factory=list)

    @property
    def searchable(self) -> bool:
        return bool(self.terms)

    def fts5(self) -> str:
        # Every phrase is quoted and words are letters and digits only
        # (``plain_words``): nothing a reader types becomes FTS5 syntax.
        return " AND ".join("(" + " OR ".join(f'"{" ".join(words)}"' for words in term) + ")" for term in self.terms)

    def tsquery(self) -> str:
        # Words are letters and digits only (``plain_words``): none is tsquery syntax.
        return " & ".join("(" + " | ".join(" <-> ".join(words) for words in term) + ")" for term in self.terms)


def _run_keys(words: list[str]) -> set[str]:
    return {
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, min(len(words), start + NAME_WORDS_AT_MOST) + 1)
    }


def _named(model, keys: set[str]):
    # "the Kremlin" is named by "Kremlin" too: the article is how it was printed.
    keys = keys | {f"the {key}" for key in keys}
    candidates = keys | {key.replace(" ", "-") for key in keys}
    condition = Q(lowered__in=candidates) | Q(aliases__normalised__in=keys)
    queryset = model.objects.annotate(lowered=Lower("name")).filter(condition)
    if model is Actor:
        queryset = queryset.filter(merged_into__isnull=True)
    return queryset.distinct().prefetch_related("aliases").order_by("name", "pk")


def _name_keys(name: str) -> set[str]:
    key = name_key(name)
    return {key, key.removeprefix("the ")}


def _names_by_key(words: list[str]) -> dict[str, list]:
    """Return the actors and topics whose name or an alias is a run of ``words``, by that run."""
    keys = _run_keys(words)
    found: dict[str, list] = {}
    for model in (Actor, Tag):
        for entity in _named(model, keys):
            for name in [entity.name, *(alias.name for alias in entity.aliases.all())]:
                for key in _name_keys(name) & keys:
                    if entity not in found.setdefault(key, []):
                        found[key].append(entity)
    return found


def _name_term(entities, run: list[tuple[str, bool]]) -> list[tuple[str, ...]]:
    alternatives = [tuple(word for word in (searched(part, capitals) for part, capitals in run) if word)]
    for entity in entities:
        marker = actor_marker(entity.pk) if isinstance(entity, Actor) else topic_marker(entity.pk)
        alternatives.append((marker,))
        names = [entity.name, *(alias.name for alias in entity.aliases.all())]
        alternatives.extend(phrase_words(name) for name in names)
    return list(dict.fromkeys(words for words in alternatives if words))


def statement_query(text: str) -> StatementQuery:
    """Parse what a reader, an editor or a program typed; never fails, whatever ``text`` holds."""
    parts = [part for chunk in word_parts(text)[:SEARCH_WORDS_AT_MOST] for part in chunk]
    words = [word for word, _ in parts]
    query = StatementQuery(text=text)
    by_key = _names_by_key(words) if words else {}
    position = 0
    while position < len(words):
        for length in range(min(NAME_WORDS_AT_MOST, len(words) - position), 0, -1):
            key = " ".join(words[position : position + length])
            entities = by_key.get(key)
            run = parts[position : position + length]
            # A name made only of common words ("IS") is meant only when
            # written in capitals: "what is said" is not about the group.
            if entities and any(searched(part, capitals) for part, capitals in run):
                query.terms.append(_name_term(entities, run))
                actors = tuple(entity for entity in entities if isinstance(entity, Actor))
                topics = tuple(entity for entity in entities if isinstance(entity, Tag))
                # Said back as typed when the name is the whole query ("Da’esh"), else as folded.
                said = text.strip() if length == len(words) else key
                query.names.append(NameMatch(words=said, actors=actors, topics=topics))
                position += length
                break
        else:
            word = searched(*parts[position])
            if word:
                query.terms.append([(word,)])
            position += 1
    return query


def _matching(queryset, query: StatementQuery, *, ranked: bool):
    if not query.searchable:
        return queryset.none()
    if connection.vendor == "postgresql":
        condition = RawSQL(
            "curation_statement.search_vector @@ to_tsquery('curation_search', %s)",
            [query.tsquery()],
            output_field=BooleanField(),
        )
        queryset = queryset.filter(condition)
        if ranked:
            rank = RawSQL(
                "ts_rank(curation_statement.search_vector, to_tsquery('curation_search', %s))",
                [query.tsquery()],
                output_field=FloatField(),
            )
            queryset = queryset.annotate(rank=rank).order_by("-rank", "-id")
        return queryset
    matches = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [query.fts5()])
    queryset = queryset.filter(pk__in=matches)
    if ranked:
        # bm25 is lower for better matches; negated so both databases sort "-rank".
        rank = RawSQL(
            f"(SELECT -rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = curation_statement.id)",
            [query.fts5()],
            output_field=FloatField(),
        )
        queryset = queryset.annotate(rank=rank).order_by("-rank", "-id")
    return queryset


def _as_query(text: str | StatementQuery) -> StatementQuery:
    return text if isinstance(text, StatementQuery) else statement_query(text)


# The search page ranks the newest this many public matches of a query. A
# common word matches tens of thousands of a million statements; ranking
# them all costs hundreds of milliseconds to pick twenty.
RANKED_AT_MOST = 1_000


def statements_search(text: str | StatementQuery):
    """Public statements matching ``text``, best first among the newest ``RANKED_AT_MOST`` matches: the search page.

    Two queries: the newest matches' ids, then those ranked. ("id + 0" keeps
    PostgreSQL from walking the primary key backwards through every
    statement when the index finds few matches.)
    """
    query = _as_query(text)
    matches = _matching(statements_listing(), query, ranked=False).annotate(newness=F("id") + 0)
    newest = list(matches.order_by("-newness").values_list("pk", flat=True)[:RANKED_AT_MOST])
    return _matching(statements_listing().filter(pk__in=newest), query, ranked=True)


def statements_matching(queryset, text: str | StatementQuery):
    """Narrow ``queryset`` to the statements matching ``text``, in its own order.

    The API's ``q`` and the admin's statement search, so they find what the
    search page finds (the admin among every statement, not only public ones).
    """
    return _matching(queryset, _as_query(text), ranked=False)


def _every_word_in(fields: tuple[str, ...], text: str) -> Q:
    condition = Q()
    for word in text.split()[:SEARCH_WORDS_AT_MOST]:
        either = Q()
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        condition &= either
    return condition


def _article_matches(text: str, *, title_only: bool):
    if connection.vendor != "postgresql":
        return _every_word_in(("title",) if title_only else ("title", "outlet", "body"), text)
    # Migration 0010: the title's words are an index expression, the whole article's a stored column.
    vector = "to_tsvector('english'::regconfig, COALESCE(curation_article.title, ''))"
    if not title_only:
        vector = "curation_article.search_vector"
    return RawSQL(f"{vector} @@ websearch_to_tsquery('english'::regconfig, %s)", [text], output_field=BooleanField())


def articles_search(text: str, limit: int) -> list:
    """Up to ``limit`` public articles with the words of ``text``: headlines with them first, then other articles.

    Each group is newest first (undated last), as the archive lists them: on
    PostgreSQL the English full text (stems: "talks" finds "talk"), on SQLite
    every word as a piece of the text. Neither group is ranked by how often
    a word occurs, so no article's text is read beyond its stored words.
    """
    if not text.strip():
        return []
    headlines = list(articles_listing().filter(_article_matches(text, title_only=True))[:limit])
    if len(headlines) == limit:
        return headlines
    others = articles_listing().filter(_article_matches(text, title_only=False))
    others = others.exclude(pk__in=[article.pk for article in headlines])
    return headlines + list(others[: limit - len(headlines)])


def actors_search(text: str):
    """Public actors whose name or aliases contain every word of ``text``."""
    return actors_matching(actors_listing(), text)
