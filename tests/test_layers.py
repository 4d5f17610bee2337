"""The packages' layering, checked on every run (so CI fails when it breaks):

    schema   imports nothing of ours
    loaders  imports only schema
    graph    never imports queries, viz, exports, servers or the CLI
    queries  never imports viz, exports, servers or the CLI
    and each query's meaning is written once: trace, tasks_from, derived_documents,
    agency_work, find_agencies, find_overlaps are each defined in one module.

The same rules as the team's ``check_layers.py``, read from the source's syntax tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("schema", "loaders", "graph", "queries", "exports", "servers", "viz", "policy_lineage")
CLI = "policy_lineage"
FORBIDDEN = {
    "schema": {"loaders", "graph", "queries", "viz", "servers", "exports", CLI},
    "loaders": {"graph", "queries", "viz", "servers", "exports", CLI},
    "graph": {"queries", "viz", "servers", "exports", CLI},
    "queries": {"viz", "servers", "exports", CLI},
}
QUERIES = {"trace", "tasks_from", "derived_documents", "agency_work", "find_agencies"}
QUERIES |= {"find_overlaps"}


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _targets(package: str, module: Path, node: ast.AST) -> list[str]:
    """Our top-level packages an import statement reaches."""
    if isinstance(node, ast.ImportFrom):
        if node.level:  # relative: it leaves the package when it climbs above its top
            depth = len(module.relative_to(ROOT / package).parent.parts)
            if package == CLI:
                depth += 1  # the other packages install under policy_lineage/
            if node.level - 1 > depth:
                return [(node.module or "").split(".")[0]]
            return []
        if node.module and node.module.startswith(f"{CLI}."):
            return [node.module.split(".")[1]]
        return []
    if isinstance(node, ast.Import):
        return [a.name.split(".")[1] for a in node.names if a.name.startswith(f"{CLI}.")]
    return []


def _imports(package: str) -> list[tuple[str, str]]:
    found = []
    for module in _modules(package):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            for target in _targets(package, module, node):
                found.append((f"{module.relative_to(ROOT)}:{node.lineno}", target))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layers_each_package_imports_only_what_lies_below_it(package: str) -> None:
    breaches = [
        f"{where}: {package} imports {target}"
        for where, target in _imports(package)
        if target in FORBIDDEN[package]
    ]
    assert not breaches, "\n".join(breaches)


def test_layers_each_query_is_defined_once() -> None:
    where: dict[str, list[str]] = {}
    for package in PACKAGES:
        if package == CLI:
            continue  # a CLI command of the same name does not count
        for module in _modules(package):
            for node in ast.parse(module.read_text("utf-8")).body:
                if isinstance(node, ast.FunctionDef) and node.name in QUERIES:
                    where.setdefault(node.name, []).append(str(module.relative_to(ROOT)))
    assert set(where) == QUERIES, sorted(QUERIES - set(where))
    twice = {name: files for name, files in where.items() if len(files) > 1}
    assert not twice, twice
    assert all(files[0].startswith("queries/") for files in where.values()), where


def test_layers_the_check_sees_a_breach(tmp_path: Path) -> None:
    """Imports that leave ``graph`` are seen (the check is not vacuous)."""
    module = ROOT / "graph" / "store.py"
    tree = ast.parse("from ..queries.trace import trace\nfrom ..schema import model\n")
    targets = [t for node in ast.walk(tree) for t in _targets("graph", module, node)]
    assert targets == ["queries", "schema"]
