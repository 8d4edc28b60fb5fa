"""The neural bigram model: one linear layer of 27 neurons on a one-hot input, then softmax; trained by
``train_counts``, the lecture's full-batch gradient descent computed from the counts."""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import torch
import torch.nn.functional as F

from .checks import MAX_ORDER, check_int, check_number, check_table, checked, given
from .vocabulary import vocab_size

LECTURE_SEED = 2147483647
MAX_STEPS = 100_000
DIVERGED = 1000.0       # a loss above this (the uniform model's is log 27 = 3.3): the run blew up
DIVERGED_LR = "training diverged with learning rate lr = {lr}: try a smaller lr"
DIVERGED_L2 = ("training diverged with L2 strength l2 = {l2} (learning rate lr = {lr}): the same run without the "
               "penalty does not, so try a smaller l2")
LARGEST_LOGIT = 80.0    # forward's largest |W|: exp of a larger logit overflows float32 (the lecture's W is within 5)


class Training(NamedTuple):
    """The result of training: the final weights, the loss (data + L2) before each step, and after the last."""

    W: torch.Tensor
    losses: list[float]
    final_loss: float


def _check_rows(rows: object) -> int:
    if isinstance(rows, bool) or not isinstance(rows, int) or rows not in [27 ** n for n in range(MAX_ORDER)]:
        raise ValueError(f"rows must be 27**(n-1) for n = 1..{MAX_ORDER} (27 for the bigram net), not {given(rows)}")
    return rows


_SEED = lambda seed: check_int(seed, "seed", 0, 2**63 - 1, "2**63 - 1")  # noqa: E731  (what torch.Generator takes)


@checked(seed=_SEED, rows=_check_rows)
def init_weights(seed: int = LECTURE_SEED, rows: int = vocab_size) -> torch.Tensor:
    """W, 27x27 standard normal numbers drawn from a generator seeded with ``seed`` (the lecture's draw); ``rows`` =
    27**(n-1) rows for an n-gram net.

    >>> init_weights().shape, init_weights(rows=729).shape
    (torch.Size([27, 27]), torch.Size([729, 27]))
    """
    g = torch.Generator().manual_seed(seed)
    return torch.randn((rows, vocab_size), generator=g)


def _check_indices(t: object, what: str) -> torch.Tensor:
    if not isinstance(t, torch.Tensor) or t.dtype != torch.int64:
        raise TypeError(f"{what} must be a torch.Tensor of int64 character indices, not "
                        f"{t.dtype if isinstance(t, torch.Tensor) else given(t)}")
    if t.dim() != 1 or t.numel() == 0:
        raise ValueError(f"{what} must be a non-empty 1-D tensor, not one of shape {tuple(t.shape)}")
    if int(t.min()) < 0 or int(t.max()) >= vocab_size:
        raise ValueError(f"{what} must hold indices from 0 to {vocab_size - 1}, found {int(t.min())}..{int(t.max())}")
    return t


def _check_weights(W: object) -> torch.Tensor:
    W = check_table(W, "W", "weights")
    if W.dtype != torch.float32:
        raise TypeError(f"W must hold float32 numbers (as init_weights makes, and the lecture), not {W.dtype}")
    if W.abs().max() > LARGEST_LOGIT:
        raise ValueError(f"W must hold numbers from -{LARGEST_LOGIT:g} to {LARGEST_LOGIT:g} (exp of a larger logit "
                         f"overflows float32), not a largest |W| of {W.abs().max().item():g}")
    return W


@checked(W=_check_weights, xs=lambda xs: _check_indices(xs, "xs"))
def forward(W: torch.Tensor, xs: torch.Tensor) -> torch.Tensor:
    """The net's forward pass: one-hot ``xs``, times W (logits, read as log-counts), exp, normalise rows.

    >>> probs = forward(torch.zeros(27, 27), torch.tensor([0, 5]))
    >>> probs.shape, round(float(probs[0, 0]), 6)    # all-zero weights: uniform
    (torch.Size([2, 27]), 0.037037)
    """
    xenc = F.one_hot(xs, num_classes=27).float()   # input to the network: one-hot encoding
    logits = xenc @ W                              # predict log-counts
    counts = logits.exp()                          # counts, equivalent to N
    return counts / counts.sum(1, keepdim=True)    # probabilities for the next character


