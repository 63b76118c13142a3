"""Importing from the desk: uploaded files, pasted text and links, each on its own.

A JSON Lines upload of more than ``INLINE_LINES_AT_MOST`` articles becomes an
import job (``curation.services.jobs``), so the editor follows its progress
under Jobs instead of waiting on the page; suggestions and checks started from
the desk are jobs too.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from curation.importing.files import JSON_LINES_SUFFIXES, ImportOutcome, import_file, import_url
from curation.importing.parsing import content_hash
from curation.models import Job
from curation.services.jobs import JobRefused, job_start

# Past this many lines a JSON Lines upload is imported by a job, with progress.
INLINE_LINES_AT_MOST = 50


@dataclass
class DeskImport:
    """What an editor gave the import page: uploaded files as (name, bytes), pasted text, links."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    pasted: str = ""
    urls: list[str] = field(default_factory=list)
    publish: bool = False
    user: object = None


def desk_import(*, request: DeskImport) -> list[ImportOutcome]:
    """Import everything in ``request``, each file, text or link on its own; return one outcome each."""
    outcomes = [_import_upload(Path(name), data, request) for name, data in request.files]
    if request.pasted.strip():
        # The name the article form gives pasted text, so the same paste is recognised either way.
        name = f"pasted:{content_hash(request.pasted)[:16]}"
        outcomes.append(import_file(Path(name), request.pasted.encode("utf-8"), publish=request.publish))
    allow_private = settings.CURATION_IMPORT_ALLOW_PRIVATE_ADDRESSES
    outcomes.extend(import_url(url, publish=request.publish, allow_private=allow_private) for url in request.urls)
    return outcomes


def _import_upload(path: Path, data: bytes, request: DeskImport) -> ImportOutcome:
    lines = _json_lines_for_a_job(path, data)
    if lines is None:
        return import_file(path, data, publish=request.publish)
    try:
        job = job_start(
            Job.Kind.IMPORT_ARTICLES,
            {"items": lines, "source": path.name, "publish": request.publish},
            request.user,
        )
    except JobRefused as refusal:
        return ImportOutcome(path, ImportOutcome.REFUSED, str(refusal))
    return ImportOutcome(
        path,
        ImportOutcome.JOB,
        f"{job.total} articles handed to {job} ({job.get_state_display().lower()}, {job.done} of {job.total} done); "
        "follow it under Jobs",
    )


def _json_lines_for_a_job(path: Path, data: bytes) -> list[str] | None:
    """The lines of a large, readable JSON Lines upload; None when it is imported on the page (or refused there)."""
    if path.suffix.lower() not in JSON_LINES_SUFFIXES:
        return None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None  # The page's import names the line that is not UTF-8.
    lines = text.split("\n")
    if sum(1 for line in lines if line.strip()) <= INLINE_LINES_AT_MOST:
        return None
    return lines
