"""Transcripts and lists of reactions: paragraphs that open with the speaker's name and a colon.

"PARK: We will win." and "— Sen. Ana Ortiz, on Twitter: "A sad day."" name the
speaker as a label instead of with a reporting verb. Questions and answers
("Q:", "A:") are left out: the labels do not say who asked or answered.
"""

from __future__ import annotations

import re

from .context import ArticleContext, Resolution
from .records import Suggestion

_LABEL_RE = re.compile(
    r"[-–—•*]?[ ]*(?P<speaker>(?:[A-Z][\w.'-]*[ ]+){0,4}[A-Z][\w.'-]*)"
    r"(?:,[ ]+(?P<where>[^:\"\n]{1,60}?))?[ ]*:[ ]+(?P<content>\S)"
)
_NOT_SPEAKERS = frozenset(
    "q a question answer note update editor correction photo video watch read related source sources via "
    "update updated here why what how who when where the this".split()
)
MINIMUM_WORDS = 3


def labelled_statements(context: ArticleContext, taken) -> list[Suggestion]:
    """One direct statement per labelled paragraph not already ``taken(start, end)`` by another statement."""
    found = []
    for paragraph in context.body:
        match = _LABEL_RE.match(context.norm, paragraph.start, paragraph.end)
        if match is None or not _is_speaker(match.group("speaker")):
            continue
        start, end = match.start("content"), paragraph.end
        while start < end and context.norm[start] in "\"' ":
            start += 1
        while end > start and context.norm[end - 1] in "\"' ":
            end -= 1
        content = context.norm[start:end]
        if len(content.split()) < MINIMUM_WORDS or _is_list(content) or taken(start, end):
            continue
        found.append(_labelled(context, match, start, end))
    return found


def _is_speaker(label: str) -> bool:
    """ "ORTIZ", "MR. PARK", "Sen. Ana Ortiz": a person's label; "Ohio" or "Update" heads a list or a story."""
    words = label.split()
    if words[0].lower().strip(".") in _NOT_SPEAKERS or len(words) == 1 and len(words[0]) <= 2:
        return False
    return label.isupper() or len(words) >= 2


def _is_list(content: str) -> bool:
    """ "Ann Lee, Bo Park, Cy Diaz, …": a list of names, not something said."""
    words = content.split()
    return content.count(",") >= 4 and sum(word[:1].isupper() for word in words) > 0.6 * len(words)


def _labelled(context: ArticleContext, match: re.Match, start: int, end: int) -> Suggestion:
    speaker_start, speaker_end = match.span("speaker")
    printed = context.text[speaker_start:speaker_end]
    resolution: Resolution = context.resolve(_title_case(printed), speaker_start)
    return Suggestion(
        text=context.text[start:end],
        start=start,
        end=end,
        kind="direct",
        cue=":",
        speaker_as_printed=printed,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker=resolution.slug,
        speaker_name=resolution.name,
        confidence=round(resolution.confidence * 0.9, 2),
        reasons=("a transcript line or a listed reaction, labelled with its speaker", *resolution.reasons),
    )


def _title_case(label: str) -> str:
    """ "ORTIZ" reads as "Ortiz" to the name index; other labels stay as printed."""
    return label.title() if label.isupper() else label
