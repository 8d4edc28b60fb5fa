"""Checks on the book's sources: the table of contents, notebooks without outputs, fresh outputs."""

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "site" / "ext"))
import fresh_outputs  # noqa: E402


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for entry in toc.get("chapters", []):
        files.append(entry["file"])
    return files


def test_book_toc_is_the_top_level_toc():
    assert (ROOT / "book" / "_toc.yml").resolve() == (ROOT / "_toc.yml").resolve()


def test_the_readers_folder_holds_what_readers_open():
    """book/ is what `jupyter lab book/` and Binder show: chapters, the introduction, the table of contents (which
    `jupyter-book build book/` reads there); the site's build machinery lives in site/."""
    extra = [p.name for p in (ROOT / "book").iterdir()
             if p.suffix not in (".ipynb", ".md") and p.name not in ("_toc.yml", "_build", ".ipynb_checkpoints")]
    assert extra == [], f"book/ holds build machinery: {extra}"


def test_every_toc_entry_exists_and_chapters_are_notebooks():
    for name in toc_files():
        matches = list((ROOT / "book").glob(name + ".*"))
        assert matches, f"{name} in _toc.yml has no file in book/"
    chapters = toc_files()[1:]
    assert all((ROOT / "book" / f"{c}.ipynb").exists() for c in chapters)


def test_notebooks_are_committed_without_outputs():
    for nb_path in (ROOT / "book").glob("*.ipynb"):
        nb = json.loads(nb_path.read_text())
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs", []) == [], f"{nb_path.name} has outputs"
                assert cell.get("execution_count") is None, f"{nb_path.name} has execution counts"


def copy_watched(root):
    for entry in fresh_outputs.WATCHED:
        src = ROOT / entry
        (root / entry).parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, root / entry)
    return root


# Each file whose edit changes a chapter's outputs, besides the chapter: a Python module and a widget's
# JavaScript (both embedded in the outputs), the installed versions, the book's configuration, the extension
# that executes the chapters. A fingerprint that left one out would leave stale outputs in the site.
OUTPUT_CHANGING = ["makemore_lib/__init__.py", "makemore_lib/js/src/maths.js", "requirements.txt", "requirements.lock",
                   "pyproject.toml", "_config.yml", "site/ext/fresh_outputs.py", "site/ext/warm_kernels.py"]


@pytest.mark.parametrize("edited", OUTPUT_CHANGING)
def test_the_fingerprint_changes_with_every_file_that_changes_outputs(tmp_path, edited):
    root = copy_watched(tmp_path)
    before = fresh_outputs.fingerprint(root)
    assert (root / edited).is_file(), f"{edited} does not exist: appending would create it"
    with open(root / edited, "a") as f:
        f.write("\n")
    assert fresh_outputs.fingerprint(root) != before


def test_the_fingerprint_changes_with_the_dataset(tmp_path):
    """Another names file (another MAKEMORE_NAMES, or the same path with other bytes) is another fingerprint; the
    same bytes elsewhere are not."""
    few, other, copy = tmp_path / "few.txt", tmp_path / "other.txt", tmp_path / "copy.txt"
    few.write_text("emma\nolivia\nava\n")
    other.write_text("emma\nolivia\nava\nzoe\n")
    copy.write_bytes(few.read_bytes())
    prints = {name: fresh_outputs.fingerprint(ROOT, {"MAKEMORE_NAMES": str(path)})
              for name, path in [("few", few), ("other", other), ("copy", copy)]}
    assert prints["few"] != prints["other"] and prints["few"] == prints["copy"]
    assert fresh_outputs.fingerprint(ROOT, {}) not in prints.values()  # unset: the library's checked download
    few.write_text("emma\n")
    assert fresh_outputs.fingerprint(ROOT, {"MAKEMORE_NAMES": str(few)}) != prints["few"]


# The packages that compute, draw, run or render the outputs; an upgrade of any one re-executes the chapters.
VERSION_CHANGING = ["torch", "numpy", "matplotlib", "myst-nb", "ipykernel", "anywidget", "jupyter-book", "sphinx",
                    "sphinx-book-theme", "pydata-sphinx-theme"]


@pytest.mark.parametrize("package", VERSION_CHANGING)
def test_the_fingerprint_changes_with_an_installed_version(monkeypatch, package):
    environ = {"MAKEMORE_NAMES": "/nonexistent"}
    before = fresh_outputs.fingerprint(ROOT, environ)
    real = fresh_outputs.installed_version
    assert real(package) != "absent", f"{package} is not installed: the fingerprint would not see its upgrades"
    monkeypatch.setattr(fresh_outputs, "installed_version", lambda p: "0.0.1" if p == package else real(p))
    assert fresh_outputs.fingerprint(ROOT, environ) != before


