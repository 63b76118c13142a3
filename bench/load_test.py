"""A bounded load test of the production server on loopback.

Starts gunicorn (several workers, DEBUG off, PostgreSQL) on 127.0.0.1, then
runs wrk with 50 connections for 60 seconds over a mix of public pages and
API requests, and reports throughput, latency percentiles and errors.

    .venv/bin/python bench/load_test.py [--seconds 60] [--connections 50] [--workers 4] [--with-worker]

With ``--with-worker`` the same run goes on: after the quiet load, one
``celery -A config worker`` process starts on Redis (``--broker``, a database
of its own, flushed at the end), a job suggests statements for every article
in the archive, and the same wrk load runs again while the job is running.
Both results are printed side by side, with how far the job got; the job is
then cancelled and the worker stopped. Its database is ``curation_load_worker``
unless DATABASE_URL says otherwise.

Needs wrk (Debian package ``wrk``; installed with apt-get when missing and
running as root) and a PostgreSQL server (DATABASE_URL, default the local one);
``--with-worker`` also needs Redis.
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
WORKER_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/curation_load_worker"
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/7"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--articles", type=int, default=2000, help="synthetic articles added to the seeds (0: seeds only)"
    )
    parser.add_argument(
        "--with-worker",
        action="store_true",
        help="run the load a second time while a Celery worker suggests statements for the whole archive",
    )
    parser.add_argument(
        "--broker", default=DEFAULT_BROKER_URL, help="Redis broker for --with-worker (its database is flushed)"
    )
    arguments = parser.parse_args()

    wrk = ensure_wrk()
    default_database = WORKER_DATABASE_URL if arguments.with_worker else DEFAULT_DATABASE_URL
    env = production_environment(arguments.port, default_database)
    prepare_database(env, arguments.articles)
    paths = sample_paths(env)
    server = start_gunicorn(env, arguments.workers, arguments.port)
    job = None
    try:
        wait_until_up(arguments.port)
        output = run_wrk(wrk, arguments, paths)
        if arguments.with_worker:
            loaded_output, job = run_with_worker(wrk, arguments, paths, env)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = summarise(output, arguments, len(paths))
    name = "load"
    raw = "\n\n```\n" + output + "```\n"
    passed = parse(output)["errors"] == 0
    if arguments.with_worker:
        report = compare(output, loaded_output, arguments, len(paths), job)
        name = "load-worker"
        raw = "\n\nQuiet:\n\n```\n" + output + "```\n\nWhile the worker suggests:\n\n```\n" + loaded_output + "```\n"
        passed = passed and parse(loaded_output)["errors"] == 0 and job["still_running"]
    print(report)
    results = PROJECT / "bench" / "results" / f"{name}-{datetime.now(UTC):%Y-%m-%d}.md"
    results.parent.mkdir(exist_ok=True)
    results.write_text(report + raw, encoding="utf-8")
    print(f"\nwritten to {results.relative_to(PROJECT)}")
    return 0 if passed else 1


def run_with_worker(wrk: str, arguments, paths: list[str], env: dict) -> tuple[str, dict]:
    """Run wrk again while one Celery worker suggests statements for every article.

    Returns wrk's output and how far the job got during the load.
    """
    import redis

    broker = redis.Redis.from_url(arguments.broker)
    broker.flushdb()
    worker_env = {**env, "CELERY_BROKER_URL": arguments.broker}
    log_path = Path(tempfile.mkstemp(prefix="curation-load-worker-", suffix=".log")[1])
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "celery"),
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--hostname=loadtest@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
            ],
            cwd=PROJECT,
            env=worker_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    job_id = None
    try:
        wait_for_worker(worker, log_path)
        job_id = int(manage(worker_env, "extract_statements", "--all", "--background").strip().splitlines()[-1])
        before = wait_for_job_running(env["DATABASE_URL"], job_id)
        started = time.perf_counter()
        output = run_wrk(wrk, arguments, paths)
        elapsed = time.perf_counter() - started
        state, done, total, errors = job_progress(env["DATABASE_URL"], job_id)
    finally:
        if job_id is not None:
            cancel_job(env["DATABASE_URL"], job_id)
        worker.terminate()
        try:
            worker.wait(timeout=120)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        broker.flushdb()
    job = {
        "id": job_id,
        "state": state,
        "still_running": state == "running",
        "done_before": before,
        "done_after": done,
        "total": total,
        "errors": errors,
        "rate": (done - before) / elapsed,
        "log": str(log_path),
    }
    return output, job


def wait_for_worker(worker: subprocess.Popen, log: Path) -> None:
    """Wait until the worker says it is ready, so its start-up is not inside the measured load."""
    for _ in range(240):
        if worker.poll() is not None:
            raise SystemExit(f"the celery worker stopped at start-up; see {log}")
        if " ready." in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.5)
    raise SystemExit(f"the celery worker was not ready within 120 seconds; see {log}")


def job_progress(database_url: str, job_id: int) -> tuple[str, int, int, int]:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        state, done, total, errors = connection.execute(
            "SELECT state, done, total, jsonb_array_length(errors) FROM curation_job WHERE id = %s", [job_id]
        ).fetchone()
    return state, done, total, errors


def wait_for_job_running(database_url: str, job_id: int) -> int:
    """Wait until the worker has taken the job's first chunk; return how many articles are done by then."""
    for _ in range(600):
        state, done, total, _ = job_progress(database_url, job_id)
        if state == "running":
            return done
        if state != "queued":
            raise SystemExit(f"job {job_id} ended {state} ({done} of {total}) before the load started")
        time.sleep(0.2)
    raise SystemExit(f"job {job_id} was still queued after 120 seconds; is the worker reading the same broker?")


