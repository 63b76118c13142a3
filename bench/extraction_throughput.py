"""How fast `extract_statements --jsonl` reads articles on one core.

Usage: ``.venv/bin/python bench/extraction_throughput.py [--source generated|seeds] [--articles 1000] [--runs 3]``

With ``--source generated`` (the default) the articles are the synthetic
archive that ``generate_corpus`` writes, read back from a throw-away SQLite
desk that also holds its actor registry; with ``--source seeds`` they are
seed-sized articles (the seed texts repeated with small variations) and the
registry is the seeds'. Either way the articles are piped through the command in a subprocess pinned to one core with
``taskset -c 0`` when available, and reports articles a second excluding and
including process start-up (median of the runs) and the peak memory of the
process. The actor registry is read from a throw-away SQLite database holding
the seeds, as a pipeline would read the desk's. The target is 200 articles a
second. The table is printed and appended to bench/results/extraction-<date>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TARGET = 200
# Small edits that keep every seed construction intact but make each text unique.
VARIATIONS = (
    ("on Sunday", "on Monday"),
    ("the meeting", "the talks"),
    ("also", "further"),
    ("important", "significant"),
    ("efforts", "work"),
    ("countries", "states"),
    ("support", "backing"),
)


def build_articles(count: int) -> list[dict]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    articles = []
    for number in range(count):
        text = texts[number % len(texts)]
        old, new = VARIATIONS[number % len(VARIATIONS)]
        text = text.replace(old, new, 1)
        # A sentence of its own per article, so no two texts are the same.
        text += f"\n\nThis is update number {number} of the report, filed at {number % 24:02d}:00.\n"
        articles.append({"id": f"bench-{number}", "text": text})
    return articles


def prepare_database(folder: Path, source: str, count: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SQLITE_PATH"] = str(folder / "bench.sqlite3")
    filling = ["load_seeds"] if source == "seeds" else ["generate_corpus", "--articles", str(count), "--no-progress"]
    for command in (["migrate", "--no-input", "-v0"], filling):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return env


def generated_articles(database: Path) -> list[dict]:
    """The generated archive's articles, read straight from its SQLite file."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT slug, body, published_on FROM curation_article ORDER BY id").fetchall()
    return [{"id": slug, "text": body, "published_on": day} for slug, body, day in rows]


def pinned(command: list[str]) -> list[str]:
    taskset = shutil.which("taskset")
    return [taskset, "-c", "0", *command] if taskset else command


def run_once(input_path: Path, output_path: Path, env: dict[str, str]) -> tuple[float, int]:
    """Return the wall time of one run and its peak resident memory in kilobytes."""
    command = pinned([sys.executable, "manage.py", "extract_statements", "--jsonl"])
    with input_path.open("rb") as stdin, output_path.open("wb") as stdout:
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=stdin, stdout=stdout)
        # wait4 gives this child's own peak memory, not the maximum over every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"extract_statements failed with status {process.returncode}")
    return elapsed, usage.ru_maxrss


def check_output(output_path: Path, count: int) -> int:
    lines = [json.loads(line) for line in output_path.read_text(encoding="utf-8").splitlines()]
    if len(lines) != count or any("error" in line for line in lines):
        raise SystemExit(f"expected {count} answers without errors, got {len(lines)}")
    return sum(len(line["statements"]) for line in lines)


def measure(count: int, runs: int, source: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = prepare_database(folder, source, count)
        built = build_articles(count) if source == "seeds" else generated_articles(folder / "bench.sqlite3")
        articles, empty = folder / "articles.jsonl", folder / "empty.jsonl"
        articles.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in built), encoding="utf-8")
        empty.write_text("")
        size = articles.stat().st_size
        output = folder / "out.jsonl"
        startups = [run_once(empty, output, env)[0] for _ in range(runs)]
        timed = [run_once(articles, output, env) for _ in range(runs)]
        statements = check_output(output, count)
    total = statistics.median(elapsed for elapsed, _ in timed)
    startup = statistics.median(startups)
    return {
        "source": source,
        "articles": count,
        "statements": statements,
        "input_kib": size / 1024,
        "startup_seconds": startup,
        "total_seconds": total,
        "rate_without_startup": count / max(total - startup, 1e-9),
        "rate_with_startup": count / total,
        "peak_memory_mib": max(memory for _, memory in timed) / 1024,
        "pinned": shutil.which("taskset") is not None,
    }


def table(result: dict) -> str:
    rows = [
        ("articles", "generated archive (generate_corpus)" if result["source"] == "generated" else "seed variations"),
        ("articles (statements found)", f"{result['articles']} ({result['statements']})"),
        ("input", f"{result['input_kib']:.0f} KiB of JSON Lines"),
        ("one core (taskset -c 0)", "yes" if result["pinned"] else "no: taskset not found"),
        ("start-up alone, median", f"{result['startup_seconds']:.2f} s"),
        ("whole run, median", f"{result['total_seconds']:.2f} s"),
        ("articles/s excluding start-up", f"{result['rate_without_startup']:.0f}"),
        ("articles/s including start-up", f"{result['rate_with_startup']:.0f}"),
        ("peak memory", f"{result['peak_memory_mib']:.0f} MiB"),
        ("target", f"≥ {TARGET} articles/s: {'met' if result['rate_without_startup'] >= TARGET else 'NOT met'}"),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"| {label.ljust(width)} | {value} |" for label, value in rows)


def append_result(text: str, source: str) -> Path:
    path = ROOT / "bench" / "results" / f"extraction-{date.today().isoformat()}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "" if path.exists() else "# Extraction throughput\n"
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
    )
    command = f"`.venv/bin/python bench/extraction_throughput.py --source {source}`"
    with path.open("a", encoding="utf-8") as results:
        results.write(
            f"{header}\n## {time.strftime('%H:%M:%S')} — {command}, {machine}\n\n"
            f"| measure | value |\n|---|---|\n{text}\n"
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", choices=("generated", "seeds"), default="generated")
    arguments = parser.parse_args()
    result = measure(arguments.articles, arguments.runs, arguments.source)
    text = table(result)
    print(text)
    print(f"appended to {append_result(text, arguments.source).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
