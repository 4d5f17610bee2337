"""Files to :class:`SourceText`: one reader per format, found by the file's suffix in a
registry (as rdflib finds its parsers by name): :func:`register` adds a :class:`Reader`,
:func:`reader_for` finds it, :data:`SUPPORTED` lists the suffixes.

* ``.txt``/``.md``: :mod:`.read_text` (UTF-8, UTF-16, Windows-1258, TCVN3, VNI);
* ``.docx``: :mod:`.read_docx` (python-docx; paragraphs and tables in reading order);
* ``.pdf``: :mod:`.read_pdf` (pdfplumber; text layer, tables as rows; OCR of scanned pages);
* ``.doc``/``.rtf``/``.odt``: :mod:`.read_doc` (LibreOffice converts to .docx, then as above);
* ``.html``/``.htm``/``.mhtml``: :mod:`.read_html` (a saved web page's document);
* ``.zip``: :mod:`.read_archive`: expanded like a folder, each member read by its suffix and
  named ``archive.zip!member.docx``.

:func:`read_path` raises :class:`ReadError` with a code from :mod:`.errors` (and nothing
else: a library failing on a damaged file gives ``CORRUPT``); :func:`read_paths` yields it
instead, so one bad file never stops the others. A file holding more than
:data:`MAX_TEXT_CHARS` characters of text is ``TOO_LARGE``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import errors, read_archive
from .read_text import read_text
from .source import ReadError, SourceText

#: The most text one file may hold: 25 million characters, some 10,000 printed pages (a long
#: plan with its appendices is well under a million). Extraction holds 35 (prose) to 80 (a
#: dense task table) bytes per character, so one file stays within about 2 GB; longer text is
#: ``TOO_LARGE``. A text file of over four bytes per allowed character cannot fit: refused unread.
MAX_TEXT_CHARS = 25_000_000


@dataclass
class Input:
    """What a reader reads: a file on disk (``file``) or an archive member's bytes (``data``)."""

    file: str | None = None
    data: bytes | None = None

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.file is not None
        with open(self.file, "rb") as fh:
            return fh.read()

    def stream(self) -> str | BinaryIO:
        """A path or a binary stream: what python-docx, pdfplumber and zipfile open."""
        return self.file if self.file is not None else io.BytesIO(self.data or b"")

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else os.path.getsize(self.file or "")


