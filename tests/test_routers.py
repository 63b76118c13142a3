"""The replica router and its middleware, without a real standby (see test_replicas.py for one)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from curation.models import Article
from curation.routers import PrimaryReplicaRouter, PublicReadsMiddleware, _reads_may_use_replica, replica_reads

PROJECT = Path(__file__).resolve().parent.parent
# The router only reads which aliases exist; no connection is opened to the fake ones.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.fixture
def one_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica_1": {**settings.DATABASES["default"]}}


def test_without_replicas_every_read_uses_the_primary(settings):
    router = PrimaryReplicaRouter()
    with replica_reads():
        assert router.db_for_read(Article) is None
    assert router.db_for_write(Article) == "default"


def test_public_reads_go_to_the_replica_and_writes_to_the_primary(one_replica):
    router = PrimaryReplicaRouter()
    assert router.db_for_read(Article) is None
    with replica_reads():
        assert router.db_for_read(Article) == "replica_1"
        assert router.db_for_write(Article) == "default"
    assert router.db_for_read(Article) is None
    assert router.allow_migrate("replica_1", "curation") is False
    assert router.allow_migrate("default", "curation") is True


def test_reads_take_several_replicas_in_turn(settings):
    settings.DATABASES = {**settings.DATABASES, "replica_1": {}, "replica_2": {}}
    router = PrimaryReplicaRouter()
    with replica_reads():
        assert {router.db_for_read(Article) for _ in range(4)} == {"replica_1", "replica_2"}


class Staff:
    is_authenticated = True
    is_staff = True


@pytest.mark.parametrize(
    ("method", "path", "user", "replica"),
    [
        ("GET", "/articles/", AnonymousUser(), True),
        ("GET", "/api/v1/statements/", AnonymousUser(), True),
        ("HEAD", "/actors/", AnonymousUser(), True),
        ("GET", "/articles/", Staff(), False),
        ("POST", "/search/", AnonymousUser(), False),
        ("GET", "/admin/curation/article/", AnonymousUser(), False),
        ("GET", "/healthz", AnonymousUser(), False),
    ],
)
def test_the_middleware_marks_only_public_reads(method, path, user, replica):
    seen = []
    middleware = PublicReadsMiddleware(lambda request: seen.append(_reads_may_use_replica.get()))
    request = RequestFactory().generic(method, path)
    request.user = user
    middleware(request)
    assert seen == [replica]
    assert _reads_may_use_replica.get() is False


def settings_databases(**environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE"))}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings")
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({a: [d.get('HOST', ''), d.get('PORT', ''), d.get('TEST', {})] "
        "for a, d in settings.DATABASES.items()}))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True)


def test_database_replica_url_adds_one_database_per_replica():
    result = settings_databases(
        DATABASE_URL="postgres://desk@primary.internal:5432/desk",
        DATABASE_REPLICA_URL="postgres://desk@replica-a.internal:5432/desk, postgres://desk@replica-b.internal:5433/desk",
    )
    assert result.returncode == 0, result.stderr
    databases = json.loads(result.stdout)
    assert list(databases) == ["default", "replica_1", "replica_2"]
    assert databases["replica_2"][:2] == ["replica-b.internal", 5433]
    assert databases["replica_1"][2] == {"MIRROR": "default"}


def test_replicas_without_a_primary_url_are_refused():
    result = settings_databases(DATABASE_REPLICA_URL="postgres://desk@replica-a.internal:5432/desk")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs DATABASE_URL" in result.stderr
