"""Work assigned by pointing at items: "Bộ Xây dựng: Chủ trì, phối hợp với các cơ quan liên
quan thực hiện các nhiệm vụ quy định tại các mục 1, 2, 3; điểm a, b mục 7 Phần III".

A decision approving a plan or a scheme often lists its work in one part ("III. NHIỆM VỤ VÀ
GIẢI PHÁP") with no doer, and says in "Tổ chức thực hiện" who leads or joins which items, by
their numbers. The items so pointed at take the lead (when they name none) or the
cooperating body; an item that only points (nothing else to do) is not a task of its own.

Only references anchored in a Roman-numbered part ("Phần III", "Mục II") are followed: "điểm
c khoản 1 Điều này" names no part of the outline the items carry.

>>> from policy_lineage.loaders.pipeline import extract_text
>>> text = '''THỦ TƯỚNG CHÍNH PHỦ
... Số: 12/QĐ-TTg
... Hà Nội, ngày 2 tháng 3 năm 2026
... QUYẾT ĐỊNH
... Phê duyệt Đề án chuyển đổi số hạ tầng
... THỦ TƯỚNG CHÍNH PHỦ
... Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
... QUYẾT ĐỊNH:
... Điều 1. Phê duyệt Đề án với các nội dung sau:
... III. NHIỆM VỤ
... 1. Hoàn thiện thể chế
... a) Rà soát các quy định về dữ liệu số.
... b) Ban hành tiêu chuẩn kết nối dữ liệu.
... IV. TỔ CHỨC THỰC HIỆN
... 1. Bộ Xây dựng
... a) Chủ trì thực hiện các nhiệm vụ tại điểm a mục 1 Phần III Điều 1 Quyết định này;
... b) Tổng hợp kết quả thực hiện Đề án.
... 2. Bộ Tư pháp
... Phối hợp với Bộ Xây dựng thực hiện nhiệm vụ tại điểm a mục 1 Phần III.
... '''
>>> [(t.text[:22], [a.name for a in t.lead], [a.name for a in t.cooperating])
...  for t in extract_text(text, "qd.txt").tasks]  # doctest: +NORMALIZE_WHITESPACE
[('Rà soát các quy định v', ['Bộ Xây dựng'], ['Bộ Tư pháp']),
 ('Ban hành tiêu chuẩn kế', [], []),
 ('Tổng hợp kết quả thực ', ['Bộ Xây dựng'], [])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..schema.model import Agency, Task

_LEVEL = r"(?i:tiểu mục|điểm|mục|khoản|phần)"
_ID = r"(?:[IVXL]{1,5}|\d{1,2}|[a-zđ])(?![\wđ])"
_GROUP = re.compile(rf"(?:(?i:các)\s++)?{_LEVEL}\s++(?P<ids>{_ID}(?:\s*+(?:,|và)\s*+{_ID})*+)")
_BETWEEN = re.compile(r"\s*+(?:[,;]\s*+)?(?:(?i:và)\s++)?")
# "thực hiện các nhiệm vụ quy định tại", "chủ trì các nội dung nêu tại"
_CUE = re.compile(
    r"(?i:(?:thực\s+hiện|triển\s+khai|chủ\s+trì)\s++(?:các\s++)?"
    r"(?:nhiệm\s+vụ|nội\s+dung|giải\s+pháp|hoạt\s+động)"
    r"(?:\s++(?:quy\s+định|được\s+giao|nêu|đề\s+ra))?\s++tại\s++)"
)
# what may follow the numbers in an item that only points: "Điều 1 Quyết định này"
_POINTER_TAIL = re.compile(
    r"(?i:\s*+(?:của\s++)?(?:điều\s++\d++\s*+)?(?:(?:quyết định|kế hoạch|đề án|chương trình"
    r"|nghị quyết|chỉ thị|văn bản)\s*+)?(?:này)?\s*+[.;]?\s*+)$"
)
_ROMAN = re.compile(r"^\W*([IVXL]{1,5})\s*[.)]")
_NUMBER = re.compile(r"^\W*(\d{1,2})\s*[.)]")
_LETTER = re.compile(r"^\W*([a-zđ])\s*\)")
_OWN_MARKER = re.compile(r"(?:^|\s)((?:[IVXL]{1,5}|\d{1,2})\.|[a-zđ]\))[\s*]*$")

Item = tuple[str, str, str | None]  # (part, number, letter)


def pointed_items(text: str) -> tuple[list[Item], int, int] | None:
    """The items ``text`` points at, with where the pointer starts and ends; None if none."""
    cue = _CUE.search(text)
    if not cue:
        return None
    pos, groups = cue.end(), []
    while m := _GROUP.match(text, pos):
        groups.append(re.split(r"\s*+(?:,|và)\s*+", m.group("ids")))
        pos = m.end()
        nxt = _BETWEEN.match(text, pos)
        if not _GROUP.match(text, nxt.end()):
            break
        pos = nxt.end()
    items: list[list[str | None]] = []
    letters: list[str] = []
    for ids in groups:
        if all(re.fullmatch(r"[a-zđ]", i) for i in ids):
            letters = ids
        elif all(i.isdigit() for i in ids):
            items += [[None, n, le] for n in ids for le in (letters or [None])]
            letters = []
        elif all(re.fullmatch(r"[IVXL]+", i) for i in ids):
            for item in items:
                if item[0] is None:
                    item[0] = ids[0]
    found = [(p, n, le) for p, n, le in items if p is not None and n is not None]
    return (found, cue.start(), pos) if found else None


def _path(task: Task, text: str) -> Item | None:
    """The part, number and letter of the item a task was read from."""
    marks = list(task.section)
    start = task.evidence.span.start if task.evidence.span else None
    if start is not None:
        own = _OWN_MARKER.search(text[max(0, start - 12) : start])
        if own:
            marks.append(own.group(1) + (" " if own.group(1).endswith(")") else ""))
    part = number = letter = None
    for mark in marks:
        if part is None:
            if m := _ROMAN.match(mark):
                part = m.group(1)
            continue
        if number is None:
            if m := _NUMBER.match(mark):
                number = m.group(1)
            continue
        if letter is None and (m := _LETTER.match(mark)):
            letter = m.group(1)
    return (part, number, letter) if part and number else None


def _add(bodies: Sequence[Agency], to: list[Agency], besides: list[Agency]) -> list[Agency]:
    names = {a.name for a in to} | {a.name for a in besides}
    return to + [a for a in bodies if a.name not in names]


def assign_by_reference(tasks: list[Task], text: str) -> list[Task]:
    """Leads and cooperating bodies given to items by their numbers; pointers dropped."""
    pointers = []
    for t in tasks:
        found = pointed_items(t.text) if t.lead else None
        if found:
            pointers.append((t, *found))
    if not pointers:
        return tasks
    paths = {id(t): _path(t, text) for t in tasks}
    dropped: set[int] = set()
    for pointer, items, cue_at, end in pointers:
        before = pointer.text[:cue_at]
        joins = re.search(r"(?i)phối\s+hợp", before) and not re.search(r"(?i)chủ\s+trì", before)
        wanted = set(items)
        for t in tasks:
            path = paths[id(t)]
            if t is pointer or path is None:
                continue
            if path not in wanted and (path[0], path[1], None) not in wanted:
                continue
            if joins:
                t.cooperating = _add(pointer.lead, t.cooperating, t.lead)
            elif not t.lead:
                t.lead = list(pointer.lead)
                t.cooperating = [a for a in t.cooperating if a.name not in {b.name for b in t.lead}]
        opening = re.match(r"\W*(?i:chủ\s+trì|phối\s+hợp|tổ\s+chức)", before)
        if opening and _POINTER_TAIL.fullmatch(pointer.text[end:]):
            dropped.add(id(pointer))
    return [t for t in tasks if id(t) not in dropped]
