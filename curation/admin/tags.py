"""Tags in the admin: aliases inline, the topic tree, and merging duplicates."""

from django.contrib import admin
from django.db.models import OuterRef
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin.base import HistoryAdmin, ReadOnlyAdmin, ReadOnlyInline, count_of
from curation.admin.forms import AliasInlineFormSet
from curation.admin.merging import merge
from curation.admin.names import NameSearchMixin
from curation.models import Statement, Tag, TagAlias, TagSlugRedirect
from curation.selectors import tags_named_like


class TagAliasInline(admin.TabularInline):
    model = TagAlias
    formset = AliasInlineFormSet
    extra = 1
    fields = ("name",)


class TagSlugRedirectInline(ReadOnlyInline):
    model = TagSlugRedirect
    fields = ("old_slug",)
    verbose_name_plural = "former addresses (kept after merges)"


@admin.register(Tag)
class TagAdmin(NameSearchMixin, HistoryAdmin):
    names_like = staticmethod(tags_named_like)

    list_display = ("name", "parent", "alias_names", "statement_count")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name",)  # what NameSearchMixin searches: names, slugs and aliases
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


@admin.register(TagSlugRedirect)
class TagSlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ("old_slug", "tag")
    search_fields = ("old_slug", "tag__name")
    list_select_related = ("tag",)
