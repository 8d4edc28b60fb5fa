"""Every kind of bad input a reader can produce, through every public function and widget.

Each must raise ValueError or TypeError from makemore_lib itself (never from deep inside torch or numpy),
with a message that names the argument and the problem, and for text the character and its position. A
widget shows the message inside itself, HTML-escaped.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
import torch

import makemore_lib
from makemore_lib import (average_nll, bigram_pairs, bigram_probs, bigrams, count_bigrams, counts_nll, decode, encode,
                          forward, init_weights, name_nll, net_probs, sample_names, score_name, split_names,
                          top_bigrams, train_counts, train_onehot, uniform_probs)
from makemore_lib.data import DatasetError, load_names, parse_names
from makemore_lib.plots import heatmap_html, heatmap_png
from makemore_lib.regularization import closest_smoothing, kl_divergence
from makemore_lib.checks import MAX_NAME_LENGTH, check_name, check_names
from makemore_lib.vocabulary import encode_names

LIBRARY = Path(makemore_lib.__file__).parent
COUNTS = count_bigrams(["emma", "olivia", "ava"])
PROBS = bigram_probs(COUNTS, 1.0)
G = lambda: torch.Generator().manual_seed(0)  # noqa: E731

# (text, what the message must say): the character (as repr) and its position, or the problem.
BAD_TEXT = [
    ("Emma", "'E' at position 0"),
    ("emma2", "'2' at position 4"),
    ("anna maria", "' ' (U+0020) at position 4"),
    ("o'neil", "\"'\" at position 1"),
    ("zoë", "'ë' at position 2"),
    ("Ольга", "'О' at position 0"),
    ("李", "'李' at position 0"),
    ("emma😀", "'😀' at position 4"),
    ("em.ma", "'.' at position 2"),
    ("tab\tbed", "'\\t' (U+0009) at position 3"),
    ("<b>x</b>", "'<' at position 0"),
    ("", "is empty"),
    ("a" * 10_000, f"is 10,000 characters long: the longest name accepted has {MAX_NAME_LENGTH}"),
]
BAD_TEXT_TYPES = [None, 42, 3.5, b"emma", ["emma"]]

# Every public function that takes one name, or a list of names, as its text argument.
ONE_NAME = {
    "check_name": check_name,
    "bigrams": bigrams,
    "score_name": lambda s: score_name(s, PROBS),
    "name_nll": lambda s: name_nll(s, PROBS),
}
NAME_LIST = {
    "check_names": check_names,
    "encode_names": encode_names,
    "bigram_pairs": bigram_pairs,
    "count_bigrams": count_bigrams,
    "average_nll": lambda names: average_nll(names, PROBS),
    "split_names": split_names,
}


def assert_clear(excinfo, *fragments: str) -> None:
    """The error was raised by makemore_lib (not torch/numpy) and its message holds every fragment."""
    raised_at = Path(excinfo.traceback[-1].path)
    assert LIBRARY in raised_at.parents, f"raised from {raised_at}, outside makemore_lib: {excinfo.value!r}"
    message = str(excinfo.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


@pytest.mark.parametrize("fn", ONE_NAME, ids=str)
@pytest.mark.parametrize("text, says", BAD_TEXT, ids=[repr(t[:12]) for t, _ in BAD_TEXT])
def test_bad_name_text(fn, text, says):
    with pytest.raises(ValueError) as excinfo:
        ONE_NAME[fn](text)
    assert_clear(excinfo, "name", says)


@pytest.mark.parametrize("fn", NAME_LIST, ids=str)
@pytest.mark.parametrize("text, says", BAD_TEXT, ids=[repr(t[:12]) for t, _ in BAD_TEXT])
def test_bad_name_in_a_list(fn, text, says):
    with pytest.raises(ValueError) as excinfo:
        NAME_LIST[fn](["emma", "ava", text])
    assert_clear(excinfo, "names[2]", says)


@pytest.mark.parametrize("fn", {**ONE_NAME, "encode": encode}, ids=str)
@pytest.mark.parametrize("value", BAD_TEXT_TYPES, ids=repr)
def test_wrong_type_for_a_name(fn, value):
    call = {**ONE_NAME, "encode": encode}[fn]
    with pytest.raises(TypeError) as excinfo:
        call(value)
    assert_clear(excinfo, "must be a str", type(value).__name__)


@pytest.mark.parametrize("fn", NAME_LIST, ids=str)
@pytest.mark.parametrize("value, error, says", [
    ([], ValueError, "is empty"), (None, TypeError, "must be a list of str"), ("emma", TypeError, "list of str"),
    (["emma", None], TypeError, "names[1] must be a str"), (["emma", 7], TypeError, "names[1] must be a str"),
], ids=["empty list", "None", "a str", "None inside", "int inside"])
def test_bad_name_lists(fn, value, error, says):
    with pytest.raises(error) as excinfo:
        NAME_LIST[fn](value)
    assert_clear(excinfo, says)


def test_encode_and_decode():
    with pytest.raises(ValueError) as excinfo:
        encode("ab!")
    assert_clear(excinfo, "'!' at position 2")
    for ids, error, says in [([0, 27], ValueError, "ids[1] is 27"), ([0, -1], ValueError, "ids[1] is -1"),
                             ([0, 1.5], TypeError, "ids[1] must be an int"), (None, TypeError, "ids must be a list"),
                             ("ab", TypeError, "ids must be a list")]:
        with pytest.raises(error) as excinfo:
            decode(ids)
        assert_clear(excinfo, says)


@pytest.mark.parametrize("k", [-1, -1e-9, math.nan, math.inf, -math.inf])
def test_bad_smoothing(k):
    with pytest.raises(ValueError) as excinfo:
        bigram_probs(COUNTS, k)
    assert_clear(excinfo, "smoothing k", "finite number >= 0")


@pytest.mark.parametrize("k", ["1", None, True, torch.tensor(1.0)], ids=repr)
def test_smoothing_of_wrong_type(k):
    with pytest.raises(TypeError) as excinfo:
        bigram_probs(COUNTS, k)
    assert_clear(excinfo, "smoothing k must be a number")


TRAIN = {"train_counts": lambda **kw: train_counts(COUNTS, **kw),
         "train_onehot": lambda **kw: train_onehot(*bigram_pairs(["emma", "ava"]), **kw)}


@pytest.mark.parametrize("fn", TRAIN, ids=str)
@pytest.mark.parametrize("kwargs, error, says", [
    ({"lr": -1.0}, ValueError, "learning rate lr must be a finite number >= 0"),
    ({"lr": math.nan}, ValueError, "learning rate lr"), ({"lr": math.inf}, ValueError, "learning rate lr"),
    ({"lr": "50"}, TypeError, "learning rate lr must be a number"),
    ({"l2": -0.01}, ValueError, "L2 strength l2 must be a finite number >= 0"),
    ({"l2": math.nan}, ValueError, "L2 strength l2"), ({"l2": -math.inf}, ValueError, "L2 strength l2"),
    ({"steps": 0}, ValueError, "steps must be at least 1"), ({"steps": -5}, ValueError, "steps must be between"),
    ({"steps": 10**9}, ValueError, "steps must be between 0 and 100,000"),
    ({"steps": 2.5}, TypeError, "steps must be an int"),
    ({"seed": -1}, ValueError, "seed must be between 0 and 2**63 - 1"),
    ({"seed": 2**64}, ValueError, "seed must be between 0 and 2**63 - 1"),
    ({"seed": "1"}, TypeError, "seed must be an int"),
], ids=lambda v: repr(v) if isinstance(v, dict) else "")
def test_bad_training_arguments(fn, kwargs, error, says):
    with pytest.raises(error) as excinfo:
        TRAIN[fn](**kwargs)
    assert_clear(excinfo, says)


@pytest.mark.parametrize("n, error, says", [
    (-1, ValueError, "n must be between 0 and 100,000"), (10**7, ValueError, "n must be between 0 and 100,000"),
    (2.0, TypeError, "n must be an int"), (None, TypeError, "n must be an int"),
])
def test_bad_number_of_samples(n, error, says):
    with pytest.raises(error) as excinfo:
        sample_names(PROBS, n, G())
    assert_clear(excinfo, says)


@pytest.mark.parametrize("generator, says", [(42, "generator must be a torch.Generator"),
                                             (None, "generator must be a torch.Generator")])
def test_bad_generator(generator, says):
    with pytest.raises(TypeError) as excinfo:
        sample_names(PROBS, 1, generator)
    assert_clear(excinfo, says)


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (2**63, ValueError), (1.5, TypeError), (None, TypeError)])
def test_bad_seeds(seed, error):
    for call in (lambda: init_weights(seed), lambda: split_names(["ab", "cd"], (0.5, 0.5), seed=seed)):
        with pytest.raises(error) as excinfo:
            call()
        assert_clear(excinfo, "seed")


BAD_MATRICES = [
    (torch.zeros(26, 27), ValueError, "shape (27, 27), not (26, 27)"),
    (torch.zeros(27), ValueError, "shape (27, 27), not (27,)"),
    (torch.zeros(2, 27, 27), ValueError, "shape (27, 27)"),
    ([[0] * 27] * 27, TypeError, "must be a torch.Tensor"),
    (np.zeros((27, 27)), TypeError, "must be a torch.Tensor"),
    (None, TypeError, "must be a torch.Tensor"),
    (torch.zeros(27, 27, dtype=torch.bool), TypeError, "real numbers"),
    (torch.full((27, 27), math.nan), ValueError, "NaN or infinity"),
    (-torch.ones(27, 27), ValueError, "must not be negative"),
]


@pytest.mark.parametrize("matrix, error, says", BAD_MATRICES, ids=[s for _, _, s in BAD_MATRICES])
def test_bad_counts(matrix, error, says):
    for call in (lambda: bigram_probs(matrix), lambda: counts_nll(matrix, PROBS), lambda: train_counts(matrix),
                 lambda: top_bigrams(matrix)):
        with pytest.raises(error) as excinfo:
            call()
        assert_clear(excinfo, "counts", says)


@pytest.mark.parametrize("matrix, error, says", [
    (torch.zeros(27, 26), ValueError, "shape (27, 27)"), (torch.ones(27, 27, dtype=torch.int64), TypeError, "floating"),
    (torch.ones(27, 27), ValueError, "rows that sum to 1"), (-uniform_probs(), ValueError, "finite numbers >= 0"),
    (torch.full((27, 27), math.nan), ValueError, "finite numbers >= 0"), ("P", TypeError, "must be a torch.Tensor"),
])
def test_bad_probs(matrix, error, says):
    for call in (lambda: sample_names(matrix, 1, G()), lambda: counts_nll(COUNTS, matrix),
                 lambda: score_name("emma", matrix), lambda: average_nll(["emma"], matrix)):
        with pytest.raises(error) as excinfo:
            call()
        assert_clear(excinfo, "probs", says)


def test_counts_with_no_bigram():
    with pytest.raises(ValueError) as excinfo:
        counts_nll(torch.zeros(27, 27), PROBS)
    assert_clear(excinfo, "counts are all zero")
    with pytest.raises(ValueError) as excinfo:
        train_counts(torch.zeros(27, 27))
    assert_clear(excinfo, "counts are all zero")


@pytest.mark.parametrize("W, error, says", [
    (torch.zeros(27, 3), ValueError, "W must have shape (27, 27)"), (torch.zeros(27, 27, dtype=torch.int64), TypeError,
                                                                     "W must be a floating-point"),
    (torch.full((27, 27), math.inf), ValueError, "W must hold finite numbers"), (None, TypeError, "W must be a torch"),
])
def test_bad_weights(W, error, says):
    for call in (lambda: net_probs(W), lambda: forward(W, torch.tensor([0, 1]))):
        with pytest.raises(error) as excinfo:
            call()
        assert_clear(excinfo, says)


@pytest.mark.parametrize("xs, error, says", [
    (torch.tensor([0.0, 1.0]), TypeError, "xs must hold int64"), (torch.tensor([0, 27]), ValueError, "from 0 to 26"),
    (torch.tensor([-1]), ValueError, "from 0 to 26"), (torch.zeros(2, 2, dtype=torch.int64), ValueError, "1-D"),
    (torch.tensor([], dtype=torch.int64), ValueError, "non-empty"), ([0, 1], TypeError, "xs must be a torch.Tensor"),
])
def test_bad_indices(xs, error, says):
    with pytest.raises(error) as excinfo:
        forward(init_weights(), xs)
    assert_clear(excinfo, says)
    with pytest.raises(error) as excinfo:
        train_onehot(xs, xs, steps=1)
    assert_clear(excinfo, says)


def test_mismatched_pairs():
    with pytest.raises(ValueError) as excinfo:
        train_onehot(torch.tensor([0, 1]), torch.tensor([1]), steps=1)
    assert_clear(excinfo, "same length")


@pytest.mark.parametrize("fractions, error", [((0.5, 0.4), ValueError), ((1.2, -0.2), ValueError), ((), ValueError),
                                              ("0.8", TypeError), ((0.5, "0.5"), TypeError)])
def test_bad_split_fractions(fractions, error):
    with pytest.raises(error) as excinfo:
        split_names(["ab", "cd", "ef"], fractions)
    assert_clear(excinfo, "fractions")


def test_bad_plot_input():
    for call, error, says in [(lambda: heatmap_html(np.zeros((3, 3))), ValueError, "shape"),
                              (lambda: heatmap_png(torch.full((27, 27), math.inf)), ValueError, "finite"),
                              (lambda: heatmap_png(torch.zeros(27, 27), cell=0), ValueError, "cell"),
                              (lambda: heatmap_html("P"), TypeError, "matrix must be")]:
        with pytest.raises(error) as excinfo:
            call()
        assert_clear(excinfo, says)


@pytest.mark.parametrize("value, error", [(None, TypeError), (123, TypeError), (b"emma", TypeError)])
def test_bad_path_and_text_types(value, error):
    with pytest.raises(error) as excinfo:
        load_names(value) if value is not None else parse_names(value)
    assert_clear(excinfo, "must be a str")


def test_no_silent_acceptance_of_huge_or_odd_but_valid_input():
    # The edges that are *valid* stay valid: a 100-letter name, n = 0, k = 0, lr = 0.
    assert len(bigrams("a" * MAX_NAME_LENGTH)) == MAX_NAME_LENGTH + 1
    assert sample_names(PROBS, 0, G()) == []
    assert torch.isfinite(bigram_probs(COUNTS, 0)).all()
    assert len(train_counts(COUNTS, steps=1, lr=0.0).losses) == 1


# Issue 16's classes, one case each (tests/test_properties.py draws the whole domain of each).
LIBRARY_EXTREMES = [
    (lambda: count_bigrams(["emma\n", "ava\n"]), ValueError, "names[0] 'emma\\n' has '\\n' (U+000A) at position 4"),
    (lambda: count_bigrams(["emma\n", "ava\n"]), ValueError, "readlines()"),
    (lambda: bigram_probs(COUNTS, 10**400), ValueError, "smoothing k must be a finite number >= 0, not an int of 401"),
    (lambda: train_counts(COUNTS, lr=10**400), ValueError, "learning rate lr must be a finite number >= 0"),
    (lambda: split_names(["ab", "cd"], (10**400, 0.5)), ValueError, "fractions must be positive"),
    (lambda: train_counts(COUNTS, lr=1e30), ValueError, "training diverged with learning rate 1e+30"),
    (lambda: train_counts(COUNTS, lr=50, l2=1e3), ValueError, "use a smaller l2"),
    (lambda: train_onehot(*bigram_pairs(["emma"]), lr=1e30, steps=5), ValueError, "training diverged with learning rate"),
    (lambda: heatmap_html(np.eye(27), fmt="{:q}"), ValueError, "fmt must format one number, like '{:.0f}'"),
    (lambda: heatmap_html(np.eye(27), fmt="{} and {}"), ValueError, "fmt must format one number"),
    (lambda: heatmap_html(np.eye(27), fmt=3), TypeError, "fmt must be a format string"),
    (lambda: heatmap_html(np.eye(27), cmap="nope"), ValueError, "cmap must name a matplotlib colour map"),
    (lambda: heatmap_png(np.eye(27), cmap=None), TypeError, "cmap must be the name of a matplotlib colour map"),
    (lambda: heatmap_html(np.eye(27), vmax=math.nan), ValueError, "vmax must be None or a finite number > 0, not nan"),
    (lambda: heatmap_html(np.eye(27), vmax=-1), ValueError, "vmax must be None or a finite number > 0, not -1"),
    (lambda: heatmap_html(np.eye(27), caption=7), TypeError, "caption must be a str"),
    (lambda: heatmap_html(np.full((27, 27), "x")), TypeError, "matrix must hold real numbers"),
    (lambda: closest_smoothing(COUNTS, PROBS, [math.inf]), ValueError, "smoothing k must be a finite number"),
    (lambda: closest_smoothing(COUNTS, PROBS, range(10**6)), ValueError, "grid must hold from 1 to 10,000 values"),
    (lambda: kl_divergence(PROBS, PROBS, torch.zeros(27)), ValueError, "weights must be finite numbers >= 0"),
    (lambda: kl_divergence(PROBS, PROBS, [1.0] * 27), TypeError, "weights must be a torch.Tensor"),
    (lambda: decode(torch.tensor([0.5])), TypeError, "ids must hold ints"),
    (lambda: top_bigrams(COUNTS, 10**30), ValueError, "n must be between 0 and 729"),
    (lambda: bigram_probs(torch.zeros(27, 27, device="meta")), ValueError, "counts is a meta tensor"),
    (lambda: net_probs(torch.zeros(27, 27, device="meta")), ValueError, "W is a meta tensor"),
]


@pytest.mark.parametrize("call, error, says", LIBRARY_EXTREMES, ids=[s for _, _, s in LIBRARY_EXTREMES])
def test_issue_16_library_classes(call, error, says):
    with pytest.raises(error) as excinfo:
        call()
    assert_clear(excinfo, says)


def test_extreme_but_valid_values_give_the_right_answer():
    assert torch.allclose(bigram_probs(COUNTS, 1e300), uniform_probs())          # enormous smoothing: uniform
    assert top_bigrams(PROBS, 1)[0][1] == pytest.approx(float(PROBS.max()))       # probabilities keep their value
    assert torch.equal(bigram_probs(COUNTS.to_sparse(), 1.0), PROBS)              # sparse tensors: as dense
    W = torch.full((27, 27), 1e4, dtype=torch.float64)
    W[:, 3] = 2e4
    probs = forward(W, torch.tensor([0, 1]))                                     # huge logits: stable softmax
    assert probs.dtype == torch.float64 and probs[:, 3].tolist() == [1.0, 1.0]
    half = forward(torch.zeros(27, 27, dtype=torch.float16).to_sparse(), torch.tensor([0]))   # sparse half W
    assert torch.allclose(half.float(), torch.full((1, 27), 1 / 27), atol=1e-3)


# --- widgets: a typed text's message shows inside the widget and a good value clears it; a setting's bad value is
# refused with an error naming the setting, and the widget keeps its last good state ------------------------------

from makemore_lib.live import (BigramExplorer, RegularizationExplorer, SamplingWidget, ScoreNameWidget,  # noqa: E402
                               SettingError, SettingTypeError, SmoothingExplorer, TrainingExplorer, WordListWidget)


def _text_widgets():
    return {"BigramExplorer.name": (BigramExplorer("emma"), "name", "zoe"),
            "ScoreNameWidget.name": (ScoreNameWidget(PROBS), "name", "emma"),
            "SmoothingExplorer.word": (SmoothingExplorer(COUNTS), "word", "ava")}


@pytest.mark.parametrize("text, says", BAD_TEXT, ids=[repr(t[:12]) for t, _ in BAD_TEXT])
def test_bad_text_in_every_text_widget(text, says):
    for label, (widget, trait, good) in _text_widgets().items():
        setattr(widget, trait, text)
        assert says in widget.error, f"{label}: {widget.error!r}"
        shown = widget.snapshot_html()
        assert "mm-error" in shown and html_escape(says) in shown and "<b>x" not in shown, label
        setattr(widget, trait, good)
        assert widget.error == "", f"{label} kept its error after a good value"


@pytest.mark.parametrize("make, trait, bad, error, says", [
    (lambda: SamplingWidget(COUNTS), "seed", -1, SettingError, "seed must be between 0 and 4,294,967,295, not -1"),
    (lambda: SamplingWidget(COUNTS), "seed", 2**64, SettingError, "seed must be between 0 and 4,294,967,295"),
    (lambda: SamplingWidget(COUNTS), "seed", "3", SettingTypeError, "seed must be an int, not str"),
    (lambda: SamplingWidget(COUNTS), "n", 10**9, SettingError, "n must be between 1 and 30"),
    (lambda: SamplingWidget(COUNTS), "n", 0, SettingError, "n must be between 1 and 30, not 0"),
    (lambda: SamplingWidget(COUNTS), "n", 2.0, SettingTypeError, "n must be an int, not float"),
    (lambda: SamplingWidget(COUNTS), "model", "bogus", SettingError, "model must be one of"),
    (lambda: SamplingWidget(COUNTS), "draws", -1, SettingError, "draws must be between 0"),
    (lambda: SmoothingExplorer(COUNTS), "k", -1.0, SettingError, "smoothing k must be a finite number >= 0, not -1.0"),
    (lambda: SmoothingExplorer(COUNTS), "k", math.nan, SettingError, "smoothing k must be a finite number >= 0, not nan"),
    (lambda: SmoothingExplorer(COUNTS), "k", math.inf, SettingError, "smoothing k"),
    (lambda: SmoothingExplorer(COUNTS), "k", 1e300, SettingError, "smoothing k must be at most 10000"),
    (lambda: SmoothingExplorer(COUNTS), "k", "1", SettingTypeError, "smoothing k must be a number, not str"),
    (lambda: SmoothingExplorer(COUNTS), "seed", -5, SettingError, "seed must be between"),
    (lambda: SmoothingExplorer(COUNTS), "bigram", 7, SettingTypeError, "bigram must be a str, not int"),
    (lambda: TrainingExplorer(COUNTS), "lr", -1.0, SettingError, "learning rate lr must be a finite number >= 0"),
    (lambda: TrainingExplorer(COUNTS), "lr", math.nan, SettingError, "learning rate lr"),
    (lambda: TrainingExplorer(COUNTS), "lr", 1e30, SettingError, "learning rate lr must be at most 500"),
    (lambda: TrainingExplorer(COUNTS), "l2", math.inf, SettingError, "L2 strength l2"),
    (lambda: TrainingExplorer(COUNTS), "steps", 0, SettingError, "steps must be between 1 and 500, not 0"),
    (lambda: TrainingExplorer(COUNTS), "steps", -5, SettingError, "steps"),
    (lambda: TrainingExplorer(COUNTS), "counts", [], SettingError, "counts is fixed when the widget is made"),
    (lambda: RegularizationExplorer(COUNTS), "l2", -0.5, SettingError, "L2 strength l2"),
    (lambda: RegularizationExplorer(COUNTS), "steps", 0, SettingError, "steps"),
    (lambda: RegularizationExplorer(COUNTS), "steps", 10**9, SettingError, "steps must be between 1 and 500"),
    (lambda: WordListWidget(), "words", None, SettingTypeError, "words must be a str, not NoneType"),
    (lambda: WordListWidget(), "k", 11.0, SettingError, "smoothing k must be at most 10"),
], ids=lambda v: repr(v) if isinstance(v, (str, int, float)) else "")
def test_bad_settings_in_every_widget(make, trait, bad, error, says):
    widget = make()
    before = {name: getattr(widget, name) for name in widget.outputs}
    with pytest.raises(error) as excinfo:
        setattr(widget, trait, bad)
    assert_clear(excinfo, says)
    assert isinstance(excinfo.value, (ValueError, TypeError))
    after = {name: getattr(widget, name) for name in widget.outputs}
    assert widget.error == "" and repr(after) == repr(before), "a refused value changed the widget"


def html_escape(text: str) -> str:
    import html

    return html.escape(text)
