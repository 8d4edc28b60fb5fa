"""Every page of the built book in headless Chromium, with nothing but the book reachable.

Pages are served from _build/html at a made-up host (http://book.test/); every request for another host is
aborted and fails the test (see browser_assets.py): no CDN, no stand-ins. Per page: no console error, no 404, no
request leaving the site, every image loaded with alt text, every widget view rendered by the book's widget host
(site/static/widget-host.mjs) and responding to a control; the page's weight (compressed, everything it loaded)
and its widgets' time to interactive are printed (`-s`) and recorded; speed budgets are checked by
benchmarks/bench.py, not here. Also: the navigation toggles open the chapter list at 1280 px and 390 px, the
static snapshots show where scripts are off or a widget's module fails, and the dark theme applies.

Without a built book or Chromium these tests skip; with CI=true or MAKEMORE_REQUIRE_SITE=1 they fail instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser_assets import (ROOT, SCREENSHOTS, SITE, VIEW, Visit, built_pages, launch, need, need_chromium,
                            need_site, redirect_target)

pytestmark = pytest.mark.browser

FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$|^[0-9a-f]{16,}", re.I)
WIDGET = ".mm-widget"  # the element the host renders each widget into
SNAPSHOT_NOTE = "Snapshot:"


@pytest.fixture(scope="module")
def browser():
    need_site()
    need_chromium()
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


def widget_text(page, index: int) -> dict:
    """What a reader sees in widget `index`: its text and its inputs' values."""
    return page.evaluate(
        """([sel, i]) => { const box = document.querySelectorAll(sel)[i].parentElement;
             return {text: box.innerText,
                     values: [...box.querySelectorAll('input, select, textarea')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)}; }""",
        [VIEW, index])


def move_first_control(page, index: int) -> str:
    """Move the first control of widget `index` the way a reader would (keyboard or typing); returns what."""
    box = page.locator(VIEW).nth(index).locator("xpath=..").locator(WIDGET)
    slider = box.locator("input[type=range]").first
    if slider.count():
        slider.focus()
        before = slider.input_value()
        for key in ("ArrowRight", "ArrowLeft"):  # at the maximum, ArrowRight does nothing
            slider.press(key)
            if slider.input_value() != before:
                return "slider"
        return "slider (did not move)"
    text = box.locator("input[type=text], input:not([type]), textarea").first
    if text.count():
        text.fill("")
        text.press_sequentially("emma")
        return "text"
    select = box.locator("select").first
    if select.count():
        other = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)")
                 if v != select.input_value()]
        select.select_option(other[0])
        return "dropdown"
    button = box.locator("button").first
    if button.count():
        button.click()
        return "button"
    return "nothing to move"


PAGES = built_pages() or ["(no built book)"]


