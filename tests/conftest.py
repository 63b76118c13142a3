"""Shared personas and data: an editor, a reader, an anonymous visitor, the seeds."""

import os

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

# Django imports stay inside the fixtures so that the pure-Python tests
# (extraction, parsing) also run without Django configured.


def pytest_sessionfinish(session, exitstatus):
    # A run that collected nothing has tested nothing: fail it rather than
    # let "no tests ran" pass for green.
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache.

    Rate limits and cached figures from one test must not leak into the next.
    """
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def editor(db):
    """Alice, an editor: staff, in the Editor group, not a superuser."""
    from django.contrib.auth import get_user_model

    from curation.permissions import editor_group

    user = get_user_model().objects.create_user("alice", password="alice-password-123", is_staff=True)
    user.groups.add(editor_group())
    return user


@pytest.fixture
def reader(db):
    """Bob, a logged-in reader with no desk rights."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("bob", password="bob-password-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seeded(db):
    """The seed articles with their curation and the Abadi correction."""
    from django.conf import settings

    from curation.services import seeds_load

    return seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR)


@pytest.fixture
def seeded_as_published(db):
    """The seed articles as printed, before any correction."""
    from django.conf import settings

    from curation.services import seeds_load

    return seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR, as_published=True)


@pytest.fixture
def api(client):
    """An anonymous API client with a fresh rate-limit budget.

    The limit counts requests per address in the cache, which outlives a
    single test; without a fresh start a long run would answer 429.
    """
    from django.core.cache import cache

    cache.clear()
    return client


@pytest.fixture
def unpublished(seeded):
    """Statements and an article readers must never see, next to the seeds."""
    from tests.support.builders import unpublished_build

    return unpublished_build()


@pytest.fixture
def archive(db, editor):
    """A bulk archive of 101 public statements, enough for a page of 100 and more."""
    from tests.support.builders import archive_build

    return archive_build(101, editor)


@pytest.fixture
def hostile(editor):
    """A published article, its actors, tags, statements and a correction, all carrying hostile text."""
    from tests.support.hostile import hostile_build

    return hostile_build(editor)


@pytest.fixture
def browser_page(live_server):
    """A Playwright page in Debian's Chromium, pointed at a live test server.

    Outside CI the test skips when Chromium is missing; in CI (CI=true) a
    missing browser fails the run, since .ci/run installs it.
    """
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run should have installed Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls
    # from the test body in the meantime.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
