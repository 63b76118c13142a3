"""Why attributions deserve a second look, and the decisions editors took on suggestions."""

import json

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin.base import ReadOnlyAdmin, RefuseNulFiltersMixin, plural
from curation.admin.display import clamped, shorten
from curation.admin.filters import FlagOpenFilter
from curation.models import AttributionFlag, ReviewDecision


@admin.register(AttributionFlag)
class AttributionFlagAdmin(RefuseNulFiltersMixin, admin.ModelAdmin):
    """Why attributions deserve a second look; resolved by applying the suggestion or dismissing."""

    list_display = ("statement_quote", "code", "severity", "why", "suggested_speaker", "is_open", "resolution")
    list_filter = (FlagOpenFilter, "code", "severity")
    search_fields = ("message", "statement__text", "statement__speaker_as_printed")
    list_select_related = ("statement", "suggested_speaker")
    actions = ("apply_suggestions", "dismiss")
    readonly_fields = (
        "statement",
        "code",
        "severity",
        "message",
        "suggested_speaker",
        "created_at",
        "resolved_at",
        "resolved_by",
        "resolution",
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="statement")
    def statement_quote(self, flag):
        url = reverse("admin:curation_statement_change", args=[flag.statement_id])
        return format_html('<a href="{}">{}</a>', url, clamped(flag.statement.text, 120))

    @admin.display(description="why", ordering="message")
    def why(self, flag):
        return clamped(flag.message, 200)

    @admin.display(description="open", boolean=True)
    def is_open(self, flag):
        return flag.is_open

    @admin.action(description="Use the suggested speaker", permissions=["change"])
    def apply_suggestions(self, request, queryset):
        applied = 0
        for flag in queryset:
            try:
                services.flag_apply_suggestion(flag=flag, by=request.user)
            except ValidationError as error:
                reasons = " ".join(error.messages)
                self.message_user(request, f"{shorten(flag.message, 60)}: {reasons}", messages.ERROR)
            else:
                applied += 1
        self.message_user(request, f"Applied the suggestion of {plural(applied, 'flag')}.", messages.SUCCESS)

    @admin.action(description="Dismiss: the attribution stands", permissions=["change"])
    def dismiss(self, request, queryset):
        dismissed = 0
        for flag in queryset.filter(resolved_at__isnull=True):
            services.flag_dismiss(flag=flag, by=request.user)
            dismissed += 1
        self.message_user(request, f"Dismissed {plural(dismissed, 'flag')}.", messages.SUCCESS)


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ReadOnlyAdmin):
    """Editors' decisions on suggestions: the extractor's evaluation data, kept as recorded."""

    list_display = ("decided_at", "statement_quote", "decision", "editor")
    list_filter = ("decision", "decided_at")
    list_select_related = ("statement", "editor")
    date_hierarchy = "decided_at"
    fields = ("statement", "decision", "editor", "decided_at", "suggestion_json", "outcome_json")
    readonly_fields = fields

    @admin.display(description="statement")
    def statement_quote(self, decision):
        return shorten(decision.statement.text, 60)

    @admin.display(description="suggestion")
    def suggestion_json(self, decision):
        return format_html("<pre>{}</pre>", json.dumps(decision.suggestion, indent=2, ensure_ascii=False))

    @admin.display(description="outcome")
    def outcome_json(self, decision):
        return format_html("<pre>{}</pre>", json.dumps(decision.outcome, indent=2, ensure_ascii=False))
