"""Word lists the extractor relies on: reporting verbs, titles, role nouns."""

from __future__ import annotations

import re


def phrases(text: str) -> tuple[str, ...]:
    """Return the comma-separated phrases of a word list written as text, spaces squeezed."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(",") if phrase.strip())


# Reporting verbs used after a subject ("Salih said", "the minister pointed out").
FINITE_CUES = phrases(
    """
    said, says, told, tells, added, adds, stated, states, noted, notes, stressed, stresses, warned,
    warns, pointed out, points out, expressed, expresses, explained, explains, announced, announces,
    affirmed, reaffirmed, confirmed, confirms, emphasized, emphasised, emphasizes, emphasises,
    underlined, underscored, urged, urges, called for, calls for, asserted, claimed, claims, argued,
    argues, insisted, insists, acknowledged, admitted, denied, denies, revealed, declared,
    indicated, highlighted, wrote, writes, reiterated, recalled, remarked, commented, assured,
    promised, vowed, pledged, suggested, predicted, believes, continued, conceded, observed,
    maintained, disclosed, tweeted, replied, responded, cautioned, demanded, reported, estimated,
    hoped, read, has called for, have called for, has said, has warned, has stressed
    """
)
# Participles that attach a second statement to the same speaker ("…, stressing that").
PARTICIPLE_CUES = phrases(
    """
    adding, stressing, noting, saying, warning, pointing out, explaining, emphasizing, emphasising,
    underlining, urging, calling for, asserting, insisting, promising, vowing, pledging, stating,
    expressing, affirming, reiterating, indicating, highlighting, arguing, claiming, acknowledging,
    reaffirming, confirming, declaring, announcing
    """
)
# Verbs whose object, not a that-clause, is the statement ("expressed his thanks").
OBJECT_CUES = frozenset(
    phrases(
        """
    expressed, expresses, expressing, called for, calls for, calling for, has called for, have
    called for, urged, urges, urging, reaffirmed, reaffirming, affirmed, affirming, reiterated,
    reiterating, demanded, denied, denies, pledged, pledging, vowed, vowing, promised, promising
    """
    )
)
# Cues that, without "that", rarely introduce reported speech on their own.
NEEDS_THAT = frozenset(
    phrases(
        """
    told, tells, wrote, writes, read, continued, reported, hoped, observed, maintained, recalled,
    estimated, revealed, predicted, suggested, believes, admitted, acknowledged, acknowledging,
    claimed, claims, claiming, announced, announces, announcing, declared, declaring, indicated,
    indicating, highlighted, highlighting, confirmed, confirms, confirming, replied, responded
    """
    )
)


def _alternation(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


FINITE_CUE_PATTERN = _alternation(FINITE_CUES)
PARTICIPLE_CUE_PATTERN = _alternation(PARTICIPLE_CUES)

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation"}

# Words that are a title, never a name: stripped from a printed name.
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady sheikh sayyed ltg lt gen general
    lieutenant colonel col major maj brig brigadier admiral adm captain capt sgt sergeant
    president vice deputy prime minister ministers foreign defence defense interior finance
    ambassador undersecretary under-secretary secretary secretary-general spokesman
    spokeswoman spokesperson envoy chairman chairwoman chief senator governor king queen
    prince princess emir pope imam ayatollah judge justice rep sen gov director commander
    head premier chancellor mayor speaker counsellor adviser advisor special senior top
    former acting the mp legal affairs of for and""".split()
)

# Nouns that make "the …" a description of a person ("the top Iraqi diplomat").
ROLE_NOUNS = phrases(
    """
    foreign minister, prime minister, minister, diplomat, undersecretary, under-secretary, under
    secretary, president, premier, spokesman, spokeswoman, spokesperson, ambassador, envoy,
    official, secretary-general, secretary general, secretary, chief, leader, commander, general,
    governor, mayor, chairman, chairwoman, director, head, deputy, senator, king, emir, adviser,
    advisor, lawyer, judge, prosecutor, mp, lawmaker, chancellor, counterpart, officer, negotiator,
    coordinator, commissioner
    """
)
ROLE_NOUN_PATTERN = _alternation(ROLE_NOUNS)

# Nouns that make "the …" a description of an organisation or a document.
ORGANISATION_NOUNS = phrases(
    """
    ministry, presidency, government, office, embassy, council, department, agency, committee,
    commission, command, coalition, army, police, mission, group, organisation, organization,
    division, cabinet, parliament, court, company, union, alliance, movement, party, directorate,
    bureau, secretariat, authority, administration, statement, communique, report
    """
)
ORGANISATION_NOUN_PATTERN = _alternation(ORGANISATION_NOUNS)

DEMONYMS = {
    "iraqi": "iraq",
    "russian": "russia",
    "tajik": "tajikistan",
    "iranian": "iran",
    "british": "united kingdom",
    "uk": "united kingdom",
    "american": "united states",
    "us": "united states",
    "u.s.": "united states",
    "syrian": "syria",
    "turkish": "turkey",
    "french": "france",
    "german": "germany",
    "chinese": "china",
    "kurdish": "kurdistan",
    "saudi": "saudi arabia",
    "egyptian": "egypt",
    "jordanian": "jordan",
    "israeli": "israel",
    "lebanese": "lebanon",
    "afghan": "afghanistan",
    "pakistani": "pakistan",
    "indian": "india",
    "japanese": "japan",
    "italian": "italy",
    "spanish": "spain",
    "ukrainian": "ukraine",
    "qatari": "qatar",
    "kuwaiti": "kuwait",
    "yemeni": "yemen",
    "libyan": "libya",
    "canadian": "canada",
    "australian": "australia",
    "dutch": "netherlands",
    "swedish": "sweden",
    "norwegian": "norway",
    "danish": "denmark",
    "belgian": "belgium",
    "polish": "poland",
    "greek": "greece",
    "korean": "korea",
    "somali": "somalia",
    "sudanese": "sudan",
    "uzbek": "uzbekistan",
    "kazakh": "kazakhstan",
    "european": "europe",
    "un": "united nations",
    "nigerian": "nigeria",
    "kenyan": "kenya",
    "moroccan": "morocco",
    "tunisian": "tunisia",
    "algerian": "algeria",
    "emirati": "emirates",
    "omani": "oman",
}

# Name particles that are ignored when comparing names ("al-Jaafari" == "Jaafari").
NAME_PARTICLES = frozenset(
    phrases(
        """
    al, el, ad, ash, as, at, ar, an, de, del, della, di, da, du, van, von, der, den, le, la
    """
    )
)
