"""Direct quotes: find the words inside quote marks and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ArticleContext, Resolution
from .patterns import (
    AFTER_QUOTE_DOCUMENT_RE,
    AFTER_QUOTE_INVERTED_RE,
    AFTER_QUOTE_RE,
    BEFORE_QUOTE_ACCORDING_RE,
    BEFORE_QUOTE_RE,
)
from .text import CLOSING_QUOTES, OPENING_QUOTES, Span

QUOTE_MARKS = '"' + OPENING_QUOTES + CLOSING_QUOTES
_QUOTE_MARK_RE = re.compile(f"[{QUOTE_MARKS}]")
# Short quoted words without a cue are scare quotes or titles ("an Islamic "caliphate"").
MINIMUM_WORDS_WITHOUT_CUE = 4


@dataclass(frozen=True)
class QuoteSpan:
    open_mark: int  # offset of the opening quote mark
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    close_mark: int  # offset of the closing mark, or the paragraph end when unclosed


@dataclass(frozen=True)
class Attribution:
    cue: str
    printed: str
    speaker_start: int
    speaker_end: int
    cue_end: int  # where a participial follow-up ("…, stressing that") may begin
    how: str


def find_quote_spans(context: ArticleContext) -> list[QuoteSpan]:
    """Pair quote marks paragraph by paragraph.

    A paragraph that ends inside a quote continues into the next one when that
    paragraph opens with a quote mark, as wire copy does for long quotes.
    """
    spans: list[QuoteSpan] = []
    body = context.body
    carried: int | None = None
    for position, paragraph in enumerate(body):
        open_mark = carried
        skip_first = carried is not None
        carried = None
        for match in _QUOTE_MARK_RE.finditer(context.text, paragraph.start, paragraph.end):
            mark = match.group()
            if skip_first:
                skip_first = False
                continue
            if open_mark is None and mark not in CLOSING_QUOTES:
                open_mark = match.start()
            elif open_mark is not None and mark not in OPENING_QUOTES:
                spans.append(_quote(context.text, open_mark, match.start()))
                open_mark = None
        if open_mark is None:
            continue
        following = body[position + 1] if position + 1 < len(body) else None
        if following is not None and context.text[following.start] in '"' + OPENING_QUOTES:
            carried = open_mark
        else:
            spans.append(_quote(context.text, open_mark, paragraph.end))
    return [span for span in spans if span.end > span.start]


def _quote(text: str, open_mark: int, close_mark: int) -> QuoteSpan:
    start, end = open_mark + 1, close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return QuoteSpan(open_mark, start, end, close_mark)


def attribute_after(context: ArticleContext, quote: QuoteSpan, paragraph: Span) -> Attribution | None:
    """Find '…," Salih added' right after the closing mark."""
    offset = quote.close_mark + 1
    tail = context.norm[offset : min(paragraph.end, offset + 160)]
    for pattern, how in (
        (AFTER_QUOTE_DOCUMENT_RE, "document"),
        (AFTER_QUOTE_RE, "after"),
        (AFTER_QUOTE_INVERTED_RE, "after"),
    ):
        match = pattern.match(tail)
        if match:
            group = "speaker" if match.group("speaker") else "titled"
            return Attribution(
                match.group("cue"),
                match.group(group),
                offset + match.start(group),
                offset + match.end(group),
                offset + match.end(),
                how,
            )
    return None


def attribute_before(context: ArticleContext, quote: QuoteSpan, paragraph: Span) -> Attribution | None:
    """Find 'Abadi warned that the "…' or ', he said, "…' before the opening mark."""
    sentence = context.sentences[context.sentence_at(quote.open_mark)]
    offset = max(paragraph.start, sentence.start, quote.open_mark - 160)
    head = context.norm[offset : quote.open_mark]
    if '"' in head:
        # Only the text after the previous quote can hold this quote's cue (split quotes).
        cut = head.rindex('"') + 1
        offset, head = offset + cut, head[cut:]
    for pattern in (BEFORE_QUOTE_RE, BEFORE_QUOTE_ACCORDING_RE):
        match = pattern.search(head)
        if match:
            return Attribution(
                match.group("cue"),
                match.group("speaker"),
                offset + match.start("speaker"),
                offset + match.end("speaker"),
                quote.close_mark + 1,
                "before",
            )
    return None


def resolve_attribution(context: ArticleContext, attribution: Attribution) -> Resolution:
    printed = attribution.printed
    if attribution.how == "document" and printed.lower().startswith("the "):
        printed = printed[4:]
        return context.resolve_name(printed, attribution.speaker_start + 4)
    return context.resolve(printed, attribution.speaker_start)


def word_count(text: str) -> int:
    return len(text.split())
