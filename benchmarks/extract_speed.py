#!/usr/bin/env python3
"""Extraction speed: one process, no store; every file read, then extracted as ingest's
worker does (``extract_source`` → ``extraction_to_dict`` → ``mark_facts``).

    python benchmarks/extract_speed.py examples/dong-thap /path/to/corpus
    python benchmarks/extract_speed.py CORPUS --profile            # top 10 of the profile
    python benchmarks/extract_speed.py CORPUS --baseline-python /work/venvmain/bin/python

Prints files, MB (of text read; the files' own size beside it), seconds and MB/s of text,
reading and extraction apart. Reading is timed once per file; extraction ``--rounds`` times
and the fastest round is kept (the machine is shared: the fastest round is the one least
disturbed). The machine's load (``os.getloadavg()``) is printed beside the figures.

``--baseline-rev REV`` runs this same script on the same files with the code of a git
revision of this checkout (``git archive`` into a temporary folder laid out as the install
lays the package out, first on ``PYTHONPATH``), rounds alternating with this one's, and
prints both figures and their ratio; ``--baseline-python PATH`` does the same with another
interpreter's install (a checkout whose files may be changing under it is a moving
baseline: prefer a revision). Both check that every file's extraction is the same: the
SHA-256 of each extraction's JSON (keys sorted) must match, and the files that differ are
named (their content is never printed). ``--hashes FILE`` writes those hashes.

``--profile`` profiles one extraction round with cProfile and prints the top ``--top``
functions by cumulative and by own time.

Figures go to ``--json`` (default ``benchmarks/results/extract_speed.json``), under the key
``--label`` (default: the folders' names).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _files(paths: list[str]) -> list[str]:
    from policy_lineage.loaders.readers import iter_paths

    return sorted(iter_paths(paths))


def _extract(src: Any) -> dict[str, Any]:
    from policy_lineage.loaders.ocr import mark_facts
    from policy_lineage.loaders.pipeline import extract_source
    from policy_lineage.schema.model_json import extraction_to_dict

    return mark_facts(extraction_to_dict(extract_source(src)), src)


def _digest(data: Any) -> str:
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def measure(
    paths: list[str], rounds: int, profile: bool, top: int, slow: int = 5
) -> dict[str, Any]:
    """Read every file, extract them all ``rounds`` times: figures and each file's hash."""
    from policy_lineage.loaders.readers import read_path
    from policy_lineage.loaders.source import ReadError

    files = _files(paths)
    sources, hashes = [], {}
    file_bytes = text_bytes = 0
    t0 = time.perf_counter()
    for path in files:
        try:
            src = read_path(path)
        except ReadError as exc:
            hashes[path] = "error:" + hashlib.sha256(str(exc).encode()).hexdigest()
            continue
        sources.append(src)
        file_bytes += os.path.getsize(path)
        text_bytes += len(src.text.encode("utf-8"))
    read_seconds = time.perf_counter() - t0
    _extract(sources[0]) if sources else None  # first call's imports and table loading
    times, cpu, per_file = [], [], {}
    for _ in range(rounds):
        elapsed = spent = 0.0
        for src in sources:
            t1, c1 = time.perf_counter(), time.process_time()
            try:
                data: Any = _extract(src)
            except Exception as exc:  # as ingest: a failing file is its message
                data = "failed:" + type(exc).__name__
            took = time.perf_counter() - t1
            spent += time.process_time() - c1
            elapsed += took
            per_file[src.path] = min(took, per_file.get(src.path, took))
            hashes[src.path] = data if isinstance(data, str) else _digest(data)  # not timed
        times.append(elapsed)
        cpu.append(spent)
    slowest = sorted(per_file.items(), key=lambda kv: -kv[1])[:slow]
    out: dict[str, Any] = {
        "files": len(files),
        "file_mb": round(file_bytes / 1e6, 3),
        "text_mb": round(text_bytes / 1e6, 3),
        "read_seconds": round(read_seconds, 3),
        "extract_seconds": round(min(times), 3),
        "extract_rounds": [round(t, 3) for t in times],
        "extract_cpu_seconds": round(min(cpu), 3),
        "extract_mb_per_s": round(text_bytes / 1e6 / min(times), 3) if times else None,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "slowest": [[p, round(t, 3)] for p, t in slowest],
        "hashes": hashes,
    }
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        for src in sources:
            _extract(src)
        prof.disable()
        tops = {}
        for key in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats(key).print_stats(top)
            tops[key] = buf.getvalue()
        out["profile"] = tops
    return out


