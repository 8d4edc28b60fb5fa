import os
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
