"""Direct quotes: find the words inside quote marks and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .context import ArticleContext, Resolution
from .marks import Mark, QuoteSpan, double_marks, pair_marks, quote_span, single_quotes
from .patterns import (
    AFTER_QUOTE_CLAUSE_RE,
    AFTER_QUOTE_DOCUMENT_RE,
    AFTER_QUOTE_INVERTED_RE,
    AFTER_QUOTE_LOOSE_INVERTED_RE,
    AFTER_QUOTE_LOOSE_RE,
    AFTER_QUOTE_RE,
    AFTER_QUOTE_UNLISTED_RE,
    BEFORE_QUOTE_ACCORDING_RE,
    BEFORE_QUOTE_LABEL_RE,
    BEFORE_QUOTE_RE,
    CLAUSE_NAME_RE,
    FINITE_CUE_RE,
    INTRODUCTION_INVERTED_RE,
    INTRODUCTION_RE,
    PARTICIPLE_RE,
    SENTENCE_END_RE,
    SPEAKER_BEFORE_CUE_RE,
)
from .text import TextRange

# Short quoted words without a cue are scare quotes or titles ("an Islamic "caliphate"").
MINIMUM_WORDS_WITHOUT_CUE = 4


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
    body, text = context.body, context.text
    carried: Mark | None = None
    for position, paragraph in enumerate(body):
        marks = double_marks(text, paragraph)
        if carried is not None and marks and marks[0].position == paragraph.start:
            marks = marks[1:]
        pairs, left_open = pair_marks(marks, carried)
        carried = None
        found = [quote_span(text, first, second.position, second.length) for first, second in pairs]
        inside = [(span.open_mark, span.follows) for span in found]
        found += [
            quote_span(text, first, second.position, 1) for first, second in single_quotes(text, paragraph, inside)
        ]
        spans += found
        if left_open is None:
            continue
        following = body[position + 1] if position + 1 < len(body) else None
        opening = double_marks(text, following)[:1] if following is not None else []
        if opening and opening[0].position == following.start and opening[0].role != "close":
            carried = left_open
        else:
            spans.append(quote_span(text, left_open, paragraph.end, 0))
    return sorted((span for span in spans if span.end > span.start), key=lambda span: span.start)


def attribute_after(context: ArticleContext, quote: QuoteSpan, paragraph: TextRange) -> Attribution | None:
    """Find '…," Salih added' right after the closing mark."""
    offset = quote.follows
    tail = context.norm[offset : min(paragraph.end, offset + 160)]
    if _runs_on(context.norm, quote, tail):
        return None
    for pattern, how in (
        (AFTER_QUOTE_DOCUMENT_RE, "document"),
        (AFTER_QUOTE_RE, "after"),
        (AFTER_QUOTE_INVERTED_RE, "after"),
        (AFTER_QUOTE_LOOSE_RE, "after"),
        (AFTER_QUOTE_LOOSE_INVERTED_RE, "after"),
        (AFTER_QUOTE_UNLISTED_RE, "after"),
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
    return _attribute_in_clause(context, quote, offset, tail)


def _attribute_in_clause(context: ArticleContext, quote: QuoteSpan, offset: int, tail: str) -> Attribution | None:
    """'…," Ana Ortiz, the pollster who runs the lab tweeted': a quote closed by a comma leads to its cue.

    The speaker is the first name in that clause that a comma or the cue follows.
    """
    if context.norm[quote.end : quote.close_mark].strip()[-1:] not in tuple(",!?") and not tail.startswith(","):
        return None
    match = AFTER_QUOTE_CLAUSE_RE.match(tail)
    if match is None or SENTENCE_END_RE.search(match.group("clause")):
        return None
    name = CLAUSE_NAME_RE.search(tail, match.start("clause"), match.start("cue") - 1)
    if name is None or name.group().endswith("'s"):
        return None
    return Attribution(
        match.group("cue"), name.group(), offset + name.start(), offset + name.end(), offset + match.end(), "after"
    )


def _runs_on(norm: str, quote: QuoteSpan, tail: str) -> bool:
    """A quoted fragment the sentence carries on after: 'he vowed to "take our fight" to the states'.

    Words after its closing mark continue the sentence; they do not name its speaker.
    """
    quoted = norm[quote.start : quote.end]
    closed = norm[quote.end : quote.close_mark].strip()[-1:] in tuple(",.!?") or tail.lstrip(" ")[:1] in tuple(",:.!?")
    return not closed and (quoted[:1].islower() or word_count(quoted) < MINIMUM_WORDS_WITHOUT_CUE)


def attribute_before(context: ArticleContext, quote: QuoteSpan, paragraph: TextRange) -> Attribution | None:
    """Find 'Abadi warned that the "…' or ', he said, "…' before the opening mark."""
    sentence = context.sentences[context.sentence_at(quote.open_mark)]
    offset = max(paragraph.start, sentence.start, quote.open_mark - 160)
    head = context.norm[offset : quote.open_mark]
    cut = max(head.rfind('"') + 1, head.rfind("''") + 2 if "''" in head else 0)
    if cut:
        # Only the text after the previous quote can hold this quote's cue (split quotes).
        offset, head = offset + cut, head[cut:]
    patterns = (BEFORE_QUOTE_RE, BEFORE_QUOTE_ACCORDING_RE)
    if offset == paragraph.start:
        patterns += (BEFORE_QUOTE_LABEL_RE,)
    for pattern in patterns:
        match = pattern.search(head)
        if match:
            return Attribution(
                match.group("cue"),
                match.group("speaker"),
                offset + match.start("speaker"),
                offset + match.end("speaker"),
                offset + match.end("cue"),
                "before",
            )
    return None


# "Egypt's foreign minister, Sameh Fouad, said": the name in the appositive is the speaker's.
_NAMED_AFTER_RE = re.compile(r",[ ]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ ]+)?(?P<name>[A-Z][\w.'-]+(?:[ ]+[A-Z][\w.'-]+){1,3}),")
_DESCRIBING_WORDS = frozenset("a an the one another his her their its our".split())
_PLACE_BEFORE_RE = re.compile(r"(?P<name>[A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){0,3}),?[ ]+(?:of|from|in)[ ]+$")


def settle_speaker(context: ArticleContext, start: int, end: int) -> tuple[int, int] | None:
    """The person a printed speaker span stands for, or None when it cannot be a speaker.

    "Leo Brandt of Dayton said": the speaker is Brandt, not the place
    after "of". "Ortiz's": a possessive is somebody's something, never the speaker.
    """
    printed = context.norm[start:end]
    if printed.endswith("'s"):
        return None
    place = _PLACE_BEFORE_RE.search(context.norm, max(0, start - 60), start)
    if place is not None and printed[:1].isupper() and " " not in printed.strip():
        return place.start("name"), place.end("name")
    named = _NAMED_AFTER_RE.match(context.norm, end)
    if named is not None and _is_description(printed):
        return named.start("name"), named.end("name")
    return start, end


def _is_description(printed: str) -> bool:
    """ "One survivor", "Egypt's foreign minister", "the mayor": words that describe rather than name."""
    words = printed.split()
    return bool(words) and (words[0].lower() in _DESCRIBING_WORDS or "'s" in printed or not words[-1][:1].isupper())


def resolve_attribution(context: ArticleContext, attribution: Attribution) -> Resolution:
    printed = attribution.printed
    if attribution.how == "document" and printed.lower().startswith("the "):
        printed = printed[4:]
        return context.resolve_name(printed, attribution.speaker_start + 4)
    return context.resolve(printed, attribution.speaker_start)


def word_count(text: str) -> int:
    return len(text.split())


@dataclass
class QuoteGroup:
    """Quotes that make one statement: '"A," he said, "B." "C."' is one statement in three pieces."""

    quotes: list[QuoteSpan]
    attribution: Attribution | None
    paragraph: TextRange

    @property
    def start(self) -> int:
        return self.quotes[0].start

    @property
    def end(self) -> int:
        return self.quotes[-1].end


def group_quotes(context: ArticleContext, quotes: list[QuoteSpan]) -> list[QuoteGroup]:
    """Join each quote to the one before when nothing but that quote's own cue stands between them."""
    groups: list[QuoteGroup] = []
    for quote in quotes:
        paragraph = paragraph_of(context, quote.open_mark)
        after = attribute_after(context, quote, paragraph)
        before = None if after else attribute_before(context, quote, paragraph)
        last = groups[-1] if groups else None
        own_cue = before is not None and (
            last is None or last.attribution is None or not _same_speaker_span(before, last.attribution)
        )
        if last is not None and after is None and not own_cue and _continues(context, last, quote, paragraph):
            participle = _participle_between(context, last, quote)
            if participle is None:
                last.quotes.append(quote)
                continue
            groups.append(QuoteGroup([quote], participle, paragraph))
            continue
        attribution = after or before or attribute_colon(context, quote, paragraph)
        groups.append(QuoteGroup([quote], attribution, paragraph))
    return groups


