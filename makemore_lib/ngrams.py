"""n-grams: n-1 characters (the context, a number in base 27: ``.e`` is 5) predict the next one. A name gets n-1
start tokens (``emma``: ``..e .em emm mma ma.``); a table has a row per context: (27**(n-1), 27). Probabilities,
loss, sampling and training are the bigram functions, which take such tables."""

from __future__ import annotations

import math

import torch

from .checks import MAX_ORDER, check_int, check_table, checked
from .counting import top_bigrams
from .loss import counts_nll
from .sampling import sample_names as sample_ngram_names
from .vocabulary import check_names, check_text, encode, itos, stoi, vocab_size

__all__ = ["context_index", "context_string", "count_ngrams", "ngram_nll", "ngram_pairs", "sample_ngram_names",
           "top_ngrams"]
_ORDER = lambda n: check_int(n, "n", 1, MAX_ORDER)  # noqa: E731


@checked(names=check_names, n=_ORDER)
def ngram_pairs(names: list[str], n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Every n-gram of ``names`` as two int64 tensors: the context numbers ``xs`` and the next characters ``ys``.

    A context of n-1 characters c1..c(n-1) is the number c1*27**(n-2) + ... + c(n-1). Counted without a
    Python loop: each name gets n-1 dots before it and one after, every window of n characters in a row is an
    n-gram, and a window that ends in two dots (which straddles two names) is dropped.

    >>> xs, ys = ngram_pairs(["emma"], 3)          # ..e .em emm mma ma.
    >>> xs.tolist(), ys.tolist()
    ([0, 5, 148, 364, 352], [5, 13, 13, 1, 0])
    """
    text = "".join("." * (n - 1) + name + "." for name in names)
    windows = torch.tensor(encode(text)).unfold(0, n, 1)      # every n characters in a row
    if n > 1:
        windows = windows[(windows[:, -2:] != 0).any(1)]      # not ending in two dots
    powers = 27 ** torch.arange(n - 2, -1, -1)                # context c1..c(n-1) as a number in base 27
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


@checked(probs=lambda t: check_table(t, "probs", "probs", shape=None, cols=vocab_size))
def ngram_nll(names: list[str], probs: torch.Tensor) -> float:
    """The loss of an n-gram model ``probs`` (27**(n-1), 27) on ``names``: the average NLL of every n-gram.

    >>> from makemore_lib.probabilities import bigram_probs
    >>> names = ["emma", "ava"]
    >>> round(ngram_nll(names, bigram_probs(count_ngrams(names, 3))), 4)   # only '..' is uncertain: 2 log 2 / 9
    0.154
    """
    n = round(math.log(len(probs), vocab_size)) + 1      # probs has 27**(n-1) rows
    return counts_nll(count_ngrams(names, n), probs)


def context_index(context: str) -> int:
    """The row of ``context`` (a string of '.' and a-z) in an n-gram table with n = len(context) + 1.

    >>> context_index(".e"), context_index("em")
    (5, 148)
    """
    index = 0
    for ch in check_text(context, "context"):
        index = index * vocab_size + stoi[ch]
    return index


@checked(n=_ORDER)
def context_string(index: int, n: int) -> str:
    """The n-1 characters of context number ``index`` in an n-gram table (the inverse of ``context_index``).

    >>> context_string(148, 3)
    'em'
    """
    index = check_int(index, "index", 0, vocab_size ** (n - 1) - 1)
    chars = []
    for _ in range(n - 1):
        index, ch = divmod(index, vocab_size)
        chars.append(itos[ch])
    return "".join(reversed(chars))


@checked(counts=lambda t: check_table(t, "counts", shape=None, cols=vocab_size),
         _all=lambda args: check_int(args["k"], "k", 0, args["counts"].numel()))
def top_ngrams(counts: torch.Tensor, k: int = 10) -> list[tuple[str, int | float]]:
    """The ``k`` commonest n-grams of an n-gram table with their counts (or probabilities), commonest first.

    >>> top_ngrams(count_ngrams(["anna", "ann"], 3), 2)
    [('..a', 2), ('.an', 2)]
    """
    return top_bigrams(counts, k)
