"""The folding search applies to stored words and queries alike (pure Python, no database)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from curation.search_text import (
    MARKER_PREFIX,
    STOPWORDS,
    actor_marker,
    document_words,
    name_key,
    phrase_words,
    statement_document,
)


def test_it_folds_apostrophe_variants_case_and_accents_to_one_word():
    spellings = ["Daesh", "Da’esh", "Da'esh", "Da‘esh", "Daʼesh", "DAESH", "Dāesh"]
    assert {tuple(document_words(spelling)) for spelling in spellings} == {("daesh",)}


def test_it_stores_a_hyphenated_word_as_its_parts_and_whole():
    assert document_words("counter-terrorism") == ["counter", "terror", "counterterror"]
    assert document_words("counterterrorism") == ["counterterror"]
    assert phrase_words("counter–terrorism") == ("counter", "terror")


def test_it_keeps_a_common_word_only_when_written_in_capitals():
    assert document_words("this is what IS planned") == ["is", "plan"]
    assert "is" not in document_words("This is it")


def test_it_finds_a_name_past_its_possessive_and_abbreviation_dots():
    assert document_words("Iraq’s U.N. envoy") == document_words("Iraq UN envoy")
    assert document_words("2.5 million") == ["2", "5", "million"]


def test_it_keys_names_with_hyphens_as_spaces():
    assert name_key("Ibrahim al-Ja'afari") == name_key("ibrahim al jaafari") == "ibrahim al jaafari"


def test_it_never_lets_a_word_of_text_pose_as_a_marker():
    document = statement_document(text=f"{actor_marker(7)} said", speaker_as_printed="", speaker_id=None, tag_ids=[])
    assert actor_marker(7) not in document.split()


@settings(max_examples=300)
@given(st.text())
def test_it_stores_only_plain_words_whatever_the_text(text):
    for word in document_words(text):
        assert word and all(char.isalnum() for char in word) and len(word) <= 61
        assert not word.startswith(MARKER_PREFIX)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=20))
def test_a_word_searched_for_is_among_the_words_stored_for_it(word):
    stored = set(document_words(f"They said “{word}”, twice."))
    assert set(phrase_words(word)) <= stored
    if word.casefold() in STOPWORDS and not word.isupper():
        assert phrase_words(word) == ()
