"""Deep numbering, thousands of sections, a chain of headings deeper than Python's recursion
limit, and a 100,000-row task table: each gives an extraction.

The big table runs in a child process under a hard time limit and a memory rlimit (300 s,
4 GB). Those are crash and hang guards, generous on purpose, not speed targets: it takes about
25 s and 0.8 GB here; its time and memory are figures of ``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import fuzzcases
import pytest
from fuzzcases import check_extraction, run_bounded, time_limit

from policy_lineage.loaders.pipeline import extract_text

HANG_GUARD = 60.0
MODES = {"txt": {}, "docx": {"one_line_paragraphs": True}, "pdf": {"wrapped": True}}


def _extract(text: str, mode: str):
    with time_limit(HANG_GUARD):
        ex = extract_text(text, f"x.{mode}", **MODES[mode])
    check_extraction(ex)
    return ex


@pytest.mark.parametrize("mode", sorted(MODES))
def test_numbering_200_levels_deep(mode):
    ex = _extract(fuzzcases.nested_numbering(200), mode)
    assert len(ex.tasks) >= 199  # the first item may join the title block
    assert {a.name for t in ex.tasks for a in t.lead} == {"Sở Khoa học và Công nghệ"}


@pytest.mark.parametrize("mode", sorted(MODES))
def test_letters_dashes_and_bullets_nested_200_times(mode):
    ex = _extract(fuzzcases.nested_letters(200), mode)
    assert ex.tasks


@pytest.mark.parametrize("mode", ["txt", "docx"])
def test_roman_sections_into_the_thousands(mode):
    """I. II. … MMMCMXCIX.: every task is read. (Sections are known up to XXXIX, as
    ``layout.ROMAN`` reads them; past that a heading is a paragraph, its task still a task.)"""
    ex = _extract(fuzzcases.roman_sections(3999), mode)
    assert len(ex.tasks) == 3999
    assert ex.tasks[38].section == ["XXXIX. NHIỆM VỤ 39"]


def test_roman_sections_as_pdf_lines():
    _extract(fuzzcases.roman_sections(3999), "pdf")


@pytest.mark.parametrize("mode", ["txt", "docx"])
def test_a_chain_of_headings_deeper_than_the_recursion_limit(mode):
    """Paragraphs ending with ":" each nest under the one before: 3,000 of them made
    ``Node.walk`` recurse 3,000 deep (RecursionError, the file reported as "extraction
    failed"); the walk is iterative now."""
    lines = [f"Các sở thực hiện nội dung {i} như sau:" for i in range(3000)]
    text = (
        fuzzcases.HEAD + "\n".join(lines) + "\n- Giao Sở Tài chính hoàn thành trước 31/12/2025.\n"
    )
    ex = _extract(text, mode)
    assert [(t.lead[0].name, str(t.deadline)) for t in ex.tasks] == [("Sở Tài chính", "2025-12-31")]


def test_a_task_table_of_100000_rows(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text(fuzzcases.big_table_text(100_000), "utf-8")
    run = run_bounded(["text", str(path)], timeout=300, memory_mb=4096)
    assert not run.timed_out, "still running after 300 s"
    assert run.returncode == 0, run.stderr
    assert run.answer["tasks"] == 100_000
