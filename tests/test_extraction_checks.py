from datetime import date

from curation.extraction import KnownActor, KnownRole, StatementView, check_article, check_conflicts

NADIA = KnownActor(
    "nadia-karim",
    "Nadia Karim",
    "person",
    ("Karim",),
    (KnownRole("Foreign Minister", "Government of Ardania", date(2019, 1, 1), None),),
)
SAMIR = KnownActor(
    "samir-haddad",
    "Samir Haddad",
    "person",
    ("Haddad",),
    (KnownRole("Prime Minister", "Government of Ardania", date(2018, 1, 1), None),),
)
OLD_HADDAD = KnownActor(
    "yusuf-haddad",
    "Yusuf Haddad",
    "person",
    ("Haddad",),
    (KnownRole("President", "Republic of Ardania", date(1990, 1, 1), date(2001, 1, 1)),),
)
ACTORS = (NADIA, SAMIR, OLD_HADDAD)
DAY = date(2021, 5, 2)

ARTICLE = (
    "Ardanian Foreign Minister Nadia Karim met the visiting UN envoy on Sunday.\n\n"
    "“Our borders are safer than they were a year ago,” the minister said.\n\n"
    "Haddad warned that “the smuggling networks are rebuilding in the south.”"
)


def _view(key, text, speaker, printed, article="a", kind="direct"):
    start = ARTICLE.find(text) if text in ARTICLE else 0
    return StatementView(key, article, text, start, start + len(text), kind, printed, speaker)


def test_it_warns_about_a_surname_never_introduced_and_suggests_the_main_speaker():
    views = [
        _view(1, "Our borders are safer than they were a year ago", "nadia-karim", "the minister"),
        _view(2, "the smuggling networks are rebuilding in the south.", "samir-haddad", "Haddad"),
    ]
    flags = check_article(ARTICLE, views, actors=ACTORS, published_on=DAY)
    assert flags[1] == []
    [flag] = flags[2]
    assert flag.code == "speaker_not_introduced"
    assert flag.severity == "warning"
    assert flag.suggested_speaker == "nadia-karim"
    assert "Haddad" in flag.message


def test_it_only_notes_a_surname_when_it_is_the_article_main_speaker():
    text = "“The port will reopen on Monday,” Karim said.\n\n“Trade will follow,” Karim added."
    views = [
        StatementView(1, "b", "The port will reopen on Monday", 1, 31, "direct", "Karim", "nadia-karim"),
        StatementView(2, "b", "Trade will follow", 48, 65, "direct", "Karim", "nadia-karim"),
    ]
    flags = check_article(text, views, actors=ACTORS, published_on=DAY)
    assert [f.severity for f in flags[1]] == ["note"]
    assert flags[1][0].code == "speaker_not_introduced"


def test_it_does_not_flag_a_surname_introduced_in_full_earlier():
    text = "Samir Haddad opened the session.\n\n“We will not wait,” Haddad said."
    views = [StatementView(1, "c", "We will not wait", 36, 52, "direct", "Haddad", "samir-haddad")]
    assert check_article(text, views, actors=ACTORS, published_on=DAY)[1] == []


def test_it_flags_a_role_the_attributed_actor_did_not_hold_on_the_article_date():
    text = "“The treaty is dead,” the foreign minister said."
    views = [StatementView(1, "d", "The treaty is dead", 1, 19, "direct", "the foreign minister", "samir-haddad")]
    [flag] = check_article(text, views, actors=ACTORS, published_on=DAY)[1]
    assert flag.code == "role_mismatch"
    assert flag.suggested_speaker == "nadia-karim"


def test_it_flags_a_direct_quote_with_no_speaker():
    text = "“Nobody asked us,” one resident shouted."
    views = [StatementView(1, "e", "Nobody asked us", 1, 16, "direct", "", None)]
    [flag] = check_article(text, views, actors=ACTORS, published_on=DAY)[1]
    assert flag.code == "unattributed"


