"""The lecture's own way of doing things, kept as the yardstick that tests and benchmarks compare against.

These are deliberately plain loops: they are what the library's fast functions must agree with.
"""

from __future__ import annotations

import torch

from .vocabulary import itos, stoi


def count_bigrams_loop(names: list[str]) -> torch.Tensor:
    """Count bigrams with a Python loop over every character, as the lecture does.

    >>> int(count_bigrams_loop(["emma"]).sum())
    5
    """
    N = torch.zeros((27, 27), dtype=torch.int32)
    for w in names:
        chs = ["."] + list(w) + ["."]
        for ch1, ch2 in zip(chs, chs[1:]):
            N[stoi[ch1], stoi[ch2]] += 1
    return N


def sample_names_loop(P: torch.Tensor, n: int, g: torch.Generator) -> list[str]:
    """Sample ``n`` names with one ``torch.multinomial`` per character, as the lecture does.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> sample_names_loop(uniform_probs(), 1, torch.Generator().manual_seed(2147483647))
    ['cexzm']
    """
    out = []
    for _ in range(n):
        chars = []
        ix = 0
        while True:
            p = P[ix]
            ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
            if ix == 0:
                break
            chars.append(itos[ix])
        out.append("".join(chars))
    return out

