"""A small bar chart of statements per month, drawn as inline SVG on the server.

Pure Python: counts in, markup out. The chart carries its own text
alternative (``<title>`` and ``<desc>``), and ``timeline_summary`` gives the
same facts as a sentence for anyone who cannot see it.
"""

from dataclasses import dataclass
from html import escape

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

WIDTH, HEIGHT = 640, 140
PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT = 16, 112, 8, 632


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int

    @property
    def name(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


def month_series(counts: dict[tuple[int, int], int], *, at_least: int = 1) -> list[MonthCount]:
    """Return one entry per month from the first to the last, empty months as zero.

    With ``at_least``, earlier empty months are added until the series is
    that long, so a single busy month is drawn as one bar in a year, not as
    one bar filling the chart.
    """
    if not counts:
        return []
    (year, month), last = min(counts), max(counts)
    months_spanned = (last[0] - year) * 12 + last[1] - month + 1
    for _ in range(at_least - months_spanned):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    series = []
    while (year, month) <= last:
        series.append(MonthCount(year, month, counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def _statements(count: int) -> str:
    return f"{count} statement{'' if count == 1 else 's'}"


def timeline_summary(series: list[MonthCount]) -> str:
    """Return the chart's facts as one sentence, naming only months with statements."""
    busy = [entry for entry in series if entry.count]
    if not busy:
        return "No dated statements."
    months = "; ".join(f"{entry.name}: {_statements(entry.count)}" for entry in busy)
    return f"Statements per month from {series[0].name} to {series[-1].name}. {months}."


def _bar(entry: MonthCount, index: int, slot: float, tallest: int) -> str:
    height = (PLOT_BOTTOM - PLOT_TOP) * entry.count / tallest
    gap = min(2.0, slot / 4)
    return (
        f'<rect class="timeline-bar" x="{PLOT_LEFT + index * slot + gap / 2:.2f}" '
        f'y="{PLOT_BOTTOM - height:.2f}" width="{slot - gap:.2f}" height="{height:.2f}">'
        f"<title>{escape(entry.name)}: {_statements(entry.count)}</title></rect>"
    )


def timeline_svg(series: list[MonthCount], *, element_id: str = "timeline") -> str:
    """Return an SVG bar per month, scaled to the busiest month, or '' when there is nothing to draw."""
    if not any(entry.count for entry in series):
        return ""
    tallest = max(entry.count for entry in series)
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(series)
    bars = "".join(_bar(entry, index, slot, tallest) for index, entry in enumerate(series) if entry.count)
    title_id, desc_id = f"{escape(element_id)}-title", f"{escape(element_id)}-desc"
    return (
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">Statements per month</title>'
        f'<desc id="{desc_id}">{escape(timeline_summary(series))}</desc>'
        f'<line class="timeline-axis" x1="{PLOT_LEFT}" y1="{PLOT_BOTTOM}" x2="{PLOT_RIGHT}" y2="{PLOT_BOTTOM}"/>'
        f"{bars}"
        f'<text class="timeline-label" x="{PLOT_LEFT}" y="{HEIGHT - 8}">{escape(series[0].name)}</text>'
        f'<text class="timeline-label" x="{PLOT_RIGHT}" y="{HEIGHT - 8}" text-anchor="end">'
        f"{escape(series[-1].name)}</text>"
        f'<text class="timeline-label" x="{PLOT_LEFT}" y="{PLOT_TOP - 4}">most in a month: {tallest}</text>'
        f"</svg>"
    )
