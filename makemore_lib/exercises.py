"""Check yourself: ``check(exercise, answer)`` and ``hint(exercise)`` for every exercise of the book.

An exercise has one or more parts, each asking for one answer: ``2.1`` asks four things, checked one at a time
as ``2.1a``..``2.1d`` or all at once with a tuple. ``check`` compares the reader's value (or function, tried on
several inputs, edge cases included) with the reference computed from the dataset by makemore_lib, and answers
in a sentence or two: right, or what is wrong and a nudge, naming the classic mistakes it recognises.

Every text (titles, hints, what each part asks, its tolerance, its messages) lives in ``exercises.json``, the
one source for Python and for the page: ``export_checks`` hands the number, word and list parts to the page
with their expected answers computed from the dataset at call time. This module holds only the computations:
the dataset's figures, and for each part its reference and the answer each classic mistake gives.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib.resources import files

import numpy as np
import torch
import torch.nn.functional as F

from makemore_lib import (bigram_pairs, bigram_probs, count_bigrams, counts_nll, itos, load_names, name_nll,
                          sample_names, split_names, stoi, train_counts, uniform_probs, vocab_size)
from makemore_lib.ngrams import count_ngrams, top_ngrams

SEED = 2147483647
"""The lecture's seed, used by the exercises that sample."""

TEXTS: dict = json.loads(files("makemore_lib").joinpath("exercises.json").read_text(encoding="utf-8"))
EXERCISES: dict[str, dict] = TEXTS["exercises"]
PARTS: dict[str, dict] = {pid: part for ex in EXERCISES.values() for pid, part in ex["parts"].items()}
"""Every part of every exercise by its id ("2.1a"; a one-part exercise's part has the exercise's own id)."""
EXPORTED = ("number", "word", "list")     # the kinds of part the page checks too


# --- the dataset's figures, each computed once, when first asked for ---------------------------------------------

def _mean_per_name(d: _Data) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each different name's average NLL per bigram and its total, as solution 3.3 computes them (float32)."""
    xs, ys = bigram_pairs(d.unique)
    nll = -d.P.log()[xs, ys].numpy()
    sizes = np.array([len(w) + 1 for w in d.unique])
    totals = np.add.reduceat(nll, np.concatenate(([0], np.cumsum(sizes)[:-1])))
    return totals / sizes, totals, d.unique


def _unigram_loss(N1: torch.Tensor, end: bool = True) -> float:
    if end:
        return counts_nll(N1, bigram_probs(N1))
    letters = N1[0, 1:].double()          # the end token left out: 26 letters, scored on letters only
    return float(-(letters * (letters / letters.sum()).log()).sum() / letters.sum())


def _split_loss(d: _Data, n: int, part: int, fit: str = "train", k: float = 1.0) -> float:
    fit_names = d.names if fit == "all" else d.split[0]
    return counts_nll(count_ngrams(d.split[part], n), bigram_probs(count_ngrams(fit_names, n), k))


FIGURES: dict[str, Callable[[_Data], object]] = {
    "known": lambda d: set(d.names),
    "unique": lambda d: sorted(d.known),
    "times": lambda d: Counter(d.names),
    "twice": lambda d: sum(1 for c in d.times.values() if c > 1),
    "N": lambda d: count_bigrams(d.names),
    "NU": lambda d: count_bigrams(d.unique),                  # each different name once: a classic mistake
    "P": lambda d: bigram_probs(d.N),
    "P_keepdim": lambda d: d.N / d.N.sum(1),                  # the keepdim bug itself
    "P1": lambda d: bigram_probs(d.N, 1.0),
    "P1_keepdim": lambda d: (d.N + 1) / (d.N + 1).sum(1),     # the bug, with k = 1
    "loss": lambda d: counts_nll(d.N, d.P),
    "loss_uniform": lambda d: counts_nll(d.N, uniform_probs()),
    "T": lambda d: count_ngrams(d.names, 3),
    "T_noend": lambda d: torch.cat([torch.zeros_like(d.T[:, :1]), d.T[:, 1:]], 1),   # no trigram ends in '.'
    "TU": lambda d: count_ngrams(d.unique, 3),
    "loss3": lambda d: counts_nll(d.T, bigram_probs(d.T)),
    "split": lambda d: split_names(d.names, (0.8, 0.1, 0.1), seed=42),
    "T_train": lambda d: count_ngrams(d.split[0], 3),
    "T_dev": lambda d: count_ngrams(d.split[1], 3),
    "samples": lambda d: [sample_names(p, 1000, torch.Generator().manual_seed(SEED)) for p in (d.P, uniform_probs())],
    "per_name": _mean_per_name,
    "andrejq": lambda d: (ks := np.logspace(-3, 3, 25), [name_nll("andrejq", bigram_probs(d.N, float(k))) for k in ks]),
    "lr_runs": lambda d: {lr: train_counts(d.N, steps=100, lr=lr, l2=0) for lr in (1, 10, 50, 100, 1000)},
    "run50_l2": lambda d: train_counts(d.N, steps=100, lr=50, l2=0.01),
    "net3": lambda d: train_counts(d.T, steps=200, lr=100, l2=0),
    "net3_l2": lambda d: train_counts(d.T, steps=200, lr=100, l2=0.01),
    "dev_curve": lambda d: (ks := np.logspace(-3, 2, 41), [counts_nll(d.T_dev, bigram_probs(d.T_train, float(k)))
                            for k in ks], [counts_nll(d.T_train, bigram_probs(d.T_train, float(k))) for k in ks]),
}


