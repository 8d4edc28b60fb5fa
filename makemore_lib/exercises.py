"""Check yourself: ``check(exercise, answer)`` and ``hint(exercise)`` for every exercise of the book. Every text
is in ``exercises.json`` (for Python and the page, which gets the number, word and list parts from
``export_checks``); here are the computations: each part's reference and the answer each classic mistake gives.
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
"""Every part by its id ("2.1a"; a one-part exercise's part has the exercise's own id)."""
EXPORTED = ("number", "word", "list")     # the kinds of part the page checks too
Q, U, J, A, N_ = (stoi[c] for c in "qujan")


# --- the dataset's figures, each computed once, when first asked for (messages quote them as {name}) -------------

def _per_name(d: _Data) -> tuple[np.ndarray, np.ndarray]:
    """The different names ranked by average NLL per bigram, and by total NLL, as solution 3.3 computes them."""
    xs, ys = bigram_pairs(d.unique)
    nll = -d.P.log()[xs, ys].numpy()
    sizes = np.array([len(w) + 1 for w in d.unique])
    totals = np.add.reduceat(nll, np.concatenate(([0], np.cumsum(sizes)[:-1])))
    return np.argsort(totals / sizes, kind="stable"), np.argsort(totals, kind="stable")


def _fit_loss(counts: torch.Tensor, k: float = 0.0) -> float:
    """The loss of the counting model on the counts it was fit to."""
    return counts_nll(counts, bigram_probs(counts, k))


def _no_end(counts: torch.Tensor) -> torch.Tensor:
    return torch.cat([torch.zeros_like(counts[:, :1]), counts[:, 1:]], 1)     # the end token forgotten


def _split_loss(d: _Data, n: int, part: int, fit_all: bool = False, k: float = 1.0) -> float:
    fit = count_ngrams(d.names if fit_all else d.split[0], n)
    return counts_nll(count_ngrams(d.split[part], n), bigram_probs(fit, k))


def _sweep(ks: np.ndarray, loss: Callable[[float], float]) -> tuple[float, float]:
    """The k of ``ks`` with the lowest loss(k), and that loss."""
    losses = [loss(float(k)) for k in ks]
    return float(ks[int(np.argmin(losses))]), min(losses)


FIGURES: dict[str, Callable[[_Data], object]] = {
    "known": lambda d: set(d.names), "unique": lambda d: sorted(d.known), "times": lambda d: Counter(d.names),
    "twice": lambda d: sum(1 for c in d.times.values() if c > 1), "max_times": lambda d: max(d.times.values()),
    "n_names": lambda d: len(d.names), "n_unique": lambda d: len(d.unique),
    "N": lambda d: count_bigrams(d.names), "NU": lambda d: count_bigrams(d.unique),   # NU: each name once
    "P": lambda d: bigram_probs(d.N), "P1": lambda d: bigram_probs(d.N, 1.0),
    "P_keepdim": lambda d: d.N / d.N.sum(1), "P1_keepdim": lambda d: (d.N + 1) / (d.N + 1).sum(1),   # the bug
    "q_total": lambda d: int(d.N[Q].sum()), "q_u": lambda d: int(d.N[Q, U]), "q_end": lambda d: int(d.N[Q, 0]),
    "n_bigrams": lambda d: int(d.N.sum()), "n_missing": lambda d: int((d.N == 0).sum()),
    "n_rare": lambda d: d.n_missing - 1, "first": lambda d: itos[int(d.P[0].argmax())],
    "loss": lambda d: counts_nll(d.N, d.P), "loss_uniform": lambda d: counts_nll(d.N, uniform_probs()),
    "perplexity_int": lambda d: round(math.exp(d.loss)),
    "T": lambda d: count_ngrams(d.names, 3), "TU": lambda d: count_ngrams(d.unique, 3),
    "T_noend": lambda d: _no_end(d.T), "N1": lambda d: count_ngrams(d.names, 1),
    "n_trigrams": lambda d: int(d.T.sum()), "trigram_fill": lambda d: round(100 * int((d.T > 0).sum()) / d.T.numel()),
    "loss3": lambda d: _fit_loss(d.T),
    "unseen": lambda d: [(P * (d.N == 0)).sum(1) for P in (d.P, d.P1, d.P1_keepdim)],   # per row, where N is 0
    "samples": lambda d: [sample_names(p, 1000, torch.Generator().manual_seed(SEED)) for p in (d.P, uniform_probs())],
    "real": lambda d: [sum(w in d.known for w in s) / len(s) * 100 for s in d.samples],   # percent, bigram, uniform
    "bigram_real": lambda d: f"{d.real[0]:.1f}",
    "per_name": _per_name,
    "andrejq": lambda d: _sweep(np.logspace(-3, 3, 25), lambda k: name_nll("andrejq", bigram_probs(d.N, k))),
    "lr_runs": lambda d: {lr: train_counts(d.N, steps=100, lr=lr, l2=0) for lr in (1, 10, 50, 100, 1000)},
    "loss_lr100": lambda d: d.lr_runs[100].final_loss, "loss_lr1000": lambda d: d.lr_runs[1000].final_loss,
    "run50_l2": lambda d: train_counts(d.N, steps=100, lr=50, l2=0.01),
    "net3": lambda d: train_counts(d.T, steps=200, lr=100, l2=0),
    "net3_l2": lambda d: train_counts(d.T, steps=200, lr=100, l2=0.01),
    "split": lambda d: split_names(d.names, (0.8, 0.1, 0.1), seed=42),
    "T_train": lambda d: count_ngrams(d.split[0], 3), "T_dev": lambda d: count_ngrams(d.split[1], 3),
    "best_dev": lambda d: _sweep(np.logspace(-3, 2, 41), lambda k: counts_nll(d.T_dev, bigram_probs(d.T_train, k))),
    "best_train": lambda d: _sweep(np.logspace(-3, 2, 41), lambda k: _fit_loss(d.T_train, k)),
}


@lru_cache(maxsize=4)
class _Data:
    """The names, and their FIGURES as attributes, each computed when first asked for."""

    def __init__(self, names: tuple[str, ...]):
        self.names, self.table = list(names), {}

    def answers(self, pid: str) -> tuple[object, dict[str, object]]:
        """TABLE[pid] on these names: the reference, and the answer of each mistake, computed once."""
        return self.table[pid] if pid in self.table else self.table.setdefault(pid, TABLE[pid](self))

    def __getattr__(self, key: str) -> object:
        if key not in FIGURES:
            raise AttributeError(key)
        setattr(self, key, FIGURES[key](self))
        return self.__dict__[key]


def _after(N: torch.Tensor, row: int) -> dict[str, int]:
    return {itos[j]: int(N[row, j]) for j in range(vocab_size) if N[row, j] > 0}


# --- each part: its reference, and the answer each classic mistake gives ------------------------------------------
# A mistake's answer is a value, ("above", x) for any answer beyond x (a sum instead of a mean, an infinite loss),
# or ("any", [values]). Names are those of the messages in exercises.json. Function parts are in FUNCTIONS.

TABLE: dict[str, Callable[[_Data], tuple[object, dict[str, object]]]] = {
    "1.1a": lambda d: (_after(d.N, Q), {"end_token": {ch: n for ch, n in _after(d.N, Q).items() if ch != "."},
                                       "unique_names": _after(d.NU, Q), "before_q": _after(d.N.T, Q)}),
    "1.1b": lambda d: (100 * d.q_u / d.q_total, {"end_token": 100 * d.q_u / int(d.N[Q, 1:].sum())}),
    "1.2a": lambda d: (int((d.N > 0).sum()), {"end_token": int((d.N[:, 1:] > 0).sum()), "possible": d.N.numel(),
                                              "start_end": int((d.N[1:, 1:] > 0).sum()), "with_repeats": d.n_bigrams}),
    "1.2b": lambda d: ("..", {"rare": ("any", [itos[i] + itos[j] for i, j in (d.N == 0).nonzero().tolist()
                                               if i or j])}),
    "1.3b": lambda d: (d.n_trigrams, {"end_token": d.n_trigrams - d.n_names, "unique_names": int(d.TU.sum())}),
    "2.1a": lambda d: (d.first, {"keepdim": itos[int(d.P_keepdim[0].argmax())]}),
    "2.1b": lambda d: (float(d.P[0].max()), {"count": int(d.N[0].max()), "keepdim": (   # at its argmax, or the first
        "any", [float(d.P_keepdim[0].max()), float(d.P_keepdim[0, stoi[d.first]])])}),   # letter's cell
    "2.1c": lambda d: (itos[int(d.P[A].argmax())], {"likeliest_letter": itos[int(d.P[A, 1:].argmax()) + 1],
                                                    "keepdim": itos[int(d.P_keepdim[A].argmax())]}),
    "2.1d": lambda d: (float(d.P[N_, 0]), {"keepdim": float(d.P_keepdim[N_, 0]), "transposed": float(d.P[0, N_]),
                                           "count": int(d.N[N_, 0])}),
    "2.2a": lambda d: (d.real[0], {"uniform": d.real[1], "unique_samples": 100 * len(set(d.samples[0]) & d.known)
                                   / len(set(d.samples[0]))}),
    "2.2b": lambda d: (d.real[1], {"bigram": d.real[0]}),
    "2.3a": lambda d: (d.T, {"end_token": d.T_noend, "one_start": torch.cat([torch.zeros_like(d.T[:1]), d.T[1:]]),
                             "swapped": d.T.view(27, 27, 27).transpose(0, 1).reshape(729, 27), "unique_names": d.TU}),
    "2.3b": lambda d: ([t for t, _ in top_ngrams(d.T, 5)], {}),
    "2.3c": lambda d: (int((d.T > 0).sum()), {"end_token": int((d.T_noend > 0).sum()), "possible": d.T.numel()}),
    "3.1a": lambda d: (math.exp(d.loss), {"loss": d.loss, "typical": math.exp(-d.loss), "base_2": 2 ** d.loss,
                                          "sum_not_mean": ("above", 1e6)}),
    "3.1b": lambda d: (math.exp(d.loss_uniform), {"loss": math.log(27), "typical": 1 / 27}),
    "3.1c": lambda d: (math.exp(-d.loss), {"perplexity": math.exp(d.loss)}),
    "3.1d": lambda d: (math.exp(0.1), {"multiplier": math.exp(-0.1), "difference": 0.1}),
    "3.2": lambda d: (_fit_loss(d.N1), {
        "unique_names": _fit_loss(count_ngrams(d.unique, 1)), "end_token": _fit_loss(_no_end(d.N1)),
        "sum_not_mean": ("above", 1000.0), "uniform": math.log(27), "bigram": d.loss}),
    "3.3a": lambda d: (d.twice, {"copies": 2 * d.twice, "different": d.n_unique}),
    "3.3b": lambda d: (d.unique[d.per_name[0][0]], {"sum_not_mean": d.unique[d.per_name[1][0]],
                                                    "reversed": d.unique[d.per_name[0][-1]]}),
    "3.3c": lambda d: (d.unique[d.per_name[0][-1]], {"sum_not_mean": d.unique[d.per_name[1][-1]],
                                                     "reversed": d.unique[d.per_name[0][0]]}),
    "4.1a": lambda d: (float(d.P1[J, Q]), {"unsmoothed": float(d.P[J, Q]), "rows_not_1": 1 / (int(d.N[J].sum()) + 1),
                                           "keepdim": float(d.P1_keepdim[J, Q])}),
    "4.2a": lambda d: (itos[int(d.unseen[1].argmax())], {"unsmoothed": itos[int(d.unseen[0].argmax())]}),
    "4.2b": lambda d: (100 * float(d.unseen[1].max()), {"unsmoothed": 100 * float(d.unseen[0].max()),
                                                        "keepdim": 100 * float(d.unseen[2][d.unseen[1].argmax()])}),
    "4.3a": lambda d: (d.andrejq[0], {"unsmoothed": 0.0, "lecture": 1.0}),
    "4.3b": lambda d: (d.andrejq[1], {"lecture": name_nll("andrejq", d.P1)}),
    "5.1a": lambda d: (d.lr_runs[50].final_loss, {"before_last": d.lr_runs[50].losses[-1],
                                                  "with_l2": ("any", [d.run50_l2.final_loss, d.run50_l2.losses[-1]]),
                                                  "first": d.lr_runs[50].losses[0]}),
    "5.1b": lambda d: (min(d.lr_runs, key=lambda lr: d.lr_runs[lr].final_loss), {
        "overshoot": 100, "diverges": 1000, "too_small": ("any", [1, 10])}),
    "5.2b": lambda d: (d.n_bigrams * 27 * 27, {"copies": d.n_bigrams * 27, "one_example": 27 * 27}),
    "5.3b": lambda d: (math.log(torch.finfo(torch.float32).max), {
        "float64": math.log(torch.finfo(torch.float64).max),
        "underflow": math.log(torch.tensor(1, dtype=torch.int32).view(torch.float32).item())}),
    "6.1a": lambda d: (d.loss3, {
        "bigram": d.loss, "unique_names": _fit_loss(d.TU), "sum_not_mean": ("above", 1000.0),
        "end_token": _fit_loss(d.T_noend), "smoothed": _fit_loss(d.T, 1.0)}),
    "6.1b": lambda d: (int((d.T > 0).sum()), {"end_token": int((d.T_noend > 0).sum()), "possible": d.T.numel()}),
    "6.1c": lambda d: (d.net3.final_loss, {"before_last": d.net3.losses[-1], "counting": d.loss3,
                                           "with_l2": ("any", [d.net3_l2.final_loss, d.net3_l2.losses[-1]])}),
    "6.2a": lambda d: (_split_loss(d, 2, 1), {"all_names": _split_loss(d, 2, 1, fit_all=True),
                                              "train": _split_loss(d, 2, 0), "unsmoothed": ("above", 1e6)}),
    "6.2b": lambda d: (_split_loss(d, 3, 1), {"all_names": _split_loss(d, 3, 1, fit_all=True), "unsmoothed": (
        "above", 1e6), "train": _split_loss(d, 3, 0), "test": _split_loss(d, 3, 2)}),
    "6.2c": lambda d: (int(((d.T_dev > 0) & (d.T_train == 0)).sum()), {
        "occurrences": int(d.T_dev[(d.T_dev > 0) & (d.T_train == 0)].sum())}),
    "6.3a": lambda d: (d.best_dev[0], {"training": d.best_train[0], "lecture": 1.0}),
    "6.3b": lambda d: (_split_loss(d, 3, 2, k=d.best_dev[0]), {"lecture": _split_loss(d, 3, 2), "dev": d.best_dev[1]}),
}


# --- the parts whose answer is a function, tried on several inputs, edge cases included --------------------------

def _close(got: object, want: float | torch.Tensor, rel: float = 1e-6) -> bool:
    """An output equal to ``want``: a tensor of its shape and values, or a number, up to float rounding."""
    if isinstance(want, torch.Tensor):
        return got.shape == want.shape and torch.allclose(got.detach().float(), want, atol=1e-5)
    return math.isclose(float(got), want, rel_tol=rel, abs_tol=rel / 10)


def _logits_right(got: torch.Tensor, want: torch.Tensor, W: torch.Tensor, xs: torch.Tensor) -> bool:
    """The right logits, and the gradient of W that the one-hot product gives."""
    if not (_close(got, want) and got.requires_grad):
        return False
    weights = torch.linspace(-1, 1, want.numel()).view_as(want)
    (got * weights).sum().backward()
    return W.grad is not None and torch.allclose(W.grad, F.one_hot(xs, 27).float().T @ weights, atol=1e-5)


def _error(got: object, pattern: str) -> bool:
    return isinstance(got, Exception) and re.search(pattern, str(got)) is not None


def _nll_cases(d: _Data) -> list[tuple[str, tuple, float]]:
    cases = [(3 * torch.randn((5, 27), generator=torch.Generator().manual_seed(SEED)), [0, 5, 13, 13, 1]),
             ([[100.0, 0.0, -5.0]], [0]), ([[-200.0, -300.0, -210.0]], [0]),
             ([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0], [0.0, -1.0, 2.0]], [2, 0, 1])]
    return [(f"logits {z}" if isinstance(z, list) else "random logits (5 x 27)", (torch.as_tensor(z), torch.tensor(y)),
             F.cross_entropy(torch.as_tensor(z), torch.tensor(y)).item()) for z, y in cases]


# Each function part: its cases (the input as shown, the arguments, the reference's output), then whether an output
# is right (""), then its classic mistakes as tests of a wrong output (an exception if the function raised), in
# order; a wrong output no test names is just wrong, or "raised".
FUNCTIONS: dict[str, tuple[Callable[[_Data], list], dict[str, Callable[..., bool]]]] = {
    "1.3a": (lambda d: [(repr(w), (w,), [f"..{w}."[i:i + 3] for i in range(len(w) + 1)])
                        for w in ("emma", "", "a", "ab", "isabella", "zz")], {
        "": lambda got, want, name: isinstance(got, (list, tuple)) and list(got) == want,
        "not_strings": lambda got, want, name: any(not isinstance(t, str) for t in got),
        "end_token": lambda got, want, name: list(got) == want[:-1],
        "one_start": lambda got, want, name: list(got) == want[1:]}),
    "4.1b": (lambda d: [(f"{t}, {k}", (t, k), k / (t + 27 * k)) for n in [int(d.N[J].sum())]
                        for t, k in ((n, 1), (n, 10), (0, 1), (100, 0), (7, 0.5))], {
        "": lambda got, want, t, k: _close(got, want),
        "rows_not_1": lambda got, want, t, k: _close(got, k / (t + k)),
        "ignores_k": lambda got, want, t, k: _close(got, 1 / (t + 27))}),
    "5.2a": (lambda d: [(f"xs={xs.tolist()}" if len(xs) < 10 else "xs=torch.arange(27)",
                         (W.clone().requires_grad_(), xs), F.one_hot(xs, 27).float() @ W)
                        for W in [torch.randn((27, 27), generator=torch.Generator().manual_seed(SEED))]
                        for xs in (torch.tensor([0, 5, 13, 13, 1]), torch.arange(27), torch.tensor([26]))], {
        "": _logits_right,
        "num_classes": lambda got, want, W, xs: _error(got, "shape|size") and int(xs.max()) < 26,
        "no_grad": lambda got, want, W, xs: _close(got, want),
        "columns": lambda got, want, W, xs: _close(got, W.detach()[:, xs]) or _close(got, W.detach().T[xs]),
        "probabilities": lambda got, want, W, xs: _close(got, torch.softmax(want, 1))}),
    "5.3a": (_nll_cases, {
        "": lambda got, want, z, y: _close(got, want, 1e-4),
        "unstable": lambda got, want, z, y: not math.isfinite(float(got)),
        "sum_not_mean": lambda got, want, z, y: _close(got, F.cross_entropy(z, y, reduction="sum").item(), 1e-4),
        "sign": lambda got, want, z, y: _close(got, -want, 1e-4),
        "keepdim": lambda got, want, z, y: _error(got, "size of tensor|must match|broadcast")
        or not isinstance(got, Exception) and z.shape[0] == z.shape[1]}),   # square: the broadcast goes unnoticed
}


def _holds(test: Callable[..., bool], *args: object) -> bool:
    try:
        return bool(test(*args))
    except Exception:           # a test that cannot even be made on this output: not that mistake
        return False


def _check_function(pid: str, fn: Callable, d: _Data) -> tuple[str | None, dict]:
    (cases, tests), shown = FUNCTIONS[pid], []
    for text, args, want in cases(d):
        try:
            got = fn(*args)
        except Exception as err:    # the reader's code: any error is an answer to report
            got = err
        if not _holds(tests[""], got, want, *args):
            mistake = next((m for m, test in tests.items() if m and _holds(test, got, want, *args)), "")
            error = f"{type(got).__name__}: {got}" if isinstance(got, Exception) else None
            return mistake or ("raised" if error else ""), {"input": text, "want": _brief(want),
                                                             "got": _brief(got), "error": error}
        shown.append(text)
    return None, {"inputs": "; ".join(shown)}


# --- the reader's side --------------------------------------------------------------------------------------------

class Result(str):
    """What ``check`` or ``hint`` says: a string, shown as plain text in a notebook, truthy when the answer is
    right. ``part`` is the part checked; ``mistake`` names the classic mistake recognised, if any.

    >>> r = Result("Not that one.", False, "1.2a", "possible")
    >>> bool(r), r, r.mistake
    (False, Not that one., 'possible')
    """

    def __new__(cls, message: str, right: bool = True, part: str | None = None, mistake: str | None = None):
        self = super().__new__(cls, message)
        self.right, self.part, self.mistake = right, part, mistake
        return self

    def __bool__(self) -> bool:
        return self.right

    def __repr__(self) -> str:
        return str(self)


def _brief(value: object, width: int = 60) -> str:
    """A value as a message shows it: a float to 6 significant digits, anything else as repr, shortened."""
    value = value.item() if isinstance(value, torch.Tensor) and value.numel() == 1 else value
    text = f"{value:.6g}" if isinstance(value, float) else repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _fill(template: str, d: _Data, values: Mapping[str, object]) -> str:
    """Each {name} replaced by values[name], a common text of exercises.json, or the dataset's figure."""
    def one(match: re.Match) -> str:
        key = match.group(1)
        value = values[key] if key in values else TEXTS["common"].get(key) or getattr(d, key)
        return f"{value:,}" if isinstance(value, int) else f"{value:.4f}" if isinstance(value, float) else str(value)
    return re.sub(r"\{(\w+)\}", one, template)