def test_it_flags_the_same_quote_credited_to_different_actors_in_different_articles():
    first = StatementView(
        1, "a", "“We will rebuild every school in the north by next year,” ", 0, 10, "direct", "Karim", "nadia-karim"
    )
    second = StatementView(
        2, "b", "we will rebuild every school in the North by next year", 0, 10, "direct", "Haddad", "samir-haddad"
    )
    same_article = StatementView(
        3, "a", "We will rebuild every school in the north by next year.", 0, 10, "direct", "x", "yusuf-haddad"
    )
    flags = check_conflicts([first, second])
    assert flags[1][0].code == "conflicting_attribution"
    assert flags[1][0].severity == "warning"
    assert flags[2][0].suggested_speaker == "nadia-karim"
    assert check_conflicts([first, same_article]) == {}


def test_it_does_not_flag_different_quotes_by_different_actors():
    first = StatementView(
        1, "a", "We will rebuild every school in the north by next year", 0, 10, "direct", "", "nadia-karim"
    )
    second = StatementView(
        2, "b", "The army will withdraw from the border towns this week", 0, 10, "direct", "", "samir-haddad"
    )
    assert check_conflicts([first, second]) == {}


def test_it_serialises_flags_for_json():
    views = [_view(2, "the smuggling networks are rebuilding in the south.", "samir-haddad", "Haddad")]
    flag = check_article(ARTICLE, views, actors=ACTORS, published_on=DAY)[2][0]
    assert flag.to_dict()["code"] == "speaker_not_introduced"
    assert set(flag.to_dict()) == {"code", "severity", "message", "suggested_speaker"}


def test_it_does_not_take_an_organisation_acronym_for_a_surname():
    article = (
        "Ardania's election board confirmed the result of the run-off on Monday.\n\n"
        "Observers from the OSCE said voters had a genuine choice but the campaign was not fair."
    )
    said = "voters had a genuine choice but the campaign was not fair"
    start = article.find(said)
    # The registry does not know the OSCE yet, so only the printed name tells it is no person.
    view = StatementView(1, "a", said, start, start + len(said), "indirect", "Observers from the OSCE", "osce")
    flags = check_article(article, [view], actors=ACTORS, published_on=DAY)
    assert [flag.code for flag in flags[1]] == []


LEO = KnownActor("leo-brandt", "Leo Brandt", "person", ("Brandt",), ())
OTTO = KnownActor("otto-vance", "Otto Vance", "person", ("Vance",), ())
MARA = KnownActor("mara-quell", "Mara Quell", "person", ("Quell",), ())
ABOUT_MARA = (
    "Mara Quell opened the regional summit on Monday with a call for calm.\n\n"
    "Mara Quell told delegates that the talks would last two days.\n\n"
    "Leo Brandt said the ceasefire was holding in the north. "
    "Vance added that “the convoys will move again on Friday.”"
)


def test_it_suggests_the_nearest_speaker_before_an_unintroduced_name_not_the_article_subject():
    quote = "“the convoys will move again on Friday.”"
    start = ABOUT_MARA.index(quote)
    view = StatementView("v", "a", quote, start, start + len(quote), "direct", "Vance", "otto-vance")
    flags = check_article(ABOUT_MARA, [view], actors=(LEO, OTTO, MARA))["v"]
    flag = next(flag for flag in flags if flag.code == "speaker_not_introduced")
    assert flag.suggested_speaker == "leo-brandt"
    assert 'nearest speaker named before it is Leo Brandt ("Leo Brandt")' in flag.message


def test_it_suggests_no_one_when_no_speaker_is_named_near_the_quote():
    text = "Mara Quell spoke first.\n\n" + "The weather was mild all week. " * 3 + "\n\n" + "Rain fell.\n\n"
    text += "Vance warned that “the roads will close.”"
    quote = "“the roads will close.”"
    start = text.index(quote)
    view = StatementView("v", "a", quote, start, start + len(quote), "direct", "Vance", "otto-vance")
    flag = next(flag for flag in check_article(text, [view], actors=(LEO, OTTO, MARA))["v"])
    assert (flag.code, flag.suggested_speaker) == ("speaker_not_introduced", None)
