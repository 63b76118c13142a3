"""The rule-based extractor: article text in, suggested statements out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .context import ArticleContext, Resolution
from .direct import (
    MINIMUM_WORDS_WITHOUT_CUE,
    QuoteSpan,
    attribute_after,
    attribute_before,
    find_quote_spans,
    resolve_attribution,
    word_count,
)
from .documents import numbered_claims
from .indirect import Reported, participle_clauses, reported_in_sentence
from .records import KnownActor, Suggestion

_KIND_CONFIDENCE = {"direct": 1.0, "indirect": 0.85, "claim": 0.8}


def extract(text: str, *, actors: Sequence[KnownActor] = (), published_on: date | None = None) -> list[Suggestion]:
    """Suggest the statements of an article, each with a proposed speaker.

    Offsets index the text as given; ``text[start:end] == suggestion.text``.
    """
    context = ArticleContext(text, actors, published_on)
    direct = _direct_suggestions(context)
    indirect = _indirect_suggestions(context, direct)
    claims = numbered_claims(context) if not direct else []
    return sorted(direct + indirect + claims, key=lambda suggestion: suggestion.start)


def _direct_suggestions(context: ArticleContext) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    previous: Suggestion | None = None
    for quote in find_quote_spans(context):
        if context.is_boilerplate(quote.start):
            continue
        suggestion = _direct_suggestion(context, quote, previous)
        if suggestion is not None:
            suggestions.append(suggestion)
            previous = suggestion
    return suggestions


def _paragraph_of(context: ArticleContext, position: int):
    return next((p for p in context.body if p.start <= position <= p.end), context.body[0])


def _direct_suggestion(context, quote: QuoteSpan, previous: Suggestion | None) -> Suggestion | None:
    paragraph = _paragraph_of(context, quote.open_mark)
    attribution = attribute_after(context, quote, paragraph) or attribute_before(context, quote, paragraph)
    if attribution is None and word_count(context.text[quote.start : quote.end]) < MINIMUM_WORDS_WITHOUT_CUE:
        return None
    if attribution is not None:
        resolution = resolve_attribution(context, attribution)
        return _suggestion(
            context,
            quote.start,
            quote.end,
            "direct",
            attribution.cue,
            (attribution.speaker_start, attribution.speaker_end),
            resolution,
        )
    if previous is not None and previous.kind == "direct" and _continues(context, previous, quote):
        return _continuation(context, quote, previous)
    return _suggestion(
        context,
        quote.start,
        quote.end,
        "direct",
        "",
        None,
        Resolution(None, "", "", 0.3, ("no speaker is named for this quote",)),
    )


def _continues(context: ArticleContext, previous: Suggestion, quote: QuoteSpan) -> bool:
    """A quote with no cue right after another quote carries on the same speaker."""
    between = context.norm[previous.end : quote.open_mark]
    return len(between) < 200 and between.count("\n") <= 3 and previous.speaker_name != ""


def _continuation(context: ArticleContext, quote: QuoteSpan, previous: Suggestion) -> Suggestion:
    return Suggestion(
        text=context.text[quote.start : quote.end],
        start=quote.start,
        end=quote.end,
        kind="direct",
        cue="",
        speaker_as_printed=previous.speaker_as_printed,
        speaker_start=previous.speaker_start,
        speaker_end=previous.speaker_end,
        speaker=previous.speaker,
        speaker_name=previous.speaker_name,
        confidence=round(previous.confidence * 0.85, 2),
        reasons=("continues the previous quote, by " + previous.speaker_name,),
    )


def _indirect_suggestions(context: ArticleContext, direct: list[Suggestion]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for sentence in context.sentences:
        for reported in reported_in_sentence(context, sentence):
            if not _overlaps_any(reported.start, reported.end, direct):
                found.append(_reported_suggestion(context, reported))
        for start, end, cue in participle_clauses(context, sentence):
            if not _overlaps_any(start, end, direct + found):
                found.append(_participle_suggestion(context, sentence, start, end, cue, direct + found))
    return found


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
    subject = context.subject_of(sentence, start)
    if subject is None:
        return _suggestion(
            context, start, end, "indirect", cue, None, Resolution(None, "", "", 0.3, ("no speaker is named",))
        )
    resolution = context.resolve(context.norm[subject.start : subject.end], subject.start)
    return _suggestion(context, start, end, "indirect", cue, (subject.start, subject.end), resolution)


def _reported_suggestion(context: ArticleContext, reported: Reported) -> Suggestion:
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
