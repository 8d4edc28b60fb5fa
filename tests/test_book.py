"""Checks on the book's sources: the table of contents, notebooks without outputs, fresh outputs."""

import json
import shutil
import sys

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
