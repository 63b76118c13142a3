"""With the Redis cache down, pages and the API still answer from the database."""

import logging

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from curation import cache as forgiving
from curation.models import Actor, Article, Statement

DEAD_REDIS = "redis://:secret-password@127.0.0.1:1/0"
DEAD_CACHE = {
    "default": {
        "BACKEND": "curation.cache.ForgivingRedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def cache_down():
    with override_settings(CACHES=DEAD_CACHE):
        yield caches["default"]


def test_a_plain_redis_cache_would_fail_every_request():
    """What the desk used before: a dead Redis raised into every view that touched the cache."""
    plain = RedisCache(DEAD_REDIS, {})
    with pytest.raises(RedisConnectionError):
        plain.get("anything")


def test_pages_and_api_answer_from_the_database(seeded, client, cache_down, caplog):
    caplog.set_level(logging.WARNING, logger="curation.cache")
    article = Article.objects.public().order_by("pk").first()
    actor = Actor.objects.public().order_by("pk").first()
    statement = Statement.objects.public().order_by("pk").first()
    paths = [
        "/",
        article.get_absolute_url(),
        actor.get_absolute_url(),
        statement.get_absolute_url(),
        "/corrections/",
        "/api/v1/statements/",
        f"/api/v1/statements/{statement.pk}/",
        "/api/v1/actors/",
        "/api/v1/articles/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    assert actor.name in client.get(actor.get_absolute_url()).content.decode()
    warnings = [record for record in caplog.records if record.name == "curation.cache"]
    assert len(warnings) == 1, "one warning, then Redis is left alone for a while"
    assert "127.0.0.1:1" in warnings[0].getMessage()
    assert "secret-password" not in warnings[0].getMessage()


def test_it_answers_as_an_empty_cache_and_tries_again_later(cache_down, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(forgiving.time, "monotonic", lambda: now[0])
    attempts = []
    real = RedisCache.get

    def counting_get(self, *args, **kwargs):
        attempts.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(RedisCache, "get", counting_get)
    assert cache_down.get("key", "default") == "default"
    assert cache_down.set("key", "value") is None
    assert cache_down.add("key", "value") is False
    assert cache_down.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        cache_down.incr("counter")
    cache_down.get("key")
    assert len(attempts) == 1, "while Redis is down it is not asked again"
    now[0] += forgiving.RETRY_AFTER_SECONDS + 1
    cache_down.get("key")
    assert len(attempts) == 2, "after the pause it is asked again"
