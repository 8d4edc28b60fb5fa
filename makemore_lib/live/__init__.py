"""Widgets that compute in the page (anywidget), so they stay interactive in the static site with no kernel.

One module per widget (``sampling``, ``score``, ``smoothing``, ``training`` for the training and
regularization explorers, ``wordlist``) and ``common`` for what they share. Each widget keeps the small data
it needs (counts, the lecture's initial W) in synced traits; its front end, ``js/dist/<name>.js``, is bundled
from ``js/src`` (the shared maths module ``maths.js``, ``ui.js`` and the widget's own module) and computes
smoothing, probabilities, losses, training and torch's exact sampling in the page. In Jupyter the settings
are traits too: Python checks every value (whoever sets it) and recomputes the same numbers with makemore_lib.
"""

from .common import MAX_NAMES, MAX_SEED, MAX_STEPS, MESSAGES, SettingError, SettingTypeError, esm, widget_names
from .sampling import MODELS, SamplingWidget
from .score import ScoreNameWidget
from .smoothing import K_OPTIONS, SMOOTHING_STEPS, SmoothingExplorer
from .training import L2_OPTIONS, LR_OPTIONS, OVERSHOOT, RegularizationExplorer, TrainingExplorer
from .wordlist import WordListWidget

__all__ = ["K_OPTIONS", "L2_OPTIONS", "LR_OPTIONS", "MAX_NAMES", "MAX_SEED", "MAX_STEPS", "MESSAGES", "MODELS",
           "OVERSHOOT", "SMOOTHING_STEPS", "RegularizationExplorer", "SamplingWidget", "ScoreNameWidget",
           "SettingError", "SettingTypeError", "SmoothingExplorer", "TrainingExplorer", "WordListWidget", "esm",
           "widget_names"]
