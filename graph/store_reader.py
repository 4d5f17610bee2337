"""The store as a read interface for the queries: only the part of the graph a question
touches, read with the store's indexes.

A national store holds tens of thousands of nodes and a hundred thousand edges; reading
them all costs seconds before a question is even asked. :class:`StoreReader` answers the
questions the queries of ``queries/`` ask a frontier at a time (the links of these
documents, the tasks of those, the bodies a name may fit) with SQL over the ``edges``
table (indexed by source and by target) and the ``nodes`` table (by id). What the
answers mean is written once, in ``queries/``; this module only reads.

>>> import tempfile, os
>>> from policy_lineage.queries.example import example_graph
>>> from policy_lineage.queries.tasks import tasks_from
>>> from policy_lineage.graph.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "s.db")
>>> with Store(path, create=True) as store:
...     store.save_graph(example_graph())
...     rows = tasks_from(StoreReader(store), "doc:dong-thap:254/KH-UBND:2025")
>>> sorted(r.task.id for r in rows)
['task:2', 'task:3', 'task:4', 'task:5']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
    from_record,
)

if TYPE_CHECKING:
    from .store import Store

__all__ = ["StoreReader", "StoredDocuments", "counts", "findings"]

_CHUNK = 900  # ids per IN (…) list: under SQLite's default limit of host parameters
# Nodes of one kind by id: through the id's index. "+kind" keeps SQLite from using the kind's
# index (nodes_kind, for counting) instead: from ten ids on, with no statistics, it would
# scan every node of the kind (198,000 tasks at national scale: 0.1 s for a few ids).
_BY_ID = "+kind = ?"


def _fresh(store: Store) -> None:
    if not store.graph_is_fresh:  # an interrupted build: resolve again first, as graph() does
        store.rebuild_graph()


def _rows(store: Store, sql: str, ids: Iterable[str], *params: Any) -> list[tuple]:
    """``sql`` holds one ``{ids}`` placeholder for an ``IN`` list; run it over ``ids``."""
    ids = list(dict.fromkeys(ids))
    out: list[tuple] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        out += store.conn.execute(sql.format(ids=marks), (*params, *chunk)).fetchall()
    return out


# a task's key read by SQLite from its stored record: rowid, id, document, deadline, source
# and the two ends of its span (no JSON decoded in Python)
_KEY_FIELDS = (
    "rowid, id, json_extract(data, '$.document_id'), json_extract(data, '$.deadline'),"
    " json_extract(data, '$.source'), json_extract(data, '$.span[0]'),"
    " json_extract(data, '$.span[1]')"
)


def _key(row: tuple) -> tuple:
    _, tid, doc, deadline, source, a, b = row
    return (tid, doc, deadline, source, (a, b) if a is not None else None)


class StoredDocuments(Mapping[str, DocumentNode]):
    """The store's documents by id, each read when first asked for and kept (the same
    object for the same id): one by id through the id's index, or all of them, in the
    order they were stored, when they are listed or when many have been asked for one by
    one. A question about a few documents (the 35 of one notice's chain, of a national
    store's 10,523) reads those, not every document's record.

    >>> import tempfile, os
    >>> from policy_lineage.queries.example import example_graph
    >>> from policy_lineage.graph.store import Store
    >>> with Store(os.path.join(tempfile.mkdtemp(), "s.db"), create=True) as store:
    ...     store.save_graph(example_graph())
    ...     docs = StoreReader(store).documents()
    ...     (docs["doc:vn:57-NQ/TW:2021-2026"].number, "doc:none" in docs, len(docs))
    ('57-NQ/TW', False, 4)
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[str, DocumentNode | None] = {}  # read so far (None: no such)
        self._asked = 0  # ids read one by one
        self._all: dict[str, DocumentNode] | None = None

    def _decoded(self, data: str) -> DocumentNode:
        rec = json.loads(data)
        known = self._known.get(rec.get("id"))
        return known if known is not None else from_record(DocumentNode, rec)

    def _everything(self) -> dict[str, DocumentNode]:
        if self._all is None:
            rows = self._store.conn.execute(
                "SELECT data FROM nodes WHERE kind = 'Document' ORDER BY rowid"
            )
            docs = (self._decoded(data) for (data,) in rows)
            self._all = {d.id: d for d in docs}
            self._known.clear()
        return self._all

    def __getitem__(self, doc_id: str) -> DocumentNode:
        if self._all is not None:
            return self._all[doc_id]
        if doc_id not in self._known:
            if self._asked >= _CHUNK:  # many asked for one by one: read them all
                return self._everything()[doc_id]
            self._asked += 1
            row = self._store.conn.execute(
                f"SELECT data FROM nodes WHERE {_BY_ID} AND id = ?", ("Document", doc_id)
            ).fetchone()
            self._known[doc_id] = (
                from_record(DocumentNode, json.loads(row[0])) if row is not None else None
            )
        doc = self._known[doc_id]
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, str):
            return False
        try:
            self[doc_id]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._everything())

    def __len__(self) -> int:
        return len(self._everything())

    def keys(self):  # type: ignore[override]  # the dict's views: no lookup per item
        return self._everything().keys()

    def values(self):  # type: ignore[override]
        return self._everything().values()

    def items(self):  # type: ignore[override]
        return self._everything().items()

    def holding(self, digits: str, test: Callable[[str], Any] | None = None) -> list[DocumentNode]:
        """The documents whose number or a form they are cited as holds ``digits`` (and
        passes ``test``, when given), in the order they were stored: what naming a document
        by its number needs to look at. Only those documents' records are decoded."""

        def fits(form: str | None) -> bool:
            return bool(form) and digits in form and (test is None or bool(test(form)))

        if self._all is not None:
            return [d for d in self._all.values() if fits(d.number) or any(map(fits, d.cited_as))]
        conn = self._store.conn
        forms = conn.execute(
            "SELECT rowid, json_extract(data, '$.number'), json_extract(data, '$.cited_as')"
            " FROM nodes WHERE kind = 'Document' AND (instr(json_extract(data, '$.number'), ?)"
            " OR instr(json_extract(data, '$.cited_as'), ?)) ORDER BY rowid",
            (digits, digits),
        ).fetchall()
        rowids = [
            rowid
            for rowid, number, cited in forms
            if fits(number) or (cited and any(map(fits, json.loads(cited))))
        ]
        out = []
        for i in range(0, len(rowids), _CHUNK):
            chunk = rowids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT rowid, data FROM nodes WHERE rowid IN ({marks})", chunk
            ).fetchall()
            for _, data in sorted(rows):
                doc = self._decoded(data)
                self._known.setdefault(doc.id, doc)
                out.append(doc)
        return out


