"""Write _config.yml's repository.url into every chapter's Colab guard cell.

The repository URL lives in one place, `repository.url` in _config.yml. Each chapter's first code cell (the
Colab guard) installs makemore_lib from that repository with pip, so it needs the URL too: this script rewrites
it there. tests/test_launch.py fails when a chapter and _config.yml disagree.

    python -m tools.sync_repo_url            # rewrite the guard cells
    python -m tools.sync_repo_url --check    # only report; exit 1 when a chapter disagrees
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
GUARD_MARK = '"google.colab" in sys.modules'
INSTALL = re.compile(r"(makemore-lib @ git\+)([^\"'\s]+)")


def repository_url(root: Path = ROOT) -> str:
    """repository.url from _config.yml, without a trailing slash or .git."""
    url = yaml.safe_load((root / "_config.yml").read_text())["repository"]["url"]
    return url.rstrip("/").removesuffix(".git")


def chapters(root: Path = ROOT) -> list[Path]:
    return sorted((root / "book").glob("*.ipynb"))


def guard_cell(nb) -> dict:
    """The chapter's first code cell, which must be the Colab guard."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if not code or GUARD_MARK not in code[0].source:
        raise ValueError("the first code cell is not the Colab guard (copy it from book/01_problem.ipynb)")
    return code[0]


def guard_url(source: str) -> str:
    """The repository URL the guard cell installs from."""
    match = INSTALL.search(source)
    if not match:
        raise ValueError("the Colab guard has no `makemore-lib @ git+<url>` to install")
    return match.group(2)


def sync(root: Path = ROOT, check: bool = False) -> list[str]:
    """Rewrite (or with check=True only list) the chapters whose guard URL differs from _config.yml's."""
    url = repository_url(root)
    stale = []
    for path in chapters(root):
        nb = nbformat.read(path, as_version=4)
        cell = guard_cell(nb)
        if guard_url(cell.source) != url:
            stale.append(path.name)
            if not check:
                cell.source = INSTALL.sub(lambda m: m.group(1) + url, cell.source)
                nbformat.write(nb, path)
    return stale


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = sync(check=check)
    verb = "differ from" if check else "now install from"
    for name in stale:
        print(f"{name}: guard cell URL {verb} {repository_url()}")
    if not stale:
        print(f"every chapter's guard cell installs from {repository_url()}")
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
