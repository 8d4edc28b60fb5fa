"""The smoothing explorer (chapter 4): move k, the fake count added to every cell."""

from __future__ import annotations

import math

import torch
import traitlets

from ..loss import counts_nll, name_nll
from ..neural import LECTURE_SEED
from ..probabilities import bigram_probs
from ..checks import MAX_VALUE, check_number, check_table
from ..vocabulary import check_name, stoi
from .common import (MAX_NAMES, MAX_SEED, Data, FloatSetting, IntSetting, Live, TextSetting, esm, message, shown,
                     widget_names)
from .html import fmt_loss, heatmap_img, names_html

# The smoothing slider's k: 0, then a roughly logarithmic scale up to 10,000.
SMOOTHING_STEPS = (0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000)
K_OPTIONS = list(SMOOTHING_STEPS)


def check_bigram(text: str) -> str:
    """``text`` if it is two characters of the vocabulary ('.' and a-z), else an error (the bigram box).

    >>> check_bigram("q!")
    Traceback (most recent call last):
    ValueError: bigram must be two characters from '.' and a-z, not 'q!'
    """
    if len(text) != 2 or any(ch not in stoi for ch in text):
        raise ValueError(message("bigram", shown=shown(text)))
    return text


class SmoothingExplorer(Live):
    """Move k, the fake count added to every cell: P as a heatmap, P of one bigram, the loss of the dataset, of a
    typed name (and of a dev set, if given) and ``n`` seeded names, all recomputed in the page.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SmoothingExplorer(count_bigrams(["emma", "ava"]), bigram="mv")
    >>> round(w.p, 4), w.word_loss
    (0.0, inf)
    >>> w.k = 1
    >>> round(w.p, 4), round(w.loss, 4)
    (0.0345, 2.5875)
    >>> w.word = "emm!"
    >>> w.error
    "name 'emm!' has '!' at position 3, which is not a lowercase letter a-z"
    """

    _esm = esm("smoothing")
    counts = Data()
    dev_counts = Data()
    k_options = Data(K_OPTIONS)
    k = FloatSetting(0.0, "k_options", "smoothing k")
    bigram = TextSetting("jq")
    word = TextSetting("andrejq")
    seed = IntSetting(LECTURE_SEED, 0, MAX_SEED)
    n = IntSetting(5, 1, MAX_NAMES)
    p = traitlets.Float(math.nan)
    loss = traitlets.Float(math.nan)
    word_loss = traitlets.Float(math.nan)
    dev_loss = traitlets.Float(math.nan)
    names = traitlets.List()
    outputs = {"p": math.nan, "loss": math.nan, "word_loss": math.nan, "dev_loss": math.nan, "names": []}

    def __init__(self, counts: torch.Tensor, word: str = "andrejq", seed: int = LECTURE_SEED, n: int = 5,
                 steps: tuple = SMOOTHING_STEPS, k: float = 0, bigram: str = "jq",
                 dev_counts: torch.Tensor | None = None):
        self._counts = check_table(counts, "counts")
        self._dev = None if dev_counts is None else check_table(dev_counts, "dev_counts")
        options = sorted(check_number(v, "smoothing k", MAX_VALUE) for v in steps)
        if not options:
            raise ValueError("steps must hold at least one k")
        self._vmax = float(bigram_probs(self._counts).max())
        super().__init__(counts=self._counts.tolist(), dev_counts=[] if self._dev is None else self._dev.tolist(),
                         k_options=[int(v) if v.is_integer() else v for v in options], k=k, bigram=bigram,
                         word=word, seed=seed, n=n)

    def compute(self) -> None:
        probs = bigram_probs(self._counts, self.k)
        self.loss = counts_nll(self._counts, probs)
        self.dev_loss = math.nan if self._dev is None else counts_nll(self._dev, probs)
        self.names = widget_names(probs, self.n, self.seed)
        b = check_bigram(self.bigram)
        self.p = float(probs[stoi[b[0]], stoi[b[1]]])
        self.word_loss = name_nll(check_name(self.word), probs)

    def _best_dev(self) -> str:
        """Where the dev loss is lowest on the page's chart (k = 10^-3 to 10^2, 10 steps a decade)."""
        loss, k = min((counts_nll(self._dev, bigram_probs(self._counts, 10 ** (e / 10 - 3))), 10 ** (e / 10 - 3))
                      for e in range(51))
        return f"lowest at k ≈ {k:.1g}: {fmt_loss(loss)}"

    def snapshot(self) -> str:
        probs = bigram_probs(self._counts, self.k)
        return (heatmap_img(probs, f"P with k = {self.k:g}, as a 27 by 27 heatmap", vmax=self._vmax) +
                f"<p>k = {self.k:g}: {'training' if self._dev is not None else 'dataset'} loss {fmt_loss(self.loss)}"
                + (f", dev loss {fmt_loss(self.dev_loss)} ({self._best_dev()})" if self._dev is not None else "") +
                f"; P({self.bigram[1]} after {self.bigram[0]}) "
                f"= {self.p:.4f}; loss of {self.word} {fmt_loss(self.word_loss)}</p>" +
                names_html(self.names, f"{self.n} names, seed {self.seed}"))
