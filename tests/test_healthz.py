"""/healthz: the state of the database, replicas, cache and broker, without secrets."""

import pytest
import redis
from django.db import OperationalError, connections

BROKER = "redis://:not-a-real-password@127.0.0.1:6379/5"


def redis_answers() -> bool:
    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/5", socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def test_it_answers_ok_with_each_part(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "replicas": {},
        "cache": "ok",
        "broker": "not configured",
    }


def test_it_answers_503_when_the_primary_is_unreachable(client, db, settings, monkeypatch):
    settings.CELERY_BROKER_URL = ""

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "10.0.0.9", port 5432 failed: password authentication failed')

    with monkeypatch.context() as patched:  # Undone before the test's transaction is rolled back.
        patched.setattr(connections["default"], "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
    assert response.json()["status"] == "down"
    assert "10.0.0.9" not in response.content.decode()


def test_an_unreachable_broker_degrades_but_serves(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://:hunter2-secret@127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "unreachable"
    assert response.json()["status"] == "degraded"
    assert "hunter2" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.skipif(not redis_answers(), reason="Redis does not answer on 127.0.0.1:6379")
def test_it_reaches_a_real_broker(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/5"
    assert client.get("/healthz").json()["broker"] == "ok"


def test_write_methods_are_refused(client, db):
    assert client.post("/healthz").status_code == 405
