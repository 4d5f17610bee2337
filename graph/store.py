"""The embedded store: one SQLite file that every command reads.

Why SQLite: it is in Python's standard library (nothing to install or start), it is a
real database with atomic, durable transactions (a killed process leaves either the old
or the new state of a transaction, never half of one), one file is easy to copy to a
shared drive, and many readers can open it while a build writes (WAL journal).

What it holds:

* ``files``: one row per ingested file (absolute path, the path as given, SHA-256 of
  its bytes, size, when, and the full extraction as JSON, or the read error). A file is
  replaced in its own transaction, so a crash or Ctrl-C mid-build keeps every file
  completed before it, and the file being read stays as it was.
* ``nodes``, ``edges``, ``findings``: the resolved graph, materialized from all the
  extractions after a build. ``meta.graph_state`` says whether it is up to date;
  :func:`load_graph` rebuilds it from the extractions when a build was interrupted.

A citation in one file resolves against the others, so a change is resolved again over
the region of the graph it can touch (:mod:`.incremental`: the ``keys`` table says which
files share what and the province a commune gave a file, ``pending`` the files
changed since the graph was made, and every graph row its ``owner``); a full rebuild from
the stored extractions (JSON, no parsing of documents) runs when that cannot be done.
Parsing — the slow part — happens once per file content.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ..schema.graph_model import LineageGraph, _field_names, edge_record, node_record
from ..schema.model import Extraction
from ..schema.model_json import extraction_from_dict, extraction_to_dict

__all__ = ["Store", "StoreError", "FileRecord", "load_graph", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    abspath TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    extraction TEXT,
    error TEXT,
    extractor TEXT
);
CREATE INDEX IF NOT EXISTS files_sha256 ON files (sha256);
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
    seq INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (seq INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys (owner TEXT NOT NULL, key TEXT NOT NULL, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending (abspath TEXT PRIMARY KEY);
"""
# who made each row of the graph (graph/incremental.py); added to stores from before them
# every column of a file but its extraction: what a build reads of each stored file, from the
# index alone instead of walking past each row's extraction text (20 KB a file: 0.1 s of a
# national folder's scan, 0.02 s so); made after the columns added since the first stores
_FILES_META = """
CREATE INDEX IF NOT EXISTS files_meta
    ON files (abspath, path, sha256, size, ingested_at, error, extractor, stat);
"""
_OWNER_COLUMNS = {"nodes": ("owner", "grp"), "edges": ("owner",), "findings": ("owner",)}
# the graph's indexes: dropped while the whole graph is written, then built again (sorting
# once is much faster than keeping B-trees larger than the page cache ordered row by row);
# nodes_task_deadline lists a country's tasks by deadline without reading them all
# (queries/tasks.py: the first row of `tasks --from 57-NQ/TW`); nodes_kind and edges_kind
# count the graph without reading its rows (the summary after every build: 0.29 -> 0.05 s at
# national scale); one statement per line
_GRAPH_INDEXES = """
CREATE INDEX IF NOT EXISTS edges_source ON edges (source, kind);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target, kind);
CREATE INDEX IF NOT EXISTS keys_owner ON keys (owner);
CREATE INDEX IF NOT EXISTS keys_key ON keys (key, info);
CREATE INDEX IF NOT EXISTS nodes_owner ON nodes (owner);
CREATE INDEX IF NOT EXISTS nodes_grp ON nodes (grp);
CREATE INDEX IF NOT EXISTS edges_owner ON edges (owner);
CREATE INDEX IF NOT EXISTS findings_owner ON findings (owner);
CREATE INDEX IF NOT EXISTS nodes_task_deadline ON nodes (json_extract(data, '$.deadline')) WHERE kind = 'Task';
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes (kind);
CREATE INDEX IF NOT EXISTS edges_kind ON edges (kind);
"""


class StoreError(Exception):
    """The store cannot be opened or read; the message says why and what to do."""


