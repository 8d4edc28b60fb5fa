"""The built site without a browser: page weight, alt text, launch and download buttons; colour maps in sources.

Needs a built book (_build/html): skips without one, fails instead with MAKEMORE_REQUIRE_SITE=1.

    python tests/site/test_site.py      # print each chapter page's weight
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_assets import ROOT, SITE, built_pages, chapter_notebooks, need_site, redirect_target  # noqa: E402

LIMIT = 1_000_000  # bytes: a chapter page, the images it loads and the widget state inside it
# Colour maps readable with any colour vision: one-hue sequential maps and the perceptually uniform ones.
SAFE_CMAPS = {"Blues", "Greens", "Greys", "Oranges", "Purples", "Reds", "viridis", "cividis", "magma", "inferno",
              "plasma", "gray", "binary"}
FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$|^[0-9a-f]{16,}", re.I)


class Page(HTMLParser):
    """The images, links and widget state of one built page."""

    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.links: list[str] = []
        self.classes: list[str] = []
        self.state_bytes = 0
        self._in_state = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self.classes.append(attrs.get("class") or "")
        self._in_state = tag == "script" and attrs.get("type") == "application/vnd.jupyter.widget-state+json"

    def handle_data(self, data):
        if self._in_state:
            self.state_bytes += len(data.encode())

    def handle_endtag(self, tag):
        self._in_state = False


def parse(path: str) -> Page:
    page = Page()
    page.feed((SITE / path).read_text())
    return page


def local_file(page_path: str, src: str) -> Path | None:
    """The built file an <img src> names (None for data: URIs, counted in the HTML, and for other hosts)."""
    if src.startswith("data:") or urlsplit(src).scheme:
        return None
    return ((SITE / page_path).parent / unquote(urlsplit(src).path)).resolve()


def weight(path: str) -> dict:
    """Bytes of a built page: the HTML (with its widget state and data: images) and each image file it loads."""
    page = parse(path)
    html = (SITE / path).stat().st_size
    images = {}
    for img in page.images:
        file = local_file(path, img.get("src", ""))
        if file is not None:
            images[str(file.relative_to(SITE.resolve()))] = file.stat().st_size
    return {"page": path, "html": html, "widget_state": page.state_bytes, "images": sum(images.values()),
            "n_images": len(images), "total": html + sum(images.values())}


def chapter_pages() -> list[str]:
    """The built page of every chapter notebook in book/."""
    return [nb.stem + ".html" for nb in chapter_notebooks()]


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.name)
def test_chapter_page_weight(notebook, record_property):
    need_site()
    path = notebook.stem + ".html"
    assert (SITE / path).exists(), f"{notebook.name} has no page in {SITE}: rebuild the book (and add it to _toc.yml)"
    w = weight(path)
    record_property("weight", w)
    assert w["total"] <= LIMIT, (f"{path}: {w['total']:,} bytes > 1 MB (HTML {w['html']:,} of which widget state "
                                 f"{w['widget_state']:,}; {w['n_images']} images {w['images']:,}): make figures smaller")


@pytest.mark.parametrize("path", built_pages() or ["(no built book)"])
def test_every_image_has_alt_text_and_exists(path):
    need_site()
    for img in parse(path).images:
        alt = (img.get("alt") or "").strip()
        assert alt, f"{path}: <img src={img.get('src')}> has no alt text (mystnb: image: alt: in the cell metadata)"
        assert not FILE_NAME.search(alt), f"{path}: the alt text of {img.get('src')} is a file name: {alt!r}"
        file = local_file(path, img.get("src", ""))
        assert file is None or file.exists(), f"{path}: {img.get('src')} is not in the built site"


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.name)
def test_chapter_page_has_launch_and_download_buttons(notebook):
    need_site()
    path = notebook.stem + ".html"
    assert (SITE / path).exists(), f"{notebook.name} has no page in {SITE}: rebuild the book"
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = config["repository"]["url"].rstrip("/").removeprefix("https://github.com/")
    branch, book = config["repository"]["branch"], config["repository"]["path_to_book"]
    page = parse(path)
    binder = f"https://mybinder.org/v2/gh/{repo}/{branch}?urlpath=lab/tree/{book}/{notebook.name}"
    colab = f"https://colab.research.google.com/github/{repo}/blob/{branch}/{book}/{notebook.name}"
    assert binder in page.links, f"{path}: no Binder (JupyterLab) launch link"
    assert colab in page.links, f"{path}: no Colab launch link"
    assert f"_sources/{notebook.name}" in page.links, f"{path}: no .ipynb download link"
    assert (SITE / "_sources" / notebook.name).exists()
    html = (SITE / path).read_text()
    assert "initThebeSBT()" in html and "btn-launch-thebe" in html, f"{path}: no Thebe (live code) button"
    assert "text/x-thebe-config" in html and f'repo: "{repo}"' in html, f"{path}: Thebe is not set to this repository"


REMOTE_ASSET = re.compile(r"""<(?:script|img|iframe)\b[^>]*\bsrc=["'](?:https?:)?//|<link\b[^>]*\bhref=["'](?:https?:)?//[^"']*["'][^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon)""", re.I)


