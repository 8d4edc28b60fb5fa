"""The README's `jupyter lab book/`, in a real browser: open chapter 4, run all cells, move the smoothing
widget's k slider, and see both the number the widget shows and the Python side (a cell printing the widget's
``k``) change. This is how a reader tweaks a widget inline.

JupyterLab runs on 127.0.0.1 on a free port without a token, over a copy of book/ (JupyterLab saves the notebooks
it runs; the committed ones must stay without outputs), and is stopped by its process id.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT, browser_required

pytestmark = pytest.mark.browser

CHAPTER = "04_smoothing.ipynb"
JUPYTER = Path(sys.executable).with_name("jupyter")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def widget_name(chapter: Path) -> str:
    """The name the chapter gives its SmoothingExplorer (`explorer = SmoothingExplorer(...)`)."""
    found = re.search(r"\b(\w+)\s*=\s*SmoothingExplorer\(", chapter.read_text().replace('\\"', '"'))
    assert found, f"{chapter.name} does not name its SmoothingExplorer (`explorer = SmoothingExplorer(counts)`)"
    return found.group(1)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`jupyter lab book/` from a copy of the repository's book folder: the URL of its chapter 4."""
    if not os.environ.get("MAKEMORE_NAMES"):  # the chapter would download names.txt: not in a test
        (pytest.fail if browser_required() else pytest.skip)("MAKEMORE_NAMES is not set: the chapter needs names.txt")
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "book", root / "book", ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    port = free_port()
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(
        [str(JUPYTER), "lab", "book/", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", "--IdentityProvider.token=", "--ServerApp.password=",
         "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: run commands as the menus do
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if os.geteuid() == 0 else [])],  # containers and CI runners may run as root
        cwd=root, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, JUPYTER_CONFIG_DIR=str(root / "config")))
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(root / 'lab.log').read_text()}")
                time.sleep(0.5)
        yield f"{url}/lab/tree/{CHAPTER}", root
    finally:
        server.send_signal(signal.SIGINT)  # JupyterLab shuts its kernels down on SIGINT (twice: no prompt)
        time.sleep(0.5)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


CELLS_DONE = """() => {
  if (!window.jupyterapp || !window.jupyterapp.shell) return null;  // JupyterLab still starting
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model || !panel.sessionContext.session) return null;
  const cells = Array.from({length: panel.content.model.cells.length}, (_, i) => panel.content.model.cells.get(i));
  const code = cells.filter((c) => c.type === "code");
  const errors = code.flatMap((c) => c.outputs.toJSON().filter((o) => o.output_type === "error"))
    .map((o) => o.ename + ": " + o.evalue + "\\n" + o.traceback.join("\\n"));
  const status = panel.sessionContext.session.kernel ? panel.sessionContext.session.kernel.status : "none";
  return {code: code.length, run: code.filter((c) => c.executionCount !== null).length, status, errors};
}"""