@dataclass
class FileRecord:
    abspath: str
    path: str  # as given to `build`
    sha256: str
    size: int
    ingested_at: str
    error: str | None
    extractor: str | None = None  # the fingerprint of the reader that produced its facts
    stat: str | None = None  # size, times and inode when its bytes were last hashed


try:  # the same bytes as _ENCODER, two to three times faster (see pyproject.toml)
    import orjson
except ImportError:  # pragma: no cover - then the standard library writes them
    orjson = None  # type: ignore[assignment]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one, not one per row


def _dumps(value: Any) -> str:
    """Compact JSON, non-ASCII kept. orjson writes the bytes ``_ENCODER`` writes for the
    values stored here (strings, ints, bools, None, lists, dicts with string keys; checked on
    every row of the national store); anything it refuses (a non-string key, an int past 64
    bits, a lone surrogate) goes to ``_ENCODER`` as before. Unlike it, orjson would write a
    NaN float as null: no stored value is a float."""
    if orjson is not None:
        try:
            return orjson.dumps(value).decode()
        except TypeError:  # orjson.JSONEncodeError is one
            pass
    return _ENCODER.encode(value)


def _extraction_json(extraction: Extraction) -> str:
    """``_dumps(extraction_to_dict(extraction))``: orjson writes the dataclasses as the dict
    would be written (fields in order, dates as ISO days, tuples as lists); checked on 1,164
    files, synthetic and real. A quarter of the time, in every worker."""
    if orjson is not None:
        try:
            return orjson.dumps(extraction).decode()
        except TypeError:
            pass
    return _dumps(extraction_to_dict(extraction))


def _extraction_bytes(extraction: Extraction) -> bytes:
    """:func:`_extraction_json` as UTF-8, as orjson makes it: a worker sends these bytes to
    the build's process, which reads them back and stores them (``CAST(? AS TEXT)``: the
    same text) without the text ever being a ``str`` there. Decoding 200 MB of a national
    corpus's extractions out of the workers' pickles, encoding it again for SQLite and
    ``json.loads`` instead of ``orjson.loads`` cost the build's process about 1 s."""
    if orjson is not None:
        try:
            return orjson.dumps(extraction)
        except TypeError:
            pass
    return _dumps(extraction_to_dict(extraction)).encode()


def _loads(data: str | bytes) -> Any:
    """``json.loads``, by orjson when there is one (the same values for what is stored:
    strings, ints, bools, None, lists, dicts; an int past 64 bits goes to the standard
    library)."""
    if orjson is not None:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data)


@cache
def _node_fields(cls: type) -> tuple[str, ...]:
    return tuple(name for name in _field_names(cls) if name not in ("id", "kind"))


def _node_json(node: Any) -> str | bytes:
    """``_dumps(node_record(node))``: the same record (``id``, ``kind``, then the fields in
    order), its values left to orjson (dates, tuples) instead of converted one by one. As
    orjson's UTF-8 bytes when it writes them, stored by ``CAST(? AS TEXT)`` (the same text):
    not decoded here to be encoded again by SQLite's binding (0.25 s of 225,000 nodes, 0.4 s
    of 450,000 edges, national)."""
    if orjson is not None:
        rec = {"id": node.id, "kind": node.kind}
        for name in _node_fields(type(node)):
            rec[name] = getattr(node, name)
        try:
            return orjson.dumps(rec)
        except TypeError:
            pass
    return _ENCODER.encode(node_record(node))


def _edge_json(edge: Any) -> str | bytes:
    """``_dumps(edge_record(edge))``: orjson writes a dataclass's fields in order, its tuples
    as lists and its dates as ISO days, so the record need not be made (450,000 edges); its
    bytes as :func:`_node_json` returns them."""
    if orjson is not None:
        try:
            return orjson.dumps(edge)
        except TypeError:
            pass
    return _ENCODER.encode(edge_record(edge))