class _Data:
    """The names, and their FIGURES as attributes, each computed once, when first asked for."""

    def __init__(self, names: list[str]):
        self.names = names

    def __getattr__(self, key: str) -> object:
        if key not in FIGURES:
            raise AttributeError(key)
        setattr(self, key, FIGURES[key](self))
        return self.__dict__[key]


@lru_cache(maxsize=4)
def _data(names: tuple[str, ...]) -> _Data:
    return _Data(list(names))


def _after_q(N: torch.Tensor) -> dict[str, int]:
    return {itos[j]: int(N[stoi["q"], j]) for j in range(vocab_size) if N[stoi["q"], j] > 0}


def _argbest(values: list, ks: np.ndarray) -> float:
    return float(ks[int(np.argmin(values))])


# --- each part: its reference, and the answer of each classic mistake it recognises ------------------------------
# A mistake's answer is a value, ("above", x) for any answer beyond x (a sum instead of a mean, an infinite loss),
# or ("any", [values]). Function parts are in FUNCTIONS below. Names are those of the messages in exercises.json.

TABLE: dict[str, tuple[Callable[[_Data], object], dict[str, Callable[[_Data], object]]]] = {
    "1.1a": (lambda d: _after_q(d.N), {
        "end_token": lambda d: {ch: n for ch, n in _after_q(d.N).items() if ch != "."},
        "unique_names": lambda d: _after_q(d.NU),
        "before_q": lambda d: {itos[i]: int(n) for i, n in enumerate(d.N[:, stoi["q"]]) if n > 0}}),
    "1.1b": (lambda d: 100 * int(d.N[stoi["q"], stoi["u"]]) / int(d.N[stoi["q"]].sum()), {
        "end_token": lambda d: 100 * int(d.N[stoi["q"], stoi["u"]]) / int(d.N[stoi["q"], 1:].sum())}),
    "1.2a": (lambda d: int((d.N > 0).sum()), {
        "end_token": lambda d: int((d.N[:, 1:] > 0).sum()), "start_end": lambda d: int((d.N[1:, 1:] > 0).sum()),
        "with_repeats": lambda d: int(d.N.sum()), "possible": lambda d: d.N.numel()}),
    "1.2b": (lambda d: "..", {
        "rare": lambda d: ("any", [itos[i] + itos[j] for i, j in (d.N == 0).nonzero().tolist() if i or j])}),
    "1.3b": (lambda d: int(d.T.sum()), {
        "end_token": lambda d: int(d.T.sum()) - len(d.names), "unique_names": lambda d: int(d.TU.sum())}),
    "2.1a": (lambda d: itos[int(d.P[0].argmax())], {"keepdim": lambda d: itos[int(d.P_keepdim[0].argmax())]}),
    "2.1b": (lambda d: float(d.P[0].max()), {
        "keepdim": lambda d: ("any", [float(d.P_keepdim[0].max()),                     # at its own argmax
                                      float(d.P_keepdim[0, int(d.P[0].argmax())])]),  # at the right letter
        "count": lambda d: int(d.N[0].max())}),
    "2.1c": (lambda d: itos[int(d.P[stoi["a"]].argmax())], {
        "likeliest_letter": lambda d: itos[int(d.P[stoi["a"], 1:].argmax()) + 1],
        "keepdim": lambda d: itos[int(d.P_keepdim[stoi["a"]].argmax())]}),
    "2.1d": (lambda d: float(d.P[stoi["n"], 0]), {
        "keepdim": lambda d: float(d.P_keepdim[stoi["n"], 0]), "transposed": lambda d: float(d.P[0, stoi["n"]]),
        "count": lambda d: int(d.N[stoi["n"], 0])}),
    "2.2a": (lambda d: sum(w in d.known for w in d.samples[0]) / 10, {
        "unique_samples": lambda d: 100 * len(set(d.samples[0]) & d.known) / len(set(d.samples[0])),
        "uniform": lambda d: sum(w in d.known for w in d.samples[1]) / 10}),
    "2.2b": (lambda d: sum(w in d.known for w in d.samples[1]) / 10, {
        "bigram": lambda d: sum(w in d.known for w in d.samples[0]) / 10}),
    "2.3a": (lambda d: d.T, {
        "end_token": lambda d: d.T_noend, "one_start": lambda d: torch.cat([torch.zeros_like(d.T[:1]), d.T[1:]]),
        "swapped": lambda d: d.T.view(27, 27, 27).transpose(0, 1).reshape(729, 27),
        "unique_names": lambda d: d.TU}),
    "2.3b": (lambda d: [t for t, _ in top_ngrams(d.T, 5)], {}),
    "2.3c": (lambda d: int((d.T > 0).sum()), {
        "end_token": lambda d: int((d.T_noend > 0).sum()), "possible": lambda d: d.T.numel()}),
    "3.1a": (lambda d: math.exp(d.loss), {
        "loss": lambda d: d.loss, "typical": lambda d: math.exp(-d.loss), "base_2": lambda d: 2 ** d.loss,
        "sum_not_mean": lambda d: ("above", 1e6)}),
    "3.1b": (lambda d: math.exp(d.loss_uniform), {
        "loss": lambda d: math.log(vocab_size), "typical": lambda d: 1 / vocab_size}),
    "3.1c": (lambda d: math.exp(-d.loss), {"perplexity": lambda d: math.exp(d.loss)}),
    "3.1d": (lambda d: math.exp(0.1), {"multiplier": lambda d: math.exp(-0.1), "difference": lambda d: 0.1}),
    "3.2": (lambda d: _unigram_loss(count_ngrams(d.names, 1)), {
        "unique_names": lambda d: _unigram_loss(count_ngrams(d.unique, 1)),
        "end_token": lambda d: _unigram_loss(count_ngrams(d.names, 1), end=False),
        "sum_not_mean": lambda d: ("above", 1000.0), "uniform": lambda d: math.log(vocab_size),
        "bigram": lambda d: d.loss}),
    "3.3a": (lambda d: d.twice, {"copies": lambda d: 2 * d.twice, "different": lambda d: len(d.unique)}),
    "3.3b": (lambda d: d.unique[np.argsort(d.per_name[0], kind="stable")[0]], {
        "sum_not_mean": lambda d: d.unique[np.argsort(d.per_name[1], kind="stable")[0]],
        "reversed": lambda d: d.unique[np.argsort(d.per_name[0], kind="stable")[-1]]}),
    "3.3c": (lambda d: d.unique[np.argsort(d.per_name[0], kind="stable")[-1]], {
        "sum_not_mean": lambda d: d.unique[np.argsort(d.per_name[1], kind="stable")[-1]],
        "reversed": lambda d: d.unique[np.argsort(d.per_name[0], kind="stable")[0]]}),
    "4.1a": (lambda d: float(d.P1[stoi["j"], stoi["q"]]), {
        "unsmoothed": lambda d: float(d.P[stoi["j"], stoi["q"]]),
        "rows_not_1": lambda d: 1 / (int(d.N[stoi["j"]].sum()) + 1),
        "keepdim": lambda d: float(d.P1_keepdim[stoi["j"], stoi["q"]])}),
    "4.2a": (lambda d: itos[int((d.P1 * (d.N == 0)).sum(1).argmax())], {
        "unsmoothed": lambda d: itos[int((d.P * (d.N == 0)).sum(1).argmax())]}),
    "4.2b": (lambda d: 100 * float((d.P1 * (d.N == 0)).sum(1).max()), {
        "unsmoothed": lambda d: 100 * float((d.P * (d.N == 0)).sum(1).max()),
        "keepdim": lambda d: 100 * float((d.P1_keepdim * (d.N == 0)).sum(1)[(d.P1 * (d.N == 0)).sum(1).argmax()])}),
    "4.3a": (lambda d: _argbest(d.andrejq[1], d.andrejq[0]), {"unsmoothed": lambda d: 0.0, "lecture": lambda d: 1.0}),
    "4.3b": (lambda d: float(min(d.andrejq[1])), {"lecture": lambda d: name_nll("andrejq", d.P1)}),
    "5.1a": (lambda d: d.lr_runs[50].final_loss, {
        "before_last": lambda d: d.lr_runs[50].losses[-1],
        "with_l2": lambda d: ("any", [d.run50_l2.final_loss, d.run50_l2.losses[-1]]),
        "first": lambda d: d.lr_runs[50].losses[0]}),
    "5.1b": (lambda d: min(d.lr_runs, key=lambda lr: d.lr_runs[lr].final_loss), {
        "overshoot": lambda d: 100, "diverges": lambda d: 1000, "too_small": lambda d: ("any", [1, 10])}),
    "5.2b": (lambda d: int(d.N.sum()) * vocab_size ** 2, {
        "copies": lambda d: int(d.N.sum()) * vocab_size, "one_example": lambda d: vocab_size ** 2}),
    "5.3b": (lambda d: math.log(torch.finfo(torch.float32).max), {
        "float64": lambda d: math.log(torch.finfo(torch.float64).max),
        "underflow": lambda d: math.log(torch.tensor(1, dtype=torch.int32).view(torch.float32).item())}),
    "6.1a": (lambda d: d.loss3, {
        "bigram": lambda d: d.loss, "unique_names": lambda d: counts_nll(d.TU, bigram_probs(d.TU)),
        "end_token": lambda d: counts_nll(d.T_noend, bigram_probs(d.T_noend)),
        "smoothed": lambda d: counts_nll(d.T, bigram_probs(d.T, 1.0)), "sum_not_mean": lambda d: ("above", 1000.0)}),
    "6.1b": (lambda d: int((d.T > 0).sum()), {
        "end_token": lambda d: int((d.T_noend > 0).sum()), "possible": lambda d: d.T.numel()}),
    "6.1c": (lambda d: d.net3.final_loss, {
        "before_last": lambda d: d.net3.losses[-1], "counting": lambda d: d.loss3,
        "with_l2": lambda d: ("any", [d.net3_l2.final_loss, d.net3_l2.losses[-1]])}),
    "6.2a": (lambda d: _split_loss(d, 2, 1), {
        "all_names": lambda d: _split_loss(d, 2, 1, fit="all"), "train": lambda d: _split_loss(d, 2, 0),
        "unsmoothed": lambda d: ("above", 1e6)}),
    "6.2b": (lambda d: _split_loss(d, 3, 1), {
        "all_names": lambda d: _split_loss(d, 3, 1, fit="all"), "train": lambda d: _split_loss(d, 3, 0),
        "test": lambda d: _split_loss(d, 3, 2), "unsmoothed": lambda d: ("above", 1e6)}),
    "6.2c": (lambda d: int(((d.T_dev > 0) & (d.T_train == 0)).sum()), {
        "occurrences": lambda d: int(d.T_dev[(d.T_dev > 0) & (d.T_train == 0)].sum())}),
    "6.3a": (lambda d: _argbest(d.dev_curve[1], d.dev_curve[0]), {
        "training": lambda d: _argbest(d.dev_curve[2], d.dev_curve[0]), "lecture": lambda d: 1.0}),
    "6.3b": (lambda d: counts_nll(count_ngrams(d.split[2], 3), bigram_probs(d.T_train, TABLE["6.3a"][0](d))), {
        "lecture": lambda d: counts_nll(count_ngrams(d.split[2], 3), bigram_probs(d.T_train, 1.0)),
        "dev": lambda d: float(min(d.dev_curve[1]))}),
}

