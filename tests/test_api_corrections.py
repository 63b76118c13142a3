"""GET /api/v1/corrections/: the public corrections log."""

import pytest

from curation.models import Actor, AttributionCorrection, Statement
from curation.services import statement_reattribute
from tests.support.api import results

URL = "/api/v1/corrections/"


def test_it_lists_the_abadi_correction(api, seeded):
    [correction] = results(api.get(URL))
    assert correction["from_speaker"] == {"slug": "haider-al-abadi", "name": "Haider al-Abadi", "kind": "person"}
    assert correction["to_speaker"]["slug"] == "ibrahim-al-jaafari"
    assert correction["speaker_as_printed"] == "Abadi"
    assert correction["reason"].startswith("The article is about Foreign Minister Ibrahim al-Jaafari")
    assert correction["corrected_at"]
    assert correction["article"]["slug"] == "jaafari-calls-for-international-efforts-against-terrorism"
    statement = Statement.objects.get(pk=correction["statement"]["id"])
    assert correction["statement"]["url"] == f"http://testserver/statements/{statement.pk}/"
    assert correction["statement"]["text"] == statement.text
    assert "editor" not in correction, "who corrected stays on the desk"
    assert correction["withdrawal"] is None


def test_a_withdrawn_correction_says_so_with_when_and_why(api, seeded, editor):
    from curation.services import correction_withdraw

    correction_withdraw(correction=AttributionCorrection.objects.get(), by=editor, reason="Our mistake.")
    [correction] = results(api.get(URL))
    assert correction["withdrawal"]["reason"] == "Our mistake."
    assert correction["withdrawal"]["withdrawn_at"]
    statement = api.get(f"/api/v1/statements/{correction['statement']['id']}/").json()
    assert statement["speaker"]["slug"] == "haider-al-abadi"
    assert statement["corrections"][0]["withdrawal"]["reason"] == "Our mistake."


def test_it_leaves_out_corrections_not_made_public(api, seeded):
    AttributionCorrection.objects.update(is_public=False)
    assert results(api.get(URL)) == []


def test_it_leaves_out_corrections_of_statements_readers_cannot_see(api, unpublished, editor):
    from curation.services import statements_set_published

    shown = Statement.objects.public().exclude(speaker__slug="ibrahim-al-jaafari").first()
    correction = statement_reattribute(
        statement=shown, to_actor=Actor.objects.get(slug="ibrahim-al-jaafari"), by=editor, reason="Checked."
    )
    assert correction.pk in [row["id"] for row in results(api.get(URL))]
    statements_set_published(statements=[shown], published=False, by=editor)
    assert correction.pk not in [row["id"] for row in results(api.get(URL))]
    assert api.get(f"{URL}{correction.pk}/").status_code == 404


def test_it_filters_by_either_actor_of_a_correction(api, seeded):
    assert len(results(api.get(URL, {"actor": "haider-al-abadi"}))) == 1
    assert len(results(api.get(URL, {"actor": "ibrahim-al-jaafari"}))) == 1
    assert results(api.get(URL, {"actor": "barham-salih"})) == []


def test_it_filters_by_article(api, seeded):
    assert len(results(api.get(URL, {"article": "jaafari-calls-for-international-efforts-against-terrorism"}))) == 1
    assert results(api.get(URL, {"article": "iraq-warns-daesh-activities-have-intensified"})) == []


def test_it_lists_the_newest_first(api, archive):
    rows = results(api.get(URL, {"page_size": 100}))
    times = [row["corrected_at"] for row in rows]
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize("page_size", [1, 100])
def test_it_costs_one_query_whatever_the_page_size(api, archive, django_assert_num_queries, page_size):
    with django_assert_num_queries(1):
        assert len(results(api.get(URL, {"page_size": page_size}))) == page_size
