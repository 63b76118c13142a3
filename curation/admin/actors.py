"""Actors and tags in the admin: aliases and roles inline, and merging duplicates."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin.base import HistoryAdmin, ReadOnlyAdmin, action_page, count_of, plural, report_refusal
from curation.extraction.names import normalise_name
from curation.forms import AliasInlineFormSet, MergeForm
from curation.models import (
    Actor,
    ActorAlias,
    ActorRole,
    ActorSlugRedirect,
    Statement,
    Tag,
    TagAlias,
    TagSlugRedirect,
)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    formset = AliasInlineFormSet
    extra = 1
    fields = ("name",)


class ActorRoleInline(admin.TabularInline):
    model = ActorRole
    extra = 1
    fields = ("title", "organisation", "start", "end")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActorSlugRedirectInline(ReadOnlyInline):
    model = ActorSlugRedirect
    fields = ("old_slug",)
    verbose_name_plural = "former addresses (kept after merges)"


class TagAliasInline(admin.TabularInline):
    model = TagAlias
    formset = AliasInlineFormSet
    extra = 1
    fields = ("name",)


class TagSlugRedirectInline(ReadOnlyInline):
    model = TagSlugRedirect
    fields = ("old_slug",)
    verbose_name_plural = "former addresses (kept after merges)"


class AliasSearchMixin:
    """Search names and aliases as printed and as normalised, so "Daesh" finds "Da’esh"."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        key = normalise_name(search_term)
        if key:
            results = results | queryset.filter(aliases__normalised__contains=key)
            may_have_duplicates = True
        return results, may_have_duplicates


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


@admin.register(Actor)
class ActorAdmin(AliasSearchMixin, HistoryAdmin):
    list_display = ("name", "kind", "alias_names", "statement_count")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__name", "slug")
    inlines = (ActorAliasInline, ActorRoleInline, ActorSlugRedirectInline)
    actions = ("merge_actors",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        statements = Statement.objects.filter(speaker=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(statement_total=count_of(statements, "speaker"))
            .prefetch_related("aliases")
        )

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if obj is None else {}

    def get_readonly_fields(self, request, obj=None):
        # Changing a slug would break every link to the actor; merges keep old slugs.
        return ("slug", "created_at") if obj else ("created_at",)

    @admin.display(description="aliases")
    def alias_names(self, actor):
        return ", ".join(alias.name for alias in actor.aliases.all()) or "—"

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, actor):
        url = reverse("admin:curation_statement_changelist") + f"?speaker={actor.pk}"
        return format_html('<a href="{}">{}</a>', url, actor.statement_total)

    @admin.action(description="Merge selected actors…", permissions=["change"])
    def merge_actors(self, request, queryset):
        return merge(self, request, queryset, service=services.actor_merge, noun="actor", action="merge_actors")


@admin.register(Tag)
class TagAdmin(AliasSearchMixin, HistoryAdmin):
    list_display = ("name", "parent", "alias_names", "statement_count")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "aliases__name", "slug")
    autocomplete_fields = ("parent",)
    inlines = (TagAliasInline, TagSlugRedirectInline)
    actions = ("merge_tags",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        statements = Statement.tags.through.objects.filter(tag=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(statement_total=count_of(statements, "tag"))
            .prefetch_related("aliases")
        )

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if obj is None else {}

    def get_readonly_fields(self, request, obj=None):
        return ("slug",) if obj else ()

    @admin.display(description="aliases")
    def alias_names(self, tag):
        return ", ".join(alias.name for alias in tag.aliases.all()) or "—"

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, tag):
        url = reverse("admin:curation_statement_changelist") + f"?tags__id__exact={tag.pk}"
        return format_html('<a href="{}">{}</a>', url, tag.statement_total)

    @admin.action(description="Merge selected tags…", permissions=["change"])
    def merge_tags(self, request, queryset):
        return merge(self, request, queryset, service=services.tag_merge, noun="tag", action="merge_tags")


@admin.register(ActorSlugRedirect)
class ActorSlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ("old_slug", "actor")
    search_fields = ("old_slug", "actor__name")
    list_select_related = ("actor",)


@admin.register(TagSlugRedirect)
class TagSlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ("old_slug", "tag")
    search_fields = ("old_slug", "tag__name")
    list_select_related = ("tag",)