# Figures of the dataset that messages quote ({name} in a message).
FACTS: dict[str, Callable[[_Data], object]] = {
    "q_total": lambda d: f"{int(d.N[stoi['q']].sum()):,}", "q_u": lambda d: f"{int(d.N[stoi['q'], stoi['u']]):,}",
    "q_end": lambda d: f"{int(d.N[stoi['q'], 0]):,}", "n_names": lambda d: f"{len(d.names):,}",
    "n_unique": lambda d: f"{len(d.unique):,}", "n_twice": lambda d: f"{d.twice:,}",
    "n_missing": lambda d: f"{int((d.N == 0).sum()):,}", "n_rare": lambda d: f"{int((d.N == 0).sum()) - 1:,}",
    "n_trigrams": lambda d: f"{int(d.T.sum()):,}", "first": lambda d: itos[int(d.P[0].argmax())],
    "bigram_real": lambda d: f"{TABLE['2.2a'][0](d):.1f}",
    "trigram_fill": lambda d: f"{100 * float((d.T > 0).sum()) / d.T.numel():.0f}",
    "perplexity_int": lambda d: f"{math.exp(d.loss):.0f}", "loss_uniform": lambda d: f"{d.loss_uniform:.4f}",
    "loss_bigram": lambda d: f"{d.loss:.4f}", "loss_trigram": lambda d: f"{d.loss3:.4f}",
    "max_times": lambda d: f"{max(d.times.values())}",
    "loss_lr100": lambda d: f"{d.lr_runs[100].final_loss:.4f}", "loss_lr1000": lambda d: f"{d.lr_runs[1000].final_loss:.4f}",
}