class Store:
    """One store file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike, create: bool = False) -> None:
        self.path = str(path)
        if not create and not os.path.exists(self.path):
            raise StoreError(
                f"no store at {self.path}: run `policy-lineage build DIR` first "
                "(or give --store PATH / $POLICY_LINEAGE_STORE)"
            )
        try:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(_SCHEMA)
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(files)")}
            if "extractor" not in columns:  # a store from before the column: facts re-read once
                self.conn.execute("ALTER TABLE files ADD COLUMN extractor TEXT")
            if "stat" not in columns:
                self.conn.execute("ALTER TABLE files ADD COLUMN stat TEXT")
            self.conn.executescript(_FILES_META)
            for table, wanted in _OWNER_COLUMNS.items():
                have = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
                for column in wanted:
                    if column not in have:
                        self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
            self.conn.executescript(_GRAPH_INDEXES)
            version = self._meta("schema_version")
            if version is None:
                self._set_meta("schema_version", SCHEMA_VERSION)
            elif version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by another version of policy-lineage "
                    f"(store schema {version}, this one reads {SCHEMA_VERSION}); "
                    "build a new store"
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a policy-lineage store ({exc})") from exc

    # ---------------------------------------------------------------- plumbing
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: committed at the end, rolled back on any exception (Ctrl-C too)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ---------------------------------------------------------------- files
    def files(self) -> list[FileRecord]:
        rows = self.conn.execute(
            "SELECT abspath, path, sha256, size, ingested_at, error, extractor, stat FROM files "
            "ORDER BY path"
        ).fetchall()
        return [FileRecord(*row) for row in rows]

    def files_under(self, roots: Iterable[str]) -> list[FileRecord]:
        """The stored files that are ``roots`` (:func:`abspath` keys), below them (folders) or
        members of them (archives), by path: what a build of those roots can touch, read
        through the key's index instead of the whole list (one file of a country's corpus)."""
        from ..loaders.read_archive import SEP

        top = "\U0010ffff"
        found: dict[str, tuple] = {}
        sql = (
            "SELECT abspath, path, sha256, size, ingested_at, error, extractor, stat FROM files "
            "WHERE abspath = ? OR (abspath > ? AND abspath < ?) OR (abspath > ? AND abspath < ?)"
        )
        for root in roots:
            folder, member = root.rstrip(os.sep) + os.sep, root + SEP
            for row in self.conn.execute(
                sql, (root, folder, folder + top, member, member + top)
            ).fetchall():
                found[row[0]] = row
        return [FileRecord(*row) for row in sorted(found.values(), key=lambda r: r[1])]

    def file(self, abspath: str) -> FileRecord | None:
        row = self.conn.execute(
            "SELECT abspath, path, sha256, size, ingested_at, error, extractor, stat FROM files "
            "WHERE abspath = ?",
            (abspath,),
        ).fetchone()
        return FileRecord(*row) if row else None

    def extraction_by_hash(
        self, sha256: str, extractor: str | None = None
    ) -> dict[str, Any] | None:
        """A stored extraction of a file with these exact bytes (a copy or a moved file),
        made by the reader ``extractor`` names (any reader when None)."""
        row = self.conn.execute(
            "SELECT extraction FROM files WHERE sha256 = ? AND extraction IS NOT NULL "
            "AND (? IS NULL OR extractor = ?) LIMIT 1",
            (sha256, extractor, extractor),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put_file(
        self,
        abspath: str,
        path: str,
        sha256: str,
        size: int,
        extraction: Extraction | dict[str, Any] | None,
        error: str | None = None,
        extractor: str | None = None,
    ) -> None:
        """Replace one file's facts, in one transaction, and mark the graph out of date."""
        if isinstance(extraction, Extraction):
            extraction = extraction_to_dict(extraction)
        data = _dumps(extraction) if extraction is not None else None
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO files (abspath, path, sha256, size, ingested_at, extraction, error, "
                "extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (abspath) DO UPDATE SET "
                "path = excluded.path, sha256 = excluded.sha256, size = excluded.size, "
                "ingested_at = excluded.ingested_at, extraction = excluded.extraction, "
                "error = excluded.error, extractor = excluded.extractor, stat = NULL",
                (abspath, path, sha256, size, now, data, error, extractor),
            )
            conn.execute("INSERT OR IGNORE INTO pending (abspath) VALUES (?)", (abspath,))
            self._set_meta("graph_state", "stale")

    def put_encoded(
        self,
        rows: Iterable[tuple[str, str, str, int, str | bytes, str | None]],
        extractor: str | None = None,
    ) -> None:
        """Replace several files' facts in one transaction: (abspath, path, sha256, size,
        extraction as JSON text, as :func:`_dumps` writes it (or its UTF-8 bytes), and the
        stat :meth:`set_stats`
        would remember, or None). What :meth:`put_file` and :meth:`set_stats` do for each,
        without a transaction per file (a cold national build stores ten thousand) and
        without writing each row twice (the stat set after: 2.1 s of rows rewritten)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = list(rows)
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO files (abspath, path, sha256, size, ingested_at, extraction, error, "
                "extractor, stat) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), NULL, ?, ?) "
                "ON CONFLICT (abspath) "
                "DO UPDATE SET path = excluded.path, sha256 = excluded.sha256, "
                "size = excluded.size, ingested_at = excluded.ingested_at, "
                "extraction = excluded.extraction, error = NULL, extractor = excluded.extractor, "
                "stat = excluded.stat",
                [
                    (a, p, sha, size, now, text, extractor, stat)
                    for a, p, sha, size, text, stat in rows
                ],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO pending (abspath) VALUES (?)", [(r[0],) for r in rows]
            )
            self._set_meta("graph_state", "stale")

    def set_stats(self, stats: Iterable[tuple[str, str, str]]) -> None:
        """Remember (abspath, sha256, stat): a file whose stat is the same next time is not
        read to be hashed again (only when its bytes are still the ones stored)."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE files SET stat = ? WHERE abspath = ? AND sha256 = ?",
                ((stat, key, sha) for key, sha, stat in stats),
            )

    def forget(self, abspaths: Iterable[str]) -> int:
        """Drop these files and their facts; the number dropped."""
        abspaths = list(abspaths)
        with self.transaction() as conn:
            dropped = 0
            for p in abspaths:
                gone = conn.execute("DELETE FROM files WHERE abspath = ?", (p,)).rowcount
                if gone:
                    conn.execute("INSERT OR IGNORE INTO pending (abspath) VALUES (?)", (p,))
                dropped += gone
            if dropped:
                self._set_meta("graph_state", "stale")
        return dropped

    def extractions(self, known: Mapping[str, Extraction] | None = None) -> list[Extraction]:
        """Every stored extraction, by path. ``known``: some already read from the text
        stored (by :func:`~.ingest.ingest` as it wrote them), by key; only the others are
        read here."""
        if not known:
            rows = self.conn.execute(
                "SELECT extraction FROM files WHERE extraction IS NOT NULL ORDER BY path"
            ).fetchall()
            return [extraction_from_dict(_loads(row[0])) for row in rows]
        keys = [
            row[0]
            for row in self.conn.execute(
                "SELECT abspath FROM files WHERE extraction IS NOT NULL ORDER BY path"
            )
        ]
        others = [k for k in keys if k not in known]
        read: dict[str, Extraction] = {}
        for i in range(0, len(others), 900):
            chunk = others[i : i + 900]
            marks = ",".join("?" * len(chunk))
            for key, data in self.conn.execute(
                f"SELECT abspath, extraction FROM files WHERE abspath IN ({marks})", chunk
            ):
                read[key] = extraction_from_dict(_loads(data))
        return [known[k] if k in known else read[k] for k in keys]

    # ---------------------------------------------------------------- the graph
    @property
    def graph_is_fresh(self) -> bool:
        return self._meta("graph_state") == "fresh"

    def save_graph(self, graph: LineageGraph, owned: Any = None, index: str | None = None) -> None:
        """Replace the materialized graph in one transaction. ``owned``
        (:class:`~.incremental.Owned`, the same graph with who made what) and ``index``
        (its resolver's fingerprint) let the next change be resolved incrementally."""
        with self._bulk_journal(self._graph_is_empty()), self.transaction() as conn:
            for name in re.findall(r"INDEX IF NOT EXISTS (\w+)", _GRAPH_INDEXES):
                conn.execute(f"DROP INDEX IF EXISTS {name}")
            for table in ("nodes", "edges", "findings", "keys", "pending"):
                conn.execute(f"DELETE FROM {table}")
            if owned is None:
                nodes = ((n.id, n.kind, _node_json(n), None, None) for n in graph.nodes())
                edges = ((e, None) for e in graph.edges)
                findings = ((f, None) for f in graph.findings)
                self._set_meta("graph_index", "")
            else:
                nodes = ((n.id, n.kind, _node_json(n), owner, grp) for owner, grp, n in owned.nodes)
                edges = ((e, owner) for owner, e in owned.edges)
                findings = ((f, owner) for owner, f in owned.findings)
                conn.executemany(
                    "INSERT INTO keys (owner, key, info) VALUES (?, ?, ?)",
                    ((o, k, i) for o, rows in owned.rows.items() for k, i in rows),
                )
                self._set_meta("graph_index", index or "")
            conn.executemany(
                "INSERT INTO nodes (id, kind, data, owner, grp) "
                "VALUES (?, ?, CAST(? AS TEXT), ?, ?)",
                nodes,
            )
            conn.executemany(
                "INSERT INTO edges (source, target, kind, data, owner) "
                "VALUES (?, ?, ?, CAST(? AS TEXT), ?)",
                ((e.source, e.target, e.kind, _edge_json(e), o) for e, o in edges),
            )
            conn.executemany(
                "INSERT INTO findings (data, owner) VALUES (?, ?)",
                ((_dumps(f.__dict__), o) for f, o in findings),
            )
            for statement in _GRAPH_INDEXES.strip().splitlines():
                conn.execute(statement)
            self._set_meta("graph_state", "fresh")
            self._set_meta("graph_built_at", datetime.now(UTC).isoformat(timespec="seconds"))

    def _graph_is_empty(self) -> bool:
        """No graph row stored (a new store, or one whose graph was never made)."""
        return not self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM nodes) OR EXISTS (SELECT 1 FROM edges) "
            "OR EXISTS (SELECT 1 FROM findings) OR EXISTS (SELECT 1 FROM keys)"
        ).fetchone()[0]

    @contextmanager
    def _bulk_journal(self, wanted: bool) -> Iterator[None]:
        """The first graph of a store written through a rollback journal, not the WAL.

        In WAL mode every page of the graph (730 MB at national scale) is written twice:
        to the WAL during the transaction, then copied into the database by the checkpoint
        at its commit (4 s of a cold national build). Pages added past the end of the file
        are not journaled in rollback mode, so a graph written into an empty store is
        written once, and the commit is all or nothing as before: a killed build leaves a
        hot journal, and the next connection rolls the file back to what it was (files
        kept, no graph). Only when this is the store's one connection (the mode cannot
        change while another is open: then the WAL as before); WAL again after."""
        if not wanted or self.conn.in_transaction:
            yield
            return
        try:
            mode = self.conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError:  # locked: another connection is writing
            mode = "wal"
        if mode != "delete":  # another connection has the store open
            yield
            return
        self.conn.execute("PRAGMA synchronous=FULL")  # the journal synced before the file
        try:
            yield
        finally:
            self.conn.execute("PRAGMA synchronous=NORMAL")
            with suppress(sqlite3.OperationalError):  # a reader holds it: the next open does
                self.conn.execute("PRAGMA journal_mode=WAL")

    def set_aliases(self, path: str) -> None:
        """Remember the alias file a build used, so a later re-resolve uses it too."""
        with self.transaction():
            self._set_meta("aliases_path", abspath(path))

    def rebuild_graph(
        self,
        table: Any = None,
        aliases: str | None = None,
        known: Mapping[str, Extraction] | None = None,
    ) -> LineageGraph:
        """Resolve the graph from every stored extraction and materialize it (a full
        rebuild). ``aliases``: the alias file ``table`` was loaded from, if any; ``known``:
        extractions already read from their stored text, by key (:meth:`extractions`)."""
        from ..loaders.agencies import AgencyTable, default_table
        from .incremental import Fallback, TrackingBuilder, resolver_fingerprint

        if table is None:
            aliases = self._meta("aliases_path")
            if aliases and os.path.exists(aliases):
                table = AgencyTable.load(extra=aliases)
            else:
                aliases = None
        with _gc_paused():
            builder = TrackingBuilder(
                table or default_table(), folded=getattr(known, "folded", None)
            )
            graph = builder.run(self.extractions(known))
            keys = dict(self.conn.execute("SELECT path, abspath FROM files").fetchall())
            try:
                owned = builder.owned(keys.get)
                index = resolver_fingerprint(aliases)
                if len(keys) != self.conn.execute("SELECT count(*) FROM files").fetchone()[0]:
                    index = ""  # two files share one path as given: who made what is unclear
            except Fallback:
                owned, index = None, ""
            self.save_graph(graph, owned, index)
        return graph

    def refresh_graph(
        self,
        table: Any = None,
        aliases: str | None = None,
        known: Mapping[str, Extraction] | None = None,
    ) -> Any:
        """Bring the graph up to date with the files changed since it was made: only the
        region they touch when it can (:func:`~.incremental.update_graph`), else a full
        rebuild (``known`` as :meth:`rebuild_graph` takes it). The
        :class:`~.incremental.UpdateReport` says which."""
        from ..loaders.agencies import default_table
        from .incremental import Fallback, UpdateReport, resolver_fingerprint, update_graph

        try:
            with _gc_paused():
                return update_graph(self, table or default_table(), resolver_fingerprint(aliases))
        except Fallback as why:
            self.rebuild_graph(table, aliases, known)
            return UpdateReport(full=str(why))

    def graph(self) -> LineageGraph:
        """The resolved graph (rebuilt first if a build was interrupted)."""
        if not self.graph_is_fresh:
            return self.rebuild_graph()
        data = {
            "nodes": [json.loads(r[0]) for r in self.conn.execute("SELECT data FROM nodes")],
            "edges": [
                json.loads(r[0]) for r in self.conn.execute("SELECT data FROM edges ORDER BY seq")
            ],
            "graph": {
                "findings": [
                    json.loads(r[0])
                    for r in self.conn.execute("SELECT data FROM findings ORDER BY seq")
                ]
            },
        }
        return LineageGraph.from_node_link(data)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a graph is resolved and written. Resolving makes
    millions of objects that all live until the end and hold no garbage cycles, and each
    full collection walked all of them again: a quarter of a national rebuild (39 -> 29 s),
    for nothing collected. It is switched back on after, as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_graph(path: str | os.PathLike) -> LineageGraph:
    """The graph in the store at ``path``; :class:`StoreError` if there is none."""
    with closing(Store(path)) as store:
        return store.graph()


