"""Running the attribution checks over stored statements and keeping their flags in step.

The checks themselves are pure (``curation.extraction.checks``); this module
stores what they find, without ever reopening a flag an editor resolved.
"""

import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from curation.extraction import Flag, check_article, check_conflicts
from curation.extraction.similarity import MINIMUM_WORDS, SHINGLE_SIZE, statement_words
from curation.models import Actor, Article, AttributionCorrection, AttributionFlag, Statement
from curation.selectors.registry import conflict_candidates, known_actors, statement_view
from curation.services.flag_records import flag_resolve

NO_LONGER_APPLIES = "no longer applies"
CORRECTED = "corrected"
# Each statement is represented by its few smallest shingle hashes (a bottom-k
# sketch); near-identical statements share most shingles, so they share one of
# these with high probability, and only they are compared word by word.
SKETCH_SIZE = 6
FLAG_SEVERITY_ORDER = {AttributionFlag.Severity.WARNING: 0, AttributionFlag.Severity.NOTE: 1}


@dataclass
class FlagRefresh:
    articles: int = 0
    opened: int = 0
    resolved: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"{self.articles} articles checked: {self.opened} flags opened, "
            f"{self.resolved} resolved, {self.unchanged} unchanged."
        )


@dataclass(frozen=True)
class WantedFlag:
    """A flag the checks raise now; ``resolution`` set when it is to be stored already resolved."""

    flag: Flag
    resolution: str = ""


def articles_recheck(articles: Iterable[Article]) -> FlagRefresh:
    """Run the per-article checks again after an editor changed these articles or their statements.

    The cross-article check ("the same quote, different speakers") reads the
    whole archive; its flags are left as they are until the next full run.
    """
    actors = known_actors()
    slugs = dict(Actor.objects.values_list("pk", "slug"))
    report = FlagRefresh()
    for article in {article.pk: article for article in articles}.values():
        _article_flags_refresh(article, actors=actors, slugs=slugs, conflicts=None, report=report)
        report.articles += 1
    return report


def attribution_flags_refresh(*, articles: Iterable[Article] | None = None) -> FlagRefresh:
    """Run the attribution checks and bring the stored flags in line with them.

    Flags an editor (or a correction) already resolved stay resolved; open
    flags the checks no longer raise are resolved as "no longer applies".
    Each article is its own transaction, so a long run can be interrupted
    without losing the articles already done.
    """
    actors = known_actors()
    slugs = dict(Actor.objects.values_list("pk", "slug"))
    conflicts = conflict_flags(slugs)
    report = FlagRefresh()
    articles = Article.objects.order_by("pk").iterator(chunk_size=500) if articles is None else articles
    for article in articles:
        _article_flags_refresh(article, actors=actors, slugs=slugs, conflicts=conflicts, report=report)
        report.articles += 1
    return report


