from curation.extraction import extract


def _by_text(suggestions, fragment):
    return next(s for s in suggestions if fragment in s.text)


def test_it_finds_a_curly_quote_with_the_speaker_after_it():
    text = "“The border crossing will reopen next week,” Karimi said on Monday."
    [quote] = extract(text)
    assert quote.kind == "direct"
    assert quote.text == "The border crossing will reopen next week"
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_as_printed == "Karimi"
    assert quote.cue == "said"


def test_it_finds_a_straight_quote_with_the_speaker_before_it():
    text = 'Governor Lina Haddad warned: "The dam cannot hold another season of floods."'
    [quote] = extract(text)
    assert quote.text == "The dam cannot hold another season of floods."
    assert quote.speaker_as_printed == "Governor Lina Haddad"
    assert quote.speaker_name == "Lina Haddad"
    assert quote.cue == "warned"


def test_it_ignores_scare_quotes_without_a_cue():
    text = "The militia declared a so-called “emirate” in the valley in 2016."
    assert extract(text) == []


def test_it_keeps_a_quote_running_over_several_paragraphs_as_one_statement():
    text = (
        "Port director Omar Saleh said: “Ships are waiting ten days to unload.\n\n"
        "“We have asked the ministry for two more cranes,” he added."
    )
    suggestions = extract(text)
    assert len(suggestions) == 1
    assert suggestions[0].text.startswith("Ships are waiting")
    assert suggestions[0].text.endswith("two more cranes")


def test_it_keeps_a_split_quote_as_one_statement_with_its_pieces():
    text = '"The talks were useful," Mrs. Okafor said, "but nothing has been signed yet."'
    [quote] = extract(text)
    assert quote.speaker_name == "Okafor"
    assert [text[start:end] for start, end in quote.pieces] == [
        "The talks were useful",
        "but nothing has been signed yet.",
    ]
    assert quote.text == text[quote.start : quote.end]


def test_it_keeps_a_quote_continued_after_its_cue_in_the_same_statement():
    text = '"Prices doubled in a month", Farid Aziz said on Tuesday. "Families cannot keep up."'
    [quote] = extract(text)
    assert quote.speaker_name == "Farid Aziz"
    assert len(quote.pieces) == 2 and quote.text.endswith("Families cannot keep up.")


def test_it_joins_an_uncued_quote_opening_the_next_paragraph_to_the_quote_before():
    text = '"Prices doubled in a month," Farid Aziz said.\n\n"Families cannot keep up with the rent."'
    [quote] = extract(text)
    assert quote.speaker_name == "Farid Aziz"
    assert [text[start:end] for start, end in quote.pieces][-1] == "Families cannot keep up with the rent."


def test_it_does_not_take_titles_of_works_for_statements():
    text = 'She spoke on "The Evening Hour With Dana Reyes" and later read "Letters From The Valley" aloud.'
    assert extract(text) == []


def test_it_does_not_join_a_quote_that_has_its_own_cue():
    text = '"We will appeal," Nadia Karim said. "The court was misled," she added.'
    first, second = extract(text)
    assert first.pieces == second.pieces == ()
    assert second.cue == "added"


def test_it_marks_a_quote_with_no_speaker_as_unattributed():
    text = 'Residents gathered outside the town hall.\n\n"We were never told the water was unsafe to drink."'
    [quote] = extract(text)
    assert quote.speaker is None
    assert quote.speaker_as_printed == ""


def test_it_attributes_a_quote_read_from_a_document_to_its_issuer():
    text = "“Aid convoys must be allowed through” read an official statement from the Health Ministry."
    [quote] = extract(text)
    assert quote.cue == "read"
    assert quote.speaker_name == "Health Ministry"


def test_it_keeps_apostrophes_and_nested_quotes_inside_the_quote():
    text = "“We won’t accept what they call ‘temporary’ measures,” the mayor said."
    [quote] = extract(text)
    assert quote.text == "We won’t accept what they call ‘temporary’ measures"


