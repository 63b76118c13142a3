"""schema.org JSON-LD on article, statement and actor pages."""

import json
import re

import pytest

from curation.models import Statement
from tests.support.builders import make_actor, make_article, make_statement

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def strings(data):
    """Every string value anywhere in a JSON document."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def jsonld_of(client, url):
    page = client.get(url).content.decode()
    blocks = SCRIPT.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_an_article_is_a_news_article_with_its_corrections(client, seeded):
    data = jsonld_of(client, "/articles/jaafari-calls-for-international-efforts-against-terrorism/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Jaafari calls for international efforts to help countries facing terrorism"
    assert data["datePublished"] == "2018-04-08"
    assert data["publisher"] == {"@type": "Organization", "name": "Iraqinews.com"}
    assert {
        "@type": "Person",
        "name": "Ibrahim al-Jaafari",
        "url": "http://testserver/actors/ibrahim-al-jaafari/",
    } in data["mentions"]
    assert [comment["@type"] for comment in data["correction"]] == ["CorrectionComment"]


def test_a_statement_is_a_quotation_with_its_creator_and_correction(client, seeded):
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    data = jsonld_of(client, statement.get_absolute_url())
    assert data["@type"] == "Quotation" and data["text"] == statement.text
    assert data["creator"] == {
        "@type": "Person",
        "name": "Ibrahim al-Jaafari",
        "url": "http://testserver/actors/ibrahim-al-jaafari/",
    }
    assert data["isPartOf"]["@type"] == "NewsArticle"
    (comment,) = data["correction"]
    assert comment["@type"] == "CorrectionComment"
    assert comment["text"].startswith("An earlier version attributed this quote to Abadi.")


def test_an_actor_is_a_person_or_an_organization_with_names_and_roles(client, seeded):
    person = jsonld_of(client, "/actors/ibrahim-al-jaafari/")
    assert person["@type"] == "Person" and "al-Jaafari" in person["alternateName"]
    assert {
        "@type": "Role",
        "roleName": "Foreign Minister",
        "memberOf": {"@type": "Organization", "name": "Government of Iraq"},
        "startDate": "2014-09-08",
        "endDate": "2018-10-25",
    } in person["memberOf"]
    organisation = jsonld_of(client, "/actors/iraqi-presidency/")
    assert organisation["@type"] == "Organization" and organisation["name"] == "Iraqi Presidency"


def test_it_leaves_out_a_correction_that_is_not_public(client, seeded):
    statement = Statement.objects.get(speaker_as_printed="Abadi")
    statement.corrections.update(is_public=False)
    assert "correction" not in jsonld_of(client, statement.get_absolute_url())


def test_a_closing_script_tag_in_any_text_cannot_end_the_json(client, editor, db):
    hostile = '</script><script>alert("pwned")</script><!--'
    article = make_article(hostile, body=f"Someone said {hostile} today. The end.")
    statement = make_statement(article, hostile, speaker=make_actor(f"Name {hostile}"))
    for url in (article.get_absolute_url(), statement.get_absolute_url(), statement.speaker.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "</script><script>" not in page and "<!--" not in page, url
        data = json.loads(SCRIPT.search(page).group(1))
        # Escaped for the page, the text still reads back exactly.
        assert any(hostile in text for text in strings(data)), url
