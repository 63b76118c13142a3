import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from curation.extraction.names import normalise_name
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

SHARED_SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
ABADI_QUOTE_START = "Islamic State group, despite its crushing defeat"


def snapshot():
    """Every row the seeds write, as comparable values."""
    return {
        model.__name__: sorted(map(repr, model.objects.values_list()))
        for model in (Actor, ActorAlias, ActorRole, Article, AttributionCorrection, Statement, Tag, TagAlias)
    }


def abadi_statement():
    return Statement.objects.get(text__startswith=ABADI_QUOTE_START)


@pytest.mark.skipif(not SHARED_SEEDS.exists(), reason="the shared seed folder is not beside the project")
def test_it_ships_the_seed_articles_byte_for_byte():
    shipped = sorted(Path(settings.CURATION_SEEDS_DIR).glob("*.txt"))
    originals = sorted(SHARED_SEEDS.glob("*.txt"))
    assert [path.name for path in shipped] == [path.name for path in originals]
    for mine, original in zip(shipped, originals, strict=False):
        assert hashlib.sha256(mine.read_bytes()).digest() == hashlib.sha256(original.read_bytes()).digest()


def test_it_loads_the_five_articles_published(seeded):
    assert Article.objects.public().count() == 5
    assert seeded.articles == 5


def test_it_cuts_each_statement_text_out_of_the_article_body(seeded):
    statements = list(Statement.objects.select_related("article"))
    assert len(statements) >= 40
    for statement in statements:
        assert statement.article.body[statement.start : statement.end] == statement.text, statement.pk
        assert statement.article.body[: statement.start].endswith(statement.prefix)
        assert statement.article.body[statement.end :].startswith(statement.suffix)


def test_it_matches_the_curation_file_statement_for_statement(seeded):
    curation = json.loads((Path(settings.CURATION_SEEDS_DIR) / "curation.json").read_text(encoding="utf-8"))
    expected = sum(len(article["statements"]) for article in curation["articles"])
    assert Statement.objects.public().count() == expected


def test_it_changes_nothing_when_run_twice(db, capsys):
    call_command("load_seeds")
    before = snapshot()
    capsys.readouterr()
    call_command("load_seeds")
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot() == before


def test_it_keeps_abadi_as_printed_and_corrects_to_jaafari(seeded):
    statement = abadi_statement()
    assert statement.speaker_as_printed == "Abadi"
    assert statement.speaker.slug == "ibrahim-al-jaafari"
    (correction,) = statement.corrections.all()
    assert correction.from_actor.slug == "haider-al-abadi"
    assert correction.to_actor.slug == "ibrahim-al-jaafari"
    assert correction.speaker_as_printed == "Abadi"
    assert "Abadi" in correction.reason or "not introduced" in correction.reason
    assert correction.is_public is True


def test_it_loads_the_attribution_as_printed_before_corrections(seeded_as_published):
    statement = abadi_statement()
    assert statement.speaker.slug == "haider-al-abadi"
    assert not AttributionCorrection.objects.exists()


def test_it_applies_the_corrections_when_loaded_after_the_as_published_state(seeded_as_published):
    call_command("load_seeds")
    assert abadi_statement().speaker.slug == "ibrahim-al-jaafari"
    assert AttributionCorrection.objects.count() == 1


def test_it_makes_da_esh_spellings_aliases_of_one_actor_and_one_tag(seeded):
    for spelling in ("Da'esh", "Da’esh", "Da’ash", "Daesh", "ISIS", "IS", "Islamic State group"):
        matches = Actor.objects.filter(aliases__normalised=normalise_name(spelling)).distinct()
        assert list(matches.values_list("slug", flat=True)) == ["islamic-state"], spelling
    tag = Tag.objects.get(slug="islamic-state")
    assert {"daesh", "daash", "isis"} <= set(tag.aliases.values_list("normalised", flat=True))


def test_it_gives_actors_dated_roles(seeded):
    jaafari = Actor.objects.get(slug="ibrahim-al-jaafari")
    article_day = Article.objects.get(import_key__startswith="000_").published_on
    assert [role.title for role in jaafari.roles_on(article_day)] == ["Foreign Minister"]
    hussein = Actor.objects.get(slug="fuad-hussein")
    assert "Foreign Minister" in [
        role.title for role in hussein.roles_on(Article.objects.get(import_key__startswith="001_").published_on)
    ]


def test_it_never_guesses_a_missing_date_or_outlet(seeded):
    for prefix in ("002_", "003_", "004_"):
        article = Article.objects.get(import_key__startswith=prefix)
        assert article.published_on is None
        assert article.outlet == ""
