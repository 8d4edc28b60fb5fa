"""Counting bigrams: the 27x27 matrix N whose entry [i, j] counts how often character j follows character i (V x V
for a vocabulary ``itos`` of V characters, ``.`` first)."""

from __future__ import annotations

import math

import torch

from .checks import check_int, check_table, checked
from .vocabulary import chars, encode_names, itos, vocab_size


def bigram_pairs(names: list[str], itos: str | list[str] = chars) -> tuple[torch.Tensor, torch.Tensor]:
    """Every bigram of ``names`` as two tensors: the first characters ``xs`` and the characters that follow, ``ys``.

    >>> xs, ys = bigram_pairs(["emma"])
    >>> xs.tolist(), ys.tolist()
    ([0, 5, 13, 13, 1], [5, 13, 13, 1, 0])
    """
    ids = encode_names(names, itos)           # "." + ".".join(names) + "." as indices
    return ids[:-1], ids[1:]


def count_bigrams(names: list[str], itos: str | list[str] = chars) -> torch.Tensor:
    """The bigram count matrix N of ``names`` (int32, as in the lecture): 27x27, or V x V for a vocabulary ``itos``.

    >>> counts = count_bigrams(["emma", "ava"])
    >>> int(counts.sum()), int(counts[13, 13]), int(counts[0, 1])   # 5 + 4 bigrams; 'mm'; '.a'
    (9, 1, 1)
    >>> count_bigrams(["ab", "b"], ".ab").tolist()
    [[0, 1, 1], [0, 0, 1], [2, 0, 0]]
    """
    xs, ys = bigram_pairs(names, itos)
    V = len(itos)
    N = torch.bincount(xs * V + ys, minlength=V * V)    # how often each pair (x, y) occurs, x * V + y
    return N.view(V, V).to(torch.int32)


@checked(counts=lambda t: check_table(t, "counts", shape=None, cols=vocab_size),
         _all=lambda args: check_int(args["n"], "n", 0, args["counts"].numel()))
def top_bigrams(counts: torch.Tensor, n: int = 10) -> list[tuple[str, int | float]]:
    """The ``n`` largest cells of a table (counts or probabilities, n-gram tables too), largest first.

    >>> top_bigrams(count_bigrams(["anna", "ann"]), 2)
    [('.a', 2), ('an', 2)]
    """
    values, flat = torch.sort(counts.flatten(), descending=True, stable=True)
    width = round(math.log(counts.numel(), vocab_size))      # the characters of a cell's n-gram: 27**width cells
    return [("".join(itos[i // vocab_size ** p % vocab_size] for p in range(width - 1, -1, -1)), v)
            for v, i in zip(values[:n].tolist(), flat[:n].tolist())]
