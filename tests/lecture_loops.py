"""The lecture's own way of doing things: plain loops, the yardstick the library's fast functions (tests) and
its speed (benchmarks/bench.py) are measured against."""

import torch

from makemore_lib.vocabulary import itos, stoi


def count_bigrams_loop(names: list[str]) -> torch.Tensor:
    """Count bigrams with a Python loop over every character, as the lecture does.

    >>> int(count_bigrams_loop(["emma"]).sum())
    5
    """
    N = torch.zeros((27, 27), dtype=torch.int32)
    for w in names:
        chs = ["."] + list(w) + ["."]
        for ch1, ch2 in zip(chs, chs[1:]):
            N[stoi[ch1], stoi[ch2]] += 1
    return N


def sample_names_loop(P: torch.Tensor, n: int, g: torch.Generator) -> list[str]:
    """Sample ``n`` names with one ``torch.multinomial`` per character, as the lecture does.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> sample_names_loop(uniform_probs(), 1, torch.Generator().manual_seed(2147483647))
    ['cexzm']
    """
    out = []
    for _ in range(n):
        chars = []
        ix = 0
        while True:
            p = P[ix]
            ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
            if ix == 0:
                break
            chars.append(itos[ix])
        out.append("".join(chars))
    return out



def count_ngrams_loop(names: list[str], n: int) -> torch.Tensor:
    """Count n-grams with a Python loop: pad each name with n-1 dots in front, one behind, slide a window.

    >>> int(count_ngrams_loop(["emma"], 3).sum())
    5
    """
    N = torch.zeros((27 ** (n - 1), 27), dtype=torch.int32)
    for w in names:
        chs = ["."] * (n - 1) + list(w) + ["."]
        for i in range(len(chs) - n + 1):
            context = 0
            for ch in chs[i:i + n - 1]:
                context = context * 27 + stoi[ch]
            N[context, stoi[chs[i + n - 1]]] += 1
    return N


def train_onehot_loop(xs: torch.Tensor, ys: torch.Tensor, steps: int = 100, lr: float = 50.0, l2: float = 0.01,
                      seed: int = 2147483647) -> tuple[torch.Tensor, list[float]]:
    """The lecture's gradient descent: one-hot inputs @ W, softmax, NLL + L2, autograd, over every example.

    Returns the final W and the loss before each step, then the loss after the last.

    >>> W, losses = train_onehot_loop(torch.tensor([0, 5]), torch.tensor([5, 0]), steps=2)
    >>> len(losses), losses[1] < losses[0]
    (3, True)
    """
    g = torch.Generator().manual_seed(seed)
    W = torch.randn((27, 27), generator=g, requires_grad=True)
    xenc = torch.nn.functional.one_hot(xs, num_classes=27).float()
    losses = []
    for step in range(steps + 1):
        counts = (xenc @ W).exp()
        probs = counts / counts.sum(1, keepdims=True)
        loss = -probs[torch.arange(len(ys)), ys].log().mean() + l2 * (W**2).mean()
        losses.append(loss.item())
        if step == steps:
            break
        W.grad = None
        loss.backward()
        W.data += -lr * W.grad
    return W.detach(), losses
