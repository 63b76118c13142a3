"""The review queue: the extractor's suggestions, the checks' flags, and the decisions kept."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from curation import services
from curation.admin.base import RefuseNulFiltersMixin, count_of, plural
from curation.admin.display import clamped, flag_list, open_flags_prefetch, shorten, speaker_cell
from curation.admin.filters import ArticleChosenFilter, OpenFlagFilter
from curation.admin.forms import SuggestionReviewForm
from curation.admin.names import StatementSearchMixin
from curation.anchoring import span_fits
from curation.highlight import paragraphs_around
from curation.models import AttributionFlag, ReviewDecision, Statement, SuggestedStatement


def next_suggestion(reviewed: Statement) -> Statement | None:
    """Return the suggestion to review after ``reviewed``: the rest of its article first, then the next article.

    Finishing one article before the next keeps its context in the editor's
    head; within it the queue follows the text, coming back to any passed over.
    """
    queue = SuggestedStatement.objects.filter(review_status=Statement.ReviewStatus.SUGGESTED).exclude(pk=reviewed.pk)
    same_article = queue.filter(article=reviewed.article_id).order_by("start", "id")
    return (
        same_article.filter(start__gte=reviewed.start).first()
        or same_article.first()
        or queue.filter(article__gt=reviewed.article_id).order_by("article", "start", "id").first()
        or queue.order_by("article", "start", "id").first()
    )


@admin.register(SuggestedStatement)
class SuggestedStatementAdmin(StatementSearchMixin, RefuseNulFiltersMixin, admin.ModelAdmin):
    form = SuggestionReviewForm
    change_form_template = "admin/curation/suggestedstatement/change_form.html"
    list_display = ("quote", "kind", "speaker_and_printed", "confidence", "article_title", "flags")
    list_filter = ("kind", OpenFlagFilter, ArticleChosenFilter, "origin")
    search_fields = ("text",)  # what StatementSearchMixin searches: quote, printed speaker, actor names
    autocomplete_fields = ("speaker", "tags")
    actions = ("confirm_suggestions", "reject_suggestions")
    list_per_page = 50
    show_full_result_count = False
    readonly_fields = ("article_link", "in_context", "confidence", "flags_panel")
    fieldsets = [
        ("Suggestion", {"fields": ("article_link", "in_context", "confidence")}),
        ("Why it is flagged", {"fields": ("flags_panel",)}),
        (
            "Your review",
            {
                "fields": ("kind", "speaker_as_printed", "speaker", "tags", "version"),
                "description": "Correct what the extractor got wrong, then confirm; or reject it. "
                "Your decision is kept to measure the extractor.",
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(review_status=Statement.ReviewStatus.SUGGESTED)
            .select_related("article", "speaker")
            .prefetch_related(open_flags_prefetch())
            .annotate(
                open_flag_count=count_of(
                    AttributionFlag.objects.filter(statement=OuterRef("pk"), resolved_at__isnull=True), "statement"
                )
            )
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="quote", ordering="start")
    def quote(self, statement):
        return clamped(statement.text)

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_and_printed(self, statement):
        # The queue has no speaker filter: the name is plain text here.
        return speaker_cell(statement, filter_link=False)

    @admin.display(description="article", ordering="article__title")
    def article_title(self, statement):
        return format_html('<a href="?article={}">{}</a>', statement.article_id, clamped(statement.article.title, 70))

    @admin.display(description="open flags", ordering="open_flag_count")
    def flags(self, statement):
        return flag_list(statement.open_flag_list, reverse("admin:curation_suggestedstatement_changelist"))

    @admin.display(description="article")
    def article_link(self, statement):
        url = reverse("admin:curation_article_change", args=[statement.article_id])
        return format_html('<a href="{}">{}</a>', url, statement.article.title)

    @admin.display(description="in the text")
    def in_context(self, statement):
        body = statement.article.body
        if span_fits(body, statement.start, statement.end, statement.text):
            # paragraphs_around() escapes every character of the body.
            around = mark_safe(paragraphs_around(body, statement.start, statement.end, statement.speaker_as_printed))
        else:
            around = format_html("…{}<mark>{}</mark>{}…", statement.prefix, statement.text, statement.suffix)
        legend = "The quote is marked; the speaker as printed is underlined." if statement.speaker_as_printed else ""
        return format_html('<div class="statement-in-context">{}</div><p class="help">{}</p>', around, legend)

    @admin.display(description="open flags")
    def flags_panel(self, statement):
        path = reverse("admin:curation_suggestedstatement_change", args=[statement.pk])
        return flag_list(statement.open_flag_list, path)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (services.StatementChangedElsewhere, ValidationError) as error:
            message = str(error) if isinstance(error, services.StatementChangedElsewhere) else " ".join(error.messages)
            self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        rejected = "_reject" in request.POST
        changes = {name: data[name] for name in form.changed_data if name != "version"}
        obj._decision = services.statement_review(
            statement=obj,
            decision=ReviewDecision.Decision.REJECTED if rejected else ReviewDecision.Decision.EDITED,
            by=request.user,
            changes=None if rejected else changes,
            expected_version=data["version"],
        )

    def save_related(self, request, form, formsets, change):
        # The review service saved the tags with the rest of the decision.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def response_change(self, request, obj):
        decision = obj._decision
        statement_url = reverse("admin:curation_statement_change", args=[obj.pk])
        self.message_user(
            request,
            format_html(
                '{}: <a href="{}">{}</a>.', decision.get_decision_display(), statement_url, shorten(obj.text, 60)
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._next_in_queue(obj))

    def _next_in_queue(self, reviewed):
        """Return the address of the next suggestion to review, or of the queue when none is left."""
        following = next_suggestion(reviewed)
        if following is None:
            return reverse("admin:curation_suggestedstatement_changelist")
        return reverse("admin:curation_suggestedstatement_change", args=[following.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        suggestion = self.get_object(request, object_id)
        if suggestion is not None:
            following = next_suggestion(suggestion)
            extra_context = {
                **(extra_context or {}),
                "next_url": reverse("admin:curation_suggestedstatement_change", args=[following.pk])
                if following
                else "",
                "left_in_article": SuggestedStatement.objects.filter(
                    review_status=Statement.ReviewStatus.SUGGESTED, article=suggestion.article_id
                ).count(),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description="Confirm selected suggestions as they are", permissions=["change"])
    def confirm_suggestions(self, request, queryset):
        count = services.statements_set_review_status(
            statements=queryset, status=Statement.ReviewStatus.CONFIRMED, by=request.user
        )
        self.message_user(request, f"Confirmed {plural(count, 'suggestion')}.", messages.SUCCESS)

    @admin.action(description="Reject selected suggestions", permissions=["change"])
    def reject_suggestions(self, request, queryset):
        count = services.statements_set_review_status(
            statements=queryset, status=Statement.ReviewStatus.REJECTED, by=request.user
        )
        self.message_user(request, f"Rejected {plural(count, 'suggestion')}.", messages.SUCCESS)