def wait_for(page, predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        page.wait_for_timeout(250)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def run_cell(page, source: str) -> str:
    """Append a code cell with ``source`` at the end of the notebook, run it, and return its printed text."""
    page.evaluate("""async (source) => {
      const app = window.jupyterapp, panel = app.shell.currentWidget;
      panel.content.activeCellIndex = panel.content.widgets.length - 1;
      await app.commands.execute("notebook:insert-cell-below");
      await app.commands.execute("notebook:change-cell-to-code");
      panel.content.activeCell.model.sharedModel.setSource(source);
      await app.commands.execute("notebook:run-cell");
    }""", source)
    return wait_for(page, lambda: page.evaluate("""() => {
      const cell = window.jupyterapp.shell.currentWidget.content.activeCell.model;
      const outputs = cell.outputs.toJSON();
      return cell.executionCount !== null && outputs.length ? outputs.map((o) => o.text || o.evalue).join("") : null;
    }"""), 60, "the new cell's output")


def test_a_widget_moved_in_jupyterlab_changes_python_and_the_page(lab):
    from playwright.sync_api import sync_playwright

    url, root = lab
    print(f"screenshot: {root / 'jupyterlab.png'}")
    name = widget_name(root / "book" / CHAPTER)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(url)
            wait_for(page, lambda: page.evaluate(CELLS_DONE), 120, "the notebook and its kernel")
            wait_for(page, lambda: page.evaluate(CELLS_DONE)["status"] == "idle", 120, "an idle kernel")
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            done = wait_for(page, lambda: (lambda s: s["run"] == s["code"] and s["status"] == "idle" and s)(
                page.evaluate(CELLS_DONE)), 600, "every cell to run")
            assert done["errors"] == [], "\n\n".join(done["errors"])

            before_k, before_loss = run_cell(page, f"print({name}.k, {name}.loss)").split()

            page.evaluate("""async () => {  // bring the widget's cell into view (JupyterLab renders what is seen)
              const notebook = window.jupyterapp.shell.currentWidget.content;
              const index = notebook.widgets.findIndex((c) => c.model.sharedModel.getSource().includes("SmoothingExplorer("));
              notebook.activeCellIndex = index;
              await notebook.scrollToItem(index, "start");
            }""")
            widget = page.locator('[data-widget="smoothing"]').first  # the SmoothingExplorer's frame (ui.js)
            # styled by its _css (js/src/live.css), which anywidget adds to JupyterLab's page
            wait_for(page, lambda: widget.evaluate("e => getComputedStyle(e).borderRadius") == "6px", 30,
                     "the widget's stylesheet")
            slider = widget.locator('input[type=range][data-control="k"]')
            slider.scroll_into_view_if_needed()
            loss = widget.locator('[data-out="loss"]')
            wait_for(page, lambda: loss.text_content().strip(), 30, "the widget to show its loss")
            before_shown = loss.text_content()
            box = slider.bounding_box()  # a reader's click halfway along the slider
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            moved_to = int(slider.input_value())
            assert moved_to > 0
            wait_for(page, lambda: loss.text_content() != before_shown, 30, "the shown loss to change")
            after_shown = loss.text_content()
            page.screenshot(path=str(root / "jupyterlab-widget.png"))
            after_k, after_loss, after_index = run_cell(
                page, f"print({name}.k, {name}.loss, {name}.k_options.index({name}.k))").split()
            said = commit_first_prediction(page)
        finally:
            page.screenshot(path=str(root / "jupyterlab.png"))  # what the reader saw, also when it failed
            browser.close()
    assert float(before_k) == 0 and float(after_k) > 0, (before_k, after_k)  # Python saw the slider move...
    assert int(after_index) == moved_to  # ...to the option the slider shows
    # what the page shows is what Python computes, before and after
    assert abs(shown_number(before_shown) - float(before_loss)) < 5.01e-5  # shown to 4 decimals
    assert abs(shown_number(after_shown) - float(after_loss)) < 5.01e-5
    assert shown_number(after_shown) != shown_number(before_shown)
    assert said.startswith("You said "), said  # a prediction works in JupyterLab as in the site


def commit_first_prediction(page) -> str:
    """Answer the chapter's first prediction as a reader would (its first choice, or 1), and return its message."""
    page.evaluate("""async () => {
      const notebook = window.jupyterapp.shell.currentWidget.content;
      const index = notebook.widgets.findIndex((c) => c.model.sharedModel.getSource().includes("Predict("));
      notebook.activeCellIndex = index;
      await notebook.scrollToItem(index, "start");
    }""")
    widget = page.locator('[data-widget="predict"]').first
    guess = widget.locator('[data-control="guess"]')
    wait_for(page, lambda: guess.count() > 0, 30, "the prediction widget")
    if guess.evaluate("e => e.tagName") == "SELECT":
        guess.select_option(index=1)
    else:
        guess.fill("1")
    widget.locator('[data-control="commit"]').click()
    message = widget.locator('[data-out="message"]')
    return wait_for(page, lambda: message.text_content().strip(), 30, "the prediction's message")


def shown_number(text: str) -> float:
    return float(re.search(r"\d+\.\d+", text).group())
