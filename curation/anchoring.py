"""Where a statement sits in an article's text, and finding it again; no ORM.

A statement is anchored as a W3C Web Annotation quote selector would anchor
it: offsets into the body plus the exact text with a little of the text
before (prefix) and after (suffix), so that it can be found again when the
body is edited.
"""

ANCHOR_CONTEXT_LENGTH = 32


def anchor_context(body: str, start: int, end: int) -> tuple[str, str]:
    """Return the prefix and suffix that re-find ``body[start:end]`` if offsets drift."""
    return body[max(0, start - ANCHOR_CONTEXT_LENGTH) : start], body[end : end + ANCHOR_CONTEXT_LENGTH]


def span_fits(body: str, start: int, end: int, text: str) -> bool:
    """Return True when ``body[start:end]`` is still exactly ``text``."""
    return 0 <= start < end <= len(body) and body[start:end] == text


def refind(body: str, *, text: str, start: int, prefix: str, suffix: str) -> int | None:
    """Return where ``text`` starts in ``body`` now, or None when it is gone.

    Text still at ``start`` stays there. Otherwise, of several copies the one
    whose surroundings best match ``prefix`` and ``suffix`` wins, and of equal
    matches the one nearest the old place.
    """
    if body[start : start + len(text)] == text:
        return start
    candidates = []
    position = body.find(text)
    while position != -1:
        candidates.append(position)
        position = body.find(text, position + 1)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None

    def context_score(candidate: int) -> int:
        found_prefix, found_suffix = anchor_context(body, candidate, candidate + len(text))
        return _common_suffix(found_prefix, prefix) + _common_prefix(found_suffix, suffix)

    return max(candidates, key=lambda candidate: (context_score(candidate), -abs(candidate - start)))


def _common_prefix(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count


def _common_suffix(left: str, right: str) -> int:
    return _common_prefix(left[::-1], right[::-1])
