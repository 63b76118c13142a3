import pytest

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_it_shows_the_seed_articles_in_a_real_browser(browser_page, seeded):
    browser_page.goto("/")
    assert browser_page.get_by_role("link", name="Jaafari calls for international efforts").count() == 1
    save_screenshot(browser_page, "home")
