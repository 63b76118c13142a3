"""A folder of files that go wrong: each imported correctly or refused by name."""

import codecs
import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from curation.models import Article

STORY = "Envoys Agree To Resume Talks\r\n\r\nThe envoy said “talks resume on Monday”.\r\n"


def run_import(*paths):
    out, err = io.StringIO(), io.StringIO()
    failed = False
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
    except CommandError:
        failed = True
    return out.getvalue() + err.getvalue(), failed


@pytest.fixture
def broken_folder(tmp_path):
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "invalid-utf8.txt": b"The minister said \xff\xfe\xfd nothing.",
        "with-bom.txt": codecs.BOM_UTF8 + "BOM Headline For This Story\n\nThe mayor said “yes”.\n".encode(),
        "crlf.txt": STORY.encode(),
        "utf16.txt": "UTF Sixteen Headline Story Here\n\nThe governor said “no”.\n".encode("utf-16"),
        "huge.txt": b"The spokesman said the talks continue. " * (20 * 1024 * 1024 // 39),
        "page.html": b"<!DOCTYPE html>\n<html><head><title>News</title></head><body>Text</body></html>",
        "duplicate-of-crlf.txt": STORY.encode(),
        "null-byte.txt": b"A headline with a null\x00 byte inside it",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_it_imports_or_refuses_each_broken_file_by_name(db, broken_folder):
    output, failed = run_import(broken_folder)
    assert failed
    expectations = {
        "empty.txt": "refused: {path}: the file is empty",
        "binary.txt": "refused: {path}: the file is binary",
        "invalid-utf8.txt": "refused: {path}: the file is not valid UTF-8",
        "huge.txt": "refused: {path}: the file is",
        "page.html": "refused: {path}: the file is an HTML page",
        "null-byte.txt": "refused: {path}: the file is binary",
        "with-bom.txt": "imported: {path}",
        "utf16.txt": "imported: {path}",
        "crlf.txt": "imported: {path}",
        "duplicate-of-crlf.txt": "skipped: {path}: the same text is already imported",
    }
    for name, expected in expectations.items():
        assert expected.format(path=broken_folder / name) in output, name
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"BOM Headline For This Story", "UTF Sixteen Headline Story Here", "Envoys Agree To Resume Talks"}
    crlf = Article.objects.get(import_key="crlf.txt")
    assert crlf.body == STORY, "the body is kept exactly as imported, line endings included"
    assert not Article.objects.get(import_key="with-bom.txt").body.startswith("\ufeff")


def test_it_never_makes_two_articles_from_the_same_file(db, broken_folder):
    run_import(broken_folder / "crlf.txt")
    output, _ = run_import(broken_folder / "crlf.txt")
    assert "already imported" in output
    assert Article.objects.filter(content_hash=Article.objects.get().content_hash).count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_makes_no_duplicates_when_two_imports_run_at_once(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are tested on PostgreSQL")
    for number in range(10):
        (tmp_path / f"story-{number}.txt").write_text(
            f"Story Number {number} Headline Here\n\nThe envoy said {number}.\n"
        )
    start = threading.Barrier(2)

    def import_folder():
        start.wait()
        try:
            run_import(tmp_path)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_folder) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert Article.objects.count() == 10


@pytest.mark.django_db(transaction=True)
def test_it_makes_no_duplicates_when_two_seed_loads_run_at_once():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are tested on PostgreSQL")
    from curation.models import Actor, Statement

    outputs = []
    start = threading.Barrier(2)

    def load():
        start.wait()
        out = io.StringIO()
        try:
            call_command("load_seeds", stdout=out)
            outputs.append(out.getvalue())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=load) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert Article.objects.count() == 5
    assert Statement.objects.count() == 42
    assert Actor.objects.filter(slug="ibrahim-al-jaafari").count() == 1
    assert sorted(output.startswith("Loaded") for output in outputs) == [False, True]
