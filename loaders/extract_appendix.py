"""Rows of an appendix task table ("Phụ lục DANH MỤC CÁC NHIỆM VỤ").

A table read from .docx or a PDF table arrives as tab-separated rows; a table
copied from a PDF as text arrives flattened: the task name in long lines, then
the narrow cells (lead, cooperating, deadline, result) in short lines, a row
split across pages with the header repeated. Long lines are the name column;
the short lines after them are the cells, split by what they are: bodies from
the alias table, a deadline phrase, and the result.

The appendix restates the body's tasks: each row is one task, and the body item
it restates (matched by wording) adds what the row leaves out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..schema.model import Evidence, Span, Task
from .assignment import dedupe
from .deadlines import find_deadline
from .extract_document import Regions
from .extract_tasks import TaskContext, row_task
from .layout import Layout
from .rules import Rules, derived
from .textnorm import CAPITALS, collapse, fold

_ROW_NO = re.compile(r"^\s*+(\d{1,3})\s*+[.)]?\s*+$")
_SECTION = re.compile(r"^\s*+(?:[IVX]++)\s*+[.\-–]?\s*+(?:[" + CAPITALS + r" ,\-–;]++)?$")
_HEADER = re.compile(r"^\s*S?TT\b")


@lru_cache(maxsize=4096)
def _words(s: str) -> frozenset[str]:
    """The words of a task's text, read once: :func:`merge_appendix` compares every row with
    every item of the body."""
    return frozenset(re.findall(r"[\wđ]+", fold(s)))


def _similar(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def appendix_tasks(text: str, lay: Layout, regions: Regions, ctx: TaskContext) -> list[Task]:
    lines = lay.lines
    start_para = (
        lay.paragraphs[regions.appendix_start] if regions.appendix_start is not None else None
    )
    if start_para is None:
        return []
    first = start_para.first_line
    region = [
        (i, ln) for i, ln in enumerate(lines) if i >= first and ln.kind in ("content", "table_row")
    ]
    header_at = next((k for k, (_, ln) in enumerate(region) if _HEADER.match(ln.text)), None)
    if header_at is None:
        return []
    # the header block: lines up to the first section or row number
    k = header_at + 1
    while k < len(region) and not (
        _ROW_NO.match(region[k][1].text) or _SECTION.match(region[k][1].text.strip())
    ):
        k += 1
    body = region[k:]
    if any(ln.kind == "table_row" for _, ln in body):
        return []  # structured rows are read by the table path (not needed for this corpus)
    width = max((len(ln.text.strip()) for _, ln in body), default=60)
    rows: list[dict] = []
    section: str | None = None
    for idx, (i, ln) in enumerate(body):
        s = ln.text.strip()
        m = _ROW_NO.match(s)
        if m:
            rows.append(
                {"no": m.group(1), "name": [], "cells": [], "lines": [i], "section": section}
            )
            continue
        if s.isupper() and len(s) > 3 and not re.search(r"\d", s):
            section = s if not section or rows else section
            if rows and rows[-1]["cells"]:
                section = s
            continue
        if (
            re.match(
                r"^[IVX]+\s+[" + CAPITALS + r"]",
                s,
            )
            and s.split(" ", 1)[1].isupper()
        ):
            section = s
            continue
        if re.match(r"^[IVX]+$", s):
            continue
        if not rows:
            continue
        row = rows[-1]
        row["lines"].append(i)
        prev_i = body[idx - 1][0] if idx else None
        attached = (
            prev_i is not None
            and prev_i == i - 1
            and prev_i in row["lines"]
            and row.get("last") == "name"
        )
        if len(s) >= 0.6 * width or attached:
            row["name"].append(s)
            row["last"] = "name"
        elif row["cells"] and row.get("last") == "cell" and len(s) >= 0.6 * width:
            row["name"].append(s)
        else:
            if attached and row["cells"] and len(s) < 0.6 * width and row.get("after_cells_name"):
                row["name"].append(s)
                continue
            row["cells"].append(s)
            row["last"] = "cell"
    tasks = []
    for row in rows:
        name = collapse(" ".join(row["name"]))
        if not name:
            continue
        cells = " ".join(row["cells"])
        cells = re.sub(r"\s+", " ", cells).strip()
        lead, coop, deadline_part, result = _split_cells(cells, ctx)
        start = lines[row["lines"][0]].start
        end = lines[row["lines"][-1]].end
        ev = Evidence(ctx.source, Span(start, end), collapse(name))
        tasks.append(
            row_task(
                name,
                lead,
                coop,
                deadline_part,
                result,
                ev,
                row["section"],
                row["no"],
                ctx.table.rules,
            )  # fmt: skip
        )
    return tasks


class _Vocab:
    """The patterns a flattened row's cells are split with, built from one Rules."""

    def __init__(self, rules: Rules) -> None:
        # where the deadline cell starts: its words, or a date or a period in figures
        self.DEADLINE_START = re.compile(
            r"(?<![\wđ])(?:" + Rules.alternation(rules.deadline_openers)
            + r"|trước\s+\d|quý\s+[ivx\d]|năm \d{4}|tháng \d|\d{1,2}/\d{4})"
        )  # fmt: skip
        # where the result cell starts: a document's type ("Kế hoạch", "Văn bản") or a word
        # of results ("Kết quả …")
        results = (
            *(w for w, name in rules.types(generic=True) if name in rules.deliverable_types),
            *(w for w, name in rules.types(generic=True) if name is None),
            *rules.result_words,
        )
        self.RESULT_WORDS = re.compile(r"(?<![\wđ])(?:" + Rules.alternation(results) + ")")


