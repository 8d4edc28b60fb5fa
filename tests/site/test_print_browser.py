"""A chapter on paper: Chromium prints chapter 5 (the one with the most and the longest code) to an A4 PDF, and the
print layout is checked: no code block or output cut at the paper's edge, widgets printed as they are, nothing of
the navigation. The print rules are site/static/print.css.

Runs over the last build (`jupyter-book build book/`); skips without it or without Chromium, fails instead where
CI=true or MAKEMORE_REQUIRE_SITE=1.
"""

from __future__ import annotations

import re

import pytest

from browser_assets import SCREENSHOTS, Visit, launch, need_chromium, need_site

pytestmark = pytest.mark.browser

CHAPTER = "05_neural.html"
# A4 less the 1 cm margins of Chromium's print dialog, in CSS pixels (96 per inch): 190 mm.
PAPER_WIDTH = round(190 / 25.4 * 96)

LAYOUT = """() => {
  const article = document.querySelector('.bd-article');
  const pres = [...article.querySelectorAll('pre')];
  const shown = (e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
  return {
    pres: pres.length,
    cut: pres.filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.textContent.split('\\n')
      .reduce((a, b) => (b.length > a.length ? b : a), '')),
    articleWidth: article.getBoundingClientRect().width,
    navigation: ['.bd-header', '.bd-sidebar-primary', '.bd-sidebar-secondary', '.bd-header-article',
                 '.prev-next-area', '.bd-footer'].filter((s) => [...document.querySelectorAll(s)].some(shown)),
    widgets: [...article.querySelectorAll('.mm-widget')].map((w) => ({shown: shown(w),
      right: w.getBoundingClientRect().right, height: w.getBoundingClientRect().height})),
  };
}"""


@pytest.fixture(scope="module")
def printed():
    """The chapter laid out for print at A4's width, then printed to PDF (the PDF's bytes and the layout)."""
    need_site()
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        visit = Visit(browser, CHAPTER, width=PAPER_WIDTH)
        try:
            visit.settle()
            visit.page.wait_for_selector(".mm-widget", timeout=30_000)  # the widgets rendered: their live view
            visit.page.emulate_media(media="print")
            layout = visit.page.evaluate(LAYOUT)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            visit.page.screenshot(path=str(SCREENSHOTS / "print-05_neural.png"), full_page=True)
            pdf = visit.page.pdf(format="A4", margin={side: "1cm" for side in ("top", "right", "bottom", "left")},
                                 print_background=True)
        finally:
            visit.context.close()
            browser.close()
    return pdf, layout


def test_the_chapter_prints_to_a_pdf(printed):
    pdf, layout = printed
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))  # page objects, not the /Pages tree
    assert pdf.startswith(b"%PDF-") and pages > 5, pages  # chapter 5 fills about 25 A4 pages
    assert layout["pres"] > 20  # the chapter's code and outputs were laid out


def test_no_code_line_is_cut_at_the_papers_edge(printed):
    _, layout = printed
    assert layout["articleWidth"] <= PAPER_WIDTH
    assert not layout["cut"], f"{len(layout['cut'])} of {layout['pres']} code blocks cut, e.g. {layout['cut'][:3]}"


def test_widgets_print_as_they_are_and_the_navigation_does_not(printed):
    _, layout = printed
    assert not layout["navigation"], f"printed: {layout['navigation']}"
    assert layout["widgets"], "the chapter's widgets were not rendered"
    for widget in layout["widgets"]:
        assert widget["shown"] and widget["height"] > 50 and widget["right"] <= PAPER_WIDTH + 1, widget
