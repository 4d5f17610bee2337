"""Bad and extreme input for the readers and extractors, shared by ``tests/robustness`` (short
runs) and ``benchmarks/fuzz_readers.py`` (long campaigns and the big cases).

Every generator is a plain function of a ``random.Random`` (or a size), so a failure found by
the benchmark is reproduced from its seed. :func:`outcome` is the contract under test: a file
gives an extraction, or a :class:`ReadError` whose code is one of the named errors of
``loaders/errors.py`` (the README lists them); any other exception is a bug. :func:`run_bounded` runs a case in a child process under a hard time limit
and a memory rlimit: a hang or a crash guard, not a speed target.

Run as a script, it is that child: ``python fuzzcases.py extract FILE``, ``text FILE``,
``regex N BOUND``, ``regex-old N BOUND`` or ``attack-docs N BOUND`` prints one JSON object.
"""

from __future__ import annotations

import io
import json
import random
import re
import resource
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from policy_lineage.loaders import deadlines, errors, extract_references, layout
from policy_lineage.loaders.pipeline import extract_source, extract_text
from policy_lineage.loaders.readers import read_path
from policy_lineage.loaders.source import ReadError
from policy_lineage.schema.model import to_contract

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT / "examples" / "dong-thap"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: The named errors (``loaders/errors.py``), and the one a failing extractor gets
#: (``loaders/pipeline.py``).
DOCUMENTED = frozenset(v for k, v in vars(errors).items() if k.isupper() and isinstance(v, str)) | {
    "extraction failed"
}


def corpus_texts() -> dict[str, str]:
    """The bundled documents, by file name."""
    return {p.name: p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))}


# --------------------------------------------------------------------------- the contract


def check_extraction(ex) -> int:
    """The extraction as the CLI prints it (contract dict, JSON): its number of tasks."""
    json.dumps(to_contract(ex), ensure_ascii=False)
    return len(ex.tasks)


def outcome(path: str | Path) -> tuple[str, str]:
    """``("ok", format)`` or ``("error", code)`` for one file; any other exception propagates.

    The file is read with :func:`read_path` (which must raise :class:`ReadError` and nothing
    else), extracted, and turned into the contract's JSON.
    """
    try:
        src = read_path(path)
    except ReadError as exc:
        assert exc.code in DOCUMENTED, exc.code
        assert exc.path == str(path)
        return "error", exc.code
    check_extraction(extract_source(src))
    return "ok", src.format


# --------------------------------------------------------------------------- text mutations

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
PUNCTUATION = " \t.,;:!?-–—/()[]\"“”'*•+|…_%&"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
CONTROLS = "".join(chr(c) for c in range(32) if c not in (9, 10, 13)) + "\x7f\x85\u2028\u2029"
ODD_SPACES = "\u00a0\u1680\u2000\u2003\u2009\u202f\u205f\u3000"
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _alphabet(rng: random.Random) -> str:
    pool = rng.choice([VIETNAMESE, VIETNAMESE.upper(), "0123456789", PUNCTUATION, SUPERSCRIPT])
    if rng.random() < 0.2:
        pool = rng.choice([ZERO_WIDTH, CONTROLS, ODD_SPACES, "\n\f\r"])
    if rng.random() < 0.05:
        return chr(rng.randrange(0x20, 0x30000))
    return rng.choice(pool)


def _span(text: str, rng: random.Random, most: int = 400) -> tuple[int, int]:
    a = rng.randrange(len(text) + 1)
    return a, min(len(text), a + rng.randrange(most + 1))


def _lines_op(text: str, rng: random.Random, op: str) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randrange(1, 12))
    if op == "delete":
        del lines[i:j]
    elif op == "duplicate":
        lines[i:i] = lines[i:j] * rng.randrange(1, 4)
    elif op == "swap":
        k = rng.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]
    elif op == "join":
        lines[i:j] = [" ".join(lines[i:j])]
    return "\n".join(lines)


def _strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if not unicodedata.combining(c))


def _in_span(text: str, rng: random.Random, f: Callable[[str], str]) -> str:
    a, b = _span(text, rng, most=len(text) if rng.random() < 0.3 else 2000)
    return text[:a] + f(text[a:b]) + text[b:]


