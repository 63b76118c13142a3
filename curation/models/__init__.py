"""The editorial record: articles, actors, statements, tags and corrections.

Anything readers or API clients may see is selected through the ``public()``
querysets defined here, so pages and API share one definition of "public".
One module per subject; every model is importable from ``curation.models``.
"""

from curation.models.actors import Actor, ActorAlias, ActorRole, ActorSlugRedirect, KeepsPublicStatementCount
from curation.models.articles import Article
from curation.models.jobs import Job, JobChunk
from curation.models.record import (
    AttributionCorrection,
    AttributionFlag,
    CorrectionWithdrawal,
    Merge,
    ReviewDecision,
)
from curation.models.statements import Statement, SuggestedStatement
from curation.models.tags import Tag, TagAlias, TagSlugRedirect

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorRole",
    "ActorSlugRedirect",
    "Article",
    "AttributionCorrection",
    "AttributionFlag",
    "CorrectionWithdrawal",
    "Job",
    "JobChunk",
    "KeepsPublicStatementCount",
    "Merge",
    "ReviewDecision",
    "Statement",
    "SuggestedStatement",
    "Tag",
    "TagAlias",
    "TagSlugRedirect",
]
