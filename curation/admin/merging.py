"""The "merge selected …" action actors and tags share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction

from curation.admin.base import action_page, plural, report_refusal
from curation.admin.forms import MergeForm


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