@transaction.atomic
def article_flags_refresh(article: Article, *, actors, slugs: dict[int, str]) -> FlagRefresh:
    """Run the per-article checks on one article, as a job does, one article per transaction.

    The article's row is locked first: flags have no unique key, and two runs
    over the same article (a job's chunk taken again by a second worker) must
    not both add the same flag.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    report = FlagRefresh(articles=1)
    _article_flags_refresh(article, actors=actors, slugs=slugs, conflicts=None, report=report)
    return report


def conflict_flags_store(*, actors, slugs: dict[int, str]) -> FlagRefresh:
    """Run the cross-article check and bring the conflict flags of the articles it touches in line.

    Only articles with a conflict now, or an open conflict flag from before,
    are refreshed (each in its own transaction); the others have nothing to change.
    """
    conflicts = conflict_flags(slugs)
    statement_ids = set(conflicts) | set(
        AttributionFlag.objects.filter(
            code=AttributionFlag.Code.CONFLICTING_ATTRIBUTION, resolved_at__isnull=True
        ).values_list("statement_id", flat=True)
    )
    article_ids = sorted(set(Statement.objects.filter(pk__in=statement_ids).values_list("article_id", flat=True)))
    report = FlagRefresh()
    for article_id in article_ids:
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            _article_flags_refresh(article, actors=actors, slugs=slugs, conflicts=conflicts, report=report)
        report.articles += 1
    return report


@transaction.atomic
def _article_flags_refresh(article, *, actors, slugs, conflicts, report: FlagRefresh) -> None:
    statements = list(article.statements.exclude(review_status=Statement.ReviewStatus.REJECTED))
    wanted = _wanted_flags(article, statements, actors=actors, slugs=slugs, conflicts=conflicts)
    existing: dict[tuple[int, str], list[AttributionFlag]] = defaultdict(list)
    for flag in AttributionFlag.objects.select_for_update().filter(statement__article=article):
        existing[(flag.statement_id, flag.code)].append(flag)
    actor_ids = {slug: pk for pk, slug in slugs.items()}
    for key, want in wanted.items():
        _flag_store(key, want, existing.pop(key, []), actor_ids, report)
    for stale in existing.values():
        for flag in stale:
            if conflicts is None and flag.code == AttributionFlag.Code.CONFLICTING_ATTRIBUTION:
                continue  # Not checked this time.
            if flag.is_open:
                flag_resolve(flag, by=None, resolution=NO_LONGER_APPLIES)
                report.resolved += 1


def _wanted_flags(article, statements, *, actors, slugs, conflicts) -> dict[tuple[int, str], WantedFlag]:
    """The flags each statement should carry now, one per check.

    A statement whose latest correction moved it to the speaker a check on its
    earlier attribution suggests keeps that flag, resolved as "corrected", so
    editors see the check was right and already acted on.
    """
    now = [statement_view(s, speaker_slug=slugs.get(s.speaker_id)) for s in statements]
    found = check_article(article.body, now, actors=actors, published_on=article.published_on)
    wanted: dict[tuple[int, str], WantedFlag] = {}
    for statement in statements:
        for flag in _strongest_per_code(found.get(statement.pk, []) + (conflicts or {}).get(statement.pk, [])):
            wanted[(statement.pk, flag.code)] = WantedFlag(flag)
    for key, flag in _flags_acted_on(article, statements, actors=actors, slugs=slugs).items():
        wanted[key] = WantedFlag(flag, CORRECTED)
    return wanted


def _strongest_per_code(flags: list[Flag]) -> list[Flag]:
    """One flag per check: a statement conflicting with several others shows the most serious."""
    chosen: dict[str, Flag] = {}
    for flag in sorted(flags, key=lambda flag: FLAG_SEVERITY_ORDER.get(flag.severity, 9)):
        chosen.setdefault(flag.code, flag)
    return list(chosen.values())


def _flags_acted_on(article, statements, *, actors, slugs) -> dict[tuple[int, str], Flag]:
    """Flags the statements had before their latest correction, which that correction followed."""
    latest: dict[int, AttributionCorrection] = {}
    for correction in AttributionCorrection.objects.filter(statement__article=article).order_by("corrected_at", "pk"):
        latest[correction.statement_id] = correction
    if not latest:
        return {}
    before = [
        statement_view(s, speaker_slug=slugs.get(latest[s.pk].from_actor_id if s.pk in latest else s.speaker_id))
        for s in statements
    ]
    found = check_article(article.body, before, actors=actors, published_on=article.published_on)
    acted_on = {}
    for statement in statements:
        correction = latest.get(statement.pk)
        if correction is None or correction.to_actor_id != statement.speaker_id:
            continue
        for flag in found.get(statement.pk, []):
            if flag.suggested_speaker and flag.suggested_speaker == slugs.get(statement.speaker_id):
                acted_on[(statement.pk, flag.code)] = flag
    return acted_on


def _flag_store(key, want: WantedFlag, rows: list[AttributionFlag], actor_ids, report: FlagRefresh) -> None:
    open_rows = [row for row in rows if row.is_open]
    if rows and not open_rows:
        report.unchanged += 1  # Resolved once: an editor's word is never reopened.
        return
    suggested = actor_ids.get(want.flag.suggested_speaker)
    if not open_rows:
        AttributionFlag.objects.create(
            statement_id=key[0],
            code=want.flag.code,
            severity=want.flag.severity,
            message=want.flag.message,
            suggested_speaker_id=suggested,
            resolved_at=timezone.now() if want.resolution else None,
            resolution=want.resolution,
        )
        report.opened += not want.resolution
        report.resolved += bool(want.resolution)
        return
    row = open_rows[0]
    if want.resolution:
        flag_resolve(row, by=None, resolution=want.resolution)
        report.resolved += 1
        return
    if (row.severity, row.message, row.suggested_speaker_id) == (want.flag.severity, want.flag.message, suggested):
        report.unchanged += 1
        return
    row.severity, row.message, row.suggested_speaker_id = want.flag.severity, want.flag.message, suggested
    row.save(update_fields=["severity", "message", "suggested_speaker"])
    report.unchanged += 1


def conflict_flags(slugs: dict[int, str]) -> dict[int, list[Flag]]:
    """Run the cross-article conflict check over every public statement and open suggestion.

    Comparing every pair would be quadratic. Instead one streaming pass keeps
    a bottom-k sketch of each statement's three-word shingles (O(N·L) time
    for N statements of L words, O(N·k) memory in packed integers), a sort
    groups equal sketch values (O(N·k log N·k)), and only statements sharing
    one go to the extractor's own shingle-bucketed comparison.
    """
    candidates = _sketch_candidates(Statement.objects.filter(conflict_candidates()))
    views = []
    for start in range(0, len(candidates), 2000):
        batch = Statement.objects.filter(pk__in=candidates[start : start + 2000]).only(
            "pk", "article_id", "text", "start", "end", "kind", "speaker_as_printed", "speaker_id"
        )
        views += [statement_view(s, speaker_slug=slugs.get(s.speaker_id)) for s in batch]
    return check_conflicts(views)


def _sketch_candidates(statements) -> list[int]:
    """Return the ids of statements that share a sketch value with a statement of another article."""
    packed, rows, articles = array("Q"), array("q"), array("q")
    for pk, article_id, text in statements.values_list("pk", "article_id", "text").iterator(chunk_size=5000):
        sketch = _sketch(statement_words(text))
        if not sketch:
            continue
        row = len(rows)
        rows.append(pk)
        articles.append(article_id)
        packed.extend((value << 32) | row for value in sketch)
    return sorted({rows[row] for row in _rows_sharing_a_value(sorted(packed), articles)})


def _rows_sharing_a_value(packed: list[int], articles: array) -> Iterator[int]:
    """Yield rows whose sketch value recurs in another article; ``packed`` is sorted."""
    group: list[int] = []
    for item in packed + [None]:
        if group and (item is None or item >> 32 != group[0] >> 32):
            members = [entry & 0xFFFFFFFF for entry in group]
            if len({articles[row] for row in members}) > 1:
                yield from members
            group = []
        if item is not None:
            group.append(item)


def _sketch(words: list[str]) -> list[int]:
    if len(words) < MINIMUM_WORDS:
        return []
    shingles = {" ".join(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}
    return sorted(zlib.crc32(shingle.encode()) for shingle in shingles)[:SKETCH_SIZE]
