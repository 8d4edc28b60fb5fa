"""What the browser tests need besides the built book: npm packages for the CDN scripts, and the routing.

The built pages load scripts from public CDNs (require.js from cdnjs; @jupyter-widgets/html-manager, and
whatever widget modules it resolves, from jsDelivr or unpkg). The browser tests answer those URLs from the same
npm packages, installed at test time into tests/.browser/ (ignored by git), and abort every other request that
leaves the made-up host the book is served from. Nothing reaches the network during a test.

    python tests/browser_assets.py     # install the packages if missing (what .ci/run does)
"""

from __future__ import annotations

import json
import mimetypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
ASSETS = ROOT / "tests" / ".browser"
NODE_MODULES = ASSETS / "node_modules"
SCREENSHOTS = ASSETS / "screenshots"
HOST = "http://book.test/"
CHROMIUM = os.environ.get("MAKEMORE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]

# The npm packages behind the CDN URLs the pages load. Versions as in _config.yml's nb_ipywidgets_js and the
# widget state (anywidget's module is resolved from the range its widgets record).
PACKAGES = {
    "requirejs": "2.3.4",
    "@jupyter-widgets/html-manager": "1.0.6",
    "anywidget": "0.11.0",
    "mathjax": "3.2.2",  # Sphinx loads mathjax@3/es5/tex-mml-chtml.js on pages with math
}
# cdnjs keeps its own layout: the minified require.js is answered by the npm package's require.js.
FIXED = {
    "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.4/require.min.js": ("requirejs", "require.js"),
}
NPM_CDN = re.compile(r"^https://(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/((?:@[^/@]+/)?[^/@]+)(?:@([^/]+))?(/.*)?$")


def installed_version(package: str) -> str | None:
    """The version of an npm package in tests/.browser/, or None when it is not installed."""
    manifest = NODE_MODULES / package / "package.json"
    return json.loads(manifest.read_text())["version"] if manifest.exists() else None


def missing_packages() -> list[str]:
    return [f"{name}@{version}" for name, version in PACKAGES.items() if installed_version(name) != version]


def install_packages() -> None:
    """npm install the packages into tests/.browser/ (once; about 20 s and 250 MB with their dependencies)."""
    missing = missing_packages()
    if not missing:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is missing: the browser tests serve the CDN scripts from npm packages")
    ASSETS.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(ASSETS), "--no-save", "--no-package-lock", "--ignore-scripts",
                    "--no-audit", "--no-fund", *[f"{n}@{v}" for n, v in PACKAGES.items()]], check=True)
    still = missing_packages()
    if still:
        raise RuntimeError(f"npm install did not provide {still}")


def cdn_file(url: str) -> Path | None:
    """The installed file that answers a CDN URL, or None when no installed package has it."""
    url = url.split("?")[0].split("#")[0]
    if url in FIXED:
        package, path = FIXED[url]
        return NODE_MODULES / package / path
    match = NPM_CDN.match(url)
    if not match:
        return None
    package, _range, path = match.groups()
    root = NODE_MODULES / package
    if not root.is_dir():
        return None
    if not path or path == "/":
        manifest = json.loads((root / "package.json").read_text())
        path = "/" + (manifest.get("browser") if isinstance(manifest.get("browser"), str) else
                      manifest.get("main", "index.js"))
    file = (root / path.lstrip("/")).resolve()
    return file if file.is_file() and root.resolve() in file.parents else None


def site_file(url: str) -> Path | None:
    """The file of _build/html that answers a URL on the made-up host (directories give index.html)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    file = (SITE / path).resolve()
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() and (file == SITE.resolve() or SITE.resolve() in file.parents) else None


def content_type(file: Path) -> str:
    return mimetypes.guess_type(file.name)[0] or "application/octet-stream"


class Router:
    """page.route handler: the book from _build/html, CDN scripts from npm packages, nothing else.

    Keeps lists of what it answered from npm, what was missing on the book's host, and what it aborted, so a
    test can report them.
    """

    def __init__(self):
        self.served_cdn: list[str] = []
        self.not_found: list[str] = []
        self.aborted: list[str] = []

    def __call__(self, route):
        url = route.request.url
        if url.startswith(HOST):
            file = site_file(url)
            if file is None:
                self.not_found.append(url)
                return route.fulfill(status=404, body="not found", content_type="text/plain")
            return route.fulfill(status=200, body=file.read_bytes(), content_type=content_type(file))
        file = cdn_file(url)
        if file is not None:
            self.served_cdn.append(url)
            return route.fulfill(status=200, body=file.read_bytes(), content_type=content_type(file),
                                 headers={"Access-Control-Allow-Origin": "*"})
        self.aborted.append(url)
        return route.abort()


def site_required() -> bool:
    """MAKEMORE_REQUIRE_SITE=1 (set by .ci/run after building the book): a missing site fails, never skips."""
    return os.environ.get("MAKEMORE_REQUIRE_SITE") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip the test with the reason, or fail with it when the site is required."""
    import pytest

    if not condition:
        (pytest.fail if site_required() else pytest.skip)(reason)


def need_site() -> None:
    need((SITE / "index.html").exists(),
         f"no built book in {SITE}: run `jupyter-book build book/` first (MAKEMORE_REQUIRE_SITE=1 makes this fail)")


def built_pages() -> list[str]:
    """Every HTML page of the built site, as paths relative to _build/html (not the theme's _static files)."""
    if not SITE.is_dir():
        return []
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(SITE).parts))


def chapter_notebooks() -> list[Path]:
    """Every chapter notebook in book/ (NN_name.ipynb)."""
    return sorted((ROOT / "book").glob("*.ipynb"))


if __name__ == "__main__":
    install_packages()
    print(f"npm packages in {NODE_MODULES}: " + ", ".join(f"{n}@{installed_version(n)}" for n in PACKAGES))
    sys.exit(0)
