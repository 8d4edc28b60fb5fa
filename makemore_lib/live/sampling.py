"""The sampling widget (chapter 2): names from the counts, the smoothed counts or the uniform model."""

from __future__ import annotations

import torch
import traitlets

from ..checks import check_table
from ..sampling import MAX_SAMPLED_LENGTH, MAX_SAMPLES, sample_names
from ..neural import LECTURE_SEED
from ..probabilities import bigram_probs, uniform_probs
from ..vocabulary import itos
from .common import MAX_NAMES, MAX_SEED, Data, IntSetting, Live, TextSetting, esm, message, widget_names
from .html import names_html

MODELS = ("uniform", "counts", "smoothed counts")
# "Sample again" shows names draws * n to (draws + 1) * n - 1 of the stream: at most MAX_SAMPLES names for any n.
MAX_DRAWS = MAX_SAMPLES // MAX_NAMES - 1
# The step-by-step view goes through the draws of the batch's names: at most this many (each name ends).
MAX_STEP = MAX_NAMES * (MAX_SAMPLED_LENGTH + 1)


def batch_draws(probs: torch.Tensor, seed: int, skip: int, steps: int) -> list[tuple[int, int, list[float]]]:
    """The first ``steps`` draws after the first ``skip`` names of ``sample_names`` with ``manual_seed(seed)``: the
    row, the index chosen, and the scores ``p / e`` torch compares (e exponential random numbers).

    >>> from makemore_lib.probabilities import uniform_probs
    >>> [itos[ix] for row, ix, scores in batch_draws(uniform_probs(), 2147483647, 0, 6)]
    ['c', 'e', 'x', 'z', 'm', '.']
    """
    g = torch.Generator().manual_seed(seed)
    sample_names(probs, skip, g)        # leaves g where the loop would be after `skip` names
    e = torch.empty(steps, probs.shape[1], dtype=probs.dtype).exponential_(generator=g).numpy()
    table = probs.numpy()
    draws, row = [], 0
    for i in range(steps):
        scores = table[row] / e[i]      # float32 / float32: the same correctly rounded division as torch's
        ix = int(scores.argmax())       # the first of equal scores, as torch
        draws.append((row, ix, scores.tolist()))
        row = ix                        # after the end token (0) the next name starts from row 0 again
    return draws


class SamplingWidget(Live):
    """Draw names from the counts, the smoothed counts (k = 1) or the uniform model, in the page, as ``sample_names``
    with ``manual_seed(seed)``; ``draws``: the next batch; ``step``: the batch one character at a time.

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
    step = IntSetting(0, 0, MAX_STEP)
    names = traitlets.List()
    built = traitlets.List()
    last_draw = traitlets.Dict()
    outputs = {"names": [], "built": [], "last_draw": {}}

    def __init__(self, counts: torch.Tensor, seed: int = LECTURE_SEED, n: int = 5, model: str = "counts"):
        counts = check_table(counts, "counts")
        self._tables = {"counts": bigram_probs(counts), "smoothed counts": bigram_probs(counts, 1.0),
                        "uniform": uniform_probs()}
        super().__init__(counts=counts.tolist(), seed=seed, n=n, model=model)
        # another batch starts its step-by-step view again
        self.observe(lambda change: setattr(self, "step", 0), names=["seed", "n", "model", "draws"])

    def compute(self) -> None:
        probs = self._tables[self.model]
        self.names = widget_names(probs, self.n, self.seed, self.draws * self.n)
        total = sum(len(name) + 1 for name in self.names)
        if self.step > total:
            raise ValueError(message("step", max=f"{total:,}", step=f"{self.step:,}"))
        if self.step:
            drawn = batch_draws(probs, self.seed, self.draws * self.n, self.step)
            built = "".join(itos[ix] for _, ix, _ in drawn).split(".")
            if built[-1] == "":                 # the last draw ended a name
                built.pop()
            row, ix, scores = drawn[-1]
            self.built = built
            self.last_draw = {"row": itos[row], "chosen": itos[ix], "p": float(probs[row, ix]), "scores": scores}

    def snapshot(self) -> str:
        out = names_html(self.names, f"{self.n} names from the {self.model} model, seed {self.seed}")
        if self.step:
            out += names_html(self.built, "One character at a time, so far")
            d = self.last_draw
        else:                                     # the first draw of the batch, as the page would show it
            row, ix, _ = batch_draws(self._tables[self.model], self.seed, self.draws * self.n, 1)[0]
            d = {"row": itos[row], "chosen": itos[ix], "p": float(self._tables[self.model][row, ix])}
        return out + (f"<p>From row '{d['row']}' torch chose '{d['chosen']}' (probability {d['p']:.4f}): each of the "
                      f"27 probabilities is divided by a random number, and its score was the highest.</p>")