def test_it_drops_photo_captions_and_site_furniture():
    text = (
        "Minister Anna Berg said “the bridge will be finished by spring.”\n\n"
        "©\n\nReuters Photo / Jane Doe\n\n"
        "Workers stand on the bridge, saying “we have not been paid for months” in protest.\n\n"
        "Sponsored Links"
    )
    texts = [s.text for s in extract(text)]
    assert texts == ["the bridge will be finished by spring."]


def test_it_finds_the_name_in_a_cue_clause_with_an_unclosed_appositive():
    """A quote closed by a comma leads to its cue; the first name before a comma or the cue speaks."""
    text = (
        '"The levee will hold through the spring," Ana Ortiz, the pollster who runs the lab tweeted on Monday. '
        '"The rest will follow soon after that."'
    )
    [quote] = extract(text)
    assert quote.speaker_name == "Ana Ortiz"
    assert quote.cue == "tweeted"
    assert len(quote.pieces) == 2


def test_it_skips_a_name_that_only_describes_the_speaker_in_a_cue_clause():
    text = (
        "“The levee will hold through the spring,” Rivers First organizing director Kendall Rowe, who runs the group "
        "told a radio station."
    )
    [quote] = extract(text)
    assert quote.speaker_name == "Kendall Rowe"


def test_it_closes_a_doubled_apostrophe_quote_that_ends_with_a_single_quote():
    text = (
        "''I tell the other mayors, 'I am sorry, but the county does not care at all,''' said Mr. Lomax, "
        "who runs a firm. ''You can say that is very selfish of us.''"
    )
    [quote] = extract(text)
    assert quote.speaker_name == "Lomax"
    assert len(quote.pieces) == 2


def test_it_makes_a_quote_after_a_participle_a_statement_of_its_own():
    text = '"The clinic is not ours to close," she said, adding, "Dr. Ana Ortiz is grateful for the support."'
    first, second = extract(text)
    assert (first.text, first.cue) == ("The clinic is not ours to close", "said")
    assert (second.text, second.cue) == ("Dr. Ana Ortiz is grateful for the support.", "adding")
    assert second.speaker_as_printed == "she"


def test_it_keeps_a_quote_going_on_after_a_participle_clause_in_one_statement():
    text = (
        '"The clinic is not ours to close," Ana Ortiz said, noting that the county owns the lease. '
        '"We have a deep bench here."'
    )
    [quote] = extract(text)
    assert quote.speaker_name == "Ana Ortiz"
    assert len(quote.pieces) == 2


def test_it_joins_a_split_quote_whose_cue_names_a_described_speaker():
    text = "“That does not mean no response,” one Park aide said late last month, “but a muted one, not an alarm.”"
    [quote] = extract(text)
    assert quote.speaker_as_printed == "one Park aide"
    assert len(quote.pieces) == 2


def test_it_joins_an_uncued_quote_to_the_statement_whose_cue_ends_the_sentence_before():
    text = (
        'Ellen Park "felt a moral obligation to act on" the floods, Ivo Marsh said. '
        '"This is not a cosmetic item on her list. This is core stuff."'
    )
    [statement] = extract(text)
    assert statement.speaker_name == "Ivo Marsh"
    assert statement.text.endswith("This is core stuff.")
    assert len(statement.pieces) == 2


def test_it_keeps_a_run_of_uncued_quoted_paragraphs_as_one_statement():
    text = (
        "Ellen Park spoke only in slogans during the interview.\n\n"
        "“We have to do something and it is the only way you stop it.”\n\n"
        "“We have to be a lot tougher. We are playing with a different set of rules.”"
    )
    [quote] = extract(text)
    assert quote.text.startswith("We have to do something")
    assert quote.text.endswith("a different set of rules.")
    assert len(quote.pieces) == 2


def test_it_reads_a_quoted_fragment_inside_a_participle_clause_as_its_own_statement():
    text = (
        "“There is great danger on the river,” Ellen Park told reporters, "
        "before insisting she had a “great relationship” with the county."
    )
    first, second = extract(text)
    assert (first.text, first.speaker_name) == ("There is great danger on the river", "Ellen Park")
    assert second.text == "she had a “great relationship” with the county"
    assert (second.cue, second.speaker_name) == ("insisting", "Ellen Park")
