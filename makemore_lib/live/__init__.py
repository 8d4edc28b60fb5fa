"""The book's widgets (anywidget), computing in the page so that they stay interactive in the static site with no
kernel, and in Python too; one module per widget, ``common`` and ``html`` for what they share (ARCHITECTURE.md)."""

from .bigram import BigramExplorer
from .common import MAX_NAMES, MAX_SEED, MAX_STEPS, MESSAGES, SettingError, SettingTypeError, esm, widget_names
from .html import score_table_html
from .sampling import MODELS, SamplingWidget
from .score import ScoreNameWidget
from .smoothing import K_OPTIONS, SMOOTHING_STEPS, SmoothingExplorer
from .training import L2_OPTIONS, LR_OPTIONS, OVERSHOOT, RegularizationExplorer, TrainingExplorer
from .wordlist import WordListWidget

__all__ = ["K_OPTIONS", "L2_OPTIONS", "LR_OPTIONS", "MAX_NAMES", "MAX_SEED", "MAX_STEPS", "MESSAGES", "MODELS",
           "OVERSHOOT", "SMOOTHING_STEPS", "BigramExplorer", "RegularizationExplorer", "SamplingWidget",
           "ScoreNameWidget", "SettingError", "SettingTypeError", "SmoothingExplorer", "TrainingExplorer",
           "WordListWidget", "esm", "score_table_html", "widget_names"]
