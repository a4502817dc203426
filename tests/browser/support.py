"""What every journey does on every page, in one place.

`Journey.check(name, title=...)` is the one call a journey makes after reaching a page: it asserts
the page title says where the person is ("<Page> – Improvement plan – <organisation>") and is not
shared with another page of the journey, checks what axe does not (every table has a caption and
header cells, every RAG tag carries its word, every error-summary link leads to a field on the page,
one h1), then at desktop (1280 px) and phone (375 px) width saves a full-page screenshot, fails if
anything runs off the screen (the page wider than the window; wide tables must scroll in their own
box, which takes keyboard focus) and runs axe-core, failing on any violation of impact serious or
critical.
"""

import os
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import Page, expect

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
BLOCKING_IMPACTS = {"serious", "critical"}
TITLE_SUFFIX = " – Improvement plan – "
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", settings.BASE_DIR / "screenshots"))
# Colours kept when SCREENSHOT_PALETTE is set (`make screenshots` sets 32 for the committed set in
# docs/screenshots: a third of the size); unset, screenshots are written as Chromium makes them.
SCREENSHOT_PALETTE = int(os.environ.get("SCREENSHOT_PALETTE", "0"))

_axe = Axe()

# The element that has focus, with what a sighted keyboard user sees of its focus style.
FOCUSED_ELEMENT_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // GOV.UK radios and checkboxes hide the native input and draw its focus ring on the label.
  const isChoice = el.matches('.govuk-radios__input, .govuk-checkboxes__input');
  const drawn = isChoice && el.nextElementSibling ? getComputedStyle(el.nextElementSibling, '::before') : getComputedStyle(el);
  const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
  const outlineShown = drawn.outlineStyle !== 'none' && parseFloat(drawn.outlineWidth) > 0 && !transparent(drawn.outlineColor);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.getAttribute('type') || '',
    // A table's focusable scroll box is known by its name, not by all the text of its table.
    text: (el.matches('[role=region]') ? el.getAttribute('aria-label') || '' : (el.innerText || el.value || el.getAttribute('aria-label') || '')).trim().replace(/\\s+/g, ' '),
    label: el.labels && el.labels.length ? el.labels[0].innerText.trim() : '',
    classes: typeof el.className === 'string' ? el.className : '',
    checked: !!el.checked,
    outline: outlineShown ? `${drawn.outlineWidth} ${drawn.outlineStyle} ${drawn.outlineColor}` : 'none',
    boxShadow: drawn.boxShadow,
    // Chromium's date field has its own calendar button inside it, a Tab stop with the browser's
    // own focus ring; while it has focus the field itself no longer matches :focus.
    datePicker: el.matches('input[type=date]') && !el.matches(':focus'),
    background: drawn.backgroundColor,
  };
}"""


# Nothing runs off the screen: the page is no wider than the window (document.documentElement.scrollWidth
# <= window.innerWidth). Wide tables may scroll sideways only inside their own scroll box, and that box
# must take keyboard focus (tabindex="0") so that someone without a mouse can scroll it too.
PAGE_OVERFLOW_JS = """() => {
  const problems = [];
  const width = window.innerWidth;
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  if (document.documentElement.scrollWidth > width) {
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        let inScroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
        }
        if (!inScroller) wide.push(describe(el) + ' (' + Math.round(box.right) + 'px)');
      }
    }
    problems.push('the page is ' + document.documentElement.scrollWidth + 'px wide in a ' + width + 'px window' +
      (wide.length ? ', because of ' + wide.slice(0, 8).join(', ') : ' (an absolutely positioned element escaping its scroll box?)'));
  }
  for (const el of document.querySelectorAll('body *')) {
    const o = getComputedStyle(el).overflowX;
    if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0) {
      problems.push(describe(el) + ' scrolls sideways but cannot take keyboard focus (tabindex="0")');
    }
  }
  return problems;
}"""


def _reduce_colours(path, colours):
    from PIL import Image  # Pillow comes with WeasyPrint

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=colours, method=Image.Quantize.FASTOCTREE)
    reduced.save(path, "PNG", compress_level=9)


def _govuk_template_classes():
    """govuk- classes used by GOV.UK Frontend's own component examples (some have no CSS rule)."""
    components = settings.BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "components"
    found = set()
    for example in components.glob("*/template*.html"):
        found.update(re.findall(r"\bgovuk-[\w-]+", example.read_text(encoding="utf-8")))
    return sorted(found)


