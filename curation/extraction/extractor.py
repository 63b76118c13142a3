"""The rule-based extractor: article text in, suggested statements out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .context import ArticleContext, Resolution
from .direct import (
    MINIMUM_WORDS_WITHOUT_CUE,
    QuoteGroup,
    find_quote_spans,
    group_quotes,
    looks_like_title,
    resolve_attribution,
    settle_speaker,
    word_count,
)
from .documents import numbered_claims
from .indirect import Reported, participle_clauses, reported_in_sentence
from .patterns import SUBJECT_RE, THAT_RE
from .records import KnownActor, Suggestion
from .transcripts import labelled_statements

_KIND_CONFIDENCE = {"direct": 1.0, "indirect": 0.85, "claim": 0.8}
# A clause with fewer words of its own around a quote is the quote itself, not a partly quoted sentence.
MINIMUM_WORDS_OUTSIDE_QUOTES = 2
_WORD_RE = re.compile(r"[^\W_]+")
# On annotated news, uncued quotes of fewer words were more often slogans and titles than statements.
MINIMUM_WORDS_UNATTRIBUTED = 8


def extract(text: str, *, actors: Sequence[KnownActor] = (), published_on: date | None = None) -> list[Suggestion]:
    """Suggest the statements of an article, each with a proposed speaker.

    Offsets index the text as given; ``text[start:end] == suggestion.text``.
    """
    context = ArticleContext(text, actors, published_on)
    direct = _direct_suggestions(context)
    indirect = _indirect_suggestions(context, direct)
    found = _join_uncued_quotes(context, sorted(direct + indirect, key=lambda suggestion: suggestion.start))
    labelled = labelled_statements(context, lambda start, end: _overlaps_any(start, end, found))
    claims = numbered_claims(context) if not direct else []
    return sorted(found + labelled + claims, key=lambda suggestion: suggestion.start)


_UNCUED = "no speaker is named for this quote"
MAXIMUM_GAP_TO_JOIN = 80


def _join_uncued_quotes(context: ArticleContext, found: list[Suggestion]) -> list[Suggestion]:
    """'Park "felt bound to act," Ortiz said. "This is core stuff."': the uncued quote goes on with the
    statement whose cue ends the sentence before it, in the same paragraph, as a split quote does."""
    joined: list[Suggestion] = []
    for suggestion in found:
        previous = joined[-1] if joined else None
        if previous is not None and _UNCUED in suggestion.reasons and _joinable(context, previous, suggestion):
            pieces = previous.pieces or ((previous.start, previous.end),)
            joined[-1] = replace(
                previous,
                text=context.text[previous.start : suggestion.end],
                end=suggestion.end,
                pieces=pieces + (suggestion.pieces or ((suggestion.start, suggestion.end),)),
                reasons=(*previous.reasons, "the uncued quote after it goes on with it"),
            )
            continue
        joined.append(suggestion)
    return joined


def _joinable(context: ArticleContext, previous: Suggestion, suggestion: Suggestion) -> bool:
    """Only the previous statement's own cue stands between the two, in one paragraph, with no other quote."""
    if previous.speaker_start is None or previous.end > suggestion.start:
        return False
    gap = context.norm[previous.end : suggestion.start]
    cue_between = previous.end <= previous.speaker_start < suggestion.start
    nothing_between = not any(character.isalpha() for character in gap)
    return (
        len(gap) <= MAXIMUM_GAP_TO_JOIN and "\n" not in gap and gap.count('"') <= 2 and (cue_between or nothing_between)
    )


def _direct_suggestions(context: ArticleContext) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    quotes = [quote for quote in find_quote_spans(context) if not context.is_boilerplate(quote.start)]
    context.quoted = [(q.start, q.end) for q in quotes if not looks_like_title(context.norm[q.start : q.end])]
    for group in group_quotes(context, quotes):
        if looks_like_title(context.norm[group.start : group.end]):
            continue
        previous = suggestions[-1] if suggestions else None
        if group.attribution is None and previous is not None and _carries_on(context, previous, group):
            suggestions[-1] = _joined(context, previous, group)
            continue
        suggestion = _direct_suggestion(context, group, previous)
        if suggestion is not None:
            suggestions.append(suggestion)
    return suggestions


