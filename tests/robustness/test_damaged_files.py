"""Truncated and corrupted .docx and .pdf files, and random bytes under every suffix (.doc,
.html and none are refused as unsupported): each gives an extraction or a documented
ReadError naming the file, never another exception.

The .docx and .pdf are made from a bundled document the way tests/loaders makes its fixtures
(python-docx; reportlab with DejaVu Sans), then cut at a random byte or damaged by bit flips,
byte edits, cut and repeated chunks. Each example runs under a 60 s alarm, a hang guard (a
damaged PDF could send a parser into a loop); an example takes well under a second.
"""

from __future__ import annotations

import random

import fuzzcases
import pytest
from fuzzcases import DOCUMENTED, mutate_bytes, outcome, random_bytes, time_limit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_lineage.loaders import errors

SOURCE = "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"  # the shortest bundled document: 3 pages
HANG_GUARD = 60.0
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="session")
def office(corpus) -> dict[str, bytes]:
    """The document as .docx and, when the font is there, as .pdf."""
    text = corpus[SOURCE]
    files = {"docx": fuzzcases.docx_bytes(text)}
    if fuzzcases.FONT.exists():
        files["pdf"] = fuzzcases.pdf_bytes(text)
    return files


def _check(tmp_path_factory, name: str, data: bytes) -> tuple[str, str]:
    path = tmp_path_factory.mktemp("damaged") / name
    path.write_bytes(data)
    with time_limit(HANG_GUARD):
        result, detail = outcome(path)
    assert result == "ok" or detail in DOCUMENTED, detail
    return result, detail


def test_the_undamaged_files_extract(office, tmp_path_factory):
    for fmt, data in office.items():
        assert _check(tmp_path_factory, f"whole.{fmt}", data) == ("ok", fmt)


@settings(FUZZ, max_examples=40)
@given(fmt=st.sampled_from(["docx", "pdf"]), cut=st.floats(0, 1, exclude_max=True))
def test_truncated_file(office, tmp_path_factory, fmt, cut):
    if fmt not in office:
        pytest.skip(f"the PDF needs the DejaVu font at {fuzzcases.FONT}")
    data = office[fmt]
    result, detail = _check(tmp_path_factory, f"cut.{fmt}", data[: int(len(data) * cut)])
    if fmt == "docx":  # a zip's directory is at its end: any cut loses it
        assert (result, detail) in {("error", errors.CORRUPT), ("error", errors.EMPTY)}


@settings(FUZZ, max_examples=40)
@given(
    fmt=st.sampled_from(["docx", "pdf"]), seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 8)
)
def test_corrupted_file(office, tmp_path_factory, fmt, seed, steps):
    if fmt not in office:
        pytest.skip(f"the PDF needs the DejaVu font at {fuzzcases.FONT}")
    _check(tmp_path_factory, f"bad.{fmt}", mutate_bytes(office[fmt], random.Random(seed), steps))


@settings(FUZZ, max_examples=60)
@given(
    suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".TXT", ".Docx", ".doc", ".html", ""]),
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(0, 20_000),
)
def test_random_bytes(tmp_path_factory, suffix, seed, size):
    _check(tmp_path_factory, f"random{suffix}", random_bytes(random.Random(seed), size))
