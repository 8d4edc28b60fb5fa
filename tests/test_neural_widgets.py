import math

import torch

from makemore_lib.counting import count_bigrams
from makemore_lib.neural import net_probs, train_counts
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.regularization import closest_smoothing, kl_divergence
import pytest

from makemore_lib.live import L2_OPTIONS, RegularizationExplorer, SettingError, TrainingExplorer

SMALL = count_bigrams(["emma", "olivia", "ava", "isabella", "sophia"])


def test_kl_divergence_basics():
    p = bigram_probs(SMALL, 1.0)
    assert kl_divergence(p, p) < 1e-9
    assert kl_divergence(p, uniform_probs()) > 0
    # a zero in q where p > 0 is infinitely far
    assert math.isinf(kl_divergence(uniform_probs(), bigram_probs(SMALL, 0.0)))


def test_closest_smoothing_finds_the_k_it_was_given():
    for k in (0.0, 0.1, 1.0, 10.0):
        found, kl = closest_smoothing(SMALL, bigram_probs(SMALL, k))
        assert math.isclose(found, k, rel_tol=0.05) and kl < 1e-6


def test_closest_smoothing_grows_with_lambda():
    ks = [closest_smoothing(SMALL, net_probs(train_counts(SMALL, steps=300, lr=10, l2=l2).W))[0]
          for l2 in (0.01, 0.1, 1.0)]
    assert ks == sorted(ks) and ks[0] < ks[-1]


def test_training_widget_updates_and_reports_bad_input():
    w = TrainingExplorer(SMALL, steps=20)
    first = w.losses
    w.steps = 40
    assert w.losses != first and len(w.names) == 5
    with pytest.raises(SettingError, match="learning rate lr must be a finite number >= 0, not nan"):
        w.lr = float("nan")
    assert w.lr == 50.0 and w.error == "" and not math.isnan(w.loss)     # refused: the widget is unchanged
    with pytest.raises(SettingError, match="L2 strength l2 must be a finite number >= 0, not -0.5"):
        w.l2 = -0.5


def test_training_widget_reports_divergence():
    w = TrainingExplorer(SMALL, steps=200, lr=500, l2=10.0)
    assert w.error.startswith("training diverged with L2 strength l2 = 10") and w.names == []
    with pytest.raises(SettingError, match="learning rate lr must be at most 500"):
        TrainingExplorer(SMALL, lr=1e30)


def test_regularization_widget_updates_and_reports_bad_steps():
    w = RegularizationExplorer(SMALL, steps=30)
    loss = w.data_loss
    w.l2 = L2_OPTIONS[-1]
    assert w.data_loss > loss and w.error == ""
    with pytest.raises(SettingError, match="steps must be between 1 and 500, not -3"):
        w.steps = -3
    w.steps = 31
    assert w.error == "" and w.steps == 31


def test_regularization_widget_on_real_data(counts):
    w = RegularizationExplorer(counts, l2=0.0, steps=100)
    assert w.penalty == 0 and 2.4 < w.data_loss < 2.6
    w.l2 = 10.0
    assert w.penalty > 0 and w.data_loss > 3