def _tolerance(part: dict) -> tuple[float, str]:
    """How close a number must be (absolute, or a factor), and the words a message states it in."""
    decimals, percent = part.get("decimals"), part.get("unit") == "percent"
    if "factor" in part:
        return float(part["factor"]), f"within a factor of {part['factor']:g}"
    if decimals is None or decimals == 0:
        return (0.0, "exactly") if decimals is None else (
            0.5, "to the nearest percent" if percent else "to the nearest whole number")
    return 0.5 * 10.0 ** -decimals, f"to {decimals} decimal{'s' * (decimals > 1)}" + ", in percent" * percent


def _matches(part: dict, answer: object, value: object) -> bool:
    """Whether an answer is ``value`` (beyond ("above", x), one of ("any", values)), within the tolerance."""
    if isinstance(value, tuple):
        return answer > value[1] if value[0] == "above" else any(_matches(part, answer, v) for v in value[1])
    if part["kind"] == "table":
        return torch.equal(answer, value.to(torch.int64))
    if part["kind"] != "number":
        return answer == value
    value = float(value)
    if "factor" in part:
        return answer == value if min(answer, value) <= 0 else max(answer / value, value / answer) <= part["factor"]
    tol = _tolerance(part)[0] + 1e-9 * max(1.0, abs(value))
    candidates = [answer, 100 * answer] if part.get("unit") == "percent" else [answer]   # a fraction is fine too
    return answer == value or any(abs(a - value) <= tol for a in candidates)


