"""Every Cypher statement the graph servers are sent, in one place.

``push`` and the server reader (:mod:`.reader`) write and read the lineage
graph on Neo4j and FalkorDB with the statements built here. Three rules hold for all of
them:

* **values are parameters**: a document's title, a task's text, an id are always
  ``$rows`` / ``$id`` …, never pasted into the text of a statement;
* **names come from the vocabulary**: labels and relationship types are taken only
  from :data:`LABELS` and :data:`REL_TYPES` (the model's fixed vocabulary), checked by
  :func:`label` and :func:`rel_type`, never from documents;
* **one text for both servers**: the statements below run unchanged on Neo4j and on
  FalkorDB. What differs between the two, the schema statements (constraints and
  indexes) and how an "already exists" answer looks, lives in the two
  :class:`Dialect` objects at the end of this module and nowhere else.

The graph on the server:

* nodes ``(:Document)``, ``(:Agency)``, ``(:Task)`` with the fields of the model's
  records (dates as ISO strings, lists of strings, ``span`` as ``[start, end]``),
  ``(:Finding)``, ``(:OverlapGroup)`` (the groups ``find_overlaps`` computed at push
  time) and one ``(:LineageMeta {id: "policy-lineage"})``; every node has a unique
  ``id`` and an ``seq`` (its position in the graph, so answers keep the embedded order);
* relationships of the types in :data:`REL_TYPES` (``implements`` → ``IMPLEMENTS``,
  ``assigned-to`` → ``ASSIGNED_TO`` …) and ``(:OverlapGroup)-[:HAS_MEMBER]->(:Task)``;
  each with a ``key`` (stable across pushes of the same fact) and an ``seq``;
* every pushed node and relationship carries ``gen``, the content hash of the graph
  that was pushed (see :mod:`.push`).

>>> merge_nodes("Document").startswith("UNWIND $rows AS row MERGE (n:Document")
True
>>> rel_type("assigned-to")
'ASSIGNED_TO'
>>> label("Document) DETACH DELETE (n")
Traceback (most recent call last):
...
ValueError: 'Document) DETACH DELETE (n' is not a label of the lineage graph
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date as _date
from typing import Any

from ..schema.graph_model import EDGE_KINDS

__all__ = [
    "LABELS",
    "MODEL_LABELS",
    "REL_TYPES",
    "MEMBER_TYPE",
    "META_ID",
    "label",
    "rel_type",
    "merge_nodes",
    "merge_edges",
    "sweep_nodes",
    "sweep_edges",
    "count_nodes",
    "count_edges",
    "links",
    "Dialect",
    "NEO4J",
    "FALKORDB",
    "DIALECTS",
    "DATE_PROPERTIES",
    "with_dates",
    "iso_dates",
]

# ------------------------------------------------------------------ the vocabulary

MODEL_LABELS: tuple[str, ...] = ("Document", "Agency", "Task")
LABELS: tuple[str, ...] = (*MODEL_LABELS, "Finding", "OverlapGroup", "LineageMeta")
# The model's edge kinds as relationship types: implements → IMPLEMENTS, part-of → PART_OF.
REL_TYPES: dict[str, str] = {kind: kind.upper().replace("-", "_") for kind in EDGE_KINDS}
MEMBER_TYPE = "HAS_MEMBER"  # (:OverlapGroup)-[:HAS_MEMBER {pos}]->(:Task)
ALL_REL_TYPES: tuple[str, ...] = (*REL_TYPES.values(), MEMBER_TYPE)
META_ID = "policy-lineage"  # the id of the one (:LineageMeta) node


def label(name: str) -> str:
    """``name`` if it is a label of the lineage graph; ``ValueError`` otherwise."""
    if name not in LABELS:
        raise ValueError(f"{name!r} is not a label of the lineage graph")
    return name


def rel_type(kind: str) -> str:
    """The relationship type of an edge kind (or a type itself); ``ValueError`` otherwise."""
    if kind in REL_TYPES:
        return REL_TYPES[kind]
    if kind in ALL_REL_TYPES:
        return kind
    raise ValueError(f"{kind!r} is not a relationship of the lineage graph")


# ------------------------------------------------------------------ writing

# Rows: {"id": …, "props": {…}}; props hold every field, None for an absent one, so a
# re-push removes a value that is gone (SET += with null removes the property).


def merge_nodes(name: str) -> str:
    """Create or update a batch of nodes of one label; ``$rows``, ``$gen``."""
    return (
        f"UNWIND $rows AS row MERGE (n:{label(name)} {{id: row.id}}) "
        "SET n += row.props, n.gen = $gen"
    )


def merge_edges(kind: str, source_label: str, target_label: str) -> str:
    """Create or update a batch of relationships of one type between two labels.

    Rows: ``{"s": source id, "t": target id, "key": …, "props": {…}}``."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{label(source_label)} {{id: row.s}}) "
        f"MATCH (b:{label(target_label)} {{id: row.t}}) "
        f"MERGE (a)-[r:{rel_type(kind)} {{key: row.key}}]->(b) "
        "SET r += row.props, r.gen = $gen"
    )