def cancel_job(database_url: str, job_id: int) -> None:
    """Cancel the suggestion job so the worker stops after its current article (suggestions stored stay)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(
            "UPDATE curation_job SET state = 'cancelled', finished_at = now() "
            "WHERE id = %s AND state IN ('queued', 'running')",
            [job_id],
        )


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


def production_environment(port: int, default_database: str = DEFAULT_DATABASE_URL) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "CELERY_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # wrk speaks plain HTTP on loopback; TLS belongs to the proxy in front.
        DJANGO_SECURE_SSL_REDIRECT="0",
        # The load comes from one address; the rate limit would answer 429.
        DJANGO_API_ANON_RATE="",
        DATABASE_URL=os.environ.get("DATABASE_URL", default_database),
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


def parse(output: str) -> dict:
    """Read wrk's output: requests, throughput, latency percentiles, socket errors and non-2xx/3xx answers."""
    non_success = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    figures = {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "throughput": re.search(r"Requests/sec:\s+([\d.]+)", output).group(1),
        "percentiles": dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", output, re.MULTILINE)),
        "socket_errors": sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1))) if socket_errors else 0,
        "non_2xx": int(non_success.group(1)) if non_success else 0,
    }
    figures["errors"] = figures["socket_errors"] + figures["non_2xx"]
    return figures


def summarise(output: str, arguments, path_count: int) -> str:
    figures = parse(output)
    percentiles = figures["percentiles"]
    return (
        f"Load test {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: gunicorn {arguments.workers} workers, "
        f"{arguments.connections} connections, {arguments.seconds} s, {path_count} distinct paths\n"
        f"requests: {figures['requests']}, throughput: {figures['throughput']} requests/s, "
        f"latency p50 {percentiles.get('50')}, p90 {percentiles.get('90')}, p99 {percentiles.get('99')}, "
        f"errors: {figures['errors']}"
    )


def compare(quiet_output: str, loaded_output: str, arguments, path_count: int, job: dict) -> str:
    """The quiet run and the run beside the worker as one table, then how far the job got."""
    quiet, loaded = parse(quiet_output), parse(loaded_output)
    rows = [
        ("requests", lambda f: f"{f['requests']:,}"),
        ("requests/s", lambda f: f["throughput"]),
        ("p50", lambda f: f["percentiles"].get("50")),
        ("p90", lambda f: f["percentiles"].get("90")),
        ("p99", lambda f: f["percentiles"].get("99")),
        ("socket errors", lambda f: str(f["socket_errors"])),
        ("non-2xx/3xx", lambda f: str(f["non_2xx"])),
    ]
    lines = [
        f"Load test {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: gunicorn {arguments.workers} workers, "
        f"{arguments.connections} connections, {arguments.seconds} s each, {path_count} distinct paths, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end",
        "",
        "| | quiet | while a worker suggests |",
        "|---|---|---|",
        *(f"| {label} | {value(quiet)} | {value(loaded)} |" for label, value in rows),
        "",
        f"Job #{job['id']} (suggest statements, all {job['total']:,} articles, one `celery worker --pool=solo`): "
        f"{job['done_before']:,} done when the load began, {job['done_after']:,} when it ended "
        f"({job['rate']:.1f} articles/s during the load), {job['errors']} article errors, "
        f"state at the end of the load: {job['state']}"
        + ("" if job["still_running"] else " — the job was NOT running for the whole load"),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
