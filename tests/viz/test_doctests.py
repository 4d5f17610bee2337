"""The examples in the viz modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["style", "select", "layout", "items", "page", "static", "template", "screenshot"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_viz(name):
    module = importlib.import_module(f"policy_lineage.viz.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
