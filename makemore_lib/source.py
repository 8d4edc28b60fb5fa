"""Show a library function's source in a chapter, so the code a reader sees is the code that runs."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable


class _Source(str):
    """Code that Jupyter, Colab and the site show as a highlighted ``python`` block (plain text: the code)."""

    __repr__ = str.__str__

    def _repr_markdown_(self) -> str:
        return f"```python\n{self}```"


def show_source(obj: Callable) -> str:
    """The source of ``obj`` (a function or class of makemore_lib) as a cell's output, from its ``def``: the checks
    of ``checks.checked`` at its entry are left out.

    >>> from makemore_lib.vocabulary import bigrams
    >>> print(show_source(bigrams))  # doctest: +ELLIPSIS
    def bigrams(name: str) -> list[str]:
    ...
    >>> show_source(42)
    Traceback (most recent call last):
    TypeError: obj must be a function, method or class, not int
    """
    if not (inspect.isfunction(obj) or inspect.isclass(obj) or inspect.ismethod(obj)):
        raise TypeError(f"obj must be a function, method or class, not {type(obj).__name__}")
    lines = textwrap.dedent(inspect.getsource(inspect.unwrap(obj))).splitlines()
    start = ast.parse("\n".join(lines)).body[0].lineno - 1   # the def (or class) line: decorators are left out
    return _Source("\n".join(lines[start:]).rstrip() + "\n")
