"""Topics: the tree of tags, and a topic's statements including its subtopics."""

import pytest

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
    assert f"{tagged.count()} statements on this topic and the topics it includes" in page
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


def test_it_pages_a_topics_statements(client, db):
    topic = Tag.objects.create(name="Busy", slug="busy")
    make_quoted_articles(21, tags=[topic])
    assert page_of(client, "/tags/busy/").count('class="statement-item"') == 20
    assert page_of(client, "/tags/busy/?page=2").count('class="statement-item"') == 1
    assert client.get("/tags/busy/?page=x").status_code == 404


def test_it_escapes_hostile_names(client, db):
    Tag.objects.create(name="<script>alert(1)</script>", slug="hostile", description="<b>x</b>")
    assert "<script>alert(1)</script>" not in page_of(client, "/tags/")
    assert "<b>x</b>" not in page_of(client, "/tags/hostile/")


def test_they_use_the_same_queries_however_many_statements(client, db, django_assert_num_queries):
    parent = Tag.objects.create(name="Parent", slug="parent")
    child = Tag.objects.create(name="Child", slug="child", parent=parent)
    make_quoted_articles(1, tags=[child])
    # Tag with parent, aliases, children; the topic tree; count; page.
    with django_assert_num_queries(6):
        client.get("/tags/parent/")
    with django_assert_num_queries(2):
        client.get("/tags/")
    make_quoted_articles(9, tags=[child, parent])
    Tag.objects.create(name="Another", slug="another", parent=child)
    with django_assert_num_queries(6):
        assert "10 statements" in client.get("/tags/parent/").content.decode()
    with django_assert_num_queries(2):
        client.get("/tags/")
