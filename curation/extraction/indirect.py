"""Indirect speech and claims: reported statements without quote marks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .context import ArticleContext
from .lexicon import LISTENER_CUES, NEEDS_THAT, OBJECT_CUES
from .patterns import (
    ACCORDING_TO_RE,
    ADVERBIAL_RE,
    ASIDE_RE,
    COORDINATED_CUE_RE,
    FINITE_CUE_RE,
    LISTENER_RE,
    PARTICIPLE_RE,
    SPEAKER_BEFORE_CUE_RE,
    THAT_RE,
    TRAILING_INVERTED_RE,
)
from .text import TextRange

MINIMUM_CONTENT_WORDS = 3
# A subject pronoun and a verb right after a cue: the start of a reported clause ("announced she would run").
_PRONOUN_CLAUSE_RE = re.compile(
    r" (?:he|she|they|we|I|it)[ ]+"
    r"(?:[a-z]+ed|would|will|had|has|have|was|were|is|are|could|can|did|does|do|must|should|might|may)\b"
)


@dataclass(frozen=True)
class Reported:
    """A reported statement found in one sentence, before speaker resolution."""

    start: int
    end: int
    cue: str
    printed: str
    speaker_start: int | None
    speaker_end: int | None
    how: str  # "subject", "trailing", "participle", "according"


def reported_in_sentence(context: ArticleContext, sentence: TextRange) -> list[Reported]:
    """Return the main reported statement of one sentence and one coordinated with it, if any.

    "X said that A, but conceded that B": B is X's second statement.
    """
    main = _subject_first(context, sentence) or _trailing_cue(context, sentence)
    question = _asked(context, sentence)
    if main is None:
        return [question] if question else []
    if question is not None and question.end <= main.start:
        return [question, main]  # 'When asked whether …, she said …': the question, then the answer
    coordinated = COORDINATED_CUE_RE.match(context.norm, main.end, sentence.end)
    if coordinated is None or main.how != "subject":
        return [main]
    start = _content_start(context.norm, coordinated.end(), sentence.end, coordinated.group("cue"))
    end = _content_end(context, start, sentence.end) if start is not None else 0
    if start is None or not _enough_words(context, start, end):
        return [main]
    return [main, replace(main, start=start, end=end, cue=_clean_cue(coordinated.group("cue")))]


def participle_clauses(context: ArticleContext, sentence: TextRange) -> list[tuple[int, int, str]]:
    """Return the (start, end, cue) of each "…, stressing that X" clause in a sentence."""
    clauses = []
    for match in PARTICIPLE_RE.finditer(context.norm, sentence.start, sentence.end):
        if " ".join(match.group("cue").split()) in NEEDS_THAT and not match.group().rstrip().endswith("that"):
            continue
        start = match.end()
        end = _content_end(context, start, sentence.end)
        if _enough_words(context, start, end):
            clauses.append((start, end, match.group("cue")))
    return clauses


def _subject_first(context: ArticleContext, sentence: TextRange) -> Reported | None:
    """'X pointed out that …', 'she added that …', 'Mr. X, expressed …'."""
    norm = context.norm
    according = ACCORDING_TO_RE.search(norm, sentence.start, sentence.end)
    source = according.span("speaker") if according else (0, 0)
    for cue in FINITE_CUE_RE.finditer(norm, sentence.start, sentence.end):
        if source[0] <= cue.start() < source[1]:
            continue  # 'according to an aide who asked not to be named': the cue describes the source
        head_start = max(sentence.start, cue.start() - 120)
        speaker = SPEAKER_BEFORE_CUE_RE.search(norm, head_start, cue.start())
        if speaker is None:
            continue
        start = _content_start(norm, cue.end(), sentence.end, cue.group("cue"))
        if start is None:
            continue
        end = _content_end(context, start, sentence.end)
        if _enough_words(context, start, end):
            return Reported(
                start,
                end,
                _clean_cue(cue.group("cue")),
                speaker.group("speaker"),
                speaker.start("speaker"),
                speaker.end("speaker"),
                "subject",
            )
    return None


def _content_start(norm: str, position: int, limit: int, cue: str) -> int | None:
    if cue.split()[-1] in LISTENER_CUES:
        listener = LISTENER_RE.match(norm, position, limit)
        if listener is not None:
            return listener.end()
    adverbial = ADVERBIAL_RE.match(norm, position, limit)
    if adverbial:
        position = adverbial.end()
    that = THAT_RE.match(norm, position, limit)
    if that:
        return that.end()
    cue = " ".join(cue.split())
    if cue in NEEDS_THAT and not adverbial and _PRONOUN_CLAUSE_RE.match(norm, position, limit):
        return position + 1  # 'announced he would run': a clause with its own subject needs no "that"
    if cue in NEEDS_THAT or adverbial or norm[position : position + 1] in ',.;:"':
        return None
    if cue not in OBJECT_CUES and norm[position : position + 1] != " ":
        return None
    while position < limit and norm[position] == " ":
        position += 1
    return position


def _content_end(context: ArticleContext, start: int, limit: int) -> int:
    norm = context.norm
    end = limit
    participle = PARTICIPLE_RE.search(norm, start, limit)
    if participle:
        end = participle.start()
    according = ACCORDING_TO_RE.search(norm, start, end)
    if according:
        end = according.start()
    coordinated = COORDINATED_CUE_RE.search(norm, start, end)
    if coordinated:
        end = coordinated.start()
    while end > start and norm[end - 1] in " .,;:":
        end -= 1
    return end


def _trailing_cue(context: ArticleContext, sentence: TextRange) -> Reported | None:
    """'The UN will dispatch experts, he noted.' and '…, according to the statement.'"""
    norm = context.norm
    for cue in FINITE_CUE_RE.finditer(norm, sentence.start, sentence.end):
        adverbial = ADVERBIAL_RE.match(norm, cue.end(), sentence.end)
        after = norm[adverbial.end() if adverbial else cue.end() : sentence.end].lstrip(" ")
        if not (after[:1] in ".!?" or PARTICIPLE_RE.match(norm, cue.end())):
            continue
        speaker = SPEAKER_BEFORE_CUE_RE.search(norm, max(sentence.start, cue.start() - 120), cue.start())
        if speaker is None:
            continue
        end = speaker.start()
        while end > sentence.start and norm[end - 1] in " ,":
            end -= 1
        if "," not in norm[end : speaker.start()]:
            continue
        if _enough_words(context, sentence.start, end):
            return Reported(
                sentence.start,
                end,
                _clean_cue(cue.group("cue")),
                speaker.group("speaker"),
                speaker.start("speaker"),
                speaker.end("speaker"),
                "trailing",
            )
    return _aside(context, sentence) or _according_to(context, sentence)


def _aside(context: ArticleContext, sentence: TextRange) -> Reported | None:
    """'The golf industry, she said, is doing better' and 'Turnout fell, said Ana Ruiz, a pollster.'

    The cue stands inside the statement or after it, the speaker with it; the
    statement is the rest of the sentence.
    """
    norm = context.norm
    match = ASIDE_RE.search(norm, sentence.start, sentence.end)
    start, end = sentence.start, sentence.end
    if match is None:
        match = TRAILING_INVERTED_RE.search(norm, sentence.start, sentence.end)
        end = match.start() + 1 if match is not None else end
    if match is None:
        return None
    while start < end and (norm[start] in " ,\"'" or norm.startswith(("But ", "And ", "So ", "Still "), start)):
        start += norm.startswith(("But ", "And ", "So ", "Still "), start) and norm.index(" ", start) - start or 1
    while end > start and norm[end - 1] in " .,;:!?":
        end -= 1
    if match.start() <= start or not _enough_words(context, start, end):
        return None
    speaker = match.group("speaker")
    return Reported(
        start, end, _clean_cue(match.group("cue")), speaker, match.start("speaker"), match.end("speaker"), "aside"
    )


# "When asked whether the levy would pass, …", "asked by a host if the plan worked, …": a reported question.
_ASKED_RE = re.compile(
    r"\b(?P<cue>[Aa]sked)(?:[ ]+by[ ]+(?P<speaker>[^,;.\"]{1,40}?))?[ ]+"
    r"(?P<content>(?:if|whether|whom|who|what|how|why|about)\b[^,;\"]{3,200}?)(?=[ ]*[,;]|[.?!]?$)"
)


def _asked(context: ArticleContext, sentence: TextRange) -> Reported | None:
    match = _ASKED_RE.search(context.norm, sentence.start, sentence.end)
    if match is None or not _enough_words(context, *match.span("content")):
        return None
    start, end = _trimmed(context.norm, *match.span("content"))
    speaker_start, speaker_end = match.span("speaker") if match.group("speaker") else (None, None)
    return Reported(start, end, "asked", match.group("speaker") or "", speaker_start, speaker_end, "asked")


def _according_to(context: ArticleContext, sentence: TextRange) -> Reported | None:
    """'…, according to X.', 'According to X, …' and '…, according to X, …' (the whole sentence)."""
    norm = context.norm
    match = ACCORDING_TO_RE.search(norm, sentence.start, sentence.end)
    if match is None:
        return None
    start, end = _trimmed(norm, sentence.start, match.start())
    if norm.startswith(",", match.end()):
        after_start, after_end = _trimmed(norm, match.end() + 1, sentence.end)
        if _enough_words(context, after_start, after_end):
            end = after_end
            if not _enough_words(context, start, match.start()):
                start = after_start
    if not _enough_words(context, start, end):
        return None
    return Reported(
        start,
        end,
        "according to",
        match.group("speaker"),
        match.start("speaker"),
        match.end("speaker"),
        "according",
    )


def _trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and punctuation at its edges."""
    while start < end and norm[start] in " ,;:":
        start += 1
    while end > start and norm[end - 1] in " .,;:":
        end -= 1
    return start, end


def _enough_words(context: ArticleContext, start: int, end: int) -> bool:
    content = context.norm[start:end]
    return len(content.split()) >= MINIMUM_CONTENT_WORDS


def _clean_cue(cue: str) -> str:
    return " ".join(word for word in cue.split() if word not in ("has", "have"))
