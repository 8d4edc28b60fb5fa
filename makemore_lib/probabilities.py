"""From counts to probabilities: normalise each row of N, after adding k fake counts to every cell."""

from __future__ import annotations

import torch

from .checks import MAX_VALUE, check_number, check_table, checked
from .vocabulary import vocab_size


@checked(counts=lambda t: check_table(t, "counts", shape=None), k=lambda k: check_number(k, "smoothing k", MAX_VALUE))
def bigram_probs(counts: torch.Tensor, k: float = 0.0) -> torch.Tensor:
    """Row-normalised probabilities P (float32) from ``counts`` with ``k`` fake counts added to every cell.

    ``P[i, j]`` is the probability that character j follows i. A row never seen gets the uniform distribution.

    >>> from makemore_lib.counting import count_bigrams
    >>> P = bigram_probs(count_bigrams(["emma", "ava"]), k=1.0)
    >>> P.shape, round(float(P[0].sum()), 6)
    (torch.Size([27, 27]), 1.0)
    """
    P = (counts + k).float()
    P[P.sum(1) == 0] = 1.0                 # a row never seen (and k = 0): every next character alike
    return P / P.sum(1, keepdim=True)


def uniform_probs() -> torch.Tensor:
    """The model that knows nothing: every next character has probability 1/27.

    >>> round(float(uniform_probs()[0, 0]), 6)
    0.037037
    """
    return torch.full((vocab_size, vocab_size), 1.0 / vocab_size)
