"""What the desk says to readers in plain words: correction notices and statement labels.

Templates (through ``curation/templatetags/desk.py``), views, the Atom feed
and the JSON-LD all word things through here, so they say the same thing.
"""

from django.utils import timezone
from django.utils.dateformat import format as format_date

from curation.extraction.names import normalise_name


def _printed_name_names(correction) -> bool:
    """True when the printed speaker is one of the earlier actor's names, such as "Abadi"."""
    printed = normalise_name(correction.speaker_as_printed)
    names = {normalise_name(correction.from_actor.name)}
    names.update(alias.normalised for alias in correction.from_actor.aliases.all())
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


def correction_change(correction) -> str:
    """Return the change in plain words: who the quote was attributed to, and who now."""
    return f"{_earlier(correction)} {_now(correction)}"


def correction_day(correction) -> str:
    """Return the day of the correction as readers read dates: "8 April 2018"."""
    return format_date(timezone.localtime(correction.corrected_at), "j F Y")


def correction_text(correction) -> str:
    """Return the whole notice as one paragraph of plain text (feeds, JSON-LD)."""
    return f"{correction_change(correction)} Corrected on {correction_day(correction)}: {correction.reason}"


def statement_label(statement) -> str:
    """Return who said it and how, as a short label: "Ibrahim al-Jaafari, direct quote"."""
    speaker = statement.speaker.name if statement.speaker else "Speaker not known"
    return f"{speaker}, {statement.get_kind_display().lower()}"
