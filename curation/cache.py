"""A Redis cache that the desk can lose without losing a page.

The cache only saves work: rate-limit counters and timelines the database
can recount. When Redis is down, every call answers as a miss (reads give the
default, writes store nothing), a warning is logged, and Redis is left alone
for ``RETRY_AFTER_SECONDS`` so a dead server costs no request its timeout.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10
CACHE_FAILURES = (RedisError, OSError)


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _attempt(self, call, default):
        if time.monotonic() < self._down_until:
            return default
        try:
            return call()
        except CACHE_FAILURES as error:
            with self._lock:
                first = time.monotonic() >= self._down_until
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            if first:
                logger.warning(
                    "The cache at %s cannot be reached (%s); answering from the database, retrying in %s s.",
                    self._where(),
                    error,
                    RETRY_AFTER_SECONDS,
                )
            return default

    def _where(self) -> str:
        # The address without any password in it: this goes to the logs.
        parts = urlsplit(self._servers[0]) if self._servers else None
        return f"{parts.hostname}:{parts.port}" if parts and parts.hostname else "the configured Redis"

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read was never set: as an empty cache says.
        result = self._attempt(lambda: super(ForgivingRedisCache, self).incr(key, delta, version), None)
        if result is None:
            raise ValueError(f"Key '{key}' not found")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        return self._attempt(lambda: super(ForgivingRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._attempt(lambda: super(ForgivingRedisCache, self).clear(), False)
