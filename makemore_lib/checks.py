"""Checks for plain arguments (counts, seeds, rates, generators): a clear error that names the argument."""

from __future__ import annotations

import math

import torch

MAX_SAMPLES = 100_000


def check_int(value: object, what: str, low: int, high: int, high_shown: str = "") -> int:
    """Return ``value`` if it is an int from ``low`` to ``high``, else raise an error naming ``what``.

    >>> check_int(7, "n", 1, 4)
    Traceback (most recent call last):
    ...
    ValueError: n must be between 1 and 4, not 7
    >>> check_int(2.0, "n", 1, 4)
    Traceback (most recent call last):
    ...
    TypeError: n must be an int, not float
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise ValueError(f"{what} must be between {low:,} and {high_shown or f'{high:,}'}, not {value:,}")
    return value


def check_count(n: object, what: str = "n", limit: int = MAX_SAMPLES) -> int:
    """Return ``n`` if it is an int from 0 to ``limit``, else raise a clear error.

    >>> check_count(10**9)
    Traceback (most recent call last):
    ...
    ValueError: n must be between 0 and 100,000, not 1,000,000,000
    """
    return check_int(n, what, 0, limit)


def check_seed(seed: object, what: str = "seed") -> int:
    """Return ``seed`` if it is an int from 0 to 2**63 - 1 (what a torch.Generator accepts), else raise.

    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be between 0 and 2**63 - 1, not -1
    """
    return check_int(seed, what, 0, 2**63 - 1, high_shown="2**63 - 1")


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
