"""A reader's visit in a real browser: home, an article, the Abadi correction, an actor."""

import pytest

from curation.models import Statement
from tests.support.browser import save_screenshot

pytestmark = pytest.mark.browser

ARTICLE = "/articles/jaafari-calls-for-international-efforts-against-terrorism/"


@pytest.mark.django_db(transaction=True)
def test_it_takes_a_reader_from_the_home_page_to_a_corrected_quote_and_its_speaker(browser_page, seeded):
    page = browser_page
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("What public figures say")
    # The stylesheet is served and applied (no CDN, no script).
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(15, 42, 68)"
    )
    save_screenshot(page, "public-home")

    page.get_by_role("link", name="Jaafari calls for international efforts").first.click()
    page.wait_for_url(f"**{ARTICLE}")
    assert page.locator(".article-body mark.statement").count() == 7
    assert page.get_by_role("link", name="Miguel de Serpa Soares, indirect quote").count() == 3
    save_screenshot(page, "public-article")

    abadi = Statement.objects.get(speaker_as_printed="Abadi")
    page.locator(f'.article-body a[href="/statements/{abadi.pk}/"]').click()
    page.wait_for_url(f"**/statements/{abadi.pk}/")
    notice = page.locator(".corrections-box .correction-notice")
    assert notice.inner_text().startswith(
        "An earlier version attributed this quote to Abadi. It is now attributed to Ibrahim al-Jaafari. Corrected on"
    )
    save_screenshot(page, "public-statement")

    page.get_by_role("link", name="Ibrahim al-Jaafari").first.click()
    page.wait_for_url("**/actors/ibrahim-al-jaafari/")
    assert page.get_by_role("img", name="Statements per month").count() == 1
    save_screenshot(page, "public-actor")


@pytest.mark.django_db(transaction=True)
def test_it_lets_a_keyboard_user_skip_to_the_content_on_a_phone(browser_page, seeded):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(ARTICLE)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(page, "public-article-phone")
