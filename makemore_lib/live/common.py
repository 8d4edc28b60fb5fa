"""What the live widgets share: the base class, the settings (traits that check every value, whoever sets it),
the limits and messages (``tools/build_widgets.py`` writes them into ``js/src/limits.js``), the bundles' paths."""

from __future__ import annotations

from pathlib import Path

import anywidget
import torch
import traitlets

from ..checks import check_int, check_number, given
from ..neural import DIVERGED_L2, DIVERGED_LR
from ..sampling import TOO_LONG, sample_names
from .html import error_html

JS = Path(__file__).resolve().parent.parent / "js"
DIST = JS / "dist"
CSS = JS / "src" / "live.css"   # the widgets' one stylesheet: every widget's _css
MAX_SEED = 2**32 - 1
MAX_NAMES = 30
MAX_STEPS = 500
# The bigram explorer marks a bigram seen fewer times than this in the data as rare (0 times: never seen).
RARE_BELOW = 10
# Your own word list (wordlist.py): what the widget accepts.
WORDLIST = {
    "separators": " \t\n\r\f\v,;",   # between words
    "also": "'-",                      # allowed inside words besides letters (o'neil, saint-etienne)
    "min_words": 2,
    "max_words": 5_000,
    "max_word_length": 100,
    "max_text": 100_000,              # characters pasted
    "max_lines": 10_000,              # lines pasted: laying out more freezes the page's text box
    "max_chars": 60,                  # different letters: the heatmap stays readable
}

MESSAGES = {
    "bigram": "bigram must be two characters from '.' and a-z, not {shown}",
    "seed_text": "seed must be a whole number, not {shown}",
    "diverged_lr": DIVERGED_LR,
    "diverged_l2": DIVERGED_L2,
    "overshoot": ("the loss ended higher than it started: steps this large overshoot. The run is chaotic, so its "
                  "last digits depend on rounding"),
    "list_empty": "the list is empty: paste at least two words, separated by spaces, commas or new lines",
    "list_one_word": "the list has one word, {word}: paste at least two",
    "list_too_long": "the list is {size} characters long: the most accepted is {max}",
    "list_too_many": "the list has {count} words: the most accepted is {max}",
    "list_too_many_lines": "the list has {count} lines: the most accepted is {max}",
    "word_too_long": "words[{i}] is {size} characters long: the longest word accepted has {max}",
    "word_not_letter": "words[{i}] {word} has {ch} at position {pos}, which is not a letter, ' or -",
    "list_too_many_chars": "the list uses {count} different characters: the most accepted is {max}",
    "step": "step must be between 0 and {max} (the draws that make this batch's names), not {step}",
    "sampled_too_long": TOO_LONG,
}


def message(key: str, **values: object) -> str:
    """One of the widgets' messages, filled in (the page fills the same template from ``js/src/limits.js``).

    >>> message("list_too_many", count="6,000", max="5,000")
    'the list has 6,000 words: the most accepted is 5,000'
    """
    return MESSAGES[key].format(**values)


def shown(text: str) -> str:
    """``text`` as messages quote it: Python's repr, cut to 40 characters.

    >>> shown("a" * 50)
    "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'"
    """
    return repr(text if len(text) <= 40 else text[:37] + "...")


def esm(name: str) -> Path:
    """A widget's ``_esm``: the path of its bundle ``js/dist/<name>.js`` (``python -m tools.build_widgets``), which
    anywidget reads into the synced state (and, with ``ANYWIDGET_HMR=1``, sends again when a rebuild changes it).

    >>> esm("score").relative_to(JS).as_posix()
    'dist/score.js'
    """
    return DIST / f"{name}.js"


def widget_names(probs: torch.Tensor, n: int, seed: int, skip: int = 0) -> list[str]:
    """The names a widget shows: ``sample_names`` with ``torch.Generator().manual_seed(seed)``, the first
    ``skip`` dropped (a "sample again" press shows the next ones). The page draws the same with ``sampleNames``.

    >>> from makemore_lib.probabilities import uniform_probs
    >>> widget_names(uniform_probs(), 1, 2147483647)
    ['cexzm']
    """
    names = sample_names(probs, skip + n, torch.Generator().manual_seed(seed))
    return names[skip:]


class SettingError(traitlets.TraitError, ValueError):
    """A value a widget's setting does not accept (a ``ValueError``, and a ``TraitError`` for traitlets)."""


class SettingTypeError(traitlets.TraitError, TypeError):
    """A value of the wrong type for a widget's setting (a ``TypeError`` and a ``TraitError``)."""


