"""Files to :class:`SourceText`: one reader per format, chosen by the file's suffix.

* ``.txt``/``.md``: :mod:`.read_text` (UTF-8, UTF-16, Windows-1258, TCVN3, VNI);
* ``.docx``: :mod:`.read_docx` (python-docx; paragraphs and tables in reading order);
* ``.pdf``: :mod:`.read_pdf` (pdfplumber; text layer, tables as rows).

:func:`read_path` raises :class:`ReadError` with a code from :mod:`.errors` (and nothing
else: a library failing on a damaged file gives ``CORRUPT``); :func:`read_paths` yields it
instead, so one bad file never stops the others. A file holding more than
:data:`MAX_TEXT_CHARS` characters of text is ``TOO_LARGE``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import errors
from .read_docx import read_docx
from .read_pdf import read_pdf
from .read_text import read_text
from .source import ReadError, SourceText

SUPPORTED = {".txt", ".md", ".docx", ".pdf"}

#: The most text one file may hold: 25 million characters, some 10,000 printed pages (a long
#: plan with its appendices is well under a million). Extraction holds 35 (prose) to 80 (a
#: dense task table) bytes per character, so one file stays within about 2 GB; longer text is
#: ``TOO_LARGE``. A text file of over four bytes per allowed character cannot fit: refused unread.
MAX_TEXT_CHARS = 25_000_000

_CONVERT = "convert it to .docx, e.g. with LibreOffice: soffice --headless --convert-to docx FILE"
_HINTS = {
    ".doc": "legacy Word .doc: " + _CONVERT,
    ".rtf": "Rich Text Format: " + _CONVERT,
    ".odt": "OpenDocument text: " + _CONVERT,
}


def read_path(path: str | os.PathLike) -> SourceText:
    """Read one file; raise :class:`ReadError` naming ``path`` as given."""
    shown = str(path)
    p = Path(path)
    if not p.exists():
        raise ReadError(shown, errors.NOT_FOUND)
    if p.is_dir():
        raise ReadError(shown, errors.UNSUPPORTED, "a directory (read_paths expands them)")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        hint = _HINTS.get(suffix, "supported: " + ", ".join(sorted(SUPPORTED)))
        raise ReadError(shown, errors.UNSUPPORTED, f"{suffix or 'no suffix'}; {hint}")
    try:
        size = p.stat().st_size
        if size == 0:
            raise ReadError(shown, errors.EMPTY, "0 bytes")
        if suffix == ".docx":
            src = read_docx(shown, str(p))
        elif suffix == ".pdf":
            src = read_pdf(shown, str(p))
        elif size > 4 * MAX_TEXT_CHARS + 4:
            raise ReadError(shown, errors.TOO_LARGE, f"{size:,} bytes; {_limit()}")
        else:
            src = read_text(shown, p.read_bytes(), suffix[1:])
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError(shown, errors.TOO_LARGE, "out of memory while reading") from exc
    except OSError as exc:
        raise ReadError(shown, errors.CORRUPT, f"cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # a library failing on a strange file (lxml, zipfile, pdfminer)
        raise ReadError(shown, errors.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    if len(src.text) > MAX_TEXT_CHARS:
        raise ReadError(shown, errors.TOO_LARGE, f"{len(src.text):,} characters; {_limit()}")
    return src


def _limit() -> str:
    return f"the limit is {MAX_TEXT_CHARS:,} characters"


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories to the supported files below them (sorted; hidden files, hidden
    folders and Office lock files ``~$*`` skipped); pass other arguments through as given."""
    for path in paths:
        if not os.path.isdir(path):
            yield str(path)
            continue
        found: list[tuple[tuple[str, ...], str]] = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not _hidden(d)]
            for name in files:
                if not _hidden(name) and os.path.splitext(name)[1].lower() in SUPPORTED:
                    full = os.path.join(folder, name)
                    found.append((Path(os.path.relpath(full, path)).parts, full))
        yield from (full for _, full in sorted(found))


def read_paths(paths: Iterable[str]) -> Iterator[SourceText | ReadError]:
    """Read every file (directories expanded); a bad file yields its :class:`ReadError`."""
    for path in iter_paths(paths):
        try:
            yield read_path(path)
        except ReadError as exc:
            yield exc
        except Exception as exc:  # a library failing on a strange file
            yield ReadError(path, errors.CORRUPT, f"{type(exc).__name__}: {exc}")
