"""Tasks from task tables read with their structure (.docx tables, PDF tables).

A reader gives each table row as one line with its cells joined by tabs. A task
table is recognised by its header: a column for the work (``Nhiệm vụ``, ``Nội
dung``, ``Tên nhiệm vụ``) and at least one of lead (``Cơ quan chủ trì``),
cooperating (``Cơ quan phối hợp``), time (``Thời gian hoàn thành``, ``Thời
hạn``, ``Tiến độ``) or result (``Sản phẩm``). A header may span two rows
(``Cơ quan thực hiện`` over ``Chủ trì | Phối hợp``). Rows that span the table
(``I. NHIỆM VỤ …``) are groups and give the section of the rows below them; a
row without a number whose first words continue the row above (a row split by a
page break) is joined to it.

>>> from policy_lineage.loaders.pipeline import extract_text
>>> text = "STT\\tNhiệm vụ\\tCơ quan chủ trì\\tThời gian hoàn thành\\n" \\
...        "1\\tXây dựng kho dữ liệu số\\tSở Khoa học và Công nghệ\\tQuý IV/2025\\n"
>>> [(t.text, t.lead[0].name, str(t.deadline)) for t in extract_text(text, "x.docx").tasks]
[('Xây dựng kho dữ liệu số', 'Sở Khoa học và Công nghệ', '2025-12-31')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import combinations

from ..schema.model import Agency, Evidence, Span, Task
from .agencies import CITIES, PROVINCE_NAMES
from .assignment import dedupe, parse_assignment
from .deadlines import find_deadline
from .extract_tasks import TaskContext, row_task
from .layout import Layout
from .textnorm import CAPITALS, collapse, fold

COLUMNS: dict[str, re.Pattern[str]] = {
    "no": re.compile(r"^(?:s?tt|số\s*tt|số thứ tự)\.?$"),
    "lead": re.compile(
        r"chủ trì|(?:cơ quan|đơn vị)\s+(?:thực hiện|được giao|đầu mối|soạn thảo|tham mưu|trình"
        r"|phụ trách|chịu trách nhiệm|báo cáo|cung cấp)|^thực hiện$|^phụ trách$|^(?:trách nhiệm|đơn vị|cơ quan)"
        r"(?: thực hiện)?$|^phân công(?: thực hiện)?$"
        # "Bộ, cơ quan, địa phương", "Chủ đầu tư": whose row it is, in a table of projects
        r"|^(?:bộ|ngành|cơ quan|địa phương)(?:\s*+,\s*+(?:bộ|ngành|cơ quan|địa phương))+$"
        r"|^chủ đầu tư$"
        # "Tên đơn vị | Nội dung cần hoàn thành": the unit whose row it is
        r"|^tên (?:đơn vị|cơ quan)$"
        # "Người thực hiện", "Người phụ trách": a school's or an office's own staff and units
        r"|^(?:người|cá nhân) (?:thực hiện|phụ trách|chịu trách nhiệm)$"
    ),
    "coop": re.compile(r"phối hợp"),
    "deadline": re.compile(
        r"thời gian|thời hạn|tiến độ|hoàn thành|mốc|lộ trình|^năm thực hiện$|^kết thúc$"
    ),
    "result": re.compile(
        r"sản phẩm|kết quả|hình thức|cấp (?:trình|ban hành|phê duyệt)|^chỉ tiêu (?:đạt|cần|phải)"
    ),
    "note": re.compile(r"ghi chú"),
    # "Tỉnh, thành phố", "Địa phương", "Xã, phường": the place whose row it is; with no lead
    # column, the place's People's Committee leads the row
    "place": re.compile(
        r"^(?:tỉnh(?:\s*+[,/]\s*+thành phố)?(?:\s++trực thuộc trung ương)?|thành phố|địa phương"
        r"|(?:xã|phường)(?:\s*+[,/]\s*+(?:xã|phường|đặc khu))*+)"
        # "Địa phương chưa hoàn thành", "Xã thực hiện": which places, said of the row
        r"(?:\s++(?:chưa|còn|đã|được|thực hiện|triển khai)(?:\s[^,;:]*+)?)?$"
    ),
    "name": re.compile(
        r"nhiệm vụ|nội dung|tên|công việc|hoạt động|giải pháp|đề án|dự án|danh mục|văn bản"
    ),
}
# "Thuộc nhóm nhiệm vụ, hành động", "Nhóm giải pháp", "Lĩnh vực": which group of the plan
# a row belongs to; the work itself is in "Nội dung nhiệm vụ" beside it
# the columns of a lesson or an event's programme: its steps are no tasks
_LESSON_COLUMN = re.compile(r"^(?:phương pháp|phương tiện|hình thức tổ chức|người trình bày)")
# a column that names the thing a row is about ("Tên dự án"), and one that says what is to
# be done about it ("Nội dung đề nghị xử lý", "Giải pháp", "Nhiệm vụ cần thực hiện")
# ("Tên dự án, nhiệm vụ | Nội dung chính": the name is the work, the content describes it)
_THING_COLUMN = re.compile(
    r"^(?:tên\s+)?(?:dự án|công trình|đề án|văn bản|danh mục)(?!.*(?:nhiệm vụ|hoạt động))"
)
_WORK_COLUMN = re.compile(r"nhiệm vụ|giải pháp|đề nghị|kiến nghị|xử lý|cần thực hiện")
# a column whose head says "hoàn thành" but holds a count or the work itself
_NOT_A_TIME_COLUMN = re.compile(r"(?:số|nội dung|nhiệm vụ|công việc|tên|địa phương|xã|phường)\s")
_GROUP_COLUMN = re.compile(r"^thuộc\b|\bnhóm\b|^lĩnh vực")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # "2026 - 2028": a period is a time
_ONLY_TIME = re.compile(
    r"(?i:(?:năm|quý|tháng|ngày)\s*+)?[\divxIVX]{1,4}(?:\s*[/.-]\s*\d{1,4}){0,2}\.?"
)
_GROUP_NO = re.compile(r"^(?:[IVX]+|[A-ZĐ])\s*[.)]?$")
# a group's number and title in one cell: "II. Xã hội số"
_GROUP_TITLE = re.compile(r"^(?:[IVX]+|[A-ZĐ])\s*[.)]\s++\S")
_ROW_NO = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\s*[.)]?$")


@dataclass
class TaskTable:
    first_line: int  # index in Layout.lines of the header row
    last_line: int
    columns: dict[str, int]  # role → cell index
    rows: list[dict] = field(default_factory=list)


def _cells(text: str) -> list[str]:
    """Cells of a row line: tab-separated (readers) or a Markdown row "| a | b |"."""
    if "\t" not in text and text.strip().startswith("|"):
        return [collapse(c) for c in text.strip().strip("|").split("|")]
    if "\t" not in text and " | " in text:  # a row written without its outer pipes
        return [collapse(c) for c in _BARE_PIPE.split(text.strip().removesuffix("|"))]
    return [collapse(c) for c in text.split("\t")]


def _header_columns(cells: list[str]) -> dict[str, int]:
    """Column roles of a header row; a row of data (long cells, a row number) has none."""
    cols: dict[str, int] = {}
    if any(len(c) > 60 for c in cells) or (cells and _ROW_NO.match(cells[0])):
        return cols
    group_of_name: int | None = None
    for i, cell in enumerate(cells):
        key = fold(cell).strip(" :")
        if not key:
            continue
        for role in ("no", "lead", "coop", "deadline", "result", "note", "name", "place"):
            if COLUMNS[role].search(key) and role not in cols:
                if role == "deadline" and _NOT_A_TIME_COLUMN.match(key):
                    continue  # "Số xã chưa hoàn thành", "Địa phương chưa hoàn thành"
                if role == "name" and ("chủ trì" in key or "phối hợp" in key):
                    continue
                if role == "name" and _GROUP_COLUMN.search(key):
                    group_of_name = i if group_of_name is None else group_of_name
                    continue  # the group a row belongs to, not its work, unless nothing else
                cols[role] = i
                break
            if (
                "name" in cols
                and cols["name"] != i
                and _THING_COLUMN.search(fold(cells[cols["name"]]).strip(" :"))
                and _WORK_COLUMN.search(key)
                and not any(cols.get(r) == i for r in cols if r != "name")
            ):
                # "Tên dự án | … | Nội dung đề nghị xử lý": the work asked, not the project
                cols["name"] = i
    if "name" not in cols and group_of_name is not None:
        cols["name"] = group_of_name
    if "name" not in cols and "lead" in cols:
        # "TT | Chỉ tiêu | Chủ trì": each target given to a body to lead is its work
        target = next((i for i, c in enumerate(cells) if fold(c).strip(" :") == "chỉ tiêu"), None)
        if target is not None:
            cols["name"] = target
    if (
        "lead" not in cols
        and "coop" not in cols
        and any(_LESSON_COLUMN.search(fold(c)) for c in cells)
    ):
        return {}  # "Nội dung | Phương pháp | Phương tiện | Thời gian": a lesson, not work
    return cols


def _is_task_header(cols: dict[str, int]) -> bool:
    return "name" in cols and any(r in cols for r in ("lead", "coop", "deadline", "result"))


# brackets in a lead cell naming who gathers or carries the lead's answer
_ROUTE_IN_BRACKETS = re.compile(
    r"\((?=[^()]*(?:tổng\s++hợp|đầu\s++mối|(?<![^\W\d_])qua\s))[^()]*\)", re.IGNORECASE
)
# a row that is the table's note: "*Ghi chú: …*", "Lưu ý: …"
_NOTE_ROW = re.compile(r"[\W_]*+(?:ghi\s++chú|lưu\s++ý)\s*+:")
# a closing block's row: recipients beside the signature ("Nơi nhận: … | TM. ỦY BAN …")
_CLOSING_ROW = re.compile(r"^[*\s]*+(?:nơi nhận|t/?m\.|tm\.|kt\.|k/t)")


def find_task_tables(lay: Layout) -> list[TaskTable]:
    """The task tables of a document, with their data rows (cells by role)."""
    lines = lay.lines
    tables: list[TaskTable] = []
    current: TaskTable | None = None
    header_keys: set[str] = set()
    for i, ln in enumerate(lines):
        if ln.kind != "table_row":
            if ln.kind in ("content",) and current is not None and ln.stripped:
                # a paragraph between tables ends the current one, unless it is a page header
                current = None
            continue
        cells = _cells(ln.text)
        cols = _header_columns(cells)
        if _is_task_header(cols):
            key = fold("\t".join(cells))
            if current is not None and key in header_keys:
                continue  # the header repeated on a new page
            current = TaskTable(i, i, cols)
            header_keys = {key}
            tables.append(current)
            continue
        if current is None:
            continue
        if _CLOSING_ROW.match(fold(cells[0]) if cells else ""):
            current = None  # the signature's table right after the task table ("Nơi nhận:")
            continue
        if not current.rows and "deadline" in current.columns:
            # "Thời gian" over "Bắt đầu | Hoàn thành": the time the work ends is the deadline
            sub = _header_columns(cells)
            width = len(_cells(lines[current.first_line].text))
            if (
                set(sub) == {"deadline"}
                and cells[0]
                and 1 < len(cells) < width
                and not _GROUP_NO.match(cells[0])  # "I | CÁC ĐỊA PHƯƠNG CHƯA HOÀN THÀNH …"
            ):
                parent = current.columns["deadline"]
                shift = len(cells) - 1
                current.columns = {
                    role: idx + shift if idx > parent else idx
                    for role, idx in current.columns.items()
                }
                current.columns["deadline"] = parent + sub["deadline"]
                header_keys.add(fold("\t".join(cells)))
                continue
            if set(sub) == {"deadline"} and not cells[0] and len(cells) <= width:
                # the same read from a .docx, which keeps the merged cells blank
                current.columns["deadline"] = sub["deadline"]
                header_keys.add(fold("\t".join(cells)))
                continue
        if not current.rows and ("lead" not in current.columns or "coop" not in current.columns):
            # the second row of a two-row header: "Chủ trì | Phối hợp" under "Cơ quan thực hiện"
            sub = _header_columns(cells)
            if ("lead" in sub or "coop" in sub) and "name" not in sub:
                width = len(_cells(lines[current.first_line].text))
                parent = current.columns.get("lead", current.columns.get("coop"))
                if parent is not None and 1 < len(cells) < width and cells[0]:
                    # a saved page writes a merged header cell once and its sub-header row
                    # without the blank cells a .docx keeps: "Cơ quan thực hiện" spans
                    # "Chủ trì | Phối hợp", and the columns after it move right
                    shift = len(cells) - 1
                    current.columns = {
                        role: idx + shift if idx > parent else idx
                        for role, idx in current.columns.items()
                        if role not in ("lead", "coop")
                    }
                    current.columns.update(
                        {k: parent + v for k, v in sub.items() if k in ("lead", "coop")}
                    )
                else:
                    current.columns.update({k: v for k, v in sub.items() if k in ("lead", "coop")})
                header_keys.add(fold("\t".join(cells)))
                continue
        if fold("\t".join(cells)) in header_keys:
            continue
        if all(re.fullmatch(r"\(?\d{1,2}\)?", c) or not c for c in cells):
            continue  # a row of column numbers "(1) (2) (3)"
        current.rows.append({"line": i, "cells": cells})
        current.last_line = i
    return tables


def _cell(cells: list[str], cols: dict[str, int], role: str) -> str:
    i = cols.get(role)
    if i is None or i >= len(cells):
        return ""
    return cells[i]


def _bodies(text: str, ctx: TaskContext, vague: bool = False) -> list[Agency]:
    """The bodies a cell names; those only said to be concerned ("các cơ quan liên quan")
    too when ``vague`` (a lead cell: "Bộ Xây dựng, các địa phương" both lead)."""
    if not text:
        return []
    found = _whole_names(text, ctx)
    concrete = [a for a in found if not ctx.table.is_vague(a)]
    return dedupe(found if vague else concrete)


# what a body's name in a cell does not run on into: who does what, a number, another party
_NOT_A_NAME_TAIL = re.compile(
    r"\d|(?<!\w)(?:chủ trì|phối hợp|và|các|với|cùng|thực hiện|liên quan)(?!\w)"
)


# a pipe between cells of a row written without its outer pipes ("1 | Nội dung | | Sở Y tế")
_BARE_PIPE = re.compile(r"\s\|(?=\s|$)")
# a lead cell's text that is one unit's name as printed: a capital first, no figure, no mark
# of a list or a sentence
_A_UNIT_AS_PRINTED = re.compile(r"[" + CAPITALS + r"][^\d,;:()/|\n]{1,60}")
# a cell that repeats the one above ("nt", "như trên")
_DITTO = re.compile(r"n\.?\s*+t\.?|như\s++trên|-\s*+nt\s*+-|\"")
_CELL_PART_END = re.compile(r"[,;()\n|]")
_LIST_GOES_ON = re.compile(r"(?:các|và|cùng|với)\s")


def _whole_names(text: str, ctx: TaskContext) -> list[Agency]:
    """The bodies a cell names; a body read by shape whose name runs on in lower case to the
    end of its part of the cell is named with all of it: a cell holds names only ("Viện Kinh
    tế xây dựng", "Cục Giám định nhà nước về chất lượng công trình xây dựng")."""
    matches = ctx.table.find(text, ctx.province)
    out: list[Agency] = []
    for i, m in enumerate(matches):
        agency = m.agency
        if not agency.canonical and agency.kind == "body":
            stop = _CELL_PART_END.search(text, m.end)
            end = stop.start() if stop else len(text)
            nxt = matches[i + 1].start if i + 1 < len(matches) else len(text)
            tail = text[m.end : end].rstrip(" .*")
            after = text[end:].lstrip(" ,;")
            if (
                tail.strip()
                # a cell that goes on in lower case is a sentence ("Sở X thúc đẩy, theo dõi,
                # báo cáo"): its words after the name are its work, not the name
                and not (after[:1].islower() and not _LIST_GOES_ON.match(after))
                and nxt >= end
                and tail[:1].isspace()
                and len(tail.split()) <= 12
                and not _NOT_A_NAME_TAIL.search(fold(tail))
                and all(w[:1].islower() for w in tail.split())
            ):
                written = " ".join(text[m.start : m.end + len(tail)].split())
                agency = replace(agency, name=ctx.table.display_name(written), as_written=written)
        out.append(agency)
    return out


_MARKED_LEAD = re.compile(r"\(\s*+(?i:chủ\s+trì)\s*+\)")


def _place_committee(text: str, ctx: TaskContext) -> list[Agency]:
    """The People's Committees of the places a "Tỉnh, thành phố" or "Xã, phường" cell names
    ("Tuyên Quang", "Thành phố Cần Thơ", "Xã Khánh Vĩnh, xã Cam An"); none when a part of it
    names no place."""
    parts = [p for p in re.split(r"\s*+[,;]\s*+|\s++và\s++", text) if p.strip()]
    out: list[Agency] = []
    for part in parts:
        found = _one_place_committee(part, ctx)
        if not found:
            return []
        out += found
    return dedupe(out)


def _one_place_committee(text: str, ctx: TaskContext) -> list[Agency]:
    words = " ".join(re.sub(r"\d+", " ", text).split()).strip(" .,;")
    if not words or len(words.split()) > 6:
        return []
    level = re.match(r"(?i:(tỉnh|thành phố|xã|phường|đặc khu))\s++(?=\w)", words)
    place = words[level.end() :] if level else words
    if not place[:1].isupper():
        return []
    named = level.group(1).lower() if level else None
    if any(fold(p) == fold(place) for p in PROVINCE_NAMES):
        unit = "thành phố" if place in CITIES else "tỉnh"
    elif named in ("xã", "phường", "đặc khu"):
        unit = named
    else:
        return []
    found = ctx.table.find(f"Ủy ban nhân dân {unit} {place}", ctx.province)
    return [found[0].agency] if len(found) == 1 else []


def _lead_cell(text: str, ctx: TaskContext) -> tuple[list[Agency], list[Agency]]:
    """The bodies of a lead cell; one that says who leads and who helps ("Sở KH&CN chủ trì;
    các doanh nghiệp viễn thông phối hợp", one "Đơn vị thực hiện" column) gives both."""
    # "UBND tỉnh, thành phố (Sở Tài chính tổng hợp)": the body in brackets gathers or
    # carries the answer of the lead outside them; it leads nothing
    routed = _ROUTE_IN_BRACKETS.sub(lambda m: " " * len(m.group()), text)
    if routed != text and _bodies(routed, ctx, vague=True):
        text = routed
    found = _bodies(text, ctx, vague=True)
    if (
        not found
        and _A_UNIT_AS_PRINTED.fullmatch(text.strip(" .;*"))
        and 2 <= len(text.split()) <= 6
        # a unit's head word first ("Văn phòng cơ quan"): not a cell cut by a page's line
        # ("Phòng"), nor a deliverable out of its column ("Cơ sở dữ liệu")
        and fold(text)
        .strip()
        .startswith(
            tuple(f"{h} " for h in (*ctx.table.rules.body_heads, *ctx.table.rules.shape_heads))
        )
        # a time out of its column ("Thường xuyên", "Hằng năm")
        and not find_deadline(text).text
        and not fold(text).strip().startswith(tuple(ctx.table.rules.deadline_openers))
    ):
        # "Văn phòng cơ quan": the column names the lead, one the tables do not know by its
        # shape: the body as printed
        written = " ".join(text.strip(" .;*").split())
        found = [
            Agency(ctx.table.display_name(written), "unknown", ctx.province, "body", None,
                   written, canonical=False)
        ]  # fmt: skip
    if len(found) < 2 or not re.search(r"chủ\s+trì|phối\s+hợp", fold(text)):
        return found, []
    marked = _MARKED_LEAD.search(text)
    if marked:  # "Phòng A (chủ trì), Phòng B": the body marked leads, the others help
        lead = _bodies(text[: marked.start()].rsplit(",", 1)[-1].rsplit(";", 1)[-1], ctx)
        if lead:
            names = {a.name for a in lead}
            return lead, [a for a in found if a.name not in names]
    said = parse_assignment(text, ctx.table, ctx.province)
    if not said.lead:
        return found, []
    lead = [a for a in said.lead if not ctx.table.is_vague(a)] or said.lead
    names = {a.name for a in lead}
    rest = [a for a in found if a.name not in names]
    return lead, rest


def _aligned(
    cells: list[str],
    above: list[str],
    cols: dict[str, int],
    width: int,
    looks: Callable[[str], tuple[bool, bool]],
) -> list[str]:
    """A numbered row lacking cells after its name: which columns were merged with the row
    above is read from what its cells hold (bodies for lead and cooperating, a time for the
    deadline, neither for the result); a tie goes to the earliest columns, the lead first
    (a table grouped by its lead writes the lead once over its rows)."""
    at = cols.get("name", 1) + 1
    rest = cells[at:]
    slots = list(range(at, width))
    if not rest or len(rest) >= len(slots) or len(slots) - len(rest) > 2:
        return cells + above[len(cells) :]
    role_of = {i: r for r, i in cols.items()}

    def fit(i: int, cell: str) -> int:
        bodies, time = looks(cell)
        role = role_of.get(i)
        if role in ("lead", "coop"):
            return 1 if bodies and not time else -1 if time and not bodies else 0
        if role == "deadline":
            return 1 if time else -1 if bodies else 0
        if role == "result":
            return 1 if not bodies and not time else -1
        return 0

    best: tuple[int, tuple[int, ...]] | None = None
    for missing in combinations(slots, len(slots) - len(rest)):
        kept = [i for i in slots if i not in missing]
        score = sum(fit(i, c) for i, c in zip(kept, rest, strict=True))
        if best is None or score > best[0]:
            best = (score, missing)
    assert best is not None
    out = list(cells[:at]) + [""] * len(slots)
    kept = [i for i in slots if i not in best[1]]
    for i, c in zip(kept, rest, strict=True):
        out[i] = c
    for i in best[1]:
        out[i] = above[i]
    return out


def _fill_spans(
    cells: list[str],
    above: list[str],
    cols: dict[str, int],
    width: int,
    looks: Callable[[str], tuple[bool, bool]] | None = None,
) -> list[str]:
    """A short row of a flattened table, the cells merged over it taken from the row above:
    a row that opens with its number lacks cells after its name (which ones, ``looks`` —
    does a cell name bodies, does it hold a time — tells; without it, the last ones); a row
    of one cell is its task's name; otherwise the cells it lacks are the first ones (the
    number, a group)."""
    above = above + [""] * (width - len(above))
    while len(cells) > 1 and not cells[0]:
        cells = cells[1:]  # the blank first cell a one-cell row is written with
    if _ROW_NO.match(cells[0]):
        return _aligned(cells, above, cols, width, looks) if looks else cells + above[len(cells) :]
    if len(cells) == 1 and "name" in cols:
        out = list(above)
        out[cols["name"]] = cells[0]
        if "no" in cols:
            out[cols["no"]] = ""
        return out
    missing = width - len(cells)
    return ["" if i == cols.get("no") else c for i, c in enumerate(above[:missing])] + cells


def _heads_numbered_rows(filled: list[str], after: list[dict]) -> bool:
    """A row of only a number and a name, "1" over rows numbered "1.1", "1.2": a group."""
    if len(filled) != 2 or not _ROW_NO.match(filled[0]) or not after:
        return False
    number = filled[0].strip(" .)")
    nxt = next((c for c in after[0]["cells"] if c), "")
    return bool(_ROW_NO.match(nxt)) and nxt.startswith(number + ".") and len(nxt) > len(number) + 1


def table_tasks(lay: Layout, ctx: TaskContext) -> list[Task]:
    """Every row of every task table as a task (group rows give the section)."""
    tasks: list[Task] = []
    for table in find_task_tables(lay):
        cols = table.columns
        if "no" not in cols and table.rows:
            # a header that lost its "STT" cell (a saved page's first row held the group
            # rows' number instead): data rows one cell wider, opening with a row number
            numbered = [
                r
                for r in table.rows
                if len(r["cells"]) == max(cols.values()) + 2 and _ROW_NO.match(r["cells"][0])
            ]
            if len(numbered) * 2 >= len(table.rows):
                cols = {"no": 0, **{k: v + 1 for k, v in cols.items()}}
        width = max([len(r["cells"]) for r in table.rows] + [max(cols.values(), default=0) + 1])

        def looks(cell: str) -> tuple[bool, bool]:
            """Does a cell name bodies; does it hold a time."""
            return bool(_bodies(cell, ctx)), bool(find_deadline(cell).text or _YEARS.search(cell))

        section: str | None = None
        merged: list[dict] = []
        for k, row in enumerate(table.rows):
            cells = row["cells"]
            filled = [c for c in cells if c]
            if _heads_numbered_rows(filled, table.rows[k + 1 : k + 2]):
                section = " ".join(filled)  # "1 | Hoàn thiện thể chế" over rows "1.1", "1.2"
                continue
            if (
                merged
                and 0 < len(cells) < width
                and filled
                and not filled[0][:1].islower()  # lower case: a row split by a page break
                and not (
                    _GROUP_NO.match(filled[0])
                    or len(filled) == 1
                    and (filled[0].isupper() or _GROUP_TITLE.match(filled[0]))
                )
            ):
                # a saved page writes a cell merged over rows once: the rows below it are
                # short and take the merged cells from the row above
                cells = _fill_spans(cells, merged[-1]["cells"], cols, width, looks)
                row = {**row, "cells": cells, "filled": True}
            no = _cell(cells, cols, "no")
            name = _cell(cells, cols, "name")
            distinct = {c for c in cells if c}
            # the group's words: its first filled cell that is not its number, in the row's
            # order (a set's order changes with the process's hash seed)
            words = next((c for c in cells if c and c != no), no)
            others = [c for r, c in ((r, _cell(cells, cols, r)) for r in cols) if r != "no" and c]
            if row.get("filled"):
                pass
            elif (_GROUP_NO.match(no) and not _ROW_NO.match(no)) or (
                len(distinct - {no}) == 1 and len(set(others)) <= 1 and name and name.isupper()
            ):
                section = " ".join(x for x in (no, name or words) if x)
                continue
            if (
                not row.get("filled")
                and len(distinct - {no}) == 1
                and not _ROW_NO.match(no)
                and len(set(others)) <= 1
                and (not merged or name[:1].isupper())
            ):
                # a merged group row with lower-case text: "Nhóm nhiệm vụ về …"
                section = name or words
                continue
            if not no and merged and name[:1].islower() and not row.get("filled"):
                # a row split by a page break: its cells continue the row above
                prev = merged[-1]
                prev["cells"] = [
                    collapse(f"{a} {b}") if b else a
                    for a, b in zip(
                        prev["cells"],
                        cells + [""] * (len(prev["cells"]) - len(cells)),
                        strict=False,
                    )
                ]
                prev["last"] = row["line"]
                continue
            if not name or _ONLY_TIME.fullmatch(name):
                continue  # "30/9/2026", "Năm 2026": a time cell out of its column, no work
            if _NOTE_ROW.match(fold(name)):
                continue  # "Ghi chú: Số liệu tính đến …": the table's note, not a row of work
            merged.append({**row, "section": section, "last": row["line"]})
        held: tuple[str | None, str] = (None, "")  # (group, lead cell) of the row above
        for row in merged:
            cells = row["cells"]
            name = _cell(cells, cols, "name")
            lead_text = _cell(cells, cols, "lead")
            if not lead_text.strip() and "lead" in cols and held[0] == row["section"]:
                # a lead cell merged over the rows below it (a saved page writes it in the
                # first row only): the rows of the same group take it
                lead_text = held[1]
            elif _DITTO.fullmatch(fold(lead_text).strip()) and held[1]:
                lead_text = held[1]  # "nt" (như trên): the lead of the row above
            held = (row["section"], lead_text)

            lead, coop = _lead_cell(lead_text, ctx)
            if not lead and "lead" not in cols:
                lead = _place_committee(_cell(cells, cols, "place"), ctx)
            coop += [a for a in _bodies(_cell(cells, cols, "coop"), ctx) if a not in lead]
            coop = dedupe(coop)
            first, last = lay.lines[row["line"]], lay.lines[row["last"]]
            evidence = Evidence(ctx.source, Span(first.start, last.end), name)
            tasks.append(
                row_task(
                    name,
                    lead,
                    coop,
                    _cell(cells, cols, "deadline") or None,
                    _cell(cells, cols, "result") or None,
                    evidence,
                    row["section"],
                    _cell(cells, cols, "no") or None,
                    rules=ctx.table.rules,
                )
            )
    return tasks
