"""Every page of the built book in headless Chromium, offline.

Pages are served from _build/html at a made-up host (http://book.test/) by Playwright routing; the CDN scripts
of widget pages (require.js, @jupyter-widgets/html-manager, widget modules such as anywidget) are answered from
npm packages installed into tests/.browser/; every other request is aborted (see browser_assets.py).

Per page: no JavaScript console errors (beyond the narrow ALLOWED list below, and the 404 of a widget module
that html-manager first looks for next to the page before it says "Falling back to" the CDN), every <img> loaded and has alt
text that is not a file name, every widget rendered with real controls, a screenshot in
tests/.browser/screenshots/. On widget pages one control per widget is moved and the page must react as far as
that is possible without a kernel:
- the control itself reacts in the browser (a slider's handle and readout move, a text box takes the typed
  text, a dropdown changes, a checkbox toggles);
- controls tied together by ipywidgets jslink/jsdlink update each other (that runs in the browser);
- everything a Python callback computes (observe/interact: BigramExplorer's bigram chips, a heatmap redrawn
  for a new smoothing) needs a kernel: in the static page the output keeps the value saved at build time. The
  test checks that moving the control raises no error, and records that the output is static.
Chapter pages are also shot in the theme's dark mode (tests/.browser/screenshots/dark-*.png).

Without a built book these tests skip; with MAKEMORE_REQUIRE_SITE=1 (.ci/run) they fail instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser_assets import (CHROMIUM, CHROMIUM_ARGS, HOST, ROOT, SCREENSHOTS, SITE, Router, built_pages,
                            install_packages, missing_packages, need, need_site)

pytestmark = pytest.mark.browser

# Console errors that every page shows for reasons outside this book, each matched narrowly (text + source).
ALLOWED = [
    # sphinx-thebe's `const THEBE_JS_URL = ...` script is added twice to every page (its config hook runs twice
    # under Jupyter Book 1), so the second copy throws. The first copy defines everything Thebe needs.
    ("pageerror", re.compile(r"^Identifier 'THEBE_JS_URL' has already been declared$"), None),
    # html-manager's bundle looks for its FontAwesome fonts next to the page (its webpack public path), not on
    # the CDN (at @jupyter-widgets/ or .../html-manager/dist/, depending on load order); they 404 on the
    # published site too. Our widgets use no icons.
    ("error", re.compile(r"^Failed to load resource: the server responded with a status of 404"),
     re.compile(r"^http://book\.test/@jupyter-widgets/(html-manager/dist/)?[0-9a-f]{20}\.(woff2?|ttf|eot|svg)$")),
]
# Extensions that make an alt text look like a file name.
FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$|^[0-9a-f]{16,}", re.I)
CONTROLS = "input, textarea, select, button, .widget-slider, .noUi-handle"
VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


def allowed(kind: str, text: str, url: str | None) -> bool:
    """Is this console message one of the ALLOWED known quirks?"""
    return any(kind == k and pattern.search(text) and (where is None or bool(url and where.search(url)))
               for k, pattern, where in ALLOWED)


@pytest.fixture(scope="module")
def browser():
    need_site()
    need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium; MAKEMORE_CHROMIUM overrides)")
    if missing_packages():
        try:
            install_packages()
        except Exception as err:  # no npm or no registry: say so
            need(False, f"npm packages for the CDN scripts are missing and could not be installed: {err}")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One page opened in a fresh context: its console messages and the router's record."""

    def __init__(self, browser, path: str, dark: bool = False):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           color_scheme="dark" if dark else "light")
        if dark:  # what the theme's switch stores when a reader picks dark
            self.context.add_init_script("localStorage.setItem('mode','dark'); localStorage.setItem('theme','dark')")
        self.router = Router()
        self.context.route("**/*", self.router)
        self.page = self.context.new_page()
        self.messages: list[tuple[str, str, str | None]] = []
        self.page.on("console", lambda m: self.messages.append((m.type, m.text, m.location.get("url"))))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e), None)))
        self.page.goto(HOST + path, wait_until="load")

    def fallback_404(self, url: str | None) -> bool:
        """html-manager first asks for a widget module (anywidget...) next to the page, then falls back to the CDN."""
        return bool(url) and any(url == HOST + module + ".js" and
                                 any(f"Falling back to https://cdn.jsdelivr.net/npm/ for {module}@" in m[1]
                                     for m in self.messages)
                                 for module in re.findall(r"^http://book\.test/([\w-]+)\.js$", url))

    def errors(self) -> list[tuple[str, str, str | None]]:
        return [m for m in self.messages if m[0] in ("error", "pageerror") and not allowed(*m)
                and not (m[0] == "error" and " 404 " in m[1] and self.fallback_404(m[2]))]

    def close(self):
        self.context.close()


def redirect_target(path: str) -> str | None:
    """The page an HTML redirect (index.html -> intro.html) points at, or None."""
    match = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', (SITE / path).read_text(), re.I)
    return match.group(1) if match else None


