"""Convert a local PolNeAR checkout into the annotated JSON Lines that the extractor is scored on.

Usage::

    python -m bench.polnear /work/data/polnear/data/train /work/data/polnear

reads ``text/*.txt`` and ``attributions/*.ann`` (BRAT standoff, offsets in
Unicode code points) of the *train* split only and writes ``tune.jsonl`` (four
fifths, to develop on) and ``held.jsonl`` (the fifth set aside, scored but never
studied) into the output folder. Keep both outside the repository: the texts
are the publishers' and the corpus has no licence.

Each line is ``{"name", "published_on", "text", "quotes": [...]}``; each quote
is one attribution: ``quote, start, end`` (the content, from its first piece to
its last), ``pieces`` (the content's own spans), ``kind`` (``direct`` when the
content is inside quote marks, ``partly`` when some of it is, else
``indirect``), ``speaker`` / ``speaker_as_printed`` / ``speaker_start`` /
``speaker_end`` (the annotated source, or null), ``cue``, ``named`` (the source
names someone: see ``source_is_named``) and ``suggest`` (the desk should
suggest it: see ``desk_suggests``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from curation.extraction.lexicon import phrases

HELD_BACK_SHARE = 5  # one article in five, chosen by a hash of its file name
_DOUBLE_QUOTES = '"“”„«»'

# Cues of speech, writing and claims: what a newsroom's desk suggests. Beliefs, wishes,
# knowledge, plans and support ("thinks", "wants", "knows", "plans", "endorsed") and what a
# poll, a study or a set of records shows are attributions too, but nobody said them.
SPEECH_VERBS = phrases(
    """
    say, tell, add, state, note, stress, explain, announce, claim, argue, insist, deny, acknowledge, admit,
    warn, write, tweet, post, reply, respond, answer, ask, accuse, criticize, criticise, blame, praise, call,
    declare, suggest, predict, promise, vow, pledge, urge, confirm, report, remark, comment, mention, recall,
    point out, contend, assert, describe, dismiss, attack, slam, boast, joke, reveal, disclose, concede,
    testify, emphasize, emphasise, repeat, reiterate, recount, charge, allege, brag, tout, retort, shout, yell,
    chant, quip, read, complain, lament, denounce, mock, blast, express, assure, remind, echo, indicate,
    estimate, cite, question, thank, challenge, condemn, demand, counter, rebut, rebuke, scold, swear,
    apologize, congratulate, deride, ridicule, taunt, decry, hint, caution, continue, refer, label, dub,
    brand, lash out, fire back, hit back, muse, marvel, concur, object, protest, plead, insult, whisper,
    acknowledge, specify, clarify, elaborate, inform, advise, assure, promise, threaten, predict, forecast,
    speculate, guess, observe, put it, make clear, make it clear
    """
)
SPEECH_NOUNS = phrases(
    """
    said, told, wrote, written, according, statement, interview, speech, remarks, comments, tweet, post,
    letter, op-ed, email, release, announcement, quote, quoted, response, testimony, :, in
    """
)
_POLL_SOURCE_RE = re.compile(
    r"\b(?:polls?|polling|surveys?|census|data|figures|numbers|statistics|records|filings|estimates|stud(?:y|ies)"
    r"|analys[ie]s|research|markets?|averages?)\b",
    re.I,
)


def _inflections(verb: str) -> set[str]:
    """Every form of a regular verb, phrase or not: "point out" gives "pointed out", "pointing out"…"""
    head, _, rest = verb.partition(" ")
    stem = head[:-1] if head.endswith("e") else head
    doubled = head + head[-1] if len(head) <= 4 and head[-1] in "tgbp" and head[-2] in "aeiou" else head
    heads = {head, head + "s", head + "es", stem + "ed", stem + "ing", doubled + "ed", doubled + "ing"}
    if head.endswith("y"):
        heads |= {head[:-1] + "ies", head[:-1] + "ied"}
    return {f"{form} {rest}".strip() for form in heads}


SPEECH_CUE_WORDS = frozenset(form for verb in SPEECH_VERBS for form in _inflections(verb)) | frozenset(SPEECH_NOUNS)
_CUE_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?|:")
_NAME_WORD_RE = re.compile(r"[A-Z][\w'’.-]*")
_NOT_NAMES = frozenset(
    phrases(
        """
    i, he, she, it, we, they, you, his, her, its, their, our, my, the, a, an, this, that, these, those,
    some, many, most, several, both, one, two, three, other, others, another, each, all, mr, mrs, ms, dr
    """
    )
)


def held_back(name: str) -> bool:
    """True for the fifth of the articles set aside: fixed by the file name alone."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % HELD_BACK_SHARE == 0


