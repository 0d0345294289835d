"""The type stubs name every public call of the package, and every public call has a docstring."""

import ast
import inspect
import pathlib

import kardashev


def stub_names():
    tree = ast.parse((pathlib.Path(kardashev.__file__).with_name("__init__.pyi")).read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_every_public_name_has_a_stub():
    assert set(kardashev.__all__) - stub_names() == set()


def test_every_public_call_has_a_docstring():
    missing = []
    for name in kardashev.__all__:
        obj = getattr(kardashev, name)
        if callable(obj) and not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and callable(member) and not (inspect.getdoc(member) or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []
