"""Attribution checks: what an editor should look at in stored statements, and why."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from .context import ArticleContext
from .lexicon import PRONOUNS
from .names import name_tokens, role_fits, role_query, strip_titles
from .records import Flag, KnownActor, StatementView
from .similarity import SIMILARITY_THRESHOLD, find_similar_pairs

LEDE_BONUS = 2
# Below the warning threshold, a reworded repeat of a long statement is worth a note.
RESEMBLANCE_THRESHOLD = 0.6


def check_article(
    text: str,
    statements: Sequence[StatementView],
    *,
    actors: Sequence[KnownActor] = (),
    published_on: date | None = None,
) -> dict[object, list[Flag]]:
    """Flag the statements of one article; the answer is keyed by ``StatementView.key``."""
    context = ArticleContext(text, actors, published_on)
    main_speaker = _main_speaker(context, statements)
    flags: dict[object, list[Flag]] = {}
    previous: StatementView | None = None
    for statement in sorted(statements, key=lambda s: s.start):
        found = [
            _unattributed(statement, previous),
            _not_introduced(context, statement, main_speaker),
            _role_mismatch(context, statement),
        ]
        flags[statement.key] = [flag for flag in found if flag is not None]
        previous = statement
    return flags


def _main_speaker(context: ArticleContext, statements: Sequence[StatementView]) -> str | None:
    """The actor the article is about: most statements and mentions, the lede counting double."""
    score: Counter[str] = Counter(s.speaker for s in statements if s.speaker)
    lede = next((p for p in context.body if len(context.norm[p.start : p.end].split()) > 12), None)
    first_seen: dict[str, int] = {}
    for mention in context.mentions:
        if mention.slug is None or mention.kind != "person":
            continue
        score[mention.slug] += 1 + (LEDE_BONUS if lede and lede.contains(mention.start) else 0)
        first_seen.setdefault(mention.slug, mention.start)
    if not score:
        return None
    return max(score, key=lambda slug: (score[slug], -first_seen.get(slug, len(context.text))))


def _unattributed(statement: StatementView, previous: StatementView | None) -> Flag | None:
    if statement.kind != "direct" or statement.speaker or statement.speaker_as_printed.strip():
        return None
    suggested = previous.speaker if previous is not None else None
    message = "This quote has no speaker."
    if suggested:
        message += " The statement before it is attributed to " + suggested + "; check whether this one continues it."
    return Flag("unattributed", "warning", message, suggested)


def _printed_name(printed: str) -> str:
    """The name in a printed speaker, or "" for pronouns and descriptions."""
    lowered = printed.strip().lower()
    if not lowered or lowered in PRONOUNS or lowered.startswith(("the ", "a ", "an ")):
        return ""
    return strip_titles(printed.strip())[1]


def _not_introduced(context: ArticleContext, statement: StatementView, main: str | None) -> Flag | None:
    name = _printed_name(statement.speaker_as_printed)
    tokens = name_tokens(name)
    if len(tokens) != 1 or _is_acronym(name) or _introduced(context, tokens[0], statement):
        return None
    actor = context.index.by_slug.get(statement.speaker or "")
    if actor is not None and actor.kind != "person":
        return None
    if statement.speaker is not None and statement.speaker == main:
        return Flag(
            "speaker_not_introduced",
            "note",
            f'"{name}" is named only by surname and never introduced in full in this '
            f"article; it is taken to be {actor.name if actor else statement.speaker}, "
            "whom the article is about.",
            None,
        )
    if actor is None and statement.speaker is None and not _looks_like_person(context, statement):
        return None
    message = f'"{name}" appears here without ever being introduced in this article.'
    nearest = _nearest_speaker(context, statement, tokens[0])
    if nearest is None or nearest.slug == statement.speaker:
        return Flag("speaker_not_introduced", "warning", message, None)
    return Flag("speaker_not_introduced", "warning", message + " " + _evidence(nearest), nearest.slug)


def _nearest_speaker(context: ArticleContext, statement: StatementView, surname: str):
    """The person named, or described by a role that fits, nearest before the quote in its paragraph or the one before.

    That is the text's own evidence of who may have said it; the article's
    subject alone is not.
    """
    paragraphs = [p for p in context.body if p.start <= statement.start]
    reach = paragraphs[-2].start if len(paragraphs) > 1 else (paragraphs[-1].start if paragraphs else 0)
    for mention in reversed(context.mentions_before(statement.start)):
        if mention.start < reach:
            return None
        if mention.kind == "person" and mention.slug and name_tokens(mention.printed)[-1:] != [surname]:
            return mention
    return None


def _evidence(mention) -> str:
    if mention.how == "role":
        return f'The nearest speaker before it is "{mention.printed}", that is {mention.name}; the quote may be theirs.'
    return f'The nearest speaker named before it is {mention.name} ("{mention.printed}"); the quote may be theirs.'


def _is_acronym(name: str) -> bool:
    """ "OSCE", "UNHCR": an organisation's initials, not a surname waiting for a first name."""
    letters = [char for char in name if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _introduced(context: ArticleContext, surname: str, statement: StatementView) -> bool:
    """True when an earlier mention gives a fuller name ending in this surname."""
    for mention in context.mentions:
        if mention.start >= max(statement.start, statement.end):
            break
        tokens = name_tokens(mention.printed)
        if len(tokens) > 1 and tokens[-1] == surname and mention.how != "role":
            return True
    return False


def _looks_like_person(context: ArticleContext, statement: StatementView) -> bool:
    return bool(re.match(r"(?:Mr|Mrs|Ms|Dr|Sir)\b", statement.speaker_as_printed.strip()))


def _role_mismatch(context: ArticleContext, statement: StatementView) -> Flag | None:
    actor = context.index.by_slug.get(statement.speaker or "")
    if actor is None or not actor.roles:
        return None
    printed = statement.speaker_as_printed.strip()
    if printed.lower() in PRONOUNS:
        return None
    phrase = printed if printed.lower().startswith("the ") else strip_titles(printed)[0]
    query = role_query(phrase)
    if not query.required or any(role_fits(query, role) for role in actor.roles_on(context.day)):
        return None
    when = f" on {context.day.isoformat()}" if context.day else ""
    fitting = context.resolve_role(phrase, statement.start)
    suggestion = fitting.slug if fitting.slug and fitting.slug != actor.slug else None
    message = f'"{phrase}" does not fit any role {actor.name} held{when}.'
    if suggestion:
        message += f" {fitting.name} held such a role then."
    return Flag("role_mismatch", "warning", message, suggestion)


def check_conflicts(statements: Sequence[StatementView]) -> dict[object, list[Flag]]:
    """Flag the same or nearly the same words credited to different actors in different articles.

    Nearly identical words get a warning; words that only closely resemble each
    other (a line repeated with some rewording) get a note.
    """
    flags: dict[object, list[Flag]] = {}
    for first, second, similarity in find_similar_pairs(statements, RESEMBLANCE_THRESHOLD):
        if first.article_key == second.article_key or not first.speaker or not second.speaker:
            continue
        if first.speaker == second.speaker:
            continue
        for this, other in ((first, second), (second, first)):
            severity = "warning" if similarity >= SIMILARITY_THRESHOLD else "note"
            alike = "Nearly the same words" if severity == "warning" else "Closely resembling words"
            message = (
                f"{alike} ({similarity:.0%} alike) are attributed to {other.speaker} in "
                f"another article; here they are attributed to {this.speaker}."
            )
            flags.setdefault(this.key, []).append(Flag("conflicting_attribution", severity, message, other.speaker))
    return flags
