"""OpenAPI generation: every GET documents the error answers it can give."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

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


class ApiAutoSchema(AutoSchema):
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
        if is_list:
            responses[400] = OpenApiResponse(BAD_PARAMETERS, description="A filter or paging parameter is wrong.")
        else:
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
