"""Races on the record end in a clear outcome, never a lie: counts, merges and reattributions, on PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from curation import services
from curation.middleware import is_write_conflict
from curation.models import Actor, Statement
from curation.services.counts import public_counts_differences

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*jobs, timeout=60):
    """Run each job in its own thread from one barrier; return what each raised (None when it did not)."""
    start = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(index, job):
        try:
            start.wait()
            job()
        except Exception as error:  # collected for the main thread to judge
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer through at a time; these races are tested on PostgreSQL")


def test_kept_counts_agree_with_the_record_after_concurrent_publishing(postgresql_only, seeded, editor):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    statements = list(Statement.objects.filter(speaker=jaafari))
    assert len(statements) >= 4

    def toggle(statement, rounds=6):
        def job():
            for round_number in range(rounds):
                fresh = Statement.objects.get(pk=statement.pk)
                services.statements_set_published(statements=[fresh], published=round_number % 2 == 1, by=editor)

        return job

    outcomes = run_together(*(toggle(statement) for statement in statements))
    assert [error for error in outcomes if error is not None and not is_write_conflict(error)] == []
    assert public_counts_differences() == {"actors": [], "tags": []}


def test_a_merge_racing_a_reattribution_leaves_no_statement_with_a_merged_actor(postgresql_only, seeded, editor):
    hussein = Actor.objects.get(slug="fuad-hussein")
    for round_number in range(5):
        twin = Actor.objects.create(name=f"F. Hussein {round_number}", slug=f"f-hussein-{round_number}")
        statement = Statement.objects.exclude(speaker=hussein).filter(speaker__isnull=False)[round_number]

        def merge(twin=twin):
            services.actor_merge(survivor=hussein, merged=Actor.objects.get(pk=twin.pk), by=editor)

        def reattribute(statement=statement, twin=twin):
            services.statement_reattribute(
                statement=Statement.objects.get(pk=statement.pk), to_actor=twin, by=editor, reason="Race."
            )

        outcomes = run_together(merge, reattribute)
        for error in outcomes:
            # Either change may lose: it is refused in words, or the database gave up on it, never half-done.
            assert error is None or isinstance(error, ValidationError) or is_write_conflict(error), error
        assert not Statement.objects.filter(speaker__merged_into__isnull=False).exists()
        assert not Statement.objects.filter(shown_speaker__merged_into__isnull=False).exists()
    assert public_counts_differences() == {"actors": [], "tags": []}