def _need(ok: bool, answer: object) -> object:
    if not ok:
        raise TypeError
    return answer


def _number(answer: object) -> float:
    answer = answer.strip().rstrip("%").replace(",", "") if isinstance(answer, str) else answer
    return float(_need(not isinstance(answer, (bool, list, tuple)), answer.item() if isinstance(
        answer, (torch.Tensor, np.ndarray, np.generic)) else answer))


def _table(answer: object) -> torch.Tensor:
    table = torch.from_numpy(answer) if isinstance(answer, np.ndarray) else answer
    _need(isinstance(table, torch.Tensor) and table.numel() > 1, table)
    return table.reshape(729, 27) if table.numel() == 27 ** 3 else table


def _word(answer: object) -> str:
    return _need(isinstance(answer, str), answer).strip().strip("'\"").strip().lower()


# Each kind of part: what its answer must be, and the answer as the checks compare it (or an error).
KINDS: dict[str, tuple[str, Callable[[object], object]]] = {
    "number": ("a number", _number), "word": ("a string", _word), "table": ("a tensor", _table),
    "function": ("a function", lambda a: _need(callable(a), a)),
    "list": ("a list of strings", lambda a: [_word(x[0] if isinstance(x, (list, tuple)) else x)   # or top_ngrams
                                             for x in _need(isinstance(a, (list, tuple)), a)]),
    "counts": ("a Counter or dict", lambda a: {str(ch): int(n) for ch, n in (
        a.items() if isinstance(a, Mapping) else a) if n}),                                  # or most_common()
}


