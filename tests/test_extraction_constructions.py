"""The constructions of ordinary news reporting, one short invented sentence each."""

import pytest

from curation.extraction import extract


def _one(text):
    [suggestion] = extract(text)
    return suggestion


@pytest.mark.parametrize(
    "text",
    [
        "“The levee will hold through the spring,” Marta Ruiz said.",
        '"The levee will hold through the spring," Marta Ruiz said.',
        "‘The levee will hold through the spring,’ Marta Ruiz said.",
        "''The levee will hold through the spring,'' Marta Ruiz said.",
        "«The levee will hold through the spring,» Marta Ruiz said.",
    ],
)
def test_it_reads_every_kind_of_quote_mark(text):
    quote = _one(text)
    assert quote.kind == "direct"
    assert quote.text == "The levee will hold through the spring"
    assert quote.speaker_name == "Marta Ruiz"


def test_it_keeps_an_apostrophe_from_opening_a_quote():
    text = "“The Ruizes’ farm was never flooded,” Marta Ruiz said."
    assert _one(text).text == "The Ruizes’ farm was never flooded"


def test_it_takes_a_partly_quoted_sentence_as_one_statement():
    text = "Governor Ellen Park said the budget was “a promise kept” to teachers across the state."
    quote = _one(text)
    assert quote.text == "the budget was “a promise kept” to teachers across the state"
    assert quote.kind == "direct"
    assert quote.speaker_name == "Ellen Park"
    assert "partly quoted statement" in quote.reasons


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ellen Park has argued that the tax cut will pay for itself.", "argued"),
        ("Ellen Park would later concede that the plan had cost too much.", "would later concede"),
        ("Ellen Park insists the highway will be finished next year.", "insists"),
        ("Ellen Park had warned that the county could run out of water.", "had warned"),
    ],
)
def test_it_finds_indirect_speech_with_speech_verbs_in_every_tense(text, cue):
    statement = _one(text)
    assert statement.kind == "indirect"
    assert statement.speaker_name == "Ellen Park"
    assert statement.cue == cue


def test_it_finds_a_trailing_cue_with_a_day_and_a_place():
    text = "The county will hire forty new nurses before the winter, Ellen Park said Tuesday in Albany."
    statement = _one(text)
    assert statement.text == "The county will hire forty new nurses before the winter"
    assert statement.speaker_name == "Ellen Park"


def test_it_skips_a_day_between_the_cue_and_the_statement():
    statement = _one("Ellen Park said Tuesday that the county would hire forty nurses.")
    assert statement.text == "the county would hire forty nurses"


def test_it_finds_a_statement_told_to_a_listener():
    statement = _one("Ellen Park told reporters that the strike would end within a week.")
    assert statement.text == "the strike would end within a week"
    assert statement.speaker_name == "Ellen Park"


def test_it_finds_according_to_a_source():
    statement = _one("The mill will close in March, according to the union.")
    assert statement.text == "The mill will close in March"
    assert statement.cue == "according to"
    assert statement.speaker_as_printed == "the union"


def test_it_finds_a_participle_that_adds_a_second_statement():
    first, second = extract("Ellen Park said the mill would reopen, saying that two hundred jobs would return.")
    assert second.text == "two hundred jobs would return"
    assert second.speaker_name == "Ellen Park"


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("“We are not finished,” a campaign spokesman said.", "a campaign spokesman"),
        ("“We are not finished,” the newspaper said in an editorial.", "the newspaper"),
        ("“We are not finished,” officials said.", "officials"),
        ("“We are not finished,” said Leo Brandt, a retired farmer from Ohio.", "Leo Brandt"),
        ("“We are not finished,” Mayor Leo Brandt said.", "Mayor Leo Brandt"),
        ("“We are not finished,” Leo Brandt, 71, told the crowd.", "Leo Brandt"),
    ],
)
def test_it_takes_names_titles_and_descriptions_as_sources(text, printed):
    assert _one(text).speaker_as_printed == printed


def test_it_takes_the_subject_of_the_cue_past_an_appositive():
    text = "Leo Brandt, who ran the mill for thirty years, said the town had been forgotten by the state."
    statement = _one(text)
    assert statement.speaker_name == "Leo Brandt"
    assert statement.text == "the town had been forgotten by the state"


def test_it_takes_the_person_named_before_of_a_place():
    text = "“Nobody came to help,” said Leo Brandt of Dayton."
    assert _one(text).speaker_name == "Leo Brandt"


def test_it_does_not_take_a_day_or_a_sentence_opener_for_a_speaker():
    statement = _one("When Ellen Park spoke on Monday, she said the tax plan would hurt families.")
    assert statement.speaker_as_printed == "she"


def test_it_resolves_he_said_to_the_last_person_named():
    text = "Dr. Leo Brandt opened the clinic on Monday.\n\n“We can see forty patients a day,” he said."
    statement = _one(text)
    assert statement.speaker_as_printed == "he"
    assert statement.speaker_name == "Leo Brandt"


