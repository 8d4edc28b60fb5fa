"""The book's interactive widgets (ipywidgets 8) that need Python, and the HTML pieces widgets and chapters share.

The widgets that compute in the reader's browser (sampling, scoring a name, smoothing, training,
regularization) are in ``live.py``: they stay interactive in the published static site.

Each widget is a small box class: it makes its controls once, and a slider move or a keystroke calls
``update``, which changes the text or image that already exist. Bad input never raises out of a widget:
the message appears inside the widget.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import torch

from .vocabulary import bigrams


def error_html(err: Exception) -> str:
    """A short, escaped message for a widget to show instead of a traceback.

    >>> error_html(ValueError("name '<b>' has '<' at position 0"))
    '<div class="mm-error" role="alert" style="color:#b00020">&#9888; name &#x27;&lt;b&gt;&#x27; has &#x27;&lt;&#x27; at position 0</div>'
    """
    return f'<div class="mm-error" role="alert" style="color:#b00020">&#9888; {html.escape(str(err))}</div>'


def chips_html(items: list[str]) -> str:
    """Short strings shown as a row of monospace chips (the bigrams of a name, sampled names...).

    >>> chips_html(["<a", "b."]).count("<code")
    2
    """
    return " ".join(f'<code class="mm-chip">{html.escape(item)}</code>' for item in items)


class BigramExplorer(widgets.VBox):
    """Type a name and see its bigrams, with the ``.`` token added at both ends.

    >>> w = BigramExplorer("emma")
    >>> w.output.value.count("mm-chip")
    5
    >>> w.text.value = "Emma"
    >>> "mm-error" in w.output.value
    True
    """

    def __init__(self, name: str = "isabella"):
        self.text = widgets.Text(value=name, description="Name", placeholder="type a name, a-z",
                                 continuous_update=True)
        self.output = widgets.HTML()
        super().__init__([self.text, self.output])
        self.text.observe(self.update, names="value")
        self.update()

    def update(self, change: dict | None = None) -> None:
        try:
            pairs = bigrams(self.text.value)
            self.output.value = f"{len(pairs)} bigrams: {chips_html(pairs)}"
        except (ValueError, TypeError) as err:
            self.output.value = error_html(err)


def _fmt_prob(p: float) -> str:
    return "0" if p == 0 else f"{p:.4f}"


def _fmt_log(x: float) -> str:
    return "&minus;&infin;" if x == -math.inf else f"{x:.4f}".replace("-", "&minus;")


def score_table_html(name: str, probs: torch.Tensor) -> str:
    """An HTML table of each bigram of ``name`` with its probability and log-probability, and the average NLL.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> table = score_table_html("ab", uniform_probs())
    >>> table.count("<tr"), "3.2958" in table
    (5, True)
    """
    from .loss import score_name

    scores = score_name(name, probs)
    nll = -sum(s.logprob for s in scores) / len(scores)
    cell = 'style="padding:1px 10px;text-align:right"'
    rows = "".join(f'<tr><td style="padding:1px 10px"><code>{html.escape(s.bigram)}</code></td>'
                   f"<td {cell}>{_fmt_prob(s.prob)}</td><td {cell}>{_fmt_log(s.logprob)}</td></tr>" for s in scores)
    nll_text = "&infin;" if math.isinf(nll) else f"{nll:.4f}"
    return ('<div class="mm-score-wrap" style="line-height:1.4">'
            '<table class="mm-score" style="border-collapse:collapse;font-variant-numeric:tabular-nums;'
            'margin:0 0 4px 0">'
            f"<thead><tr><th {cell}>bigram</th><th {cell}>probability</th><th {cell}>log-probability</th></tr>"
            f"</thead><tbody>{rows}</tbody>"
            f'<tfoot><tr style="border-top:1px solid #888"><td colspan="2" style="padding:1px 10px">average NLL of '
            f"<b>{html.escape(name)}</b></td><td {cell}><b>{nll_text}</b></td></tr></tfoot></table></div>")
