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
import os
import re
import shlex
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..schema.graph_model import LineageGraph
from ..servers.cypher import (
    DATE_PROPERTIES,
    DIALECTS,
    NEO4J,
    merge_edges,
    merge_nodes,
    with_dates,
)
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
# What each server reads back exactly (measured on FalkorDB 4.16 in tests/servers/
# test_injection.py; Neo4j's from the Cypher manual: string literal escapes):
# * both decode \\ \' \n \r \t \b \f;
# * Neo4j also decodes \uXXXX, so its script escapes every other control character and
#   the Unicode line breaks U+0085, U+2028, U+2029 that way and stays one statement a line
#   for any line-based reader;
# * FalkorDB stores \uXXXX as the six characters, so its script holds every other
#   character raw (the only form it reads exactly); statements end at "\n" only, and a
#   reader must split on "\n", never on U+0085/U+2028/U+2029 (str.splitlines() does).
#   NUL cannot be written in a FalkorDB literal at all.
_SPECIAL = {
    "neo4j": re.compile("[\\\\'\x00-\x1f\x7f-\x9f\u2028\u2029]"),
    "falkordb": re.compile("[\\\\'\n\r\t\b\f\x00]"),
}
DIALECT_NAMES = ("neo4j", "falkordb")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch == "\x00" and m.re is _SPECIAL["falkordb"]:
        raise ValueError("FalkorDB cannot read a NUL character in a Cypher literal")
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def cypher_literal(value: Any, dialect: str = "neo4j") -> str:
    """``value`` as a Cypher literal (null, booleans, numbers, strings, days, lists, maps)
    that ``dialect``'s server (``neo4j`` or ``falkordb``) reads back exactly.

    >>> cypher_literal({"t": 'a"b', "n": [1, 2.5, None, True]})
    '{t: \\'a"b\\', n: [1, 2.5, null, true]}'
    >>> cypher_literal("a\u2028b"), cypher_literal("a\u2028b", "falkordb") == "'a\u2028b'"
    ("'a\\\\u2028b'", True)
    >>> cypher_literal(date(2025, 6, 30)), cypher_literal(date(2025, 6, 30), "falkordb")
    ("date('2025-06-30')", "'2025-06-30'")
    """
    if dialect not in _SPECIAL:
        raise ValueError(f"unknown Cypher dialect {dialect!r} (known: {', '.join(_SPECIAL)})")
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
    if isinstance(value, date) and not isinstance(value, datetime):
        text = "'" + value.isoformat() + "'"
        return f"date({text})" if dialect == "neo4j" else text
    if isinstance(value, str):
        return "'" + _SPECIAL[dialect].sub(_escape_char, value) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v, dialect) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{_key(k)}: {cypher_literal(v, dialect)}" for k, v in value.items())
            + "}"
        )
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _key(name: str) -> str:
    return name if _IDENT.match(name) else "`" + str(name).replace("`", "``") + "`"


def with_literals(statement: str, params: dict[str, Any], dialect: str = "neo4j") -> str:
    """A statement of :mod:`.cypher` with each ``$name`` replaced by its value's literal
    (those statements hold no string literal a ``$`` could hide in)."""

    def sub(m: re.Match[str]) -> str:
        return cypher_literal(params[m.group(1)], dialect)

    return re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", sub, statement)


def export_cypher(
    graph: LineageGraph, rows: GraphRows | None = None, dialect: str = "neo4j"
) -> str:
    """A script of the push's statements with literals, for ``dialect``'s server: schema,
    then one statement a line. For Neo4j (``cypher-shell -f FILE``) days are
    ``date('…')``, as a push to Neo4j and ``neo4j-admin`` store them; for FalkorDB they
    stay ISO text, as a push to FalkorDB writes them."""
    rows = rows or graph_rows(graph)
    server = DIALECTS[dialect]
    fix = with_dates if dialect == "neo4j" else (lambda r: r)
    how = (
        "run with: cypher-shell -d neo4j -f FILE"
        if dialect == "neo4j"
        else "send each line (split on \\n only) to GRAPH.QUERY, or through the falkordb client"
    )
    out = [
        f"// policy-lineage: the lineage graph for {server.name} (content hash {rows.gen}); {how}",
        "// Values are Cypher literals; re-running the script leaves the same graph.",
    ]
    out += [f"{s};" for s in server.schema()]
    gen = rows.gen
    meta = {**rows.meta, "status": "complete"}
    out.append(
        with_literals(
            merge_nodes("LineageMeta"),
            {"rows": [{"id": meta["id"], "props": meta}], "gen": gen},
            dialect,
        )
        + ";"
    )
    for batch in rows.nodes:
        statement = merge_nodes(batch.label)
        for start in range(0, len(batch.rows), SCRIPT_BATCH):
            chunk = fix(batch.rows[start : start + SCRIPT_BATCH])
            out.append(with_literals(statement, {"rows": chunk, "gen": gen}, dialect) + ";")
    for eb in rows.edges:
        statement = merge_edges(eb.kind, eb.source_label, eb.target_label)
        for start in range(0, len(eb.rows), SCRIPT_BATCH):
            chunk = fix(eb.rows[start : start + SCRIPT_BATCH])
            out.append(with_literals(statement, {"rows": chunk, "gen": gen}, dialect) + ";")
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


