from datetime import date

from curation.extraction import KnownActor, KnownRole, extract

SALMA = KnownActor(
    "salma-rahimi",
    "Salma Rahimi",
    "person",
    ("Rahimi",),
    (KnownRole("Foreign Minister", "Government of Ardania", date(2019, 1, 1), None),),
)
OMAR_RAHIMI = KnownActor(
    "omar-rahimi",
    "Omar Rahimi",
    "person",
    ("Rahimi",),
    (KnownRole("Foreign Minister", "Government of Ardania", date(2010, 1, 1), date(2015, 1, 1)),),
)
PETER = KnownActor(
    "peter-lund",
    "Peter Lund",
    "person",
    ("Lund",),
    (KnownRole("Undersecretary for Trade", "Ministry of Economy", None, None),),
)
AGENCY = KnownActor("relief-agency", "Northern Relief Agency", "organisation", ("the Relief Agency",))
GROUP = KnownActor("islamic-state", "Islamic State", "organisation", ("Daesh", "Da'esh", "ISIS"))
ACTORS = (SALMA, OMAR_RAHIMI, PETER, AGENCY, GROUP)


def _speakers(text, day=date(2021, 3, 1)):
    return [(s.text[:20], s.speaker) for s in extract(text, actors=ACTORS, published_on=day)]


def test_it_prefers_the_actor_in_office_on_the_article_date_for_a_surname():
    [suggestion] = extract("“The embassy stays open,” Rahimi said.", actors=ACTORS, published_on=date(2021, 3, 1))
    assert suggestion.speaker == "salma-rahimi"
    [older] = extract("“The embassy stays open,” Rahimi said.", actors=ACTORS, published_on=date(2012, 3, 1))
    assert older.speaker == "omar-rahimi"


def test_it_prefers_the_actor_introduced_earlier_in_the_article():
    text = (
        "Former minister Omar Rahimi visited the camp on Friday.\n\n"
        "“Nobody here has received winter tents,” Rahimi said."
    )
    [suggestion] = extract(text, actors=ACTORS, published_on=date(2021, 3, 1))
    assert suggestion.speaker == "omar-rahimi"


def test_it_resolves_a_role_phrase_to_the_last_fitting_actor():
    text = (
        "Foreign Minister Salma Rahimi met Peter Lund in the capital.\n\n"
        "“Trade must follow security,” the top Ardanian diplomat said."
    )
    [suggestion] = extract(text, actors=ACTORS, published_on=date(2021, 3, 1))
    assert suggestion.speaker == "salma-rahimi"
    assert suggestion.speaker_as_printed == "the top Ardanian diplomat"


def test_it_resolves_the_undersecretary_to_the_actor_holding_that_title():
    text = (
        "Salma Rahimi received Undersecretary Peter Lund on Sunday.\n\n"
        "The Undersecretary pointed out that exports had fallen by a third since January."
    )
    [suggestion] = extract(text, actors=ACTORS, published_on=date(2021, 3, 1))
    assert suggestion.kind == "indirect"
    assert suggestion.speaker == "peter-lund"
    assert suggestion.text == "exports had fallen by a third since January"


def test_it_resolves_a_pronoun_to_the_subject_of_the_sentence_before():
    text = (
        "Peter Lund toured the new port terminal on Tuesday.\n\n"
        "The terminal will double the volume of grain exports, he noted."
    )
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker == "peter-lund"
    assert suggestion.speaker_as_printed == "he"


def test_it_resolves_a_pronoun_in_a_relative_clause_to_the_sentence_subject():
    text = (
        "Mr. Lund also met the interior minister, Mr. Tomas Vik, in which he stressed the need "
        "for joint border patrols."
    )
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker == "peter-lund"


def test_it_matches_names_across_particles_apostrophes_and_spaces():
    actor = KnownActor("ali-al-jabouri", "Ali al-Jabouri", "person", ("Jabouri",))
    text = "Ali\u00a0Al-Jabouri said the convoy would leave at dawn from the northern gate."
    [suggestion] = extract(text, actors=(actor,))
    assert suggestion.speaker == "ali-al-jabouri"


def test_it_reads_an_organisation_spelt_differently_as_the_same_actor():
    text = "Da’ash claimed that its fighters had attacked the checkpoint overnight near the river."
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker == "islamic-state"


def test_it_keeps_an_unknown_speaker_by_the_name_printed():
    text = "Mr. Tomas Vik expressed his concern about the new tariffs on fertiliser imports."
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker is None
    assert suggestion.speaker_name == "Tomas Vik"


def test_it_links_a_later_surname_to_an_unknown_speaker_introduced_in_full():
    text = "Dr. Helena Marsh opened the clinic on Monday.\n\n“We can treat two hundred patients a day,” Marsh said."
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker_name == "Helena Marsh"


def test_it_finds_indirect_speech_with_that_clauses_and_participles():
    text = (
        "Salma Rahimi said this will be the first visit by an Ardanian minister in a decade, "
        "adding that both sides would sign a fisheries accord."
    )
    first, second = extract(text, actors=ACTORS, published_on=date(2021, 3, 1))
    assert first.text.startswith("this will be the first visit")
    assert second.text == "both sides would sign a fisheries accord"
    assert first.speaker == second.speaker == "salma-rahimi"


def test_it_gives_a_participle_clause_to_the_sentence_subject():
    text = (
        "Peter Lund, meanwhile, welcomed the new customs rules, stressing that delays at the "
        "border had cost farmers millions."
    )
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker == "peter-lund"
    assert suggestion.cue == "stressing"


def test_it_credits_according_to_a_statement_to_the_named_source():
    text = "Some 4,000 families returned to the district in May, according to the Relief Agency."
    [suggestion] = extract(text, actors=ACTORS)
    assert suggestion.speaker == "relief-agency"
    assert suggestion.cue == "according to"


def test_it_turns_numbered_points_into_claims_by_the_document_organisation():
    text = (
        "Northern Relief Agency\n\nAnnual priorities\n\n"
        "1- Delivering clean water to every camp before the summer.\n\n"
        "2-Training local nurses in the three border districts."
    )
    claims = extract(text, actors=ACTORS)
    assert [c.kind for c in claims] == ["claim", "claim"]
    assert claims[1].text == "Training local nurses in the three border districts"
    assert {c.speaker for c in claims} == {"relief-agency"}


def test_it_indexes_one_registry_once_for_many_articles():
    from curation.extraction.context import ArticleContext

    registry = (KnownActor("nadia-karim", "Nadia Karim", "person", ("Karim",)),)
    first = ArticleContext("Nadia Karim spoke.", registry, None)
    second = ArticleContext("Karim spoke again.", registry, None)
    assert second.index is first.index
    renamed = (KnownActor("nadia-karim", "Nadia Karim-Saleh", "person", ("Karim-Saleh",)),)
    assert ArticleContext("Karim-Saleh spoke.", renamed, None).index.by_slug["nadia-karim"].name == "Nadia Karim-Saleh"
    # A list can change in place between articles, so it is indexed every time.
    growing = list(registry)
    ArticleContext("Nadia Karim spoke.", growing, None)
    growing.append(KnownActor("samir-haddad", "Samir Haddad", "person", ("Haddad",)))
    assert "samir-haddad" in ArticleContext("Haddad spoke.", growing, None).index.by_slug
