from curation.models import Article, Statement
from curation.services import article_reanchor


def test_it_refinds_statements_after_the_text_moves_and_reports_lost_ones(seeded):
    article = Article.objects.get(import_key__startswith="000_")
    abadi = article.statements.get(speaker_as_printed="Abadi")
    other = article.statements.exclude(pk=abadi.pk).order_by("start").first()
    total = article.statements.count()
    article.body = "Editor's note: updated.\n" + article.body.replace(other.text, "[removed]")
    article.save()
    counts = article_reanchor(article=article)
    abadi.refresh_from_db()
    other.refresh_from_db()
    assert article.body[abadi.start : abadi.end] == abadi.text
    assert abadi.anchor == Statement.Anchor.FOUND
    assert other.anchor == Statement.Anchor.ORPHANED
    # Every statement but the removed one now sits 24 characters further on.
    assert counts == {"found": 0, "moved": total - 1, "orphaned": 1}
