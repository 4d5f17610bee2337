"""How things look, as data: colours, shapes, line styles and the words people read
(Vietnamese first, English after a slash), shared by the page and the static export.

Documents are coloured by type, bodies by level, tasks by status on a given day;
relations by line style. Nothing here reads a graph.

>>> document_colour("Kế hoạch") == DOC_TYPE_COLOURS["Kế hoạch"]
True
>>> STATUS_STYLE["overdue"].label
'quá hạn / overdue'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Swatch",
    "EdgeStyle",
    "DOC_TYPE_COLOURS",
    "DOC_TYPE_EN",
    "OTHER_DOC_COLOUR",
    "LEVEL_STYLE",
    "STATUS_STYLE",
    "EDGE_STYLES",
    "OVERLAP_STYLES",
    "KIND_LABELS",
    "UI",
    "OVERLAP_OTHER",
    "LEVEL_NAMES",
    "STATUS_ORDER",
    "FIELD_LABELS",
    "BASIS_LABELS",
    "FOCUS_BORDER",
    "DRAFT_BORDER",
    "DRAFT_DASHES",
    "CITED_ONLY_TINT",
    "FONT",
    "document_colour",
    "document_type_label",
    "lighten",
    "text_colour",
    "short",
]

FONT = "DejaVu Sans, Noto Sans, Arial, sans-serif"  # faces with Vietnamese glyphs


@dataclass(frozen=True)
class Swatch:
    colour: str  # fill
    label: str  # "vi / en"
    border: str = "#37474f"


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    label: str  # "vi / en"
    width: float = 1.0
    dashes: tuple[int, ...] = ()  # () solid; (dash, gap) for a dashed line
    dot_style: str = "solid"  # Graphviz: solid, dashed, dotted, bold
    arrow: bool = True
    hidden: bool = False  # shown on the page only around the selected node, or on request


# Documents, by type (the Vietnamese type name as the graph stores it).
DOC_TYPE_COLOURS: dict[str, str] = {
    "Nghị quyết": "#d32f2f",
    "Nghị quyết liên tịch": "#d32f2f",
    "Kết luận": "#c2185b",
    "Chỉ thị": "#e64a19",
    "Thông báo": "#f57c00",
    "Chương trình": "#7b1fa2",
    "Kế hoạch": "#1976d2",
    "Đề án": "#0097a7",
    "Dự án": "#0097a7",
    "Quyết định": "#388e3c",
    "Quy định": "#388e3c",
    "Nghị định": "#5d4037",
    "Thông tư": "#795548",
    "Luật": "#3e2723",
    "Công văn": "#546e7a",
    "Công điện": "#546e7a",
    "Báo cáo": "#9e9d24",
    "Hướng dẫn": "#00796b",
}
OTHER_DOC_COLOUR = "#757575"
DOC_TYPE_EN: dict[str, str] = {
    "Nghị quyết": "Resolution",
    "Nghị quyết liên tịch": "Joint resolution",
    "Kết luận": "Conclusion",
    "Chỉ thị": "Directive",
    "Thông báo": "Notice",
    "Chương trình": "Programme",
    "Kế hoạch": "Plan",
    "Đề án": "Scheme",
    "Dự án": "Project",
    "Quyết định": "Decision",
    "Quy định": "Regulation",
    "Nghị định": "Decree",
    "Thông tư": "Circular",
    "Luật": "Law",
    "Công văn": "Official letter",
    "Công điện": "Dispatch",
    "Báo cáo": "Report",
    "Hướng dẫn": "Guidance",
}

# Bodies, by level.
LEVEL_STYLE: dict[str, Swatch] = {
    "central": Swatch("#ffcdd2", "cơ quan trung ương / central body", "#b71c1c"),
    "province": Swatch("#bbdefb", "cơ quan cấp tỉnh / province body", "#0d47a1"),
    "commune": Swatch("#c8e6c9", "cơ quan cấp xã / commune body", "#1b5e20"),
    "unknown": Swatch("#eeeeee", "cơ quan chưa rõ cấp / body, level unknown", "#616161"),
}
LEVEL_NAMES: dict[str, str] = {
    "central": "trung ương / central",
    "province": "tỉnh / province",
    "commune": "xã / commune",
    "unknown": "chưa rõ / unknown",
}

# Tasks, by status on the day asked (queries.tasks.task_status).
STATUS_STYLE: dict[str, Swatch] = {
    "overdue": Swatch("#e53935", "quá hạn / overdue", "#b71c1c"),
    "due-soon": Swatch("#fb8c00", "sắp đến hạn / due soon", "#e65100"),
    "open": Swatch("#43a047", "còn hạn / open", "#1b5e20"),
    "recurring": Swatch("#1e88e5", "thường xuyên / recurring", "#0d47a1"),
    "no-deadline": Swatch("#bdbdbd", "chưa rõ hạn / no deadline", "#616161"),
}
STATUS_ORDER: tuple[str, ...] = ("overdue", "due-soon", "open", "recurring", "no-deadline")

# Relations: document → document, then the links to tasks and bodies.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "implements": EdgeStyle("#1a237e", "thực hiện / implements", 2.2),
    "supersedes": EdgeStyle("#6a1b9a", "thay thế / supersedes", 2.0, (10, 6), "dashed"),
    "based-on": EdgeStyle("#00695c", "căn cứ / based on", 1.4, (2, 4), "dotted"),
    "amends": EdgeStyle("#e65100", "sửa đổi / amends", 1.6, (12, 4, 2, 4), "dashed"),
    "cites": EdgeStyle("#9e9e9e", "dẫn chiếu / cites", 1.0, (4, 4), "dotted"),
    "has-task": EdgeStyle("#b0bec5", "có nhiệm vụ / has task", 0.8, arrow=False),
    "issued-by": EdgeStyle(
        "#8d6e63", "ban hành bởi / issued by", 0.8, (3, 3), "dashed", hidden=True
    ),
    "lead": EdgeStyle("#00897b", "chủ trì / leads", 1.2, hidden=True),
    "cooperating": EdgeStyle(
        "#4db6ac", "phối hợp / cooperates", 1.0, (5, 4), "dashed", hidden=True
    ),
}

# Overlap groups (queries.overlaps): tasks of one group are linked by these.
OVERLAP_STYLES: dict[str, EdgeStyle] = {
    "duplicate": EdgeStyle("#d500f9", "trùng lặp / duplicate", 3.5, (), "bold", arrow=False),
    "conflicting_lead": EdgeStyle(
        "#ff1744", "chủ trì mâu thuẫn / conflicting lead", 3.5, (8, 4), "bold", arrow=False
    ),
    "conflicting_deadline": EdgeStyle(
        "#ff9100", "thời hạn mâu thuẫn / conflicting deadline", 3.5, (2, 3), "bold", arrow=False
    ),
}
OVERLAP_OTHER = EdgeStyle("#d500f9", "chồng chéo / overlap", 3.0, (), "bold", arrow=False)

FOCUS_BORDER = "#ffb300"  # the document the page is about
DRAFT_DASHES: tuple[int, ...] = (6, 4)
DRAFT_BORDER = "#ef6c00"  # dashed, on any fill
CITED_ONLY_TINT = 0.55  # how much lighter a document known only from citations is

KIND_LABELS: dict[str, str] = {
    "Document": "Văn bản / Document",
    "Agency": "Cơ quan / Body",
    "Task": "Nhiệm vụ / Task",
    "TaskGroup": "Nhóm nhiệm vụ / Tasks (collapsed)",
    "AgencyGroup": "Nhóm cơ quan / Bodies (collapsed)",
}

# Words on the page and in the static legend.
UI: dict[str, str] = {
    "legend": "Chú giải / Legend",
    "documents": "Văn bản (theo loại) / Documents (by type)",
    "bodies": "Cơ quan (theo cấp) / Bodies (by level)",
    "tasks": "Nhiệm vụ (theo tình trạng) / Tasks (by status)",
    "relations": "Quan hệ / Relations",
    "overlaps": "Chồng chéo / Overlaps",
    "marks": "Ký hiệu / Marks",
    "draft": "dự thảo (viền nét đứt) / draft (dashed border)",
    "focus": "văn bản đang xem / focus document",
    "cited_only": "chỉ được dẫn chiếu (nhạt) / cited only (pale)",
    "collapsed": "đã gộp / collapsed",
    "details": "Chi tiết / Details",
    "hint": "Di chuột hoặc bấm vào một nút để xem chi tiết / Hover or click a node for details",
    "show_links": "Hiện quan hệ giao việc, ban hành / Show assignment and issuer links",
    "as_of": "Tình trạng tính đến ngày / Status as of",
    "draft_word": "dự thảo",
    "undated": "chưa rõ ngày / undated",
    "title": "Chuỗi văn bản chỉ đạo / Directive chain",
    "whole": "Toàn bộ đồ thị / Whole graph",
    # a fact read from a page read by OCR (a scan): details say it, documents end in "OCR"
    "ocr": "Đọc bằng OCR — cần kiểm tra / read by OCR — check it against the paper",
    "ocr_mark": "OCR: văn bản quét, đọc bằng OCR — cần kiểm tra / scanned, read by OCR — check it",
    "ocr_word": "OCR",
}

# Details panel: field → label.
FIELD_LABELS: dict[str, str] = {
    "kind": "Loại nút / Kind",
    "number": "Số hiệu / Number",
    "doc_type": "Loại văn bản / Type",
    "issuer": "Cơ quan ban hành / Issuer",
    "date": "Ngày / Date",
    "title": "Trích yếu / Title",
    "description": "Mô tả / Description",
    "draft": "Dự thảo / Draft",
    "in_corpus": "Có trong kho / In corpus",
    "level": "Cấp / Level",
    "text": "Nhiệm vụ / Task",
    "document": "Thuộc văn bản / In document",
    "lead": "Chủ trì / Lead",
    "cooperating": "Phối hợp / Cooperating",
    "deadline": "Thời hạn / Deadline",
    "status": "Tình trạng / Status",
    "deliverable": "Sản phẩm / Deliverable",
    "section": "Mục / Section",
    "evidence": "Câu gốc / Sentence",
    "source": "Tệp / File",
    "count": "Số lượng / Count",
    "overlap": "Chồng chéo / Overlap",
    "relation": "Quan hệ / Relation",
    "basis": "Căn cứ / Basis",
    "aliases": "Tên khác / Also written",
    "members": "Gồm / Members",
    "ocr": "Đọc bằng OCR / Read by OCR",
    "id": "Mã nút / Node id",
}
BASIS_LABELS: dict[str, str] = {
    "stated": "văn bản tự nêu / stated by the file",
    "cited": "theo văn bản khác / as another document says",
    "inferred": "suy ra / inferred",
}


def document_colour(doc_type: str | None) -> str:
    """Fill colour of a document of this type (grey for a type not listed)."""
    return DOC_TYPE_COLOURS.get(doc_type or "", OTHER_DOC_COLOUR)


def document_type_label(doc_type: str | None) -> str:
    """``"Kế hoạch / Plan"``; ``"Văn bản khác / Other"`` for an unknown type."""
    if not doc_type:
        return "Văn bản chưa rõ loại / Document, type unknown"
    en = DOC_TYPE_EN.get(doc_type)
    return f"{doc_type} / {en}" if en else doc_type


def lighten(colour: str, amount: float) -> str:
    """``colour`` (``#rrggbb``) moved ``amount`` (0–1) of the way to white.

    >>> lighten("#000000", 0.5)
    '#808080'
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def text_colour(fill: str) -> str:
    """Black or white, whichever reads on ``fill``."""
    r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#ffffff"


def short(text: str, limit: int = 48) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis.

    >>> short("Triển khai thực hiện Kế hoạch số 05-KH/TU ngày 22/10/2025", 31)
    'Triển khai thực hiện Kế hoạch…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut[limit // 2 :]:  # do not end inside a word
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"
