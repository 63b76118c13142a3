"""Compiled patterns for speakers and reporting cues; compiled once at import."""

from __future__ import annotations

import re

from .lexicon import (
    FINITE_CUE_PATTERN,
    ORGANISATION_NOUN_PATTERN,
    PARTICIPLE_CUE_PATTERN,
    ROLE_NOUN_PATTERN,
)

_NAME_WORD = r"[A-Z][^\W_]*(?:['.-][^\W_]+)*\.?"
_PREFIX = r"(?:(?:al|el|de|da|di|du|van|von|der|bin|ibn|abu)[- ])"
_RUN = rf"{_PREFIX}?{_NAME_WORD}(?:[ ]+(?:\({_NAME_WORD}\)[ ]+)?{_PREFIX}?{_NAME_WORD})*"
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Capitalised words that open a sentence or name a day, never a speaker: "When Park spoke", "Tuesday".
_NOT_A_NAME = (
    rf"(?!(?:When|Though|Although|But|And|Or|On|In|At|After|Before|While|If|As|So|Yet|Still|Then|Now|"
    rf"Meanwhile|However|Later|Earlier|During|Since|Until|Asked|Speaking|Last|This|That|{_WEEKDAYS})\b)"
)
_NAME_CHAIN = rf"{_NOT_A_NAME}{_RUN}(?:[ ]+(?:{ROLE_NOUN_PATTERN})[ ]+{_RUN})?"
# Words that never carry on a description of a speaker ("Ohio and", "Park made the").
_NOT_DESCRIBING = (
    r"(?:and|or|but|nor|to|of|in|on|at|for|with|by|from|that|who|which|as|than|if|made|had|gave|did|took|was|is"
    r"|were|are|has|have|will|would|could|should|may|might|must|can)"
)
# "Park's campaign manager", "the Park campaign": a description hung on a name.
_NAMED_DESCRIPTION = rf"(?:[Tt]he[ ]+)?{_NOT_A_NAME}{_RUN}(?:['’]s)?(?:[ ]+(?!{_NOT_DESCRIBING}\b)[a-z][\w-]*){{1,3}}"
_DESCRIPTION = (
    rf"\b[Tt]he[ ]+(?:[\w'-]+[ ]+){{0,4}}?(?:{ROLE_NOUN_PATTERN}|{ORGANISATION_NOUN_PATTERN})"
    rf"(?:[ ]+(?:of|from|for)[ ]+(?:the[ ]+)?{_RUN})?"
)
# Sources named by a plural noun alone: "officials said", "Some experts say", "many Democrats say".
_PLURAL_SOURCE_NOUNS = (
    r"(?:officials|experts|analysts|critics|opponents|supporters|aides|advisers|advisors|sources|others|observers"
    r"|economists|strategists|donors|lawmakers|allies|residents|organizers|insiders|historians|scholars|operatives"
    r"|Democrats|Republicans|respondents|investigators|prosecutors|authorities|researchers|activists|leaders|officers)"
)
_BARE_PLURAL = (
    r"(?<![\w'-])(?:(?:[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Mm]ost|[Tt]wo|[Tt]hree|[Ff]ew|[Ss]enior|[Ff]ederal|[Ll]ocal"
    r"|[Ss]tate|[Cc]ampaign|[Aa]dministration|[Pp]arty|[Cc]ongressional|[Ii]ndustry|[Ll]egal|[Pp]olitical)[ ]+){0,2}"
    rf"{_PLURAL_SOURCE_NOUNS}\b"
)
# "a Chinese official", "his campaign", "an inside source": someone described, not named.
_INDEFINITE_DESCRIPTION = (
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[ ]+(?:[\w'-]+[ ]+){0,3}?"
    rf"(?:{ROLE_NOUN_PATTERN}|{ORGANISATION_NOUN_PATTERN}|campaign|source|friend)s?(?![\w-])"
)
# "28 percent of voters said", "six in 10 say", "almost half of respondents said", "those surveyed say".
_NUMBER_WORD = r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"
_QUANTITY_SOURCE = (
    r"\b(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Jj]ust|[Oo]nly|[Rr]oughly|[Mm]ore[ ]+than)[ ]+)?"
    rf"(?:\d+(?:[.]\d+)?(?:[ ]+percent|%)|{_NUMBER_WORD}[ -]+(?:in|out[ ]+of)[ -]+{_NUMBER_WORD}|[Hh]alf|[Aa][ ]+third"
    r"|[Tt]wo-thirds|[Aa][ ]+majority|[Tt]hose[ ]+(?:surveyed|polled|asked|questioned))"
    r"(?:[ ]+of[ ]+(?:the[ ]+|those[ ]+)?(?:[\w'-]+[ ]+){0,2}?[a-z][\w-]*s)?(?![\w-])"
)
SPEAKER = (
    rf"(?P<speaker>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|who)\b|{_DESCRIPTION}|(?<![\w'-]){_NAME_CHAIN}"
    rf"|(?<![\w'-]){_NAMED_DESCRIPTION}|{_BARE_PLURAL}|{_INDEFINITE_DESCRIPTION}|{_QUANTITY_SOURCE})"
)
_INTERJECTION = (
    r"(?:,[ ]+(?:meanwhile|however|though|for (?:his|her|its|their) part),"
    rf"|[ ]+(?:also|further|again|later|then|meanwhile|too|(?:on[ ]+)?{_WEEKDAYS}))?"
)

# ", a campaign spokesman," / ", who chairs the committee,", " (D-N.Y.)", ", R-Pa.,": what may stand between
# a speaker and a cue.
APPOSITIVE = (
    r"(?:[ ]+\([A-Z][^()\n]{0,20}\)|,[ ]+[RDI]-[A-Z][\w.]{0,8},"
    r"|,[ ]+(?:a|an|the|who|whose|his|her|its|their|one|[A-Z][\w.-]*'s|[A-Z][\w.-]*|director|chairman|chairwoman"
    r"|head|president|founder|co-founder|chief|executive|professor|spokesman|spokeswoman|spokesperson|editor"
    r"|author|leader|member|senior|former|deputy|vice|managing|assistant|associate|general)\b[^\"\n]{1,160}?,)"
)
# "... the top Iraqi diplomat said" / "Mr. X, also pointed out": speaker right before a cue.
SPEAKER_BEFORE_CUE_RE = re.compile(rf"{SPEAKER}(?:,[ ]+\d{{1,3}}(?=,))?{APPOSITIVE}?{_INTERJECTION}[ ]*,?[ ]*$")
FINITE_CUE_RE = re.compile(rf"(?<![\w-])(?P<cue>{FINITE_CUE_PATTERN})(?![\w-])")
PARTICIPLE_RE = re.compile(
    rf",(?:\"|'')?[ ]+(?:(?:and|before|after|while|then)[ ]+)?"
    rf"(?P<cue>{PARTICIPLE_CUE_PATTERN})(?![\w-])(?:[ ]+that\b)?[ ]*"
)
# The source runs to the next comma, semicolon or sentence end: "according to a senior adviser who asked not
# to be named", "according to lawyers with the Family Project", "according to the U.S. Census Bureau".
ACCORDING_TO_RE = re.compile(
    rf",?[ ]*(?P<cue>[Aa]ccording[ ]+to)[ ]+"
    rf"(?P<speaker>{_DESCRIPTION}(?=[ ]*[.,;]|$)|{_NAME_CHAIN}(?=[ ]*[.,;]|$)|[\w\"'][^,;\n\"]{{0,150}}?)"
    r"(?=[ ]*(?:[,;]|(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})[.!?](?:[ ]|$)|$))"
)
ADVERBIAL_RE = re.compile(
    rf"(?:[ ]+(?:{_WEEKDAYS}|yesterday|today|tonight|recently|repeatedly|publicly|privately|again|later|earlier))?"
    r"(?:[ ]+(?:in|on|at|to|during|after|before|via|through|late|earlier|last|this|over)"
    r"[ ]+[^,.;\"]{1,40}?)?(?=[ ]+that\b|[,.;]|$)"
)
# ", but conceded that", " before predicting that": a second cue for the same speaker ends the first statement.
COORDINATED_CUE_RE = re.compile(
    rf"[ ]*,?[ ]+(?:but|and|before|after|then|while)[ ]+(?:(?:also|then|later|quickly|optimistically)[ ]+)?"
    rf"(?P<cue>{FINITE_CUE_PATTERN}|{PARTICIPLE_CUE_PATTERN})(?![\w-])"
)
# Whom a statement was told: "told Channel Four that", "told host Ana Ruiz", "told supporters Wednesday that".
_LISTENER_NOUNS = r"(?:reporters|supporters|voters|the crowd|the audience|an audience|the press|journalists|members)"
LISTENER_RE = re.compile(
    rf"[ ]+(?:(?:(?:the|a|an|his|her|their|its)[ ]+)?(?:[\w'.-]+[ ]+){{0,4}}?[\w'.-]+[ ]+"
    rf"(?:(?:{_WEEKDAYS}|on[ ]+[A-Z]\w+|in[ ]+[\w ]{{1,30}}?|recently|last[ ]+\w+)[ ]+)?that\b"
    rf"|(?:host[ ]+|anchor[ ]+|the[ ]+)?(?:{_NOT_A_NAME}{_RUN}|{_LISTENER_NOUNS})(?:[ ]+{_WEEKDAYS})?"
    r"(?=[ ]+[a-zA-Z]))[ ]*"
)
THAT_RE = re.compile(r"[ ]*,?[ ]*that\b[ ]*")

# After a closing quote: '…," Salih added' or '…" read an official statement from X'.
_LOWER_ROLE = r"(?:[a-z][\w-]*[ ]+){0,3}"
_APPOSITIVE = r"(?:,[ ]+(?:a|an|the)[ ]+[^,\"]{1,60},)?"
AFTER_QUOTE_RE = re.compile(
    rf"^[ ]*[,:]?[ ]*(?:{SPEAKER}|(?P<titled>{_LOWER_ROLE}{_NAME_CHAIN})){_APPOSITIVE}{_INTERJECTION}"
    rf"[ ]+(?P<cue>{FINITE_CUE_PATTERN})(?![\w-])"
)
AFTER_QUOTE_INVERTED_RE = re.compile(
    rf"^[ ]*[,:]?[ ]*(?P<cue>{FINITE_CUE_PATTERN})[ ]+(?P<speaker>{_LOWER_ROLE}(?<![\w'-]){_NAME_CHAIN}"
    rf"|{_DESCRIPTION}|(?:an?|the)[ ]+(?:[a-z]+[ ]+)?(?:{ORGANISATION_NOUN_PATTERN}))"
)
AFTER_QUOTE_DOCUMENT_RE = re.compile(
    rf"^[ ]*[,:]?[ ]*(?P<cue>read|said|says|stated)[ ]+(?:an?|the)[ ]+(?:[\w-]+[ ]+)?"
    rf"(?:statement|communique|release|letter|message|post|report)[ ]+(?:from|by|of|issued[ ]+by)[ ]+"
    rf"(?P<speaker>(?:the[ ]+)?{_RUN})"
)
# A cue set off by commas inside the statement: "…, she said, is doing better" / "In 2019, Park said, the …".
ASIDE_RE = re.compile(
    rf",[ ]+(?P<speaker>\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b|{_NAME_CHAIN}|{_DESCRIPTION}|{_BARE_PLURAL}"
    rf"|{_INDEFINITE_DESCRIPTION})[ ]+"
    rf"(?P<cue>{FINITE_CUE_PATTERN})(?:[ ]+(?:{_WEEKDAYS}|in[ ]+[^,\"]{{1,30}}|on[ ]+[^,\"]{{1,30}}))?,[ ]+(?=[\w\"'])"
)
# A cue after the statement, the speaker after the cue: "…, said Ana Ruiz, a pollster at the institute."
TRAILING_INVERTED_RE = re.compile(
    rf"[,\"'][ ]+(?P<cue>{FINITE_CUE_PATTERN})[ ]+(?P<speaker>{_LOWER_ROLE}{_NAME_CHAIN}|{_DESCRIPTION}"
    rf"|(?:an?|one|another)[ ]+[a-z][\w -]{{1,40}}?)(?:,[^\"]{{1,160}})?[.!?]?[ ]*$"
)
# Looser forms, tried last: '…," one senior official said', '…," Butz, 49, told', '…," he surmised.',
# '…," said one owner of a shop that sells shoes.'
_LOOSE_DESCRIPTION = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Hh]is|[Hh]er|[Tt]heir)"
    r"(?:[ ]+[\w'.-]+){1,5}?"
)
# What follows a cue that closes a quote's attribution: the sentence's end or an adverbial.
_CUE_ENDS = (
    rf"(?=[ ]*[,.;:!?]|[ ]+(?:of|to|in|on|at|that|when|after|before|during|as|while|with|about|{_WEEKDAYS}"
    r"|yesterday|today|tonight|last|this|earlier|recently)\b)"
)
# "officials said", "Democratic aides say": a plural source with no article.
_PLURAL_SOURCE = r"(?:[A-Za-z][\w-]*[ ]+){0,2}[a-z]{3,}s\b"
_AGE = r"(?:,[ ]+\d{1,3},)"
# A verb the lists do not know, in the past tense: '…," he scoffed.'
_UNLISTED_VERB = r"[a-z]{3,}ed"
AFTER_QUOTE_LOOSE_RE = re.compile(
    rf"^[ ]*[,:!?.]?[ ]*(?:[A-Za-z][\w'.-]*(?<![a-z]{{3}}[.])[ ]+){{0,4}}?"
    rf"(?P<speaker>\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b|{_LOOSE_DESCRIPTION}|{_NAME_CHAIN}|{_PLURAL_SOURCE})"
    rf"(?:{_AGE}|{APPOSITIVE})?[ ]+(?P<cue>{FINITE_CUE_PATTERN})(?![\w-])"
)
AFTER_QUOTE_UNLISTED_RE = re.compile(
    rf"^[ ]*[,!?]?[ ]*(?P<speaker>\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b|{_NAME_CHAIN})(?:{_AGE})?"
    rf"[ ]+(?P<cue>{_UNLISTED_VERB})(?![\w-]){_CUE_ENDS}"
)
AFTER_QUOTE_LOOSE_INVERTED_RE = re.compile(
    rf"^[ ]*[,:]?[ ]*(?P<cue>{FINITE_CUE_PATTERN})[ ]+"
    rf"(?P<speaker>{_LOOSE_DESCRIPTION}[^,.;\"\n]{{0,60}}?)(?=[ ]*[,.;]|$)"
)
# Last resort after a quote closed by a comma: the first name in the clause that leads to a cue, whatever
# stands around it ('…," Ana Ortiz, the pollster who runs the lab tweeted', '…," another friend, Ana Ortiz told').
AFTER_QUOTE_CLAUSE_RE = re.compile(
    rf"^[ ]*,?[ ]*(?P<clause>[^\"!?\n]{{1,140}}?)(?<![\w-])(?P<cue>{FINITE_CUE_PATTERN})(?![\w-])"
)
CLAUSE_NAME_RE = re.compile(rf"(?<![\w'-]){_NAME_CHAIN}(?=[ ]*(?:,|\([^)]*\)|$))")
SENTENCE_END_RE = re.compile(r"[a-z0-9)]{2}[.][ ]+[A-Z\"]")
# Before an opening quote: 'Abadi warned that the "' or ', he said, "' or 'According to X, "'.
BEFORE_QUOTE_RE = re.compile(
    rf"{SPEAKER}{APPOSITIVE}?{_INTERJECTION}[ ]*,?[ ]+(?P<cue>{FINITE_CUE_PATTERN})(?![\w-])"
    rf"(?:(?:[ ]+(?:to[ ]+)?[\w']+){{0,3}}?(?:[ ]+that)?(?:[ ]+[\w']+){{0,2}}?[ ]*[:,]?"
    rf"|(?:[ ]+[\w'.-]+){{1,8}}?[ ]*[:,])[ ]*$"
)
# The subject of a sentence: its first speaker-like words, after a dateline ("WASHINGTON — ") if any.
SUBJECT_RE = re.compile(rf"(?:[A-Z][A-Z .,]+[ ]+[-–—]+[ ]+)?{SPEAKER}")
# A sentence that only introduces what follows: 'Said the mayor:', 'Ortiz said in a statement.'
INTRODUCTION_RE = re.compile(
    rf"^{SPEAKER}{APPOSITIVE}?[ ]+(?P<cue>{FINITE_CUE_PATTERN})"
    rf"(?:[ ]+(?:in|on|to|at|during)[ ]+[^.:\"]{{1,50}})?[ ]*[.:]?[ ]*$"
)
INTRODUCTION_INVERTED_RE = re.compile(rf"^(?P<cue>{FINITE_CUE_PATTERN})[ ]+{SPEAKER}[ ]*:[ ]*$")
# A listed reaction: '— Sen. Ana Ortiz, on Twitter: "…' at the start of a paragraph.
BEFORE_QUOTE_LABEL_RE = re.compile(
    r"^[-–—•*]?[ ]*(?P<speaker>(?:[A-Z][\w.'-]*[ ]+){0,4}[A-Z][\w.'-]*)(?:,[ ]+[^:\"\n]{1,60}?)?[ ]*(?P<cue>:)[ ]*$"
)
BEFORE_QUOTE_ACCORDING_RE = re.compile(rf"(?P<cue>[Aa]ccording[ ]+to)[ ]+{SPEAKER}[ ]*[,:]?[ ]*$")

NUMBERED_POINT_RE = re.compile(r"(?P<number>\d{1,3})[ ]*[-–.)][ ]*(?=\S)")
