"""A bounded load test of the production server on loopback.

Starts gunicorn (several workers, DEBUG off, PostgreSQL) on 127.0.0.1, then
runs wrk with 50 connections for 60 seconds over a mix of public pages and
API requests, and reports throughput, latency percentiles and errors.

    .venv/bin/python bench/load_test.py [--seconds 60] [--connections 50] [--workers 4]

Needs wrk (Debian package ``wrk``; installed with apt-get when missing and
running as root) and a PostgreSQL server (DATABASE_URL, default the local one).
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/curation_load"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--articles", type=int, default=2000, help="synthetic articles added to the seeds (0: seeds only)"
    )
    arguments = parser.parse_args()

    wrk = ensure_wrk()
    env = production_environment(arguments.port)
    prepare_database(env, arguments.articles)
    paths = sample_paths(env)
    server = start_gunicorn(env, arguments.workers, arguments.port)
    try:
        wait_until_up(arguments.port)
        output = run_wrk(wrk, arguments, paths)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = summarise(output, arguments, len(paths))
    print(report)
    results = PROJECT / "bench" / "results" / f"load-{datetime.now(UTC):%Y-%m-%d}.md"
    results.parent.mkdir(exist_ok=True)
    results.write_text(report + "\n\n```\n" + output + "```\n", encoding="utf-8")
    print(f"\nwritten to {results.relative_to(PROJECT)}")
    return 0 if "errors: 0" in report else 1


def run_wrk(wrk: str, arguments, paths: list[str]) -> str:
    """Run wrk against the served desk over ``paths`` and return what it printed."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    return subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{arguments.connections}",
            f"-d{arguments.seconds}s",
            "--latency",
            "-s",
            str(PROJECT / "bench" / "load_paths.lua"),
            f"http://127.0.0.1:{arguments.port}",
        ],
        env={**os.environ, "PATHS_FILE": handle.name},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )
    return shutil.which("wrk")


def production_environment(port: int) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # wrk speaks plain HTTP on loopback; TLS belongs to the proxy in front.
        DJANGO_SECURE_SSL_REDIRECT="0",
        # The load comes from one address; the rate limit would answer 429.
        DJANGO_API_ANON_RATE="",
        DATABASE_URL=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        DJANGO_STATIC_ROOT=str(Path(tempfile.gettempdir()) / "curation-load-static"),
    )
    return env


def manage(env: dict, *arguments: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *arguments], cwd=PROJECT, env=env, check=True, capture_output=True, text=True
    ).stdout


def prepare_database(env: dict, articles: int) -> None:
    create_database_if_missing(env["DATABASE_URL"])
    manage(env, "migrate", "--no-input")
    manage(env, "load_seeds")
    manage(env, "collectstatic", "--no-input")
    if articles:
        count = int(
            manage(env, "shell", "-c", "from curation.models import Article; print(Article.objects.count())")
            .strip()
            .splitlines()[-1]
        )
        if count < articles and "generate_corpus" in manage(env, "help"):
            manage(env, "generate_corpus", "--articles", str(articles), "--append", "--no-progress")


def create_database_if_missing(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def sample_paths(env: dict) -> list[str]:
    """Return a mix of public pages and API requests over published objects."""
    script = (
        "from curation.models import *\n"
        "for a in Article.objects.public()[:20]: print(a.get_absolute_url())\n"
        "for s in Statement.objects.public()[:40]: print(s.get_absolute_url()); print(f'/api/v1/statements/{s.pk}/')\n"
        "for a in Actor.objects.public()[:20]: "
        "print(a.get_absolute_url()); print(f'/api/v1/statements/?actor={a.slug}')\n"
        "for t in Tag.objects.all()[:10]: print(t.get_absolute_url()); print(f'/api/v1/statements/?tag={t.slug}')\n"
    )
    objects = [line for line in manage(env, "shell", "-c", script).splitlines() if line.startswith("/")]
    fixed = [
        "/",
        "/articles/",
        "/actors/",
        "/tags/",
        "/corrections/",
        "/search/?q=terrorism",
        "/search/?q=minister",
        "/api/v1/",
        "/api/v1/statements/",
        "/api/v1/statements/?page_size=50",
        "/api/v1/articles/",
        "/api/v1/actors/",
        "/api/v1/tags/",
        "/api/v1/corrections/",
        "/api/v1/statements/?q=terrorism",
        "/api/v1/statements/?corrected=true",
    ]
    return fixed + objects


def start_gunicorn(env: dict, workers: int, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--access-logfile=/dev/null",
            "--error-logfile=-",
            "--log-level=warning",
        ],
        cwd=PROJECT,
        env=env,
    )


def wait_until_up(port: int) -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer on loopback within 30 seconds")


def summarise(output: str, arguments, path_count: int) -> str:
    requests_per_second = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    total = re.search(r"(\d+) requests in", output).group(1)
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    non_success = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = int(non_success.group(1)) if non_success else 0
    if socket_errors:
        errors += sum(int(number) for number in re.findall(r"\d+", socket_errors.group(1)))
    return (
        f"Load test {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: gunicorn {arguments.workers} workers, "
        f"{arguments.connections} connections, {arguments.seconds} s, {path_count} distinct paths\n"
        f"requests: {total}, throughput: {requests_per_second} requests/s, "
        f"latency p50 {percentiles.get('50')}, p90 {percentiles.get('90')}, p99 {percentiles.get('99')}, "
        f"errors: {errors}"
    )


if __name__ == "__main__":
    sys.exit(main())
