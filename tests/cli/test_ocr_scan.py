"""A folder as an office has it: a letter of the bundled corpus scanned in the test setup
(benchmarks/make_scans.py: grey pages turned by 1.2°, speckled, stamped; no text layer)
beside a document kept as text. ``build`` reads the scan by OCR (Tesseract ``vie``), and
what came from it is marked in ``tasks``, ``trace``, ``check`` and the exports; the text
document's facts are not. Skips, saying what to install, without Tesseract
(tests/graph/test_ocr_provenance.py covers the same path without it)."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from policy_lineage.graph.store import load_graph
from policy_lineage.loaders import ocr

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "dong-thap"
LETTER = CORPUS / "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"
PROGRAMME = CORPUS / "2025_ctr-btvtu_chuong-trinh-hanh-dong-nq57.txt"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OCR_COLUMN = "Đọc bằng OCR / Read by OCR"

pytestmark = pytest.mark.skipif(not ocr.available(), reason=ocr.missing_reason())


def _scans():
    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "benchmarks/make_scans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder: ``cong-van-scan.pdf`` (the letter, scanned) and the programme as text."""
    if not FONT.exists():
        pytest.skip(f"the scan fixture needs the DejaVu fonts at {FONT}")
    folder = tmp_path_factory.mktemp("office")
    work = tmp_path_factory.mktemp("typeset")
    scans = _scans()
    typed = scans.typeset(LETTER.read_text("utf-8"), work / "letter.typed.pdf")
    scans.scan(typed, folder / "cong-van-scan.pdf", dpi=200, angle=1.2)
    shutil.copy(PROGRAMME, folder / PROGRAMME.name)
    return folder


@pytest.fixture(scope="module")
def store(office: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from policy_lineage.cli import main

    path = tmp_path_factory.mktemp("store") / "office.db"
    result = CliRunner().invoke(main, ["build", str(office), "--store", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return path


def _ids(store: Path) -> tuple[str, str]:
    graph = load_graph(store)
    scan = next(d for d in graph.documents.values() if (d.source or "").endswith(".pdf"))
    text = next(d for d in graph.documents.values() if (d.source or "").endswith(".txt"))
    return scan.id, text.id


def test_ocr_scan_marks_the_scan_in_the_graph(store: Path):
    graph = load_graph(store)
    scan_id, text_id = _ids(store)
    scan, text = graph.documents[scan_id], graph.documents[text_id]
    assert scan.ocr and len(scan.ocr_pages) >= 2  # every page of a scan is read by OCR
    assert not text.ocr and text.ocr_pages == []
    tasks = {
        d: [t.ocr for t in graph.tasks.values() if t.document_id == d] for d in graph.documents
    }
    assert len(tasks[scan_id]) >= 5 and all(tasks[scan_id])
    assert tasks[text_id] and not any(tasks[text_id])
    for e in graph.edges:
        if e.source_file:
            assert e.ocr == e.source_file.endswith(".pdf"), e


def test_ocr_scan_tasks_json_and_workbook(cli, store: Path, tmp_path: Path):
    scan_id, text_id = _ids(store)
    for doc, read in ((scan_id, True), (text_id, False)):
        rows = json.loads(cli("tasks", "--from", doc, "--format", "json", "--store", store).stdout)
        assert rows and {r["ocr"] for r in rows} == {read}
        out = tmp_path / f"{read}.xlsx"
        cli("tasks", "--from", doc, "-o", out, "--store", store)
        from openpyxl import load_workbook

        ws = load_workbook(out).active
        header = [c.value for c in ws[1]]
        col = header.index(OCR_COLUMN.replace(" / ", "\n"))
        assert {r[col] for r in ws.iter_rows(min_row=2, values_only=True)} == {read}


def test_ocr_scan_trace_json(cli, store: Path):
    scan_id, text_id = _ids(store)
    args = ("--relations", "implements,supersedes,cites", "--format", "json", "--store", store)
    for doc, read in ((scan_id, True), (text_id, False)):
        data = json.loads(cli("trace", doc, *args).stdout)
        assert {n["ocr"] for n in data["nodes"] if n["id"] == doc} == {read}
        own = [e for e in data["edges"] if e["source_id"] == doc]
        assert own and {e["ocr"] for e in own} == {read}


def test_ocr_scan_exports_and_check(cli, store: Path, tmp_path: Path):
    graph = load_graph(store)
    scan_id, _ = _ids(store)
    cli("export", "--format", "csv", "-o", tmp_path / "csv", "--store", store)
    rows = list(
        csv.DictReader((tmp_path / "csv" / "tasks.csv").read_text("utf-8-sig").splitlines())
    )
    by_file = {(r["Tệp nguồn / Source file"] or "").endswith(".pdf"): set() for r in rows}
    for r in rows:
        by_file[(r["Tệp nguồn / Source file"] or "").endswith(".pdf")].add(r[OCR_COLUMN])
    assert by_file == {True: {"true"}, False: {"false"}}
    data = json.loads(cli("check", "--format", "json", "--store", store).stdout)
    [issue] = [i for i in data["issues"] if i["kind"] == "read_by_ocr"]
    n = sum(1 for t in graph.tasks.values() if t.document_id == scan_id)
    assert issue["subject"] == scan_id and f"{n} nhiệm vụ" in issue["message"]
