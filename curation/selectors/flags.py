"""Reads of the attribution flags and of editors' decisions on suggestions."""

from dataclasses import dataclass

from django.db.models import F

from curation.models import Article, AttributionFlag, ReviewDecision


def open_flags(*, article: Article | None = None):
    """Open flags of stored statements, worst first, with what a report shows."""
    flags = AttributionFlag.objects.filter(resolved_at__isnull=True).select_related(
        "statement__article", "suggested_speaker"
    )
    if article is not None:
        flags = flags.filter(statement__article=article)
    return flags.order_by("statement__article__slug", "statement__start", "-severity", "code")


@dataclass(frozen=True)
class DecisionScores:
    """The extractor as editors judged it: how many suggestions they kept, and with which speaker."""

    decided: int
    kept: int
    speakers_kept: int
    flags_decided: int
    flags_followed: int

    @property
    def precision(self) -> float:
        return self.kept / self.decided if self.decided else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_kept / self.kept if self.kept else 0.0

    @property
    def flag_precision(self) -> float:
        return self.flags_followed / self.flags_decided if self.flags_decided else 0.0


def review_decision_scores() -> DecisionScores:
    """Score the extractor by the editors' stored decisions on its suggestions and flags.

    A suggestion confirmed, with or without edits, counts as right; its
    speaker counts as right when the editor kept it. A flag with a suggested
    speaker that an editor resolved counts as right when the statement now
    has that speaker.
    """
    kept = (ReviewDecision.Decision.CONFIRMED, ReviewDecision.Decision.EDITED)
    decided = speakers_kept = kept_count = 0
    for decision, suggestion, outcome in ReviewDecision.objects.values_list("decision", "suggestion", "outcome"):
        decided += 1
        if decision in kept:
            kept_count += 1
            speakers_kept += (suggestion or {}).get("speaker") == (outcome or {}).get("speaker")
    judged = AttributionFlag.objects.filter(resolved_by__isnull=False, suggested_speaker__isnull=False)
    followed = judged.filter(statement__speaker=F("suggested_speaker"))
    return DecisionScores(decided, kept_count, speakers_kept, judged.count(), followed.count())