def test_it_gives_a_continued_quote_the_speaker_of_its_own_sentence_first():
    text = (
        '"The bridge is safe," Mayor Leo Brandt said.\n\n'
        '"The inspectors missed three cracks," said Ana Ortiz, an engineer.'
    )
    first, second = extract(text)
    assert first.speaker_name == "Leo Brandt"
    assert second.speaker_name == "Ana Ortiz"


@pytest.mark.parametrize(
    "text",
    [
        "She called the plan “dead on arrival” in a short statement.",
        "The senator has a “very good relationship” with the governor.",
        "He was reading “The Old Man and the Sea” on the train.",
    ],
)
def test_it_takes_neither_scare_quotes_nor_titles_for_statements(text):
    assert all(
        s.text not in ("dead on arrival", "very good relationship", "The Old Man and the Sea") for s in extract(text)
    )


def test_it_reads_a_transcript_line_as_the_speaker_statement():
    text = "The two spoke on stage.\n\nORTIZ: We will not cut a single school from the budget.\n\nQ: And the roads?"
    [line] = extract(text)
    assert line.text == "We will not cut a single school from the budget."
    assert line.speaker_name == "Ortiz"


def test_it_reads_a_list_of_reactions():
    text = (
        "Reactions came quickly.\n\n"
        '— Sen. Ana Ortiz, on Twitter: "A sad day for the state and every family here."\n\n'
        '— Mayor Leo Brandt: "We will rebuild the bridge before winter."'
    )
    first, second = extract(text)
    assert first.speaker_name == "Ana Ortiz"
    assert second.speaker_name == "Leo Brandt"


def test_it_reads_a_cue_set_off_by_commas_inside_the_statement():
    statement = _one("The harvest, Ellen Park said, was the worst in twenty years.")
    assert statement.text == "The harvest, Ellen Park said, was the worst in twenty years"
    assert statement.speaker_name == "Ellen Park"


def test_it_reads_a_cue_and_speaker_after_the_statement():
    statement = _one("Turnout fell in every county, said Ana Ortiz, a pollster at the state university.")
    assert statement.text == "Turnout fell in every county"
    assert statement.speaker_name == "Ana Ortiz"


def test_it_reads_a_cue_in_the_progressive():
    statement = _one("Ellen Park is telling voters in Dayton that the plant will stay open.")
    assert statement.text == "the plant will stay open"
    assert statement.cue == "is telling"


def test_it_ends_a_statement_where_the_same_speaker_says_something_else():
    first, second = extract("Ellen Park said the plant would stay open, but conceded that wages would fall.")
    assert first.text == "the plant would stay open"
    assert second.text == "wages would fall"
    assert second.speaker_name == "Ellen Park"


def test_it_reads_a_party_label_between_the_speaker_and_the_cue():
    statement = _one("Rep. Ana Ortiz (D-Ohio) said the bill would pass by June.")
    assert statement.speaker_name == "Ana Ortiz"


def test_it_gives_a_quote_to_the_sentence_that_introduces_it():
    text = "Ana Ortiz said in a statement.\n\n“The county will appeal the ruling on Monday.”"
    assert _one(text).speaker_name == "Ana Ortiz"


def test_it_takes_the_name_an_appositive_gives_a_described_speaker():
    statement = _one("“We lost everything,” one survivor, Mariam Nadir, told reporters.")
    assert statement.speaker_name == "Mariam Nadir"


def test_it_resolves_who_to_the_person_named_just_before():
    statement = _one("The plan drew fire from Ana Ortiz, who said it would close three schools.")
    assert statement.speaker_as_printed == "who"
    assert statement.speaker_name == "Ana Ortiz"


def test_it_skips_a_named_listener_after_told():
    statement = _one("Ellen Park told Channel Four News that the mill would not close.")
    assert statement.text == "the mill would not close"
    assert statement.speaker_name == "Ellen Park"


def test_it_takes_an_organisation_as_a_source():
    statement = _one("“Supplies will last until March,” the Health Ministry said in a statement.")
    assert statement.speaker_as_printed == "the Health Ministry"


def test_it_resolves_the_minister_added_to_the_last_minister_named():
    text = (
        "Interior Minister Leo Brandt met the governors on Monday.\n\n"
        "“The roads will reopen by Friday,” the minister added."
    )
    assert _one(text).speaker_name == "Leo Brandt"


@pytest.mark.parametrize(
    ("text", "statement", "speaker"),
    [
        (
            "The mayor vowed to “rebuild every bridge” in the valley before winter. The council later said nothing.",
            "to “rebuild every bridge” in the valley before winter",
            "The mayor",
        ),
        (
            'Nadia Brook said there was "no daylight" between the two budgets. She said the county would wait.',
            'there was "no daylight" between the two budgets',
            "Nadia Brook",
        ),
    ],
)
def test_it_reads_on_past_a_quoted_fragment_the_sentence_carries_on_after(text, statement, speaker):
    """Words after a fragment's closing mark continue the sentence; they never name its speaker."""
    first = extract(text)[0]
    assert first.text == statement
    assert first.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "statement", "cue"),
    [
        (
            'Ivo Marsh, 55, said he had been willing to "look the other way" on many of the speeches.',
            'he had been willing to "look the other way" on many of the speeches',
            "said",
        ),
        (
            'Ivo Marsh on Friday described his plan to lead a "big tent" party in the fall.',
            'his plan to lead a "big tent" party in the fall',
            "described",
        ),
        (
            'Ivo Marsh has defended "small town values," saying the city embodied the "heart and soul of the state."',
            'the city embodied the "heart and soul of the state."',
            "saying",
        ),
    ],
)
def test_it_finds_the_speaker_past_an_age_a_day_or_a_quote_closing_on_a_comma(text, statement, cue):
    found = _one(text)
    assert (found.text, found.cue, found.speaker_name) == (statement, cue, "Ivo Marsh")


