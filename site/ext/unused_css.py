"""The theme's CSS less the rules that can match nothing in this book.

The theme ships Bootstrap and sphinx-design whole: about 500 KB of CSS, with hundreds of rules such as
``.row-cols-5 > *`` or ``.sd-row-cols-lg-8 > *`` that end in ``*`` and so are tried against every element of
every page, though the book never uses those classes. On a chapter page they were most of the time the browser
spent matching selectors, in the main-thread task that lays the page out.

``build-finished`` (after the theme and the other extensions wrote their files): each stylesheet in _static,
but those named in KEEP, loses every selector naming a class or id that appears nowhere in the built site's
HTML and scripts (the words of all of them: what a script writes as a literal string counts as used), but for
the classes of Thebe's live cells, which only its script from a CDN creates; a rule left with no selector goes. Classes named only inside ``:not(...)``, ``:is(...)`` and other functional
pseudo-classes do not count, so a rule is never dropped for what it excludes or offers as an alternative.
``tests/site/test_site_browser.py`` compares screenshots of every page with the untrimmed CSS and the trimmed one.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

# Stylesheets left whole: Thebe styles the live cells its script (loaded from its CDN when the reader presses
# the button) creates, whose classes no file of the site names; maths.css and the book's own are small.
KEEP = {"sphinx-thebe.css", "maths.css", "a11y.css", "widget-host.css", "print.css", "check-yourself.css"}
# Classes that only exist once Thebe's script has run (the theme styles .thebelab-cell): always counted as used.
LIVE_PREFIXES = ("thebe", "jp-", "cm-", "CodeMirror")
WORD = re.compile(r"[A-Za-z_][\w-]*")
FUNCTIONAL = re.compile(r":[\w-]+\(")
NAMED = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")


def without_functional_pseudo_classes(selector: str) -> str:
    """The selector less the arguments of ``:not()``, ``:is()``, ``:has()``, ``::part()``...

    >>> without_functional_pseudo_classes(".table-sm > :not(caption) > * > .x:is(.a, .b)")
    '.table-sm > :not() > * > .x:is()'
    """
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = FUNCTIONAL.match(selector, i) if depth == 0 else None
        if match:
            out.append(match.group(0))
            depth, i = 1, match.end()
            continue
        char = selector[i]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                out.append(")")
        else:
            out.append(char)
        i += 1
    return "".join(out)


def names(selector: str) -> set[str]:
    """The classes and ids a selector needs an element to have (not those inside functional pseudo-classes).

    >>> sorted(names("html[data-theme=dark] .bd-content .dropdown:not(.open) > #nav"))
    ['bd-content', 'dropdown', 'nav']
    """
    bare = re.sub(r'\[[^\]]*\]|"[^"]*"|\'[^\']*\'', "", without_functional_pseudo_classes(selector))
    return set(NAMED.findall(bare))


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas.

    >>> split_selectors(".a, .b:is(.c, .d)")
    ['.a', '.b:is(.c, .d)']
    """
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def trim(css: str, used: set[str]) -> str:
    """CSS less the selectors naming a class or id not in ``used``, and less the rules left with none.

    >>> trim(".a > *, .b > * { margin: 0 } @media (min-width: 5px) { .c { color: red } } .d { x: y }", {"b", "d"})
    '.b > * { margin: 0 } .d { x: y }'
    """
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            kept = [s for s in split_selectors(tinycss2.serialize(rule.prelude))
                    if all(name in used or name.startswith(LIVE_PREFIXES) for name in names(s))]
            if kept:
                out.append(", ".join(kept) + " {" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
                and rule.content is not None:
            inner = trim(tinycss2.serialize(rule.content), used)
            if inner.strip():
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return " ".join(out)


def words_in_site(outdir: Path) -> set[str]:
    """Every word of the built pages and of the scripts in _static: what could be a class or an id."""
    found = set()
    for file in [*outdir.rglob("*.html"), *outdir.joinpath("_static").rglob("*.js"),
                 *outdir.joinpath("_static").rglob("*.mjs")]:
        found |= set(WORD.findall(file.read_text(encoding="utf-8", errors="ignore")))
    return found


def untrimmed_folder(outdir: Path) -> Path:
    """Where the stylesheets are kept as the theme wrote them (beside the site, not in it), for the screenshot
    comparison."""
    return outdir.parent / "untrimmed_css"


def trim_stylesheets(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static, keep = outdir / "_static", untrimmed_folder(outdir)
    used = words_in_site(outdir)
    for sheet in sorted(static.rglob("*.css")):
        if sheet.name in KEEP:
            continue
        css = sheet.read_text(encoding="utf-8")  # Sphinx copies the theme's files again on every build
        trimmed = trim(css, used)
        if len(trimmed) < len(css):
            original = keep / sheet.relative_to(static)
            original.parent.mkdir(parents=True, exist_ok=True)
            original.write_text(css, encoding="utf-8")
            sheet.write_text(trimmed, encoding="utf-8")


def setup(app):
    app.connect("build-finished", trim_stylesheets, priority=950)  # after every other file of the site is written
    return {"parallel_read_safe": True, "parallel_write_safe": True}
