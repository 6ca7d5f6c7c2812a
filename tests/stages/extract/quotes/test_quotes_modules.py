"""The quote extractor's modules: no import cycle, no import hidden in a function, none over
~500 lines (one module per concern: content, cue, source, coreference, word classes)."""
from __future__ import annotations

import ast
from pathlib import Path

import claimtrack.stages.extract.quotes as quotes

PKG = Path(quotes.__file__).parent
PREFIX = "claimtrack.stages.extract.quotes."


def _trees() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PKG.glob("*.py"))}


def _imports(tree: ast.Module) -> set[str]:
    """The sibling modules a module imports at its top level."""
    out = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PREFIX):
            out.add(node.module[len(PREFIX):].split(".")[0])
    return out


def test_the_package_has_no_import_cycle():
    graph = {name: _imports(tree) - {name} for name, tree in _trees().items()}
    graph.pop("__init__", None)
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, f"import cycle: {' -> '.join(path + (node,))}"
        if node in done:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, path + (node,))
        done.add(node)

    for name in graph:
        visit(name, ())
    # the word lists are a leaf: both the name finders and coreference read them
    assert graph["lexicon"] == set()
    assert "coref" not in graph["speakers"] and "coref" not in graph["names"]


def test_no_import_inside_a_function():
    for name, tree in _trees().items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
                assert not inner, f"{name}.{node.name} imports inside the function"


def test_modules_stay_small():
    for path in PKG.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 520, path.name