def _same_speaker_span(first: Attribution, second: Attribution) -> bool:
    """The same printed speaker, read whole or in part: "one Clinton aide" and "Clinton aide"."""
    return first.speaker_start < second.speaker_end and second.speaker_start < first.speaker_end


def _participle_between(context: ArticleContext, group: QuoteGroup, quote: QuoteSpan) -> Attribution | None:
    """'"A," she said, adding, "B."': a participle between two quotes makes the second a statement of its own."""
    between = PARTICIPLE_RE.search(context.norm, group.quotes[-1].follows, quote.open_mark)
    if between is None or group.attribution is None:
        return None
    clause = context.norm[between.end() : quote.open_mark]
    if any(character.isalpha() for character in clause) and re.search(r"[.!?](?:[ ]|$)", clause):
        return None  # '…, adding that he had fought for it. "B."': the quote goes on after the participle's clause
    return replace(group.attribution, cue=between.group("cue"), cue_end=between.end(), how="participle")


def attribute_colon(context: ArticleContext, quote: QuoteSpan, paragraph: TextRange) -> Attribution | None:
    """'The mayor could only sigh: "…' or 'Reporter Ana Ruiz says:¶"…': the sentence the colon ends speaks."""
    norm = context.norm
    head = norm[paragraph.start : quote.open_mark].rstrip()
    if head.endswith((":", ".")):
        colon = paragraph.start + len(head) - 1
    elif not head and (index := context.body.index(paragraph)) > 0 and norm[context.body[index - 1].end - 1] in ":.":
        colon = context.body[index - 1].end - 1
    else:
        return None
    sentence = context.sentences[context.sentence_at(colon)]
    introduction = INTRODUCTION_RE.match(norm[sentence.start : colon + 1]) or INTRODUCTION_INVERTED_RE.match(
        norm[sentence.start : colon + 1]
    )
    if introduction is not None:
        start, end = (sentence.start + index for index in introduction.span("speaker"))
        return Attribution(introduction.group("cue"), norm[start:end], start, end, quote.follows, "colon")
    if norm[colon] != ":":
        return None
    for cue in FINITE_CUE_RE.finditer(norm, sentence.start, colon):
        speaker = SPEAKER_BEFORE_CUE_RE.search(norm, max(sentence.start, cue.start() - 200), cue.start())
        if speaker is not None:
            start, end = speaker.span("speaker")
            return Attribution(cue.group("cue"), norm[start:end], start, end, quote.follows, "colon")
    according = BEFORE_QUOTE_ACCORDING_RE.search(norm, sentence.start, colon)
    if according is not None:
        start, end = according.span("speaker")
        return Attribution("according to", norm[start:end], start, end, quote.follows, "colon")
    return None


