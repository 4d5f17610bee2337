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
    r"|nghị quyết|chỉ thị|văn bản)\s*+)?(?:này)?\s*+"
    r"(?:và\s++(?:tại\s++)?phụ lục(?:\s++(?:của|kèm theo)\s++(?:kế hoạch|quyết định|đề án)(?:\s++này)?)?\s*+)?"
    r"[.;]?\s*+)$"
)
_ROMAN = re.compile(r"^\W*([IVXL]{1,5})\s*[.)]")
_NUMBER = re.compile(r"^\W*(\d{1,2}(?:\.\d{1,2})*)\s*[.)]")
_LETTER = re.compile(r"^\W*([a-zđ])\s*\)")
_OWN_MARKER = re.compile(r"(?:^|\s)((?:[IVXL]{1,5}|\d{1,2})\.|[a-zđ]\))[\s*]*$")

Item = tuple[str, str, str | None]  # (part, number, letter)


# the same pointer in brackets: "tại mục (IV) (1)", "(IV) (4.1) (4.2)", "(IV)(3.4)(a)"
_BRACKETED = re.compile(
    r"(?:(?:(?i:các)\s++)?(?i:tiểu mục|mục|phần|điểm)\s*+)?"
    r"(?P<ids>(?:\(\s*+(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*+|[a-zđ])\s*+\)\s*+){2,})"
)
_BRACKET_ID = re.compile(r"\(\s*+([^()\s]+)\s*+\)")


def _bracketed(text: str, pos: int) -> tuple[list[Item], int] | None:
    """Items written as a path of bracketed marks, a Roman part first: each number is an
    item of that part (several are siblings), a letter narrows the number before it."""
    m = _BRACKETED.match(text, pos)
    if not m:
        return None
    ids = _BRACKET_ID.findall(m.group("ids"))
    if not re.fullmatch(r"[IVXL]+", ids[0]):
        return None
    items: list[list[str | None]] = []
    for i in ids[1:]:
        if re.fullmatch(r"[a-zđ]", i):
            if items:
                items[-1][2] = i
        elif re.fullmatch(r"[\d.]+", i):
            items.append([ids[0], i, None])
        else:
            return None
    found = [(p, n, le) for p, n, le in items if p is not None and n is not None]
    end = m.end("ids")
    while end > pos and text[end - 1].isspace():
        end -= 1
    return (found, end) if found else None


def pointed_items(text: str) -> tuple[list[Item], int, int] | None:
    """The items ``text`` points at, with where the pointer starts and ends; None if none."""
    cue = _CUE.search(text)
    if not cue:
        return None
    bracketed = _bracketed(text, cue.end())
    if bracketed:
        return bracketed[0], cue.start(), bracketed[1]
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
        if letter is None and (m := _NUMBER.match(mark)) and m.group(1).startswith(number + "."):
            number = m.group(1)  # "1." then "1.1.": the item's number is the deeper one
            continue
        if letter is None and (m := _LETTER.match(mark)):
            letter = m.group(1)
    return (part, number, letter) if part and number else None


def _depth(item: Item) -> int:
    return item[1].count(".") + 1 + (item[2] is not None) if item[1] else 0


def _within(path: Item, item: Item) -> bool:
    """The item at ``path`` is the pointed ``item`` or under it ("1.1" is under "1")."""
    part, number, letter = path
    if part != item[0] or number is None:
        return False
    if number != item[1] and not number.startswith(item[1] + "."):
        return False
    return item[2] is None or item[2] == letter


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
    _assign_by_topic(tasks)
    if not pointers:
        return tasks
    # the narrowest pointer first: "(IV)(3.4)(a)" to one body, "(IV)(3)" to another
    pointers.sort(key=lambda p: -max(_depth(item) for item in p[1]))
    paths = {id(t): _path(t, text) for t in tasks}
    dropped: set[int] = set()
    for pointer, items, cue_at, end in pointers:
        before = pointer.text[:cue_at]
        joins = re.search(r"(?i)phối\s+hợp", before) and not re.search(r"(?i)chủ\s+trì", before)
        for t in tasks:
            path = paths[id(t)]
            if t is pointer or path is None or not any(_within(path, item) for item in items):
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


# "tổ chức triển khai các nhiệm vụ về phát triển hạ tầng số, nền tảng số, dữ liệu số": work
# pointed at by the titles of the sections that hold it
_TOPICS = re.compile(
    r"(?i:(?:chủ\s+trì|thực\s+hiện|triển\s+khai)[^.;]{0,40}?(?:các\s++)?nhiệm\s+vụ"
    r"(?:,\s*+giải\s+pháp)?\s++(?:về|trong\s+lĩnh\s+vực)\s++)(?P<topics>[^.;:()]{3,200})"
)
_TOPIC_END = re.compile(r"(?i)\s++(?:trên\s+địa\s+bàn|của\s+(?:tỉnh|thành\s+phố)|theo\s)")
_HEADING_MARK = re.compile(r"^\W*(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*")


def _topic_key(text: str) -> str:
    key = " ".join(text.casefold().split()).strip(" .,:;*")
    return key.removeprefix("phát triển ").removeprefix("về ")


def _assign_by_topic(tasks: list[Task]) -> None:
    """A body told to lead "các nhiệm vụ về A, B và C" leads the items of the sections
    titled A, B and C that name no doer (titles compared whole, so a topic that is no
    section's title points at nothing)."""
    titles: dict[str, list[Task]] = {}
    for t in tasks:
        for heading in t.section:
            if _HEADING_MARK.match(heading):
                titles.setdefault(_topic_key(_HEADING_MARK.sub("", heading, count=1)), []).append(t)
    if not titles:
        return
    for pointer in tasks:
        if not pointer.lead:
            continue
        for m in _TOPICS.finditer(pointer.text):
            topics = m.group("topics")
            cut = _TOPIC_END.search(topics)
            topics = topics[: cut.start()] if cut else topics
            for topic in re.split(r"\s*+,\s*+|\s++và\s++", topics):
                for t in titles.get(_topic_key(topic), []):
                    if t is not pointer and not t.lead:
                        t.lead = list(pointer.lead)
