"""The import graph of geo/ and gazetteer/: imports go one way, down the stages, with no cycle.

The order is the one ``docs/architecture.md`` draws. A module may import a module of its
own package, or of a package of a lower rank; never one of the same rank in another package
or of a higher rank. Imports inside functions count too, and outside the CLI (which defers
its imports for start-up speed) none may name a geo module, with one exception: the package
``geo`` re-exports the notebook API of ``geo.api`` through a module ``__getattr__``
(:data:`LAZY_REEXPORTS`), so that ``import geo`` stays cheap.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Rank of each unit (a package, or a module directly in geo/); lower ranks sit below.
RANKS: dict[str, int] = {
    "gazetteer": 0,
    "geo": 1, "geo.errors": 1, "geo.model": 1, "geo.theatres": 1, "geo.gcpause": 1,
    "geo.progress": 1, "geo.pool": 1, "geo.dates": 1, "geo.output": 1, "geo.cells": 1,
    "geo.read": 2,
    "geo.extract": 3,
    "geo.store": 4, "geo.timeline": 4,
    "geo.layers": 5,
    "geo.render": 6, "geo.export": 6,
    "geo.pipeline": 7, "geo.ingest": 7,
    "geo.cli": 8, "geo.api": 8,
    "geo.__main__": 9,
}
#: Within rank 1 these may be imported by the others (the error and model types are the floor).
FLOOR = {"geo", "geo.errors", "geo.model"}
#: (module, what it imports inside its module ``__getattr__``): the lazy re-exports allowed.
LAZY_REEXPORTS = {("geo", "geo.api"), ("geo.extract", "geo.extract.article"), ("geo.pool", "geo.pool.processes"),
                  ("gazetteer", "gazetteer.resolver"), ("gazetteer", "gazetteer.rank")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return sorted(p for pkg in ("geo", "gazetteer") for p in (ROOT / pkg).rglob("*.py")
                  if "build" not in p.relative_to(ROOT).parts)


def unit_of(module: str) -> str:
    """The package (or top-level module) a module belongs to, as ranked in RANKS."""
    if module.startswith("gazetteer"):
        return "gazetteer"
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else "geo"


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """``(imported module, line, inside a function)`` of every geo or gazetteer import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            names += [f"{node.module}.{a.name}" for a in node.names]  # "from geo.store import gpkg"
        for name in names:
            if name.split(".")[0] in ("geo", "gazetteer"):
                yield name, node.lineno, id(node) in in_function


def known_modules() -> set[str]:
    return {module_name(p) for p in source_files()}


def graph() -> dict[str, set[str]]:
    known = known_modules()
    out: dict[str, set[str]] = {}
    for path in source_files():
        me = module_name(path)
        out[me] = {name for name, _, inside in imports(path)  # a lazy re-export runs after the import
                   if name in known and name != me and not (inside and (me, name) in LAZY_REEXPORTS)}
    return out


def test_every_unit_is_ranked() -> None:
    units = {unit_of(m) for m in known_modules()}
    assert units <= set(RANKS), f"add these to RANKS and docs/architecture.md: {sorted(units - set(RANKS))}"


def test_imports_go_down_the_stages() -> None:
    known = known_modules()
    wrong = []
    for path in source_files():
        me = module_name(path)
        mine = unit_of(me)
        for name, line, inside in imports(path):
            if name not in known or (inside and (me, name) in LAZY_REEXPORTS):
                continue
            theirs = unit_of(name)
            if theirs == mine or RANKS[theirs] < RANKS[mine]:
                continue
            if RANKS[theirs] == RANKS[mine] == 1 and theirs in FLOOR and mine not in FLOOR:
                continue
            if mine == "geo.errors" and theirs == "gazetteer":
                continue
            wrong.append(f"{path.relative_to(ROOT)}:{line} {me} -> {name}")
    assert not wrong, "imports against the stage order:\n" + "\n".join(wrong)


def test_gazetteer_knows_nothing_of_geo() -> None:
    wrong = [f"{p.relative_to(ROOT)}:{line} {name}" for p in source_files() if module_name(p).startswith("gazetteer")
             for name, line, _ in imports(p) if name.split(".")[0] == "geo"]
    assert not wrong


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_no_deferred_imports_outside_the_cli() -> None:
    deferred = [f"{p.relative_to(ROOT)}:{line} {name}" for p in source_files()
                if module_name(p) not in ("geo.cli", "geo.__main__")
                for name, line, inside in imports(p)
                if inside and (module_name(p), name) not in LAZY_REEXPORTS and name != module_name(p)]
    assert not deferred, "imports inside functions (move them to the top):\n" + "\n".join(sorted(set(deferred)))


def test_the_checker_sees_a_bad_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import geo.cli\n\ndef f():\n    from geo.render import html\n", encoding="utf-8")
    assert list(imports(bad)) == [("geo.cli", 1, False), ("geo.render", 4, True), ("geo.render.html", 4, True)]
    assert unit_of("geo.render.html") == "geo.render" and RANKS[unit_of("geo.cli")] > RANKS["geo.layers"]


def test_import_geo_loads_no_stage() -> None:
    """``import geo`` (what the command and ``geo.analyse`` start from) imports none of the stages."""
    import subprocess
    import sys

    probe = ("import sys, geo; print(sorted(m for m in sys.modules if m.startswith('geo.') "
             "or m in ('pandas', 'geopandas', 'folium', 'shapely')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
