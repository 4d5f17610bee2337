"""Files → the store, incrementally: parse only what changed, then resolve the graph.

For each file (directories expanded as :func:`~policy_lineage.loaders.readers.iter_paths`
does):

* same bytes as stored (SHA-256) → nothing to do;
* same bytes as another stored file (a copy, or a moved file) → its extraction is
  reused, no parsing;
* otherwise it is read and extracted (in worker processes when ``jobs`` > 1) and its
  facts replace the old ones in one transaction;
* a file that cannot be read is reported by name; a previous good version's facts are
  kept (bad input loses nothing).

Files in the store that are gone from the folders given are reported as missing and
dropped only when asked (``prune``). The graph is then resolved again over the region the
changed files touch (:mod:`.incremental`; every stored extraction when it must) and
materialized, also in one transaction.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..loaders.agencies import AgencyTable, default_table, load_aliases
from ..loaders.ocr import mark_facts
from ..loaders.read_archive import member_bytes
from ..loaders.read_archive import split as split_member
from ..loaders.readers import iter_paths, read_path
from ..loaders.source import ReadError
from ..schema.graph_model import Finding
from ..schema.model_json import extraction_from_dict, extraction_to_dict
from .build import Prepared
from .store import (
    FileRecord,
    Store,
    _dumps,
    _extraction_bytes,
    _loads,
    abspath,
    archive_of,
    exists,
    is_under,
)

__all__ = ["IngestReport", "ingest", "file_sha256"]

Progress = Callable[[str, str], None]  # (path, what happened)

# files parsed are written in groups of at most this many, or this many seconds' worth
BATCH_FILES = 64
BATCH_SECONDS = 0.5


@dataclass
class IngestReport:
    parsed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # copies of stored content
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    kept_previous: list[str] = field(default_factory=list)  # failed, older facts kept
    missing: list[str] = field(default_factory=list)  # in the store, gone from disk
    pruned: list[str] = field(default_factory=list)
    update: Any = None  # how the graph was resolved again (incremental.UpdateReport), if it was
    counts: dict[str, Any] = field(default_factory=dict)  # LineageGraph.counts()
    findings: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.reused or self.pruned)


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """What the reader is: a hash of the loaders' code and data. A file stored by another
    reader (an upgrade, a fix) is read again on the next build, even with unchanged bytes."""
    from .. import loaders

    root = Path(loaders.__file__).parent
    h = hashlib.sha256()
    for f in sorted([*root.glob("*.py"), *root.glob("data/*")]):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def file_sha256(path: str) -> tuple[str, int]:
    """SHA-256 and size of a file, or of an archive member (``a.zip!b.docx``; a refused
    member raises its :class:`ReadError`)."""
    if split_member(path) is not None:
        data = member_bytes(path)
        return hashlib.sha256(data).hexdigest(), len(data)
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


_WORKER_TABLE: AgencyTable | None = None


def _worker_init(aliases: str | None) -> None:
    global _WORKER_TABLE
    _WORKER_TABLE = AgencyTable.load(extra=aliases) if aliases else default_table()
    # The table (and all else made so far) lives as long as the worker: frozen, the cycle
    # collector no longer walks them at every full collection. The young generations are
    # collected after each file (_collected), when the file's objects are garbage: a
    # collection in the middle of a file walked the live extraction and moved it to the
    # older generations, walked again later (collections were 6.7% of a worker's CPU on
    # 800 national files, 1.9% so); the threshold only matters inside a very long file.
    gc.freeze()
    gc.set_threshold(200_000, 10, 10)
    _exit_with_parent(os.getppid())


_FILES_DONE = 0  # files a worker has parsed (see _collected)
FULL_COLLECTION_EVERY = 1024


def _collected() -> None:
    """In a worker, after a file: its cyclic garbage (outlines, whose nodes point to their
    parents) collected with the two young generations; every ``FULL_COLLECTION_EVERY``
    files, all of them (garbage that something remembered kept alive past a file)."""
    global _FILES_DONE
    _FILES_DONE += 1
    gc.collect(2 if _FILES_DONE % FULL_COLLECTION_EVERY == 0 else 1)


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """A worker whose build was killed (``kill -9``: no chance to stop its pool) would wait
    for work forever; this one notices it was orphaned and exits."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@dataclass(frozen=True)
