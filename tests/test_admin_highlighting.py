"""Marking statements in an article's text: nested and overlapping spans, escaped text."""

from curation.highlight import Span, cut, highlight_numbered


def span(number, start, end):
    return Span(start, end, anchor=f"s{number}", href=f"/s/{number}/", label=f"statement {number}", number=number)


def test_it_marks_nested_statements_piece_by_piece():
    body = "He said that the cells are dormant today."
    outer, inner = span(1, 8, 40), span(2, 13, 34)
    pieces = cut(body, [outer, inner])
    assert "".join(piece.text for piece in pieces) == body
    covering = [(piece.text, [s.number for s in piece.covering]) for piece in pieces]
    assert covering == [
        ("He said ", []),
        ("that ", [1]),
        ("the cells are dormant", [1, 2]),
        (" today", [1]),
        (".", []),
    ]


def test_it_marks_overlapping_statements_without_overlapping_elements():
    html = highlight_numbered("abcdefghij", [span(1, 0, 6), span(2, 4, 10)])
    assert html == (
        '<a class="statement-number" href="/s/1/" title="statement 1">1</a>'
        '<mark class="statement-text shade-1" data-statements="1" title="statement 1">abcd</mark>'
        '<a class="statement-number" href="/s/2/" title="statement 2">2</a>'
        '<mark class="statement-text shade-2" data-statements="1 2" title="statement 1 / statement 2">ef</mark>'
        '<mark class="statement-text shade-1" data-statements="2" title="statement 2">ghij</mark>'
    )


def test_it_escapes_the_article_text():
    html = highlight_numbered('<script>alert("x")</script> & more', [span(1, 0, 8)])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp; more" in html


def test_it_returns_the_plain_escaped_text_without_statements():
    assert highlight_numbered("Tom & Jerry", []) == "Tom &amp; Jerry"
