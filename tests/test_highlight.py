"""The article text with its statements marked: pure, no database."""

from curation.anchoring import span_fits
from curation.highlight import Span, highlight, paragraph_ranges, quote_in_context


def span(body, text, anchor="statement-1", label="Someone, direct quote"):
    start = body.index(text)
    return Span(start, start + len(text), anchor, f"/statements/{anchor}/", label)


def test_it_marks_a_statement_and_links_it_with_its_label():
    body = "The minister said that peace is near. Nobody else spoke."
    html = highlight(body, [span(body, "peace is near", "statement-7", "Ibrahim al-Jaafari, indirect quote")])
    assert html == (
        '<p>The minister said that <span class="statement-anchor" id="statement-7"></span>'
        '<mark class="statement">peace is near</mark>'
        ' <a class="statement-link" href="/statements/statement-7/">Ibrahim al-Jaafari, indirect quote</a>'
        ". Nobody else spoke.</p>"
    )


def test_it_escapes_hostile_text_in_the_body_and_the_label():
    body = 'He wrote <script>alert("x")</script> & left.'
    html = highlight(body, [span(body, '<script>alert("x")</script>', label='<b>"Evil"</b>')])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp; left." in html
    assert "&lt;b&gt;&quot;Evil&quot;&lt;/b&gt;" in html


def test_it_keeps_paragraphs_and_line_breaks():
    body = "\n\nFirst line\nsecond line.\n\n\n  Second paragraph.  \n"
    assert highlight(body, []) == "<p>First line<br>\nsecond line.</p>\n<p>Second paragraph.</p>"


def test_it_cuts_overlapping_statements_into_pieces_that_never_cross():
    body = "one two three four five"
    html = highlight(body, [span(body, "one two three", "a"), span(body, "three four", "b")])
    assert '<mark class="statement">one two </mark>' in html
    assert '<mark class="statement statement-overlap">three</mark>' in html
    assert '<mark class="statement"> four</mark>' in html
    # Each statement gets exactly one link, after its last character.
    assert html.count('href="/statements/a/"') == 1 and html.count('href="/statements/b/"') == 1
    assert html.index('href="/statements/a/"') < html.index(" four</mark>") < html.index('href="/statements/b/"')


def test_it_nests_a_statement_inside_another_without_crossing_elements():
    body = "He said it is time to act now, firmly."
    html = highlight(body, [span(body, "it is time to act now", "outer"), span(body, "time to act", "inner")])
    assert html.count("<mark") == html.count("</mark>") == 3
    assert '<mark class="statement statement-overlap">time to act</mark>' in html


def test_it_marks_a_statement_across_paragraphs_in_each_and_links_it_once():
    body = "He said the war is over.\n\nAnd the rebuilding starts today, he added."
    html = highlight(body, [span(body, "the war is over.\n\nAnd the rebuilding starts today")])
    first, second = html.split("\n")
    assert '<mark class="statement">the war is over.</mark></p>' in first
    assert '<p><mark class="statement">And the rebuilding starts today</mark> <a class="statement-link"' in second
    assert html.count("statement-link") == 1


def test_it_puts_the_link_after_the_closing_quotation_mark():
    body = "“We will win,” he said."
    html = highlight(body, [span(body, "We will win,")])
    assert html.startswith(
        '<p>“<span class="statement-anchor" id="statement-1"></span><mark class="statement">We will win,</mark>” <a '
    )


def test_it_ignores_spans_outside_the_body_or_made_only_of_whitespace():
    body = "Short text.  Here."
    html = highlight(body, [Span(5, 500, "a", "/a/", "A"), Span(11, 13, "b", "/b/", "B")])
    assert "mark" in html and html.count("<mark") == 1 and "/b/" not in html


def test_span_fits_only_when_the_offsets_still_cut_out_the_text():
    body = "abc def"
    assert span_fits(body, 4, 7, "def") is True
    assert span_fits(body, 3, 6, "def") is False
    assert span_fits(body, 4, 70, "def") is False


def test_paragraph_ranges_skip_blank_lines():
    body = "a\n\n \n b c \n"
    assert [body[start:end] for start, end in paragraph_ranges(body)] == ["a", "b c"]


def test_quote_in_context_marks_the_quote_between_whole_words():
    body = "alpha beta gamma delta. “Quote here,” said she. epsilon zeta eta theta"
    start = body.index("Quote here,")
    html = quote_in_context(body, start, start + len("Quote here,"), width=12)
    assert html.startswith("… delta. “<mark>Quote here,</mark>”")
    assert html.endswith("she. …")
    assert "gam" not in html and "epsilon" not in html


def test_quote_in_context_escapes_and_squeezes_whitespace():
    body = "<i>before</i>\n\n  the <quote>  \n\n after & more"
    start = body.index("the <quote>")
    html = quote_in_context(body, start, start + len("the <quote>"))
    assert html == "&lt;i&gt;before&lt;/i&gt; <mark>the &lt;quote&gt;</mark> after &amp; more"
