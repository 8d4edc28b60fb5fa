"""Counting bigrams: the 27x27 matrix N whose entry [i, j] counts how often character j follows character i."""

from __future__ import annotations

import numpy as np
import torch

from .checks import check_count, check_counts
from .vocabulary import encode_names, itos, vocab_size


def bigram_pairs(names: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Every bigram of ``names`` as two tensors: the first characters ``xs`` and the characters that follow, ``ys``.

    >>> xs, ys = bigram_pairs(["emma"])
    >>> xs.tolist(), ys.tolist()
    ([0, 5, 13, 13, 1], [5, 13, 13, 1, 0])
    """
    ids = torch.from_numpy(encode_names(names).astype(np.int64))
    return ids[:-1], ids[1:]


def count_bigrams(names: list[str]) -> torch.Tensor:
    """The 27x27 bigram count matrix of ``names`` (int32, as in the lecture), counted without a Python loop.

    >>> counts = count_bigrams(["emma", "ava"])
    >>> int(counts.sum()), int(counts[13, 13]), int(counts[0, 1])   # 5 + 4 bigrams; 'mm'; '.a'
    (9, 1, 1)
    """
    xs, ys = bigram_pairs(names)
    flat = torch.bincount(xs * vocab_size + ys, minlength=vocab_size * vocab_size)
    return flat.view(vocab_size, vocab_size).to(torch.int32)


def top_bigrams(counts: torch.Tensor, n: int = 10) -> list[tuple[str, int | float]]:
    """The ``n`` largest cells of a 27x27 table (counts, or probabilities) with their values, largest first.

    Values keep their kind: ints for an integer tensor, floats for a floating-point one (so probabilities
    are not cut to 0). Ties keep the table's order.

    >>> top_bigrams(count_bigrams(["anna", "ann"]), 2)
    [('.a', 2), ('an', 2)]
    """
    counts = check_counts(counts)
    n = check_count(n, "n", vocab_size * vocab_size)
    values, flat = torch.sort(counts.flatten(), descending=True, stable=True)
    return [(itos[i // vocab_size] + itos[i % vocab_size], v)
            for v, i in zip(values[:n].tolist(), flat[:n].tolist())]
