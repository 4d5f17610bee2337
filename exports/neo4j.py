"""Bulk paths into Neo4j: CSV files for ``neo4j-admin database import full``, and a
Cypher script for ``cypher-shell``.

Both hold exactly what :func:`.push.push` writes (the rows of :func:`.push.graph_rows`:
the same nodes, relationships, keys, ``seq`` and ``gen``), so a database filled either way
answers the server queries (``--backend``) and a later ``push`` updates it in place.

**neo4j-csv** (:func:`export_neo4j_csv`): a directory with, per label,
``nodes_<Label>_header.csv`` + ``nodes_<Label>.csv`` (``id:ID``, ``:LABEL``, typed
properties: ``seq:long``, ``is_draft:boolean``, ``cited_as:string[]`` …) and, per
relationship type, ``rels_<TYPE>_header.csv`` + ``rels_<TYPE>.csv`` (``:START_ID``,
``:END_ID``, ``:TYPE``, properties). Ids are one global space (``doc:…``, ``agency:…``,
``task:…`` never collide). Arrays are joined with ``;`` (or, when some value holds a
``;``, another delimiter the command then names); text is always quoted (``""`` inside),
so an empty text stays a text and a missing value is an empty field; values may span
lines (``--multiline-fields=true``). The function returns the import command;
``constraints.cypher`` beside the files holds the constraints to run once the database
is up, and ``IMPORT.txt`` both commands.

**cypher** (:func:`export_cypher`): the push's own statements, with the parameters
written as Cypher literals (strings single-quoted, ``\\`` ``'`` and control characters
escaped), one statement per line, each ending with ``;``, after the schema statements.

>>> cypher_literal("it's \\\\ here\\n")
"'it\\\\'s \\\\\\\\ here\\\\n'"
"""

from __future__ import annotations

import math
import re
import shlex
from pathlib import Path
from typing import Any

from ..schema.graph_model import LineageGraph
from ..servers.cypher import NEO4J, merge_edges, merge_nodes
from ..servers.push import GraphRows, graph_rows

__all__ = [
    "export_neo4j_csv",
    "export_cypher",
    "cypher_literal",
    "with_literals",
    "ARRAY_DELIMITERS",
]

ARRAY_DELIMITERS = (";", "|", "¦", "¤", "§")
SCRIPT_BATCH = 200  # rows per UNWIND statement of the script

# ---------------------------------------------------------------------- Cypher literals

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_SPECIAL = re.compile("[\\\\'\x00-\x1f\x7f\u2028\u2029]")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def cypher_literal(value: Any) -> str:
    """``value`` as a Cypher literal (null, booleans, numbers, strings, lists, maps).

    >>> cypher_literal({"t": 'a"b', "n": [1, 2.5, None, True]})
    '{t: \\'a"b\\', n: [1, 2.5, null, true]}'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return "'" + _SPECIAL.sub(_escape_char, value) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _key(name: str) -> str:
    return name if _IDENT.match(name) else "`" + str(name).replace("`", "``") + "`"


def with_literals(statement: str, params: dict[str, Any]) -> str:
    """A statement of :mod:`.cypher` with each ``$name`` replaced by its value's literal
    (those statements hold no string literal a ``$`` could hide in)."""

    def sub(m: re.Match[str]) -> str:
        return cypher_literal(params[m.group(1)])

    return re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", sub, statement)


def export_cypher(graph: LineageGraph, rows: GraphRows | None = None) -> str:
    """A script ``cypher-shell -f`` runs: schema, then the push's statements with literals."""
    rows = rows or graph_rows(graph)
    out = [
        "// policy-lineage: the lineage graph for cypher-shell "
        f"(content hash {rows.gen}); run with: cypher-shell -d neo4j -f FILE",
        "// Values are Cypher literals; re-running the script leaves the same graph.",
    ]
    out += [f"{s};" for s in NEO4J.schema()]
    gen = rows.gen
    meta = {**rows.meta, "status": "complete"}
    out.append(
        with_literals(
            merge_nodes("LineageMeta"), {"rows": [{"id": meta["id"], "props": meta}], "gen": gen}
        )
        + ";"
    )
    for batch in rows.nodes:
        statement = merge_nodes(batch.label)
        for start in range(0, len(batch.rows), SCRIPT_BATCH):
            chunk = batch.rows[start : start + SCRIPT_BATCH]
            out.append(with_literals(statement, {"rows": chunk, "gen": gen}) + ";")
    for eb in rows.edges:
        statement = merge_edges(eb.kind, eb.source_label, eb.target_label)
        for start in range(0, len(eb.rows), SCRIPT_BATCH):
            chunk = eb.rows[start : start + SCRIPT_BATCH]
            out.append(with_literals(statement, {"rows": chunk, "gen": gen}) + ";")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- neo4j-admin CSV


