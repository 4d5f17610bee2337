"""The examples in the docstrings run (every query function carries one, as networkx's do)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("schema", "loaders", "graph", "queries", "exports", "servers", "viz")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        pkg = importlib.import_module(f"policy_lineage.{package}")
        names += [m.name for m in pkgutil.iter_modules(pkg.__path__, f"{pkg.__name__}.")]
    return sorted(names)


def test_the_query_modules_are_found() -> None:
    assert "policy_lineage.queries.overlaps" in _modules()


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_every_query_function_has_an_example() -> None:
    """The public functions of queries/ show how they are called."""
    missing = []
    for name in _modules():
        if not name.startswith("policy_lineage.queries."):
            continue
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if callable(obj) and not isinstance(obj, type) and ">>>" not in (obj.__doc__ or ""):
                missing.append(f"{name}.{attr}")
    assert not missing, missing
