"""The statements list, built from plain values, says exactly what the statement's serializer says.

The list and its CSV skip ``StatementSerializer`` for speed (``curation/api/statement_rows.py``);
the detail answer still goes through it. These tests hold the two equal for every statement,
after any sequence of reattributions, withdrawals and tag changes.
"""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.models import Actor, AttributionCorrection, Statement, Tag
from curation.services import correction_withdraw, statement_reattribute, statements_add_tags, statements_remove_tags
from tests.support.api import all_pages

pytestmark = pytest.mark.django_db


def assert_list_equals_detail(api):
    listed = all_pages(api, "/api/v1/statements/?page_size=100")
    assert listed
    for item in listed:
        detail = api.get(f"/api/v1/statements/{item['id']}/")
        assert item == detail.json()


def test_every_seed_statement_is_listed_as_its_detail_says(api, seeded):
    assert_list_equals_detail(api)


def test_hostile_text_is_listed_as_its_detail_says(api, seeded, hostile):
    assert_list_equals_detail(api)


def test_a_withdrawn_correction_and_a_speaker_taken_away_are_listed_as_their_detail_says(api, seeded, editor):
    correction = AttributionCorrection.objects.get()
    correction_withdraw(correction=correction, by=editor, reason="Our mistake, after all.")
    statement = Statement.objects.get(pk=correction.statement_id)
    statement_reattribute(statement=statement, to_actor=None, by=editor, reason="Nobody is named in the text.")
    assert_list_equals_detail(api)
    [item] = api.get("/api/v1/statements/", {"corrected": "true"}).json()["results"]
    assert [c["to_speaker"] for c in item["corrections"]][0] is None
    assert [c["withdrawal"] is not None for c in item["corrections"]] == [False, True]


def test_a_list_costs_three_queries_whatever_its_length(api, seeded, archive, django_assert_num_queries):
    # The page, then its tags and its public corrections.
    with django_assert_num_queries(3):
        assert len(api.get("/api/v1/statements/", {"page_size": 100}).json()["results"]) == 100


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("reattribute"), st.integers(min_value=-1, max_value=5)),
        st.tuples(st.just("withdraw"), st.just(0)),
        st.tuples(st.just("tag"), st.integers(min_value=0, max_value=5)),
        st.tuples(st.just("untag"), st.integers(min_value=0, max_value=5)),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_any_history_of_a_statement_is_listed_and_exported_as_its_detail_says(api, seeded, editor, actions):
    statement = Statement.objects.public().order_by("pk").first()
    actors = list(Actor.objects.order_by("pk")[:6])
    tags = list(Tag.objects.order_by("pk")[:6])
    for action, number in actions:
        statement.refresh_from_db()
        if action == "reattribute":
            to_actor = None if number < 0 else actors[number % len(actors)]
            if to_actor != statement.speaker:
                statement_reattribute(statement=statement, to_actor=to_actor, by=editor, reason=f"Step {number}.")
        elif action == "withdraw":
            latest = statement.corrections.filter(is_public=True).order_by("-corrected_at", "-id").first()
            if latest and not hasattr(latest, "withdrawal") and latest.to_actor_id == statement.speaker_id:
                correction_withdraw(correction=latest, by=editor, reason="Withdrawn, | with the separator.")
        elif action == "tag":
            statements_add_tags(statements=Statement.objects.filter(pk=statement.pk), tags=[tags[number]], by=editor)
        else:
            statements_remove_tags(statements=Statement.objects.filter(pk=statement.pk), tags=[tags[number]], by=editor)
    detail = api.get(f"/api/v1/statements/{statement.pk}/").json()
    [listed] = [item for item in all_pages(api, "/api/v1/statements/?page_size=100") if item["id"] == statement.pk]
    assert listed == detail
    exported = api.get("/api/v1/statements/", {"format": "csv"})
    text = b"".join(exported.streaming_content).decode()
    [row] = [row for row in csv.DictReader(io.StringIO(text, newline="")) if row["id"] == str(statement.pk)]
    assert row["corrections.reason"] == " | ".join(c["reason"] for c in detail["corrections"])
    assert row["tags.slug"] == " | ".join(tag["slug"] for tag in detail["tags"])
    assert row["corrected"] == ("true" if detail["corrections"] else "false")
