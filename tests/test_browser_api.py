"""A person exploring the API in Chromium, with the site's Content-Security-Policy on."""

import pytest

from tests.support.browser import save_screenshot

pytestmark = pytest.mark.browser

OPERATIONS = 10


def watch_console(page) -> list[str]:
    """Collect the browser's errors and warnings, where a blocked script or style is reported."""
    messages = []
    page.on("console", lambda message: messages.append(message.text) if message.type in {"error", "warning"} else None)
    page.on("pageerror", lambda error: messages.append(str(error)))
    # Registered before any page script runs; reports what the policy blocked, console or not.
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " event => console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));"
    )
    return messages


def script_policy(response) -> str:
    policy = response.headers["content-security-policy"]
    directive = next(part.strip() for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in directive and "unsafe-eval" not in directive
    return directive


@pytest.mark.django_db(transaction=True)
def test_it_shows_every_operation_in_the_api_docs_under_the_content_security_policy(browser_page, seeded):
    page = browser_page
    messages = watch_console(page)
    response = page.goto("/api/docs/")
    assert script_policy(response) == "script-src 'self'"
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() == OPERATIONS
    assert page.locator(".opblock-summary-path", has_text="/api/v1/statements/").count() == 2
    save_screenshot(page, "api-docs")

    # Trying an operation goes to the API and back through the same policy.
    page.locator(".opblock-summary", has_text="/api/v1/tags/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".responses-table .response-col_status", has_text="200").first.wait_for()
    assert messages == []


@pytest.mark.django_db(transaction=True)
def test_it_shows_a_person_the_browsable_api_under_the_content_security_policy(browser_page, seeded):
    page = browser_page
    messages = watch_console(page)
    response = page.goto("/api/v1/statements/?kind=direct&page_size=2")
    assert script_policy(response) == "script-src 'self'"
    assert response.headers["content-type"].startswith("text/html")
    assert page.get_by_role("heading", name="Statement List").count() == 1
    assert page.title() == "Statement List – Curation Desk API"
    assert '"kind": "direct"' in page.locator(".response-info").inner_text()
    # The stylesheet and Bootstrap's script from the desk itself drive the filter dialog.
    page.get_by_role("button", name="Filters").click()
    page.locator("#filtersModal").wait_for(state="visible")
    # Each field is labelled with the parameter a person would write in the URL.
    assert page.locator("#filtersModal").get_by_label("published_after").count() == 1
    assert "[invalid name]" not in page.locator("#filtersModal").inner_text()
    save_screenshot(page, "api-browsable")
    assert messages == []
