"""Template helpers of the editor desk's own admin pages."""

from django import template
from django.urls import reverse

from curation import selectors, wording

register = template.Library()

register.filter("correction_notice_text", wording.correction_text)

# Where each count of the desk's home page leads: the list filtered to exactly what it counts.
WAITING_LISTS = {
    "suggestions": ("admin:curation_suggestedstatement_changelist", ""),
    "flags": ("admin:curation_attributionflag_changelist", "?open=yes"),
    "orphaned": ("admin:curation_statement_changelist", "?anchor__exact=orphaned"),
    "undated": ("admin:curation_article_changelist", "?dated=no"),
    "no_outlet": ("admin:curation_article_changelist", "?has_outlet=no"),
    "jobs": ("admin:curation_job_changelist", "?state__in=queued,running"),
}


@register.simple_tag
def desk_waiting_lists():
    """Return what waits for editors, each with the address of its list."""
    lists = []
    for waiting in selectors.desk_waiting():
        name, query = WAITING_LISTS[waiting.key]
        lists.append((waiting, reverse(name) + query))
    return lists