@pytest.mark.parametrize("path", PAGES)
def test_page_in_browser(browser, path, record_property):
    need_site()
    target = redirect_target(path)
    if target:  # index.html only sends the reader on
        assert (SITE / target).exists(), f"{path} redirects to {target}, which was not built"
        return
    visit = Visit(browser, path)
    try:
        page = visit.page
        views = visit.views()
        state = visit.wait_for_widgets()
        visit.settle()
        assert state in ("ready", "none"), f"{path}: a widget did not render: " + " | ".join(
            page.locator(".mm-widget-note").all_inner_texts())

        for image in page.evaluate("""() => [...document.images].map(i => ({src: i.getAttribute('src'),
                                       alt: (i.getAttribute('alt') || '').trim(), loaded: i.complete && i.naturalWidth > 0}))"""):
            assert image["alt"], f"{path}: <img src={image['src']}> has no alt text"
            assert not FILE_NAME.search(image["alt"]), f"{path}: alt text of {image['src']} is a file name"
            assert image["loaded"], f"{path}: image {image['src']} did not load"

        for i in range(views):
            box = page.locator(VIEW).nth(i).locator("xpath=..")
            assert box.locator(WIDGET).count() == 1, f"{path}: widget {i} was not rendered"
            assert box.locator(f"{WIDGET} :is(input, select, button, textarea)").count(), f"{path}: widget {i} has no control"
            assert not box.locator(".mm-fallback").count(), f"{path}: widget {i} still shows its snapshot"
            # styled by the widget's _css (js/src/live.css; predict.css for the check-yourself ones), which the host adds
            frame = box.locator(".mm-live, .mm-cy")
            assert frame.count() == 1 and frame.evaluate("e => getComputedStyle(e).borderRadius") == "6px", \
                f"{path}: widget {i} is not styled by its _css"
        page.screenshot(path=str(SCREENSHOTS / (path.replace("/", "__") + ".png")), full_page=True)

        moves = []
        for i in range(views):
            if page.locator(VIEW).nth(i).locator("xpath=..").locator(".mm-cy").count():
                continue  # a prediction or a check answers on Commit: tests/site/test_check_yourself_browser.py
            before = widget_text(page, i)
            moved = move_first_control(page, i)
            page.wait_for_timeout(100)
            after = widget_text(page, i)
            moves.append(moved)
            assert moved in ("slider", "text", "dropdown", "button"), f"{path}: widget {i}: {moved}"
            assert after["text"] != before["text"], f"{path}: widget {i}: nothing followed the {moved}"

        visit.settle()  # what the moves and scrolling brought in (lazily typeset maths asks for its fonts)
        timing = visit.timing()
        figures = {"kB": round(visit.router.weight() / 1000, 1), "requests": len(visit.router.served),
                   "widgets": views, "interactive_ms": timing["interactive_ms"],
                   "longest_task_ms": timing["longest_task_ms"], "moved": moves}
        record_property("site", figures)
        print(f"\n{path}: {figures}")
        assert not visit.errors(), f"{path}: console errors: {visit.errors()}"
        assert not visit.router.aborted, f"{path}: requests outside the site: {visit.router.aborted}"
        assert not visit.router.not_found, f"{path}: missing files (404): {visit.router.not_found}"
        assert not visit.unanswered(), f"{path}: requests never answered: {sorted(visit.unanswered())}"
    finally:
        visit.close()


CHAPTER_PAGES = [p for p in built_pages() if (ROOT / "book" / (Path(p).stem + ".ipynb")).exists()]
WIDGET_PAGES = [p for p in CHAPTER_PAGES if "widget-view+json" in (SITE / p).read_text()]


@pytest.mark.parametrize("path", WIDGET_PAGES or ["(no widget page)"])
def test_snapshot_shows_where_scripts_are_off(browser, path):
    """With JavaScript off, every widget's box holds Python's snapshot or a line saying what it needs."""
    need(bool(WIDGET_PAGES), "no built page with a widget")
    visit = Visit(browser, path, scripts=False)
    try:
        boxes = visit.page.locator(VIEW)
        for i in range(boxes.count()):
            snapshot = boxes.nth(i).locator("xpath=..").locator(".mm-fallback")
            assert snapshot.count() == 1, f"{path}: widget {i} has no static fallback"
            assert snapshot.inner_text().strip(), f"{path}: widget {i}: the fallback is an empty box"
        assert not visit.router.aborted, visit.router.aborted
    finally:
        visit.close()


