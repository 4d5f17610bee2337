"""SPARQL over the RDF form of the lineage graph, with the project's prefixes pre-bound.

:func:`run_sparql` parses first, so a malformed query is a :class:`SparqlError` with
rdflib's message, never a traceback; the answer is a :class:`SparqlResult` that the CLI
prints as a table, JSON or CSV::

    >>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph
    >>> from policy_lineage.exports.rdf import to_rdf
    >>> g = LineageGraph()
    >>> _ = g.add_document(DocumentNode(id="doc:vn:57-NQ/TW:2021-2026", number="57-NQ/TW"))
    >>> run_sparql(to_rdf(g), "SELECT ?n WHERE { ?d a pl:Document ; pl:number ?n }").rows
    [['57-NQ/TW']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from ..schema.vocab import ID, PREFIXES

__all__ = ["SparqlError", "SparqlResult", "run_sparql", "plain", "short"]


class SparqlError(ValueError):
    """The query cannot be parsed (or names an unknown prefix)."""


@dataclass
class SparqlResult:
    """SELECT: ``variables`` and ``rows`` of plain values (None when unbound);
    ASK: ``boolean``; CONSTRUCT / DESCRIBE: ``graph``."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    terms: list[list[Any]] = field(default_factory=list)  # the rdflib terms of ``rows``
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Any]]:
        """SELECT rows as ``{variable: value}`` dicts (JSON-ready)."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def run_sparql(rdf: Graph, query: str) -> SparqlResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over ``rdf``."""
    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except Exception as exc:  # pyparsing and rdflib raise several kinds
        raise SparqlError(f"malformed SPARQL query: {_one_line(exc)}") from exc
    try:
        result = rdf.query(prepared)
    except Exception as exc:
        raise SparqlError(f"the query failed: {_one_line(exc)}") from exc
    if result.type == "ASK":
        return SparqlResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        return SparqlResult(result.type, graph=graph)
    variables = [str(v) for v in result.vars or []]
    terms = [list(row) for row in result]
    return SparqlResult(
        "SELECT",
        variables=variables,
        rows=[[plain(t) for t in row] for row in terms],
        terms=terms,
    )


def plain(term: Any) -> Any:
    """A term as a JSON value: IRIs as strings, literals as Python values (dates ISO)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, bool | int | float | str):
            return value
        return str(term)
    return str(term)


def short(term: Any, rdf: Graph | None = None) -> str:
    """A term for people: a node IRI as its node id, other IRIs as ``prefix:name``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        if text.startswith(str(ID)):
            return unquote(text[len(str(ID)) :])
        for prefix, namespace in PREFIXES.items():
            if prefix != "id" and text.startswith(str(namespace)):
                return f"{prefix}:{text[len(str(namespace)) :]}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
