"""Check yourself in the page: ``Predict``, a guess committed before the next cell shows the answer (the chapter
computes it), and ``Check``, an exercise's number, word or list answers checked with no kernel, from
``exercises.export_checks``. ``predict_message`` is the twin of the page's ``judge`` (``js/src/check.js``)."""

from __future__ import annotations

import html
import math
import re

import traitlets

from .common import JS, Live, TextSetting, esm

PREDICT_MESSAGES = {
    "number": "You said {guess}; {what} is {answer}.",
    "choice": "You said {guess}; {what}: {answer}.",
    "exact": "Spot on.",
    "close": "Within {percent}%: a good guess.",
    "percent_off": "Off by {percent}%.",
    "factor_off": "Off by a factor of {factor}.",
    "right": "Right.",
    "wrong": "Not this time: the next cell shows why.",
    "skipped": "Skipped: {what} is {answer}.",
    "not_a_number": "Type a number, such as 5 or 6.5, not {shown}.",
    "not_a_choice": "Choose one of: {choices}.",
    "empty": "Type your guess first, or skip.",
}
CLOSE = 0.1     # a number guess within 10% of the answer is close
CSS = JS / "src" / "predict.css"   # the two widgets' own stylesheet


def _parse_number(text: str) -> float | None:
    cleaned = text.strip().rstrip("%").replace(",", "").strip()
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        return None
    return float(cleaned)


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def fmt_answer(answer: float, decimals: int, unit: str = "") -> str:
    """A number as a prediction shows it: grouped thousands, ``decimals`` places, then the unit.

    >>> fmt_answer(228146, 0, "bigrams"), fmt_answer(6.1226, 2, "letters")
    ('228,146 bigrams', '6.12 letters')
    """
    return f"{answer:,.{decimals}f}" + (f" {unit}" if unit else "")


def _fill(key: str, **values: object) -> str:
    return PREDICT_MESSAGES[key].format(**values)


def predict_message(kind: str, what: str, answer: object, guess: str, unit: str = "", decimals: int = 0,
                    choices: tuple[str, ...] = ()) -> tuple[str, bool]:
    """What a prediction says once the reader answers ``guess`` (text as typed; "" to skip), and whether the
    answer counts as given (a bad guess gets a message and does not open the answer).

    >>> predict_message("number", "the average", 6.1226, "5", "letters", 2)
    ('You said 5 letters; the average is 6.12 letters. Off by 18%.', True)
    >>> predict_message("number", "the average", 6.1226, "6.1", "letters", 2)
    ('You said 6.1 letters; the average is 6.12 letters. Within 1%: a good guess.', True)
    >>> predict_message("choice", "the loss", "goes up", "goes down", choices=("goes up", "goes down"))
    ('You said goes down; the loss: goes up. Not this time: the next cell shows why.', True)
    >>> predict_message("number", "the average", 6.1226, "six")
    ("Type a number, such as 5 or 6.5, not 'six'.", False)
    """
    shown_answer = fmt_answer(float(answer), decimals, unit) if kind == "number" else str(answer)
    text = guess.strip()
    if not text:
        return _fill("skipped", what=what, answer=shown_answer), True
    if kind == "number":
        value = _parse_number(text)
        if value is None:
            return _fill("not_a_number", shown=repr(text)), False
        said = text.rstrip("%").strip() + (f" {unit}" if unit else "")
        head = _fill("number", guess=said, what=what, answer=shown_answer)
        answer = float(answer)
        if round(value, decimals) == round(answer, decimals):
            return f"{head} {_fill('exact')}", True
        if answer != 0 and abs(value - answer) <= CLOSE * abs(answer):
            return f"{head} {_fill('close', percent=max(1, _round_half_up(100 * abs(value - answer) / abs(answer))))}", True
        if answer != 0 and value != 0 and value * answer > 0 and max(value / answer, answer / value) >= 2:
            factor = max(value / answer, answer / value)
            return f"{head} {_fill('factor_off', factor=f'{factor:.1f}')}", True
        off = abs(value - answer) / abs(answer) if answer else math.inf
        return f"{head} " + (_fill("percent_off", percent=_round_half_up(100 * off)) if math.isfinite(off)
                             else _fill("wrong")), True
    said = text.lower()
    if choices and said not in [c.lower() for c in choices]:
        return _fill("not_a_choice", choices=", ".join(choices)), False
    right = said == str(answer).strip().lower()
    head = _fill("choice", guess=text, what=what, answer=shown_answer)
    return f"{head} {_fill('right' if right else 'wrong')}", True


