"""What a chapter prints with show_source is teaching code: the maths, with no argument check, no errstate, no
isfinite (those run at the entry: checks.checked). And it is the code that runs: the function itself."""

import inspect
import json
import re
from pathlib import Path

import pytest

import makemore_lib
from makemore_lib import neural, ngrams, reference, regularization
from makemore_lib.source import show_source

BOOK = Path(__file__).resolve().parents[1] / "book"
NAMESPACES = [makemore_lib, neural, ngrams, reference, regularization]


def printed_by_chapters() -> dict[str, object]:
    """Every function a chapter passes to show_source, found by name in the modules chapters import from."""
    names = set()
    for chapter in sorted(BOOK.glob("*.ipynb")):
        for cell in json.loads(chapter.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                names |= set(re.findall(r"show_source\((\w+)\)", "".join(cell["source"])))
    found = {}
    for name in sorted(names):
        objs = [getattr(ns, name) for ns in NAMESPACES if hasattr(ns, name)]
        assert objs, f"a chapter shows {name}, which no library module holds"
        found[name] = objs[0]
    return found


PRINTED = printed_by_chapters()


def test_chapters_print_the_library_functions_this_test_expects():
    assert {"count_bigrams", "bigram_probs", "train_counts", "counts_nll"} <= set(PRINTED)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_printed_source_is_teaching_code(name):
    code = str(show_source(PRINTED[name]))
    for word in ("check_", "errstate", "isfinite", "@checked"):
        assert word not in code, f"show_source({name}) prints {word!r}:\n{code}"
    assert code.startswith(f"def {name}("), code.splitlines()[0]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_printed_source_is_the_function_that_runs(name):
    fn = PRINTED[name]
    core = inspect.unwrap(fn)
    assert core.__name__ == name and str(show_source(fn)) in inspect.getsource(core)   # the body called
