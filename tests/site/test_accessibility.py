"""The built book as every reader meets it: axe-core in both themes, the keyboard, a phone, unique ids, search.

Every page of _build/html is opened in headless Chromium, offline (the pages from _build/html, every other host
aborted: see browser_assets.py), and checked for:

- axe-core (npm package, installed into tests/.browser/axe/ on first use) in the light and the dark theme: no
  finding of impact "serious" or "critical" (its rules by default, plus label-content-name-mismatch);
- a phone (390 px wide): the document is no wider than the screen; long code, equations, tables and widgets
  scroll or wrap inside their own box;
- unique element ids once the widgets have rendered;
- every widget control reachable with Tab and changed with the keyboard alone (arrows, typing, space), with a
  visible result: live widgets (computing in the page) change their output, kernel-backed ipywidgets change the
  control's value;
- one search box per page, and search results whose snippets come from the chapter text, not the navigation.

Screenshots (desktop light and dark, phone) land in tests/.browser/screenshots/a11y-*.png to be looked at.

Without Chromium or npm these tests skip with the reason; with CI=true or MAKEMORE_REQUIRE_SITE=1 they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser_assets import ASSETS, CHROMIUM, CHROMIUM_ARGS, HOST, SCREENSHOTS, SITE, Router, built_pages

pytestmark = pytest.mark.browser

AXE_VERSION = "4.14.1"
AXE_PREFIX = ASSETS / "axe"   # its own npm prefix in the ignored tests/.browser/
AXE_JS = AXE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
THEMES = ("light", "dark")


def required() -> bool:
    """CI and .ci/run: a missing browser, package or site fails the test instead of skipping it."""
    return os.environ.get("CI") == "true" or os.environ.get("MAKEMORE_REQUIRE_SITE") == "1"


def need(condition: bool, reason: str) -> None:
    if not condition:
        (pytest.fail if required() else pytest.skip)(reason)


def axe_version() -> str | None:
    manifest = AXE_JS.parent / "package.json"
    return json.loads(manifest.read_text())["version"] if manifest.exists() else None


def install_axe() -> None:
    """npm install axe-core into tests/.browser/axe/ (once; a 3 MB package with no dependencies)."""
    if axe_version() == AXE_VERSION:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is missing: the accessibility tests run axe-core from its npm package")
    AXE_PREFIX.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(AXE_PREFIX), "--no-save", "--no-package-lock",
                    "--ignore-scripts", "--no-audit", "--no-fund", f"axe-core@{AXE_VERSION}"], check=True)
    if axe_version() != AXE_VERSION:
        raise RuntimeError(f"npm install did not provide axe-core@{AXE_VERSION}")


PAGES = [p for p in built_pages() if "http-equiv=\"Refresh\"" not in (SITE / p).read_text()[:2000]]


@pytest.fixture(scope="module")
def browser():
    need((SITE / "index.html").exists(), f"no built book in {SITE}: run `jupyter-book build book/` first")
    need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium; MAKEMORE_CHROMIUM overrides)")
    try:
        install_axe()
    except Exception as err:  # no npm, or no registry
        need(False, f"axe-core is missing and could not be installed from npm: {err}")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, path: str, theme: str = "light", viewport: dict = DESKTOP):
    """A fresh context showing `path` in `theme` (what the theme's switch stores), widgets rendered."""
    context = browser.new_context(viewport=viewport, color_scheme=theme)
    context.add_init_script(f"localStorage.setItem('mode','{theme}'); localStorage.setItem('theme','{theme}')")
    context.route("**/*", Router())
    page = context.new_page()
    page.goto(HOST + path, wait_until="load")
    views = (SITE / path.split("?")[0]).read_text().count('type="application/vnd.jupyter.widget-view+json"')
    if views:
        # the site's widget host marks <html data-widgets="ready"> once every view has rendered
        page.wait_for_function("document.documentElement.dataset.widgets === 'ready'", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.dataset.theme") == theme, f"{path}: the {theme} theme is not on"
    return context, page


def shot_name(kind: str, path: str) -> str:
    return f"a11y-{kind}-{path.replace('/', '__').removesuffix('.html')}.png"


def describe(violations: list[dict]) -> str:
    """axe's findings, one line each: impact, rule, help, and the first few elements."""
    return "\n".join(f"  {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x) "
                     + "; ".join(" ".join(n["target"][-1:]) + (" " + n["failureSummary"].splitlines()[-1].strip()
                                                                 if n.get("failureSummary") else "")
                                 for n in v["nodes"][:4])
                     for v in violations)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("path", PAGES or ["(no built book)"])
def test_axe_finds_nothing_serious(browser, path, theme):
    need(bool(PAGES), "no built page")
    context, page = open_page(browser, path, theme)
    try:
        page.screenshot(path=str(SCREENSHOTS / shot_name(theme, path)), full_page=True)
        page.add_script_tag(content=AXE_JS.read_text())
        # label-content-name-mismatch is "experimental" in axe (off by default) but serious: on
        result = page.evaluate("""() => axe.run(document, {resultTypes: ['violations'],
                                                     rules: {'label-content-name-mismatch': {enabled: true}}})""")
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"{path} ({theme} theme): axe-core {AXE_VERSION} finds:\n{describe(serious)}"
    finally:
        context.close()


# The elements that stick out of the phone's screen, widest first (only the outermost of a nested overflow).
OVERFLOW_JS = """(width) => {
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && r.width > 0 && !wide.some(w => w.contains(el))) wide.push(el);
  }
  return wide.slice(0, 6).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' right=' + Math.round(el.getBoundingClientRect().right));
}"""


@pytest.mark.parametrize("path", PAGES or ["(no built book)"])
def test_phone_page_is_no_wider_than_the_screen(browser, path):
    need(bool(PAGES), "no built page")
    context, page = open_page(browser, path, "light", PHONE)
    try:
        page.screenshot(path=str(SCREENSHOTS / shot_name("phone", path)), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (f"{path}: {width} px wide on a {PHONE['width']} px phone; sticking out: "
                                         f"{page.evaluate(OVERFLOW_JS, PHONE['width'])}")
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES or ["(no built book)"])
def test_element_ids_are_unique(browser, path):
    need(bool(PAGES), "no built page")
    context, page = open_page(browser, path)
    try:
        duplicates = page.evaluate("""() => { const seen = {};
            for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] || 0) + 1;
            return Object.entries(seen).filter(([id, n]) => n > 1); }""")
        assert not duplicates, f"{path}: ids used more than once (id, times): {duplicates[:10]}"
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES or ["(no built book)"])
def test_one_search_box(browser, path):
    need(bool(PAGES), "no built page")
    for viewport in (DESKTOP, PHONE):
        context, page = open_page(browser, path, "light", viewport)
        try:
            # the theme's search fields are buttons that open its search dialog; the search page has a form
            boxes = page.evaluate("""() => [...document.querySelectorAll(
                    '.search-button-field, input[type=search], input[name=q]')]
                .filter(e => !e.closest('dialog') && e.getClientRects().length
                             && getComputedStyle(e).visibility !== 'hidden').length""")
            assert boxes <= 1, f"{path}: {boxes} search boxes visible at {viewport['width']} px"
        finally:
            context.close()


def test_search_snippets_come_from_the_text(browser):
    """Searching 'smoothing' lists the pages with snippets from their prose, none from navigation or headers."""
    need((SITE / "search.html").exists(), "no search page in the built book")
    context, page = open_page(browser, "search.html?q=smoothing")
    try:
        page.wait_for_function("document.querySelectorAll('#search-results li p.context').length > 0",
                               timeout=30_000)
        snippets = page.eval_on_selector_all("#search-results li p.context", "ps => ps.map(p => p.textContent)")
        navigation = page.evaluate("""() => [...document.querySelectorAll(
            '.bd-sidebar-primary a, .bd-toc a, .bd-header-article button, .bd-header-article a')]
            .map(a => a.textContent.trim()).filter(t => t.length > 3)""")
        assert snippets, "no search result shows a snippet"
        for snippet in snippets:
            # Sphinx matches stems: "smoothing" finds "smoothed" too
            assert "smooth" in snippet.lower(), f"a snippet without the word searched for: {snippet!r}"
            for text in ("Contents", "Skip to main content", "Back to top", ".ipynb", "Print to PDF"):
                assert text not in snippet, f"a search snippet shows page furniture {text!r}: {snippet!r}"
        chapter_titles = [t for t in navigation if re.match(r"^\d+\. ", t)]
        for snippet in snippets:
            shown = sum(title in snippet for title in chapter_titles)
            assert shown <= 1, f"a search snippet is the table of contents: {snippet!r}"
    finally:
        context.close()


# What a reader does with the keyboard to each kind of control, and how the control's value shows it.
KEYS = {"range": ["ArrowRight", "ArrowRight"], "number": ["ArrowUp"], "text": None, "checkbox": [" "],
        "select": ["ArrowDown"], "button": ["Enter"], "slider": ["ArrowRight", "ArrowRight"]}

# Every control of widget output i, tagged with data-a11y="i:j", and its kind.
CONTROLS_JS = """(sel) => { const found = [];
  document.querySelectorAll(sel).forEach((s, i) => {
    const out = s.parentElement;
    out.querySelectorAll('input, select, textarea, button, .noUi-handle, [role=slider]').forEach((el, j) => {
      if (!el.getClientRects().length || el.disabled) return;
      if (el.closest('.noUi-handle') && el.closest('.noUi-handle') !== el) return;
      const kind = el.matches('.noUi-handle, [role=slider]') ? 'slider' : el.tagName === 'SELECT' ? 'select'
        : el.tagName === 'BUTTON' ? 'button' : el.tagName === 'TEXTAREA' ? 'text'
        : ({range: 'range', number: 'number', checkbox: 'checkbox'})[el.type] || 'text';
      el.dataset.a11y = i + ':' + j; found.push([i + ':' + j, kind]);
    });
  });
  return found; }"""

STATE_JS = """([sel, tag]) => { const el = document.querySelector(`[data-a11y="${tag}"]`);
  const out = document.querySelectorAll(sel)[Number(tag.split(':')[0])].parentElement;
  return {value: el.type === 'checkbox' ? String(el.checked) : (el.getAttribute('aria-valuenow') || el.value || ''),
          text: out.innerText, images: [...out.querySelectorAll('img, canvas')].map(e => (e.src || '').length + ':' +
          (e.src || '').slice(-60))}; }"""

LIVE_PAGES = [p for p in PAGES if "anywidget" in (SITE / p).read_text() or "widget-view+json" in (SITE / p).read_text()]


def settled(page, tag: str, before: dict, most_ms: int) -> dict:
    """The widget's state once what it shows has changed (polled every 20 ms), or after ``most_ms``: widgets
    update within a frame, so most controls answer at once and only a control that changes nothing waits."""
    for _ in range(most_ms // 20):
        after = page.evaluate(STATE_JS, [VIEW, tag])
        if after["text"] != before["text"] or after["images"] != before["images"]:
            page.wait_for_timeout(20)               # a redraw that lands a frame later
            return page.evaluate(STATE_JS, [VIEW, tag])
        page.wait_for_timeout(20)
    return page.evaluate(STATE_JS, [VIEW, tag])


@pytest.mark.parametrize("path", LIVE_PAGES or ["(no widget page)"])
def test_every_widget_control_works_from_the_keyboard(browser, path):
    need(bool(LIVE_PAGES), "no page with widgets")
    context, page = open_page(browser, path)
    try:
        controls = page.evaluate(CONTROLS_JS, VIEW)
        assert controls, f"{path}: widgets without controls"
        # Tab from the top of the page through everything focusable, noting which controls the focus visits.
        reached, last = set(), None
        page.locator("body").focus()
        for _ in range(2000):
            page.keyboard.press("Tab")
            tag = page.evaluate("""() => { const el = document.activeElement;
                const h = el && el.closest('[data-a11y]'); return h ? h.dataset.a11y : (el ? el.outerHTML.slice(0, 80) : ''); }""")
            if tag in reached and tag == last:
                break
            if re.match(r"^\d+:\d+$", tag):
                reached.add(tag)
            last = tag
            if len(reached) == len(controls):
                break
        missed = [c for c in controls if c[0] not in reached]
        assert not missed, f"{path}: controls Tab never reaches (widget:control, kind): {missed}"
        unchanged = []
        for tag, kind in controls:
            control = page.locator(f'[data-a11y="{tag}"]')
            control.focus()
            before = page.evaluate(STATE_JS, [VIEW, tag])
            if kind == "text":
                page.keyboard.press("End")
                page.keyboard.type("a")
            elif kind == "button":
                page.keyboard.press("Enter")
            else:
                for key in KEYS[kind]:
                    page.keyboard.press(key)
                if page.evaluate(STATE_JS, [VIEW, tag])["value"] == before["value"] and kind in ("range", "slider",
                                                                                                 "number", "select"):
                    for key in {"ArrowRight": ["ArrowLeft"] * 2, "ArrowUp": ["ArrowDown"],
                                "ArrowDown": ["ArrowUp"]}[KEYS[kind][0]]:
                        page.keyboard.press(key)   # it was at the end of its range: go the other way
            after = settled(page, tag, before, 400)
            if kind == "select":   # two models can agree on a few names: go on through the options
                options = control.locator("option").count()
                for key in ["ArrowDown"] * options + ["ArrowUp"] * 2 * options:
                    if after["text"] != before["text"]:
                        break
                    page.keyboard.press(key)
                    after = settled(page, tag, before, 300)
            if kind == "text":   # take the letter back: the next control is tried from a valid state, not beside an error
                page.keyboard.press("Backspace")
                page.wait_for_timeout(200)
            if kind != "button":
                assert after["value"] != before["value"], f"{path}: control {tag} ({kind}) ignores the keyboard"
            if after["text"] == before["text"] and after["images"] == before["images"]:
                unchanged.append((tag, kind))
        # Live widgets compute in the page: every control changes what they show. Kernel-backed ipywidgets can
        # only change the control itself in the static site (tests/site/test_site_browser.py says which those are).
        live = page.evaluate("(sel) => [...document.querySelectorAll(sel)].map(s => !!s.parentElement.querySelector('.mm-live'))",
                             VIEW)
        stuck = [(tag, kind) for tag, kind in unchanged if live[int(tag.split(":")[0])]]
        assert not stuck, f"{path}: the output of a live widget did not follow these keyboard changes: {stuck}"
    finally:
        context.close()


@pytest.mark.parametrize("path", LIVE_PAGES or ["(no widget page)"])
def test_long_input_keeps_the_phone_page_narrow(browser, path):
    """A 500-letter name (or seed) typed into every text box of every widget, on a phone: the names, tables and
    error messages that follow wrap or scroll inside the widget, and the page stays 390 px wide."""
    need(bool(LIVE_PAGES), "no page with widgets")
    context, page = open_page(browser, path, "light", PHONE)
    try:
        boxes = page.locator(f"{VIEW} ~ * input[type=text], .widget-subarea input[type=text], "
                             ".widget-subarea textarea, .mm-live input[type=text]")
        if not boxes.count():
            pytest.skip(f"{path}: no text box in its widgets")
        for i in range(boxes.count()):
            boxes.nth(i).fill("q" * 250 + "z" * 250)
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / shot_name("phone-long-input", path)), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (f"{path}: {width} px wide after a 500-letter input; sticking out: "
                                         f"{page.evaluate(OVERFLOW_JS, PHONE['width'])}")
    finally:
        context.close()
