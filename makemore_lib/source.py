"""Show a library function's source in a chapter, so the code a reader sees is the code that runs."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable


class Source:
    """A function's source code that shows as a highlighted Python block in Jupyter and in the book.

    A public function whose arguments are checked at its entry (``checks.checked``) shows the function those
    checks guard, from its ``def``: the code that runs once its arguments are known to be good. ``str()`` and
    the plain-text view give the code itself; Jupyter, Colab and the site render the Markdown view, a fenced
    ``python`` block.

    >>> from makemore_lib.vocabulary import encode
    >>> str(Source(encode)).splitlines()[0]
    'def encode(text: str) -> list[int]:'
    """

    def __init__(self, obj: Callable):
        if not (inspect.isfunction(obj) or inspect.isclass(obj) or inspect.ismethod(obj)):
            raise TypeError(f"obj must be a function, method or class, not {type(obj).__name__}")
        lines = textwrap.dedent(inspect.getsource(inspect.unwrap(obj))).splitlines()
        first = ast.parse("\n".join(lines)).body[0]
        start = first.lineno - 1        # the def (or class) line: decorators, the entry checks, are left out
        self.code = "\n".join(lines[start:]).rstrip() + "\n"

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return self.code

    def _repr_markdown_(self) -> str:
        return f"```python\n{self.code}```"


def show_source(obj: Callable) -> Source:
    """The source of ``obj`` (a function, method or class of makemore_lib), to display as a cell's output.

    >>> from makemore_lib.vocabulary import encode
    >>> print(show_source(encode))  # doctest: +ELLIPSIS
    def encode(text: str) -> list[int]:
    ...
    >>> show_source(42)
    Traceback (most recent call last):
    TypeError: obj must be a function, method or class, not int
    """
    return Source(obj)
