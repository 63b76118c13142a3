"""Shared personas and data: an editor, a reader, an anonymous visitor, the seeds."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from curation.permissions import editor_group
from curation.seeding import seeds_load


def pytest_sessionfinish(session, exitstatus):
    # A run that collected nothing has tested nothing: fail it rather than
    # let "no tests ran" pass for green.
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def editor(db):
    """Alice, an editor: staff, in the Editor group, not a superuser."""
    user = get_user_model().objects.create_user("alice", password="alice-password-123", is_staff=True)
    user.groups.add(editor_group())
    return user


@pytest.fixture
def reader(db):
    """Bob, a logged-in reader with no desk rights."""
    return get_user_model().objects.create_user("bob", password="bob-password-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seeded(db):
    """The seed articles with their curation and the Abadi correction."""
    return seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR)


@pytest.fixture
def seeded_as_published(db):
    """The seed articles as printed, before any correction."""
    return seeds_load(seeds_dir=settings.CURATION_SEEDS_DIR, as_published=True)
