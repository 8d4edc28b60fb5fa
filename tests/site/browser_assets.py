"""What the browser tests and the site benchmark share: serving the built book offline, and measuring a page.

The built pages are served from _build/html at a made-up host (http://book.test/) by Playwright routing. The
site needs nothing from anywhere else, so every other request is aborted and recorded: a page that asks for
one fails its test. There are no CDN stand-ins.

    python tests/site/browser_assets.py [PAGE ...]     # weight and time to interactive of each page (or every page)
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
ASSETS = ROOT / "tests" / ".browser"
SCREENSHOTS = ASSETS / "screenshots"
HOST = "http://book.test/"
CHROMIUM = os.environ.get("MAKEMORE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".woff": "font/woff", ".woff2": "font/woff2"}
# Recorded by an init script in every page: long main-thread tasks, and when the load event ended.
PERF_SCRIPT = """window.__longTasks = [];
try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
        .observe({ type: "longtask", buffered: true }); } catch (e) {}"""


def site_file(url: str, site: Path = SITE) -> Path | None:
    """The file of the built site that answers a URL on the made-up host (directories give index.html)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    root = site.resolve()
    file = (root / path).resolve()
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() and (file == root or root in file.parents) else None


def content_type(file: Path) -> str:
    return TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"


def compressed_size(body: bytes) -> int:
    """Bytes on the wire with gzip (level 6, as web servers use), or as is when gzip does not make it smaller."""
    return min(len(body), len(gzip.compress(body, 6)))


class Router:
    """page.route handler: the book from the built site, nothing else.

    Records what it served (the file of each URL), what was missing on the book's host, and every request for
    another host, which it aborts. Sizes are compressed in ``weight()``, after the page loaded: gzip while the
    page loads would take CPU from the browser and lengthen the very tasks the benchmark measures.
    """

    def __init__(self, site: Path = SITE):
        self.site = site
        self.served: dict[str, Path] = {}
        self.not_found: list[str] = []
        self.aborted: list[str] = []

    def __call__(self, route):
        url = route.request.url
        if url.startswith("blob:") or url.startswith("data:"):
            return route.continue_()
        if not url.startswith(HOST):
            self.aborted.append(url)
            return route.abort()
        file = site_file(url, self.site)
        if file is None:
            self.not_found.append(url)
            return route.fulfill(status=404, body="not found", content_type="text/plain")
        self.served[url] = file
        return route.fulfill(status=200, body=file.read_bytes(), content_type=content_type(file))

    def weight(self) -> int:
        """Compressed bytes of everything the page loaded from the site."""
        return sum(compressed_size(file.read_bytes()) for file in self.served.values())


