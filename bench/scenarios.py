"""What the benchmark asks the desk for, and how it times the answers.

Requests go through Django's test Client in this process: the full URL
routing, middleware, views, serializers and templates, without the network
or an HTTP server (those are the load test's business, bench/load_test.py).
Import this module only after django.setup().
"""

import base64
import contextlib
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

PAGE_SIZE = 50
DEEP_OFFSET = 500_000
SEARCH_WORDS = (
    "corruption",
    "pipeline",
    "vaccination",
    "drought",
    "embassy",
    "reconstruction",
    "border",
    "Haddad",
    "Volkov",
    "elections",
    "militias",
    "refugees",
    "ceasefire",
    "budget",
    "intelligence sharing",
)


@dataclass
class Scenario:
    name: str
    label: str
    urls: list[str]
    kind: str = "page"  # "api" lists are compared with the floor
    note: str = ""
    timings: list[list[float]] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    status: str = ""


def sample(sql: str, *arguments) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        return [row[0] for row in cursor.fetchall()]


def scenarios_build(client: Client) -> list[Scenario]:
    articles = sample(
        "SELECT slug FROM curation_article WHERE status = 'published' AND id %% 331 = 7 ORDER BY id LIMIT 300"
    )
    statements = sample(
        "SELECT s.id FROM curation_statement s JOIN curation_article a ON a.id = s.article_id "
        "WHERE s.review_status = 'confirmed' AND s.published AND a.status = 'published' AND s.id %% 3331 = 5 "
        "ORDER BY s.id LIMIT 300"
    )
    actors = busy_actors(20) + sample("SELECT slug FROM curation_actor WHERE id %% 17 = 3 ORDER BY id LIMIT 80")
    tags = sample("SELECT slug FROM curation_tag ORDER BY id LIMIT 120")
    api = "/api/v1/statements/"
    return [
        Scenario("api_first_page", "API statements, first page", [f"{api}?page_size={PAGE_SIZE}"], "api"),
        deep_page_scenario(client, api),
        Scenario(
            "api_by_actor",
            "API statements by actor",
            [f"{api}?page_size={PAGE_SIZE}&actor={slug}" for slug in actors],
            "api",
        ),
        Scenario(
            "api_by_tag", "API statements by tag", [f"{api}?page_size={PAGE_SIZE}&tag={slug}" for slug in tags], "api"
        ),
        Scenario(
            "api_search",
            "API statements, q search",
            [f"{api}?page_size={PAGE_SIZE}&q={word}" for word in SEARCH_WORDS],
            "api",
        ),
        Scenario("api_statement", "API statement detail", [f"{api}{pk}/" for pk in statements], "api-detail"),
        Scenario("page_article", "Article page with highlights", [f"/articles/{slug}/" for slug in articles]),
        Scenario("page_actor", "Actor page", [f"/actors/{slug}/" for slug in actors]),
        Scenario("page_statement", "Statement page", [f"/statements/{pk}/" for pk in statements]),
        Scenario("page_search", "Search page", [f"/search/?q={word}" for word in SEARCH_WORDS]),
        Scenario("page_tag", "Tag page", [f"/tags/{slug}/" for slug in tags]),
        Scenario("page_home", "Home page", ["/"]),
        Scenario("page_corrections", "Corrections log", ["/corrections/"]),
    ]


def busy_actors(count: int) -> list[str]:
    """The actors with the most statements: the heaviest actor filters and pages."""
    return sample(
        "SELECT actor.slug FROM curation_actor actor JOIN ("
        "  SELECT speaker_id, count(*) AS said FROM curation_statement GROUP BY speaker_id ORDER BY said DESC LIMIT %s"
        ") busiest ON busiest.speaker_id = actor.id ORDER BY busiest.said DESC",
        count,
    )


