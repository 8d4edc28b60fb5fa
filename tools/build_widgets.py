"""Build the widgets' front ends: write ``js/src/limits.js`` from Python's limits and messages, then bundle each
widget's module into ``js/dist/<name>.js`` with esbuild (after ``npm ci``). The bundles are committed, so installing
makemore_lib needs no node; ``tests/test_js.py`` fails when one is stale. A tool for maintainers, not part of the library.

    python -m tools.build_widgets            # write limits.js and js/dist/
    python -m tools.build_widgets --check    # only report what is stale (exit status 1)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from makemore_lib.live.common import DIST, JS, MESSAGES, RARE_BELOW, WORDLIST
from makemore_lib.regularization import SMOOTHING_GRID
from makemore_lib.sampling import MAX_SAMPLED_LENGTH as MAX_SAMPLED_NAME_LENGTH
from makemore_lib.vocabulary import MAX_NAME_LENGTH, chars

ROOT = JS.parent.parent
SRC = JS / "src"
WIDGETS = ("bigram", "sampling", "score", "smoothing", "training", "regularization", "wordlist", "predict", "check")
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def limits_js() -> str:
    """The text of ``js/src/limits.js``: every limit and message template the page uses, from Python.

    >>> "export const MAX_NAME_LENGTH = 100;" in limits_js()
    True
    """
    values = {
        "CHARS": chars,
        "MAX_NAME_LENGTH": MAX_NAME_LENGTH,
        "MAX_SAMPLED_NAME_LENGTH": MAX_SAMPLED_NAME_LENGTH,
        "RARE_BELOW": RARE_BELOW,
        "SMOOTHING_GRID": SMOOTHING_GRID,
        "WORDLIST": WORDLIST,
        "MESSAGES": MESSAGES,
    }
    lines = ["// Written by `python -m tools.build_widgets` from makemore_lib: Python owns these limits and",
             "// messages. Do not edit; change them in Python and build again.", ""]
    lines += [f"export const {name} = {json.dumps(value, ensure_ascii=False)};" for name, value in values.items()]
    return "\n".join(lines) + "\n"


def _bundle(name: str, out: Path) -> None:
    """Bundle one widget's module with esbuild into ``out``: one self-contained ES module, no imports left."""
    if not ESBUILD.exists():
        raise FileNotFoundError(f"{ESBUILD} is missing: run `npm ci` in {ROOT} (needs node and npm)")
    subprocess.run([str(ESBUILD), str(SRC / "widgets" / f"{name}.js"), "--bundle", "--format=esm",
                    "--target=es2020", "--log-level=warning", f"--outfile={out}"], check=True, cwd=ROOT)


def _build(dist: Path = DIST) -> dict[str, str]:
    """Write limits.js (only into the source tree) and every bundle into ``dist``; the bundles' text by name."""
    if dist == DIST:
        (SRC / "limits.js").write_text(limits_js(), encoding="utf-8")
    dist.mkdir(parents=True, exist_ok=True)
    for name in WIDGETS:
        _bundle(name, dist / f"{name}.js")
    return {name: (dist / f"{name}.js").read_text(encoding="utf-8") for name in WIDGETS}


def _stale() -> list[str]:
    """What is out of date: limits.js against Python, and each committed bundle against a fresh one."""
    found = []
    if (SRC / "limits.js").read_text(encoding="utf-8") != limits_js():
        found.append("js/src/limits.js")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in _build(Path(tmp)).items():
            committed = DIST / f"{name}.js"
            if not committed.exists() or committed.read_text(encoding="utf-8") != text:
                found.append(f"js/dist/{name}.js")
    return found


if __name__ == "__main__":
    if "--check" in sys.argv:
        out = _stale()
        print("stale: " + ", ".join(out) if out else "up to date")
        sys.exit(1 if out else 0)
    _build()
    print(f"wrote {SRC / 'limits.js'} and {len(WIDGETS)} bundles in {DIST}")
