"""OCR provenance from the extraction to every output, without Tesseract: a letter of the
bundled corpus "scanned" by hand (its text cut into two pages, the second read by OCR, as
``read_pdf`` reports a scan) beside a document read from its text. The scan's facts on
page 2 carry ``ocr`` through the model, the store's JSON, the graph, ``tasks``, ``trace``,
``agency``, ``check``, the exports and the HTML page; the text document's never do; JSON
stored before the field existed still loads. (tests/cli/test_ocr_scan.py does the same
with a real scan read by Tesseract.)"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from policy_lineage.graph.build import build_graph
from policy_lineage.graph.store import Store, load_graph
from policy_lineage.loaders.ocr import mark_facts, mark_ocr
from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.loaders.source import SourceText
from policy_lineage.schema.graph_model import DOCUMENT_EDGE_KINDS
from policy_lineage.schema.model import Extraction, to_contract
from policy_lineage.schema.model_json import extraction_from_dict, extraction_to_dict

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "examples" / "dong-thap" / "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"
PROGRAMME = ROOT / "examples" / "dong-thap" / "2025_ctr-btvtu_chuong-trinh-hanh-dong-nq57.txt"
SCAN = "scans/cong-van-chi-dao-nq57.pdf"
TEXT = "text/chuong-trinh-hanh-dong-nq57.txt"
OCR_WORDS = "Đọc bằng OCR — cần kiểm tra"


def _letter_source() -> SourceText:
    """The letter as ``read_pdf`` gives a two-page scan whose second page was read by OCR."""
    text = LETTER.read_text("utf-8")
    page2 = text.index("\n3. ")  # the second page starts at item 3
    return SourceText(SCAN, text, "pdf", page_starts=[0, page2], ocr_pages=[2])


def _scan() -> Extraction:
    src = _letter_source()
    return mark_ocr(extract_text(src.text, SCAN), src)


def _text_document() -> Extraction:
    return extract_text(PROGRAMME.read_text("utf-8"), TEXT)


def _strip_ocr(data: Any) -> Any:
    """JSON as stored before the OCR fields existed: no ``ocr`` or ``ocr_pages`` key."""
    if isinstance(data, dict):
        return {k: _strip_ocr(v) for k, v in data.items() if k not in ("ocr", "ocr_pages")}
    if isinstance(data, list):
        return [_strip_ocr(v) for v in data]
    return data


# ---------------------------------------------------------------------- the model


def test_ocr_provenance_marks_the_facts_on_the_page_read_by_ocr():
    ex, page2 = _scan(), _letter_source().page_starts[1]
    assert ex.ocr_pages == [2]
    assert ex.tasks and ex.references
    for fact in [*ex.tasks, *ex.references]:
        assert fact.ocr == (fact.evidence.span.start >= page2), fact.evidence.text
    assert {t.ocr for t in ex.tasks} == {True, False}  # both pages hold tasks
    # the header is on page 1, the signer on page 2: some of the document's own fields
    # were read by OCR
    assert ex.document.evidence["number"].span.start < page2
    assert ex.document.ocr
    plain = _text_document()
    assert not plain.ocr_pages and not plain.document.ocr
    assert not any(f.ocr for f in [*plain.tasks, *plain.references])


def test_ocr_provenance_nothing_changes_without_an_ocr_page():
    src = replace(_letter_source(), ocr_pages=[])
    ex = extract_text(src.text, SCAN)
    assert mark_ocr(extract_text(src.text, SCAN), src) == ex


def test_ocr_provenance_round_trips_through_the_stored_json():
    ex = _scan()
    data = json.loads(json.dumps(extraction_to_dict(ex), ensure_ascii=False))
    assert data["ocr_pages"] == [2] and data["document"]["ocr"] is True
    assert [t["ocr"] for t in data["tasks"]] == [t.ocr for t in ex.tasks]
    assert extraction_from_dict(data) == ex


def test_ocr_provenance_json_stored_before_the_field_still_loads():
    ex = _scan()
    old = _strip_ocr(extraction_to_dict(ex))
    assert "ocr" not in old["tasks"][0] and "ocr_pages" not in old
    loaded = extraction_from_dict(old)
    assert loaded.ocr_pages == [] and not loaded.document.ocr
    assert not any(f.ocr for f in [*loaded.tasks, *loaded.references])
    assert loaded == extract_text(LETTER.read_text("utf-8"), SCAN)  # the facts themselves kept


def test_ocr_provenance_marks_stored_by_the_earlier_version_are_read():
    """The previous reader put ``"ocr": true`` on the JSON of facts (and ``ocr_pages``),
    which the model dropped; a store holding them now shows them."""
    ex = _scan()
    old = _strip_ocr(extraction_to_dict(ex))
    old["ocr_pages"] = [2]
    for stored, task in zip(old["tasks"], ex.tasks, strict=True):
        if task.ocr:
            stored["ocr"] = True
    loaded = extraction_from_dict(old)
    assert [t.ocr for t in loaded.tasks] == [t.ocr for t in ex.tasks]
    assert loaded.ocr_pages == [2]


def test_ocr_provenance_mark_facts_agrees_with_mark_ocr_in_both_json_forms():
    src = _letter_source()
    plain = extract_text(src.text, SCAN)
    # the store's full form is marked exactly as the model is
    full = mark_facts(extraction_to_dict(plain), src)
    assert extraction_from_dict(full) == _scan()
    # the contract form (extract's JSON): the same facts marked
    contract = mark_facts(to_contract(extract_text(src.text, SCAN)), src)
    expected = to_contract(_scan())
    assert contract["ocr_pages"] == [2]
    for key in ("tasks", "references"):
        assert [f["ocr"] for f in contract[key]] == [f["ocr"] for f in expected[key]]
    assert contract["document"]["ocr"] is False  # page 1 (the header) was not read by OCR


# ---------------------------------------------------------------------- the graph


def test_ocr_provenance_reaches_the_graph():
    scan, text = _scan(), _text_document()
    g = build_graph([scan, text])
    [scan_doc] = [d for d in g.documents.values() if d.source == SCAN]
    [text_doc] = [d for d in g.documents.values() if d.source == TEXT]
    assert (scan_doc.ocr, scan_doc.ocr_pages) == (True, [2])
    assert (text_doc.ocr, text_doc.ocr_pages) == (False, [])
    # the scan's tasks keep their mark, in order; the text document's have none
    scan_tasks = sorted(
        (t for t in g.tasks.values() if t.document_id == scan_doc.id), key=lambda t: t.span
    )
    assert [t.ocr for t in scan_tasks] == [t.ocr for t in scan.tasks]
    assert not any(t.ocr for t in g.tasks.values() if t.document_id == text_doc.id)
    # links: a task's own links carry its mark; references carry theirs
    for e in g.edges:
        if e.kind in ("has-task", "assigned-to"):
            task = g.tasks[e.target if e.kind == "has-task" else e.source]
            assert e.ocr == task.ocr, e
        elif e.kind in DOCUMENT_EDGE_KINDS and e.basis == "stated":
            if e.source == text_doc.id:
                assert not e.ocr
        elif e.basis == "inferred":
            assert not e.ocr
    # every link whose sentence is in the scan: read by OCR when that sentence starts on
    # page 2 (a cited document's issuer too); the scan's own issuer link when some field of
    # its own was read there
    page2 = _letter_source().page_starts[1]
    from_scan = [e for e in g.edges if e.source_file == SCAN and e.span]
    assert {e.kind for e in from_scan} >= {"issued-by", "cites", "has-task", "assigned-to"}
    for e in from_scan:
        own_issuer = e.kind == "issued-by" and e.source == scan_doc.id
        assert e.ocr == (scan.document.ocr if own_issuer else e.span[0] >= page2), e
    assert any(e.ocr and e.kind == "issued-by" and e.basis == "cited" for e in from_scan)
    read = [e for e in g.edges if e.ocr and e.kind in DOCUMENT_EDGE_KINDS]
    assert read and all(e.source_file == SCAN for e in read)
    marked = {r.evidence.text for r in scan.references if r.ocr}
    assert {e.evidence for e in read} <= marked
    # an edge of the scan not read by OCR keeps the IRI it had before the field existed
    # (a hash of the record without it); one read by OCR gets another
    from policy_lineage.exports.rdf import _digest, edge_iri
    from policy_lineage.schema.graph_model import edge_record
    from policy_lineage.schema.vocab import ID

    unread = next(e for e in g.edges if not e.ocr and e.source_file == SCAN)
    before = {k: v for k, v in edge_record(unread).items() if k != "ocr"}
    assert edge_iri(unread) == ID["edge/" + _digest(before)]
    assert edge_iri(replace(unread, ocr=True)) != edge_iri(unread)


# ---------------------------------------------------------------------- the outputs


@pytest.fixture(scope="module")
def ocr_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the hand-scanned letter and the programme, as ``build`` stores them
    (the extraction JSON of each file), with its graph resolved from that JSON."""
    path = tmp_path_factory.mktemp("ocr") / "ocr.db"
    with Store(path, create=True) as store:
        for ex in (_scan(), _text_document()):
            data = extraction_to_dict(ex)
            sha = hashlib.sha256(json.dumps(data).encode()).hexdigest()
            store.put_file(f"/corpus/{ex.source}", ex.source, sha, 1, data)
        store.rebuild_graph()
    return path