@dataclass(frozen=True)
class Reader:
    """One format: its suffixes, the function reading it (``read(shown_path, Input)``) and,
    for formats that need a program, what to install."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[str, Input], SourceText]
    requires: str = ""


_REGISTRY: dict[str, Reader] = {}
#: every suffix read, archives included (kept up to date by :func:`register`)
SUPPORTED: set[str] = set()


def register(reader: Reader) -> Reader:
    """Read files with these suffixes with ``reader`` (a later registration wins)."""
    for suffix in reader.suffixes:
        _REGISTRY[suffix.lower()] = reader
        SUPPORTED.add(suffix.lower())
    return reader


def reader_for(suffix: str) -> Reader | None:
    return _REGISTRY.get(suffix.lower())


def readers() -> list[Reader]:
    """The registered readers, each once, in registration order."""
    return list(dict.fromkeys(_REGISTRY.values()))


def _text(shown: str, inp: Input, fmt: str) -> SourceText:
    if inp.size > 4 * MAX_TEXT_CHARS + 4:
        raise ReadError(shown, errors.TOO_LARGE, f"{inp.size:,} bytes; {_limit()}")
    return read_text(shown, inp.read_bytes(), fmt)


def _docx(shown: str, inp: Input) -> SourceText:
    from .read_docx import read_docx

    stream = inp.stream()
    if isinstance(stream, str):
        with open(stream, "rb") as fh:
            head = fh.read(8)
    else:
        head = stream.read(8)
        stream.seek(0)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # a Word 97-2003 .doc named .docx
        return _doc(shown, inp)
    return read_docx(shown, stream)


def _pdf(shown: str, inp: Input) -> SourceText:
    from .read_pdf import read_pdf

    return read_pdf(shown, inp.stream())


def _doc(shown: str, inp: Input) -> SourceText:
    from .read_doc import read_doc

    return read_doc(shown, inp)


def _html(shown: str, inp: Input) -> SourceText:
    from .read_html import read_html

    return read_html(shown, inp.read_bytes(), Path(shown).suffix.lower())


def _archive(shown: str, inp: Input) -> SourceText:  # only reached for errors
    raise ReadError(shown, errors.UNSUPPORTED, "an archive (read_paths expands it)")


register(Reader("txt", (".txt",), lambda s, i: _text(s, i, "txt")))
register(Reader("md", (".md",), lambda s, i: _text(s, i, "md")))
register(Reader("docx", (".docx",), _docx))
register(Reader("pdf", (".pdf",), _pdf, "OCR of scanned pages: tesseract-ocr tesseract-ocr-vie"))
register(Reader("doc", (".doc", ".rtf", ".odt"), _doc, "libreoffice-writer-nogui"))
register(Reader("html", (".html", ".htm", ".mhtml", ".mht"), _html))
register(Reader("zip", read_archive.ARCHIVE_SUFFIXES, _archive))


def read_path(path: str | os.PathLike) -> SourceText:
    """Read one file, or one archive member (``a.zip!b.docx``); raise :class:`ReadError`
    naming ``path`` as given."""
    shown = str(path)
    member = read_archive.split(shown)
    p = Path(path)
    if member is None:
        if not p.exists():
            raise ReadError(shown, errors.NOT_FOUND)
        if p.is_dir():
            raise ReadError(shown, errors.UNSUPPORTED, "a directory (read_paths expands them)")
    suffix = Path(member[1][-1]).suffix.lower() if member else p.suffix.lower()
    reader = reader_for(suffix)
    if reader is None:
        hint = "supported: " + ", ".join(sorted(SUPPORTED))
        raise ReadError(shown, errors.UNSUPPORTED, f"{suffix or 'no suffix'}; {hint}")
    try:
        if read_archive.is_archive(suffix):
            if member and len(member[1]) > read_archive.MAX_DEPTH:
                detail = f"archives nested more than {read_archive.MAX_DEPTH} deep"
                raise ReadError(shown, errors.UNSAFE, detail)
            read_archive.members(shown, _wanted)  # raises what is wrong with the archive
        inp = Input(data=read_archive.member_bytes(shown)) if member else Input(file=str(p))
        if inp.size == 0:
            raise ReadError(shown, errors.EMPTY, "0 bytes")
        src = reader.read(shown, inp)
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


def _page_folder(name: str, files: list[str]) -> bool:
    """``page_files/``: the images and frames a browser saved beside ``page.html``."""
    return name.endswith("_files") and any(
        f.lower() in {name[:-6].lower() + s for s in (".html", ".htm")} for f in files
    )


def _wanted(name: str) -> bool:
    return not _hidden(name) and os.path.splitext(name)[1].lower() in SUPPORTED


def _expand(path: str) -> Iterator[str]:
    """An archive's members (or the archive itself, whose reading names its error)."""
    if read_archive.is_archive(path) and read_archive.split(path) is None:
        try:
            yield from read_archive.members(path, _wanted)
            return
        except ReadError:
            pass
    yield path


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories to the supported files below them (sorted; hidden files, hidden
    folders and Office lock files ``~$*`` skipped) and archives to their members
    (``a.zip!b.docx``); pass other arguments through as given."""
    for path in paths:
        if not os.path.isdir(path):
            yield from _expand(str(path))
            continue
        found: list[tuple[tuple[str, ...], str]] = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not _hidden(d) and not _page_folder(d, files)]
            # sorted by the parts of the path below ``path`` (os.walk joins them onto it)
            below = os.path.relpath(folder, path)
            parts = () if below == os.curdir else tuple(below.split(os.sep))
            for name in files:
                if _wanted(name):
                    found.append(((*parts, name), os.path.join(folder, name)))
        for _, full in sorted(found):
            yield from _expand(full)


def read_paths(paths: Iterable[str]) -> Iterator[SourceText | ReadError]:
    """Read every file (directories expanded); a bad file yields its :class:`ReadError`."""
    for path in iter_paths(paths):
        try:
            yield read_path(path)
        except ReadError as exc:
            yield exc
        except Exception as exc:  # a library failing on a strange file
            yield ReadError(path, errors.CORRUPT, f"{type(exc).__name__}: {exc}")


def extract_sources(
    paths: Iterable[str], table=None
) -> Iterator[tuple[object, SourceText] | ReadError]:
    """As :func:`~policy_lineage.loaders.pipeline.extract_paths`, each extraction with the
    :class:`SourceText` it came from (for what only the reader knows: pages read by OCR)."""
    from .pipeline import extract_source

    for item in read_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield extract_source(item, table), item
        except Exception as exc:  # an extractor bug must not stop the other files
            yield ReadError(item.path, "extraction failed", f"{type(exc).__name__}: {exc}")
