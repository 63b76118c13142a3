"""Reading JSON as RFC 8259 defines it, refusing what Python's parser lets through; no ORM.

Python's ``json`` accepts ``NaN`` and ``Infinity`` (not JSON), keeps the
last of two equal keys silently, turns ``1e999`` into infinity, parses a
4,000-digit number into an integer no column holds, and answers very deep
nesting with a ``RecursionError``. Each of these is refused here with a
``JsonRefused`` naming the problem.
"""

import json
import math
import re

# Far more than any article or export needs, far less than Python's stack.
MAX_NESTING = 100
MAX_NUMBER_CHARACTERS = 40

_strings = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_brackets = re.compile(r"[\[\]{}]")


class JsonRefused(ValueError):
    """The text is not JSON the desk takes; the message says why."""


def json_loads(text: str):
    """Return the JSON value in ``text``, or raise ``JsonRefused`` naming the problem."""
    _refuse_deep_nesting(text)
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_integer,
            parse_float=_number,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as error:
        raise JsonRefused(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise JsonRefused(f"nested more than {MAX_NESTING} levels deep") from None


def _refuse_deep_nesting(text: str) -> None:
    """Refuse nesting deeper than ``MAX_NESTING`` before the parser recurses into it.

    Brackets inside strings do not count.
    """
    depth = 0
    for bracket in _brackets.findall(_strings.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_NESTING:
            raise JsonRefused(f"nested more than {MAX_NESTING} levels deep")


def _refuse_constant(name: str):
    raise JsonRefused(f"{name} is not a JSON value")


def _integer(digits: str) -> int:
    if len(digits) > MAX_NUMBER_CHARACTERS:
        raise JsonRefused(f"a number of {len(digits):,} digits is too large (at most {MAX_NUMBER_CHARACTERS})")
    return int(digits)


def _number(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise JsonRefused(f"a number of {len(text):,} characters is too large (at most {MAX_NUMBER_CHARACTERS})")
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused(f"the number {text} is too large to hold")
    return value


def _object(pairs: list[tuple]) -> dict:
    value = {}
    for key, item in pairs:
        if key in value:
            raise JsonRefused(f"the key {key!r} appears twice in one object")
        value[key] = item
    return value


def lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds half of a surrogate pair: JSON can escape one, but it is no character."""
    return any("\ud800" <= char <= "\udfff" for char in text)
