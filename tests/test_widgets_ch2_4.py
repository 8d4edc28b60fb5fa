import torch

from makemore_lib import bigram_probs, count_bigrams, sample_names
from makemore_lib.checks import check_seed
from makemore_lib.widgets import SamplingWidget, ScoreNameWidget, SmoothingExplorer

NAMES = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia"]


def test_sampling_widget_same_seed_same_names():
    counts = count_bigrams(NAMES)
    w = SamplingWidget(counts, seed=7, n=4)
    expected = sample_names(bigram_probs(counts), 4, torch.Generator().manual_seed(7))
    assert w.names() == expected
    first = w.output.value
    w.button.click()
    assert w.output.value == first
    w.model.value = "uniform"
    assert w.output.value != first
    w.model.value = "counts"
    assert w.output.value == first


def test_sampling_widget_bad_seed_message():
    w = SamplingWidget(count_bigrams(NAMES))
    w.seed.value = -3
    assert "mm-error" in w.output.value and "seed" in w.output.value
    w.seed.value = 2**70
    assert "mm-error" in w.output.value
    w.seed.value = 1
    assert "mm-error" not in w.output.value


def test_check_seed_types():
    assert check_seed(0) == 0
    for bad in (True, 1.5, "3"):
        try:
            check_seed(bad)
        except TypeError:
            pass
        else:
            raise AssertionError(bad)


def test_score_widget_table_and_escaped_error():
    probs = bigram_probs(count_bigrams(NAMES))
    w = ScoreNameWidget(probs, "emma")
    assert w.output.value.count("<tr>") == 6 and "average NLL" in w.output.value
    w.text.value = "<img src=x>"
    assert "mm-error" in w.output.value and "<img" not in w.output.value and "&lt;img" in w.output.value
    w.text.value = "emmq"   # 'mq' never seen: probability 0, infinite loss
    assert "&infin;" in w.output.value and "&minus;&infin;" in w.output.value


def test_smoothing_explorer_updates_together():
    counts = count_bigrams(NAMES)
    w = SmoothingExplorer(counts, word="emmq")
    image0, loss0, samples0 = w.image.value, w.loss.value, w.samples.value
    assert 'src="data:image/png;base64,' in image0 and 'alt="Heatmap of P' in image0 and "&infin;" in w.word_loss.value
    w.k.value = 10000
    assert w.image.value != image0 and w.loss.value != loss0 and w.samples.value != samples0
    assert "&infin;" not in w.word_loss.value
    assert "3.29" in w.loss.value   # close to log 27 when k is huge


def test_smoothing_explorer_bad_name_message():
    w = SmoothingExplorer(count_bigrams(NAMES))
    w.word.value = "<b>Q</b>"
    assert "mm-error" in w.word_loss.value and "<b>Q" not in w.word_loss.value
    assert 'src="data:image/png;base64,' in w.image.value
