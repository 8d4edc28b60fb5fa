import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import compare_builds  # noqa: E402


def notebook(text, model_id, tags=()):
    return {"cells": [{"cell_type": "code", "metadata": {"tags": list(tags)}, "outputs": [
        {"output_type": "stream", "name": "stdout", "text": text},
        {"output_type": "display_data", "data": {"application/vnd.jupyter.widget-view+json": {"model_id": model_id},
                                                 "text/plain": "VBox()"}}]}],
            "metadata": {"widgets": {"application/vnd.jupyter.widget-state+json": {
                "state": {model_id: {"state": {"children": [f"IPY_MODEL_{model_id}"]}}}}}}}


def write(folder, name, nb):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(nb))


def test_widget_ids_may_differ(tmp_path):
    write(tmp_path / "a", "ch.ipynb", notebook("loss 2.4540\n", "a" * 32))
    write(tmp_path / "b", "ch.ipynb", notebook("loss 2.4540\n", "b" * 32))
    assert compare_builds.compare(tmp_path / "a", tmp_path / "b") == []


def test_text_differences_are_reported(tmp_path):
    write(tmp_path / "a", "ch.ipynb", notebook("loss 2.4540\n", "a" * 32))
    write(tmp_path / "b", "ch.ipynb", notebook("loss 2.4541\n", "a" * 32))
    problems = compare_builds.compare(tmp_path / "a", tmp_path / "b")
    assert len(problems) == 1 and "2.4541" in problems[0]
    assert compare_builds.main([str(tmp_path / "a"), str(tmp_path / "b")]) == 1


def test_timing_cells_are_ignored_and_missing_chapters_reported(tmp_path):
    write(tmp_path / "a", "ch.ipynb", notebook("took 3.1 ms\n", "a" * 32, tags=["timing"]))
    write(tmp_path / "b", "ch.ipynb", notebook("took 2.7 ms\n", "a" * 32, tags=["timing"]))
    assert compare_builds.compare(tmp_path / "a", tmp_path / "b") == []
    write(tmp_path / "b", "extra.ipynb", notebook("x", "a" * 32))
    assert any("only in" in p for p in compare_builds.compare(tmp_path / "a", tmp_path / "b"))
