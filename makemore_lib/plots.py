"""Pictures of 27x27 matrices: the annotated heatmap of the lecture as an HTML table, and a light PNG heatmap.

The annotated heatmap is HTML rather than a picture: 1,458 labels stay sharp at any zoom, can be selected
and read by a screen reader, weigh about a tenth of the lecture's 16-inch PNG, and take milliseconds to make.
"""

from __future__ import annotations

import html
import io

import numpy as np
import torch

from .checks import check_cmap, check_format, check_int, check_number
from .vocabulary import chars, vocab_size


def _as_array(matrix: object) -> np.ndarray:
    if isinstance(matrix, torch.Tensor):
        if matrix.layout != torch.strided:
            matrix = matrix.to_dense()
        if matrix.is_complex() or matrix.dtype == torch.bool:
            raise TypeError(f"matrix must hold real numbers, not {matrix.dtype}")
        matrix = matrix.detach().cpu().double().numpy()
    if not isinstance(matrix, np.ndarray):
        raise TypeError(f"matrix must be a torch.Tensor or numpy array, not {type(matrix).__name__}")
    if matrix.dtype.kind not in "iuf":
        raise TypeError(f"matrix must hold real numbers, not {matrix.dtype}")
    if matrix.shape != (vocab_size, vocab_size):
        raise ValueError(f"matrix must have shape ({vocab_size}, {vocab_size}), not {matrix.shape}")
    matrix = matrix.astype(np.float64)
    if not np.isfinite(matrix).all():
        raise ValueError("matrix must hold finite numbers (no NaN or infinity)")
    return matrix


def _check_vmax(vmax: object) -> float | None:
    if vmax is None:
        return None
    return check_number(vmax, "vmax", "None or a finite number > 0", low_open=True)


def colours(matrix: object, cmap: str = "Blues", vmax: float | None = None) -> np.ndarray:
    """RGB colours (0-255, uint8) for every cell, from 0 to ``vmax`` (default: the largest value).

    >>> colours(np.eye(27))[0, 0].tolist(), colours(np.eye(27))[0, 1].tolist()
    ([8, 48, 107], [247, 251, 255])
    """
    from matplotlib import colormaps

    values = _as_array(matrix)
    colour_map = colormaps.get(check_cmap(cmap))
    vmax = _check_vmax(vmax)
    top = float(values.max()) if vmax is None else vmax
    scaled = values / top if top > 0 else np.zeros_like(values)
    return colour_map(np.clip(scaled, 0, 1), bytes=True)[..., :3]


def _text_colour(rgb: np.ndarray) -> str:
    # Dark text on light cells, light text on dark cells (relative luminance).
    luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    return "#111" if luminance > 140 else "#fff"


def heatmap_html(matrix: object, fmt: str = "{:.0f}", cmap: str = "Blues", vmax: float | None = None,
                 caption: str = "") -> str:
    """The lecture's annotated heatmap as an HTML table: each cell shows its bigram and its value.

    Rows are the first character of a bigram, columns the character that follows. Cell colours come from
    ``cmap`` (Blues, as in the lecture: one hue, readable with any colour vision); the text colour follows
    the cell so that every label stays readable, in the light theme and the dark one.

    >>> table = heatmap_html(np.arange(729).reshape(27, 27), caption="demo")
    >>> table.count("<td"), ">ab<" in table, ">28<" in table
    (729, True, True)
    """
    values = _as_array(matrix)
    fmt = check_format(fmt)
    if not isinstance(caption, str):
        raise TypeError(f"caption must be a str, not {type(caption).__name__}")
    rgb = colours(values, cmap, vmax)
    rows = []
    for i in range(vocab_size):
        cells = []
        for j in range(vocab_size):
            r, g, b = (int(c) for c in rgb[i, j])
            bigram = chars[i] + chars[j]
            label = html.escape(fmt.format(values[i, j]))
            cells.append(
                f'<td style="background:rgb({r},{g},{b});color:{_text_colour(rgb[i, j])}" '
                f'title="{bigram}: {label}"><b>{bigram}</b><br>{label}</td>'
            )
        rows.append(f"<tr><th scope=\"row\">{chars[i]}</th>{''.join(cells)}</tr>")
    header = "".join(f'<th scope="col">{ch}</th>' for ch in chars)
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        "<div class=\"mm-heatmap-wrap\"><style>"
        ".mm-heatmap{border-collapse:collapse;font:9px/1.15 ui-monospace,monospace;margin:0 auto}"
        ".mm-heatmap td{width:27px;height:27px;padding:1px;text-align:center;border:1px solid #fff8}"
        ".mm-heatmap td b{font-weight:600}"
        ".mm-heatmap th{font-size:11px;padding:1px 3px;background:none}"
        ".mm-heatmap caption{caption-side:bottom;font:12px sans-serif;padding-top:4px}"
        ".mm-heatmap-wrap{overflow-x:auto}"
        "</style>"
        f"<table class=\"mm-heatmap\">{caption_html}<thead><tr><th></th>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def heatmap_png(matrix: object, cmap: str = "Blues", vmax: float | None = None, cell: int = 10) -> bytes:
    """A light heatmap as PNG bytes, ``cell`` pixels a cell, no labels: quick enough to redraw on every slider move.

    >>> heatmap_png(np.eye(27))[:4]
    b'\\x89PNG'
    """
    from PIL import Image

    cell = check_int(cell, "cell (pixels a cell)", 1, 64)
    rgb = colours(matrix, cmap, vmax)
    big = np.repeat(np.repeat(rgb, cell, axis=0), cell, axis=1)
    buffer = io.BytesIO()
    Image.fromarray(big).save(buffer, format="PNG")
    return buffer.getvalue()
