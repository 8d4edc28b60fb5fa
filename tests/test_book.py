"""Checks on the book's sources: the table of contents, notebooks without outputs, fresh outputs."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import fresh_outputs  # noqa: E402


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for entry in toc.get("chapters", []):
        files.append(entry["file"])
    return files


def test_book_toc_is_the_top_level_toc():
    assert (ROOT / "book" / "_toc.yml").resolve() == (ROOT / "_toc.yml").resolve()


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


def test_library_fingerprint_follows_its_files(tmp_path):
    for entry in fresh_outputs.WATCHED:
        src = ROOT / entry
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / entry)
    before = fresh_outputs.fingerprint(tmp_path)
    assert fresh_outputs.fingerprint(tmp_path) == before
    with open(tmp_path / "makemore_lib" / "plots.py", "a") as f:
        f.write("# an edit\n")
    assert fresh_outputs.fingerprint(tmp_path) != before


# The build mechanism end to end, on a tiny book laid out like this one: the real _config.yml and extension, a
# stand-in makemore_lib (no torch, so a kernel starts fast), one notebook that prints a value from it.
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def tiny_book(tmp_path, mark="one", cell="import makemore_lib\nprint('mark:', makemore_lib.MARK)"):
    (tmp_path / "book" / "_ext").mkdir(parents=True)
    for module in (ROOT / "book" / "_ext").glob("*.py"):
        shutil.copy(module, tmp_path / "book" / "_ext")
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
    (root / "makemore_lib" / "__init__.py").write_text(f"MARK = {mark!r}\n")


def build(root, *args):
    env = dict(os.environ, PYTHONPATH=str(root))  # the kernels import the stand-in makemore_lib
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
