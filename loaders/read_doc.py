"""Word 97–2003 ``.doc`` (and ``.rtf``, ``.odt``): LibreOffice converts the file to .docx in
a private temporary folder, then :mod:`.read_docx` reads it, so tables stay tables, in
reading order, and footnotes follow the body as for a .docx.

Why LibreOffice (``benchmarks/doc_readers.py``; README, "What it reads"): on the bundled
documents saved as .doc it gives exactly the facts of the .txt, tables as rows, every
Vietnamese letter; antiword keeps the letters but writes tables as ``|``-ruled text (cells
cut over several lines) and knows no .rtf/.odt; no maintained pure-Python reader of the
binary format exists (olefile only opens the container). LibreOffice costs a 31 s,
+263 MB install (``libreoffice-writer-nogui``) and about a second per file.

* ``soffice`` runs headless with its own profile (``HOME`` and ``-env:UserInstallation`` in
  the temporary folder), so parallel workers never share one and nothing is written
  elsewhere; the temporary folder is removed afterwards.
* Not installed: ``MISSING_TOOL``, naming the file and the package to install; the other
  files are still read. A file LibreOffice cannot convert is ``CORRUPT``.
* ``SourceText.format`` is ``"docx"`` (the text is read as a .docx is) and
  ``SourceText.converted_from`` the original suffix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from . import errors
from .read_docx import read_docx
from .source import ReadError, SourceText

if TYPE_CHECKING:
    from .readers import Input

INSTALL = "apt-get install --no-install-recommends libreoffice-writer-nogui"
TIMEOUT = 120  # seconds for one conversion
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: str, inp: Input) -> SourceText:
    """Read the .doc/.rtf/.odt in ``inp``; ``path`` is the name the user gave."""
    suffix = Path(path).suffix.lower() or ".doc"
    data = inp.read_bytes()
    if suffix == ".doc" or suffix == ".docx":
        if not data.startswith(_OLE):
            raise ReadError(path, errors.CORRUPT, "not a Word 97-2003 file (no OLE header)")
        suffix = ".doc"
    program = soffice()
    if program is None:
        raise ReadError(
            path, errors.MISSING_TOOL, f"{suffix} files are converted by LibreOffice: {INSTALL}"
        )
    with tempfile.TemporaryDirectory(prefix="policy-lineage-doc-") as tmp:
        source = Path(tmp, "in" + suffix)
        source.write_bytes(data)
        out = Path(tmp, "out")
        env = dict(os.environ, HOME=tmp)
        command = [
            program,
            f"-env:UserInstallation=file://{tmp}/profile",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            subprocess.run(
                command, env=env, capture_output=True, timeout=TIMEOUT, check=False, cwd=tmp
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError(path, errors.CORRUPT, f"LibreOffice gave up after {TIMEOUT} s") from exc
        converted = out / "in.docx"
        if not converted.exists() or converted.stat().st_size == 0:
            raise ReadError(path, errors.CORRUPT, "LibreOffice could not convert it")
        try:
            src = read_docx(path, str(converted))
        except ReadError as exc:
            if exc.code == errors.EMPTY:
                raise
            raise ReadError(
                path, errors.CORRUPT, f"converted by LibreOffice: {exc.detail}"
            ) from exc
    src.converted_from = suffix[1:]
    return src
