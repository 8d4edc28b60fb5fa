"""Every widget's bundle (``_esm``) in headless Chromium, with no kernel and no built site: a blank page of our own
imports the module from a Blob URL, as the site does, and calls ``render({model, el})`` with a small model over
the widget's state (get, set, on, off, save_changes). Then the page's numbers are compared with Python's.

    pytest -m browser tests/site/test_widgets_browser.py -s      (-s prints update times; screenshots in tests/.browser/)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from js_fixtures import BIGRAM_COUNTS, FLOAT_TOLERANCE, NAMES
from makemore_lib.counting import count_bigrams
from makemore_lib.data import split_names
from makemore_lib.loss import counts_nll
from makemore_lib.live import (BigramExplorer, RegularizationExplorer, SamplingWidget, ScoreNameWidget, SettingError,
                               SmoothingExplorer, TrainingExplorer, WordListWidget, widget_names)
from makemore_lib.live.bigram import rarity
from makemore_lib.probabilities import bigram_probs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MAKEMORE_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "tests" / ".browser" / "screenshots"
HOST = "http://widgets.test/"
COUNTS = count_bigrams(NAMES)
TIMES: dict[str, list[float]] = {}


def shows(text: str, value: float) -> bool:
    """The page writes Python's ``value`` to 4 decimals. The page computes in JavaScript, Python with torch on this
    CPU: equal to js_fixtures.FLOAT_TOLERANCE, plus the half unit of the 4th decimal that rounding may move."""
    return (re.fullmatch(r"-?\d+\.\d{4}", text) is not None
            and abs(float(text) - value) <= 0.5e-4 + FLOAT_TOLERANCE * max(1.0, abs(value)))


# The host: the widget's _css added to the page once, a model over a copy of the state, listeners called on set
# (as anywidget's model does).
MOUNT = """
async ({ esm, css, state }) => {
  if (![...document.head.querySelectorAll("style")].some((s) => s.textContent === css)) {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }
  const listeners = {};
  const model = {
    get: (key) => state[key],
    set: (key, value) => {
      const changes = typeof key === "object" ? key : { [key]: value };
      Object.assign(state, changes);
      for (const name of Object.keys(changes)) for (const f of listeners["change:" + name] || []) f();
    },
    on: (event, f) => { (listeners[event] ||= []).push(f); },
    off: (event, f) => { listeners[event] = (listeners[event] || []).filter((g) => g !== f); },
    save_changes: () => {},
    send: () => {},
  };
  const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
  const widget = (await import(url)).default;
  const el = document.createElement("div");
  document.body.append(el);
  await widget.initialize?.({ model });
  await widget.render({ model, el });
  (window.models ||= []).push(model);
  return window.models.length - 1;
}
"""
READ = """
(index) => {
  const root = document.querySelectorAll(".mm-live")[index];
  const out = {};
  for (const node of root.querySelectorAll("[data-out]")) out[node.dataset.out] = node.textContent;
  out.names = [...root.querySelectorAll('[data-out="names"] code')].map((c) => c.textContent);
  out.built = [...root.querySelectorAll('[data-out="built"] code')].map((c) => c.textContent);
  out.chosen = root.querySelector('[data-out="draw"]')?.dataset.chosen;
  out.bigrams = [...root.querySelectorAll('[data-out="bigrams"] code')].map((c) => c.textContent);
  out.seen = [...root.querySelectorAll('[data-out="bigrams"] [data-count]')].map((c) => Number(c.dataset.count));
  out.marks = [...root.querySelectorAll('[data-out="bigrams"] .mm-tile-mark')].map((c) => c.textContent.trim());
  out.ms = Number(root.dataset.updateMs);
  return out;
}
"""


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (MAKEMORE_CHROMIUM names another)")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()
    if TIMES:
        print("\nupdate times measured in the page (ms, median / worst):")
        for kind, times in TIMES.items():
            times = sorted(times)
            print(f"  {kind:15s} {times[len(times) // 2]:6.2f} / {times[-1]:6.2f}  ({len(times)} updates)")


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.fulfill(status=200, content_type="text/html",
                                                   body="<!doctype html><meta charset=utf-8><body></body>")
               if route.request.url == HOST else route.abort())
    page.goto(HOST)
    yield page
    assert not errors, errors
    page.close()


class Mounted:
    """One widget rendered in the page: its state changed as the page's controls or Python would change it."""

    def __init__(self, page, widget):
        self.page, self.kind = page, type(widget).__name__
        state = {k: v for k, v in widget.get_state().items() if not k.startswith("_") or k == "_esm"}
        self.index = page.evaluate(MOUNT, {"esm": widget._esm, "css": widget._css, "state": state})
        self.root = page.locator(".mm-live").nth(self.index)

    def read(self) -> dict:
        out = self.page.evaluate(READ, self.index)
        TIMES.setdefault(self.kind, []).append(out["ms"])
        return out

    def set(self, **changes) -> dict:
        self.page.evaluate("([i, c]) => window.models[i].set(c)", [self.index, changes])
        return self.read()

    def type(self, control: str, text: str) -> dict:
        self.root.locator(f'[data-control="{control}"]').fill(text)
        return self.read()

    def error(self) -> str:
        return self.read()["error"].removeprefix("⚠ ")


