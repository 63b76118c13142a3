"""List filters the desk's admin lists share."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef, Q

from curation.models import Actor, Article, AttributionCorrection, AttributionFlag


class ChosenRelationFilter(admin.SimpleListFilter):
    """A filter on a relation with too many values to list in the sidebar.

    The list's links (an article, a speaker) set it; the sidebar shows the
    chosen one so it can be seen and cleared.
    """

    related_model = None
    field_name = None
    none_label = None

    def lookups(self, request, model_admin):
        choices = [("none", self.none_label)] if self.none_label else []
        value = self.value()
        if value and value.isdigit():
            chosen = self.related_model.objects.filter(pk=value).first()
            if chosen:
                choices.append((value, str(chosen)))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(**{f"{self.field_name}__isnull": True})
        if value and not value.isdigit():
            raise IncorrectLookupParameters(f"“{value}” is not a {self.title}.")
        if value:
            return queryset.filter(**{self.field_name: value})
        return queryset


class SpeakerFilter(ChosenRelationFilter):
    title = "resolved speaker"
    parameter_name = "speaker"
    related_model = Actor
    field_name = "speaker"
    none_label = "No speaker yet"


class ArticleChosenFilter(ChosenRelationFilter):
    title = "article"
    parameter_name = "article"
    related_model = Article
    field_name = "article"


class YesNoFilter(admin.SimpleListFilter):
    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.condition())
        if self.value() == "no":
            return queryset.exclude(self.condition())
        return queryset


class CorrectedFilter(YesNoFilter):
    title = "corrected"
    parameter_name = "corrected"

    def condition(self):
        return Exists(AttributionCorrection.objects.filter(statement=OuterRef("pk")))


class OpenFlagFilter(YesNoFilter):
    title = "open flags"
    parameter_name = "flagged"

    def condition(self):
        return Exists(AttributionFlag.objects.filter(statement=OuterRef("pk"), resolved_at__isnull=True))


class ArticleOpenFlagFilter(YesNoFilter):
    title = "open flags"
    parameter_name = "flagged"

    def condition(self):
        return Exists(AttributionFlag.objects.filter(statement__article=OuterRef("pk"), resolved_at__isnull=True))


class DatedFilter(YesNoFilter):
    # The date hierarchy cannot show articles without a date; editors must
    # find them to fill the date in.
    title = "has a date"
    parameter_name = "dated"

    def condition(self):
        return Q(published_on__isnull=False)


class OutletGivenFilter(YesNoFilter):
    title = "has an outlet"
    parameter_name = "has_outlet"

    def condition(self):
        return ~Q(outlet="")


class FlagOpenFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Open"), ("no", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(resolved_at__isnull=self.value() == "yes")
        return queryset


class MergedFilter(YesNoFilter):
    title = "merged into another"
    parameter_name = "merged"

    def condition(self):
        return Q(merged_into__isnull=False)
