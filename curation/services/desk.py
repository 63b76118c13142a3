"""Long work started from the desk: importing files, text and links; suggesting statements and checking them.

``desk_import`` and ``desk_suggest`` are the places the desk hands this work
over. They run it now, in the request; a background job takes it over here.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from curation.importing.files import ImportOutcome, import_file, import_url
from curation.importing.parsing import content_hash
from curation.models import Article
from curation.services.checks import attribution_flags_refresh
from curation.services.suggestions import article_suggest


@dataclass
class DeskImport:
    """What an editor gave the import page: uploaded files as (name, bytes), pasted text, links."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    pasted: str = ""
    urls: list[str] = field(default_factory=list)
    publish: bool = False


def desk_import(*, request: DeskImport) -> list[ImportOutcome]:
    """Import everything in ``request``, each file, text or link on its own; return one outcome each."""
    outcomes = [import_file(Path(name), data, publish=request.publish) for name, data in request.files]
    if request.pasted.strip():
        # The name the article form gives pasted text, so the same paste is recognised either way.
        name = f"pasted:{content_hash(request.pasted)[:16]}"
        outcomes.append(import_file(Path(name), request.pasted.encode("utf-8"), publish=request.publish))
    allow_private = settings.CURATION_IMPORT_ALLOW_PRIVATE_ADDRESSES
    outcomes.extend(import_url(url, publish=request.publish, allow_private=allow_private) for url in request.urls)
    return outcomes


@dataclass
class SuggestionRun:
    articles: int = 0
    suggestions: int = 0
    flags_opened: int = 0


def desk_suggest(*, articles: list[Article]) -> SuggestionRun:
    """Suggest statements for ``articles`` and run the attribution checks on them; say how much was found."""
    run = SuggestionRun()
    for article in articles:
        run.suggestions += len(article_suggest(article=article))
        run.articles += 1
    report = attribution_flags_refresh(articles=articles)
    run.flags_opened = report.opened
    return run
