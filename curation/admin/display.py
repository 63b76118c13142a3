"""How the admin shows quotes and flags: shortened text, and flags with their one-click fix."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from curation.models import AttributionFlag

QUOTE_LENGTH = 90


def shorten(text: str, length: int = QUOTE_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def clamped(text: str, length: int = 180):
    """Return text for a list cell, cut to about two lines on screen; the whole of it shows on hover."""
    return format_html('<span class="clamp" title="{}">{}</span>', shorten(text, 1000), shorten(text, length))


def speaker_cell(statement, filter_link: bool = True):
    """Return the resolved speaker with the name as printed under it: the pair an editor checks."""
    printed = ""
    if statement.speaker_as_printed:
        printed = format_html('<span class="as-printed">printed “{}”</span>', statement.speaker_as_printed)
    if statement.speaker is None:
        return format_html("—{}", printed)
    if not filter_link:
        return format_html("{}{}", statement.speaker.name, printed)
    return format_html(
        '<a href="?speaker={}" title="Only statements attributed to {}">{}</a>{}',
        statement.speaker_id,
        statement.speaker.name,
        statement.speaker.name,
        printed,
    )


def open_flags_prefetch():
    """Return a prefetch of each statement's open flags with their suggested speakers."""
    flags = AttributionFlag.objects.filter(resolved_at__isnull=True).select_related("suggested_speaker")
    return Prefetch("flags", queryset=flags, to_attr="open_flag_list")


def flag_list(flags, request_path: str):
    """Return open flags as HTML, each with its suggested fix as a button.

    The buttons use ``formaction`` so they work inside the change form and
    the changelist form without nesting forms.
    """
    if not flags:
        return "—"
    return format_html(
        '<ul class="statement-flags">{}</ul>',
        format_html_join("", "<li>{}</li>", ((flag_item(flag, request_path),) for flag in flags)),
    )


def flag_item(flag: AttributionFlag, request_path: str):
    text = format_html('<strong class="flag-{}">{}</strong>: {}', flag.severity, flag.get_code_display(), flag.message)
    if flag.suggested_speaker is None:
        return text
    url = reverse("admin:curation_statement_apply_flag", args=[flag.statement_id, flag.pk])
    return format_html(
        '{} <button type="submit" class="button" formaction="{}" formnovalidate name="next" value="{}">'
        "Use suggested speaker: {}</button>",
        text,
        url,
        request_path,
        flag.suggested_speaker.name,
    )