class StoreReader:
    """:class:`~policy_lineage.queries.reader.GraphReader` over a :class:`Store` (kept
    open by the caller). Documents (:class:`StoredDocuments`) and bodies are read once and
    kept."""

    def __init__(self, store: Store) -> None:
        _fresh(store)
        self.store = store
        self._documents: StoredDocuments | None = None
        self._agencies: list[AgencyNode] | None = None

    def _of_kind(self, kind: str) -> list[dict[str, Any]]:
        rows = self.store.conn.execute(
            "SELECT data FROM nodes WHERE kind = ? ORDER BY rowid", (kind,)
        )
        return [json.loads(r[0]) for r in rows]

    def _nodes(self, ids: Iterable[str], kind: str) -> list[dict[str, Any]]:
        sql = f"SELECT rowid, data FROM nodes WHERE {_BY_ID} AND id IN ({{ids}})"
        return [json.loads(data) for _, data in sorted(_rows(self.store, sql, ids, kind))]

    def documents(self) -> StoredDocuments:
        if self._documents is None:
            self._documents = StoredDocuments(self.store)
        return self._documents

    def links(self, ids: Sequence[str], direction: str, kinds: Sequence[str]) -> list[Edge]:
        if not kinds:
            return []
        end = "source" if direction == "out" else "target"
        marks = ",".join("?" * len(kinds))
        sql = f"SELECT seq, data FROM edges WHERE kind IN ({marks}) AND {end} IN ({{ids}})"
        rows = dict(_rows(self.store, sql, ids, *kinds))
        return [from_record(Edge, json.loads(rows[seq])) for seq in sorted(rows)]

    def tasks(self, ids: Sequence[str]) -> list[TaskNode]:
        return [from_record(TaskNode, r) for r in self._nodes(ids, "Task")]

    def tasks_of(self, document_ids: Sequence[str]) -> list[TaskNode]:
        held = _rows(
            self.store,
            "SELECT target FROM edges WHERE kind = 'has-task' AND source IN ({ids})",
            document_ids,
        )
        wanted = set(document_ids)
        return [t for t in self.tasks([r[0] for r in held]) if t.document_id in wanted]

    def task_keys(self, document_ids: Sequence[str]) -> list[tuple]:
        """The keys of :meth:`tasks_of`'s tasks, in its order (id, document, deadline,
        source, span: ``queries.reader.TaskKey``), read by SQLite from the stored records
        without decoding them: through the ``has-task`` links for a few documents, by one
        pass over every task for many (a country's plans)."""
        fields = _KEY_FIELDS
        if len(document_ids) > _CHUNK:
            rows = self.store.conn.execute(
                f"SELECT {fields} FROM nodes WHERE kind = 'Task' ORDER BY rowid"
            ).fetchall()
        else:
            held = _rows(
                self.store,
                "SELECT target FROM edges WHERE kind = 'has-task' AND source IN ({ids})",
                document_ids,
            )
            sql = f"SELECT {fields} FROM nodes WHERE {_BY_ID} AND id IN ({{ids}})"
            rows = sorted(_rows(self.store, sql, [r[0] for r in held], "Task"))
        wanted = set(document_ids)
        return [_key(row) for row in rows if row[2] in wanted]

    def task_keys_by_deadline(self) -> Iterator[list[tuple]]:
        """Every task's key (as :meth:`task_keys`), a deadline at a time: the tasks of the
        nearest deadline first, each group in the order the tasks were stored, the tasks
        with no deadline last. Read through the store's deadline index as it is consumed,
        so the first group costs what it holds, not what the store holds."""
        dated = (
            f"SELECT {_KEY_FIELDS} FROM nodes WHERE kind = 'Task'"
            " AND json_extract(data, '$.deadline') IS NOT NULL"
            " ORDER BY json_extract(data, '$.deadline'), rowid"
        )
        group: list[tuple] = []
        for row in self.store.conn.execute(dated):
            if group and row[3] != group[-1][2]:
                yield group
                group = []
            group.append(_key(row))
        if group:
            yield group
        undated = (
            f"SELECT {_KEY_FIELDS} FROM nodes WHERE kind = 'Task'"
            " AND json_extract(data, '$.deadline') IS NULL ORDER BY rowid"
        )
        rows = self.store.conn.execute(undated).fetchall()
        if rows:
            yield [_key(row) for row in rows]

    def _all_agencies(self) -> list[AgencyNode]:
        if self._agencies is None:
            self._agencies = [from_record(AgencyNode, r) for r in self._of_kind("Agency")]
        return self._agencies

    def bodies(self, folded: str) -> list[AgencyNode]:
        return self._all_agencies()

    def bodies_named(self, names: Sequence[str]) -> list[AgencyNode]:
        wanted = set(names)
        return [
            a for a in self._all_agencies() if a.name in wanted or not wanted.isdisjoint(a.aliases)
        ]

    def graph(self) -> LineageGraph:
        return self.store.graph()


