"""What the editor desk's home page counts: the work waiting for editors."""

from dataclasses import dataclass

from curation.models import Article, AttributionFlag, Job, Statement

# Past this many the desk says "more than"; counting every row of a large
# archive on each visit to the home page would cost more than it tells.
COUNT_AT_MOST = 1000


@dataclass(frozen=True)
class Waiting:
    key: str
    label: str
    count: int

    @property
    def display_count(self) -> str:
        return f"more than {COUNT_AT_MOST:,}" if self.count > COUNT_AT_MOST else f"{self.count:,}"


def _capped_count(queryset) -> int:
    return queryset.order_by()[: COUNT_AT_MOST + 1].count()


def desk_waiting() -> list[Waiting]:
    """Return what waits for editors, in the order they usually take it."""
    statements = Statement.objects.all()
    return [
        Waiting(
            "suggestions",
            "suggestions waiting for review",
            _capped_count(statements.filter(review_status=Statement.ReviewStatus.SUGGESTED)),
        ),
        Waiting("flags", "open attribution flags", _capped_count(AttributionFlag.objects.filter(resolved_at=None))),
        Waiting(
            "orphaned",
            "statements not found in the text",
            _capped_count(statements.filter(anchor=Statement.Anchor.ORPHANED)),
        ),
        Waiting("undated", "articles without a date", _capped_count(Article.objects.filter(published_on=None))),
        Waiting("no_outlet", "articles without an outlet", _capped_count(Article.objects.filter(outlet=""))),
        Waiting(
            "jobs",
            "jobs running or queued",
            _capped_count(Job.objects.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING])),
        ),
    ]
