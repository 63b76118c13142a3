"""Articles in the admin: the list with counts, and the text with its statements highlighted."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from curation import services
from curation.admin.base import HistoryAdmin, ReadOnlyPermissions, count_of, plural
from curation.admin.display import shorten
from curation.admin.filters import ArticleOpenFlagFilter, DatedFilter, OutletGivenFilter
from curation.admin.forms import ArticleForm, ArticleImportForm
from curation.admin.jobs import job_started_message
from curation.highlight import Span, collapsed_returns, highlight_numbered
from curation.importing.files import ImportOutcome
from curation.importing.parsing import ParsedArticle
from curation.models import Article, AttributionFlag, Job, Statement


def _refused_again(outcomes, data) -> dict:
    """Return the form's next contents: the pasted text and links that were refused, to fix and send again."""
    refused = {str(outcome.path) for outcome in outcomes if outcome.status == ImportOutcome.REFUSED}
    pasted_refused = any(name.startswith("pasted:") for name in refused)
    return {
        "pasted": data["pasted"] if pasted_refused else "",
        "urls": "\n".join(url for url in data["urls"] if url in refused),
        "publish": data["publish"],
    }


class StatementInline(ReadOnlyPermissions, admin.TabularInline):
    """The article's statements, read-only: each is edited on its own page, where reasons and versions are kept."""

    model = Statement
    fields = ("quote", "kind", "speaker_as_printed", "speaker", "review_status", "published", "anchor")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker").order_by("start", "id")

    @admin.display(description="quote")
    def quote(self, statement):
        return shorten(statement.text, 120)


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    form = ArticleForm
    list_display = ("title", "outlet", "published_on", "status", "statement_count", "open_flag_count")
    list_filter = ("status", DatedFilter, OutletGivenFilter, ArticleOpenFlagFilter, "outlet")
    search_fields = ("title", "outlet", "slug", "url")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "highlighted_text",
        "orphaned_statements",
        "non_story_list",
        "import_key",
        "content_hash",
        "imported_at",
        "updated_at",
    )
    inlines = (StatementInline,)
    actions = ("suggest_statements", "run_checks")
    list_per_page = 50
    show_full_result_count = False

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [
                (None, {"fields": ("body",)}),
                ("About the article", {"fields": ("title", "slug", "status", "outlet", "url", "published_on")}),
                ("Source", {"fields": ("import_key",)}),
            ]
        return [
            (None, {"fields": ("title", "slug", "status", "outlet", "url", "published_on")}),
            (
                "Text with its statements",
                {
                    "fields": ("highlighted_text", "orphaned_statements", "non_story_list"),
                    "description": format_html(
                        "Select a passage to mark it as a new statement, or to place again one that is not found "
                        'in the text. Without a mouse, <a href="{}">add a statement by its offsets</a>.',
                        reverse("admin:curation_statement_add") + f"?article={obj.pk}",
                    ),
                },
            ),
            (
                "Edit the text",
                {
                    "fields": ("body",),
                    "classes": ("collapse",),
                    "description": "Statements are found again in the new text by their words and context; "
                    "any that cannot be found are reported and kept, never deleted.",
                },
            ),
            (
                "Source",
                {
                    "fields": ("import_key", "content_hash", "imported_at", "updated_at"),
                    "classes": ("collapse",),
                },
            ),
        ]

    def get_prepopulated_fields(self, request, obj=None):
        # A changed slug would break every link to the article.
        return self.prepopulated_fields if obj is None else {}

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (*self.readonly_fields, "slug")

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj else []

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_total=count_of(Statement.objects.filter(article=OuterRef("pk")), "article"),
                open_flag_total=count_of(
                    AttributionFlag.objects.filter(statement__article=OuterRef("pk"), resolved_at__isnull=True),
                    "statement__article",
                ),
            )
        )

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, article):
        url = reverse("admin:curation_statement_changelist") + f"?article={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.statement_total)

    @admin.display(description="open flags", ordering="open_flag_total")
    def open_flag_count(self, article):
        return article.open_flag_total or "—"

    @admin.display(description="text")
    def highlighted_text(self, article):
        anchored, _ = self._statements_by_anchor(article)
        spans = [
            Span(
                start=statement.start,
                end=statement.end,
                anchor=f"statement-{statement.pk}",
                href=reverse("admin:curation_statement_change", args=[statement.pk]),
                label=f"{number}. {statement.get_kind_display()} — {statement.speaker or 'no speaker'} "
                f"({statement.get_review_status_display().lower()})",
                number=number,
            )
            for number, statement in anchored
        ]
        # highlight_numbered() escapes every character of the body and every label.
        return format_html(
            '<div class="article-text" id="article-text" data-length="{}" data-collapsed-returns="{}">{}</div>',
            len(article.body),
            " ".join(str(position) for position in collapsed_returns(article.body)),
            mark_safe(highlight_numbered(article.body, spans, [tuple(pair) for pair in article.non_story])),
        )

    @admin.display(description="not found in the text")
    def orphaned_statements(self, article):
        _, orphaned = self._statements_by_anchor(article)
        if not orphaned:
            return "None: every statement is found in the text."
        return format_html(
            '<ul class="orphaned-statements">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a> — {}</li>',
                (
                    (
                        reverse("admin:curation_statement_change", args=[statement.pk]),
                        shorten(statement.text),
                        statement.speaker or "no speaker",
                    )
                    for statement in orphaned
                ),
            ),
        )

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="curation_article_import"),
            path(
                "<int:article_id>/not-story/",
                self.admin_site.admin_view(self.non_story_view),
                name="curation_article_non_story",
            ),
            *super().get_urls(),
        ]

    def non_story_view(self, request, article_id):
        """Hide a selected range from readers, or show one again; the text itself never changes."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article, pk=article_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        ranges = [tuple(pair) for pair in article.non_story]
        try:
            if "show" in request.POST:
                ranges = [pair for pair in ranges if f"{pair[0]}-{pair[1]}" != request.POST["show"]]
                done = "Readers are shown that part of the text again."
            else:
                start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
                services.passage_check(article, start, end, request.POST.get("selected_text") or None, taken_ok=True)
                ranges.append((start, end))
                done = f"Characters {start}–{end} are no longer shown to readers."
            services.article_set_non_story(article=article, ranges=ranges, by=request.user)
        except ValueError:
            self.message_user(request, "Select a passage of the text first.", messages.ERROR)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:curation_article_change", args=[article.pk]))

    @admin.display(description="not shown to readers")
    def non_story_list(self, article):
        if not article.non_story:
            return "Nothing: readers see the whole text."
        url = reverse("admin:curation_article_non_story", args=[article.pk])
        return format_html(
            '<ul class="non-story-list">{}</ul><p class="help">Select a passage and choose <strong>Not the story'
            "</strong> to hide more.</p>",
            format_html_join(
                "",
                '<li>“{}” <button type="submit" class="button" formaction="{}" formnovalidate name="show" '
                'value="{}-{}">Show to readers</button></li>',
                ((shorten(article.body[start:end], 80), url, start, end) for start, end in article.non_story),
            ),
        )

    def import_view(self, request):
        """Import uploaded files, pasted text and links; report each, and keep whatever was refused in the form."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm(request.POST, request.FILES) if request.method == "POST" else ArticleImportForm()
        outcomes = []
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            outcomes = services.desk_import(
                request=services.DeskImport(
                    files=[(upload.name, upload.read()) for upload in data["files"]],
                    pasted=data["pasted"],
                    urls=data["urls"],
                    publish=data["publish"],
                    user=request.user,
                )
            )
            form = ArticleImportForm(initial=_refused_again(outcomes, data))
        context = {
            **self.admin_site.each_context(request),
            "title": "Import articles",
            "form": form,
            "outcomes": outcomes,
            "opts": self.model._meta,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/curation/article/import.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            _, orphaned = self._statements_by_anchor(article)
            extra_context = {
                **(extra_context or {}),
                "non_story_url": reverse("admin:curation_article_non_story", args=[article.pk]),
                "selection_orphans": [
                    (reverse("admin:curation_statement_place", args=[statement.pk]), shorten(statement.text, 60))
                    for statement in orphaned
                ],
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _statements_by_anchor(self, article):
        """Split the statements into those found at their offsets (numbered) and the rest."""
        if getattr(article, "_anchored", None) is None:
            anchored, orphaned = [], []
            for statement in article.statements.select_related("speaker").order_by("start", "id"):
                found = (
                    statement.anchor == Statement.Anchor.FOUND
                    and article.body[statement.start : statement.end] == statement.text
                )
                if found:
                    anchored.append((len(anchored) + 1, statement))
                else:
                    orphaned.append(statement)
            article._anchored, article._orphaned = anchored, orphaned
        return article._anchored, article._orphaned

    # Deleting goes through the service, which keeps the public counts true.
    @admin.action(description="Suggest statements (a background job)", permissions=["start_job"])
    def suggest_statements(self, request, queryset):
        return self._start_job(request, queryset, Job.Kind.SUGGEST_STATEMENTS)

    @admin.action(description="Run the attribution checks (a background job)", permissions=["start_job"])
    def run_checks(self, request, queryset):
        return self._start_job(request, queryset, Job.Kind.CHECK_ATTRIBUTIONS)

    def has_start_job_permission(self, request):
        return request.user.has_perm("curation.add_job")

    def _start_job(self, request, queryset, kind):
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        job_started_message(self, request, services.job_start(kind, {"articles": ids}, request.user))
        # Started from an article's own page: back to that page, where the suggestions show.
        if "_from_article" in request.POST and len(ids) == 1:
            return HttpResponseRedirect(reverse("admin:curation_article_change", args=[ids[0]]))
        return None

    def delete_model(self, request, obj):
        services.articles_delete(articles=[obj])

    def delete_queryset(self, request, queryset):
        services.articles_delete(articles=list(queryset))

    def save_model(self, request, obj, form, change):
        if not change:
            self._import(obj, form)
            return
        counts = services.article_update(article=obj, by=request.user, changed_fields=form.changed_data)
        if counts:
            self._report_reanchoring(request, counts)

    def _import(self, obj, form):
        data = form.cleaned_data
        parsed = ParsedArticle(
            title=data["title"],
            body=data["body"],
            outlet=data["outlet"] or "",
            url=data["url"] or "",
            published_on=data["published_on"],
        )
        created = services.article_import(
            parsed=parsed, import_key=data["import_key"], status=data["status"], slug=data["slug"], title=data["title"]
        )
        for field in Article._meta.concrete_fields:
            setattr(obj, field.attname, getattr(created, field.attname))
        obj._state.adding = False

    def _report_reanchoring(self, request, counts):
        if counts["orphaned"]:
            self.message_user(
                request,
                f"{plural(counts['orphaned'], 'statement')} can no longer be found in the new text. "
                "They are kept and listed under “not found in the text”; fix the text or the statements.",
                messages.WARNING,
            )
        if counts["moved"]:
            self.message_user(
                request,
                f"{plural(counts['moved'], 'statement')} found again at a new place in the text.",
                messages.INFO,
            )
