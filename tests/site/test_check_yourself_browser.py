"""Check yourself in the built site, in Chromium: at one prediction per chapter the answer cell is folded before
the reader answers and open after; an exercise check gives Python's messages for a wrong then a right answer;
the progress survives a reload; with storage blocked everything but the memory works.

Over the last build (``jupyter-book build book/``); skips without one or without Chromium (see browser_assets).
"""

from __future__ import annotations

import pytest

from browser_assets import browser  # noqa: F401 (the fixture: Chromium over the built site)
from browser_assets import SITE, Visit, built_pages, need_site
from makemore_lib.exercises import export_checks

pytestmark = pytest.mark.browser

PREDICT_PAGES = [p for p in built_pages() if p.split("_")[0].isdigit() and 'data-predict="' in (SITE / p).read_text()]
BLOCKED = ("Object.defineProperty(window, 'localStorage', "
           "{ get() { throw new DOMException('storage blocked by the test', 'SecurityError'); } });")


def answer_cell_hidden(page, key: str) -> bool:
    return page.evaluate("""(key) => { const b = document.querySelector(`[data-reveal="${key}"]`);
        return document.getElementById(b.getAttribute('aria-controls')).hidden && b.getAttribute('aria-expanded') === 'false'; }""", key)


def commit_a_guess(page, widget) -> None:
    """Answer a prediction as a reader does: type a number or word and press Enter, or pick a choice and Commit."""
    choices = widget.locator("select")
    if choices.count():
        choices.select_option(index=1)
        widget.locator("[data-control=commit]").click()
    else:
        widget.locator("input[type=text]").fill("1")
        widget.locator("input[type=text]").press("Enter")


def test_there_is_a_prediction_in_every_chapter():
    need_site()
    assert len(PREDICT_PAGES) == 6, PREDICT_PAGES


@pytest.mark.parametrize("path", PREDICT_PAGES or ["(none)"])
def test_the_answer_cell_opens_once_the_reader_has_answered(browser, path):
    visit = Visit(browser, path)
    try:
        page = visit.page
        assert visit.wait_for_widgets() == "ready"
        widget = page.locator("[data-widget=predict]").first
        key = widget.get_attribute("data-predict")
        assert answer_cell_hidden(page, key), f"{path}: the answer to {key} shows before the reader answered"
        commit_a_guess(page, widget)
        message = widget.locator("[role=status]")
        assert message.get_attribute("aria-live") == "polite"
        assert message.inner_text().startswith("You said"), message.inner_text()
        assert not answer_cell_hidden(page, key), f"{path}: the answer to {key} stays folded after an answer"
        assert not [m for m in visit.messages if m[0] == "pageerror"], visit.messages
    finally:
        visit.context.close()


def check_part(page, part: str, text: str) -> str:
    box = page.locator(f"[data-widget=check] input[data-control='{part}']")
    box.fill(text)
    box.press("Enter")
    return page.locator(f"[data-widget=check] [data-out='{part}']").inner_text()


def test_an_exercise_check_says_what_python_says_and_is_remembered(browser):
    part = export_checks(parts=["1.2a"])["1.2a"]
    possible = next(m for m in part["messages"]["mistakes"] if m["name"] == "possible")
    visit = Visit(browser, "01_problem.html")
    try:
        page = visit.page
        assert visit.wait_for_widgets() == "ready"
        assert check_part(page, "1.2a", str(possible["value"])) == possible["message"]
        assert check_part(page, "1.2a", str(part["expected"])) == part["messages"]["right"]
        widget = page.locator("[data-widget=predict]").first
        key = widget.get_attribute("data-predict")
        commit_a_guess(page, widget)
        page.reload(wait_until="load")
        assert visit.wait_for_widgets() == "ready"
        progress = page.locator(".mm-progress").inner_text()
        assert "1.2a" in progress and "Predictions answered in this chapter: 1 of" in progress, progress
        assert not answer_cell_hidden(page, key), "an answered prediction is folded again after a reload"
        page.locator(".mm-progress-forget").click()
        assert "none yet" in page.locator(".mm-progress").inner_text()
    finally:
        visit.context.close()


def test_with_storage_blocked_everything_but_the_memory_works(browser):
    part = export_checks(parts=["1.2a"])["1.2a"]
    visit = Visit(browser, "01_problem.html", init_script=BLOCKED)
    try:
        page = visit.page
        assert visit.wait_for_widgets() == "ready"
        widget = page.locator("[data-widget=predict]").first
        key = widget.get_attribute("data-predict")
        assert answer_cell_hidden(page, key)
        commit_a_guess(page, widget)
        assert not answer_cell_hidden(page, key)
        assert check_part(page, "1.2a", str(part["expected"])) == part["messages"]["right"]
        assert "1.2a" in page.locator(".mm-progress").inner_text()      # remembered for the visit
        page.reload(wait_until="load")
        assert visit.wait_for_widgets() == "ready"
        assert "none yet" in page.locator(".mm-progress").inner_text()  # and only for the visit
        assert answer_cell_hidden(page, key)
        # (the theme's own scripts throw when they read their stored light/dark mode: not this page's code)
    finally:
        visit.context.close()
