"""Text on coloured cells is readable: WCAG 2 contrast of at least 4.5:1 for every label of the heatmaps."""

import re

import numpy as np
import pytest
from matplotlib import colormaps

from makemore_lib.plots import heatmap_html, text_colour


def relative_luminance(rgb) -> float:
    """WCAG 2's relative luminance of three 0-255 numbers, written out from the standard."""
    def linear(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(float(c)) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("cmap", ["Blues", "viridis", "Greys"])
def test_every_colour_of_a_scale_gets_readable_text(cmap):
    for rgb in colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3]:
        text = [0, 0, 0] if text_colour(rgb) == "#000" else [255, 255, 255]
        assert contrast(rgb, text) >= 4.5, f"{cmap} {rgb.tolist()}: {text_colour(rgb)} at {contrast(rgb, text):.2f}:1"


def test_heatmap_labels_contrast_with_their_cells():
    table = heatmap_html(np.arange(729).reshape(27, 27) ** 2, caption="squares")
    cells = re.findall(r"background:rgb\((\d+),(\d+),(\d+)\);color:(#000|#fff)", table)
    assert len(cells) == 729
    for *rgb, colour in cells:
        text = [0, 0, 0] if colour == "#000" else [255, 255, 255]
        assert contrast([int(c) for c in rgb], text) >= 4.5


def test_the_cell_the_old_cut_off_got_wrong():
    # Blues at 4410/6640 of the scale (chapter 2's ".a"): white text was 3.71:1, black is 5.0:1.
    assert text_colour([59, 139, 194]) == "#000"
    assert contrast([59, 139, 194], [0, 0, 0]) > 4.5 > contrast([59, 139, 194], [255, 255, 255])