def _doc(store: Path, source: str) -> str:
    return next(d.id for d in load_graph(store).documents.values() if d.source == source)


def test_ocr_provenance_tasks_json_csv_and_table(cli, ocr_store: Path, tmp_path: Path):
    scan_id, text_id = _doc(ocr_store, SCAN), _doc(ocr_store, TEXT)
    expected = [t.ocr for t in _scan().tasks]
    out = cli(
        "tasks", "--from", scan_id, "--order", "walk", "--format", "json", "--store", ocr_store
    )
    rows = json.loads(out.stdout)
    assert sorted(r["ocr"] for r in rows) == sorted(expected)
    assert {r["ocr"] for r in rows} == {True, False}
    read = {r["text"] for r in rows if r["ocr"]}
    assert read == {t.text for t in _scan().tasks if t.ocr}
    text_rows = json.loads(
        cli("tasks", "--from", text_id, "--format", "json", "--store", ocr_store).stdout
    )
    assert text_rows and not any(r["ocr"] for r in text_rows)
    # CSV: an ocr column; the table: a column "Đọc bằng OCR / Read by OCR" marking the rows
    csv_out = cli("tasks", "--from", scan_id, "--format", "csv", "--store", ocr_store).stdout
    records = list(csv.DictReader(csv_out.splitlines()))
    assert sorted(r["ocr"] for r in records) == sorted(str(x) for x in expected)
    table = cli("tasks", "--from", scan_id, "--store", ocr_store, env={"COLUMNS": "250"}).stdout
    assert "Đọc bằng OCR" in table and table.count("có / yes") == sum(expected)
    plain = cli("tasks", "--from", text_id, "--store", ocr_store, env={"COLUMNS": "250"}).stdout
    assert "Đọc bằng OCR" not in plain  # a column no row fills is left out


