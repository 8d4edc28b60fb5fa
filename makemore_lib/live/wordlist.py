"""Your own word list: paste words (Pokémon, cities, your family's names) and get their bigram model, in the page.
The vocabulary is ``.`` and the list's characters, so the library's functions work on a V x V table."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

import torch
import traitlets

from ..checks import given
from ..counting import count_bigrams
from ..loss import counts_nll
from ..probabilities import bigram_probs
from ..sampling import sample_names
from ..vocabulary import describe_char
from .common import MAX_NAMES, MAX_SEED, WORDLIST, Data, FloatSetting, IntSetting, Live, TextSetting, esm, message, shown
from .html import fmt_loss, heatmap_img, names_html

SMOOTHING_OPTIONS = [0, 0.1, 0.3, 1, 3, 10]
EXAMPLE = "bulbasaur ivysaur venusaur charmander charmeleon charizard squirtle wartortle blastoise pikachu raichu"


class WordList(NamedTuple):
    """A pasted list: its words, and its vocabulary ``itos`` (``.`` first, then its letters)."""

    words: list[str]
    itos: list[str]


def parse_words(text: str) -> WordList:
    """The words of ``text`` (separated by spaces, tabs, new lines, commas or semicolons) and their vocabulary.

    >>> parse_words("ana, bo\\nana")
    WordList(words=['ana', 'bo', 'ana'], itos=['.', 'a', 'b', 'n', 'o'])
    >>> parse_words("r2d2 c3po")
    Traceback (most recent call last):
    ...
    ValueError: words[0] 'r2d2' has '2' at position 1, which is not a letter, ' or -
    """
    if not isinstance(text, str):
        raise TypeError(f"words must be a str, not {given(text)}")
    limits = WORDLIST
    if len(text) > limits["max_text"]:
        raise ValueError(message("list_too_long", size=f"{len(text):,}", max=f"{limits['max_text']:,}"))
    lines = text.count("\n") + 1   # before the split: a long text is refused in one pass
    if lines > limits["max_lines"]:
        raise ValueError(message("list_too_many_lines", count=f"{lines:,}", max=f"{limits['max_lines']:,}"))
    words = [w for w in re.split(f"[{re.escape(limits['separators'])}]+", text) if w]
    if not words:
        raise ValueError(message("list_empty"))
    if len(words) < limits["min_words"]:
        raise ValueError(message("list_one_word", word=shown(words[0])))
    if len(words) > limits["max_words"]:
        raise ValueError(message("list_too_many", count=f"{len(words):,}", max=f"{limits['max_words']:,}"))
    seen = set()
    for i, word in enumerate(words):
        if len(word) > limits["max_word_length"]:
            raise ValueError(message("word_too_long", i=i, size=f"{len(word):,}", max=limits["max_word_length"]))
        for pos, ch in enumerate(word):
            if not (ch.isalpha() or ch in limits["also"]):
                raise ValueError(message("word_not_letter", i=i, word=shown(word), ch=describe_char(ch), pos=pos))
        seen.update(word)
    if len(seen) > limits["max_chars"]:
        raise ValueError(message("list_too_many_chars", count=len(seen), max=limits["max_chars"]))
    return WordList(words, ["."] + sorted(seen))


class WordListWidget(Live):
    """Paste your own words: the page shows their bigram counts as a heatmap, the loss of the bigram model on them
    and ``n`` words sampled from it, with no kernel (limits: ``WORDLIST``).

    >>> w = WordListWidget("ana bob anna")
    >>> w.vocab, round(w.loss, 4), w.names
    (['.', 'a', 'b', 'n', 'o'], 0.6137, ['anana', 'b', 'a', 'a', 'ananna'])
    >>> w.words = "r2d2"
    >>> w.error, w.names
    ("the list has one word, 'r2d2': paste at least two", [])
    """

    _esm = esm("wordlist")
    words = TextSetting(EXAMPLE)
    k = FloatSetting(0.0, "k_options", "smoothing k")
    k_options = Data(SMOOTHING_OPTIONS)
    seed = IntSetting(2147483647, 0, MAX_SEED)
    n = IntSetting(5, 1, MAX_NAMES)
    vocab = traitlets.List()
    counts = traitlets.List()
    loss = traitlets.Float(math.nan)
    names = traitlets.List()
    outputs = {"vocab": [], "counts": [], "loss": math.nan, "names": []}

    def __init__(self, words: str = EXAMPLE, k: float = 0.0, seed: int = 2147483647, n: int = 5):
        super().__init__(words=words, k=k, seed=seed, n=n)

    def compute(self) -> None:
        parsed = parse_words(self.words)
        counts = count_bigrams(parsed.words, parsed.itos)
        probs = bigram_probs(counts, self.k)
        self.vocab, self.counts = parsed.itos, counts.tolist()
        self.loss = counts_nll(counts, probs)
        self.names = sample_names(probs, self.n, torch.Generator().manual_seed(self.seed), parsed.itos)

    def snapshot(self) -> str:
        counts = torch.tensor(self.counts)
        return (heatmap_img(counts, f"bigram counts of the list, {len(self.vocab)} by {len(self.vocab)}: "
                            f"{' '.join(self.vocab)}") +
                f"<p>loss (average NLL) {fmt_loss(self.loss)}</p>" + names_html(self.names, f"{self.n} words"))