def _child(python: str, paths: list[str], rounds: int, code: str | None = None) -> dict[str, Any]:
    """This script under another interpreter, which imports its own install (a script's
    folder, not the current one, heads ``sys.path``), or the package laid out in ``code``:
    the same paths, the same sources."""
    cmd = [python, str(HERE / "extract_speed.py"), "--child", "--rounds", str(rounds)]
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = code + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(cmd + paths, capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def _revision(rev: str, into: str) -> str:
    """The package of git revision ``rev`` laid out under ``into`` as the install lays it
    out (``policy_lineage/`` with ``schema``, ``loaders`` … inside); the folder to import from."""
    import tarfile
    import tomllib

    src = Path(into) / "src"
    src.mkdir(parents=True)
    blob = subprocess.run(
        ["git", "archive", "--format=tar", rev], capture_output=True, check=True, cwd=HERE.parent
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(src, filter="data")
    dirs = tomllib.loads((src / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    pkg = Path(into) / "pkg"
    (pkg / "policy_lineage").parent.mkdir(parents=True)
    (pkg / "policy_lineage").symlink_to(src / dirs["policy_lineage"])
    for name, folder in dirs.items():
        if name != "policy_lineage":
            (src / dirs["policy_lineage"] / name.split(".")[-1]).symlink_to(src / folder)
    return str(pkg)


def _line(name: str, r: dict[str, Any]) -> str:
    return (
        f"{name:<9} {r['files']:>6} files  {r['text_mb']:>8.3f} MB text ({r['file_mb']:.3f} MB"
        f" files)  read {r['read_seconds']:>7.3f} s  extract {r['extract_seconds']:>7.3f} s"
        f"  {r['extract_mb_per_s']:>6.3f} MB/s  "
        f"{r['extract_seconds'] / max(r['text_mb'], 1e-9):.3f} s/MB  cpu {r['extract_cpu_seconds']:.3f} s"
        f" ({r['extract_cpu_seconds'] / max(r['text_mb'], 1e-9):.3f} s/MB)  load {r['loadavg']}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="files or folders to extract")
    ap.add_argument("--rounds", type=int, default=1, help="extraction rounds (fastest kept)")
    ap.add_argument("--profile", action="store_true", help="print the top of the profile")
    ap.add_argument("--top", type=int, default=10, help="functions shown by --profile")
    ap.add_argument("--baseline-rev", help="git revision of this checkout to compare with")
    ap.add_argument("--baseline-python", help="interpreter of the baseline install")
    ap.add_argument("--hashes", help="write each file's extraction hash to this JSON file")
    ap.add_argument("--json", default=str(HERE / "results" / "extract_speed.json"))
    ap.add_argument("--label", help="key of these figures in --json")
    ap.add_argument("--no-save", action="store_true", help="do not write --json")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        from policy_lineage import loaders

        out = measure(args.paths, args.rounds, False, 0)
        out["code"] = str(Path(loaders.__file__).parent)
        json.dump(out, sys.stdout)
        return 0

    import tempfile

    base_runs, runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        code = _revision(args.baseline_rev, tmp) if args.baseline_rev else None
        python = args.baseline_python or (sys.executable if code else None)
        for _ in range(args.rounds):  # alternate, so both see the same machine
            if python:
                base_runs.append(_child(python, args.paths, 1, code))
            runs.append(_child(sys.executable, args.paths, 1))  # a new process too
    after = min(runs, key=lambda r: r["extract_seconds"])
    after["extract_rounds"] = [r["extract_seconds"] for r in runs]
    after["extract_cpu_seconds"] = min(r["extract_cpu_seconds"] for r in runs)
    print(_line("after" if base_runs else "this", after))
    for path, took in after["slowest"]:
        print(f"  slowest: {took:7.3f} s  {path}")
    result: dict[str, Any] = {
        "date": date.today().isoformat(),
        "paths": args.paths,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}",
        "after": {k: v for k, v in after.items() if k != "hashes"},
    }
    status = 0
    if base_runs:
        before = min(base_runs, key=lambda r: r["extract_seconds"])
        before["extract_rounds"] = [r["extract_seconds"] for r in base_runs]
        before["extract_cpu_seconds"] = min(r["extract_cpu_seconds"] for r in base_runs)
        print(_line("before", before) + f"  ({args.baseline_rev or python}: {before['code']})")
        ratio = before["extract_seconds"] / max(after["extract_seconds"], 1e-9)
        cpu_ratio = before["extract_cpu_seconds"] / max(after["extract_cpu_seconds"], 1e-9)
        differ = sorted(
            p
            for p in set(before["hashes"]) | set(after["hashes"])
            if before["hashes"].get(p) != after["hashes"].get(p)
        )
        print(
            f"extraction {ratio:.2f}x faster ({cpu_ratio:.2f}x in CPU time); "
            f"{len(after['hashes']) - len(differ)} files identical, {len(differ)} differ"
        )
        for p in differ:
            print("  differs:", p)
        result["before"] = {k: v for k, v in before.items() if k != "hashes"}
        result["speedup"] = round(ratio, 2)
        result["speedup_cpu"] = round(cpu_ratio, 2)
        result["identical_files"] = len(after["hashes"]) - len(differ)
        result["differing_files"] = differ
        status = 1 if differ else 0
    if args.profile:
        prof = measure(args.paths, 1, True, args.top)["profile"]
        for key, text in prof.items():
            print(f"--- profile, sorted by {key} ---")
            print(text)
    if args.hashes:
        Path(args.hashes).write_text(json.dumps(after["hashes"], indent=1, sort_keys=True))
    if not args.no_save:
        path = Path(args.json)
        saved = json.loads(path.read_text()) if path.exists() else {}
        label = args.label or "+".join(Path(p).name for p in args.paths)
        saved[label] = result
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, indent=2, ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
