import math

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from makemore_lib.counting import count_bigrams
from makemore_lib.loss import counts_nll, name_nll, score_name
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.vocabulary import bigrams, stoi
from conftest import names_strategy


def loop_nll(names, probs):
    total, n = 0.0, 0
    for w in names:
        for bg in bigrams(w):
            total += math.log(float(probs[stoi[bg[0]], stoi[bg[1]]]))
            n += 1
    return -total / n


@given(names_strategy, names_strategy, st.floats(min_value=0.01, max_value=10))
def test_vectorised_loss_equals_loop(train, test, k):
    probs = bigram_probs(count_bigrams(train), k)
    assert counts_nll(count_bigrams(test), probs) == pytest.approx(loop_nll(test, probs), rel=1e-9)


def test_uniform_is_log27_and_zero_is_infinite():
    assert counts_nll(count_bigrams(["emma"]), uniform_probs()) == pytest.approx(math.log(27), rel=1e-6)
    probs = bigram_probs(count_bigrams(["emma"]))
    assert name_nll("emmq", probs) == math.inf
    assert counts_nll(count_bigrams(["ab"]), probs) == math.inf


def test_score_name():
    scores = score_name("ab", uniform_probs())
    assert [s.bigram for s in scores] == [".a", "ab", "b."]
    assert scores[0].logprob == pytest.approx(-math.log(27), rel=1e-6)


@pytest.mark.dataset
def test_dataset_loss(names, counts):
    assert counts_nll(counts, bigram_probs(counts)) == pytest.approx(2.4540, abs=5e-5)     # the lecture's figure
    assert counts_nll(counts, bigram_probs(counts, 1)) == pytest.approx(
        loop_nll(names, bigram_probs(counts, 1)), rel=1e-9)
    assert name_nll("andrejq", bigram_probs(counts)) == math.inf