@pytest.mark.parametrize(
    ("text", "statement", "source"),
    [
        (
            "The county will build two schools next year, according to a senior adviser who asked not to be named.",
            "The county will build two schools next year",
            "a senior adviser who asked not to be named",
        ),
        (
            "But according to reports in the local press, he could not convince the council that the plan worked.",
            "he could not convince the council that the plan worked",
            "reports in the local press",
        ),
        (
            "The mill earns, according to one report, four million dollars in county contracts.",
            "The mill earns, according to one report, four million dollars in county contracts",
            "one report",
        ),
        (
            "Turnout fell by a third, according to the U.S. Census Bureau.",
            "Turnout fell by a third",
            "the U.S. Census Bureau",
        ),
    ],
)
def test_it_reads_according_to_with_any_source_before_inside_or_after_the_statement(text, statement, source):
    found = _one(text)
    assert (found.text, found.cue, found.speaker_as_printed) == (statement, "according to", source)


@pytest.mark.parametrize(
    ("text", "statement", "source"),
    [
        (
            "The mayor, officials said, has become skeptical about the new bridge over the river.",
            "The mayor, officials said, has become skeptical about the new bridge over the river",
            "officials",
        ),
        (
            "Some experts say it may be years before the technology exists.",
            "it may be years before the technology exists",
            "Some experts",
        ),
        (
            "The levy helped convert doubts into active support, donors said.",
            "The levy helped convert doubts into active support",
            "donors",
        ),
    ],
)
def test_it_takes_a_plural_noun_alone_as_a_source(text, statement, source):
    found = _one(text)
    assert (found.text, found.speaker_as_printed) == (statement, source)


def test_it_reads_a_speaker_with_an_age_and_an_appositive():
    found = _one("Yin Tolle, 60, a doctor, said she was elated but still feared the army.")
    assert (found.text, found.speaker_name) == ("she was elated but still feared the army", "Yin Tolle")


def test_it_reads_a_clause_without_that_after_a_cue_that_otherwise_needs_it():
    """'announced it would' reports speech; 'announced her support' and 'declared victory' are deeds."""
    found = _one("Ellen Park announced it would slash up to 300 jobs.")
    assert (found.text, found.cue) == ("it would slash up to 300 jobs", "announced")
    assert extract("Ellen Park declared victory in the county race.") == []


def test_it_runs_a_partly_quoted_statement_to_the_end_of_a_quote_that_goes_past_a_full_stop():
    text = 'Ivo Marsh added that he was "fighting to defend the charter. I will tell you this, the county will lose."'
    found = _one(text)
    assert found.text == 'he was "fighting to defend the charter. I will tell you this, the county will lose'
    assert found.speaker_name == "Ivo Marsh"


@pytest.mark.parametrize(
    ("text", "statement", "source"),
    [
        (
            "Just 28 percent of voters said they had a positive view of the mayor.",
            "they had a positive view of the mayor",
            "Just 28 percent of voters",
        ),
        (
            "Six in 10 say the mayor is at least somewhat decisive.",
            "the mayor is at least somewhat decisive",
            "Six in 10",
        ),
        (
            "The plan, an inside source said, is to have volunteers pass out the leaflets.",
            "The plan, an inside source said, is to have volunteers pass out the leaflets",
            "an inside source",
        ),
        (
            "The county did not complain when the mill helped growth, a regional official said.",
            "The county did not complain when the mill helped growth",
            "a regional official",
        ),
    ],
)
def test_it_takes_a_described_or_counted_source(text, statement, source):
    found = _one(text)
    assert (found.text, found.speaker_as_printed) == (statement, source)


def test_it_reads_a_reported_question_and_the_answer_after_it():
    text = "When asked by a host whether the county should have a vote, Ellen Park said she was open to it."
    question, answer = extract(text)
    assert (question.text, question.cue, question.speaker_as_printed) == (
        "whether the county should have a vote",
        "asked",
        "a host",
    )
    assert (answer.text, answer.speaker_name) == ("she was open to it", "Ellen Park")


def test_it_reads_a_clause_told_to_a_newspaper_named_with_the():
    found = _one("Ivo Marsh told the Valley Post he has already received hundreds of emails from voters.")
    assert (found.text, found.cue, found.speaker_name) == (
        "he has already received hundreds of emails from voters",
        "told",
        "Ivo Marsh",
    )
