"""Saved web pages (.html, .htm, .mhtml): the document's own facts, the portal's chrome left
out. Pages are made in the test setup from real documents of benchmarks/real/dev
(benchmarks/saved_pages.py: navigation, banner, metadata table, related documents, comments
and a footer, all citing document numbers) and must give the facts of the same document
saved as Markdown."""

from __future__ import annotations

import importlib.util
import quopri
from pathlib import Path

import pytest

from policy_lineage.loaders import errors
from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.readers import iter_paths, read_path, read_paths
from policy_lineage.loaders.source import ReadError
from policy_lineage.schema.model import to_contract

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "benchmarks" / "real" / "dev"
PLAN = "24_179-kh-ubnd-dong-nai_kinh-te-so"  # a provincial plan with a task table
NOTICE = "10_648-tb-vpcp_ptg-lam-viec-dien-bien"  # a Government Office notice
TELEGRAM = "14_227-cd-ttg_khac-phuc-mua-lu-nam-trung-bo"


def _pages():
    spec = importlib.util.spec_from_file_location("saved_pages", ROOT / "benchmarks/saved_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = _pages()


def facts(path) -> dict:
    data = to_contract(extract_source(read_path(path)))
    d = data["document"]
    return {
        "document": (d["number"], d["doc_type"], d["issuer"], d["date"], d["is_draft"]),
        "signer": d["signer"],
        "references": sorted((r["number"] or "-", r["relation"]) for r in data["references"]),
        "tasks": len(data["tasks"]),
        "leads_deadlines": [(t["lead"], t["deadline"]) for t in data["tasks"]],
    }


def page(tmp_path: Path, stem: str, kind: str = "portal", suffix: str = ".html") -> Path:
    path = tmp_path / f"{stem}{suffix}"
    path.write_text(PAGES.saved_page((DEV / f"{stem}.md").read_text("utf-8"), stem, kind), "utf-8")
    return path


@pytest.mark.parametrize("kind", PAGES.LAYOUTS)
@pytest.mark.parametrize("stem", [PLAN, NOTICE, TELEGRAM])
def test_readers_html_gives_the_facts_of_the_saved_text(tmp_path, stem, kind):
    got = facts(page(tmp_path, stem, kind))
    assert got == facts(DEV / f"{stem}.md")
    assert got["tasks"] > 5


def test_readers_html_leaves_the_portal_out_and_keeps_tables(tmp_path):
    src = read_path(page(tmp_path, PLAN))
    assert src.format == "docx" and src.converted_from == "html"
    for chrome in ("Đăng nhập", "Văn bản liên quan", "Bình luận", "2222/QĐ-UBND",
                   "13/2023/NĐ-CP", "63/2025/QH15", "99/2099/TT-BTC", "123/2024/NĐ-CP",
                   "Cơ quan chủ quản", "Trang chủ"):  # fmt: skip
        assert chrome not in src.text, chrome
    # the metadata table comes first, as "Label: value" lines, for the extractor's fallback
    assert src.text.startswith("Số hiệu: 179/KH-UBND\n")
    letterhead = src.tables[0].rows[0].cells
    assert letterhead[0] == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
    assert letterhead[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    task_table = max(src.tables, key=lambda t: len(t.rows))
    assert len(task_table.rows) > 50
    for row in task_table.rows:
        assert src.text[row.start : row.end] == "\t".join(row.cells)


def test_readers_html_metadata_table_is_a_fallback(tmp_path):
    path = page(tmp_path, NOTICE)
    html = path.read_text("utf-8")
    # the document's own date line is lost (a badly saved page): the portal's table gives it
    path.write_text(html.replace("Hà Nội, ngày 27 tháng 11 năm 2025", "Hà Nội"), "utf-8")
    assert facts(path)["document"][:4] == ("648/TB-VPCP", "Thông báo", "Văn phòng Chính phủ",
                                           "2025-11-27")  # fmt: skip
    # and never overrides what the document says
    wrong = html.replace("<td>27/11/2025</td>", "<td>01/01/2020</td>")
    path.write_text(wrong, "utf-8")
    assert facts(path)["document"][3] == "2025-11-27"


def test_readers_html_mhtml_windows_1258_and_page_folders(tmp_path):
    html = page(tmp_path, NOTICE).read_text("utf-8")
    want = facts(DEV / f"{NOTICE}.md")
    # Internet Explorer / Chrome "single file" page: MIME, quoted-printable
    qp = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    mhtml = tmp_path / "trang.mhtml"
    mhtml.write_text(
        "From: <Saved by Blink>\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="XX"\r\n\r\n'
        "--XX\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp + "\r\n--XX--\r\n",
        "ascii",
    )
    assert facts(mhtml) == want
    # an old page in Windows-1258, saved with its "_files" folder
    old = tmp_path / "site" / "cu.htm"
    old.parent.mkdir()
    old.write_bytes(
        html.replace('charset="utf-8"', 'charset="windows-1258"')
        .replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
        .encode("cp1258", errors="xmlcharrefreplace")
    )
    (tmp_path / "site" / "cu_files").mkdir()
    (tmp_path / "site" / "cu_files" / "frame.html").write_text("<p>khung</p>", "utf-8")
    assert list(iter_paths([str(tmp_path / "site")])) == [str(old)]
    assert facts(old) == want


def test_readers_html_page_without_a_document_is_named(tmp_path):
    empty = tmp_path / "a-tim-kiem.html"
    empty.write_text(
        "<html><body><nav><a href='/'>Trang chủ</a></nav><h1>Không tìm thấy trang</h1>"
        "<ul>" + "".join(f"<li><a href='/vb/{i}'>Quyết định {i}/QĐ-UBND</a></li>" for i in range(30))
        + "</ul><footer>© Cổng thông tin</footer></body></html>",
        "utf-8",
    )  # fmt: skip
    good = page(tmp_path, NOTICE)
    first, second = list(read_paths([str(empty), str(good)]))
    assert isinstance(first, ReadError) and first.code == errors.NO_DOCUMENT
    assert str(empty) in str(first)
    assert not isinstance(second, ReadError)
