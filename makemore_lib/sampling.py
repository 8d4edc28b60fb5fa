"""Sampling names from a bigram model, one character at a time, with an explicit seeded generator."""

from __future__ import annotations

import torch

from .checks import check_generator, check_int, check_table, checked
from .vocabulary import chars, check_itos

MAX_SAMPLES = 100_000
MAX_SAMPLED_LENGTH = 1_000   # a longer sampled name means the model cannot end names (column 0 unreachable)
TOO_LONG = ("probs do not end names: a sampled name passed {max} characters (check that column 0, the end token, "
            "can be reached)")


def _check_sampling(args: dict) -> None:
    if args["probs"].dtype not in (torch.float32, torch.float64):
        raise TypeError(f"probs must hold float32 or float64 numbers, not {args['probs'].dtype}")
    if args["probs"].shape[1] != len(args["itos"]):
        raise ValueError(f"probs has {args['probs'].shape[1]} columns, but itos has {len(args['itos'])} "
                         f"characters: {args['itos'][:40]!r}")


@checked(probs=lambda t: check_table(t, "probs", "probs", shape=None), n=lambda n: check_int(n, "n", 0, MAX_SAMPLES),
         generator=check_generator, itos=check_itos, _all=_check_sampling)
def sample_names(probs: torch.Tensor, n: int, generator: torch.Generator, itos: str | list[str] = chars) -> list[str]:
    """Draw ``n`` names from ``probs`` (V x V for the vocabulary ``itos``, or an n-gram table), the lecture's names
    for this generator: ``torch.multinomial`` with one sample is ``argmax(probs[ix] / q)``, q exponential random
    numbers, so this draws them in blocks for every row at once and leaves the generator where the loop would.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> sample_names(uniform_probs(), 2, torch.Generator().manual_seed(2147483647))
    ['cexzm', 'zoglkurkicqzktyhwmvmzimjttainrlkfukzkktda']
    """
    rows, V = probs.shape
    scout = torch.Generator()
    scout.set_state(generator.get_state())
    names: list[str] = []
    current: list[str] = []
    row = draws = 0
    while len(names) < n:
        block = max(1, min(4096, 8 * (n - len(names)) + 16, 2**21 // probs.numel()))
        q = torch.empty(block, V, dtype=probs.dtype).exponential_(generator=scout)
        next_ix = (probs.unsqueeze(0) / q.unsqueeze(1)).argmax(2).tolist()  # [draw][row] -> next character
        for draw in next_ix:
            ix = draw[row]
            draws += 1
            if ix == 0:
                names.append("".join(current))
                current, row = [], 0
                if len(names) == n:
                    break
            else:
                current.append(itos[ix])
                row = (row * V + ix) % rows          # the last n-1 characters (for bigrams: ix)
                if len(current) > MAX_SAMPLED_LENGTH:
                    raise ValueError(TOO_LONG.format(max=f"{MAX_SAMPLED_LENGTH:,}"))
    # Leave the caller's generator where the lecture's loop would have left it.
    torch.empty(draws, V, dtype=probs.dtype).exponential_(generator=generator)
    return names
