"""Search over statements, articles and actors."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.models import Statement
from tests.support.builders import make_actor, make_article, make_quoted_articles, make_statement

pytestmark = pytest.mark.django_db


def search(client, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def section(page, heading):
    """Return the HTML of one results section, so a match is counted where it belongs."""
    start = page.index(f'id="search-{heading}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_it_finds_statements_by_their_words(client, seeded):
    statements = section(search(client, "dormant cells"), "statements")
    assert "still has dormant cells scattered across the world" in statements


def test_it_finds_articles_and_actors_by_name_and_alias(client, seeded):
    page = search(client, "Jaafari")
    assert "Jaafari calls for international efforts" in section(page, "articles")
    assert ">Ibrahim al-Jaafari</a>" in section(page, "actors")
    assert ">Maria Zakharova</a>" in section(search(client, "Zakharova"), "actors")


def test_it_says_so_when_nothing_matches(client, seeded):
    page = search(client, "xylophone")
    assert "Nothing published matches “xylophone”." in page


def test_it_never_finds_drafts_or_suggestions(client, db):
    make_statement(
        make_article(body="Secret said that zebracorn plans hold. The end.", draft=True),
        "zebracorn plans",
        speaker=make_actor("Zebracorn Drafter"),
    )
    make_statement(
        make_article(body="Other said that zebracorn talks hold. The end."),
        "zebracorn talks",
        speaker=make_actor("Zebracorn Suggester"),
        status=Statement.ReviewStatus.SUGGESTED,
    )
    page = search(client, "zebracorn")
    assert "zebracorn plans" not in page and "Zebracorn Drafter" not in page
    assert "zebracorn talks" not in section(page, "statements") and "Zebracorn Suggester" not in page


def test_it_explains_itself_for_an_empty_query_without_searching(client, seeded, django_assert_num_queries):
    with django_assert_num_queries(0):
        page = search(client, "   ")
    assert "Search the published statements, articles and actors" in page and 'id="search-statements"' not in page


def test_it_refuses_an_over_long_query_with_a_form_error(client, seeded):
    page = search(client, "a" * 201)
    assert "There is a problem" in page and "Search for at most 200 characters (this is 201)." in page
    assert 'id="search-statements"' not in page


def test_it_survives_query_syntax_and_hostile_text(client, seeded):
    for text in ('"unclosed', "a & | ! ( :*", "<script>alert(1)</script>", "'; drop table x; --"):
        page = search(client, text)
        assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in search(client, "<script>alert(1)</script>")


def test_it_shows_at_most_twenty_of_each_and_says_there_are_more(client, db):
    make_quoted_articles(22, speaker=make_actor("Quotable Person"))
    statements = section(search(client, "test statement"), "statements")
    assert statements.count('class="statement-item"') == 20
    assert "Only the first 20 are shown" in statements


def test_it_uses_the_same_queries_however_many_results(client, db):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            search(client, "statement")
        return len(captured)

    make_quoted_articles(2)
    few = queries()
    make_quoted_articles(10)
    # Actors and topics the words name: one query each (their aliases come
    # with them when one matches); then the newest matching statements' ids,
    # those ranked and which of them are corrected; articles whose headline
    # has the words and, until the section is full, other articles; actors.
    # PostgreSQL also asks its planner how many rows each of the three
    # searches matches, and how many rows the table holds (two queries each).
    assert queries() == few == (8 + 3 * 2 if connection.vendor == "postgresql" else 8)


def test_it_matches_other_forms_of_a_word(client, seeded):
    # "eliminating" and the quote's "eliminate" share a stem, on either database.
    statements = section(search(client, "eliminating terrorism"), "statements")
    assert "Iraq managed to eliminate terrorism" in statements


def test_it_says_which_actor_and_topic_a_name_matched(client, seeded):
    page = search(client, "Da'esh")
    # The seeds' actor Islamic State says nothing in public: readers have no
    # page for it, so only the topic is named (its aliases still widen the search).
    assert (
        '“Da&#x27;esh” — matched the topic <a href="/tags/islamic-state/">Islamic State</a>:'
        " statements filed under it, and its other names, are included." in page
    )
    assert "/actors/islamic-state/" not in page
    statements = section(page, "statements")
    # Printed "Daesh", "Da’esh" and "IS" in the quotes: all found by a keyboard apostrophe.
    assert "the Daesh terrorist group still exists" in statements
    assert "defeating Da’esh terrorist gangs" in statements


@pytest.mark.parametrize("text", ["Da'esh", "ISIS", "Jaafari", "Zakharova", "Iraq", "Abadi", "Russia"])
def test_every_name_it_links_to_has_a_page(client, seeded, text):
    page = search(client, text)
    names = page[page.find('class="search-names') : page.find('id="search-statements"')]
    for address in re.findall(r'href="(/(?:actors|tags)/[^"]+)"', names):
        assert client.get(address).status_code == 200, f"{text!r} links to {address}, which readers cannot open"


def test_it_names_an_actor_only_once_readers_have_a_page_for_it(client, db):
    quiet = make_actor("Northern Front", aliases=["NF"])
    speaker = make_actor("Lena Ortiz")
    article = make_article(
        "Talks", "Lena Ortiz said the Northern Front will talk. The end.", published_on=date(2024, 5, 1)
    )
    make_statement(article, "the Northern Front will talk", speaker=speaker)
    page = search(client, "NF")
    # The alias still finds the statement that prints the name in full.
    assert "the Northern Front will talk" in section(page, "statements")
    assert "— matched the" not in page
    make_statement(article, "Lena Ortiz said", speaker=quiet)
    page = search(client, "NF")
    assert (
        '— matched the actor <a href="/actors/northern-front/">Northern Front</a>:'
        " statements they are credited with, and their other names, are included." in page
    )


def test_it_finds_the_same_articles_whichever_apostrophe_is_typed(client, seeded):
    found = {text: section(search(client, text), "articles") for text in ("Da'esh", "Da’esh", "Da`esh")}
    assert "Iraq Participates in Regional Conference" in found["Da’esh"]
    assert found["Da'esh"] == found["Da’esh"] == found["Da`esh"]


def _article_titles(page: str) -> set[str]:
    return set(re.findall(r'<a href="/articles/[^"]+/">([^<]+)</a>', section(page, "articles")))


def test_a_name_finds_the_articles_printing_any_of_its_names(client, seeded):
    found = {text: _article_titles(search(client, text)) for text in ("Daesh", "ISIS", "Da'esh", "IS", "Islamic State")}
    # One prints only "Daesh", one only "Da’esh": each is found by every name of the group.
    assert (
        "Iraq Warns Daesh Activities Have Intensified, Urges International Cooperation to Stop Terrorists"
        in (found["ISIS"])
    )
    assert "Iraq’s Diplomacy in Countering Terrorism and Combating its Funding" in found["Daesh"]
    assert len(set(map(frozenset, found.values()))) == 1
    # Words around a name are matched as words: the name alone is widened.
    assert _article_titles(search(client, "Daesh activities")) < found["Daesh"]


def test_it_names_nothing_for_ordinary_words(client, seeded):
    page = search(client, "what is said")
    assert "— matched the" not in page


def test_it_lists_articles_whose_headline_has_the_words_first_then_the_rest_newest_first(client, db):
    make_article("Harbour reopens", "The harbour reopened on Monday. The end.", published_on=date(2020, 1, 1))
    make_article("Weather", "Storms closed the harbour again. The end.", published_on=date(2023, 1, 1))
    make_article("Markets", "Traders watched the harbour closely. The end.", published_on=date(2022, 1, 1))
    make_article("Harbour fees rise", "Fees went up. The end.", published_on=date(2019, 1, 1))
    make_article("Undated harbour notes", "Notes. The end.", published_on=None)
    make_article("Farming", "Nothing about ports. The end.", published_on=date(2024, 1, 1))
    articles = section(search(client, "harbour"), "articles")
    order = ["Harbour reopens", "Harbour fees rise", "Undated harbour notes", "Weather", "Markets"]
    positions = [articles.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Farming" not in articles


def test_it_ranks_the_newest_matches_only(db, monkeypatch):
    from curation import selectors
    from curation.selectors import search as search_module

    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 3)
    make_quoted_articles(5)
    matching = Statement.objects.public().filter(text__contains="statement").order_by("-pk")
    assert matching.count() >= 5
    found = {statement.pk for statement in selectors.statements_search("statement")}
    assert found == set(matching.values_list("pk", flat=True)[:3])
