"""Probabilities: the lecture's arithmetic, rows that sum to 1, smoothing towards uniform."""

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from makemore_lib.counting import count_bigrams
from makemore_lib.probabilities import bigram_probs, uniform_probs
from conftest import names_strategy


@given(names_strategy, st.floats(min_value=0, max_value=1e4))
def test_rows_sum_to_one(names, k):
    probs = bigram_probs(count_bigrams(names), k)
    assert torch.allclose(probs.sum(1), torch.ones(27), atol=1e-5)
    assert (probs >= 0).all()


@given(names_strategy, st.floats(min_value=0, max_value=100), st.floats(min_value=1.5, max_value=100))
def test_more_smoothing_is_more_uniform(names, k, factor):
    counts = count_bigrams(names)
    distance = lambda k: float((bigram_probs(counts, k) - uniform_probs()).abs().max())
    assert distance(k * factor + 1e-3) <= distance(k) + 1e-6


def test_unseen_character_row_is_uniform():
    probs = bigram_probs(count_bigrams(["ab"]))
    assert torch.allclose(probs[26], uniform_probs()[26])


def test_a_word_lists_table_is_normalised_the_same_way():
    counts = torch.tensor([[0, 2], [0, 0]], dtype=torch.int32)
    assert bigram_probs(counts).tolist() == [[0.0, 1.0], [0.5, 0.5]]


@pytest.mark.dataset
def test_dataset_probs_are_the_lectures_to_the_bit(counts):
    for k in (0, 1):
        P = (counts + k).float()                      # the lecture's two lines
        P /= P.sum(1, keepdims=True)
        assert torch.equal(bigram_probs(counts, k), P)
    assert abs(float(bigram_probs(counts)[0, 1]) - 4410 / 32033) < 1e-7        # P('a' starts a name)
