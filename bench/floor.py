"""The floor: a page of statements with no framework at all.

One hand-written query through psycopg (speaker, article, tags and public
corrections joined or aggregated in SQL), serialised with the standard
library's json. Whatever the API adds on top of this is the framework's cost.
"""

import json
import time

import psycopg

PAGE_QUERY = """
SELECT s.id, s.kind, s.text, s.speaker_as_printed, s.start, s."end",
       speaker.slug, speaker.name, speaker.kind,
       article.slug, article.title, article.outlet, article.published_on, article.url,
       COALESCE((SELECT json_agg(json_build_object('slug', tag.slug, 'name', tag.name) ORDER BY tag.name)
                 FROM curation_statement_tags AS link JOIN curation_tag AS tag ON tag.id = link.tag_id
                 WHERE link.statement_id = s.id), '[]'),
       COALESCE((SELECT json_agg(json_build_object(
                     'from_speaker', before.name, 'to_speaker', after.name,
                     'speaker_as_printed', correction.speaker_as_printed, 'reason', correction.reason,
                     'corrected_at', correction.corrected_at) ORDER BY correction.corrected_at)
                 FROM curation_attributioncorrection AS correction
                 LEFT JOIN curation_actor AS before ON before.id = correction.from_actor_id
                 LEFT JOIN curation_actor AS after ON after.id = correction.to_actor_id
                 WHERE correction.statement_id = s.id AND correction.is_public), '[]')
FROM curation_statement AS s
JOIN curation_article AS article ON article.id = s.article_id
LEFT JOIN curation_actor AS speaker ON speaker.id = s.speaker_id
WHERE s.review_status = 'confirmed' AND s.published AND article.status = 'published' AND s.id < %s
ORDER BY s.id DESC
LIMIT %s
"""


def page_json(connection, *, before_id: int, page_size: int) -> str:
    rows = connection.execute(PAGE_QUERY, [before_id, page_size]).fetchall()
    results = [
        {
            "id": row[0],
            "url": f"/statements/{row[0]}/",
            "kind": row[1],
            "text": row[2],
            "speaker": {"slug": row[6], "name": row[7], "kind": row[8]} if row[6] else None,
            "speaker_as_printed": row[3],
            "article": {
                "slug": row[9],
                "title": row[10],
                "outlet": row[11],
                "published_on": row[12].isoformat() if row[12] else None,
                "url": row[13],
            },
            "span": {"start": row[4], "end": row[5]},
            "tags": row[14],
            "corrected": bool(row[15]),
            "corrections": row[15],
        }
        for row in rows
    ]
    next_id = results[-1]["id"] if results else None
    return json.dumps({"next": next_id, "previous": None, "results": results})


def floor_measure(
    database_url: str, *, before_ids: list[int], page_size: int, rounds: int, per_round: int
) -> list[list[float]]:
    """Return the milliseconds of each request, round by round."""
    timings = []
    with psycopg.connect(database_url, autocommit=True) as connection:
        for _ in range(3):
            page_json(connection, before_id=before_ids[0], page_size=page_size)
        for _ in range(rounds):
            this_round = []
            for number in range(per_round):
                started = time.perf_counter()
                page_json(connection, before_id=before_ids[number % len(before_ids)], page_size=page_size)
                this_round.append((time.perf_counter() - started) * 1000)
            timings.append(this_round)
    return timings
