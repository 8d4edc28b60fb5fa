import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

# Names made of a-z only, the shape of the dataset's lines.
name_strategy = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
names_strategy = st.lists(name_strategy, min_size=1, max_size=40)


@pytest.fixture(scope="session")
def names_path() -> Path:
    path = os.environ.get("MAKEMORE_NAMES")
    if not path:
        pytest.skip("MAKEMORE_NAMES is not set: point it at names.txt to run the tests on the real dataset")
    return Path(path)


@pytest.fixture(scope="session")
def names(names_path) -> list[str]:
    from makemore_lib import load_names

    return load_names(names_path)


@pytest.fixture(scope="session")
def counts(names):
    from makemore_lib import count_bigrams

    return count_bigrams(names)


# --- browser tests (marker `browser`) ------------------------------------------------------------------------
# They need Chromium and Python's playwright. Where either is missing they all skip with the one reason below;
# in CI (CI=true, as GitHub Actions sets it) or with MAKEMORE_REQUIRE_SITE=1 (.ci/run) they fail with it instead.

CHROMIUM = os.environ.get("MAKEMORE_CHROMIUM", "/usr/bin/chromium")


def browser_required(environ=os.environ) -> bool:
    """True where a browser test may not skip: in CI, or when MAKEMORE_REQUIRE_SITE=1."""
    return environ.get("CI", "").lower() == "true" or environ.get("MAKEMORE_REQUIRE_SITE") == "1"


def missing_browser(chromium: str = CHROMIUM) -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not (Path(chromium).is_file() and os.access(chromium, os.X_OK)) and not shutil.which(chromium):
        return (f"no Chromium at {chromium}: install it (Debian/Ubuntu: apt-get install chromium) or point "
                f"MAKEMORE_CHROMIUM at a Chromium or Chrome executable")
    if importlib.util.find_spec("playwright") is None:
        return "Python playwright is missing: pip install -r requirements.txt"
    return None


def pytest_runtest_setup(item):
    """Before a browser test's fixtures start anything: skip it, or fail it where it is required, with the reason."""
    if item.get_closest_marker("browser") is None:
        return
    reason = missing_browser()
    if reason is not None:
        if browser_required():
            pytest.fail(f"{reason} (browser tests do not skip here: CI=true or MAKEMORE_REQUIRE_SITE=1)")
        pytest.skip(reason)
