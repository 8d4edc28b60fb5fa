"""Chapters 2-4's widgets (live: they compute in the browser; Python mirrors them in Jupyter)."""

import math

from makemore_lib import bigram_probs, count_bigrams
import pytest
import torch

from makemore_lib import sample_names
from makemore_lib.live import SamplingWidget, ScoreNameWidget, SettingError, SmoothingExplorer

NAMES = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia"]


def test_sampling_widget_same_seed_same_names():
    counts = count_bigrams(NAMES)
    w = SamplingWidget(counts, seed=7, n=4)
    assert w.names == sample_names(bigram_probs(counts), 4, torch.Generator().manual_seed(7))
    first = w.names
    w.draws += 1                      # "sample again": the next names of the same stream
    assert w.names != first
    w.draws = 0
    assert w.names == first
    w.model = "uniform"
    assert w.names != first
    w.model = "counts"
    assert w.names == first


def test_sampling_widget_bad_seed_message():
    w = SamplingWidget(count_bigrams(NAMES))
    for bad in (-3, 2**70):
        with pytest.raises(SettingError, match="seed must be between 0 and 4,294,967,295"):
            w.seed = bad
    w.seed = 1
    assert w.error == "" and w.seed == 1


def test_score_widget_and_errors():
    probs = bigram_probs(count_bigrams(NAMES))
    w = ScoreNameWidget(probs, "emma")
    assert len(w.scores) == 5 and w.nll > 0
    w.name = "<img src=x>"
    assert "'<' at position 0" in w.error and w.scores == []
    w.name = "emmq"   # 'mq' never seen: probability 0, infinite loss
    assert w.error == "" and math.isinf(w.nll) and w.scores[3].prob == 0


def test_smoothing_explorer_updates_together():
    counts = count_bigrams(NAMES)
    w = SmoothingExplorer(counts, word="emmq")
    loss0, names0 = w.loss, w.names
    assert math.isinf(w.word_loss)
    w.k = 10000
    assert w.loss != loss0 and w.names != names0 and not math.isinf(w.word_loss)
    assert abs(w.loss - math.log(27)) < 0.01   # close to log 27 when k is huge
