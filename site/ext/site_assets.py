"""A self-contained, light site: every script and font from the site itself, nothing from other hosts.

(Formulas are typeset when the book is built, by ``maths.py``: the pages load no maths script.)

Each hook below exists for one reason:

- ``widget host`` (html-page-context): pages with widget views load ``_static/widget-host.mjs``, the book's own
  ES module that renders anywidget front ends from the widget state embedded in the page. myst-nb's require.js
  and html-manager tags from CDNs are switched off in _config.yml (``nb_ipywidgets_js: {}``). The host is a
  ``.mjs`` file because Jupyter Book adds every ``*.js`` under site/static to every page.
- ``check yourself`` (html-page-context): pages with a prediction or an exercise check also load
  ``_static/check-yourself.mjs``, which folds the cell after each prediction until the reader has answered,
  and shows in the Exercises section what the reader has done (kept in the browser only).
- ``snapshots`` (html-page-context): right after each widget view the page gets the ``text/html`` snapshot that
  Python rendered for that widget (read from the executed notebook, see ``executed_notebook``), with a line
  saying it is a snapshot. Where scripts are off, or a widget's module fails, that is what the reader sees; the
  host replaces it once the widget renders. A view without a snapshot gets a line saying what it needs.
- ``one THEBE_JS_URL`` (html-page-context): sphinx-thebe's config script is registered twice under Jupyter
  Book 1, so every page threw ``Identifier 'THEBE_JS_URL' has already been declared``; duplicates are dropped.
  Thebe itself still loads from its CDN only when the reader presses its button.
- ``plain code text`` (build-finished, after the theme writes pygments.css): Pygments wraps every name,
  bracket and space of the highlighted code in its own ``<span>`` (more than half of a chapter page's elements),
  and the book's colour scheme draws names, punctuation and spaces in the code's own text colour. Those spans
  are unwrapped: the same picture with fewer elements for the browser to style and lay out on each visit.
- ``theme scripts after the first frame`` (build-finished): the theme's two deferred scripts (Bootstrap and its
  own) ran right after the page was parsed, and their first reads of the layout made the browser style and lay
  out the whole chapter inside their task: with them, one main-thread task of 170-260 ms on a long chapter. They
  are now added by a one-line loader after the browser has drawn its first frame (still preloaded in <head>, and
  run in the same order), so that layout happens in the frame and the scripts' task is short. Both scripts
  handle being run after DOMContentLoaded or load.
- ``the theme before the first paint`` (builder-inited): on a first visit the theme's own head script leaves
  ``data-theme="auto"``, which no colour rule matches, and its main script later writes "light" or "dark": the
  page was drawn once in neither theme, then restyled whole (about 100 ms on a chapter, and a flash of light
  colours for a reader whose system is dark). A head script now resolves the theme as the theme's script would
  (the stored mode, else the system's colour scheme), so the first paint is right and the later write is a no-op.
- ``icons`` (build-finished): the theme's ``fontawesome.js`` (1.5 MB, 543 KB compressed) is replaced by a script
  holding only the icons the built pages and the theme's scripts name, drawn as inline SVG the same way; the
  solid webfont, which the theme's CSS still uses for a few glyphs, is cut down to those glyphs.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from sphinx.errors import ExtensionError

VIEW_MIME = "application/vnd.jupyter.widget-view+json"
VIEW_TAG = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
HOST = "widget-host.mjs"
CHECK_YOURSELF = "check-yourself.mjs"   # folds each prediction's answer cell, shows the reader's progress
SNAPSHOT_NOTE = ("Snapshot: what Python drew for this widget when the book was built. "
                 "With JavaScript on, the live widget takes its place.")
NO_SNAPSHOT = ("This is a live widget: it needs JavaScript here, or the chapter opened in Jupyter "
               "(the launch buttons above).")


# --- widget host and snapshots ------------------------------------------------------------------------------

def executed_notebook(app, pagename: str) -> dict:
    """The page's notebook with its outputs, as the build wrote it to _build/jupyter_execute (myst-nb when it
    executes a notebook itself; fresh_outputs.py's env-updated hook when the outputs come from the cache).
    {} for a page that is no notebook."""
    written = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    return json.loads(written.read_text(encoding="utf-8")) if written.is_file() else {}


def snapshots(notebook: dict) -> dict[str, str]:
    """model_id -> the text/html snapshot of that widget's output, for outputs that hold both.

    >>> out = {"output_type": "display_data", "metadata": {}, "data": {VIEW_MIME: {"model_id": "m1"},
    ...        "text/html": ["<b>", "7</b>"]}}
    >>> snapshots({"cells": [{"cell_type": "code", "outputs": [out]}]})
    {'m1': '<b>7</b>'}
    """
    found = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if VIEW_MIME in data and "text/html" in data:
                snapshot = data["text/html"]
                found[data[VIEW_MIME]["model_id"]] = "".join(snapshot) if isinstance(snapshot, list) else snapshot
    return found


def with_snapshots(body: str, found: dict[str, str]) -> str:
    """The page body with a snapshot block (or a line saying what the widget needs) after each widget view.

    >>> view = '<script type="application/vnd.jupyter.widget-view+json">{"model_id": "m1"}</script>'
    >>> print(with_snapshots(view, {"m1": "<b>7</b>"}).split("</script>")[1])
    <div class="mm-fallback" data-model-id="m1"><div class="mm-fallback-body"><b>7</b></div><p class="mm-fallback-note">Snapshot: ...</p></div>
    >>> "mm-fallback-missing" in with_snapshots(view, {})
    True
    """
    def add(match: re.Match) -> str:
        try:
            model_id = str(json.loads(match.group(1))["model_id"])
        except (ValueError, KeyError, TypeError):
            return match.group(0)
        attr = html.escape(model_id, quote=True)
        if model_id in found:
            block = (f'<div class="mm-fallback" data-model-id="{attr}"><div class="mm-fallback-body">'
                     f'{found[model_id]}</div><p class="mm-fallback-note">{SNAPSHOT_NOTE}</p></div>')
        else:
            block = (f'<div class="mm-fallback mm-fallback-missing" data-model-id="{attr}">'
                     f'<p class="mm-fallback-note">{NO_SNAPSHOT}</p></div>')
        return match.group(0) + block

    return VIEW_TAG.sub(add, body)


def unique_scripts(scripts: list) -> list:
    """The page's scripts with duplicates (same file or same inline body, same attributes) dropped.

    sphinx-thebe and sphinx-togglebutton register their inline scripts twice, once with no file name (None)
    and once with an empty one (''), which Sphinx does not see as equal.
    """
    seen, kept = set(), []
    for script in scripts:
        filename = getattr(script, "filename", script) or ""
        key = (str(filename), json.dumps(getattr(script, "attributes", {}), sort_keys=True, default=str))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    return kept


def page_assets(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    scripts = context.get("script_files")
    if scripts is not None:
        scripts[:] = unique_scripts(scripts)
    if VIEW_MIME not in body:
        return
    context["body"] = with_snapshots(body, snapshots(executed_notebook(app, pagename)))
    if "data-predict=" in context["body"] or "data-exercise=" in context["body"]:
        app.add_js_file(CHECK_YOURSELF, type="module")   # before the host: it folds the answer cells first
    app.add_js_file(HOST, type="module")


# --- icons ----------------------------------------------------------------------------------------------------

ICON = re.compile(r'(?:"([a-z0-9-]+)"|\b([a-z0-9]+)):\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]*",("[^"]*"|\[[^\]]*\])\]')
PACK = re.compile(r'var p=\{(.*?)\};.{0,400}?d\("(fa[srb])",p\)', re.S)
ICON_CLASS = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)")
# Written in place of the theme's fontawesome.js. The page loads it in <head>, before <body> is parsed: icons
# are drawn as the parser (or a script, later) adds an <i class="fa-...">.
ICON_SCRIPT = """/* Font Awesome Free icons (CC BY 4.0, https://fontawesome.com/license/free): only the ones this book's
   pages use, drawn as inline SVG as Font Awesome's own script does. Written by site/ext/site_assets.py. */
