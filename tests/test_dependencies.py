"""What installing the project brings: pyproject.toml declares exactly what makemore_lib imports, the README's
install line gets the CPU build of the torch that requirements.txt pins, and nothing unused is required."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def requirement_name(line: str) -> str:
    """'torch>=2.1' -> 'torch'; names compared lowercased, with - and _ alike (PEP 503)."""
    return re.split(r"[\s<>=!~;\[@]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")


def third_party_imports(folder) -> set[str]:
    """Top-level modules imported anywhere in ``folder``'s Python files, leaving out the standard library and
    relative imports."""
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m not in ("__future__", "makemore_lib")}


def test_the_import_scan_sees_imports_inside_functions(tmp_path):
    (tmp_path / "m.py").write_text("import os\nfrom . import x\ndef f():\n    from PIL import Image\n    import numpy.linalg\n")
    assert third_party_imports(tmp_path) == {"PIL", "numpy"}


def test_pyproject_declares_exactly_what_the_library_imports():
    distributions = packages_distributions()  # import name -> the installed distributions providing it
    imported = {requirement_name(distributions[m][0]) for m in third_party_imports(ROOT / "makemore_lib")}
    declared = {requirement_name(d) for d in PYPROJECT["project"]["dependencies"]}
    assert declared == imported, (f"imported but not declared: {sorted(imported - declared)}; "
                                  f"declared but not imported: {sorted(declared - imported)}")


def requirement_lines(path) -> list[str]:
    return [line.split("#")[0].strip() for line in path.read_text().splitlines() if line.split("#")[0].strip()]


def test_requirements_bring_the_tools_and_the_library_and_nothing_unused():
    names = {requirement_name(line) for line in requirement_lines(ROOT / "requirements.txt") if line != "-e ."}
    assert "-e ." in requirement_lines(ROOT / "requirements.txt")  # the library, with its declared dependencies
    assert {"jupyter-book", "jupyterlab", "torch", "pytest"} <= names
    assert "jupytext" not in names  # nothing uses it
    library = {requirement_name(d) for d in PYPROJECT["project"]["dependencies"]}
    assert not (names & library) - {"torch"}, "the library's dependencies are listed once, in pyproject.toml"


def torch_pin() -> str:
    pins = [line for line in requirement_lines(ROOT / "requirements.txt") if requirement_name(line) == "torch"]
    assert len(pins) == 1 and pins[0].startswith("torch=="), pins
    return pins[0]


def readme_install_lines() -> list[str]:
    """The README's commands that install something with pip."""
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    return [line for block in blocks for line in block.splitlines() if "pip install" in line]


def test_readme_installs_the_cpu_build_of_the_pinned_torch_first():
    lines = readme_install_lines()
    torch_lines = [line for line in lines if "download.pytorch.org/whl/cpu" in line]
    assert torch_lines, "the README's install should take torch from PyTorch's CPU wheel index"
    first = torch_lines[0]
    # the same version as requirements.txt, else the next line replaces it with PyPI's (CUDA) build
    assert f'"{torch_pin()}"' in first or f" {torch_pin()} " in first + " "
    # only torch from that index: each other package looked up there costs a round trip (and where that
    # host is unreachable, pip's retries: about 11 s a package)
    assert "--index-url https://download.pytorch.org/whl/cpu" in first and "--no-deps" in first
    requirements = [line for line in lines if "-r requirements.txt" in line]
    assert requirements and lines.index(first) < lines.index(requirements[0])
    assert "cu1" in (ROOT / "README.md").read_text(), "the README says how to get a CUDA build"


def makefile_commands() -> str:
    """The Makefile's recipes as a reader would type them: its variables written out, pip's -q left out."""
    version = torch_pin().removeprefix("torch==")
    text = (ROOT / "Makefile").read_text()
    for variable, value in [("$(BIN)/", ""), ("$(TORCH_INDEX)", "https://download.pytorch.org/whl/cpu"),
                            ("$(TORCH)", version), (" -q", "")]:
        text = text.replace(variable, value)
    return text


def test_the_makefile_installs_as_the_readme_says():
    commands = makefile_commands()
    for line in readme_install_lines():
        if line.startswith("pip "):
            assert line.strip() in commands, f"the Makefile does not run the README's `{line.strip()}`"
    assert "-c requirements.lock" in commands and "npm ci" in commands


def test_ci_sets_up_and_tests_with_the_readmes_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert "make setup" in ci, ".ci/run installs as the README's commands do"
    assert any(line.endswith(" make test") or line == "make test" for line in ci), ".ci/run runs `make test`"


# --- the lock: every package of the build and test environment at the version tested ---------------------------

def lock() -> dict[str, str]:
    """requirements.lock as {name: version}, names as requirement_name writes them."""
    pins = {}
    for line in requirement_lines(ROOT / "requirements.lock"):
        name, _, version = line.partition("==")
        assert version and not line.startswith("-"), f"requirements.lock: `{line}` is not a name==version pin"
        pins[requirement_name(name)] = version
    return pins


def test_the_lock_pins_every_requirement_inside_its_range():
    """Every package requirements.txt and pyproject.toml ask for is pinned in the lock at a version they allow (a
    dependency added without `make lock` fails here)."""
    from packaging.requirements import Requirement

    pins = lock()
    wanted = [line for line in requirement_lines(ROOT / "requirements.txt") if line != "-e ."]
    for line in wanted + PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        name = requirement_name(requirement.name)
        assert name in pins, f"{name} is not in requirements.lock: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, outside `{line}`: run make lock")
    assert pins["torch"] == torch_pin().removeprefix("torch=="), "the lock pins torch without a local label"


def test_binder_and_the_workflow_install_through_the_lock():
    binder = requirement_lines(ROOT / "binder" / "requirements.txt")
    assert "-r ../requirements.txt" in binder and "-c ../requirements.lock" in binder
    assert "requirements.lock" in (ROOT / ".github" / "workflows" / "book.yml").read_text()


def test_the_environment_is_the_locked_one():
    """The tests run on the versions the lock pins (torch's local label, e.g. +cpu, aside)."""
    from importlib.metadata import distributions

    installed = {requirement_name(d.metadata["Name"]): d.version.split("+")[0] for d in distributions()}
    differing = {name: (installed[name], version) for name, version in lock().items()
                 if name in installed and installed[name] != version}
    missing = sorted(set(lock()) - set(installed))
    assert not differing and not missing, (
        f"installed versions differ from requirements.lock (installed, locked): {differing}; missing: {missing}. "
        "Run make setup, or make lock to change the tested versions")
