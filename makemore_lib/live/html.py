"""The small HTML pieces the widgets' snapshots and the chapters share: a message, names, a loss, the score table
of a name, a heatmap picture. Static HTML, no widget: this module imports nothing from ``live/``.
"""

from __future__ import annotations

import base64
import html
import math

import torch

from ..loss import name_nll, score_name
from ..plots import heatmap_png


def error_html(err: Exception) -> str:
    """A short, escaped message for a widget to show instead of a traceback.

    >>> error_html(ValueError("name '<b>' has '<' at position 0"))
    '<div class="mm-error" role="alert" style="color:#b00020">&#9888; name &#x27;&lt;b&gt;&#x27; has &#x27;&lt;&#x27; at position 0</div>'
    """
    return f'<div class="mm-error" role="alert" style="color:#b00020">&#9888; {html.escape(str(err))}</div>'


def names_html(names: list[str], label: str) -> str:
    """Sampled names as a line of HTML (a snapshot's).

    >>> names_html(["ab", "<c"], "2 names")
    '<p>2 names: <code>ab</code> <code>&lt;c</code></p>'
    """
    return f"<p>{html.escape(label)}: " + " ".join(f"<code>{html.escape(n)}</code>" for n in names) + "</p>"


def fmt_loss(x: float) -> str:
    """A loss as the widgets print it: 4 decimals, or ∞.

    >>> fmt_loss(2.45436), fmt_loss(float("inf"))
    ('2.4544', '∞')
    """
    return f"{x:.4f}" if math.isfinite(x) else "∞"


def score_table_html(name: str, probs: torch.Tensor) -> str:
    """An HTML table of each bigram of ``name`` with its probability and log-probability, and the average NLL.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> table = score_table_html("ab", uniform_probs())
    >>> table.count("<tr"), "3.2958" in table
    (5, True)
    """
    scores = score_name(name, probs)
    nll = name_nll(name, probs)
    cell = 'style="padding:1px 10px;text-align:right"'
    log = lambda x: "&minus;&infin;" if x == -math.inf else f"{x:.4f}".replace("-", "&minus;")  # noqa: E731
    rows = "".join(f'<tr><td style="padding:1px 10px"><code>{html.escape(s.bigram)}</code></td><td {cell}>'
                   f'{"0" if s.prob == 0 else f"{s.prob:.4f}"}</td><td {cell}>{log(s.logprob)}</td></tr>' for s in scores)
    nll_text = "&infin;" if math.isinf(nll) else f"{nll:.4f}"
    return ('<div class="mm-score-wrap" style="line-height:1.4">'
            '<table class="mm-score" style="border-collapse:collapse;font-variant-numeric:tabular-nums;'
            'margin:0 0 4px 0">'
            f"<thead><tr><th {cell}>bigram</th><th {cell}>probability</th><th {cell}>log-probability</th></tr>"
            f"</thead><tbody>{rows}</tbody>"
            f'<tfoot><tr style="border-top:1px solid #888"><td colspan="2" style="padding:1px 10px">average NLL of '
            f"<b>{html.escape(name)}</b></td><td {cell}><b>{nll_text}</b></td></tr></tfoot></table></div>")


def heatmap_img(matrix: torch.Tensor, alt: str, vmax: float | None = None, cell: int = 4) -> str:
    """A heatmap (``plots.heatmap_png``) as an ``<img>`` with ``alt`` text, the PNG inlined as a data URL.

    >>> heatmap_img(torch.eye(27), "the identity").startswith('<img alt="the identity" src="data:image/png;base64,')
    True
    """
    data = base64.b64encode(heatmap_png(matrix, vmax=vmax, cell=cell)).decode()
    size = matrix.shape[0] * cell
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}" width="{size}" height="{size}">'
