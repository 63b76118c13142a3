"""Build extraction_examples.jsonl from the marked-up examples source.

Each article in ``extraction_examples.src.txt`` starts with a line ``=== <date or ->``.
A statement is marked ``[[speaker|kind|printed::statement text]]``; the marks are
removed and the offsets of the statement in the clean text are recorded.

Usage: ``python seeds/annotated/build_examples.py``
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK_RE = re.compile(r"\[\[([^|\]]*)\|(direct|indirect|claim)\|([^:\]]*)::(.*?)\]\]", re.DOTALL)


def build_article(published_on: str, source: str) -> dict:
    text, quotes, position = [], [], 0
    for match in MARK_RE.finditer(source):
        text.append(source[position : match.start()])
        start = sum(len(part) for part in text)
        statement = match.group(4)
        text.append(statement)
        speaker = match.group(1) or None
        quotes.append(
            {
                "quote": statement,
                "start": start,
                "end": start + len(statement),
                "speaker": speaker,
                "kind": match.group(2),
                "speaker_as_printed": match.group(3),
            }
        )
        position = match.end()
    text.append(source[position:])
    clean = "".join(text)
    assert all(clean[q["start"] : q["end"]] == q["quote"] for q in quotes)
    return {"text": clean, "published_on": None if published_on == "-" else published_on, "quotes": quotes}


def main() -> None:
    source = (HERE / "extraction_examples.src.txt").read_text(encoding="utf-8")
    articles = re.split(r"^=== ", source, flags=re.MULTILINE)[1:]
    lines = []
    for chunk in articles:
        header, _, body = chunk.partition("\n")
        lines.append(json.dumps(build_article(header.strip(), body.strip("\n") + "\n"), ensure_ascii=False))
    (HERE / "extraction_examples.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles written")


if __name__ == "__main__":
    main()
