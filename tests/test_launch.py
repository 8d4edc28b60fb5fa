"""How readers launch the book: the repository URL in one place, the Colab cell, Binder, the Pages workflow."""

import re
import sys
import types

import nbformat
import pytest
import yaml

from conftest import ROOT

CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPOSITORY = CONFIG["repository"]["url"].rstrip("/").removesuffix(".git")


def test_config_has_the_repository_and_launch_buttons():
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", REPOSITORY), REPOSITORY
    assert CONFIG["repository"]["path_to_book"] == "book"  # launch links are <repository>/<path_to_book>/<chapter>
    buttons = CONFIG["launch_buttons"]
    assert buttons["notebook_interface"] == "jupyterlab"
    assert buttons["binderhub_url"] == "https://mybinder.org"
    assert buttons["colab_url"] == "https://colab.research.google.com"
    assert CONFIG["html"].get("use_download_button", True) is not False


# --- the Colab cell: written once in CONTRIBUTING.md, the same in every chapter -----------------------------

def contributing_colab_cell() -> str:
    """The Colab cell as CONTRIBUTING.md writes it: the Python block after 'The Colab cell'."""
    text = (ROOT / "CONTRIBUTING.md").read_text()
    after = text[text.index("The Colab cell"):]
    block = re.search(r"```python\n(.*?)```", after, re.S)
    return "\n".join(line.removeprefix("   ") for line in block.group(1).splitlines()).strip()


def first_code_cell(path):
    return next(cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def test_the_colab_cell_installs_from_the_configured_repository():
    assert f'"makemore-lib @ git+{REPOSITORY}"' in contributing_colab_cell(), (
        "CONTRIBUTING.md's Colab cell must install from _config.yml's repository.url (a fork changes both)")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_chapter_starts_with_the_colab_cell(path):
    cell = first_code_cell(path)
    assert cell.source.strip() == contributing_colab_cell(), (
        f"{path.name}: the first code cell must be CONTRIBUTING.md's Colab cell, character for character")
    assert "remove-cell" in cell.metadata.get("tags", [])  # the site hides it


def run_colab_cell(monkeypatch, in_colab: bool) -> list[tuple[str, str]]:
    """Run the cell as IPython would (its %pip turned into a magic call) and return the magics it called."""
    from IPython.core.inputtransformer2 import TransformerManager

    calls = []
    shell = types.SimpleNamespace(run_line_magic=lambda name, line: calls.append((name, line)))
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    python = TransformerManager().transform_cell(contributing_colab_cell())
    exec(compile(python, "colab-cell", "exec"), {"get_ipython": lambda: shell})
    return calls


def test_the_colab_cell_installs_the_library_in_colab(monkeypatch):
    assert run_colab_cell(monkeypatch, in_colab=True) == [("pip", f'install -q "makemore-lib @ git+{REPOSITORY}"')]


def test_the_colab_cell_does_nothing_elsewhere(monkeypatch, capsys):
    assert run_colab_cell(monkeypatch, in_colab=False) == []
    assert capsys.readouterr().out == ""  # the book's torch: nothing to say


def test_the_colab_cell_names_the_torch_that_requirements_pins():
    from test_dependencies import torch_pin

    version = torch_pin().removeprefix("torch==")
    assert f'!= "{version}"' in contributing_colab_cell() and f"{version} in the book" in contributing_colab_cell()


@pytest.mark.parametrize("version", ["2.6.0", "2.14.1+cu126"])
def test_the_colab_cell_says_in_one_line_when_torch_is_not_the_books(monkeypatch, capsys, version):
    import torch

    monkeypatch.setattr(torch, "__version__", version)
    run_colab_cell(monkeypatch, in_colab=True)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and version in out and "names may differ" in out and "appendix on versions" in out


# --- Binder (repo2docker) -------------------------------------------------------------------------------------
# repo2docker cannot run here (no Docker). It uses binder/ alone when that folder exists, runs pip from the
# repository root with binder/requirements.txt, and opens the interface the launch link names.

def requirement_lines(path) -> list[str]:
    return [line.split(" #")[0].strip() for line in path.read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_binder_installs_the_one_list_with_cpu_torch():
    lines = requirement_lines(ROOT / "binder" / "requirements.txt")
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in lines  # torch==X matches X+cpu, preferred
    nested = [line.split()[1] for line in lines if line.startswith("-r ")]
    assert nested == ["../requirements.txt"]  # pip reads -r relative to the file naming it: the root list
    main = requirement_lines(ROOT / "binder" / nested[0])
    # `-e .` is relative to pip's working directory, the repository root for repo2docker: the library
    assert "-e ." in main and (ROOT / "pyproject.toml").is_file()
    assert any(line.startswith("jupyterlab") for line in main)  # the interface the launch button opens
    assert any(line.startswith("torch==") for line in main)


def test_binder_defines_one_environment_with_the_python_the_book_needs():
    files = {p.name for p in (ROOT / "binder").iterdir()}
    # another environment file (environment.yml, Pipfile, setup.py...) would win over requirements.txt
    assert files <= {"requirements.txt", "runtime.txt", "postBuild", "apt.txt", "start"}, files
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    version = tuple(int(x) for x in re.fullmatch(r"python-(\d+)\.(\d+)", runtime).groups())
    pyproject = (ROOT / "pyproject.toml").read_text()
    minimum = tuple(int(x) for x in re.search(r'requires-python = ">=(\d+)\.(\d+)"', pyproject).groups())
    assert version >= minimum


def test_binder_links_open_the_chapter_in_jupyterlab():
    site = ROOT / "_build" / "html"
    if not (site / "04_smoothing.html").is_file():
        pytest.skip("no built book: run `jupyter-book build book/` (the link is in the page)")
    html = (site / "04_smoothing.html").read_text()
    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    link = re.search(r'href="(https://mybinder\.org/v2/gh/[^"]+)"', html).group(1)
    assert link.startswith(f"https://mybinder.org/v2/gh/{owner_repo}/{CONFIG['repository']['branch']}?")
    assert "urlpath=lab/tree/book/04_smoothing.ipynb" in link.replace("%2F", "/")


# --- GitHub Actions: .ci/run, then deploy what it built ------------------------------------------------------

def workflow():
    return yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())


def test_the_workflow_runs_ci_and_uploads_what_it_built():
    build = workflow()["jobs"]["build"]
    runs = [step.get("run", "").strip() for step in build["steps"]]
    assert ".ci/run" in runs  # the one CI definition, not a copy of its steps
    uploads = [i for i, step in enumerate(build["steps"])
               if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(uploads) == 1 and build["steps"][uploads[0]]["with"]["path"] == "_build/html"
    assert uploads[0] > runs.index(".ci/run")  # what is uploaded is what .ci/run built and tested
    assert not any("jupyter-book build" in run or "pytest" in run for run in runs), "steps repeated outside .ci/run"


def test_a_deploy_is_never_cancelled_midway():
    flow = workflow()
    assert not flow.get("concurrency", {}).get("cancel-in-progress", False)  # a workflow-wide one cancels deploys
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
