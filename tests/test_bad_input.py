"""Every bad input, through every public function and widget that receives it: one table.

Each case raises a ValueError or TypeError from makemore_lib itself (never from deep inside torch or numpy),
whose message names the argument the caller set, shows the value received (shortened where long; for a tensor,
the part that is wrong: its shape, its dtype, the value found) and says what is allowed. A widget shows a typed
text's message inside itself, HTML-escaped, and refuses a bad setting without changing its state.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import numpy as np
import pytest
import torch

import makemore_lib
from js_fixtures import BIGRAM_COUNTS
from makemore_lib import (bigram_pairs, bigram_probs, bigrams, count_bigrams, counts_nll,
                          forward, init_weights, load_names, name_nll, net_probs, sample_names, score_name,
                          split_names, top_bigrams, train_counts, uniform_probs)
from makemore_lib.data import parse_names
from makemore_lib.live import (BigramExplorer, RegularizationExplorer, SamplingWidget, ScoreNameWidget, SettingError,
                               SettingTypeError, SmoothingExplorer, TrainingExplorer, WordListWidget)
from makemore_lib.ngrams import count_ngrams, top_ngrams
from makemore_lib.plots import heatmap_html, heatmap_png
from makemore_lib.regularization import closest_smoothing, kl_divergence
from makemore_lib.vocabulary import MAX_NAME_LENGTH, check_name, check_names, encode_names


LIBRARY = Path(makemore_lib.__file__).parent
COUNTS = count_bigrams(["emma", "olivia", "ava"])
PROBS = bigram_probs(COUNTS, 1.0)
XS, YS = bigram_pairs(["emma", "ava"])
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
BAD_TEXT_TYPES = [(None, "None"), (42, "42 (int)"), (3.5, "3.5 (float)"), (b"emma", "b'emma' (bytes)"),
                  (["emma"], "['emma'] (list)")]

# Every public function that takes one name, or a list of names.
ONE_NAME = {"check_name": check_name, "bigrams": bigrams, "score_name": lambda s: score_name(s, PROBS),
            "name_nll": lambda s: name_nll(s, PROBS)}
NAME_LIST = {"check_names": check_names, "encode_names": encode_names, "bigram_pairs": bigram_pairs,
             "count_bigrams": count_bigrams,
             "split_names": split_names, "count_ngrams": lambda names: count_ngrams(names, 3)}
BAD_LISTS = [([], ValueError, ["names is empty"]), (None, TypeError, ["names must be a list of str, not None"]),
             ("emma", TypeError, ["names must be a list of str, not 'emma' (str)"]),
             (["emma", None], TypeError, ["names[1] must be a str, not None"]),
             (["emma", 7], TypeError, ["names[1] must be a str, not 7 (int)"])]

# Tables: (bad table, error, what the message says after the argument's name). The shape messages of functions
# that take n-gram tables add "(V**(n-1), V)"; both start as below.
BAD_COUNTS = [
    (torch.zeros(26, 27), ValueError, "must have shape (27, 27)", "(26, 27)"),
    (torch.zeros(27), ValueError, "must have shape (27, 27)", "(27,)"),
    (torch.zeros(2, 27, 27), ValueError, "must have shape (27, 27)", "(2, 27, 27)"),
    ([[0] * 27] * 27, TypeError, "must be a torch.Tensor", "[[0, 0, 0"),
    (np.zeros((27, 27)), TypeError, "must be a torch.Tensor", "(ndarray)"),
    (None, TypeError, "must be a torch.Tensor", "None"),
    (torch.zeros(27, 27, dtype=torch.bool), TypeError, "must hold real numbers", "torch.bool"),
    (torch.full((27, 27), math.nan), ValueError, "must hold finite numbers", "found nan"),
    (-torch.ones(27, 27), ValueError, "must not be negative", "found -1"),
    (torch.full((27, 27), 1e38), ValueError, "must be at most 1e+30", "found 1e+38"),
    (torch.zeros(27, 27).to_sparse(), TypeError, "must be a dense CPU tensor", "sparse_coo"),
    (torch.zeros(27, 27, device="meta"), TypeError, "must be a dense CPU tensor", "meta"),
]
COUNTS_TAKERS = {"bigram_probs": lambda t: bigram_probs(t), "counts_nll": lambda t: counts_nll(t, PROBS),
                 "train_counts": lambda t: train_counts(t, steps=1), "top_bigrams": lambda t: top_bigrams(t),
                 "closest_smoothing": lambda t: closest_smoothing(t, PROBS),
                 "SmoothingExplorer": lambda t: SmoothingExplorer(t), "SamplingWidget": lambda t: SamplingWidget(t),
                 "TrainingExplorer": lambda t: TrainingExplorer(t)}
BAD_PROBS = [
    (torch.zeros(27, 26), ValueError, "must have shape (27, 27)", "(27, 26)"),
    (torch.ones(27, 27, dtype=torch.int64), TypeError, "must hold floats", "torch.int64"),
    (torch.ones(27, 27), ValueError, "must have rows that sum to 1", "row 0 sums to 27"),
    (-uniform_probs(), ValueError, "must not be negative", "found -0.037"),
    (torch.full((27, 27), math.nan), ValueError, "must hold finite numbers", "found nan"),
    ("P", TypeError, "must be a torch.Tensor", "'P' (str)"),
]
PROBS_TAKERS = {"sample_names": lambda t: sample_names(t, 1, G()), "counts_nll": lambda t: counts_nll(COUNTS, t),
                "score_name": lambda t: score_name("emma", t),
                "closest_smoothing": lambda t: closest_smoothing(COUNTS, t), "ScoreNameWidget": lambda t: ScoreNameWidget(t)}
P_AND_Q = {"kl_divergence(p)": ("p", lambda t: kl_divergence(t, PROBS)),
           "kl_divergence(q)": ("q", lambda t: kl_divergence(PROBS, t))}
BAD_WEIGHTS = [
    (torch.zeros(27, 3), ValueError, "W must have shape (27, 27)", "(27, 3)"),
    (torch.zeros(27, 27, dtype=torch.int64), TypeError, "W must hold floats", "torch.int64"),
    (torch.full((27, 27), math.inf), ValueError, "W must hold finite numbers", "found inf"),
    (None, TypeError, "W must be a torch.Tensor", "None"),
]

TRAINING = [
    ({"lr": -1.0}, ValueError, ["learning rate lr must be a finite number >= 0, not -1.0"]),
    ({"lr": math.nan}, ValueError, ["learning rate lr must be a finite number >= 0, not nan"]),
    ({"lr": math.inf}, ValueError, ["learning rate lr must be a finite number >= 0, not inf"]),
    ({"lr": "50"}, TypeError, ["learning rate lr must be a number, not '50' (str)"]),
    ({"lr": 10**400}, ValueError, ["learning rate lr must be a finite number >= 0, not 1000000"]),
    ({"l2": -0.01}, ValueError, ["L2 strength l2 must be a finite number >= 0, not -0.01"]),
    ({"l2": -math.inf}, ValueError, ["L2 strength l2 must be a finite number >= 0, not -inf"]),
    ({"steps": 0}, ValueError, ["steps must be between 1 and 100,000, not 0"]),
    ({"steps": 10**9}, ValueError, ["steps must be between 1 and 100,000, not 1,000,000,000"]),
    ({"steps": 2.5}, TypeError, ["steps must be an int, not 2.5 (float)"]),
    ({"seed": -1}, ValueError, ["seed must be between 0 and 2**63 - 1, not -1"]),
    ({"seed": 2**64}, ValueError, ["seed must be between 0 and 2**63 - 1, not 18,446,744,073,709,551,616"]),
    ({"seed": "1"}, TypeError, ["seed must be an int, not '1' (str)"]),
    ({"lr": 50, "l2": 1e3}, ValueError, ["training diverged with L2 strength l2 = 1000 (learning rate lr = 50)",
                                         "try a smaller l2"]),
]


def _cases():
    """Every case: (id, call, error, fragments of the message)."""
    cases = []
    for fn, call in ONE_NAME.items():
        for text, says in BAD_TEXT:
            cases.append((f"{fn}({text[:10]!r})", lambda call=call, text=text: call(text), ValueError, ["name", says]))
    for fn, call in ONE_NAME.items():
        for value, shown in BAD_TEXT_TYPES:
            cases.append((f"{fn}({shown})", lambda call=call, v=value: call(v), TypeError, ["must be a str", shown]))
    for fn, call in NAME_LIST.items():
        for text, says in BAD_TEXT:
            cases.append((f"{fn}([..., {text[:10]!r}])", lambda call=call, text=text: call(["emma", "ava", text]),
                          ValueError, ["names[2]", says]))
        for value, error, says in BAD_LISTS:
            cases.append((f"{fn}({value!r})", lambda call=call, v=value: call(v), error, says))
    for label, takers, bad in [("counts", COUNTS_TAKERS, BAD_COUNTS), ("probs", PROBS_TAKERS, BAD_PROBS)]:
        for fn, call in takers.items():
            for table, error, says, shown in bad:
                cases.append((f"{fn}({label}: {says} {shown})", lambda call=call, t=table: call(t), error,
                              [f"{label} {says}", shown]))
    for fn, (name, call) in P_AND_Q.items():
        for table, error, says, shown in BAD_PROBS:
            cases.append((f"{fn}: {says} {shown}", lambda call=call, t=table: call(t), error, [f"{name} {says}", shown]))
    for fn, call in {"net_probs": net_probs, "forward": lambda W: forward(W, XS)}.items():
        for W, error, says, shown in BAD_WEIGHTS[1:] + [(torch.zeros(27, 27, device="meta"), TypeError,
                                                         "W must be a dense CPU tensor", "meta")]:
            cases.append((f"{fn}({says} {shown})", lambda call=call, W=W: call(W), error, [says, shown]))
    for kwargs, error, says in TRAINING:
        cases.append((f"train_counts({kwargs})", lambda kw=kwargs: train_counts(COUNTS, **kw), error, says))
    return cases + [
        # vocabulary
        ("count_bigrams(readlines)", lambda: count_bigrams(["emma\n", "ava\n"]), ValueError,
         ["names[0] 'emma\\n' has '\\n' (U+000A) at position 4", "readlines()"]),
        ("count_bigrams(itos wrong)", lambda: count_bigrams(["ab"], ["a", "."]), ValueError,
         ["itos must be distinct characters with '.' first, not ['a', '.']"]),
        ("count_bigrams(word outside itos)", lambda: count_bigrams(["abc"], ".ab"), ValueError,
         ["names[0] 'abc' has 'c' at position 2, which is not in the vocabulary"]),
        # the bigram explorer's counts (chapter 1's Counter)
        ("BigramExplorer(tensor)", lambda: BigramExplorer(COUNTS), TypeError,
         ["counts must be a Counter of bigrams", "(Tensor)"]),
        ("BigramExplorer(bad key)", lambda: BigramExplorer({"em": 1, "E.": 2}), ValueError,
         ["counts must map bigrams of '.' and a-z to counts, but it has the key 'E.'"]),
        ("BigramExplorer(negative)", lambda: BigramExplorer({"em": -1}), ValueError,
         ["counts['em'] must be a whole number >= 0, not -1 (int)"]),
        # probabilities and sampling
        *[(f"bigram_probs(k={k!r})", lambda k=k: bigram_probs(COUNTS, k), ValueError,
           [f"smoothing k must be a finite number from 0 to 1e+30, not {shown}"])
          for k, shown in [(-1, "-1"), (-1e-9, "-1e-09"), (math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"),
                           (1e31, "1e+31"), (10**400, "1000000000")]],
        *[(f"bigram_probs(k={k!r})", lambda k=k: bigram_probs(COUNTS, k), TypeError,
           [f"smoothing k must be a number, not {shown}"])
          for k, shown in [("1", "'1' (str)"), (None, "None"), (True, "True (bool)"), (torch.tensor(1.0), "tensor(1.)")]],
        ("bigram_probs(728 rows)", lambda: bigram_probs(torch.zeros(728, 27)), ValueError,
         ["counts must have shape (27, 27), or (V**(n-1), V)", "not (728, 27)"]),
        *[(f"sample_names(n={n!r})", lambda n=n: sample_names(PROBS, n, G()), error, [says])
          for n, error, says in [(-1, ValueError, "n must be between 0 and 100,000, not -1"),
                                 (10**7, ValueError, "n must be between 0 and 100,000, not 10,000,000"),
                                 (2.0, TypeError, "n must be an int, not 2.0 (float)"),
                                 (None, TypeError, "n must be an int, not None")]],
        *[(f"sample_names(generator={g!r})", lambda g=g: sample_names(PROBS, 1, g), TypeError,
           [f"generator must be a torch.Generator (e.g. torch.Generator().manual_seed(42)), not {shown}"])
          for g, shown in [(42, "42 (int)"), (None, "None")]],
        ("sample_names(half probs)", lambda: sample_names(PROBS.half(), 1, G()), TypeError,
         ["probs must hold float32 or float64 numbers, not torch.float16"]),
        ("sample_names(itos too short)", lambda: sample_names(PROBS, 1, G(), ".ab"), ValueError,
         ["probs has 27 columns, but itos has 3 characters: '.ab'"]),
        # loss
        ("counts_nll(all zero)", lambda: counts_nll(torch.zeros(27, 27), PROBS), ValueError,
         ["counts are all zero: there is no bigram to score"]),
        ("counts_nll(shapes differ)", lambda: counts_nll(count_ngrams(["emma"], 3), PROBS), ValueError,
         ["counts and probs must have the same shape, not (729, 27) and (27, 27)"]),
        ("net_probs(27x3: a 4-gram table of 3 characters)", lambda: net_probs(torch.zeros(27, 3)), ValueError,
         ["W must have shape (27, 27), or (27**(n-1), 27) for n-grams (n = 1..4), not (27, 3)"]),
        # the net
        ("train_counts(all zero)", lambda: train_counts(torch.zeros(27, 27)), ValueError,
         ["counts are all zero: there is nothing to train on"]),
        ("forward(float64 W)", lambda: forward(torch.zeros(27, 27, dtype=torch.float64), XS), TypeError,
         ["W must hold float32 numbers", "not torch.float64"]),
        ("forward(huge W)", lambda: forward(torch.full((27, 27), 1e4), XS), ValueError,
         ["W must hold numbers from -80 to 80", "not a largest |W| of 10000"]),
        *[(f"{fn}(xs={label})", lambda call=call, xs=xs: call(xs), error, [says])
          for fn, call in {"forward": lambda xs: forward(init_weights(), xs)}.items()
          for xs, label, error, says in [
              (torch.tensor([0.0, 1.0]), "floats", TypeError, "xs must be a torch.Tensor of int64 character indices, not torch.float32"),
              (torch.tensor([0, 27]), "27", ValueError, "xs must hold indices from 0 to 26, found 0..27"),
              (torch.tensor([-1]), "-1", ValueError, "xs must hold indices from 0 to 26, found -1..-1"),
              (torch.zeros(2, 2, dtype=torch.int64), "2-D", ValueError, "xs must be a non-empty 1-D tensor, not one of shape (2, 2)"),
              (torch.tensor([], dtype=torch.int64), "empty", ValueError, "not one of shape (0,)"),
              ([0, 1], "list", TypeError, "xs must be a torch.Tensor of int64 character indices, not [0, 1] (list)")]],
        *[(f"init_weights(seed={seed!r})", lambda seed=seed: init_weights(seed), error, [says])
          for seed, error, says in [(-1, ValueError, "seed must be between 0 and 2**63 - 1, not -1"),
                                    (2**63, ValueError, "not 9,223,372,036,854,775,808"),
                                    (1.5, TypeError, "seed must be an int, not 1.5 (float)"),
                                    (None, TypeError, "seed must be an int, not None")]],
        ("init_weights(rows=28)", lambda: init_weights(rows=28), ValueError,
         ["rows must be 27**(n-1) for n = 1..4 (27 for the bigram net), not 28 (int)"]),
        # regularization
        ("closest_smoothing(grid=[inf])", lambda: closest_smoothing(COUNTS, PROBS, [math.inf]), ValueError,
         ["smoothing k must be a finite number from 0 to 1e+30, not inf"]),
        ("closest_smoothing(grid=[1, -1])", lambda: closest_smoothing(COUNTS, PROBS, [1.0, -1.0]), ValueError,
         ["smoothing k must be a finite number from 0 to 1e+30, not -1.0"]),
        ("closest_smoothing(grid too long)", lambda: closest_smoothing(COUNTS, PROBS, range(10**6)), ValueError,
         ["grid must hold from 1 to 10,000 values of k, not 1,000,000"]),
        ("closest_smoothing(grid=[])", lambda: closest_smoothing(COUNTS, PROBS, []), ValueError,
         ["grid must hold from 1 to 10,000 values of k, not 0"]),
        ("closest_smoothing(grid='1,2')", lambda: closest_smoothing(COUNTS, PROBS, "1,2"), TypeError,
         ["grid must be a list of smoothing values k, not '1,2' (str)"]),
        ("closest_smoothing(all zero)", lambda: closest_smoothing(torch.zeros(27, 27), PROBS), ValueError,
         ["counts are all zero: there is nothing to compare with"]),
        ("kl_divergence(weights zero)", lambda: kl_divergence(PROBS, PROBS, torch.zeros(27)), ValueError,
         ["weights are all zero: give at least one row a weight > 0"]),
        ("kl_divergence(weights list)", lambda: kl_divergence(PROBS, PROBS, [1.0] * 27), TypeError,
         ["weights must be a torch.Tensor, not [1.0, 1.0"]),
        ("kl_divergence(weights shape)", lambda: kl_divergence(PROBS, PROBS, torch.ones(26)), ValueError,
         ["weights must have shape (27,), not (26,)"]),
        # n-grams
        *[(f"count_ngrams(n={n!r})", lambda n=n: count_ngrams(["emma"], n), error, [says])
          for n, error, says in [(0, ValueError, "n must be between 1 and 4, not 0"),
                                 (5, ValueError, "n must be between 1 and 4, not 5"),
                                 (2.0, TypeError, "n must be an int, not 2.0 (float)"),
                                 (True, TypeError, "n must be an int, not True (bool)")]],
        ("top_ngrams(n=10**6)", lambda: top_ngrams(count_ngrams(["emma"], 3), 10**6), ValueError,
         ["n must be between 0 and 19,683, not 1,000,000"]),
        ("top_bigrams(n=10**30)", lambda: top_bigrams(COUNTS, 10**30), ValueError,
         ["n must be between 0 and 729, not an int of 31 digits"]),
        ("top_bigrams(n=10**5000)", lambda: top_bigrams(COUNTS, 10**5000), ValueError,
         ["n must be between 0 and 729, not an int of 5001 digits"]),
        # data
        *[(f"split_names(fractions={f!r})", lambda f=f: split_names(["ab", "cd", "ef"], f), error, [says])
          for f, error, says in [((0.5, 0.4), ValueError, "fractions must be positive and add up to 1, not (0.5, 0.4)"),
                                 ((1.2, -0.2), ValueError, "not (1.2, -0.2)"), ((), ValueError, "not () (tuple)"),
                                 ((10**400, 0.5), ValueError, "fractions must be positive and add up to 1, not (1000"),
                                 ("0.8", TypeError, "fractions must be a tuple of numbers, not '0.8' (str)"),
                                 ((0.5, "0.5"), TypeError, "not (0.5, '0.5') (tuple)")]],
        *[(f"split_names(seed={seed!r})", lambda seed=seed: split_names(["ab", "cd"], (0.5, 0.5), seed=seed), error,
           [says]) for seed, error, says in [(-1, ValueError, "seed must be between 0 and 2**63 - 1, not -1"),
                                             (2**63, ValueError, "not 9,223,372,036,854,775,808"),
                                             (1.5, TypeError, "seed must be an int, not 1.5 (float)"),
                                             (None, TypeError, "seed must be an int, not None")]],
        ("forward(W of shape (27, 3))", lambda: forward(torch.zeros(27, 3), XS), ValueError,
         ["W must have shape (27, 27), not (27, 3)"]),
        ("train_counts(lr=1e30)", lambda: train_counts(COUNTS, lr=1e30), ValueError,
         ["training diverged with learning rate lr = 1e+30: try a smaller lr"]),
        ("load_names(123)", lambda: load_names(123), TypeError, ["path must be a str or path, not 123 (int)"]),
        ("load_names(b'emma')", lambda: load_names(b"emma"), TypeError, ["path must be a str or path, not b'emma' (bytes)"]),
        ("parse_names(None)", lambda: parse_names(None), TypeError, ["text must be a str, not None"]),
        # pictures
        ("heatmap_html(3x3)", lambda: heatmap_html(np.zeros((3, 3))), ValueError, ["matrix must have shape (27, 27), not (3, 3)"]),
        ("heatmap_html('P')", lambda: heatmap_html("P"), TypeError, ["matrix must be a torch.Tensor or numpy array", "'P' (str)"]),
        ("heatmap_html(str array)", lambda: heatmap_html(np.full((27, 27), "x")), TypeError,
         ["matrix must be a torch.Tensor or numpy array of real numbers, not array([['x'"]),
        ("heatmap_png(inf)", lambda: heatmap_png(torch.full((27, 27), math.inf)), ValueError,
         ["matrix must hold finite numbers (found inf)"]),
        ("heatmap_png(cell=0)", lambda: heatmap_png(torch.zeros(27, 27), cell=0), ValueError,
         ["cell (pixels a cell) must be between 1 and 64, not 0"]),
        ("heatmap_png(cell=2.5)", lambda: heatmap_png(PROBS, cell=2.5), TypeError,        # issue 27
         ["cell (pixels a cell) must be an int, not 2.5 (float)"]),
        ("heatmap_png(vmax='x')", lambda: heatmap_png(PROBS, vmax="x"), TypeError,         # issue 27
         ["vmax must be a number, not 'x' (str)"]),
        ("heatmap_png(vmax=nan)", lambda: heatmap_png(np.eye(27), vmax=math.nan), ValueError,
         ["vmax must be a finite number > 0, not nan"]),
        ("heatmap_png(vmax=-1)", lambda: heatmap_png(np.eye(27), vmax=-1), ValueError,
         ["vmax must be a finite number > 0, not -1"]),
        ("heatmap_html(decimals=7)", lambda: heatmap_html(np.eye(27), decimals=7), ValueError,
         ["decimals must be between 0 and 6, not 7"]),
        ("heatmap_html(decimals='2')", lambda: heatmap_html(np.eye(27), decimals="2"), TypeError,
         ["decimals must be an int, not '2' (str)"]),
        ("heatmap_html(caption=7)", lambda: heatmap_html(np.eye(27), caption=7), TypeError,
         ["caption must be a str, not 7 (int)"]),
        # widgets made with bad arguments
        ("SmoothingExplorer(steps=[-1])", lambda: SmoothingExplorer(COUNTS, steps=[-1]), ValueError,
         ["smoothing k must be a finite number from 0 to 1e+30, not -1"]),
        ("TrainingExplorer(seed=2**40)", lambda: TrainingExplorer(COUNTS, seed=2**40), ValueError,
         ["seed must be between 0 and 4,294,967,295, not 1,099,511,627,776"]),
    ]


CASES = _cases()


def assert_clear(excinfo, *fragments: str) -> None:
    """The error was raised by makemore_lib (not torch/numpy) and its message holds every fragment."""
    raised_at = Path(excinfo.traceback[-1].path)
    assert LIBRARY in raised_at.parents, f"raised from {raised_at}, outside makemore_lib: {excinfo.value!r}"
    message = str(excinfo.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


@pytest.mark.parametrize("call, error, says", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(call, error, says):
    with pytest.raises(error) as excinfo:
        call()
    assert_clear(excinfo, *says)


def test_the_valid_edges_stay_valid():
    assert len(bigrams("a" * MAX_NAME_LENGTH)) == MAX_NAME_LENGTH + 1
    assert sample_names(PROBS, 0, G()) == []
    assert torch.isfinite(bigram_probs(COUNTS, 0)).all()
    assert torch.allclose(bigram_probs(COUNTS, 1e30), uniform_probs())          # the largest smoothing: uniform
    assert len(train_counts(COUNTS, steps=1, lr=0.0).losses) == 1
    assert top_bigrams(PROBS, 1)[0][1] == pytest.approx(float(PROBS.max()))      # probabilities keep their value


# --- widgets: a typed text's message shows inside the widget and a good value clears it; a setting's bad value is
# refused with an error naming the setting and the value, and the widget keeps its last good state -----------------

TEXT_WIDGETS = {"BigramExplorer.name": (lambda: BigramExplorer(BIGRAM_COUNTS, "emma"), "name", "zoe"),
                "ScoreNameWidget.name": (lambda: ScoreNameWidget(PROBS), "name", "emma"),
                "SmoothingExplorer.word": (lambda: SmoothingExplorer(COUNTS), "word", "ava")}


@pytest.mark.parametrize("label", TEXT_WIDGETS)
@pytest.mark.parametrize("text, says", BAD_TEXT, ids=[repr(t[:12]) for t, _ in BAD_TEXT])
def test_bad_text_in_every_text_widget(label, text, says):
    make, trait, good = TEXT_WIDGETS[label]
    widget = make()
    setattr(widget, trait, text)
    assert says in widget.error, f"{label}: {widget.error!r}"
    shown = widget.snapshot_html()
    assert "mm-error" in shown and html.escape(says) in shown and "<b>x" not in shown
    setattr(widget, trait, good)
    assert widget.error == "", f"{label} kept its error after a good value"


SETTINGS = [
    (lambda: SamplingWidget(COUNTS), "seed", -1, SettingError, "seed must be between 0 and 4,294,967,295, not -1"),
    (lambda: SamplingWidget(COUNTS), "seed", 2**64, SettingError, "not 18,446,744,073,709,551,616"),
    (lambda: SamplingWidget(COUNTS), "seed", "3", SettingTypeError, "seed must be an int, not '3' (str)"),
    (lambda: SamplingWidget(COUNTS), "n", 10**9, SettingError, "n must be between 1 and 30, not 1,000,000,000"),
    (lambda: SamplingWidget(COUNTS), "n", 0, SettingError, "n must be between 1 and 30, not 0"),
    (lambda: SamplingWidget(COUNTS), "n", 2.0, SettingTypeError, "n must be an int, not 2.0 (float)"),
    (lambda: SamplingWidget(COUNTS), "model", "bogus", SettingError, "model must be one of 'uniform', 'counts', "
                                                                     "'smoothed counts', not 'bogus'"),
    (lambda: SamplingWidget(COUNTS), "draws", -1, SettingError, "draws must be between 0 and 3,332, not -1"),
    (lambda: SamplingWidget(COUNTS, n=30), "draws", 3333, SettingError,              # issue 27: draws, as set
     "draws must be between 0 and 3,332, not 3,333"),
    (lambda: SmoothingExplorer(COUNTS), "k", -1.0, SettingError, "smoothing k must be a finite number >= 0, not -1.0"),
    (lambda: SmoothingExplorer(COUNTS), "k", math.nan, SettingError, "smoothing k must be a finite number >= 0, not nan"),
    (lambda: SmoothingExplorer(COUNTS), "k", math.inf, SettingError, "smoothing k must be a finite number >= 0, not inf"),
    (lambda: SmoothingExplorer(COUNTS), "k", 1e300, SettingError, "smoothing k must be at most 10000 (the largest the "
                                                                  "widget offers), not 1e+300"),
    (lambda: SmoothingExplorer(COUNTS), "k", "1", SettingTypeError, "smoothing k must be a number, not '1' (str)"),
    (lambda: SmoothingExplorer(COUNTS), "seed", -5, SettingError, "seed must be between 0 and 4,294,967,295, not -5"),
    (lambda: TrainingExplorer(COUNTS), "lr", -1.0, SettingError, "learning rate lr must be a finite number >= 0, not -1.0"),
    (lambda: TrainingExplorer(COUNTS), "lr", math.nan, SettingError, "learning rate lr must be a finite number >= 0, not nan"),
    (lambda: TrainingExplorer(COUNTS), "lr", 1e30, SettingError, "learning rate lr must be at most 500 (the largest the "
                                                                 "widget offers), not 1e+30"),
    (lambda: TrainingExplorer(COUNTS), "l2", math.inf, SettingError, "L2 strength l2 must be a finite number >= 0, not inf"),
    (lambda: TrainingExplorer(COUNTS), "steps", 0, SettingError, "steps must be between 1 and 500, not 0"),
    (lambda: TrainingExplorer(COUNTS), "steps", -5, SettingError, "steps must be between 1 and 500, not -5"),
    (lambda: RegularizationExplorer(COUNTS), "l2", -0.5, SettingError, "L2 strength l2 must be a finite number >= 0, not -0.5"),
    (lambda: RegularizationExplorer(COUNTS), "steps", 10**9, SettingError, "steps must be between 1 and 500, not 1,000,000,000"),
    (lambda: WordListWidget(), "words", None, SettingTypeError, "words must be a str, not None"),
    (lambda: TrainingExplorer(COUNTS), "counts", [], SettingError, "counts is fixed when the widget is made: make a "
                                                                   "new widget instead"),
    (lambda: WordListWidget(), "k", 11.0, SettingError, "smoothing k must be at most 10 (the largest the widget offers), "
                                                        "not 11"),
]


@pytest.mark.parametrize("make, trait, bad, error, says", SETTINGS + [
    (lambda: SmoothingExplorer(COUNTS), "bigram", 7, SettingTypeError, "bigram must be a str, not 7 (int)")],
    ids=lambda v: repr(v)[:20] if isinstance(v, (str, int, float)) else "")
def test_bad_settings_in_every_widget(make, trait, bad, error, says):
    widget = make()
    before = {name: getattr(widget, name) for name in widget.outputs}
    with pytest.raises(error) as excinfo:
        setattr(widget, trait, bad)
    assert_clear(excinfo, says)
    after = {name: getattr(widget, name) for name in widget.outputs}
    assert widget.error == "" and repr(after) == repr(before), "a refused value changed the widget"
