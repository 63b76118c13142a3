"""What staff preview: any article, statement or actor shown as readers will see it once it is public.

Only the public pages call these, and only for staff; readers still get a
404 for anything not public.
"""

from django.db.models import Prefetch

from curation.models import Actor, Article, Statement
from curation.selectors.public import correction_notices


def article_preview(slug: str) -> Article | None:
    """Return any article with the statements publishing it would show, in text order, as ``public_statements``.

    Those are its confirmed, published statements: a draft's statements wait
    for the article, so publishing it shows exactly these.
    """
    statements = (
        Statement.objects.filter(review_status=Statement.ReviewStatus.CONFIRMED, published=True)
        .select_related("speaker")
        .prefetch_related("tags")
        .order_by("start", "id")
    )
    return (
        Article.objects.prefetch_related(Prefetch("statements", queryset=statements, to_attr="public_statements"))
        .filter(slug=slug)
        .first()
    )


def statement_preview(pk: int) -> Statement | None:
    """Return any statement (a suggestion, a draft's, an unpublished one) as its public page would show it."""
    corrections = correction_notices().order_by("corrected_at", "id")
    return (
        Statement.objects.select_related("article", "speaker")
        .prefetch_related(
            "tags", "speaker__roles", Prefetch("corrections", queryset=corrections, to_attr="public_corrections")
        )
        .filter(pk=pk)
        .first()
    )


def actor_preview(slug: str) -> Actor | None:
    """Return any actor, public statements or not."""
    return Actor.objects.prefetch_related("aliases", "roles").filter(slug=slug).first()
