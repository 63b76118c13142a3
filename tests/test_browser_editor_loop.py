"""An editor takes three new stories from import to publication in Chromium, without a terminal.

Import two files, a JSON Lines batch and a link; suggest statements; review
them with the keyboard; mark a statement by selecting it; place a lost one
again; preview the draft; publish; and read it as a reader, without the
feed's header lines. Each step is photographed at 1280 and 390 px.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from curation import services
from curation.models import Article, ReviewDecision, Statement
from tests.support.browser import ARTIFACTS
from tests.support.pages import story_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST = (
    " date 2024-05-02 \n\nBorder talks resume in May\n\n"
    "Ankara (Test Wire) – The envoy Sam Reed said on Monday that “the border talks will resume in May”.\n\n"
    "Reed added that “trade goes on” whatever the weather.\n\n"
    "Officials on both sides kept the crossing open all winter.\n\nSponsored Links\n"
)
SECOND = "Ministers meet in Dushanbe\n\nThe undersecretary pointed out that cooperation against terrorism grows."
BATCH = [
    {"title": "Batch story one", "body": "The minister said that the first batch story holds.", "outlet": "Wire"},
    {"title": "Batch story two", "body": "The envoy said that the second batch story holds.", "outlet": "Wire"},
]
SELECT_SCRIPT = """([phrase]) => {
  const walker = document.createTreeWalker(document.getElementById("article-text"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + phrase.length);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return true;
    }
  }
  return false;
}"""


def shoot(page, name):
    """Photograph the page at 1280 px and at 390 px, then return to 1280."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"loop-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def select_passage(page, phrase):
    assert page.evaluate(SELECT_SCRIPT, [phrase]), phrase
    expect(page.locator("#selection-tools")).to_be_visible()


def import_everything(page, tmp_path, story_url):
    files = {"first.txt": FIRST, "second.txt": SECOND, "batch.jsonl": "\n".join(map(json.dumps, BATCH))}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.goto("/admin/curation/article/")
    page.click("text=Import articles")
    page.set_input_files("#id_files", [str(tmp_path / name) for name in files])
    page.fill("#id_urls", story_url)
    shoot(page, "01-import")
    page.click("input[value=Import]")
    expect(page.locator(".import-outcomes")).to_contain_text("batch.jsonl")
    expect(page.locator(".import-imported")).to_have_count(4)
    shoot(page, "02-imported")


def review_with_keys(page, article):
    page.goto(f"/admin/curation/suggestedstatement/?article={article.pk}")
    suggestions = list(Statement.objects.filter(article=article, review_status="suggested").order_by("start"))
    assert len(suggestions) >= 2, [statement.text for statement in suggestions]
    page.locator("#result_list tbody th a").first.click()
    expect(page.locator(".statement-in-context mark.printed-speaker").first).to_be_visible()
    shoot(page, "04-review")
    page.locator("body").press("c")
    expect(page.locator(".messagelist")).to_contain_text("Confirmed")
    page.locator("body").press("r")
    expect(page.locator(".messagelist")).to_contain_text("Rejected")
    decisions = sorted(ReviewDecision.objects.filter(statement__article=article).values_list("decision", flat=True))
    assert decisions == ["confirmed", "rejected"]


def mark_and_place(page, article, editor):
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    expect(page.locator(".article-text .non-story").first).to_contain_text("date 2024-05-02")
    select_passage(page, "kept the crossing open all winter")
    shoot(page, "05-selected")
    page.click("#selection-new")
    page.select_option("#id_kind", "claim")
    page.fill("#id_speaker_as_printed", "Officials on both sides")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    marked = Statement.objects.get(article=article, speaker_as_printed="Officials on both sides")
    article.refresh_from_db()
    article.body = article.body.replace("open all winter", "open through the winter")
    services.article_update(article=article, by=editor, changed_fields=["body"])
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    expect(page.locator(".field-orphaned_statements")).to_contain_text("kept the crossing open all winter")
    select_passage(page, "kept the crossing open through the winter")
    page.click("#selection-place")
    expect(page.locator(".messagelist")).to_contain_text("again at characters")
    marked.refresh_from_db()
    assert (marked.anchor, marked.text) == ("found", "kept the crossing open through the winter")
    shoot(page, "06-placed")


def preview_and_publish(page, article):
    page.goto(f"/admin/curation/statement/?article={article.pk}&review_status__exact=confirmed")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("Published 2 statements")
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    page.click("a.viewsitelink")
    expect(page.locator(".preview-banner")).to_contain_text("Preview — not public.")
    shoot(page, "07-preview")
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


@pytest.mark.django_db(transaction=True)
def test_it_takes_an_editor_from_import_to_a_public_page(browser_page, editor, settings, tmp_path):
    settings.CURATION_IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    page = browser_page
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "alice-password-123")
    page.click("input[type=submit]")
    with story_server() as base:
        import_everything(page, tmp_path, f"{base}/story")
    assert Article.objects.filter(title="Envoy says border talks resume in May", outlet="Test Wire").exists()
    page.goto("/admin/")
    expect(page.locator(".desk-waiting")).to_contain_text("articles without a date")
    shoot(page, "03-what-needs-doing")

    article = Article.objects.get(import_key="first.txt")
    page.goto(f"/admin/curation/article/{article.pk}/change/")
    page.click("button.object-tool-button")
    suggested = re.compile(r"done \(1 of 1 items: 1 article, \d+ skipped, [1-9]\d* stored\)")
    expect(page.locator(".messagelist")).to_contain_text(suggested)
    review_with_keys(page, article)
    mark_and_place(page, article, editor)
    preview_and_publish(page, article)

    reader = page.context.browser.new_context(base_url=page.url.split("/admin")[0])
    public = reader.new_page()
    public.goto(article.get_absolute_url())
    body = public.locator(".article-body")
    expect(body).to_contain_text("kept the crossing open through the winter")
    expect(body).not_to_contain_text("date 2024-05-02")
    expect(body).not_to_contain_text("Sponsored Links")
    expect(public.locator(".preview-banner")).to_have_count(0)
    shoot(public, "08-public")
    reader.close()
