"""Corrections in the desk: the log (append-only, read-only for everyone), a statement's corrections, withdrawing one.

Split from ``statements.py``, which passed the house limit of 500 lines.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from curation import services
from curation.admin.base import ReadOnlyAdmin, ReadOnlyPermissions, report_refusal
from curation.admin.display import shorten
from curation.admin.forms import WithdrawalForm
from curation.models import AttributionCorrection
from curation.wording import correction_withdrawal


class CorrectionInline(ReadOnlyPermissions, admin.TabularInline):
    """The statement's corrections, oldest first, as readers would read them."""

    model = AttributionCorrection
    fk_name = "statement"
    fields = ("corrected_at", "from_actor", "to_actor", "speaker_as_printed", "reason", "editor_name", "withdrawn")
    readonly_fields = fields
    ordering = ("corrected_at", "id")
    extra = 0
    can_delete = False
    verbose_name_plural = "corrections (append-only)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_actor", "to_actor", "editor", "withdrawal")

    @admin.display(description="editor")
    def editor_name(self, correction):
        # Plain text: editors cannot open user accounts, so a link would only lead to a refusal.
        return correction.editor.get_full_name() or correction.editor.get_username()

    @admin.display(description="withdrawn")
    def withdrawn(self, correction):
        return withdrawal_cell(correction)


def withdrawal_cell(correction):
    """The withdrawal of a correction, or a link to withdraw it if it is its statement's latest."""
    withdrawal = correction_withdrawal(correction)
    if withdrawal is not None:
        return f"{withdrawal.withdrawn_at:%Y-%m-%d}: {withdrawal.reason}"
    latest = AttributionCorrection.objects.filter(statement_id=correction.statement_id).order_by("corrected_at", "pk")
    if latest.values_list("pk", flat=True).last() != correction.pk:
        return "—"
    url = reverse("admin:curation_attributioncorrection_withdraw", args=[correction.pk])
    return format_html('<a href="{}">Withdraw this correction…</a>', url)


@admin.register(AttributionCorrection)
class AttributionCorrectionAdmin(ReadOnlyAdmin):
    """The corrections log: append-only, so read-only here for everyone; a mistaken one is withdrawn, in the open."""

    list_display = (
        "corrected_at",
        "statement_quote",
        "from_actor",
        "to_actor",
        "speaker_as_printed",
        "reason",
        "editor",
        "withdrawn",
    )
    list_filter = ("is_public", "corrected_at")
    search_fields = ("reason", "speaker_as_printed", "from_actor__name", "to_actor__name", "statement__text")
    list_select_related = ("statement", "from_actor", "to_actor", "editor", "withdrawal")
    date_hierarchy = "corrected_at"

    @admin.display(description="statement")
    def statement_quote(self, correction):
        url = reverse("admin:curation_statement_change", args=[correction.statement_id])
        return format_html('<a href="{}">{}</a>', url, shorten(correction.statement.text, 60))

    @admin.display(description="withdrawn")
    def withdrawn(self, correction):
        return withdrawal_cell(correction)

    def get_urls(self):
        withdraw = self.admin_site.admin_view(self.withdraw_view)
        return [
            path("<int:correction_id>/withdraw/", withdraw, name="curation_attributioncorrection_withdraw"),
            *super().get_urls(),
        ]

    def withdraw_view(self, request, correction_id):
        """Ask why a correction was a mistake, then withdraw it through the service."""
        correction = get_object_or_404(AttributionCorrection.objects.select_related("statement"), pk=correction_id)
        if not request.user.has_perm("curation.add_correctionwithdrawal"):
            raise PermissionDenied
        statement_url = reverse("admin:curation_statement_change", args=[correction.statement_id])
        form = WithdrawalForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.correction_withdraw(correction=correction, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                report_refusal(self, request, error)
            else:
                self.message_user(
                    request,
                    f"Correction withdrawn; the quote is attributed to {correction.from_actor or 'no one'} "
                    "again, and readers are told why.",
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(statement_url)
        context = {
            **self.admin_site.each_context(request),
            "title": "Withdraw a correction",
            "correction": correction,
            "form": form,
            "opts": self.model._meta,
            "statement_url": statement_url,
        }
        return TemplateResponse(request, "admin/curation/attributioncorrection/withdraw.html", context)
