"""The 27-character vocabulary: ``.`` marks the start and end of a name, ``a``..``z`` are the letters; and the
checks of names against a vocabulary (this one by default, or a word list's own ``itos``)."""

from __future__ import annotations

import string

import numpy as np
import torch

from .checks import checked, given, shorten

chars: str = "." + string.ascii_lowercase
"""Every character the model knows, in index order: ``.`` is 0, ``a`` is 1, ..., ``z`` is 26."""

stoi: dict[str, int] = {ch: i for i, ch in enumerate(chars)}
itos: dict[int, str] = {i: ch for ch, i in stoi.items()}
vocab_size: int = len(chars)
LETTERS = chars[1:]
MAX_NAME_LENGTH = 100
"""The longest name accepted (the dataset's longest has 15 letters)."""


@checked(name=lambda name: check_name(name))
def bigrams(name: str) -> list[str]:
    """The bigrams of one name, with ``.`` added at its start and end.

    >>> bigrams("isabella")
    ['.i', 'is', 'sa', 'ab', 'be', 'el', 'll', 'la', 'a.']
    """
    chs = "." + name + "."
    return [a + b for a, b in zip(chs, chs[1:])]


def encode_names(names: list[str], itos: str | list[str] = chars) -> torch.Tensor:
    """Encode a list of names as one int64 tensor over the vocabulary ``itos``, ``.`` before each name and after
    the last. The ``.`` that ends one name also starts the next, so consecutive pairs are exactly the bigrams.

    >>> encode_names(["ab", "c"]).tolist(), encode_names(["bo"], [".", "b", "o"]).tolist()
    ([0, 1, 2, 0, 3, 0], [0, 1, 2, 0])
    """
    itos = check_itos(itos)
    text = "." + ".".join(check_names(names, letters=itos[1:])) + "."
    points = [ord(ch) for ch in itos]
    lookup = np.zeros(max(points) + 1, dtype=np.int64)   # code point -> index: the text encoded without a loop
    lookup[points] = np.arange(len(itos))
    return torch.from_numpy(lookup[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)])


# --- checks ---------------------------------------------------------------------------------------------------------

def describe_char(ch: str) -> str:
    r"""How to name a character in an error message, so that invisible ones show up.

    >>> print(describe_char("q"), describe_char(chr(9)))
    'q' '\t' (U+0009)
    """
    if ch.isprintable() and not ch.isspace():
        return repr(ch)
    return f"{ch!r} (U+{ord(ch):04X})"


def check_name(name: object, what: str = "name", letters: str | list[str] = LETTERS) -> str:
    """``name`` if it is 1 to 100 of ``letters`` (default: lowercase a-z), else a clear error.

    >>> check_name("Emma")
    Traceback (most recent call last):
    ValueError: name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z
    """
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a str, not {given(name)}")
    if not name:
        raise ValueError(f"{what} is empty: a name needs at least one letter a-z")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"{what} is {len(name):,} characters long: the longest name accepted has {MAX_NAME_LENGTH}")
    for pos, ch in enumerate(name):
        if ch not in letters:
            hint = (" (lines read with readlines() keep their newline: use read().splitlines())" if ch in "\r\n" else
                    " (strip spaces first: name.strip())" if ch.isspace() else "")
            allowed = "a lowercase letter a-z" if letters == LETTERS else "in the vocabulary"
            raise ValueError(f"{what} {shorten(name)} has {describe_char(ch)} at position {pos}, which is not "
                             f"{allowed}{hint}")
    return name


def check_names(names: object, what: str = "names", letters: str | list[str] = LETTERS) -> list[str]:
    """``names`` as a list if it is a non-empty list of valid names, else an error naming the first bad one.

    >>> check_names(["emma", "Ava"])
    Traceback (most recent call last):
    ValueError: names[1] 'Ava' has 'A' at position 0, which is not a lowercase letter a-z
    """
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise TypeError(f"{what} must be a list of str, not {given(names)}")
    if not names:
        raise ValueError(f"{what} is empty: give at least one name")
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise TypeError(f"{what}[{i}] must be a str, not {given(name)}")
    if not set("".join(names)) <= set(letters) or not all(0 < len(name) <= MAX_NAME_LENGTH for name in names):
        for i, name in enumerate(names):
            check_name(name, f"{what}[{i}]", letters)
    return list(names)


def check_itos(itos: object, what: str = "itos") -> str | list[str]:
    """``itos`` if it is a vocabulary: distinct single characters, ``.`` first (a str or a list of str).

    >>> check_itos(["a", "."])
    Traceback (most recent call last):
    ValueError: itos must be distinct characters with '.' first, not ['a', '.']
    """
    if isinstance(itos, dict):                          # {0: '.', 1: 'a', ...}, like the lecture's itos
        itos = [itos.get(i) for i in range(len(itos))]
    if not isinstance(itos, (str, list, tuple)) or not all(isinstance(ch, str) for ch in itos):
        raise TypeError(f"{what} must be a str or a list of characters, not {given(itos)}")
    if len(itos) < 2 or itos[0] != "." or len(set(itos)) != len(itos) or any(len(ch) != 1 for ch in itos):
        raise ValueError(f"{what} must be distinct characters with '.' first, not {shorten(itos)}")
    return itos
