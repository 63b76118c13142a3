"""Helpers the public page tests share to build articles, actors and statements.

They go through the same services editors use, so every row is shaped as
in production. (No tests live here.)
"""

import itertools
from datetime import date

from django.utils.text import slugify

from curation.importing import ParsedArticle
from curation.models import Actor, Article, Statement
from curation.services import article_import, statement_create

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
