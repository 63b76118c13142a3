"""Every public page is well-formed, accessible HTML: landmarks, headings, labels, unique ids."""

from html.parser import HTMLParser

import pytest

from curation.models import Statement

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements written self-closing.
SELF_CLOSING = {"line", "rect", "path", "circle"}


class Page(HTMLParser):
    """Collect what the checks need while verifying that every element is closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.problems, self.ids, self.headings = [], [], [], []
        self.labels_for, self.controls, self.landmarks, self.lang = set(), [], [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "label" and "for" in attributes:
            self.labels_for.add(attributes["for"])
        if tag in {"input", "select", "textarea"} and attributes.get("type") != "hidden":
            self.controls.append(attributes.get("id"))
        if tag in {"header", "nav", "main", "footer"}:
            self.landmarks.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID and tag not in SELF_CLOSING:
            self.problems.append(f"<{tag}/> is not a void element")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()


def pages(statement):
    return [
        "/",
        "/articles/",
        "/articles/?published_after=bad",
        "/articles/jaafari-calls-for-international-efforts-against-terrorism/",
        "/actors/",
        "/actors/ibrahim-al-jaafari/",
        f"/statements/{statement.pk}/",
        "/tags/",
        "/tags/islamic-state/",
        "/corrections/",
        "/search/",
        "/search/?q=jaafari",
        "/no-such-page/",
    ]


def test_every_public_page_is_well_formed_and_accessible(client, seeded, settings):
    settings.DEBUG = False  # so the 404 is the desk's own page
    for url in pages(Statement.objects.get(speaker_as_printed="Abadi")):
        page = Page()
        page.feed(client.get(url).content.decode())
        page.close()
        assert page.problems == [] and page.open == [], url
        assert page.lang == "en-GB", url
        assert len(page.ids) == len(set(page.ids)), f"{url}: duplicate ids"
        assert page.headings[0] == 1 and page.headings.count(1) == 1, url
        assert all(later - earlier <= 1 for earlier, later in zip(page.headings, page.headings[1:], strict=False)), url
        assert all(control in page.labels_for for control in page.controls), f"{url}: a control without a label"
        assert page.landmarks.count("main") == 1 and "nav" in page.landmarks and "footer" in page.landmarks, url