def abspath(path: str) -> str:
    """The key of a file in the store: its absolute path; for an archive member
    (``a.zip!b/c.docx``) the archive's absolute path, ``!``, and the member's name as is."""
    from ..loaders.read_archive import SEP, split

    member = split(path)
    if member is not None:
        return SEP.join([str(Path(member[0]).resolve()), *member[1]])
    return str(Path(path).resolve())


def archive_of(key: str) -> str | None:
    """The archive file holding the stored member ``key`` (an :func:`abspath`), or None."""
    from ..loaders.read_archive import SEP, is_archive

    if SEP not in key or os.path.exists(key):
        return None
    pieces = key.split(SEP)
    for i in range(1, len(pieces)):
        if is_archive(SEP.join(pieces[:i])):
            return SEP.join(pieces[:i])
    return None


def exists(key: str) -> bool:
    """Whether a stored file is still on disk (a member: whether its archive is)."""
    return os.path.exists(archive_of(key) or key)


def is_under(key: str, root: str) -> bool:
    """Whether the stored file ``key`` is ``root``, below the folder ``root`` or a member of
    the archive ``root`` (both :func:`abspath` keys)."""
    from ..loaders.read_archive import SEP

    return key == root or key.startswith((root.rstrip(os.sep) + os.sep, root + SEP))
