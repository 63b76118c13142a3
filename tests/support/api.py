"""Reading the API's answers in tests."""

import base64
import json

PUBLIC_FIELDS_OF_A_STATEMENT = {
    "id",
    "url",
    "kind",
    "text",
    "speaker",
    "speaker_as_printed",
    "article",
    "span",
    "tags",
    "corrected",
    "corrections",
}


def results(response) -> list:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> list[str]:
    return [item["slug"] for item in results(response)]


def ids(response) -> list[int]:
    return [item["id"] for item in results(response)]


def all_pages(api, url: str) -> list[dict]:
    """Follow ``next`` links to the end and return every row."""
    rows = []
    while url:
        response = api.get(url)
        rows += results(response)
        url = response.json()["next"]
    return rows


def cursor_forge(payload) -> str:
    """Encode a cursor by hand, the way a client tampering with one would."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