class Visit:
    """One page opened in a fresh browser context (an empty cache: a first visit), with what it logged."""

    def __init__(self, browser, path: str, width: int = 1280, height: int = 900, dark: bool = False,
                 site: Path = SITE, scripts: bool = True, init_script: str | None = None, router: Router | None = None,
                 chosen: bool = True):
        self.path = path
        self.context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=scripts,
                                           color_scheme="dark" if dark else "light")
        if dark and chosen:  # what the theme's switch stores when a reader picks dark (chosen=False: the system's)
            self.context.add_init_script("localStorage.setItem('mode','dark'); localStorage.setItem('theme','dark')")
        self.context.add_init_script(PERF_SCRIPT)
        if init_script:
            self.context.add_init_script(init_script)
        self.router = router or Router(site)
        self.context.route("**/*", self.router)
        self.page = self.context.new_page()
        self.messages: list[tuple[str, str, str | None]] = []
        self.page.on("console", lambda m: self.messages.append((m.type, m.text, m.location.get("url"))))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e), None)))
        self.pending: set[str] = set()
        self.page.on("request", lambda r: self.pending.add(r.url))
        self.page.on("requestfinished", lambda r: self.pending.discard(r.url))
        self.page.on("requestfailed", lambda r: self.pending.discard(r.url))
        self.page.goto(HOST + path, wait_until="load")

    def settle(self, timeout_ms: float = 15_000) -> None:
        """Wait until the page's fonts and images are in and no request is open (quiet for 300 ms)."""
        self.page.evaluate("document.fonts.ready.then(() => true)")
        self.page.wait_for_function("[...document.images].every((i) => i.complete)", timeout=timeout_ms)
        quiet, waited = 0, 0
        while quiet < 300 and waited < timeout_ms:
            self.page.wait_for_timeout(50)
            waited += 50
            quiet = quiet + 50 if not self.unanswered() else 0

    def unanswered(self) -> set[str]:
        """Requests of the page still open that the router never answered (an answered request whose finish the
        browser did not report, like MathJax's font probe removed mid-flight, is not the site's to answer)."""
        router = self.router
        return {url for url in self.pending if url.startswith(HOST)
                and url not in router.served and url not in router.not_found}

    def views(self) -> int:
        return self.page.locator(VIEW).count()

    def wait_for_widgets(self, timeout: float = 30_000) -> str:
        """Wait for the widget host to settle every view; 'ready', 'failed', or 'none' (no widget on the page)."""
        if not self.views():
            return "none"
        self.page.wait_for_function("document.documentElement.dataset.widgets", timeout=timeout)
        return self.page.evaluate("document.documentElement.dataset.widgets")

    def timing(self) -> dict:
        """ms from the load event's end to the widgets being interactive, and the longest main-thread task."""
        return self.page.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const ready = window.widgetHost ? window.widgetHost.readyAt : null;
            return { load_ms: nav.loadEventEnd, interactive_ms: ready === null ? null : Math.max(0, ready - nav.loadEventEnd),
                     longest_task_ms: Math.max(0, ...window.__longTasks) }; }""")

    def errors(self) -> list[tuple[str, str, str | None]]:
        return [m for m in self.messages if m[0] in ("error", "pageerror")]

    def close(self):
        self.context.close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def measure(browser, path: str, site: Path = SITE) -> dict:
    """Weight (compressed, every resource), time to interactive and longest task of one page, first visit."""
    visit = Visit(browser, path, site=site)
    try:
        try:
            state = visit.wait_for_widgets(timeout=15_000)
        except Exception:  # a site without this book's widget host (an older build): its widgets never settle
            state = "never"
        visit.settle()
        return {"page": path, "widgets": visit.views(), "widget_state": state, "bytes": visit.router.weight(),
                "requests": len(visit.router.served), **visit.timing(), "errors": len(visit.errors()),
                "other_hosts": len(visit.router.aborted), "missing": len(visit.router.not_found)}
    finally:
        visit.close()


def site_required() -> bool:
    """CI=true or MAKEMORE_REQUIRE_SITE=1 (set by .ci/run after building the book): a missing site or browser
    fails, never skips."""
    return os.environ.get("MAKEMORE_REQUIRE_SITE") == "1" or os.environ.get("CI") == "true"


def need(condition: bool, reason: str) -> None:
    """Skip the test with the reason, or fail with it when the site is required."""
    if not condition:
        (pytest.fail if site_required() else pytest.skip)(reason)


def need_site() -> None:
    need((SITE / "index.html").exists(),
         f"no built book in {SITE}: run `jupyter-book build book/` first (MAKEMORE_REQUIRE_SITE=1 makes this fail)")


def need_chromium() -> None:
    need(Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium; MAKEMORE_CHROMIUM "
                                  "names another; CI=true or MAKEMORE_REQUIRE_SITE=1 makes this fail)")


def built_pages(site: Path = SITE) -> list[str]:
    """Every HTML page of the built site, as paths relative to it (not the theme's _static files)."""
    if not site.is_dir():
        return []
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(site).parts))


def redirect_target(path: str, site: Path = SITE) -> str | None:
    """The page an HTML redirect (index.html -> intro.html) points at, or None."""
    match = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', (site / path).read_text(errors="replace"),
                      re.I)
    return match.group(1) if match else None


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium over the built site, one per test module (tests name it as an argument)."""
    need_site()
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


def chapter_notebooks() -> list[Path]:
    """Every chapter notebook in book/ (NN_name.ipynb)."""
    return sorted((ROOT / "book").glob("*.ipynb"))


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    pages = sys.argv[1:] or built_pages()
    if not pages:  # .ci/run used to call this before the build, to install npm packages: nothing is needed now
        print(f"no built book in {SITE}, nothing to measure (the browser tests need no npm packages)")
        sys.exit(0)
    with sync_playwright() as p:
        browser = launch(p)
        for page in pages:
            print(measure(browser, page))
        browser.close()
