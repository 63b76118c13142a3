"""Pure generation of the synthetic archive's articles: text with statements at their true offsets.

No ORM here. Every article draws from its own random stream, seeded by the
corpus seed and the article's id (see ``curation.corpus.text``).
"""

import hashlib
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from django.utils.text import slugify

from curation.anchoring import ANCHOR_CONTEXT_LENGTH
from curation.corpus import vocabulary as words
from curation.corpus.text import (
    ARCHIVE_DAYS,
    ARCHIVE_START,
    SPEAKER_SKEW,
    GeneratedActor,
    GeneratedArticle,
    GeneratedCorrection,
    GeneratedStatement,
    GeneratedTag,
    Slots,
    fill,
    stream,
)

# Articles -----------------------------------------------------------------------


class Cast:
    """Who may speak in the corpus, weighted so a few voices dominate."""

    def __init__(self, actors: list[GeneratedActor], tags: list[GeneratedTag]):
        self.people = [actor for actor in actors if actor.kind == "person"]
        self.organisations = [actor for actor in actors if actor.kind == "organisation"]
        self.people_weights = _zipf_weights(len(self.people))
        self.organisation_weights = _zipf_weights(len(self.organisations))
        self.tags_by_topic = {
            topic: [tag.id for tag in tags if tag.topic == topic] for topic in range(len(words.TOPICS))
        }
        self.all_tag_ids = [tag.id for tag in tags]

    def person(self, rng):
        return rng.choices(self.people, cum_weights=self.people_weights)[0]

    def organisation(self, rng):
        return rng.choices(self.organisations, cum_weights=self.organisation_weights)[0]


def _zipf_weights(count: int) -> list[float]:
    return list(accumulate(1 / (rank + 1) ** SPEAKER_SKEW for rank in range(count)))


def generate_article(*, seed: int, article_id: int, cast: Cast) -> GeneratedArticle:
    """Return one article with its statements at their true offsets in the body."""
    rng = stream(seed, "article", article_id)
    writer = _ArticleWriter(rng, cast, article_id)
    return writer.write()


