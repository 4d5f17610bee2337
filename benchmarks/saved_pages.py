"""Saved web pages made from documents, as a browser saves a legal portal's or a provincial
website's page: navigation, banner, breadcrumb, the portal's metadata table (Số hiệu, Loại
văn bản, Nơi ban hành, Người ký, Ngày ban hành …), the document (letterhead and task tables
as real tables), then a "Văn bản liên quan" list citing other numbers, readers' comments
citing more, and a footer with the address and a privacy notice citing Nghị định
13/2023/NĐ-CP. Everything around the document names document numbers, so a reader that
lets any of it through adds references the document does not make.

:func:`saved_page` is used by ``benchmarks/html_readers.py`` (which main-content library)
and by ``tests/loaders/test_readers_html.py``.

    python benchmarks/saved_pages.py OUT_DIR     # one page per benchmarks/real/dev document
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from policy_lineage.loaders.layout import layout, paragraph_style
from policy_lineage.loaders.markup import markup_view

LAYOUTS = ("portal", "province")

_NAV = """<nav class="menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản pháp luật</a></li>
<li><a href="/tin-tuc">Tin tức pháp luật</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li>
<li><a href="/dang-nhap">Đăng nhập</a></li><li><a href="/dang-ky">Đăng ký</a></li>
</ul></nav>"""
_RELATED = [
    ("Nghị quyết 18-NQ/TW năm 2017", "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy"),
    ("Quyết định 1131/QĐ-TTg năm 2025", "danh mục công nghệ chiến lược"),
    ("Thông tư 02/2025/TT-BNV", "hướng dẫn chế độ báo cáo thống kê ngành Nội vụ"),
    ("Kế hoạch 999/KH-UBND năm 2024", "triển khai chính quyền số"),
]
_COMMENTS = [
    ("Nguyễn Văn An", "Cho hỏi văn bản này có thay thế Quyết định 2222/QĐ-UBND không ạ?"),
    ("Trần Thị Bình", "Đề nghị đăng kèm Công văn 3333/UBND-KGVX hướng dẫn thực hiện."),
]
_FOOTER = """<footer id="footer"><div class="footer-info">
<p>Cơ quan chủ quản: Công ty Cổ phần Dịch vụ pháp lý. Địa chỉ: 17 Nguyễn Gia Thiều, Phường
Xuân Hòa, TP Hồ Chí Minh. Điện thoại: (028) 3930 3279.</p>
<p>Giấy phép số 32/GP-TTĐT do Sở Thông tin và Truyền thông cấp. Chính sách bảo vệ dữ liệu cá
nhân theo Nghị định 13/2023/NĐ-CP của Chính phủ. © 2025 Bản quyền thuộc về chúng tôi.</p>
</div></footer>"""
_LABELS = [
    ("Số hiệu", "number"),
    ("Loại văn bản", "doc_type"),
    ("Nơi ban hành", "issuer"),
    ("Người ký", "signer"),
    ("Ngày ban hành", "date"),
]


def document_blocks(text: str) -> tuple[list[tuple], dict[str, str]]:
    """A saved page's (or a text's) document as ("p", text) and ("table", rows) blocks, in
    reading order, and its portal metadata: the page's own residue left out."""
    view = markup_view(text)
    lay = layout(view.text, soft=paragraph_style(view.text))
    blocks: list[tuple] = []
    for p in lay.paragraphs:
        if p.kind == "table_row":
            cells = [" ".join(c.split()) for c in p.text.split("\t")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif p.text.strip():
            blocks.append(("p", " ".join(p.text.split())))
    return blocks, view.portal


def _table(rows: list[list[str]], cls: str = "") -> str:
    width = max(len(r) for r in rows)
    out = [f'<table border="1" cellspacing="0" class="{cls}">']
    for r in rows:
        cells = "".join(f"<td><p>{escape(c)}</p></td>" for c in r)
        if len(r) < width:  # a cell spanning the rest of the row
            cells = cells[: cells.rfind("<td>")] + f'<td colspan="{width - len(r) + 1}">'
            cells += f"<p>{escape(r[-1])}</p></td>"
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _metadata(portal: dict[str, str], blocks: list[tuple]) -> list[tuple[str, str]]:
    facts = dict(portal)
    if "number" not in facts:
        for kind, content in blocks[:12]:
            text = content if kind == "p" else " ".join(" ".join(r) for r in content)
            if "Số" in text and "/" in text:
                after = text.split("Số", 1)[1].lstrip(" :")
                facts["number"] = after.split()[0] if after else ""
                break
    return [(label, facts.get(key) or "Đang cập nhật") for label, key in _LABELS]


def saved_page(text: str, title: str, kind: str = "portal") -> str:
    """The HTML of a browser-saved page holding the document in ``text`` (a saved page as
    Markdown, or a plain text), in one of :data:`LAYOUTS`."""
    blocks, portal = document_blocks(text)
    body = []
    for kind_, content in blocks:
        if kind_ == "p":
            strong = content.isupper() and len(content) < 200
            inner = f"<b>{escape(content)}</b>" if strong else escape(content)
            body.append(f'<p style="text-align:justify">{inner}</p>')
        else:
            body.append(_table(content))
    meta = _metadata(portal, blocks)
    related = "\n".join(
        f'<li><a href="/van-ban/{i}">{escape(n)}</a> <span>{escape(d)}</span></li>'
        for i, (n, d) in enumerate(_RELATED)
    )
    comments = "\n".join(
        f'<div class="comment-item"><b>{escape(who)}</b><p>{escape(what)}</p></div>'
        for who, what in _COMMENTS
    )
    if kind == "portal":
        pairs = [meta[i : i + 2] for i in range(0, len(meta), 2)]
        rows = "\n".join(
            "<tr>" + "".join(f"<td><b>{escape(k)}:</b></td><td>{escape(v)}</td>" for k, v in p)
            + "</tr>"
            for p in pairs
        )  # fmt: skip
        main = f"""<div id="divThuocTinh"><table class="thuoc-tinh">{rows}</table></div>
<div class="content1"><div id="toanvancontent">
{chr(10).join(body)}
</div></div>"""
        banner = (
            '<div class="banner"><img src="page_files/logo.png" alt="logo">'
            "<span>Cơ sở dữ liệu văn bản pháp luật – Tra cứu nhanh, chính xác</span></div>"
        )
    else:
        rows = "\n".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in meta)
        main = f"""<article class="post-detail">
<h1 class="post-title">{escape(title)}</h1>
<div class="post-meta">Ngày đăng: 20/11/2025 | Lượt xem: 1.234</div>
<table class="vb-info">{rows}</table>
<div class="post-content">
{chr(10).join(body)}
</div>
<div class="share-tools"><a href="#">Chia sẻ</a> <a href="#">In trang</a></div>
</article>"""
        banner = (
            '<div class="header-banner"><img src="page_files/banner.jpg" alt="">'
            "<h2>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</h2></div>"
        )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>
