"""Never show outputs computed by an older makemore_lib.

Sphinx re-reads (and myst-nb re-executes) a notebook only when the notebook itself changed. The chapters'
outputs also depend on makemore_lib (its Python and JavaScript files) and on requirements.txt, which no
notebook contains. This extension fingerprints those files; when the fingerprint differs from the one stored
in Sphinx's environment at the last build, every notebook is marked outdated, so the build executes them all
again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ["makemore_lib", "requirements.txt", "pyproject.toml"]


def fingerprint(root: Path = ROOT) -> str:
    """sha256 over the names and bytes of every file the chapters' outputs depend on, besides the notebooks."""
    digest = hashlib.sha256()
    for entry in WATCHED:
        path = root / entry
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _outdated(app, env, added, changed, removed):
    current = fingerprint()
    stale = getattr(env, "makemore_fingerprint", None) != current
    env.makemore_fingerprint = current
    if not stale:
        return []
    notebooks = [doc for doc in env.found_docs if str(env.doc2path(doc)).endswith(".ipynb")]
    if added or changed or notebooks:
        app.verbosity >= 0 and print(f"[fresh_outputs] makemore_lib changed: re-executing {len(notebooks)} notebooks")
    return notebooks


def setup(app):
    app.connect("env-get-outdated", _outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
