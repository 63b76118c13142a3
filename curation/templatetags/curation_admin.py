"""Template helpers of the editor desk's own admin pages."""

from django import template

from curation import wording

register = template.Library()

register.filter("correction_notice_text", wording.correction_text)
