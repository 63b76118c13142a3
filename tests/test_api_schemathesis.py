"""Property-based check of the whole API against its own OpenAPI schema.

Schemathesis reads /api/schema/, generates valid and invalid requests for
every operation and calls the WSGI app directly (no server). Any 5xx, any
status, header or body the schema does not describe, fails the test. The
examples are derandomized and bounded, so a run is the same every time and
stays well under two minutes.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, is_check_class, load_all_checks
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application

EXAMPLES_PER_OPERATION = 25

load_all_checks()
# Every check schemathesis has, named rather than left to its defaults, so a
# new release cannot quietly run fewer. Left out: "every schema-valid request
# succeeds". A well-formed slug of an actor nobody published, or a cursor the
# API never issued, is a 400 by design (documented as such), not a success
# with an empty list. Response time is the load test's business, not CI's.
CHECKS_RUN = [
    check for check in CHECKS.get_all() if not is_check_class(check) and check is not positive_data_acceptance
]

# Loaded when the module is collected: generating the schema reads no rows.
# (schemathesis.pytest.from_fixture would defer it, but fails on pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def published_desk(seeded, hostile, settings):
    """The seeds and an article full of hostile text, served to one client as fast as it asks."""
    # Hundreds of requests from one address: the rate limit has its own tests.
    settings.CURATION_API_ANON_RATE = None
    # The real WSGI handler closes the database connection after each
    # request, which would end the test's transaction (and its seeds) on
    # PostgreSQL; Django's test client holds it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield seeded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    # The seeded database is set up once per operation, not per example, on
    # purpose: the API only reads, so examples cannot disturb each other.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_answers_every_generated_request_as_the_schema_says(case, published_desk):
    case.call_and_validate(checks=CHECKS_RUN)


def test_it_generates_requests_for_every_endpoint_the_api_has():
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {(operation.method.upper(), operation.path) for operation in operations} == {
        ("GET", path)
        for path in (
            "/api/v1/statements/",
            "/api/v1/statements/{id}/",
            "/api/v1/articles/",
            "/api/v1/articles/{slug}/",
            "/api/v1/actors/",
            "/api/v1/actors/{slug}/",
            "/api/v1/tags/",
            "/api/v1/tags/{slug}/",
            "/api/v1/corrections/",
            "/api/v1/corrections/{id}/",
        )
    }


def test_its_checks_fail_an_endpoint_that_answers_a_server_error(published_desk, monkeypatch):
    """The fuzz test above can fail: a list view that breaks is caught as a server error."""
    from curation.api import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the statements list")

    monkeypatch.setattr(views.StatementViewSet, "list", broken)
    case = schema["/api/v1/statements/"]["GET"].Case(query={})
    with pytest.raises(FailureGroup) as failed:
        case.call_and_validate(checks=CHECKS_RUN)
    assert {type(failure).__name__ for failure in failed.value.exceptions} >= {"ServerError"}


def test_its_checks_fail_an_answer_the_schema_does_not_describe(published_desk, monkeypatch):
    """A field missing from a listed statement is caught as a response that does not match the schema."""
    from curation.api import views

    original = views.statement_dicts

    def without_text(statements, request):
        rows = original(statements, request)
        for row in rows:
            row.pop("text")
        return rows

    monkeypatch.setattr(views, "statement_dicts", without_text)
    case = schema["/api/v1/statements/"]["GET"].Case(query={})
    with pytest.raises(FailureGroup) as failed:
        case.call_and_validate(checks=CHECKS_RUN)
    assert {type(failure).__name__ for failure in failed.value.exceptions} == {"JsonSchemaError"}
