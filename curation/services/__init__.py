"""Writes that touch several models or must leave a record, one module per subject.

Admin actions, views, API and management commands call these; nothing else
changes a statement's speaker, writes a correction or creates an article.
Everything is re-exported here, so callers write ``from curation import
services`` and ``services.statement_reattribute(...)``.
"""

from curation.services.articles import (
    ArticleAlreadyImported,
    article_import,
    article_reanchor,
    article_set_non_story,
    article_update,
    articles_delete,
    unique_slug,
)
from curation.services.checks import articles_recheck, attribution_flags_refresh
from curation.services.corpus import ArchiveNotEmpty, corpus_generate
from curation.services.corrections import correction_record, correction_withdraw, statements_show
from curation.services.counts import public_counts_rebuild, public_counts_refresh
from curation.services.desk import DeskImport, desk_import
from curation.services.flags import flag_apply_suggestion, flag_dismiss
from curation.services.jobs import JobRefused, job_cancel, job_rerun, job_start
from curation.services.merges import actor_merge, tag_merge
from curation.services.search_index import search_index_ensure, search_index_rebuild, statements_index
from curation.services.seeding import seeds_load
from curation.services.statements import (
    BulkResult,
    passage_check,
    statement_create,
    statement_place,
    statement_reattribute,
    statement_review,
    statement_snapshot,
    statement_update,
    statements_add_tags,
    statements_delete,
    statements_reattribute,
    statements_remove_tags,
    statements_set_published,
    statements_set_review_status,
)
from curation.services.suggestions import article_suggest
from curation.services.transfer import RestoreRefused, curation_restore
from curation.services.versions import (
    STATEMENT_CHANGED_ELSEWHERE,
    StatementChangedElsewhere,
    statement_lock,
    statement_version_check,
)

__all__ = [
    "DeskImport",
    "desk_import",
    "STATEMENT_CHANGED_ELSEWHERE",
    "ArchiveNotEmpty",
    "ArticleAlreadyImported",
    "BulkResult",
    "JobRefused",
    "RestoreRefused",
    "StatementChangedElsewhere",
    "actor_merge",
    "article_import",
    "article_reanchor",
    "article_set_non_story",
    "article_suggest",
    "articles_delete",
    "articles_recheck",
    "article_update",
    "attribution_flags_refresh",
    "corpus_generate",
    "correction_record",
    "correction_withdraw",
    "curation_restore",
    "flag_apply_suggestion",
    "flag_dismiss",
    "job_cancel",
    "job_rerun",
    "job_start",
    "passage_check",
    "public_counts_rebuild",
    "public_counts_refresh",
    "search_index_ensure",
    "search_index_rebuild",
    "seeds_load",
    "statement_create",
    "statement_lock",
    "statement_place",
    "statement_reattribute",
    "statement_review",
    "statement_snapshot",
    "statement_update",
    "statement_version_check",
    "statements_add_tags",
    "statements_delete",
    "statements_index",
    "statements_reattribute",
    "statements_remove_tags",
    "statements_set_published",
    "statements_set_review_status",
    "statements_show",
    "tag_merge",
    "unique_slug",
]
