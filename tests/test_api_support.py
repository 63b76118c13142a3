"""Shared fixtures and builders for the tests/test_api_*.py files; no tests of its own.

Test files import the fixtures they use by name, which is how pytest finds
fixtures outside conftest.py.
"""

import base64
import json
from datetime import date, timedelta

import pytest

PUBLIC_FIELDS_OF_A_STATEMENT = {
    "id",
    "url",
    "kind",
    "text",
    "speaker",
    "speaker_as_printed",
    "article",
    "span",
    "tags",
    "corrected",
    "corrections",
}


@pytest.fixture
def api(client):
    """An anonymous API client with a fresh rate-limit budget.

    The limit counts requests per address in the cache, which outlives a
    single test; without a fresh start a long run would answer 429.
    """
    from django.core.cache import cache

    cache.clear()
    return client


@pytest.fixture
def unpublished(seeded):
    """Statements and an article readers must never see, next to the seeds."""
    return unpublished_build()


def unpublished_build():
    """Create a draft article, and in a published one a suggestion, a rejection and an unpublished statement.

    Each names an actor or tag that nothing public mentions, so a leak shows up
    in counts, lists and filters alike.
    """
    from curation.models import Actor, Article, Statement, Tag
    from curation.services import statement_create

    secret = Actor.objects.create(name="Secret Source", slug="secret-source")
    hidden_tag = Tag.objects.create(name="Hidden topic", slug="hidden-topic")
    draft = Article.objects.create(
        title="Draft about the dormant cells",
        slug="draft-article",
        body="The minister said dormant cells remain a threat to the region.",
        import_key="draft-article.txt",
        content_hash="d" * 64,
        status=Article.Status.DRAFT,
        published_on=date(2019, 1, 1),
    )
    statement_create(
        article=draft,
        kind="claim",
        start=0,
        end=30,
        speaker=secret,
        tags=[hidden_tag],
        review_status=Statement.ReviewStatus.CONFIRMED,
        published=True,
    )
    published = Article.objects.public().get(slug="jaafari-calls-for-international-efforts-against-terrorism")
    hidden = {
        "suggested": (Statement.ReviewStatus.SUGGESTED, True),
        "rejected": (Statement.ReviewStatus.REJECTED, True),
        "unpublished": (Statement.ReviewStatus.CONFIRMED, False),
    }
    for offset, (review_status, is_published) in enumerate(hidden.values()):
        statement_create(
            article=published,
            kind="claim",
            start=offset,
            end=offset + 5,
            speaker=secret,
            tags=[hidden_tag],
            review_status=review_status,
            published=is_published,
        )
    return {"actor": secret, "tag": hidden_tag, "article": draft}


@pytest.fixture
def archive(db, editor):
    """A bulk archive of 101 public statements, enough for a page of 100 and more."""
    return archive_build(101, editor)


def archive_build(size: int, editor) -> list:
    """Publish ``size`` dated articles, each with one statement by its own actor, tagged and corrected.

    Every list endpoint then has at least ``size`` rows, each with related
    rows (aliases, roles, tags, corrections) that would cost a query per row
    if a serializer forgot to prefetch them.
    """
    from curation.models import Actor, ActorAlias, ActorRole, Article, Statement, Tag, TagAlias
    from curation.services import statement_create, statement_reattribute

    parent = Tag.objects.create(name="Bulk topics", slug="bulk-topics")
    statements = []
    for number in range(size):
        article = Article.objects.create(
            title=f"Bulk article {number}",
            slug=f"bulk-article-{number}",
            outlet="Bulk News",
            url=f"https://news.example.org/bulk/{number}",
            published_on=date(2021, 1, 1) + timedelta(days=number),
            body=f"Speaker {number} said the archive keeps growing every day.",
            import_key=f"bulk-{number}.txt",
            content_hash=f"{number:064d}",
            status=Article.Status.PUBLISHED,
        )
        speaker = Actor.objects.create(name=f"Bulk Speaker {number:03d}", slug=f"bulk-speaker-{number}")
        ActorAlias.objects.create(actor=speaker, name=f"Speaker {number}")
        ActorRole.objects.create(actor=speaker, title="Spokesperson", organisation="Bulk Ministry")
        tag = Tag.objects.create(name=f"Bulk topic {number:03d}", slug=f"bulk-topic-{number}", parent=parent)
        TagAlias.objects.create(tag=tag, name=f"topic number {number}")
        misattributed = Actor.objects.create(name=f"Bulk Misread {number:03d}", slug=f"bulk-misread-{number}")
        statement = statement_create(
            article=article,
            kind="direct",
            start=0,
            end=20,
            speaker=misattributed,
            tags=[tag],
            speaker_as_printed=f"Speaker {number}",
            review_status=Statement.ReviewStatus.CONFIRMED,
            published=True,
        )
        statement_reattribute(statement=statement, to_actor=speaker, by=editor, reason="Printed under the wrong name.")
        statements.append(statement)
    return statements


def results(response) -> list:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> list[str]:
    return [item["slug"] for item in results(response)]


def ids(response) -> list[int]:
    return [item["id"] for item in results(response)]


def all_pages(api, url: str) -> list[dict]:
    """Follow ``next`` links to the end and return every row."""
    rows = []
    while url:
        response = api.get(url)
        rows += results(response)
        url = response.json()["next"]
    return rows


def cursor_forge(payload) -> str:
    """Encode a cursor by hand, the way a client tampering with one would."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