def _normalise(pid: str, answer: object) -> object:
    """The answer as the part's kind compares it; else a TypeError naming the part, what it asks and the answer."""
    what, normalise = KINDS[PARTS[pid]["kind"]]
    try:
        return normalise(answer)
    except (TypeError, ValueError, RuntimeError, AttributeError, IndexError):
        raise TypeError(f"answer for {pid} must be {what} ({PARTS[pid]['asks']}), not {_brief(answer)}") from None


def _difference(kind: str, got: object, want: object) -> dict:
    """Where a counts or table answer first differs from the reference, for the generic message."""
    if kind == "counts":
        char = next(ch for ch in sorted(set(got) | set(want)) if got.get(ch, 0) != want.get(ch, 0))
        return {"char": repr(char), "want": want.get(char, 0), "got": got.get(char, 0)}
    cell = int((got != want).flatten().nonzero()[0])
    row, col = divmod(cell, 27)
    return {"trigram": repr(itos[row // 27] + itos[row % 27] + itos[col]), "row": row, "col": col,
            "got": int(got.flatten()[cell]), "want": int(want.flatten()[cell])}


def _check_value(pid: str, answer: object, d: _Data) -> tuple[str | None, dict]:
    part, (expected, mistakes) = PARTS[pid], d.answers(pid)
    if part["kind"] == "table":
        if answer.shape != expected.shape:
            return "shape", {"shape": tuple(answer.shape)}
        answer = answer.to(torch.int64)
    shown = f"{int(answer):,}" if isinstance(answer, float) and answer.is_integer() and "factor" not in part \
        and part.get("decimals") is None else f"{answer:g}" if isinstance(answer, float) else answer
    values = {"answer": shown} if part["kind"] in EXPORTED else {}
    if _matches(part, answer, expected):
        return None, values
    if part["kind"] == "list" and sorted(answer) == sorted(expected):
        return "order", values
    mistake = next((name for name, value in mistakes.items() if _matches(part, answer, value)), "")
    return mistake, values if mistake or part["kind"] in EXPORTED else _difference(part["kind"], answer, expected)


def _check_part(pid: str, answer: object, d: _Data) -> Result:
    part = PARTS[pid]
    mistake, values = (_check_function if pid in FUNCTIONS else _check_value)(pid, _normalise(pid, answer), d)
    values["tolerance"] = _tolerance(part)[1]
    template = part["right"] if mistake is None else part["mistakes"][mistake] if mistake else part["wrong"]
    return Result(_fill(template, d, values), mistake is None, pid, mistake or None)


def _check_id(exercise: object) -> str:
    if not isinstance(exercise, str):
        raise TypeError(f"exercise must be a string such as '2.1' or '2.1a', not {_brief(exercise)}")
    if exercise.strip().lower() not in EXERCISES | PARTS:
        allowed = ", ".join(f"'{e}'" for e in EXERCISES)
        raise ValueError(f"exercise must be one of {allowed} (or a part such as '2.1a'), not {_brief(exercise)}")
    return exercise.strip().lower()


def _check_names(names: object) -> _Data:
    if names is None:
        return _Data(tuple(load_names()))
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not all(isinstance(w, str) for w in names):
        raise TypeError(f"names must be a list of names (strings), or None for the dataset, not {_brief(names)}")
    return _Data(tuple(names))


def check(exercise: str, answer: object, names: list[str] | None = None) -> Result:
    """Check an answer to an exercise (or one part of it), in a sentence or two: right, or what is wrong.

    ``exercise`` is a part ("2.1a") or an exercise ("2.1") with a tuple of one answer per part, or with one answer
    only one part can take. Functions are tried on several inputs, edge cases included. The references are
    computed by makemore_lib from ``names`` (default: the dataset).

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
        fitting = [pid for pid in pids if _holds(lambda p: _normalise(p, answer) is not None, pid)]
        if len(fitting) != 1:
            asks = "; ".join(f"{pid}: {PARTS[pid]['asks']}" for pid in pids)
            raise TypeError(f"answer for exercise {key} must be a tuple of {len(pids)} answers ({asks}), not "
                            f"{_brief(answer)}; or check one part, e.g. check('{pids[0]}', ...)")
        return _check_part(fitting[0], answer, d)     # check("1.3", trigrams): the one part that takes a function
    results = [_check_part(pid, a, d) for pid, a in zip(pids, answer)]
    wrong = [r for r in results if not r]
    if not wrong:
        return Result(f"Right, all {len(results)} answers of exercise {key} ({', '.join(pids)}).", True, key)
    return Result(f"{len(results) - len(wrong)} of {len(results)} right. {wrong[0].part}: {wrong[0]}", False, key,
                  wrong[0].mistake)


def hint(exercise: str, n: int = 1) -> Result:
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
        raise ValueError(f"n must be {allowed} (exercise {ex_id} has {len(hints)} hints), not {_brief(n)}")
    return Result(f"Hint {n} of {len(hints)} (exercise {ex_id}): {hints[n - 1]}", True, ex_id)


def export_checks(names: list[str] | None = None, parts: list[str] | None = None) -> dict[str, dict]:
    """The number, word and list parts as JSON-able data for the page: {part: {kind, expected, tolerance, ...}}.

    ``tolerance`` is absolute, or a factor where ``scale`` is "log"; messages are filled in but for ``{answer}``.
    A mistake is a ``value``, any answer ``above`` one, ``any`` of several, or the items in another order.

    >>> out = export_checks(["emma", "ava", "anna"], parts=["1.2a"])
    >>> out["1.2a"]["expected"], out["1.2a"]["tolerance"], out["1.2a"]["messages"]["mistakes"][0]["value"]
    (11, 0.0, 10)
    """
    d = _check_names(names)
    wanted = [pid for pid, part in PARTS.items() if part["kind"] in EXPORTED]
    for pid in parts or []:
        if pid not in wanted:
            raise ValueError(f"parts must list number, word or list parts ({', '.join(wanted)}), not {_brief(pid)}")
    out = {}
    for pid in wanted if parts is None else [p for p in wanted if p in parts]:
        part, (expected, mistakes) = PARTS[pid], d.answers(pid)
        values = {"tolerance": _tolerance(part)[1], "answer": "{answer}"}
        out[pid] = {"exercise": pid if pid in EXERCISES else pid[:-1], "kind": part["kind"], "asks": part["asks"],
                    "expected": expected, "tolerance": _tolerance(part)[0],
                    "scale": "log" if "factor" in part else "linear", "unit": part.get("unit"),
                    "messages": {"right": _fill(part["right"], d, values), "wrong": _fill(part["wrong"], d, values),
                                 "mistakes": [{"name": name, **(dict([v]) if isinstance(v, tuple) else {"value": v}),
                                               "message": _fill(part["mistakes"][name], d, values)}
                                              for name, v in mistakes.items()]}}
        if "order" in part["mistakes"]:
            out[pid]["messages"]["mistakes"].append({"name": "order", "same_items": True,
                                                     "message": _fill(part["mistakes"]["order"], d, values)})
    return out
