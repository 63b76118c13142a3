"""Keeping the search index in step with statements.

Each statement stores its searchable words in ``search_document``
(``curation.search_text``). From that column PostgreSQL derives a stored
``tsvector`` (a generated column with a GIN index) and SQLite an FTS5 table
kept by triggers, so the services only ever write the one column: whenever a
statement's text, printed speaker, speaker or topics change. Names and
aliases are not in the document (only marker words for the speaker and
topics), so editing an actor or topic needs nothing re-indexed.
"""

from collections import defaultdict

from django.db import connections

from curation.models import Statement
from curation.search_text import statement_document

FTS_TABLE = "curation_statement_fts"
REINDEX_BATCH = 2000

SQLITE_INDEX = [
    # External content: the words live once, in curation_statement.search_document.
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "search_document, content='curation_statement', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON curation_statement BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_document) VALUES (new.id, new.search_document); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON curation_statement BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_document) VALUES ('delete', old.id, old.search_document); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF search_document ON curation_statement BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_document) VALUES ('delete', old.id, old.search_document); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_document) VALUES (new.id, new.search_document); END",
]


def _documents(statement_ids) -> dict[int, str]:
    tag_ids = defaultdict(list)
    links = Statement.tags.through.objects.filter(statement_id__in=statement_ids)
    for statement_id, tag_id in links.values_list("statement_id", "tag_id"):
        tag_ids[statement_id].append(tag_id)
    rows = Statement.objects.filter(pk__in=statement_ids).values_list("pk", "text", "speaker_as_printed", "speaker_id")
    return {
        pk: statement_document(text=text, speaker_as_printed=printed, speaker_id=speaker_id, tag_ids=tag_ids[pk])
        for pk, text, printed, speaker_id in rows
    }


def statements_index(statements) -> int:
    """Store the searchable words of ``statements`` (instances or ids); return how many changed."""
    ids = [getattr(statement, "pk", statement) for statement in statements]
    changed = 0
    for start in range(0, len(ids), REINDEX_BATCH):
        batch = ids[start : start + REINDEX_BATCH]
        stored = dict(Statement.objects.filter(pk__in=batch).values_list("pk", "search_document"))
        fresh = [
            Statement(pk=pk, search_document=document)
            for pk, document in _documents(batch).items()
            if stored.get(pk) != document
        ]
        # bulk_update writes no history entry: the index is not an edit.
        Statement.objects.bulk_update(fresh, ["search_document"], batch_size=500)
        changed += len(fresh)
    return changed


def search_index_ensure(*, using: str = "default", rebuild: bool = False) -> bool:
    """Create SQLite's FTS5 table and triggers if missing, and fill it; return whether it was (re)built.

    Run after every migration: SQLite rebuilds a table to alter it, which
    drops its triggers, so a later migration of statements could otherwise
    leave the index silently behind. PostgreSQL needs nothing here (its
    column and index come from migration 0008).
    """
    if connections[using].vendor != "sqlite":
        return False
    with connections[using].cursor() as cursor:
        # Migrated back to before the index (or to nothing): nothing to keep.
        cursor.execute("SELECT count(*) FROM pragma_table_info('curation_statement') WHERE name = 'search_document'")
        if cursor.fetchone()[0] == 0:
            return False
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{FTS_TABLE}_%"])
        if cursor.fetchone()[0] == 3 and not rebuild:
            return False
        for statement in SQLITE_INDEX:
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return True


def search_index_rebuild() -> int:
    """Recompute every statement's searchable words (after a bulk load or a change of folding); return how many."""
    ids = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    changed = statements_index(ids)
    search_index_ensure(rebuild=True)
    return changed