def sweep_nodes(name: str) -> str:
    """Delete up to ``$limit`` nodes of a label that the push of ``$gen`` did not touch."""
    return (
        f"MATCH (n:{label(name)}) WHERE n.gen IS NULL OR n.gen <> $gen "
        "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
    )


def sweep_edges(kind: str) -> str:
    """Delete up to ``$limit`` relationships of a type that the push did not touch."""
    return (
        f"MATCH ()-[r:{rel_type(kind)}]->() WHERE r.gen IS NULL OR r.gen <> $gen "
        "WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted"
    )


def count_nodes(name: str) -> str:
    return f"MATCH (n:{label(name)}) RETURN count(n) AS total"


def count_edges(kind: str) -> str:
    return f"MATCH ()-[r:{rel_type(kind)}]->() RETURN count(r) AS total"


GET_META = "MATCH (m:LineageMeta {id: $id}) RETURN properties(m) AS meta"

# ------------------------------------------------------------------ reading the graph


def all_nodes(name: str) -> str:
    """Every node of a label, in the graph's order."""
    return f"MATCH (n:{label(name)}) RETURN properties(n) AS node, n.seq AS seq ORDER BY seq"


ALL_EDGES = (
    "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
    "RETURN a.id AS source_id, b.id AS target_id, properties(r) AS rel, r.seq AS seq "
    "ORDER BY seq"
)

# The read interface (servers/reader.py): a frontier at a time, rows with their ``seq``.


def links(name: str, direction: str) -> str:
    """Relationships of ``$types`` leaving (``out``) or entering (``in``) the nodes of
    label ``name`` whose ids are in ``$frontier``."""
    near = f"(n:{label(name)} {{id: id}})"
    pattern = f"{near}-[r]->(m)" if direction == "out" else f"(m)-[r]->{near}"
    source, target = ("n", "m") if direction == "out" else ("m", "n")
    return (
        f"UNWIND $frontier AS id MATCH {pattern} WHERE type(r) IN $types "
        f"RETURN {source}.id AS source_id, {target}.id AS target_id, properties(r) AS rel, "
        "r.seq AS seq"
    )


TASKS_OF_DOCUMENTS = (
    "UNWIND $documents AS d MATCH (t:Task {document_id: d}) "
    "RETURN properties(t) AS task, t.seq AS seq"
)
TASKS_BY_ID = "UNWIND $ids AS id MATCH (t:Task {id: id}) RETURN properties(t) AS task, t.seq AS seq"
AGENCIES_NAMED = (  # by name or alias ("Sở Xây dựng tỉnh Lâm Đồng", as a task shows it)
    "MATCH (a:Agency) WHERE a.name IN $names OR any(x IN a.aliases WHERE x IN $names) "
    "RETURN properties(a) AS agency, a.seq AS seq ORDER BY seq"
)

# bodies whose folded name or an alias contains the folded query (``search_forms``, written
# by the push)
AGENCIES_MATCHING = (
    "MATCH (a:Agency) WHERE ANY(f IN a.search_forms WHERE f CONTAINS $q) "
    "RETURN properties(a) AS agency, a.seq AS seq"
)
# overlaps: the groups pushed with the graph; ``$keys``/``$padded`` filter by a body
# (folded keys computed in Python, as the embedded matcher does).
OVERLAP_KEY_KNOWN = (
    "OPTIONAL MATCH (a:Agency) WHERE ANY(k IN a.agency_keys WHERE k IN $keys) "
    "WITH count(a) AS agencies "
    "OPTIONAL MATCH (t:Task) WHERE ANY(k IN t.agency_keys WHERE k IN $keys) "
    "RETURN agencies + count(t) AS known"
)
# (No EXISTS {} subquery: FalkorDB lacks it; collecting the members runs on both.)
OVERLAP_GROUPS = (
    "MATCH (g:OverlapGroup) WHERE g.min_score = $min_score "
    "OPTIONAL MATCH (g)-[:HAS_MEMBER]->(t:Task) "
    "WITH g, collect(t.agency_keys) AS keys "
    "WHERE $keys IS NULL OR ANY(ks IN keys WHERE ANY(k IN ks WHERE k IN $keys OR "
    "($padded IS NOT NULL AND ANY(p IN $padded WHERE (' ' + k + ' ') CONTAINS p)))) "
    "RETURN properties(g) AS grp, g.seq AS seq ORDER BY seq"
)
OVERLAP_MEMBERS = (
    "UNWIND $ids AS gid "
    "MATCH (g:OverlapGroup {id: gid})-[m:HAS_MEMBER]->(t:Task) "
    "OPTIONAL MATCH (d:Document {id: t.document_id}) "
    "RETURN gid AS group_id, m.pos AS pos, properties(t) AS task, properties(d) AS doc"
)

