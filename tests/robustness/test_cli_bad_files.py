"""``policy-lineage extract`` over a folder holding broken files among good ones.

The contract (shared/contract/EXTRACT.md, README "Looking at one file"): one JSON line per file
in input order; a file that cannot be read gets ``{"source", "error"}`` naming it; the other
files are still extracted; the exit code is 1. In the table format the error goes to stderr.
"""

from __future__ import annotations

import json
import random

import fuzzcases
import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.loaders import errors, pipeline

GOOD = "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt"


@pytest.fixture
def folder(tmp_path, corpus):
    docx = fuzzcases.docx_bytes(corpus[GOOD])
    files = {
        "a-good.txt": corpus[GOOD].encode("utf-8"),
        "b-cut.docx": docx[: len(docx) // 2],
        "c-good.docx": docx,
        "d-random.pdf": fuzzcases.random_bytes(random.Random(6), 5000),
        "e-empty.md": b"",
        "f-binary.txt": random.Random(7).randbytes(3000),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


BROKEN = {
    "b-cut.docx": errors.CORRUPT,
    "d-random.pdf": errors.CORRUPT,
    "e-empty.md": errors.EMPTY,
    "f-binary.txt": errors.BINARY,
}


def test_json_names_each_broken_file_and_prints_the_others(folder):
    result = CliRunner().invoke(main, ["extract", str(folder), "--format", "json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    names = [line["source"].rsplit("/", 1)[-1] for line in lines]
    assert names == sorted(["a-good.txt", "c-good.docx", *BROKEN])
    for line, name in zip(lines, names, strict=True):
        if name in BROKEN:
            assert set(line) == {"source", "error"}
            assert name in line["error"] and BROKEN[name] in line["error"]
        else:
            assert line["document"]["number"] is None  # a draft: its number left blank
            assert line["document"]["doc_type"] == "Kế hoạch" and line["tasks"]
    good = [line for line, name in zip(lines, names, strict=True) if name not in BROKEN]
    numbers = [sorted(r["number"] for r in g["references"] if r["number"]) for g in good]
    assert numbers[0] == numbers[1] and "359-KH/TU" in numbers[0]  # the .docx reads as the .txt


def test_table_format_reports_broken_files_on_stderr(folder):
    result = CliRunner().invoke(main, ["extract", str(folder)])
    assert result.exit_code == 1
    for name, code in BROKEN.items():
        assert f"{name}: {code}" in result.stderr
    assert "a-good.txt" in result.stdout and "c-good.docx" in result.stdout


def test_an_extractor_failing_on_one_file_stops_nothing(folder, monkeypatch):
    real = pipeline.extract_text

    def fails_on_docx(text, source, *args, **kwargs):
        if source.endswith(".docx"):
            raise RuntimeError("an extractor bug")
        return real(text, source, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_text", fails_on_docx)
    result = CliRunner().invoke(main, ["extract", str(folder), "--format", "json"])
    assert result.exit_code == 1
    lines = {
        line["source"].rsplit("/", 1)[-1]: line
        for line in map(json.loads, result.stdout.splitlines())
    }
    assert "extraction failed" in lines["c-good.docx"]["error"]
    assert "an extractor bug" in lines["c-good.docx"]["error"]
    assert lines["a-good.txt"]["tasks"]


def test_only_good_files_exit_0(folder):
    good = [str(folder / "a-good.txt"), str(folder / "c-good.docx")]
    result = CliRunner().invoke(main, ["extract", *good, "--format", "json"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