def _column_type(name: str, values: list[Any]) -> str:
    """The header type of a column: :func:`_type_of`, and ``date`` for a day property
    whose values are all ISO days (``neo4j-admin`` reads ``2025-06-30`` as a Date)."""
    kind = _type_of(values)
    if kind == "" and name in DATE_PROPERTIES:
        days = [v for v in values if v is not None]
        if all(isinstance(v, str) and _is_day(v) for v in days):
            return "date"
    return kind


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


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
    if kind in ("boolean", "long", "double", "date"):
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
        types = {c: _column_type(c, [r["props"].get(c) for r in items]) for c in columns}
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
        args.append(f"--nodes={_abs(path.with_name(path.stem + '_header.csv'))},{_abs(path)}")

    by_type: dict[str, list[dict[str, Any]]] = {}
    for eb in rows.edges:
        by_type.setdefault(eb.kind, []).extend(eb.rows)
    for kind, items in by_type.items():
        columns = []
        for r in items:
            for k in r["props"]:
                if k not in columns:
                    columns.append(k)
        types = {c: _column_type(c, [r["props"].get(c) for r in items]) for c in columns}
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
        args.append(
            f"--relationships={_abs(path.with_name(path.stem + '_header.csv'))},{_abs(path)}"
        )

    constraints = directory / "constraints.cypher"
    constraints.write_text("".join(f"{s};\n" for s in NEO4J.schema()), encoding="utf-8")
    options = [
        "--overwrite-destination=true",
        "--multiline-fields=true",
        "--legacy-style-quoting=false",
        # U+XXXX: no shell reads it as a pipe, a separator or a quote (POSIX, PowerShell, cmd)
        f"--array-delimiter=U+{ord(delim):04X}",
    ]
    commands = {
        shell: " ".join(
            [
                "neo4j-admin database import full",
                _quote(database, shell),
                *options,
                *(_quote(a, shell) for a in args),
            ]
        )
        for shell in SHELLS
    }
    after = {
        shell: f"cypher-shell -d {_quote(database, shell)} -f "
        + _quote(str(constraints.resolve()), shell)
        for shell in SHELLS
    }
    lines = [
        "# policy-lineage: the lineage graph as neo4j-admin import files (Neo4j 5).",
        "# Run the command with Neo4j stopped, then the constraints with it started.",
        f"# WARNING: --overwrite-destination=true DELETES the database {database!r} and",
        "#          everything in it if it exists. To keep it, import into a new database",
        "#          name instead (change it in the command, then CREATE DATABASE that name).",
    ]
    for shell, title in SHELLS.items():
        lines += ["", f"# {title}:", commands[shell], after[shell]]
    (directory / "IMPORT.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return commands["nt" if os.name == "nt" else "posix"]


# The shells IMPORT.txt writes the commands for, and how each quotes one argument.
SHELLS = {
    "posix": "POSIX shell (Linux, macOS: bash, zsh, sh)",
    "nt": "Windows PowerShell",
    "cmd": "Windows Command Prompt (cmd.exe)",
}


def _quote(arg: str, shell: str) -> str:
    r"""``arg`` as one argument of ``shell``.

    >>> _quote("--nodes=/a b/h.csv,/a b/d.csv", "posix")
    "'--nodes=/a b/h.csv,/a b/d.csv'"
    >>> _quote("--nodes=C:\\Tệp's\\h.csv", "nt"), _quote("neo4j", "cmd")
    ("'--nodes=C:\\Tệp''s\\h.csv'", 'neo4j')
    """
    if re.fullmatch(r"[A-Za-z0-9_.:/=+-]+", arg):
        return arg
    if shell == "posix":
        return shlex.quote(arg)
    if shell == "nt":  # PowerShell: single quotes are literal, '' is one quote
        return "'" + arg.replace("'", "''") + "'"
    return '"' + arg + '"'  # cmd: a Windows path holds no double quote


def _abs(path: Path) -> str:
    return str(path.resolve())
