"""Widgets that compute in the browser (anywidget), so they stay interactive in the static site.

Each widget keeps the small data it needs (the 27x27 counts, the lecture's initial W) in synced traits; its
front end, an ES module made of ``js/common.js`` and the widget's own file in ``js/``, computes smoothing,
probabilities, losses, sampling and gradient descent in JavaScript. The built page embeds that state, so the
widgets work with no kernel. In Jupyter the controls are traits too: Python observes them and recomputes the
same numbers with makemore_lib (``loss``, ``names``, ``error``...), so the two sides agree.

Sampling in the browser uses a small seeded generator (mulberry32, ``browser_random`` here): the same seed
gives the same names, but not the names a ``torch.Generator`` gives.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import anywidget
import torch
import traitlets

from .checks import check_count, check_int, check_rate
from .counting import check_counts
from .loss import counts_nll, name_nll, score_name
from .neural import LECTURE_SEED, init_weights, net_probs, train_counts
from .probabilities import bigram_probs, check_probs, check_smoothing, uniform_probs
from .vocabulary import check_name, itos, stoi

JS = Path(__file__).with_name("js")
MAX_BROWSER_SEED = 2**32 - 1
# The smoothing slider's k: 0, then a roughly logarithmic scale up to 10,000.
SMOOTHING_STEPS = (0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000)
K_OPTIONS = list(SMOOTHING_STEPS)
# Learning rates: up to 100 gradient descent on this loss converges; 500 shows steps that overshoot. Above
# about 150 the run is chaotic: after many steps its last digits depend on the order of floating-point sums,
# so the browser's and torch's numbers part ways (the widget says so).
LR_OPTIONS = [0.1, 0.5, 1, 5, 10, 20, 50, 100, 500]
OVERSHOOT = ("the loss ended higher than it started: steps this large overshoot. The run is chaotic, so its "
             "last digits depend on rounding")
L2_OPTIONS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
MODELS = ("uniform", "counts", "smoothed counts")
MAX_NAMES = 30
# A loss above this (the uniform model's is log 27 = 3.3) means training blew up: shown as an error.
DIVERGED = 1000.0


def esm(name: str) -> str:
    """The ES module of one widget: the shared arithmetic (js/common.js) followed by js/<name>.js.

    >>> "export default" in esm("score") and "function bigramProbs" in esm("score")
    True
    """
    return (JS / "common.js").read_text(encoding="utf-8") + "\n" + (JS / f"{name}.js").read_text(encoding="utf-8")


def browser_random(seed: int) -> Iterator[float]:
    """The browser's seeded generator (mulberry32) in Python: an endless iterator of floats in [0, 1).

    >>> r = browser_random(2147483647)
    >>> [round(next(r), 6) for _ in range(2)]
    [0.429098, 0.127135]
    """
    mask = 0xFFFFFFFF
    a = check_browser_seed(seed)
    while True:
        a = (a + 0x6D2B79F5) & mask
        t = _imul(a ^ (a >> 15), a | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & mask) ^ t
        yield ((t ^ (t >> 14)) & mask) / 4294967296


def _imul(x: int, y: int) -> int:
    return (x * y) & 0xFFFFFFFF


def check_browser_seed(seed: object) -> int:
    """Return ``seed`` if it is an int from 0 to 2**32 - 1 (what the browser's generator takes), else raise.

    >>> check_browser_seed(2**40)
    Traceback (most recent call last):
    ...
    ValueError: seed must be between 0 and 4,294,967,295, not 1,099,511,627,776
    """
    return check_int(seed, "seed", 0, MAX_BROWSER_SEED)


def browser_sample_names(probs: torch.Tensor, n: int, seed: int, skip: int = 0) -> list[str]:
    """The names the live widgets draw in the browser: ``n`` names from ``probs`` with ``browser_random(seed)``.

    Each next character inverts the row's cumulative sum at one random number. The first ``skip`` names are
    drawn and dropped (the sampling widget's "sample again" button shows the next batch of the same stream).

    >>> from makemore_lib.counting import count_bigrams
    >>> from makemore_lib.probabilities import bigram_probs
    >>> browser_sample_names(bigram_probs(count_bigrams(["emma", "ava"])), 3, 1)
    ['emmmma', 'emma', 'a']
    """
    rows = check_probs(probs).tolist()
    n, skip = check_count(n), check_count(skip, "skip")
    rand = browser_random(seed)
    names = []
    for s in range(skip + n):
        ix, out = 0, []
        while True:
            u, acc, nxt, last = next(rand), 0.0, -1, 0
            for j, p in enumerate(rows[ix]):
                if p > 0:
                    last = j
                acc += p
                if u < acc:
                    nxt = j
                    break
            ix = last if nxt < 0 else nxt
            if ix == 0 or len(out) >= 1000:
                break
            out.append(itos[ix])
        if s >= skip:
            names.append("".join(out))
    return names


def _table(matrix: torch.Tensor) -> list[list]:
    return matrix.tolist()


class _Live(anywidget.AnyWidget):
    """Shared by the live widgets: ``error`` holds Python's message for bad settings ('' when all is well)."""

    error = traitlets.Unicode("")
    controls: tuple[str, ...] = ()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.observe(lambda change: self.update(), names=list(self.controls))
        self.update()

    def update(self) -> None:
        try:
            self.compute()
            self.error = ""
        except (ValueError, TypeError) as err:
            self.error = str(err)

    def compute(self) -> None:
        raise NotImplementedError


class SamplingWidget(_Live):
    """Draw names from the counts model, the smoothed counts (k = 1) or the uniform model, in the browser.

    The same seed always gives the same names; "sample again" draws the next batch from the same stream.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SamplingWidget(count_bigrams(["emma", "ava"]), seed=1, n=3)
    >>> w.names
    ['emmmma', 'emma', 'a']
    >>> w.seed = -1
    >>> w.error
    'seed must be between 0 and 4,294,967,295, not -1'
    """

    _esm = esm("sampling")
    counts = traitlets.List().tag(sync=True)
    k = traitlets.Float(1.0).tag(sync=True)
    seed = traitlets.Int(LECTURE_SEED).tag(sync=True)
    n = traitlets.Int(5).tag(sync=True)
    model = traitlets.Unicode("counts").tag(sync=True)
    draws = traitlets.Int(0).tag(sync=True)
    models = traitlets.List(list(MODELS)).tag(sync=True)
    max_n = traitlets.Int(MAX_NAMES).tag(sync=True)
    names = traitlets.List()
    controls = ("seed", "n", "model", "draws")

    def __init__(self, counts: torch.Tensor, seed: int = LECTURE_SEED, n: int = 5, model: str = "counts"):
        counts = check_counts(counts)
        self._tables = {"counts": bigram_probs(counts), "smoothed counts": bigram_probs(counts, 1.0),
                        "uniform": uniform_probs()}
        super().__init__(counts=_table(counts), seed=seed, n=n, model=model)

    def compute(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"model must be one of {', '.join(MODELS)}, not {self.model!r}")
        check_count(self.n, "n", MAX_NAMES)
        self.names = browser_sample_names(self._tables[self.model], self.n, self.seed, self.draws * self.n)


class ScoreNameWidget(_Live):
    """Type a name: each bigram's probability and log-probability under ``probs``, and the average NLL.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> w = ScoreNameWidget(uniform_probs(), name="emma")
    >>> round(w.nll, 4), len(w.scores)
    (3.2958, 5)
    >>> w.name = "Emma"
    >>> w.error
    "name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z"
    """

    _esm = esm("score")
    probs = traitlets.List().tag(sync=True)
    name = traitlets.Unicode("andrej").tag(sync=True)
    nll = traitlets.Float(math.nan)
    scores = traitlets.List()
    controls = ("name",)

    def __init__(self, probs: torch.Tensor, name: str = "andrej"):
        self._probs = check_probs(probs).float()
        super().__init__(probs=_table(self._probs), name=name)

    def compute(self) -> None:
        self.nll, self.scores = math.nan, []
        self.scores = score_name(self.name, self._probs)
        self.nll = name_nll(self.name, self._probs)


class SmoothingExplorer(_Live):
    """Move k, the fake count added to every cell: P as a heatmap, P of one bigram, the dataset loss, the
    loss of a typed name ("andrejq" to start; and of a dev set, if given) and ``n`` seeded names, all
    recomputed in the browser.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SmoothingExplorer(count_bigrams(["emma", "ava"]), bigram="mv")
    >>> round(w.p, 4), w.word_loss
    (0.0, inf)
    >>> w.k = 1
    >>> round(w.p, 4), round(w.loss, 4)
    (0.0345, 2.5875)
    >>> w.word = "emm!"
    >>> w.error
    "name 'emm!' has '!' at position 3, which is not a lowercase letter a-z"
    """

    _esm = esm("smoothing")
    counts = traitlets.List().tag(sync=True)
    dev_counts = traitlets.List().tag(sync=True)
    k = traitlets.Float(0.0).tag(sync=True)
    k_options = traitlets.List(K_OPTIONS).tag(sync=True)
    bigram = traitlets.Unicode("jq").tag(sync=True)
    word = traitlets.Unicode("andrejq").tag(sync=True)
    seed = traitlets.Int(LECTURE_SEED).tag(sync=True)
    n = traitlets.Int(5).tag(sync=True)
    p = traitlets.Float(math.nan)
    loss = traitlets.Float(math.nan)
    word_loss = traitlets.Float(math.nan)
    dev_loss = traitlets.Float(math.nan)
    names = traitlets.List()
    controls = ("k", "bigram", "word")

    def __init__(self, counts: torch.Tensor, word: str = "andrejq", seed: int = LECTURE_SEED, n: int = 5,
                 steps: tuple = SMOOTHING_STEPS, k: float = 0, bigram: str = "jq",
                 dev_counts: torch.Tensor | None = None):
        self._counts = check_counts(counts)
        self._dev = None if dev_counts is None else check_counts(dev_counts)
        options = [check_smoothing(v) for v in steps]
        super().__init__(counts=_table(self._counts), dev_counts=[] if self._dev is None else _table(self._dev),
                         k_options=[int(v) if v.is_integer() else v for v in options], k=k, bigram=bigram,
                         word=word, seed=check_browser_seed(seed), n=check_count(n, "n", MAX_NAMES))

    def compute(self) -> None:
        self.p, self.word_loss = math.nan, math.nan
        probs = bigram_probs(self._counts, check_smoothing(self.k))
        self.loss = counts_nll(self._counts, probs)
        self.dev_loss = math.nan if self._dev is None else counts_nll(self._dev, probs)
        self.names = browser_sample_names(probs, self.n, self.seed)
        b = self.bigram
        if len(b) != 2 or any(ch not in stoi for ch in b):
            raise ValueError(f"bigram must be two characters from '.' and a-z, not '{b}'")
        self.p = float(probs[stoi[b[0]], stoi[b[1]]])
        self.word_loss = name_nll(check_name(self.word), probs)


def _after(counts: torch.Tensor, steps: int, lr: float, l2: float, seed: int) -> dict:
    """Train for ``steps`` steps; the losses before each step and after the last, the data loss, the net's P."""
    run = train_counts(counts, steps=steps, lr=lr, l2=l2, seed=seed)
    W = run.W.double()
    if not all(math.isfinite(x) and x < DIVERGED for x in run.losses) or not bool(W.isfinite().all()):
        raise ValueError(f"training diverged with learning rate {lr:g}: try a smaller one")
    if not run.final_loss < DIVERGED:
        raise ValueError(f"training diverged with learning rate {lr:g}: try a smaller one")
    penalty = l2 * float((W * W).mean())
    return dict(losses=run.losses + [run.final_loss], loss=run.final_loss, data_loss=run.final_loss - penalty,
                penalty=penalty, probs=net_probs(run.W))


class TrainingExplorer(_Live):
    """Choose the learning rate, the number of steps and the L2 strength λ: gradient descent on the counts
    (``neural.train_counts``) runs in the browser from the lecture's W; loss curve, final loss, five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = TrainingExplorer(count_bigrams(["emma", "ava"]), steps=3)
    >>> len(w.losses), w.loss < w.losses[0]
    (4, True)
    >>> w.steps = 0
    >>> w.error
    'steps must be at least 1, not 0'

    A loss that ends higher than it started is a ``warning`` (the numbers are still shown); a run whose
    numbers overflow is an ``error``.
    """

    _esm = esm("training")
    counts = traitlets.List().tag(sync=True)
    w0 = traitlets.List().tag(sync=True)
    lr = traitlets.Float(50.0).tag(sync=True)
    steps = traitlets.Int(100).tag(sync=True)
    l2 = traitlets.Float(0.01).tag(sync=True)
    lr_options = traitlets.List(LR_OPTIONS).tag(sync=True)
    overshoot = traitlets.Unicode(OVERSHOOT).tag(sync=True)
    diverged = traitlets.Float(DIVERGED).tag(sync=True)
    l2_options = traitlets.List(L2_OPTIONS).tag(sync=True)
    max_steps = traitlets.Int(500).tag(sync=True)
    seed = traitlets.Int(LECTURE_SEED).tag(sync=True)
    losses = traitlets.List()
    loss = traitlets.Float(math.nan)
    data_loss = traitlets.Float(math.nan)
    names = traitlets.List()
    warning = traitlets.Unicode("")
    controls = ("lr", "steps", "l2")

    def __init__(self, counts: torch.Tensor, lr: float = 50.0, steps: int = 100, l2: float = 0.01,
                 seed: int = LECTURE_SEED):
        self._counts = check_counts(counts)
        self._seed = check_browser_seed(seed)
        super().__init__(counts=_table(self._counts), w0=_table(init_weights(seed).double()), lr=lr, steps=steps,
                         l2=l2, seed=check_browser_seed(seed))

    def compute(self) -> None:
        self.losses, self.loss, self.data_loss, self.names, self.warning = [], math.nan, math.nan, [], ""
        steps = check_count(self.steps, "steps", self.max_steps)
        lr, l2 = check_rate(self.lr, "learning rate lr"), check_rate(self.l2, "L2 strength l2")
        run = _after(self._counts, steps, lr, l2, self._seed)
        self.losses, self.loss, self.data_loss = run["losses"], run["loss"], run["data_loss"]
        self.warning = OVERSHOOT if self.loss > self.losses[0] else ""
        self.names = browser_sample_names(run["probs"], 5, self.seed)


class RegularizationExplorer(_Live):
    """Move λ, the L2 strength: the net is trained again in the browser (learning rate ``lr``, ``steps``
    steps from the lecture's W); its data loss, the penalty λ·mean(W²), its P as a heatmap and five names.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = RegularizationExplorer(count_bigrams(["emma", "ava"]), steps=20)
    >>> w.penalty > 0, round(w.loss - w.data_loss - w.penalty, 12)
    (True, 0.0)
    >>> w.steps = 0
    >>> w.error
    'steps must be at least 1, not 0'
    """

    _esm = esm("regularization")
    counts = traitlets.List().tag(sync=True)
    w0 = traitlets.List().tag(sync=True)
    l2 = traitlets.Float(0.01).tag(sync=True)
    steps = traitlets.Int(300).tag(sync=True)
    lr = traitlets.Float(50.0).tag(sync=True)
    l2_options = traitlets.List(L2_OPTIONS).tag(sync=True)
    max_steps = traitlets.Int(500).tag(sync=True)
    diverged = traitlets.Float(DIVERGED).tag(sync=True)
    seed = traitlets.Int(LECTURE_SEED).tag(sync=True)
    loss = traitlets.Float(math.nan)
    data_loss = traitlets.Float(math.nan)
    penalty = traitlets.Float(math.nan)
    names = traitlets.List()
    controls = ("l2", "steps")

    def __init__(self, counts: torch.Tensor, l2: float = 0.01, steps: int = 300, lr: float = 50.0):
        self._counts = check_counts(counts)
        super().__init__(counts=_table(self._counts), w0=_table(init_weights(LECTURE_SEED).double()), l2=l2,
                         steps=steps, lr=check_rate(lr, "learning rate lr"))

    def compute(self) -> None:
        self.loss, self.data_loss, self.penalty, self.names = math.nan, math.nan, math.nan, []
        steps = check_count(self.steps, "steps", self.max_steps)
        if steps == 0:
            raise ValueError("steps must be at least 1, not 0")
        run = _after(self._counts, steps, self.lr, check_rate(self.l2, "L2 strength l2"), LECTURE_SEED)
        self.loss, self.data_loss, self.penalty = run["loss"], run["data_loss"], run["penalty"]
        self.names = browser_sample_names(run["probs"], 5, self.seed)