def _continues(context: ArticleContext, group: QuoteGroup, quote: QuoteSpan, paragraph: TextRange) -> bool:
    """Within one paragraph, a quote with no cue of its own goes on with the attributed quote before it."""
    if group.paragraph != paragraph:
        return False
    between = context.norm[group.quotes[-1].follows : quote.open_mark]
    if group.attribution is None:
        # '"A." "B."': quotes printed one after the other, with nothing between, are one run of speech.
        return not any(character.isalnum() for character in between) and '"' not in between
    return '"' not in between


def paragraph_of(context: ArticleContext, position: int) -> TextRange:
    return next((p for p in context.body if p.start <= position <= p.end), context.body[0])


_SMALL_WORDS = frozenset("a an and the of in on at to for with from by or nor but vs is are".split())
MAXIMUM_TITLE_WORDS = 10


def looks_like_title(quoted: str) -> bool:
    """ "The Nightly Show", "Make America Great Again": a short run of capitalised words names a work or a slogan."""
    words = [word.strip(".,!?:;'\"()[]") for word in quoted.split()]
    words = [word for word in words if word]
    if not words or len(words) > MAXIMUM_TITLE_WORDS:
        return False
    significant = [word for word in words if word.lower() not in _SMALL_WORDS]
    return (
        bool(significant)
        and all(word[0].isupper() or word[0].isdigit() for word in significant)
        and (len(significant) > 1 or quoted.rstrip()[-1:] not in ".!?")
    )
