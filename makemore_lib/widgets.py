"""Chapter 1's bigram explorer, and the HTML pieces widgets and chapters share (messages, chips, score tables).

``BigramExplorer`` is a live widget like those of ``live/`` (sampling, scoring a name, smoothing, training,
regularization, your own word list): its maths runs in the page, so it stays interactive in the static site.
A bad name never raises out of a widget: the message appears inside it and in ``error``.
"""

from __future__ import annotations

import html
import math

import torch
import traitlets

from .live.common import Live, TextSetting, esm

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


class BigramExplorer(Live):
    """Type a name and see its bigrams, with the ``.`` token added at both ends; the page does the same with no
    kernel (its front end is ``js/src/widgets/bigram.js``).

    >>> w = BigramExplorer("emma")
    >>> w.bigrams
    ['.e', 'em', 'mm', 'ma', 'a.']
    >>> w.name = "Emma"
    >>> w.error, w.bigrams
    ("name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z", [])
    """

    _esm = esm("bigram")
    name = TextSetting("isabella")
    bigrams = traitlets.List()
    outputs = {"bigrams": []}

    def __init__(self, name: str = "isabella"):
        super().__init__(name=name)

    def compute(self) -> None:
        self.bigrams = bigrams(self.name)

    def snapshot(self) -> str:
        return f"<p>{len(self.bigrams)} bigrams: {chips_html(self.bigrams)}</p>"


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