(() => {
  const ICONS = /*ICONS*/{};
  const PREFIX = { fas: "fas", "fa-solid": "fas", far: "far", "fa-regular": "far", fab: "fab", "fa-brands": "fab" };
  const SVG = "http://www.w3.org/2000/svg";
  function draw(i) {
    const classes = [...i.classList];
    const prefix = PREFIX[classes.find((c) => PREFIX[c])] || "fas";
    const name = classes.map((c) => c.slice(3)).find((n) => (ICONS[prefix] || {})[n] || ICONS.fas[n]);
    if (!name) return;
    const [width, height, path] = (ICONS[prefix] || {})[name] || ICONS.fas[name];
    const svg = document.createElementNS(SVG, "svg");
    for (const a of i.attributes) svg.setAttribute(a.name, a.value);
    // without the style class (fa-solid...), no CSS rule asks for Font Awesome's webfonts for this element
    svg.setAttribute("class", ["svg-inline--fa", ...classes.filter((c) => !PREFIX[c])].join(" "));
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const shape = document.createElementNS(SVG, "path");
    shape.setAttribute("fill", "currentColor");
    shape.setAttribute("d", Array.isArray(path) ? path.join(" ") : path);
    svg.append(shape);
    i.replaceWith(svg);
  }
  const SELECTOR = "i[class*='fa-'], span[class*='fa-']";
  const drawAll = (root) => {
    if (root.matches && root.matches(SELECTOR)) draw(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(draw);
  };
  const style = document.createElement("style");
  style.textContent = ".svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em}" +
    ".svg-inline--fa.fa-fw{width:1.25em}";
  document.head.append(style);
  // Drawn as the parser adds them, before the first layout: an <i class="fab ..."> laid out even once makes
  // the browser fetch Font Awesome's webfont for it.
  new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach(drawAll)))
    .observe(document.documentElement, { childList: true, subtree: true });
  drawAll(document.documentElement);
})();
"""


def icon_packs(fontawesome_js: str) -> dict[str, dict[str, list]]:
    """{'fas'|'far'|'fab': {icon name or alias: [width, height, svg path]}} from Font Awesome's JS bundle."""
    packs: dict[str, dict[str, list]] = {}
    for body, prefix in PACK.findall(fontawesome_js):
        icons = packs.setdefault(prefix, {})
        for quoted, plain, width, height, aliases, path in ICON.findall(body):
            entry = [int(width), int(height), json.loads(path)]
            for name in [quoted or plain, *re.findall(r'"([a-z0-9-]+)"', aliases)]:
                icons.setdefault(name, entry)
    return packs