def _type_of(values: list[Any]) -> str:
    """The neo4j-admin type of a column from its values ("" for text).

    >>> _type_of([1, None, 2]), _type_of([1, 2.5]), _type_of([[1, 2], None]), _type_of([[], ["a"]])
    ('long', 'double', 'long[]', 'string[]')
    """
    scalars: set[str] = set()
    items: set[str] = set()
    lists = False
    for v in values:
        if v is None:
            continue
        if isinstance(v, list):
            lists = True
            items.update(_scalar_type(x) for x in v if x is not None)
        else:
            scalars.add(_scalar_type(v))
    if lists:
        if scalars:
            return "string[]"
        if items and items <= {"long"}:
            return "long[]"
        if items and items <= {"long", "double"}:
            return "double[]"
        return "string[]"
    if scalars == {"long"}:
        return "long"
    if scalars and scalars <= {"long", "double"}:
        return "double"
    if scalars == {"boolean"}:
        return "boolean"
    return ""


def _scalar_type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    return ""


def _field(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if not value:
            return ""
        value = delimiter.join(_plain(v) for v in value)
        return '"' + value.replace('"', '""') + '"'
    if kind in ("boolean", "long", "double"):
        return _plain(value)
    return '"' + str(value).replace('"', '""') + '"'


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _delimiter(rows: GraphRows) -> str:
    used: set[str] = set()
    for batch in [*rows.nodes, *rows.edges]:
        for row in batch.rows:
            for v in row["props"].values():
                if isinstance(v, list):
                    for item in v:
                        used.update(ch for ch in ARRAY_DELIMITERS if ch in str(item))
    for ch in ARRAY_DELIMITERS:
        if ch not in used:
            return ch
    raise ValueError("every array delimiter candidate occurs in some value")


def _write(path: Path, header: list[str], lines: list[str]) -> None:
    path.with_name(path.stem + "_header.csv").write_text(",".join(header) + "\n", encoding="utf-8")
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def export_neo4j_csv(
    graph: LineageGraph,
    directory: str | Path,
    database: str = "neo4j",
    rows: GraphRows | None = None,
) -> str:
    """Write the import files to ``directory``; the ``neo4j-admin`` command that loads them."""
    rows = rows or graph_rows(graph)
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ValueError(f"--format neo4j-csv writes a directory, and {directory} is a file")
    directory.mkdir(parents=True, exist_ok=True)
    delim = _delimiter(rows)
    gen = rows.gen
    args: list[str] = []

    meta = {**rows.meta, "status": "complete"}
    node_sets = [(b.label, [dict(r) for r in b.rows]) for b in rows.nodes]
    node_sets.append(("LineageMeta", [{"id": meta["id"], "props": meta}]))
    for name, items in node_sets:
        columns: list[str] = []
        for r in items:
            for k in r["props"]:
                if k != "id" and k not in columns:
                    columns.append(k)
        types = {c: _type_of([r["props"].get(c) for r in items]) for c in columns}
        header = [
            "id:ID",
            ":LABEL",
            *(f"{c}:{types[c]}" if types[c] else c for c in columns),
            "gen",
        ]
        lines = []
        for r in items:
            cells = [_field(r["id"], "", delim), _field(name, "", delim)]
            cells += [_field(r["props"].get(c), types[c], delim) for c in columns]
            cells.append(_field(gen, "", delim))
            lines.append(",".join(cells))
        path = directory / f"nodes_{name}.csv"
        _write(path, header, lines)
        args.append(f"--nodes={_q(path.with_name(path.stem + '_header.csv'))},{_q(path)}")

    by_type: dict[str, list[dict[str, Any]]] = {}
    for eb in rows.edges:
        by_type.setdefault(eb.kind, []).extend(eb.rows)
    for kind, items in by_type.items():
        columns = []
        for r in items:
            for k in r["props"]:
                if k not in columns:
                    columns.append(k)
        types = {c: _type_of([r["props"].get(c) for r in items]) for c in columns}
        header = [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "key",
            *(f"{c}:{types[c]}" if types[c] else c for c in columns),
            "gen",
        ]
        lines = []
        for r in items:
            cells = [_field(r["s"], "", delim), _field(r["t"], "", delim), _field(kind, "", delim)]
            cells.append(_field(r["key"], "", delim))
            cells += [_field(r["props"].get(c), types[c], delim) for c in columns]
            cells.append(_field(gen, "", delim))
            lines.append(",".join(cells))
        path = directory / f"rels_{kind}.csv"
        _write(path, header, lines)
        args.append(f"--relationships={_q(path.with_name(path.stem + '_header.csv'))},{_q(path)}")

    constraints = directory / "constraints.cypher"
    constraints.write_text("".join(f"{s};\n" for s in NEO4J.schema()), encoding="utf-8")
    command = " ".join(
        [
            "neo4j-admin database import full",
            shlex.quote(database),
            "--overwrite-destination=true",
            "--multiline-fields=true",
            "--legacy-style-quoting=false",
            f"--array-delimiter={shlex.quote(delim)}",
            *args,
        ]
    )
    after = f"cypher-shell -d {shlex.quote(database)} -f {_q(constraints)}"
    (directory / "IMPORT.txt").write_text(
        "# with Neo4j stopped (or the database not yet created):\n"
        f"{command}\n"
        "# then, with the database started, the constraints the queries rely on:\n"
        f"{after}\n",
        encoding="utf-8",
    )
    return command


def _q(path: Path) -> str:
    return shlex.quote(str(path.resolve()))
