"""The static fallback of a widget, end to end on a tiny book built with the real _config.yml and site/ext.

The contract with the widgets: a widget's output bundle holds its view (application/vnd.jupyter.widget-view+json)
and a text/html snapshot that Python rendered. The build (site/ext/site_assets.py) puts the snapshot, with a
line saying it is one, right after the view; the widget host (site/static/widget-host.mjs) replaces it when the
widget's module renders. Here a small anywidget counter carries a snapshot, built into a tiny book.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from browser_assets import Visit, launch, need_chromium
from conftest import ROOT
from test_book import JUPYTER_BOOK, tiny_book

COUNTER = '''import anywidget, traitlets

class Counter(anywidget.AnyWidget):
    _esm = """
    export default { render({ model, el }) {
      const button = document.createElement("button");
      const show = () => { button.textContent = "count " + model.get("count"); };
      button.addEventListener("click", () => { model.set("count", model.get("count") + 1); model.save_changes(); });
      model.on("change:count", show);
      show();
      el.append(button);
    } };"""
    count = traitlets.Int(3).tag(sync=True)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/html"] = f'<p class="counter-picture">the count is {self.count}</p>'
        return bundle

Counter()'''


def build(root):
    """jupyter-book build book/ in root, its stand-in makemore_lib first on the path (then the caller's)."""
    path = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    return subprocess.run([str(JUPYTER_BOOK), "build", "book/", "-W"], cwd=root, env=dict(os.environ, PYTHONPATH=path),
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def counter_book(tmp_path_factory):
    root = tiny_book(tmp_path_factory.mktemp("snapshots"), cell=COUNTER)
    result = build(root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root / "_build" / "html"


def test_the_snapshot_and_its_note_follow_the_widget_view(counter_book):
    html = (counter_book / "chapter.html").read_text()
    view = html.index('type="application/vnd.jupyter.widget-view+json"')
    snapshot = html.index('class="mm-fallback"', view)
    assert html.index('<p class="counter-picture">the count is 3</p>', snapshot) < html.index("</div></div>", view) + 20
    assert "Snapshot: what Python drew for this widget" in html[snapshot:]
    assert '<script type="module" src="_static/widget-host.mjs' in html
    assert "require.js" not in html and "html-manager" not in html
    assert (counter_book / "_static" / "widget-host.mjs").is_file()


@pytest.fixture(scope="module")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.mark.browser
def test_the_live_widget_replaces_the_snapshot(counter_book, browser):
    visit = Visit(browser, "chapter.html", site=counter_book)
    try:
        assert visit.wait_for_widgets() == "ready"
        button = visit.page.locator(".mm-widget button")
        assert button.inner_text() == "count 3"
        button.click()
        assert button.inner_text() == "count 4"
        assert visit.page.locator(".mm-fallback").count() == 0
        assert not visit.errors() and not visit.router.aborted and not visit.router.not_found
    finally:
        visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("how", ["scripts off", "module fails"])
def test_the_reader_sees_the_snapshot_without_the_live_widget(counter_book, browser, how):
    broken = "URL.createObjectURL = () => { throw new Error('no modules today'); };"
    visit = Visit(browser, "chapter.html", site=counter_book, scripts=how != "scripts off",
                  init_script=broken if how == "module fails" else None)
    try:
        if how == "module fails":
            assert visit.wait_for_widgets() == "failed"
            assert "could not start (no modules today)" in visit.page.inner_text(".mm-fallback")
        assert visit.page.locator(".counter-picture").inner_text() == "the count is 3"
        assert visit.page.locator(".mm-fallback-note").first.is_visible()
        assert visit.page.locator(".mm-widget").count() == 0
    finally:
        visit.close()
