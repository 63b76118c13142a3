"""The public corrections log as an Atom feed, for readers who follow it."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from curation import selectors
from curation.wording import correction_text

FEED_LENGTH = 50

# XML 1.0 cannot carry control characters other than tab, line feed and
# carriage return; one pasted into a reason or a name would make the whole
# feed fail for every reader, so they are dropped from what the feed prints.
_NOT_IN_XML = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def _xml_text(text: str) -> str:
    return text.translate(_NOT_IN_XML)


class CorrectionsFeed(Feed):
    feed_type = Atom1Feed
    title = "Curation Desk: corrections"
    subtitle = "Every public change of who a published quote is attributed to, with the reason."

    def link(self):
        return reverse("curation:correction-list")

    def items(self):
        return selectors.correction_notices()[:FEED_LENGTH]

    def item_title(self, correction):
        quote = correction.statement.text
        shortened = quote if len(quote) <= 80 else quote[:79] + "…"
        return _xml_text(f"Attribution corrected: “{shortened}”")

    def item_description(self, correction):
        # Atom's summary is typed "html": escape the text so feed readers
        # show a reason containing markup as text instead of running it.
        return escape(_xml_text(correction_text(correction)))

    def item_link(self, correction):
        return f"{correction.statement.get_absolute_url()}#correction-{correction.pk}"

    def item_pubdate(self, correction):
        return correction.corrected_at

    def item_updateddate(self, correction):
        # Corrections are append-only: one is never updated after it is made.
        return correction.corrected_at
