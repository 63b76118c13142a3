"""The public pages readers browse without logging in.

Reads go through ``curation.selectors``, which start from the ``public()``
querysets: anything not published is a 404 here, never a hint.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from curation import jsonld, selectors
from curation.anchoring import span_fits
from curation.filters import ActorPageFilter, ArticlePageFilter, SearchForm
from curation.highlight import Span, highlight, quote_in_context
from curation.models import Statement, Tag
from curation.timeline import month_series, timeline_summary, timeline_svg
from curation.wording import statement_label

PAGE_SIZE = 20
ACTOR_PAGE_SIZE = 50
TIMELINE_MONTHS_AT_LEAST = 12
SEARCH_RESULTS_AT_MOST = 20


class CappedCountPaginator(Paginator):
    """A paginator that counts at most ``COUNT_AT_MOST`` rows, or is told an exact count the desk keeps.

    Counting every statement of a busy topic costs more than showing the
    page; past the cap the page says "more than 10,000" and offers the pages
    up to it. A ``kept_count`` is never capped and costs no query.
    """

    COUNT_AT_MOST = 10_000

    def __init__(self, object_list, per_page, *, kept_count: int | None = None):
        super().__init__(object_list, per_page)
        self.kept_count = kept_count

    @cached_property
    def count(self):
        if self.kept_count is not None:
            return self.kept_count
        # Only the rows matter to a count: not their order, their related
        # rows or their annotations, which the database would build for each.
        rows = self.object_list.order_by().values("pk")
        return rows[: self.COUNT_AT_MOST + 1].count()

    @property
    def count_is_capped(self) -> bool:
        return self.kept_count is None and self.count > self.COUNT_AT_MOST

    @property
    def display_count(self) -> str:
        return f"more than {self.COUNT_AT_MOST:,}" if self.count_is_capped else f"{self.count:,}"


class SaidPage:
    """A page of statements, newest said first, reached by the statement it follows or precedes (keyset).

    No count and no OFFSET: a busy topic's statements are as quick to page
    through at the thousandth page as at the first. ``older_than`` and
    ``newer_than`` are the ids the links to the next and previous pages carry.
    """

    def __init__(self, rows, *, older_than=None, newer_than=None, is_first=True):
        self.object_list, self.older_than, self.newer_than = rows, older_than, newer_than
        self.is_first = is_first

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


NO_SUCH_SAID_PAGE = "There is no such page: follow the links to newer and older statements as given."


def _anchor(request, name):
    value = request.GET.get(name, "")
    if not value:
        return None
    anchor = None
    if value.isascii() and value.isdigit() and len(value) < 20:
        anchor = Statement.objects.select_related("article").filter(pk=int(value)).first()
    if anchor is None:
        raise Http404(NO_SUCH_SAID_PAGE)
    return anchor


def _said_page(request, queryset, per_page=PAGE_SIZE) -> SaidPage | None:
    """Return the page of ``queryset`` (newest said first) after ``?older=<id>``, before ``?newer=<id>``, or the first.

    None when ``?newer=`` reaches the newest statements: the first page, at
    its own address, is the answer. An id that names no statement, or both
    at once, is a 404.
    """
    older, newer = _anchor(request, "older"), _anchor(request, "newer")
    if older and newer:
        raise Http404(NO_SUCH_SAID_PAGE)
    if older or newer:
        queryset = queryset.filter(selectors.said_after(older or newer, older=bool(older)))
    if newer:
        rows = selectors.corrected_marked(queryset.reverse()[: per_page + 1])
        more, rows = len(rows) > per_page, rows[:per_page][::-1]
        if not more:
            return None
        return SaidPage(rows, older_than=rows[-1].pk, newer_than=rows[0].pk, is_first=False)
    rows = selectors.corrected_marked(queryset[: per_page + 1])
    more, rows = len(rows) > per_page, rows[:per_page]
    newer_than = rows[0].pk if older and rows else None
    return SaidPage(rows, older_than=rows[-1].pk if more else None, newer_than=newer_than, is_first=not older)


def _marked(page):
    """Mark a page of public statements' corrected ones (``selectors.corrected_marked``)."""
    page.object_list = selectors.corrected_marked(page.object_list)
    return page


