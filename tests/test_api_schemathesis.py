"""Property-based check of the whole API against its own OpenAPI schema.

Schemathesis reads /api/schema/, generates valid and invalid requests for
every operation and calls the WSGI app directly (no server). Any 5xx, any
status, header or body the schema does not describe, fails the test. The
examples are derandomized and bounded, so a run is the same every time and
stays well under two minutes.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from config.wsgi import application

EXAMPLES_PER_OPERATION = 25

# Loaded when the module is collected: generating the schema reads no rows.
# (schemathesis.pytest.from_fixture would defer it, but fails on pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def published_desk(seeded, settings):
    """The seeds, served to one client as fast as it asks."""
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
    # Left out: "every schema-valid request succeeds". A well-formed slug of
    # an actor nobody published, or a cursor the API never issued, is a 400
    # by design (documented as such), not a success with an empty list.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
