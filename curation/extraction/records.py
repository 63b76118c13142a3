"""Plain records exchanged between the extractor, the checks and their callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date


@dataclass(frozen=True)
class KnownRole:
    """A dated role of an actor, e.g. "Foreign Minister" of "Government of Iraq"."""

    title: str
    organisation: str
    start: date | None
    end: date | None

    def valid_on(self, day: date | None) -> bool:
        """Return True when the role held on ``day``; an unknown day fits every role."""
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(frozen=True)
class KnownActor:
    """A person or organisation from the actor registry."""

    slug: str
    name: str
    kind: str  # "person" | "organisation"
    aliases: tuple[str, ...] = ()
    roles: tuple[KnownRole, ...] = ()

    def roles_on(self, day: date | None) -> tuple[KnownRole, ...]:
        return tuple(role for role in self.roles if role.valid_on(day))


@dataclass(frozen=True)
class Suggestion:
    """A statement the extractor proposes for an editor to confirm or reject."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "claim"
    cue: str
    speaker_as_printed: str
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None
    speaker_name: str
    confidence: float
    reasons: tuple[str, ...]
    # The quoted pieces of a split or continued quote ('"A," he said, "B."'), each (start, end);
    # empty when the statement is one piece, text[start:end].
    pieces: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict:
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        data["pieces"] = [list(piece) for piece in self.pieces]
        return data


@dataclass(frozen=True)
class Flag:
    """Something about an attribution an editor should look at, and why."""

    code: str
    severity: str  # "warning" | "note"
    message: str
    suggested_speaker: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class StatementView:
    """What the checks need to know of a stored statement."""

    key: object
    article_key: object
    text: str
    start: int
    end: int
    kind: str
    speaker_as_printed: str
    speaker: str | None
