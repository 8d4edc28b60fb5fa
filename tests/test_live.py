"""The live (anywidget) widgets on the Python side: traits, the numbers Python keeps in sync, bad input, packaging.

What the browser shows is checked against makemore_lib in tests/test_live_browser.py.
"""

import importlib.util
import math
import shutil
import tomllib
from pathlib import Path

import pytest
import torch

from makemore_lib.counting import count_bigrams
from makemore_lib.live import (JS, K_OPTIONS, L2_OPTIONS, LR_OPTIONS, RegularizationExplorer, SamplingWidget,
                               ScoreNameWidget, SmoothingExplorer, TrainingExplorer, browser_random,
                               browser_sample_names, esm)
from makemore_lib.loss import counts_nll, name_nll
from makemore_lib.neural import init_weights, net_probs, train_counts
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.vocabulary import stoi

ROOT = Path(__file__).resolve().parents[1]

SMALL = ["emma", "olivia", "ava", "isabella", "sophia", "andrej"]


@pytest.fixture(scope="module")
def small_counts():
    return count_bigrams(SMALL)


def test_each_widget_module_is_common_js_plus_its_own_file():
    for name in ["sampling", "score", "smoothing", "training", "regularization"]:
        module = esm(name)
        assert module.startswith((JS / "common.js").read_text()) and module.endswith((JS / f"{name}.js").read_text())
        assert module.count("export default") == 1 and f'frame(host, "{name}"' in module


def test_js_files_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["makemore_lib"]
    from fnmatch import fnmatch

    for file in JS.glob("*.js"):
        assert any(fnmatch(file.relative_to(JS.parent).as_posix(), p) for p in patterns), file


