import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from makemore_lib.counting import count_bigrams
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.reference import sample_names_loop
from makemore_lib.sampling import sample_names
from conftest import names_strategy


@settings(max_examples=60, deadline=None)
@given(names_strategy, st.floats(min_value=0, max_value=5), st.integers(0, 2**63 - 1), st.integers(0, 30))
def test_same_names_as_the_lecture_loop(names, k, seed, n):
    probs = bigram_probs(count_bigrams(names), k)
    g_fast, g_ref = torch.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)
    assert sample_names(probs, n, g_fast) == sample_names_loop(probs, n, g_ref)
    assert torch.equal(g_fast.get_state(), g_ref.get_state())      # and the generator is left where the loop leaves it


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**63 - 1))
def test_sampled_names_are_in_vocabulary(seed):
    for name in sample_names(uniform_probs(), 5, torch.Generator().manual_seed(seed)):
        assert set(name) <= set("abcdefghijklmnopqrstuvwxyz")


def test_bad_arguments():
    g = torch.Generator().manual_seed(0)
    with pytest.raises(ValueError, match="n must be between 0 and 100,000"):
        sample_names(uniform_probs(), 10**9, g)
    with pytest.raises(TypeError, match="generator must be a torch.Generator"):
        sample_names(uniform_probs(), 1, 42)
    with pytest.raises(TypeError, match="n must be an int"):
        sample_names(uniform_probs(), 2.5, g)


def test_model_that_never_ends_is_reported():
    probs = torch.zeros(27, 27)
    probs[:, 1] = 1.0
    with pytest.raises(ValueError, match="do not end names"):
        sample_names(probs, 1, torch.Generator().manual_seed(0))


@pytest.mark.dataset
def test_lecture_samples(counts):
    g = torch.Generator().manual_seed(2147483647)
    names = sample_names(bigram_probs(counts), 5, g)
    g = torch.Generator().manual_seed(2147483647)
    assert names == sample_names_loop(bigram_probs(counts), 5, g)
