"""Words of prose per chapter: the core path and the optional Going deeper parts, counted apart.

The core is the Markdown before a chapter's Exercises heading, outside sections whose heading says "Going
deeper" (or "optional") and outside ``<details>``; a section ends at the next heading of the same or a higher
level. Maths (``$...$``, ``$$...$$``), code spans, HTML tags and link targets are not words. Going deeper is
what the core leaves out before the Exercises: those sections and the ``<details>`` blocks.

    python -m tools.prose_words            # every chapter of _toc.yml
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORE_LIMIT = 2000
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
HEADING = re.compile(r"(#{1,6}) (.*)")


def count_words(markdown: str) -> int:
    """Words of a piece of Markdown, leaving out maths, code spans, HTML tags and link targets.

    >>> count_words("The loss, $-\\\\log p$, is `nll.mean()`: see [chapter 3](03_likelihood.ipynb), 2.4540.")
    7
    """
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$|`[^`]*`|<[^>]+>", " ", markdown, flags=re.S)
    return len(WORD.findall(re.sub(r"\]\([^)]*\)", "]", text)))


def split_prose(cells: list[str]) -> tuple[int, int]:
    """(core words, Going deeper words) of a chapter's Markdown cells, in order.

    >>> split_prose(["# T\\n\\nOne two.", "## Going deeper: why\\n\\nThree four five.", "## Next\\n\\nSix."])
    (5, 6)
    >>> split_prose(["Core.\\n<details>\\n\\nHidden words.\\n\\n</details>", "## Exercises\\n\\nNot counted."])
    (1, 2)
    """
    core = deeper = 0
    in_exercises, deep_level = False, None
    for text in cells:
        for block in re.split(r"(?m)^(?=#{1,6} )", text):
            heading = HEADING.match(block)
            if heading:
                level, title = len(heading.group(1)), heading.group(2)
                in_exercises = in_exercises or (level <= 2 and re.search(r"(?i)\bexercises?\b", title) is not None)
                if deep_level is not None and level <= deep_level:
                    deep_level = None
                if re.search(r"(?i)deeper|optional", title):
                    deep_level = level
            if in_exercises:
                continue
            outside = re.sub(r"<details>.*?</details>", " ", block, flags=re.S)
            inside = sum(count_words(d) for d in re.findall(r"<details>.*?</details>", block, flags=re.S))
            if deep_level is None:
                core += count_words(outside)
                deeper += inside
            else:
                deeper += count_words(outside) + inside
    return core, deeper


def chapters() -> list[str]:
    """The notebooks of _toc.yml, in order."""
    return [e["file"] for e in yaml.safe_load((ROOT / "_toc.yml").read_text()).get("chapters", [])]


def chapter_prose(chapter: str) -> tuple[int, int]:
    """(core words, Going deeper words) of ``book/<chapter>.ipynb``."""
    cells = json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text())["cells"]
    return split_prose(["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"])


def main() -> int:
    print(f"{'chapter':24} {'core':>6} {'deeper':>7}")
    over = 0
    for chapter in chapters():
        core, deeper = chapter_prose(chapter)
        flag = f"  over {CORE_LIMIT:,}" if core > CORE_LIMIT else ""
        over += bool(flag)
        print(f"{chapter:24} {core:>6,} {deeper:>7,}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
