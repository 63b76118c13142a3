from curation.extraction import Suggestion
from curation.extraction.measures import gold_name, measure, named_speaker_right

TEXT = "“We stay,” said the mill's chief executive, Ana Ortiz. Officials said the road was closed."


def _prediction(start, end, kind="direct", printed="", name="", speaker_start=None, speaker_end=None):
    return Suggestion(TEXT[start:end], start, end, kind, "said", printed, speaker_start, speaker_end, None, name, 1, ())


def test_it_reads_the_name_in_a_printed_source():
    assert gold_name("Clinic spokesman Leo Brandt") == "Leo Brandt"
    assert gold_name("Ana Ortiz, who chairs the department,") == "Ana Ortiz"
    assert gold_name("the newspaper") == ""


def test_it_counts_a_speaker_right_by_name_by_surname_or_by_appositive():
    quote = {
        "speaker_as_printed": "the mill's chief executive, Ana Ortiz,",
        "speaker": "the mill's chief executive, Ana Ortiz,",
    }
    assert named_speaker_right(quote, _prediction(1, 8, name="Ana Ortiz"), {})
    assert named_speaker_right(quote, _prediction(1, 8, name="Ortiz"), {})
    assert not named_speaker_right(quote, _prediction(1, 8, name="Lena Ortiz"), {})


def test_it_scores_quoted_and_all_statements_and_named_speakers_apart():
    item = {
        "text": TEXT,
        "quotes": [
            {"quote": "We stay", "start": 1, "end": 8, "kind": "direct", "named": True, "speaker": "Ana Ortiz"},
            {"quote": "the road was closed", "start": 64, "end": 83, "kind": "indirect", "named": False},
        ],
    }
    predictions = [[_prediction(1, 8, name="Ana Ortiz"), _prediction(20, 30, kind="direct")]]
    result = measure([item], predictions)
    assert (result.quoted_recall, result.direct_precision) == (1.0, 0.5)
    assert (result.recall, result.precision) == (0.5, 0.5)
    assert (result.named_right, result.named_matched) == (1, 1)