def _direct_suggestion(context, group: QuoteGroup, previous: Suggestion | None) -> Suggestion | None:
    attribution = group.attribution
    pieces = tuple((quote.start, quote.end) for quote in group.quotes) if len(group.quotes) > 1 else ()
    if attribution is None and _fragment(context.norm[group.start : group.end]):
        return None
    if attribution is not None:
        settled = settle_speaker(context, attribution.speaker_start, attribution.speaker_end)
        if settled is None:
            attribution = None
        else:
            attribution = replace(
                attribution,
                printed=context.norm[settled[0] : settled[1]],
                speaker_start=settled[0],
                speaker_end=settled[1],
            )
    if attribution is not None:
        resolution = resolve_attribution(context, attribution)
        span = (attribution.speaker_start, attribution.speaker_end)
        if _fragment(context.norm[group.start : group.end]):
            start, end = _clause_around(context, group, attribution)
            suggestion = _suggestion(context, start, end, "direct", attribution.cue, span, resolution)
            return replace(suggestion, reasons=("partly quoted statement", *suggestion.reasons[1:]))
        suggestion = _suggestion(context, group.start, group.end, "direct", attribution.cue, span, resolution)
        return replace(suggestion, pieces=pieces)
    if previous is not None and previous.kind == "direct" and _continues(context, previous, group):
        return replace(_continuation(context, group, previous), pieces=pieces)
    if word_count(context.norm[group.start : group.end]) < MINIMUM_WORDS_UNATTRIBUTED:
        return None  # a short quote nobody is said to have said is a slogan, a title or a scare quote
    unattributed = Resolution(None, "", "", 0.3, ("no speaker is named for this quote",))
    return replace(_suggestion(context, group.start, group.end, "direct", "", None, unattributed), pieces=pieces)


def _clause_around(context: ArticleContext, group: QuoteGroup, attribution) -> tuple[int, int]:
    """The reported clause a quoted fragment belongs to: '"The new chief is "not a team player," he said'."""
    sentence = context.sentences[context.sentence_at(group.quotes[0].open_mark)]
    if attribution.speaker_start > group.start:
        start, end = sentence.start, group.end
    else:
        start = max(sentence.start, min(attribution.cue_end, group.quotes[0].open_mark))
        end = max(sentence.end, group.end)  # a quote may run past the full stop that ends the sentence
        that = THAT_RE.match(context.norm, start, end)
        start = that.end() if that else start
        if not any(character.isalpha() for character in context.norm[start : group.quotes[0].open_mark]):
            return group.start, group.end  # 'Berg said "the bridge will be finished."': the quote is the clause
    while start < end and context.norm[start] in " ,:":
        start += 1
    while end > start and context.norm[end - 1] in " .,;:":
        end -= 1
    return start, end


def _fragment(quoted: str) -> bool:
    """Scare quotes ("so-called "emirate"") and a sentence's quoted tail ("…, which is "a disaster."")."""
    return word_count(quoted) < MINIMUM_WORDS_WITHOUT_CUE or quoted[:1].islower()


def _carries_on(context: ArticleContext, previous: Suggestion, group: QuoteGroup) -> bool:
    """A quote with no cue opening the paragraph after a quote goes on with it: wire copy's long quotes."""
    if previous.kind != "direct":
        return False
    paragraphs = context.body
    index = paragraphs.index(group.paragraph)
    opening = context.norm[group.paragraph.start : group.quotes[0].open_mark]
    return index > 0 and paragraphs[index - 1].contains(previous.end) and not any(c.isalpha() for c in opening)


def _joined(context: ArticleContext, previous: Suggestion, group: QuoteGroup) -> Suggestion:
    pieces = previous.pieces or ((previous.start, previous.end),)
    pieces += tuple((quote.start, quote.end) for quote in group.quotes)
    return replace(
        previous,
        text=context.text[previous.start : group.end],
        end=group.end,
        pieces=pieces,
        reasons=(*previous.reasons, "the quote goes on in the next paragraph"),
    )


def _continues(context: ArticleContext, previous: Suggestion, group: QuoteGroup) -> bool:
    """A quote with no cue shortly after another quote carries on the same speaker."""
    between = context.norm[previous.end : group.quotes[0].open_mark]
    return len(between) < 200 and between.count("\n") <= 3 and previous.speaker_name != ""


def _continuation(context: ArticleContext, group: QuoteGroup, previous: Suggestion) -> Suggestion:
    return replace(
        previous,
        text=context.text[group.start : group.end],
        start=group.start,
        end=group.end,
        cue="",
        confidence=round(previous.confidence * 0.85, 2),
        reasons=("continues the previous quote, by " + previous.speaker_name,),
    )


def _indirect_suggestions(context: ArticleContext, direct: list[Suggestion]) -> list[Suggestion]:
    """Reported statements sentence by sentence; one holding quotes becomes a partly quoted statement.

    ``direct`` loses the quotes that a partly quoted statement takes in.
    """
    found: list[Suggestion] = []
    for sentence in context.sentences:
        for reported in reported_in_sentence(context, sentence):
            _place(context, _reported_suggestion(context, reported), direct, found)
        for start, end, cue in participle_clauses(context, sentence):
            if not _overlaps_any(start, end, found):
                _place(
                    context, _participle_suggestion(context, sentence, start, end, cue, direct + found), direct, found
                )
    return found


def _place(context: ArticleContext, candidate: Suggestion, direct: list[Suggestion], found: list[Suggestion]) -> None:
    if _overlaps_any(candidate.start, candidate.end, found):
        return
    if any(quote.start < candidate.start < quote.end for quote in direct) or any(
        span_start < candidate.start < span_end for span_start, span_end in context.quoted
    ):
        return  # the cue and its clause are inside someone's quote
    inside = [quote for quote in direct if candidate.start <= quote.start < candidate.end]
    if not inside:
        # Quoted fragments ("has ''got a problem''") made no statement of their own but still mark the clause.
        fragments = [span for span in context.quoted if candidate.start <= span[0] < candidate.end]
        found.append(_partly_quoted(context, candidate, []) if fragments else candidate)
        return
    if _words_outside(context, candidate.start, candidate.end, inside) < MINIMUM_WORDS_OUTSIDE_QUOTES:
        return  # the clause is the quote itself: the direct statement stands
    for quote in inside:
        direct.remove(quote)
    found.append(_partly_quoted(context, candidate, inside))


