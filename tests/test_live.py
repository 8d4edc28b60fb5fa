"""The live (anywidget) widgets on the Python side: the numbers Python keeps in step with the page, the settings'
checks, the static snapshot, packaging. The page's side: tests/test_js.py (maths) and tests/site/test_widgets_browser.py.
"""

import importlib
import inspect
import math
import pkgutil
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
import torch

import makemore_lib.live
from js_fixtures import BIGRAM_COUNTS
from makemore_lib.counting import count_bigrams
from makemore_lib.live import (K_OPTIONS, L2_OPTIONS, LR_OPTIONS, BigramExplorer, RegularizationExplorer,
                               SamplingWidget, ScoreNameWidget, SettingError, SmoothingExplorer, TrainingExplorer,
                               WordListWidget, esm, widget_names)
from tools.build_widgets import DIST, WIDGETS
from makemore_lib.live.common import CSS
from makemore_lib.live.wordlist import parse_words
from makemore_lib.loss import counts_nll, name_nll
from makemore_lib.neural import init_weights, net_probs, train_counts
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.regularization import closest_smoothing
from makemore_lib.sampling import sample_names
from makemore_lib.vocabulary import itos

ROOT = Path(__file__).resolve().parents[1]
SMALL = ["emma", "olivia", "ava", "isabella", "sophia", "andrej"]


@pytest.fixture(scope="module")
def small_counts():
    return count_bigrams(SMALL)


def torch_names(P, n, seed):
    return sample_names(P, n, torch.Generator().manual_seed(seed))


def test_each_widget_sends_its_bundle_and_the_stylesheet(small_counts):
    """``_esm`` and ``_css`` are paths (anywidget's convention); the synced state, which the executed notebook saves
    and the static site runs, carries the files' text: each widget its own bundle, all the one stylesheet."""
    widgets = {"bigram": BigramExplorer(BIGRAM_COUNTS), "sampling": SamplingWidget(small_counts),
               "score": ScoreNameWidget(bigram_probs(small_counts, 1)), "smoothing": SmoothingExplorer(small_counts),
               "training": TrainingExplorer(small_counts, steps=2),
               "regularization": RegularizationExplorer(small_counts, steps=2), "wordlist": WordListWidget()}
    assert sorted(widgets) == sorted(w for w in WIDGETS if w not in ("predict", "check"))   # test_check_yourself.py
    for name, widget in widgets.items():
        state = widget.get_state()
        assert state["_esm"] == esm(name).read_text(encoding="utf-8") and f'frame(host, "{name}"' in state["_esm"]
        assert state["_css"] == CSS.read_text(encoding="utf-8") and ".mm-live {" in state["_css"]


def test_bundles_and_the_live_package_are_installed_with_the_library():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "makemore_lib.live" in config["tool"]["setuptools"]["packages"]
    patterns = config["tool"]["setuptools"]["package-data"]["makemore_lib"]
    for file in [*DIST.glob("*.js"), CSS]:
        assert any(fnmatch(file.relative_to(DIST.parent.parent).as_posix(), p) for p in patterns), file
    for module in ("anywidget", "pillow"):
        assert any(dep.startswith(module) for dep in config["project"]["dependencies"]), module


