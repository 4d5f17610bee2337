"""Bad input: every unreadable file gives a ReadError naming it, and never stops the others."""

from __future__ import annotations

import os
import random

import pytest

from policy_lineage.loaders import errors, readers
from policy_lineage.loaders.readers import iter_paths, read_path, read_paths
from policy_lineage.loaders.source import ReadError, SourceText


def _junk(n: int = 4000) -> bytes:
    return random.Random(57).randbytes(n)


def _error(path) -> ReadError:
    with pytest.raises(ReadError) as err:
        read_path(path)
    assert str(path) in str(err.value)
    assert err.value.path == str(path)
    return err.value


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", errors.EMPTY),
        ("blank.txt", b" \r\n\t\n  ", errors.EMPTY),
        ("bom-only.txt", b"\xef\xbb\xbf\n", errors.EMPTY),
        ("empty.docx", b"", errors.EMPTY),
        ("junk.txt", _junk(), errors.BINARY),
        ("controls.txt", bytes(range(1, 9)) * 200, errors.BINARY),
        ("random.pdf", _junk(), errors.CORRUPT),
        ("random.docx", _junk(), errors.CORRUPT),
        ("table.xlsx", b"PK\x03\x04 spreadsheet", errors.UNSUPPORTED),
        ("photo.png", b"\x89PNG\r\n\x1a\n", errors.UNSUPPORTED),
        ("noext", b"text", errors.UNSUPPORTED),
    ],
)
def test_bad_file_gives_its_code(write, name, data, code):
    assert _error(write(name, data)).code == code


def test_legacy_doc_without_libreoffice_says_how_to_install(write, monkeypatch):
    from policy_lineage.loaders import read_doc

    monkeypatch.setattr(read_doc, "soffice", lambda: None)
    for name in ("old.doc", "renamed.docx"):
        err = _error(write(name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)))
        assert err.code == errors.MISSING_TOOL
        assert "LibreOffice" in err.detail and "apt-get install" in err.detail


def test_truncated_docx_is_corrupt(docx_file, write):
    path = write("cut.docx", docx_file.read_bytes()[:200])
    assert _error(path).code == errors.CORRUPT


def test_truncated_pdf_is_corrupt(pdf_file, write):
    assert _error(write("cut.pdf", pdf_file.read_bytes()[:300])).code == errors.CORRUPT


def test_pdf_without_text_layer(scanned_pdf):
    err = _error(scanned_pdf)
    assert err.code == errors.NO_TEXT


def test_missing_path(tmp_path):
    assert _error(tmp_path / "nowhere" / "kh.txt").code == errors.NOT_FOUND


def test_text_in_no_vietnamese_encoding_is_undecodable(write):
    russian = "Правительство Российской Федерации постановляет утвердить прилагаемые правила " * 3
    assert _error(write("ru.txt", russian.encode("cp1251"))).code == errors.UNDECODABLE


@pytest.fixture
def folder(tmp_path, write, docx_file, sentence):
    write("docs/a-good.txt", sentence.encode())
    write("docs/b-empty.txt", b"")
    write("docs/c-junk.txt", _junk())
    write("docs/sub/d-cut.docx", docx_file.read_bytes()[:200])
    write("docs/sub/e-good.docx", docx_file.read_bytes())
    write("docs/sub/f-random.pdf", _junk())
    write("docs/sub/g-notes.xlsx", b"skipped: not a supported suffix")
    write("docs/~$a-good.docx", b"Office lock file")
    write("docs/.hidden.txt", b"hidden")
    write("docs/.git/h.txt", b"hidden folder")
    return tmp_path / "docs"


def test_iter_paths_expands_folders_and_passes_files_through(folder, tmp_path):
    names = [p.rsplit("/", 1)[-1] for p in iter_paths([str(folder)])]
    assert names == [
        "a-good.txt",
        "b-empty.txt",
        "c-junk.txt",
        "d-cut.docx",
        "e-good.docx",
        "f-random.pdf",
    ]
    given = [str(folder / "sub" / "g-notes.xlsx"), str(tmp_path / "missing.txt")]
    assert list(iter_paths(given)) == given


def test_read_paths_yields_good_and_bad_without_raising(folder, tmp_path):
    missing = str(tmp_path / "missing.txt")
    results = list(read_paths([str(folder), missing]))
    kinds = [
        (r.path.rsplit("/", 1)[-1], r.code if isinstance(r, ReadError) else r.format)
        for r in results
    ]
    assert kinds == [
        ("a-good.txt", "txt"),
        ("b-empty.txt", errors.EMPTY),
        ("c-junk.txt", errors.BINARY),
        ("d-cut.docx", errors.CORRUPT),
        ("e-good.docx", "docx"),
        ("f-random.pdf", errors.CORRUPT),
        ("missing.txt", errors.NOT_FOUND),
    ]
    assert isinstance(results[0], SourceText)


def test_unexpected_library_error_is_wrapped(monkeypatch, write):
    def boom(*args):
        raise RuntimeError("library bug")

    monkeypatch.setitem(readers._REGISTRY, ".txt", readers.Reader("txt", (".txt",), boom))
    [result] = list(read_paths([str(write("a.txt", b"text"))]))
    assert isinstance(result, ReadError)
    assert result.code == errors.CORRUPT and "library bug" in result.detail


def test_iter_paths_orders_a_folder_by_the_parts_of_its_paths(tmp_path):
    """Files in a folder come in the order of their paths' parts, at any depth: a folder's
    files before a sibling whose name merely starts like the folder's ("a/…" before
    "a-b.txt", "a/b/…" before "a/b.txt"), the same order whether the folder is named with a
    trailing slash or not."""
    for rel in ("a-b.txt", "a/z.txt", "a/b/c.txt", "b.txt", "a/b.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    expected = ["a/b/c.txt", "a/b.txt", "a/z.txt", "a-b.txt", "b.txt"]
    for given in (str(tmp_path), str(tmp_path) + "/"):
        got = [os.path.relpath(p, tmp_path) for p in iter_paths([given])]
        assert got == expected
