"""Counting bigrams: the 27x27 matrix N whose entry [i, j] counts how often character j follows character i."""

from __future__ import annotations

import numpy as np
import torch

from .checks import check_count
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


MAX_ORDER = 4   # n-gram tables up to 4-grams: 19,683 contexts x 27


def table_order(shape: tuple[int, ...]) -> int | None:
    """The n of an n-gram table of this shape, one row per context of n-1 characters: 27**(n-1) rows of 27.

    2 for the bigram table (27, 27), 3 for a trigram table (729, 27); None for any other shape.

    >>> table_order((27, 27)), table_order((729, 27)), table_order((26, 27))
    (2, 3, None)
    """
    shape = tuple(shape)
    if len(shape) != 2 or shape[1] != vocab_size:
        return None
    orders = [n for n in range(1, MAX_ORDER + 1) if shape[0] == vocab_size ** (n - 1)]
    return orders[0] if orders else None


def check_table_shape(t: torch.Tensor, what: str, any_order: bool = False) -> int:
    """Return the n of the table ``t`` (2 for 27x27), or raise: 27x27 only, unless ``any_order`` allows n-grams.

    >>> check_table_shape(torch.zeros(729, 27), "counts", any_order=True)
    3
    >>> check_table_shape(torch.zeros(729, 27), "counts")
    Traceback (most recent call last):
    ...
    ValueError: counts must have shape (27, 27), not (729, 27)
    """
    order = table_order(t.shape)
    if order == 2 or (any_order and order is not None):
        return order
    hint = f" (or (27**(n-1), 27) for an n-gram model, n = 1..{MAX_ORDER})" if any_order else ""
    raise ValueError(f"{what} must have shape ({vocab_size}, {vocab_size}), not {tuple(t.shape)}{hint}")


def check_counts(counts: object, any_order: bool = False) -> torch.Tensor:
    """Return ``counts`` if it is a 27x27 tensor of finite, non-negative numbers, else raise a clear error.

    ``any_order=True`` also accepts an n-gram count table of shape (27**(n-1), 27) (see ``table_order``).

    >>> check_counts(torch.zeros(3, 3))
    Traceback (most recent call last):
    ...
    ValueError: counts must have shape (27, 27), not (3, 3)
    """
    if not isinstance(counts, torch.Tensor):
        raise TypeError(f"counts must be a torch.Tensor, not {type(counts).__name__}")
    check_table_shape(counts, "counts", any_order)
    if counts.dtype == torch.bool or counts.is_complex():
        raise TypeError(f"counts must hold real numbers, not {counts.dtype}")
    if counts.is_floating_point() and not torch.isfinite(counts).all():
        raise ValueError("counts must be finite: it holds NaN or infinity")
    if (counts < 0).any():
        raise ValueError("counts must not be negative")
    return counts


def top_bigrams(counts: torch.Tensor, n: int = 10) -> list[tuple[str, int]]:
    """The ``n`` commonest bigrams with their counts, commonest first.

    >>> top_bigrams(count_bigrams(["anna", "ann"]), 2)
    [('.a', 2), ('an', 2)]
    """
    counts = check_counts(counts)
    n = check_count(n, "n", vocab_size * vocab_size)
    values, flat = torch.sort(counts.flatten(), descending=True, stable=True)
    return [(itos[i // vocab_size] + itos[i % vocab_size], int(v))
            for v, i in zip(values[:n].tolist(), flat[:n].tolist())]
