"""Every write that changes what a statement is found by keeps the search index in step."""

import pytest
from django.core.management import call_command
from django.db import connection

from curation import selectors, services
from curation.models import ActorAlias, Statement, Tag, TagAlias
from curation.search_text import statement_document
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db


def found(text):
    return set(selectors.statements_search(text).values_list("pk", flat=True))


@pytest.fixture
def quote(db):
    article = make_article(body="Officials said that the harbour reopens in spring. The end.")
    speaker = make_actor("Amina Quarrie", aliases=["Quarrie"])
    return make_statement(article, "the harbour reopens in spring", speaker=speaker, printed="the envoy")


def test_it_finds_a_statement_by_a_new_alias_of_its_speaker_at_once(quote):
    assert found("Harbourmaster") == set()
    ActorAlias.objects.create(actor=quote.speaker, name="the Harbourmaster")
    assert found("Harbourmaster") == {quote.pk}


def test_it_follows_a_reattribution(quote, editor):
    other = make_actor("Bruno Veldt", aliases=["Veldt"])
    assert found("Quarrie") == {quote.pk} and found("Veldt") == set()
    services.statement_reattribute(statement=quote, to_actor=other, by=editor, reason="The envoy was Veldt.")
    assert found("Veldt") == {quote.pk} and found("Quarrie") == set()


def test_it_follows_an_editors_change_of_topics_and_printed_speaker(quote, editor):
    topic = Tag.objects.create(name="Ports", slug="ports")
    TagAlias.objects.create(tag=topic, name="harbours")
    quote.refresh_from_db()
    services.statement_update(
        statement=quote,
        by=editor,
        changes={"tags": [topic], "speaker_as_printed": "the port authority"},
        expected_version=quote.version,
    )
    assert found("Ports") == {quote.pk}
    assert found("port authority") == {quote.pk} and found("envoy") == set()


def test_it_follows_bulk_tagging_and_a_merge_of_topics(quote, editor):
    ports, docks = Tag.objects.create(name="Ports", slug="ports"), Tag.objects.create(name="Docks", slug="docks")
    services.statements_add_tags(statements=Statement.objects.filter(pk=quote.pk), tags=[docks], by=editor)
    assert found("Docks") == {quote.pk} and found("Ports") == set()
    services.tag_merge(survivor=ports, merged=docks, by=editor)
    assert found("Ports") == {quote.pk}


def test_it_follows_a_merge_of_actors(quote, editor):
    survivor = make_actor("Amina Quarrie-Obi", aliases=["Quarrie-Obi"])
    services.actor_merge(survivor=survivor, merged=quote.speaker, by=editor)
    assert found("Quarrie-Obi") == {quote.pk}


def test_it_leaves_every_stored_document_as_fresh_as_a_rebuild_after_the_seeds(seeded):
    assert services.statements_index(Statement.objects.values_list("pk", flat=True)) == 0
    statement = Statement.objects.prefetch_related("tags").first()
    assert statement.search_document == statement_document(
        text=statement.text,
        speaker_as_printed=statement.speaker_as_printed,
        speaker_id=statement.speaker_id,
        tag_ids=[tag.pk for tag in statement.tags.all()],
    )


def test_the_rebuild_command_repairs_documents_written_behind_its_back(quote, capsys):
    Statement.objects.filter(pk=quote.pk).update(search_document="")
    assert found("harbour") == set()
    call_command("rebuild_search_index")
    assert "1 statement re-indexed" in capsys.readouterr().out
    assert found("harbour") == {quote.pk}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers")
def test_it_puts_back_sqlites_index_when_a_table_rebuild_dropped_its_triggers(quote):
    with connection.cursor() as cursor:
        for trigger in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER curation_statement_fts_{trigger}")
        cursor.execute("INSERT INTO curation_statement_fts(curation_statement_fts) VALUES ('delete-all')")
    assert found("harbour") == set()
    assert services.search_index_ensure() is True
    assert found("harbour") == {quote.pk}
    assert services.search_index_ensure() is False