def _insert(text: str, rng: random.Random, pool: Sequence[str], most: int = 5) -> str:
    out = list(text)
    for _ in range(rng.randrange(1, most + 1)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(pool))
    return "".join(out)


def _attack_line(text: str, rng: random.Random) -> str:
    """A line that made one of the patterns backtrack (:data:`REGEX_CASES`), 3,000 long."""
    lines = text.split("\n")
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(REGEX_CASES).attack(3000))
    return "\n".join(lines)


def _char_edits(text: str, rng: random.Random) -> str:
    out = list(text)
    for _ in range(rng.randrange(1, 20)):
        i = rng.randrange(len(out) + 1)
        op = rng.randrange(3)
        if op == 0 and i < len(out):
            del out[i]
        elif op == 1 and i < len(out):
            out[i] = _alphabet(rng)
        else:
            out.insert(i, _alphabet(rng))
    return "".join(out)


#: name -> text mutation; each keeps the result a ``str``.
TEXT_MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "char edits": _char_edits,
    "delete lines": lambda t, r: _lines_op(t, r, "delete"),
    "duplicate lines": lambda t, r: _lines_op(t, r, "duplicate"),
    "swap lines": lambda t, r: _lines_op(t, r, "swap"),
    "join lines": lambda t, r: _lines_op(t, r, "join"),
    "NFD": lambda t, r: _in_span(t, r, lambda s: unicodedata.normalize("NFD", s)),
    "no diacritics": lambda t, r: _in_span(t, r, _strip_marks),
    "upper case": lambda t, r: _in_span(t, r, str.upper),
    "control chars": lambda t, r: _insert(t, r, CONTROLS),
    "BOM and zero-width": lambda t, r: _insert(t, r, ZERO_WIDTH, 30),
    "odd spaces": lambda t, r: _in_span(t, r, lambda s: s.replace(" ", r.choice(ODD_SPACES))),
    "CRLF and CR": lambda t, r: _in_span(t, r, lambda s: s.replace("\n", r.choice(["\r\n", "\r"]))),
    "tabs": lambda t, r: _in_span(t, r, lambda s: s.replace(" ", "\t")),
    "form feeds": lambda t, r: _insert(t, r, "\f", 10),
    "footnote marks": lambda t, r: _insert(t, r, SUPERSCRIPT, 30),
    "truncate": lambda t, r: t[: r.randrange(len(t) + 1)],
    "long space run": lambda t, r: _insert(t, r, [" " * 5000, "\u00a0" * 5000], 1),
    "attack line": _attack_line,
}


def mutate_text(text: str, rng: random.Random, steps: int = 3) -> tuple[str, list[str]]:
    """``text`` after ``steps`` random mutations; the names of the mutations applied."""
    names = []
    for _ in range(steps):
        name = rng.choice(sorted(TEXT_MUTATIONS))
        text = TEXT_MUTATIONS[name](text, rng) if text else text
        names.append(name)
    return text, names


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 the way Windows writes it: base letter, then a combining tone mark."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", c)
        base = unicodedata.normalize("NFC", "".join(x for x in parts if x not in _TONES))
        tones = "".join(x for x in parts if x in _TONES)
        out += (base + tones).encode("cp1258", "replace")
    return bytes(out)


#: How a text file may be written.
ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le, no BOM": lambda t: t.encode("utf-16-le"),
    "windows-1258": to_cp1258,
    "latin-1 mojibake": lambda t: t.encode("utf-8").decode("latin-1").encode("utf-8"),
}


