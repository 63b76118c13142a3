"""Query-string filters for the API lists.

A filter naming something that does not exist publicly (an unknown actor,
tag or article slug) is a 400 that names the parameter, never an empty list
that looks like "nobody said anything": a typo must not pass for an answer.
Slugs resolve the same way as on the public pages, through
``curation.selectors`` (former slugs of merged actors, tag aliases).
"""

from datetime import date

from django import forms
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django_filters import rest_framework as filters

from curation import selectors
from curation.models import Actor, Article, AttributionCorrection, Statement, Tag
from curation.selectors import actor_find, tag_find


# Messages take the client's text as a parameter, never formatted in:
# DRF %-formats each message with its params, and a slug may contain "%".
class ActorSlugField(forms.CharField):
    def clean(self, value):
        slug = super().clean(value)
        if not slug:
            return None
        actor = actor_find(slug)
        # A name only drafts mention must stay as unknown as a typo.
        if actor is None or not self.visible_actors().filter(pk=actor.pk).exists():
            raise forms.ValidationError("No published actor has the slug “%(slug)s”.", params={"slug": slug})
        return actor

    def visible_actors(self):
        return Actor.objects.public()


class CorrectionActorSlugField(ActorSlugField):
    """Also the actors a public correction names, such as a speaker corrected away."""

    def visible_actors(self):
        corrections = AttributionCorrection.objects.public()
        return Actor.objects.filter(
            Q(pk__in=Actor.objects.public())
            | Q(pk__in=corrections.values("from_actor"))
            | Q(pk__in=corrections.values("to_actor"))
        )


class TagSlugField(forms.CharField):
    def clean(self, value):
        slug = super().clean(value)
        if not slug:
            return None
        tag = tag_find(slug)
        if tag is None:
            raise forms.ValidationError("No tag has the slug or alias “%(slug)s”.", params={"slug": slug})
        return tag


class ArticleSlugField(forms.CharField):
    def clean(self, value):
        slug = super().clean(value)
        if not slug:
            return None
        article = Article.objects.public().filter(slug=slug).first()
        if article is None:
            raise forms.ValidationError("No published article has the slug “%(slug)s”.", params={"slug": slug})
        return article


class StrictBooleanField(forms.CharField):
    """true or false; anything else is an error rather than silently no filter."""

    def clean(self, value):
        text = (super().clean(value) or "").strip().lower()
        if text == "":
            return None
        if text not in {"true", "false"}:
            raise forms.ValidationError("Give true or false.")
        return text == "true"


class ActorSlugFilter(filters.CharFilter):
    field_class = ActorSlugField


class CorrectionActorSlugFilter(filters.CharFilter):
    field_class = CorrectionActorSlugField


class TagSlugFilter(filters.CharFilter):
    field_class = TagSlugField


class ArticleSlugFilter(filters.CharFilter):
    field_class = ArticleSlugField


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        # DRF's boolean widget turns an unknown word into "no filter" before
        # the field can refuse it; a plain text input hands it over as typed.
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


def order_by_date(queryset, date_field: str, descending: bool):
    """Order by a nullable date, undated rows last either way, with id breaking ties.

    The keyset paginator needs a sort key without NULLs, hence the Coalesce.
    """
    if descending:
        return queryset.annotate(sort_date_descending=Coalesce(date_field, Value(date.min))).order_by(
            "-sort_date_descending", "-id"
        )
    return queryset.annotate(sort_date_ascending=Coalesce(date_field, Value(date.max))).order_by(
        "sort_date_ascending", "id"
    )


def order_by_choice(queryset, choice: str, date_field: str):
    if choice in {"id", "-id"}:
        return queryset.order_by(choice)
    return order_by_date(queryset, date_field, descending=choice.startswith("-"))


ORDERING_CHOICES = [
    ("-id", "Newest first by id"),
    ("id", "Oldest first by id"),
    ("published_on", "Publication date, oldest first; undated last"),
    ("-published_on", "Publication date, newest first; undated last"),
]


