"""The same end-to-end checks against a real Neo4j, when NEO4J_URI points at one
(with NEO4J_USER / NEO4J_PASSWORD, and NEO4J_DATABASE if not the default).

The statements sent are the text the FalkorDB tests run (servers/cypher.py), apart from
the schema statements of the Neo4j dialect."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="no Neo4j server: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run",
    ),
]

FORGET = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"


def test_neo4j_end_to_end(store_copy: Path, check_end_to_end: Any) -> None:
    check_end_to_end(os.environ["NEO4J_URI"], store_copy, FORGET)


def test_neo4j_schema_is_idempotent() -> None:
    from policy_lineage.servers.connections import open_backend

    with open_backend(os.environ["NEO4J_URI"]) as backend:
        backend.ensure_schema()
        backend.ensure_schema()
        names = {r["name"] for r in backend.read("SHOW CONSTRAINTS YIELD name RETURN name")}
        assert {"policy_lineage_document_id", "policy_lineage_task_id"} <= names
