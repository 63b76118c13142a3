"""The paragraph around a suggestion, with the quote and its printed speaker marked; no database."""

from curation.highlight import paragraphs_around

BODY = (
    "Headline of the day\n\n"
    "The envoy Sam Reed arrived on Monday. Reed said the talks “will resume in May” after the holiday.\n\n"
    "Later, the minister spoke.\n\n"
    "“Trade goes on,” she told reporters.\n\n"
    "A last paragraph."
)


def around(quote, printed=""):
    start = BODY.index(quote)
    return paragraphs_around(BODY, start, start + len(quote), printed)


def test_it_shows_the_whole_paragraph_with_the_quote_and_the_printed_speaker_marked():
    html = around("“will resume in May”", "Reed")
    assert html.startswith('The envoy Sam Reed arrived on Monday. <mark class="printed-speaker">Reed</mark> said')
    assert '<mark class="quote">“will resume in May”</mark> after the holiday.' in html
    assert "Headline" not in html and "Later" not in html


def test_it_marks_the_printing_nearest_before_the_quote():
    html = around("“will resume in May”", "Reed")
    assert html.count("printed-speaker") == 1
    assert "Sam Reed arrived" in html


def test_it_adds_the_paragraph_before_when_only_that_one_prints_the_speaker():
    html = around("“Trade goes on,”", "the minister")
    assert html.startswith('Later, <mark class="printed-speaker">the minister</mark> spoke.')
    assert "A last paragraph" not in html


def test_it_marks_a_speaker_printed_after_the_quote():
    html = around("“Trade goes on,”", "she")
    assert '<mark class="quote">“Trade goes on,”</mark> <mark class="printed-speaker">she</mark> told' in html
    assert "Later" not in html


def test_it_escapes_the_text():
    html = paragraphs_around("<b>Bold</b> said “x”.", 13, 16, "<b>Bold</b>")
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
