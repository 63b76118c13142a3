"""Rule-based statement extraction and attribution checks, in pure Python.

Text in, dataclasses out: no database, no network, standard library only.
"""

from .checks import check_article, check_conflicts
from .extractor import extract
from .records import Flag, KnownActor, KnownRole, StatementView, Suggestion

__all__ = [
    "Flag",
    "KnownActor",
    "KnownRole",
    "StatementView",
    "Suggestion",
    "check_article",
    "check_conflicts",
    "extract",
]
