"""Sampling names from a bigram model, one character at a time, with an explicit seeded generator."""

from __future__ import annotations

import torch

from .checks import check_count, check_generator, check_probs
from .vocabulary import itos, vocab_size

MAX_SAMPLED_LENGTH = 1_000
"""A sampled name longer than this means the model cannot end names (column 0 unreachable): an error."""


def sample_names(probs: torch.Tensor, n: int, generator: torch.Generator) -> list[str]:
    """Draw ``n`` names from the bigram model ``probs``, exactly as the lecture's loop would with this generator.

    The lecture draws each character with ``torch.multinomial(probs[ix], 1, replacement=True, generator=g)``.
    For one sample, torch computes that draw as ``argmax(probs[ix] / q)`` with ``q`` 27 exponential random
    numbers, and 27 numbers drawn at once are the same as 27 drawn one by one. So this function draws the
    exponentials in blocks, finds the next character for every possible current character at once, and walks
    through them: the same names as the lecture's loop, and the generator is left in the same state.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> sample_names(uniform_probs(), 2, torch.Generator().manual_seed(2147483647))
    ['cexzm', 'zoglkurkicqzktyhwmvmzimjttainrlkfukzkktda']
    """
    probs = check_probs(probs)
    if probs.dtype not in (torch.float32, torch.float64):
        probs = probs.float()    # half precision: drawn as float32 (torch.multinomial has no half CPU kernel)
    n = check_count(n)
    generator = check_generator(generator)
    scout = torch.Generator()
    scout.set_state(generator.get_state())
    names: list[str] = []
    current: list[str] = []
    ix = 0
    draws = 0
    while len(names) < n:
        block = min(4096, 8 * (n - len(names)) + 16)
        q = torch.empty(block, vocab_size, dtype=probs.dtype).exponential_(generator=scout)
        next_ix = (probs.unsqueeze(0) / q.unsqueeze(1)).argmax(2).tolist()  # [draw][current char] -> next char
        for row in next_ix:
            ix = row[ix]
            draws += 1
            if ix == 0:
                names.append("".join(current))
                current = []
                if len(names) == n:
                    break
            else:
                current.append(itos[ix])
                if len(current) > MAX_SAMPLED_LENGTH:
                    raise ValueError(f"probs do not end names: a sampled name passed {MAX_SAMPLED_LENGTH:,} "
                                     f"characters (check that column 0, the end token, can be reached)")
    # Leave the caller's generator where the lecture's loop would have left it.
    torch.empty(draws, vocab_size, dtype=probs.dtype).exponential_(generator=generator)
    return names
