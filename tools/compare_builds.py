"""Compare the text outputs of two builds of the book: are the executed chapters reproducible?

    python tools/compare_builds.py BUILD_A BUILD_B

Each argument is a build folder holding executed notebooks (``_build/jupyter_execute`` of a Jupyter Book build,
searched recursively for ``*.ipynb``). For every chapter and every code cell, the text outputs (streams,
``text/*`` and JSON results, errors) and the widget state must be identical. Two things are allowed to differ,
and nothing else: widget model ids (random per run; each is renamed by order of first appearance) and the
outputs of cells tagged ``timing`` (cells that measure speed). Exit status 1 lists every difference.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MODEL_ID = re.compile(r"[0-9a-f]{32}")
TIMING_TAG = "timing"


def _text_of(output: dict) -> list[str]:
    kind = output.get("output_type")
    if kind == "stream":
        return [f"{output['name']}: {''.join(output['text']) if isinstance(output['text'], list) else output['text']}"]
    if kind == "error":
        return [f"error: {output['ename']}: {output['evalue']}"]
    texts = []
    for mime, value in sorted(output.get("data", {}).items()):
        if mime.startswith("text/") or mime.endswith("json"):
            value = "".join(value) if isinstance(value, list) else value
            texts.append(f"{mime}: {value if isinstance(value, str) else json.dumps(value, sort_keys=True)}")
    return texts


def canonical(notebook: dict) -> list[str]:
    """The notebook's text outputs, one entry per output, with widget model ids renamed in order of appearance."""
    lines = []
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if TIMING_TAG in cell.get("metadata", {}).get("tags", []):
            lines.append(f"cell {index}: (timing cell, outputs not compared)")
            continue
        for output in cell.get("outputs", []):
            lines += [f"cell {index}: {text}" for text in _text_of(output)]
    state = notebook.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    names: dict[str, str] = {}
    rename = lambda m: names.setdefault(m.group(0), f"<model {len(names) + 1}>")  # noqa: E731
    lines = [MODEL_ID.sub(rename, line) for line in lines]
    # the state's models come in no fixed order: compare them as a sorted list, every id made anonymous
    models = sorted(MODEL_ID.sub("<model>", json.dumps(model, sort_keys=True))
                    for model in state.get("state", {}).values())
    return lines + [f"widget state: {model}" for model in models]


def compare(build_a: Path, build_b: Path) -> list[str]:
    """Every difference between the two builds' executed notebooks, as readable lines (empty: identical)."""
    a = {p.relative_to(build_a): p for p in build_a.rglob("*.ipynb")}
    b = {p.relative_to(build_b): p for p in build_b.rglob("*.ipynb")}
    problems = [f"{name}: only in {build_a}" for name in sorted(a.keys() - b.keys())]
    problems += [f"{name}: only in {build_b}" for name in sorted(b.keys() - a.keys())]
    if not a and not b:
        problems.append("no executed notebooks found in either build")
    for name in sorted(a.keys() & b.keys()):
        lines_a = canonical(json.loads(a[name].read_text()))
        lines_b = canonical(json.loads(b[name].read_text()))
        for i, (x, y) in enumerate(zip(lines_a, lines_b)):
            if x != y:
                problems.append(f"{name}: output {i} differs:\n  A: {x[:300]}\n  B: {y[:300]}")
                break
        if len(lines_a) != len(lines_b):
            problems.append(f"{name}: {len(lines_a)} outputs in A, {len(lines_b)} in B")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    build_a, build_b = map(Path, argv)
    problems = compare(build_a, build_b)
    count = len(list(build_a.rglob("*.ipynb")))
    if problems:
        print(f"builds differ ({len(problems)} problems):")
        print("\n".join(problems))
        return 1
    print(f"reproducible: {count} executed notebooks have identical text outputs in both builds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
