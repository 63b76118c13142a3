"""Template helpers of the public pages: the wording of ``curation.wording``, and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from curation import wording

register = template.Library()

register.filter("correction_change", wording.correction_change)
register.filter("correction_day", wording.correction_day)
register.filter("statement_label", wording.statement_label)
register.filter("withdrawal_text", wording.withdrawal_text)

# The characters that could end a <script> element or open a comment in it;
# written as JSON escapes they read back as themselves. (Django's json_script
# escapes the same three, but only emits type="application/json".)
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data: dict) -> str:
    """Return ``data`` as a schema.org JSON-LD script element, safe against ``</script>``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
