"""Comparing the two models: how far a net trained with an L2 penalty λ is from counts smoothed with k (measured
by ``kl_divergence``), and which k is closest (``closest_smoothing``), so that λ and k can be put side by side."""

from __future__ import annotations

import torch

from .checks import MAX_VALUE, check_number, check_probs, check_table, checked, given

# The k searched by closest_smoothing: 0, then 0.0001 to 1,000,000 in steps of a factor 10**0.02 (about 5%).
SMOOTHING_GRID = [0.0] + [float(10 ** (e / 50)) for e in range(-200, 301)]
MAX_GRID = 10_000   # the longest grid closest_smoothing searches (20 times the default; a fraction of a second)
_BLOCK = 512   # ks compared at once: 512 tables of 27x27 floats, about 3 MB


@checked(p=lambda t: check_table(t, "p", "probs"), q=lambda t: check_table(t, "q", "probs"),
         weights=lambda w: None if w is None else check_table(w, "weights", shape=(27,),
                                                              empty="give at least one row a weight > 0"))
def kl_divergence(p: torch.Tensor, q: torch.Tensor, weights: torch.Tensor | None = None) -> float:
    """KL(p || q) of two bigram models: row i adds ``sum_j p[i, j] * log(p[i, j] / q[i, j])``, and the rows are
    averaged with ``weights`` (default: all alike; the row totals of N weigh a row as often as the data uses it).

    >>> from makemore_lib.probabilities import uniform_probs
    >>> kl_divergence(uniform_probs(), uniform_probs())
    0.0
    >>> p = torch.eye(27) * 0.5 + uniform_probs() * 0.5
    >>> round(kl_divergence(p, uniform_probs()), 4)
    1.0347
    """
    p, q = p.double(), q.double()
    weights = torch.ones(27) if weights is None else weights.double()
    seen = p > 0                          # a cell with p = 0 adds nothing
    terms = torch.zeros_like(p)
    terms[seen] = p[seen] * (p[seen].log() - q[seen].log())
    return float((weights * terms.sum(1)).sum() / weights.sum())


def _check_grid(grid: object) -> list[float]:
    if hasattr(grid, "tolist") and not isinstance(grid, (str, bytes)):
        grid = grid.tolist()
    if isinstance(grid, (str, bytes)) or not isinstance(grid, (list, tuple, range)):
        raise TypeError(f"grid must be a list of smoothing values k, not {given(grid)}")
    if not 1 <= len(grid) <= MAX_GRID:
        raise ValueError(f"grid must hold from 1 to {MAX_GRID:,} values of k, not {len(grid):,}")
    return [check_number(k, "smoothing k", MAX_VALUE) for k in grid]


@checked(counts=lambda t: check_table(t, "counts", empty="there is nothing to compare with"), probs=check_probs,
         grid=_check_grid)
def closest_smoothing(counts: torch.Tensor, probs: torch.Tensor,
                      grid: list[float] = SMOOTHING_GRID) -> tuple[float, float]:
    """The smoothing k (from ``grid``, default ``SMOOTHING_GRID``) whose P is closest to ``probs``, and that KL.

    The distance is ``kl_divergence(bigram_probs(counts, k), probs, row totals of counts)``, smoothed counts first
    so that k = 0 stays a candidate. On a tie the first k of the grid wins.

    >>> from makemore_lib.counting import count_bigrams
    >>> from makemore_lib.probabilities import bigram_probs
    >>> counts = count_bigrams(["emma", "ava", "olivia"])
    >>> k, kl = closest_smoothing(counts, bigram_probs(counts, 1.0))
    >>> k, round(kl, 6)
    (1.0, 0.0)
    """
    counts, probs = counts.double(), probs.double()
    rows = counts.sum(1)                  # each row weighs as often as it is used
    rows = rows / rows.max()              # (at most 1: a tiny count's weight does not go subnormal)
    kls = torch.cat([_kls(counts, rows, probs, grid[i:i + _BLOCK]) for i in range(0, len(grid), _BLOCK)])
    best = int(kls.argmin())
    return grid[best], max(float(kls[best]), 0.0)


def _kls(counts: torch.Tensor, rows: torch.Tensor, q: torch.Tensor, ks: list[float]) -> torch.Tensor:
    """KL(bigram_probs(counts, k) || q) for each k, weighted by ``rows``, in one batch (float64)."""
    smoothed = counts.unsqueeze(0) + torch.tensor(ks, dtype=torch.float64).view(-1, 1, 1)
    totals = smoothed.sum(2, keepdim=True)
    p = torch.where(totals > 0, smoothed / totals, 1 / 27)              # an empty row (k = 0): uniform
    terms = torch.xlogy(p, p) - torch.xlogy(p, q)   # p log p - p log q, 0 where p = 0
    return (rows * terms.sum(2)).sum(1) / rows.sum()
