"""The page frame: GOV.UK Frontend's styles and scripts load, and the header is the 6.x markup."""

from playwright.sync_api import expect

from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import DESKTOP


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


def test_pages_whose_tables_grow_with_the_data_fit_a_phone(journey, demo):
    """The tables that widen with a plan's history (an action's RAG over time, an audit trail's
    changed fields, the graded items, the dashboard's trend figures) scroll in their own box on a
    phone (and at WCAG's 320 px reflow width) rather than pushing the whole page sideways."""
    from django.db.models import Count

    from plans.models import Action, Plan

    plan = Plan.objects.order_by("pk").first()
    action = Action.objects.filter(theme__plan=plan).annotate(n=Count("updates")).order_by("-n", "pk").first()
    page = journey.page
    journey.login("admin", DEMO_PASSWORD)
    for name, path in [
        ("wide-action-history", action.get_absolute_url()),
        ("wide-audit-log", "/audit-log/"),
        ("wide-graded-items", "/audits/graded/"),
        ("wide-dashboard-trends", f"/plans/{plan.pk}/dashboard/?section=trends"),
    ]:
        page.goto(path)
        journey.check(name, accessibility=False)
        page.set_viewport_size(REFLOW)
        loose = page.evaluate(TABLES_OUTSIDE_A_SCROLL_BOX_JS)
        page.set_viewport_size(DESKTOP)
        assert not loose, f"{path}: tables wider than a phone outside a scroll box: {loose}"


# WCAG 2.2's reflow width (1.4.10): a page reads at 320 CSS px with no sideways scrolling but
# inside tables, which scroll in their own box.
REFLOW = {"width": 320, "height": 640}

# Tables wider than the window that are not inside a box that scrolls sideways and takes focus.
TABLES_OUTSIDE_A_SCROLL_BOX_JS = """() => [...document.querySelectorAll('main table')]
  .filter(t => t.getBoundingClientRect().width > window.innerWidth - 30)
  .filter(t => { for (let p = t.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX === 'auto' && p.tabIndex === 0) return false; }
    return true; })
  .map(t => (t.caption ? t.caption.textContent.trim() : 'a table without a caption').slice(0, 60))"""