def test_sampling_widget_shows_pythons_names(page):
    w = SamplingWidget(COUNTS, n=8)
    shown = Mounted(page, w)
    assert shown.read()["names"] == w.names
    for seed in ["0", "42", "3141592653"]:
        for model in ["counts", "smoothed counts", "uniform"]:
            w.seed, w.model, w.draws = int(seed), model, 0
            shown.root.locator('[data-control="model"]').select_option(model)
            assert shown.type("seed", seed)["names"] == w.names, (seed, model)
        shown.root.locator('[data-control="sample"]').click()
        w.draws = 1
        assert shown.read()["names"] == w.names == widget_names(bigram_probs(COUNTS) if model == "counts" else
                                                                 w._tables[model], 8, int(seed), skip=8)


@pytest.mark.parametrize("model, seed, draws", [("counts", 2147483647, 0), ("smoothed counts", 42, 3),
                                               ("uniform", 7, 1)])
def test_sampling_one_character_at_a_time_spells_pythons_names(page, model, seed, draws):
    """Pressing "next character" and "finish the name" in the page: the characters it chooses, one draw at a time,
    are Python's, and at the end they spell the names sample_names gives for the seed."""
    w = SamplingWidget(COUNTS, seed=seed, n=4, model=model)
    w.draws = draws
    shown = Mounted(page, w)
    total = sum(len(name) + 1 for name in w.names)
    press = lambda control: shown.root.locator(f'[data-control="{control}"]').click()  # noqa: E731
    for step in range(1, 4):
        press("next")
        w.step = step
        out = shown.read()
        assert out["built"] == w.built and out["chosen"] == w.last_draw["chosen"], step
        assert f"probability {w.last_draw['p']:.4f}" in out["draw"]
    while w.step < total:
        press("finish")
        w.step += 1
        while w.last_draw["chosen"] != ".":
            w.step += 1
        out = shown.read()
        assert out["built"] == w.built and out["chosen"] == "." and out["error"] == ""
    assert out["built"] == w.names == widget_names(w._tables[model], 4, seed, skip=4 * draws)
    assert shown.root.locator('[data-control="next"]').is_disabled()
    out = shown.set(step=total + 1)          # set from Python beyond the batch: Python's message
    w.step = total + 1
    assert out["error"] == "⚠ " + w.error and out["built"] == []


def test_sampling_seed_box_says_what_python_says(page):
    shown = Mounted(page, SamplingWidget(COUNTS))
    for bad in ["-1", "4294967296"]:
        names_before = shown.read()["names"]
        out = shown.type("seed", bad)
        with pytest.raises(SettingError) as python_says:
            SamplingWidget(COUNTS).seed = int(bad)
        assert out["error"] == "⚠ " + str(python_says.value) and out["names"] == names_before
    assert shown.type("seed", "7")["error"] == ""


