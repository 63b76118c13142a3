"""Actors in the admin: aliases and roles inline, former addresses, and merging duplicates."""

from django.contrib import admin
from django.db.models import OuterRef
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin.base import HistoryAdmin, ReadOnlyAdmin, ReadOnlyInline, count_of
from curation.admin.filters import MergedFilter
from curation.admin.forms import AliasInlineFormSet
from curation.admin.merging import merge
from curation.admin.names import NameSearchMixin
from curation.models import Actor, ActorAlias, ActorRole, ActorSlugRedirect, Statement
from curation.selectors import actors_named_like


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    formset = AliasInlineFormSet
    extra = 1
    fields = ("name",)


class ActorRoleInline(admin.TabularInline):
    model = ActorRole
    extra = 1
    fields = ("title", "organisation", "start", "end")


class ActorSlugRedirectInline(ReadOnlyInline):
    model = ActorSlugRedirect
    fields = ("old_slug",)
    verbose_name_plural = "former addresses (kept after merges)"


@admin.register(Actor)
class ActorAdmin(NameSearchMixin, HistoryAdmin):
    names_like = staticmethod(actors_named_like)

    list_display = ("name", "kind", "alias_names", "statement_count", "merged_into")
    list_filter = ("kind", MergedFilter)
    search_fields = ("name",)  # what NameSearchMixin searches: names, slugs and aliases
    inlines = (ActorAliasInline, ActorRoleInline, ActorSlugRedirectInline)
    actions = ("merge_actors",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        statements = Statement.objects.filter(speaker=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(statement_total=count_of(statements, "speaker"))
            .select_related("merged_into")
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


@admin.register(ActorSlugRedirect)
class ActorSlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ("old_slug", "actor")
    search_fields = ("old_slug", "actor__name")
    list_select_related = ("actor",)