@pytest.mark.parametrize("path", WIDGET_PAGES or ["(no widget page)"])
def test_a_failing_module_leaves_the_snapshot_and_says_why(browser, path):
    """A widget module that cannot load: the box keeps its fallback, with the reason, and nothing else breaks."""
    need(bool(WIDGET_PAGES), "no built page with a widget")
    visit = Visit(browser, path, init_script="URL.createObjectURL = () => { throw new Error('blocked by the test'); };")
    try:
        page = visit.page
        assert visit.wait_for_widgets() == "failed"
        for i in range(visit.views()):
            box = page.locator(VIEW).nth(i).locator("xpath=..")
            assert box.locator(".mm-fallback").count() == 1, f"{path}: widget {i}: the fallback was removed"
            text = box.inner_text()  # an anywidget's module failed; a plain ipywidgets widget never had one
            assert "could not start (blocked by the test)" in text or "runs only with Python" in text, text
            assert not box.locator(WIDGET).count()
        assert not [m for m in visit.errors() if m[0] == "pageerror"], visit.errors()
    finally:
        visit.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_navigation_toggle_opens_the_chapter_list(browser, width):
    """The sidebar toggle (desktop) and the menu button (phone) work: pydata-sphinx-theme issue 2451."""
    need(bool(CHAPTER_PAGES), "no chapter page in the built book")
    first, last = CHAPTER_PAGES[0], CHAPTER_PAGES[-1]
    visit = Visit(browser, first, width=width, height=800)
    try:
        page = visit.page
        link = page.locator(f'.bd-sidebar-primary a[href="{last}"]').first
        toggle = page.locator(".primary-toggle:visible")
        assert toggle.count() == 1, f"{width}px: {toggle.count()} visible navigation toggles"
        if width > 960:  # desktop: the chapter list is open; the toggle closes it and opens it again
            link.wait_for(state="visible", timeout=5_000)
            toggle.click()
            page.wait_for_function("([sel]) => document.querySelector(sel).getBoundingClientRect().right <= 0",
                                   arg=[".bd-sidebar-primary"], timeout=5_000)
            link.wait_for(state="hidden", timeout=5_000)   # hidden once the closing transition ends
            toggle.click()
        else:  # phone: the chapter list is closed; the menu button opens it
            assert not link.is_visible()
            toggle.click()
        page.wait_for_function("([sel]) => { const r = document.querySelector(sel).getBoundingClientRect();"
                               " return r.left >= 0 && r.width > 0; }", arg=[".bd-sidebar-primary"], timeout=5_000)
        link.wait_for(state="visible", timeout=5_000)
        page.screenshot(path=str(SCREENSHOTS / f"navigation-{width}.png"))
        link.click()
        page.wait_for_url(f"**/{last}", timeout=10_000)
        assert not visit.errors(), visit.errors()
    finally:
        visit.close()


@pytest.mark.parametrize("path", CHAPTER_PAGES or ["(no built chapter)"])
def test_chapter_in_dark_mode(browser, path):
    """The theme's dark mode turns the page dark, with no console error; a screenshot to look at."""
    need(bool(CHAPTER_PAGES), "no chapter page in the built book")
    visit = Visit(browser, path, dark=True)
    try:
        page = visit.page
        visit.wait_for_widgets()
        visit.settle()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        rgb = [int(v) for v in re.findall(r"\d+", background)[:3]]
        assert sum(rgb) < 3 * 80, f"{path}: dark mode body background is {background}"
        page.screenshot(path=str(SCREENSHOTS / ("dark-" + path.replace("/", "__") + ".png")), full_page=True)
        assert not visit.errors(), f"{path}: console errors in dark mode: {visit.errors()}"
    finally:
        visit.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_first_visit_is_drawn_in_the_system_theme_from_the_first_paint(browser, scheme):
    """No stored choice, the system's colour scheme: the page is in that theme when parsed, before any theme
    script ran (site/ext/site_assets.py); the theme's own script then agrees, so nothing is restyled."""
    need(bool(CHAPTER_PAGES), "no chapter page in the built book")
    visit = Visit(browser, CHAPTER_PAGES[0], dark=scheme == "dark", chosen=False,
                  init_script="document.addEventListener('DOMContentLoaded', () => {"
                              " window.__themeWhenParsed = document.documentElement.dataset.theme; });")
    try:
        visit.page.wait_for_function("window.localStorage.getItem('theme') !== null")  # the theme's script has run
        assert visit.page.evaluate("window.__themeWhenParsed") == scheme
        assert visit.page.evaluate("document.documentElement.dataset.theme") == scheme
    finally:
        visit.close()