def mutate_bytes(data: bytes, rng: random.Random, steps: int = 3) -> bytes:
    """Bit flips, byte edits, cut chunks and repeated chunks: what a bad disk or a bad
    download does to a file."""
    out = bytearray(data)
    for _ in range(steps):
        if not out:
            break
        op = rng.randrange(6)
        i = rng.randrange(len(out))
        if op == 0:
            out[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            out[i] = rng.randrange(256)
        elif op == 2:
            del out[i : i + rng.randrange(1, 64)]
        elif op == 3:
            out[i:i] = rng.randbytes(rng.randrange(1, 64))
        elif op == 4:
            out[i:i] = out[i : i + rng.randrange(1, 256)]
        else:
            out[i:i] = bytes(rng.randrange(1, 32))
    return bytes(out)


def random_bytes(rng: random.Random, n: int) -> bytes:
    """Random bytes, sometimes behind the magic number of a real format."""
    head = rng.choice([b"", b"", b"PK\x03\x04", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe"])
    return head + rng.randbytes(n)


# --------------------------------------------------------------------------- office files


def _blocks(text: str) -> list[tuple[str, object]]:
    """("p", line) and ("table", rows) blocks: tab-separated lines are table rows."""
    out: list[tuple[str, object]] = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)  # type: ignore[union-attr]
            else:
                out.append(("table", [cells]))
        else:
            out.append(("p", line))
    return out


def _xml_safe(s: str) -> str:
    """What XML 1.0 can hold (python-docx refuses control characters)."""

    def ok(c: str) -> bool:
        o = ord(c)
        return o in (9, 10, 13) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000

    return "".join(c for c in s if ok(c))


def docx_bytes(text: str) -> bytes:
    """A .docx of ``text``: one paragraph per line, tab-separated rows as a real table."""
    import docx

    document = docx.Document()
    for kind, content in _blocks(_xml_safe(text)):
        if kind == "p":
            document.add_paragraph(content)
            continue
        rows = content
        table = document.add_table(rows=0, cols=max(len(r) for r in rows))
        for r in rows:
            for cell, value in zip(table.add_row().cells, r, strict=False):
                cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A PDF of ``text`` (reportlab, DejaVu Sans): one paragraph per line, wrapped at the page
    width. Needs the font at :data:`FONT`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    style = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13)
    flow = [Paragraph(escape(line.replace("\t", "    ")), style) for line in text.split("\n")]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([f for f in flow if f.text.strip()])
    return buf.getvalue()


TABLE_HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TABLE_HEAD_TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
)


def table_row(i: int) -> list[str]:
    return [
        str(i),
        f"Nhiệm vụ số {i}: xây dựng cơ sở dữ liệu chuyên ngành",
        "Sở Khoa học và Công nghệ",
        "Các sở, ngành",
        "Quý IV/2025",
    ]


def big_table_text(rows: int) -> str:
    """A plan whose task table has ``rows`` rows (tab-separated, as the readers give it)."""
    lines = ["\t".join(TABLE_HEADER)] + ["\t".join(table_row(i)) for i in range(1, rows + 1)]
    return TABLE_HEAD_TEXT + "\n".join(lines) + "\n"


def big_table_docx(rows: int) -> bytes:
    """The same plan as a .docx with a real table, written as XML (python-docx would take
    minutes to add 100,000 rows one by one)."""
    import docx

    document = docx.Document()
    for line in TABLE_HEAD_TEXT.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=len(TABLE_HEADER))
    for c, text in enumerate(TABLE_HEADER):
        table.cell(0, c).text = text
    for c in range(len(TABLE_HEADER)):
        table.cell(1, c).text = f"@CELL{c}@"
    buf = io.BytesIO()
    document.save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    xml = source.read("word/document.xml").decode("utf-8")
    template = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)[1]
    parts = []
    for i in range(1, rows + 1):
        row = template
        for c, value in enumerate(table_row(i)):
            row = row.replace(f"@CELL{c}@", escape(value))
        parts.append(row)
    xml = xml.replace(template, "".join(parts))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else None
            z.writestr(item, data if data is not None else source.read(item))
    return out.getvalue()


# --------------------------------------------------------------------------- deep structure

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 7/KH-UBND\nKẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
    "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
)


def nested_numbering(depth: int) -> str:
    """``1.``, ``1.1.``, ``1.1.1.`` … down to ``depth`` levels, each item assigning work."""
    lines = [HEAD]
    for d in range(1, depth + 1):
        number = ".".join(["1"] * d) + "."
        lines.append(f"{number} Sở Khoa học và Công nghệ chủ trì nhiệm vụ cấp {d}, hoàn thành")
        lines.append(f"trong tháng {d % 12 + 1}/2025.")
    return "\n".join(lines) + "\n"


