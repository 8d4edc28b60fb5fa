"""The training widgets (chapters 5 and 6): gradient descent on the counts from the lecture's W, in the page.

``TrainingExplorer`` moves the learning rate, the steps and λ; ``RegularizationExplorer`` moves λ and shows the
trained net's P and the smoothing k closest to it (λ ↔ k).
"""

from __future__ import annotations

import math

import torch
import traitlets

from ..checks import check_table
from ..loss import counts_nll
from ..neural import LECTURE_SEED, Training, init_weights, net_probs, train_counts
from ..probabilities import bigram_probs
from ..regularization import closest_smoothing
from ..vocabulary import itos
from .common import (DIVERGED, MAX_SEED, MAX_STEPS, Data, FloatSetting, IntSetting, Live, esm, message,
                     widget_names)
from .html import fmt_loss, heatmap_img, names_html

# Learning rates: up to 100 gradient descent on this loss converges; 500 shows steps that overshoot. Above
# about 150 the run is chaotic: after many steps its last digits depend on the order of floating-point sums,
# so the page's and Python's numbers part ways (the widget says so).
LR_OPTIONS = [0.1, 0.5, 1, 5, 10, 20, 50, 100, 500]
L2_OPTIONS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
OVERSHOOT = message("overshoot")


def diverged(run: Training) -> bool:
    """Whether a training run blew up: a loss that is not finite or above ``DIVERGED``, or W not finite.

    >>> from makemore_lib.counting import count_bigrams
    >>> diverged(train_counts(count_bigrams(["emma"]), steps=5, lr=1.0))
    False
    """
    losses = run.losses + [run.final_loss]
    return not (all(math.isfinite(x) and x < DIVERGED for x in losses) and bool(run.W.isfinite().all()))


def try_training(counts: torch.Tensor, steps: int, lr: float, l2: float, seed: int = LECTURE_SEED) -> Training | None:
    """``train_counts``, or None when the run diverges (the library raises; the widget words it as the page does).

    >>> from makemore_lib.counting import count_bigrams
    >>> try_training(count_bigrams(["emma"]), steps=5, lr=1e6, l2=0.0) is None
    True
    """
    try:
        run = train_counts(counts, steps=steps, lr=lr, l2=l2, seed=seed)
    except ValueError as err:
        if str(err).startswith("training diverged"):
            return None
        raise
    return None if diverged(run) else run


def divergence_message(counts: torch.Tensor, steps: int, lr: float, l2: float, seed: int = LECTURE_SEED) -> str:
    """What to say when a run diverges: blame λ (l2) when the same run without the penalty does not.

    >>> from makemore_lib.counting import count_bigrams
    >>> divergence_message(count_bigrams(["emma", "ava"]), 500, 100, 10)[:60]
    'training diverged with L2 strength l2 = 10 (learning rate lr'
    """
    blame_l2 = l2 > 0 and try_training(counts, steps, lr, 0.0, seed) is not None
    return message("diverged_l2" if blame_l2 else "diverged_lr", lr=f"{lr:g}", l2=f"{l2:g}")


def largest_difference(a: torch.Tensor, b: torch.Tensor) -> list:
    """Where two tables differ most (the first such cell): [its bigram, a's value, b's value].

    >>> largest_difference(torch.zeros(27, 27), torch.eye(27))
    ['..', 0.0, 1.0]
    """
    i, j = divmod(int((a - b).abs().argmax()), a.shape[1])
    return [itos[i] + itos[j], float(a[i, j]), float(b[i, j])]


def _train(counts: torch.Tensor, steps: int, lr: float, l2: float, seed: int) -> dict:
    """Train; the losses before each step and after the last, the data loss, the penalty, the net's P."""
    run = try_training(counts, steps, lr, l2, seed)
    if run is None:
        raise ValueError(divergence_message(counts, steps, lr, l2, seed))
    W = run.W.double()
    penalty = l2 * float((W * W).mean())
    return dict(losses=run.losses + [run.final_loss], loss=run.final_loss, data_loss=run.final_loss - penalty,
                penalty=penalty, probs=net_probs(run.W))


