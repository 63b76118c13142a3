"""What the desk's admin pages share: history without revert, intermediate action pages, counts."""

import copy

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin


class RefuseNulFiltersMixin:
    """Answer a list filtered by a NUL character with a 400.

    PostgreSQL refuses NUL in text, and the admin runs its list filters
    unchecked: ``?outlet=%00`` would otherwise be a server error.
    """

    def changelist_view(self, request, extra_context=None):
        if any("\x00" in key + value for key, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest("A list filter or search holds a NUL character; remove it.")
        return super().changelist_view(request, extra_context)


class HistoryAdmin(RefuseNulFiltersMixin, SimpleHistoryAdmin):
    """History an editor can open from the object, read-only.

    Reverting through the history page would write around the services (a
    speaker changed without a correction), so history is for reading only.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        if not (str(object_id).isdigit() and str(version_id).isdigit()):
            raise Http404("No such version.")
        # The history library builds the page with the add form's
        # prepopulated fields; a slug the change form shows read-only is not
        # in the form, which made every version page of an article, actor or
        # topic a server error. A copy for this request carries the change
        # form's (none), leaving the shared admin untouched.
        view = copy.copy(self)
        view.prepopulated_fields = {}
        return SimpleHistoryAdmin.history_form_view(view, request, object_id, version_id, extra_context)


class ReadOnlyPermissions:
    """Nobody adds, changes or deletes these through the admin, superusers included."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnlyPermissions, RefuseNulFiltersMixin, admin.ModelAdmin):
    """Records nobody adds, changes or deletes through the admin, superusers included."""


def count_of(queryset, group_by: str):
    """Return an annotation counting ``queryset`` rows per outer row, as a subquery.

    A subquery per row keeps the changelist a single query without the
    GROUP BY over every column that a joined Count would need.
    """
    counts = queryset.order_by().values(group_by).annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def action_page(modeladmin, request, queryset, *, form, title, intro, objects, submit_label, action):
    """Render an intermediate page for a bulk action; it posts back to the same action."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "objects": objects,
        "queryset": queryset,
        "form": form,
        "media": modeladmin.media + form.media,
        "opts": modeladmin.model._meta,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "submit_label": submit_label,
    }
    return TemplateResponse(request, "admin/curation/action_page.html", context)


def report_refusal(modeladmin, request, error: ValidationError) -> None:
    for message in error.messages:
        modeladmin.message_user(request, message, messages.ERROR)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
