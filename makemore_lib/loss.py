"""Scoring a model: the average negative log-likelihood of the data, and the per-bigram view of one name."""

from __future__ import annotations

from typing import NamedTuple

import torch

from .checks import check_probs, check_table, checked
from .counting import count_bigrams
from .vocabulary import bigrams, stoi


def _same_shape(args: dict) -> None:
    if args["counts"].shape != args["probs"].shape:
        raise ValueError(f"counts and probs must have the same shape, not {tuple(args['counts'].shape)} and "
                         f"{tuple(args['probs'].shape)}")


@checked(counts=lambda t: check_table(t, "counts", shape=None, empty="there is no bigram to score"),
         probs=lambda t: check_table(t, "probs", "probs", shape=None), _all=_same_shape)
def counts_nll(counts: torch.Tensor, probs: torch.Tensor) -> float:
    """The average negative log-likelihood of every bigram counted in ``counts`` under the model ``probs`` (of the
    same shape, n-gram tables too): a bigram seen c times adds c times its log-probability.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> round(counts_nll(count_bigrams(["emma"]), uniform_probs()), 4)   # log(27)
    3.2958
    """
    counts, probs = counts.double(), probs.double()      # float64: a sum over 228,146 bigrams keeps its digits
    seen = counts > 0                                    # a bigram never seen adds nothing (0 * log 0 is NaN)
    log_likelihood = (counts[seen] * probs[seen].log()).sum()
    return float(-log_likelihood / counts.sum())


class BigramScore(NamedTuple):
    """One bigram of a name with its probability under a model and that probability's log."""

    bigram: str
    prob: float
    logprob: float


@checked(probs=check_probs)
def score_name(name: str, probs: torch.Tensor) -> list[BigramScore]:
    """Each bigram of ``name`` with its probability and log-probability under ``probs``.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> score_name("ab", uniform_probs())[0]
    BigramScore(bigram='.a', prob=0.037037..., logprob=-3.295836...)
    """
    scores = []
    for bigram in bigrams(name):
        p = probs[stoi[bigram[0]], stoi[bigram[1]]]
        scores.append(BigramScore(bigram, float(p), float(p.log())))
    return scores


def name_nll(name: str, probs: torch.Tensor) -> float:
    """The average negative log-likelihood of one name's bigrams (``inf`` if one has probability 0).

    >>> from makemore_lib.probabilities import uniform_probs
    >>> round(name_nll("emma", uniform_probs()), 4)
    3.2958
    """
    scores = score_name(name, probs)
    return -sum(s.logprob for s in scores) / len(scores)
