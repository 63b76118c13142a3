"""What of an imported text is not the story; no database."""

from pathlib import Path

import pytest

from curation.importing.boilerplate import non_story_ranges

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def hidden_text(body, title=""):
    return [body[start:end] for start, end in non_story_ranges(body, title)]


def seed(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8-sig")


def test_it_leaves_out_the_date_line_of_000_and_nothing_of_its_story():
    body = seed("000")
    assert hidden_text(body, "Jaafari calls for international efforts against terrorism") == [" date 2018-04-08 "]


def test_it_leaves_out_the_masthead_repeated_headline_source_line_credits_and_links_of_001():
    body = seed("001")
    hidden = hidden_text(
        body, "Iraq Warns Daesh Activities Have Intensified, Urges International Cooperation to Stop Terrorists"
    )
    assert hidden[0].startswith("Iraq News Now") and hidden[0].endswith("2020-11-26 00:00:00 - Source: Iraq News")
    assert hidden[1].startswith("©") and "AP Photo / Felipe Dana" in hidden[1]
    assert hidden[1].endswith("in western Mosul, Iraq, March 17, 2017.")
    assert hidden[2] == "Sponsored Links"
    assert len(hidden) == 3
    assert "Unfortunately, the Daesh terrorist group" not in "".join(hidden)


def test_it_leaves_out_the_headline_and_read_original_of_002():
    body = seed("002")
    hidden = hidden_text(body, "Iraqi President Calls For International Cooperation to Fight Terrorism")
    assert hidden == [
        "Iraqi President Calls For International Cooperation to Fight Terrorism",
        "Read original article here.",
    ]


def test_it_keeps_the_division_that_speaks_in_003():
    body = seed("003")
    hidden = hidden_text(body, "Iraq’s Diplomacy in Countering Terrorism and Combating its Funding")
    assert hidden == ["Iraq and War on Terrorism\n\nIraq’s Diplomacy in Countering Terrorism and Combating its Funding"]


def test_it_keeps_every_numbered_point_and_dated_sentence_of_004():
    body = seed("004")
    hidden = "".join(hidden_text(body, body.splitlines()[0]))
    assert "16-17 / 5/2019" not in hidden and "Dushanbe" not in hidden


def test_it_changes_no_offsets_the_ranges_are_of_the_body_as_given():
    body = "date 2018-04-08\r\n\r\nThe story.\r\nSponsored Links\r\n"
    assert non_story_ranges(body) == [(0, 15), (31, 46)]


@pytest.mark.parametrize(
    "line", ["Photo: Jane Roe", "Reuters Photo / John Doe", "© Test Wire 2024", "Read the original article"]
)
def test_it_recognises_credits_and_links(line):
    body = f"A headline of four words\n\nThe story begins here and goes on.\n\n{line}\n\nMore of the story follows."
    hidden = hidden_text(body)
    assert hidden[0] == line


def test_it_never_hides_a_sentence_that_only_mentions_a_photo():
    body = "The minister said the photo was taken in May. He added more words to the story."
    assert non_story_ranges(body) == []