class Predict(Live):
    """A prediction the reader commits to: a number (with its unit), a choice or a short word, typed before the
    next cell shows the answer. ``answer`` is the chapter's own value, computed by the cell that makes the
    widget; ``key`` names the prediction in the page's memory (e.g. "1.length").

    >>> p = Predict("1.length", "the average number of letters", 6.1226, unit="letters", decimals=2)
    >>> p.guess = "7"
    >>> p.message
    'You said 7 letters; the average number of letters is 6.12 letters. Off by 14%.'
    >>> Predict("3.nudge", "the loss", "goes up", choices=["goes up", "goes down"]).kind
    'choice'
    """

    _esm = esm("predict")
    _css = CSS
    key = traitlets.Unicode("").tag(sync=True)
    what = traitlets.Unicode("").tag(sync=True)
    kind = traitlets.Unicode("number").tag(sync=True)
    answer = traitlets.Any(None).tag(sync=True)
    unit = traitlets.Unicode("").tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
    choices = traitlets.List().tag(sync=True)
    texts = traitlets.Dict(PREDICT_MESSAGES).tag(sync=True)
    near = traitlets.Float(CLOSE).tag(sync=True)
    guess = TextSetting("")
    message = traitlets.Unicode("").tag(sync=True)
    outputs = {"message": ""}

    def __init__(self, key: str, what: str, answer: object, unit: str = "", decimals: int = 0,
                 choices: list[str] | None = None):
        if not isinstance(key, str) or not re.fullmatch(r"[\w.-]+", key):
            raise ValueError(f"key must be a short name of letters, digits, '.' or '-', not {key!r}")
        choices = list(choices or [])
        if isinstance(answer, str):
            kind = "choice" if choices else "word"
            if choices and answer not in choices:
                raise ValueError(f"answer must be one of choices {choices}, not {answer!r}")
        else:
            kind, answer = "number", float(answer)
            if not math.isfinite(answer):
                raise ValueError(f"answer must be a finite number, not {answer!r}")
        super().__init__(key=key, what=what, kind=kind, answer=answer, unit=unit, decimals=decimals, choices=choices)

    def compute(self) -> None:
        if self.guess:
            self.message = predict_message(self.kind, self.what, self.answer, self.guess, self.unit, self.decimals,
                                           tuple(self.choices))[0]

    def snapshot(self) -> str:
        asks = "Type a number" + (f" ({html.escape(self.unit)})" if self.unit else "") if self.kind == "number" \
            else "Choose: " + ", ".join(map(html.escape, self.choices)) if self.choices else "Type a word"
        return (f'<div class="mm-predict-snapshot" data-predict="{html.escape(self.key)}"><b>Your prediction</b>: '
                f"{html.escape(self.what)}. {asks}, then run the next cell.</div>")


CHECK_TEXTS = {
    "title": "Check your answer to exercise {exercise}",
    "invalid": "Type a number, such as 12 or 0.25, not {shown}.",
    "empty": "Type an answer first.",
    "list_help": "separate them with commas",
}


class Check(Live):
    """A box in the page for each number, word or list part of an exercise: the reader types an answer and the
    page says what ``exercises.check`` says, with no kernel (the expected answers and the messages come from
    ``exercises.export_checks``, computed from the dataset when the chapter runs).

    >>> c = Check("1.2", names=["emma", "ava", "anna"])
    >>> [p["part"] for p in c.parts], c.parts[0]["expected"]
    (['1.2a', '1.2b'], 11)
    """

    _esm = esm("check")
    _css = CSS
    exercise = traitlets.Unicode("").tag(sync=True)
    parts = traitlets.List().tag(sync=True)
    texts = traitlets.Dict(CHECK_TEXTS).tag(sync=True)

    def __init__(self, exercise: str, names: list[str] | None = None):
        from ..exercises import EXERCISES, EXPORTED, export_checks
        if exercise not in EXERCISES:
            raise ValueError(f"exercise must be one of {', '.join(EXERCISES)}, not {exercise!r}")
        wanted = [pid for pid, part in EXERCISES[exercise]["parts"].items() if part["kind"] in EXPORTED]
        if not wanted:
            raise ValueError(f"exercise {exercise} has no number, word or list part to check in the page")
        exported = export_checks(names, parts=wanted)
        parts = [{"part": pid, **exported[pid]} for pid in wanted]
        super().__init__(exercise=exercise, parts=parts)

    def snapshot(self) -> str:
        asks = "; ".join(f"{html.escape(p['part'])}: {html.escape(p['asks'])}" for p in self.parts)
        return (f'<div class="mm-check-snapshot" data-exercise="{html.escape(self.exercise)}">Check your answer '
                f"with <code>check(\"{html.escape(self.exercise)}\", ...)</code> ({asks}).</div>")
