"""The filter forms of the public pages (the API's FilterSets are in ``curation/api/filters.py``).

Bad input (an unknown actor or topic, an impossible date, a range that ends
before it starts) becomes a form error the page shows, never a server error.
"""

import django_filters
from django import forms

from curation import selectors
from curation.models import Actor, Article, Tag

SEARCH_LENGTH_AT_MOST = 200


def outlet_choices():
    outlets = Article.objects.public().exclude(outlet="").order_by("outlet").values_list("outlet", flat=True)
    return [(outlet, outlet) for outlet in outlets.distinct()]


def tag_choices(tags):
    """Every topic, children indented under their parent, for a select box."""
    choices = []

    def add(branch, depth):
        for tag in branch:
            choices.append((tag.slug, "\u2003" * depth + tag.name))
            add(tag.tree_children, depth + 1)

    add(selectors.tags_tree(tags), 0)
    return choices


class DateInput(forms.DateInput):
    input_type = "date"


class ArticleFilterForm(forms.Form):
    def clean_actor(self):
        text = self.cleaned_data.get("actor", "").strip()
        if not text:
            return None
        actors = selectors.actors_named(text)
        if not actors:
            raise forms.ValidationError(f"No actor on the desk is called “{text}”.")
        return actors

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("published_after"), cleaned.get("published_before")
        if after and before and after > before:
            self.add_error("published_before", "The end of the date range comes before its start.")
        return cleaned


class ArticlePageFilter(django_filters.FilterSet):
    outlet = django_filters.ChoiceFilter(
        choices=[],  # filled per request in __init__
        empty_label="Any outlet",
        error_messages={"invalid_choice": "No published article comes from “%(value)s”."},
    )
    tag = django_filters.ChoiceFilter(
        label="Topic",
        choices=[],  # filled per request in __init__
        empty_label="Any topic",
        method="filter_tag",
        error_messages={"invalid_choice": "No topic on the desk is called “%(value)s”."},
    )
    actor = django_filters.CharFilter(
        label="Quoting",
        method="filter_actor",
        help_text="A person or organisation, by name or any name they are printed under.",
    )
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label="Published on or after", widget=DateInput
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label="Published on or before", widget=DateInput
    )

    class Meta:
        model = Article
        fields = ["outlet", "tag", "actor", "published_after", "published_before"]
        form = ArticleFilterForm

    def __init__(self, data=None, *args, **kwargs):
        # One read of the topics serves the select box, the alias lookup and the filter.
        self.tags = {tag.slug: tag for tag in Tag.objects.public().order_by("name", "id")}
        super().__init__(_canonical_tag(data, self.tags), *args, **kwargs)
        self.filters["tag"].extra["choices"] = tag_choices(self.tags.values())
        self.filters["outlet"].extra["choices"] = outlet_choices()

    def filter_tag(self, queryset, name, value):
        return selectors.articles_tagged(queryset, self.tags[value])

    def filter_actor(self, queryset, name, value):
        return selectors.articles_quoting(queryset, value)


def _canonical_tag(data, tags_by_slug):
    """Let a former slug or an alias of a topic (``?tag=daesh``) select the topic."""
    value = (data or {}).get("tag")
    # PostgreSQL refuses a NUL in a query; such a value names no topic, and
    # the choice field reports it as unknown.
    if not value or value in tags_by_slug or "\x00" in value:
        return data
    tag = selectors.tag_find(value)
    if tag is None:
        return data
    data = data.copy()
    data["tag"] = tag.slug
    return data


class ActorPageFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Name", method="filter_name", max_length=SEARCH_LENGTH_AT_MOST)
    kind = django_filters.ChoiceFilter(label="Kind", choices=Actor.Kind.choices, empty_label="People and organisations")

    class Meta:
        model = Actor
        fields = ["name", "kind"]

    def filter_name(self, queryset, name, value):
        return selectors.actors_matching(queryset, value)


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search statements, articles and actors",
        max_length=SEARCH_LENGTH_AT_MOST,
        required=False,
        error_messages={"max_length": "Search for at most %(limit_value)d characters (this is %(show_value)d)."},
    )
