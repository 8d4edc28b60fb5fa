import math

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from makemore_lib.counting import count_bigrams
from makemore_lib.checks import check_probs
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


@pytest.mark.parametrize("k", [-1, -0.5, math.nan, math.inf, -math.inf])
def test_bad_smoothing(k):
    with pytest.raises(ValueError, match="smoothing k must be a finite number >= 0"):
        bigram_probs(torch.ones(27, 27), k)


def test_wrong_type_and_check_probs():
    with pytest.raises(TypeError, match="smoothing k must be a number"):
        bigram_probs(torch.ones(27, 27), "1")
    with pytest.raises(ValueError, match="row 0 sums to"):
        check_probs(torch.ones(27, 27))
    with pytest.raises(TypeError, match="floating-point"):
        check_probs(torch.ones(27, 27, dtype=torch.int64))


def test_unseen_character_row_is_uniform():
    probs = bigram_probs(count_bigrams(["ab"]))
    assert torch.allclose(probs[26], uniform_probs()[26])


@pytest.mark.dataset
def test_dataset_probs(counts):
    probs = bigram_probs(counts)
    assert abs(float(probs[0, 1]) - 4410 / 32033) < 1e-7        # P('a' starts a name)
