"""Reader polish on the Sphinx side: unique ids, search snippets from the text, header buttons named as they read.

Every element id on a page is unique: sphinx-exercise gives each exercise and solution body the same id
(``exercise-content``, ``solution-content``), so a chapter with three exercises had each id three times, which
breaks ``#`` links and the label-to-control ties of assistive technology. After Sphinx resolves a page, a
repeated id gets a suffix (``solution-content-2``, ...); the first keeps its name, so links to it still work.

Sphinx's search page shows, under each result, a snippet cut from the text of the page's ``[role=main]``
element. In pydata-sphinx-theme that element also holds the article header (the launch and download
buttons), the "Contents" sidebar and the previous/next links, so a word that appears in a chapter title
gives a snippet made of the table of contents. This extension adds a small script that, once the page has
loaded, makes the search take its snippets from the article alone, without navigation (tables of contents,
the intro's chapter list) or widget state. The page is checked by
``tests/site/test_accessibility.py::test_search_snippets_come_from_the_text``.

The theme's header buttons are named by ``aria-label`` ("Search", "Color mode") while their content holds
more: the search field shows "Search Ctrl + K", the colour switch three icons titled "Light", "Dark" and
"System Settings". Speech-input users say what they see, so axe-core's label-content-name-mismatch rule
(serious) flags them on every page. The shortcut and the icons are decoration: the script marks them
``aria-hidden``, so each button's name is what it shows. axe-core 4.14 counts the shortcut as visible text
even so, so the search field is written without its ``aria-label`` (``templates/search-button-field.html``,
the theme's template less that attribute, found first through ``templates_path``): its name is then its
content, "Search". These buttons exist only with JavaScript
(``pst-js-only``), so a script is the right place for the fix. myst-nb's toggles of hidden cells have the same
flaw in the page body (``<summary aria-label="Toggle hidden content">`` showing "Show code cell content"): the
label is dropped when the page is written, so the name is the text the reader sees.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

# Page furniture left out of the snippets: navigation, the article's header and footer, toctrees.
FURNITURE = [".headerlink", "script", "style", "nav", ".toctree-wrapper", ".bd-header-article",
             ".bd-sidebar-secondary", ".prev-next-area", ".prev-next-footer", ".bd-footer-article",
             "footer", ".widget-subarea"]

DECORATION = [".search-button__kbd-shortcut", ".theme-switch-button .theme-switch"]

SCRIPT = """
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(%s).forEach((el) => el.setAttribute("aria-hidden", "true"));
""" % repr(", ".join(DECORATION)).replace("'", '"') + """
  if (typeof Search === "undefined" || !Search.htmlToText) return;
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(%s).forEach((el) => el.remove());
    const main = doc.querySelector('[role="main"]');
    const text = main && (main.querySelector("article") || main);
    if (!text) return "";
    let part = null;
    try { part = anchor ? text.querySelector(anchor) : null; } catch (err) { part = null; }
    return (part || text).textContent.replace(/\\s+/g, " ");
  };
});
""" % repr(", ".join(FURNITURE)).replace("'", '"')


def unique_ids(app, doctree, docname) -> None:
    """Give every repeated id of a page a numbered suffix: the second ``x`` becomes ``x-2``."""
    seen: set[str] = set()
    for node in doctree.findall(nodes.Element):
        ids = []
        for id_ in node.get("ids", []):
            if id_ in seen:
                n = 2
                while f"{id_}-{n}" in seen:
                    n += 1
                id_ = f"{id_}-{n}"
            seen.add(id_)
            ids.append(id_)
        if ids:
            node["ids"] = ids


HIDDEN_CELL_TOGGLE = '<summary aria-label="Toggle hidden content">'


def name_toggles_by_their_text(app, pagename, templatename, context, doctree) -> None:
    """myst-nb's "Show code cell content" toggles: no aria-label, so their name is their visible text."""
    if isinstance(context.get("body"), str):
        context["body"] = context["body"].replace(HIDDEN_CELL_TOGGLE, "<summary>")


TEMPLATES = str(Path(__file__).resolve().parent / "templates")


def add_templates(app, config) -> None:
    """Our templates (the search field without its aria-label) before the theme's."""
    if TEMPLATES not in config.templates_path:
        config.templates_path.insert(0, TEMPLATES)


def setup(app):
    app.connect("config-inited", add_templates)
    app.add_js_file(None, body=SCRIPT)
    app.connect("doctree-resolved", unique_ids)
    app.connect("html-page-context", name_toggles_by_their_text)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