def wait_for_widgets(page, count: int) -> None:
    """Wait until html-manager has rendered a view next to each of the page's `count` widget placeholders."""
    if count:
        page.wait_for_function(
            """([sel, n]) => { const v = [...document.querySelectorAll(sel)];
                 return v.length === n && v.every(s => s.parentElement.querySelector('.widget-subarea .lm-Widget')); }""",
            arg=[VIEW, count], timeout=30_000)


def widget_snapshot(page, index: int) -> dict:
    """What a reader sees in widget output `index`: its text, its inputs' values, its images' sources."""
    return page.evaluate(
        """([sel, i]) => { const out = document.querySelectorAll(sel)[i].parentElement;
             return {text: out.innerText,
                     values: [...out.querySelectorAll('input, textarea, select')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value),
                     images: [...out.querySelectorAll('img')].map(e => e.src.slice(0, 200) + e.src.length),
                     readouts: [...out.querySelectorAll('.widget-readout')].map(e => e.innerText || e.value),
                     handles: [...out.querySelectorAll('.noUi-handle')].map(e => e.getAttribute('aria-valuenow'))}; }""",
        [VIEW, index])


def move_first_control(page, index: int) -> str:
    """Move the first control of widget output `index` the way a reader would; returns what was moved."""
    out = page.locator(VIEW).nth(index).locator("xpath=..")
    handle = out.locator(".noUi-handle").first
    if handle.count():
        handle.focus()
        before = handle.get_attribute("aria-valuenow")
        for key in ("ArrowRight", "ArrowLeft"):  # at the maximum, ArrowRight does nothing
            handle.press(key)
            handle.press(key)
            if handle.get_attribute("aria-valuenow") != before:
                return "slider"
        return "slider (did not move)"
    slider = out.locator("input[type=range]").first   # the live (anywidget) widgets' sliders
    if slider.count():
        slider.focus()
        before = slider.input_value()
        for key in ("ArrowRight", "ArrowLeft"):
            slider.press(key)
            slider.press(key)
            if slider.input_value() != before:
                return "range"
        return "range (did not move)"
    text = out.locator("input[type=text], input:not([type]), textarea").first
    if text.count():
        text.fill("")
        text.press_sequentially("emma")
        return "text"
    number = out.locator("input[type=number]").first
    if number.count():
        number.fill(str(float(number.input_value() or 0) + 1))
        number.press("Enter")
        return "number"
    select = out.locator("select").first
    if select.count():
        options = select.locator("option").all_inner_texts()
        current = select.input_value()
        other = [o for o in select.locator("option").evaluate_all("os => os.map(o => o.value)") if o != current]
        if other:
            select.select_option(other[0])
        return f"dropdown ({len(options)} options)"
    checkbox = out.locator("input[type=checkbox]").first
    if checkbox.count():
        checkbox.click()
        return "checkbox"
    button = out.locator("button").first
    if button.count():
        button.click()
        return "button"
    return "nothing to move"


def linked_views(html: str) -> set[str]:
    """Model ids of the page's widget views whose tree holds a control tied by jslink/jsdlink to another one.

    Links run in the browser, so moving such a control must change the other one without a kernel.
    """
    match = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html, re.S)
    if not match:
        return set()
    state = json.loads(match.group(1))["state"]
    ends = {ref.removeprefix("IPY_MODEL_") for m in state.values()
            if m["model_name"] in ("LinkModel", "DirectionalLinkModel")
            for ref in (m["state"]["source"][0], m["state"]["target"][0])}

    def tree(model_id: str) -> set[str]:
        ids, todo = set(), [model_id]
        while todo:
            current = todo.pop()
            if current in ids or current not in state:
                continue
            ids.add(current)
            todo += [c.removeprefix("IPY_MODEL_") for c in state[current]["state"].get("children", [])]
        return ids

    return {model_id for model_id in state if len(tree(model_id) & ends) >= 2}


PAGES = built_pages() or ["(no built book)"]


