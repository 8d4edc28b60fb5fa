"""The cases the page's check-yourself logic (makemore_lib/js/src/check.js) is tested on
(makemore_lib/js/test/check.test.mjs), generated from makemore_lib: for each number, word and list part of the
first four chapters' exercises, what ``export_checks`` embeds in the page and what ``check`` says to the
reference answer, to each classic mistake's answer and to a wrong one, typed as a reader types them; and what
``predict_message`` says to a few guesses.

    python tests/check_fixtures.py      # write makemore_lib/js/test/check-fixtures.json (tests/test_check_yourself.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from makemore_lib.exercises import check, export_checks  # noqa: E402
from makemore_lib.live.predict import CLOSE, PREDICT_MESSAGES, predict_message  # noqa: E402

FIXTURES = ROOT / "makemore_lib" / "js" / "test" / "check-fixtures.json"
CHAPTERS = ("1.", "2.", "3.", "4.")   # quick to compute; the later ones train nets


def typed(part: dict, value: object) -> str:
    """A value as a reader types it in the page's box."""
    if isinstance(value, list):
        return ", ".join(value)
    return repr(value) if isinstance(value, float) else str(value)


def answers(part: dict) -> list[str]:
    found = [typed(part, part["expected"])]
    for m in part["messages"]["mistakes"]:
        if "value" in m:
            found.append(typed(part, m["value"]))
        elif "any" in m:
            found.append(typed(part, m["any"][0]))
        elif "above" in m:
            found.append(typed(part, 2 * m["above"]))
        elif m.get("same_items"):
            found.append(typed(part, list(reversed(part["expected"]))))
    found.append({"number": "123456.5", "word": "zz", "list": "zz, yy"}[part["kind"]])
    return found


def fixtures() -> dict:
    exported = {pid: p for pid, p in export_checks().items() if pid.startswith(CHAPTERS)}
    cases = []
    for pid, part in exported.items():
        for text in answers(part):
            result = check(pid, [w.strip() for w in text.split(",")] if part["kind"] == "list" else text)
            cases.append({"part": pid, "text": text, "message": str(result), "right": bool(result),
                          "mistake": result.mistake})
    predictions = []
    spec = [("number", "the average", 6.12261, "letters", 2, []), ("number", "the loss", 3.295836866004329, "", 4, []),
            ("choice", "the most typical", "ava", "", 0, ["ava", "zoe", "xavier"]), ("word", "the commonest", "n.", "", 0, [])]
    for kind, what, answer, unit, decimals, choices in spec:
        for guess in ["", "6.12", "6", "5", "12", "0.5", "-3", "1e3", "ava", "zoe", "N.", "six", "3.2958"]:
            message, done = predict_message(kind, what, answer, guess, unit, decimals, tuple(choices))
            predictions.append({"p": {"kind": kind, "what": what, "answer": answer, "unit": unit, "decimals": decimals,
                                      "choices": choices, "texts": PREDICT_MESSAGES, "near": CLOSE},
                                "guess": guess, "message": message, "done": done})
    return {"parts": exported, "cases": cases, "predictions": predictions}


def text() -> str:
    return json.dumps(fixtures(), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    FIXTURES.write_text(text(), encoding="utf-8")
    print(f"wrote {FIXTURES}")
