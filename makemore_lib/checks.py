"""Every argument check of the library, in one place: a bad argument gets a ValueError or TypeError that names
the argument, shows its value (shortened) and says what is allowed.

The checks read the vocabulary (``vocabulary.py``), and ``vocabulary.py`` uses the name checks: it imports this
module only after defining its characters, so either module can be imported first.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from .vocabulary import chars, vocab_size

MAX_SAMPLES = 100_000
MAX_NAME_LENGTH = 100
"""The longest name accepted (the dataset's longest has 15 letters)."""
MAX_ORDER = 4
"""The longest n-grams counted: 4-grams, a table of 19,683 contexts x 27."""
LETTERS = chars[1:]


def shorten(value: object, width: int = 40) -> str:
    """``repr(value)``, cut to ``width`` characters, for error messages.

    >>> shorten("a" * 100, 12)
    "'aaaaaaaa..."
    """
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


# --- numbers ---------------------------------------------------------------------------------------------------

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
        shown = f"{value:,}" if abs(value) < 10**30 else f"an int of {len(str(abs(value)))} digits"
        raise ValueError(f"{what} must be between {low:,} and {high_shown or f'{high:,}'}, not {shown}")
    return value


def check_count(n: object, what: str = "n", limit: int = MAX_SAMPLES) -> int:
    """Return ``n`` if it is an int from 0 to ``limit``, else raise a clear error.

    >>> check_count(10**9)
    Traceback (most recent call last):
    ...
    ValueError: n must be between 0 and 100,000, not 1,000,000,000
    """
    return check_int(n, what, 0, limit)


def check_steps(steps: object, limit: int) -> int:
    """Return ``steps`` if it is an int from 1 to ``limit``, else raise a clear error.

    >>> check_steps(0, 100)
    Traceback (most recent call last):
    ...
    ValueError: steps must be at least 1, not 0
    """
    steps = check_count(steps, "steps", limit)
    if steps == 0:
        raise ValueError("steps must be at least 1, not 0")
    return steps


def check_seed(seed: object, what: str = "seed") -> int:
    """Return ``seed`` if it is an int from 0 to 2**63 - 1 (what a torch.Generator accepts), else raise.

    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be between 0 and 2**63 - 1, not -1
    """
    return check_int(seed, what, 0, 2**63 - 1, high_shown="2**63 - 1")


def check_number(value: object, what: str, allowed: str = "a finite number >= 0", low: float = 0.0,
                 low_open: bool = False) -> float:
    """Return ``value`` as a float if it is a finite real number >= ``low`` (> ``low`` if ``low_open``), else raise.

    Python ints too large for a float are refused with the same message (not an ``OverflowError``).

    >>> check_number(10**400, "smoothing k")
    Traceback (most recent call last):
    ...
    ValueError: smoothing k must be a finite number >= 0, not an int of 401 digits (too large for a float)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{what} must be {allowed}, not an int of {len(str(abs(value)))} digits "
                         f"(too large for a float)") from None
    if not math.isfinite(number) or number < low or (low_open and number == low):
        raise ValueError(f"{what} must be {allowed}, not {shorten(value)}")
    return number


def check_rate(value: object, what: str) -> float:
    """Return ``value`` as a float if it is a finite number >= 0, else raise an error naming ``what``.

    >>> check_rate(float("nan"), "learning rate lr")
    Traceback (most recent call last):
    ...
    ValueError: learning rate lr must be a finite number >= 0, not nan
    """
    return check_number(value, what)


def check_smoothing(k: object) -> float:
    """Return ``k`` as a float if it is a finite number >= 0, else raise a clear error.

    >>> check_smoothing(-1)
    Traceback (most recent call last):
    ...
    ValueError: smoothing k must be a finite number >= 0, not -1
    """
    return check_number(k, "smoothing k")


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


# --- text --------------------------------------------------------------------------------------------------------

def describe_char(ch: str) -> str:
    r"""How to name a character in an error message, so that invisible ones show up.

    >>> print(describe_char("q"), describe_char(chr(9)))
    'q' '\t' (U+0009)
    """
    if ch.isprintable() and not ch.isspace():
        return repr(ch)
    return f"{ch!r} (U+{ord(ch):04X})"


def _bad_character(text: str, what: str, pos: int, allowed: str) -> ValueError:
    ch = text[pos]
    hint = ""
    if ch in "\r\n":
        hint = " (lines read with readlines() keep their newline: use read().splitlines())"
    elif ch.isspace():
        hint = " (strip spaces first: name.strip())"
    return ValueError(f"{what} {shorten(text)} has {describe_char(ch)} at position {pos}, which is not {allowed}{hint}")


def check_name(name: object, what: str = "name") -> str:
    """Return ``name`` if it is a non-empty string of at most 100 lowercase letters a-z, else raise a clear error.

    >>> check_name("emma")
    'emma'
    >>> check_name("Emma")
    Traceback (most recent call last):
    ...
    ValueError: name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z
    """
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a str, not {type(name).__name__}")
    if not name:
        raise ValueError(f"{what} is empty: a name needs at least one letter a-z")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"{what} is {len(name):,} characters long: the longest name accepted has {MAX_NAME_LENGTH}")
    for pos, ch in enumerate(name):
        if ch not in LETTERS:
            raise _bad_character(name, what, pos, "a lowercase letter a-z")
    return name


def check_names(names: object, what: str = "names") -> list[str]:
    """Return ``names`` as a list if it is a non-empty list of valid names, else raise a clear error.

    The whole list is checked at once (one ``str`` test), so the 32,033 names of the dataset take about a
    millisecond; only a list with a bad name is checked name by name, to say which one.

    >>> check_names(["emma", "ava"])
    ['emma', 'ava']
    >>> check_names(["emma", "Ava"])
    Traceback (most recent call last):
    ...
    ValueError: names[1] 'Ava' has 'A' at position 0, which is not a lowercase letter a-z
    """
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise TypeError(f"{what} must be a list of str, not {type(names).__name__}")
    if not names:
        raise ValueError(f"{what} is empty: give at least one name")
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise TypeError(f"{what}[{i}] must be a str, not {type(name).__name__}")
    joined = "".join(names)
    # isascii + isalpha + islower: every character is one of a-z (no separator that a bad name could hide behind).
    ok = joined.isascii() and joined.isalpha() and joined.islower()
    if not ok or any(not 0 < len(name) <= MAX_NAME_LENGTH for name in names):
        for i, name in enumerate(names):
            check_name(name, what=f"{what}[{i}]")
    return list(names)


def check_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a string of vocabulary characters ('.' or a-z), else raise a clear error.

    >>> check_text("a!")
    Traceback (most recent call last):
    ...
    ValueError: text 'a!' has '!' at position 1, which is not in the vocabulary ('.' or a-z)
    """
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    for pos, ch in enumerate(text):
        if ch not in chars:
            raise _bad_character(text, what, pos, "in the vocabulary ('.' or a-z)")
    return text


def check_ids(ids: object, what: str = "ids") -> list[int]:
    """Return ``ids`` as a list of ints if every one is a character index 0..26, else raise a clear error.

    >>> check_ids([0, 27])
    Traceback (most recent call last):
    ...
    ValueError: ids[1] is 27, outside the vocabulary's range 0..26
    """
    if isinstance(ids, torch.Tensor) and (ids.is_floating_point() or ids.is_complex() or ids.dtype == torch.bool):
        raise TypeError(f"{what} must hold ints, not {ids.dtype}")
    if hasattr(ids, "tolist"):
        ids = ids.tolist()
    if not isinstance(ids, (list, tuple)):
        raise TypeError(f"{what} must be a list of ints, not {type(ids).__name__}")
    out = []
    for pos, i in enumerate(ids):
        if isinstance(i, bool) or not hasattr(i, "__index__"):
            raise TypeError(f"{what}[{pos}] must be an int, not {type(i).__name__}")
        i = int(i)
        if not 0 <= i < vocab_size:
            raise ValueError(f"{what}[{pos}] is {shorten(i)}, outside the vocabulary's range 0..{vocab_size - 1}")
        out.append(i)
    return out


# --- pictures ----------------------------------------------------------------------------------------------------

def check_cmap(name: object) -> str:
    """Return ``name`` if it names a matplotlib colour map (the argument ``cmap``), else raise a clear error.

    >>> check_cmap("Bluez")
    Traceback (most recent call last):
    ...
    ValueError: cmap must name a matplotlib colour map (e.g. 'Blues', 'viridis', 'Greys'), not 'Bluez'
    """
    from matplotlib import colormaps

    if not isinstance(name, str):
        raise TypeError(f"cmap must be the name of a matplotlib colour map (a str), not {type(name).__name__}")
    if name not in colormaps:
        raise ValueError(f"cmap must name a matplotlib colour map (e.g. 'Blues', 'viridis', 'Greys'), "
                         f"not {shorten(name)}")
    return name


def check_format(fmt: object) -> str:
    """Return ``fmt`` if it is a format string for one number (like ``"{:.0f}"``), else raise a clear error.

    >>> check_format("{:q}")
    Traceback (most recent call last):
    ...
    ValueError: fmt must format one number, like '{:.0f}' or '{:.2%}', not '{:q}' (Unknown format code 'q' for object of type 'float')
    """
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be a format string like '{{:.0f}}', not {type(fmt).__name__}")
    try:
        fmt.format(1.5)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as err:
        raise ValueError(f"fmt must format one number, like '{{:.0f}}' or '{{:.2%}}', not {shorten(fmt)} "
                         f"({err})") from None
    return fmt


# --- tables: counts, probabilities, weights ------------------------------------------------------------------------

def table_order(shape: tuple[int, ...]) -> int | None:
    """The n of an n-gram table of this shape, one row per context of n-1 characters: 27**(n-1) rows of 27.

    2 for the bigram table (27, 27), 3 for a trigram table (729, 27); None for any other shape.

    >>> table_order((27, 27)), table_order((729, 27)), table_order((26, 27))
    (2, 3, None)
    """
    shape = tuple(shape)
    if len(shape) != 2 or shape[1] != vocab_size:
        return None
    orders = [n for n in range(1, MAX_ORDER + 1) if shape[0] == vocab_size ** (n - 1)]
    return orders[0] if orders else None


def _check_tensor(t: object, what: str) -> torch.Tensor:
    """A dense CPU tensor without autograd history (a sparse tensor is made dense: 27x27 is small)."""
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{what} must be a torch.Tensor, not {type(t).__name__}")
    if t.device.type == "meta":
        raise ValueError(f"{what} is a meta tensor: it has a shape but no numbers")
    t = t.detach()
    if t.layout != torch.strided:
        t = t.to_dense()
    return t.cpu()


def _check_shape(t: torch.Tensor, what: str, ngrams: bool) -> int:
    order = table_order(t.shape)
    if order == 2 or (ngrams and order is not None):
        return order
    hint = f" (or (27**(n-1), 27) for an n-gram table, n = 1..{MAX_ORDER})" if ngrams else ""
    raise ValueError(f"{what} must have shape ({vocab_size}, {vocab_size}), not {tuple(t.shape)}{hint}")


def _check_table(t: object, what: str, ngrams: bool, check_values: Callable) -> torch.Tensor:
    """A dense tensor of an allowed shape (27x27; also (27**(n-1), 27) if ``ngrams``) whose numbers pass."""
    t = _check_tensor(t, what)
    _check_shape(t, what, ngrams)
    return check_values(t, what)


def _check_count_values(counts: torch.Tensor, what: str) -> torch.Tensor:
    if counts.dtype == torch.bool or counts.is_complex():
        raise TypeError(f"{what} must hold real numbers, not {counts.dtype}")
    if counts.is_floating_point() and not torch.isfinite(counts).all():
        raise ValueError(f"{what} must be finite: it holds NaN or infinity")
    if (counts < 0).any():
        raise ValueError(f"{what} must not be negative (found {counts.min().item():g})")
    return counts


def check_counts(counts: object, what: str = "counts") -> torch.Tensor:
    """Return ``counts`` if it is a 27x27 tensor of finite, non-negative real numbers, else raise a clear error.

    >>> check_counts(torch.zeros(3, 3))
    Traceback (most recent call last):
    ...
    ValueError: counts must have shape (27, 27), not (3, 3)
    """
    return _check_table(counts, what, False, _check_count_values)


def check_count_table(counts: object, what: str = "counts") -> torch.Tensor:
    """Like ``check_counts``, but any count table with one row per context: shape (27**(n-1), 27), n = 1..4.

    The functions whose maths is one row at a time (``bigram_probs``, ``counts_nll``, ``train_counts``) take
    these: the bigram matrix N, or an n-gram table from ``ngrams.count_ngrams``.

    >>> check_count_table(torch.zeros(729, 27)).shape
    torch.Size([729, 27])
    """
    return _check_table(counts, what, True, _check_count_values)


def _check_prob_values(probs: torch.Tensor, what: str) -> torch.Tensor:
    if not probs.is_floating_point():
        raise TypeError(f"{what} must be a floating-point tensor, not {probs.dtype}")
    if not torch.isfinite(probs).all() or (probs < 0).any():
        raise ValueError(f"{what} must hold finite numbers >= 0")
    sums = probs.double().sum(1)
    bad = (sums - 1).abs() > 1e-3
    if bad.any():
        row = int(bad.nonzero()[0])
        raise ValueError(f"{what} must have rows that sum to 1 (row {row} sums to {float(sums[row]):.6g})")
    return probs


def check_probs(probs: object, what: str = "probs") -> torch.Tensor:
    """Return ``probs`` if it is a 27x27 float tensor of probabilities whose rows sum to 1, else raise.

    >>> check_probs(torch.ones(27, 27))
    Traceback (most recent call last):
    ...
    ValueError: probs must have rows that sum to 1 (row 0 sums to 27)
    """
    return _check_table(probs, what, False, _check_prob_values)


def check_prob_table(probs: object, what: str = "probs") -> torch.Tensor:
    """Like ``check_probs``, but any table with one row per context: shape (27**(n-1), 27), n = 1..4.

    >>> check_prob_table(torch.full((1, 27), 1 / 27)).shape
    torch.Size([1, 27])
    """
    return _check_table(probs, what, True, _check_prob_values)


def _check_weight_values(W: torch.Tensor, what: str) -> torch.Tensor:
    if not W.is_floating_point():
        raise TypeError(f"{what} must be a floating-point tensor, not {W.dtype}")
    if not torch.isfinite(W).all():
        raise ValueError(f"{what} must hold finite numbers (no NaN or infinity)")
    return W


def check_weights(W: object, what: str = "W") -> torch.Tensor:
    """Return ``W`` if it is a 27x27 floating-point tensor of finite numbers (float32 or float64), else raise.

    >>> check_weights(torch.zeros(27, 3))
    Traceback (most recent call last):
    ...
    ValueError: W must have shape (27, 27), not (27, 3)
    """
    return _check_table(W, what, False, _check_weight_values)


def check_weight_table(W: object, what: str = "W") -> torch.Tensor:
    """Like ``check_weights``, but also an n-gram net's weights: shape (27**(n-1), 27), one row per context.

    >>> check_weight_table(torch.zeros(729, 27)).shape
    torch.Size([729, 27])
    """
    return _check_table(W, what, True, _check_weight_values)


def check_row_weights(weights: object, rows: int, what: str = "weights") -> torch.Tensor:
    """Return ``weights`` if it is a tensor of ``rows`` finite numbers >= 0, not all zero, else raise.

    >>> check_row_weights(torch.zeros(27), 27)
    Traceback (most recent call last):
    ...
    ValueError: weights must be finite numbers >= 0, not all zero
    """
    weights = _check_tensor(weights, what)
    if weights.shape != (rows,):
        raise ValueError(f"{what} must be a tensor of {rows} row weights, not one of shape {tuple(weights.shape)}")
    if weights.dtype == torch.bool or weights.is_complex():
        raise TypeError(f"{what} must hold real numbers, not {weights.dtype}")
    if not torch.isfinite(weights).all() or (weights < 0).any() or weights.sum() == 0:
        raise ValueError(f"{what} must be finite numbers >= 0, not all zero")
    return weights


def check_indices(t: object, what: str) -> torch.Tensor:
    """Return ``t`` if it is a 1-D int64 tensor of character indices 0..26, else raise an error naming ``what``.

    >>> check_indices(torch.tensor([0.5]), "xs")
    Traceback (most recent call last):
    ...
    TypeError: xs must hold int64 character indices, not torch.float32
    """
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"{what} must be a torch.Tensor of character indices, not {type(t).__name__}")
    t = _check_tensor(t, what)
    if t.dtype != torch.int64:
        raise TypeError(f"{what} must hold int64 character indices, not {t.dtype}")
    if t.dim() != 1 or t.numel() == 0:
        raise ValueError(f"{what} must be a non-empty 1-D tensor, not one of shape {tuple(t.shape)}")
    if int(t.min()) < 0 or int(t.max()) >= vocab_size:
        raise ValueError(f"{what} must hold indices from 0 to {vocab_size - 1}, found {int(t.min())}..{int(t.max())}")
    return t


def check_order(n: object) -> int:
    """Return ``n`` if it is an int from 1 to 4 (the n-grams this library counts), else raise a clear error.

    >>> check_order(7)
    Traceback (most recent call last):
    ...
    ValueError: n must be between 1 and 4, not 7
    """
    return check_int(n, "n", 1, MAX_ORDER)
