"""Importing from the desk: uploaded files, pasted text and links, each on its own.

Suggestions and checks started from the desk are jobs (``curation.services.jobs``).
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from curation.importing.files import ImportOutcome, import_file, import_url
from curation.importing.parsing import content_hash


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
