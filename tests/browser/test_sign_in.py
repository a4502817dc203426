"""Signing in: a wrong password is explained, and the explanation leads back to the form."""

from playwright.sync_api import expect

from plans.services.demo import DEMO_PASSWORD


def test_wrong_password_shows_an_error_summary_that_leads_to_the_username(journey, demo):
    page = journey.page
    page.goto("/plans/")  # not signed in: sent to sign in, and back here afterwards
    journey.check("sign-in-redirect", title="Sign in", screenshot=False)
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please enter a correct username and password")
    journey.check("sign-in-error", title="Error: Sign in")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Username")).to_be_focused()

    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(journey.expected_title("Plans"))


def test_an_address_that_does_not_exist_says_so(journey, demo):
    journey.login("board", DEMO_PASSWORD)
    response = journey.page.goto("/actions/999999/")
    assert response.status == 404
    journey.check("not-found", title="Page not found")
