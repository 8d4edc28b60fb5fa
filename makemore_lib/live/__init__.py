"""The book's widgets, all computing in the page (anywidget), so they stay interactive in the static site with
no kernel.

One module per widget (``bigram`` for chapter 1's explorer, ``sampling``, ``score``, ``smoothing``,
``training`` for the training and regularization explorers, ``wordlist``), ``common`` for what they share and
``html`` for the static HTML pieces (snapshots, and the score table chapters print). Each widget keeps the
small data it needs (counts, the lecture's initial W) in synced traits; its front end (``_esm``) is the path of
``js/dist/<name>.js``, bundled from ``js/src`` (the shared maths module ``maths.js``, ``ui.js`` and the widget's
own module), and its look (``_css``) the path of ``js/src/live.css``. The page computes smoothing,
probabilities, losses, training and torch's exact sampling. In Jupyter the settings are traits too: Python
checks every value (whoever sets it) and recomputes the same numbers with makemore_lib.
"""

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