def deep_page_scenario(client: Client, api: str) -> Scenario:
    """Build the addresses of pages about DEEP_OFFSET rows in, the way the API's own paging would reach them."""
    scenario = Scenario("api_deep_page", f"API statements, page {DEEP_OFFSET // PAGE_SIZE:,} deep", [], "api")
    first = client.get(f"{api}?page_size={PAGE_SIZE}")
    if first.status_code != 200:
        scenario.urls = [f"{api}?page_size={PAGE_SIZE}&cursor=missing"]
        return scenario
    next_link = first.json().get("next") or ""
    query = parse_qs(urlsplit(next_link).query)
    if "cursor" in query:
        scenario.urls = [f"{api}?page_size={PAGE_SIZE}&cursor={cursor}" for cursor in deep_cursors(query["cursor"][0])]
    elif "page" in query:
        scenario.urls = [f"{api}?page_size={PAGE_SIZE}&page={DEEP_OFFSET // PAGE_SIZE + 1}"]
    elif "offset" in query:
        scenario.urls = [f"{api}?page_size={PAGE_SIZE}&offset={DEEP_OFFSET}"]
    if not scenario.urls:
        scenario.note = "cannot build a deep page from the first page's next link"
    return scenario


def deep_cursors(cursor: str) -> list[str]:
    """Return cursors for twenty pages from DEEP_OFFSET rows in, in the API's own cursor format.

    The API's cursor is base64 JSON holding the last row's sort key ({"p": [...],
    "b": false, "o": "-id"}); only orderings by id are rebuilt here.
    """
    decoded = json.loads(base64.urlsafe_b64decode(cursor))
    if decoded.get("o") not in {"-id", "id"}:
        return []
    direction = "DESC" if decoded["o"] == "-id" else "ASC"
    public = (
        "FROM curation_statement s JOIN curation_article a ON a.id = s.article_id "
        "WHERE s.review_status = 'confirmed' AND s.published AND a.status = 'published' "
    )
    # A small archive has no row 500,000: go halfway instead.
    offset = min(DEEP_OFFSET, sample(f"SELECT count(*) {public}")[0] // 2)
    ids = sample(
        f"SELECT s.id {public} ORDER BY s.id {direction} OFFSET %s LIMIT %s", max(offset - 1, 0), 20 * PAGE_SIZE
    )
    cursors = []
    for pk in ids[::PAGE_SIZE]:
        position = {**decoded, "p": [pk], "b": False}
        cursors.append(base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode())
    return cursors


def deep_before_ids(scenario: Scenario) -> list[int]:
    """The ids the deep pages start after, for the floor's deep page."""
    ids = []
    for url in scenario.urls:
        cursor = parse_qs(urlsplit(url).query).get("cursor", [""])[0]
        with contextlib.suppress(ValueError, KeyError, TypeError, IndexError):
            ids.append(json.loads(base64.urlsafe_b64decode(cursor))["p"][0])
    return ids


def route_exists(url: str) -> bool:
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return True


def request(client: Client, url: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(url)
    # A streaming response is only done when read.
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code, (time.perf_counter() - started) * 1000


def scenario_run(client: Client, scenario: Scenario, *, rounds: int, per_round: int, time_limit: float) -> None:
    """Time the scenario's requests, round by round, within ``time_limit`` seconds."""
    if not scenario.urls or not route_exists(scenario.urls[0]):
        scenario.status = "missing (404)"
        return
    warm_up = [request(client, url) for url in scenario.urls[:1]]
    # A slow page (seconds a request) gets one warm-up and one counted request, not five.
    slow = warm_up[0][1] > time_limit * 1000 / (rounds * 10)
    warm_up += [request(client, url) for url in ([] if slow else scenario.urls[1:5])]
    statuses = {code for code, _ in warm_up}
    if statuses != {200}:
        scenario.status = "answers " + "/".join(str(code) for code in sorted(statuses))
        if 200 not in statuses:
            return
    scenario.queries = queries_per_request(client, scenario.urls[: 1 if slow else 3])
    # Each round gets its share of the time, so a slow scenario still has several rounds.
    stopped_early = False
    for _ in range(rounds):
        this_round, deadline = [], time.monotonic() + time_limit / rounds
        for number in range(per_round):
            if time.monotonic() > deadline:
                stopped_early = True
                break
            code, milliseconds = request(client, scenario.urls[number % len(scenario.urls)])
            if code == 200:
                this_round.append(milliseconds)
        scenario.timings.append(this_round)
    if stopped_early:
        scenario.note = (scenario.note + " rounds cut short at the time limit").strip()


def queries_per_request(client: Client, urls: list[str]) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts.append(len(captured))
    return counts
