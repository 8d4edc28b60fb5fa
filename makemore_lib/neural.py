"""The neural bigram model: one linear layer of 27 neurons on a one-hot input, then softmax.

Two ways to train it with full-batch gradient descent: ``train_onehot``, the lecture's loop over every
example, and ``train_counts``, which gets the same losses from the 27x27 counts alone.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import torch
import torch.nn.functional as F

from .counting import MAX_ORDER, check_counts, check_table_shape, table_order
from .checks import check_count, check_rate, check_seed
from .vocabulary import vocab_size

LECTURE_SEED = 2147483647
MAX_STEPS = 100_000


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
        raise ValueError(f"rows must be 27**(n-1) for n = 1..{MAX_ORDER}, not {rows!r}")
    return torch.randn((rows, vocab_size), generator=g)


def check_indices(t: object, what: str) -> torch.Tensor:
    """Return ``t`` if it is a 1-D int64 tensor of character indices 0..26, else raise an error naming ``what``.

    >>> check_indices(torch.tensor([0.5]), "xs")
    Traceback (most recent call last):
    ...
    TypeError: xs must hold int64 character indices, not torch.float32
    """
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{what} must be a torch.Tensor of character indices, not {type(t).__name__}")
    if t.dtype != torch.int64:
        raise TypeError(f"{what} must hold int64 character indices, not {t.dtype}")
    if t.dim() != 1 or t.numel() == 0:
        raise ValueError(f"{what} must be a non-empty 1-D tensor, not one of shape {tuple(t.shape)}")
    if int(t.min()) < 0 or int(t.max()) >= vocab_size:
        raise ValueError(f"{what} must hold indices from 0 to {vocab_size - 1}, found {int(t.min())}..{int(t.max())}")
    return t


def check_weights(W: object, any_order: bool = False) -> torch.Tensor:
    """Return ``W`` if it is a 27x27 floating-point tensor of finite numbers, else raise a clear error.

    ``any_order=True`` also accepts an n-gram net's weights, of shape (27**(n-1), 27).

    >>> check_weights(torch.zeros(27, 3))
    Traceback (most recent call last):
    ...
    ValueError: W must have shape (27, 27), not (27, 3)
    """
    if not isinstance(W, torch.Tensor):
        raise TypeError(f"W must be a torch.Tensor, not {type(W).__name__}")
    check_table_shape(W, "W", any_order)
    if not W.is_floating_point():
        raise TypeError(f"W must be a floating-point tensor, not {W.dtype}")
    if not torch.isfinite(W).all():
        raise ValueError("W must hold finite numbers (no NaN or infinity)")
    return W


def forward(W: torch.Tensor, xs: torch.Tensor) -> torch.Tensor:
    """The net's forward pass: one-hot ``xs``, times W (logits, read as log-counts), exp, normalise rows.

    >>> probs = forward(torch.zeros(27, 27), torch.tensor([0, 5]))
    >>> probs.shape, round(float(probs[0, 0]), 6)    # all-zero weights: uniform
    (torch.Size([2, 27]), 0.037037)
    """
    check_weights(W)
    xenc = F.one_hot(check_indices(xs, "xs"), num_classes=vocab_size).float()
    logits = xenc @ W
    counts = logits.exp()
    return counts / counts.sum(1, keepdim=True)


def net_probs(W: torch.Tensor) -> torch.Tensor:
    """The net as a 27x27 table: row i is the distribution it predicts after character i (softmax of W[i]).

    For an n-gram net (W of shape (27**(n-1), 27)), row i is the distribution after context i.

    >>> round(float(net_probs(torch.zeros(27, 27)).sum(1)[0]), 6)
    1.0
    """
    return torch.softmax(check_weights(W, any_order=True).detach().float(), dim=1)


def _check_training(steps: object, lr: object, l2: object) -> tuple[int, float, float]:
    steps = check_count(steps, "steps", MAX_STEPS)
    if steps == 0:
        raise ValueError("steps must be at least 1, not 0")
    return steps, check_rate(lr, "learning rate lr"), check_rate(l2, "L2 strength l2")


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

    >>> from makemore_lib.counting import count_bigrams
    >>> run = train_counts(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(run.losses), run.losses[2] < run.losses[0]
    (3, True)
    """
    counts = check_counts(counts, any_order=True).double().numpy()
    steps, lr, l2 = _check_training(steps, lr, l2)
    total = counts.sum()
    if total == 0:
        raise ValueError("counts are all zero: there is nothing to train on")
    W = init_weights(seed, rows=counts.shape[0]).double().numpy()
    row_totals = counts.sum(1, keepdims=True)
    def loss_and_probs(W: np.ndarray) -> tuple[float, np.ndarray]:
        logits = W - W.max(1, keepdims=True)               # log softmax, computed stably
        exps = np.exp(logits)
        sums = exps.sum(1, keepdims=True)
        logp = logits - np.log(sums)
        return -(counts * logp).sum() / total + l2 * (W * W).mean(), exps / sums

    losses = np.empty(steps)
    with np.errstate(over="ignore", invalid="ignore"):    # a diverging run ends in inf/nan losses, not warnings
        for k in range(steps):
            losses[k], probs = loss_and_probs(W)
            grad = (row_totals * probs - counts) / total + (2 * l2 / W.size) * W
            W -= lr * grad
        final_loss, _ = loss_and_probs(W)
    return Training(torch.from_numpy(W).float(), losses.tolist(), float(final_loss))