class Parsed:
    """A file's extraction as the store keeps it: JSON text as UTF-8 bytes, made where the
    file was read (a worker), so the build's process only writes it (no dict pickled
    across, none encoded there; bytes, not ``str``: see :func:`~.store._extraction_bytes`)."""

    text: bytes


def _parse(path: str, table: AgencyTable | None = None) -> Parsed | str:
    """The extraction of one file, encoded for the store, or the error message."""
    from ..loaders.pipeline import extract_source

    try:
        src = read_path(path)
        extraction = extract_source(src, table or _WORKER_TABLE)
        if getattr(src, "ocr_pages", None):  # the facts on pages read by OCR are marked
            return Parsed(_dumps(mark_facts(extraction_to_dict(extraction), src)).encode())
        return Parsed(_extraction_bytes(extraction))
    except ReadError as exc:
        return str(exc)
    except Exception as exc:  # an extractor failing on a strange file must not stop the rest
        return f"{path}: extraction failed ({type(exc).__name__}: {exc})"
    finally:
        if table is None and _WORKER_TABLE is not None:  # in a worker (_worker_init)
            src = extraction = None  # type: ignore[assignment]  # garbage now, collected
            _collected()


def _parse_many(paths: list[str]) -> list[Parsed | str]:
    """:func:`_parse` of several files, in a worker: one task sent and one answer back
    for them all."""
    return [_parse(path) for path in paths]


def _rewrite_source(data: Any, old: str, new: str) -> Any:
    """A stored extraction of identical bytes, with its file path changed to this file's."""
    if isinstance(data, dict):
        return {
            k: (new if k == "source" and v == old else _rewrite_source(v, old, new))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_rewrite_source(v, old, new) for v in data]
    return data


def _stat(path: str) -> str | None:
    """What says a file is unchanged without reading it: size, modification and change
    times, inode (None for an archive member, or a file that cannot be stat'ed)."""
    if split_member(path) is not None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def _settled(stat: str) -> bool:
    """Modified more than two seconds ago: a write in the same tick of the clock as the
    one seen (same size, same times) cannot go unnoticed."""
    _, mtime, ctime, _ = stat.split(":")
    return max(int(mtime), int(ctime)) < time.time_ns() - 2_000_000_000


def _resolver() -> Callable[[str], str]:
    """:func:`~.store.abspath`, each folder resolved once (the walk of a national corpus
    names ten thousand files in a few hundred folders; resolving each path component by
    component took a third of an unchanged build)."""
    folders: dict[str, str] = {}

    def real(folder: str) -> str:
        if folder not in folders:
            parent, name = os.path.split(folder)
            if not name or parent == folder:
                folders[folder] = folder
            elif os.path.islink(folder):
                folders[folder] = os.path.realpath(folder)
            else:
                folders[folder] = os.path.join(real(parent), name)
        return folders[folder]

    def resolve(path: str) -> str:
        if ".." in path or split_member(path) is not None:
            return abspath(path)
        full = os.path.abspath(path)
        if os.path.islink(full):
            return abspath(path)
        head, tail = os.path.split(full)
        return os.path.join(real(head), tail)

    return resolve


def _missing(records: list[FileRecord], given: list[str], seen: set[str]) -> list[str]:
    roots = [abspath(p) for p in given]
    out = []
    for rec in records:
        if rec.abspath in seen or exists(rec.abspath):
            continue
        if any(is_under(rec.abspath, r) for r in roots):
            out.append(rec.path)
    return out


def _replaced_members(
    store: Store, records: list[FileRecord], archives: set[str], seen: set[str]
) -> list[FileRecord]:
    """A changed archive replaces its members: the stored members of an archive read in this
    build that it no longer holds, and its own error row from when it could not be read, are
    dropped."""
    drop = [
        rec
        for rec in records
        if rec.abspath not in seen
        and (archive_of(rec.abspath) in archives or rec.abspath in archives)
    ]
    store.forget(rec.abspath for rec in drop)
    return drop