def test_ocr_provenance_tasks_workbook_marks_the_rows(cli, ocr_store: Path, tmp_path: Path):
    from openpyxl import load_workbook

    out = tmp_path / "nhiem-vu.xlsx"
    cli("tasks", "--from", _doc(ocr_store, SCAN), "-o", out, "--store", ocr_store)
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    col = header.index("Đọc bằng OCR\nRead by OCR")
    task_col = header.index("Nhiệm vụ\nTask")
    marks = {row[task_col]: row[col] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert marks == {t.text: t.ocr for t in _scan().tasks}


def test_ocr_provenance_trace_json_csv_and_tree(cli, ocr_store: Path):
    scan_id, text_id = _doc(ocr_store, SCAN), _doc(ocr_store, TEXT)
    relations = ("--relations", "implements,supersedes,cites", "--store", ocr_store)
    graph = load_graph(ocr_store)
    said = {}
    for root in (scan_id, text_id):
        data = json.loads(cli("trace", root, *relations, "--format", "json").stdout)
        nodes = {n["id"]: n for n in data["nodes"]}
        assert nodes[root]["ocr"] is (root == scan_id)
        assert nodes[root]["ocr_pages"] == ([2] if root == scan_id else [])
        up = [e for e in data["edges"] if e["source_id"] == root]
        assert up
        for e in up:  # as the graph has it: read by OCR when its sentence was
            [edge] = [
                x
                for x in graph.edges
                if (x.source, x.target, x.kind) == (e["source_id"], e["target_id"], e["kind"])
            ]
            assert e["ocr"] == edge.ocr
        said[root] = {e["target"]: e["ocr"] for e in up}
    # the scan's links on page 2 (a citation of 807/UBND-KGVX in item 1 is on page 1)
    assert {True, False} == set(said[scan_id].values())
    assert not any(said[text_id].values())
    rows = csv.DictReader(cli("trace", scan_id, *relations, "--format", "csv").stdout.splitlines())
    assert {r["target_id"]: r["ocr"] == "True" for r in rows if r["source_id"] == scan_id} == {
        e.target: e.ocr
        for e in graph.edges
        if e.source == scan_id and e.kind in ("implements", "supersedes", "cites")
    }
    tree = cli("trace", scan_id, *relations, env={"COLUMNS": "300"}).stdout
    read = sum(said[scan_id].values())
    assert tree.count("(đọc bằng OCR, cần kiểm tra / read by OCR, check it)") == read
    assert "trang / pages 2: đọc bằng OCR" in tree  # the scanned document itself


def test_ocr_provenance_check_counts_what_to_verify(cli, ocr_store: Path):
    data = json.loads(cli("check", "--format", "json", "--store", ocr_store).stdout)
    [issue] = [i for i in data["issues"] if i["kind"] == "read_by_ocr"]
    graph = load_graph(ocr_store)
    scan_id = _doc(ocr_store, SCAN)
    n_tasks = sum(1 for t in graph.tasks.values() if t.ocr)
    n_links = sum(
        1 for e in graph.edges if e.ocr and e.kind in DOCUMENT_EDGE_KINDS and e.source == scan_id
    )
    assert issue["subject"] == scan_id and issue["source"] == SCAN
    assert f"{n_tasks} nhiệm vụ, {n_links} liên kết" in issue["message"]
    assert data["counts"]["read_by_ocr"] == 1


def test_ocr_provenance_exports_show_it(cli, ocr_store: Path, tmp_path: Path):
    from openpyxl import load_workbook

    graph = load_graph(ocr_store)
    # CSV tables: a column on documents, tasks and links
    cli("export", "--format", "csv", "-o", tmp_path / "csv", "--store", ocr_store)
    col = "Đọc bằng OCR / Read by OCR"
    for name, items in (
        ("documents.csv", graph.documents.values()),
        ("tasks.csv", graph.tasks.values()),
        ("edges.csv", graph.edges),
    ):
        text = (tmp_path / "csv" / name).read_text("utf-8-sig")
        rows = list(csv.DictReader(text.splitlines()))
        assert [r[col] for r in rows] == [str(x.ocr).lower() for x in items], name
    docs = list(
        csv.DictReader((tmp_path / "csv" / "documents.csv").read_text("utf-8-sig").splitlines())
    )
    assert {r["Trang đọc bằng OCR / Pages read by OCR"] for r in docs} == {"", "2"}
    # the workbook: TRUE on the scan's rows
    cli("export", "--format", "xlsx", "-o", tmp_path / "g.xlsx", "--store", ocr_store)
    wb = load_workbook(tmp_path / "g.xlsx")
    ws = wb["Nhiệm vụ - Tasks"]
    header = [c.value for c in ws[1]]
    flags = [
        r[header.index("Đọc bằng OCR\nRead by OCR")] for r in ws.iter_rows(2, values_only=True)
    ]
    assert flags == [t.ocr for t in graph.tasks.values()] and True in flags
    # GraphML: a boolean key on nodes and edges
    graphml = cli("export", "--format", "graphml", "--store", ocr_store).stdout
    assert 'attr.name="ocr" attr.type="boolean"' in graphml
    # RDF: pl:readByOcr on documents, tasks and the assertions read by OCR; valid shapes
    from rdflib import Graph, Literal

    from policy_lineage.exports.rdf import edge_iri, to_rdf, validate
    from policy_lineage.schema.vocab import PL, node_iri

    rdf = to_rdf(graph)
    assert validate(rdf)[0]
    scan_id = _doc(ocr_store, SCAN)
    assert (node_iri(scan_id), PL.readByOcr, Literal(True)) in rdf
    assert (node_iri(scan_id), PL.ocrPage, Literal(2)) in rdf
    read = set(rdf.subjects(PL.readByOcr, Literal(True)))
    assert read == {
        node_iri(scan_id),
        *(node_iri(t.id) for t in graph.tasks.values() if t.ocr),
        *(edge_iri(e) for e in graph.edges if e.ocr),
    }
    unread = next(e for e in graph.edges if not e.ocr)
    assert (edge_iri(unread), PL.readByOcr, None) not in rdf  # said only when true
    ttl = cli("export", "--format", "ttl", "--store", ocr_store).stdout
    assert (
        set(Graph().parse(data=ttl, format="turtle").subjects(PL.readByOcr, Literal(True))) == read
    )
    # node-link JSON (the contract) round-trips the fields
    from policy_lineage.schema.graph_model import LineageGraph

    again = LineageGraph.from_node_link(
        json.loads(cli("export", "--format", "json", "--store", ocr_store).stdout)
    )
    assert again.documents[scan_id].ocr_pages == [2]
    assert [e.ocr for e in again.edges] == [e.ocr for e in graph.edges]


def test_ocr_provenance_page_says_it_escaped(cli, ocr_store: Path, tmp_path: Path):
    import re

    out = tmp_path / "chain.html"
    scan_id = _doc(ocr_store, SCAN)
    result = cli("viz", scan_id, "--as-of", "2026-05-01", "-o", out, "--store", ocr_store)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    m = re.search(r'<script type="application/json" id="viz-data">(.*?)</script>', text, re.S)
    data = json.loads(m.group(1))
    graph = load_graph(ocr_store)
    said = {
        node for node, pairs in data["details"].items() if any(OCR_WORDS in v for _, v in pairs)
    }
    shown = set(data["details"])
    expected = {t.id for t in graph.tasks.values() if t.ocr and t.id in shown} | {scan_id}
    assert said == expected and len(said) > 1
    assert dict(data["details"][scan_id])["Đọc bằng OCR / Read by OCR"].endswith(
        "(trang / pages 2)"
    )
    assert any(any(OCR_WORDS in v for _, v in pairs) for pairs in data["edgeDetails"].values())
    # the legend says what the mark means; the words are text of the page, escaped
    assert "OCR: văn bản quét, đọc bằng OCR — cần kiểm tra" in text
