"""From counts to probabilities: normalise each row of N, after adding k fake counts to every cell."""

from __future__ import annotations

import math

import torch

from .checks import check_count_table, check_smoothing
from .vocabulary import vocab_size


def scaled(values: torch.Tensor) -> torch.Tensor:
    """``values`` (float64, >= 0) divided by a power of 2 near their largest: exact, and their sums cannot overflow.

    Averages weighted by ``values`` do not change (the power of 2 cancels without rounding).

    >>> scaled(torch.tensor([1e308, 1e308], dtype=torch.float64)).sum().item() < float("inf")
    True
    """
    largest = values.max()
    if largest == 0:
        return values
    return values / 2.0 ** max(math.frexp(float(largest))[1] - 1, 0)


def smoothed_rows(counts: torch.Tensor, k: float | torch.Tensor) -> torch.Tensor:
    """``counts + k`` with each row normalised to sum to 1, in float64; no checks (callers check).

    Each row is first divided by a power of 2 close to its largest value: exact, so ordinary counts give the
    very numbers of ``(counts + k) / sum``, and no sum can overflow, whatever the size of the counts or of k
    (any finite k, 1e300 included). A row with nothing in it (all zero, k = 0) becomes uniform.

    >>> smoothed_rows(torch.tensor([[0.0, 1e308, 1e308]], dtype=torch.float64), 0.0).tolist()
    [[0.0, 0.5, 0.5]]
    """
    counts = counts.double()
    largest = torch.clamp(counts.amax(-1, keepdim=True), min=k)
    # a power of 2 (never below 1, so tiny values are not scaled up into overflow or 0)
    scale = torch.ldexp(torch.ones_like(largest), (torch.frexp(largest).exponent - 1).clamp(min=0))
    probs = counts / scale + k / scale
    totals = probs.sum(-1, keepdim=True)
    if (totals == 0).any():
        probs = torch.where(totals > 0, probs, 1.0)
        totals = probs.sum(-1, keepdim=True)
    return probs / totals


def bigram_probs(counts: torch.Tensor, k: float = 0.0) -> torch.Tensor:
    """Row-normalised probabilities P (float32) from ``counts`` with ``k`` fake counts added to every cell.

    ``P[i, j]`` is the probability that character j follows character i. A row with no counts at all
    (a character never seen) gets the uniform distribution when k is 0, as it would for any k > 0.
    ``k`` may be any finite number >= 0 (1e300 gives the uniform model). Computed as the lecture does, in
    float32; only where float32 would overflow (or a row is empty) are the rows summed in float64, and then
    probabilities below float32's smallest (about 1e-45) round to 0. The row maths is the same for an
    n-gram count table (27**(n-1), 27): one row per context.

    >>> from makemore_lib.counting import count_bigrams
    >>> P = bigram_probs(count_bigrams(["emma", "ava"]), k=1.0)
    >>> P.shape, round(float(P[0].sum()), 6)
    (torch.Size([27, 27]), 1.0)
    """
    counts = check_count_table(counts)
    k = check_smoothing(k)
    probs = counts.float() + k                  # the lecture's arithmetic, in float32
    totals = probs.sum(1, keepdim=True)
    if not (torch.isfinite(totals).all() and (totals > 0).all()):
        return smoothed_rows(counts, k).float()  # beyond float32 (or an empty row): exact float64 rows
    return probs / totals


def uniform_probs() -> torch.Tensor:
    """The model that knows nothing: every next character has probability 1/27.

    >>> round(float(uniform_probs()[0, 0]), 6)
    0.037037
    """
    return torch.full((vocab_size, vocab_size), 1.0 / vocab_size)
