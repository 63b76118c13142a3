"""import_articles takes every input it can and refuses the rest by name, line and reason."""

import io
import json
import os
import threading
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, connections

from curation.models import Actor, Article, Tag, TagSlugRedirect
from curation.services import actor_merge, tag_merge, unique_slug
from curation.services import articles as article_services

GOOD = {"title": "Talks Resume After Long Pause", "body": "The envoy said talks resume on Monday."}


def run_import(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue() + err.getvalue() + str(error), True
    return out.getvalue() + err.getvalue(), False


def article(number: int, **fields) -> str:
    record = {
        "title": f"Story number {number} of the batch",
        "body": f"The envoy said {number} times that talks go on.",
    }
    return json.dumps({**record, **fields})


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('{"title": "Broken \\ud800 title", "body": "The envoy said so."}', "“title” holds a lone surrogate"),
        ('{"title": "Fine title here", "body": "The envoy \\udc00 said so."}', "“body” holds a lone surrogate"),
        ("[" * 10_000 + "]" * 10_000, "nested more than 100 levels deep"),
        ('{"title": "x", "body": "y", "n": ' + "7" * 10_000 + "}", "10,000 digits is too large"),
        ('{"title": "x", "body": "y", "n": 1e400}', "too large to hold"),
        ('{"title": "x", "body": "y", "n": NaN}', "NaN is not a JSON value"),
        ('{"body": "The envoy said so.", "body": "Another text."}', "the key 'body' appears twice"),
        ('["a list", "of text"]', "is not a JSON object"),
        ('"just a string"', "is not a JSON object"),
        ("42", "is not a JSON object"),
        ("null", "is not a JSON object"),
        ('{"title": "Half', "not valid JSON"),
        ('{"title": 5, "body": "The envoy said so."}', "“title” must be text"),
        ('{"title": "Tab\\there", "body": "The envoy said so."}', "“title” holds a control character (U+0009)"),
        ('{"title": "No body at all"}', "“body” is missing or empty"),
        ('{"body": "The envoy said so.", "published_on": "yesterday"}', "is not a date"),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_it_refuses_one_bad_line_by_number_and_imports_the_rest(db, tmp_path, line, named):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([article(1), line, article(3)]) + "\n", encoding="utf-8")
    output, failed = run_import(path)
    assert failed, "the exit status says a line was refused"
    assert f"refused: {path}: line 2" in output and named in output
    assert "Traceback" not in output
    assert sorted(Article.objects.values_list("import_key", flat=True)) == ["batch.jsonl:1", "batch.jsonl:3"]


