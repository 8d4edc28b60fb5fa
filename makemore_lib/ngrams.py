"""n-grams: the bigram model with a longer memory. n-1 characters (the context) predict the next one.

A name is padded with n-1 start tokens, so ``emma`` gives the trigrams ``..e .em emm mma ma.``. A context
of n-1 characters is numbered like a number in base 27 (``.e`` is 0*27 + 5 = 5), so an n-gram count table
has one row per context and one column per next character: shape (27**(n-1), 27); n = 2 is the bigram
matrix N. Probabilities (``bigram_probs``), the loss (``counts_nll``, ``ngram_nll``) and the fast
training of the net (``train_counts``) all work on such tables unchanged.
"""

from __future__ import annotations

import numpy as np
import torch

from .checks import (check_count, check_count_table, check_generator, check_names, check_order,
                     check_prob_table, check_text, table_order)
from .loss import counts_nll
from .sampling import MAX_SAMPLED_LENGTH
from .vocabulary import encode_names, itos, stoi, vocab_size


def ngram_pairs(names: list[str], n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Every n-gram of ``names`` as two int64 tensors: the context numbers ``xs`` and the next characters ``ys``.

    A context of n-1 characters c1..c(n-1) is the number c1*27**(n-2) + ... + c(n-1). Counted without a
    Python loop: the names are joined with n-1 dots between them, every window of n characters is an n-gram,
    and the windows that would end on a second dot (which straddle two names) are dropped.

    >>> xs, ys = ngram_pairs(["emma"], 3)          # ..e .em emm mma ma.
    >>> xs.tolist(), ys.tolist()
    ([0, 5, 148, 364, 352], [5, 13, 13, 1, 0])
    """
    names = check_names(names)
    n = check_order(n)
    ids = torch.from_numpy(encode_names(names).astype(np.int64))
    if n <= 2:
        ys = ids[1:]
        return (ids[:-1] if n == 2 else torch.zeros_like(ys)), ys
    pad = "." * (n - 1)
    text = pad + pad.join(names) + "."
    stream = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    ids = torch.from_numpy(np.where(stream == ord("."), 0, stream.astype(np.int64) - ord("a") + 1))
    windows = ids.unfold(0, n, 1)                          # (number of windows, n)
    keep = ~((windows[:, -1] == 0) & (windows[:, -2] == 0))
    windows = windows[keep]
    powers = vocab_size ** torch.arange(n - 2, -1, -1)
    return (windows[:, :-1] * powers).sum(1), windows[:, -1].clone()


def count_ngrams(names: list[str], n: int) -> torch.Tensor:
    """The n-gram count table of ``names``: shape (27**(n-1), 27), int32; row = context, column = next character.

    ``count_ngrams(names, 2)`` is the bigram matrix N.

    >>> N3 = count_ngrams(["emma", "ava"], 3)
    >>> N3.shape, int(N3.sum()), int(N3[context_index("em"), 13])   # 5 + 4 trigrams; 'emm'
    (torch.Size([729, 27]), 9, 1)
    """
    xs, ys = ngram_pairs(names, n)
    rows = vocab_size ** (n - 1)
    flat = torch.bincount(xs * vocab_size + ys, minlength=rows * vocab_size)
    return flat.view(rows, vocab_size).to(torch.int32)


def ngram_nll(names: list[str], probs: torch.Tensor) -> float:
    """The loss of an n-gram model ``probs`` (27**(n-1), 27) on ``names``: the average NLL of every n-gram.

    >>> from makemore_lib.probabilities import bigram_probs
    >>> names = ["emma", "ava"]
    >>> round(ngram_nll(names, bigram_probs(count_ngrams(names, 3))), 4)   # only '..' is uncertain: 2 log 2 / 9
    0.154
    """
    probs = check_prob_table(probs)
    return counts_nll(count_ngrams(names, table_order(probs.shape)), probs)


def context_index(context: str) -> int:
    """The row of ``context`` (a string of '.' and a-z) in an n-gram table with n = len(context) + 1.

    >>> context_index(".e"), context_index("em")
    (5, 148)
    """
    index = 0
    for ch in check_text(context, "context"):
        index = index * vocab_size + stoi[ch]
    return index


def context_string(index: int, n: int) -> str:
    """The n-1 characters of context number ``index`` in an n-gram table (the inverse of ``context_index``).

    >>> context_string(148, 3)
    'em'
    """
    n = check_order(n)
    index = check_count(index, "index", vocab_size ** (n - 1) - 1)
    chars = []
    for _ in range(n - 1):
        index, ch = divmod(index, vocab_size)
        chars.append(itos[ch])
    return "".join(reversed(chars))


def top_ngrams(counts: torch.Tensor, k: int = 10) -> list[tuple[str, int | float]]:
    """The ``k`` commonest n-grams of an n-gram table with their counts (or probabilities), commonest first.

    >>> top_ngrams(count_ngrams(["anna", "ann"], 3), 2)
    [('..a', 2), ('.an', 2)]
    """
    counts = check_count_table(counts)
    n = table_order(counts.shape)
    k = check_count(k, "k", counts.numel())
    values, flat = torch.sort(counts.flatten(), descending=True, stable=True)
    return [(context_string(i // vocab_size, n) + itos[i % vocab_size], v)
            for v, i in zip(values[:k].tolist(), flat[:k].tolist())]


def sample_ngram_names(probs: torch.Tensor, count: int, generator: torch.Generator) -> list[str]:
    """Draw ``count`` names from an n-gram model ``probs`` (27**(n-1), 27), one ``torch.multinomial`` per character.

    The lecture's sampling loop, with the context (the last n-1 characters, as a number) in place of the
    last character: after drawing ``ix``, the context becomes ``(context * 27 + ix) % 27**(n-1)``.

    >>> from makemore_lib.probabilities import bigram_probs
    >>> P3 = bigram_probs(count_ngrams(["emma", "ava"], 3))
    >>> sample_ngram_names(P3, 3, torch.Generator().manual_seed(2147483647))
    ['ava', 'emma', 'ava']
    """
    probs = check_prob_table(probs)
    count = check_count(count, "count")
    generator = check_generator(generator)
    rows = probs.shape[0]
    names = []
    for _ in range(count):
        context, chars = 0, []
        while True:
            ix = torch.multinomial(probs[context], num_samples=1, replacement=True, generator=generator).item()
            if ix == 0:
                break
            chars.append(itos[ix])
            if len(chars) > MAX_SAMPLED_LENGTH:
                raise ValueError(f"probs do not end names: a sampled name passed {MAX_SAMPLED_LENGTH:,} characters")
            context = (context * vocab_size + ix) % rows
        names.append("".join(chars))
    return names
