"""Your own word list: paste words (Pokémon, cities, your family's names) and get their bigram model, in the page.

The vocabulary is ``.`` and the characters the list contains (any letters, in code point order), so the counts
are a V x V table instead of 27 x 27. The page does the same with ``parseWords``, ``countBigrams``,
``bigramProbs``, ``countsNll`` and ``sampleNames`` (js/src/maths.js); Python's names come from the lecture's
``torch.multinomial`` loop.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

import torch
import traitlets

from ..checks import check_count, check_generator
from ..checks import describe_char
from .common import (MAX_NAMES, MAX_SAMPLED_NAME_LENGTH, MAX_SEED, WORDLIST, Data, FloatSetting, IntSetting, Live, TextSetting,
                     esm, fmt_loss, heatmap_img, message, names_html, shown)

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
        raise TypeError(f"words must be a str, not {type(text).__name__}")
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


def count_words(words: list[str], itos: list[str]) -> torch.Tensor:
    """The V x V bigram counts of ``words`` over the vocabulary ``itos`` (``.`` first), as ``count_bigrams``.

    >>> count_words(["ab", "b"], [".", "a", "b"]).tolist()
    [[0, 1, 1], [0, 0, 1], [2, 0, 0]]
    """
    stoi = {ch: i for i, ch in enumerate(itos)}
    counts = torch.zeros((len(itos), len(itos)), dtype=torch.int32)
    for word in words:
        chs = ["."] + list(word) + ["."]
        for a, b in zip(chs, chs[1:]):
            counts[stoi[a], stoi[b]] += 1
    return counts


def word_probs(counts: torch.Tensor, k: float = 0.0) -> torch.Tensor:
    """P from V x V counts with ``k`` fake counts added, float32, as ``bigram_probs`` (an empty row is uniform).

    >>> word_probs(torch.tensor([[0, 2], [0, 0]]), 0).tolist()
    [[0.0, 1.0], [0.5, 0.5]]
    """
    probs = counts.float() + k
    totals = probs.sum(1, keepdim=True)
    probs = torch.where(totals == 0, torch.ones_like(probs), probs)
    return probs / probs.sum(1, keepdim=True)


def words_nll(counts: torch.Tensor, probs: torch.Tensor) -> float:
    """The average negative log-likelihood of every counted bigram under ``probs`` (float64), as ``counts_nll``.

    >>> round(words_nll(torch.tensor([[0, 2], [2, 0]]), word_probs(torch.tensor([[0, 2], [2, 0]]), 1)), 4)
    0.2877
    """
    counts, probs = counts.double(), probs.double()
    seen = counts > 0
    return float(-(counts[seen] * probs[seen].log()).sum() / counts.sum())


def sample_words(probs: torch.Tensor, n: int, generator: torch.Generator, itos: list[str]) -> list[str]:
    """``n`` words drawn with the lecture's loop: ``torch.multinomial(p, 1, replacement=True, generator=g)``.

    >>> sample_words(torch.tensor([[0.0, 1.0], [0.5, 0.5]]), 3, torch.Generator().manual_seed(1), [".", "a"])
    ['aaa', 'aaa', 'a']
    """
    n = check_count(n)
    g = check_generator(generator)
    words = []
    for _ in range(n):
        out, ix = [], 0
        while True:
            ix = torch.multinomial(probs[ix], num_samples=1, replacement=True, generator=g).item()
            if ix == 0:
                break
            out.append(itos[ix])
            if len(out) > MAX_SAMPLED_NAME_LENGTH:
                raise ValueError(message("sampled_too_long", max=f"{MAX_SAMPLED_NAME_LENGTH:,}"))
        words.append("".join(out))
    return words


class WordListWidget(Live):
    """Paste your own words: their characters become the vocabulary, and the page shows their bigram counts
    as a heatmap, the loss of the bigram model on them and ``n`` words sampled from it, with no kernel.

    Limits (stated in the widget): 2 to 5,000 words of letters (and ' or -), at most 100 letters a word, 100,000
    characters and 10,000 lines pasted, and 60 different letters.

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
        counts = count_words(parsed.words, parsed.itos)
        probs = word_probs(counts, self.k)
        self.vocab, self.counts = parsed.itos, counts.tolist()
        self.loss = words_nll(counts, probs)
        self.names = sample_words(probs, self.n, torch.Generator().manual_seed(self.seed), parsed.itos)

    def snapshot(self) -> str:
        counts = torch.tensor(self.counts)
        return (heatmap_img(counts, f"bigram counts of the list, {len(self.vocab)} by {len(self.vocab)}: "
                            f"{' '.join(self.vocab)}") +
                f"<p>loss (average NLL) {fmt_loss(self.loss)}</p>" + names_html(self.names, f"{self.n} words"))
