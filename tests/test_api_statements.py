"""GET /api/v1/statements/ and /api/v1/statements/<id>/."""

from datetime import date

import pytest

from curation.models import ActorSlugRedirect, Article, AttributionCorrection, Statement, Tag
from curation.selectors import tag_descendant_ids
from tests.support.api import PUBLIC_FIELDS_OF_A_STATEMENT, all_pages, ids, results

URL = "/api/v1/statements/"
ABADI_ARTICLE = "jaafari-calls-for-international-efforts-against-terrorism"


def abadi_quote() -> Statement:
    return Statement.objects.get(speaker_as_printed="Abadi", article__slug=ABADI_ARTICLE)


def public_ids(**lookups) -> set[int]:
    return set(Statement.objects.public().filter(**lookups).values_list("id", flat=True))


def every_id(api, query: str = "") -> set[int]:
    return {row["id"] for row in all_pages(api, f"{URL}?page_size=100&{query}")}


def test_it_lists_every_published_statement_and_nothing_else(api, unpublished):
    listed = every_id(api)
    assert len(listed) == 42
    assert listed == public_ids()


def test_it_gives_each_statement_exactly_the_contract_fields(api, seeded):
    statement = results(api.get(URL))[0]
    assert set(statement) == PUBLIC_FIELDS_OF_A_STATEMENT
    assert set(statement["article"]) == {"slug", "title", "outlet", "published_on", "url"}
    assert set(statement["span"]) == {"start", "end"}


def test_it_shows_the_abadi_quote_as_corrected_from_abadi_to_jaafari(api, seeded):
    quote = abadi_quote()
    body = api.get(f"{URL}{quote.pk}/").json()
    assert body["speaker_as_printed"] == "Abadi"
    assert body["speaker"] == {"slug": "ibrahim-al-jaafari", "name": "Ibrahim al-Jaafari", "kind": "person"}
    assert body["corrected"] is True
    [correction] = body["corrections"]
    assert correction["from_speaker"]["slug"] == "haider-al-abadi"
    assert correction["to_speaker"]["slug"] == "ibrahim-al-jaafari"
    assert correction["speaker_as_printed"] == "Abadi"
    assert "Jaafari" in correction["reason"]
    assert body["url"] == f"http://testserver/statements/{quote.pk}/"
    assert body["article"]["slug"] == ABADI_ARTICLE
    assert body["article"]["published_on"] == "2018-04-08"
    assert body["span"] == {"start": quote.start, "end": quote.end}
    assert body["kind"] == "direct"


def test_it_shows_the_quote_uncorrected_before_the_correction(api, seeded_as_published):
    body = api.get(f"{URL}{abadi_quote().pk}/").json()
    assert body["speaker"]["slug"] == "haider-al-abadi"
    assert body["corrected"] is False
    assert body["corrections"] == []


def test_it_keeps_a_correction_that_is_not_public_out(api, seeded):
    AttributionCorrection.objects.update(is_public=False)
    body = api.get(f"{URL}{abadi_quote().pk}/").json()
    assert body["corrected"] is False
    assert body["corrections"] == []
    assert results(api.get(URL, {"corrected": "true"})) == []


def test_it_answers_404_for_a_statement_readers_cannot_see(api, unpublished):
    for hidden in Statement.objects.exclude(pk__in=public_ids()):
        response = api.get(f"{URL}{hidden.pk}/")
        assert response.status_code == 404
        assert response.json()["detail"]


def test_it_shows_an_editor_no_more_than_anyone_else(client, editor, unpublished):
    client.force_login(editor)
    assert every_id(client) == public_ids()


def test_it_filters_by_actor(api, seeded):
    said = ids(api.get(URL, {"actor": "ibrahim-al-jaafari", "page_size": 100}))
    assert set(said) == public_ids(speaker__slug="ibrahim-al-jaafari")
    assert abadi_quote().pk in said


def test_it_filters_by_a_merged_actors_former_slug(api, seeded):
    jaafari = abadi_quote().speaker
    ActorSlugRedirect.objects.create(old_slug="ibrahim-jaafari-duplicate", actor=jaafari)
    said = ids(api.get(URL, {"actor": "ibrahim-jaafari-duplicate", "page_size": 100}))
    assert set(said) == public_ids(speaker=jaafari)


def test_it_filters_by_tag_including_its_children(api, seeded):
    parent = Tag.objects.filter(children__isnull=False).distinct().first()
    family = tag_descendant_ids(parent)
    listed = set(ids(api.get(URL, {"tag": parent.slug, "page_size": 100})))
    assert listed == public_ids(tags__in=family)
    assert listed > public_ids(tags=parent), "the children's statements should be included"


def test_it_filters_by_a_tag_alias(api, seeded):
    by_alias = ids(api.get(URL, {"tag": "ISIS", "page_size": 100}))
    by_slug = ids(api.get(URL, {"tag": "islamic-state", "page_size": 100}))
    assert by_alias == by_slug != []


