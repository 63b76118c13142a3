"""An article's text with its statements marked, for the editor's change page.

Statements may nest (a claim inside a longer quote) or overlap, and HTML
elements cannot overlap, so the text is cut at every statement boundary and
each piece is marked with all the statements covering it. Pure Python: spans
in, pieces or escaped HTML out.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Beyond three layers the shades stop being told apart.
DEEPEST_SHADE = 3


@dataclass(frozen=True)
class Span:
    number: int
    start: int
    end: int
    description: str
    url: str


@dataclass(frozen=True)
class Piece:
    text: str
    covering: tuple[Span, ...]
    opening: tuple[Span, ...]


def cut(body: str, spans: list[Span]) -> list[Piece]:
    """Cut ``body`` at every span boundary; each piece knows the spans covering it."""
    boundaries = sorted({0, len(body), *(span.start for span in spans), *(span.end for span in spans)})
    pieces = []
    for start, end in zip(boundaries, boundaries[1:], strict=False):
        covering = tuple(span for span in spans if span.start <= start and end <= span.end)
        opening = tuple(span for span in spans if span.start == start)
        pieces.append(Piece(body[start:end], covering, opening))
    return pieces


def render(body: str, spans: list[Span]) -> SafeString:
    """Return the body as HTML with each statement marked and numbered; the text is escaped."""
    parts = []
    for piece in cut(body, spans):
        for span in piece.opening:
            parts.append(
                format_html(
                    '<a class="statement-number" href="{}" title="{}">{}</a>', span.url, span.description, span.number
                )
            )
        parts.append(_mark(piece) if piece.covering else escape(piece.text))
    return mark_safe("".join(parts))


def _mark(piece: Piece) -> SafeString:
    numbers = " ".join(str(span.number) for span in piece.covering)
    return format_html(
        '<mark class="statement-text shade-{}" data-statements="{}" title="{}">{}</mark>',
        min(len(piece.covering), DEEPEST_SHADE),
        numbers,
        " / ".join(span.description for span in piece.covering),
        piece.text,
    )
