import math

import torch

from makemore_lib.counting import count_bigrams
from makemore_lib.neural import net_probs, train_counts
from makemore_lib.probabilities import bigram_probs, uniform_probs
from makemore_lib.regularization import closest_smoothing, kl_divergence
from makemore_lib.widgets import LAMBDAS, RegularizationExplorer, TrainingExplorer, loss_curve_svg

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


def test_loss_curve_svg_handles_a_flat_curve():
    svg = loss_curve_svg([2.0, 2.0])
    assert "nan" not in svg and "<polyline" in svg


def test_training_widget_updates_and_reports_bad_input():
    w = TrainingExplorer(SMALL, steps=20)
    first = w.curve.value
    w.steps.value = 40
    assert w.curve.value != first and w.samples.value.count("mm-chip") == 5
    w.lr.value = float("nan")
    assert "mm-error" in w.result.value and "learning rate" in w.result.value
    w.lr.value = 10.0
    assert "mm-error" not in w.result.value
    w.l2.value = -0.5
    assert "mm-error" in w.result.value and "L2" in w.result.value


def test_training_widget_reports_divergence():
    w = TrainingExplorer(SMALL, steps=200, lr=1e30, l2=1.0)
    assert "mm-error" in w.result.value


def test_regularization_widget_updates_image_and_reports_bad_steps():
    w = RegularizationExplorer(SMALL, steps=30)
    image = bytes(w.image.value)
    w.l2.value = LAMBDAS[-1]
    assert bytes(w.image.value) != image and "mm-error" not in w.result.value
    w.steps.value = -3
    assert "mm-error" in w.result.value and "steps" in w.result.value
    w.steps.value = 30
    assert "mm-error" not in w.result.value


def test_regularization_widget_on_real_data(counts):
    w = RegularizationExplorer(counts, l2=0.0, steps=100)
    assert "data loss" in w.result.value
    w.l2.value = 10.0
    assert "largest P" in w.result.value
