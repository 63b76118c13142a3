"""What the desk says to readers in plain words: correction notices and statement labels.

Templates (through ``curation/templatetags/desk.py``), views, the Atom feed
and the JSON-LD all word things through here, so they say the same thing.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.dateformat import format as format_date

from curation.extraction.names import normalise_name


def _printed_name_names(correction) -> bool:
    """True when the printed speaker is one of the earlier actor's names, such as "Abadi".

    An actor merged since keeps its name; its aliases went to the actor it
    was merged into, so those count too.
    """
    printed = normalise_name(correction.speaker_as_printed)
    actors = [correction.from_actor]
    if correction.from_actor.merged_into_id is not None:
        actors.append(correction.from_actor.merged_into)
    names = {normalise_name(actor.name) for actor in actors}
    names.update(alias.normalised for actor in actors for alias in actor.aliases.all())
    return bool(printed) and printed in names


def _earlier(correction) -> str:
    if correction.from_actor is None:
        return "An earlier version did not attribute this quote to anyone."
    # The name as printed tells readers what they saw; a description such as
    # "the top Iraqi diplomat" does not name anyone, so the actor's name does.
    if correction.speaker_as_printed and _printed_name_names(correction):
        return f"An earlier version attributed this quote to {correction.speaker_as_printed}."
    return f"An earlier version attributed this quote to {correction.from_actor.name}."


def _now(correction) -> str:
    if correction.to_actor is None:
        return "It is no longer attributed to anyone."
    return f"It is now attributed to {correction.to_actor.name}."


def _then(correction) -> str:
    if correction.to_actor is None:
        return "It was then attributed to no one."
    return f"It was then attributed to {correction.to_actor.name}."


def correction_withdrawal(correction):
    """Return the correction's withdrawal, or None (select it along: ``select_related("withdrawal")``)."""
    try:
        return correction.withdrawal
    except ObjectDoesNotExist:
        return None


def correction_change(correction) -> str:
    """Return the change in plain words: who the quote was attributed to, and who after.

    Only the latest correction, not withdrawn, says who the quote is attributed
    to *now*; an earlier one, or a withdrawn one, says who it was attributed
    to *then*, so no notice ever contradicts today's speaker. ``superseded``
    is annotated by ``curation.selectors.correction_notices``.
    """
    later = getattr(correction, "superseded", False) or correction_withdrawal(correction) is not None
    return f"{_earlier(correction)} {_then(correction) if later else _now(correction)}"


def withdrawal_text(correction) -> str:
    """Return the withdrawal of a correction in plain words, or "" when it stands."""
    withdrawal = correction_withdrawal(correction)
    if withdrawal is None:
        return ""
    day = format_date(timezone.localtime(withdrawal.withdrawn_at), "j F Y")
    back = correction.from_actor.name if correction.from_actor else "no one"
    return f"This correction was withdrawn on {day}, and the quote attributed to {back} again: {withdrawal.reason}"


def correction_day(correction) -> str:
    """Return the day of the correction as readers read dates: "8 April 2018"."""
    return format_date(timezone.localtime(correction.corrected_at), "j F Y")


def correction_text(correction) -> str:
    """Return the whole notice, withdrawal included, as one paragraph of plain text (feeds, JSON-LD)."""
    text = f"{correction_change(correction)} Corrected on {correction_day(correction)}: {correction.reason}"
    withdrawn = withdrawal_text(correction)
    return f"{text} {withdrawn}" if withdrawn else text


def statement_label(statement) -> str:
    """Return who said it and how, as a short label: "Ibrahim al-Jaafari, direct quote"."""
    speaker = statement.speaker.name if statement.speaker else "Speaker not known"
    return f"{speaker}, {statement.get_kind_display().lower()}"