def test_every_public_function_of_the_live_package_has_hints_and_a_doctest():
    """tests/test_docstrings.py looks at top-level modules only; this covers makemore_lib.live's modules."""
    for info in pkgutil.iter_modules(makemore_lib.live.__path__):
        module = importlib.import_module(f"makemore_lib.live.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                doc = inspect.getdoc(obj) or ""
                is_record = inspect.isclass(obj) and hasattr(obj, "_fields")
                assert doc and (">>>" in doc or is_record or issubclass(obj, Exception) if inspect.isclass(obj)
                                else ">>>" in doc), f"{module.__name__}.{name}"
            if inspect.isfunction(obj):
                sig = inspect.signature(obj)
                assert sig.return_annotation is not inspect.Signature.empty, f"{name} has no return hint"
                assert all(p.annotation is not p.empty for p in sig.parameters.values()), name


def test_widget_names_are_sample_names_with_a_fresh_generator(small_counts):
    P = bigram_probs(small_counts)
    assert widget_names(P, 5, 7) == torch_names(P, 5, 7)
    assert widget_names(P, 5, 7, skip=10) == torch_names(P, 15, 7)[10:]


def test_sampling_step_by_step_spells_the_names(small_counts):
    w = SamplingWidget(small_counts, seed=5, n=3)
    w.draws = 2
    total = sum(len(name) + 1 for name in w.names)
    assert f"From row '.' torch chose '{w.names[0][0]}'" in w.snapshot_html()     # the batch's first draw
    chosen = []
    for step in range(1, total + 1):
        w.step = step
        chosen.append(w.last_draw["chosen"])
        assert w.error == "" and "".join(chosen).split(".")[:len(w.built)] == w.built[:len(w.built)], step
    assert w.built == w.names == widget_names(bigram_probs(small_counts), 3, 5, skip=6)
    P = bigram_probs(small_counts)
    g = torch.Generator().manual_seed(5)
    sample_names(P, 6, g)
    row, lecture = 0, []                  # the lecture's loop, torch.multinomial itself, gives the same characters
    for _ in range(total):
        row = torch.multinomial(P[row], 1, replacement=True, generator=g).item()
        lecture.append(itos[row])
    assert chosen == lecture
    assert "One character at a time" in w.snapshot_html()
    w.step = total + 1
    assert w.error == f"step must be between 0 and {total} (the draws that make this batch's names), not {total + 1}"
    assert w.built == [] and w.last_draw == {}
    w.seed = 6                            # another batch: the step view starts again
    assert w.step == 0 and w.error == "" and w.built == []


def test_sampling_widget(small_counts):
    w = SamplingWidget(small_counts, seed=3, n=4)
    assert w.names == torch_names(bigram_probs(small_counts), 4, 3)
    w.model = "uniform"
    assert w.names == torch_names(uniform_probs(), 4, 3)
    w.draws = 2
    assert w.names == torch_names(uniform_probs(), 12, 3)[8:]
    w.model = "smoothed counts"
    assert w.names == torch_names(bigram_probs(small_counts, 1.0), 12, 3)[8:] and w.error == ""
    with pytest.raises(SettingError, match="model must be one of 'uniform', 'counts', 'smoothed counts', not 'neural'"):
        w.model = "neural"
    with pytest.raises(SettingError, match="n must be between 1 and 30, not 31"):
        w.n = 31
    assert w.model == "smoothed counts" and w.n == 4       # a refused value leaves the widget as it was


def test_score_name_widget(small_counts):
    P = bigram_probs(small_counts, 1)
    w = ScoreNameWidget(P, name="emma")
    assert w.nll == name_nll("emma", P) and [s.bigram for s in w.scores][:2] == [".e", "em"]
    for bad, message in [("Emma", "'E' at position 0"), ("", "is empty"), ("a b", "' ' (U+0020) at position 1")]:
        w.name = bad
        assert message in w.error and math.isnan(w.nll) and w.scores == []
    w.name = "ava"
    assert w.error == "" and w.nll == name_nll("ava", P)
    assert len(w.probs) == 27 and w.probs[0][1] == float(P[0, 1])       # the table the page gets


def test_smoothing_explorer(small_counts):
    dev = count_bigrams(["ella", "mia"])
    w = SmoothingExplorer(small_counts, k=0, dev_counts=dev, bigram="em")
    for k in K_OPTIONS:
        w.k = k
        P = bigram_probs(small_counts, k)
        assert w.p == float(P[5, 13]) and w.loss == counts_nll(small_counts, P)
        assert w.word_loss == name_nll("andrejq", P) and w.dev_loss == counts_nll(dev, P)
        assert w.names == torch_names(P, 5, w.seed)
    assert w.error == ""
    with pytest.raises(SettingError, match="smoothing k must be a finite number >= 0, not -1"):
        w.k = -1
    with pytest.raises(SettingError, match="smoothing k must be at most 10000"):
        w.k = 10001
    w.k, w.bigram = 1, "é."
    assert w.error == "bigram must be two characters from '.' and a-z, not 'é.'" and math.isnan(w.p)
    assert math.isnan(w.word_loss) and w.loss > 0             # what comes after the bad bigram is cleared
    w.bigram = ".a"
    assert w.error == "" and w.p == float(bigram_probs(small_counts, 1)[0, 1])
    w.word = "<b>Q</b>"
    assert "'<' at position 0" in w.error and math.isnan(w.word_loss) and w.loss > 0
    w.word = "emma"
    assert w.word_loss == name_nll("emma", bigram_probs(small_counts, 1))
    assert f"dev loss {w.dev_loss:.4f} (lowest at k ≈" in w.snapshot()      # the chart's essentials, scripts off


def test_training_explorer(small_counts):
    w = TrainingExplorer(small_counts, lr=10, steps=20, l2=0.1)
    assert w.w0 == init_weights().double().tolist()
    run = train_counts(small_counts, steps=20, lr=10, l2=0.1)
    assert w.losses == run.losses + [run.final_loss] and w.loss == run.final_loss
    assert w.data_loss == pytest.approx(run.final_loss - 0.1 * float((run.W.double() ** 2).mean()))
    assert w.names == torch_names(net_probs(run.W), 5, w.seed)
    w.steps = 3
    assert len(w.losses) == 4
    w.lr = 500
    assert "ended higher than it started" in w.warning and w.loss > w.losses[0]
    assert w.error == ("probs do not end names: a sampled name passed 1,000 characters (check that column 0, "
                       "the end token, can be reached)")       # the overshooting net puts ~all mass on one letter
    w.steps, w.lr, w.l2 = 500, 100, 10          # the penalty's step overshoots: W blows up, λ is to blame
    assert w.error.startswith("training diverged with L2 strength l2 = 10 (learning rate lr = 100)")
    assert math.isnan(w.loss) and w.losses == [] and w.names == []
    w.l2 = 0
    w.steps, w.lr = 60, 500
    assert w.error == "" and w.loss > w.losses[0]              # lr 500 overshoots but does not blow up
    with pytest.raises(SettingError, match="learning rate lr must be a finite number >= 0, not -1"):
        w.lr = -1
    with pytest.raises(SettingError, match="steps must be between 1 and 500, not 501"):
        w.steps = 501
    assert 50 in LR_OPTIONS and 0.01 in L2_OPTIONS and 0 in L2_OPTIONS


def test_regularization_explorer(small_counts):
    w = RegularizationExplorer(small_counts, steps=50)
    for l2 in [0, 0.1, 3]:
        w.l2 = l2
        run = train_counts(small_counts, steps=50, lr=50, l2=l2)
        assert w.loss == run.final_loss and w.data_loss + w.penalty == pytest.approx(w.loss)
        assert (w.penalty == 0) == (l2 == 0)
        assert w.closest_k == closest_smoothing(small_counts, net_probs(run.W))[0]
    with pytest.raises(SettingError, match="steps must be between 1 and 500, not 0"):
        w.steps = 0


def test_data_is_fixed_once_the_widget_is_made(small_counts):
    w = SmoothingExplorer(small_counts)
    with pytest.raises(SettingError, match="counts is fixed when the widget is made"):
        w.counts = [[0] * 27] * 27
    with pytest.raises(SettingError, match="k_options is fixed"):
        w.k_options = [0, 1e9]


def test_counts_are_checked():
    with pytest.raises((TypeError, ValueError)):
        SmoothingExplorer(torch.zeros(3, 3))
    with pytest.raises(ValueError, match="seed must be between"):
        TrainingExplorer(count_bigrams(SMALL), seed=2**40)


def test_word_list_widget_matches_the_functions():
    text = "paris lyon nice rouen brest lille nantes toulouse"
    w = WordListWidget(text, seed=5, n=6)
    words, itos = parse_words(text)
    counts = count_bigrams(words, itos)
    assert w.vocab == itos and w.counts == counts.tolist() and int(counts.sum()) == sum(len(x) + 1 for x in words)
    assert w.loss == counts_nll(counts, bigram_probs(counts, 0))
    assert w.names == sample_names(bigram_probs(counts, 0), 6, torch.Generator().manual_seed(5), itos)
    for name in w.names:          # k = 0: every bigram of a sampled word was seen in the list
        chs = ["."] + list(name) + ["."]
        assert all(counts[itos.index(a), itos.index(b)] > 0 for a, b in zip(chs, chs[1:]))
    w.k = 1
    assert w.loss > counts_nll(counts, bigram_probs(counts, 0))


def test_word_list_on_the_alphabet_is_the_bigram_model():
    """With every letter a-z in the list, the vocabulary is the book's, and the loss is counts_nll's."""
    words = SMALL + ["bcdfghkjlmnpqrstuvwxyz"]
    w = WordListWidget(" ".join(words))
    counts = count_bigrams(words)
    assert w.vocab == list(".abcdefghijklmnopqrstuvwxyz") and w.counts == counts.tolist()
    assert w.loss == pytest.approx(counts_nll(counts, bigram_probs(counts)), abs=1e-12)
    assert w.names == torch_names(bigram_probs(counts), 5, w.seed)


@pytest.mark.parametrize("text, says", [
    ("", "the list is empty"), (" ,\n; ", "the list is empty"), ("pikachu", "the list has one word, 'pikachu'"),
    ("r2d2 c3po", "words[0] 'r2d2' has '2' at position 1, which is not a letter"),
    ("ok fine\u00a0", "'\\xa0' (U+00A0) at position 4"),
    ("a " * 5001, "the list has 5,001 words: the most accepted is 5,000"),
    ("x" * 100_001, "the list is 100,001 characters long: the most accepted is 100,000"),
    ("ab " + "c" * 101, "words[1] is 101 characters long"),
    (" ".join(chr(0x4E00 + i) for i in range(61)), "the list uses 61 different characters: the most accepted is 60"),
])
def test_word_list_messages(text, says):
    w = WordListWidget("ana bob")
    w.words = text
    assert says in w.error and w.names == [] and w.counts == [] and math.isnan(w.loss)
    w.words = "ana bob"
    assert w.error == "" and w.names


def test_bigram_explorer():
    w = BigramExplorer(BIGRAM_COUNTS, "emma")
    assert w.bigrams == [".e", "em", "mm", "ma", "a."] and w.error == ""
    w.name = "<b>x</b>"
    assert "'<' at position 0" in w.error and w.bigrams == []


def test_snapshots_are_small_html_with_the_widgets_numbers(small_counts):
    widgets = [BigramExplorer(BIGRAM_COUNTS, "emma"), SamplingWidget(small_counts), ScoreNameWidget(bigram_probs(small_counts, 1)),
               SmoothingExplorer(small_counts, k=1), TrainingExplorer(small_counts, steps=10),
               RegularizationExplorer(small_counts, steps=10), WordListWidget("ana bob anna")]
    for w in widgets:
        bundle = w._repr_mimebundle_()[0]
        assert "application/vnd.jupyter.widget-view+json" in bundle, type(w).__name__
        snapshot = bundle["text/html"]
        assert 100 < len(snapshot) < 8_000, (type(w).__name__, len(snapshot))
        assert "snapshot" not in snapshot.replace('class="mm-snapshot"', "")
        assert "<img" not in snapshot or ' alt="' in snapshot
        for name in getattr(w, "names", [])[:3]:
            assert f"<code>{name}</code>" in snapshot
    assert f"{widgets[3].loss:.4f}" in widgets[3]._repr_mimebundle_()[0]["text/html"]
    words = widgets[-1]
    words.words = "one"
    assert "mm-error" in words._repr_mimebundle_()[0]["text/html"] and "one word" in words.snapshot_html()


@pytest.mark.dataset
def test_live_widgets_on_the_dataset(counts):
    """The chapter settings: the numbers Python keeps in step with the page, on the real data."""
    w = SmoothingExplorer(counts, k=1)
    assert round(w.loss, 4) == round(counts_nll(counts, bigram_probs(counts, 1)), 4)
    t = TrainingExplorer(counts)
    run = train_counts(counts, steps=100)
    assert t.losses == run.losses + [run.final_loss] and t.error == ""