def ingest(
    store: Store,
    paths: Iterable[str],
    aliases: str | None = None,
    jobs: int = 1,
    prune: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Bring the store up to date with these files and folders (see the module's doc)."""
    given = list(paths)
    table = load_aliases(aliases) if aliases else default_table()
    report = IngestReport()
    reader = extractor_fingerprint()
    note = progress or (lambda path, what: None)
    seen: set[str] = set()
    archives: set[str] = set()  # archives read as members in this build
    # one read, not one per file; only what these paths can touch (not a country's list
    # for one changed file)
    stored = {rec.abspath: rec for rec in store.files_under(abspath(p) for p in given)}
    hashed: list[tuple[str, str, str]] = []  # (abspath, sha256, stat) of files read to hash
    stat_of: dict[str, str] = {}  # the same for the files to parse, by abspath
    walk_failed: list[tuple[str, str]] = []  # reported before those that fail to parse
    queued: set[str] = set()  # the contents sent to be parsed in this build
    resolve = _resolver()

    def walk() -> Iterator[tuple[str, str, str, int]]:
        """The files to parse (path, abspath, sha256, size), as the walk finds them: the
        workers parse the first while the others are hashed (two seconds of a national
        build's walk, before, had them wait)."""
        for path in iter_paths(given):
            full = resolve(path)
            if full in seen:  # named twice (a folder and a file in it): once is enough
                continue
            seen.add(full)
            if split_member(path) is not None:
                archives.add(abspath(split_member(path)[0]))  # type: ignore[index]
            old = stored.get(full)
            stat = _stat(path)
            if old is not None and stat and old.stat == stat and old.extractor == reader:
                sha, size = old.sha256, old.size  # same size, times and inode: the same bytes
            else:
                sha = ""
            settled = None  # the stat to remember with the bytes just hashed
            try:
                if not sha:
                    sha, size = file_sha256(path)
                    if stat and _settled(stat):
                        settled = stat
            except OSError as exc:
                walk_failed.append((path, f"{path}: cannot read ({exc.strerror or exc})"))
                note(path, "failed")
                continue
            except ReadError as exc:  # an archive member refused (unsafe name, zip bomb)
                walk_failed.append((path, str(exc)))
                note(path, "failed")
                continue
            if settled and not (old is not None and old.sha256 == sha and old.extractor == reader):
                stat_of[full] = settled  # written with its facts, when they are
            elif settled:
                hashed.append((full, sha, settled))
            if old is not None and old.sha256 == sha and old.extractor == reader:
                if old.error:
                    walk_failed.append((path, old.error))
                report.unchanged.append(path)
                note(path, "unchanged")
                continue
            # a copy of content stored before this build; content parsed in this build is
            # parsed again for each of its copies, as when every file was hashed first
            copy = store.extraction_by_hash(sha, reader) if sha not in queued else None
            if copy is not None:
                moved = _rewrite_source(copy, copy["source"], path)
                store.put_file(full, path, sha, size, moved, extractor=reader)
                if full in stat_of:
                    hashed.append((full, sha, stat_of.pop(full)))
                report.reused.append(path)
                note(path, "reused")
                continue
            queued.add(sha)
            yield (path, full, sha, size)

    # parsed files are written a few at a time, each group in one transaction: a crash
    # keeps every group written before it (and the files of the last one are read again)
    waiting: list[tuple[str, str, str, int, bytes, str | None]] = []
    since = time.monotonic()
    # when the graph will be resolved again whole, each text written is read back into its
    # extraction here, while the workers parse the next files, not all after them: from the
    # start for a store without this resolver's graph (a new one), else from the group that
    # takes the files changed past what is resolved locally (the earlier ones are read from
    # the store then)
    known: Prepared | None = Prepared() if _resolved_whole(store, aliases) else None

    def flush() -> None:
        nonlocal known
        if waiting:
            store.put_encoded(waiting, extractor=reader)
            for row in waiting:
                report.parsed.append(row[1])
                note(row[1], "parsed")
            if known is None and _resolved_whole(store, aliases):
                known = Prepared()
            if known is not None:
                for full, _, _, _, text, _ in waiting:
                    known.add(full, extraction_from_dict(_loads(text)))
                # they live until the graph is made: the cycle collector need not walk
                # them again at each full collection while the parse goes on
                gc.freeze()
            waiting.clear()

    def commit(item: tuple[str, str, str, int], result: Parsed | str) -> None:
        nonlocal since
        path, full, sha, size = item
        if isinstance(result, str):
            flush()
            if full in stat_of:
                hashed.append((full, sha, stat_of.pop(full)))
            report.failed.append((path, result))
            previous = store.file(full)
            if previous is not None and previous.error is None:
                report.kept_previous.append(path)  # keep the last good facts
            else:
                store.put_file(full, path, sha, size, None, result, extractor=reader)
            note(path, "failed")
            return
        if not waiting:
            since = time.monotonic()
        waiting.append((full, path, sha, size, result.text, stat_of.pop(full, None)))
        if len(waiting) >= BATCH_FILES or time.monotonic() - since >= BATCH_SECONDS:
            flush()

    thresholds = gc.get_threshold()
    try:
        # a young collection every 100,000 new objects, not 700, while the files come: the
        # extractions read back here (tens of thousands of objects a file) were walked by
        # each one and moved up the generations to be walked again (a tenth of this
        # process's CPU while the workers parse, taken from them on two cores)
        gc.set_threshold(max(thresholds[0], 100_000), *thresholds[1:])
        todo = walk()
        first = list(islice(todo, 2))  # one file alone is parsed here, not in a worker
        if jobs > 1 and len(first) > 1:
            _parallel(chain(first, todo), aliases, jobs, commit)
        else:
            for item in chain(first, todo):
                commit(item, _parse(item[0], table))
    finally:
        gc.set_threshold(*thresholds)
        try:
            flush()  # Ctrl-C: what was parsed is kept, as when each file had its transaction
        finally:
            if known is not None:
                gc.unfreeze()

    report.failed[:0] = walk_failed
    if hashed:
        store.set_stats(hashed)
    # the files stored before this build (those it added are all in `seen`)
    dropped = _replaced_members(store, list(stored.values()), archives, seen)
    report.pruned += [rec.path for rec in dropped]
    gone = seen | {rec.abspath for rec in dropped}
    report.missing = _missing(list(stored.values()), given, gone)
    if prune and report.missing:
        store.forget(abspath(p) for p in report.missing)
        report.pruned, report.missing = report.missing, []
    if aliases:
        store.set_aliases(aliases)
    if report.changed or not store.graph_is_fresh:
        note("", "resolving")  # the step after the files: a progress display says so
        if known:
            report.update = store.refresh_graph(table, aliases, known=known)
        else:  # the call a timing harness may stand in for (benchmarks/incremental.py)
            report.update = store.refresh_graph(table, aliases)
        known = None
    # the summary is counted in the store, no graph is read
    from .store_reader import counts, findings

    report.counts, report.findings = counts(store), findings(store)
    return report


def _resolved_whole(store: Store, aliases: str | None) -> bool:
    """Whether the graph will be resolved again from every extraction after the files now
    written (:func:`~.incremental.update_graph` falls back to a full rebuild then): a store
    without a graph this resolver made (a new one), or more files changed than it resolves
    locally."""
    from .incremental import FULL_SHARE, resolver_fingerprint

    if store._meta("graph_index") != resolver_fingerprint(aliases):
        return True
    (files,) = store.conn.execute("SELECT count(*) FROM files").fetchone()
    (pending,) = store.conn.execute("SELECT count(*) FROM pending").fetchone()
    return pending > max(20, FULL_SHARE * files)


# files sent to a worker in one task once this many have been sent one by one: each task
# cost the build's process about 0.2 ms (sent, answered, waited for), 2 s of its CPU for a
# national corpus, taken from the workers on two cores; a small build still shares its
# files out one by one
CHUNK_FILES = 4
CHUNK_AFTER = 64


def _parallel(
    todo: Iterable[tuple[str, str, str, int]],
    aliases: str | None,
    jobs: int,
    commit: Callable[[tuple[str, str, str, int], Parsed | str], None],
) -> None:
    """Parse in worker processes; commit each result in this process as it arrives."""
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_worker_init, initargs=(aliases,)
    ) as pool:
        pending: dict[Future, list[tuple[str, str, str, int]]] = {}
        queue = iter(todo)
        sent = 0

        def submit() -> bool:
            nonlocal sent
            items = list(islice(queue, CHUNK_FILES if sent >= CHUNK_AFTER else 1))
            if not items:
                return False
            if len(items) == 1:
                pending[pool.submit(_parse, items[0][0])] = items
            else:
                pending[pool.submit(_parse_many, [item[0] for item in items])] = items
            sent += len(items)
            return True

        try:
            while len(pending) < jobs * 4 and submit():  # a bounded number in flight
                pass
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    items = pending.pop(fut)
                    results = fut.result()
                    for item, result in zip(
                        items, results if len(items) > 1 else [results], strict=True
                    ):
                        commit(item, result)
                    submit()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