def names_in_use(outdir: Path) -> set[str]:
    """Every ``fa-*`` name in the built pages and the scripts they load (theme scripts add some icons)."""
    names = set()
    files = [*outdir.rglob("*.html"), *(p for p in (outdir / "_static").rglob("*.js") if p.name != "fontawesome.js")]
    for file in files:
        names |= set(ICON_CLASS.findall(file.read_text(encoding="utf-8", errors="ignore")))
    return names


def icon_script(packs: dict[str, dict[str, list]], names: set[str]) -> str:
    """A small script that turns <i class="fa-solid fa-bars"> into an inline SVG, as Font Awesome's does."""
    subset = {prefix: {name: icons[name] for name in sorted(names) if name in icons}
              for prefix, icons in packs.items()}
    return ICON_SCRIPT.replace("/*ICONS*/{}", json.dumps(subset, separators=(",", ":")))


def replace_fontawesome(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    script = outdir / "_static" / "scripts" / "fontawesome.js"
    if not script.is_file():
        return
    original = script.read_text(encoding="utf-8")
    if "var p={" not in original:  # already replaced in an earlier build into this folder
        return
    packs = icon_packs(original)
    if not packs.get("fas"):
        raise ExtensionError(f"no Font Awesome icons found in {script}: the theme's bundle changed shape")
    script.write_text(icon_script(packs, names_in_use(outdir)), encoding="utf-8")
    for extra in ("fontawesome.js.map", "fontawesome.js.LICENSE.txt"):
        (script.parent / extra).unlink(missing_ok=True)


# The theme's CSS still draws a few glyphs with the solid webfont (admonition and exercise titles, download
# links), and where scripts are off the font draws the page's icons too; the 156 KB font is cut down to those
# glyphs (fontTools, which matplotlib already installs).
SOLID_SRC = re.compile(r'src:url\((\.\./vendor/fontawesome/webfonts/)fa-solid-900\.woff2\) format\("woff2"\),'
                       r'url\(\.\./vendor/fontawesome/webfonts/fa-solid-900\.ttf\) format\("truetype"\)')
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
GLYPH = re.compile(r'\\([ef][0-9a-f]{3})\b|([\ue000-\uf8ff])')  # "\f303" or the character itself
ICON_RULE = re.compile(r"^\s*\.fa-[a-z0-9-]+:(?:before|after)\s*$")


def glyphs_in_css(css: str, icons: set[str] = frozenset()) -> set[int]:
    r"""Code points of Font Awesome glyphs that CSS rules draw: every rule but the one-rule-per-icon
    ``.fa-x:before`` list, and of that list the icons named in ``icons`` (the font draws them where scripts are off).

    >>> css = ':root{--pst-icon-pencil:"\\f303"}.fa-bars:before{content:"\\f0c9"}.fa-cat:before{content:"\\f6be"}'
    >>> sorted(hex(c) for c in glyphs_in_css(css, {"bars"}))
    ['0xf0c9', '0xf303']
    """
    found = set()
    for selectors, body in CSS_RULE.findall(css):
        parts = selectors.split(",")
        if all(ICON_RULE.match(part) for part in parts) and not any(
                part.strip().split(":")[0][len(".fa-"):] in icons for part in parts):
            continue
        found |= {int(code, 16) if code else ord(char) for code, char in GLYPH.findall(body)}
    return found


def subset_solid_font(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    theme_css = static / "styles" / "pydata-sphinx-theme.css"
    font = static / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.ttf"
    if not theme_css.is_file() or not font.is_file():
        return
    from fontTools import subset

    codes, icons = set(), names_in_use(Path(app.outdir))
    for sheet in static.rglob("*.css"):
        codes |= glyphs_in_css(sheet.read_text(encoding="utf-8", errors="ignore"), icons)
    options = subset.Options()
    options.flavor = "woff"  # zlib; woff2 would need brotli
    options.layout_features = []
    options.notdef_outline = True
    face = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(face)
    subset.save_font(face, str(font.with_name("fa-solid-900-subset.woff")), options)
    css = theme_css.read_text(encoding="utf-8")  # as the theme ships it, or already pointing at the subset
    theme_css.write_text(SOLID_SRC.sub(r'src:url(\1fa-solid-900-subset.woff) format("woff")', css), encoding="utf-8")


# --- plain code text -----------------------------------------------------------------------------------------

CODE_BLOCK = re.compile(r'(<div class="highlight"><pre>)(.*?)(</pre></div>)', re.S)
TOKEN_RULE = re.compile(r'html\[data-theme="(\w+)"\] \.highlight( \.[\w-]+)? \{([^}]*)\}')


def plain_token_classes(pygments_css: str) -> set[str]:
    """Pygments token classes drawn exactly as the code's own text, in every theme: a colour equal to the one
    of ``.highlight`` and nothing else.

    >>> css = ('html[data-theme="light"] .highlight { background: #fff; color: #000 }\\n'
    ...        'html[data-theme="light"] .highlight .n { color: #000 }\\n'
    ...        'html[data-theme="light"] .highlight .k { color: #70c; font-weight: bold }\\n'
    ...        'html[data-theme="dark"] .highlight { background: #222; color: #eee }\\n'
    ...        'html[data-theme="dark"] .highlight .n { color: #eee }\\n'
    ...        'html[data-theme="dark"] .highlight .k { color: #c9f }')
    >>> sorted(plain_token_classes(css))
    ['n']
    """
    text, rules = {}, {}
    for theme, token, body in TOKEN_RULE.findall(pygments_css):
        declarations = {k.strip(): v.strip() for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d)}
        if not token:
            text[theme] = declarations.get("color")
        else:
            rules.setdefault(token.strip()[1:], {})[theme] = declarations
    return {token for token, by_theme in rules.items()
            if set(by_theme) == set(text) and all(d == {"color": text[t]} for t, d in by_theme.items())}


def unwrap_plain_spans(page: str, classes: set[str]) -> str:
    """The page with the spans of those token classes, inside highlighted code, replaced by their text.

    >>> unwrap_plain_spans('<div class="highlight"><pre><span class="n">x</span><span class="o">=</span></pre></div>', {"n"})
    '<div class="highlight"><pre>x<span class="o">=</span></pre></div>'
    """
    if not classes:
        return page
    span = re.compile(r'<span class="(?:%s)">([^<]*)</span>' % "|".join(map(re.escape, sorted(classes))))
    return CODE_BLOCK.sub(lambda m: m.group(1) + span.sub(r"\1", m.group(2)) + m.group(3), page)


# --- theme scripts after the first frame --------------------------------------------------------------------

THEME_SCRIPT = re.compile(r'[ \t]*<script defer src="(_static/scripts/(?:bootstrap|pydata-sphinx-theme)\.js\?digest=\w+)">'
                          r'</script>\n?')
AFTER_FIRST_FRAME = ('<script>/* the theme\'s scripts, once the page is drawn (site/ext/site_assets.py) */'
                     'requestAnimationFrame(() => setTimeout(() => { for (const src of %s) {'
                     ' const script = document.createElement("script"); script.src = src; script.async = false;'
                     ' document.head.append(script); } }));</script>\n')


def theme_scripts_after_first_frame(page: str) -> str:
    """The page with the theme's deferred scripts loaded by a small script once the first frame is drawn.

    >>> page = '<body>\\n<script defer src="_static/scripts/bootstrap.js?digest=ab1"></script>\\n</body>'
    >>> print(theme_scripts_after_first_frame(page))
    <body>
    <script>/* the theme's scripts, ... for (const src of ["_static/scripts/bootstrap.js?digest=ab1"]) { ...</script>
    </body>
    """
    sources = THEME_SCRIPT.findall(page)
    if not sources or "</body>" not in page:
        return page
    loader = AFTER_FIRST_FRAME % json.dumps(sources)
    return THEME_SCRIPT.sub("", page).replace("</body>", loader + "</body>", 1)


def lighter_pages(app, exception) -> None:
    """Rewrite each built page: code without its no-op spans, the theme's scripts after the first frame."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    css = outdir / "_static" / "pygments.css"
    classes = plain_token_classes(css.read_text(encoding="utf-8")) if css.is_file() else set()
    for page in outdir.rglob("*.html"):
        original = page.read_text(encoding="utf-8")
        rewritten = theme_scripts_after_first_frame(unwrap_plain_spans(original, classes))
        if rewritten != original:
            page.write_text(rewritten, encoding="utf-8")


# --- the theme before the first paint ------------------------------------------------------------------------

THEME_NOW = """(() => { /* the light or dark theme before the first paint (site/ext/site_assets.py) */
  const root = document.documentElement;
  if (root.dataset.theme !== "light" && root.dataset.theme !== "dark") {
    const mode = root.dataset.mode;
    root.dataset.theme = mode === "light" || mode === "dark" ? mode
      : matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
})();"""


def theme_before_first_paint(app) -> None:
    app.add_js_file(None, body=THEME_NOW, priority=1)  # first of the scripts in <head>


def setup(app):
    app.connect("builder-inited", theme_before_first_paint)
    app.connect("html-page-context", page_assets, priority=900)  # after myst-nb and sphinx-thebe added theirs
    app.connect("build-finished", replace_fontawesome)
    app.connect("build-finished", subset_solid_font)
    app.connect("build-finished", lighter_pages, priority=900)  # after the theme wrote pygments.css
    return {"parallel_read_safe": True, "parallel_write_safe": True}
