"""The words search sees: one folding for stored documents and queries, on every database.

Folding happens here, in Python, rather than in each database's tokenizer,
so that PostgreSQL's ``tsvector`` and SQLite's FTS5 index hold the same
words and a query finds the same statements on both. A word is folded for
case, accents, apostrophe and quote variants ("Da’esh", "Da'esh", "Daesh")
and hyphens ("counter-terrorism" is stored as "counter", "terrorism" and
"counterterrorism"), then reduced to its English stem ("eliminating" and
"eliminate" meet). Common English words are not stored: "is" would otherwise
find most statements. A common word written in capitals is kept, though:
"IS" in "bring IS militants to trial" is the group.

A statement's document also carries a marker word for its speaker and for
each of its topics (``actor_marker``, ``topic_marker``): a name or alias is
resolved to those when searching, so editing an alias never needs the
statements re-indexed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer

APOSTROPHES = "'’‘ʼ`´′"
HYPHENS = "-‐‑‒–—―"
# Letters NFKD leaves whole; PostgreSQL's unaccent folds them, so Python must too.
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
    | {"Ł": "L", "Ø": "O", "Đ": "D", "Ħ": "H", "Æ": "AE", "Œ": "OE", "Þ": "TH"}
)
# A possessive "’s" belongs to the name before it: "Iraq’s" is found by "Iraq".
_POSSESSIVE_RE = re.compile(rf"[{APOSTROPHES}][sS]\b")
_APOSTROPHE_RE = re.compile(rf"(?<=\w)[{APOSTROPHES}](?=\w)")
# Dots inside an abbreviation join it ("U.N." is "un"), not those in numbers.
_ABBREVIATION_DOT_RE = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
_CHUNK_RE = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)*")
_HYPHEN_RE = re.compile(rf"[{HYPHENS}]")
WORD_LENGTH_AT_MOST = 60
MARKER_PREFIX = "zzq"

STOPWORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does for from had has have
    he her him his i if in into is it its me my no nor not of on or our she so than that the their them then
    there these they this those to too was we were what when which while will with would you your""".split()
)

_stemmer = snowballstemmer.stemmer("english")


def _unfolded(text: str) -> str:
    """Return ``text`` without accents, apostrophes or abbreviation dots, its case kept."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\x00", " "))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_LETTERS)
    bare = _POSSESSIVE_RE.sub("", bare)
    return _ABBREVIATION_DOT_RE.sub("", inner_apostrophes_dropped(bare))


def inner_apostrophes_dropped(text: str) -> str:
    """Return ``text`` without the apostrophes inside words, as the folding drops them: "Da’esh" is "Daesh"."""
    return _APOSTROPHE_RE.sub("", text)


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, apostrophes or abbreviation dots."""
    return _unfolded(text).casefold()


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # Names and text repeat the same words: each is stemmed once per process.
    stemmed = _stemmer.stemWord(word)[:WORD_LENGTH_AT_MOST]
    # A word that looks like a marker must not pose as one.
    return "x" + stemmed if stemmed.startswith(MARKER_PREFIX) else stemmed


def word_parts(text: str) -> list[list[tuple[str, bool]]]:
    """Return each word of ``text`` as its hyphen-separated parts: (folded part, written in capitals)."""
    return [
        [(part.casefold(), len(part) > 1 and part.isupper()) for part in _HYPHEN_RE.split(chunk) if part]
        for chunk in _CHUNK_RE.findall(_unfolded(text))
    ]


def plain_words(text: str) -> list[list[str]]:
    """Return the folded words of ``text``, a hyphenated word as the list of its parts, stopwords kept."""
    return [[part for part, _ in parts] for parts in word_parts(text)]


def searched(word: str, capitals: bool = False) -> str | None:
    """Return what is stored and searched for one folded word, or None for a stopword.

    A stopword written in capitals is kept: "IS" is the group, "is" a verb.
    """
    if word in STOPWORDS:
        return word if capitals else None
    return stem(word)


def document_words(text: str) -> list[str]:
    """Return the words stored for ``text``: stems of its words, and of each hyphenated word's parts and whole."""
    words = []
    for parts in word_parts(text):
        if len(parts) > 1:
            parts = [*parts, ("".join(part for part, _ in parts), all(capitals for _, capitals in parts))]
        words.extend(word for word in (searched(part, capitals) for part, capitals in parts) if word)
    return words


def phrase_words(text: str) -> tuple[str, ...]:
    """Return the words a query searches for ``text`` in a row: each part of a hyphenated word, no whole."""
    return tuple(word for parts in word_parts(text) for part, capitals in parts if (word := searched(part, capitals)))


def actor_marker(actor_id: int) -> str:
    return f"{MARKER_PREFIX}actor{actor_id}"


def topic_marker(tag_id: int) -> str:
    return f"{MARKER_PREFIX}topic{tag_id}"


def statement_document(*, text: str, speaker_as_printed: str, speaker_id: int | None, tag_ids) -> str:
    """Return the searchable document of a statement: its words, its printed speaker's, and its markers."""
    markers = [actor_marker(speaker_id)] if speaker_id else []
    markers += [topic_marker(tag_id) for tag_id in sorted(tag_ids)]
    return " ".join([*document_words(text), *document_words(speaker_as_printed), *markers])


def name_key(name: str) -> str:
    """Return the key a name or alias is matched by: its folded words, hyphens as spaces."""
    return " ".join(part for parts in plain_words(name) for part in parts)
