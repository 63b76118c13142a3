import json

import pytest
from django.core.management import CommandError, call_command

from curation.models import Article

GOOD_TEXT = "Ministers Agree On New Border Talks\n\nThe minister said the talks would resume.\n"


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def run_import(*paths):
    """Run import_articles; return (stdout+stderr, failed)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue() + err.getvalue() + str(error), True
    return out.getvalue() + err.getvalue(), False


def test_it_imports_a_text_file_as_a_draft_with_its_header(db, tmp_path):
    path = write(tmp_path, "talks.txt", " date 2021-03-04 \n\n" + GOOD_TEXT)
    output, failed = run_import(path)
    assert not failed
    article = Article.objects.get()
    assert article.title == "Ministers Agree On New Border Talks"
    assert article.published_on.isoformat() == "2021-03-04"
    assert article.status == Article.Status.DRAFT
    assert article.body == " date 2021-03-04 \n\n" + GOOD_TEXT
    assert "imported: " in output


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", bytes(range(256)), "binary"),
        ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "not valid UTF-8"),
        ("numbers.txt", b"12 34 56\n", "no text"),
    ],
)
def test_it_refuses_a_bad_file_by_name_and_imports_the_others(db, tmp_path, name, data, reason):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", GOOD_TEXT)
    output, failed = run_import(bad, good)
    assert failed, "the exit status must say a file was refused"
    assert f"refused: {bad}: " in output and reason in output
    assert list(Article.objects.values_list("import_key", flat=True)) == ["good.txt"]


def test_it_imports_the_same_file_only_once(db, tmp_path):
    path = write(tmp_path, "talks.txt", GOOD_TEXT)
    run_import(path)
    output, failed = run_import(path)
    assert not failed
    assert "already imported" in output
    assert Article.objects.count() == 1


def test_it_refuses_the_same_text_under_another_name(db, tmp_path):
    run_import(write(tmp_path, "one.txt", GOOD_TEXT))
    output, _ = run_import(write(tmp_path, "two.txt", GOOD_TEXT))
    assert "same text is already imported" in output
    assert Article.objects.count() == 1


def test_it_imports_json_lines(db, tmp_path):
    lines = [
        {
            "title": "Talks resume",
            "body": "The envoy said talks resume.",
            "outlet": "Wire",
            "url": "https://example.org/a",
            "published_on": "2020-01-02",
        },
        {
            "title": "Aid arrives",
            "body": "Officials said aid arrived.",
            "outlet": "Wire",
            "url": "",
            "published_on": None,
        },
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(line) for line in lines))
    output, failed = run_import(path)
    assert not failed, output
    assert sorted(Article.objects.values_list("title", "outlet")) == [("Aid arrives", "Wire"), ("Talks resume", "Wire")]
    assert Article.objects.get(title="Aid arrives").published_on is None


def test_it_refuses_a_bad_json_lines_line_alone(db, tmp_path):
    lines = [
        json.dumps({"title": "Fine", "body": "The envoy said talks resume.", "published_on": "2020-01-02"}),
        json.dumps({"title": "Broken", "body": "Officials said aid arrived.", "published_on": "yesterday"}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines))
    output, failed = run_import(path)
    assert failed
    assert f"refused: {path}: line 2" in output and "published_on" in output
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]


def test_it_names_a_missing_path(db, tmp_path):
    output, failed = run_import(tmp_path / "nowhere.txt")
    assert failed and "no such file" in output


def test_it_imports_a_json_lines_file_larger_than_one_article_may_be(db, tmp_path):
    from curation.importing.parsing import MAX_ARTICLE_BYTES

    body = "The envoy said talks resume. " * 1000
    count = MAX_ARTICLE_BYTES // len(body) + 5
    lines = [json.dumps({"title": f"Talks, part {number}", "body": f"{number}. {body}"}) for number in range(count)]
    path = write(tmp_path, "many.jsonl", "\n".join(lines))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    output, failed = run_import(path)
    assert not failed, output
    assert Article.objects.count() == count


def test_it_refuses_one_article_over_the_limit_inside_json_lines(db, tmp_path):
    from curation.importing.parsing import MAX_ARTICLE_BYTES

    lines = [
        json.dumps({"title": "Fine", "body": "The envoy said talks resume."}),
        json.dumps({"title": "Huge", "body": "word " * (MAX_ARTICLE_BYTES // 5 + 1)}),
    ]
    output, failed = run_import(write(tmp_path, "huge.jsonl", "\n".join(lines)))
    assert failed and "line 2: the body is" in output and "limited to" in output
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]
