"""Topics: the tree of tags, and a topic's statements including its subtopics."""

import html
import re
from datetime import date

import pytest

from curation import selectors
from curation.models import Statement, Tag, TagSlugRedirect
from tests.support.builders import make_actor, make_article, make_quoted_articles, make_statement

pytestmark = pytest.mark.django_db


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_topic_under_its_parent_with_aliases(client, seeded):
    page = page_of(client, "/tags/")
    for tag in Tag.objects.all():
        assert f'href="{tag.get_absolute_url()}"' in page
    security = page.index(">Security</a>")
    counter_terrorism = page.index(">Counter-terrorism</a>")
    islamic_state = page.index(">Islamic State</a>")
    assert security < counter_terrorism < islamic_state
    line = next(line for line in page.splitlines() if "Da’ash" in line)
    for alias in ("Da&#x27;esh", "ISIS", "ISIL"):
        assert alias in line


def test_it_includes_the_statements_of_child_topics(client, seeded):
    page = page_of(client, "/tags/counter-terrorism/")
    tagged = (
        Statement.objects.public()
        .filter(tags__slug__in=["counter-terrorism", "islamic-state", "terrorist-financing", "foreign-fighters"])
        .distinct()
    )
    assert "Statements on this topic and the topics it includes, newest first" in page
    # Every statement of the topic's tree is listed, once, over its pages.
    listed = [pk for ids in _walk(client, "/tags/counter-terrorism/") for pk in ids]
    assert sorted(listed) == sorted(tagged.values_list("pk", flat=True))
    assert 'href="/tags/islamic-state/">Islamic State</a>' in page and "Part of" in page


def test_it_never_lists_statements_readers_may_not_see(client, db):
    topic = Tag.objects.create(name="Topic", slug="topic")
    make_quoted_articles(1, tags=[topic])
    hidden_article = make_article(body="Hidden said that secret plan holds. The end.")
    make_statement(
        hidden_article,
        "secret plan",
        speaker=make_actor("Hidden"),
        tags=[topic],
        status=Statement.ReviewStatus.REJECTED,
    )
    page = page_of(client, "/tags/topic/")
    assert "1 statement," in page and "secret plan" not in page


def test_it_sends_an_old_slug_or_an_alias_to_the_topic(client, seeded):
    TagSlugRedirect.objects.create(old_slug="isis-old", tag=Tag.objects.get(slug="islamic-state"))
    for old in ("isis-old", "daesh"):
        response = client.get(f"/tags/{old}/")
        assert response.status_code == 301 and response["Location"] == "/tags/islamic-state/"
    assert client.get("/tags/no-such-topic/").status_code == 404


def _listed_ids(page: str) -> list[int]:
    return [int(found) for found in re.findall(r'<a href="/statements/(\d+)/">', page)]


def _link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', page)
    return html.unescape(found.group(1)) if found else None


def _walk(client, url: str) -> list[list[int]]:
    """The statement ids of each page from ``url``, following the "Older" links to the end."""
    pages, page = [], page_of(client, url)
    while True:
        pages.append(_listed_ids(page))
        older = _link(page, "next")
        if older is None:
            return pages
        page = page_of(client, f"{url}{older}")


def test_it_pages_a_topics_statements_older_and_newer_without_counting_them(client, db):
    topic = Tag.objects.create(name="Busy", slug="busy")
    make_quoted_articles(45, tags=[topic])
    newest_first = list(selectors.tag_statements(topic).values_list("pk", flat=True))
    first = page_of(client, "/tags/busy/")
    assert "45 statements, newest first" in first and _link(first, "prev") is None
    pages = _walk(client, "/tags/busy/")
    assert [len(ids) for ids in pages] == [20, 20, 5]
    page = page_of(client, f"/tags/busy/?older={pages[1][-1]}")
    assert [pk for ids in pages for pk in ids] == newest_first
    # Back from the last page, newer, to the first, which has its own address.
    for expected in reversed(pages[1:-1]):
        page = page_of(client, f"/tags/busy/{_link(page, 'prev')}")
        assert _listed_ids(page) == expected
    response = client.get(f"/tags/busy/{_link(page, 'prev')}")
    assert response.status_code == 302 and response["Location"] == "/tags/busy/"
    page = page_of(client, response["Location"])
    assert _listed_ids(page) == pages[0] and _link(page, "prev") is None
    for bad in ("?older=x", "?older=999999", "?newer=-1", f"?older={newest_first[0]}&newer={newest_first[1]}"):
        assert client.get(f"/tags/busy/{bad}").status_code == 404


def test_a_topic_with_subtopics_is_paged_through_its_whole_tree(client, db):
    parent = Tag.objects.create(name="Parent", slug="parent")
    child = Tag.objects.create(name="Child", slug="child", parent=parent)
    # Dated and undated articles, filed under the topic, its subtopic or both.
    make_quoted_articles(8, tags=[child])
    make_quoted_articles(8, tags=[parent, child], published_on=None)
    make_quoted_articles(8, tags=[parent], published_on=date(2022, 1, 1))
    newest_first = list(selectors.tag_statements(parent).values_list("pk", flat=True))
    seen = [pk for ids in _walk(client, "/tags/parent/") for pk in ids]
    assert seen == newest_first and len(seen) == 24


def test_it_escapes_hostile_names(client, db):
    Tag.objects.create(name="<script>alert(1)</script>", slug="hostile", description="<b>x</b>")
    assert "<script>alert(1)</script>" not in page_of(client, "/tags/")
    assert "<b>x</b>" not in page_of(client, "/tags/hostile/")


def test_they_use_the_same_queries_however_many_statements(client, db, django_assert_num_queries):
    parent = Tag.objects.create(name="Parent", slug="parent")
    child = Tag.objects.create(name="Child", slug="child", parent=parent)
    make_quoted_articles(1, tags=[child])
    # Tag with parent, aliases, children; the topic tree; the page (no
    # count) and which of its statements are corrected.
    with django_assert_num_queries(6):
        client.get("/tags/parent/")
    with django_assert_num_queries(2):
        client.get("/tags/")
    make_quoted_articles(9, tags=[child, parent])
    Tag.objects.create(name="Another", slug="another", parent=child)
    with django_assert_num_queries(6):
        page = client.get("/tags/parent/").content.decode()
        assert page.count('class="statement-item"') == 10
    with django_assert_num_queries(2):
        client.get("/tags/")
