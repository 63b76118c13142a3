"""Read-only endpoints over the public record.

Every queryset comes from ``curation.selectors``, the reads the public pages
use, and selects or prefetches everything its serializer shows, so a list
page costs a fixed number of queries whatever its size.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import routers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from curation import selectors
from curation.api import filters, serializers
from curation.api.csv_export import CsvRenderer, csv_response, serialized_rows
from curation.api.filters import order_by_date
from curation.api.parameters import FORMAT_PARAMETER, query_parameters_check
from curation.api.statement_rows import statement_csv_rows, statement_dicts, statement_values
from curation.selectors import actor_find, tag_find

# Adds an ETag computed from the rendered JSON and answers 304 when the
# client's If-None-Match still matches. Scoped to the API, not the site.
conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


class CsvListMixin:
    """Lists answer CSV too (``?format=csv`` or ``Accept: text/csv``): every row the filters select, streamed."""

    # How a list's rows become cells: through its serializer unless a list says otherwise.
    csv_rows = staticmethod(serialized_rows)

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers.append(CsvRenderer())
        return renderers

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != CsvRenderer.format:
            return super().list(request, *args, **kwargs)
        self.refuse_paging_of_csv(request)
        queryset = self.filter_queryset(self.get_queryset())
        context = self.get_serializer_context()
        rows = self.csv_rows(queryset, self.get_serializer_class(), context)
        return csv_response(rows, name=f"{self.basename}s")

    def refuse_paging_of_csv(self, request):
        """A CSV holds every row the filters select; a page of it would pass for the whole."""
        paging = [self.paginator.cursor_query_param, self.paginator.page_size_query_param]
        given = [name for name in paging if request.query_params.get(name)]
        if given:
            message = "CSV gives every row in one answer; paging applies to JSON only. Leave this parameter out."
            raise ValidationError({name: [message] for name in given})


class ApiRootView(routers.APIRootView):
    """``/api/v1/``: a link to each list. It reads only ``format``, and says so rather than ignore the rest."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in {"GET", "HEAD"}:
            query_parameters_check(request, [FORMAT_PARAMETER])


class PublicViewSet(CsvListMixin, viewsets.ReadOnlyModelViewSet):
    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        return conditional_get(super().as_view(actions, **initkwargs))

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # A write is refused with 405 whatever its parameters say.
        if request.method in {"GET", "HEAD"}:
            query_parameters_check(request, self.known_query_parameters())

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever was asked for: a CSV has no place for the
        # message, and a client parsing errors should not meet a page instead.
        if isinstance(response, Response) and response.status_code >= 400 and not self.answers_json(request):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        # The same address answers JSON or HTML by the Accept header; caches must keep them apart.
        patch_vary_headers(response, ["Accept"])
        return response

    def answers_json(self, request) -> bool:
        renderer = getattr(request, "accepted_renderer", None)
        return renderer is None or renderer.format == JSONRenderer.format

    def known_query_parameters(self) -> list[str]:
        """The parameters this endpoint reads: a list's filters and paging, and everywhere the format."""
        known = [FORMAT_PARAMETER]
        if self.action == "list":
            known += list(self.filterset_class.base_filters)
            known += [self.paginator.cursor_query_param, self.paginator.page_size_query_param]
        return known

    def filter_queryset(self, queryset):
        # Filters narrow lists; on a detail they would only turn a stray
        # parameter into a 404 for an object that exists.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def lookup_value(self) -> str:
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        # PostgreSQL refuses NUL in text; such an identifier names nothing.
        if "\x00" in value:
            raise Http404
        return value

    def get_object(self):
        self.lookup_value()
        return super().get_object()


class FormerSlugRedirectMixin:
    """Send a former slug (after a merge or rename) or an alias to the current address."""

    redirects_former_slugs = True

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            slug = self.lookup_value()
            current = self.find_current(slug)
            if current is None or current.slug == slug or not self.get_queryset().filter(pk=current.pk).exists():
                raise
        location = self.reverse_action("detail", kwargs={"slug": current.slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)


@extend_schema_view(
    list=extend_schema(
        summary="List published statements", description="Newest first unless `ordering` says otherwise."
    ),
    retrieve=extend_schema(summary="One published statement"),
)
class StatementViewSet(PublicViewSet):
    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilter
    csv_rows = staticmethod(statement_csv_rows)

    def get_queryset(self):
        if self.action == "list":
            # Lists fetch tags and corrections as plain values, a page at a time (``statement_rows``).
            return selectors.statements_bare().order_by("-id")
        return selectors.statements_with_corrections().order_by("-id")

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == CsvRenderer.format:
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(statement_values(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(statement_dicts(page, request))


@extend_schema_view(
    list=extend_schema(summary="List published articles", description="Newest first; undated articles last."),
    retrieve=extend_schema(summary="One published article with its text and published statements"),
)
class ArticleViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_class = filters.ArticleFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.articles_with_statements(with_corrections=True)
        return order_by_date(selectors.articles_listing(), "published_on", descending=True)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer


@extend_schema_view(
    list=extend_schema(summary="List actors with published statements", description="Alphabetical by name."),
    retrieve=extend_schema(summary="One actor"),
)
class ActorViewSet(FormerSlugRedirectMixin, PublicViewSet):
    lookup_field = "slug"
    serializer_class = serializers.ActorSerializer
    filterset_class = filters.ActorFilter

    def get_queryset(self):
        return selectors.actors_listing().prefetch_related("aliases", "roles")

    def find_current(self, slug):
        return actor_find(slug)


@extend_schema_view(
    list=extend_schema(summary="List tags", description="Alphabetical by name."),
    retrieve=extend_schema(summary="One tag"),
)
class TagViewSet(FormerSlugRedirectMixin, PublicViewSet):
    lookup_field = "slug"
    serializer_class = serializers.TagSerializer
    filterset_class = filters.TagFilter

    def get_queryset(self):
        return selectors.tags_ordered().select_related("parent").prefetch_related("children")

    def find_current(self, slug):
        return tag_find(slug)


@extend_schema_view(
    list=extend_schema(summary="List public corrections", description="The corrections log, newest first."),
    retrieve=extend_schema(summary="One public correction"),
)
class CorrectionViewSet(PublicViewSet):
    serializer_class = serializers.CorrectionSerializer
    filterset_class = filters.CorrectionFilter

    def get_queryset(self):
        return selectors.corrections_listing()
