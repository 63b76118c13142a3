"""Template helpers of the public pages: correction notices and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from curation.extraction.names import normalise_name

register = template.Library()

# The characters that could end a <script> element or open a comment in it;
# written as JSON escapes they read back as themselves. (Django's json_script
# escapes the same three, but only emits type="application/json".)
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data: dict) -> str:
    """Return ``data`` as a schema.org JSON-LD script element, safe against ``</script>``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


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


@register.filter
def correction_change(correction) -> str:
    """Return the change in plain words: who the quote was attributed to, and who now."""
    return f"{_earlier(correction)} {_now(correction)}"


@register.filter
def correction_day(correction) -> str:
    return format_date(timezone.localtime(correction.corrected_at), "j F Y")


def correction_text(correction) -> str:
    """Return the whole notice as one paragraph of plain text (feeds, JSON-LD)."""
    return f"{correction_change(correction)} Corrected on {correction_day(correction)}: {correction.reason}"


@register.filter
def statement_label(statement) -> str:
    """Return who said it and how, as a short label: "Ibrahim al-Jaafari, direct quote"."""
    speaker = statement.speaker.name if statement.speaker else "Speaker not known"
    return f"{speaker}, {statement.get_kind_display().lower()}"