@pytest.mark.parametrize("path", built_pages() or ["(no built book)"])
def test_page_loads_nothing_from_other_hosts(path):
    """Scripts, styles, images and fonts come from the site (Thebe fetches its code only when pressed)."""
    need_site()
    html = (SITE / path).read_text()
    found = [m.group(0)[:120] for m in REMOTE_ASSET.finditer(html)]
    assert not found, f"{path} loads from other hosts: {found}"


def test_icon_script_holds_only_the_icons_in_use():
    """The theme's 1.5 MB fontawesome.js is replaced by the few icons the pages name (site/ext/site_assets.py)."""
    need_site()
    script = SITE / "_static" / "scripts" / "fontawesome.js"
    assert script.stat().st_size < 50_000, f"{script} is {script.stat().st_size:,} bytes"
    assert '"bars":' in script.read_text() and '"github":' in script.read_text()


CMAP = re.compile(r"""(?:cmap\s*[=:]\s*(?:str\s*=\s*)?|colormaps\[|get_cmap\(|plt\.cm\.|cm\.)["']?([A-Za-z_]+)""")


def colour_map_names() -> list[tuple[str, str]]:
    """(file, name) of every colour map named in the chapters' code and in makemore_lib."""
    found = []
    for nb in chapter_notebooks():
        for cell in json.loads(nb.read_text())["cells"]:
            if cell["cell_type"] == "code":
                found += [(nb.name, m) for m in CMAP.findall("".join(cell["source"]))]
    for py in sorted((ROOT / "makemore_lib").glob("*.py")):
        found += [(py.name, m) for m in CMAP.findall(py.read_text())]
    return [(f, m) for f, m in found if m not in ("cmap", "get_cmap", "colormaps")]


def test_colour_maps_are_colour_blind_safe():
    bad = [(f, m) for f, m in colour_map_names() if m.removesuffix("_r") not in SAFE_CMAPS]
    assert not bad, f"colour maps not in the colour-blind-safe list {sorted(SAFE_CMAPS)}: {bad}"


if __name__ == "__main__":
    for page in chapter_pages():
        if (SITE / page).exists():
            w = weight(page)
            print(f"{page}: {w['total']:,} B (HTML {w['html']:,}, widget state {w['widget_state']:,}, "
                  f"{w['n_images']} images {w['images']:,})")


CELL_CODE = re.compile(r'<div class="cell_input[^"]*">.*?<div class="highlight"><pre>(.*?)</pre></div>', re.S)


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_code_cells_read_as_in_the_notebook(notebook):
    """The page's code cells hold the notebook's code, character for character, with the spans that draw names,
    punctuation and spaces in the code's own colour unwrapped (site/ext/site_assets.py)."""
    import html as html_module

    need_site()
    page = (SITE / f"{notebook.stem}.html").read_text()
    sources = {"".join(c["source"]).strip() for c in json.loads(notebook.read_text())["cells"]
               if c["cell_type"] == "code"}
    blocks = CELL_CODE.findall(page)
    assert len(blocks) >= 5
    for block in blocks:
        assert not re.search(r'<span class="[npw]">', block), block[:200]
        text = html_module.unescape(re.sub(r"<[^>]+>", "", block)).strip()
        assert text in sources, f"{notebook.name}: a code cell reads differently in the page:\n{text[:300]}"


@pytest.mark.parametrize("path", built_pages() or ["(no built book)"])
def test_the_theme_scripts_run_after_the_first_frame(path):
    """Bootstrap and the theme's script are preloaded and run, in that order, once the page is drawn."""
    need_site()
    if redirect_target(path):
        return
    page = (SITE / path).read_text()
    assert '<script defer src="_static/scripts/' not in page
    loader = re.search(r"requestAnimationFrame\(\(\) => setTimeout\(\(\) => \{ for \(const src of (\[.*?\])\)", page)
    assert loader, f"{path}: no loader for the theme's scripts"
    sources = json.loads(loader.group(1))
    assert [s.split("?")[0] for s in sources] == ["_static/scripts/bootstrap.js", "_static/scripts/pydata-sphinx-theme.js"]
    assert all(f'<link rel="preload" as="script" href="{s}"' in page for s in sources)
