"""An editor marks statements by selecting their passage in Chromium, and places a lost one again."""

import pytest
from playwright.sync_api import expect

from curation import services
from curation.models import Statement
from tests.support.browser import save_screenshot
from tests.support.builders import make_article, make_statement

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A flag emoji (two code points, four UTF-16 units), Windows line endings and
# a statement already marked (its number is inserted into the shown text) all
# lie before the passages the editor selects.
BODY = (
    "Ankara (Test Wire) – 🇮🇶 The minister said that “the border stays open”.\r\n\r\n"
    "She added: “Trade goes on”, and the envoy noted that talks resume in May.\r\n"
)

SELECT_SCRIPT = """([phrase]) => {
  const root = document.getElementById("article-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + phrase.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


def select_passage(page, phrase):
    assert page.evaluate(SELECT_SCRIPT, [phrase]), f"{phrase!r} is not in one piece of the shown text"
    expect(page.locator("#selection-tools")).to_be_visible()


def log_in(page):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "alice-password-123")
    page.click("input[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_it_marks_a_statement_from_a_selection_and_places_a_lost_one(browser_page, editor):
    page = browser_page
    article = make_article("Marking by selection", BODY, draft=True)
    make_statement(article, "“the border stays open”", status="suggested", published=False)
    lost = make_statement(article, "talks resume in May", status="suggested", published=False)
    article.body = BODY.replace("talks resume in May", "talks resume in June")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    log_in(page)
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    expect(page.locator("#selection-tools")).to_be_hidden()

    select_passage(page, "Trade goes on")
    expect(page.locator(".selection-summary")).to_contain_text("“Trade goes on”")
    save_screenshot(page, "desk-mark-selected-1280")
    page.click("#selection-new")
    expect(page.locator("#id_selected_text")).to_have_value("Trade goes on")
    page.select_option("#id_kind", "direct")
    page.fill("#id_speaker_as_printed", "She")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    marked = Statement.objects.get(speaker_as_printed="She")
    assert article.body[marked.start : marked.end] == "Trade goes on"
    assert marked.review_status == Statement.ReviewStatus.CONFIRMED

    page.goto(f"/admin/curation/article/{article.pk}/change/")
    select_passage(page, "talks resume in June")
    page.click("#selection-place")
    expect(page.locator(".messagelist")).to_contain_text("again at characters")
    lost.refresh_from_db()
    assert (lost.anchor, lost.text) == (Statement.Anchor.FOUND, "talks resume in June")
    assert article.body.replace("\r\n", "\n").index("talks") != lost.start  # the body's offsets, not the shown text's
    expect(page.locator(".field-orphaned_statements")).to_contain_text("every statement is found")
    save_screenshot(page, "desk-mark-placed-1280")