def test_the_fingerprint_ignores_what_does_not_change_outputs(tmp_path):
    root = copy_watched(tmp_path)
    before = fresh_outputs.fingerprint(root)
    (root / "makemore_lib" / "__pycache__").mkdir()
    (root / "makemore_lib" / "__pycache__" / "x.pyc").write_bytes(b"bytecode")  # written by every import
    (root / "README.md").write_text("prose")
    assert fresh_outputs.fingerprint(root) == before
    (root / "makemore_lib" / "__init__.py").rename(root / "makemore_lib" / "renamed.py")  # same bytes, new name
    assert fresh_outputs.fingerprint(root) != before


# The build mechanism end to end, on a tiny book laid out like this one: the real _config.yml and extension, a
# stand-in makemore_lib (no torch, so a kernel starts fast), one notebook that prints a value from it.
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def tiny_book(tmp_path, mark="one", cell="import makemore_lib\nprint('mark:', makemore_lib.MARK)"):
    # the site's build as in this repository: the extensions (and the maths typesetter's script), static files
    shutil.copytree(ROOT / "site", tmp_path / "site", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "book").mkdir()
    for name in ("_config.yml", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapter\n")
    (tmp_path / "book" / "_toc.yml").symlink_to("../_toc.yml")
    (tmp_path / "book" / "intro.md").write_text("# Tiny book\n\nA test of the build.\n")
    (tmp_path / "makemore_lib").mkdir()
    set_mark(tmp_path, mark)
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                          "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Chapter"), nbformat.v4.new_code_cell(cell)]
    nbformat.write(nb, tmp_path / "book" / "chapter.ipynb")
    return tmp_path


def set_mark(root, mark):
    # load_names: the stand-in for the dataset check the real _config.yml asks for before executing
    (root / "makemore_lib" / "__init__.py").write_text(f"MARK = {mark!r}\n\ndef load_names():\n    return []\n")


def build(root, *args, **environ):
    env = dict(os.environ, PYTHONPATH=str(root), **environ)  # the kernels import the stand-in makemore_lib
    return subprocess.run([str(JUPYTER_BOOK), "build", "book/", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def page(root):
    return (root / "_build" / "html" / "chapter.html").read_text()


def executed_text(root):
    """What the executed chapter in _build/jupyter_execute printed (tests/test_chapters.py reads it there)."""
    nb = nbformat.read(root / "_build" / "jupyter_execute" / "chapter.ipynb", as_version=4)
    return "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))


def test_a_library_edit_re_executes_the_notebooks_and_nothing_else_does(tmp_path):
    # a pause longer than the kernel's flush interval (0.2 s) sends the printed lines in two messages
    root = tiny_book(tmp_path, cell="import time, makemore_lib\nprint('mark:', makemore_lib.MARK)\n"
                                    "time.sleep(0.5)\nprint('after a pause')")
    first = build(root, "-W")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "mark: one" in page(root)
    assert "[fresh_outputs] executed chapter" in first.stdout
    assert "without encryption" not in first.stdout + first.stderr  # the warm kernels talk over IPC, not TCP
    assert "Using cached notebook" in first.stdout  # myst-nb took the parallel run's outputs, did not execute
    assert "mark: one" in executed_text(root)  # myst-nb alone would write it there without outputs
    outputs = nbformat.read(root / "_build" / "jupyter_execute" / "chapter.ipynb", as_version=4).cells[1].outputs
    assert len(outputs) == 1, "the cell's printed lines are one output, however the kernel sent them"

    again = build(root, "-W")  # nothing changed: nothing is read or executed
    assert again.returncode == 0 and "[fresh_outputs] execut" not in again.stdout

    set_mark(root, "two")  # a library edit: the notebook is executed again, with the new library
    edited = build(root, "-W")
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert "[fresh_outputs] executed chapter" in edited.stdout
    assert "mark: two" in page(root) and "mark: one" not in page(root)
    assert "mark: two" in executed_text(root) and "mark: one" not in executed_text(root)
    caches = list((root / "_build" / ".jupyter_cache").glob("lib-*"))
    assert [c.name for c in caches] == [fresh_outputs.cache_folder(Path(), fresh_outputs.fingerprint(root)).name]

    names = root / "other-names.txt"  # another dataset: executed again (the notebook and the library unchanged)
    names.write_text("emma\nolivia\n")
    other = build(root, "-W", MAKEMORE_NAMES=str(names))
    assert other.returncode == 0, other.stdout + other.stderr
    assert "[fresh_outputs] executed chapter" in other.stdout
    again = build(root, "-W", MAKEMORE_NAMES=str(names))
    assert again.returncode == 0 and "[fresh_outputs] execut" not in again.stdout


def test_an_execution_error_fails_the_build(tmp_path):
    root = tiny_book(tmp_path, cell="raise ValueError('a chapter that raises')")
    for args in (["-W"], []):  # with warnings as errors, and as a reader types it
        result = build(root, *args)
        assert result.returncode != 0
        assert "a chapter that raises" in result.stdout + result.stderr


def test_widget_state_is_embedded_in_the_page(tmp_path):
    root = tiny_book(tmp_path, cell="import ipywidgets\nipywidgets.IntSlider(value=7, description='k')")
    result = build(root, "-W")
    assert result.returncode == 0, result.stdout + result.stderr
    html = page(root)
    assert "application/vnd.jupyter.widget-state+json" in html and '"description": "k"' in html


def test_a_warm_kernel_is_fresh_and_in_the_notebooks_folder(tmp_path):
    import warm_kernels
    from nbclient import NotebookClient

    code = ("import os, sys\nprint(os.getcwd(), os.environ['WARM_TEST'], 'torch' in sys.modules, "
            "'makemore_lib' in sys.modules, 'chapter_var' in globals())")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)],
                                  metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    server = warm_kernels.Server(tmp_path, ["torch"], dict(os.environ))
    try:
        manager = fresh_outputs._warm_manager(server)
        NotebookClient(nb, kernel_manager_class=manager, shutdown_kernel="immediate",
                       resources={"metadata": {"path": str(tmp_path)}}).execute(env=dict(os.environ, WARM_TEST="yes"))
    finally:
        server.close()
    # forked after importing torch, nothing else: the library and the chapter's names are not there yet
    assert nb.cells[0].outputs[0]["text"].split() == [str(tmp_path), "yes", "True", "False", "False"]


