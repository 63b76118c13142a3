"""An editor fixes the Abadi misattribution in a real browser, and cannot do it without a reason."""

import re

import pytest
from playwright.sync_api import expect

from curation.models import AttributionCorrection, Statement
from tests.support.browser import save_screenshot

pytestmark = pytest.mark.browser


def log_in(page, username, password):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Curation Desk")


def choose_speaker(page, search, name):
    page.click("#select2-id_speaker-container")
    page.fill(".select2-container--open .select2-search__field", search)
    page.locator(".select2-results__option", has_text=name).click()
    expect(page.locator("#select2-id_speaker-container")).to_contain_text(name)


@pytest.mark.django_db(transaction=True)
def test_it_lets_an_editor_correct_the_abadi_quote_only_with_a_reason(browser_page, editor, seeded_as_published):
    page = browser_page
    abadi_quote = Statement.objects.get(speaker_as_printed="Abadi")
    log_in(page, "alice", "alice-password-123")
    page.goto(f"/admin/curation/statement/{abadi_quote.pk}/change/")
    expect(page.locator("#select2-id_speaker-container")).to_contain_text("Haider al-Abadi")

    choose_speaker(page, "Jaafari", "Ibrahim al-Jaafari")
    page.fill("#id_reason", "The article reports Foreign Minister Jaafari's meeting; Abadi is never introduced.")
    # Readers saw the quote as Abadi's: the form says the change will be told to them.
    expect(page.locator("#id_reason_helptext")).to_contain_text("Readers have seen this statement as said by")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist")).to_contain_text("Correction recorded: Haider al-Abadi → Ibrahim al-Jaafari")
    expect(page.locator("#corrections-group")).to_contain_text("Abadi is never introduced")
    save_screenshot(page, "admin-reattribute")
    correction = AttributionCorrection.objects.get(statement=abadi_quote)
    assert (correction.from_actor.slug, correction.to_actor.slug, correction.editor) == (
        "haider-al-abadi",
        "ibrahim-al-jaafari",
        editor,
    )

    choose_speaker(page, "Abadi", "Haider al-Abadi")
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-reason .errorlist")).to_contain_text(re.compile("give a reason for the change"))
    expect(page.locator("#select2-id_speaker-container")).to_contain_text("Haider al-Abadi")
    save_screenshot(page, "admin-reattribute-refused")
    abadi_quote.refresh_from_db()
    assert abadi_quote.speaker.slug == "ibrahim-al-jaafari"
    assert AttributionCorrection.objects.filter(statement=abadi_quote).count() == 1