def counts(store: Store) -> dict[str, Any]:
    """:meth:`LineageGraph.counts` of the stored graph, counted by SQLite.

    >>> import tempfile, os
    >>> from policy_lineage.queries.example import example_graph
    >>> from policy_lineage.graph.store import Store
    >>> with Store(os.path.join(tempfile.mkdtemp(), "s.db"), create=True) as store:
    ...     store.save_graph(example_graph())
    ...     counts(store) == example_graph().counts()
    True
    """
    _fresh(store)
    conn = store.conn
    nodes = dict(conn.execute("SELECT kind, count(*) FROM nodes GROUP BY kind").fetchall())
    (in_corpus,) = conn.execute(
        "SELECT count(*) FROM nodes WHERE kind = 'Document' AND json_extract(data, '$.in_corpus')"
    ).fetchone()
    by_kind = dict(conn.execute("SELECT kind, count(*) FROM edges GROUP BY kind").fetchall())
    (n_findings,) = conn.execute("SELECT count(*) FROM findings").fetchone()
    documents = nodes.get("Document", 0)
    return {
        "documents": documents,
        "documents_in_corpus": in_corpus,
        "documents_cited_only": documents - in_corpus,
        "agencies": nodes.get("Agency", 0),
        "tasks": nodes.get("Task", 0),
        "edges": sum(by_kind.values()),
        "edges_by_kind": dict(sorted(by_kind.items())),
        "findings": n_findings,
    }


def findings(store: Store) -> list[Finding]:
    """The resolver's findings, in the order it made them."""
    _fresh(store)
    rows = store.conn.execute("SELECT data FROM findings ORDER BY seq")
    return [Finding(**json.loads(r[0])) for r in rows]