def test_a_missing_preload_module_falls_back_to_plain_kernels_without_failing_a_strict_build(tmp_path):
    root = tiny_book(tmp_path)
    config = root / "_config.yml"
    config.write_text(config.read_text().replace("fresh_outputs_preload: [torch, matplotlib.pyplot]",
                                                 "fresh_outputs_preload: [no_such_module_here]"))
    result = build(root, "-W")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no warm kernels" in result.stdout and "mark: one" in page(root)


def kernel_command(tmp_path, python: str) -> list[str]:
    """The command the warm manager gives for a kernelspec running ``python -m ipykernel_launcher``."""
    import warm_kernels
    from jupyter_client.kernelspec import KernelSpecManager

    spec = tmp_path / "kernels" / "k"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": [python, "-m", "ipykernel_launcher", "-f",
                                                           "{connection_file}"], "display_name": "k",
                                                  "language": "python"}))
    server = types.SimpleNamespace(launch_args=lambda: [warm_kernels.__file__, "launch", "SOCKET"],
                                   path=str(tmp_path / "kernels.sock"))
    manager = fresh_outputs._warm_manager(server)(
        kernel_name="k", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec.parent)]),
        connection_file=str(tmp_path / "c.json"))
    return manager.format_kernel_cmd()


def test_warm_kernels_side_by_side_use_their_own_ipc_sockets(tmp_path):
    server = types.SimpleNamespace(launch_args=lambda: [], path=str(tmp_path / "kernels.sock"))
    managers = [fresh_outputs._warm_manager(server)() for _ in range(2)]
    assert {m.transport for m in managers} == {"ipc"}
    assert managers[0].ip != managers[1].ip and all(m.ip.startswith(str(tmp_path)) for m in managers)


def test_a_warm_kernel_keeps_the_kernelspecs_python(tmp_path):
    import warm_kernels

    ours = kernel_command(tmp_path, sys.executable)
    assert ours == [sys.executable, warm_kernels.__file__, "launch", "SOCKET", "-f", str(tmp_path / "c.json")]
    other = shutil.which("python3", path="/usr/bin") or "/opt/another/python"  # another environment's python
    assert kernel_command(tmp_path / "2", other)[:3] == [other, "-m", "ipykernel_launcher"]  # started as usual


# Offline, without names.txt: the build says once what to do, and stops before executing anything.

def offline_build(tmp_path, **env):
    root = tiny_book(tmp_path)
    shutil.rmtree(root / "makemore_lib")  # the real library and its loader this time
    shutil.copytree(ROOT / "makemore_lib", root / "makemore_lib", ignore=shutil.ignore_patterns("__pycache__"))
    clean = {k: v for k, v in os.environ.items() if k != "MAKEMORE_NAMES"}
    proxy = "http://127.0.0.1:9"  # nothing listens there: every download fails at once, as offline
    return subprocess.run([str(JUPYTER_BOOK), "build", "book/", "-W"], cwd=root, capture_output=True, text=True,
                          timeout=300, env=dict(clean, PYTHONPATH=str(root), MAKEMORE_CACHE=str(tmp_path / "cache"),
                                                HTTPS_PROXY=proxy, https_proxy=proxy, NO_PROXY="", no_proxy="",
                                                **env))


def test_an_offline_build_without_the_dataset_says_what_to_do_once_and_stops(tmp_path):
    result = offline_build(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count("could not download names.txt") == 1 and output.count("MAKEMORE_NAMES") == 1
    assert "[fresh_outputs] executing" not in output and "Traceback" not in output
    assert len(output.splitlines()) < 80, output  # not buried: the message is most of what is printed


def test_a_wrong_makemore_names_is_named_and_stops_the_build(tmp_path):
    result = offline_build(tmp_path, MAKEMORE_NAMES=str(tmp_path / "missing.txt"))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert output.count(f"{tmp_path / 'missing.txt'} does not exist") == 1
