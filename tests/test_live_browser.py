"""The live (anywidget) widgets in the built book, driven in headless Chromium with no kernel.

The built pages are served from _build/html at http://book.test/ through Playwright routing; every other
request is aborted (the widgets are rendered by the book's own widget host, book/_static/widget-host.mjs).
Each test moves a widget's controls, reads the numbers the page shows and compares them with makemore_lib's
values for the same settings, computed here from the data embedded in the page. The update times measured in
the browser are printed (-s); budgets are checked by benchmarks/bench.py, not here.

    jupyter-book build book/ && pytest -m browser tests/test_live_browser.py -s
"""

from __future__ import annotations

import json
import math
import re

import pytest
import torch

from browser_assets import HOST, SITE, Router, launch, need, need_chromium, need_site
from makemore_lib.live import TrainingExplorer, browser_sample_names
from makemore_lib.loss import counts_nll, name_nll
from makemore_lib.neural import init_weights, net_probs, train_counts
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.vocabulary import stoi

pytestmark = pytest.mark.browser

KINDS = ["sampling", "score", "smoothing", "training", "regularization"]
TIMES: dict[str, list[float]] = {}
EXACT: list[bool] = []   # whether the shown text is exactly makemore_lib's value printed with 4 decimals


def widget_states(html: str) -> dict[str, dict]:
    """The saved state of each live widget in a page, by kind (the first of each kind)."""
    match = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html, re.S)
    if not match:
        return {}
    found = {}
    for model in json.loads(match.group(1))["state"].values():
        esm = model["state"].get("_esm", "")
        if model.get("model_module") != "anywidget" or not isinstance(esm, str):
            continue
        for kind in KINDS:
            if f'frame(host, "{kind}"' in esm:
                found.setdefault(kind, model["state"])
    return found


def live_pages() -> dict[str, tuple[str, dict]]:
    """kind -> (page path relative to the site, the widget's saved state), over every built page."""
    pages = {}
    for page in sorted(SITE.rglob("*.html")):
        for kind, state in widget_states(page.read_text(encoding="utf-8")).items():
            pages.setdefault(kind, (page.relative_to(SITE).as_posix(), state))
    return pages


PAGES = live_pages() if SITE.exists() else {}


@pytest.fixture(scope="module")
def browser():
    need_site()
    need_chromium()
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()
    if TIMES:
        print("\nbrowser-measured update times (ms, input event to updated DOM incl. layout):")
        for kind, times in TIMES.items():
            print(f"  {kind:<15} n={len(times):<3} median {sorted(times)[len(times) // 2]:6.2f}  worst {max(times):6.2f}")
        print(f"numbers compared: {len(EXACT)}, printed identically to 4 decimals: {sum(EXACT)}")


def open_widget(browser, kind: str):
    need(kind in PAGES, f"no built page holds a live {kind} widget")
    path, state = PAGES[kind]
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", Router())
    page.goto(HOST + path)
    page.wait_for_selector(f'.mm-live[data-widget="{kind}"] [data-out]', state="attached", timeout=30_000)
    return page, state, errors


MOVE = """([kind, control, value]) => {
  const root = document.querySelector(`.mm-live[data-widget="${kind}"]`);
  const input = root.querySelector(`[data-control="${control}"]`);
  const fire = () => input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
  const start = performance.now();
  if (input.tagName === "BUTTON") input.click();
  else {
    input.value = value;
    fire();
  }
  void root.offsetHeight;                      // layout included
  const ms = performance.now() - start;
  const out = {};
  for (const node of root.querySelectorAll("[data-out]")) out[node.dataset.out] = node.textContent;
  out.names = [...root.querySelectorAll('[data-out="names"] code')].map((c) => c.textContent);
  return { ms, out };
}"""


def move(page, kind: str, control: str, value: object = None) -> dict:
    """Move one control, return the numbers shown; the update's time in the browser is recorded in TIMES."""
    result = page.evaluate(MOVE, [kind, control, "" if value is None else str(value)])
    TIMES.setdefault(kind, []).append(result["ms"])
    return result["out"]


def shown(text: str) -> float:
    return math.inf if text == "∞" else float(text)


def same(text: str, value: float) -> None:
    """The number shown equals makemore_lib's value to 4 decimal places."""
    if math.isinf(value):
        assert text == "∞", (text, value)
        return
    assert abs(shown(text) - value) <= 5e-5 + 1e-12, (text, value)
    EXACT.append(text == f"{value:.4f}")


def table(state: dict, key: str) -> torch.Tensor:
    return torch.tensor(state[key])


def test_smoothing_matches_makemore_lib(browser):
    page, state, errors = open_widget(browser, "smoothing")
    counts, options = table(state, "counts"), state["k_options"]
    dev = table(state, "dev_counts") if state["dev_counts"] else None
    checked = 0
    for bigram in ["jq", "qu"]:
        move(page, "smoothing", "bigram", bigram)
        for k in [0, 0.1, 1, 10, 1000, 10000]:
            out = move(page, "smoothing", "k", options.index(k))
            P = bigram_probs(counts, k)
            same(out["p"], float(P[stoi[bigram[0]], stoi[bigram[1]]]))
            same(out["loss"], counts_nll(counts, P))
            same(out["probe"], name_nll(state["word"], P))
            if dev is not None:
                same(out["dev"], counts_nll(dev, P))
            assert out["names"] == browser_sample_names(P, state["n"], state["seed"])
            checked += 1
    canvas = page.locator('.mm-live[data-widget="smoothing"] canvas')
    canvas.click(position={"x": 12 + 10 * stoi["u"] + 5, "y": 12 + 10 * stoi["q"] + 5})   # the cell of "qu"
    assert page.input_value('.mm-live[data-widget="smoothing"] [data-control="bigram"]') == "qu"
    out = move(page, "smoothing", "bigram", "q")
    assert "bigram must be two characters" in out["error"] and out["p"] == ""
    out = move(page, "smoothing", "bigram", "qu")
    assert out["error"] == "" and out["p"]
    P = bigram_probs(counts, 10000)
    for word in ["emma", "zzyzx"]:
        out = move(page, "smoothing", "word", word)
        assert out["word_error"] == ""
        same(out["probe"], name_nll(word, P))
    out = move(page, "smoothing", "word", "emm!")
    assert "'!' at position 3" in out["word_error"] and out["probe"] == "" and out["loss"]
    assert "mulberry32" in page.inner_text('.mm-live[data-widget="smoothing"]')
    assert not errors, errors
    page.close()
    print(f"\nsmoothing: {checked} settings equal makemore_lib to 4 decimals")


