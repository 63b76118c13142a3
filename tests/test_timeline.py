"""The actor timeline: statements per month drawn as SVG, pure, no database."""

import xml.etree.ElementTree as ElementTree

from curation.timeline import MonthCount, month_series, timeline_summary, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_it_fills_the_months_between_first_and_last_with_zero_across_a_new_year():
    series = month_series({(2019, 11): 2, (2020, 2): 5})
    assert [(entry.year, entry.month, entry.count) for entry in series] == [
        (2019, 11, 2),
        (2019, 12, 0),
        (2020, 1, 0),
        (2020, 2, 5),
    ]


def test_it_draws_one_bar_per_month_with_statements_scaled_to_the_busiest():
    svg = timeline_svg(month_series({(2018, 4): 4, (2018, 6): 2}))
    root = ElementTree.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[0] == 2 * heights[1]
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["April 2018: 4 statements", "June 2018: 2 statements"]


def test_it_carries_a_text_alternative_for_screen_readers():
    svg = timeline_svg(month_series({(2018, 4): 1, (2018, 5): 3}))
    assert 'role="img"' in svg and 'aria-labelledby="timeline-title timeline-desc"' in svg
    assert (
        '<desc id="timeline-desc">Statements per month from April 2018 to May 2018. '
        "April 2018: 1 statement; May 2018: 3 statements.</desc>" in svg
    )


def test_it_draws_nothing_without_dated_statements():
    assert timeline_svg([]) == ""
    assert timeline_svg([MonthCount(2020, 1, 0)]) == ""
    assert timeline_summary([]) == "No dated statements."


def test_it_escapes_the_element_id():
    svg = timeline_svg(month_series({(2020, 1): 1}), element_id='x"><script>')
    assert "<script>" not in svg and "&quot;&gt;&lt;script&gt;" in svg


def test_it_pads_a_short_series_with_earlier_empty_months():
    series = month_series({(2018, 2): 3}, at_least=4)
    assert [(entry.year, entry.month, entry.count) for entry in series] == [
        (2017, 11, 0),
        (2017, 12, 0),
        (2018, 1, 0),
        (2018, 2, 3),
    ]
    assert len(month_series({(2018, 1): 1, (2019, 12): 1}, at_least=4)) == 24