def parse_ann(text: str) -> tuple[dict[str, list[tuple[int, int]]], dict[str, str], list[dict[str, str]]]:
    """Return the spans and labels of the text-bound annotations and the attribution events.

    A span's text may run over several lines in the file, so only the offsets are read.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    labels: dict[str, str] = {}
    events = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            pieces = [tuple(int(number) for number in piece.split()) for piece in offsets.split(";")]
            spans[fields[0]] = [(start, end) for start, end in pieces]
            labels[fields[0]] = label
        elif fields[0].startswith("E"):
            roles = dict(argument.split(":", 1) for argument in fields[1].split())
            events.append(roles)
    return spans, labels, events


def quote_kind(text: str, pieces: list[tuple[int, int]]) -> str:
    """``direct`` when the words of the content are all inside quote marks, ``partly`` when some are."""
    inside = outside = 0
    for start, end in pieces:
        quoted = _quoted_mask(text, start, end)
        for position in range(start, end):
            if text[position].isalnum():
                if quoted[position - start]:
                    inside += 1
                else:
                    outside += 1
    if inside == 0:
        return "indirect"
    return "direct" if outside <= 0.1 * inside else "partly"


def _quoted_mask(text: str, start: int, end: int) -> list[bool]:
    """Which characters of ``text[start:end]`` lie between double quote marks.

    The opening mark may sit just before the span, as annotators often leave it out.
    """
    before = text[max(0, start - 300) : start]
    paragraph_start = before.rfind("\n") + 1
    inside = sum(before[paragraph_start:].count(mark) for mark in _DOUBLE_QUOTES) % 2 == 1
    mask = []
    position = start
    while position < end:
        character = text[position]
        doubled = text.startswith(("''", "``"), position)
        if character == "“":
            inside = True
        elif character == "”":
            inside = False
        elif character in _DOUBLE_QUOTES or doubled:
            inside = not inside
        elif character == "\n":
            inside = False
        mask.append(inside)
        if doubled and position + 1 < end:
            mask.append(inside)
            position += 1
        position += 1
    return mask


def desk_suggests(kind: str, cue: str, source: str) -> bool:
    """Speech, writing and claims, and any words in quote marks; not beliefs, wishes or what a poll shows."""
    if source and _POLL_SOURCE_RE.search(source):
        return False
    if kind == "direct":
        return True
    folded = " ".join(_CUE_WORD_RE.findall(cue.lower())) or cue.strip()
    words = folded.split()
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    triples = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    return bool((set(words) | pairs | triples | {folded}) & SPEECH_CUE_WORDS)


def source_is_named(source: str, text: str) -> bool:
    """True when the source holds a proper name: a capitalised word the article never prints in lower case.

    "Ortiz", "Spokeswoman Lena Brandt" and "KXTV" are named; "he", "the newspaper"
    and "Officials" (sentence-initial, printed in lower case elsewhere) are not.
    """
    for word in _NAME_WORD_RE.findall(source):
        bare = word.strip(".’'").lower()
        if bare.endswith(("’s", "'s")):
            bare = bare[:-2]
        if bare in _NOT_NAMES or not bare:
            continue
        if not re.search(rf"(?<![\w.])(?:{re.escape(bare)})(?!\w)", text):
            return True
    return False


def convert_article(name: str, text: str, ann: str) -> dict:
    spans, labels, events = parse_ann(ann)
    quotes = []
    for event in events:
        content = sorted(piece for role, ref in event.items() if role.startswith("Content") for piece in spans[ref])
        if not content:
            continue
        cue = " ".join(text[s:e] for role, ref in event.items() if role.startswith("Cue") for s, e in spans[ref])
        source_pieces = sorted(piece for role, ref in event.items() if role == "Source" for piece in spans[ref])
        start, end = content[0][0], content[-1][1]
        source = text[source_pieces[0][0] : source_pieces[-1][1]] if source_pieces else ""
        kind = quote_kind(text, content)
        quotes.append(
            {
                "quote": text[start:end],
                "start": start,
                "end": end,
                "pieces": content,
                "kind": kind,
                "speaker": source or None,
                "speaker_as_printed": source,
                "speaker_start": source_pieces[0][0] if source_pieces else None,
                "speaker_end": source_pieces[-1][1] if source_pieces else None,
                "cue": cue,
                "named": bool(source) and source_is_named(source, text),
                "suggest": desk_suggests(kind, cue, source),
            }
        )
    date = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
    return {
        "name": name,
        "published_on": date.group(1) if date else None,
        "text": text,
        "quotes": sorted(quotes, key=lambda quote: quote["start"]),
    }


def convert(split_folder: Path) -> tuple[list[dict], list[dict]]:
    """Return the (tuning, held-back) items of one PolNeAR split folder.

    An article annotated by several annotators is read from the annotation whose
    file name sorts first, so every run converts the same way.
    """
    tune, held = [], []
    for text_path in sorted((split_folder / "text").glob("*.txt")):
        name = text_path.stem
        annotations = sorted((split_folder / "attributions").glob(f"{name}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        item = convert_article(name, text, annotations[0].read_text(encoding="utf-8"))
        (held if held_back(name) else tune).append(item)
    return tune, held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="PolNeAR's data/train folder")
    parser.add_argument("output", type=Path, help="folder for tune.jsonl and held.jsonl, outside the repository")
    arguments = parser.parse_args()
    if arguments.split.resolve().name != "train":
        raise SystemExit("only the train split is converted: dev and test are kept for independent evaluation")
    tune, held = convert(arguments.split)
    arguments.output.mkdir(parents=True, exist_ok=True)
    for filename, items in (("tune.jsonl", tune), ("held.jsonl", held)):
        with (arguments.output / filename).open("w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{filename}: {len(items)} articles, {sum(len(item['quotes']) for item in items)} attributions")


if __name__ == "__main__":
    main()