@pytest.mark.parametrize("path", PAGES)
def test_page_in_browser(browser, path, record_property):
    need_site()
    target = redirect_target(path)
    if target:  # index.html only sends the reader on
        assert (SITE / target).exists(), f"{path} redirects to {target}, which was not built"
        return
    html = (SITE / path).read_text()
    views = html.count('type="application/vnd.jupyter.widget-view+json"')
    visit = Visit(browser, path)
    try:
        page = visit.page
        wait_for_widgets(page, views)
        page.wait_for_load_state("networkidle")

        images = page.evaluate("""() => [...document.images].map(i => ({src: i.getAttribute('src'),
                                     alt: (i.getAttribute('alt') || '').trim(), loaded: i.complete && i.naturalWidth > 0}))""")
        for image in images:
            assert image["alt"], f"{path}: <img src={image['src']}> has no alt text"
            assert not FILE_NAME.search(image["alt"]), f"{path}: alt text of {image['src']} is a file name: {image['alt']!r}"
            assert image["loaded"], f"{path}: image {image['src']} did not load"

        body = page.inner_text("body")
        assert "Loading widget" not in body, f"{path}: a widget never rendered"
        assert "Error displaying widget" not in body, f"{path}: html-manager could not display a widget"
        for i in range(views):
            out = page.locator(VIEW).nth(i).locator("xpath=..")
            assert out.locator(".widget-subarea .lm-Widget").count(), f"{path}: widget {i} was not rendered"
            assert out.locator(CONTROLS).count(), f"{path}: widget {i} has no control (input, slider, button)"
            assert not out.locator(".jupyter-widgets-error, .widget-error").count(), f"{path}: widget {i} shows an error"

        page.screenshot(path=str(SCREENSHOTS / (path.replace("/", "__") + ".png")), full_page=True)

        linked = linked_views(html)
        moves, reacts = [], []
        for i in range(views):
            before = widget_snapshot(page, i)
            moved = move_first_control(page, i)
            page.wait_for_timeout(300)
            after = widget_snapshot(page, i)
            moves.append(moved)
            assert moved != "nothing to move", f"{path}: widget {i} has nothing a reader can move"
            if moved == "slider":
                assert after["handles"] != before["handles"], f"{path}: widget {i}: the slider handle did not move"
                assert after["readouts"] != before["readouts"], f"{path}: widget {i}: the slider readout did not follow"
            elif moved == "text":
                assert "emma" in after["values"], f"{path}: widget {i}: the text box did not take the typed text"
            elif moved == "range":   # a live widget computes in the browser: what it shows changes
                assert after["values"] != before["values"], f"{path}: widget {i}: the slider did not move"
                assert after["text"] != before["text"], f"{path}: widget {i}: nothing followed the slider"
            elif moved.startswith(("dropdown", "checkbox", "number")):
                assert after["values"] != before["values"], f"{path}: widget {i}: the {moved} did not change"
            model_id = json.loads(page.locator(VIEW).nth(i).text_content())["model_id"]
            if model_id in linked:
                # the control tied to the moved one follows in the browser (jslink): another value changed
                own = "emma" if moved == "text" else None
                others = [(b, a) for b, a in zip(before["values"], after["values"]) if a != own]
                assert any(b != a for b, a in others), f"{path}: widget {i}: the linked control did not follow"
            reacts.append(after["text"] != before["text"] or after["images"] != before["images"])
            page.locator(VIEW).nth(i).locator("xpath=..").screenshot(
                path=str(SCREENSHOTS / (path.replace("/", "__") + f".widget{i}-moved.png")))
        record_property("widgets", views)
        record_property("moved", moves)
        record_property("reacted", reacts)  # text or images changed; False where only a kernel would update it
        assert not visit.errors(), f"{path}: console errors: {visit.errors()}"
        assert not visit.router.aborted, f"{path}: requests outside the book and the npm CDN files: {visit.router.aborted}"
        unexpected_404 = [u for u in visit.router.not_found if not visit.fallback_404(u)
                          and not allowed("error", "Failed to load resource: the server responded with a status of 404", u)]
        assert not unexpected_404, f"{path}: missing files in the built site: {unexpected_404}"
    finally:
        visit.close()


# WCAG contrast of every text element inside widget outputs against its nearest opaque background.
CONTRAST_JS = """(sel) => {
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
                               if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
  const poor = [];
  for (const s of document.querySelectorAll(sel)) for (const el of s.parentElement.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    const [a, b] = [lum(rgba(getComputedStyle(el).color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) poor.push(el.tagName + ' ' + JSON.stringify(el.textContent.trim().slice(0, 20)) + ' ' + ratio.toFixed(2));
  }
  return poor; }"""


CHAPTER_PAGES = [p for p in built_pages() if (ROOT / "book" / (Path(p).stem + ".ipynb")).exists()]


@pytest.mark.parametrize("path", CHAPTER_PAGES or ["(no built chapter)"])
def test_chapter_in_dark_mode(browser, path):
    """The theme's dark mode: the page turns dark, figures keep their white background; a screenshot to look at."""
    need_site()
    need(bool(CHAPTER_PAGES), "no chapter page in the built book")
    visit = Visit(browser, path, dark=True)
    try:
        page = visit.page
        wait_for_widgets(page, (SITE / path).read_text().count('type="application/vnd.jupyter.widget-view+json"'))
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        rgb = [int(v) for v in re.findall(r"\d+", background)[:3]]
        assert sum(rgb) < 3 * 80, f"{path}: dark mode body background is {background}"
        page.screenshot(path=str(SCREENSHOTS / ("dark-" + path.replace("/", "__") + ".png")), full_page=True)
        poor = page.evaluate(CONTRAST_JS, VIEW)
        assert not poor, f"{path}: text inside widgets below 4.5:1 contrast in dark mode: {poor[:5]}"
        assert not visit.errors(), f"{path}: console errors in dark mode: {visit.errors()}"
    finally:
        visit.close()
