"""The book's interactive widgets (ipywidgets 8).

Each widget is a small box class: it makes its controls once, and a slider move or a keystroke calls
``update``, which changes the text or image that already exist. Bad input never raises out of a widget:
the message appears inside the widget.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

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


def loss_curve_svg(losses: list[float], width: int = 420, height: int = 150) -> str:
    """A loss curve as a small inline SVG: one polyline, the first and last loss labelled; quick to redraw.

    >>> svg = loss_curve_svg([3.0, 2.6, 2.5])
    >>> svg.startswith("<svg") and svg.count("<polyline") == 1
    True
    """
    if not losses:
        raise ValueError("there are no losses to draw")
    left, right, top, bottom = 46, 10, 10, 26
    low, high = min(losses), max(losses)
    span = (high - low) or 1.0
    n = max(len(losses) - 1, 1)
    points = " ".join(
        f"{left + (width - left - right) * i / n:.1f},{top + (height - top - bottom) * (high - v) / span:.1f}"
        for i, v in enumerate(losses))
    axis = (f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#888"/>'
            f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#888"/>')
    labels = (f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{high:.3f}</text>'
              f'<text x="{left - 4}" y="{height - bottom}" text-anchor="end">{low:.3f}</text>'
              f'<text x="{left}" y="{height - 8}">step 0</text>'
              f'<text x="{width - right}" y="{height - 8}" text-anchor="end">step {len(losses) - 1}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="loss curve from {losses[0]:.3f} to {losses[-1]:.3f} over {len(losses)} steps" '
            f'style="background:#fff;font:11px sans-serif;fill:#333">{axis}{labels}'
            f'<polyline points="{points}" fill="none" stroke="#2b6cb0" stroke-width="2"/></svg>')


def _seeded_samples(probs, n: int = 5) -> list[str]:
    import torch

    from .neural import LECTURE_SEED
    from .sampling import sample_names

    return sample_names(probs, n, torch.Generator().manual_seed(LECTURE_SEED))


class TrainingExplorer(widgets.VBox):
    """Train the neural bigram net on the counts: choose learning rate, steps and L2 strength.

    Shows the loss curve, the final loss and five names sampled from the trained net (seed 2147483647).
    Training uses ``neural.train_counts``, the fast path on the 27x27 counts.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = TrainingExplorer(count_bigrams(["emma", "olivia", "ava"]))
    >>> "<polyline" in w.curve.value, w.samples.value.count("mm-chip")
    (True, 5)
    >>> w.lr.value = -1.0
    >>> "mm-error" in w.result.value
    True
    """

    def __init__(self, counts, lr: float = 50.0, steps: int = 100, l2: float = 0.01):
        self.counts = counts
        style = {"description_width": "110px"}
        self.lr = widgets.FloatText(value=lr, description="learning rate", style=style)
        self.steps = widgets.IntSlider(value=steps, min=1, max=1000, description="steps", style=style,
                                       continuous_update=False)
        self.l2 = widgets.FloatText(value=l2, description="L2 strength", style=style)
        self.curve = widgets.HTML()
        self.result = widgets.HTML()
        self.samples = widgets.HTML()
        super().__init__([self.lr, self.steps, self.l2, self.curve, self.result, self.samples])
        for control in (self.lr, self.steps, self.l2):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change: dict | None = None) -> None:
        from .neural import net_probs, train_counts

        try:
            run = train_counts(self.counts, steps=self.steps.value, lr=self.lr.value, l2=self.l2.value)
            if not all(map(_finite, run.losses)) or not bool(run.W.isfinite().all()):
                raise ValueError(f"training diverged with learning rate {self.lr.value:g}: try a smaller one")
        except (ValueError, TypeError) as err:
            self.curve.value = ""
            self.samples.value = ""
            self.result.value = error_html(err)
            return
        self.curve.value = loss_curve_svg(run.losses)
        self.result.value = (f"loss before step 0: <b>{run.losses[0]:.4f}</b> &nbsp; "
                             f"before the last step: <b>{run.losses[-1]:.4f}</b> (data loss + L2 penalty)")
        self.samples.value = "five names (seed 2147483647): " + chips_html(_seeded_samples(net_probs(run.W)))


def _finite(x: float) -> bool:
    import math

    return math.isfinite(x)


# λ values for the regularization slider: 0, then a roughly logarithmic scale.
LAMBDAS = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


class RegularizationExplorer(widgets.VBox):
    """Move λ, the L2 strength, and see the trained net: data loss, penalty, its P as a heatmap, five names.

    Each λ trains the net from the lecture's W with ``train_counts`` (learning rate 50, ``steps`` steps).

    >>> from makemore_lib.counting import count_bigrams
    >>> w = RegularizationExplorer(count_bigrams(["emma", "olivia", "ava"]), steps=50)
    >>> bytes(w.image.value[:4]), w.samples.value.count("mm-chip")
    (b'\\x89PNG', 5)
    >>> w.steps.value = 0
    >>> "mm-error" in w.result.value
    True
    """

    def __init__(self, counts, l2: float = 0.01, steps: int = 300, lr: float = 50.0):
        self.counts = counts
        self.lr = lr
        style = {"description_width": "110px"}
        self.l2 = widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LAMBDAS], value=l2,
                                          description="λ (L2 strength)", style=style, continuous_update=True)
        self.steps = widgets.IntText(value=steps, description="training steps", style=style)
        self.result = widgets.HTML()
        self.image = widgets.Image(format="png", width=270, height=270)
        self.samples = widgets.HTML()
        legend = widgets.HTML("<small>The net's P: one row per current character (. a b … z from the top), one "
                              "column per next character (. a b … z from the left); darker is more probable, "
                              "white 0, darkest 1.</small>")
        super().__init__([self.l2, self.steps, self.result, self.image, legend, self.samples])
        self.l2.observe(self.update, names="value")
        self.steps.observe(self.update, names="value")
        self.update()

    def update(self, change: dict | None = None) -> None:
        from .loss import counts_nll
        from .neural import net_probs, train_counts
        from .plots import heatmap_png

        try:
            lam = self.l2.value
            run = train_counts(self.counts, steps=self.steps.value, lr=self.lr, l2=lam)
            W = run.W.double()
            probs = net_probs(run.W)
            data_loss = counts_nll(self.counts, probs)
            penalty = lam * float((W * W).mean())
        except (ValueError, TypeError) as err:
            self.result.value = error_html(err)
            self.samples.value = ""
            return
        self.result.value = (f"λ = {lam:g}: data loss <b>{data_loss:.4f}</b> + penalty λ·mean(W²) = "
                             f"<b>{penalty:.4f}</b> &nbsp; largest P in a cell: {float(probs.max()):.3f}")
        self.image.value = heatmap_png(probs, vmax=1.0)
        self.samples.value = "five names (seed 2147483647): " + chips_html(_seeded_samples(probs))
