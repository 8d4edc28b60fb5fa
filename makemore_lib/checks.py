"""Argument checks: a bad argument becomes a ValueError or TypeError that names the argument, shows the value
received (shortened) and says what is allowed. Public functions run them at their entry (``@checked``), so the
code a chapter prints is the maths alone. A leaf: this module imports nothing from the package."""

import functools
import inspect
import math
from collections.abc import Callable

import torch

MAX_ORDER = 4        # the longest n-grams: tables of (V**(n-1), V), n = 1..4 (19,683 rows for 4-grams of a-z)
MAX_VALUE = 1e30     # the largest count or smoothing k: float32 sums stay finite (the largest count is 6,763)


def shorten(value: object, width: int = 40) -> str:
    """``repr(value)``, cut to ``width`` characters, for error messages.

    >>> shorten("a" * 100, 12)
    "'aaaaaaaa..."
    """
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def given(value: object) -> str:
    """A value as a message shows what was received, shortened, with its type.

    >>> given(2.5), given("x"), given(None)
    ('2.5 (float)', "'x' (str)", 'None')
    """
    return "None" if value is None else f"{shorten(value)} ({type(value).__name__})"


def _digits(n: int) -> int:
    # n's decimal digits without str(n), which Python refuses past 4,300 digits; d is the count or one less
    d = max(1, int(n.bit_length() * 0.30102999566398))
    return d + (n >= 10**d)


def check_int(value: object, what: str, low: int, high: int, high_shown: str = "") -> int:
    """``value`` if it is an int from ``low`` to ``high``, else an error naming ``what``.

    >>> check_int(2.5, "cell", 1, 64)
    Traceback (most recent call last):
    TypeError: cell must be an int, not 2.5 (float)
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {given(value)}")
    if not low <= value <= high:
        shown = f"{value:,}" if abs(value) < 10**30 else f"an int of {_digits(abs(value))} digits"
        raise ValueError(f"{what} must be between {low:,} and {high_shown or f'{high:,}'}, not {shown}")
    return value


def check_number(value: object, what: str, high: float = math.inf, positive: bool = False) -> float:
    """``value`` as a float if it is a finite number from 0 (above 0 if ``positive``) to ``high``, else an error.

    >>> check_number(-1, "smoothing k")
    Traceback (most recent call last):
    ValueError: smoothing k must be a finite number >= 0, not -1
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {given(value)}")
    try:
        number = float(value)
    except OverflowError:          # an int beyond float's range
        number = math.inf
    if not (math.isfinite(number) and number <= high and (number > 0 if positive else number >= 0)):
        allowed = f"from 0 to {high:g}" if high < math.inf else ("> 0" if positive else ">= 0")
        raise ValueError(f"{what} must be a finite number {allowed}, not {shorten(value)}")
    return number


def check_generator(generator: object) -> torch.Generator:
    """``generator`` if it is a CPU ``torch.Generator``, else a clear error.

    >>> check_generator(torch.Generator()).device
    device(type='cpu')
    """
    if not isinstance(generator, torch.Generator) or generator.device.type != "cpu":
        raise TypeError(f"generator must be a torch.Generator (e.g. torch.Generator().manual_seed(42)), "
                        f"not {given(generator)}")
    return generator


def check_table(t: object, what: str = "counts", kind: str = "counts", shape: tuple | None = (27, 27),
                empty: str = "", cols: int | None = None) -> torch.Tensor:
    """``t`` if it is a CPU tensor of ``shape`` holding ``kind``: ``"counts"`` (real numbers from 0 to 1e30),
    ``"probs"`` (floats >= 0, rows summing to 1) or ``"weights"`` (finite floats), else an error naming ``what``.
    ``shape=None``: any n-gram table (V**(n-1), V), V the columns (``cols`` if given). ``empty``: zeros are an error.

    >>> check_table(torch.ones(27, 27), "probs", "probs")
    Traceback (most recent call last):
    ValueError: probs must have rows that sum to 1 (row 0 sums to 27)
    """
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{what} must be a torch.Tensor, not {given(t)}")
    if t.layout != torch.strided or t.device.type != "cpu":
        raise TypeError(f"{what} must be a dense CPU tensor, not a {t.layout} tensor on {t.device}")
    V = cols or (t.shape[-1] if t.dim() == 2 else 0)
    if shape is None and (V < 2 or not any(t.shape == (V ** (n - 1), V) for n in range(1, MAX_ORDER + 1))):
        tables = f"({V}**(n-1), {V}) for n-grams" if cols else "(V**(n-1), V) for n-grams of V characters"
        raise ValueError(f"{what} must have shape (27, 27), or {tables} (n = 1..{MAX_ORDER}), not {tuple(t.shape)}")
    if shape is not None and t.shape != shape:
        raise ValueError(f"{what} must have shape {shape}, not {tuple(t.shape)}")
    t = t.detach() if kind != "weights" else t       # weights that autograd tracks stay themselves
    if t.dtype == torch.bool or t.is_complex() or (kind != "counts" and not t.is_floating_point()):
        raise TypeError(f"{what} must hold {'real numbers' if kind == 'counts' else 'floats'}, not {t.dtype}")
    if not torch.isfinite(t).all():
        raise ValueError(f"{what} must hold finite numbers (found {t[~torch.isfinite(t)][0].item()})")
    if kind != "weights" and (t < 0).any():
        raise ValueError(f"{what} must not be negative (found {t.min().item():g})")
    if kind == "counts" and t.numel() and t.max() > MAX_VALUE:
        raise ValueError(f"{what} must be at most {MAX_VALUE:g} (found {t.max().item():g})")
    rows = ((t.double().sum(-1) - 1).abs() > 1e-3).nonzero() if kind == "probs" else []
    if len(rows):
        raise ValueError(f"{what} must have rows that sum to 1 (row {int(rows[0])} sums to {t[rows[0]].sum():.6g})")
    if empty and not t.any():
        raise ValueError(f"{what} are all zero: {empty}")
    return t


check_probs = functools.partial(check_table, what="probs", kind="probs")   # a 27x27 P (chapter 2 checks its P)


def checked(**checks: Callable) -> Callable:
    """Check a function's arguments before it runs: ``checks`` maps an argument's name to a function returning its
    checked value (or raising); ``_all`` gets them all, as a dict. ``__wrapped__`` is the plain maths.

    >>> double = checked(n=lambda n: check_int(n, "n", 0, 9))(lambda n: 2 * n)
    >>> double(3), double(n=30)
    Traceback (most recent call last):
    ValueError: n must be between 0 and 9, not 30
    """
    together = checks.pop("_all", lambda arguments: None)

    def decorate(fn: Callable) -> Callable:
        signature = inspect.signature(fn)
        @functools.wraps(fn)
        def entry(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, check in checks.items():
                bound.arguments[name] = check(bound.arguments[name])
            together(bound.arguments)
            return fn(*bound.args, **bound.kwargs)
        return entry
    return decorate

