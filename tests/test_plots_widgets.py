import numpy as np
import pytest
import torch

from js_fixtures import BIGRAM_COUNTS
from makemore_lib.plots import heatmap_html, heatmap_png
from makemore_lib.live import BigramExplorer


def test_heatmap_html_labels_every_cell():
    counts = torch.arange(729).reshape(27, 27)
    table = heatmap_html(counts, caption="<script>")
    assert table.count("<td") == 729
    assert ">za</b><br>" in table and ">728</td>" in table
    assert "<script>" not in table and "&lt;script&gt;" in table


def test_heatmap_rejects_bad_shape():
    with pytest.raises(ValueError, match="shape"):
        heatmap_html(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="finite"):
        heatmap_png(np.full((27, 27), np.nan))


def test_bigram_widget_shows_errors_escaped():
    w = BigramExplorer(BIGRAM_COUNTS, "emma")
    assert w.snapshot_html().count("<code>") == 5
    w.name = "<b>x</b>"
    assert "mm-error" in w.snapshot_html()
    assert "<b>x" not in w.snapshot_html() and "&lt;b&gt;x" in w.snapshot_html()
    w.name = "zoe"
    assert "mm-error" not in w.snapshot_html() and w.snapshot_html().count("<code>") == 4
