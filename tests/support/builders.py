"""Builders of articles, actors and statements, through the same services editors use.

Every row is shaped as in production, so a test sees what a reader or an
API client would.
"""

import itertools
from datetime import date, timedelta

from django.utils.text import slugify

from curation.importing.parsing import ParsedArticle
from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    AttributionCorrection,
    CorrectionWithdrawal,
    Merge,
    Statement,
    Tag,
    TagAlias,
)
from curation.services import article_import, statement_create, statement_reattribute

_numbers = itertools.count(1)


def make_article(title=None, body=None, *, outlet="Test Wire", published_on=date(2021, 5, 1), draft=False):
    number = next(_numbers)
    title = title or f"Test article {number}"
    body = body or f"{title}. The minister said that test statement {number} holds. The end."
    return article_import(
        parsed=ParsedArticle(title=title, body=body, outlet=outlet, published_on=published_on),
        import_key=f"test-article-{number}",
        status=Article.Status.DRAFT if draft else Article.Status.PUBLISHED,
    )


def make_actor(name, *, kind=Actor.Kind.PERSON, aliases=()):
    actor = Actor.objects.create(name=name, slug=slugify(name) or f"actor-{next(_numbers)}", kind=kind)
    for alias in aliases:
        actor.aliases.create(name=alias)
    return actor


def make_statement(
    article, text, *, speaker=None, kind=Statement.Kind.DIRECT, status="confirmed", published=True, tags=(), printed=""
):
    start = article.body.index(text)
    return statement_create(
        article=article,
        kind=kind,
        start=start,
        end=start + len(text),
        text=text,
        speaker=speaker,
        speaker_as_printed=printed,
        tags=list(tags),
        review_status=status,
        published=published,
    )


def make_quoted_articles(count, *, speaker=None, tags=(), outlet="Test Wire", published_on=date(2021, 5, 1)):
    """Publish ``count`` articles, each with one public statement, each by a new actor unless given."""
    articles = []
    for _ in range(count):
        article = make_article(outlet=outlet, published_on=published_on)
        who = speaker or make_actor(f"Speaker {next(_numbers)}")
        make_statement(article, article.body.split("said that ")[1].split(" holds")[0], speaker=who, tags=tags)
        articles.append(article)
    return articles


# Long because it lists each kind of row readers must not see; each is one call.
def unpublished_build():
    """Create a draft article, and in a published one a suggestion, a rejection and an unpublished statement.

    Each names an actor or tag that nothing public mentions, so a leak shows up
    in counts, lists and filters alike.
    """
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


# Long because each row kind a serializer could forget to prefetch is created here, once.
def archive_build(size: int, editor) -> list:
    """Publish ``size`` dated articles, each with one statement by its own actor, tagged and corrected.

    Every list endpoint then has at least ``size`` rows, each with related
    rows (aliases, roles, tags, corrections) that would cost a query per row
    if a serializer forgot to prefetch them.
    """
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


def empty_desk():
    """Remove every editorial row, the record first since it protects statements, actors and tags."""
    CorrectionWithdrawal.objects.all().delete()
    Merge.objects.all().delete()
    AttributionCorrection.objects.all().delete()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Actor.objects.update(merged_into=None)
    Actor.objects.all().delete()
    Tag.objects.update(parent=None)
    Tag.objects.all().delete()
