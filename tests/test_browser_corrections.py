"""An editor undoes a mistaken correction in the open, and a reader reads the whole story of the quote."""

import pytest
from playwright.sync_api import expect

from curation.models import Statement
from tests.support.browser import save_screenshot
from tests.test_browser_admin import log_in

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_an_editor_withdraws_a_mistaken_correction_and_readers_see_why(browser_page, editor, seeded):
    page = browser_page
    abadi_quote = Statement.objects.get(speaker_as_printed="Abadi")
    log_in(page, "alice", "alice-password-123")
    page.goto(f"/admin/curation/statement/{abadi_quote.pk}/change/")
    page.get_by_role("link", name="Withdraw this correction…").click()
    expect(page.get_by_role("heading", name="Withdraw a correction")).to_be_visible()
    expect(page.locator(".correction-notice")).to_contain_text("It is now attributed to Ibrahim al-Jaafari.")
    save_screenshot(page, "admin-withdraw-correction")

    # The reason is required: the browser itself holds the form back without one.
    expect(page.get_by_label("Why the correction was a mistake")).to_have_attribute("required", "")
    page.get_by_label("Why the correction was a mistake").fill(
        "Checked against the ministry's transcript: the warning was the prime minister's after all."
    )
    page.get_by_role("button", name="Withdraw the correction").click()
    expect(page.locator(".messagelist")).to_contain_text("Correction withdrawn")
    expect(page.locator("#select2-id_speaker-container")).to_contain_text("Haider al-Abadi")
    save_screenshot(page, "admin-correction-withdrawn")

    page.goto(abadi_quote.get_absolute_url())
    box = page.locator(".corrections-box")
    expect(box).to_contain_text("It was then attributed to Ibrahim al-Jaafari.")
    expect(box).to_contain_text("This correction was withdrawn on")
    expect(box).to_contain_text("the quote attributed to Haider al-Abadi again")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Haider al-Abadi")
    save_screenshot(page, "public-statement-withdrawn")
    page.set_viewport_size({"width": 390, "height": 844})
    save_screenshot(page, "public-statement-withdrawn-390")
