import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from makemore_lib import bigram_probs, count_bigrams, counts_nll, net_probs, train_counts
from makemore_lib.counting import bigram_pairs
from makemore_lib.ngrams import count_ngrams, ngram_pairs, sample_ngram_names, top_ngrams
from lecture_loops import count_ngrams_loop
from makemore_lib.reference import train_onehot_ngram
from conftest import names_strategy


@given(names_strategy, st.integers(1, 4))
@settings(max_examples=60, deadline=None)
def test_vectorised_equals_loop(names, n):
    assert torch.equal(count_ngrams(names, n), count_ngrams_loop(names, n))


@given(names_strategy, st.integers(1, 4))
@settings(deadline=None)
def test_counts_sum_to_number_of_ngrams(names, n):
    counts = count_ngrams(names, n)
    assert counts.shape == (27 ** (n - 1), 27) and counts.dtype == torch.int32
    assert int(counts.sum()) == sum(len(w) + 1 for w in names)       # one n-gram per character, plus the end
    assert int(counts[:, 0].sum()) == len(names)                     # every name ends once
    if n > 1:
        assert int(counts[0].sum()) == len(names)                    # and starts once (context all dots)


@given(names_strategy)
def test_bigrams_are_the_special_case(names):
    assert torch.equal(count_ngrams(names, 2), count_bigrams(names))
    for a, b in zip(ngram_pairs(names, 2), bigram_pairs(names)):
        assert torch.equal(a, b)


def test_trigram_probs_and_loss():
    names = ["emma", "ava", "anna"]
    N3 = count_ngrams(names, 3)
    P3 = bigram_probs(N3, k=1.0)
    assert P3.shape == (729, 27) and torch.allclose(P3.sum(1), torch.ones(729))
    N2 = count_bigrams(names)
    # Unsmoothed, a trigram model fits its own data at least as well as the bigram model.
    assert counts_nll(N3, bigram_probs(N3)) <= counts_nll(N2, bigram_probs(N2)) + 1e-9
    with pytest.raises(ValueError, match="same shape"):
        counts_nll(N3, bigram_probs(count_bigrams(names)))


def test_top_and_sampling():
    assert top_ngrams(count_ngrams(["ab"], 3), 3) == [("..a", 1), (".ab", 1), ("ab.", 1)]
    P3 = bigram_probs(count_ngrams(["emma", "ava"], 3))
    g = torch.Generator().manual_seed(1)
    assert set(sample_ngram_names(P3, 20, g)) <= {"emma", "ava"}   # no smoothing: only seen trigrams


@pytest.mark.parametrize("n", [1, 3])
def test_fast_training_equals_onehot_loop(n):
    names = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia"]
    xs, ys = ngram_pairs(names, n)
    slow = train_onehot_ngram(xs, ys, rows=27 ** (n - 1), steps=20, lr=10.0, l2=0.01)
    fast = train_counts(count_ngrams(names, n), steps=20, lr=10.0, l2=0.01)
    assert fast.losses == pytest.approx(slow, abs=1e-5)
    assert net_probs(fast.W).shape == (27 ** (n - 1), 27)


@pytest.mark.dataset
def test_dataset_trigrams(names):
    N3 = count_ngrams(names, 3)
    assert int(N3.sum()) == 228_146
    assert torch.equal(N3, count_ngrams_loop(names, 3))
