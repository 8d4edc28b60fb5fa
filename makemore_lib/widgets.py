"""The book's interactive widgets (ipywidgets 8).

Each widget is a small box class: it makes its controls once, and a slider move or a keystroke calls
``update``, which changes the text or image that already exist. Bad input never raises out of a widget:
the message appears inside the widget.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import torch

from .checks import check_seed
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


def _seeded_samples(probs: torch.Tensor, n: int = 5) -> list[str]:
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

    def __init__(self, counts: torch.Tensor, lr: float = 50.0, steps: int = 100, l2: float = 0.01):
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
    >>> w.image.value.startswith('<img src="data:image/png;base64,'), w.samples.value.count("mm-chip")
    (True, 5)
    >>> w.steps.value = 0
    >>> "mm-error" in w.result.value
    True
    """

    def __init__(self, counts: torch.Tensor, l2: float = 0.01, steps: int = 300, lr: float = 50.0):
        self.counts = counts
        self.lr = lr
        style = {"description_width": "110px"}
        self.l2 = widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LAMBDAS], value=l2,
                                          description="λ (L2 strength)", style=style, continuous_update=True)
        self.steps = widgets.IntText(value=steps, description="training steps", style=style)
        self.result = widgets.HTML()
        self.image = widgets.HTML(layout=widgets.Layout(width="270px", height="270px"))
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
        from .plots import heatmap_png, img_html

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
        self.image.value = img_html(heatmap_png(probs, vmax=1.0),
                                    alt=f"Heatmap of the net's P after training with λ = {lam:g}")
        self.samples.value = "five names (seed 2147483647): " + chips_html(_seeded_samples(probs))


def _model_probs(counts: torch.Tensor, model: str) -> torch.Tensor:
    # The three models a reader can sample from: knows nothing, the counts, the counts plus one fake count.
    from .probabilities import bigram_probs, uniform_probs

    if model == "uniform":
        return uniform_probs()
    if model == "counts":
        return bigram_probs(counts)
    if model == "smoothed counts":
        return bigram_probs(counts, 1.0)
    raise ValueError(f"unknown model {model!r}")


class SamplingWidget(widgets.VBox):
    """Draw names from a model with a seed: the same seed always gives the same names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SamplingWidget(count_bigrams(["emma", "ava", "olivia"]), n=3)
    >>> w.output.value.count("mm-chip")
    3
    >>> w.seed.value = -1
    >>> "mm-error" in w.output.value
    True
    """

    models = ("uniform", "counts", "smoothed counts")

    def __init__(self, counts: torch.Tensor, seed: int = 2147483647, n: int = 5, model: str = "counts"):
        from .counting import check_counts

        self.counts = check_counts(counts)
        self.seed = widgets.IntText(value=seed, description="Seed")
        self.number = widgets.IntSlider(value=n, min=1, max=30, description="Names")
        self.model = widgets.Dropdown(options=self.models, value=model, description="Model")
        # ipywidgets' "primary" blue gives white text only 3.1:1 contrast; this darker blue gives 5.8:1.
        self.button = widgets.Button(description="Sample", button_style="primary", icon="random",
                                     tooltip="draw names with a fresh generator seeded with Seed",
                                     style=widgets.ButtonStyle(button_color="#1565c0"))
        self.output = widgets.HTML()
        super().__init__([widgets.HBox([self.seed, self.number]), widgets.HBox([self.model, self.button]),
                          self.output])
        for control in (self.seed, self.number, self.model):
            control.observe(self.update, names="value")
        self.button.on_click(self.update)
        self.update()

    def names(self) -> list[str]:
        """The names the current settings give (a fresh generator seeded with the seed each time)."""
        from .sampling import sample_names

        generator = torch.Generator().manual_seed(check_seed(self.seed.value))
        return sample_names(_model_probs(self.counts, self.model.value), self.number.value, generator)

    def update(self, change: object = None) -> None:
        try:
            names = self.names()
            self.output.value = (f"<div>{len(names)} names from the <i>{html.escape(self.model.value)}</i> "
                                 f"model, seed {self.seed.value}:</div>{chips_html(names)}")
        except (ValueError, TypeError, RuntimeError) as err:
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