def _vocab(rules: Rules | None) -> _Vocab:
    return derived(rules, _Vocab)


def _split_cells(cells: str, ctx: TaskContext):
    """Lead, cooperating, deadline phrase and result from the flattened cells of a row."""
    v = _vocab(ctx.table.rules)
    key = fold(cells)
    matches = ctx.table.find(cells, ctx.province)
    dl = v.DEADLINE_START.search(key)
    # bodies sit before the deadline (or, without one, before the result)
    limit = dl.start() if dl else len(key)
    bodies = [m for m in matches if m.end <= limit]
    if not dl:
        # no deadline: the result starts after the last body
        end_bodies = bodies[-1].end if bodies else 0
        rm = v.RESULT_WORDS.search(key, end_bodies)
        limit = rm.start() if rm else len(key)
    groups: list[list] = []
    pos = 0
    for m in bodies:
        gap = cells[pos : m.start]
        if not groups or not re.fullmatch(r"\s*[,;]\s*(?:và\s+)?", gap):
            groups.append([m])
        else:
            groups[-1].append(m)
        pos = m.end
    lead = dedupe([m.agency for m in groups[0]]) if groups else []
    coop = dedupe([m.agency for g in groups[1:] for m in g])
    deadline_part = None
    result = None
    if dl:
        tail = cells[dl.start() :]
        rm = None
        for r in v.RESULT_WORDS.finditer(fold(tail)):
            # the result follows the deadline phrase; a document named inside the phrase is not it
            if (find_deadline(tail[: r.start()]).text or r.start() > 0) and not re.search(
                r"(?:của|số)\s*$", fold(tail[: r.start()])
            ):
                rm = r
                break
        if rm:
            deadline_part = tail[: rm.start()].strip(" ,;")
            result = tail[rm.start() :].strip(" ,;") or None
        else:
            deadline_part = tail.strip()
    else:
        result = cells[limit:].strip(" ,;") or None
    if result:
        result = result[0].upper() + result[1:]
    return lead, coop, deadline_part, result


# a row restates a body item when most of the shorter's words are the longer's and they
# share at least this part of the longer's: a five-word row inside a 160-word paragraph
# (a body's duties in "Tổ chức thực hiện") restates none of it
_MIN_SHARE = 0.3
_JOINS = re.compile(r"\W*(?:tham gia|phối hợp)(?![\wđ])")


def merge_appendix(rows: list[Task], body: list[Task]) -> list[Task]:
    """The rows are tasks; each takes from the body item it restates what it leaves out.

    A body item no row restates is a task of its own, before the rows: an appendix that
    restates the plan's tasks does not take the place of the duties the text gives in
    "Tổ chức thực hiện" (who coordinates, who reports), which the annotation guide counts
    as tasks too; the same task twice is counted once.
    """
    out = []
    restated: set[int] = set()
    body_words = [_words(t.text) for t in body]  # read once, not once per row
    for row in rows:
        wa = _words(row.text)  # _similar(row.text, t.text) for each t, inline
        scored = [
            (len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0, i)
            for i, wb in enumerate(body_words)
        ]
        score, i = max(scored, default=(0.0, -1))
        if i < 0 or score < 0.75 or len(wa) < 3:  # two words restate nothing: "Năm 2026"
            out.append(row)
            continue
        if len(wa & body_words[i]) < _MIN_SHARE * max(len(wa), len(body_words[i])):
            out.append(row)  # a short row inside a long paragraph, or the reverse: not it
            if score >= 0.9 and len(wa) >= 8 and not body[i].lead and row.lead:
                # but the row names the work the paragraph opens with, and its doers, which
                # the paragraph does not name: "Tổ chức các Tổ công nghệ số cộng đồng …"
                body[i] = replace(body[i], lead=list(row.lead))
                if not body[i].cooperating:
                    body[i].cooperating = list(row.cooperating)
                if not body[i].deadline_text and row.deadline_text:
                    body[i].deadline_text, body[i].deadline = row.deadline_text, row.deadline
            continue
        if _JOINS.match(fold(row.text)) and not _JOINS.match(fold(body[i].text)):
            out.append(row)  # "Tham gia rà soát …" of one body beside "Rà soát …": its part
            continue
        restated.add(i)
        best = body[i]
        merged = replace(row, origin="body+appendix", section=best.section or row.section)
        if not merged.lead:
            merged.lead = best.lead
        if not merged.deadline_text and best.deadline_text:
            merged.deadline_text = best.deadline_text
            merged.deadline = best.deadline
        if not merged.recurring and best.recurring and merged.deadline is None:
            merged.recurring, merged.recurrence = True, best.recurrence
            merged.deadline_text = merged.deadline_text or best.deadline_text
        merged.delegation = best.delegation
        merged.waits_on = merged.waits_on or best.waits_on
        if len(_words(best.text)) > len(wa) and fold(best.text).startswith(
            fold(row.text).rstrip(" .;")
        ):
            # the body says the row's words and goes on ("… tại 100% bệnh viện trên địa bàn
            # tỉnh, hoàn thành trước ngày 30/9/2025" for the row's "… tại 100% bệnh viện"): its
            # words, the row's in full
            merged.text = best.text
        out.append(merged)
    return [t for i, t in enumerate(body) if i not in restated] + out
