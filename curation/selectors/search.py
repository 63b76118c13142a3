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

import json
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower

from curation.models import Actor, Tag
from curation.search_text import (
    APOSTROPHES,
    actor_marker,
    inner_apostrophes_dropped,
    name_key,
    phrase_words,
    searched,
    topic_marker,
    word_parts,
)
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

    @property
    def public_actors(self) -> tuple[Actor, ...]:
        """The actors readers have a page for (``Actor.public()``): the only ones a public page names."""
        return tuple(actor for actor in self.actors if actor.public_statement_count > 0)


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

    @property
    def word_count(self) -> int:
        """How many words a row is tested against: every word of every alternative."""
        return sum(len(words) for term in self.terms for words in term)

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
    # The aliases as a subquery, not a join: no DISTINCT over every actor.
    aliased = model.aliases.rel.related_model.objects.filter(normalised__in=keys)
    condition = Q(lowered__in=candidates) | Q(pk__in=aliased.values(model.aliases.field.attname))
    queryset = model.objects.annotate(lowered=Lower("name")).filter(condition)
    if model is Actor:
        queryset = queryset.filter(merged_into__isnull=True)
    return queryset.prefetch_related("aliases").order_by("name", "pk")


def _name_keys(name: str) -> set[str]:
    key = name_key(name)
    return {key, key.removeprefix("the ")}


def _names_of(entity) -> list[str]:
    """An actor's or topic's name and aliases (prefetched by ``_named``)."""
    return [entity.name, *(alias.name for alias in entity.aliases.all())]


def _names_by_key(words: list[str]) -> dict[str, list]:
    """Return the actors and topics whose name or an alias is a run of ``words``, by that run."""
    keys = _run_keys(words)
    found: dict[str, list] = {}
    for model in (Actor, Tag):
        for entity in _named(model, keys):
            for name in _names_of(entity):
                for key in _name_keys(name) & keys:
                    if entity not in found.setdefault(key, []):
                        found[key].append(entity)
    return found


def _name_term(entities, run: list[tuple[str, bool]]) -> list[tuple[str, ...]]:
    alternatives = [tuple(word for word in (searched(part, capitals) for part, capitals in run) if word)]
    for entity in entities:
        marker = actor_marker(entity.pk) if isinstance(entity, Actor) else topic_marker(entity.pk)
        alternatives.append((marker,))
        alternatives.extend(phrase_words(name) for name in _names_of(entity))
    return _without_redundant(list(dict.fromkeys(words for words in alternatives if words)))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return any(longer[start : start + len(shorter)] == shorter for start in range(len(longer) - len(shorter) + 1))


def _without_redundant(alternatives: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Drop each phrase that holds another alternative: "volkov" already finds "irina volkov".

    The matches are the same; the query is shorter, so both databases test
    each row faster and PostgreSQL estimates how many rows match far better.
    """
    return [
        phrase
        for phrase in alternatives
        if not any(other != phrase and _contains(phrase, other) for other in alternatives)
    ]


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


def _matching(queryset, query: StatementQuery, *, ranked: bool, fenced: bool = False):
    """Narrow ``queryset`` to the statements matching ``query``, ranked (``rank``, best first) when asked.

    ``fenced``: on PostgreSQL, find every match through the index first, then
    keep the queryset's own order (see ``statements_matching``).
    """
    if not query.searchable:
        return queryset.none()
    if connection.vendor == "postgresql":
        if fenced:
            return queryset.filter(pk__in=_read_first("curation_statement", STATEMENT_MATCHES, [query.tsquery()]))
        condition = RawSQL(f"curation_statement.{STATEMENT_MATCHES}", [query.tsquery()], output_field=BooleanField())
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
RANKED_AT_MOST = 200


# The API's default page: what ``statements_matching`` expects to be asked for.
LISTED_AT_ONCE = 50


# What testing one walked statement costs against reading one match from
# the index (heap read and recheck), measured on a million statements: a
# walked row is read in order with its neighbours (about 0.45 of a match
# read), and every word of the query adds a test (about 0.07 more each: an
# actor's name with 35 alternatives makes a walked row cost 2.9 reads).
WALKED_ROW_COST = 0.45
WALKED_WORD_COST = 0.07


def _index_first(table: str, condition: str, parameters: list, wanted: int, *, walked_row_cost: float = 1.0) -> bool:
    """Whether reading every row of ``table`` matching ``condition`` from its index beats walking the rows in order.

    PostgreSQL only; for the first ``wanted`` rows. Reading the matches
    costs about one row read each; walking tests about ``wanted`` × rows /
    matches rows, each costing ``walked_row_cost`` reads. They cross where
    matches² = wanted × rows × ``walked_row_cost``. The planner makes this
    choice itself but prices a full-text test as nearly free: it walked
    27,000 statements for an actor with 1,800 matches (175 ms, against 10
    ms from the index), and 2,700 headlines for a word in 769 of them (42
    ms, against 9 ms). Its row estimate is good, so it is asked for that
    alone.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} WHERE {condition}", parameters)
        plan = cursor.fetchone()[0]
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        rows = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    matches = plan[0]["Plan"]["Plan Rows"]
    return matches * matches < wanted * max(rows, 1) * walked_row_cost


def _read_first(table: str, condition: str, parameters: list) -> RawSQL:
    """The ids of ``table``'s rows matching ``condition``, read from its index before the outer query runs.

    OFFSET 0 keeps the planner from folding the subquery into the outer one.
    """
    return RawSQL(f"SELECT id FROM {table} WHERE {condition} OFFSET 0", parameters)


STATEMENT_MATCHES = "search_vector @@ to_tsquery('curation_search', %s)"


