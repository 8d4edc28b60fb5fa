"""Every chapter ends with exercises whose worked solutions are hidden until the reader opens them."""

import json
import re

import pytest
import yaml

from conftest import ROOT

CHAPTERS = [e["file"] for e in yaml.safe_load((ROOT / "_toc.yml").read_text()).get("chapters", [])]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_ends_with_exercises_and_hidden_solutions(chapter):
    cells = json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text())["cells"]
    sources = ["".join(c["source"]) for c in cells]
    starts = [i for i, s in enumerate(sources) if s.startswith("## Exercises")]
    assert starts, f"{chapter} has no '## Exercises' section"
    section = "\n".join(sources[starts[-1]:])
    assert not re.search(r"^## ", section[3:], re.M), f"{chapter}: the Exercises section is not the last section"
    labels = re.findall(r"```\{exercise\}.*\n:label: (\S+)", section)
    assert labels, f"{chapter}: no exercise directive"
    for label in labels:
        assert re.search(r"```\{solution-start\} " + re.escape(label) + r"\n:class: dropdown", section), \
            f"{chapter}: exercise {label} has no hidden (dropdown) solution"
    assert section.count("{solution-start}") == section.count("{solution-end}")
