"""The training widgets (chapters 5 and 6): gradient descent on the counts from the lecture's W, in the page."""

from __future__ import annotations

import math

import torch
import traitlets

from ..checks import check_table
from ..loss import counts_nll
from ..neural import DIVERGED, LECTURE_SEED, init_weights, net_probs, train_counts
from ..probabilities import bigram_probs
from ..regularization import closest_smoothing
from ..vocabulary import itos
from .common import (MAX_SEED, MAX_STEPS, Data, FloatSetting, IntSetting, Live, esm, message,
                     widget_names)
from .html import fmt_loss, heatmap_img, names_html

# Learning rates: up to 100 gradient descent on this loss converges; 500 shows steps that overshoot. Above
# about 150 the run is chaotic: after many steps its last digits depend on the order of floating-point sums,
# so the page's and Python's numbers part ways (the widget says so).
LR_OPTIONS = [0.1, 0.5, 1, 5, 10, 20, 50, 100, 500]
L2_OPTIONS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
OVERSHOOT = message("overshoot")


def largest_difference(a: torch.Tensor, b: torch.Tensor) -> list:
    """Where two tables differ most (the first such cell): [its bigram, a's value, b's value].

    >>> largest_difference(torch.zeros(27, 27), torch.eye(27))
    ['..', 0.0, 1.0]
    """
    i, j = divmod(int((a - b).abs().argmax()), a.shape[1])
    return [itos[i] + itos[j], float(a[i, j]), float(b[i, j])]


class _Training(Live):
    """What both training explorers share: the counts and the initial W (from ``w_seed``), the options, the
    settings but the steps, the outputs."""

    counts = Data()
    w0 = Data()
    lr_options = Data(LR_OPTIONS)
    l2_options = Data(L2_OPTIONS)
    limits = Data([MAX_STEPS, DIVERGED])
    lr = FloatSetting(50.0, "lr_options", "learning rate lr")
    l2 = FloatSetting(0.01, "l2_options", "L2 strength l2")
    seed = IntSetting(LECTURE_SEED, 0, MAX_SEED)
    loss = traitlets.Float(math.nan)
    data_loss = traitlets.Float(math.nan)
    names = traitlets.List()

    def __init__(self, counts: torch.Tensor, w_seed: int, **settings):
        self._counts = check_table(counts, "counts")
        self._w_seed = w_seed
        super().__init__(counts=self._counts.tolist(), w0=init_weights(w_seed).double().tolist(), **settings)

    def train(self) -> tuple[list[float], float, torch.Tensor]:
        """Train with the settings and set the loss and the data loss; the losses before each step and after the
        last, the penalty and the net's P."""
        run = train_counts(self._counts, steps=self.steps, lr=self.lr, l2=self.l2, seed=self._w_seed)
        W, probs = run.W.double(), net_probs(run.W)
        penalty = self.l2 * float((W * W).mean())
        self.loss, self.data_loss = run.final_loss, run.final_loss - penalty
        return run.losses + [run.final_loss], penalty, probs


class TrainingExplorer(_Training):
    """Choose the learning rate, the number of steps and the L2 strength λ: gradient descent on the counts
    (``neural.train_counts``) runs in the page from the lecture's W; loss curve, final loss, five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = TrainingExplorer(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(w.losses), w.loss < w.losses[0]
    (4, True)

    A loss that ends higher than it started is a ``warning`` (the numbers are still shown); a run whose
    numbers blow up is an ``error``.
    """

    _esm = esm("training")
    steps = IntSetting(100, 1, MAX_STEPS)
    losses = traitlets.List()
    warning = traitlets.Unicode("")
    outputs = {"losses": [], "loss": math.nan, "data_loss": math.nan, "names": [], "warning": ""}

    def __init__(self, counts: torch.Tensor, lr: float = 50.0, steps: int = 100, l2: float = 0.01,
                 seed: int = LECTURE_SEED):
        super().__init__(counts, seed, lr=lr, steps=steps, l2=l2, seed=seed)   # W starts from this seed

    def compute(self) -> None:
        self.losses, _, probs = self.train()
        self.warning = OVERSHOOT if self.loss > self.losses[0] else ""
        self.names = widget_names(probs, 5, self.seed)

    def snapshot(self) -> str:
        return (f"<p>learning rate {self.lr:g}, {self.steps} steps, λ = {self.l2:g}: loss {fmt_loss(self.losses[0])} "
                f"at the start, {fmt_loss(self.loss)} after (data loss {fmt_loss(self.data_loss)}); the counting model "
                f"(k = 0): {fmt_loss(counts_nll(self._counts, bigram_probs(self._counts)))}</p>" +
                names_html(self.names, f"five names, seed {self.seed}"))


class RegularizationExplorer(_Training):
    """Move λ, the L2 strength: the net is trained again in the page from the lecture's W; its data loss, the
    penalty λ·mean(W²), its P as a heatmap, the closest smoothing k (``closest_smoothing``) and five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = RegularizationExplorer(count_bigrams(["emma", "ava"]), steps=20)
    >>> w.penalty > 0, round(w.loss - w.data_loss - w.penalty, 12)
    (True, 0.0)
    """

    _esm = esm("regularization")
    steps = IntSetting(300, 1, MAX_STEPS)
    penalty = traitlets.Float(math.nan)
    closest_k = traitlets.Float(math.nan)
    difference = traitlets.List()     # where the net's P and the smoothed counts' differ most: [bigram, net, counts]
    outputs = {"loss": math.nan, "data_loss": math.nan, "penalty": math.nan, "closest_k": math.nan, "difference": [],
               "names": []}

    def __init__(self, counts: torch.Tensor, l2: float = 0.01, steps: int = 300, lr: float = 50.0):
        super().__init__(counts, LECTURE_SEED, l2=l2, steps=steps, lr=lr)

    def compute(self) -> None:
        _, self.penalty, self._probs = self.train()
        self.closest_k = closest_smoothing(self._counts, self._probs)[0]
        self._smooth = bigram_probs(self._counts, self.closest_k)
        self.difference = largest_difference(self._probs, self._smooth)
        self.names = widget_names(self._probs, 5, self.seed)

    def snapshot(self) -> str:
        vmax, (b, net, smooth) = float(bigram_probs(self._counts).max()), self.difference
        return (heatmap_img(self._probs, f"the trained net's P for λ = {self.l2:g}", vmax=vmax) + " " +
                heatmap_img(self._smooth, f"the smoothed counts' P for k = {self.closest_k:.4g}", vmax=vmax) +
                f"<p>λ = {self.l2:g}: data loss {fmt_loss(self.data_loss)}, penalty {fmt_loss(self.penalty)}, "
                f"closest smoothing k = {self.closest_k:.4g}; largest difference P({b[1]} after {b[0]}): net "
                f"{net:.4f}, counts {smooth:.4f}</p>" + names_html(self.names, f"five names, seed {self.seed}"))
