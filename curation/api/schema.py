"""OpenAPI generation: every GET documents its formats, the error answers it can give, and CORS."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from curation.api.csv_export import LIST_SEPARATOR
from curation.api.pagination import MAX_CURSOR_LENGTH
from curation.api.parameters import FORMAT_PARAMETER, MAX_VALUE_LENGTH

DETAIL = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
}
BAD_PARAMETERS = {
    "type": "object",
    "description": "Each bad query parameter with what is wrong with it.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"actor": ["No published actor has the slug “nobody”."]},
}
CSV = {
    "type": "string",
    "description": (
        "Every row the filters select (not a page), streamed. The JSON fields flattened: nested objects as "
        f"dotted columns (speaker.slug), lists joined with '{LIST_SEPARATOR}' (tags.slug); null is an empty cell. "
        "See docs/API.md."
    ),
}
HTML = {"type": "string", "description": "DRF's browsable API: the same answer in a page, for a person."}
ALLOW_ORIGIN = OpenApiParameter(
    "Access-Control-Allow-Origin",
    str,
    OpenApiParameter.HEADER,
    response=True,
    description="`*` when the request came with an Origin: any site may read the API from a browser (no credentials).",
)


class ApiAutoSchema(AutoSchema):
    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method != "GET":
            return parameters
        formats = ["json", "api", "csv"] if self.view.action == "list" else ["json", "api"]
        described = OpenApiParameter(
            FORMAT_PARAMETER,
            str,
            OpenApiParameter.QUERY,
            enum=formats,
            description=(
                "json (the default), api (the browsable page)"
                + (
                    ", csv (every row the filters select, streamed; with no cursor or page_size)."
                    if len(formats) > 2
                    else "."
                )
            ),
        )
        return [*parameters, described, ALLOW_ORIGIN]

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        # Errors are JSON whatever the format; a success comes in each format the endpoint has.
        response = super()._get_response_for_code(serializer, status_code, ["application/json"], direction)
        if str(status_code).startswith("2") and "content" in response:
            response["content"]["text/html"] = {"schema": HTML}
            if self.view.action == "list":
                response["content"]["text/csv"] = {"schema": CSV}
        return response

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if isinstance(serializer, dict) or self.method != "GET":
            return serializer
        responses = {
            200: serializer,
            304: OpenApiResponse(description="Not modified: the ETag given in If-None-Match still holds."),
            429: OpenApiResponse(DETAIL, description="Too many requests; Retry-After says how many seconds to wait."),
        }
        is_list = self._is_list_view(serializer)
        responses[400] = OpenApiResponse(
            BAD_PARAMETERS,
            description=(
                "A parameter is wrong, given twice, or not one this endpoint knows (the answer names it and "
                'lists the known ones); over 1,000 parameters answer {"detail": …}.'
            ),
        )
        responses[406] = OpenApiResponse(DETAIL, description="The Accept header names no format this endpoint has.")
        if not is_list:
            responses[404] = OpenApiResponse(DETAIL, description="Nothing published has this identifier.")
        if getattr(self.view, "redirects_former_slugs", False) and not is_list:
            responses[301] = OpenApiResponse(description="A former slug or alias: Location gives the current one.")
        return responses


def query_parameters_allow_empty_values(result, generator, request, public):
    """Mark every query parameter as accepting "": the API reads an empty value as "not given".

    Clients that fill URL templates send ``?tag=&kind=direct`` for a filter
    left unset; the schema says so instead of calling that a bad date or kind.
    """
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result


def query_parameters_limit_length(result, generator, request, public):
    """Say how long a text parameter may be (curation.api.parameters refuses longer ones)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if (
                    parameter.get("in") == "query"
                    and schema.get("type") == "string"
                    and not {"enum", "format"} & set(schema)
                ):
                    limit = MAX_CURSOR_LENGTH if parameter["name"] == "cursor" else MAX_VALUE_LENGTH
                    schema["maxLength"] = limit
    return result
