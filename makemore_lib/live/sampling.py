"""The sampling widget (chapter 2): names from the counts, the smoothed counts or the uniform model."""

from __future__ import annotations

import torch
import traitlets

from ..checks import check_table
from ..sampling import MAX_SAMPLES
from ..neural import LECTURE_SEED
from ..probabilities import bigram_probs, uniform_probs
from .common import MAX_NAMES, MAX_SEED, Data, IntSetting, Live, TextSetting, esm, widget_names
from .html import names_html

MODELS = ("uniform", "counts", "smoothed counts")
# "Sample again" shows names draws * n to (draws + 1) * n - 1 of the stream: at most MAX_SAMPLES names for any n.
MAX_DRAWS = MAX_SAMPLES // MAX_NAMES - 1


class SamplingWidget(Live):
    """Names from the counts, the smoothed counts (k = 1) or the uniform model, drawn in the page as
    ``sample_names`` draws them with ``torch.Generator().manual_seed(seed)``; "sample again" (``draws``): the next.

    >>> from makemore_lib.counting import count_bigrams
    >>> w = SamplingWidget(count_bigrams(["emma", "ava"]), seed=1, n=3)
    >>> w.names
    ['ema', 'emmmmma', 'ava']
    """

    _esm = esm("sampling")
    counts = Data()
    k = Data([1.0])
    models = Data(list(MODELS))
    max_n = Data([MAX_NAMES])
    max_seed = Data([MAX_SEED])
    seed = IntSetting(LECTURE_SEED, 0, MAX_SEED)
    n = IntSetting(5, 1, MAX_NAMES)
    model = TextSetting("counts", MODELS)
    draws = IntSetting(0, 0, MAX_DRAWS)
    names = traitlets.List()
    outputs = {"names": []}

    def __init__(self, counts: torch.Tensor, seed: int = LECTURE_SEED, n: int = 5, model: str = "counts"):
        counts = check_table(counts, "counts")
        self._tables = {"counts": bigram_probs(counts), "smoothed counts": bigram_probs(counts, 1.0),
                        "uniform": uniform_probs()}
        super().__init__(counts=counts.tolist(), seed=seed, n=n, model=model)

    def compute(self) -> None:
        self.names = widget_names(self._tables[self.model], self.n, self.seed, self.draws * self.n)

    def snapshot(self) -> str:
        return names_html(self.names, f"{self.n} names from the {self.model} model, seed {self.seed}")