def load_fresh_outputs():
    spec = importlib.util.spec_from_file_location("fresh_outputs", ROOT / "book" / "_ext" / "fresh_outputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_editing_a_js_file_changes_the_build_fingerprint(tmp_path):
    """book/_ext/fresh_outputs.py re-executes every chapter when this fingerprint changes."""
    fresh = load_fresh_outputs()
    shutil.copytree(ROOT / "makemore_lib", tmp_path / "makemore_lib", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    before = fresh.fingerprint(tmp_path)
    js = tmp_path / "makemore_lib" / "js" / "smoothing.js"
    js.write_text(js.read_text().replace("Smoothing: add k", "Smoothing: add k fake counts"))
    edited = fresh.fingerprint(tmp_path)
    assert edited != before
    (tmp_path / "makemore_lib" / "js" / "new.js").write_text("// a new file\n")
    assert fresh.fingerprint(tmp_path) not in (before, edited)


def test_browser_random_is_mulberry32():
    # Reference values from the JavaScript function in js/common.js (node: mulberry32(2147483647)).
    r = browser_random(2147483647)
    assert [next(r) for _ in range(3)] == [0.4290980885270983, 0.12713524978607893, 0.3852774982806295]
    with pytest.raises(ValueError, match="between 0 and 4,294,967,295"):
        next(browser_random(2**32))


def test_browser_sampling_is_seeded_and_follows_the_model(small_counts):
    P = bigram_probs(small_counts)
    names = browser_sample_names(P, 50, 7)
    assert names == browser_sample_names(P, 50, 7) and names != browser_sample_names(P, 50, 8)
    assert browser_sample_names(P, 5, 7, skip=45) == names[45:]
    for name in names:                      # every bigram of a sampled name has probability > 0
        for a, b in zip("." + name, name + "."):
            assert P[stoi[a], stoi[b]] > 0


def test_sampling_widget(small_counts):
    w = SamplingWidget(small_counts, seed=3, n=4)
    assert w.names == browser_sample_names(bigram_probs(small_counts), 4, 3)
    w.model = "uniform"
    assert w.names == browser_sample_names(uniform_probs(), 4, 3)
    w.draws = 2
    assert w.names == browser_sample_names(uniform_probs(), 4, 3, skip=8)
    w.model = "smoothed counts"
    assert w.names == browser_sample_names(bigram_probs(small_counts, 1.0), 4, 3, skip=8) and w.error == ""
    w.model = "neural"
    assert "model must be one of" in w.error
    w.model, w.n = "counts", 31
    assert "n must be between 0 and 30" in w.error


def test_score_name_widget(small_counts):
    P = bigram_probs(small_counts, 1)
    w = ScoreNameWidget(P, name="emma")
    assert w.nll == pytest.approx(name_nll("emma", P)) and [s.bigram for s in w.scores][:2] == [".e", "em"]
    for bad, message in [("Emma", "'E' at position 0"), ("", "is empty"), ("a b", "' ' (U+0020) at position 1")]:
        w.name = bad
        assert message in w.error and math.isnan(w.nll) and w.scores == []
    w.name = "ava"
    assert w.error == "" and w.nll == name_nll("ava", P)
    assert len(w.probs) == 27 and w.probs[0][1] == float(P[0, 1])       # the table the browser gets


def test_smoothing_explorer(small_counts):
    dev = count_bigrams(["ella", "mia"])
    w = SmoothingExplorer(small_counts, k=0, dev_counts=dev, bigram="em")
    for k in K_OPTIONS:
        w.k = k
        P = bigram_probs(small_counts, k)
        assert w.p == float(P[5, 13]) and w.loss == counts_nll(small_counts, P)
        assert w.word_loss == name_nll("andrejq", P) and w.dev_loss == counts_nll(dev, P)
        assert w.names == browser_sample_names(P, 5, w.seed)
    assert w.error == ""
    w.k = -1
    assert "smoothing k must be a finite number >= 0" in w.error
    w.k, w.bigram = 1, "é."
    assert "bigram must be two characters" in w.error and math.isnan(w.p)
    w.bigram = ".a"
    assert w.error == "" and w.p == float(bigram_probs(small_counts, 1)[0, 1])
    w.word = "<b>Q</b>"
    assert "'<' at position 0" in w.error and math.isnan(w.word_loss) and w.loss > 0
    w.word = "emma"
    assert w.word_loss == name_nll("emma", bigram_probs(small_counts, 1))


def test_training_explorer(small_counts):
    w = TrainingExplorer(small_counts, lr=10, steps=20, l2=0.1)
    assert w.w0 == init_weights().double().tolist()
    longer = train_counts(small_counts, steps=21, lr=10, l2=0.1)
    assert w.losses == longer.losses and w.loss == longer.losses[-1]
    W = train_counts(small_counts, steps=20, lr=10, l2=0.1).W
    assert w.data_loss == pytest.approx(longer.losses[-1] - 0.1 * float((W.double() ** 2).mean()))
    assert w.names == browser_sample_names(net_probs(W), 5, w.seed)
    w.steps = 3
    assert len(w.losses) == 4
    w.lr = 500
    assert w.error == "" and "ended higher than it started" in w.warning and w.loss > w.losses[0]
    w.steps, w.lr, w.l2 = 500, 100, 10          # the penalty's gradient step overshoots: W blows up
    assert "training diverged with learning rate 100" in w.error and math.isnan(w.loss)
    w.lr, w.l2 = -1, 0.01
    assert "learning rate lr must be a finite number >= 0" in w.error
    w.lr, w.steps = 50, 501
    assert "steps must be between 0 and 500" in w.error
    assert 50 in LR_OPTIONS and 0.01 in L2_OPTIONS and 0 in L2_OPTIONS


def test_regularization_explorer(small_counts):
    w = RegularizationExplorer(small_counts, steps=50)
    for l2 in [0, 0.1, 3]:
        w.l2 = l2
        losses = train_counts(small_counts, steps=51, lr=50, l2=l2).losses
        assert w.loss == losses[-1] and w.data_loss + w.penalty == pytest.approx(w.loss)
        assert (w.penalty == 0) == (l2 == 0)
    w.steps = 0
    assert w.error == "steps must be at least 1, not 0"


def test_counts_are_checked():
    with pytest.raises((TypeError, ValueError)):
        SmoothingExplorer(torch.zeros(3, 3))
    with pytest.raises(ValueError, match="seed must be between"):
        TrainingExplorer(count_bigrams(SMALL), seed=2**40)


@pytest.mark.dataset
def test_live_widgets_on_the_dataset(counts):
    """The chapter settings: the numbers Python keeps in sync with the browser, on the real data."""
    w = SmoothingExplorer(counts, k=1)
    assert round(w.loss, 4) == round(counts_nll(counts, bigram_probs(counts, 1)), 4)
    t = TrainingExplorer(counts)
    assert t.losses[:100] == train_counts(counts, steps=100).losses and t.error == ""
