"""generate_corpus: a synthetic archive that is reproducible and anchored exactly."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    AttributionCorrection,
    Statement,
    Tag,
    TagAlias,
)

pytestmark = pytest.mark.django_db

ARTICLES = 60


def generate(*arguments) -> str:
    output = StringIO()
    call_command("generate_corpus", *arguments, "--no-progress", stdout=output)
    return output.getvalue()


def archive_snapshot() -> dict:
    """Everything a reader or the API could see, minus timestamps Django sets itself."""
    return {
        "articles": list(
            Article.objects.order_by("id").values_list("id", "slug", "title", "body", "status", "published_on")
        ),
        "statements": list(
            Statement.objects.order_by("id").values_list(
                "id",
                "article_id",
                "kind",
                "text",
                "start",
                "end",
                "speaker_id",
                "speaker_as_printed",
                "review_status",
                "published",
            )
        ),
        "statement_tags": list(Statement.tags.through.objects.order_by("id").values_list("statement_id", "tag_id")),
        "actors": list(Actor.objects.order_by("id").values_list("id", "name", "slug", "kind")),
        "aliases": list(ActorAlias.objects.order_by("id").values_list("actor_id", "name", "normalised")),
        "roles": list(ActorRole.objects.order_by("id").values_list("actor_id", "title", "start", "end")),
        "tags": list(Tag.objects.order_by("id").values_list("id", "name", "parent_id")),
        "corrections": list(
            AttributionCorrection.objects.order_by("id").values_list(
                "statement_id", "from_actor_id", "to_actor_id", "reason"
            )
        ),
    }


def empty_the_archive():
    AttributionCorrection.objects.all().delete()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Actor.objects.all().delete()
    # Tag.parent protects parents; cut the hierarchy before deleting it.
    Tag.objects.update(parent=None)
    Tag.objects.all().delete()


def test_it_gives_the_same_archive_for_the_same_seed_whatever_the_batch_size():
    generate("--articles", str(ARTICLES), "--seed", "7", "--batch-size", "7")
    first = archive_snapshot()
    empty_the_archive()
    generate("--articles", str(ARTICLES), "--seed", "7", "--batch-size", "100")
    assert archive_snapshot() == first


def test_it_gives_another_archive_for_another_seed():
    generate("--articles", "5", "--seed", "1")
    first = archive_snapshot()
    empty_the_archive()
    generate("--articles", "5", "--seed", "2")
    assert archive_snapshot()["articles"] != first["articles"]


def test_it_anchors_every_statement_exactly_in_its_article():
    generate("--articles", str(ARTICLES), "--seed", "3")
    bodies = dict(Article.objects.values_list("id", "body"))
    statements = list(Statement.objects.values_list("article_id", "text", "start", "end", "prefix", "suffix"))
    assert statements
    for article_id, text, start, end, prefix, suffix in statements:
        body = bodies[article_id]
        assert body[start:end] == text
        assert body[max(0, start - 32) : start] == prefix
        assert body[end : end + 32] == suffix


def test_it_generates_an_archive_in_realistic_proportions():
    summary = generate("--articles", str(ARTICLES), "--seed", "5")
    statements = Statement.objects.count()
    public = Statement.objects.filter(review_status="confirmed", published=True).count()
    assert Article.objects.count() == ARTICLES
    assert 6 * ARTICLES <= statements <= 14 * ARTICLES
    assert Article.objects.filter(status="published").count() >= 0.85 * ARTICLES
    assert public >= 0.93 * statements
    assert Statement.objects.filter(review_status="suggested").exists()
    assert 1 <= AttributionCorrection.objects.count() <= 0.03 * statements
    assert Actor.objects.count() >= 30 and ActorAlias.objects.exists() and ActorRole.objects.exists()
    assert Tag.objects.filter(parent__isnull=False).exists() and TagAlias.objects.exists()
    assert f"{ARTICLES} articles, {statements} statements" in summary


def test_it_records_each_correction_as_a_change_to_the_current_speaker():
    generate("--articles", str(ARTICLES), "--seed", "5")
    corrections = AttributionCorrection.objects.select_related("statement", "editor")
    assert corrections
    for correction in corrections:
        assert correction.to_actor_id == correction.statement.speaker_id
        assert correction.from_actor_id != correction.to_actor_id
        assert correction.speaker_as_printed == correction.statement.speaker_as_printed
        assert correction.reason and correction.editor.username == "corpus-editor"
        assert not correction.editor.has_usable_password()


def test_it_refuses_an_archive_that_is_not_empty():
    Tag.objects.create(name="Security", slug="security")
    with pytest.raises(CommandError, match="--append"):
        generate("--articles", "3")
    assert Article.objects.count() == 0


def test_it_appends_with_ids_after_the_existing_ones():
    generate("--articles", "4", "--seed", "1")
    highest_article = Article.objects.order_by("-id").first().id
    highest_statement = Statement.objects.order_by("-id").first().id
    generate("--articles", "4", "--seed", "1", "--append")
    assert Article.objects.count() == 8
    assert Article.objects.filter(id__gt=highest_article).count() == 4
    assert Statement.objects.filter(id__gt=highest_statement).exists()
    # The sequences were moved past the chosen ids, so ordinary saves still work.
    Tag.objects.create(name="Later", slug="later")