def nested_letters(depth: int) -> str:
    """``a)`` under ``-`` under ``+`` under ``a)`` … ``depth`` times, indented deeper each time."""
    markers = ["a)", "-", "+", "•", "*"]
    lines = [HEAD]
    for d in range(depth):
        lines.append(" " * min(d, 200) + f"{markers[d % len(markers)]} Giao Sở Tài chính mục {d}:")
    return "\n".join(lines) + "\n"


def roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_sections(n: int) -> str:
    """``I.`` ``II.`` … up to ``n`` sections (thousands: ``MMMCMXCIX.``), each with a task."""
    lines = [HEAD]
    for i in range(1, n + 1):
        lines.append(f"{roman(i)}. NHIỆM VỤ {i}")
        lines.append(f"Giao Sở Nội vụ thực hiện nội dung {i}, hoàn thành trước 31/12/2025.")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- regex attacks


@dataclass(frozen=True)
class RegexCase:
    """An adversarial input for one pattern of ``loaders/`` (or queries/, graph/).

    ``attack(n)``: about ``n`` characters that made the pattern backtrack (a long run of what
    its adjacent quantifiers share, then a character that makes the match fail). ``old``: the
    pattern before it was made linear, for the test that the fix changed no match; ``tokens``:
    the pieces that test builds strings from.
    """

    name: str  # module.ATTRIBUTE
    how: str  # match, search, fullmatch, finditer, sub
    attack: Callable[[int], str]
    old: str | None = None
    tokens: tuple[str, ...] = ()
    note: str = ""
    flags: int = 0
    same_matches: bool = True  # False: the fix changed what it matches (see ``note``)

    @property
    def pattern(self) -> re.Pattern[str]:
        import importlib

        module, attr = self.name.rsplit(".", 1)
        for prefix in ("policy_lineage.loaders.", "policy_lineage."):
            try:
                return getattr(importlib.import_module(prefix + module), attr)
            except ModuleNotFoundError:
                continue
        raise LookupError(self.name)

    def run(self, pattern: re.Pattern[str], s: str):
        """What the code uses of the pattern, as comparable data."""
        if self.how == "sub":
            return pattern.sub(r"<\g<0>>", s)
        if self.how == "finditer":
            return [(m.span(), m.groups()) for m in pattern.finditer(s)]
        m = getattr(pattern, self.how)(s)
        return None if m is None else (m.span(), m.groups())


