"""Claims in an organisation's own document, such as a numbered list of points."""

from __future__ import annotations

from .context import ArticleContext, Resolution
from .lexicon import ORGANISATION_NOUNS
from .mentions import Mention
from .patterns import NUMBERED_POINT_RE
from .records import Suggestion

_MINIMUM_POINTS = 2
_INSTITUTION_WORDS = frozenset(ORGANISATION_NOUNS) - {"statement", "communique", "report", "group"}


def numbered_claims(context: ArticleContext) -> list[Suggestion]:
    """Turn "1- …", "12-…" paragraphs into claims by the document's organisation."""
    points = []
    for paragraph in context.body:
        match = NUMBERED_POINT_RE.match(context.norm, paragraph.start, paragraph.end)
        if match:
            points.append((match.end(), paragraph.end))
    if len(points) < _MINIMUM_POINTS:
        return []
    header_end = points[0][0]
    author, printed_span = _document_author(context, header_end)
    claims = []
    for start, end in points:
        while end > start and context.text[end - 1] in " .;":
            end -= 1
        claims.append(
            Suggestion(
                text=context.text[start:end],
                start=start,
                end=end,
                kind="claim",
                cue="",
                speaker_as_printed=context.text[printed_span[0] : printed_span[1]] if printed_span else "",
                speaker_start=printed_span[0] if printed_span else None,
                speaker_end=printed_span[1] if printed_span else None,
                speaker=author.slug,
                speaker_name=author.name,
                confidence=round(author.confidence * 0.8, 2),
                reasons=("a numbered point of the document",) + author.reasons,
            )
        )
    return claims


def _document_author(context: ArticleContext, header_end: int) -> tuple[Resolution, tuple[int, int] | None]:
    """The organisation named in the document's header, preferring a ministry or office."""
    organisations = [m for m in context.mentions if m.start < header_end and m.kind == "organisation"]
    if organisations:
        chosen = max(organisations, key=lambda m: (_is_institution(m), m.start))
        return (
            Resolution(chosen.slug, chosen.name, chosen.key, 0.8, (f"the document is headed by {chosen.name}",)),
            (chosen.start, chosen.end),
        )
    for paragraph in context.body:
        if paragraph.start >= header_end:
            break
        line = context.norm[paragraph.start : paragraph.end]
        if any(word.lower() in _INSTITUTION_WORDS for word in line.split()) and len(line) < 120:
            return (
                Resolution(None, line.strip(), "", 0.5, ("the document's header names this body, not a known actor",)),
                (paragraph.start, paragraph.end),
            )
    return Resolution(None, "", "", 0.3, ("the document names no author",)), None


def _is_institution(mention: Mention) -> bool:
    return any(word.lower() in _INSTITUTION_WORDS for word in mention.name.split())
