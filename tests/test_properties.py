"""Property tests over each public function's whole domain, extremes included (issue 16).

For every input hypothesis draws, a function either gives the documented result (checked against an exact or
plain reference) or raises a ValueError/TypeError from makemore_lib whose message names the argument: never a
crash from inside torch or numpy, an OverflowError, NaN, or a silently wrong number.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import makemore_lib
from makemore_lib import (bigram_pairs, bigram_probs, bigrams, count_bigrams, forward, name_nll,
                          net_probs, split_names, top_bigrams, train_counts)
from makemore_lib.vocabulary import MAX_NAME_LENGTH, check_name, check_names
from makemore_lib.ngrams import count_ngrams
from makemore_lib.plots import heatmap_html
from makemore_lib.regularization import closest_smoothing, kl_divergence

LIBRARY = Path(makemore_lib.__file__).parent
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Text that looks like names: mostly letters, with the characters a names list really meets.
name_like = st.text(alphabet=st.sampled_from(LETTERS + LETTERS.upper() + " \t\n\r.-'0é\u00a0\u200b"),
                    min_size=0, max_size=12)
any_text = st.one_of(name_like, st.text(max_size=12))
# Every kind of real number: ordinary, tiny, subnormal, huge, and Python ints beyond a float.
any_number = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**400, 10**400),
                       st.sampled_from([0, 0.0, 5e-324, 1e-300, 1e300, 1.7e308, 10**308, 10**309, -0.0]))
valid_k = st.one_of(st.floats(min_value=0, max_value=1e30), st.integers(0, 10**30),
                    st.sampled_from([0.0, 5e-324, 1e-300, 1e30]))


def raised_by_library(excinfo: pytest.ExceptionInfo, *fragments: str) -> None:
    assert LIBRARY in Path(excinfo.traceback[-1].path).parents, f"raised outside makemore_lib: {excinfo.value!r}"
    for fragment in fragments:
        assert fragment in str(excinfo.value), f"{fragment!r} not in {str(excinfo.value)!r}"


def one_row_counts(values: list[float], row: int, dtype: torch.dtype) -> torch.Tensor:
    counts = torch.zeros(27, 27, dtype=dtype)
    counts[row] = torch.tensor(values, dtype=dtype)
    return counts


row_values = st.lists(st.one_of(st.just(0.0), st.floats(min_value=0, max_value=1e30),
                                st.sampled_from([5e-324, 1.0, 1e30])), min_size=27, max_size=27)


# --- names ----------------------------------------------------------------------------------------------------------

@FAST
@given(any_text)
def test_a_name_is_accepted_exactly_when_it_is_1_to_100_letters(text):
    valid = 0 < len(text) <= MAX_NAME_LENGTH and all(ch in LETTERS for ch in text)
    for fn in (check_name, bigrams, lambda s: name_nll(s, bigram_probs(torch.ones(27, 27)))):
        if valid:
            fn(text)
        else:
            with pytest.raises(ValueError) as excinfo:
                fn(text)
            raised_by_library(excinfo, "name")


@FAST
@given(st.lists(name_like, min_size=1, max_size=6))
def test_a_names_list_is_all_valid_or_names_the_bad_one(names):
    bad = [i for i, name in enumerate(names) if not (0 < len(name) <= MAX_NAME_LENGTH and set(name) <= set(LETTERS))]
    for fn in (check_names, count_bigrams, bigram_pairs, lambda ns: count_ngrams(ns, 3)):
        if not bad:
            fn(names)
            continue
        with pytest.raises(ValueError) as excinfo:
            fn(names)
        raised_by_library(excinfo, f"names[{bad[0]}]")


@FAST
@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=8), min_size=1, max_size=6),
       st.sampled_from(["\n", "\r\n", " ", "\t"]))
def test_names_read_with_readlines_are_refused_with_the_fix(names, ending):
    with pytest.raises(ValueError) as excinfo:
        count_bigrams([name + ending for name in names])
    raised_by_library(excinfo, "names[0]", "position")
    if ending.endswith("\n"):
        assert "readlines()" in str(excinfo.value)


# --- numbers: smoothing, learning rates, limits ---------------------------------------------------------------------

# --- the net ----------------------------------------------------------------------------------------------------------

@FAST
@given(st.floats(min_value=0, max_value=80), st.integers(0, 2**32 - 1))
def test_forward_is_softmax_for_the_weights_it_takes(largest, seed):
    W = torch.rand(27, 27, generator=torch.Generator().manual_seed(seed)) * 2 - 1
    W = W * largest / max(float(W.abs().max()), 1e-30)       # every |W| up to the limit, 80
    xs = torch.arange(27)
    probs = forward(W, xs)
    assert torch.isfinite(probs).all()
    assert torch.allclose(probs.double(), torch.softmax(W.double(), 1), atol=1e-6)
    assert torch.allclose(net_probs(W).double(), torch.softmax(W.double(), 1), atol=1e-6)


@settings(max_examples=25, deadline=None)
@given(st.one_of(st.floats(min_value=0, max_value=1e30), st.sampled_from([0.0, 1e3, 1e6, 1e15, 1e30])),
       st.one_of(st.floats(min_value=0, max_value=1e6), st.sampled_from([0.0, 0.01, 10.0, 1e6])),
       st.integers(1, 30))
def test_training_gives_finite_numbers_or_names_the_cause(lr, l2, steps):
    counts = count_bigrams(["emma", "olivia", "ava", "isabella"])
    try:
        run = train_counts(counts, steps=steps, lr=lr, l2=l2)
    except ValueError as err:
        message = str(err)
        try:                                                     # l2 is blamed when the run without it is fine
            train_counts(counts, steps=steps, lr=lr, l2=0.0)
            blame_l2 = l2 > 0
        except ValueError:
            blame_l2 = False
        start = f"training diverged with L2 strength l2 = {l2:g}" if blame_l2 else "training diverged with learning rate"
        assert message.startswith(start) and f"lr = {lr:g}" in message, message
        return
    assert all(math.isfinite(x) for x in run.losses + [run.final_loss])
    assert torch.isfinite(run.W).all()
    net_probs(run.W)                                             # what a reader does next never blames W


# --- tables: top_bigrams, sparse tensors, kl, closest_smoothing -----------------------------------------------------

@FAST
@given(row_values, st.integers(0, 26), st.integers(0, 729))
def test_top_bigrams_keeps_values_and_order(values, row, n):
    counts = one_row_counts(values, row, torch.float64)
    top = top_bigrams(counts, n)
    flat = counts.flatten().tolist()
    assert [v for _, v in top] == sorted(flat, reverse=True)[:n]
    assert all(isinstance(v, float) for _, v in top)
    probs = bigram_probs(counts)
    assert top_bigrams(probs, 1)[0][1] == float(probs.max())        # probabilities are not cut to 0


def smoothed(counts: torch.Tensor, k: float) -> torch.Tensor:
    """(counts + k) with rows normalised in float64, an empty row uniform: bigram_probs without float32."""
    p = counts.double() + k
    totals = p.sum(1, keepdim=True)
    return torch.where(totals > 0, p / totals, 1 / 27)


@FAST
@given(row_values, st.integers(0, 26), st.lists(valid_k, min_size=1, max_size=40))
def test_closest_smoothing_is_the_best_k_of_any_grid(values, row, grid):
    counts = one_row_counts(values, row, torch.float64)
    assume(counts.max() > 0)
    target = bigram_probs(count_bigrams(["emma", "olivia", "ava"]) + 1, 0.0)
    k, kl = closest_smoothing(counts, target, grid)
    rows = counts.sum(1) / counts.sum(1).max()   # the row weights (their scale does not matter): no subnormals
    assume(rows.sum() > 0)
    kls = [kl_divergence(smoothed(counts, float(g)), target, rows) for g in grid]
    assert k in [float(g) for g in grid] and math.isfinite(kl)
    assert kl == pytest.approx(min(kls), rel=1e-9, abs=1e-12)


def test_closest_smoothing_bounds_its_grid():
    counts = count_bigrams(["emma", "ava"])
    probs = bigram_probs(counts, 2.0)
    k, _ = closest_smoothing(counts, probs, np.linspace(0, 4, 1601))           # several blocks of 512 ks
    assert k == 2.0


# --- pictures ---------------------------------------------------------------------------------------------------------

# --- splitting --------------------------------------------------------------------------------------------------------

@FAST
@given(st.lists(st.one_of(st.floats(allow_nan=True), st.integers(-5, 5), st.sampled_from([0.5, 0.25, 10**400])),
                min_size=0, max_size=4))
def test_split_fractions_partition_or_a_clear_error(fractions):
    names = [a + b for a in LETTERS[:10] for b in LETTERS[:10]]
    try:
        ok = bool(fractions) and all(0 < f <= 1 for f in fractions) and abs(math.fsum(fractions) - 1) <= 1e-9
    except OverflowError:
        ok = False
    if ok:
        parts = split_names(names, tuple(fractions))
        assert sorted(sum(parts, [])) == sorted(names) and len(parts) == len(fractions)
    else:
        with pytest.raises(ValueError) as excinfo:
            split_names(names, tuple(fractions))
        raised_by_library(excinfo, "fractions")
