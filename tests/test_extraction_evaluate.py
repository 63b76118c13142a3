from curation.extraction import Suggestion
from curation.extraction.evaluate import evaluate, format_table, match_spans

TEXT = "“We stay,” Aziz said. Lena Berg said the road was closed for a week."
GOLD = [
    {
        "text": TEXT,
        "quotes": [
            {"quote": "We stay", "start": 1, "end": 8, "speaker": "farid-aziz"},
            {"quote": "the road was closed for a week", "start": 36, "end": 66, "speaker": "Lena Berg"},
        ],
    }
]


def _suggestion(start, end, speaker=None, name=""):
    return Suggestion(TEXT[start:end], start, end, "direct", "said", "", None, None, speaker, name, 0.9, ())


def test_it_counts_a_prediction_covering_half_the_gold_span_as_a_match():
    assert match_spans([(0, 10)], [(5, 20)]) == [(0, 0)]
    assert match_spans([(0, 10)], [(6, 20)]) == []


def test_it_matches_each_gold_statement_only_once():
    assert match_spans([(0, 10)], [(0, 10), (0, 9)]) == [(0, 0)]


def test_it_scores_precision_recall_and_speakers():
    predictions = [[_suggestion(1, 8, "farid-aziz"), _suggestion(36, 66, None, "Lena Berg"), _suggestion(22, 31)]]
    result = evaluate(GOLD, predictions)
    assert (result.matched, result.predicted, result.gold) == (2, 3, 2)
    assert round(result.precision, 3) == 0.667 and result.recall == 1.0
    assert result.speaker_accuracy == 1.0


def test_it_counts_a_wrong_speaker_against_speaker_accuracy():
    predictions = [[_suggestion(1, 8, "lena-berg", "Lena Berg"), _suggestion(36, 66, None, "L. Berg")]]
    result = evaluate(GOLD, predictions)
    assert result.matched == 2 and result.speakers_right == 0


def test_it_measures_flag_precision_against_expected_flags():
    expected = [[{"code": "speaker_not_introduced", "start": 1, "end": 8, "suggested_speaker": "x"}]]
    raised = [
        [
            {"code": "speaker_not_introduced", "start": 1, "end": 8, "suggested_speaker": "x"},
            {"code": "unattributed", "start": 36, "end": 66},
        ]
    ]
    result = evaluate(GOLD, [[]], expected_flags=expected, raised_flags=raised)
    assert result.flag_precision == 0.5 and result.flag_recall == 1.0


def test_it_formats_a_plain_text_table():
    table = format_table(evaluate(GOLD, [[_suggestion(1, 8, "farid-aziz")]]), "Demo")
    assert table.splitlines()[0] == "Demo"
    assert "recall" in table and "0.500" in table