# What the product promises on every page beyond axe's rules (see the module docstring).
PAGE_PROMISES_JS = """() => {
  const problems = [];
  document.querySelectorAll('table').forEach((table, i) => {
    const caption = table.querySelector(':scope > caption');
    if (!caption || !caption.textContent.trim()) problems.push(`table ${i + 1} has no caption`);
    if (!table.querySelector('th')) problems.push(`table ${i + 1} has no header cells`);
    table.querySelectorAll('th').forEach(th => {
      if (!th.closest('thead') && !th.getAttribute('scope')) problems.push(`table ${i + 1}: a row header without scope`);
    });
  });
  document.querySelectorAll('.app-rag').forEach(tag => {
    if (!RAG_WORDS.includes(tag.textContent.trim())) problems.push(`a RAG tag without its word: "${tag.textContent.trim()}"`);
  });
  document.querySelectorAll('.govuk-error-summary__list a').forEach(link => {
    const id = decodeURIComponent((link.getAttribute('href') || '').replace(/^#/, ''));
    if (!id || !document.getElementById(id)) problems.push(`error summary link "${link.textContent.trim()}" leads nowhere (${link.getAttribute('href')})`);
  });
  const leaked = document.body.innerText.match(/\\{[{%#]|[}%#]\\}/);
  if (leaked) problems.push(`template syntax shown on the page: "${leaked[0]}"`);
  // A govuk- class the stylesheet does not know is markup from another GOV.UK Frontend version.
  const known = new Set(TEMPLATE_CLASSES);
  const collect = rules => { for (const rule of rules) {
    if (rule.selectorText) for (const m of rule.selectorText.matchAll(/\\.(govuk-[\\w-]+)/g)) known.add(m[1]);
    if (rule.cssRules) collect(rule.cssRules);
  } };
  for (const sheet of document.styleSheets) { try { collect(sheet.cssRules); } catch (e) {} }
  const unknown = new Set();
  document.querySelectorAll('[class*="govuk-"]').forEach(el => el.classList.forEach(c => {
    if (c.startsWith('govuk-') && !c.startsWith('govuk-js-') && !known.has(c)) unknown.add(c);
  }));
  if (unknown.size) problems.push(`GOV.UK classes this version of GOV.UK Frontend does not have: ${[...unknown].join(', ')}`);
  if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 headings`);
  return problems;
}""".replace("RAG_WORDS", str(["Blue", "Green", "Amber", "Red", "Grey", "No rating"])).replace(
    "TEMPLATE_CLASSES", str(_govuk_template_classes())
)