class _Setting:
    """A synced trait whose ``check`` runs on every value, whoever sets it; its errors become ``SettingError`` or
    ``SettingTypeError``, naming ``what`` (default: the trait's name)."""

    def __init__(self, default_value: object, what: str = "", **kwargs):
        self.what = what
        super().__init__(default_value, **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> object:
        try:
            return self.check(obj, value, self.what or self.name)
        except TypeError as err:
            raise SettingTypeError(str(err)) from None
        except ValueError as err:
            raise SettingError(str(err)) from None


class IntSetting(_Setting, traitlets.Int):
    """A synced int setting from ``low`` to ``high`` (the page's slider).

    >>> class W(traitlets.HasTraits):
    ...     n = IntSetting(5, 1, 30)
    >>> W().n = 31
    Traceback (most recent call last):
    makemore_lib.live.common.SettingError: n must be between 1 and 30, not 31
    """

    def __init__(self, default_value: int, low: int, high: int, what: str = "", **kwargs):
        self.low, self.high = low, high
        super().__init__(default_value, what, **kwargs)

    def check(self, obj: object, value: object, what: str) -> int:
        return check_int(value, what, self.low, self.high)


class FloatSetting(_Setting, traitlets.Float):
    """A synced number setting from 0 to ``high`` (the page's largest option): a number, or the name of the
    trait holding the options.

    >>> class W(traitlets.HasTraits):
    ...     lr = FloatSetting(50.0, 500, "learning rate lr")
    >>> W().lr = float("nan")
    Traceback (most recent call last):
    makemore_lib.live.common.SettingError: learning rate lr must be a finite number >= 0, not nan
    """

    def __init__(self, default_value: float, high: float | str, what: str = "", **kwargs):
        self.high = high
        super().__init__(default_value, what, **kwargs)

    def check(self, obj: object, value: object, what: str) -> float:
        value = check_number(value, what)
        high = max(getattr(obj, self.high)) if isinstance(self.high, str) else self.high
        if value > high:
            raise ValueError(f"{what} must be at most {high:g} (the largest the widget offers), not {value:g}")
        return value


class TextSetting(_Setting, traitlets.Unicode):
    """A synced text: any str the reader types (a name, a word list: the widget checks it and shows what is wrong
    in ``error`` and in the page), or one of ``options``.

    >>> class W(traitlets.HasTraits):
    ...     name = TextSetting("emma")
    ...     model = TextSetting("counts", ("uniform", "counts"))
    >>> W().name = 42
    Traceback (most recent call last):
    makemore_lib.live.common.SettingTypeError: name must be a str, not 42 (int)
    >>> W().model = "neural"
    Traceback (most recent call last):
    makemore_lib.live.common.SettingError: model must be one of 'uniform', 'counts', not 'neural'
    """

    def __init__(self, default_value: str, options: tuple[str, ...] = (), **kwargs):
        self.options = tuple(options)
        super().__init__(default_value, **kwargs)

    def check(self, obj: object, value: object, what: str) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be a str, not {given(value)}")
        if self.options and value not in self.options:
            raise ValueError(f"{what} must be one of {', '.join(map(repr, self.options))}, not {shown(value)}")
        return value


class Data(traitlets.List):
    """Synced data (counts, the initial W, the slider's options): set when the widget is made, fixed after.

    >>> class W(Live):
    ...     counts = Data()
    >>> W(counts=[[1]]).counts = [[2]]
    Traceback (most recent call last):
    makemore_lib.live.common.SettingError: counts is fixed when the widget is made: make a new widget instead
    """

    def __init__(self, default_value: list | None = None, **kwargs):
        super().__init__(default_value=default_value or [], **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> list:
        if getattr(obj, "_made", False):
            raise SettingError(f"{self.name} is fixed when the widget is made: make a new widget instead")
        return super().validate(obj, value)


SETTINGS = (_Setting,)   # the settings a widget observes


class Live(anywidget.AnyWidget):
    """The base of the live widgets: a change of a setting empties the ``outputs``, then recomputes them (a bad one
    leaves its message in ``error``); the output adds a static ``text/html`` snapshot for pages without scripts.

    >>> Live().error
    ''
    """

    _css = CSS
    error = traitlets.Unicode("").tag(sync=True)
    outputs: dict = {}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._made = True
        settings = [name for name, trait in self.traits(sync=True).items() if isinstance(trait, SETTINGS)]
        self.observe(lambda change: self.update(), names=settings)
        self.update()

    def update(self) -> None:
        """Clear the outputs, then recompute them; a bad setting's message goes to ``error``."""
        for name, empty in self.outputs.items():
            setattr(self, name, empty)
        try:
            self.compute()
            self.error = ""
        except (ValueError, TypeError) as err:
            self.error = str(err)

    def compute(self) -> None:
        """Recompute the outputs from the settings (each widget's own)."""

    def snapshot(self) -> str:
        """What the page shows for the current good settings, as small static HTML (each widget's own)."""
        return ""

    def snapshot_html(self) -> str:
        """The snapshot, or the error."""
        return error_html(ValueError(self.error)) if self.error else self.snapshot()

    def _repr_mimebundle_(self, **kwargs) -> dict | tuple:
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle     # anywidget gives (data, metadata)
        if isinstance(data, dict):
            data["text/html"] = f'<div class="mm-snapshot">{self.snapshot_html()}</div>'
            data["text/plain"] = f"{type(self).__name__} widget"   # no memory address: builds compare equal
        return bundle