@checked(W=lambda W: check_table(W, "W", "weights", shape=None, cols=vocab_size))
def net_probs(W: torch.Tensor) -> torch.Tensor:
    """The net as a table: row i is the distribution it predicts after character (or context) i, softmax of W[i].

    >>> round(float(net_probs(torch.zeros(27, 27)).sum(1)[0]), 6)
    1.0
    """
    return torch.softmax(W.detach().float(), dim=1)


def diverged(run: Training) -> bool:
    """Whether a training run blew up: a loss that is not finite or above ``DIVERGED``, or W not finite.

    >>> diverged(Training(torch.zeros(27, 27), [3.3, 2000.0], 2.5))
    True
    """
    losses = run.losses + [run.final_loss]
    return not (all(math.isfinite(x) and x < DIVERGED for x in losses) and bool(run.W.isfinite().all()))


def _stops_when_diverged(train: Callable) -> Callable:
    """Run ``train_counts`` (quietly about overflow); a run that blew up is an error naming l2 when the same run
    without the penalty does not blow up, else lr."""
    signature = inspect.signature(train)

    @functools.wraps(train)
    def run(*args, **kwargs) -> Training:
        settings = signature.bind(*args, **kwargs)
        settings.apply_defaults()
        lr, l2 = settings.arguments["lr"], settings.arguments["l2"]
        with np.errstate(over="ignore", invalid="ignore"):
            result = train(**settings.arguments)
            if not diverged(result):
                return result
            blame_l2 = l2 > 0 and not diverged(train(**{**settings.arguments, "l2": 0.0}))
        raise ValueError((DIVERGED_L2 if blame_l2 else DIVERGED_LR).format(lr=f"{lr:g}", l2=f"{l2:g}"))
    return run


_TRAINING = dict(steps=lambda steps: check_int(steps, "steps", 1, MAX_STEPS), seed=_SEED,
                lr=lambda lr: check_number(lr, "learning rate lr"), l2=lambda l2: check_number(l2, "L2 strength l2"))


@_stops_when_diverged
@checked(counts=lambda t: check_table(t, "counts", shape=None, empty="there is nothing to train on"), **_TRAINING)
def train_counts(counts: torch.Tensor, steps: int = 100, lr: float = 50.0, l2: float = 0.01,
                 seed: int = LECTURE_SEED) -> Training:
    """The lecture's gradient descent (one-hot inputs, softmax, NLL + L2) computed from the counts N: the loss is
    ``-sum(N * log softmax(W)) / sum(N) + l2 * mean(W**2)``, the gradient written out. Also an n-gram net, from a
    count table (27**(n-1), 27). numpy, float64: on arrays this small a torch call costs more than its arithmetic.

    >>> from makemore_lib.counting import count_bigrams
    >>> run = train_counts(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(run.losses), run.losses[2] < run.losses[0]
    (3, True)
    """
    N = counts.double().numpy()
    W = init_weights(seed, rows=N.shape[0]).double().numpy()

    def loss_and_probs(W):
        logits = W - W.max(1, keepdims=True)               # softmax is the same for W shifted: exp cannot overflow
        exps = np.exp(logits)
        logp = logits - np.log(exps.sum(1, keepdims=True))  # log softmax(W)
        return -(N * logp).sum() / N.sum() + l2 * (W * W).mean(), exps / exps.sum(1, keepdims=True)

    losses = []
    for _ in range(steps):
        loss, probs = loss_and_probs(W)
        losses.append(float(loss))
        grad = (N.sum(1, keepdims=True) * probs - N) / N.sum() + (2 * l2 / W.size) * W
        W -= lr * grad
    return Training(torch.from_numpy(W).float(), losses, float(loss_and_probs(W)[0]))