<link rel="stylesheet" href="page_files/style.css">
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview', 'Thông tư 99/2099/TT-BTC']);</script>
<style>.menu li {{ display: inline; }}</style>
</head><body>
<header id="header">{banner}
{_NAV}</header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/van-ban">Văn bản</a> › {escape(title)}</div>
<div class="container"><div class="main-col">
{main}
<!-- Quảng cáo: Nghị định 123/2024/NĐ-CP tóm tắt -->
<div class="related-docs"><h3>Văn bản liên quan</h3><ul>
{related}
</ul></div>
<div id="comments" class="comments"><h3>Bình luận</h3>
{comments}
<form class="comment-form"><textarea>Nhập bình luận</textarea><button>Gửi</button></form>
</div></div>
<aside class="sidebar"><h3>Văn bản mới</h3><ul>
<li><a href="/vb/1">Luật 63/2025/QH15 Luật Đầu tư công</a></li>
<li><a href="/vb/2">Nghị định 45/2025/NĐ-CP chính sách dân tộc</a></li>
</ul></aside></div>
{_FOOTER}
</body></html>
"""


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "saved-pages")
    out.mkdir(parents=True, exist_ok=True)
    dev = Path(__file__).resolve().parent / "real" / "dev"
    for i, md in enumerate(sorted(dev.glob("*.md"))):
        kind = LAYOUTS[i % len(LAYOUTS)]
        page = saved_page(md.read_text("utf-8"), md.stem, kind)
        (out / f"{md.stem}.html").write_text(page, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
