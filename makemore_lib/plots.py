"""Pictures of tables: the lecture's annotated heatmap of N as an HTML table, and a light PNG heatmap (Blues, as in
the lecture: one hue, readable with any colour vision).

The annotated heatmap is HTML rather than a picture: 1,458 labels stay sharp at any zoom, can be selected
and read by a screen reader, weigh about a tenth of the lecture's 16-inch PNG, and take milliseconds to make.
"""

from __future__ import annotations

import html
import io

import numpy as np
import torch

from .checks import check_int, check_number, given
from .vocabulary import chars, vocab_size


def _as_array(matrix: object, square: int | None = vocab_size) -> np.ndarray:
    """``matrix`` (a tensor or array of real numbers) as a float64 array, 27x27 (or any table if ``square`` is None)."""
    if isinstance(matrix, torch.Tensor) and matrix.layout == torch.strided and not matrix.is_complex():
        matrix = matrix.detach().cpu().double().numpy()
    if not isinstance(matrix, np.ndarray) or matrix.dtype.kind not in "iuf":
        raise TypeError(f"matrix must be a torch.Tensor or numpy array of real numbers, not {given(matrix)}")
    if (matrix.shape != (square, square)) if square else (matrix.ndim != 2 or 0 in matrix.shape):
        raise ValueError(f"matrix must have shape {(square, square) if square else 'of a table'}, not {matrix.shape}")
    if not np.isfinite(matrix).all():
        raise ValueError(f"matrix must hold finite numbers (found {matrix[~np.isfinite(matrix)][0]})")
    return matrix.astype(np.float64)


def _colours(values: np.ndarray, vmax: float | None) -> np.ndarray:
    """RGB colours (0-255, uint8) of every cell on the Blues scale, from 0 to ``vmax`` (default: the largest value)."""
    from matplotlib import colormaps

    top = float(values.max()) if vmax is None else check_number(vmax, "vmax", positive=True)
    scaled = values / top if top > 0 else np.zeros_like(values)
    return colormaps["Blues"](np.clip(scaled, 0, 1), bytes=True)[..., :3]


def text_colour(rgb: np.ndarray) -> str:
    """Black or white, whichever contrasts more with a cell of colour ``rgb`` (three 0-255 numbers), by WCAG 2's
    relative luminance: the better of the two always reaches 4.5:1 for small text (at worst 4.58:1, on a mid grey),
    which a fixed cut-off does not (white on Blues' #3b8bc2 is 3.7:1).

    >>> text_colour([59, 139, 194]), text_colour([8, 48, 107]), text_colour([247, 251, 255])
    ('#000', '#fff', '#000')
    """
    channels = np.asarray(rgb, dtype=np.float64) / 255
    linear = np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ np.array([0.2126, 0.7152, 0.0722]))
    return "#fff" if 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 else "#000"


def heatmap_html(matrix: object, caption: str = "", decimals: int = 0) -> str:
    """The lecture's annotated heatmap as an HTML table: each cell shows its bigram and its value, to ``decimals``.

    Rows are the first character of a bigram, columns the character that follows; the text colour follows the
    cell, so that every label stays readable in the light theme and the dark one.

    >>> table = heatmap_html(np.arange(729).reshape(27, 27), caption="demo")
    >>> table.count("<td"), ">ab<" in table, ">28<" in table
    (729, True, True)
    """
    values = _as_array(matrix)
    decimals = check_int(decimals, "decimals", 0, 6)
    if not isinstance(caption, str):
        raise TypeError(f"caption must be a str, not {given(caption)}")
    rgb = _colours(values, None)
    rows = []
    for i, a in enumerate(chars):
        cells = []
        for j, b in enumerate(chars):
            r, g, bl = rgb[i, j].tolist()
            label = f"{values[i, j]:.{decimals}f}"
            cells.append(f'<td style="background:rgb({r},{g},{bl});color:{text_colour(rgb[i, j])}" '
                         f'title="{a + b}: {label}"><b>{a + b}</b><br>{label}</td>')
        rows.append(f"<tr><th scope=\"row\">{a}</th>{''.join(cells)}</tr>")
    header = "".join(f'<th scope="col">{ch}</th>' for ch in chars)
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        "<div class=\"mm-heatmap-wrap\"><style>.mm-heatmap{border-collapse:collapse;font:9px/1.15 ui-monospace,"
        "monospace;margin:0 auto}.mm-heatmap td{width:27px;height:27px;padding:1px;text-align:center;border:1px solid "
        "#fff8}.mm-heatmap td b{font-weight:600}.mm-heatmap th{font-size:11px;padding:1px 3px;background:none}"
        ".mm-heatmap caption{caption-side:bottom;font:12px sans-serif;padding-top:4px}.mm-heatmap-wrap{overflow-x:auto}"
        "</style>"
        f"<table class=\"mm-heatmap\">{caption_html}<thead><tr><th></th>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def heatmap_png(matrix: object, vmax: float | None = None, cell: int = 10) -> bytes:
    """A light heatmap of any table as PNG bytes, ``cell`` pixels a cell, no labels: quick to redraw.

    >>> heatmap_png(np.eye(27))[:4]
    b'\\x89PNG'
    """
    from PIL import Image

    cell = check_int(cell, "cell (pixels a cell)", 1, 64)
    rgb = _colours(_as_array(matrix, square=None), vmax)
    big = np.repeat(np.repeat(rgb, cell, axis=0), cell, axis=1)
    buffer = io.BytesIO()
    Image.fromarray(big).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
