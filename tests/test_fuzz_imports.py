"""Fuzzing the two import commands with hostile input: refusals in words, never a traceback, nothing half-written.

``import_articles`` gets generated folders: odd file names (bytes that are
no UTF-8, newlines, the same name in two subfolders) holding random bytes,
text, or JSON Lines whose lines are random JSON values, lone surrogates,
deep nesting and huge numbers. ``import_curation`` gets the seeds' export
with random tampering: a value replaced by random JSON or by another value
of the export, or a field deleted.
"""

import copy
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.importing.files import shown_path
from curation.models import Actor, Article, Statement, Tag
from curation.selectors import curation_export
from tests.support.builders import empty_desk

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FUZZ = settings(
    max_examples=int(os.environ.get("CURATION_FUZZ_EXAMPLES", "60")),
    deadline=None,
    derandomize=os.environ.get("CURATION_FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)
good_article = st.fixed_dictionaries(
    {
        "title": st.text(min_size=1, max_size=40),
        "body": st.text(min_size=1, max_size=200).map(lambda text: "The envoy said " + text),
    },
    optional={
        "outlet": st.text(max_size=20) | st.none() | st.integers(),
        "url": st.sampled_from(["", "https://example.org/a", "javascript:alert(1)", "x" * 400]),
        "published_on": st.sampled_from(["2020-01-02", "yesterday", "2020-02-30", ""]),
    },
)
hostile_lines = st.one_of(
    good_article.map(lambda record: json.dumps(record, ensure_ascii=False)),
    good_article.map(json.dumps),
    json_values.map(json.dumps),
    st.sampled_from(
        [
            '{"title": "A \\ud800 title", "body": "The envoy said so."}',
            '{"title": "Fine title", "body": "The envoy \\udfff said so."}',
            "[" * 3000 + "]" * 3000,
            '{"body": "The envoy said so.", "n": ' + "9" * 5000 + "}",
            '{"body": "The envoy said so.", "n": 1e999}',
            '{"body": "The envoy said so.", "n": NaN}',
            '{"body": "The envoy said so.", "body": "twice"}',
            '{"body": "The envoy said so\\u0000."}',
            '{"body": "<html><body>page</body></html>"}',
            "",
            "   ",
        ]
    ),
    st.text(max_size=60),
)
file_names = st.one_of(
    st.text(alphabet=st.characters(exclude_characters="/\x00"), min_size=1, max_size=30).map(os.fsencode),
    st.binary(min_size=1, max_size=30).map(lambda name: name.replace(b"/", b"_").replace(b"\x00", b"_")),
).filter(lambda name: name not in (b".", b".."))
files = st.tuples(
    st.sampled_from([b"", b"sub/", b"other/"]),
    file_names,
    st.sampled_from([b".txt", b".jsonl", b""]),
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda text: ("A Headline For Fuzzing\n\n" + text).encode("utf-8", "surrogatepass")),
        st.lists(hostile_lines, min_size=1, max_size=6).map(
            lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
        ),
    ),
)


def run(command, *arguments):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *arguments, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue() + err.getvalue() + str(error), True
    return out.getvalue() + err.getvalue(), False


@FUZZ
@given(folder=st.lists(files, min_size=1, max_size=6))
def test_import_articles_refuses_in_words_and_keeps_what_it_reports(folder):
    with tempfile.TemporaryDirectory() as root, transaction.atomic():
        base, prefixes = os.fsencode(root), []
        for subfolder, name, suffix, data in folder:
            os.makedirs(os.path.join(base, subfolder), exist_ok=True)
            path = os.path.join(base, subfolder, name + suffix)
            with open(path, "wb") as handle:
                handle.write(data)
            prefixes.append(f"refused: {shown_path(Path(os.fsdecode(path)))}: ")
        output, failed = run("import_articles", root)
        assert "Traceback" not in output
        reported = re.findall(r"(\d+) article\(s\) added\.$", output, re.MULTILINE)[-1]
        assert Article.objects.count() == int(reported), output
        if failed:
            refusals = re.findall(r"^refused: .*", output, re.MULTILINE)
            assert refusals, "a failed run names what it refused"
            for line in refusals:
                # Each refusal names a file of the folder, then a reason.
                assert any(line.startswith(prefix) and line[len(prefix) :].strip() for prefix in prefixes), line
        transaction.set_rollback(True)


_export = {}


def _paths(value, path=()):
    """Every place in the document a value sits, as key paths."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.fixture
def seed_export(db):
    if not _export:
        from django.conf import settings as django_settings

        from curation.services import seeds_load

        seeds_load(seeds_dir=django_settings.CURATION_SEEDS_DIR)
        document = curation_export()
        empty_desk()
        _export.update(
            document=document,
            paths=[path for path in _paths(document) if path],
            strings=sorted(set(_strings(document)), key=lambda text: (len(text), text))[:400],
        )
    return _export


def _tampered(document, choices):
    for path, operation, value in choices:
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if operation == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # An earlier change removed or reshaped this place.
    return document


@FUZZ
@given(data=st.data())
def test_import_curation_restores_or_refuses_changing_nothing(seed_export, data):
    values = json_values | st.sampled_from(seed_export["strings"]) | st.integers(-5, 5000)
    choices = data.draw(
        st.lists(
            st.tuples(st.sampled_from(seed_export["paths"]), st.sampled_from(["replace", "delete"]), values),
            min_size=1,
            max_size=4,
        )
    )
    document = _tampered(copy.deepcopy(seed_export["document"]), choices)
    users = get_user_model().objects.count()
    with tempfile.TemporaryDirectory() as root, transaction.atomic():
        path = os.path.join(root, "export.json")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(document, ensure_ascii=False))
        output, failed = run("import_curation", path)
        assert "Traceback" not in output
        assert "malformed" not in output, f"a problem the checks missed: {output}"
        assert "the database refused" not in output, f"a problem the checks missed: {output}"
        if failed:
            refusals = ("nothing was restored", "not a Curation Desk export", "restores version", "read as JSON")
            assert any(words in output for words in refusals), output
            assert not Article.objects.exists() and not Actor.objects.exists() and not Tag.objects.exists()
            assert not Statement.objects.exists()
            assert get_user_model().objects.count() == users
        transaction.set_rollback(True)