def _words_outside(context: ArticleContext, start: int, end: int, quotes: list[Suggestion]) -> int:
    words, cursor = 0, start
    for quote in quotes:
        words += len(_WORD_RE.findall(context.norm, cursor, max(cursor, quote.start)))
        cursor = max(cursor, quote.end)
    return words + len(_WORD_RE.findall(context.norm, cursor, max(cursor, end)))


def _partly_quoted(context: ArticleContext, candidate: Suggestion, quotes: list[Suggestion]) -> Suggestion:
    """'Park said the budget was "a promise kept" to teachers': one statement, the quoted words inside it."""
    # A quote opened in the clause runs to its closing mark, past any full stop inside it.
    opened = [span_end for span_start, span_end in context.quoted if candidate.start <= span_start < candidate.end]
    end = max([candidate.end, *(quote.end for quote in quotes), *opened])
    base = (
        candidate if candidate.speaker_start is not None or not quotes or quotes[0].speaker_start is None else quotes[0]
    )
    return replace(
        base,
        text=context.text[candidate.start : end],
        start=candidate.start,
        end=end,
        kind="direct",
        cue=candidate.cue or (quotes[0].cue if quotes else ""),
        pieces=(),
        reasons=("partly quoted statement", *base.reasons[1:]),
    )


def _overlaps_any(start: int, end: int, suggestions: list[Suggestion]) -> bool:
    return any(other.start < end and start < other.end for other in suggestions)


def _participle_suggestion(context, sentence, start, end, cue, earlier: list[Suggestion]) -> Suggestion:
    """'…, stressing that X': X is said by whoever speaks earlier in the sentence."""
    same_sentence = [s for s in earlier if sentence.start <= s.start < start and s.speaker_start is not None]
    if same_sentence:
        main = max(same_sentence, key=lambda suggestion: suggestion.start)
        return replace(
            main,
            text=context.text[start:end],
            start=start,
            end=end,
            kind="indirect",
            cue=cue,
            confidence=round(main.confidence * 0.95, 2),
            reasons=(f'indirect statement, cue "{cue}"', f"continues what {main.speaker_name} said"),
        )
    subject = SUBJECT_RE.match(context.norm, sentence.start, start)
    if subject is None or subject.start("speaker") >= start:
        return _suggestion(
            context, start, end, "indirect", cue, None, Resolution(None, "", "", 0.3, ("no speaker is named",))
        )
    span = subject.span("speaker")
    resolution = context.resolve(context.norm[span[0] : span[1]], span[0])
    return _suggestion(context, start, end, "indirect", cue, span, resolution)


def _reported_suggestion(context: ArticleContext, reported: Reported) -> Suggestion:
    if reported.speaker_start is not None:
        settled = settle_speaker(context, reported.speaker_start, reported.speaker_end)
        start, end = settled if settled is not None else (None, None)
        printed = context.norm[start:end] if settled is not None else ""
        reported = replace(reported, printed=printed, speaker_start=start, speaker_end=end)
    if reported.speaker_start is None:
        resolution = Resolution(None, "", "", 0.3, ("no speaker is named",))
    else:
        resolution = context.resolve(reported.printed, reported.speaker_start)
    kind = "indirect"
    span = None if reported.speaker_start is None else (reported.speaker_start, reported.speaker_end)
    return _suggestion(context, reported.start, reported.end, kind, reported.cue, span, resolution)


def _trim_sentence_stop(context: ArticleContext, speaker_span):
    """Leave out a full stop a name swallowed at the end of a sentence ("… Ministry.")."""
    if speaker_span is None:
        return None
    start, end = speaker_span
    last_word = context.text[start:end].split()[-1] if end > start else ""
    if last_word.endswith(".") and len(last_word) > 4 and last_word.count(".") == 1:
        end -= 1
    return start, end


def _suggestion(context, start, end, kind, cue, speaker_span, resolution: Resolution) -> Suggestion:
    speaker_span = _trim_sentence_stop(context, speaker_span)
    printed = "" if speaker_span is None else context.text[speaker_span[0] : speaker_span[1]]
    speaker_start, speaker_end = speaker_span if speaker_span else (None, None)
    reasons = (f'{kind} statement, cue "{cue}"' if cue else f"{kind} statement",) + resolution.reasons
    return Suggestion(
        text=context.text[start:end],
        start=start,
        end=end,
        kind=kind,
        cue=" ".join(cue.split()),
        speaker_as_printed=printed,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker=resolution.slug,
        speaker_name=resolution.name if speaker_span else "",
        confidence=round(resolution.confidence * _KIND_CONFIDENCE[kind], 2),
        reasons=reasons,
    )
