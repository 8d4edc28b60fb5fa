"""Every public function and class of makemore_lib has type hints and a docstring with a doctest."""

import importlib
import inspect
import pkgutil

import pytest

import makemore_lib

# Functions whose doctest would need the network; tests/test_data.py covers them with a simulated one.
NEEDS_NETWORK = {"makemore_lib.data.download_names"}


def public_objects():
    for info in pkgutil.iter_modules(makemore_lib.__path__):
        module = importlib.import_module(f"makemore_lib.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                yield f"{module.__name__}.{name}", obj


PUBLIC = dict(public_objects())


@pytest.mark.parametrize("qualname", sorted(PUBLIC))
def test_docstring_with_doctest(qualname):
    obj = PUBLIC[qualname]
    doc = inspect.getdoc(obj) or ""
    assert doc, f"{qualname} has no docstring"
    is_record = inspect.isclass(obj) and hasattr(obj, "_fields")   # NamedTuples: a docstring is enough
    if qualname not in NEEDS_NETWORK and not is_record and not issubclass_exception(obj):
        assert ">>>" in doc, f"{qualname}'s docstring has no doctest"


@pytest.mark.parametrize("qualname", sorted(q for q, o in PUBLIC.items() if inspect.isfunction(o)))
def test_type_hints(qualname):
    signature = inspect.signature(PUBLIC[qualname])
    missing = [p for p in signature.parameters.values()
               if p.annotation is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    assert not missing, f"{qualname}: parameters without type hints: {[p.name for p in missing]}"
    assert signature.return_annotation is not inspect.Signature.empty, f"{qualname} has no return type hint"


def issubclass_exception(obj):
    return inspect.isclass(obj) and issubclass(obj, Exception)
