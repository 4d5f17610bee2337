""".zip archives: every member read as a file of its own (``bundle.zip!member.docx``), the
same facts as the .txt; bombs, ``../`` and absolute paths, deep nesting refused by name;
the store replaces a changed archive's members and forgets them with it."""

from __future__ import annotations

import importlib.util
import os
import zipfile
from pathlib import Path

import pytest

from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store
from policy_lineage.loaders import errors, read_archive
from policy_lineage.loaders.readers import iter_paths, read_path, read_paths
from policy_lineage.loaders.source import ReadError

HERE = Path(__file__).resolve().parent
PLAN = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao"
LETTER = "2026-04_cv-ubnd-kgvx_chi-dao-nq57"
NOTICE = "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao"


def _agree():
    spec = importlib.util.spec_from_file_location("formats_agree", HERE / "test_formats_agree.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


AGREE = _agree()
ROOT = HERE.parents[1]
SAVED = "10_648-tb-vpcp_ptg-lam-viec-dien-bien"  # a real notice, saved as a portal page


def _saved_page() -> bytes:
    spec = importlib.util.spec_from_file_location("saved_pages", ROOT / "benchmarks/saved_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    md = (ROOT / "benchmarks/real/dev" / f"{SAVED}.md").read_text("utf-8")
    return module.saved_page(md, SAVED).encode()


def _text(stem: str) -> str:
    return (AGREE.CORPUS / f"{stem}.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def members(tmp_path_factory) -> dict[str, bytes]:
    """Three documents as an office holds them: a .docx with a table, a PDF, a text."""
    out = tmp_path_factory.mktemp("members")
    docx = AGREE.write_docx(_text(PLAN), out / "plan.docx")
    pdf = AGREE.write_pdf(_text(LETTER), out / "letter.pdf")
    return {
        "ke-hoach/plan.docx": docx.read_bytes(),
        "cong-van/letter.pdf": pdf.read_bytes(),
        "notice.txt": _text(NOTICE).encode(),
    }


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def _facts(extraction) -> dict:
    from policy_lineage.schema.model import to_contract

    data = to_contract(extraction)
    d = data["document"]
    return {
        "document": (d["number"], d["doc_type"], d["issuer"], d["date"], d["is_draft"]),
        "signer": d["signer"],
        "title": d["title"],
        "references": sorted((r["number"] or "-", r["relation"]) for r in data["references"]),
        "tasks": [(t["lead"], t["deadline"], t["recurring"]) for t in data["tasks"]],
    }


def test_readers_zip_members_give_the_facts_of_the_text(members, tmp_path):
    from policy_lineage.loaders.pipeline import extract_paths

    files = {**members, "trang/thong-bao.html": _saved_page(), "trang/thong-bao_files/a.png": b"x"}
    bundle = make_zip(tmp_path / "bundle.zip", files)
    got = {ex.source: ex for ex in extract_paths([str(bundle)])}
    shown = f"{bundle}!"
    assert sorted(got) == [
        shown + "cong-van/letter.pdf",
        shown + "ke-hoach/plan.docx",
        shown + "notice.txt",
        shown + "trang/thong-bao.html",
    ]
    [saved] = list(extract_paths([str(ROOT / "benchmarks/real/dev" / f"{SAVED}.md")]))
    assert _facts(got[shown + "trang/thong-bao.html"]) == _facts(saved)
    for member, stem in [
        ("cong-van/letter.pdf", LETTER),
        ("ke-hoach/plan.docx", PLAN),
        ("notice.txt", NOTICE),
    ]:
        [want] = list(extract_paths([str(AGREE.CORPUS / f"{stem}.txt")]))
        ex = got[shown + member]
        assert _facts(ex) == _facts(want), member
        assert all(r.evidence.source == shown + member for r in ex.references if r.evidence)


def test_readers_zip_nested_archives_to_a_fixed_depth(members, tmp_path):
    inner = make_zip(tmp_path / "inner.zip", {"notice.txt": members["notice.txt"]})
    data = inner.read_bytes()
    (tmp_path / "l1.zip").write_bytes(data)
    for depth in range(2, 6):  # l2.zip holds l1.zip, l3.zip holds l2.zip, ...
        data = make_zip(tmp_path / f"l{depth}.zip", {f"l{depth - 1}.zip": data}).read_bytes()
    assert read_archive.MAX_DEPTH == 3
    ok = str(tmp_path / "l4.zip") + "!l3.zip!l2.zip!l1.zip!notice.txt"
    assert list(iter_paths([str(tmp_path / "l4.zip")])) == [ok]
    # the member is read as the file is (spaces that end a line are dropped by both)
    assert read_path(ok).text == read_path(str(AGREE.CORPUS / f"{NOTICE}.txt")).text
    [deep] = list(read_paths([str(tmp_path / "l5.zip")]))
    assert isinstance(deep, ReadError) and deep.code == errors.UNSAFE
    assert deep.path == str(tmp_path / "l5.zip") + "!l4.zip!l3.zip!l2.zip!l1.zip"
    assert "nested" in deep.detail


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_readers_zip_path_tricks_and_bombs_are_refused_and_the_rest_read(
    members, tmp_path, monkeypatch
):
    work = tmp_path / "work"
    work.mkdir()
    bundle = make_zip(
        work / "bad.zip",
        {
            "../escape.txt": members["notice.txt"],
            "/etc/absolute.txt": members["notice.txt"],
            "C:\\windows\\drive.txt": members["notice.txt"],
            "bomb.txt": b"\0" * (40 << 20),  # 40 MB of zeros unzip from 40 KB
            "notice.txt": members["notice.txt"],
        },
    )
    with zipfile.ZipFile(bundle, "a", zipfile.ZIP_STORED) as z:
        z.writestr("locked.txt", b"secret")
    raw = bytearray(bundle.read_bytes())  # mark it encrypted, as a password-protected zip does
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.rfind(signature, 0, raw.rfind(b"locked.txt") + 1)
        raw[at + flag_at] |= 0x1
    bundle.write_bytes(bytes(raw))
    before = _listing(tmp_path)
    got = {r.path.split("!", 1)[1]: r for r in read_paths([str(bundle)])}
    codes = {k: (v.code if isinstance(v, ReadError) else "ok") for k, v in got.items()}
    assert codes == {
        "../escape.txt": errors.UNSAFE,
        "/etc/absolute.txt": errors.UNSAFE,
        "C:\\windows\\drive.txt": errors.UNSAFE,
        "bomb.txt": errors.TOO_LARGE,
        "locked.txt": errors.CORRUPT,
        "notice.txt": "ok",
    }
    assert "zip bomb" in got["bomb.txt"].detail and "password" in got["locked.txt"].detail
    assert all(str(bundle) + "!" in str(v) for v in got.values() if isinstance(v, ReadError))
    assert _listing(tmp_path) == before  # nothing unzipped anywhere

    # an archive whose directory declares too much is refused whole, by its own name
    monkeypatch.setattr(read_archive, "MAX_TOTAL_BYTES", 1 << 20)
    [whole] = list(read_paths([str(bundle)]))
    assert isinstance(whole, ReadError) and whole.path == str(bundle)
    assert whole.code == errors.TOO_LARGE and "zip bomb" in whole.detail


def test_readers_zip_damaged_archive_is_named_and_the_others_read(members, tmp_path):
    bad = tmp_path / "a-cut.zip"
    bad.write_bytes(make_zip(tmp_path / "x.zip", members).read_bytes()[:300])
    good = tmp_path / "b.txt"
    good.write_bytes(members["notice.txt"])
    first, second = list(read_paths([str(bad), str(good)]))
    assert isinstance(first, ReadError) and first.path == str(bad)
    assert first.code == errors.CORRUPT
    assert not isinstance(second, ReadError)


def test_readers_zip_store_replaces_a_changed_archives_members(members, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    bundle = make_zip(folder / "bundle.zip", members)
    store_path = tmp_path / "store.db"
    with Store(store_path, create=True) as store:
        report = ingest(store, [str(folder)])
        assert sorted(report.parsed) == sorted(f"{bundle}!{m}" for m in members)
        assert sorted(r.path for r in store.files()) == sorted(report.parsed)
        assert ingest(store, [str(folder)]).parsed == []  # unchanged

        # the archive changes: one member gone, one changed, one as it was
        changed = dict(members)
        del changed["cong-van/letter.pdf"]
        changed["notice.txt"] = _text(LETTER).encode()
        make_zip(bundle, changed)
        report = ingest(store, [str(folder)])
        assert report.parsed == [f"{bundle}!notice.txt"]
        assert report.pruned == [f"{bundle}!cong-van/letter.pdf"]
        assert report.missing == []
        assert sorted(r.path for r in store.files()) == sorted(f"{bundle}!{m}" for m in changed)
        in_corpus = [d for d in store.graph().documents.values() if d.in_corpus]
        assert len(in_corpus) == 2

        # the archive disappears: its members are missing, then pruned
        os.rename(bundle, folder / "moved.zip.bak")
        report = ingest(store, [str(folder)])
        assert sorted(report.missing) == sorted(f"{bundle}!{m}" for m in changed)
        ingest(store, [str(folder)], prune=True)
        assert store.files() == []


def test_readers_zip_forget_drops_the_members(members, tmp_path):
    from click.testing import CliRunner

    from policy_lineage.cli import main

    bundle = make_zip(tmp_path / "bundle.zip", members)
    other = tmp_path / "other.txt"
    other.write_bytes(members["notice.txt"])
    store = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(bundle), str(other), "--store", store])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["forget", str(bundle), "--store", store])
    assert result.exit_code == 0 and "forgot 3 file(s)" in result.output
    with Store(store) as s:
        assert [r.path for r in s.files()] == [str(other)]


def test_readers_bad_inputs_of_every_format_in_one_build(members, tmp_path, monkeypatch):
    """A folder of bad files of every new format: each one error naming it, the good file
    ingested, nothing written anywhere but the store."""
    from click.testing import CliRunner

    from policy_lineage.cli import main
    from policy_lineage.loaders import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)  # a machine without Tesseract
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(members["notice.txt"])
    make_zip(folder / "b-tricks.zip", {"../../evil.txt": b"x", "bomb.txt": b"\0" * (30 << 20)})
    (folder / "c-no-document.html").write_text(
        "<html><body><nav>Trang chủ</nav><p>Không tìm thấy văn bản.</p></body></html>", "utf-8"
    )
    (folder / "d-broken.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(folder / "e-scan.pdf"))
    scan.rect(100, 100, 300, 400, fill=1)
    scan.showPage()
    scan.save()
    store = tmp_path / "store.db"
    before = _listing(tmp_path)
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(store), "--jobs", "1"])
    assert result.exit_code == 1
    errors_shown = result.stderr if hasattr(result, "stderr") else result.output
    for name in ("b-tricks.zip!../../evil.txt", "b-tricks.zip!bomb.txt", "c-no-document.html",
                 "d-broken.doc", "e-scan.pdf"):  # fmt: skip
        assert name in errors_shown, name
    assert "tesseract-ocr-vie" in errors_shown
    with Store(store) as s:
        good = [r.path for r in s.files() if r.error is None]
    assert good == [str(folder / "a-good.txt")]
    after = _listing(tmp_path) - before
    assert {p for p in after if not p.startswith("store.db")} == set()
