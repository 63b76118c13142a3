"""Admin search over actors, tags and statements, matching names the way pages and API do."""

from curation.selectors import statements_matching


class NameSearchMixin:
    """Search (and autocomplete) by name, slug or alias, folded as ``curation.selectors.names`` folds them.

    ``names_like`` is the selector's condition for the model (``actors_named_like``
    or ``tags_named_like``), so "Daesh" finds what is printed "Da’esh" here as
    on the public pages and in the API.
    """

    names_like = None

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(self.names_like(search_term)), False


class StatementSearchMixin:
    """Search statements as the API's ``q`` does: the quote, the printed speaker, or the actor by any name."""

    def get_search_results(self, request, queryset, search_term):
        text = search_term.strip()
        if not text:
            return queryset, False
        return statements_matching(queryset, text), False
