"""n-grams: n-1 characters (the context, a number in base 27: ``.e`` is 5) predict the next one. A name gets n-1
start tokens (``emma``: ``..e .em emm mma ma.``); a table has a row per context: (27**(n-1), 27). Probabilities,
loss, sampling and training are the bigram functions, which take such tables."""

from __future__ import annotations

import torch

from .checks import MAX_ORDER, check_int, checked
from .counting import top_bigrams
from .sampling import sample_names as sample_ngram_names
from .vocabulary import check_names, stoi, vocab_size

__all__ = ["count_ngrams", "ngram_pairs", "sample_ngram_names", "top_ngrams"]
_ORDER = lambda n: check_int(n, "n", 1, MAX_ORDER)  # noqa: E731


@checked(names=check_names, n=_ORDER)
def ngram_pairs(names: list[str], n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Every n-gram of ``names`` as two int64 tensors: the context numbers ``xs`` and the next characters ``ys``.

    Context c1..c(n-1) is the number c1*27**(n-2) + ... + c(n-1); each window of n characters is an n-gram.

    >>> xs, ys = ngram_pairs(["emma"], 3)          # ..e .em emm mma ma.
    >>> xs.tolist(), ys.tolist()
    ([0, 5, 148, 364, 352], [5, 13, 13, 1, 0])
    """
    text = "".join("." * (n - 1) + name + "." for name in names)
    windows = torch.tensor([stoi[ch] for ch in text]).unfold(0, n, 1)      # every n characters in a row
    if n > 1:
        windows = windows[(windows[:, -2:] != 0).any(1)]      # not ending in two dots
    powers = 27 ** torch.arange(n - 2, -1, -1)                # context c1..c(n-1) as a number in base 27
    return (windows[:, :-1] * powers).sum(1), windows[:, -1].clone()


def count_ngrams(names: list[str], n: int) -> torch.Tensor:
    """The n-gram count table of ``names``: shape (27**(n-1), 27), int32; row = context, column = next character.

    ``count_ngrams(names, 2)`` is the bigram matrix N.

    >>> N3 = count_ngrams(["emma", "ava"], 3)
    >>> N3.shape, int(N3.sum()), int(N3[5 * 27 + 13, 13])   # 5 + 4 trigrams; 'emm' (context 'em' is row 148)
    (torch.Size([729, 27]), 9, 1)
    """
    xs, ys = ngram_pairs(names, n)
    rows = vocab_size ** (n - 1)
    flat = torch.bincount(xs * vocab_size + ys, minlength=rows * vocab_size)
    return flat.view(rows, vocab_size).to(torch.int32)


top_ngrams = top_bigrams   # the largest cells of any n-gram table: top_ngrams(count_ngrams(names, 3), 5)
