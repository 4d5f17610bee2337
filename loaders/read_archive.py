""".zip archives: each member is a file of its own, named ``archive.zip!member.docx``.

An archive is read like a folder: :func:`members` lists the supported files inside it (and
inside archives inside it, down to :data:`MAX_DEPTH` levels), and :func:`member_bytes` gives
one member's bytes, never writing anything to disk. The name ``a.zip!b/c.docx`` (or
``a.zip!in.zip!c.pdf`` for a nested archive) is what messages, evidence and the store show.

What is refused, with one error naming the archive or the member:

* a member path that climbs out (``../x.docx``), is absolute (``/etc/x``, ``C:\\x``) or holds
  a NUL: ``unsafe path in an archive`` (the member is never read);
* a zip bomb: a directory that declares more than :data:`MAX_TOTAL_BYTES` unzipped or more
  than :data:`MAX_MEMBERS` members (the whole archive), a member over
  :data:`MAX_MEMBER_BYTES`, or one that unzips more than :data:`MAX_RATIO` times its
  compressed size (``file too large``). The declared size is also enforced while unzipping;
* archives nested deeper than :data:`MAX_DEPTH`; encrypted members; a damaged archive.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath

from . import errors
from .source import ReadError

SEP = "!"
ARCHIVE_SUFFIXES = (".zip",)
MAX_DEPTH = 3  # archives inside an archive: a.zip!b.zip!c.zip!d.zip!e.docx is read, no deeper
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 2 << 30  # everything an archive declares, unzipped
MAX_MEMBER_BYTES = 256 << 20  # one member, unzipped
MAX_RATIO = 200  # unzipped / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def split(path: str) -> tuple[str, list[str]] | None:
    """``a.zip!b.zip!c.docx`` → (``a.zip``, [``b.zip``, ``c.docx``]) when ``a.zip`` is a file
    and the path itself is not; None for a path that names no archive member."""
    if SEP not in path or os.path.exists(path):
        return None
    pieces = path.split(SEP)
    for i in range(1, len(pieces)):
        head = SEP.join(pieces[:i])
        if is_archive(head) and os.path.isfile(head):
            return head, _names(pieces[i:])
    return None


def _names(pieces: list[str]) -> list[str]:
    """Member names, re-joined where a ``!`` belongs to a name rather than a nesting."""
    names: list[str] = []
    current = pieces[0]
    for piece in pieces[1:]:
        if is_archive(current):
            names.append(current)
            current = piece
        else:
            current += SEP + piece
    names.append(current)
    return names


def unsafe(name: str) -> str | None:
    """Why a member name must not be used, or None."""
    if "\x00" in name:
        return "a NUL in the name"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return "an absolute path"
    if ".." in PurePosixPath(posix).parts:
        return "a path climbing out of the archive (..)"
    return None


def _open(shown: str, source: str | bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except zipfile.BadZipFile as exc:
        raise ReadError(shown, errors.CORRUPT, f"not a readable zip archive ({exc})") from exc
    except OSError as exc:
        raise ReadError(shown, errors.CORRUPT, f"cannot read: {exc.strerror or exc}") from exc


def _check_directory(shown: str, z: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = [i for i in z.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise ReadError(
            shown, errors.TOO_LARGE, f"{len(infos):,} members; the limit is {MAX_MEMBERS:,}"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise ReadError(
            shown,
            errors.TOO_LARGE,
            f"zip bomb? its directory says it unzips to {total:,} bytes; "
            f"the limit is {MAX_TOTAL_BYTES:,}",
        )
    return infos


def _unzip(shown: str, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    why = unsafe(info.filename)
    if why:
        raise ReadError(shown, errors.UNSAFE, why)
    if info.flag_bits & 0x1:
        raise ReadError(shown, errors.CORRUPT, "encrypted member, needs a password")
    if info.file_size > MAX_MEMBER_BYTES:
        raise ReadError(
            shown,
            errors.TOO_LARGE,
            f"unzips to {info.file_size:,} bytes; the limit is {MAX_MEMBER_BYTES:,}",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ReadError(
            shown,
            errors.TOO_LARGE,
            f"zip bomb? {info.compress_size:,} bytes unzip to {info.file_size:,} "
            f"(more than {MAX_RATIO}×)",
        )
    try:
        with z.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError) as exc:
        raise ReadError(shown, errors.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    except RuntimeError as exc:  # zipfile: "File … is encrypted, password required"
        raise ReadError(shown, errors.CORRUPT, f"{exc}") from exc
    if len(data) > info.file_size:
        raise ReadError(shown, errors.TOO_LARGE, "unzips to more than its directory says")
    return data


def member_bytes(path: str) -> bytes:
    """The bytes of the member ``path`` names (``a.zip!b.zip!c.docx``); :class:`ReadError`
    naming ``path`` when any archive on the way or the member itself is refused."""
    parts = split(path)
    if parts is None:
        raise ReadError(path, errors.NOT_FOUND)
    archive, names = parts
    if len(names) > MAX_DEPTH + 1:
        raise ReadError(path, errors.UNSAFE, f"archives nested more than {MAX_DEPTH} deep")
    source: str | bytes = archive
    for depth, name in enumerate(names):
        here = SEP.join([archive, *names[:depth]])
        with _open(here, source) as z:
            _check_directory(here, z)
            try:
                info = z.getinfo(name)
            except KeyError as exc:
                raise ReadError(path, errors.NOT_FOUND, "no such member in the archive") from exc
            source = _unzip(path, z, info)
    assert isinstance(source, bytes)
    return source


def members(path: str, wanted: Callable[[str], bool]) -> list[str]:
    """The member paths to read in the archive at ``path`` (a file, or a member naming a
    nested archive), sorted, nested archives expanded; ``wanted(name)`` says which
    suffixes are read. Unsafe names are listed (reading them gives the error); a damaged
    archive or a zip bomb raises :class:`ReadError` naming ``path``."""
    source: str | bytes = path if split(path) is None else member_bytes(path)
    depth = path.count(SEP)
    out: list[str] = []
    with _open(path, source) as z:
        infos = _check_directory(path, z)
        for info in sorted(infos, key=lambda i: i.filename):
            name = info.filename
            child = f"{path}{SEP}{name}"
            if unsafe(name):
                out.append(child)  # reading it names the error; it is never unzipped
                continue
            base = PurePosixPath(name.replace("\\", "/")).name
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if any(p.startswith(".") or p == "__MACOSX" for p in parts[:-1]) or base.startswith(
                (".", "~$")
            ):
                continue
            if is_archive(base) and depth < MAX_DEPTH:
                try:
                    out.extend(members(child, wanted))
                except ReadError:
                    out.append(child)  # reading it names the error
            elif is_archive(base) or wanted(base):
                out.append(child)
    return out
