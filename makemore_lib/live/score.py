"""The score-a-name widget (chapter 3): each bigram's probability and log-probability, and the average NLL."""

from __future__ import annotations

import math

import torch
import traitlets

from ..loss import name_nll, score_name
from ..checks import check_probs
from .common import Data, Live, TextSetting, esm
from .html import score_table_html


class ScoreNameWidget(Live):
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
    probs = Data()
    name = TextSetting("andrej")
    nll = traitlets.Float(math.nan)
    scores = traitlets.List()
    outputs = {"nll": math.nan, "scores": []}

    def __init__(self, probs: torch.Tensor, name: str = "andrej"):
        self._probs = check_probs(probs).float()
        super().__init__(probs=self._probs.tolist(), name=name)

    def compute(self) -> None:
        self.scores = score_name(self.name, self._probs)
        self.nll = name_nll(self.name, self._probs)

    def snapshot(self) -> str:
        return score_table_html(self.name, self._probs)
