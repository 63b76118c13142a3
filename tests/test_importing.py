"""Header parsing and file decoding; pure functions, no database."""

import codecs
from datetime import date
from pathlib import Path

import pytest

from curation.importing.parsing import ImportRefused, decode_article, parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_article(decode_article(path.read_bytes()))


@pytest.mark.parametrize(
    ("prefix", "published_on", "outlet"),
    [
        ("000", date(2018, 4, 8), "Iraqinews.com"),
        ("001", date(2020, 11, 26), "Iraq News"),
        ("002", None, ""),
        ("003", None, ""),
        ("004", None, ""),
    ],
)
def test_it_reads_each_seed_header(prefix, published_on, outlet):
    parsed = seed(prefix)
    assert parsed.published_on == published_on
    assert parsed.outlet == outlet


def test_it_keeps_the_body_exactly_as_imported():
    (path,) = SEEDS.glob("000_*.txt")
    assert seed("000").body == path.read_text(encoding="utf-8")


def test_it_takes_the_headline_as_title():
    assert seed("002").title == "Iraqi President Calls For International Cooperation to Fight Terrorism"
    assert seed("001").title.startswith("Iraq Warns Daesh Activities Have Intensified")


def test_it_does_not_take_a_date_from_the_body_text():
    parsed = parse_article("Conference report\n\nMinisters met for the period 16-17 / 5/2019 in Dushanbe.\n")
    assert parsed.published_on is None


def test_it_reads_an_outlet_from_a_dateline():
    parsed = parse_article("Mosul (Example Wire) – The governor said on Monday that roads would reopen.\n")
    assert parsed.outlet == "Example Wire"


def test_it_ignores_an_impossible_header_date():
    assert parse_article(" date 2018-02-31 \n\nA headline with four words\n").published_on is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"2018 - 2019\n123\n", "no text"),
        (b"<!DOCTYPE html><html><body>News</body></html>", "HTML page"),
        (b"text with a bell \x07 inside", "control character"),
    ],
)
def test_it_refuses_a_bad_file_with_the_reason(data, reason):
    with pytest.raises(ImportRefused, match=reason):
        decode_article(data)


def test_it_reads_utf8_with_a_byte_order_mark_and_utf16():
    assert decode_article(codecs.BOM_UTF8 + "Minister said “yes”.".encode()) == "Minister said “yes”."
    assert decode_article("Minister said “yes”.".encode("utf-16")) == "Minister said “yes”."


def test_it_refuses_a_file_over_the_size_limit():
    with pytest.raises(ImportRefused, match="limited to"):
        decode_article(b"word " * 500_000)
