"""Hostile text in every field editors fill, and one published article carrying it.

Script elements, script-closing tags, attribute breakers, right-to-left and
zero-width characters and a 100,000-character line, in a title, body,
quotes, printed speakers, actor names, descriptions, aliases and tag names,
with statements whose spans start and end inside them.
"""

from datetime import date

from curation.importing.parsing import ParsedArticle
from curation.models import Actor, ActorRole, Article, Statement, Tag
from curation.services import article_import, statement_create, statement_reattribute

SCRIPT = "<script>alert(1)</script>"
CLOSING_SCRIPT = "</script><script>alert(2)</script>"
DOUBLE_QUOTE_BREAKER = '" onmouseover="alert(3)'
SINGLE_QUOTE_BREAKER = "' autofocus onfocus='alert(4)"
JAVASCRIPT_URL = "javascript:alert(5)"
RIGHT_TO_LEFT = "\u202e"
ZERO_WIDTHS = "\u200b\u2060"
LONG_LINE = "x" * 100_000
HOSTILE = (SCRIPT, CLOSING_SCRIPT, DOUBLE_QUOTE_BREAKER, SINGLE_QUOTE_BREAKER)

TITLE = f"Minister {SCRIPT} warns {DOUBLE_QUOTE_BREAKER} {RIGHT_TO_LEFT}at the border{ZERO_WIDTHS}"
OUTLET = f"{SINGLE_QUOTE_BREAKER} Wire"
FIRST = f"The minister said “{SCRIPT} is coming” and {DOUBLE_QUOTE_BREAKER} followed."
SECOND = (
    f"{CLOSING_SCRIPT} The envoy replied ‘{SINGLE_QUOTE_BREAKER} never’ at {RIGHT_TO_LEFT}the border{ZERO_WIDTHS}today."
)
FOURTH = f"After the long line, the spokesman said {RIGHT_TO_LEFT}reversed words{ZERO_WIDTHS} end here."
BODY = "\n\n".join([TITLE, FIRST, SECOND, LONG_LINE, FOURTH]) + "\n"


def inside(part: str, within: str, offset: int = 0) -> int:
    """Return the body offset of ``part`` of the paragraph ``within``, moved by ``offset``."""
    return BODY.index(within) + within.index(part) + offset


# One fixture's worth of rows, read top to bottom; splitting it would hide which text sits where.
def hostile_build(editor) -> dict:
    """A published article, its actors, tags, statements and a correction, all carrying hostile text."""
    article = article_import(
        parsed=ParsedArticle(title=TITLE, body=BODY, outlet=OUTLET, published_on=date(2024, 2, 29)),
        import_key="hostile.txt",
        status=Article.Status.PUBLISHED,
    )
    envoy = Actor.objects.create(
        name=f"{CLOSING_SCRIPT} Envoy {SINGLE_QUOTE_BREAKER}",
        slug="hostile-envoy",
        description=f"{SCRIPT} {DOUBLE_QUOTE_BREAKER} {JAVASCRIPT_URL} {RIGHT_TO_LEFT}reversed",
    )
    envoy.aliases.create(name=SCRIPT)
    envoy.aliases.create(name=SINGLE_QUOTE_BREAKER)
    ActorRole.objects.create(actor=envoy, title=SCRIPT, organisation=DOUBLE_QUOTE_BREAKER)
    ministry = Actor.objects.create(
        name=f"{DOUBLE_QUOTE_BREAKER} Ministry{ZERO_WIDTHS}", slug="hostile-ministry", kind=Actor.Kind.ORGANISATION
    )
    ministry.aliases.create(name=CLOSING_SCRIPT)
    topic = Tag.objects.create(name=f"{SCRIPT}{SINGLE_QUOTE_BREAKER}"[:100], slug="hostile-topic")
    topic.aliases.create(name=DOUBLE_QUOTE_BREAKER)
    subtopic = Tag.objects.create(name=CLOSING_SCRIPT, slug="hostile-subtopic", parent=topic)

    def public(start, end, speaker, printed, tags=()):
        return statement_create(
            article=article,
            kind=Statement.Kind.DIRECT,
            start=start,
            end=end,
            speaker=speaker,
            speaker_as_printed=printed,
            tags=list(tags),
            review_status=Statement.ReviewStatus.CONFIRMED,
            published=True,
        )

    statements = {
        # From inside "<script>" to inside the onmouseover attribute.
        "script": public(
            inside("script>alert(1)", FIRST),
            inside('mouseover="alert(3)', FIRST, 5),
            envoy,
            f"{CLOSING_SCRIPT}{SINGLE_QUOTE_BREAKER}",
            [topic],
        ),
        # Overlapping the first, from inside "alert(1)" to the paragraph's end.
        "overlap": public(inside("alert(1)", FIRST, 3), BODY.index(FIRST) + len(FIRST), ministry, SCRIPT, [subtopic]),
        # From inside "</script>" to between the two zero-width characters.
        "closing": public(
            inside("/script><script>alert(2)", SECOND),
            inside(ZERO_WIDTHS, SECOND, 1),
            ministry,
            DOUBLE_QUOTE_BREAKER,
            [topic, subtopic],
        ),
        # From near the end of the long line into the next paragraph.
        "long": public(BODY.index(LONG_LINE) + 99_990, inside("the spokesman", FOURTH), envoy, RIGHT_TO_LEFT),
        # Deep inside the long line, with no space to break the context at.
        "middle": public(BODY.index(LONG_LINE) + 50_000, BODY.index(LONG_LINE) + 50_040, envoy, ""),
        # From just after the right-to-left mark to inside the zero-width pair.
        "reversed": public(
            inside(RIGHT_TO_LEFT, FOURTH, 1), inside(ZERO_WIDTHS, FOURTH, 1), ministry, f"{RIGHT_TO_LEFT}{SCRIPT}"
        ),
    }
    statements["suggested"] = statement_create(
        article=article,
        kind=Statement.Kind.CLAIM,
        start=inside("minister", FIRST),
        end=inside("alert(1)", FIRST, 4),
        speaker=envoy,
        speaker_as_printed=SINGLE_QUOTE_BREAKER,
    )
    correction = statement_reattribute(
        statement=statements["script"],
        to_actor=ministry,
        by=editor,
        reason=f"Printed as {CLOSING_SCRIPT} by mistake {DOUBLE_QUOTE_BREAKER}",
    )
    return {
        "article": article,
        "envoy": envoy,
        "ministry": ministry,
        "topic": topic,
        "subtopic": subtopic,
        "statements": statements,
        "correction": correction,
    }
