import pytest
import torch
from hypothesis import given, settings

from makemore_lib.checks import check_counts
from makemore_lib.counting import bigram_pairs, count_bigrams, top_bigrams
from makemore_lib.reference import count_bigrams_loop
from conftest import names_strategy


@given(names_strategy)
def test_vectorised_equals_nested_loop(names):
    assert torch.equal(count_bigrams(names), count_bigrams_loop(names))


@given(names_strategy)
def test_counts_sum_to_number_of_bigrams(names):
    counts = count_bigrams(names)
    assert int(counts.sum()) == sum(len(w) + 1 for w in names)
    assert int(counts[0].sum()) == len(names) == int(counts[:, 0].sum())   # every name starts and ends once


def test_pairs_and_top():
    xs, ys = bigram_pairs(["ab"])
    assert xs.tolist() == [0, 1, 2] and ys.tolist() == [1, 2, 0]
    assert top_bigrams(count_bigrams(["aa", "a"]), 1) == [(".a", 2)]


def test_check_counts():
    with pytest.raises(ValueError, match="negative"):
        check_counts(-torch.ones(27, 27))
    with pytest.raises(TypeError, match="torch.Tensor"):
        check_counts([[1]])


@pytest.mark.dataset
def test_dataset_counts(names, counts):
    assert counts.dtype == torch.int32
    assert int(counts.sum()) == 228_146
    assert top_bigrams(counts, 3) == [("n.", 6763), ("a.", 6640), ("an", 5438)]
    assert torch.equal(counts, count_bigrams_loop(names))
