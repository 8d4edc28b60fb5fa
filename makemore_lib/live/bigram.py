"""The bigram explorer (chapter 1): type a name and see its bigrams, with the ``.`` token at both ends, and how
often the names of the dataset have each one."""

from __future__ import annotations

import html
from collections.abc import Mapping

import traitlets

from ..checks import given, shorten
from ..vocabulary import bigrams, stoi
from .common import RARE_BELOW, Data, Live, TextSetting, esm


def check_bigram_counts(counts: object) -> list[list[int]]:
    """``counts`` (a ``Counter`` of bigrams) as a 27 x 27 table of whole numbers, else an error naming ``counts``.

    >>> check_bigram_counts({"em": 2, "q!": 1})
    Traceback (most recent call last):
    ...
    ValueError: counts must map bigrams of '.' and a-z to counts, but it has the key 'q!'
    """
    if not isinstance(counts, Mapping):
        raise TypeError(f"counts must be a Counter of bigrams (like Counter(b for w in names for b in bigrams(w))), "
                        f"not {given(counts)}")
    out = [[0] * len(stoi) for _ in stoi]
    for key, value in counts.items():
        if not (isinstance(key, str) and len(key) == 2 and all(ch in stoi for ch in key)):
            raise ValueError(f"counts must map bigrams of '.' and a-z to counts, but it has the key {shorten(key)}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"counts[{key!r}] must be a whole number >= 0, not {given(value)}")
        out[stoi[key[0]]][stoi[key[1]]] = value
    return out


def rarity(count: int) -> str:
    """How the explorer marks a bigram seen ``count`` times: 'never', 'rare' (fewer than ``RARE_BELOW``) or ''.

    >>> rarity(0), rarity(RARE_BELOW - 1), rarity(RARE_BELOW)
    ('never', 'rare', '')
    """
    return "never" if count == 0 else "rare" if count < RARE_BELOW else ""


class BigramExplorer(Live):
    """Type a name and see its bigrams and how often each occurs in ``counts`` (a ``Counter`` of the dataset's
    bigrams), rare or never seen marked; a bad name's message shows in the widget and in ``error``.

    >>> from collections import Counter
    >>> w = BigramExplorer(Counter(["em", "mm", "em"]), "emma")
    >>> w.bigrams, w.seen
    (['.e', 'em', 'mm', 'ma', 'a.'], [0, 2, 1, 0, 0])
    >>> w.name = "Emma"
    >>> w.error, w.bigrams
    ("name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z", [])
    """

    _esm = esm("bigram")
    counts = Data()
    name = TextSetting("isabella")
    bigrams = traitlets.List()
    seen = traitlets.List()
    outputs = {"bigrams": [], "seen": []}

    def __init__(self, counts: Mapping[str, int], name: str = "isabella"):
        super().__init__(counts=check_bigram_counts(counts), name=name)

    def compute(self) -> None:
        found = bigrams(self.name)
        self.seen = [self.counts[stoi[b[0]]][stoi[b[1]]] for b in found]
        self.bigrams = found

    def snapshot(self) -> str:
        cells = "".join(f"<td><code>{html.escape(b)}</code><br>{n:,}<br>{rarity(n)}</td>"
                        for b, n in zip(self.bigrams, self.seen))
        total = sum(map(sum, self.counts))
        return (f"<p>The {len(self.bigrams)} bigrams of <b>{html.escape(self.name)}</b> and how many times each "
                f"occurs among the {total:,} bigrams of the names (rare: fewer than {RARE_BELOW}):</p>"
                f"<table><tr>{cells}</tr></table>")