def test_it_refuses_a_line_that_is_not_utf8_alone(db, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(article(1).encode() + b'\n{"title": "caf\xe9", "body": "x"}\n' + article(3).encode())
    output, failed = run_import(path)
    assert failed and "line 2 is not valid UTF-8" in output
    assert Article.objects.count() == 2


def test_it_reads_lines_as_json_lines_defines_them(db, tmp_path):
    """Only "\\n" ends a line: U+2028 and U+2029 inside a string are text, a BOM and CRLF are fine."""
    body = "The envoy said\u2028talks\u2029resume now, on Monday."
    path = tmp_path / "batch.jsonl"
    data = "\ufeff" + json.dumps({**GOOD, "body": body}, ensure_ascii=False) + "\r\n" + article(2) + "\r\n"
    path.write_text(data, encoding="utf-8")
    output, failed = run_import(path)
    assert not failed, output
    assert Article.objects.get(title=GOOD["title"]).body == body
    assert Article.objects.count() == 2


def test_it_refuses_a_file_with_only_bad_lines_naming_them(db, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(["[]", "1", "{", '"x"', "null"]), encoding="utf-8")
    output, failed = run_import(path)
    assert failed
    assert f"refused: {path}: line 1 is not a JSON object (each line holds one article as an object); line 2" in output
    assert "line 3: not valid JSON" in output
    assert "and 2 more" in output
    assert not Article.objects.exists()


def test_it_keeps_same_named_files_in_different_subfolders_apart(db, tmp_path):
    for folder, words in (("wire", "The envoy said talks resume."), ("paper", "The minister said aid arrives.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"A Headline About It All\n\n{words}\n", encoding="utf-8")
    output, failed = run_import(tmp_path)
    assert not failed, output
    assert sorted(Article.objects.values_list("import_key", flat=True)) == ["paper/story.txt", "wire/story.txt"]
    assert len(set(Article.objects.values_list("slug", flat=True))) == 2


def test_it_imports_files_with_odd_names(db, tmp_path):
    folder = os.fsencode(tmp_path)
    names = [
        b"caf\xe9-latin1-name.txt",  # not UTF-8: the key shows the byte as \xe9
        "ünïcödé ✓ 名前.txt".encode(),
        b"line\nbreak and spaces .txt",
        b"-starts-with-a-dash.txt",
        b"x" * 250 + b".txt",
    ]
    deep = os.path.join(folder, *[b"d" * 60] * 5)
    os.makedirs(deep)
    paths = [os.path.join(folder, name) for name in names] + [os.path.join(deep, b"deep.txt")]
    for number, path in enumerate(paths):
        with open(path, "wb") as handle:
            handle.write(f"An Odd Name Story Number {number}\n\nThe envoy said {number} things.\n".encode())
    output, failed = run_import(tmp_path)
    assert not failed, output
    keys = set(Article.objects.values_list("import_key", flat=True))
    assert len(keys) == len(paths)
    assert "caf\\xe9-latin1-name.txt" in keys
    assert all(len(key) <= 300 for key in keys)


def test_it_refuses_a_file_by_its_size_before_reading_it(db, tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    huge_lines = tmp_path / "huge.jsonl"
    with huge_lines.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    opened = []
    real_open = Path.open

    def watching_open(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read whole"))
    output, failed = run_import(huge, huge_lines)
    assert failed
    assert f"refused: {huge}: the file is 52,428,800 bytes; the limit is 500,000 bytes" in output
    assert f"refused: {huge_lines}: the file is 524,288,000 bytes; the limit is 100,000,000 bytes" in output
    assert opened == []


def test_it_gives_colliding_titles_their_own_slugs(db, tmp_path):
    lines = [json.dumps({"title": "Same Title", "body": f"The envoy said {number}."}) for number in range(3)]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "one.txt").write_text("Same Title\n\nThe minister said yes.\n", encoding="utf-8")
    output, failed = run_import(tmp_path)
    assert not failed, output
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "same-title",
        "same-title-2",
        "same-title-3",
        "same-title-4",
    ]


def test_it_chooses_again_when_another_import_took_the_slug_meanwhile(db, tmp_path, monkeypatch):
    (tmp_path / "first.txt").write_text("Same Title\n\nThe minister said yes.\n", encoding="utf-8")
    run_import(tmp_path / "first.txt")
    real = article_services.unique_slug
    calls = []

    def stale_then_real(model, text, **kwargs):
        # The first choice was free when made; another import took it before the insert.
        calls.append(text)
        return "same-title" if len(calls) == 1 else real(model, text, **kwargs)

    monkeypatch.setattr(article_services, "unique_slug", stale_then_real)
    (tmp_path / "second.txt").write_text("Same Title\n\nThe minister said no.\n", encoding="utf-8")
    output, failed = run_import(tmp_path / "second.txt")
    assert not failed, output
    assert len(calls) == 2
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["same-title", "same-title-2"]


@pytest.mark.django_db(transaction=True)
def test_it_survives_two_imports_of_colliding_titles_at_once(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are tested on PostgreSQL")
    folders = []
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for number in range(8):
            text = f"The Same Headline Every Time\n\nThe {side} envoy said {number}.\n"
            (folder / f"{side}-{number}.txt").write_text(text, encoding="utf-8")
        folders.append(folder)
    start, outputs = threading.Barrier(2), []

    def import_folder(folder):
        start.wait()
        try:
            outputs.append(run_import(folder))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_folder, args=(folder,)) for folder in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [failed for _, failed in outputs] == [False, False], outputs
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(slugs) == 16 and len(set(slugs)) == 16


def test_a_merged_topic_slug_keeps_leading_to_the_survivor(editor, client):
    survivor = Tag.objects.create(name="Security", slug="security")
    merged = Tag.objects.create(name="Counter-terrorism", slug="counter-terrorism")
    tag_merge(survivor=survivor, merged=merged, by=editor)
    assert unique_slug(Tag, "Counter-terrorism") == "counter-terrorism-2"
    with pytest.raises(ValidationError, match="former address of Security"):
        Tag(name="Counter-terrorism", slug="counter-terrorism").full_clean()
    assert TagSlugRedirect.objects.get(old_slug="counter-terrorism").tag == survivor
    response = client.get("/tags/counter-terrorism/")
    assert response.status_code == 301 and response["Location"] == "/tags/security/"


def test_a_merged_actor_slug_is_never_given_to_a_new_actor(editor):
    survivor = Actor.objects.create(name="Ibrahim al-Jaafari", slug="ibrahim-al-jaafari")
    merged = Actor.objects.create(name="Ibrahim Jaafari", slug="ibrahim-jaafari")
    merged.slug_redirects.create(old_slug="jaafari")
    actor_merge(survivor=survivor, merged=merged, by=editor)
    assert unique_slug(Actor, "Jaafari") == "jaafari-2"
    assert unique_slug(Actor, "Ibrahim Jaafari") == "ibrahim-jaafari-2"
    with pytest.raises(ValidationError, match="former address of Ibrahim al-Jaafari"):
        Actor(name="Jaafari", slug="jaafari").full_clean()


def test_the_admin_refuses_a_merged_topic_slug_keeping_what_was_typed(editor, editor_client):
    tag_merge(
        survivor=Tag.objects.create(name="Security", slug="security"),
        merged=Tag.objects.create(name="Terrorism", slug="terrorism"),
        by=editor,
    )
    data = {
        "name": "Terrorism again",
        "slug": "terrorism",
        "description": "typed by the editor",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "slug_redirects-TOTAL_FORMS": "0",
        "slug_redirects-INITIAL_FORMS": "0",
    }
    response = editor_client.post("/admin/curation/tag/add/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "is a former address of Security" in page and "typed by the editor" in page
    assert not Tag.objects.filter(slug="terrorism").exists()
