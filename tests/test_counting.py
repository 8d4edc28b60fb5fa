"""Counting against the lecture's loop, for the book's vocabulary and for a word list's own."""

import pytest
import torch
from hypothesis import given

from makemore_lib.counting import bigram_pairs, count_bigrams, top_bigrams
from lecture_loops import count_bigrams_loop
from conftest import names_strategy


@given(names_strategy)
def test_vectorised_equals_nested_loop(names):
    assert torch.equal(count_bigrams(names), count_bigrams_loop(names))


@given(names_strategy)
def test_counts_sum_to_number_of_bigrams(names):
    counts = count_bigrams(names)
    assert int(counts.sum()) == sum(len(w) + 1 for w in names)
    assert int(counts[0].sum()) == len(names) == int(counts[:, 0].sum())   # every name starts and ends once


def test_any_vocabulary_counts_as_the_lectures_loop():
    words, itos = ["o'neil", "zoë", "saint-étienne", "zoé"], [".", "'", "-", "a", "e", "i", "l", "n", "o", "s", "t",
                                                               "z", "é", "ë"]
    stoi = {ch: i for i, ch in enumerate(itos)}
    loop = torch.zeros(len(itos), len(itos), dtype=torch.int32)
    for w in words:
        chs = ["."] + list(w) + ["."]
        for a, b in zip(chs, chs[1:]):
            loop[stoi[a], stoi[b]] += 1
    assert torch.equal(count_bigrams(words, itos), loop)


def test_pairs_and_top():
    xs, ys = bigram_pairs(["ab"])
    assert xs.tolist() == [0, 1, 2] and ys.tolist() == [1, 2, 0]
    assert top_bigrams(count_bigrams(["aa", "a"]), 1) == [(".a", 2)]


@pytest.mark.dataset
def test_dataset_counts(names, counts):
    assert counts.dtype == torch.int32
    assert int(counts.sum()) == 228_146
    assert top_bigrams(counts, 3) == [("n.", 6763), ("a.", 6640), ("an", 5438)]
    assert torch.equal(counts, count_bigrams_loop(names))
