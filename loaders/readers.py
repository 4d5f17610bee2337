"""Files to :class:`SourceText`: one reader per format, chosen by suffix.

This first version reads .txt and .md (UTF-8 with or without BOM, UTF-16, Windows-1258);
.docx and .pdf readers and legacy TCVN3/VNI conversion are still to come (issue 2).
An unreadable file gives a :class:`ReadError` naming it; the other files are still read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import errors
from .source import ReadError, SourceText

SUPPORTED = {".txt", ".md"}


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise ReadError(path, errors.BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        import unicodedata

        return unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"
    except UnicodeDecodeError as exc:
        raise ReadError(path, errors.UNDECODABLE, str(exc)) from exc


def read_path(path: str | os.PathLike) -> SourceText:
    shown = str(path)
    p = Path(path)
    if not p.exists():
        raise ReadError(shown, errors.NOT_FOUND)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError(shown, errors.UNSUPPORTED, suffix or "no suffix")
    data = p.read_bytes()
    if not data.strip():
        raise ReadError(shown, errors.EMPTY)
    text, encoding = _decode(data, shown)
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if control > max(8, len(text) // 50):
        raise ReadError(shown, errors.BINARY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(shown, text, suffix.lstrip("."), encoding)


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED
                    and not any(part.startswith((".", "~$")) for part in rel.parts)
                ):
                    yield str(child)
        else:
            yield str(path)


def read_paths(paths: Iterable[str]) -> Iterator[SourceText | ReadError]:
    for path in iter_paths(paths):
        try:
            yield read_path(path)
        except ReadError as exc:
            yield exc
        except Exception as exc:  # a library error on a strange file
            yield ReadError(path, errors.CORRUPT, str(exc))
