"""What a reader returns: the document's text as read, with its structure.

Conventions every reader follows, so extractors need not know the format:

* ``text`` is the original text: the evidence spans of every extracted fact are
  offsets into it. It is never normalized (no NFC, no case folding).
* paragraphs are separated by ``"\\n"`` (a reader may keep the blank lines and
  hard line breaks the source has; ``.txt`` keeps them verbatim);
* pages are separated by a form feed ``"\\f"`` (PDF); ``page_starts`` gives the
  offset where each page begins;
* a table row is one line whose cells are joined by ``"\\t"``; newlines inside a
  cell become spaces. ``tables`` gives the same rows as structured cells, with the
  offset of each row's line in ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TableRow:
    cells: list[str]
    start: int  # offset in SourceText.text where this row's line begins
    end: int


@dataclass
class Table:
    rows: list[TableRow]
    page: int | None = None  # 1-based page number where the table starts, if known


@dataclass
class SourceText:
    path: str  # the path as given by the user
    text: str
    format: str  # how the text is read: "txt", "md", "docx", "pdf"
    encoding: str | None = (
        None  # text files: "utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"
    )
    page_starts: list[int] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the file's own format when it was converted to be read as ``format`` ("doc" read as
    #: "docx", "html" read as "md")
    converted_from: str | None = None
    #: 1-based numbers of the pages read by OCR (a scanned PDF's): facts in them need checking
    ocr_pages: list[int] = field(default_factory=list)


class ReadError(Exception):
    """A file that could not be read. ``code`` is one of the constants in ``loaders.errors``."""

    def __init__(self, path: str, code: str, detail: str = "") -> None:
        self.path = path
        self.code = code
        self.detail = detail
        message = f"{path}: {code}" + (f" ({detail})" if detail else "")
        super().__init__(message)