# --- the parts whose answer is a function: tried on several inputs, edge cases included ---------------------------

def _near(got: object, want: float, rel: float = 1e-6, abs_tol: float = 1e-12) -> bool:
    return math.isclose(float(got), want, rel_tol=rel, abs_tol=abs_tol)


def _same_tensor(got: object, want: torch.Tensor) -> bool:
    return isinstance(got, torch.Tensor) and got.shape == want.shape and torch.allclose(
        got.detach().float(), want, atol=1e-5)


def _logits_right(got: object, want: torch.Tensor, W: torch.Tensor, xs: torch.Tensor) -> bool:
    """The right logits, and the gradient of W the one-hot product gives."""
    if not (_same_tensor(got, want) and got.requires_grad):
        return False
    weights = torch.linspace(-1, 1, want.numel()).view_as(want)
    (got * weights).sum().backward()
    return W.grad is not None and torch.allclose(W.grad, F.one_hot(xs, vocab_size).float().T @ weights, atol=1e-5)


def _trigrams(name: str) -> list[str]:
    chs = ".." + name + "."
    return [chs[i:i + 3] for i in range(len(chs) - 2)]


def _logits_cases(d: _Data) -> list[tuple[str, tuple]]:
    W = torch.randn((vocab_size, vocab_size), generator=torch.Generator().manual_seed(SEED))
    return [(f"xs={xs.tolist()}" if len(xs) < 10 else "xs=torch.arange(27)", (W.clone().requires_grad_(), xs))
            for xs in (torch.tensor([0, 5, 13, 13, 1]), torch.arange(vocab_size), torch.tensor([26]))]


