"""No import circle in makemore_lib: ARCHITECTURE.md's rule, that a module imports only the ones above it.

The graph is read from the source with ``ast`` (every ``import``/``from ... import`` of a package module,
at any depth of the module, so an import inside a function counts too; importing ``live.common`` from outside
``live/`` also runs ``live/__init__.py``), then searched for cycles.
"""

import ast
from pathlib import Path

import makemore_lib

PACKAGE = Path(makemore_lib.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                base = base[:len(base) - node.level + 1] if node.level else []
                target = ".".join(base + (node.module.split(".") if node.module else []))
                candidates = [target] + [f"{target}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            # importing a.b.c runs the package a.b first (unless the importer is inside it already)
            parents = {".".join(c.split(".")[:i]) for c in candidates for i in range(2, c.count(".") + 1)}
            parents = {p for p in parents if not name.startswith(p + ".")}
            graph[name] |= {c for c in set(candidates) | parents if c in modules and c != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle found by depth-first search (each reported once, from its smallest module)."""
    found = []

    def visit(start, node, path):
        for nxt in sorted(graph[node]):
            if nxt == start:
                found.append(path + [start])
            elif nxt not in path and nxt > start:
                visit(start, nxt, path + [nxt])

    for start in sorted(graph):
        visit(start, start, [start])
    return found


def test_the_graph_is_read():
    graph = import_graph()
    assert "makemore_lib.checks" in graph["makemore_lib.probabilities"]            # a `from .checks import`
    assert "makemore_lib.counting" in graph["makemore_lib.live.wordlist"]          # a `from ..counting import`
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b", "a"]]


def test_checks_is_a_leaf():
    assert import_graph()["makemore_lib.checks"] == set()


def test_no_import_circle():
    assert cycles(import_graph()) == []
