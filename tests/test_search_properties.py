"""Search never fails on what anyone types, and finds every public statement holding a word (Hypothesis)."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation import selectors
from curation.models import Statement
from curation.search_text import STOPWORDS, fold
from tests.support.builders import make_article, make_statement

pytestmark = pytest.mark.django_db

FIXTURES_REUSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
OPERATORS = ['"', "*", "AND", "OR", "NOT", "NEAR", "-", ":", "^", "(", ")", "&", "|", "!", "<->", "'", "’", "\x00"]
hostile_queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(OPERATORS), st.text(max_size=8)), max_size=30).map(" ".join),
    st.text(min_size=1, max_size=3).map(lambda text: text * 2000),
)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES_REUSED)
@given(text=hostile_queries)
def test_it_never_fails_whatever_is_typed(seeded, text):
    query = selectors.statement_query(text)
    list(selectors.statements_search(query)[:20])
    list(selectors.statements_matching(Statement.objects.all(), query)[:20])


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES_REUSED)
@given(text=hostile_queries)
def test_the_page_and_the_api_answer_hostile_queries_without_a_server_error(client, seeded, text):
    text = text[:200]
    assert client.get("/search/", {"q": text}).status_code == 200
    assert client.get("/api/v1/statements/", {"q": text}).status_code in (200, 400)


DAYS = itertools.count()
words = st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=2, max_size=14).filter(
    lambda word: fold(word) not in STOPWORDS
)


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES_REUSED)
@given(word=words, draft=st.booleans())
def test_it_finds_every_public_statement_holding_a_word(db, word, draft):
    # The day makes each article's text new: the same word may come up twice.
    article = make_article(body=f"On day {next(DAYS)} officials said that {word} matters now. The end.", draft=draft)
    make_statement(article, f"{word} matters now")
    found = set(selectors.statements_search(word).values_list("pk", flat=True))
    holding = {
        statement.pk
        for statement in Statement.objects.public()
        if fold(word) in fold(statement.text).replace("-", " ").split()
    }
    assert holding <= found
    # Drafts are never found, however well they match.
    assert not found & set(Statement.objects.filter(article__status="draft").values_list("pk", flat=True))