_WS = (" ", " ", "\t", "\u00a0", "\n")
#: Every pattern that backtracked on some input (found by timing each pattern of loaders/ on
#: runs of spaces, digits, slashes, pipes, dashes… and by regexploit), with the form it had
#: before it was made linear. Patterns without ``old`` were checked and left as they are.
REGEX_CASES: list[RegexCase] = [
    RegexCase(
        "extract_document._NUMBER_LINE",
        "search",
        lambda n: "Số" + " " * n + "!",
        r"(?<![\w/])Số\s*:?\s*(?P<raw>\d*\s*[-/]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][\wĐđ&]*"
        r"(?:\s*[-/]\s*[A-Za-zĐđ\d][\wĐđ&]*)*)",
        (*_WS, "Số", "số", ":", "12", "2025", "/", "-", "KH", "UBND", "&", "x", "!"),
    ),
    RegexCase(
        "extract_document._SUBJECT",
        "search",
        lambda n: "V/v" + " " * n,
        r"(?:^|[\s*])V/[vV]\s*[:.]?\s+(?=\S)",
        (*_WS, "V/v", "V/V", ":", ".", "*", "x", "Về"),
    ),
    RegexCase(
        "numbers._F_START",
        "finditer",
        lambda n: "SỐ" + "\u00a0" * n + "1",
        r"(?<![\w/.\-])(?P<serial>[0-9]{1,6})(?=[ \t\u00a0]?[-/])"
        r"|(?<![\w])(?:[Ss][ốỐ]|SỐ)[ \t\u00a0]*:?[ \t\u00a0\n]*(?:[._…]+[ \t\u00a0]*)?"
        r"(?P<blank>)(?=[-/])",
        (*_WS, "Số", "SỐ", "số", ":", ".", "…", "_", "12", "-", "/", "x"),
    ),
    RegexCase(
        "numbers._SPACE_AROUND_SEP",
        "sub",
        lambda n: " " * n + "x",
        r"\s*([-/])\s*",
        (*_WS, "-", "/", "57", "NQ", "x"),
    ),
    RegexCase(
        "layout.MARKER_RE",
        "match",
        lambda n: " " * n + "x",
        r"^\s*(?:(?P<struct>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]{1,6}|\d{1,2})(?![\wđ])"
        r"|(?:Điều|ĐIỀU)\s+\d{1,3}(?![\wđ/]))\s*[.:\-–]?\s*(?=\S)"
        r"|(?P<roman>" + layout.ROMAN + r")\s*[.\-–:]\s+(?=\S)"
        r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:[.)]\s*(?=\S)|[-–]\s+(?=[A-ZĐÀ-Ỹ]))"
        r"|(?P<letter>[a-zđ])\s*\)\s*(?=\S)"
        r"|(?P<paren>\((?:\d{1,2}|[ivx]{1,5}|[a-zđ])\))\s*(?=\S)|(?P<dash>[-–—+•*])\s*(?=\S))",
        (
            *_WS,
            "I",
            "V",
            "X",
            "II",
            ".",
            "-",
            "–",
            ":",
            ")",
            "(",
            "1",
            "1.2",
            "a",
            "đ",
            "+",
            "•",
            "x",
            "Điều",
            "Chương",
            "Mục",
            "(ii)",
        ),  # fmt: skip
    ),
    RegexCase(
        "layout._PAGE_NO",
        "match",
        lambda n: "1" + " " * n + "!",
        r"^\s*(?:trang\s+)?[-–]?\s*\d{1,3}\s*[-–]?\s*$",
        (*_WS, "trang", "Trang", "-", "–", "1", "12", "x"),
        flags=re.IGNORECASE,
    ),
    RegexCase(
        "layout._DRAFT",
        "match",
        lambda n: "dự thảo" + " " * n + "!",
        r"^\s*\**\s*(?:dự\s*thảo|DỰ\s*THẢO)(?:\s*(?:lần\s*)?\d+)?\s*\**\s*$",
        (*_WS, "*", "dự", "thảo", "DỰ", "THẢO", "lần", "2", "x"),
        flags=re.IGNORECASE,
    ),
    RegexCase(
        "layout._TABLE_HEADER",
        "match",
        lambda n: "TT " + " " * n,
        r"^\s*S?TT\s+.*(?:nhiệm vụ|nội dung|tên|công việc)",
        (*_WS, "S", "TT", "nhiệm vụ", "tên", "x"),
        flags=re.IGNORECASE,
    ),
    RegexCase(
        "layout._PIPE_ROW",
        "match",
        lambda n: "|" * n + "!",
        r"^\s*\|.*\|.*\|\s*$",
        (*_WS, "|", "-", "a", "!", "\r"),
    ),
    RegexCase(
        "layout._PIPE_RULE",
        "match",
        lambda n: "|---|" + " " * n + "x|",
        r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$",
        (*_WS, "|", "-", "---", ":", "x"),
    ),
    RegexCase(
        "layout._SENTENCE_END",
        "search",
        lambda n: "a." + " " * n + "x",
        r"[.;:!?]\s*\**\s*$|\./\.\s*$",
        (*_WS, ".", ";", ":", "!", "?", "*", "/", "x"),
    ),
    RegexCase(
        "outline._TERMINAL",
        "search",
        lambda n: "a." + " " * n + "x",
        r"[.;!?]\s*[\"”’)]*\s*\**\s*$|\./\.\s*$",
        (*_WS, ".", ";", "!", "?", '"', "”", "’", ")", "*", "/", "x"),
    ),
    RegexCase(
        "extract_appendix._SECTION",
        "match",
        lambda n: "I" + " " * n + "0",
        # (capitals only since session 24: "À-Ỹ" held small letters too)
        r"^\s*(?:[IVX]+)\s*[.\-–]?\s*(?:[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ ,\-–;]+)?$",
        (*_WS, "\u1680", "I", "V", "X", ".", "-", "–", "NHIỆM VỤ", ",", ";", "0", "a"),
    ),
    RegexCase(
        "extract_appendix._ROW_NO",
        "match",
        lambda n: "1" + " " * n + "x",
        r"^\s*(\d{1,3})\s*[.)]?\s*$",
        (*_WS, "1", "12", ".", ")", "x"),
    ),
    RegexCase(
        "extract_references._COORD",
        "match",
        lambda n: " " * n + "1",
        r"^[\s,;]*(?:và\s+)?(?:các\s+)?(?:"
        + extract_references._TYPE_WORDS
        + r"(?:\s+(?:hành động|kết luận))?)?\s*(?:số\s*:?)?\s*$",
        (*_WS, ",", ";", "và", "các", "nghị quyết", "kế hoạch", "hành động", "số", ":", "1"),
    ),
    RegexCase(
        "extract_references._DATE_AFTER",
        "match",
        lambda n: " " * n + "x",
        r"^\s*,?\s*(?:ban\s+hành\s+)?(?:ngày\s*)?(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|"
        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
        (*_WS, ",", "ban", "hành", "ngày", "12", "/", "2025", "tháng", "năm", "x"),
    ),
    RegexCase(
        "extract_references._OF",
        "match",
        lambda n: " " * n + "x",
        r"^\s*,?\s*của\s+",
        (*_WS, ",", "của", "x"),
    ),
    RegexCase(
        "deadlines._BARE",
        "finditer",
        lambda n: "(" + " " * n + "1",
        r"(?:^|\(\s*|\*\*|\n)\s*" + deadlines._TIME + r"\s*[.;]?\s*(?:\)|\*\*|$)",
        (
            *_WS,
            "(",
            ")",
            "**",
            "12/6/2025",
            "tháng 6/2025",
            "quý iv/2025",
            "năm 2025",
            "1",
            "x",
            ".",
            ";",
        ),  # fmt: skip
    ),
    RegexCase(
        "extract_bodies._DEFINES",
        "search",
        lambda n: "(" + " " * n + "1",
        r"\(\s*(?:sau\s+đây\s+)?(?:viết\s+tắt\s+là|gọi\s+tắt\s+là|gọi\s+là)?\s*$",
        (*_WS, "(", "sau", "đây", "gọi", "là", "viết", "tắt", "1"),
    ),
    RegexCase(
        "read_pdf._PAGE_NUMBER",
        "fullmatch",
        lambda n: " " * n + "x",
        r"\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*",
        (*_WS, "trang", "-", "–", "1", "12", "x"),
        flags=re.IGNORECASE,
    ),
    RegexCase(
        "assignment._CHAIN_STEP",
        "match",
        lambda n: " " * n + "!",
        r"\s*(?:\([^()]*\)\s*)?:?\s*(?:(?:lãnh đạo|chỉ đạo|chủ trì)(?:\s*,\s*|\s+và\s+))?"
        r"(chỉ đạo|lãnh đạo|giao)\s+",
        (*_WS, "(", ")", ":", ",", "và", "chỉ đạo", "lãnh đạo", "giao", "x"),
    ),
    RegexCase(
        "extract_document._WHO_ISSUES",
        "search",
        lambda n: " " * n + "x",
        r"(?P<who>[^,.;:]{3,80}?)\s+(?:xây dựng|ban hành)\s+"
        r"(?:kế hoạch|chương trình|đề án|quy chế|hướng dẫn)",
        flags=re.IGNORECASE,
        same_matches=False,
        note="the body no longer ends in a space: 'Sở  xây dựng kế hoạch' (two letters, two "
        "spaces) gives no body rather than 'Sở '",
    ),
    RegexCase(
        "deadlines._LABELLED",
        "search",
        lambda n: "thời gian: " * (n // 11) + "x",
        r"thời\s+(?:gian|hạn)(?:\s+hoàn\s+thành)?\s*:\s*[^;)]*?" + deadlines._TIME,
        (
            *_WS,
            "thời gian",
            "thời hạn",
            "hoàn thành",
            ":",
            ";",
            ")",
            "trong",
            "12/6/2025",
            "tháng 6/2025",
            "quý iv/2025",
            "năm 2025",
            "x",
        ),
        note="the time within 200 characters of its label (same matches on shorter strings)",
    ),
    # checked and linear: kept as they are, timed by the benchmark
    RegexCase("numbers._F_STATE", "match", lambda n: "/" + "A-" * (n // 2) + "1"),
    RegexCase("numbers._F_PARTY", "match", lambda n: "-NQ/" + "A" * n + "é"),
    RegexCase("numbers._SHARED_SERIALS", "search", lambda n: "số 1, " + " " * n + "x"),
    RegexCase("layout._GLUED_CODE", "finditer", lambda n: "/A-" * (n // 3)),
    RegexCase("layout._FOOTNOTE_START", "match", lambda n: "1" + " " * n + "1"),
    RegexCase("assignment._SEP", "match", lambda n: " , ; " * (n // 5) + "x"),
    RegexCase("extract_document._PLACE_DATE", "search", lambda n: "a" * n),
    RegexCase("deadlines._CUED", "search", lambda n: "hoàn thành " * (n // 11) + "x"),
]


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # the regex engine checks for signals, so this interrupts it
    raise _Timeout


class time_limit:  # noqa: N801 - used as a context manager: with time_limit(60): …
    """Raise :class:`TimeoutError` in the block after ``seconds`` (a hang guard for in-process
    fuzzing: a hang becomes a failing example instead of a stuck test run)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        def hung(signum, frame):
            raise TimeoutError(f"still running after {self.seconds} s")

        self.previous = signal.signal(signal.SIGALRM, hung)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)


def time_regex_cases(
    n: int, bound: float, names: list[str] | None = None, old: bool = False
) -> dict[str, float]:
    """Seconds each pattern takes on its attack of ``n`` characters; ``-1`` past ``bound``.
    ``old``: time the form each pattern had before it was made linear instead."""
    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, float] = {}
    for case in REGEX_CASES:
        if names and case.name not in names or old and case.old is None:
            continue
        s = case.attack(n)
        pattern = re.compile(case.old, case.flags) if old else case.pattern
        signal.setitimer(signal.ITIMER_REAL, bound)
        start = time.perf_counter()
        try:
            case.run(pattern, s)
            out[case.name] = time.perf_counter() - start
        except _Timeout:
            out[case.name] = -1.0
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def attack_documents(line: str) -> dict[str, str]:
    """A plan with ``line`` where each part of a document is read: in the heading block, as
    a body paragraph, as a list item of the task section, as a table cell, in an appendix."""
    head = "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 12/KH-UBND\n"
    title = "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
    tasks = "II. NHIỆM VỤ\n1. Giao Sở Tài chính chủ trì, hoàn thành trong tháng 6/2025.\n"
    row = "\t".join(["1", line, "Sở Tài chính", "Các sở", "Quý IV/2025"])
    appendix = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\nI. NHIỆM VỤ CHUNG\n"
    return {
        "heading": head + line + "\n" + title + tasks,
        "body": head + title + line + "\n" + tasks,
        "item": head + title + tasks + "- " + line + "\n",
        "table": head + title + tasks + "\t".join(TABLE_HEADER) + "\n" + row + "\n",
        "appendix": head + title + tasks + appendix + line + "\n" + row + "\n",
    }


def time_attack_documents(n: int, bound: float) -> dict[str, float]:
    """Seconds to extract the worst of :func:`attack_documents` for each pattern's attack of
    ``n`` characters; ``-1`` past ``bound``."""
    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, float] = {}
    for case in REGEX_CASES:
        worst = 0.0
        for text in attack_documents(case.attack(n)).values():
            signal.setitimer(signal.ITIMER_REAL, bound)
            start = time.perf_counter()
            try:
                for fmt in ("x.txt", "x.docx", "x.pdf"):
                    extract_text(
                        text, fmt, one_line_paragraphs=fmt == "x.docx", wrapped=fmt == "x.pdf"
                    )
                worst = max(worst, time.perf_counter() - start)
            except _Timeout:
                worst = -1.0
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        out[case.name] = worst
    return out


# Markdown's line structures repeated many times (tables of one column, tables without outer
# pipes, pandoc's grid, multiline and simple tables, escapes, list levels): each line must be
# looked at a bounded number of times (a table's rows scanned again for every rule was
# quadratic: 130 s for 20,000 lines)
MARKDOWN_ATTACKS: dict[str, Callable[[int], str]] = {
    "one-cell tables": lambda n: "| a |\n| --- |\n" * (n // 2),
    "one-cell rows": lambda n: "| a |\n| --- |\n" + "| a |\n" * n,
    "bare tables": lambda n: "a| b\n---|---\n" * (n // 2),
    "bare rows": lambda n: "a| b\n---|---\n" + "a| b\n" * n,
    "pipe rows": lambda n: "| a | b |\n|---|---|\n" + "| a | b |\n" * n,
    "grid rows": lambda n: "+---+\n" + "| a |\n" * n,
    "grid borders": lambda n: "+---+\n| a |\n" * (n // 2),
    "multiline rows": lambda n: "  ------\n  a\n  --- ---\n" + "  a   b\n\n" * (n // 2),
    "simple rows": lambda n: "a b\n--- ---\n" + "x y\n" * n,
    "dash lines": lambda n: "  --- ---\n" * n,
    "escapes": lambda n: "\\- 1\\. \\(2\\)\n" * n,
    "list levels": lambda n: "".join(" " * (k % 40) + "1. x\n" for k in range(n)),
}


def time_markdown_attacks(n: int, bound: float) -> dict[str, float]:
    """Seconds to read each of :data:`MARKDOWN_ATTACKS` of ``n`` lines as a .md file is read
    (pandoc's tables as rows, then the Markdown view); ``-1`` past ``bound``."""
    from policy_lineage.loaders.markup import markup_view
    from policy_lineage.loaders.read_text import read_text

    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, float] = {}
    for name, make in MARKDOWN_ATTACKS.items():
        data = make(n).encode("utf-8")
        signal.setitimer(signal.ITIMER_REAL, bound)
        start = time.perf_counter()
        try:
            markup_view(read_text("x.md", data, "md").text)
            out[name] = time.perf_counter() - start
        except _Timeout:
            out[name] = -1.0
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


# --------------------------------------------------------------------------- bounded runs


@dataclass
class Bounded:
    """What a child process did: its JSON answer, or how it failed."""

    returncode: int | None  # None: killed at the time limit
    seconds: float
    answer: dict = field(default_factory=dict)
    stderr: str = ""

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def run_bounded(args: list[str], *, timeout: float, memory_mb: int | None = None) -> Bounded:
    """Run ``python fuzzcases.py ARGS`` with a hard time limit and an address-space rlimit.

    The limits guard against hangs and runaway memory; they are not speed targets.
    """

    def limit() -> None:
        if memory_mb:
            size = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr or ""
        return Bounded(None, time.perf_counter() - start, {}, err)
    seconds = time.perf_counter() - start
    lines = proc.stdout.strip().splitlines()
    answer = json.loads(lines[-1]) if proc.returncode == 0 and lines else {}
    return Bounded(proc.returncode, seconds, answer, proc.stderr[-4000:])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(argv: list[str]) -> dict:
    if argv[0] == "extract":  # extract FILE: read and extract one file
        start = time.perf_counter()
        result, detail = outcome(argv[1])
        return {
            "outcome": result,
            "detail": detail,
            "seconds": time.perf_counter() - start,
            "peak_mb": _peak_mb(),
        }
    if argv[0] in ("regex", "regex-old"):  # regex N BOUND [NAME…]
        old = argv[0] == "regex-old"
        times = time_regex_cases(int(argv[1]), float(argv[2]), argv[3:] or None, old)
        return {"times": times, "peak_mb": _peak_mb()}
    if argv[0] == "attack-docs":  # attack-docs N BOUND
        times = time_attack_documents(int(argv[1]), float(argv[2]))
        return {"times": times, "peak_mb": _peak_mb()}
    if argv[0] == "markdown":  # markdown N BOUND
        times = time_markdown_attacks(int(argv[1]), float(argv[2]))
        return {"times": times, "peak_mb": _peak_mb()}
    if argv[0] == "text":  # text FILE: extract a text file's content as the three readers give it
        text = Path(argv[1]).read_text("utf-8")
        start = time.perf_counter()
        tasks = check_extraction(extract_text(text, argv[1]))
        return {"tasks": tasks, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    raise SystemExit(f"unknown command {argv[0]!r}")


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1:]), ensure_ascii=False))
