"""An article's text with its statements marked, as escaped HTML; no ORM, no Django.

Two renderings of one cut: readers get paragraphs with each statement marked
and linked (``highlight``); editors get the text with each statement
numbered and shaded by how many statements cover it (``highlight_numbered``).
Statements may nest or overlap, and HTML elements cannot, so the text is cut
at every statement boundary. Every character of the body is escaped here, so
the caller may mark the result safe.
"""

import re
from dataclasses import dataclass
from html import escape

# A paragraph is a run of lines that each hold something other than
# whitespace; blank lines separate paragraphs.
# A link placed after a quotation's closing mark reads better than one
# squeezed between the quotation and its mark.
CLOSING_QUOTES = "\u201d\u2019\u00bb\"'"

PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


# Beyond three layers the shades stop being told apart.
DEEPEST_SHADE = 3


@dataclass(frozen=True)
class Span:
    """One statement to mark: where it is, where its link goes and what the link says.

    ``anchor`` is the element id readers' pages jump to; ``number`` is the
    statement's number on the editor's page.
    """

    start: int
    end: int
    anchor: str
    href: str
    label: str
    number: int = 0


@dataclass(frozen=True)
class Piece:
    text: str
    covering: tuple[Span, ...]
    opening: tuple[Span, ...]


def paragraph_ranges(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph, without surrounding whitespace."""
    ranges = []
    for match in PARAGRAPH.finditer(body):
        start, end = match.span()
        while body[start].isspace():
            start += 1
        while body[end - 1].isspace():
            end -= 1
        ranges.append((start, end))
    return ranges


def _trimmed(body: str, span: Span) -> Span | None:
    # Whitespace at either edge would make a mark (and its link) land in
    # the gap between paragraphs; the quote itself never starts with it.
    start, end = max(span.start, 0), min(span.end, len(body))
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Span(start, end, span.anchor, span.href, span.label, span.number)


def _text(body: str, start: int, end: int) -> str:
    return escape(body[start:end]).replace("\n", "<br>\n")


def _link(span: Span) -> str:
    return f' <a class="statement-link" href="{escape(span.href)}">{escape(span.label)}</a>'


def _link_position(body: str, span: Span, paragraph_end: int) -> int:
    position = span.end
    while position < paragraph_end and body[position] in CLOSING_QUOTES:
        position += 1
    return position


def _paragraph(body: str, start: int, end: int, spans: list[Span]) -> str:
    inside = [span for span in spans if span.start < end and span.end > start]
    link_at = {span: _link_position(body, span, end) for span in inside if span.end <= end}
    cuts = {start, end, *link_at.values()}
    cuts.update(span.start for span in inside if start < span.start < end)
    cuts.update(span.end for span in inside if start < span.end < end)
    edges = sorted(cuts)
    parts = []
    for left, right in zip(edges, edges[1:], strict=False):
        parts.extend(
            f'<span class="statement-anchor" id="{escape(span.anchor)}"></span>'
            for span in inside
            if span.start == left
        )
        covering = [span for span in inside if span.start <= left and span.end >= right]
        text = _text(body, left, right)
        if not covering:
            parts.append(text)
        else:
            overlap = " statement-overlap" if len(covering) > 1 else ""
            parts.append(f'<mark class="statement{overlap}">{text}</mark>')
        parts.extend(_link(span) for span, position in link_at.items() if position == right)
    return "<p>" + "".join(parts) + "</p>"


def highlight(body: str, spans: list[Span], hidden=()) -> str:
    """Return ``body`` as HTML paragraphs with every span marked and linked, leaving out ``hidden`` ranges.

    Overlapping spans are cut at each other's edges, so no element crosses
    another; the pieces two statements share carry ``statement-overlap``.
    A span across paragraphs is marked in each; its link follows its last
    character. Spans outside the body are ignored.
    """
    usable = sorted(
        (trimmed for trimmed in (_trimmed(body, span) for span in spans) if trimmed),
        key=lambda span: (span.start, -span.end),
    )
    return "\n".join(_paragraph(body, start, end, usable) for start, end in _story_ranges(body, hidden))


def _story_ranges(body: str, hidden) -> list[tuple[int, int]]:
    """Return the paragraphs with the hidden ranges taken out, each piece trimmed of white space."""
    pieces = []
    for start, end in paragraph_ranges(body):
        position = start
        for hidden_start, hidden_end in sorted(hidden):
            if hidden_end <= position or hidden_start >= end:
                continue
            pieces.append((position, hidden_start))
            position = max(position, hidden_end)
        pieces.append((position, end))
    trimmed = []
    for start, end in pieces:
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _squeeze(text: str) -> str:
    return escape(" ".join(text.split()))


def _word_start(body: str, position: int, floor: int) -> int:
    # Move right to the start of a word, so the context never opens mid-word.
    while floor > position > 0 and not body[position - 1].isspace():
        position += 1
    return position


def _word_end(body: str, position: int, ceiling: int) -> int:
    while ceiling < position < len(body) and not body[position].isspace():
        position -= 1
    return position


def quote_in_context(body: str, start: int, end: int, width: int = 240) -> str:
    """Return the quote marked inside up to ``width`` characters of text either side.

    Whitespace is squeezed to single spaces, so a quote that crosses
    paragraphs reads as one line; an ellipsis shows where the text goes on.
    """
    left = _word_start(body, max(0, start - width), start)
    right = _word_end(body, min(len(body), end + width), end)
    before = ("… " if left > 0 else "") + _squeeze(body[left:start])
    after = _squeeze(body[end:right]) + (" …" if right < len(body) else "")
    # Keep the space that separated the quote from its context, if there was one.
    gap_before = " " if start > left and body[start - 1].isspace() else ""
    gap_after = " " if right > end and body[end].isspace() else ""
    return f"{before}{gap_before}<mark>{_squeeze(body[start:end])}</mark>{gap_after}{after}"


def paragraphs_around(body: str, start: int, end: int, speaker_as_printed: str = "") -> str:
    """Return the paragraphs a quote stands in as HTML, the quote and its printed speaker marked.

    When the paragraph does not print the speaker but the one before does (a
    quote introduced by the paragraph before it), that one is shown too. The
    speaker marked is the printing nearest before the quote, else the first
    after it.
    """
    ranges = paragraph_ranges(body)
    touched = [index for index, (left, right) in enumerate(ranges) if left < end and right > start]
    if not touched:
        return ""
    first, last = touched[0], touched[-1]
    if speaker_as_printed and first > 0:
        own = body[ranges[first][0] : ranges[last][1]]
        previous = body[ranges[first - 1][0] : ranges[first - 1][1]]
        if speaker_as_printed not in own and speaker_as_printed in previous:
            first -= 1
    left, right = min(ranges[first][0], start), max(ranges[last][1], end)
    marks = [(start, end, "quote")]
    speaker_at = _printed_speaker_at(body, left, right, start, end, speaker_as_printed)
    if speaker_at is not None:
        marks.append((speaker_at, speaker_at + len(speaker_as_printed), "printed-speaker"))
    return _marked(body, left, right, sorted(marks))


def _printed_speaker_at(body: str, left: int, right: int, start: int, end: int, printed: str) -> int | None:
    if not printed:
        return None
    before = body.rfind(printed, left, start)
    if before != -1:
        return before
    after = body.find(printed, end, right)
    return None if after == -1 else after


def _marked(body: str, left: int, right: int, marks: list[tuple[int, int, str]]) -> str:
    parts, position = [], left
    for mark_start, mark_end, kind in marks:
        if mark_start < position:
            continue
        parts.append(_text(body, position, mark_start))
        parts.append(f'<mark class="{kind}">{_text(body, mark_start, mark_end)}</mark>')
        position = mark_end
    parts.append(_text(body, position, right))
    return "".join(parts)


def cut(body: str, spans: list[Span]) -> list[Piece]:
    """Cut ``body`` at every span boundary; each piece knows the spans covering it."""
    boundaries = sorted({0, len(body), *(span.start for span in spans), *(span.end for span in spans)})
    pieces = []
    for start, end in zip(boundaries, boundaries[1:], strict=False):
        covering = tuple(span for span in spans if span.start <= start and end <= span.end)
        opening = tuple(span for span in spans if span.start == start)
        pieces.append(Piece(body[start:end], covering, opening))
    return pieces


def highlight_numbered(body: str, spans: list[Span], dimmed=()) -> str:
    """Return the body as HTML with each statement marked and numbered, for editors.

    The ``dimmed`` ranges (what readers are not shown) are wrapped in
    ``span.non-story``; the text itself is unchanged, character for character.
    """
    # Dimmed ranges cut the text like statements do, but carry no anchor.
    edges = [Span(start, end, "", "", "", 0) for start, end in dimmed]
    parts = []
    for piece in cut(body, [*spans, *edges]):
        is_dimmed = any(not span.anchor for span in piece.covering)
        statements = Piece(
            piece.text,
            tuple(span for span in piece.covering if span.anchor),
            tuple(span for span in piece.opening if span.anchor),
        )
        for span in statements.opening:
            parts.append(
                f'<a class="statement-number" href="{escape(span.href)}" title="{escape(span.label)}">{span.number}</a>'
            )
        text = _numbered_mark(statements) if statements.covering else escape(piece.text)
        parts.append(f'<span class="non-story" title="Not shown to readers">{text}</span>' if is_dimmed else text)
    return "".join(parts)


def collapsed_returns(body: str) -> list[int]:
    """Return where the body has a carriage return that a browser drops when it shows the text.

    An HTML parser turns "\\r\\n" into "\\n", so a position in the text as a
    browser shows it falls behind the body's by one for each of these before
    it; the desk's selection script adds them back.
    """
    return [match.start() for match in _RETURN_BEFORE_NEWLINE.finditer(body)]


_RETURN_BEFORE_NEWLINE = re.compile("\r(?=\n)")


def _numbered_mark(piece: Piece) -> str:
    numbers = " ".join(str(span.number) for span in piece.covering)
    titles = " / ".join(span.label for span in piece.covering)
    return (
        f'<mark class="statement-text shade-{min(len(piece.covering), DEEPEST_SHADE)}" '
        f'data-statements="{numbers}" title="{escape(titles)}">{escape(piece.text)}</mark>'
    )
