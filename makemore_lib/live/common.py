"""What the live widgets share: the base class, the settings (traits that check every value, whoever sets it),
the limits and message templates the browser gets too, the front-end bundles, and the static snapshot.

Python owns every limit and message: ``build.py`` writes them into ``js/src/limits.js`` for the page, and the
node tests check the page's messages against these.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import torch
import traitlets

from ..checks import check_int, check_number, given
from ..sampling import MAX_SAMPLED_LENGTH as MAX_SAMPLED_NAME_LENGTH
from ..sampling import sample_names
from .html import error_html

JS = Path(__file__).resolve().parent.parent / "js"
DIST = JS / "dist"
CSS = JS / "src" / "live.css"   # the widgets' one stylesheet: every widget's _css
MAX_SEED = 2**32 - 1
MAX_NAMES = 30
MAX_STEPS = 500
# The bigram explorer marks a bigram seen fewer times than this in the data as rare (0 times: never seen).
RARE_BELOW = 10
# A loss above this (the uniform model's is log 27 = 3.3) means training blew up: shown as an error.
DIVERGED = 1000.0
# Your own word list (wordlist.py): what the widget accepts.
WORDLIST = {
    "separators": " \t\n\r\f\v,;",   # between words
    "also": "'-",                      # allowed inside words besides letters (o'neil, saint-etienne)
    "min_words": 2,
    "max_words": 5_000,
    "max_word_length": 100,
    "max_text": 100_000,              # characters pasted
    "max_chars": 60,                  # different letters: the heatmap stays readable
}

MESSAGES = {
    "bigram": "bigram must be two characters from '.' and a-z, not {shown}",
    "seed_text": "seed must be a whole number, not {shown}",
    "diverged_lr": "training diverged with learning rate lr = {lr}: try a smaller lr",
    "diverged_l2": ("training diverged with L2 strength l2 = {l2} (learning rate lr = {lr}): the same run "
                    "without the penalty does not, so try a smaller l2"),
    "overshoot": ("the loss ended higher than it started: steps this large overshoot. The run is chaotic, so its "
                  "last digits depend on rounding"),
    "list_empty": "the list is empty: paste at least two words, separated by spaces, commas or new lines",
    "list_one_word": "the list has one word, {word}: paste at least two",
    "list_too_long": "the list is {size} characters long: the most accepted is {max}",
    "list_too_many": "the list has {count} words: the most accepted is {max}",
    "word_too_long": "words[{i}] is {size} characters long: the longest word accepted has {max}",
    "word_not_letter": "words[{i}] {word} has {ch} at position {pos}, which is not a letter, ' or -",
    "list_too_many_chars": "the list uses {count} different characters: the most accepted is {max}",
    "step": "step must be between 0 and {max} (the draws that make this batch's names), not {step}",
    "sampled_too_long": ("probs do not end names: a sampled name passed {max} characters (check that column 0, "
                         "the end token, can be reached)"),
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
    """The front end of one widget, for its ``_esm``: the path of ``js/dist/<name>.js``, a self-contained ES module
    bundled by esbuild from ``js/src/widgets/<name>.js`` and what it imports (``python -m makemore_lib.live.build``).
    anywidget reads the file into the synced ``_esm`` (so a saved notebook's widget state carries the source) and,
    in a source checkout with ``ANYWIDGET_HMR=1`` and watchfiles installed, sends it again when a rebuild changes it.

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
    """A value of the wrong type for a widget's setting (a ``TypeError``, and a ``TraitError`` for traitlets)."""


def _checked(check):
    try:
        return check()
    except TypeError as err:
        raise SettingTypeError(str(err)) from None
    except ValueError as err:
        raise SettingError(str(err)) from None


class IntSetting(traitlets.Int):
    """A synced int setting from ``low`` to ``high`` (the page's slider), checked whoever sets it.

    >>> class W(traitlets.HasTraits):
    ...     n = IntSetting(5, 1, 30)
    >>> W().n = 31
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: n must be between 1 and 30, not 31
    """

    def __init__(self, default_value: int, low: int, high: int, what: str = "", **kwargs):
        self.low, self.high, self.what = low, high, what
        super().__init__(default_value, **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> int:
        return _checked(lambda: check_int(value, self.what or self.name, self.low, self.high))


class FloatSetting(traitlets.Float):
    """A synced number setting from 0 to ``high`` (the page's largest option), checked whoever sets it.
    ``high`` is a number, or the name of the trait holding the options (their largest is the limit).

    >>> class W(traitlets.HasTraits):
    ...     lr = FloatSetting(50.0, 500, "learning rate lr")
    >>> W().lr = float("nan")
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: learning rate lr must be a finite number >= 0, not nan
    """

    def __init__(self, default_value: float, high: float | str, what: str = "", **kwargs):
        self.high, self.what = high, what
        super().__init__(default_value, **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> float:
        what = self.what or self.name
        value = _checked(lambda: check_number(value, what))
        high = max(getattr(obj, self.high)) if isinstance(self.high, str) else self.high
        if value > high:
            raise SettingError(f"{what} must be at most {high:g} (the largest the widget offers), not {value:g}")
        return value


class ChoiceSetting(traitlets.Unicode):
    """A synced text setting that must be one of ``options``.

    >>> class W(traitlets.HasTraits):
    ...     model = ChoiceSetting("counts", ("uniform", "counts"))
    >>> W().model = "neural"
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: model must be one of 'uniform', 'counts', not 'neural'
    """

    def __init__(self, default_value: str, options: tuple[str, ...], **kwargs):
        self.options = tuple(options)
        super().__init__(default_value, **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> str:
        if not isinstance(value, str):
            raise SettingTypeError(f"{self.name} must be a str, not {given(value)}")
        if value not in self.options:
            raise SettingError(f"{self.name} must be one of {', '.join(map(repr, self.options))}, not {shown(value)}")
        return value


class TextSetting(traitlets.Unicode):
    """A synced text the reader types (a name, a word list): any str is accepted, and checked by the widget,
    which shows what is wrong with it in ``error`` and in the page.

    >>> class W(traitlets.HasTraits):
    ...     name = TextSetting("emma")
    >>> W().name = 42
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingTypeError: name must be a str, not 42 (int)
    """

    def __init__(self, default_value: str, **kwargs):
        super().__init__(default_value, **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> str:
        if not isinstance(value, str):
            raise SettingTypeError(f"{self.name} must be a str, not {given(value)}")
        return value


class Data(traitlets.List):
    """Synced data (counts, the initial W, the slider's options): set when the widget is made, fixed after.

    >>> class W(Live):
    ...     counts = Data()
    >>> W(counts=[[1]]).counts = [[2]]
    Traceback (most recent call last):
    ...
    makemore_lib.live.common.SettingError: counts is fixed when the widget is made: make a new widget instead
    """

    def __init__(self, default_value: list | None = None, **kwargs):
        super().__init__(default_value=default_value or [], **kwargs)
        self.tag(sync=True)

    def validate(self, obj: object, value: object) -> list:
        if getattr(obj, "_made", False):
            raise SettingError(f"{self.name} is fixed when the widget is made: make a new widget instead")
        return super().validate(obj, value)


SETTINGS = (IntSetting, FloatSetting, ChoiceSetting, TextSetting)


class Live(anywidget.AnyWidget):
    """The base of the live widgets. Every change of a setting recomputes the outputs with makemore_lib; first
    the outputs go back to their empty values (``outputs``), so a bad setting never leaves old numbers beside
    its message. ``error`` is the message ('' when all is well), synced to the page, which shows the same one.
    ``_repr_mimebundle_`` adds a static ``text/html`` snapshot of the current state (``snapshot_html``) for
    pages where scripts do not run.

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
        """Recompute the outputs from the settings (each widget says how)."""

    def snapshot_html(self) -> str:
        """A small HTML picture of the current state: the error, or what the widget's page would show."""
        return error_html(ValueError(self.error)) if self.error else self.snapshot()

    def snapshot(self) -> str:
        """What the page would show for the current (good) settings, as small static HTML (each widget's own)."""
        return ""

    def _repr_mimebundle_(self, **kwargs) -> dict | tuple:
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle     # anywidget gives (data, metadata)
        if isinstance(data, dict):
            data["text/html"] = f'<div class="mm-snapshot">{self.snapshot_html()}</div>'
            data["text/plain"] = f"{type(self).__name__} widget"   # no memory address: builds compare equal
        return bundle
