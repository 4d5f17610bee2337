"""Export formats of the lineage graph, one table: ``EXPORTERS[name]``.

* ``ttl``: RDF Turtle (:func:`.rdf.to_rdf`); a file, or stdout;
* ``jsonld``: RDF JSON-LD, the project's prefixes as its ``@context``; a file, or stdout;
* ``json``: networkx node-link data, the ``export --format json`` contract; a file, or stdout;
* ``graphml``: GraphML for Gephi and yEd (:mod:`.graphml`); a file, or stdout;
* ``csv``: ``documents.csv``, ``agencies.csv``, ``tasks.csv``, ``edges.csv``; a directory
  (``delimiter``: ``,`` by default, ``;`` for Excel where the decimal mark is a comma);
* ``xlsx``: one Excel workbook (:mod:`.xlsx`): documents, tasks, bodies, links, overlap
  groups and findings, a sheet each; a file, or a binary stream;
* ``cypher``: a ``cypher-shell -f`` script holding what ``push`` writes
  (:func:`.neo4j_export.export_cypher`); a file, or stdout;
* ``neo4j-csv``: the files of ``neo4j-admin database import full`` and ``IMPORT.txt``
  (:func:`.neo4j_export.export_neo4j_csv`); a directory. Its writer returns the import
  command, which ``export`` passes on.

CSV files are UTF-8 with a byte-order mark, so Excel shows Vietnamese, and their headers
are Vietnamese / English::

    >>> from policy_lineage.schema.graph_model import LineageGraph
    >>> EXPORTERS["json"].text(LineageGraph())[:27]
    '{"directed": true, "multigr'
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx

from ..schema.graph_model import (
    AgencyNode,
    DocumentNode,
    LineageGraph,
    Node,
    edge_record,
    node_record,
)
from ..schema.vocab import PREFIXES
from .rdf import to_rdf
from .xlsx import OCR_HEADER

__all__ = [
    "Exporter",
    "EXPORTERS",
    "export",
    "to_graphml_graph",
    "CSV_FILES",
    "CSV_DELIMITERS",
    "workbook_sheets",
    "overlap_sheet",
    "sheet_columns",
]

LIST_JOIN = "; "
CSV_ENCODING = "utf-8-sig"


@dataclass(frozen=True)
class Exporter:
    """One format: ``text`` renders it for stdout (None: it needs a path); ``binary``
    renders it as bytes for a binary stdout (a workbook); ``write`` writes it to ``path``
    (a file, or a directory when ``directory``) and returns what the user must do next
    with it (the ``neo4j-admin`` command), or None. ``options``: the keyword options its
    ``write`` takes (``delimiter`` for csv)."""

    name: str
    description: str
    write: Callable[..., str | None]
    text: Callable[..., str] | None = None
    directory: bool = False
    binary: Callable[[LineageGraph], bytes] | None = None
    options: tuple[str, ...] = ()


def export(
    graph: LineageGraph, fmt: str, path: str | Path | None = None, **options: Any
) -> str | None:
    """Write ``graph`` as ``fmt`` to ``path``, or return the text when ``path`` is None.

    With ``path``, returns what the writer says to do next (for ``neo4j-csv``, the
    ``neo4j-admin database import full …`` command), else None. ``options`` the format
    does not take (a ``delimiter`` given with ttl) are refused. Raises ``ValueError`` for
    an unknown format, an unknown option, or a format that needs a path."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})")
    given = {k: v for k, v in options.items() if v is not None}
    unknown = sorted(set(given) - set(exporter.options))
    if unknown:
        raise ValueError(f"--format {fmt} takes no {', '.join(unknown)} option")
    if path is None:
        if exporter.text is None:
            kind = "directory" if exporter.directory else "file"
            raise ValueError(f"--format {fmt} writes a {kind}: give it with -o PATH")
        return exporter.text(graph, **given)
    return exporter.write(graph, Path(path), **given)


# ---------------------------------------------------------------------- text formats


def _turtle(graph: LineageGraph, file_hashes: dict[str, str] | None = None) -> str:
    return to_rdf(graph, file_hashes).serialize(format="turtle")


def _jsonld(graph: LineageGraph, file_hashes: dict[str, str] | None = None) -> str:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return to_rdf(graph, file_hashes).serialize(
        format="json-ld", context=context, ensure_ascii=False
    )


