"""The benchmark's own PostgreSQL database and the synthetic archive in it.

The archive is generated only when it is missing or of another size, since
a million statements take minutes; the figures of the run that generated it
are kept in bench/results/ and reported again by later runs.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def server_url(database_url: str) -> str:
    """Return the address of the server's maintenance database, to create or drop others from."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/postgres"))


def database_name(database_url: str) -> str:
    return urlsplit(database_url).path.lstrip("/")


def database_recreate(database_url: str) -> None:
    name = database_name(database_url)
    with psycopg.connect(server_url(database_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def database_exists(database_url: str) -> bool:
    with psycopg.connect(server_url(database_url), autocommit=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(database_url)]
        ).fetchone()
    return row is not None


def archive_size(database_url: str) -> int | None:
    """Return how many articles the archive holds, or None when it has no schema yet."""
    if not database_exists(database_url):
        return None
    with psycopg.connect(database_url) as connection:
        try:
            return connection.execute("SELECT count(*) FROM curation_article").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return None


def manage(*arguments: str, database_url: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        check=True,
        env={**os.environ, "DATABASE_URL": database_url},
    )


def measured(
    *arguments: str, database_url: str, stdin_path: Path | None = None, program: tuple[str, ...] = ("manage.py",)
) -> dict:
    """Run a manage.py command (or another ``program``) in a child process; return its seconds, peak memory, output."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = [sys.executable, "-m", "bench.child", report.name, sys.executable, *program, *arguments]
        environment = {**os.environ, "DATABASE_URL": database_url}
        with contextlib.ExitStack() as stack:
            stdin = stack.enter_context(open(stdin_path)) if stdin_path else subprocess.DEVNULL
            subprocess.run(command, cwd=ROOT, env=environment, stdin=stdin, check=False)
        result = json.loads(Path(report.name).read_text())
    if result["returncode"] != 0:
        raise RuntimeError(f"{' '.join((*program, *arguments))} failed:\n{result['stderr']}")
    return result


def generation_record_path(articles: int) -> Path:
    return RESULTS / f"generate_corpus-{articles}.json"


def archive_ensure(database_url: str, articles: int, *, regenerate: bool = False) -> dict:
    """Make sure the benchmark database holds an archive of ``articles`` articles.

    Return the figures of the generate_corpus run that made it (this run's,
    or the recorded ones of an earlier run).
    """
    record_path = generation_record_path(articles)
    if not regenerate and archive_size(database_url) == articles and record_path.exists():
        record = json.loads(record_path.read_text())
        record["this_run"] = False
        return record
    print(f"Generating an archive of {articles} articles into {database_name(database_url)} …", flush=True)
    database_recreate(database_url)
    manage("migrate", "--no-input", "-v", "0", database_url=database_url)
    result = measured("generate_corpus", "--articles", str(articles), "--no-progress", database_url=database_url)
    with psycopg.connect(database_url, autocommit=True) as connection:
        # Fresh tables have no statistics and no visibility map; a real
        # archive would have both, so measure with them.
        connection.execute("VACUUM ANALYZE")
    record = {
        "articles": articles,
        "seconds": result["seconds"],
        "peak_megabytes": result["peak_megabytes"],
        "summary": result["stdout"].strip().splitlines()[-1],
        "measured_at": datetime.now().isoformat(timespec="seconds"),
    }
    RESULTS.mkdir(exist_ok=True)
    record_path.write_text(json.dumps(record, indent=2) + "\n")
    return {**record, "this_run": True}
