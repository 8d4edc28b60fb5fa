"""From counts to probabilities: normalise each row of N, after adding k fake counts to every cell."""

from __future__ import annotations

import math

import torch

from .counting import check_counts, check_table_shape
from .vocabulary import vocab_size


def check_smoothing(k: object) -> float:
    """Return ``k`` as a float if it is a finite number >= 0, else raise a clear error.

    >>> check_smoothing(-1)
    Traceback (most recent call last):
    ...
    ValueError: smoothing k must be a finite number >= 0, not -1
    """
    if isinstance(k, bool) or not isinstance(k, (int, float)):
        raise TypeError(f"smoothing k must be a number, not {type(k).__name__}")
    if not math.isfinite(k) or k < 0:
        raise ValueError(f"smoothing k must be a finite number >= 0, not {k}")
    return float(k)


def bigram_probs(counts: torch.Tensor, k: float = 0.0) -> torch.Tensor:
    """Row-normalised probabilities P (float32) from ``counts`` with ``k`` fake counts added to every cell.

    ``P[i, j]`` is the probability that character j follows character i. A row with no counts at all
    (a character never seen) gets the uniform distribution when k is 0, as it would for any k > 0.
    The same normalisation works for any n-gram count table (27**(n-1), 27): one row per context.

    >>> from makemore_lib.counting import count_bigrams
    >>> P = bigram_probs(count_bigrams(["emma", "ava"]), k=1.0)
    >>> P.shape, round(float(P[0].sum()), 6)
    (torch.Size([27, 27]), 1.0)
    """
    counts = check_counts(counts, any_order=True)
    k = check_smoothing(k)
    probs = counts.float() + k
    totals = probs.sum(1, keepdim=True)
    empty = totals == 0
    if empty.any():
        probs = torch.where(empty, torch.ones_like(probs), probs)
        totals = probs.sum(1, keepdim=True)
    return probs / totals


def uniform_probs() -> torch.Tensor:
    """The model that knows nothing: every next character has probability 1/27.

    >>> round(float(uniform_probs()[0, 0]), 6)
    0.037037
    """
    return torch.full((vocab_size, vocab_size), 1.0 / vocab_size)


def check_probs(probs: object, any_order: bool = False) -> torch.Tensor:
    """Return ``probs`` if it is a 27x27 float tensor of probabilities whose rows sum to 1, else raise.

    ``any_order=True`` also accepts an n-gram table of shape (27**(n-1), 27).

    >>> check_probs(torch.ones(27, 27))
    Traceback (most recent call last):
    ...
    ValueError: probs must have rows that sum to 1 (row 0 sums to 27)
    """
    if not isinstance(probs, torch.Tensor):
        raise TypeError(f"probs must be a torch.Tensor, not {type(probs).__name__}")
    check_table_shape(probs, "probs", any_order)
    if not probs.is_floating_point():
        raise TypeError(f"probs must be a floating-point tensor, not {probs.dtype}")
    if not torch.isfinite(probs).all() or (probs < 0).any():
        raise ValueError("probs must hold finite numbers >= 0")
    sums = probs.sum(1)
    bad = (sums - 1).abs() > 1e-3
    if bad.any():
        row = int(bad.nonzero()[0])
        raise ValueError(f"probs must have rows that sum to 1 (row {row} sums to {float(sums[row]):.6g})")
    return probs