def test_word_list_widget_shows_pythons_loss_and_samples(page):
    text = "paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims"
    shown = Mounted(page, WordListWidget("ana bob", n=8))
    w = WordListWidget(text, n=8)
    out = shown.type("words", text)
    assert out["error"] == "" and shows(out["loss"], w.loss) and out["names"] == w.names
    assert out["vocab"].endswith(" ".join(w.vocab))
    for k in [0.1, 1, 10]:
        w.k = k
        out = shown.set(k=k)
        assert shows(out["loss"], w.loss) and out["names"] == w.names, k
    SHOTS.mkdir(parents=True, exist_ok=True)
    shown.root.screenshot(path=str(SHOTS / "wordlist-1280.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    shown.root.screenshot(path=str(SHOTS / "wordlist-390.png"))
    assert shown.root.bounding_box()["width"] <= 390


@pytest.mark.parametrize("text", ["", "pikachu", "r2d2 c3po", "ok fine\u00a0", "ab " + "c" * 101, "a " * 5001])
def test_word_list_messages_are_pythons(page, text):
    shown = Mounted(page, WordListWidget("ana bob"))
    w = WordListWidget("ana bob")
    w.words = text
    out = shown.type("words", text)
    assert w.error and out["error"] == "⚠ " + w.error and out["names"] == []


@pytest.mark.parametrize("name", ["Emma", "", "anna maria", "zoë", "<b>x</b>", "a" * 101, "emma😀", "tab\tbed"])
def test_bad_names_show_pythons_message(page, name):
    for widget, control in [(ScoreNameWidget(bigram_probs(COUNTS, 1)), "name"), (BigramExplorer(BIGRAM_COUNTS), "name"),
                            (SmoothingExplorer(COUNTS), "word")]:
        shown = Mounted(page, widget)
        setattr(widget, control, name)
        out = shown.type(control, name)
        assert widget.error and out["error"] == "⚠ " + widget.error, (type(widget).__name__, out["error"])


def test_score_and_bigram_numbers(page):
    P = bigram_probs(COUNTS, 1)
    score, bigram = ScoreNameWidget(P), BigramExplorer(BIGRAM_COUNTS)
    shown_score, shown_bigram = Mounted(page, score), Mounted(page, bigram)
    marks = set()
    for name in ["emma", "xavier", "qq", "andrej", "zoe"]:
        score.name = bigram.name = name
        assert shows(shown_score.type("name", name)["nll"], score.nll)
        out = shown_bigram.type("name", name)
        assert out["bigrams"] == bigram.bigrams and out["seen"] == bigram.seen, name
        assert out["marks"] == [rarity(n) for n in bigram.seen], name
        marks.update(out["marks"])
    assert marks == {"never", "rare", ""}   # the names above show every kind of mark


def test_smoothing_numbers_and_names(page):
    w = SmoothingExplorer(COUNTS, bigram="em")
    shown = Mounted(page, w)
    for k in w.k_options:
        w.k = k
        out = shown.set(k=k)
        assert shows(out["loss"], w.loss) and shows(out["p"], w.p) and out["error"] == "", k
        if float(k).is_integer():        # whole k: P is the same to the bit, so are the names
            assert out["names"] == w.names, k
    w.bigram = "q!"
    out = shown.type("bigram", "q!")
    assert out["error"] == "⚠ " + w.error and out["p"] == "" and out["probe"] == ""


def test_smoothing_chart_dev_loss_is_pythons(page):
    train, dev, _ = split_names(NAMES, seed=42)
    w = SmoothingExplorer(count_bigrams(train), dev_counts=count_bigrams(dev), bigram="em")
    shown = Mounted(page, w)
    for k in [0.1, 1, 10]:
        w.k = k
        out = shown.set(k=k)
        assert shows(out["dev"], w.dev_loss) and shows(out["loss"], w.loss), k
        assert f"now k = {k}, dev loss {out['dev']}" in shown.root.locator("svg.mm-chart").get_attribute("aria-label")
    assert "lowest on the chart at k ≈" in out["best"]


CHART = """([i, what]) => [...document.querySelectorAll('.mm-live')[i].querySelectorAll(what)]
  .map((n) => [n.getAttribute('data-tick') ?? n.getAttribute('data-line'), Number(n.getAttribute('y1'))])"""


def test_training_chart_axes_are_fixed_and_show_the_counting_loss_and_kept_runs(page):
    w = TrainingExplorer(COUNTS, steps=50, l2=0)
    shown = Mounted(page, w)
    reference = counts_nll(COUNTS, bigram_probs(COUNTS, 0))
    axes, losses = [], {}
    for lr in [1, 50]:
        w.lr = lr
        out = shown.set(lr=lr)
        losses[lr] = out["loss"]
        assert shows(out["loss"], w.loss) and shows(out["reference"], reference)
        axes.append(page.evaluate(CHART, [shown.index, "line[data-tick], line[data-line]"]))
    assert axes[0] == axes[1]                                   # the same ticks at the same heights, the same line
    ticks = [(float(t), y) for t, y in axes[0] if not t.startswith("counting")]
    (t0, y0), (t1, y1) = ticks[0], ticks[-1]
    line_y = next(y for t, y in axes[0] if t.startswith("counting model"))
    assert abs(line_y - (y0 + (reference - t0) * (y1 - y0) / (t1 - t0))) < 0.1       # at the counting loss
    assert f"lr 1, 50 steps: {losses[1]}" in out["runs"]        # the lr = 1 run kept, faint, with its loss
    assert len(shown.root.locator("svg.mm-chart polyline").all()) == 2
    shown.root.locator('[data-control="reset"]').click()
    assert len(shown.root.locator("svg.mm-chart polyline").all()) == 1 and "lr 1," not in shown.read()["runs"]


def test_training_numbers_and_divergence_message(page):
    w = TrainingExplorer(COUNTS, steps=50)
    shown = Mounted(page, w)
    for lr, steps, l2 in [(50, 50, 0.01), (10, 200, 0), (100, 20, 1)]:
        w.lr, w.steps, w.l2 = lr, steps, l2
        out = shown.set(lr=lr, steps=steps, l2=l2)
        assert shows(out["loss"], w.loss) and out["names"] == w.names and out["error"] == ""
    w.steps, w.lr, w.l2 = 500, 100, 10
    out = shown.set(steps=500, lr=100, l2=10)
    assert w.error.startswith("training diverged with L2 strength") and out["error"] == "⚠ " + w.error
    assert out["names"] == []


def test_regularization_numbers(page):
    w = RegularizationExplorer(COUNTS, steps=100)
    shown = Mounted(page, w)
    for l2 in [0, 0.01, 1, 10]:
        w.l2 = l2
        out = shown.set(l2=l2)
        assert shows(out["data"], w.data_loss) and shows(out["penalty"], w.penalty), l2
        page.wait_for_function("(i) => document.querySelectorAll('.mm-live')[i]"
                               ".querySelector('[data-out=closest_k]').textContent !== '…'", arg=shown.index)
        out = shown.read()
        assert float(out["closest_k"]) == pytest.approx(w.closest_k, rel=1e-3) and out["names"] == w.names
        net, smooth = page.evaluate("(i) => [...document.querySelectorAll('.mm-live')[i].querySelectorAll('canvas')]"
                                    ".map((c) => c.matrix)", shown.index)
        for shown_P, P in [(net, w._probs), (smooth, w._smooth)]:       # the two heatmaps, side by side
            assert all(abs(a - b) <= FLOAT_TOLERANCE for row, prow in zip(shown_P, P.tolist()) for a, b in zip(row, prow))
        b, p_net, p_smooth = w.difference
        assert out["difference"].startswith(f"P({b[1]} after {b[0]}): net {p_net:.4f}, counts {p_smooth:.4f}"), l2


def test_every_widget_renders_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    SHOTS.mkdir(parents=True, exist_ok=True)
    for widget in [BigramExplorer(BIGRAM_COUNTS), SamplingWidget(COUNTS), ScoreNameWidget(bigram_probs(COUNTS)),
                   SmoothingExplorer(COUNTS), TrainingExplorer(COUNTS), RegularizationExplorer(COUNTS),
                   WordListWidget()]:
        shown = Mounted(page, widget)
        box = shown.root.bounding_box()
        assert box["width"] <= 390 and box["height"] > 40, type(widget).__name__
        shown.root.screenshot(path=str(SHOTS / f"{shown.kind}-390.png"))


@pytest.mark.parametrize("make, changes", [
    (lambda: SmoothingExplorer(COUNTS), {"seed": 42, "n": 9}),
    (lambda: TrainingExplorer(COUNTS, steps=30), {"seed": 7}),
    (lambda: RegularizationExplorer(COUNTS, steps=30), {"seed": 7, "lr": 10}),
    (lambda: WordListWidget(), {"seed": 3, "n": 12}),
    (lambda: SamplingWidget(COUNTS), {"seed": 11, "n": 30, "draws": 2}),
], ids=["smoothing", "training", "regularization", "wordlist", "sampling"])
def test_settings_set_from_python_reach_the_page(page, make, changes):
    """Every setting the page shows follows a change made in Python (synced to the page as a model change)."""
    w = make()
    shown = Mounted(page, w)
    for name, value in changes.items():
        setattr(w, name, value)
    out = shown.set(**changes)
    assert out["names"] == w.names and len(out["names"]) == changes.get("n", len(w.names))
