"""The benchmark's table: printed, and written to bench/results/ as Markdown and JSON."""

import json
import subprocess
from datetime import date
from pathlib import Path

from bench.database import RESULTS, ROOT

GENERATE_SECONDS_TARGET = 300
GENERATE_MEGABYTES_TARGET = 500
# Over the whole archive: (seconds, peak megabytes) each must stay under; None is no target.
WHOLE_ARCHIVE_TARGETS = {"refresh_public_counts": (30, None), "statements CSV": (60, 200)}


def git_revision() -> str:
    def git(*arguments):
        return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return git("rev-parse", "--short", "HEAD") or "unknown"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "NOT met", None: "—"}[met]


def request_rows(results: dict) -> list[list[str]]:
    floor = results["floor"]["first_page"].get("median_ms")
    rows = [
        ["raw SQL floor, first page", *_figures(results["floor"]["first_page"]), "1", "1.00", "—", "—"],
        [
            "raw SQL floor, deep page",
            *_figures(results["floor"]["deep_page"]),
            "1",
            _ratio(results["floor"]["deep_page"].get("median_ms"), floor),
            "—",
            "—",
        ],
    ]
    for scenario in results["scenarios"]:
        figures = scenario["figures"]
        queries = "–".join(str(count) for count in sorted(set(scenario["queries"]))) or "—"
        status = scenario["status"] if scenario["status"] and not figures.get("requests") else ""
        median, p95 = (_figures(figures) if figures.get("requests") else (status or "—", "—"))[:2]
        rows.append(
            [
                scenario["label"],
                median,
                p95,
                queries,
                _ratio(figures.get("median_ms"), floor),
                scenario.get("target", "—"),
                verdict(scenario.get("met")),
            ]
        )
    return rows


def _figures(figures: dict) -> tuple[str, str]:
    if not figures.get("requests"):
        return "—", "—"
    return f"{figures['median_ms']:.1f}", f"{figures['p95_ms']:.1f}"


def _ratio(value, floor) -> str:
    return f"{value / floor:.2f}" if value and floor else "—"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render(results: dict) -> str:
    requests = markdown_table(
        ["figure", "median ms", "p95 ms", "queries", "× floor", "target", "verdict"], request_rows(results)
    )
    commands = markdown_table(["command", "size", "seconds", "peak MB", "output", "verdict"], pipeline_rows(results))
    notes = [f"- {s['label']}: {s['note']}" for s in results["scenarios"] if s.get("note")]
    parts = [f"# Benchmark {results['date']} at {results['revision']}", results["setup"], requests, "\n".join(notes)]
    return "\n\n".join(part for part in [*parts, commands] if part) + "\n"


def pipeline_rows(results: dict) -> list[list[str]]:
    generation = results["generate_corpus"]
    rows = [
        [
            "generate_corpus",
            f"{generation['articles']} articles",
            f"{generation['seconds']:.1f}",
            f"{generation['peak_megabytes']:.0f}",
            generation["summary"],
            verdict(
                generation["seconds"] < GENERATE_SECONDS_TARGET
                and generation["peak_megabytes"] < GENERATE_MEGABYTES_TARGET
            )
            + ("" if generation["this_run"] else f" (measured {generation['measured_at']})"),
        ]
    ]
    for name, figures in results.get("whole_archive", {}).items():
        seconds, megabytes = WHOLE_ARCHIVE_TARGETS[name]
        met = figures["seconds"] < seconds and (megabytes is None or figures["peak_megabytes"] < megabytes)
        rows.append(
            [
                name,
                "whole archive",
                f"{figures['seconds']:.1f}",
                f"{figures['peak_megabytes']:.0f}",
                figures["stdout"].strip().splitlines()[-1] if figures["stdout"].strip() else "",
                verdict(met),
            ]
        )
    for name, figures in results["pipeline"].items():
        if "note" in figures:
            rows.append([name, "—", "—", "—", figures["note"], "—"])
        else:
            rows.append(
                [
                    name,
                    f"{figures['articles']} articles",
                    f"{figures['seconds']:.1f}",
                    f"{figures['peak_megabytes']:.0f}",
                    f"{figures['articles_per_second']} articles/s; {figures['summary']}",
                    "—",
                ]
            )
    return rows


def write(results: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"{date.today().isoformat()}-{results['revision']}"
    markdown_path = stem.with_suffix(".md")
    markdown_path.write_text(render(results))
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    return markdown_path