def _may_preview(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


def _preview(response):
    """Mark a staff preview: never indexed, never cached, and said to be not public on the page itself."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _preview_context(reason: str) -> dict:
    return {"preview": True, "preview_reason": reason}


def _page(request, queryset, per_page=PAGE_SIZE, *, count: int | None = None):
    """Return the requested page; a page that is not a number or does not exist is a 404.

    ``count``, when given, is the kept number of rows in ``queryset``.
    """
    paginator = CappedCountPaginator(queryset, per_page, kept_count=count)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("There is no such page.") from None


def home(request):
    context = {
        "section": "home",
        "articles": selectors.articles_listing()[:5],
        "statements": selectors.corrected_marked(selectors.statements_listing()[:6]),
        "corrections": selectors.correction_notices()[:5],
    }
    return render(request, "curation/home.html", context)


def article_list(request):
    article_filter = ArticlePageFilter(request.GET, queryset=selectors.articles_listing())
    # With a filter in error, a list would answer a question nobody asked.
    page = _page(request, article_filter.qs) if article_filter.is_valid() else None
    return render(
        request, "curation/article_list.html", {"section": "articles", "filter": article_filter, "page": page}
    )


def _is_placed(article, statement) -> bool:
    return statement.anchor == Statement.Anchor.FOUND and span_fits(
        article.body, statement.start, statement.end, statement.text
    )


def article_detail(request, slug):
    article = selectors.article_detail(slug)
    preview = {}
    if article is None and _may_preview(request):
        article = selectors.article_preview(slug)
        preview = _preview_context(
            "This article is a draft: readers are shown it, with its confirmed and published statements, "
            "only once it is published."
        )
    if article is None:
        raise Http404("No published article has this address.")
    statements = article.public_statements
    placed = [statement for statement in statements if _is_placed(article, statement)]
    spans = [
        Span(
            statement.start,
            statement.end,
            f"statement-{statement.pk}",
            statement.get_absolute_url(),
            statement_label(statement),
        )
        for statement in placed
    ]
    corrections = list(selectors.article_corrections(article))
    tags = sorted({tag.pk: tag for statement in statements for tag in statement.tags.all()}.values(), key=str)
    context = {
        "section": "articles",
        "article": article,
        "statements": statements,
        "body_html": mark_safe(highlight(article.body, spans, _not_story(article, placed))),  # escapes every character
        "unplaced": [statement for statement in statements if statement not in placed],
        "tags": tags,
        "corrections": corrections,
        "jsonld": jsonld.article_data(article, statements, corrections, request.build_absolute_uri),
        **preview,
    }
    return _respond(request, "curation/article_detail.html", context)


def _not_story(article, placed) -> list[tuple[int, int]]:
    """The ranges readers are not shown; one holding a statement is shown after all, so no statement vanishes."""
    return [
        (start, end)
        for start, end in article.non_story
        if not any(statement.start < end and statement.end > start for statement in placed)
    ]


def actor_list(request):
    actor_filter = ActorPageFilter(request.GET, queryset=selectors.actors_listing())
    page = _page(request, actor_filter.qs, ACTOR_PAGE_SIZE) if actor_filter.is_valid() else None
    return render(request, "curation/actor_list.html", {"section": "actors", "filter": actor_filter, "page": page})


def actor_detail(request, slug):
    actor, is_former_slug = selectors.actor_public(slug)
    preview = {}
    if actor is None and _may_preview(request):
        actor = selectors.actor_preview(slug)
        preview = _preview_context("Readers have no page for this actor until one of their statements is public.")
    if actor is None:
        raise Http404("No actor with published statements has this address.")
    if is_former_slug:
        return redirect(actor, permanent=True)
    counts, undated = selectors.actor_statements_per_month(actor)
    series = month_series(counts, at_least=TIMELINE_MONTHS_AT_LEAST)
    context = {
        "section": "actors",
        "actor": actor,
        # The kept count is exactly the actor's public statements (``refresh_public_counts`` checks it).
        "page": _marked(_page(request, selectors.actor_statements(actor), count=actor.public_statement_count)),
        "timeline_svg": mark_safe(timeline_svg(series)),  # timeline_svg() escapes every name
        "timeline_summary": timeline_summary(series),
        "timeline_months": [entry for entry in series if entry.count],
        "undated_count": undated,
        "jsonld": jsonld.actor_data(actor, request.build_absolute_uri),
        **preview,
    }
    return _respond(request, "curation/actor_detail.html", context)


def statement_detail(request, pk):
    statement = selectors.statement_detail(pk)
    preview = {}
    if statement is None and _may_preview(request):
        statement = selectors.statement_preview(pk)
        preview = _preview_context(_why_not_public(statement)) if statement else {}
    if statement is None:
        raise Http404("No published statement has this number.")
    article = statement.article
    if _is_placed(article, statement):
        context_html = quote_in_context(article.body, statement.start, statement.end)
    else:
        # The text moved away from its offsets: its stored surroundings still show where it stood.
        stored = statement.prefix + statement.text + statement.suffix
        context_html = quote_in_context(stored, len(statement.prefix), len(statement.prefix) + len(statement.text))
    speaker = statement.speaker
    context = {
        "section": "statements",
        "statement": statement,
        "article": article,
        "context_html": mark_safe(context_html),  # quote_in_context() escapes every character
        "is_placed": _is_placed(article, statement),
        "speaker_roles": speaker.roles_on(article.published_on) if speaker else [],
        "printed_differs": bool(statement.speaker_as_printed)
        and (speaker is None or statement.speaker_as_printed != speaker.name),
        "corrections": statement.public_corrections,
        "jsonld": jsonld.statement_data(statement, request.build_absolute_uri),
        **preview,
    }
    return _respond(request, "curation/statement_detail.html", context)


def _why_not_public(statement) -> str:
    if statement.review_status == Statement.ReviewStatus.SUGGESTED:
        return "This is a suggestion waiting for review: readers never see it unless it is confirmed and published."
    if statement.review_status == Statement.ReviewStatus.REJECTED:
        return "This statement was rejected: readers never see it."
    if not statement.published:
        return "This statement is not published: readers see it once it is published."
    return "Its article is a draft: readers see this statement once the article is published."


def _respond(request, template, context):
    response = render(request, template, context)
    return _preview(response) if context.get("preview") else response


def tag_list(request):
    return render(request, "curation/tag_list.html", {"section": "tags", "tags": selectors.tags_listing()})


def tag_detail(request, slug):
    tag = (
        Tag.objects.public().select_related("parent").prefetch_related("aliases", "children").filter(slug=slug).first()
    )
    if tag is None:
        # A former slug or an alias still finds the topic, at its one address.
        found = selectors.tag_find(slug)
        if found is None:
            raise Http404("No topic has this address.")
        return redirect(found, permanent=True)
    page = _said_page(request, selectors.tag_statements(tag))
    if page is None:
        return redirect(tag)
    context = {
        "section": "tags",
        "tag": tag,
        "page": page,
        # Kept per tag, so exact for a topic with no subtopics; a topic's whole
        # tree is not counted (a statement may be filed under several of them).
        "statement_total": None if tag.children.all() else f"{tag.public_statement_count:,}",
    }
    return render(request, "curation/tag_detail.html", context)


def correction_list(request):
    context = {"section": "corrections", "page": _page(request, selectors.correction_notices())}
    return render(request, "curation/correction_list.html", context)


def _first(queryset, fetched=list):
    """Return up to the result limit, and whether there were more; ``fetched`` turns the slice into a list."""
    rows = fetched(queryset[: SEARCH_RESULTS_AT_MOST + 1])
    return rows[:SEARCH_RESULTS_AT_MOST], len(rows) > SEARCH_RESULTS_AT_MOST


def search(request):
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = query = None
    if text:
        query = selectors.statement_query(text)
        results = {
            "statements": _first(selectors.statements_search(query), selectors.corrected_marked),
            "articles": _first(selectors.articles_search(query, limit=SEARCH_RESULTS_AT_MOST + 1)),
            "actors": _first(selectors.actors_search(text)),
        }
    # An actor with no public statement has no page: its names still widen
    # the search, but the page names only what a reader can follow.
    names = [name for name in query.names if name.public_actors or name.topics] if query else []
    context = {"section": "search", "form": form, "text": text, "results": results, "names": names}
    return render(request, "curation/search.html", context)
