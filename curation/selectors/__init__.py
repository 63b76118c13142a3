"""Reads shared by the public pages, the API and the admin, one module per subject.

Everything is re-exported here: ``from curation import selectors`` and
``selectors.statements_listing()``.
"""

from curation.selectors.desk import Waiting, desk_waiting
from curation.selectors.flags import DecisionScores, open_flags, review_decision_scores
from curation.selectors.names import (
    actor_find,
    actors_named,
    actors_named_like,
    speaker_ids_matching,
    tag_descendant_ids,
    tag_find,
    tags_named_like,
)
from curation.selectors.preview import actor_preview, article_preview, statement_preview
from curation.selectors.public import (
    actor_public,
    actor_statements,
    actor_statements_per_month,
    actors_listing,
    actors_matching,
    article_corrections,
    article_detail,
    articles_listing,
    articles_quoting,
    articles_tagged,
    articles_with_statements,
    correction_notices,
    corrections_listing,
    has_public_correction,
    public_statement_count,
    statement_detail,
    statements_listing,
    statements_tagged,
    statements_with_corrections,
    tag_statements,
    tags_listing,
    tags_ordered,
    tags_tree,
)
from curation.selectors.registry import conflict_candidates, known_actors, statement_view
from curation.selectors.search import (
    actors_search,
    article_search_vector,
    articles_search,
    statement_search_vector,
    statements_matching,
    statements_search,
)
from curation.selectors.transfer import curation_export

__all__ = [
    "actor_preview",
    "article_preview",
    "statement_preview",
    "Waiting",
    "desk_waiting",
    "DecisionScores",
    "actor_find",
    "actor_public",
    "actor_statements",
    "actor_statements_per_month",
    "actors_listing",
    "actors_matching",
    "actors_named",
    "actors_named_like",
    "actors_search",
    "article_corrections",
    "article_detail",
    "article_search_vector",
    "articles_listing",
    "articles_quoting",
    "articles_search",
    "articles_tagged",
    "articles_with_statements",
    "conflict_candidates",
    "correction_notices",
    "corrections_listing",
    "curation_export",
    "has_public_correction",
    "known_actors",
    "open_flags",
    "public_statement_count",
    "review_decision_scores",
    "speaker_ids_matching",
    "statement_detail",
    "statement_search_vector",
    "statement_view",
    "statements_listing",
    "statements_matching",
    "statements_search",
    "statements_tagged",
    "statements_with_corrections",
    "tag_descendant_ids",
    "tag_find",
    "tag_statements",
    "tags_listing",
    "tags_named_like",
    "tags_ordered",
    "tags_tree",
]