def test_it_filters_by_article(api, seeded):
    listed = ids(api.get(URL, {"article": ABADI_ARTICLE, "page_size": 100}))
    assert set(listed) == public_ids(article__slug=ABADI_ARTICLE)
    assert len(listed) == 7


@pytest.mark.parametrize("kind", ["direct", "indirect", "claim"])
def test_it_filters_by_kind(api, seeded, kind):
    listed = results(api.get(URL, {"kind": kind, "page_size": 100}))
    assert {row["kind"] for row in listed} == {kind}
    assert {row["id"] for row in listed} == public_ids(kind=kind)


def test_it_filters_corrected_statements(api, seeded):
    assert ids(api.get(URL, {"corrected": "true"})) == [abadi_quote().pk]
    uncorrected = ids(api.get(URL, {"corrected": "false", "page_size": 100}))
    assert len(uncorrected) == 41 and abadi_quote().pk not in uncorrected


def test_it_filters_by_publication_date_range(api, seeded):
    listed = ids(api.get(URL, {"published_after": "2018-01-01", "published_before": "2018-12-31", "page_size": 100}))
    assert set(listed) == public_ids(article__published_on__year=2018)
    assert len(listed) == 7
    on_the_day = ids(api.get(URL, {"published_after": "2018-04-08", "published_before": "2018-04-08"}))
    assert set(on_the_day) == set(listed), "both ends of the range are included"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("dormant cells", "text"),
        ("abadi", "speaker as printed"),
        ("Ibrahim al-Jaafari", "actor name"),
        ("Ja'afari", "actor alias"),
    ],
)
def test_it_searches_text_printed_speaker_and_actor_names(api, seeded, query, expected):
    listed = ids(api.get(URL, {"q": query, "page_size": 100}))
    assert abadi_quote().pk in listed, expected


def test_it_finds_nothing_for_words_nobody_said(api, seeded):
    assert results(api.get(URL, {"q": "zeppelin"})) == []


def test_it_combines_filters(api, seeded):
    listed = ids(api.get(URL, {"actor": "ibrahim-al-jaafari", "corrected": "true", "kind": "direct"}))
    assert listed == [abadi_quote().pk]


def test_it_orders_newest_first_by_default_and_by_id_on_request(api, seeded):
    newest_first = ids(api.get(URL, {"page_size": 100}))
    assert newest_first == sorted(public_ids(), reverse=True)
    assert ids(api.get(URL, {"ordering": "id", "page_size": 100})) == sorted(public_ids())


def test_it_orders_by_publication_date_with_undated_articles_last(api, seeded):
    for ordering in ["published_on", "-published_on"]:
        rows = all_pages(api, f"{URL}?ordering={ordering}&page_size=4")
        dates = [row["article"]["published_on"] for row in rows]
        dated = [day for day in dates if day]
        assert len(rows) == 42
        assert dates == dated + [None] * (42 - len(dated)), "undated last"
        assert dated == sorted(dated, reverse=ordering.startswith("-"))


def test_it_pages_forward_and_back_through_every_statement_once(api, seeded):
    first = api.get(URL, {"page_size": 10}).json()
    assert first["previous"] is None
    rows = all_pages(api, f"{URL}?page_size=10")
    assert [row["id"] for row in rows] == sorted(public_ids(), reverse=True)
    second = api.get(first["next"]).json()
    back = api.get(second["previous"]).json()
    assert [row["id"] for row in back["results"]] == [row["id"] for row in first["results"]]


def test_it_keeps_filters_in_the_next_link(api, seeded):
    first = api.get(URL, {"kind": "claim", "page_size": 5}).json()
    assert "kind=claim" in first["next"]
    assert {row["kind"] for row in results(api.get(first["next"]))} == {"claim"}


def test_it_pages_a_date_ordering_stably_when_many_share_a_date(api, seeded):
    Article.objects.update(published_on=date(2020, 1, 1))
    rows = all_pages(api, f"{URL}?ordering=-published_on&page_size=3")
    assert [row["id"] for row in rows] == sorted(public_ids(), reverse=True)


def test_it_returns_up_to_100_per_page(api, archive):
    assert len(results(api.get(URL, {"page_size": 100}))) == 100
    assert len(results(api.get(URL))) == 20


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_three_queries_whatever_the_page_size(api, archive, django_assert_num_queries, page_size):
    # The page, its tags, its public corrections (with both speakers joined).
    with django_assert_num_queries(3):
        assert len(results(api.get(URL, {"page_size": page_size}))) == page_size


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_the_same_on_a_later_page(api, archive, django_assert_num_queries, page_size):
    next_page = api.get(URL, {"page_size": page_size, "ordering": "published_on"}).json()["next"]
    with django_assert_num_queries(3):
        assert len(results(api.get(next_page))) == min(page_size, 101 - page_size)
