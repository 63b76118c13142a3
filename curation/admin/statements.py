"""Statements in the admin: the list editors work through, bulk actions, and the change form.

The speaker is never saved by the form itself: a changed speaker goes
through ``statement_update``, which records a correction with the reason.
"""

from copy import copy

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from curation import services
from curation.admin.base import HistoryAdmin, action_page, count_of, plural, report_refusal
from curation.admin.corrections import CorrectionInline
from curation.admin.display import clamped, flag_list, shorten, speaker_cell
from curation.admin.filters import ArticleChosenFilter, CorrectedFilter, OpenFlagFilter, SpeakerFilter
from curation.admin.forms import (
    PlaceStatementForm,
    ReattributeForm,
    StatementAddForm,
    StatementChangeForm,
    TagChoiceForm,
)
from curation.admin.names import StatementSearchMixin
from curation.models import AttributionCorrection, AttributionFlag, Statement


@admin.register(Statement)
class StatementAdmin(StatementSearchMixin, HistoryAdmin):
    list_display = (
        "quote",
        "kind",
        "resolved_speaker",
        "article_title",
        "status",
        "is_published",
        "tag_names",
        "corrected",
        "open_flags",
    )
    list_display_links = ("quote",)
    list_filter = (
        "review_status",
        "published",
        "kind",
        CorrectedFilter,
        OpenFlagFilter,
        "tags",
        SpeakerFilter,
        ArticleChosenFilter,
        "anchor",
        "origin",
    )
    search_fields = ("text",)  # what StatementSearchMixin searches: quote, printed speaker, actor names
    autocomplete_fields = ("speaker", "tags", "article")
    list_per_page = 50
    show_full_result_count = False
    actions = ("confirm", "reject", "publish", "unpublish", "add_tags", "remove_tags", "reattribute")
    inlines = (CorrectionInline,)
    readonly_fields = (
        "article_link",
        "text",
        "anchor_summary",
        "flags_panel",
        "origin",
        "confidence",
        "created_at",
        "updated_at",
    )

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": StatementAddForm.Meta.fields})]
        return [
            ("Quote", {"fields": ("article_link", "text", "kind", "anchor_summary")}),
            (
                "Attribution",
                {
                    "fields": ("speaker_as_printed", "speaker", "reason", "version"),
                    "description": "If readers have seen this statement, changing the resolved speaker tells them "
                    "so in a correction notice with your reason.",
                },
            ),
            ("Why it is flagged", {"fields": ("flags_panel",)}),
            ("Review and publication", {"fields": ("review_status", "published", "tags")}),
            ("Record", {"fields": ("origin", "confidence", "created_at", "updated_at"), "classes": ("collapse",)}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = StatementChangeForm if obj else StatementAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj else []

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("article", "speaker")
        return queryset.annotate(
            is_corrected=Exists(AttributionCorrection.objects.filter(statement=OuterRef("pk"))),
            open_flag_count=count_of(
                AttributionFlag.objects.filter(statement=OuterRef("pk"), resolved_at__isnull=True), "statement"
            ),
        ).prefetch_related("tags")

    # The list's columns.

    @admin.display(description="quote", ordering="start")
    def quote(self, statement):
        return clamped(statement.text)

    @admin.display(description="speaker", ordering="speaker__name")
    def resolved_speaker(self, statement):
        return speaker_cell(statement)

    @admin.display(description="status", ordering="review_status")
    def status(self, statement):
        return statement.get_review_status_display()

    @admin.display(description="public", boolean=True, ordering="published")
    def is_published(self, statement):
        return statement.published

    @admin.display(description="article", ordering="article__title")
    def article_title(self, statement):
        return format_html(
            '<a href="?article={}" title="Only statements in this article: {}">{}</a>',
            statement.article_id,
            statement.article.title,
            clamped(statement.article.title, 70),
        )

    @admin.display(description="tags")
    def tag_names(self, statement):
        return clamped(", ".join(tag.name for tag in statement.tags.all()), 80) or "—"

    @admin.display(description="corrected", boolean=True, ordering="is_corrected")
    def corrected(self, statement):
        return statement.is_corrected

    @admin.display(description="flags", ordering="open_flag_count")
    def open_flags(self, statement):
        return statement.open_flag_count or "—"

    # The change form's read-only parts.

    @admin.display(description="article")
    def article_link(self, statement):
        url = reverse("admin:curation_article_change", args=[statement.article_id])
        return format_html('<a href="{}">{}</a>', url, statement.article.title)

    @admin.display(description="place in the text")
    def anchor_summary(self, statement):
        summary = f"characters {statement.start}–{statement.end}, {statement.get_anchor_display().lower()}"
        if statement.anchor == Statement.Anchor.FOUND:
            return summary
        article_url = reverse("admin:curation_article_change", args=[statement.article_id]) + "#article-text"
        place_url = reverse("admin:curation_statement_place", args=[statement.pk])
        return format_html(
            '{}. <a href="{}">Select its passage on the article\'s page</a> to place it again, '
            'or <a href="{}">give its offsets</a>.',
            summary,
            article_url,
            place_url,
        )

    @admin.display(description="open flags")
    def flags_panel(self, statement):
        flags = statement.flags.filter(resolved_at__isnull=True).select_related("suggested_speaker")
        return flag_list(list(flags), reverse("admin:curation_statement_change", args=[statement.pk]))

    # Saving.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.StatementChangedElsewhere as error:
            # Lost the race between the form's check and the save; the whole
            # save was rolled back.
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)

    # Deleting goes through the service, which keeps the public counts true.
    def delete_model(self, request, obj):
        services.statements_delete(statements=[obj])

    def delete_queryset(self, request, queryset):
        services.statements_delete(statements=list(queryset))

    def save_model(self, request, obj, form, change):
        if not change:
            self._create(request, obj, form)
            return
        data = form.cleaned_data
        changes = {name: data[name] for name in form.changed_data if name in StatementChangeForm.Meta.fields}
        changes.pop("version", None)
        obj._recorded_correction = services.statement_update(
            statement=obj,
            by=request.user,
            changes=changes,
            expected_version=data["version"],
            reason=data.get("reason", ""),
        )

    def _create(self, request, obj, form):
        data = form.cleaned_data
        created = services.statement_create(
            article=data["article"],
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            speaker_as_printed=data["speaker_as_printed"],
            speaker=data["speaker"],
            tags=list(data["tags"]),
            review_status=data["review_status"],
        )
        for field in Statement._meta.concrete_fields:
            setattr(obj, field.attname, getattr(created, field.attname))
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        # The service already saved the tags, inside the same transaction.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def response_change(self, request, obj):
        correction = getattr(obj, "_recorded_correction", None)
        if correction is not None:
            self.message_user(
                request,
                f"Correction recorded: {correction} (“{correction.reason}”). Readers see it with the statement.",
                messages.SUCCESS,
            )
        elif obj.pending_reason:
            self.message_user(
                request,
                "Speaker changed. Readers are not shown this statement now; when they are, a correction "
                "notice with your reason tells them of the change.",
                messages.INFO,
            )
        return super().response_change(request, obj)

    # One-click fixes from the attribution checks.

    def get_urls(self):
        return [
            path(
                "<int:statement_id>/place/",
                self.admin_site.admin_view(self.place_view),
                name="curation_statement_place",
            ),
            path(
                "<int:statement_id>/flags/<int:flag_id>/apply/",
                self.admin_site.admin_view(self.apply_flag_view),
                name="curation_statement_apply_flag",
            ),
            *super().get_urls(),
        ]

    def apply_flag_view(self, request, statement_id, flag_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        flag = get_object_or_404(AttributionFlag, pk=flag_id, statement_id=statement_id)
        if not self.has_change_permission(request, flag.statement):
            raise PermissionDenied
        already = flag.statement.speaker_id == flag.suggested_speaker_id
        try:
            correction = services.flag_apply_suggestion(flag=flag, by=request.user)
        except ValidationError as error:
            report_refusal(self, request, error)
        else:
            if correction is not None:
                done = f"Correction recorded: {correction}. Readers see it with the statement."
            elif already:
                done = "The speaker was already the suggested one."
            else:
                done = f"Speaker set to {flag.suggested_speaker.name}, as the check suggested."
            self.message_user(request, f"{done} The flag is resolved.", messages.SUCCESS)
        return HttpResponseRedirect(self._next_url(request, statement_id))

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and "_selection" in request.POST:
            # The article page posts the selected passage here (it may be too
            # long for an address): show the form filled in, saving nothing yet.
            request = copy(request)
            request.method, request.GET = "GET", request.POST.copy()
        return super().add_view(request, form_url, extra_context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if "selected_text" in initial:
            # A passage an editor marks is their own finding, not a suggestion waiting for review.
            initial.setdefault("review_status", Statement.ReviewStatus.CONFIRMED)
        return initial

    def place_view(self, request, statement_id):
        """Anchor a statement in the text again: from a selection on the article's page, or by offsets."""
        statement = get_object_or_404(Statement.objects.select_related("article"), pk=statement_id)
        if not self.has_change_permission(request, statement):
            raise PermissionDenied
        from_selection = "_selection" in request.POST
        data = request.POST if request.method == "POST" else None
        if from_selection:
            data = request.POST.copy()
            data.setdefault("version", str(statement.version))
        form = PlaceStatementForm(data, statement=statement, initial={"version": statement.version})
        if form.is_valid():
            cleaned = form.cleaned_data
            services.statement_place(
                statement=statement,
                start=cleaned["start"],
                end=cleaned["end"],
                by=request.user,
                selected=cleaned["selected_text"] or None,
                expected_version=cleaned["version"],
            )
            self.message_user(
                request,
                f"Placed {statement} again at characters {statement.start}–{statement.end}; its history keeps "
                "where it was.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:curation_article_change", args=[statement.article_id]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Place a statement again",
            "statement": statement,
            "article_url": reverse("admin:curation_article_change", args=[statement.article_id]),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/curation/statement/place.html", context)

    def _next_url(self, request, statement_id):
        target = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
            return target
        return reverse("admin:curation_statement_change", args=[statement_id])

    # Bulk actions; each goes through a service.

    @admin.action(description="Confirm selected statements", permissions=["change"])
    def confirm(self, request, queryset):
        count = services.statements_set_review_status(
            statements=queryset, status=Statement.ReviewStatus.CONFIRMED, by=request.user
        )
        self.message_user(request, f"Confirmed {plural(count, 'statement')}.", messages.SUCCESS)

    @admin.action(description="Reject selected statements", permissions=["change"])
    def reject(self, request, queryset):
        count = services.statements_set_review_status(
            statements=queryset, status=Statement.ReviewStatus.REJECTED, by=request.user
        )
        self.message_user(request, f"Rejected {plural(count, 'statement')}.", messages.SUCCESS)

    @admin.action(description="Publish selected statements", permissions=["change"])
    def publish(self, request, queryset):
        result = services.statements_set_published(statements=queryset, published=True, by=request.user)
        self.message_user(request, f"Published {plural(result.changed, 'statement')}.", messages.SUCCESS)
        if result.skipped:
            self.message_user(
                request,
                f"{plural(result.skipped, 'statement')} not published: only confirmed statements can be.",
                messages.WARNING,
            )

    @admin.action(description="Unpublish selected statements", permissions=["change"])
    def unpublish(self, request, queryset):
        result = services.statements_set_published(statements=queryset, published=False, by=request.user)
        self.message_user(request, f"Unpublished {plural(result.changed, 'statement')}.", messages.SUCCESS)

    @admin.action(description="Add tags to selected statements", permissions=["change"])
    def add_tags(self, request, queryset):
        return self._tag_action(request, queryset, "add_tags", services.statements_add_tags, "Add tags", "Tagged")

    @admin.action(description="Remove tags from selected statements", permissions=["change"])
    def remove_tags(self, request, queryset):
        return self._tag_action(
            request, queryset, "remove_tags", services.statements_remove_tags, "Remove tags", "Removed tags from"
        )

    def _tag_action(self, request, queryset, action, service, title, done):
        form = TagChoiceForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = service(statements=queryset, tags=form.cleaned_data["tags"], by=request.user)
            self.message_user(request, f"{done} {plural(count, 'statement')}.", messages.SUCCESS)
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title=title,
            action=action,
            submit_label=title,
            intro=f"Choose the tags; they apply to these {plural(queryset.count(), 'statement')}:",
            objects=[shorten(statement.text) for statement in queryset],
        )

    @admin.action(description="Reattribute selected statements…", permissions=["change"])
    def reattribute(self, request, queryset):
        form = ReattributeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            data = form.cleaned_data
            result = services.statements_reattribute(
                statements=queryset,
                to_actor=data["to_actor"],
                by=request.user,
                reason=data["reason"],
            )
            self.message_user(
                request,
                f"Attributed {plural(result.changed, 'statement')} to {data['to_actor']}; "
                f"{plural(result.corrections, 'correction')} shown to readers.",
                messages.SUCCESS,
            )
            if result.skipped:
                self.message_user(
                    request,
                    f"{plural(result.skipped, 'statement')} already attributed to {data['to_actor']}.",
                    messages.WARNING,
                )
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title="Reattribute statements",
            action="reattribute",
            submit_label="Reattribute",
            intro="Readers who saw any of these statements are told of the change in a correction notice "
            "with the reason you give:",
            objects=[f"{shorten(statement.text)} — now {statement.speaker or 'no one'}" for statement in queryset],
        )
