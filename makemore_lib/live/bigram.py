"""The bigram explorer (chapter 1): type a name and see its bigrams, with the ``.`` token at both ends."""

from __future__ import annotations

import traitlets

from ..vocabulary import bigrams
from .common import Live, TextSetting, esm
from .html import chips_html


class BigramExplorer(Live):
    """Type a name and see its bigrams, with the ``.`` token added at both ends; the page does the same with no
    kernel. A bad name never raises out of the widget: the message appears inside it and in ``error``.

    >>> w = BigramExplorer("emma")
    >>> w.bigrams
    ['.e', 'em', 'mm', 'ma', 'a.']
    >>> w.name = "Emma"
    >>> w.error, w.bigrams
    ("name 'Emma' has 'E' at position 0, which is not a lowercase letter a-z", [])
    """

    _esm = esm("bigram")
    name = TextSetting("isabella")
    bigrams = traitlets.List()
    outputs = {"bigrams": []}

    def __init__(self, name: str = "isabella"):
        super().__init__(name=name)

    def compute(self) -> None:
        self.bigrams = bigrams(self.name)

    def snapshot(self) -> str:
        return f"<p>{len(self.bigrams)} bigrams: {chips_html(self.bigrams)}</p>"
