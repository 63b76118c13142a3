"""Word lists the extractor relies on: reporting verbs, titles, role nouns."""

from __future__ import annotations

import re


def phrases(text: str) -> tuple[str, ...]:
    """Return the comma-separated phrases of a word list written as text, spaces squeezed."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(",") if phrase.strip())


# Reporting verbs, written once in their plain form; every tense is made from them below.
SPEECH_VERBS = phrases(
    """
    say, tell, add, state, note, stress, warn, point out, express, explain, announce, affirm, reaffirm,
    confirm, emphasize, emphasise, underline, underscore, urge, call for, call on, assert, claim, argue,
    insist, acknowledge, admit, deny, reveal, declare, indicate, highlight, write, reiterate, recall, remark,
    comment, assure, promise, vow, pledge, suggest, predict, continue, concede, observe, maintain, disclose,
    tweet, reply, respond, caution, demand, report, estimate, ask, accuse, criticize, criticise, blame,
    praise, describe, dismiss, complain, contend, charge, allege, boast, brag, joke, quip, muse, lament,
    counter, retort, testify, tout, mock, slam, blast, attack, denounce, condemn, question, challenge,
    propose, recommend, advise, inform, speculate, recount, repeat, echo, cite, mention, forecast, proclaim,
    post, shout, yell, scream, whisper, plead, thank, apologize, apologise, congratulate, hail, dub, label,
    brand, characterize, characterise, term, mention, remind, agree, conclude, explain, insist, hint, rail, call,
    lash out, fire back, hit back, tell reporters, put it, make clear, make it clear, react, scoff, snap, sigh,
    gush, shrug, exclaim, interject, chime in
    """
)
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "read": ("read", "reads", "reading"),
    "put": ("put", "puts", "putting"),
    "make": ("made", "makes", "making"),
    "hit": ("hit", "hits", "hitting"),
    "fire": ("fired", "fires", "firing"),
}


def _forms(verb: str) -> tuple[list[str], list[str]]:
    """(finite forms, -ing forms) of a verb or verb phrase: "point out" gives "pointed out", "pointing out"."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms = _IRREGULAR[head]
        return [form + tail for form in forms if not form.endswith("ing")], [
            f + tail for f in forms if f.endswith("ing")
        ]
    stem = head[:-1] if head.endswith("e") and not head.endswith("ee") else head
    if head.endswith("y") and head[-2] not in "aeiou":
        past, third = head[:-1] + "ied", head[:-1] + "ies"
    elif head in ("admit", "commit", "plan"):
        past, third = head + head[-1] + "ed", head + "s"
    else:
        past = stem + ("d" if head.endswith("ee") else "ed")
        third = head + ("es" if head.endswith(("sh", "ch", "ss", "x", "o")) else "s")
    ing = (head + head[-1] if head in ("admit", "commit", "plan") else stem) + "ing"
    return [past + tail, third + tail], [ing + tail]


# Plain forms count after a plural subject or a modal ("officials say", "she would later concede");
# verbs whose plain form is as often a noun ("report", "call", "tweet") are left out.
PLAIN_FORM_CUES = phrases(
    """
    say, tell, add, argue, insist, warn, explain, note, concede, contend, acknowledge, admit, deny, suggest,
    predict, write, agree, complain, assert, maintain, stress, point out, recall, claim, allege, announce,
    confirm, reveal, declare, testify, urge, vow, caution
    """
)
# Third-person forms that read as often as plural nouns: "made the remarks", "the reports".
NOUN_LIKE_FORMS = frozenset(
    phrases(
        """
        remarks, comments, reports, tweets, posts, calls, claims, charges, questions, demands, attacks, promises,
        pledges, vows, labels, brands, terms, echoes, answers, thanks, forecasts, estimates, cites, replies,
        responds, jokes, counters, requests, praises, blames, hails, challenges, proposals, mentions, blasts
        """
    )
)
FINITE_CUES = (
    tuple(form for verb in SPEECH_VERBS for form in _forms(verb)[0] if form not in NOUN_LIKE_FORMS) + PLAIN_FORM_CUES
)
# Participles that attach a second statement to the same speaker ("…, stressing that").
PARTICIPLE_CUES = tuple(form for verb in SPEECH_VERBS for form in _forms(verb)[1])
# Auxiliaries and adverbs that may stand between a speaker and the verb: "has long argued", "would later say".
CUE_AUXILIARIES = phrases(
    """
    has, have, had, is, was, were, are, will, would, did, does, do, also, later, then, previously, repeatedly,
    reportedly, again, once, often, long, first, had been, has been, have been, recently, publicly, privately,
    quickly, frequently, already, never, still, even, flatly, specifically, separately, further, simply
    """
)
# Verbs whose object, not a that-clause, is the statement ("expressed his thanks", "called her weak").
OBJECT_CUES = frozenset(
    form
    for verb in phrases(
        """
        express, call for, call on, urge, reaffirm, affirm, reiterate, demand, deny, pledge, vow, promise, accuse,
        criticize, criticise, blame, praise, describe, dismiss, call, mock, slam, blast, attack, denounce,
        condemn, question, challenge, propose, recommend, dub, label, brand, characterize, characterise, term,
        ask, cite, tout, mention, predict, tweet, post, echo
        """
    )
    for forms in _forms(verb)
    for form in forms
)
# Cues that, without "that", rarely introduce reported speech on their own: "declared victory",
# "announced his running mate" and "thanked the voters" are deeds, not statements.
NEEDS_THAT = frozenset(
    form
    for verb in phrases(
        """
        tell, read, continue, report, observe, maintain, recall, respond, reply, agree, conclude, declare, announce,
        confirm, reveal, disclose, indicate, highlight, thank, congratulate, hail
        """
    )
    for forms in _forms(verb)
    for form in forms
)
# Cues that take a listener before the statement: "told reporters (that) …", "assured voters …".
LISTENER_CUES = frozenset(
    form
    for verb in phrases("tell, assure, remind, inform, warn, advise, promise, write")
    for forms in _forms(verb)
    for form in forms
)


def _alternation(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


AUXILIARY_PATTERN = _alternation(CUE_AUXILIARIES)
# A reporting verb with up to two auxiliaries or adverbs before it: "said", "has said", "would later say".
# or a progressive form: "is telling".
FINITE_CUE_PATTERN = (
    rf"(?:(?:(?:{AUXILIARY_PATTERN})\s+){{0,2}}(?:{_alternation(FINITE_CUES)})"
    rf"|(?:is|was|are|were|been)\s+(?:{_alternation(PARTICIPLE_CUES)}))"
)
PARTICIPLE_CUE_PATTERN = _alternation(PARTICIPLE_CUES)

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "who": "any"}

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
    coordinator, commissioner, candidate, nominee, congressman, congresswoman, strategist, analyst, aide, pollster,
    activist, businessman, billionaire, host, anchor, reporter, columnist, economist, professor, chairman
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
