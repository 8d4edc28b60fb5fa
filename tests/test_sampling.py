"""Sampling: the names of the lecture's torch.multinomial loop, for bigrams, n-grams and any vocabulary."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from makemore_lib.counting import count_bigrams
from makemore_lib.ngrams import count_ngrams
from makemore_lib.probabilities import bigram_probs
from lecture_loops import sample_names_loop
from makemore_lib.sampling import sample_names
from conftest import names_strategy


def multinomial_loop(P, n, g, itos):
    """The lecture's loop, with the row being the last n-1 characters (base V) for an n-gram table."""
    rows, V = P.shape
    out = []
    for _ in range(n):
        row, chars = 0, []
        while True:
            ix = torch.multinomial(P[row], num_samples=1, replacement=True, generator=g).item()
            if ix == 0:
                break
            chars.append(itos[ix])
            row = (row * V + ix) % rows
        out.append("".join(chars))
    return out


@settings(max_examples=60, deadline=None)
@given(names_strategy, st.floats(min_value=0, max_value=5), st.integers(0, 2**63 - 1), st.integers(0, 30),
       st.sampled_from([torch.float32, torch.float64]))
def test_same_names_as_the_lecture_loop(names, k, seed, n, dtype):
    probs = bigram_probs(count_bigrams(names), k).to(dtype)
    g_fast, g_ref = torch.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)
    assert sample_names(probs, n, g_fast) == sample_names_loop(probs, n, g_ref)
    assert torch.equal(g_fast.get_state(), g_ref.get_state())      # and the generator is left where the loop leaves it


@settings(max_examples=15, deadline=None)
@given(names_strategy, st.sampled_from([1, 3, 4]), st.floats(min_value=0, max_value=1), st.integers(0, 2**32))
def test_ngram_tables_sample_as_the_loop_with_a_context(names, n, k, seed):
    probs = bigram_probs(count_ngrams(names, n), k)
    g_fast, g_ref = torch.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)
    chars = ".abcdefghijklmnopqrstuvwxyz"
    assert sample_names(probs, 5, g_fast) == multinomial_loop(probs, 5, g_ref, chars)


def test_a_word_lists_vocabulary():
    itos = [".", "a", "b", "é"]
    probs = bigram_probs(count_bigrams(["abé", "béa", "a"], itos), 0.5)
    g_fast, g_ref = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
    assert sample_names(probs, 20, g_fast, itos) == multinomial_loop(probs, 20, g_ref, itos)


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
