"""Name normalisation shared by alias look-ups and matching; no ORM."""

import re
import unicodedata

APOSTROPHES = "'’‘`´ʼ"
DASHES = "‐‑‒–—―-"
_space_run = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Return a comparison key: "Da’esh", "Da'esh" and "DAESH" all give "daesh".

    Accents are dropped, apostrophes removed, dashes and every kind of space
    (non-breaking included) become one plain space.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    without_apostrophes = without_marks.translate({ord(char): None for char in APOSTROPHES})
    spaced = without_apostrophes.translate({ord(char): " " for char in DASHES})
    return _space_run.sub(" ", spaced).strip().casefold()
