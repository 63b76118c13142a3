"""Services between the stored record and the extractor: registry, suggestions, flags."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.importing.parsing import parse_article
from curation.models import Actor, ActorAlias, ActorRole, Article, AttributionFlag, Statement
from curation.selectors import known_actors
from curation.services import article_import, article_suggest, attribution_flags_refresh, statement_create

REPEATED_WARNING = "The terrorist cells that survived in the desert are regrouping and must be hunted down"


def story(headline: str, speaker: str) -> str:
    return f"{headline}\n\n“{REPEATED_WARNING},” {speaker} said on Monday.\n"


def published_article(text: str, key: str) -> Article:
    return article_import(parsed=parse_article(text), import_key=key, status=Article.Status.PUBLISHED)


def quote_in(article: Article, speaker: Actor, *, review_status=Statement.ReviewStatus.CONFIRMED) -> Statement:
    start = article.body.index(REPEATED_WARNING)
    return statement_create(
        article=article,
        kind="direct",
        start=start,
        end=start + len(REPEATED_WARNING),
        speaker_as_printed=speaker.name,
        speaker=speaker,
        review_status=review_status,
        published=review_status == Statement.ReviewStatus.CONFIRMED,
    )


def test_it_reads_the_actor_registry_in_three_queries(seeded):
    extra = Actor.objects.create(name="Hoshyar Zebari", slug="hoshyar-zebari")
    ActorAlias.objects.create(actor=extra, name="Zebari")
    ActorRole.objects.create(actor=extra, title="Foreign Minister", organisation="Government of Iraq")
    with CaptureQueriesContext(connection) as queries:
        actors = {actor.slug: actor for actor in known_actors()}
    assert len(queries) == 3
    assert actors["hoshyar-zebari"].aliases == ("Zebari",)
    assert actors["hoshyar-zebari"].roles[0].title == "Foreign Minister"
    assert len(actors) == Actor.objects.count()


def test_it_skips_a_suggestion_overlapping_an_existing_statement(seeded):
    article = published_article(
        "Iraq Calls For Help\n\n"
        "“Mosul needs schools and clean water before anything else,” Ibrahim al-Jaafari said.\n\n"
        "“The fund has received less than half of what donors promised,” al-Jaafari added.\n",
        "wire/overlap.txt",
    )
    start = article.body.index("schools and clean water")
    statement_create(
        article=article,
        kind="direct",
        start=start,
        end=start + len("schools and clean water"),
        review_status=Statement.ReviewStatus.REJECTED,
    )
    stored = article_suggest(article=article)
    assert [s.text for s in stored] == ["The fund has received less than half of what donors promised"]
    assert stored.skipped == 1


def test_it_stores_conflicting_attributions_across_articles(seeded):
    jaafari, abadi = Actor.objects.get(slug="ibrahim-al-jaafari"), Actor.objects.get(slug="haider-al-abadi")
    first = quote_in(published_article(story("Jaafari Warns Of Cells", "Ibrahim al-Jaafari"), "wire/a.txt"), jaafari)
    second = quote_in(
        published_article(story("Abadi Warns Of Cells", "Haider al-Abadi"), "wire/b.txt"),
        abadi,
        review_status=Statement.ReviewStatus.SUGGESTED,
    )
    attribution_flags_refresh()
    flag = AttributionFlag.objects.get(statement=first, code=AttributionFlag.Code.CONFLICTING_ATTRIBUTION)
    assert (flag.severity, flag.suggested_speaker) == ("warning", abadi)
    assert AttributionFlag.objects.get(statement=second, code="conflicting_attribution").suggested_speaker == jaafari


def test_it_does_not_compare_rejected_suggestions(seeded):
    jaafari, abadi = Actor.objects.get(slug="ibrahim-al-jaafari"), Actor.objects.get(slug="haider-al-abadi")
    quote_in(published_article(story("Jaafari Warns Of Cells", "Ibrahim al-Jaafari"), "wire/a.txt"), jaafari)
    quote_in(
        published_article(story("Abadi Warns Of Cells", "Haider al-Abadi"), "wire/b.txt"),
        abadi,
        review_status=Statement.ReviewStatus.REJECTED,
    )
    attribution_flags_refresh()
    assert not AttributionFlag.objects.filter(code="conflicting_attribution", statement__text=REPEATED_WARNING)


def test_it_resolves_an_open_flag_that_no_longer_applies(seeded_as_published):
    attribution_flags_refresh()
    flag = AttributionFlag.objects.get(severity="warning", code="speaker_not_introduced")
    # An editor finds the printed name was mis-copied: the article names the minister in full.
    Statement.objects.filter(pk=flag.statement_id).update(speaker_as_printed="Ibrahim al-Jaafari")
    report = attribution_flags_refresh(articles=[flag.statement.article])
    flag.refresh_from_db()
    assert (flag.is_open, flag.resolution) == (False, "no longer applies")
    assert report.resolved == 1


def test_it_flags_a_quote_with_no_speaker(db):
    article = published_article(
        "Talks Resume\n\n“We have waited far too long for this day to come,” one said.\n", "wire/unattributed.txt"
    )
    start = article.body.index("We have")
    statement_create(
        article=article,
        kind="direct",
        start=start,
        end=article.body.index(",” one"),
        review_status=Statement.ReviewStatus.CONFIRMED,
        published=True,
    )
    attribution_flags_refresh()
    assert AttributionFlag.objects.filter(code="unattributed", resolved_at__isnull=True).count() == 1
