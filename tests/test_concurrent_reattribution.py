"""Twenty editors reattributing one statement at the same moment, on PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from curation.models import Actor, Statement
from curation.services import statement_reattribute

EDITORS = 20


@pytest.mark.django_db(transaction=True)
def test_it_keeps_a_clean_chain_when_twenty_reattributions_race(seeded_as_published, editor):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with a file lock; the race is tested on PostgreSQL")
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    targets = [
        Actor.objects.create(name=f"Candidate {number}", slug=f"candidate-{number}") for number in range(EDITORS)
    ]
    start = threading.Barrier(EDITORS)
    errors = []

    def reattribute(target):
        try:
            start.wait()
            statement_reattribute(
                statement=Statement.objects.get(pk=statement.pk), to_actor=target, by=editor, reason=f"to {target.slug}"
            )
        except Exception as error:  # collected so the main thread can report it
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reattribute, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    chain = list(statement.corrections.order_by("corrected_at", "id"))
    assert len(chain) == EDITORS
    assert len({correction.to_actor_id for correction in chain}) == EDITORS, "no reattribution recorded twice"
    assert chain[0].from_actor.slug == "haider-al-abadi"
    for earlier, later in zip(chain, chain[1:], strict=False):
        assert later.from_actor_id == earlier.to_actor_id, "each correction starts where the previous one ended"
    statement.refresh_from_db()
    assert statement.speaker_id == chain[-1].to_actor_id
    assert statement.version == 1 + EDITORS
