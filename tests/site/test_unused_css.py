"""The theme's CSS less the rules that match nothing in the book (site/ext/unused_css.py): the trimming logic,
and every element of every page styled and placed the same with the trimmed CSS as with the theme's whole CSS."""

from __future__ import annotations

import doctest
import sys

import pytest

from browser_assets import browser  # noqa: F401 (the fixture: Chromium over the built site)
from browser_assets import ROOT, SITE, Router, Visit, built_pages, need_site, redirect_target

sys.path.insert(0, str(ROOT / "site" / "ext"))
import unused_css  # noqa: E402

UNTRIMMED = unused_css.untrimmed_folder(SITE)


def test_doctests():
    assert doctest.testmod(unused_css).failed == 0


def test_a_rule_stays_when_any_of_its_selectors_can_match():
    css = ".used > *, .unused > * { margin: 0 }\n.unused:hover { color: red }"
    assert unused_css.trim(css, {"used"}) == ".used > * { margin: 0 }"


def test_what_a_rule_excludes_or_offers_as_an_alternative_does_not_count():
    css = ".table > :not(.caption) { a: b } .x:is(.gone, .y) { c: d } .z:has(.gone) { e: f }"
    assert unused_css.trim(css, {"table", "x", "z"}) == css.replace("\n", "")


def test_at_rules_are_kept_or_trimmed_inside():
    css = ("@font-face { font-family: f; src: url(f.woff) } @media (min-width: 1px) { .gone { a: b } .kept { c: d } }"
           " @keyframes spin { from { a: b } }")
    trimmed = unused_css.trim(css, {"kept"})
    assert "@font-face" in trimmed and "@keyframes spin" in trimmed
    assert "@media (min-width: 1px) {.kept { c: d }}" in trimmed and ".gone" not in trimmed


def test_the_theme_css_is_trimmed_and_the_original_kept():
    need_site()
    trimmed = SITE / "_static" / "styles" / "pydata-sphinx-theme.css"
    original = UNTRIMMED / "styles" / "pydata-sphinx-theme.css"
    assert original.is_file(), "the build keeps the theme's CSS as it shipped, for the screenshot comparison"
    assert trimmed.stat().st_size < original.stat().st_size / 2
    assert ".row-cols-5>*" in original.read_text() and ".row-cols-5" not in trimmed.read_text()


UNTRIMMED_URL = "_untrimmed_css/"  # where the page asks for the theme's original sheets in this test


class WithUntrimmed(Router):
    """The site, plus the theme's original stylesheets under _untrimmed_css/."""

    def __call__(self, route):
        path = route.request.url.split("://", 1)[-1].split("/", 1)[-1].split("?")[0]
        if path.startswith(UNTRIMMED_URL):
            return route.fulfill(status=200, body=(UNTRIMMED / path[len(UNTRIMMED_URL):]).read_bytes(),
                                 content_type="text/css")
        return super().__call__(route)


# What a reader can see of an element, its ::before and its ::after: its box and the properties that draw it.
# (All ~900 computed properties of every element take 15 s a page here; these take well under one.)
PROPERTIES = ["display", "position", "float", "visibility", "opacity", "z-index", "overflow-x", "overflow-y",
              "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top", "padding-right",
              "padding-bottom", "padding-left", "border-top", "border-right", "border-bottom", "border-left",
              "border-radius", "outline", "box-shadow", "color", "background-color", "background-image",
              "font-family", "font-size", "font-weight", "font-style", "line-height", "text-align",
              "text-decoration-line", "text-transform", "white-space", "letter-spacing", "vertical-align",
              "list-style-type", "transform", "cursor", "content", "flex-direction",
              "justify-content", "align-items", "gap", "grid-template-columns", "width", "height", "max-width"]
STYLES = """(props) => [...document.querySelectorAll('body *')].map((e) => {
  const s = (style) => props.map((p) => p + ':' + style.getPropertyValue(p)).join(';');
  const pseudo = (which) => {  // most elements have no ::before or ::after box: only its content is read then
    const style = getComputedStyle(e, which);
    return style.content === 'none' || style.content === 'normal' ? 'none' : s(style);
  };
  const box = e.getBoundingClientRect();
  return [e.tagName + '.' + (e.getAttribute('class') || ''), s(getComputedStyle(e)), pseudo('::before'),
          pseudo('::after'), [box.x, box.y, box.width, box.height].map(Math.round).join(',')].join(' | ');
})"""
# Each trimmed sheet swapped, in place, for the theme's original; resolves when they have all loaded.
SWAP = """(base) => Promise.all([...document.querySelectorAll('link[rel=stylesheet]')].map((link) => {
  const name = new URL(link.href).pathname.split('/_static/')[1];
  if (!name || !window.__trimmed.includes(name)) return null;
  return new Promise((done) => { link.onload = done; link.href = base + name; });
}))"""


# Each page once, alternately on a desktop in the light theme and on a phone in the dark one (about 5 s a page):
# both themes and both layouts are exercised, each over half the pages, chapters of both kinds included.
PAGES = [p for p in built_pages() if not redirect_target(p)]
CASES = [(path, *[(1280, False), (390, True)][i % 2]) for i, path in enumerate(PAGES)] or [("(none)", 0, 0)]


@pytest.mark.browser
@pytest.mark.parametrize("path, width, dark", CASES,
                         ids=[f"{p}-{'phone-dark' if dark else 'desktop-light'}" for p, _, dark in CASES])
def test_the_page_looks_the_same_with_the_trimmed_css(browser, path, width, dark):
    """Every element's computed style and box, with the trimmed CSS and then with the theme's original."""
    trimmed_sheets = [p.relative_to(UNTRIMMED).as_posix() for p in UNTRIMMED.rglob("*.css")]
    visit = Visit(browser, path, width=width, dark=dark, router=WithUntrimmed(SITE))
    try:
        visit.wait_for_widgets(timeout=15_000)
        visit.settle()
        # no transition half-way when the sheets are swapped (both snapshots are taken with this rule)
        visit.page.add_style_tag(content="*, ::before, ::after { transition: none !important; animation: none !important }")
        trimmed = visit.page.evaluate(STYLES, PROPERTIES)
        visit.page.evaluate(f"window.__trimmed = {trimmed_sheets!r}")
        visit.page.evaluate(SWAP, "/" + UNTRIMMED_URL)
        visit.page.wait_for_timeout(100)
        whole = visit.page.evaluate(STYLES, PROPERTIES)
    finally:
        visit.close()
    assert len(trimmed) == len(whole) > 100
    for line_trimmed, line_whole in zip(trimmed, whole):
        if line_trimmed != line_whole:
            a, b = line_trimmed.split(" | "), line_whole.split(" | ")
            where = a[0]
            detail = [f"{x} != {y}" for part_a, part_b in zip(a[1:], b[1:]) for x, y in
                      zip(part_a.split(";"), part_b.split(";")) if x != y][:5]
            pytest.fail(f"{path}: {where} differs with the trimmed CSS: {detail}")


def test_the_live_cells_of_thebe_keep_their_style():
    """Thebe's script (from its CDN, once the reader presses the button) creates cells no page names."""
    css = ".thebelab-cell .thebelab-input { padding-left: 10px } .jp-OutputArea { x: y } .gone { a: b }"
    assert unused_css.trim(css, set()) == ".thebelab-cell .thebelab-input { padding-left: 10px } .jp-OutputArea { x: y }"
