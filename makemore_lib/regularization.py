"""Comparing the two models: how far a net's probabilities are from smoothed counts, and which k is closest.

The net is trained with an L2 penalty of strength λ; the counting model adds k fake counts to every cell.
``closest_smoothing`` finds the k whose ``bigram_probs(counts, k)`` is nearest to the net's P, measured with
``kl_divergence``, so that λ and k can be put side by side.
"""

from __future__ import annotations

import torch

from .counting import check_counts
from .probabilities import check_probs, check_smoothing

# The k searched by closest_smoothing: 0, then 0.0001 to 1,000,000 in steps of a factor 10**0.02 (about 5%).
SMOOTHING_GRID = [0.0] + [float(10 ** (e / 50)) for e in range(-200, 301)]


def kl_divergence(p: torch.Tensor, q: torch.Tensor, weights: torch.Tensor | None = None) -> float:
    """The KL divergence KL(p || q) of two bigram models, row by row, averaged with ``weights``.

    Row i contributes ``sum_j p[i, j] * log(p[i, j] / q[i, j])`` (a cell with p = 0 adds nothing; a cell
    with p > 0 and q = 0 makes it infinite). ``weights`` (default: all rows alike) says how much each row
    counts: with the row totals of the bigram counts, a row matters as often as its character is followed
    by something in the data.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> kl_divergence(uniform_probs(), uniform_probs())
    0.0
    >>> p = torch.eye(27) * 0.5 + uniform_probs() * 0.5
    >>> round(kl_divergence(p, uniform_probs()), 4)
    1.0347
    """
    p = check_probs(p).double()
    q = check_probs(q).double()
    if weights is None:
        weights = torch.ones(p.shape[0], dtype=torch.float64)
    if not isinstance(weights, torch.Tensor) or weights.shape != (p.shape[0],):
        raise ValueError(f"weights must be a tensor of {p.shape[0]} row weights")
    weights = weights.double()
    if not torch.isfinite(weights).all() or (weights < 0).any() or weights.sum() == 0:
        raise ValueError("weights must be finite numbers >= 0, not all zero")
    seen = p > 0
    terms = torch.zeros_like(p)
    terms[seen] = p[seen] * (p[seen].log() - q[seen].log())
    return float((weights * terms.sum(1)).sum() / weights.sum())


def closest_smoothing(counts: torch.Tensor, probs: torch.Tensor,
                      grid: list[float] | None = None) -> tuple[float, float]:
    """The smoothing k (from ``grid``, default ``SMOOTHING_GRID``) whose P is closest to ``probs``, and that KL.

    The distance is ``kl_divergence(bigram_probs(counts, k), probs, row totals of counts)``: smoothed counts
    first, so that k = 0 (with its zero cells) stays a candidate; each row weighs as much as it is used in the
    data. With k = 0 this is how much higher the loss of ``probs`` is than the best possible loss.

    >>> from makemore_lib.counting import count_bigrams
    >>> from makemore_lib.probabilities import bigram_probs
    >>> counts = count_bigrams(["emma", "ava", "olivia"])
    >>> k, kl = closest_smoothing(counts, bigram_probs(counts, 1.0))
    >>> k, round(kl, 6)
    (1.0, 0.0)
    """
    counts = check_counts(counts).double()
    probs = check_probs(probs).double()
    ks = SMOOTHING_GRID if grid is None else [check_smoothing(k) for k in grid]
    if not ks:
        raise ValueError("grid must hold at least one k")
    rows = counts.sum(1)
    if rows.sum() == 0:
        raise ValueError("counts are all zero: there is nothing to compare with")
    k_col = torch.tensor(ks, dtype=torch.float64).view(-1, 1, 1)
    smoothed = counts.unsqueeze(0) + k_col                     # one 27x27 table per k
    totals = smoothed.sum(2, keepdim=True)
    smoothed = torch.where(totals > 0, smoothed / totals.clamp_min(1e-300), torch.full_like(smoothed, 1 / 27))
    logq = probs.log().unsqueeze(0)
    terms = torch.where(smoothed > 0, smoothed * (smoothed.clamp_min(1e-300).log() - logq), torch.zeros_like(smoothed))
    kls = (rows * terms.sum(2)).sum(1) / rows.sum()
    best = int(kls.argmin())
    return ks[best], max(float(kls[best]), 0.0)
