"""The lecture's training loop for an n-gram net, which chapter 6 prints beside ``train_counts``: the same losses
the slow way. (The lecture's counting and sampling loops, the tests' yardsticks, are in tests/lecture_loops.py.)"""

from __future__ import annotations

import torch


def train_onehot_ngram(xs: torch.Tensor, ys: torch.Tensor, rows: int, steps: int = 100, lr: float = 50.0,
                       l2: float = 0.01, seed: int = 2147483647) -> list[float]:
    """The lecture's training loop for an n-gram net: one-hot contexts (``rows`` wide) @ W, softmax, NLL + L2.

    Returns the loss before each step. Slow (one-hot rows of 729 for trigrams): for small data only.

    >>> xs, ys = torch.tensor([0, 5, 148]), torch.tensor([5, 13, 13])
    >>> losses = train_onehot_ngram(xs, ys, rows=729, steps=2)
    >>> losses[1] < losses[0]
    True
    """
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((rows, 27), generator=g, requires_grad=True)
    xenc = torch.nn.functional.one_hot(xs, num_classes=rows).float()
    losses = []
    for _ in range(steps):
        logits = xenc @ W
        counts = logits.exp()
        probs = counts / counts.sum(1, keepdims=True)
        loss = -probs[torch.arange(len(ys)), ys].log().mean() + l2 * (W**2).mean()
        losses.append(loss.item())
        W.grad = None
        loss.backward()
        W.data += -lr * W.grad
    return losses