def _nll_cases(d: _Data) -> list[tuple[str, tuple]]:
    logits = [3 * torch.randn((5, vocab_size), generator=torch.Generator().manual_seed(SEED)),
              torch.tensor([[100.0, 0.0, -5.0]]), torch.tensor([[-200.0, -300.0, -210.0]]),
              torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0], [0.0, -1.0, 2.0]])]
    ys = [torch.tensor([0, 5, 13, 13, 1]), torch.tensor([0]), torch.tensor([0]), torch.tensor([2, 0, 1])]
    return [(f"logits {z.tolist()}" if z.numel() <= 9 else "random logits (5 x 27)", (z, y)) for z, y in zip(logits, ys)]


# Each function part: its cases (shown, arguments), the reference, whether an output is right, the classic mistakes
# as tests of a wrong output (in order), and the mistake an error message points to, if any.
FUNCTIONS: dict[str, tuple] = {
    "1.3a": (lambda d: [(repr(w), (w,)) for w in ("emma", "", "a", "ab", "isabella", "zz")], _trigrams,
             lambda got, want, name: isinstance(got, (list, tuple)) and list(got) == want,
             {"not_strings": lambda got, want, name: any(not isinstance(t, str) for t in got),
              "end_token": lambda got, want, name: list(got) == want[:-1],
              "one_start": lambda got, want, name: list(got) == want[1:]}, lambda error, *args: None),
    "4.1b": (lambda d: [(f"{t}, {k}", (t, k)) for n in [int(d.N[stoi["j"]].sum())]
                        for t, k in ((n, 1), (n, 10), (0, 1), (100, 0), (7, 0.5))],
             lambda t, k: k / (t + 27 * k), lambda got, want, t, k: _near(got, want),
             {"rows_not_1": lambda got, want, t, k: _near(got, k / (t + k)),
              "ignores_k": lambda got, want, t, k: _near(got, 1 / (t + 27))}, lambda error, *args: None),
    "5.2a": (_logits_cases, lambda W, xs: F.one_hot(xs, vocab_size).float() @ W.detach(), _logits_right,
             {"no_grad": lambda got, want, W, xs: _same_tensor(got, want),
              "columns": lambda got, want, W, xs: _same_tensor(got, W.detach()[:, xs]) or _same_tensor(got, W.detach().T[xs]),
              "probabilities": lambda got, want, W, xs: _same_tensor(got, torch.softmax(want, 1))},
             lambda error, W, xs: "num_classes" if int(xs.max()) < vocab_size - 1 and re.search("shape|size", error) else None),
    "5.3a": (_nll_cases, lambda z, y: F.cross_entropy(z, y).item(),
             lambda got, want, z, y: _near(got, want, 1e-4, 1e-5),
             {"unstable": lambda got, want, z, y: not math.isfinite(float(got)),
              "sum_not_mean": lambda got, want, z, y: _near(got, F.cross_entropy(z, y, reduction="sum").item(), 1e-4),
              "sign": lambda got, want, z, y: _near(got, -want, 1e-4),
              "keepdim": lambda got, want, z, y: z.shape[0] == z.shape[1]},   # square: where the broadcast goes unnoticed
             lambda error, z, y: "keepdim" if re.search("size of tensor|must match|broadcast", error) else None),
}


def _holds(test: Callable, *args: object) -> bool:
    try:
        return bool(test(*args))
    except Exception:           # a test of the reader's output that cannot even be made: not that mistake
        return False


def _check_function(pid: str, fn: object, d: _Data) -> tuple[str | None, dict]:
    cases, reference, right, mistakes, on_error = FUNCTIONS[pid]
    shown = []
    for text, args in cases(d):
        want = reference(*args)
        values = {"input": text, "want": _brief(want)}
        try:
            got = fn(*args)
        except Exception as err:    # the reader's code: any error is an answer to report
            error = f"{type(err).__name__}: {err}"
            return on_error(error, *args) or "raised", {**values, "error": error}
        if not _holds(right, got, want, *args):
            return next((m for m, test in mistakes.items() if _holds(test, got, want, *args)), ""), {
                **values, "got": _brief(got)}
        shown.append(text)
    return None, {"inputs": "; ".join(shown)}


# --- the reader's side --------------------------------------------------------------------------------------------