def axe_violations(page: Page):
    """axe-core's violations on the page as it is now (all default rules, WCAG 2.x A/AA and best practice)."""
    return _axe.run(page).response["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


class Journey:
    """A person's way through the product in one browser tab."""

    def __init__(self, page: Page, *, test_name: str = "", javascript: bool = True):
        self.page = page
        self.test_name = test_name
        # With JavaScript off axe cannot run (its promise never settles) and the pages have been
        # pictured already: check() then keeps to the title and the promises read from the DOM.
        self.javascript = javascript
        self.titles = {}  # title -> path of the page that had it
        self.pages_checked = []
        self.asset_problems = []  # static files that failed to load, JavaScript errors
        page.on("response", self._on_response)
        page.on("requestfailed", lambda request: self.asset_problems.append(f"{request.url}: {request.failure}"))
        page.on("pageerror", lambda error: self.asset_problems.append(f"JavaScript error on {page.url}: {error}"))

    def _on_response(self, response):
        if "/static/" in response.url and response.status >= 400:
            self.asset_problems.append(f"{response.url}: HTTP {response.status}")

    def assert_assets_loaded(self):
        """Every stylesheet, script and image answered, and no script threw."""
        assert not self.asset_problems, "\n".join(self.asset_problems)

    # -- navigation -------------------------------------------------------------------------

    def login(self, username, password):
        """Sign in through the sign-in form, as a person does."""
        page = self.page
        page.goto("/login/")
        self.check("sign-in", title="Sign in")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()

    # -- the checks every page gets --------------------------------------------------------

    def check(self, name, *, title=None, screenshot=True, accessibility=True):
        """Assert the title, then at desktop (1280 px) and phone (375 px) width: take the screenshot,
        check nothing runs off the screen and run axe. Returns the title."""
        page = self.page
        if title is not None:
            # Waits for the page a click started to arrive, not only for its title.
            expect(page).to_have_title(self.expected_title(title))
        page.wait_for_load_state()
        actual = page.title()
        assert TITLE_SUFFIX in actual, f"{page.url}: title {actual!r} does not end with the service and organisation"
        path = re.sub(r"[?#].*", "", page.url)
        seen = self.titles.setdefault(actual, path)
        assert seen == path, f"two pages share the title {actual!r}: {seen} and {path}"
        if accessibility:
            problems = page.evaluate(PAGE_PROMISES_JS)
            assert not problems, f"{page.url}: " + "; ".join(problems)
        size = page.viewport_size or DESKTOP
        try:
            for label, viewport in {"desktop": DESKTOP, "mobile": MOBILE}.items():
                page.set_viewport_size(viewport)
                if screenshot and self.javascript:  # before the checks, so that a failing page still leaves its picture
                    self._save_screenshot(name, label)
                overflow = page.evaluate(PAGE_OVERFLOW_JS)
                assert not overflow, f"{page.url} at {viewport['width']}px: " + "; ".join(overflow)
                if accessibility and self.javascript:
                    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
                    assert not blocking, (
                        f"axe found serious or critical problems on {page.url} at "
                        f"{viewport['width']}px:\n{describe_violations(blocking)}"
                    )
        finally:
            if page.viewport_size != size:
                page.set_viewport_size(size)
        self.pages_checked.append(name)
        return actual

    @staticmethod
    def expected_title(page_title):
        """The whole <title> of a page whose own part is `page_title`."""
        return f"{page_title}{TITLE_SUFFIX}{settings.ORGANISATION_NAME}"

    def _save_screenshot(self, name, label):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{name}-{label}.png"
        self.page.screenshot(path=path, full_page=True, timeout=30_000)  # a long page on a busy machine
        if SCREENSHOT_PALETTE:
            _reduce_colours(path, SCREENSHOT_PALETTE)

    def screenshot(self, name, *, sizes=None):
        """Full-page screenshots at desktop (1280) and mobile (375) widths: <dir>/<name>-desktop.png, -mobile.png.

        Fails if anything runs off the screen (wide tables must scroll in their own focusable box).
        """
        page = self.page
        size = page.viewport_size or DESKTOP
        try:
            for label, viewport in (sizes or {"desktop": DESKTOP, "mobile": MOBILE}).items():
                page.set_viewport_size(viewport)
                self._save_screenshot(name, label)
                overflow = page.evaluate(PAGE_OVERFLOW_JS)
                assert not overflow, f"{page.url} at {viewport['width']}px: " + "; ".join(overflow)
        finally:
            if page.viewport_size != size:
                page.set_viewport_size(size)

    # -- keyboard ---------------------------------------------------------------------------

    def focused(self):
        return self.page.evaluate(FOCUSED_ELEMENT_JS)

    def assert_focus_visible(self):
        element = self.focused()
        assert element is not None, "nothing has focus"
        assert element["outline"] != "none" or element["boxShadow"] != "none" or element["datePicker"], (
            f"focused {element['tag']} {element['text']!r} shows no outline or box shadow"
        )
        return element

    def tab_to(self, matches, *, limit=200, shift=False):
        """Press Tab until `matches(focused element)` is true; every stop on the way must show its focus."""
        key = "Shift+Tab" if shift else "Tab"
        stops = []
        for _ in range(limit):
            self.page.keyboard.press(key)
            element = self.assert_focus_visible()
            stops.append(element["text"] or element["id"])
            if matches(element):
                return element
        raise AssertionError(f"no focusable element matched after {limit} presses of {key}; went through {stops}")

    def tab_to_text(self, text, **kwargs):
        return self.tab_to(lambda element: text in element["text"], **kwargs)

    def tab_to_id(self, element_id, **kwargs):
        return self.tab_to(lambda element: element["id"] == element_id, **kwargs)


# -- hands: the same journey with the mouse or with the keyboard only -----------------------------

# Where the element with focus sits relative to `el`: "before", "after", "on" (or inside `el`'s
# fieldset group for radios) — so the keyboard knows whether Tab or Shift+Tab gets closer.
FOCUS_POSITION_JS = """el => {
  const active = document.activeElement;
  // A focusable scroll box (a table's) holds links but is not one of them: Tab on into it.
  if (active === el || (active && active.tabIndex >= 0 && active.contains(el) && !active.matches('[role=region]'))) return 'on';
  if (!active || active === document.body) return 'before';
  const position = el.compareDocumentPosition(active);
  if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return 'after';  // focus inside the target: leave it forwards
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}"""


DOWNLOAD_TIMEOUT = 120_000  # the board pack PDF on a busy 2-core machine


class Hands:
    """How a person works the page. Journeys are written once against this and run twice:
    with `Mouse` (clicks, fills) and with `Keyboard` (Tab, Shift+Tab, Enter, Space, arrows only).

    `target` arguments are Playwright locators found as a person finds things (role, label, text).
    """

    name = ""

    def __init__(self, journey):
        self.journey = journey
        self.page = journey.page

    def at(self, name, *, title):
        """The page `title` has arrived: check it (title, axe, promises) and picture it."""
        return self.journey.check(name, title=title)

    def login(self, username, password):
        self.page.goto("/login/")
        self.at("sign-in", title="Sign in")
        self.fill(self.page.get_by_label("Username"), username)
        self.fill(self.page.get_by_label("Password"), password)
        self.press(self.page.get_by_role("button", name="Sign in"))
        expect(self.page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()

    def open_plan(self, plan, *, name, list_name="plans"):
        """From a signed-in page: Menu, then Plans, then the plan's link; `list_name` and `name`
        picture the list of plans and the plan page."""
        page = self.page
        self.press(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Plans"))
        self.at(list_name, title="Plans")
        self.press(
            page.get_by_role("table", name="Improvement plans you can read").get_by_role("link", name=plan.title)
        )
        self.at(name, title=plan.title)

    def download(self, target):
        """Follow a link to a file; the board pack PDF takes WeasyPrint several seconds on a busy machine."""
        with self.page.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
            self.press(target, timeout=DOWNLOAD_TIMEOUT)
        return download.value


class Mouse(Hands):
    name = "mouse"

    def press(self, target, *, timeout=None):
        """Follow a link or press a button (or open a details summary)."""
        target.click(timeout=timeout)

    def fill(self, target, text):
        target.fill(text)

    def fill_date(self, target, day):
        target.fill(day.isoformat())

    def choose(self, target, label):
        target.select_option(label=label)

    def pick(self, target, option):
        """Search an autocomplete (GOV.UK accessible-autocomplete) and click the option named."""
        target.fill(option)
        self.page.get_by_role("option", name=option, exact=True).click()

    def check(self, target):
        target.check()

    def upload(self, target, path):
        target.set_input_files(path)


class Keyboard(Hands):
    """Only page.keyboard: every Tab stop on the way must show its focus (Journey.assert_focus_visible)."""

    name = "keyboard"

    def at(self, name, *, title):
        # The mouse run has pictured these pages already; axe and the page promises still run.
        result = self.journey.check(name, title=title, screenshot=False)
        if self.page.evaluate("() => document.activeElement === document.body"):
            skip_to_main_content(self.journey, from_anywhere=True)  # unless the page moved focus itself
        return result

    def focus(self, target, *, limit=250, arrived=None):
        """Tab (or Shift+Tab when it lies behind) until `target` has focus."""
        target.wait_for()
        # Focus on the element or on what holds it (a details summary holds its text).
        arrived = arrived or (lambda: target.evaluate(FOCUS_POSITION_JS) == "on")
        for _ in range(limit):
            if arrived():
                return self.journey.assert_focus_visible()
            backwards = target.evaluate(FOCUS_POSITION_JS) == "after"
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            self.journey.assert_focus_visible()
        raise AssertionError(f"Tab never reached {target} in {limit} presses")

    def press(self, target, *, timeout=None):
        element = self.focus(target)
        # Enter follows links and presses buttons; a details summary opens with Enter too.
        self.page.keyboard.press("Enter")
        return element

    def fill(self, target, text):
        self.focus(target)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)
        expect(target).to_have_value(text)

    # The browser's date field shows its parts in the order of Chromium's own locale (day first for
    # en-GB, month first for en-US), whatever the page's language; a person reads it off the field.
    date_orders = ["%d%m%Y", "%m%d%Y", "%Y%m%d"]

    def fill_date(self, target, day):
        self.focus(target)
        keyboard = self.page.keyboard
        for order in list(self.date_orders):
            keyboard.type(day.strftime(order))
            if target.input_value() == day.isoformat():
                Keyboard.date_orders = [order] + [o for o in self.date_orders if o != order]
                return
            for _ in range(3):  # clear the three parts, back to the first
                keyboard.press("Backspace")
                keyboard.press("Shift+Tab")
            keyboard.press("Tab")
        expect(target).to_have_value(day.isoformat())

    def pick(self, target, option):
        """Type into an autocomplete (GOV.UK accessible-autocomplete), then Down arrow through its
        options until the one named has focus, and Enter."""
        self.fill(target, option)
        expect(self.page.get_by_role("option", name=option, exact=True)).to_be_visible()
        for _ in range(30):
            self.page.keyboard.press("ArrowDown")
            if (self.journey.focused() or {}).get("text") == option:
                break
        else:
            raise AssertionError(f"no option {option!r} reached with the arrow keys")
        self.journey.assert_focus_visible()
        self.page.keyboard.press("Enter")

    def choose(self, target, label):
        """Arrow keys on the closed select until the option is chosen."""
        self.focus(target)
        wanted = target.evaluate("(el, label) => [...el.options].findIndex(o => o.label.trim() === label)", label)
        assert wanted >= 0, f"no option {label!r}"
        current = target.evaluate("el => el.selectedIndex")
        key = "ArrowDown" if wanted > current else "ArrowUp"
        for _ in range(abs(wanted - current)):
            self.page.keyboard.press(key)
        expect(target.locator("option:checked")).to_have_text(label)

    def check(self, target):
        if target.get_attribute("type") == "radio":
            # Tab enters a radio group once (on its checked radio, or its first); arrows move and choose.
            self.focus(
                target,
                arrived=lambda: target.evaluate(
                    "el => document.activeElement.type === 'radio' && document.activeElement.name === el.name"
                ),
            )
            for _ in range(20):
                if target.evaluate("el => el === document.activeElement"):
                    break
                self.page.keyboard.press("ArrowDown")
            else:
                raise AssertionError(f"the arrow keys never reached {target}")
            if not target.is_checked():
                self.page.keyboard.press("Space")
        else:
            self.focus(target)
            if not target.is_checked():
                self.page.keyboard.press("Space")
        expect(target).to_be_checked()
        self.journey.assert_focus_visible()

    def upload(self, target, path):
        """Space on the file field opens the chooser, as for a person; the file is picked there."""
        self.focus(target)
        with self.page.expect_file_chooser() as chooser:
            self.page.keyboard.press("Space")
        chooser.value.set_files(path)


def skip_to_main_content(journey, *, from_anywhere=False):
    """The skip link is the first thing Tab reaches; Enter on it moves focus to the main content.

    `from_anywhere`: Chromium sometimes starts a page's Tab order where the previous page's focus
    was (after a file chooser, for one); then Shift+Tab goes back up to the skip link.
    """
    page = journey.page
    page.wait_for_load_state()  # GOV.UK Frontend's skip link script has run
    page.keyboard.press("Tab")
    skip = journey.assert_focus_visible()
    if from_anywhere and "govuk-skip-link" not in skip["classes"]:
        skip = journey.tab_to(lambda element: "govuk-skip-link" in element["classes"], shift=True, limit=100)
    assert "govuk-skip-link" in skip["classes"] and skip["text"] == "Skip to main content", skip
    expect(page.locator(".govuk-skip-link")).to_be_in_viewport()  # shown when focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()


HANDS = {"mouse": Mouse, "keyboard": Keyboard}
