"""A board member reads the dashboard's charts on a desktop, a tablet and a phone: every chart's
text is at least 12 px as the browser draws it, and a long theme title is written whole."""

import pytest
from playwright.sync_api import expect

from plans.selectors import reporting as selectors_reporting
from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import DESKTOP, MOBILE
from tests.factories import MeasureFactory, MeasureReadingFactory

TABLET = {"width": 768, "height": 1024}
LONG_TITLE = (
    "Strengthen the multi-agency safeguarding hub's front door so that every contact about a child is "
    "triaged within one working day by a qualified social worker"
)

# Each chart on the page: the smallest text in its SVG (fetched from the image's own URL) times the
# scale the page draws the image at (its width on screen over the width it is drawn for).
SMALLEST_TEXT_JS = """async () => {
  const found = [];
  for (const img of document.querySelectorAll('img.app-chart__image')) {
    const svg = await (await fetch(img.src)).text();
    const sizes = [...svg.matchAll(/font-size="([0-9.]+)"/g)].map(m => parseFloat(m[1]));
    const scale = img.getBoundingClientRect().width / parseFloat(img.getAttribute('width'));
    found.push({alt: img.alt.slice(0, 60), smallest: Math.min(...sizes) * scale, scale: scale});
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, TABLET, MOBILE], ids=["desktop", "tablet", "phone"])
def test_chart_text_reads_at_12_px_or_more_on_every_screen(journey, demo, viewport):
    plan = demo.plan
    periods = selectors_reporting.plan_periods(plan=plan)
    period = selectors_reporting.default_period(periods)
    measure = MeasureFactory(plan=plan, name="Contacts triaged within one working day")
    for earlier in periods:
        MeasureReadingFactory(measure=measure, period=earlier, value=55 + earlier.month.month)
    theme = plan.themes.order_by("position", "pk").first()
    theme.title = LONG_TITLE
    theme.save()
    page = journey.page
    journey.login("board", DEMO_PASSWORD)
    page.set_viewport_size(viewport)
    charts = {}
    for section in ("glance", "trends", "measures"):
        page.goto(f"/plans/{plan.pk}/dashboard/?period={period.slug}&section={section}")
        page.wait_for_load_state()
        charts[section] = page.evaluate(SMALLEST_TEXT_JS)
        assert charts[section], section
        for chart in charts[section]:
            assert chart["smallest"] >= 12, (section, viewport["width"], chart)
        if section == "trends":
            # The long title is written whole above its chart, wrapped by the page, never cut.
            heading = page.get_by_role("heading", level=4, name=f"{theme.number} {LONG_TITLE}")
            expect(heading).to_be_visible()
            box = heading.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            assert len(charts["trends"]) == 2 + page.locator(".app-small-multiples__title").count() > 2
    if viewport is MOBILE:
        # On a phone the measure's chart keeps its size and scrolls sideways in its own box.
        region = page.get_by_role("region", name="Chart of Contacts triaged within one working day")
        expect(region).to_be_visible()
        assert region.evaluate("el => el.scrollWidth > el.clientWidth")
