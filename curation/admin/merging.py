"""Merging duplicates: the "merge selected …" action actors and tags share, and the record of merges."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction

from curation.admin.base import ReadOnlyAdmin, action_page, plural, report_refusal
from curation.admin.forms import MergeForm
from curation.models import Merge


def merge(modeladmin, request, queryset, *, service, noun: str, action: str):
    """Merge the selected rows into the one the editor keeps, after a confirmation page."""
    if queryset.count() < 2:
        modeladmin.message_user(request, f"Select at least two {noun}s to merge.", messages.WARNING)
        return None
    form = MergeForm(request.POST if "apply" in request.POST else None, queryset=queryset)
    if form.is_valid():
        survivor = form.cleaned_data["survivor"]
        merged = list(queryset.exclude(pk=survivor.pk))
        try:
            with transaction.atomic():
                for other in merged:
                    service(survivor=survivor, merged=other, by=request.user)
        except ValidationError as error:
            report_refusal(modeladmin, request, error)
            return None
        names = ", ".join(other.name for other in merged)
        modeladmin.message_user(request, f"Merged {names} into {survivor.name}.", messages.SUCCESS)
        return None
    return action_page(
        modeladmin,
        request,
        queryset,
        form=form,
        title=f"Merge {noun}s",
        action=action,
        submit_label=f"Merge into the {noun} I keep",
        intro=f"Choose the {noun} to keep. Everything attached to the others moves to it; their names "
        "become its aliases and their addresses lead to it. This cannot be undone from the admin.",
        objects=[f"{item.name} ({item.slug}): {plural(item.statement_total, 'statement')}" for item in queryset],
    )


@admin.register(Merge)
class MergeAdmin(ReadOnlyAdmin):
    """Every merge of actors or topics, as recorded: who merged what into what, and when."""

    list_display = ("merged_at", "kind", "merged_name", "merged_slug", "survivor", "statements_moved", "editor")
    list_filter = ("kind",)
    search_fields = ("merged_name", "merged_slug", "survivor_actor__name", "survivor_tag__name")
    list_select_related = ("survivor_actor", "survivor_tag", "editor")
    date_hierarchy = "merged_at"

    @admin.display(description="merged into")
    def survivor(self, merge):
        return merge.survivor_actor or merge.survivor_tag
