"""Run every chapter as Colab would: a fresh environment, the project installed with a plain `pip install`.

Colab opens a chapter on its own, in an environment that already holds torch, numpy, matplotlib, ipywidgets and
ipykernel (and much else), without the repository. The chapter's Colab cell installs makemore_lib from the
repository there. This script builds the closest thing offline:

1. a fresh virtual environment holding only torch, numpy, matplotlib, ipywidgets and ipykernel;
2. a plain (not editable) ``pip install`` of the project, as the Colab cell's ``pip install "makemore-lib @
   git+<repository>"`` does: what pyproject.toml declares is all the chapters get (a missing dependency, or a
   file left out of the package, fails here);
3. every chapter executed top to bottom in that environment (nbclient), in an empty folder (no repository to
   import from), with ``MAKEMORE_NAMES`` set (Colab would download names.txt).

    python tools/simulate_colab.py                    # every book/*.ipynb
    python tools/simulate_colab.py some/chapter.ipynb  # only these
    python tools/simulate_colab.py --keep /tmp/colab   # keep (and reuse) the environment in that folder

Exits 1 when a chapter fails, with its error. torch comes from pip's configured indexes: set
PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu for the CPU build (as the Pages workflow does).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLAB_PACKAGES = ["numpy", "matplotlib", "ipywidgets", "ipykernel"]  # and torch, pinned as requirements.txt pins it
KERNEL = "colab-simulation"
# At the versions the book is tested with (requirements.lock, as constraints): what this checks is the package
# (its declared dependencies, its files), and CI must give the same answer next year. Colab's own versions move.
LOCKED = ["-c", str(ROOT / "requirements.lock")]


def torch_requirement(root: Path = ROOT) -> str:
    """requirements.txt's torch line (the book's pinned torch, as Colab holds one torch)."""
    for line in (root / "requirements.txt").read_text().splitlines():
        if line.strip().startswith("torch"):
            return line.split("#")[0].strip()
    return "torch"


def run(command: list[str], **kwargs) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def make_environment(folder: Path) -> Path:
    """The fresh environment with Colab's packages and the project; returns its python."""
    python = folder / "venv" / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    if python.exists():  # a kept environment: the project again, as it is now
        run([str(python), "-m", "pip", "uninstall", "-q", "-y", "makemore-lib"], env=env)
    else:
        run([sys.executable, "-m", "venv", str(folder / "venv")])
        # --no-compile: no byte-compiling torch's thousands of files at install (the kernel compiles what it imports)
        run([str(python), "-m", "pip", "install", "-q", "--no-compile", torch_requirement(), *COLAB_PACKAGES,
             *LOCKED], env=env)
    # not editable: the package as pip builds it from pyproject.toml (as the Colab cell's git+URL install does),
    # with the dependencies it declares; from a copy, as setuptools writes build/ into the folder it builds
    source = folder / "project"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "build", "node_modules",
                                                                 "*.egg-info", "__pycache__", ".browser"))
    run([str(python), "-m", "pip", "install", "-q", "--no-compile", str(source), *LOCKED], env=env)
    run([str(python), "-m", "ipykernel", "install", "--prefix", str(folder / "jupyter"), "--name", KERNEL], env=env)
    return python


def check_installed_copy(python: Path, cwd: Path) -> None:
    """makemore_lib must come from the environment, not from the repository's folder."""
    where = subprocess.run([str(python), "-c", "import makemore_lib; print(makemore_lib.__file__)"], cwd=cwd,
                           env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
                           capture_output=True, text=True, check=True).stdout.strip()
    if not where.startswith(str(python.parents[1])):
        raise SystemExit(f"makemore_lib imported from {where}, not from the fresh environment")
    print(f"makemore_lib: {where}")


def execute(chapter: Path, folder: Path, workdir: Path) -> str | None:
    """Execute one chapter in the simulated environment; its error, or None."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    nb = nbformat.read(chapter, as_version=4)
    specs = KernelSpecManager(kernel_dirs=[str(folder / "jupyter" / "share" / "jupyter" / "kernels")])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, resources={"metadata": {"path": str(workdir)}},
                            kernel_manager_class=_manager_with(specs, folder))
    try:
        client.execute(env=env)
    except Exception as err:  # a cell raised: nbclient's message holds the cell and the traceback
        return str(err)
    return None


def _manager_with(specs, folder: Path):
    """A kernel manager for the simulated environment's kernels, talking over unix sockets in ``folder`` (as the
    build's do: no warning that TCP is unencrypted in the log)."""
    from jupyter_client.manager import KernelManager

    class Manager(KernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(folder / f"kernel-{uuid.uuid4().hex[:12]}"))
            super().__init__(kernel_spec_manager=specs, **kwargs)

    return Manager


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("chapters", nargs="*", type=Path)
    parser.add_argument("--keep", type=Path, help="a folder for the environment, kept and reused")
    args = parser.parse_args(argv)
    chapters = args.chapters or sorted((ROOT / "book").glob("*.ipynb"))
    if not os.environ.get("MAKEMORE_NAMES"):
        print("MAKEMORE_NAMES is not set: the chapters would download names.txt (set it to a copy)")
    with tempfile.TemporaryDirectory(prefix="colab-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        python = make_environment(folder)
        workdir = Path(temp) / "content"  # Colab's working folder: empty, no repository
        workdir.mkdir()
        check_installed_copy(python, workdir)
        failed = []
        for chapter in chapters:
            start = time.perf_counter()
            error = execute(chapter, folder, workdir)
            print(f"{chapter.name}: {'FAILED' if error else 'ok'} ({time.perf_counter() - start:.1f} s)", flush=True)
            if error:
                failed.append(chapter.name)
                print(error, flush=True)
    if failed:
        print(f"failed as in Colab: {', '.join(failed)}")
        return 1
    print(f"all {len(chapters)} chapters ran top to bottom in the simulated Colab environment")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