class Result:
    """What ``check`` says: truthy when the answer is right; its text (``str``, and ``repr`` in a notebook) is
    the message. ``mistake`` names the classic mistake recognised, if any.

    >>> r = Result("1.2a", False, "Not that one.", "possible")
    >>> bool(r), r, r.mistake
    (False, Not that one., 'possible')
    """

    def __init__(self, part: str, right: bool, message: str, mistake: str | None = None):
        self.part, self.right, self.message, self.mistake = part, right, message, mistake

    def __bool__(self) -> bool:
        return self.right

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__


class Hint(str):
    """A hint: a string that shows as plain text in a notebook.

    >>> Hint("Look at row 0.")
    Look at row 0.
    """

    def __repr__(self) -> str:
        return str(self)


def _shorten(value: object, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _brief(value: object) -> str:
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        value = value.item()
    return f"{value:.6g}" if isinstance(value, float) else _shorten(value)


def _fill(template: str, d: _Data | None, values: Mapping[str, object]) -> str:
    """Each {name} replaced by values[name], a common text of exercises.json or a dataset figure FACTS[name]."""
    def one(match: re.Match) -> str:
        key = match.group(1)
        if key in values:
            return str(values[key])
        if key in TEXTS["common"]:
            return TEXTS["common"][key]
        return FACTS[key](d) if key in FACTS and d is not None else match.group(0)
    return re.sub(r"\{(\w+)\}", one, template)


def _tolerance(part: dict) -> float:
    if "factor" in part:
        return float(part["factor"])
    return 0.0 if part.get("decimals") is None else 0.5 * 10.0 ** -part["decimals"]


def _tolerance_text(part: dict) -> str:
    decimals, percent = part.get("decimals"), part.get("unit") == "percent"
    if "factor" in part:
        return f"within a factor of {part['factor']:g}"
    if decimals is None:
        return "exactly"
    if decimals == 0:
        return "to the nearest percent" if percent else "to the nearest whole number"
    return f"to {decimals} decimal{'s' if decimals > 1 else ''}" + (", in percent" if percent else "")


def _matches(part: dict, answer: object, value: object) -> bool:
    """Whether an answer is ``value`` (or beyond ("above", x), or one of ("any", values)), within the tolerance."""
    if isinstance(value, tuple) and value[0] == "above":
        return isinstance(answer, float) and answer > value[1]
    if isinstance(value, tuple) and value[0] == "any":
        return any(_matches(part, answer, v) for v in value[1])
    if part["kind"] == "table":
        return torch.equal(answer, value.to(torch.int64))
    if part["kind"] != "number":
        return answer == value
    value = float(value)
    if "factor" in part:
        return answer == value if value <= 0 or answer <= 0 else max(answer / value, value / answer) <= part["factor"]
    tol = _tolerance(part) + 1e-9 * max(1.0, abs(value))
    candidates = [answer, 100 * answer] if part.get("unit") == "percent" else [answer]   # a fraction is fine too
    return any(abs(a - value) <= tol for a in candidates if math.isfinite(a)) or (math.isinf(answer) and answer == value)


def _word(value: object, pid: str, what: str = "a string") -> str:
    if not isinstance(value, str):
        raise TypeError(f"answer for {pid} must be {what} ({PARTS[pid]['asks']}), not {_shorten(value)}")
    return value.strip().strip("'\"").strip().lower()


def _normalise(pid: str, answer: object) -> object:
    """The answer as the part's kind compares it, or a TypeError naming the part, what it asks and the answer."""
    kind, asks, bad = PARTS[pid]["kind"], PARTS[pid]["asks"], _shorten(answer)
    if kind == "number":
        if isinstance(answer, (torch.Tensor, np.ndarray)) and _kinds_of(answer) == {"number"}:
            return float(answer.item())
        if isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(answer, bool):
            return float(answer)
        try:
            return float(answer.strip().rstrip("%").replace(",", ""))
        except (AttributeError, ValueError):
            raise TypeError(f"answer for {pid} must be a number ({asks}), not {bad}") from None
    if kind == "word":
        return _word(answer, pid)
    if kind == "list":
        if isinstance(answer, str) or not isinstance(answer, (list, tuple)):
            raise TypeError(f"answer for {pid} must be a list of strings ({asks}), not {bad}")
        # the output of top_ngrams (pairs of trigram and count) is fine too
        return [_word(a[0] if isinstance(a, (tuple, list)) and a else a, pid, "a list of strings") for a in answer]
    if kind == "counts":
        pairs = list(answer.items()) if isinstance(answer, Mapping) else answer
        if not (isinstance(pairs, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs)):
            raise TypeError(f"answer for {pid} must be a Counter or dict ({asks}), not {bad}")
        return {str(ch): int(n) for ch, n in pairs if n}
    answer = torch.from_numpy(answer) if isinstance(answer, np.ndarray) else answer
    if not isinstance(answer, torch.Tensor):
        raise TypeError(f"answer for {pid} must be a tensor ({asks}), not {bad}")
    return answer.reshape(vocab_size ** 2, vocab_size) if answer.numel() == vocab_size ** 3 else answer


def _difference(kind: str, got: object, want: object) -> dict:
    """Where a table or counts answer first differs from the reference, for the generic message."""
    if kind == "counts":
        char = next(ch for ch in sorted(set(got) | set(want)) if got.get(ch, 0) != want.get(ch, 0))
        return {"char": repr(char), "want": want.get(char, 0), "got": got.get(char, 0)}
    cell = int((got != want).flatten().nonzero()[0])
    row, col = divmod(cell, vocab_size)
    return {"trigram": repr(itos[row // vocab_size] + itos[row % vocab_size] + itos[col]), "row": row, "col": col,
            "got": int(got.flatten()[cell]), "want": int(want.flatten()[cell])}


def _check_value(pid: str, answer: object, d: _Data) -> tuple[str | None, dict]:
    part, (reference, mistakes) = PARTS[pid], TABLE[pid]
    answer, expected = _normalise(pid, answer), reference(d)
    if part["kind"] == "table":
        if answer.shape != expected.shape:
            return "shape", {"shape": tuple(answer.shape)}
        answer = answer.to(torch.int64)
    values = {"answer": _show(part, answer)} if part["kind"] in EXPORTED else {}
    if _matches(part, answer, expected):
        return None, values
    if part["kind"] == "list" and sorted(answer) == sorted(expected):
        return "order", values
    mistake = next((name for name, value in mistakes.items() if _matches(part, answer, value(d))), "")
    if not mistake and part["kind"] in ("counts", "table"):
        values = _difference(part["kind"], answer, expected)
    return mistake, values


def _show(part: dict, value: object) -> str:
    if isinstance(value, float) and value.is_integer() and part.get("decimals") is None and "factor" not in part:
        return f"{int(value):,}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _check_part(pid: str, answer: object, d: _Data) -> Result:
    part = PARTS[pid]
    if pid in FUNCTIONS:
        if not callable(answer):
            raise TypeError(f"answer for {pid} must be a function ({part['asks']}), not {_shorten(answer)}")
        mistake, values = _check_function(pid, answer, d)
    else:
        mistake, values = _check_value(pid, answer, d)
    values["tolerance"] = _tolerance_text(part)
    if mistake is None:
        return Result(pid, True, _fill(part["right"], d, values))
    return Result(pid, False, _fill(part["mistakes"][mistake] if mistake else part["wrong"], d, values),
                  mistake or None)


def _kinds_of(answer: object) -> set[str]:
    """The kinds of part an answer of this type can be meant for."""
    if callable(answer):
        return {"function"}
    if isinstance(answer, (torch.Tensor, np.ndarray)):
        return {"number"} if (answer.size if isinstance(answer, np.ndarray) else answer.numel()) == 1 else {"table"}
    if isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(answer, bool):
        return {"number"}
    return {"counts"} if isinstance(answer, Mapping) else {"word"} if isinstance(answer, str) else \
        {"list", "counts"} if isinstance(answer, list) else set()


def _check_id(exercise: object) -> str:
    if not isinstance(exercise, str):
        raise TypeError(f"exercise must be a string such as '2.1' or '2.1a', not {_shorten(exercise)}")
    key = exercise.strip().lower()
    if key not in EXERCISES and key not in PARTS:
        allowed = ", ".join(f"'{e}'" for e in EXERCISES)
        raise ValueError(f"exercise must be one of {allowed} (or a part such as '2.1a'), not {_shorten(exercise)}")
    return key


def _check_names(names: object) -> _Data:
    if names is None:
        return _data(tuple(load_names()))
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not all(isinstance(w, str) for w in names):
        raise TypeError(f"names must be a list of names (strings), or None for the dataset, not {_shorten(names)}")
    return _data(tuple(names))


def check(exercise: str, answer: object, names: list[str] | None = None) -> Result:
    """Check an answer to an exercise (or one part of it), in a sentence or two: right, or what is wrong.

    ``exercise`` is a part ("2.1a"; a one-part exercise such as "3.2" is its own part) or an exercise: "2.1"
    with a tuple of one answer per part, in order, or with one answer that only one part can take
    (``check("1.3", trigrams)``: the part that asks for a function). Numbers are checked to the decimals the
    message states; words and lists ignore case and surrounding spaces; functions are tried on several inputs,
    edge cases included. The references are computed by makemore_lib from ``names`` (default: the dataset).
    The result is truthy when right, and shows as its message.

    >>> names = ["emma", "ava", "anna"]
    >>> check("1.2a", 11, names=names)
    Right (exactly): of the 718 that never occur, only '..' is impossible; the other 717 are just rare.
    >>> check("1.2a", 10, names=names)    # the bigrams 'a.' forgotten
    The end bigrams ('a.', 'n.'...) are missing: add '.' at the end of each name too.
    >>> check("1.3", lambda name: [".." + name[:1]], names=names)
    Not quite: trigrams('emma') gave ['..e'], the reference gives ['..e', '.em', 'emm', 'mma', 'ma.'].
    >>> bool(check("1.2", (11, " .. "), names=names))
    True
    >>> check("9.1", 1)
    Traceback (most recent call last):
    ...
    ValueError: exercise must be one of '1.1', '1.2', ..., '6.3' (or a part such as '2.1a'), not '9.1'
    """
    key = _check_id(exercise)
    d = _check_names(names)
    if key in PARTS:
        return _check_part(key, answer, d)
    pids = list(EXERCISES[key]["parts"])
    if not (isinstance(answer, (tuple, list)) and len(answer) == len(pids)):
        fitting = [pid for pid in pids if PARTS[pid]["kind"] in _kinds_of(answer)]
        if len(fitting) == 1:            # check("1.3", trigrams): the one part that takes a function
            return _check_part(fitting[0], answer, d)
        asks = "; ".join(f"{pid}: {PARTS[pid]['asks']}" for pid in pids)
        raise TypeError(f"answer for exercise {key} must be a tuple of {len(pids)} answers ({asks}), not "
                        f"{_shorten(answer)}; or check one part, e.g. check('{pids[0]}', ...)")
    results = [_check_part(pid, a, d) for pid, a in zip(pids, answer)]
    wrong = [r for r in results if not r]
    if not wrong:
        return Result(key, True, f"Right, all {len(results)} answers of exercise {key} ({', '.join(pids)}).")
    return Result(key, False, f"{len(results) - len(wrong)} of {len(results)} right. {wrong[0].part}: "
                              f"{wrong[0].message}", wrong[0].mistake)


def hint(exercise: str, n: int = 1) -> Hint:
    """Hint ``n`` (1 or 2) for an exercise or one of its parts; needs no dataset.

    >>> hint("2.1")
    Hint 1 of 2 (exercise 2.1): Row i of P is the distribution of what follows character i; row 0 ...
    >>> hint("2.1c", 3)
    Traceback (most recent call last):
    ...
    ValueError: n must be 1 or 2 (exercise 2.1 has 2 hints), not 3
    """
    key = _check_id(exercise)
    ex_id = key if key in EXERCISES else next(e for e, ex in EXERCISES.items() if key in ex["parts"])
    hints = EXERCISES[ex_id]["hints"]
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(hints):
        allowed = " or ".join(str(i) for i in range(1, len(hints) + 1))
        raise ValueError(f"n must be {allowed} (exercise {ex_id} has {len(hints)} hints), not {_shorten(n)}")
    return Hint(f"Hint {n} of {len(hints)} (exercise {ex_id}): {hints[n - 1]}")


def export_checks(names: list[str] | None = None, parts: list[str] | None = None) -> dict[str, dict]:
    """The number, word and list parts as JSON-able data for the page: {part: {kind, expected, tolerance, ...}}.

    Expected answers and mistaken ones are computed from ``names`` (default: the dataset) at call time.
    ``tolerance`` is absolute, or a factor where ``scale`` is "log"; a "percent" part also takes a fraction.
    Messages are filled in, but for ``{answer}``, which the page replaces with the reader's answer. A mistake
    is ``value``, any answer ``above`` a number, ``any`` of several values, or the right items in another
    order (``same_items``). ``parts`` limits the export to those parts (default: all of them).

    >>> out = export_checks(["emma", "ava", "anna"], parts=["1.2a"])
    >>> out["1.2a"]["expected"], out["1.2a"]["tolerance"], out["1.2a"]["messages"]["mistakes"][0]["value"]
    (11, 0.0, 10)
    """
    d = _check_names(names)
    wanted = [pid for pid, part in PARTS.items() if part["kind"] in EXPORTED]
    for pid in parts or []:
        if pid not in wanted:
            raise ValueError(f"parts must list number, word or list parts ({', '.join(wanted)}), not {_shorten(pid)}")
    out = {}
    for pid in wanted if parts is None else [p for p in wanted if p in parts]:
        part = PARTS[pid]
        values = {"tolerance": _tolerance_text(part)}
        mistakes = [{"name": name, **({value[0]: value[1]} if isinstance(value, tuple) else {"value": value}),
                     "message": _fill(part["mistakes"][name], d, values)}
                    for name, value in ((name, fn(d)) for name, fn in TABLE[pid][1].items())]
        if "order" in part["mistakes"]:
            mistakes.append({"name": "order", "same_items": True, "message": part["mistakes"]["order"]})
        out[pid] = {"exercise": pid if pid in EXERCISES else pid[:-1], "kind": part["kind"], "asks": part["asks"],
                    "expected": TABLE[pid][0](d), "tolerance": _tolerance(part),
                    "scale": "log" if "factor" in part else "linear", "unit": part.get("unit"),
                    "messages": {"right": _fill(part["right"], d, values), "wrong": _fill(part["wrong"], d, values),
                                 "mistakes": mistakes}}
    return out
