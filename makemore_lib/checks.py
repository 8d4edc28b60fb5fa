"""Checks for plain arguments (counts, seeds, rates, generators): a clear error that names the argument."""

from __future__ import annotations

import math

import torch

MAX_SAMPLES = 100_000


def check_count(n: object, what: str = "n", limit: int = MAX_SAMPLES) -> int:
    """Return ``n`` if it is an int from 0 to ``limit``, else raise a clear error.

    >>> check_count(10**9)
    Traceback (most recent call last):
    ...
    ValueError: n must be between 0 and 100,000, not 1,000,000,000
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} must be an int, not {type(n).__name__}")
    if not 0 <= n <= limit:
        raise ValueError(f"{what} must be between 0 and {limit:,}, not {n:,}")
    return n


def check_seed(seed: object, what: str = "seed") -> int:
    """Return ``seed`` if it is an int from 0 to 2**63 - 1 (what a torch.Generator accepts), else raise.

    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be between 0 and 2**63 - 1, not -1
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"{what} must be an int, not {type(seed).__name__}")
    if not 0 <= seed < 2**63:
        raise ValueError(f"{what} must be between 0 and 2**63 - 1, not {seed}")
    return seed


def check_rate(value: object, what: str) -> float:
    """Return ``value`` as a float if it is a finite number >= 0, else raise an error naming ``what``.

    >>> check_rate(float("nan"), "learning rate lr")
    Traceback (most recent call last):
    ...
    ValueError: learning rate lr must be a finite number >= 0, not nan
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0, not {value}")
    return float(value)


def check_generator(generator: object) -> torch.Generator:
    """Return ``generator`` if it is a CPU ``torch.Generator``, else raise a clear error.

    >>> check_generator(42)
    Traceback (most recent call last):
    ...
    TypeError: generator must be a torch.Generator (e.g. torch.Generator().manual_seed(42)), not int
    """
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator (e.g. torch.Generator().manual_seed(42)), "
                        f"not {type(generator).__name__}")
    if generator.device.type != "cpu":
        raise ValueError(f"generator must be on the CPU, not {generator.device}")
    return generator
