"""A dashboard on another origin reading the API from a browser: CORS for reading, never credentials."""

import pytest

pytestmark = pytest.mark.django_db

DASHBOARD = "https://dashboard.example.org"


def preflight(client, url: str, method: str = "GET", headers: str = "if-none-match"):
    return client.options(
        url,
        HTTP_ORIGIN=DASHBOARD,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


@pytest.mark.parametrize("url", ["/api/v1/statements/", "/api/v1/actors/ibrahim-al-jaafari/", "/api/schema/"])
def test_it_lets_any_origin_read_with_a_simple_get(api, seeded, url):
    response = api.get(url, HTTP_ORIGIN=DASHBOARD)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in response["Vary"].lower()


def test_it_lets_a_dashboard_read_the_etag_and_rate_limit_headers(api, seeded):
    response = api.get("/api/v1/tags/", HTTP_ORIGIN=DASHBOARD)
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert exposed == {"etag", "retry-after", "content-disposition"}


def test_it_answers_a_preflight_for_get_with_the_methods_and_headers_it_allows(api, seeded):
    response = preflight(api, "/api/v1/statements/?kind=direct")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept, if-none-match"
    assert int(response["Access-Control-Max-Age"]) == 86400
    assert "Access-Control-Allow-Credentials" not in response


def test_it_does_not_offer_writes_across_origins(api, seeded):
    response = preflight(api, "/api/v1/statements/", method="DELETE")
    assert "DELETE" not in response["Access-Control-Allow-Methods"]
    # And the write itself is still refused, whoever asks.
    assert api.delete("/api/v1/statements/", HTTP_ORIGIN=DASHBOARD).status_code == 405


def test_it_answers_cors_on_errors_too_so_a_dashboard_can_read_why(api, seeded):
    response = api.get("/api/v1/statements/", {"speaker": "abadi"}, HTTP_ORIGIN=DASHBOARD)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", ["/", "/articles/", "/admin/login/", "/corrections/"])
def test_it_sends_no_cors_headers_outside_the_api(client, seeded, url):
    response = client.get(url, HTTP_ORIGIN=DASHBOARD)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_it_sends_no_cors_headers_to_a_same_origin_request(api, seeded):
    assert "Access-Control-Allow-Origin" not in api.get("/api/v1/tags/")
