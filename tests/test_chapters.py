"""The chapters are Jupyter-first: what a chapter's Markdown may contain, and that its figures come from its cells.

Every chapter is read in JupyterLab, Colab, GitHub and the site, so its Markdown cells hold only what all of
them render: CommonMark, ``$``/``$$`` maths and plain HTML. The conventions these tests hold the chapters to are
written up in CONTRIBUTING.md ("Writing a chapter").

The prose-number tests need an executed build (``_build/jupyter_execute``): they skip without one and fail
instead with MAKEMORE_REQUIRE_SITE=1.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from prose_words import CORE_LIMIT, chapter_prose, split_prose  # noqa: E402

CHAPTERS = [e["file"] for e in yaml.safe_load((ROOT / "_toc.yml").read_text()).get("chapters", [])]
# The numbered chapters teach (opening, predictions, summary, exercises); an appendix only explains.
NUMBERED = [c for c in CHAPTERS if c.split("_")[0].isdigit()]
EXECUTED = ROOT / "_build" / "jupyter_execute"
DOWNLOADS = ROOT / "_build" / "html" / "_sources"

# Markup that only MyST understands: Jupyter shows it raw.
MYST_ONLY = {
    "role": re.compile(r"\{[\w:-]+\}`"),                       # {glue:text}`x`, {ref}`y`, {math}`z`
    "directive": re.compile(r"^\s*(`{3,}|~{3,})\s*\{[\w:-]+\}", re.M),  # ```{note}
    "colon fence": re.compile(r"^\s*:{3,}", re.M),               # :::{note}
    "target": re.compile(r"^\s*\([\w.-]+\)=\s*$", re.M),         # (label)=
    "directive option": re.compile(r"^:(label|class|name|pyobject|tags):", re.M),
    "substitution": re.compile(r"\{\{[^}]*\}\}"),
    "comment line": re.compile(r"^%\s", re.M),
    "block break": re.compile(r"^\+{3}", re.M),
}


def cells(chapter: str, folder: Path = ROOT / "book") -> list[dict]:
    return json.loads((folder / f"{chapter}.ipynb").read_text())["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def markdown_cells(chapter: str, folder: Path = ROOT / "book") -> list[str]:
    return [source(c) for c in cells(chapter, folder) if c["cell_type"] == "markdown"]


def myst_findings(text: str) -> list[str]:
    prose = strip_code(text, keep_inline=True)
    return [f"{kind}: {m.group(0).strip()!r}" for kind, pattern in MYST_ONLY.items() for m in pattern.finditer(prose)]


def strip_code(text: str, keep_inline: bool = False) -> str:
    """The Markdown without fenced code blocks (and without inline code spans unless keep_inline)."""
    text = re.sub(r"^(`{3,}|~{3,})(?!\s*\{).*?^\1\s*$", " ", text, flags=re.M | re.S)
    if not keep_inline:
        text = re.sub(r"(`+)(?!\{).+?\1", " ", text, flags=re.S)
    return text


def test_myst_findings_catch_what_jupyter_shows_raw():
    assert myst_findings("loss {glue:text}`loss:.4f`") and myst_findings("```{exercise} T\n:label: x\n```")
    assert myst_findings(":::{note}\nhi\n:::") and myst_findings("(sec-a)=\n# A")
    assert not myst_findings("Plain `code`, $x^2$, <details><summary>S</summary>\n\nok\n</details>\n```python\n1\n```")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_markdown_has_no_myst_only_markup(chapter):
    found = [f for text in markdown_cells(chapter) for f in myst_findings(text)]
    assert not found, f"{chapter}: MyST-only markup that Jupyter shows raw: {found[:5]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_code_has_no_plumbing(chapter):
    code = "\n".join(source(c) for c in cells(chapter) if c["cell_type"] == "code")
    for plumbing in ("myst_nb", "glue(", "set_num_threads", "literalinclude"):
        assert plumbing not in code, f"{chapter}: {plumbing} in a code cell"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_downloadable_copy_has_no_myst_only_markup(chapter):
    if not (DOWNLOADS / f"{chapter}.ipynb").exists():
        need_build()
    found = [f for text in markdown_cells(chapter, DOWNLOADS) for f in myst_findings(text)]
    assert not found, f"the site's download of {chapter}: {found[:5]}"


# --- where this comes from -------------------------------------------------------------------------------------

LECTURE = re.compile(r"https://www\.youtube\.com/watch\?v=PaCmpygFfXo&t=\d+s")
NOTEBOOK = "https://github.com/karpathy/nn-zero-to-hero/blob/master/lectures/makemore/makemore_part1_bigrams.ipynb"
REPOSITORY = "https://github.com/karpathy/makemore"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_says_where_it_comes_from(chapter):
    head = "\n".join(markdown_cells(chapter)[:2])
    assert LECTURE.search(head), f"{chapter}: no link to the lecture at the time its part starts"
    assert NOTEBOOK in head and REPOSITORY in head, f"{chapter}: no link to the lecture's notebook and makemore"


# --- what a chapter opens and ends with, and how long its core is ----------------------------------------------

def test_the_appendix_is_in_the_toc_with_a_title():
    appendices = [c for c in CHAPTERS if c not in NUMBERED]
    assert appendices, "_toc.yml has no appendix"
    for chapter in CHAPTERS:
        title = markdown_cells(chapter)[0]
        want = r"# \d+\. \S" if chapter in NUMBERED else r"# Appendix: \S"
        assert re.match(want, title), f"{chapter}: the first cell must be its title ({want}), not {title[:40]!r}"


@pytest.mark.parametrize("chapter", NUMBERED)
def test_chapter_opens_with_what_it_teaches_and_what_it_needs(chapter):
    all_cells = cells(chapter)
    colab = next(i for i, c in enumerate(all_cells) if c["cell_type"] == "code")
    opening = "\n".join(source(c) for c in all_cells[colab + 1:colab + 3] if c["cell_type"] == "markdown")
    points = re.findall(r"^\s*[-*] \S", opening, re.M)
    assert 3 <= len(points) <= 5, f"{chapter}: after the Colab cell, 3 to 5 points of what it teaches, not {len(points)}"
    assert re.search(r"(?i)\bneed", opening), f"{chapter}: the opening does not say what the reader needs first"


@pytest.mark.parametrize("chapter", NUMBERED)
def test_chapter_ends_with_a_summary_before_its_exercises(chapter):
    """The core path ends with '## Summary'; only Going deeper sections may stand between it and the exercises."""
    headings = [m for text in markdown_cells(chapter) for m in re.findall(r"^## (.+)$", text, re.M)]
    assert "Exercises" in headings and "Summary" in headings, f"{chapter}: needs '## Summary' and '## Exercises'"
    between = headings[headings.index("Summary") + 1:headings.index("Exercises")]
    assert all(re.search(r"(?i)going deeper", h) for h in between), \
        f"{chapter}: between '## Summary' and '## Exercises' only Going deeper sections, not {between}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_core_prose_fits_one_sitting(chapter):
    """At most 2,000 words outside the exercises, Going deeper parts and <details> (tools/prose_words.py)."""
    core, deeper = chapter_prose(chapter)
    assert core <= CORE_LIMIT, (f"{chapter}: {core:,} words of core prose (and {deeper:,} Going deeper), more than "
                                f"{CORE_LIMIT:,}: move what a learner can skip into a Going deeper section")


def test_prose_words_leave_out_exercises_going_deeper_and_details():
    cells_ = ["# 1. T", "Four words of core.", "<details>\n\nnot core\n\n</details>",
              "## Going deeper: more\n\nsix words here", "### still deeper", "## Summary\n\nBack.",
              "## Exercises\n\nnever counted"]
    assert split_prose(cells_) == (2 + 4 + 2, 2 + 6 + 2)


# --- exercises ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("chapter", NUMBERED)
def test_exercises_numbered_per_chapter_with_hidden_solutions(chapter):
    number = int(chapter.split("_")[0])
    all_cells = cells(chapter)
    texts = [source(c) for c in all_cells]
    starts = [i for i, s in enumerate(texts) if s.startswith("## Exercises")]
    assert starts, f"{chapter} has no '## Exercises' section"
    section = all_cells[starts[-1]:]
    assert not any(source(c).startswith("## ") for c in section[1:] if c["cell_type"] == "markdown"), \
        f"{chapter}: the Exercises section is not the last section"
    titles = [m for c in section if c["cell_type"] == "markdown"
              for m in re.findall(r"^### Exercise (\d+)\.(\d+)", source(c), re.M)]
    assert titles, f"{chapter}: no '### Exercise {number}.1' heading"
    assert titles == [(str(number), str(i)) for i in range(1, len(titles) + 1)], \
        f"{chapter}: exercises must be numbered {number}.1, {number}.2, ... not {titles}"
    solutions = [c for c in section if c["cell_type"] == "code" and re.match(r"# @title Solution", source(c))]
    for n in range(1, len(titles) + 1):
        tagged = [c for c in solutions if source(c).startswith(f"# @title Solution {number}.{n}\n")]
        assert tagged, f"{chapter}: exercise {number}.{n} has no solution code cell ('# @title Solution {number}.{n}')"
    for c in solutions:
        meta = c["metadata"]
        assert meta.get("jupyter", {}).get("source_hidden") is True, f"{chapter}: solution code shown in JupyterLab"
        assert meta.get("cellView") == "form", f"{chapter}: solution code shown in Colab (cellView: form)"
        assert "hide-cell" in meta.get("tags", []), f"{chapter}: solution shown in the site (tag hide-cell)"
    for text in (source(c) for c in section if c["cell_type"] == "markdown"):
        if "Solution" in text:
            assert re.search(r"<details>\s*<summary>", text), f"{chapter}: solution prose outside <details>"


# --- ask before telling ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("chapter", NUMBERED)
def test_predict_prompts_come_before_the_cell_that_answers(chapter):
    all_cells = cells(chapter)
    prompts = [i for i, c in enumerate(all_cells)
               if c["cell_type"] == "markdown" and re.search(r"^> \*\*Predict\.\*\*", source(c), re.M)]
    assert len(prompts) >= 2, f"{chapter}: {len(prompts)} predict prompts, at least 2 wanted"
    for i in prompts:
        assert i + 1 < len(all_cells) and all_cells[i + 1]["cell_type"] == "code", \
            f"{chapter}: the predict prompt in cell {i} is not followed by the code cell that answers it"
    # a prediction the reader commits to: the widget, its code hidden, then the cell that shows the answer
    missing = [i for i in prompts if "Predict(" not in source(all_cells[i + 1])]
    assert not missing, f"{chapter}: the predict prompts in cells {missing} are not followed by a Predict widget"
    for i in prompts:
        widget, answer = all_cells[i + 1], all_cells[i + 2] if i + 2 < len(all_cells) else {}
        assert "remove-input" in widget["metadata"].get("tags", []) and widget["metadata"].get("cellView") == "form" \
            and widget["metadata"].get("jupyter", {}).get("source_hidden") is True \
            and source(widget).startswith("# @title "), \
            f"{chapter}: the Predict cell after cell {i} shows its code (it computes the answer)"
        assert answer.get("cell_type") == "code" and "Predict(" not in source(answer), \
            f"{chapter}: the Predict widget after cell {i} is not followed by the code cell that answers it"


@pytest.mark.parametrize("chapter", NUMBERED)
def test_every_exercise_has_hints_and_a_check_in_the_page(chapter):
    all_cells = cells(chapter)
    texts = [source(c) for c in all_cells]
    headings = [(i, m) for i, t in enumerate(texts) for m in re.findall(r"^### Exercise (\d+\.\d+)", t, re.M)]
    for n, (i, exercise) in enumerate(headings):
        end = headings[n + 1][0] if n + 1 < len(headings) else len(all_cells)
        if n + 1 < len(headings) and end == i:
            continue
        between = texts[i + 1:end + 1] if n + 1 < len(headings) else texts[i + 1:]
        assert any(re.search(r"<details>\s*<summary>Hint", t) for t in between), f"{chapter}: exercise {exercise} has no hint"
        assert any(f'Check("{exercise}")' in t for t in between), f"{chapter}: exercise {exercise} has no Check box"


# --- numbers in the prose come from the outputs --------------------------------------------------------------

# A figure worth checking: a decimal point, or four or more digits (thousands separators allowed).
NUMBER = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w])")
# Numbers in the prose that no cell computes, each with the reason. Keep this short.
NOT_COMPUTED = {
    "2018": "the year of the dataset's names",
    "2.13": "torch's version",
    "2.13.0": "torch's version",
}


def figures(text: str) -> list[str]:
    """The figures of a Markdown cell worth checking: outside code, links and HTML attributes.

    >>> figures("loss 2.4544 over 228,146 bigrams, 27 rows, [video](https://x.y/?t=3783s) `1.5`")
    ['2.4544', '228,146']
    """
    text = strip_code(text)
    text = re.sub(r"\]\([^)]*\)", "]", text)          # link targets
    text = re.sub(r"<[^>]+>", " ", text)               # HTML tags and their attributes
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\d+:\d\d(?::\d\d)?", " ", text)  # video times
    found = []
    for m in NUMBER.finditer(text):
        token = m.group(0)
        digits = token.lstrip("-").replace(",", "")
        if "." in token or len(digits.split(".")[0]) >= 4:
            found.append(token)
    return found


def output_text(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append("".join(out["text"]))
        for mime in ("text/plain", "text/html", "text/markdown", "text/latex"):
            data = out.get("data", {}).get(mime)
            if data:
                parts.append("".join(data))
    return "\n".join(parts)


def output_numbers(text: str) -> list[str]:
    return [m.group(0).replace(",", "").lstrip("-")
            for m in re.finditer(r"-?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?", text)]


def shown_in(figure: str, numbers: list[str]) -> bool:
    """True if ``figure`` is one of ``numbers`` written to the digits of ``figure``.

    >>> shown_in("2.45", ["2.4546"]), shown_in("2.46", ["2.4546"]), shown_in("32,033", ["32033"])
    (True, False, True)
    >>> shown_in("0.0100", ["0.01"]), shown_in("1.5", ["15"])
    (False, False)
    """
    want = figure.lstrip("-").replace(",", "")
    places = len(want.split(".")[1]) if "." in want else 0
    for number in numbers:
        try:
            value = float(number)
        except ValueError:
            continue
        shown_places = len(number.split(".")[1]) if "." in number and "e" not in number.lower() else 0
        if "e" not in number.lower() and shown_places < places:
            continue  # the output must show at least the digits the prose writes
        if f"{value:.{places}f}" == want:
            return True
    return False


def need_build() -> None:
    message = "no executed build in _build/: run `jupyter-book build book/` first"
    if os.environ.get("MAKEMORE_REQUIRE_SITE") == "1":
        pytest.fail(message)
    pytest.skip(message + " (MAKEMORE_REQUIRE_SITE=1 makes this fail)")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_figure_in_the_prose_is_printed_by_a_cell(chapter):
    """A figure in the prose must be printed by a cell of the chapter (or be a setting in its code)."""
    if not (EXECUTED / f"{chapter}.ipynb").exists():
        need_build()
    executed = cells(chapter, EXECUTED)
    # what the cells print, and the settings written in their code (a learning rate, a seed)
    shown = [output_text(c) for c in executed] + [source(c) for c in executed if c["cell_type"] == "code"]
    numbers = output_numbers("\n".join(shown))
    stale = [f for c in executed if c["cell_type"] == "markdown" for f in figures(source(c))
             if f.replace(",", "") not in NOT_COMPUTED and not shown_in(f, numbers)]
    assert not stale, f"{chapter}: figures in the prose that no cell prints: {stale}"


def test_a_changed_figure_is_caught():
    numbers = output_numbers("loss 2.4546\nbigrams: 228,146")
    assert all(shown_in(f, numbers) for f in figures("The loss is 2.4546 over 228,146 bigrams."))
    assert not all(shown_in(f, numbers) for f in figures("The loss is 2.4547 over 228,146 bigrams."))


# Why the book's numbers differ from the video is told once, in the appendix; a chapter links to it in a sentence.
VERSION_STORY = ["exponential race", "running sum", "MKL", "2.1.1"]


def test_only_the_appendix_tells_why_the_numbers_differ_from_the_video():
    appendix = "\n".join(markdown_cells("appendix_versions"))
    assert all(term in appendix for term in VERSION_STORY)
    for chapter in NUMBERED:
        prose = "\n".join(markdown_cells(chapter))
        told = [term for term in VERSION_STORY if term in prose]
        assert not told, f"{chapter} explains the versions ({told}): link the appendix instead"
