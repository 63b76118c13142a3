import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def load_settings(**environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; settings.DEBUG; print('ok')"],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
    )


def test_it_refuses_to_start_without_a_secret_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="desk.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_it_refuses_a_weak_secret_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="desk.example.org")
    assert result.returncode != 0 and "too weak" in result.stderr


def test_it_starts_in_production_with_a_real_secret():
    result = load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="desk.example.org")
    assert result.returncode == 0, result.stderr


def test_it_starts_for_development_with_nothing_set():
    assert load_settings().returncode == 0


def test_it_shares_the_cache_through_redis_when_asked():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", "REDIS_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "curation.cache.ForgivingRedisCache"