# ------------------------------------------------------------------ dates

# The properties that hold a day: a Document's date, a Task's deadline. FalkorDB holds them
# as ISO text (its date() is not dependable here); Neo4j as a Date, whichever way the graph
# arrives (push, the cypher script, neo4j-admin's date:date columns), and the Neo4j backend
# turns a Date it reads back into the same ISO text, so the queries see one form.
DATE_PROPERTIES: frozenset[str] = frozenset({"date", "deadline"})


def with_dates(rows: list[dict]) -> list[dict]:
    """``rows`` (``{"id"/"s"/"t", "props": {…}}``) with ISO day strings of
    :data:`DATE_PROPERTIES` as :class:`datetime.date` (what Neo4j stores as a Date).

    >>> with_dates([{"id": "t", "props": {"deadline": "2025-06-30", "text": "2025-06-30"}}])
    [{'id': 't', 'props': {'deadline': datetime.date(2025, 6, 30), 'text': '2025-06-30'}}]
    """
    from datetime import date

    out = []
    for row in rows:
        props = row.get("props")
        if not isinstance(props, dict) or not DATE_PROPERTIES & props.keys():
            out.append(row)
            continue
        props = dict(props)
        for key in DATE_PROPERTIES & props.keys():
            if isinstance(props[key], str):
                with suppress(ValueError):  # not a day: kept as written
                    props[key] = date.fromisoformat(props[key])
        out.append({**row, "props": props})
    return out


def iso_dates(value: Any) -> Any:
    """A value read from Neo4j with every Date (``neo4j.time.Date``, :class:`datetime.date`)
    as ISO text, inside lists and maps too."""
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso_dates(v) for v in value]
    if type(value).__name__ == "Date" and hasattr(value, "iso_format"):
        return value.iso_format()
    if type(value) is _date:
        return value.isoformat()
    return value


# ------------------------------------------------------------------ dialects


@dataclass(frozen=True)
class Dialect:
    """What differs between Neo4j's Cypher and FalkorDB's, and nothing else.

    ``schema``: the statements that make node ids unique and indexed, run before a push
    (Neo4j: ``CREATE CONSTRAINT … IF NOT EXISTS``; FalkorDB: ``CREATE INDEX`` plus a
    unique constraint through the client, as it has no ``IF NOT EXISTS`` and no
    ``REQUIRE``); ``exists_words``: how the server says a schema element already exists
    (ignored, so a second push passes). Every other statement is the same text on both."""

    name: str
    unique_constraints: bool  # Neo4j: in Cypher; FalkorDB: via the client after the index
    exists_words: tuple[str, ...]

    def schema(self) -> list[str]:
        """Cypher statements of the schema (constraints, indexes)."""
        out = []
        if self.name == "neo4j":
            for name in LABELS:
                out.append(
                    f"CREATE CONSTRAINT policy_lineage_{name.lower()}_id IF NOT EXISTS "
                    f"FOR (n:{label(name)}) REQUIRE n.id IS UNIQUE"
                )
            out.append(
                "CREATE INDEX policy_lineage_task_document IF NOT EXISTS "
                "FOR (n:Task) ON (n.document_id)"
            )
            out.append(
                "CREATE INDEX policy_lineage_agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name)"
            )
        else:
            for name in LABELS:
                out.append(f"CREATE INDEX FOR (n:{label(name)}) ON (n.id)")
            out.append("CREATE INDEX FOR (n:Task) ON (n.document_id)")
            out.append("CREATE INDEX FOR (n:Agency) ON (n.name)")
        return out

    def already_exists(self, error: BaseException) -> bool:
        text = str(error).lower()
        return any(w in text for w in self.exists_words)


NEO4J = Dialect("neo4j", unique_constraints=False, exists_words=("already exists", "equivalent"))
FALKORDB = Dialect(
    "falkordb", unique_constraints=True, exists_words=("already indexed", "already exists")
)
DIALECTS: dict[str, Dialect] = {d.name: d for d in (NEO4J, FALKORDB)}