class ParameterFilterSet(filters.FilterSet):
    """Labels each field of the browsable API's filter form with its query parameter.

    A person reading the form is learning the URL to write; and filters with
    a ``method`` name no model field, so django-filter's own labels would
    read "[invalid name]".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, parameter_filter in self.filters.items():
            parameter_filter.label = name


class StatementFilter(ParameterFilterSet):
    actor = ActorSlugFilter(method="filter_actor", help_text="Actor slug; a merged actor's former slug works.")
    tag = TagSlugFilter(method="filter_tag", help_text="Tag slug or alias; statements under its child tags count.")
    article = ArticleSlugFilter(method="filter_article", help_text="Article slug.")
    kind = filters.ChoiceFilter(choices=Statement.Kind.choices, help_text="Kind of statement.")
    corrected = StrictBooleanFilter(
        method="filter_corrected", help_text="true: only statements with a public correction; false: only without."
    )
    published_after = filters.DateFilter(
        field_name="article__published_on", lookup_expr="gte", help_text="Article published on or after (YYYY-MM-DD)."
    )
    published_before = filters.DateFilter(
        field_name="article__published_on", lookup_expr="lte", help_text="Article published on or before (YYYY-MM-DD)."
    )
    q = filters.CharFilter(
        method="filter_text",
        help_text=(
            "Whole words, all required, in the quote or the printed speaker; case, accents, apostrophes and hyphens"
            " do not matter. A name or alias of an actor or topic (Daesh, ISIS, al-Jaafari) also finds what they"
            " said or file, and their other names. The same search as the site's search page."
        ),
    )
    ordering = filters.ChoiceFilter(choices=ORDERING_CHOICES, method="filter_ordering", help_text="Sort order.")

    class Meta:
        model = Statement
        fields = []

    def filter_actor(self, queryset, name, actor):
        return queryset.filter(speaker=actor)

    def filter_tag(self, queryset, name, tag):
        return selectors.statements_tagged(queryset, tag)

    def filter_article(self, queryset, name, article):
        return queryset.filter(article=article)

    def filter_corrected(self, queryset, name, corrected):
        # The queryset is already public(), so a public correction is one
        # marked public; repeating public() here would only add a subquery.
        has_public_correction = selectors.has_public_correction()
        return queryset.filter(has_public_correction if corrected else ~has_public_correction)

    def filter_text(self, queryset, name, value):
        return selectors.statements_matching(queryset, value)

    def filter_ordering(self, queryset, name, value):
        return order_by_choice(queryset, value, "article__published_on")


class ArticleFilter(ParameterFilterSet):
    outlet = filters.CharFilter(lookup_expr="iexact", help_text="Outlet name, e.g. Iraqinews.com (any case).")
    tag = TagSlugFilter(method="filter_tag", help_text="Articles with a published statement under this tag.")
    actor = ActorSlugFilter(method="filter_actor", help_text="Articles with a published statement by this actor.")
    published_after = filters.DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD)."
    )
    published_before = filters.DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD)."
    )
    q = filters.CharFilter(field_name="title", lookup_expr="icontains", help_text="Words in the title.")
    ordering = filters.ChoiceFilter(
        choices=ORDERING_CHOICES, method="filter_ordering", help_text="Sort order (default -published_on)."
    )

    class Meta:
        model = Article
        fields = []

    def filter_tag(self, queryset, name, tag):
        return selectors.articles_tagged(queryset, tag)

    def filter_actor(self, queryset, name, actor):
        return selectors.articles_quoting(queryset, [actor])

    def filter_ordering(self, queryset, name, value):
        return order_by_choice(queryset, value, "published_on")


class ActorFilter(ParameterFilterSet):
    q = filters.CharFilter(method="filter_name", help_text="Part of the actor's name or of one of its aliases.")
    kind = filters.ChoiceFilter(choices=Actor.Kind.choices, help_text="Person or organisation.")

    class Meta:
        model = Actor
        fields = []

    def filter_name(self, queryset, name, value):
        return selectors.actors_matching(queryset, value)


class TagFilter(ParameterFilterSet):
    q = filters.CharFilter(method="filter_name", help_text="Part of the tag's name, slug or one of its aliases.")

    class Meta:
        model = Tag
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(selectors.tags_named_like(value))


class CorrectionFilter(ParameterFilterSet):
    actor = CorrectionActorSlugFilter(method="filter_actor", help_text="Corrections from or to this actor.")
    article = ArticleSlugFilter(field_name="statement__article", help_text="Corrections in this article.")

    class Meta:
        model = AttributionCorrection
        fields = []

    def filter_actor(self, queryset, name, actor):
        return queryset.filter(Q(from_actor=actor) | Q(to_actor=actor))