class ScoreNameWidget(widgets.VBox):
    """Type a name and see how likely the model finds each of its bigrams, and the name's average NLL.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> w = ScoreNameWidget(uniform_probs(), "emma")
    >>> w.output.value.count("<tr>")
    6
    >>> w.text.value = "Émma"
    >>> "mm-error" in w.output.value
    True
    """

    def __init__(self, probs: torch.Tensor, name: str = "andrej"):
        from .probabilities import check_probs

        self.probs = check_probs(probs)
        self.text = widgets.Text(value=name, description="Name", placeholder="type a name, a-z",
                                 continuous_update=True)
        self.output = widgets.HTML()
        super().__init__([self.text, self.output])
        self.text.observe(self.update, names="value")
        self.update()

    def update(self, change: object = None) -> None:
        try:
            self.output.value = score_table_html(self.text.value, self.probs)
        except (ValueError, TypeError) as err:
            self.output.value = error_html(err)


SMOOTHING_STEPS = (0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000)


class SmoothingExplorer(widgets.VBox):
    """Move k, the fake count added to every cell: P's heatmap, the losses and five samples follow.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SmoothingExplorer(count_bigrams(["emma", "ava", "olivia"]), word="emmq")
    >>> "&infin;" in w.word_loss.value
    True
    >>> w.k.value = 1
    >>> "&infin;" in w.word_loss.value
    False
    >>> w.word.value = "emm!"
    >>> "mm-error" in w.word_loss.value
    True
    """

    def __init__(self, counts: torch.Tensor, word: str = "andrejq", seed: int = 2147483647, n: int = 5,
                 steps: tuple = SMOOTHING_STEPS, k: float = 0):
        from .counting import check_counts
        from .probabilities import bigram_probs

        self.counts = check_counts(counts)
        self.word = widgets.Text(value=word, description="Name", placeholder="a name to score, a-z",
                                 continuous_update=True)
        self.seed = check_seed(seed)
        self.n = n
        self.k = widgets.SelectionSlider(options=list(steps), value=k, description="k",
                                         continuous_update=True, layout=widgets.Layout(width="420px"))
        self.image = widgets.HTML(layout=widgets.Layout(width="270px", height="270px"))
        self.loss = widgets.HTML()
        self.word_loss = widgets.HTML()
        self.samples = widgets.HTML()
        self.message = widgets.HTML()
        self.vmax = float(bigram_probs(self.counts).max())   # one colour scale for every k: the peak at k = 0
        legend = widgets.HTML(f'<div style="font-size:12px;line-height:1.35;max-width:270px">P as a heatmap: row = current '
                              f"character (. a ... z, top to bottom), column = next character; darker = more "
                              f"likely (darkest = {self.vmax:.2f}).</div>")
        side = widgets.VBox([self.loss, self.word, self.word_loss, self.samples, self.message],
                            layout=widgets.Layout(width="360px", padding="0 0 0 12px"))
        super().__init__([self.k, widgets.HBox([widgets.VBox([self.image, legend]), side])])
        self.k.observe(self.update, names="value")
        self.word.observe(self.update, names="value")
        self.update()

    def update(self, change: object = None) -> None:
        from .loss import counts_nll, name_nll
        from .plots import heatmap_png, img_html
        from .probabilities import bigram_probs
        from .sampling import sample_names

        try:
            k = self.k.value
            probs = bigram_probs(self.counts, k)
            self.image.value = img_html(heatmap_png(probs, vmax=self.vmax),
                                        alt=f"Heatmap of P with k = {k:g} fake counts added to every cell")
            self.loss.value = f"dataset loss (average NLL): <b>{counts_nll(self.counts, probs):.4f}</b>"
            try:
                word_nll = name_nll(self.word.value, probs)
                shown = "&infin;" if math.isinf(word_nll) else f"{word_nll:.4f}"
                self.word_loss.value = f"loss of <code>{html.escape(self.word.value)}</code>: <b>{shown}</b>"
            except (ValueError, TypeError) as err:
                self.word_loss.value = error_html(err)
            names = sample_names(probs, self.n, torch.Generator().manual_seed(self.seed))
            self.samples.value = f"{self.n} names, seed {self.seed}:<br>{chips_html(names)}"
            self.message.value = ""
        except (ValueError, TypeError) as err:
            self.message.value = error_html(err)
