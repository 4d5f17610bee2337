"""Word 97-2003 .doc (and .rtf, .odt) through LibreOffice: the same facts as the .txt.

The fixtures are made in the test setup: the bundled documents written as .docx (appendix a
real table, as test_formats_agree.py writes them) and saved as .doc, .rtf and .odt by
LibreOffice. Without LibreOffice these tests are skipped (the missing-converter message is
tested in test_readers_bad_input.py).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from policy_lineage.loaders import errors
from policy_lineage.loaders.readers import read_path, read_paths
from policy_lineage.loaders.source import ReadError

HERE = Path(__file__).resolve().parent
PLAN = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao"  # its appendix is a task table
LETTER = "2026-04_cv-ubnd-kgvx_chi-dao-nq57"
INSTALL = "apt-get install --no-install-recommends libreoffice-writer-nogui"


def _agree():
    spec = importlib.util.spec_from_file_location("formats_agree", HERE / "test_formats_agree.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def convert(files: list[Path], to: str, out: Path) -> None:
    """LibreOffice saves ``files`` as ``to`` into ``out`` (its own profile in ``out``)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(out), *map(str, files)],
        env=dict(os.environ, HOME=str(out)), capture_output=True, check=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    if shutil.which("soffice") is None:
        pytest.skip(f"LibreOffice is not installed: {INSTALL}")
    agree = _agree()
    out = tmp_path_factory.mktemp("doc")
    docx = [
        agree.write_docx((agree.CORPUS / f"{n}.txt").read_text("utf-8"), out / f"{n}.docx")
        for n in (PLAN, LETTER)
    ]
    convert(docx, "doc", out)
    convert(docx[1:], "rtf", out)
    convert(docx[1:], "odt", out)
    return {p.name: p for p in out.iterdir() if p.is_file()}


def _facts(path: Path | str) -> dict:
    return _agree()._facts(path)


@pytest.mark.parametrize("name", [f"{PLAN}.doc", f"{LETTER}.doc", f"{LETTER}.rtf", f"{LETTER}.odt"])
def test_readers_doc_gives_the_facts_of_the_text(made, name):
    stem = name.rsplit(".", 1)[0]
    assert _facts(made[name]) == _facts(_agree().CORPUS / f"{stem}.txt")


def test_readers_doc_keeps_tables_in_reading_order(made):
    src = read_path(made[f"{PLAN}.doc"])
    assert src.format == "docx" and src.converted_from == "doc"
    [table] = src.tables
    header = table.rows[0].cells
    assert header[:3] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert len(table.rows) > 10
    # the table stands where the appendix heading puts it, its rows one line each
    appendix = src.text.index("\nPhụ lục")
    assert appendix < table.rows[0].start
    for row in table.rows:
        assert src.text[row.start : row.end] == "\t".join(row.cells)
    assert "Ủy ban nhân dân" in src.text and "Đồng Tháp" in src.text


def test_readers_doc_named_docx_is_read_as_doc(made, tmp_path):
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(made[f"{LETTER}.doc"].read_bytes())
    assert _facts(renamed) == _facts(made[f"{LETTER}.doc"])


def test_readers_doc_corrupt_file_is_named_and_others_read(made, tmp_path):
    bad = tmp_path / "hong.doc"
    data = made[f"{LETTER}.doc"].read_bytes()
    bad.write_bytes(data[:512] + bytes(len(data) - 512))  # the OLE header, then nothing
    good = made[f"{LETTER}.doc"]
    results = list(read_paths([str(bad), str(good)]))
    assert isinstance(results[0], ReadError)
    assert results[0].code == errors.CORRUPT and str(bad) in str(results[0])
    assert not isinstance(results[1], ReadError) and "Công văn" in results[1].text[:2000]
    (tmp_path / "not-ole.doc").write_bytes(b"plain text, not Word")
    with pytest.raises(ReadError) as err:
        read_path(tmp_path / "not-ole.doc")
    assert err.value.code == errors.CORRUPT