class TrainingExplorer(Live):
    """Choose the learning rate, the number of steps and the L2 strength λ: gradient descent on the counts
    (``neural.train_counts``) runs in the page from the lecture's W; loss curve, final loss, five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = TrainingExplorer(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(w.losses), w.loss < w.losses[0]
    (4, True)
    >>> w.steps = 0
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: steps must be between 1 and 500, not 0

    A loss that ends higher than it started is a ``warning`` (the numbers are still shown); a run whose
    numbers blow up is an ``error``.
    """

    _esm = esm("training")
    counts = Data()
    w0 = Data()
    lr_options = Data(LR_OPTIONS)
    l2_options = Data(L2_OPTIONS)
    limits = Data([MAX_STEPS, DIVERGED])
    lr = FloatSetting(50.0, "lr_options", "learning rate lr")
    steps = IntSetting(100, 1, MAX_STEPS)
    l2 = FloatSetting(0.01, "l2_options", "L2 strength l2")
    seed = IntSetting(LECTURE_SEED, 0, MAX_SEED)
    losses = traitlets.List()
    loss = traitlets.Float(math.nan)
    data_loss = traitlets.Float(math.nan)
    names = traitlets.List()
    warning = traitlets.Unicode("")
    outputs = {"losses": [], "loss": math.nan, "data_loss": math.nan, "names": [], "warning": ""}

    def __init__(self, counts: torch.Tensor, lr: float = 50.0, steps: int = 100, l2: float = 0.01,
                 seed: int = LECTURE_SEED):
        self._counts = check_table(counts, "counts")
        self._w_seed = seed       # W starts from this seed; the page gets that W as w0
        super().__init__(counts=self._counts.tolist(), w0=init_weights(seed).double().tolist(), lr=lr,
                         steps=steps, l2=l2, seed=seed)

    def compute(self) -> None:
        run = _train(self._counts, self.steps, self.lr, self.l2, self._w_seed)
        self.losses, self.loss, self.data_loss = run["losses"], run["loss"], run["data_loss"]
        self.warning = OVERSHOOT if self.loss > self.losses[0] else ""
        self.names = widget_names(run["probs"], 5, self.seed)

    def snapshot(self) -> str:
        return (f"<p>learning rate {self.lr:g}, {self.steps} steps, λ = {self.l2:g}: loss {fmt_loss(self.losses[0])} "
                f"at the start, {fmt_loss(self.loss)} after (data loss {fmt_loss(self.data_loss)}); the counting model "
                f"(k = 0): {fmt_loss(counts_nll(self._counts, bigram_probs(self._counts)))}</p>" +
                names_html(self.names, f"five names, seed {self.seed}"))


class RegularizationExplorer(Live):
    """Move λ, the L2 strength: the net is trained again in the page (learning rate ``lr``, ``steps`` steps
    from the lecture's W); its data loss, the penalty λ·mean(W²), its P as a heatmap, the smoothing k whose
    counts model is closest to it (``closest_smoothing``) and five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = RegularizationExplorer(count_bigrams(["emma", "ava"]), steps=20)
    >>> w.penalty > 0, round(w.loss - w.data_loss - w.penalty, 12)
    (True, 0.0)
    >>> w.steps = 0
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: steps must be between 1 and 500, not 0
    """

    _esm = esm("regularization")
    counts = Data()
    w0 = Data()
    l2_options = Data(L2_OPTIONS)
    lr_options = Data(LR_OPTIONS)
    limits = Data([MAX_STEPS, DIVERGED])
    l2 = FloatSetting(0.01, "l2_options", "L2 strength l2")
    steps = IntSetting(300, 1, MAX_STEPS)
    lr = FloatSetting(50.0, "lr_options", "learning rate lr")
    seed = IntSetting(LECTURE_SEED, 0, MAX_SEED)
    loss = traitlets.Float(math.nan)
    data_loss = traitlets.Float(math.nan)
    penalty = traitlets.Float(math.nan)
    closest_k = traitlets.Float(math.nan)
    difference = traitlets.List()     # where the net's P and the smoothed counts' differ most: [bigram, net, counts]
    names = traitlets.List()
    outputs = {"loss": math.nan, "data_loss": math.nan, "penalty": math.nan, "closest_k": math.nan, "difference": [],
               "names": []}

    def __init__(self, counts: torch.Tensor, l2: float = 0.01, steps: int = 300, lr: float = 50.0):
        self._counts = check_table(counts, "counts")
        super().__init__(counts=self._counts.tolist(), w0=init_weights(LECTURE_SEED).double().tolist(), l2=l2,
                         steps=steps, lr=lr)

    def compute(self) -> None:
        run = _train(self._counts, self.steps, self.lr, self.l2, LECTURE_SEED)
        self.loss, self.data_loss, self.penalty = run["loss"], run["data_loss"], run["penalty"]
        self.closest_k = closest_smoothing(self._counts, run["probs"])[0]
        self._probs, self._smooth = run["probs"], bigram_probs(self._counts, self.closest_k)
        self.difference = largest_difference(self._probs, self._smooth)
        self.names = widget_names(run["probs"], 5, self.seed)

    def snapshot(self) -> str:
        vmax, (b, net, smooth) = float(bigram_probs(self._counts).max()), self.difference
        return (heatmap_img(self._probs, f"the trained net's P for λ = {self.l2:g}", vmax=vmax) + " " +
                heatmap_img(self._smooth, f"the smoothed counts' P for k = {self.closest_k:.4g}", vmax=vmax) +
                f"<p>λ = {self.l2:g}: data loss {fmt_loss(self.data_loss)}, penalty {fmt_loss(self.penalty)}, "
                f"closest smoothing k = {self.closest_k:.4g}; largest difference P({b[1]} after {b[0]}): net "
                f"{net:.4f}, counts {smooth:.4f}</p>" + names_html(self.names, f"five names, seed {self.seed}"))
