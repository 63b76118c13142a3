"""Throughput of the editorial pipeline: import_articles, then extract_statements.

Runs in a scratch database of its own so the benchmark archive keeps its size.
The articles are synthetic ones written to a JSON Lines file.
"""

import json
import tempfile
from pathlib import Path

from django.core.management import get_commands

from bench.database import database_recreate, manage, measured
from curation.corpus.articles import Cast, generate_article
from curation.corpus.text import actor_counts, generate_actors, generate_tags, tag_count

SEED = 11


def articles_file(path: Path, count: int) -> None:
    """Write ``count`` synthetic articles in the import_articles JSON Lines shape."""
    people, organisations = actor_counts(count)
    cast = Cast(
        generate_actors(seed=SEED, first_id=1, people=people, organisations=organisations),
        generate_tags(first_id=1, count=tag_count(count)),
    )
    with path.open("w") as output:
        for article_id in range(1, count + 1):
            article = generate_article(seed=SEED, article_id=article_id, cast=cast)
            output.write(
                json.dumps(
                    {
                        "title": article.title,
                        "body": article.body,
                        "outlet": article.outlet,
                        "url": article.url,
                        "published_on": article.published_on.isoformat() if article.published_on else None,
                    }
                )
                + "\n"
            )


def pipeline_measure(database_url: str, count: int) -> dict:
    """Return seconds, articles a second and peak memory of importing and extracting ``count`` articles."""
    commands = get_commands()
    figures = {}
    database_recreate(database_url)
    manage("migrate", "--no-input", "-v", "0", database_url=database_url)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.jsonl"
        articles_file(path, count)
        if "import_articles" in commands:
            figures["import_articles"] = _figure(
                measured("import_articles", str(path), "--publish", database_url=database_url), count
            )
        else:
            figures["import_articles"] = {"note": "missing: import_articles is not there yet"}
    if "extract_statements" in commands:
        result = measured("extract_statements", "--all", "--no-progress", database_url=database_url)
        figures["extract_statements"] = _figure(result, count)
    else:
        figures["extract_statements"] = {"note": "missing: extract_statements is not there yet"}
    return figures


def _figure(result: dict, count: int) -> dict:
    return {
        "articles": count,
        "seconds": result["seconds"],
        "peak_megabytes": result["peak_megabytes"],
        "articles_per_second": round(count / result["seconds"], 1) if result["seconds"] else None,
        "summary": (result["stdout"].strip().splitlines() or [""])[-1],
    }
