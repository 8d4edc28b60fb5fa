"""How readers launch the book: the repository URL in one place, the Colab guard, Binder, the Pages workflow."""

import shlex
import shutil
import subprocess
import sys
import types

import nbformat
import pytest
import yaml
from IPython.core.inputtransformer2 import TransformerManager

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from tools import sync_repo_url  # noqa: E402

CHAPTERS = sync_repo_url.chapters()
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())


def guard_source(path) -> str:
    return sync_repo_url.guard_cell(nbformat.read(path, as_version=4)).source


# --- the repository URL, in one place ---------------------------------------------------------------------

def test_config_has_the_repository_and_launch_buttons():
    assert CONFIG["repository"]["url"].startswith("https://github.com/")
    buttons = CONFIG["launch_buttons"]
    assert buttons["notebook_interface"] == "jupyterlab"
    assert buttons["binderhub_url"] == "https://mybinder.org"
    assert buttons["colab_url"] == "https://colab.research.google.com"
    assert buttons["thebe"] is True
    assert CONFIG["html"].get("use_download_button", True) is not False


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_guard_installs_from_the_configured_repository(path):
    source = guard_source(path)
    assert sync_repo_url.guard_url(source) == sync_repo_url.repository_url(), (
        f"{path.name}: the Colab guard's URL differs from _config.yml: run `python -m tools.sync_repo_url`")
    assert "remove-cell" in sync_repo_url.guard_cell(nbformat.read(path, as_version=4)).metadata.get("tags", [])


def test_sync_rewrites_the_guard_url_and_nothing_else(tmp_path):
    shutil.copy(ROOT / "_config.yml", tmp_path)
    (tmp_path / "book").mkdir()
    chapter = tmp_path / "book" / "01_problem.ipynb"
    shutil.copy(CHAPTERS[0], chapter)
    original = chapter.read_text()
    config = tmp_path / "_config.yml"
    config.write_text(config.read_text().replace(CONFIG["repository"]["url"], "https://github.com/someone/fork/"))

    assert sync_repo_url.sync(tmp_path, check=True) == ["01_problem.ipynb"]
    assert chapter.read_text() == original  # --check writes nothing
    assert sync_repo_url.sync(tmp_path) == ["01_problem.ipynb"]
    assert sync_repo_url.guard_url(guard_source(chapter)) == "https://github.com/someone/fork"
    assert sync_repo_url.sync(tmp_path, check=True) == []
    changed = [(a, b) for a, b in zip(original.splitlines(), chapter.read_text().splitlines()) if a != b]
    assert len(changed) == 1 and "someone/fork" in changed[0][1]  # one line of the file, the URL

    shutil.copy(ROOT / "_config.yml", config)  # and back: byte for byte the committed notebook
    sync_repo_url.sync(tmp_path)
    assert chapter.read_text() == original


def test_sync_refuses_a_chapter_without_the_guard(tmp_path):
    shutil.copy(ROOT / "_config.yml", tmp_path)
    (tmp_path / "book").mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import torch")])
    nbformat.write(nb, tmp_path / "book" / "02_x.ipynb")
    with pytest.raises(ValueError, match="Colab guard"):
        sync_repo_url.sync(tmp_path, check=True)


# --- the Colab guard: pip install from the repository in Colab, and only there ----------------------------

def run_guard(source, monkeypatch, in_colab: bool) -> list:
    """Run a guard cell as IPython would (its `%pip` becomes a magic call); the installs it asks for."""
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    shell = types.SimpleNamespace(run_line_magic=lambda magic, line: calls.append((magic, line)))
    python = TransformerManager().transform_cell(source)
    exec(compile(python, "guard", "exec"), {"get_ipython": lambda: shell})
    return calls


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_guard_installs_in_colab(path, monkeypatch):
    calls = run_guard(guard_source(path), monkeypatch, in_colab=True)
    assert len(calls) == 1
    package = f"makemore-lib @ git+{sync_repo_url.repository_url()}"
    if calls[0][0] == "pip":  # CONTRIBUTING.md's cell: %pip install -q "makemore-lib @ git+<url>"
        command = shlex.split(calls[0][1])
        assert command[0] == "install" and package in command
        return
    (command,), kwargs = calls[0]
    assert command[:4] == [sys.executable, "-m", "pip", "install"]
    assert package in command
    assert kwargs.get("check") is True


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_guard_does_nothing_outside_colab(path, monkeypatch):
    assert run_guard(guard_source(path), monkeypatch, in_colab=False) == []


# --- Binder (repo2docker): CPU torch, one list of dependencies ---------------------------------------------
# repo2docker itself cannot run here (no Docker); these check the configuration's shape.

def requirement_lines(path):
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def test_binder_requirements_point_at_the_one_list_with_the_cpu_index():
    lines = requirement_lines(ROOT / "binder" / "requirements.txt")
    assert lines == ["--extra-index-url https://download.pytorch.org/whl/cpu", "-r ../requirements.txt"]
    # pip reads a nested -r relative to the file that names it
    assert (ROOT / "binder" / "../requirements.txt").resolve() == (ROOT / "requirements.txt").resolve()


def test_binder_environment():
    # repo2docker uses binder/ alone when it exists: nothing else in it may define another environment.
    files = {p.name for p in (ROOT / "binder").iterdir()}
    assert files <= {"requirements.txt", "runtime.txt", "postBuild", "apt.txt"}, files
    assert (ROOT / "binder" / "runtime.txt").read_text().strip().startswith("python-3.")
    main = requirement_lines(ROOT / "requirements.txt")
    assert "-e ." in main  # makemore_lib; repo2docker installs from the repository root, where `.` is
    assert any(line.startswith("ipywidgets") for line in main)  # brings jupyterlab_widgets for JupyterLab
    assert any(line.startswith("torch") for line in main)


# --- GitHub Actions: build (executing every chapter) and deploy to Pages -----------------------------------

def workflow():
    return yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())


def steps(job):
    return workflow()["jobs"][job]["steps"]


def test_workflow_builds_tests_and_deploys():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers
    build = steps("build")
    uses = [s.get("uses", "") for s in build]
    runs = "\n".join(s.get("run", "") for s in build)
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert "pip install -r requirements.txt" in runs
    assert "download.pytorch.org/whl/cpu" in str(flow["jobs"]["build"].get("env", {})) + runs
    assert "jupyter-book build book/" in runs and "-W" in runs
    assert runs.index("jupyter-book build") < runs.index("python -m pytest")  # browser tests see the new build
    assert flow["jobs"]["build"]["env"]["MAKEMORE_REQUIRE_SITE"] == "1"
    upload = [s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"] == "_build/html"

    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_workflow_never_serves_stale_outputs():
    execution = CONFIG["execute"]["execute_notebooks"]
    for job in workflow()["jobs"]:
        for step in steps(job):
            if step.get("uses", "").startswith("actions/cache@"):
                path, key = str(step["with"]["path"]), step["with"]["key"]
                if "_build" in path or "jupyter_cache" in path:
                    for watched in ("book/**", "makemore_lib/**", "requirements.txt"):
                        assert watched in key, f"an execution cache keyed without {watched} serves stale outputs"
                    assert "restore-keys" not in step["with"], "a partial key match restores stale outputs"
    assert execution in ("force", "cache")