class _ArticleWriter:
    def __init__(self, rng, cast: Cast, article_id: int):
        self.rng, self.cast, self.article_id = rng, cast, article_id
        self.topic = rng.randrange(len(words.TOPICS))
        self.published_on = None if rng.random() < 0.02 else ARCHIVE_START + timedelta(days=rng.randrange(ARCHIVE_DAYS))
        self.day = self.published_on or ARCHIVE_START + timedelta(days=rng.randrange(ARCHIVE_DAYS))
        self.imported_at = datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC) + timedelta(
            minutes=rng.randint(6 * 60, 30 * 60)
        )
        self.outlet = rng.choice(words.OUTLETS)
        self.speakers = self._choose_speakers()
        self.introduced: set[int] = set()
        self.used_texts: set[str] = set()
        self.parts: list[str] = []
        self.length = 0
        self.statements: list[GeneratedStatement] = []

    def _choose_speakers(self) -> list[GeneratedActor]:
        people = {self.cast.person(self.rng).id: None for _ in range(self.rng.randint(2, 4))}
        chosen = [actor for actor in self.cast.people if actor.id in people]
        self.rng.shuffle(chosen)
        if self.cast.organisations and self.rng.random() < 0.4:
            chosen.append(self.cast.organisation(self.rng))
        return chosen

    def write(self) -> GeneratedArticle:
        main = self.speakers[0]
        self._emit(self._dateline())
        self._statement(main, kind="indirect")
        for _ in range(self.rng.randint(5, 13)):
            self._emit("\n\n")
            if self.rng.random() < 0.4:
                self._emit(self._filler() + " ")
            self._statement(self._next_speaker(main))
        self._emit("\n\n" + self._filler() + f"\n\nStory reference {self.article_id}.")
        return self._finish(main)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _slots(self) -> Slots:
        return Slots(self.rng, self.topic)

    def _dateline(self) -> str:
        city = self.rng.choice(words.CITIES).upper()
        if self.published_on is None:
            return f"{city} ({self.outlet}) — "
        return f"{city}, {self.published_on.day} {self.published_on:%B} ({self.outlet}) — "

    def _filler(self) -> str:
        return fill(self.rng.choice(words.FILLER_SENTENCES), self._slots())

    def _next_speaker(self, main: GeneratedActor) -> GeneratedActor | None:
        if self.rng.random() < 0.01:
            return None
        return main if self.rng.random() < 0.5 else self.rng.choice(self.speakers)

    def _printed(self, actor: GeneratedActor | None) -> str:
        """Return how the article names ``actor`` here: in full the first time, shorter after."""
        if actor is None:
            return self.rng.choice(words.UNNAMED_SPEAKERS)
        if actor.kind == "organisation":
            return (
                f"the {actor.name}"
                if actor.id not in self.introduced
                else self.rng.choice(actor.aliases or (actor.name,))
            )
        title = actor.title_on(self.published_on)
        if actor.id not in self.introduced:
            return f"{title} {actor.name}" if title else actor.name
        draw = self.rng.random()
        if title and draw < 0.2:
            return "the minister" if "Minister" in title else f"the {title.lower()}"
        if draw < 0.7 and actor.aliases:
            return self.rng.choice(actor.aliases)
        return actor.short_name

    def _statement(self, actor: GeneratedActor | None, kind: str | None = None) -> None:
        kind = kind or self._kind_for(actor)
        correction_from = self._misattributed_to(actor)
        printed = self._printed(correction_from or actor)
        if actor is not None:
            self.introduced.add(actor.id)
        before, text, after = self._frame(kind, printed)
        for _ in range(3):
            # A wire story rarely repeats a quote word for word; redraw a few times.
            if text not in self.used_texts:
                break
            before, text, after = self._frame(kind, printed)
        self.used_texts.add(text)
        if before[:1].islower() and (not self.parts or self.parts[-1].endswith(("\n\n", ". "))):
            before, printed = before[0].upper() + before[1:], printed[0].upper() + printed[1:]
        start = self.length + len(before)
        self._emit(before + text + after)
        statement = GeneratedStatement(
            kind=kind,
            text=text,
            start=start,
            end=start + len(text),
            speaker_as_printed=printed,
            speaker_id=actor.id if actor else None,
        )
        self._review(statement)
        self._tag(statement)
        if correction_from is not None and statement.review_status == "confirmed":
            statement.correction = self._correction(correction_from, actor, printed)
        self.statements.append(statement)

    def _kind_for(self, actor: GeneratedActor | None) -> str:
        if actor is None:
            return "indirect"
        if actor.kind == "organisation":
            return "claim"
        return "direct" if self.rng.random() < 0.55 else "indirect"

    def _misattributed_to(self, actor: GeneratedActor | None) -> GeneratedActor | None:
        """About one statement in a hundred was printed under someone else's name."""
        if actor is None or actor.kind != "person" or self.rng.random() >= 0.0105:
            return None
        wrong = self.cast.person(self.rng)
        return wrong if wrong.id != actor.id else None

    def _frame(self, kind: str, printed: str) -> tuple[str, str, str]:
        slots, choice = self._slots(), self.rng.choice
        if kind == "direct":
            quote = fill(choice(words.DIRECT_QUOTES), slots)
            verb = choice(words.SPEECH_VERBS)
            return choice(
                (
                    ("“", quote, f",” {printed} {verb}."),
                    (f"{printed} {verb}: “", quote, ".”"),
                    ('"', quote, f'," said {printed}.'),
                    (f'{printed} added: "', quote, '."'),
                )
            )
        if kind == "claim":
            return (f"{printed} {choice(words.CLAIM_VERBS)} ", fill(choice(words.CLAIM_CLAUSES), slots), ".")
        clause = fill(choice(words.INDIRECT_CLAUSES), slots)
        if self.rng.random() < 0.8:
            return (f"{printed} {choice(words.INDIRECT_VERBS)} that ", clause, ".")
        return (f"According to {printed}, ", clause, ".")

    def _review(self, statement: GeneratedStatement) -> None:
        draw = self.rng.random()
        if draw < 0.97:
            if self.rng.random() < 0.3:
                statement.origin, statement.confidence = "extracted", round(self.rng.uniform(0.6, 0.99), 2)
            return
        statement.review_status = "suggested" if draw < 0.99 else "rejected"
        statement.published = False
        statement.origin, statement.confidence = "extracted", round(self.rng.uniform(0.3, 0.9), 2)

    def _tag(self, statement: GeneratedStatement) -> None:
        count = self.rng.choices((0, 1, 2, 3), cum_weights=(15, 60, 90, 100))[0]
        pool = self.cast.tags_by_topic.get(self.topic) or self.cast.all_tag_ids
        chosen = set(self.rng.sample(pool, min(count, len(pool))))
        if count and self.rng.random() < 0.2:
            chosen.add(self.rng.choice(self.cast.all_tag_ids))
        statement.tag_ids = tuple(sorted(chosen))

    def _correction(self, wrong: GeneratedActor, right: GeneratedActor, printed: str) -> GeneratedCorrection:
        reason = self.rng.choice(words.CORRECTION_REASONS).format(from_name=wrong.name, to_name=right.name)
        return GeneratedCorrection(
            from_actor_id=wrong.id,
            to_actor_id=right.id,
            speaker_as_printed=printed,
            reason=reason,
            corrected_at=self.imported_at + timedelta(days=self.rng.randint(1, 90), minutes=self.rng.randint(0, 1440)),
            # Every correction on the desk is public: one is written only when
            # readers saw one speaker and now see another.
            is_public=True,
        )

    def _finish(self, main: GeneratedActor) -> GeneratedArticle:
        body = "".join(self.parts)
        for statement in self.statements:
            statement.prefix = body[max(0, statement.start - ANCHOR_CONTEXT_LENGTH) : statement.start]
            statement.suffix = body[statement.end : statement.end + ANCHOR_CONTEXT_LENGTH]
        title = self._headline(main)
        slug = f"{slugify(title)[:80].strip('-')}-{self.article_id}"
        domain = slugify(self.outlet) + ".example"
        when = f"{self.published_on:%Y/%m}" if self.published_on else "news"
        return GeneratedArticle(
            id=self.article_id,
            title=title,
            slug=slug,
            outlet=self.outlet,
            url=f"https://{domain}/{when}/{slug}",
            published_on=self.published_on,
            body=body,
            import_key=f"synthetic/{self.article_id}",
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            status="published" if self.rng.random() < 0.95 else "draft",
            imported_at=self.imported_at,
            statements=self.statements,
        )

    def _headline(self, main: GeneratedActor) -> str:
        other = self.speakers[1] if len(self.speakers) > 1 else main
        slots = self._slots()
        slots.update(
            surname=main.short_name, surname2=other.short_name, title=main.title_on(self.published_on) or "Envoy"
        )
        headline = fill(self.rng.choice(words.HEADLINES), slots)
        return headline[0].upper() + headline[1:]