def _matching_first(queryset, query: StatementQuery, wanted: int):
    fenced = (
        connection.vendor == "postgresql"
        and query.searchable
        and _index_first(
            "curation_statement",
            STATEMENT_MATCHES,
            [query.tsquery()],
            wanted,
            walked_row_cost=WALKED_ROW_COST + WALKED_WORD_COST * query.word_count,
        )
    )
    return _matching(queryset, query, ranked=False, fenced=fenced)


def statements_search(text: str | StatementQuery):
    """Public statements matching ``text``, best first among the newest ``RANKED_AT_MOST`` matches: the search page.

    Two queries: the newest matches' ids, then those ranked.
    """
    query = _as_query(text)
    matches = _matching_first(statements_listing(), query, RANKED_AT_MOST)
    newest = list(matches.order_by("-id").values_list("pk", flat=True)[:RANKED_AT_MOST])
    return _matching(statements_listing().filter(pk__in=newest), query, ranked=True)


def statements_matching(queryset, text: str | StatementQuery):
    """Narrow ``queryset`` to the statements matching ``text``, in its own order.

    The API's ``q`` and the admin's statement search, so they find what the
    search page finds (the admin among every statement, not only public ones).
    """
    return _matching_first(queryset, _as_query(text), LISTED_AT_ONCE)


def _spellings(word: str) -> list[str]:
    """``word`` with each apostrophe the desk folds: "Da'esh" is printed "Da’esh" too."""
    if not any(mark in word for mark in APOSTROPHES):
        return [word]
    return list(dict.fromkeys([word, *(re.sub(f"[{APOSTROPHES}]", mark, word) for mark in APOSTROPHES)]))


def _every_word_in(fields: tuple[str, ...], text: str) -> Q:
    condition = Q()
    for word in text.split()[:SEARCH_WORDS_AT_MOST]:
        either = Q()
        for name in fields:
            for spelling in _spellings(word):
                either |= Q(**{f"{name}__icontains": spelling})
        condition &= either
    return condition


# Migration 0010: the title's words are an index expression, the whole article's a stored column.
# Unqualified: an article list's query reads curation_article alone.
ENGLISH_QUERY = "websearch_to_tsquery('english'::regconfig, %s)"
TITLE_MATCHES = f"to_tsvector('english'::regconfig, COALESCE(title, '')) @@ {ENGLISH_QUERY}"
ARTICLE_MATCHES = f"search_vector @@ {ENGLISH_QUERY}"


def article_forms(query: StatementQuery) -> list[str]:
    """What the search page looks for in articles: the text as typed, or any name of what it names.

    When the whole text is the name or an alias of actors or topics
    ("ISIS"), an article printing any of their names ("Da’esh", "Islamic
    State") is found too, as their statements are. Articles keep no folded
    words, so the names are searched as printed: a name made only of common
    words ("IS") is left out, and so is one holding another ("Irina Volkov"
    when "Volkov" is there), which finds nothing more.
    """
    text = query.text.strip()
    if len(query.terms) != 1 or len(query.names) != 1 or query.names[0].words != text:
        return [text]
    named = query.names[0]
    names = [text, *(name for entity in (*named.actors, *named.topics) for name in _names_of(entity))]
    # "Da'esh" is printed "Daesh" too: the statements' folding, by hand.
    names += [inner_apostrophes_dropped(name) for name in names]
    # Spelled apart, not folded: an article printing "Da’esh" is not found by "Daesh".
    forms: dict[str, tuple[tuple[str, ...], str]] = {}
    for name in names:
        if words := phrase_words(name.lower()):
            forms.setdefault(name.lower(), (words, name))
    kept = set(_without_redundant(list(dict.fromkeys(words for words, _ in forms.values()))))
    return [name for words, name in forms.values() if words in kept] or [text]


def _article_matches(forms: list[str], *, title_only: bool, wanted: int):
    if connection.vendor != "postgresql":
        fields = ("title",) if title_only else ("title", "outlet", "body")
        either = Q()
        for form in forms:
            either |= _every_word_in(fields, form)
        return either
    # One form is searched as typed (every word, anywhere); several, as
    # phrases any one of which is enough.
    text = forms[0] if len(forms) == 1 else " OR ".join(f'"{form.replace(chr(34), " ")}"' for form in forms)
    condition = TITLE_MATCHES if title_only else ARTICLE_MATCHES
    if _index_first("curation_article", condition, [text], wanted):
        return Q(pk__in=_read_first("curation_article", condition, [text]))
    return RawSQL(condition, [text], output_field=BooleanField())


def articles_search(text: str | StatementQuery, limit: int) -> list:
    """Up to ``limit`` public articles with the words of ``text``: headlines with them first, then other articles.

    A text that names actors or topics finds their other names too
    (``article_forms``). Each group is newest first (undated last), as the
    archive lists them: on PostgreSQL the English full text (stems: "talks"
    finds "talk"), on SQLite every word as a piece of the text. Neither
    group is ranked by how often a word occurs, so no article's text is read
    beyond its stored words.
    """
    query = _as_query(text)
    if not query.text.strip():
        return []
    forms = article_forms(query)
    headlines = articles_listing().filter(_article_matches(forms, title_only=True, wanted=limit))
    headlines = list(headlines[:limit])
    if len(headlines) == limit:
        return headlines
    others = articles_listing().filter(_article_matches(forms, title_only=False, wanted=limit))
    others = others.exclude(pk__in=[article.pk for article in headlines])
    return headlines + list(others[: limit - len(headlines)])


def actors_search(text: str):
    """Public actors whose name or aliases contain every word of ``text``."""
    return actors_matching(actors_listing(), text)
