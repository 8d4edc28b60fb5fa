"""The neural bigram model: one linear layer of 27 neurons on a one-hot input, then softmax.

Two ways to train it with full-batch gradient descent: ``train_onehot``, the lecture's loop over every
example, and ``train_counts``, which gets the same losses from the 27x27 counts alone.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import torch
import torch.nn.functional as F

from .checks import (MAX_ORDER, check_count_table, check_indices, check_rate, check_seed, check_steps,
                     check_weight_table, check_weights, shorten, table_order)
from .probabilities import scaled
from .vocabulary import vocab_size

LECTURE_SEED = 2147483647
MAX_STEPS = 100_000
LARGEST_WEIGHT = 1e30
"""Training stops with an error (naming lr or l2) when a weight grows beyond this: the run has diverged."""


class Training(NamedTuple):
    """The result of training: the final weights, the loss (data loss + L2 penalty) before each step, and the
    loss after the last step."""

    W: torch.Tensor
    losses: list[float]
    final_loss: float


def init_weights(seed: int = LECTURE_SEED, rows: int = vocab_size) -> torch.Tensor:
    """W, 27x27 standard normal numbers drawn from a generator seeded with ``seed`` (the lecture's draw).

    ``rows`` = 27**(n-1) gives the weights of an n-gram net instead: one row per context.

    >>> init_weights().shape, init_weights(rows=729).shape
    (torch.Size([27, 27]), torch.Size([729, 27]))
    """
    g = torch.Generator().manual_seed(check_seed(seed))
    if isinstance(rows, bool) or not isinstance(rows, int) or table_order((rows, vocab_size)) is None:
        raise ValueError(f"rows must be 27**(n-1) for n = 1..{MAX_ORDER} (27 for the bigram net), not {shorten(rows)}")
    return torch.randn((rows, vocab_size), generator=g)


def forward(W: torch.Tensor, xs: torch.Tensor) -> torch.Tensor:
    """The net's forward pass: one-hot ``xs``, times W (logits, read as log-counts), exp, normalise rows.

    Written as a stable softmax: each row's largest logit is subtracted before ``exp`` (the probabilities do
    not change), so weights of any finite size give probabilities, never NaN. Computed in W's dtype
    (float32 as in the lecture, or float64).

    >>> probs = forward(torch.zeros(27, 27), torch.tensor([0, 5]))
    >>> probs.shape, round(float(probs[0, 0]), 6)    # all-zero weights: uniform
    (torch.Size([2, 27]), 0.037037)
    """
    checked = check_weights(W)
    if not W.requires_grad:      # a W that autograd tracks stays itself, so that gradients reach it
        W = checked
    xenc = F.one_hot(check_indices(xs, "xs"), num_classes=vocab_size).to(W.dtype)
    logits = xenc @ W
    logits = logits - logits.amax(1, keepdim=True).detach()
    counts = logits.exp()
    return counts / counts.sum(1, keepdim=True)


def net_probs(W: torch.Tensor) -> torch.Tensor:
    """The net as a 27x27 table: row i is the distribution it predicts after character i (softmax of W[i]).

    For an n-gram net (W of shape (27**(n-1), 27)), row i is the distribution after context i.

    >>> round(float(net_probs(torch.zeros(27, 27)).sum(1)[0]), 6)
    1.0
    """
    return torch.softmax(check_weight_table(W).float(), dim=1)


def _check_training(steps: object, lr: object, l2: object) -> tuple[int, float, float]:
    return check_steps(steps, MAX_STEPS), check_rate(lr, "learning rate lr"), check_rate(l2, "L2 strength l2")


def _diverged(losses: list[float], lr: float, l2: float, size: int) -> ValueError:
    """The error for a run whose numbers blew up, naming the setting that caused it."""
    bad = [i for i, loss in enumerate(losses) if not math.isfinite(loss)]
    where = f"the loss became {losses[bad[0]]} at step {bad[0]}" if bad else "the weights grew beyond 1e30"
    if lr * l2 > size:   # the L2 part of a step multiplies W by (1 - 2 lr l2 / size): it alone overshoots
        return ValueError(f"training diverged with learning rate {lr:g} and L2 strength l2 = {l2:g} ({where}): "
                          f"the penalty's own step overshoots when lr * l2 > {size}; use a smaller l2 (or lr)")
    return ValueError(f"training diverged with learning rate {lr:g} ({where}): try a smaller one")


def _blew_up(W: torch.Tensor | np.ndarray, losses: list[float]) -> bool:
    return not (all(math.isfinite(loss) for loss in losses) and float(abs(W).max()) <= LARGEST_WEIGHT)


def train_onehot(xs: torch.Tensor, ys: torch.Tensor, steps: int = 100, lr: float = 50.0, l2: float = 0.01,
                 seed: int = LECTURE_SEED) -> Training:
    """Full-batch gradient descent written as in the lecture: one-hot inputs, softmax, NLL + L2, autograd.

    >>> xs, ys = torch.tensor([0, 5]), torch.tensor([5, 0])
    >>> run = train_onehot(xs, ys, steps=2)
    >>> len(run.losses), run.losses[1] < run.losses[0]
    (2, True)
    """
    steps, lr, l2 = _check_training(steps, lr, l2)
    check_indices(xs, "xs")
    check_indices(ys, "ys")
    if xs.shape != ys.shape:
        raise ValueError(f"xs and ys must have the same length, not {xs.numel()} and {ys.numel()}")
    W = init_weights(seed).requires_grad_()
    num = xs.nelement()
    losses = []
    for _ in range(steps):
        probs = forward(W, xs)
        loss = -probs[torch.arange(num), ys].log().mean() + l2 * (W**2).mean()
        losses.append(loss.item())
        W.grad = None
        loss.backward()
        W.data += -lr * W.grad
        if _blew_up(W.data, losses):
            raise _diverged(losses, lr, l2, W.numel())
    with torch.no_grad():
        probs = forward(W, xs)
        final_loss = (-probs[torch.arange(num), ys].log().mean() + l2 * (W**2).mean()).item()
    return Training(W.detach(), losses, final_loss)


def train_counts(counts: torch.Tensor, steps: int = 100, lr: float = 50.0, l2: float = 0.01,
                 seed: int = LECTURE_SEED) -> Training:
    """The same training as ``train_onehot``, computed from the 27x27 bigram counts N instead of every example.

    The full-batch loss only depends on how often each bigram occurs:
    ``loss = -sum(N * log softmax(W)) / sum(N) + l2 * mean(W**2)``, and its gradient is
    ``(rowsum(N) * softmax(W) - N) / sum(N) + 2 * l2 * W / 729``. A step costs a few 27x27 operations
    instead of a pass over 228,146 examples. The same code trains an n-gram net from an n-gram count table
    of shape (27**(n-1), 27) (see ``ngrams.count_ngrams``): W then has one row per context. The steps run in
    numpy (float64): on arrays this small, each torch call costs more than the arithmetic it does.
    A run that blows up (a weight beyond 1e30, or a loss that is not finite) is a ValueError that names
    the cause: lr, or l2 when lr * l2 > 729 makes the penalty's own step overshoot.

    >>> from makemore_lib.counting import count_bigrams
    >>> run = train_counts(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(run.losses), run.losses[2] < run.losses[0]
    (3, True)
    """
    counts = check_count_table(counts).double()
    steps, lr, l2 = _check_training(steps, lr, l2)
    if counts.max() == 0:
        raise ValueError("counts are all zero: there is nothing to train on")
    counts = scaled(counts).numpy()      # any size of counts: the same losses, and no sum can overflow
    total = counts.sum()
    W = init_weights(seed, rows=counts.shape[0]).double().numpy()
    row_totals = counts.sum(1, keepdims=True)
    def loss_and_probs(W: np.ndarray) -> tuple[float, np.ndarray]:
        logits = W - W.max(1, keepdims=True)               # log softmax, computed stably
        exps = np.exp(logits)
        sums = exps.sum(1, keepdims=True)
        logp = logits - np.log(sums)
        return -(counts * logp).sum() / total + l2 * (W * W).mean(), exps / sums

    losses = np.empty(steps)
    with np.errstate(over="ignore", invalid="ignore"):    # a diverging run is reported once, after the loop
        for step in range(steps):
            losses[step], probs = loss_and_probs(W)
            grad = (row_totals * probs - counts) / total + (2 * l2 / W.size) * W
            W -= lr * grad
        final_loss, _ = loss_and_probs(W)
    if _blew_up(W, losses.tolist() + [final_loss]):
        raise _diverged(losses.tolist() + [final_loss], lr, l2, W.size)
    return Training(torch.from_numpy(W).float(), losses.tolist(), float(final_loss))
