"""Check yourself: the Predict and Check widgets (makemore_lib/live/predict.py) and the page's logic
(js/src/check.js, tested by node on check-fixtures.json) kept equal to Python's."""

from __future__ import annotations

import json

import pytest

from check_fixtures import FIXTURES, text
from makemore_lib.exercises import check
from makemore_lib.live.predict import Check, Predict, predict_message


def test_check_fixtures_match_the_library():
    assert json.loads(FIXTURES.read_text(encoding="utf-8")) == json.loads(text()), \
        "check-fixtures.json is stale: run python tests/check_fixtures.py"


def test_predict_says_how_close_and_does_not_show_the_answer_before():
    p = Predict("1.length", "the average number of letters", 6.1226, unit="letters", decimals=2)
    assert "6.12" not in p.snapshot_html() and "Your prediction" in p.snapshot_html()
    p.guess = "13"
    assert p.message == "You said 13 letters; the average number of letters is 6.12 letters. Off by a factor of 2.1."
    assert predict_message("number", "x", 6.1226, "6.12", decimals=2)[0].endswith("Spot on.")


@pytest.mark.parametrize("kwargs, message", [
    ({"key": "a b", "what": "x", "answer": 1.0}, "key must be a short name"),
    ({"key": "k", "what": "x", "answer": float("inf")}, "answer must be a finite number"),
    ({"key": "k", "what": "x", "answer": "up", "choices": ["down"]}, "answer must be one of choices"),
])
def test_predict_rejects_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Predict(**kwargs)


def test_check_embeds_the_parts_the_page_can_check():
    names = ["emma", "ava", "anna"]
    c = Check("1.2", names=names)
    assert [p["part"] for p in c.parts] == ["1.2a", "1.2b"]
    assert c.parts[0]["messages"]["right"].startswith("Right (exactly)")
    assert bool(check("1.2a", c.parts[0]["expected"], names=names))
    with pytest.raises(ValueError, match="exercise must be one of"):
        Check("9.9")


def test_the_check_yourself_widgets_send_their_bundle_and_stylesheet():
    from makemore_lib.live.common import esm
    from makemore_lib.live.predict import CSS
    for name, widget in {"predict": Predict("k", "x", 1.0), "check": Check("1.2", names=["emma", "ava"])}.items():
        state = widget.get_state()
        assert state["_esm"] == esm(name).read_text(encoding="utf-8") and f'"data-widget": "{name}"' in state["_esm"]
        assert state["_css"] == CSS.read_text(encoding="utf-8") and ".mm-cy {" in state["_css"]
