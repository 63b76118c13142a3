"""Hostile text in every field editors fill: escaped on every page, in the admin and in the API, or refused.

One published article carries script elements, script-closing tags,
attribute breakers, right-to-left and zero-width characters and a
100,000-character line in its title, body, quotes, printed speakers, actor
names, descriptions, aliases and tag names, with statements whose spans
start and end inside them. Every page must show that text as text: no
element or attribute of it reaches the browser, JSON-LD stays one JSON
value, the Atom feed stays XML, and the API gives back the exact strings.
"""

import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from curation.importing.files import import_path
from curation.importing.parsing import ParsedArticle
from curation.models import Article
from curation.selectors import curation_export
from curation.services import RestoreRefused, article_import, curation_restore, statement_reattribute
from tests.support.builders import empty_desk
from tests.support.hostile import (
    BODY,
    CLOSING_SCRIPT,
    DOUBLE_QUOTE_BREAKER,
    JAVASCRIPT_URL,
    LONG_LINE,
    OUTLET,
    RIGHT_TO_LEFT,
    SCRIPT,
    SINGLE_QUOTE_BREAKER,
    TITLE,
)

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """An HTML page as the browser builds it: elements, attributes, scripts and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text_parts: list[str] = []
        self._in_script: dict | None = None
        self.feed(html)
        self.close()
        self.text = "".join(self.text_parts)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attributes, content = self.scripts[-1]
            self.scripts[-1] = (attributes, content + data)
        else:
            self.text_parts.append(data)


# Where a browser ends a JSON script element: at the first "</script", whatever JSON thinks.
JSON_BLOCK = re.compile(r'<script type="application/(?:ld\+)?json"[^>]*>.*?</script', re.S | re.I)


def assert_escaped(response, *shown: str) -> Page:
    """Assert the page answered, no element or attribute came from the data, and ``shown`` is visible as text."""
    assert response.status_code == 200, (response.status_code, response.content[:500])
    html = response.content.decode()
    # Inside a JSON block quotes are JSON's own; everywhere else they would be markup.
    markup = JSON_BLOCK.sub("", html)
    for raw in ("<script>alert", "</script><script>", ' onmouseover="', " onfocus='"):
        assert raw not in markup, f"unescaped {raw!r} in {response.request['PATH_INFO']}"
    page = Page(html)
    for tag, attributes in page.elements:
        for name, value in attributes.items():
            assert not name.startswith("on"), f"event handler attribute {name}={value!r} on <{tag}>"
            assert re.fullmatch(r"[a-z][a-z0-9_:-]*", name), f"attribute name {name!r} on <{tag}> came from the data"
            if name in {"href", "src", "action"} and value:
                assert not value.strip().lower().startswith("javascript:"), f"{name}={value!r} on <{tag}>"
    for attributes, content in page.scripts:
        if attributes.get("type") == "application/ld+json":
            assert "</script" not in content.lower() and "<!--" not in content
            json.loads(content)
        elif attributes.get("type") == "application/json":
            json.loads(content)
        else:
            source = attributes.get("src", "")
            assert re.fullmatch(r"/(static|admin)/[\w./-]*", source), f"script {attributes} {content[:80]!r}"
            assert not content.strip()
    for text in shown:
        assert text in page.text, f"{text!r} is not shown on {response.request['PATH_INFO']}"
    return page


def jsonld(page: Page) -> list[dict]:
    return [
        json.loads(content) for attributes, content in page.scripts if attributes.get("type") == "application/ld+json"
    ]


def test_it_escapes_hostile_text_on_the_home_and_list_pages(client, hostile):
    envoy, ministry, topic = hostile["envoy"], hostile["ministry"], hostile["topic"]
    assert_escaped(client.get("/"), TITLE, ministry.name)
    assert_escaped(client.get("/articles/"), TITLE, OUTLET)
    assert_escaped(client.get("/actors/"), envoy.name, ministry.name)
    assert_escaped(client.get("/tags/"), topic.name, CLOSING_SCRIPT)
    assert_escaped(client.get("/corrections/"), envoy.name, ministry.name)
    assert_escaped(client.get("/articles/", {"outlet": OUTLET}), TITLE, OUTLET)
    assert_escaped(client.get("/articles/", {"tag": "hostile-subtopic"}), TITLE)
    assert_escaped(client.get("/articles/", {"actor": SCRIPT}), TITLE)
    assert_escaped(client.get("/actors/", {"name": "Envoy"}), hostile["envoy"].name)


def test_it_marks_statements_inside_hostile_text_and_keeps_the_text_escaped(client, hostile):
    page = assert_escaped(
        client.get(hostile["article"].get_absolute_url()), SCRIPT, CLOSING_SCRIPT, SINGLE_QUOTE_BREAKER
    )
    marks = [attributes for tag, attributes in page.elements if tag == "mark"]
    assert len(marks) >= 6, "each public statement is marked, the overlap cut into pieces"
    assert LONG_LINE[:1000] in page.text
    for key in ("script", "closing", "long", "reversed"):
        statement = hostile["statements"][key]
        assert ("a", {"class": "statement-link", "href": statement.get_absolute_url()}) in page.elements
    (data,) = jsonld(page)
    assert data["headline"] == TITLE and data["publisher"]["name"] == OUTLET
    assert {mention["name"] for mention in data["mentions"]} == {hostile["envoy"].name, hostile["ministry"].name}


@pytest.mark.parametrize("key", ["script", "overlap", "closing", "long", "middle", "reversed"])
def test_it_escapes_a_statement_page_whose_quote_starts_and_ends_inside_hostile_text(client, hostile, key):
    statement = hostile["statements"][key]
    page = assert_escaped(client.get(statement.get_absolute_url()))
    assert " ".join(statement.text.split()) in page.text
    (data,) = jsonld(page)
    assert data["text"] == statement.text
    assert data["isPartOf"]["headline"] == TITLE


def test_it_escapes_hostile_names_on_actor_and_tag_pages(client, hostile):
    envoy, ministry = hostile["envoy"], hostile["ministry"]
    page = assert_escaped(client.get(envoy.get_absolute_url()), envoy.name, envoy.description, SCRIPT)
    (data,) = jsonld(page)
    assert data["name"] == envoy.name and data["description"] == envoy.description
    assert set(data["alternateName"]) == {SCRIPT, SINGLE_QUOTE_BREAKER}
    assert data["memberOf"][0]["roleName"] == SCRIPT
    assert_escaped(client.get(ministry.get_absolute_url()), ministry.name)
    assert_escaped(client.get(hostile["topic"].get_absolute_url()), hostile["topic"].name, CLOSING_SCRIPT)
    assert_escaped(client.get(hostile["subtopic"].get_absolute_url()), CLOSING_SCRIPT)


def test_it_escapes_a_hostile_correction_reason(client, hostile):
    reason = hostile["correction"].reason
    assert_escaped(client.get("/corrections/"), reason)
    page = assert_escaped(client.get(hostile["statements"]["script"].get_absolute_url()), reason)
    (data,) = jsonld(page)
    assert data["correction"][0]["text"].endswith(reason)


def test_it_keeps_the_atom_feed_well_formed_with_hostile_text(client, hostile):
    response = client.get("/corrections/feed/")
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    (entry,) = feed.findall(f"{atom}entry")
    # The summary is typed html: once unescaped by the reader it is still text, not markup.
    summary = entry.find(f"{atom}summary")
    assert summary.get("type") == "html"
    assert "&lt;script&gt;alert(2)" in summary.text
    assert hostile["statements"]["script"].text[:40] in entry.find(f"{atom}title").text


@pytest.mark.parametrize("q", ["alert", SCRIPT, "onmouseover", RIGHT_TO_LEFT + "reversed", "x" * 200])
def test_it_escapes_hostile_text_in_search_results_and_in_the_search_box(client, hostile, q):
    page = assert_escaped(client.get("/search/", {"q": q}))
    assert any(tag == "input" and attributes.get("value") == q for tag, attributes in page.elements)


def admin_change(model, pk) -> str:
    return reverse(f"admin:curation_{model}_change", args=[pk])


def test_it_escapes_hostile_text_in_the_admin(editor_client, hostile):
    article, statements = hostile["article"], hostile["statements"]
    page = assert_escaped(editor_client.get(admin_change("article", article.pk)), SCRIPT, CLOSING_SCRIPT)
    titles = [attributes.get("title", "") for tag, attributes in page.elements if tag == "mark"]
    assert any(hostile["ministry"].name in title for title in titles), "statement marks name their speaker"
    assert_escaped(editor_client.get(reverse("admin:curation_statement_changelist")), hostile["envoy"].name)
    assert_escaped(editor_client.get(reverse("admin:curation_statement_changelist"), {"q": SCRIPT}))
    for key in ("script", "closing", "long", "reversed"):
        assert_escaped(editor_client.get(admin_change("statement", statements[key].pk)))
    assert_escaped(editor_client.get(reverse("admin:curation_suggestedstatement_changelist")), SINGLE_QUOTE_BREAKER)
    assert_escaped(editor_client.get(admin_change("suggestedstatement", statements["suggested"].pk)))
    assert_escaped(editor_client.get(admin_change("actor", hostile["envoy"].pk)), SCRIPT)
    assert_escaped(editor_client.get(reverse("admin:curation_actor_changelist")), hostile["envoy"].name)
    assert_escaped(editor_client.get(admin_change("tag", hostile["topic"].pk)))
    assert_escaped(editor_client.get(reverse("admin:curation_attributioncorrection_changelist")))


def test_it_gives_back_the_exact_hostile_strings_in_the_api(api, hostile):
    article, statements = hostile["article"], hostile["statements"]
    listed = {row["id"]: row for row in api.get("/api/v1/statements/", {"page_size": 100}).json()["results"]}
    for key in ("script", "overlap", "closing", "long", "middle", "reversed"):
        statement = statements[key]
        for row in (listed[statement.pk], api.get(f"/api/v1/statements/{statement.pk}/").json()):
            assert row["text"] == statement.text
            assert row["speaker_as_printed"] == statement.speaker_as_printed
            assert row["article"]["title"] == TITLE and row["article"]["outlet"] == OUTLET
            assert row["span"] == {"start": statement.start, "end": statement.end}
    detail = api.get(f"/api/v1/articles/{article.slug}/").json()
    assert detail["body"] == BODY and detail["title"] == TITLE
    assert detail["body"][detail["statements"][0]["span"]["start"] :][:10] == BODY[statements["script"].start :][:10]
    envoy = api.get("/api/v1/actors/hostile-envoy/").json()
    assert envoy["name"] == hostile["envoy"].name and envoy["description"] == hostile["envoy"].description
    assert sorted(envoy["aliases"]) == sorted([SCRIPT, SINGLE_QUOTE_BREAKER])
    topic = api.get("/api/v1/tags/hostile-topic/").json()
    assert topic["name"] == hostile["topic"].name and topic["aliases"] == [DOUBLE_QUOTE_BREAKER]
    (correction,) = api.get("/api/v1/corrections/").json()["results"]
    assert correction["reason"] == hostile["correction"].reason
    for url in ("/api/v1/articles/", "/api/v1/actors/", "/api/v1/tags/", "/api/schema/"):
        assert api.get(url).status_code == 200


def test_it_refuses_a_javascript_url_at_import_with_the_reason():
    parsed = ParsedArticle(title="A fine title for it", body="The minister said so.", url=JAVASCRIPT_URL)
    with pytest.raises(ValidationError) as refusal:
        article_import(parsed=parsed, import_key="javascript.txt")
    assert list(refusal.value.message_dict) == ["url"]
    assert not Article.objects.exists()


def test_it_refuses_a_json_lines_file_with_a_javascript_url_by_name(tmp_path):
    path = tmp_path / "hostile.jsonl"
    record = {"title": "A fine title for it", "body": "The minister said so.", "url": JAVASCRIPT_URL}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    outcome = import_path(path, publish=True)
    assert outcome.status == "refused"
    assert "url: Enter a valid URL." in outcome.detail
    assert not Article.objects.exists()


def test_it_refuses_a_javascript_url_in_the_admin(editor_client, hostile):
    article = hostile["article"]
    data = {
        "title": "Changed",
        "status": "published",
        "outlet": "",
        "url": JAVASCRIPT_URL,
        "published_on": "2024-02-29",
        "body": article.body,
        "version": 1,
    }
    response = editor_client.post(admin_change("article", article.pk), data)
    assert response.status_code == 200, "the form comes back with its error"
    assert "Enter a valid URL." in response.content.decode()
    article.refresh_from_db()
    assert article.url == "" and article.title == TITLE


def test_it_refuses_to_restore_an_export_carrying_a_javascript_url(hostile):
    document = curation_export()
    document["articles"][0]["url"] = JAVASCRIPT_URL
    empty_desk()
    with pytest.raises(RestoreRefused, match="url"):
        curation_restore(document)
    assert not Article.objects.exists()


def test_it_refuses_null_bytes_at_import(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"The minister said\x00 so.")
    outcome = import_path(Path(path))
    assert outcome.status == "refused" and "null bytes" in outcome.detail


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/statements/", "q"),
        ("/api/v1/statements/", "actor"),
        ("/api/v1/statements/", "tag"),
        ("/api/v1/statements/", "article"),
        ("/api/v1/articles/", "outlet"),
        ("/api/v1/articles/", "q"),
        ("/api/v1/articles/", "tag"),
        ("/api/v1/actors/", "q"),
        ("/api/v1/tags/", "q"),
        ("/api/v1/corrections/", "actor"),
        ("/api/v1/corrections/", "article"),
    ],
)
def test_it_answers_400_naming_the_parameter_for_a_nul_in_an_api_filter(api, hostile, url, parameter):
    response = api.get(url, {parameter: "hostile\x00topic"})
    assert response.status_code == 400, response.content
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/search/", "q"),
        ("/articles/", "tag"),
        ("/articles/", "actor"),
        ("/articles/", "outlet"),
        ("/articles/", "published_after"),
        ("/actors/", "name"),
        ("/actors/", "kind"),
    ],
)
def test_it_answers_a_nul_in_a_page_filter_with_a_form_error_not_a_500(client, hostile, url, parameter):
    response = client.get(url, {parameter: "hostile\x00topic"})
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()


def test_it_keeps_the_atom_feed_up_when_a_reason_holds_a_control_character(client, hostile, editor):
    """A vertical tab pasted from a word processor must not take the feed down for every reader."""
    statement = hostile["statements"]["closing"]
    statement_reattribute(
        statement=statement,
        to_actor=hostile["envoy"],
        by=editor,
        reason="Pasted\x0bfrom a memo\x01 with a form feed\x0c",
    )
    response = client.get("/corrections/feed/")
    assert response.status_code == 200
    summaries = [
        entry.text for entry in ElementTree.fromstring(response.content).iter("{http://www.w3.org/2005/Atom}summary")
    ]
    assert any(summary.endswith("Pastedfrom a memo with a form feed") for summary in summaries)
    assert_escaped(client.get("/corrections/"), "from a memo")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/curation/article/?outlet=%00",
        "/admin/curation/article/?q=%00",
        "/admin/curation/statement/?q=dormant%00",
        "/admin/curation/suggestedstatement/?kind=%00",
        "/admin/curation/attributionflag/?q=%00",
        "/admin/curation/attributioncorrection/?q=%00",
        "/admin/curation/actor/?q=%00",
        "/admin/curation/tag/?q=%00",
    ],
)
def test_it_answers_400_to_a_nul_in_an_admin_list_filter(editor_client, hostile, url):
    assert editor_client.get(url).status_code == 400
