#!/usr/bin/env python3
"""Fuzz the readers and extractors for a while, then the big cases; print figures next to bounds.

The generators are the ones ``tests/robustness`` runs briefly (``tests/robustness/fuzzcases.py``):

* campaign (``--seconds``): the bundled documents mutated as text (edits, lines deleted,
  repeated, joined, NFD, no diacritics, control and zero-width characters, odd spaces…) and
  as bytes in six encodings; the same documents as .docx and .pdf, truncated at random or
  corrupted; random bytes under every suffix. Each case must give an extraction or a
  documented ``ReadError`` within its bound; anything else is a failure, printed with the seed
  that reproduces it (``--seed``).
* big cases, each in a child process whose time and peak memory are measured: a 200 MB text
  file (refused unread as ``file too large``; ``--unlimited`` extracts it anyway, bypassing the
  limit, to show what the limit saves), a 10 MB text file (accepted), a task table of 100,000
  rows as text and as .docx, a 200-page PDF, numbering 200 levels deep, 3,999 Roman sections,
  a chain of 3,000 headings.
* regular expressions: every pattern of ``fuzzcases.REGEX_CASES`` on its attack (a long run of
  what its quantifiers share) of ``--regex-chars`` characters, and each attack as a line in every
  part of a document; ``--old`` also times the forms the fixed patterns had before (on 2,000
  characters: they take minutes on more).

Bounds are generous limits, not targets: the exit code is 1 when a case crashes, gives an
undocumented error or goes past its bound, 0 otherwise.

Examples:

    python benchmarks/fuzz_readers.py                       # 60 s campaign + big cases
    python benchmarks/fuzz_readers.py --seconds 600 --seed 7 --json fuzz.json
    python benchmarks/fuzz_readers.py --seconds 10 --skip-big --old
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

import fuzzcases  # noqa: E402
from fuzzcases import (  # noqa: E402
    DOCUMENTED,
    ENCODINGS,
    check_extraction,
    mutate_bytes,
    mutate_text,
    outcome,
    random_bytes,
    run_bounded,
    time_limit,
)

from policy_lineage.loaders.pipeline import extract_text  # noqa: E402
from policy_lineage.loaders.readers import MAX_TEXT_CHARS  # noqa: E402

CASE_BOUND = 60.0  # seconds for one fuzzed file (they take well under one)
REGEX_BOUND = 2.0  # seconds for one pattern on its attack (the linear ones take ms)
ATTACK_DOC_BOUND = 30.0  # seconds to extract a document holding one attack line
MODES = {"txt": {}, "docx": {"one_line_paragraphs": True}, "pdf": {"wrapped": True}}


# --------------------------------------------------------------------------- campaign


class Campaign:
    def __init__(self, seed: int, workdir: Path) -> None:
        self.rng = random.Random(seed)
        self.workdir = workdir
        self.corpus = fuzzcases.corpus_texts()
        self.names = sorted(self.corpus)
        self.office: dict[str, dict[str, bytes]] = {}
        self.counts: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.failures: list[dict] = []
        self.slowest = (0.0, "")

    def _office(self, name: str, fmt: str) -> bytes | None:
        files = self.office.setdefault(name, {})
        if fmt not in files:
            if fmt == "pdf" and not fuzzcases.FONT.exists():
                return None
            text = self.corpus[name]
            files[fmt] = fuzzcases.docx_bytes(text) if fmt == "docx" else fuzzcases.pdf_bytes(text)
        return files[fmt]

    def _file(self, name: str, data: bytes) -> str:
        path = self.workdir / name
        path.write_bytes(data)
        result, detail = outcome(path)
        if result == "error" and detail not in DOCUMENTED:
            raise AssertionError(f"undocumented error {detail!r}")
        return f"{result}:{detail}"

    def one(self) -> None:
        seed = self.rng.randrange(2**32)
        rng = random.Random(seed)
        kind = rng.choice(["text", "text file", "truncated", "corrupted", "random bytes"])
        name = rng.choice(self.names)
        start = time.perf_counter()
        try:
            with time_limit(CASE_BOUND):
                if kind == "text":
                    mode = rng.choice(sorted(MODES))
                    text, _ = mutate_text(self.corpus[name], rng, rng.randrange(1, 6))
                    check_extraction(extract_text(text, f"{name}.{mode}", **MODES[mode]))
                    result = "ok:text"
                elif kind == "text file":
                    encode = ENCODINGS[rng.choice(sorted(ENCODINGS))]
                    data = mutate_bytes(encode(self.corpus[name]), rng, rng.randrange(0, 8))
                    result = self._file(f"fuzz{rng.choice(['.txt', '.md'])}", data)
                elif kind in ("truncated", "corrupted"):
                    fmt = rng.choice(["docx", "pdf"])
                    data = self._office(name, fmt)
                    if data is None:
                        return
                    if kind == "truncated":
                        data = data[: rng.randrange(len(data))]
                    else:
                        data = mutate_bytes(data, rng, rng.randrange(1, 10))
                    result = self._file(f"fuzz.{fmt}", data)
                else:
                    suffix = rng.choice([".txt", ".md", ".docx", ".pdf", ".doc", ".html"])
                    result = self._file(f"fuzz{suffix}", random_bytes(rng, rng.randrange(20_000)))
        except Exception as exc:  # a crash, an undocumented error, a case past its bound
            self.failures.append(
                {
                    "kind": kind,
                    "document": name,
                    "seed": seed,
                    "error": f"{type(exc).__name__}: {exc}",
                }
            )
            result = "FAILED"
        seconds = time.perf_counter() - start
        self.slowest = max(self.slowest, (seconds, f"{kind} {name} seed {seed}"))
        self.counts[kind] += 1
        self.outcomes[result] += 1

    def run(self, seconds: float) -> dict:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.one()
        return {
            "cases": sum(self.counts.values()),
            "by_kind": dict(self.counts),
            "outcomes": dict(self.outcomes.most_common()),
            "failures": self.failures,
            "slowest_case_s": round(self.slowest[0], 3),
            "slowest_case": self.slowest[1],
            "bound_s": CASE_BOUND,
        }


# --------------------------------------------------------------------------- big cases


def _write_text_file(path: Path, megabytes: float) -> Path:
    """Bundled documents over and over, to ``megabytes`` of UTF-8 (ending on a whole letter)."""
    corpus = "\n".join(fuzzcases.corpus_texts().values()).encode("utf-8")
    target = int(megabytes * 1_000_000)
    with open(path, "wb") as fh:
        for _ in range(target // len(corpus)):
            fh.write(corpus)
        fh.write(corpus[: target % len(corpus)].decode("utf-8", "ignore").encode("utf-8"))
    return path


def _pdf_pages(path: Path, pages: int) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(fuzzcases.FONT)))
    c = canvas.Canvas(str(path))
    for p in range(pages):
        c.setFont("DejaVu", 10)
        for i in range(50):
            c.drawString(
                40,
                800 - 15 * i,
                f"{p + 1}.{i + 1}. Sở Khoa học và Công nghệ chủ trì nhiệm vụ "
                f"số {i + 1}, hoàn thành trong tháng {i % 12 + 1}/2025.",
            )
        c.showPage()
    c.save()
    return path


def _bounded(name: str, args: list[str], timeout: float, memory_mb: int, expect: str) -> dict:
    run = run_bounded(args, timeout=timeout, memory_mb=memory_mb)
    row = {
        "case": name,
        "seconds": round(run.seconds, 2),
        "peak_mb": round(run.answer.get("peak_mb", 0)),
        "bound_s": timeout,
        "bound_mb": memory_mb,
    }
    if run.timed_out:
        row["result"], row["ok"] = f"killed after {timeout} s", False
    elif run.returncode != 0:
        row["result"], row["ok"] = f"crashed (exit {run.returncode}): {run.stderr[-300:]}", False
    else:
        a = run.answer
        row["result"] = f"{a['tasks']} tasks" if "tasks" in a else f"{a['outcome']}: {a['detail']}"
        row["ok"] = expect in row["result"]
    return row


def big_cases(workdir: Path, args) -> list[dict]:
    rows = []
    big = _write_text_file(workdir / "big.txt", args.big_mb)
    rows.append(
        _bounded(
            f"{args.big_mb:g} MB text file", ["extract", str(big)], 120, 2048, "file too large"
        )
    )
    if args.unlimited:  # what the limit saves: the same text extracted without it
        rows.append(
            _bounded(f"{args.big_mb:g} MB text, no limit", ["text", str(big)], 3600, 32768, "tasks")
        )
    big.unlink()
    accepted = _write_text_file(workdir / "accepted.txt", args.accepted_mb)
    rows.append(
        _bounded(f"{args.accepted_mb:g} MB text file", ["extract", str(accepted)], 600, 4096, "ok")
    )
    accepted.unlink()
    table = workdir / "table.txt"
    table.write_text(fuzzcases.big_table_text(args.table_rows), "utf-8")
    rows.append(
        _bounded(f"{args.table_rows:,}-row table, text", ["extract", str(table)], 600, 4096, "ok")
    )
    table.with_suffix(".docx").write_bytes(fuzzcases.big_table_docx(args.table_rows))
    rows.append(
        _bounded(
            f"{args.table_rows:,}-row table, .docx",
            ["extract", str(table.with_suffix(".docx"))],
            600,
            8192,
            "ok",
        )
    )
    if fuzzcases.FONT.exists():
        pdf = _pdf_pages(workdir / "pages.pdf", args.pdf_pages)
        rows.append(_bounded(f"{args.pdf_pages}-page PDF", ["extract", str(pdf)], 600, 4096, "ok"))
    structures = {
        "numbering 200 levels deep": fuzzcases.nested_numbering(200),
        "a) - + • nested 2,000 times": fuzzcases.nested_letters(2000),
        "3,999 Roman sections": fuzzcases.roman_sections(3999),
        "3,000 headings each under the last": fuzzcases.HEAD
        + "\n".join(f"Các sở thực hiện nội dung {i} như sau:" for i in range(3000))
        + "\n- Giao Sở Tài chính hoàn thành trước 31/12/2025.\n",
    }
    for name, text in structures.items():
        path = workdir / "structure.txt"
        path.write_text(text, "utf-8")
        rows.append(_bounded(name, ["text", str(path)], CASE_BOUND, 2048, "tasks"))
    return rows


# --------------------------------------------------------------------------- regexes


def regex_rows(n: int, old: bool) -> list[dict]:
    new = run_bounded(["regex", str(n), str(REGEX_BOUND)], timeout=600, memory_mb=4096)
    docs = run_bounded(["attack-docs", str(n // 5), str(ATTACK_DOC_BOUND)], timeout=1800)
    before = {}
    if old:
        before = run_bounded(["regex-old", "2000", "60"], timeout=3600).answer.get("times", {})
    rows = []
    for case in fuzzcases.REGEX_CASES:
        t = new.answer.get("times", {}).get(case.name)
        d = docs.answer.get("times", {}).get(case.name)
        row = {
            "pattern": case.name,
            "seconds": t,
            "document_seconds": d,
            "ok": t is not None and t >= 0 and d is not None and d >= 0,
        }
        if case.name in before:
            row["old_seconds_2000_chars"] = before[case.name]
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- report


def _fmt_s(t: float | None) -> str:
    if t is None:
        return "-"
    return "PAST BOUND" if t < 0 else f"{t:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60, help="length of the fuzzing campaign")
    ap.add_argument("--seed", type=int, default=0, help="seed of the campaign")
    ap.add_argument("--json", metavar="OUT", help="write every figure to this JSON file")
    ap.add_argument("--big-mb", type=float, default=200, help="size of the big text file")
    ap.add_argument("--accepted-mb", type=float, default=10, help="a text file under the limit")
    ap.add_argument("--table-rows", type=int, default=100_000)
    ap.add_argument("--pdf-pages", type=int, default=200)
    ap.add_argument("--regex-chars", type=int, default=100_000, help="length of each attack")
    ap.add_argument("--old", action="store_true", help="also time the patterns before the fix")
    ap.add_argument("--unlimited", action="store_true", help="extract the big file regardless")
    ap.add_argument("--skip-big", action="store_true", help="only the campaign and the regexes")
    args = ap.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on damaged PDFs

    report: dict = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "seed": args.seed,
        "max_text_chars": MAX_TEXT_CHARS,
    }
    ok = True
    with tempfile.TemporaryDirectory(prefix="fuzz-readers-") as tmp:
        workdir = Path(tmp)
        print(f"campaign: {args.seconds:g} s, seed {args.seed}", flush=True)
        campaign = Campaign(args.seed, workdir).run(args.seconds)
        report["campaign"] = campaign
        print(f"  {campaign['cases']} cases {campaign['by_kind']}")
        print(f"  outcomes {campaign['outcomes']}")
        print(
            f"  slowest {campaign['slowest_case_s']} s (bound {CASE_BOUND:g} s): "
            f"{campaign['slowest_case']}"
        )
        for f in campaign["failures"]:
            print(f"  FAILED {f['kind']} {f['document']} seed {f['seed']}: {f['error']}")
        ok &= not campaign["failures"]

        if not args.skip_big:
            print("\nbig cases (each in a child process)", flush=True)
            print(f"  {'case':38} {'result':34} {'s':>8} {'bound':>6} {'peak MB':>8} {'bound':>6}")
            rows = []
            for row in big_cases(workdir, args):
                rows.append(row)
                mark = "" if row["ok"] else "  <-- FAILED"
                print(
                    f"  {row['case']:38} {row['result'][:34]:34} {row['seconds']:8.2f} "
                    f"{row['bound_s']:6g} {row['peak_mb']:8} {row['bound_mb']:6}{mark}",
                    flush=True,
                )
            report["big"] = rows
            ok &= all(r["ok"] for r in rows)

        print(
            f"\nregular expressions: attack of {args.regex_chars:,} characters (bound "
            f"{REGEX_BOUND:g} s); as a line of {args.regex_chars // 5:,} in a document, worst "
            f"part and reader (bound {ATTACK_DOC_BOUND:g} s)",
            flush=True,
        )
        rows = regex_rows(args.regex_chars, args.old)
        head = f"  {'pattern':32} {'seconds':>10} {'in a doc':>10}"
        print(head + (f" {'before, 2,000 chars':>20}" if args.old else ""))
        for row in rows:
            line = f"  {row['pattern']:32} {_fmt_s(row['seconds']):>10} "
            line += f"{_fmt_s(row['document_seconds']):>10}"
            if "old_seconds_2000_chars" in row:
                line += f" {_fmt_s(row['old_seconds_2000_chars']):>20}"
            print(line + ("" if row["ok"] else "  <-- FAILED"))
        report["regex"] = rows
        ok &= all(r["ok"] for r in rows)

    report["peak_mb_this_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    report["ok"] = ok
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    print("\nall cases within their bounds" if ok else "\nSOME CASES FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
