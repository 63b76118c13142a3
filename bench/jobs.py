"""Suggestion throughput: the foreground command against one and two Celery worker processes.

    python -m bench.jobs        (needs PostgreSQL and Redis on this machine)

Environment:
    BENCH_JOBS_ARTICLES       generated articles (default 10000)
    BENCH_JOBS_ROUNDS         rounds per figure; the median is reported (default 1)
    BENCH_JOBS_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/curation_bench_jobs (dropped and remade)
    BENCH_JOBS_BROKER_URL     default redis://127.0.0.1:6379/6 (flushed)

Every run starts from the same freshly generated archive (a copy of a
template database), so each stores the same suggestions. A worker run is
timed from queueing the job to its last chunk, with the workers already up.
"""

import os
import statistics
import subprocess
import sys
import time

import psycopg
import redis

from bench.database import ROOT, database_name, database_recreate, manage, server_url


def setting(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


def copy_database(template_url: str, run_url: str) -> None:
    with psycopg.connect(server_url(template_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(run_url)}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database_name(run_url)}" TEMPLATE "{database_name(template_url)}"')


def environment(database_url: str, broker: str = "") -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CELERY_", "DJANGO_"))}
    env.update(DATABASE_URL=database_url, CELERY_BROKER_URL=broker, DJANGO_SETTINGS_MODULE="config.settings")
    return env


def foreground(database_url: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "extract_statements", "--all", "--no-progress"],
        cwd=ROOT, env=environment(database_url), check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def with_workers(database_url: str, broker: str, count: int) -> float:
    redis.Redis.from_url(broker).flushdb()
    env = environment(database_url, broker)
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                f"--hostname=bench{n}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=ERROR",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for n in range(count)
    ]
    try:
        time.sleep(8)  # Let the workers connect; their start-up is not what is measured.
        started = time.perf_counter()
        queued = subprocess.run(
            [sys.executable, "manage.py", "extract_statements", "--all", "--background"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        job_id = int(queued.stdout.strip())
        with psycopg.connect(database_url, autocommit=True) as connection:
            while True:
                state, done, total = connection.execute(
                    "SELECT state, done, total FROM curation_job WHERE id = %s", [job_id]
                ).fetchone()
                if state in ("done", "failed", "cancelled"):
                    break
                time.sleep(0.2)
        elapsed = time.perf_counter() - started
        if state != "done":
            raise RuntimeError(f"job {job_id} ended {state} ({done} of {total})")
        return elapsed
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)


def main() -> int:
    articles = int(setting("BENCH_JOBS_ARTICLES", "10000"))
    rounds = int(setting("BENCH_JOBS_ROUNDS", "1"))
    template = setting("BENCH_JOBS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/curation_bench_jobs")
    broker = setting("BENCH_JOBS_BROKER_URL", "redis://127.0.0.1:6379/6")
    run_url = template.rsplit("/", 1)[0] + "/" + database_name(template) + "_run"
    database_recreate(template)
    manage("migrate", "--no-input", "-v", "0", database_url=template)
    manage("generate_corpus", "--articles", str(articles), "--no-progress", database_url=template)
    figures: dict[str, list[float]] = {"foreground command": [], "one worker": [], "two workers": []}
    for _ in range(rounds):
        for name, measure in (
            ("foreground command", lambda: foreground(run_url)),
            ("one worker", lambda: with_workers(run_url, broker, 1)),
            ("two workers", lambda: with_workers(run_url, broker, 2)),
        ):
            copy_database(template, run_url)
            figures[name].append(measure())
    cores = os.cpu_count()
    print(f"Suggesting statements for {articles} generated articles, {rounds} round(s), {cores} cores")
    base = articles / statistics.median(figures["foreground command"])
    for name, seconds in figures.items():
        rate = articles / statistics.median(seconds)
        print(f"  {name:<20} {statistics.median(seconds):8.1f} s  {rate:7.1f} articles/s  {rate / base:4.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
