"""The page frame: GOV.UK Frontend's styles and scripts load, and the header is the 6.x markup."""

from playwright.sync_api import expect

from plans.services.demo import DEMO_PASSWORD


def test_styles_and_scripts_load_and_the_header_names_the_organisation(journey, demo, settings):
    page = journey.page
    journey.login("owner", DEMO_PASSWORD)

    # The compiled stylesheet is applied (system font stack, GOV.UK layout) ...
    font = page.evaluate("getComputedStyle(document.querySelector('.govuk-body, p')).fontFamily")
    assert "system-ui" in font
    assert page.evaluate("getComputedStyle(document.querySelector('.govuk-width-container')).maxWidth") == "960px"
    # ... and GOV.UK Frontend's JavaScript ran: it marks the body and each component it started.
    expect(page.locator("body")).to_have_class("govuk-template__body js-enabled govuk-frontend-supported")
    expect(page.locator("[data-module='govuk-service-navigation']")).to_have_attribute(
        "data-govuk-service-navigation-init", ""
    )

    banner = page.get_by_role("banner")
    expect(banner).to_have_count(1)
    expect(banner.get_by_role("link", name=settings.ORGANISATION_NAME)).to_have_attribute("href", "/")
    navigation = banner.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="My actions")).to_have_attribute("aria-current", "page")
    expect(navigation.get_by_role("button", name="Sign out (owner)")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("Contains no personal data of children.")


def test_the_plan_page_is_wide_so_its_action_table_is_not_squeezed(journey, demo):
    from plans.models import Plan

    page = journey.page
    journey.login("board", DEMO_PASSWORD)
    page.goto(f"/plans/{Plan.objects.order_by('pk').first().pk}/")
    assert page.evaluate("getComputedStyle(document.querySelector('main').parentElement).maxWidth") == "1400px"
    table = page.get_by_role("table", name="Actions with their owners, due dates and current progress and impact RAG")
    # At 1,280 px the table gets most of the window (it was about 700 px in the 960 px frame).
    assert table.bounding_box()["width"] > 850
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