def test_score_name_matches_makemore_lib(browser):
    page, state, errors = open_widget(browser, "score")
    probs = table(state, "probs")
    for name in ["andrej", "emma", "zzyzx", "a", "andrejq"]:
        out = move(page, "score", "name", name)
        assert out["error"] == ""
        same(out["nll"], name_nll(name, probs))
    for bad, message in [("Andrej", "'A' at position 0"), ("", "is empty"), ("ann-marie", "'-' at position 3"),
                         ("<b>x", "'<' at position 0")]:
        out = move(page, "score", "name", bad)
        assert message in out["error"] and out["nll"] == "", (bad, out)
    assert page.locator('.mm-live[data-widget="score"] b').count() >= 1   # typed text stays text
    out = move(page, "score", "name", "emma")
    assert out["error"] == ""
    assert not errors, errors
    page.close()


def test_training_matches_makemore_lib(browser):
    page, state, errors = open_widget(browser, "training")
    counts, seed = table(state, "counts"), state["seed"]
    assert torch.equal(torch.tensor(state["w0"]), init_weights(seed).double())
    for lr, steps, l2 in [(50, 100, 0.01), (10, 30, 0.1), (50, 250, 0), (1, 1, 1), (100, 500, 0.003), (20, 1, 0)]:
        move(page, "training", "lr", state["lr_options"].index(lr))
        move(page, "training", "l2", state["l2_options"].index(l2))
        out = move(page, "training", "steps", steps)
        losses = train_counts(counts, steps=steps + 1, lr=lr, l2=l2, seed=seed).losses
        same(out["first"], losses[0])
        same(out["loss"], losses[-1])
        W = train_counts(counts, steps=steps, lr=lr, l2=l2, seed=seed).W.double()
        same(out["data"], losses[-1] - l2 * float((W * W).mean()))
        assert out["names"] == browser_sample_names(net_probs(W), 5, seed), (lr, steps, l2)
        assert out["warning"] == ""
    move(page, "training", "steps", 100)
    out = move(page, "training", "lr", state["lr_options"].index(500))   # overshoots: a warning, numbers shown
    assert "the loss ended higher than it started" in out["warning"] and float(out["loss"]) > float(out["first"])
    move(page, "training", "lr", state["lr_options"].index(100))
    out = move(page, "training", "l2", state["l2_options"].index(10))    # lr 100, λ 10: W blows up
    assert "training diverged with learning rate 100" in out["error"], out
    python_side = TrainingExplorer(counts, lr=100, steps=out_steps(page), l2=10, seed=seed)
    assert "training diverged with learning rate 100" in python_side.error
    assert not errors, errors
    page.close()


def out_steps(page) -> int:
    return int(page.eval_on_selector('.mm-live[data-widget="training"] [data-control="steps"]', "e => e.value"))


def test_regularization_matches_makemore_lib(browser):
    page, state, errors = open_widget(browser, "regularization")
    counts, lr = table(state, "counts"), state["lr"]
    for steps in [state["steps"], 100]:
        move(page, "regularization", "steps", steps)
        for l2 in [0, 0.01, 0.1, 1, 10]:
            out = move(page, "regularization", "l2", state["l2_options"].index(l2))
            losses = train_counts(counts, steps=steps + 1, lr=lr, l2=l2).losses
            W = train_counts(counts, steps=steps, lr=lr, l2=l2).W.double()
            penalty = l2 * float((W * W).mean())
            same(out["loss"], losses[-1])
            same(out["penalty"], penalty)
            same(out["data"], losses[-1] - penalty)
    assert not errors, errors
    page.close()


def test_sampling_matches_python(browser):
    page, state, errors = open_widget(browser, "sampling")
    counts = table(state, "counts")
    tables = {"counts": bigram_probs(counts), "smoothed counts": bigram_probs(counts, state["k"]), "uniform": uniform_probs()}
    for seed, n, model in [(2147483647, 5, "counts"), (42, 7, "smoothed counts"), (0, 3, "uniform"), (42, 7, "counts")]:
        move(page, "sampling", "seed", seed)
        move(page, "sampling", "model", model)
        out = move(page, "sampling", "n", n)
        assert out["names"] == browser_sample_names(tables[model], n, seed)
        again = move(page, "sampling", "sample")
        assert again["names"] == browser_sample_names(tables[model], n, seed, skip=n)
        move(page, "sampling", "seed", seed)                      # the same seed: the same names again
        assert move(page, "sampling", "n", n)["names"] == out["names"]
    out = move(page, "sampling", "seed", "12abc")
    assert "seed must be a whole number" in out["error"]
    assert move(page, "sampling", "seed", 7)["error"] == ""
    assert not errors, errors
    page.close()