def _node_link(graph: LineageGraph) -> str:
    return "".join(node_link_pieces(graph))


def node_link_pieces(graph: LineageGraph) -> Iterator[str]:
    """``json.dumps(graph.to_node_link(), ensure_ascii=False)`` a node and an edge at a
    time: the same text, never held whole.

    >>> g = LineageGraph()
    >>> "".join(node_link_pieces(g)) == json.dumps(g.to_node_link(), ensure_ascii=False)
    True
    """
    # LineageGraph.to_node_link's keys, in its order (a test holds the two together)
    head = {
        "directed": True,
        "multigraph": True,
        "graph": {"findings": [asdict(f) for f in graph.findings]},
    }
    dump = partial(json.dumps, ensure_ascii=False)
    yield "{" + ", ".join(f"{dump(k)}: {dump(v)}" for k, v in head.items())
    for key, records in (
        ("nodes", (node_record(n) for n in graph.nodes())),
        ("edges", (edge_record(e) for e in graph.edges)),
    ):
        yield f", {dump(key)}: ["
        for i, rec in enumerate(records):
            yield (", " if i else "") + dump(rec)
        yield "]"
    yield "}"


def _node_link_writer(graph: LineageGraph, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for piece in node_link_pieces(graph):
            fh.write(piece)


def _text_writer(render: Callable[..., str]) -> Callable[..., None]:
    def write(graph: LineageGraph, path: Path, **options: Any) -> None:
        path.write_text(render(graph, **options), encoding="utf-8")

    return write


# ---------------------------------------------------------------------- Neo4j


def _cypher_script(graph: LineageGraph, dialect: str = "neo4j") -> str:
    from .neo4j import export_cypher

    return export_cypher(graph, dialect=dialect)


def _write_neo4j_csv(graph: LineageGraph, path: Path) -> str:
    from .neo4j import export_neo4j_csv

    return export_neo4j_csv(graph, path)


# ---------------------------------------------------------------------- GraphML

# Characters XML 1.0 cannot hold (PDF text carries form feeds); GraphML readers reject them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _scalar(value: Any) -> Any:
    """A GraphML-safe attribute value: lists joined, text cleaned for XML, None kept None."""
    if isinstance(value, list | tuple):
        value = LIST_JOIN.join(str(v) for v in value if v is not None)
    if isinstance(value, str):
        return _XML_ILLEGAL.sub(" ", value)
    return value


def _scalars(record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "span" and value is not None:
            out["span_start"], out["span_end"] = value
            continue
        value = _scalar(value)
        if value is not None and value != "":
            out[key] = value
    return out


def to_graphml_graph(graph: LineageGraph) -> nx.MultiDiGraph:
    """The graph with only scalar attributes, ready for ``write_graphml``.

    Built from the records of :mod:`..schema.graph_model` (as ``to_networkx`` does) but
    with one GraphML edge per graph edge: ``to_networkx`` keys edges by kind, so two
    ``delegates`` edges read from two sentences would be one. Lists become ``"; "``-joined
    strings, spans ``span_start`` / ``span_end``, None is dropped, text loses the control
    characters XML cannot hold; every node and edge gets a ``label`` (Gephi shows it);
    edge ids are unique (``e0``, ``e1`` …), as Gephi drops an edge whose id repeats;
    findings become one JSON string attribute of the graph."""
    out = nx.MultiDiGraph()
    findings = [asdict(f) for f in graph.findings]
    out.graph["findings"] = _scalar(json.dumps(findings, ensure_ascii=False))
    out.graph["findings_count"] = len(findings)
    for node in graph.nodes():
        attrs = _scalars(node_record(node))
        node_id = attrs.pop("id")
        attrs["label"] = _scalar(_node_label(node))
        out.add_node(node_id, **attrs)
    for i, edge in enumerate(graph.edges):
        attrs = _scalars(edge_record(edge))
        source, target = attrs.pop("source"), attrs.pop("target")
        attrs["label"] = edge.kind + (f" ({edge.role})" if edge.role else "")
        out.add_edge(source, target, key=f"e{i}", **attrs)
    return out


def _node_label(node: Node) -> str:
    if isinstance(node, DocumentNode):
        return node.label
    if isinstance(node, AgencyNode):
        return node.name
    text = node.text
    return text if len(text) <= 80 else text[:79] + "…"


def _graphml(graph: LineageGraph) -> str:
    from .graphml import to_graphml

    return to_graphml(graph)


# ---------------------------------------------------------------------- CSV

# [(column header, how to get the cell from the item and the graph)]
Columns = list[tuple[str, Callable[[Any, LineageGraph], Any]]]

DOCUMENT_COLUMNS: Columns = [
    ("Mã / ID", lambda d, g: d.id),
    ("Số hiệu / Number", lambda d, g: d.number),
    ("Tên gọi / Label", lambda d, g: d.label),
    ("Loại / Type", lambda d, g: d.doc_type),
    ("Cơ quan ban hành / Issuer", lambda d, g: d.issuer),
    ("Ngày / Date", lambda d, g: d.date),
    ("Dự thảo / Draft", lambda d, g: d.is_draft),
    ("Có toàn văn / In corpus", lambda d, g: d.in_corpus),
    ("Trích yếu / Title", lambda d, g: d.title),
    ("Người ký / Signer", lambda d, g: d.signer),
    ("Tỉnh / Province", lambda d, g: d.province),
    ("Cấp / Level", lambda d, g: d.level),
    ("Mẫu số hiệu / Number template", lambda d, g: d.number_template),
    ("Dẫn chiếu là / Cited as", lambda d, g: d.cited_as),
    ("Mô tả / Description", lambda d, g: d.description),
    ("Tệp nguồn / Source file", lambda d, g: d.source),
    (OCR_HEADER, lambda d, g: d.ocr),
    ("Trang đọc bằng OCR / Pages read by OCR", lambda d, g: d.ocr_pages),
]
AGENCY_COLUMNS: Columns = [
    ("Mã / ID", lambda a, g: a.id),
    ("Tên / Name", lambda a, g: a.name),
    ("Cấp / Level", lambda a, g: a.level),
    ("Tỉnh / Province", lambda a, g: a.province),
    ("Trực thuộc (mã) / Part of (ID)", lambda a, g: a.parent_id),
    ("Trực thuộc / Part of", lambda a, g: _agency_name(g, a.parent_id)),
    ("Loại / Kind", lambda a, g: a.agency_kind),
    ("Tên gọi khác / Aliases", lambda a, g: a.aliases),
]
TASK_COLUMNS: Columns = [
    ("Mã / ID", lambda t, g: t.id),
    ("Nhiệm vụ / Task", lambda t, g: t.text),
    ("Chủ trì / Lead", lambda t, g: t.lead),
    ("Phối hợp / Cooperating", lambda t, g: t.cooperating),
    ("Thời hạn / Deadline", lambda t, g: t.deadline),
    ("Thời hạn (nguyên văn) / Deadline as written", lambda t, g: t.deadline_text),
    ("Thường xuyên / Recurring", lambda t, g: t.recurring),
    ("Chu kỳ / Recurrence", lambda t, g: t.recurrence),
    ("Kết quả / Deliverable", lambda t, g: t.deliverable),
    ("Văn bản / Document", lambda t, g: _document_label(g, t.document_id)),
    ("Văn bản (mã) / Document ID", lambda t, g: t.document_id),
    ("Mục / Section", lambda t, g: " › ".join(t.section)),
    ("Chuỗi chỉ đạo / Delegation", lambda t, g: " → ".join(t.delegation)),
    ("Chờ / Waits on", lambda t, g: t.waits_on),
    ("Nơi ghi / Origin", lambda t, g: t.origin),
    ("Dòng phụ lục / Appendix row", lambda t, g: t.row),
    ("Tệp nguồn / Source file", lambda t, g: t.source),
    (OCR_HEADER, lambda t, g: t.ocr),
]
EDGE_COLUMNS: Columns = [
    ("Từ (mã) / Source ID", lambda e, g: e.source),
    ("Từ / Source", lambda e, g: _label(g, e.source)),
    ("Quan hệ / Kind", lambda e, g: e.kind),
    ("Vai trò / Role", lambda e, g: e.role),
    ("Đến (mã) / Target ID", lambda e, g: e.target),
    ("Đến / Target", lambda e, g: _label(g, e.target)),
    ("Cơ sở / Basis", lambda e, g: e.basis),
    ("Từ dấu hiệu / Cue", lambda e, g: e.cue),
    ("Câu làm chứng / Evidence", lambda e, g: e.evidence),
    ("Tệp nguồn / Source file", lambda e, g: e.source_file),
    ("Bắt đầu / Span start", lambda e, g: e.span[0] if e.span else None),
    ("Kết thúc / Span end", lambda e, g: e.span[1] if e.span else None),
    (OCR_HEADER, lambda e, g: e.ocr),
]
CSV_FILES: dict[str, tuple[Columns, Callable[[LineageGraph], list[Any]]]] = {
    "documents.csv": (DOCUMENT_COLUMNS, lambda g: list(g.documents.values())),
    "agencies.csv": (AGENCY_COLUMNS, lambda g: list(g.agencies.values())),
    "tasks.csv": (TASK_COLUMNS, lambda g: list(g.tasks.values())),
    "edges.csv": (EDGE_COLUMNS, lambda g: g.edges),
}


def _label(graph: LineageGraph, node_id: str | None) -> str | None:
    node = graph.node(node_id) if node_id else None
    return None if node is None else _node_label(node)


def _agency_name(graph: LineageGraph, node_id: str | None) -> str | None:
    agency = graph.agencies.get(node_id) if node_id else None
    return agency.name if agency else None


def _document_label(graph: LineageGraph, node_id: str) -> str | None:
    doc = graph.documents.get(node_id)
    return doc.label if doc else None


def _cell(value: Any) -> str:
    """A CSV cell: lists joined, dates ISO, booleans true/false; text that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = LIST_JOIN.join(str(v) for v in value)
    elif hasattr(value, "isoformat"):
        value = value.isoformat()
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


CSV_DELIMITERS = (",", ";", "\t", "|")


def _write_csv(graph: LineageGraph, path: Path, delimiter: str = ",") -> None:
    """The four tables as CSV files in the directory ``path``. ``delimiter``: ``,``, or ``;``
    for an Excel whose list separator is ``;`` (Vietnamese, and every decimal-comma locale,
    on Windows), which then opens the file in columns on a double click."""
    if delimiter not in CSV_DELIMITERS:
        raise ValueError(f"CSV delimiter {delimiter!r}: choose one of , ; tab |")
    if path.exists() and not path.is_dir():
        raise ValueError(f"--format csv writes a directory, and {path} is a file")
    path.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in CSV_FILES.items():
        with (path / name).open("w", encoding=CSV_ENCODING, newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow([header for header, _ in columns])
            for item in rows(graph):
                writer.writerow([_cell(get(item, graph)) for _, get in columns])


# ---------------------------------------------------------------------- Excel workbook

# The kind of a column in the workbook (:data:`.xlsx.KINDS`); a column not named is text.
COLUMN_KINDS = {
    "Ngày / Date": "date",
    "Thời hạn / Deadline": "date",
    "Trích yếu / Title": "long",
    "Mô tả / Description": "long",
    "Nhiệm vụ / Task": "long",
    "Câu làm chứng / Evidence": "long",
    "Nội dung / Message": "long",
    "Điểm / Score": "number",
}
OVERLAP_KIND_LABELS = {
    "duplicate": "trùng lặp / duplicate",
    "conflicting_lead": "khác cơ quan chủ trì / conflicting lead",
    "conflicting_deadline": "khác thời hạn / conflicting deadline",
}
# One row per task of a group (the records of queries.overlaps.group_to_json).
OVERLAP_COLUMNS: list[tuple[str, Callable[[int, dict, dict], Any]]] = [
    ("Nhóm / Group", lambda n, g, t: n),
    ("Loại / Kind", lambda n, g, t: OVERLAP_KIND_LABELS.get(g["kind"], g["kind"])),
    ("Điểm / Score", lambda n, g, t: round(float(g["score"]), 3)),
    ("Khác nhau ở / Conflicts", lambda n, g, t: g.get("conflicts")),
    ("Không nêu / Unstated", lambda n, g, t: g.get("unstated")),
    ("Nhiệm vụ / Task", lambda n, g, t: t["text"]),
    ("Chủ trì / Lead", lambda n, g, t: t["lead"]),
    ("Phối hợp / Cooperating", lambda n, g, t: t.get("cooperating")),
    ("Thời hạn / Deadline", lambda n, g, t: t["deadline"]),
    ("Thời hạn (nguyên văn) / Deadline as written", lambda n, g, t: t.get("deadline_text")),
    ("Văn bản / Document", lambda n, g, t: t["document"]),
    ("Mã nhiệm vụ / Task ID", lambda n, g, t: t.get("id")),
    ("Tệp nguồn / Source file", lambda n, g, t: t.get("source")),
    (OCR_HEADER, lambda n, g, t: t.get("ocr", False)),
]
FINDING_COLUMNS: list[tuple[str, Callable[[Any, LineageGraph], Any]]] = [
    ("Loại / Kind", lambda f, g: f.kind),
    ("Nội dung / Message", lambda f, g: f.message),
    ("Liên quan đến / Concerns", lambda f, g: [_label(g, s) or s for s in f.subjects]),
    ("Câu làm chứng / Evidence", lambda f, g: f.evidence),
    ("Tệp nguồn / Source file", lambda f, g: f.sources),
]
SHEET_NAMES = {
    "documents.csv": "Văn bản - Documents",
    "tasks.csv": "Nhiệm vụ - Tasks",
    "agencies.csv": "Cơ quan - Bodies",
    "edges.csv": "Quan hệ - Links",
}


def sheet_columns(headers: list[str]) -> list[tuple[str, str]]:
    """(header, kind) for :class:`.xlsx.Sheet`, the kind from :data:`COLUMN_KINDS`."""
    return [(h, COLUMN_KINDS.get(h, "text")) for h in headers]


def overlap_sheet(records: list[dict[str, Any]]):
    """The overlap groups (``overlaps --format json`` records), one row per task."""
    from .xlsx import Sheet

    rows = [
        [get(n, group, task) for _, get in OVERLAP_COLUMNS]
        for n, group in enumerate(records, 1)
        for task in group["tasks"]
    ]
    return Sheet("Trùng lặp - Overlaps", sheet_columns([h for h, _ in OVERLAP_COLUMNS]), rows)


def workbook_sheets(graph: LineageGraph) -> list[Any]:
    """The sheets of ``export --format xlsx``: documents, tasks, bodies, links, the
    overlap groups (at the default ``--min-score``) and the resolver's findings."""
    from ..queries.overlaps import DEFAULT_MIN_SCORE, find_overlaps, group_to_json
    from .xlsx import Sheet

    sheets = []
    for name in ("documents.csv", "tasks.csv", "agencies.csv", "edges.csv"):
        columns, items = CSV_FILES[name]
        rows = [[get(item, graph) for _, get in columns] for item in items(graph)]
        sheets.append(Sheet(SHEET_NAMES[name], sheet_columns([h for h, _ in columns]), rows))
    groups = [group_to_json(g, graph) for g in find_overlaps(graph, DEFAULT_MIN_SCORE)]
    sheets.append(overlap_sheet(groups))
    findings = [[get(f, graph) for _, get in FINDING_COLUMNS] for f in graph.findings]
    sheets.append(
        Sheet("Phát hiện - Findings", sheet_columns([h for h, _ in FINDING_COLUMNS]), findings)
    )
    return sheets


def _write_xlsx(graph: LineageGraph, path: Path) -> None:
    from .xlsx import write_workbook

    if path.is_dir():
        raise ValueError(f"--format xlsx writes a file, and {path} is a directory")
    write_workbook(path, workbook_sheets(graph))


def _xlsx_bytes(graph: LineageGraph) -> bytes:
    import io

    from .xlsx import write_workbook

    buffer = io.BytesIO()
    write_workbook(buffer, workbook_sheets(graph))
    return buffer.getvalue()


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("ttl", "RDF Turtle", _text_writer(_turtle), _turtle, options=("file_hashes",)),
        Exporter("jsonld", "RDF JSON-LD", _text_writer(_jsonld), _jsonld, options=("file_hashes",)),
        Exporter("graphml", "GraphML (Gephi, yEd)", _text_writer(_graphml), _graphml),
        Exporter("csv", "CSV tables (Excel)", _write_csv, directory=True, options=("delimiter",)),
        Exporter("xlsx", "Excel workbook", _write_xlsx, binary=_xlsx_bytes),
        Exporter("json", "node-link JSON (contract)", _node_link_writer, _node_link),
        Exporter(
            "cypher",
            "Cypher script (cypher-shell, or FalkorDB with dialect=falkordb)",
            _text_writer(_cypher_script),
            _cypher_script,
            options=("dialect",),
        ),
        Exporter("neo4j-csv", "neo4j-admin import files", _write_neo4j_csv, directory=True),
    )
}
