"""Every synced setting of every widget set from Python with hypothesis: valid, extreme and bad values. A value is
either taken (and the outputs are then the library's for it, or cleared beside a message in ``error``) or refused
with a ValueError/TypeError naming the setting, leaving the widget as it was.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from js_fixtures import BIGRAM_COUNTS
from makemore_lib.counting import count_bigrams
from makemore_lib.live import (BigramExplorer, RegularizationExplorer, SamplingWidget, ScoreNameWidget, SettingError,
                               SettingTypeError, SmoothingExplorer, TrainingExplorer, WordListWidget)
from makemore_lib.live.common import SETTINGS
from makemore_lib.probabilities import bigram_probs

COUNTS = count_bigrams(["emma", "olivia", "ava", "isabella", "sophia", "andrej", "zoe"])
WIDGETS = {
    "BigramExplorer": lambda: BigramExplorer(BIGRAM_COUNTS),
    "SamplingWidget": lambda: SamplingWidget(COUNTS),
    "ScoreNameWidget": lambda: ScoreNameWidget(bigram_probs(COUNTS, 1)),
    "SmoothingExplorer": lambda: SmoothingExplorer(COUNTS),
    "TrainingExplorer": lambda: TrainingExplorer(COUNTS, steps=20),
    "RegularizationExplorer": lambda: RegularizationExplorer(COUNTS, steps=20),
    "WordListWidget": lambda: WordListWidget("ana bob"),
}
MADE = {name: make() for name, make in WIDGETS.items()}
SETTING_NAMES = [(w, name) for w, widget in MADE.items()
                 for name, trait in widget.traits(sync=True).items() if isinstance(trait, SETTINGS)]

values = st.one_of(
    st.integers(min_value=-2**70, max_value=2**70), st.integers(min_value=-3, max_value=600),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, 0.1, 1, 3, 10, 50, 100, 500, 10000, 1e300]),
    st.text(max_size=30), st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,", max_size=30),
    st.sampled_from(["counts", "uniform", "smoothed counts", "emma", "em", "", None, True, [1], 2**32 - 1]),
)


@pytest.mark.parametrize("widget_name, trait", SETTING_NAMES, ids=[f"{w}.{t}" for w, t in SETTING_NAMES])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=values)
def test_any_value_set_from_python(widget_name, trait, value):
    widget = MADE[widget_name]
    before_value = getattr(widget, trait)
    before = repr({name: getattr(widget, name) for name in widget.outputs}), widget.error
    try:
        setattr(widget, trait, value)
    except (SettingError, SettingTypeError) as err:
        what = widget.traits()[trait]
        assert (getattr(what, "what", "") or trait) in str(err), str(err)     # the message names the setting
        assert getattr(widget, trait) == before_value or (before_value != before_value)
        assert (repr({name: getattr(widget, name) for name in widget.outputs}), widget.error) == before
        return
    assert getattr(widget, trait) == value or (isinstance(value, float) and math.isclose(getattr(widget, trait), value))
    outputs = {name: getattr(widget, name) for name in widget.outputs}
    if widget.error:                                 # a message: what it concerns is cleared, never left stale
        assert any(v == [] or (isinstance(v, float) and math.isnan(v)) for v in outputs.values()), outputs
    else:
        assert all(v != [] and not (isinstance(v, float) and math.isnan(v)) for name, v in outputs.items()
                   if name not in ("warning", "dev_loss")
                   and not (name in ("built", "last_draw") and widget.step == 0)), outputs   # nothing drawn yet
        if "names" in outputs and hasattr(widget, "n"):
            assert len(outputs["names"]) == widget.n
