"""The 27-character vocabulary: ``.`` marks the start and end of a name, ``a``..``z`` are the letters."""

from __future__ import annotations

import string

import numpy as np

chars: str = "." + string.ascii_lowercase
"""Every character the model knows, in index order: ``.`` is 0, ``a`` is 1, ..., ``z`` is 26."""

stoi: dict[str, int] = {ch: i for i, ch in enumerate(chars)}
itos: dict[int, str] = {i: ch for ch, i in stoi.items()}
vocab_size: int = len(chars)

# checks.py reads the characters above, so it is imported after them (either module may be imported first).
from . import checks  # noqa: E402

# Byte value -> index; lets whole texts of valid names be encoded without a Python loop.
_LOOKUP = np.zeros(256, dtype=np.uint8)
for _ch, _i in stoi.items():
    _LOOKUP[ord(_ch)] = _i


def encode(text: str) -> list[int]:
    """Turn a string of vocabulary characters (``.`` included) into their indices.

    >>> encode(".emma.")
    [0, 5, 13, 13, 1, 0]
    >>> encode("a!")
    Traceback (most recent call last):
    ...
    ValueError: text 'a!' has '!' at position 1, which is not in the vocabulary ('.' or a-z)
    """
    return [stoi[ch] for ch in checks.check_text(text)]


def decode(ids: list[int]) -> str:
    """Turn indices back into their characters.

    >>> decode([0, 5, 13, 13, 1, 0])
    '.emma.'
    """
    return "".join(itos[i] for i in checks.check_ids(ids))


def bigrams(name: str) -> list[str]:
    """The bigrams of one name, with ``.`` added at its start and end.

    >>> bigrams("isabella")
    ['.i', 'is', 'sa', 'ab', 'be', 'el', 'll', 'la', 'a.']
    """
    chs = "." + checks.check_name(name) + "."
    return [a + b for a, b in zip(chs, chs[1:])]


def encode_names(names: list[str]) -> np.ndarray:
    """Encode a list of names as one array, ``.`` before each name and after the last.

    The ``.`` that ends one name also starts the next, so consecutive pairs of this array are exactly the
    dataset's bigrams.

    >>> encode_names(["ab", "c"]).tolist()
    [0, 1, 2, 0, 3, 0]
    """
    text = "." + ".".join(checks.check_names(names)) + "."
    return _LOOKUP[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
