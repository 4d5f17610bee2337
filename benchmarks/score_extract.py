#!/usr/bin/env python3
"""Score ``policy-lineage extract`` against hand-made truth files.

The held-out set (``benchmarks/heldout/``) holds documents and, for each document ``X.ext``,
a truth file ``X.truth.json`` in the format of ``shared/contract/EXTRACT.md``, written by a
person reading the document. This script runs the extractor on those documents, matches each
output object to its truth by file name and prints per-document and overall figures:

* reference numbers: precision and recall (numbers compared after normalization: NFC, no
  spaces, upper case, Cyrillic look-alikes folded, Ð -> Đ; numberless references are counted
  but not scored);
* relations: accuracy over the reference numbers found on both sides;
* document metadata: accuracy over number, doc_type, issuer, date, is_draft, signer, title;
* tasks: precision and recall after one-to-one matching by text similarity (token-set
  Jaccard >= 0.5, greedy best first), then over matched tasks: lead (exact set), lead
  Jaccard, cooperating Jaccard, deadline and recurring accuracy.

It is a measurement, not a test: it exits 0 whatever the figures, and 2 only when the
extractor could not be run or printed something that is not JSON Lines.

Examples:

    python benchmarks/score_extract.py
    python benchmarks/score_extract.py --dir benchmarks/heldout --cmd "policy-lineage extract"
    python benchmarks/score_extract.py --json scores.json
    python benchmarks/score_extract.py --self-test      # checks the scorer and the truth files
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "heldout"

TARGETS = {
    "references_precision": 0.95,
    "references_recall": 0.95,
    "relations_accuracy": 0.90,
    "metadata_accuracy": 0.90,
    "task_lead_accuracy": 0.85,
    "task_recall": 0.85,
    "task_deadline_accuracy": 0.85,
}

META_FIELDS = ("number", "doc_type", "issuer", "date", "is_draft", "signer", "title")
RELATIONS = ("implements", "based_on", "supersedes", "amends", "cites")
DOC_TYPES = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Thông báo", "Công văn", "Chương trình",
    "Đề án", "Báo cáo", "Quy chế", "Hướng dẫn", "Nghị định", "Thông tư", "Tờ trình",
    "Quy định", "Công điện", "Kết luận", "Thông tri", "Luật",
)  # fmt: skip
LEVELS = ("central-party", "central", "provincial", "provincial-party", "commune")
TASK_MATCH_THRESHOLD = 0.5
TITLE_THRESHOLD = 0.8

# --------------------------------------------------------------------------- normalization

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_LOOKALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
        "Р": "P", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
        "а": "a", "в": "b", "с": "c", "е": "e", "н": "h", "к": "k", "м": "m", "о": "o",
        "р": "p", "т": "t", "х": "x", "у": "y", "і": "i", "ј": "j", "ѕ": "s",
        "Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ",
    }
)  # fmt: skip


def unify_tones(text: str) -> str:
    """One tone-mark placement per syllable: the tone moves to the end of its word.

    ``Uỷ``/``Ủy``, ``hoá``/``hóa`` then compare equal; the result is only a matching key.
    """
    out = []
    for word in re.split(r"([^\w\u0300-\u036f]+)", unicodedata.normalize("NFD", text)):
        tones = [c for c in word if c in _TONES]
        if tones:
            word = "".join(c for c in word if c not in _TONES) + tones[-1]
        out.append(word)
    return unicodedata.normalize("NFC", "".join(out))


def norm_text(value) -> str:
    """NFC, one tone style, case folded, whitespace collapsed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_LOOKALIKES)
    return " ".join(unify_tones(text).casefold().split())


def norm_number(value) -> str | None:
    """A document number as a matching key: no spaces, upper case, look-alikes folded."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).translate(_LOOKALIKES)
    text = re.sub(r"\s+", "", text).upper()
    return text or None


def tokens(value) -> set[str]:
    return set(re.findall(r"\w+", norm_text(value)))


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


_TITLE_PREFIX = re.compile(
    r"^(v/v|về việc|kế hoạch|chương trình hành động|chương trình|công văn|quyết định|"
    r"nghị quyết|thông báo|báo cáo|đề án|hướng dẫn|chỉ thị|tờ trình)\b[\s:.-]*"
)


def title_tokens(value) -> set[str]:
    text = norm_text(value)
    for _ in range(2):
        text = _TITLE_PREFIX.sub("", text)
    return set(re.findall(r"\w+", text))


def norm_agency(name, places) -> str:
    """Agency key: normalized text, the document's own place names dropped at the end.

    ``places`` are the province (and, for commune documents, the commune) the document
    belongs to: inside a Nghệ An document "Ủy ban nhân dân tỉnh Nghệ An" and "Ủy ban nhân
    dân tỉnh" are one body.
    """
    text = norm_text(name).strip(" .,;:")
    if isinstance(places, str):
        places = [places]
    for place in places or []:
        key = norm_text(place)
        if key and text.endswith(" " + key):
            text = text[: -len(key) - 1].rstrip()
    return text


def agency_set(names, places) -> set[str]:
    return {norm_agency(n, places) for n in (names or []) if norm_text(n)}


# --------------------------------------------------------------------------- scoring


class Counter:
    """Numerator/denominator pairs, summed over documents (micro averages)."""

    def __init__(self) -> None:
        self.num: dict[str, float] = {}
        self.den: dict[str, float] = {}

    def add(self, key: str, num: float, den: float) -> None:
        self.num[key] = self.num.get(key, 0.0) + num
        self.den[key] = self.den.get(key, 0.0) + den

    def merge(self, other: Counter) -> None:
        for k in other.den:
            self.add(k, other.num[k], other.den[k])

    def ratio(self, key: str) -> float | None:
        den = self.den.get(key, 0.0)
        return None if den == 0 else self.num[key] / den


def _meta_equal(field, exp, got) -> bool:
    if field == "is_draft":
        return bool(exp) == bool(got)
    if exp is None or got is None or (isinstance(exp, str) and not exp.strip()):
        return (exp is None or not str(exp).strip()) and (got is None or not str(got).strip())
    if field == "number":
        return norm_number(exp) == norm_number(got)
    if field == "date":
        return str(exp) == str(got)
    if field == "issuer":
        e, g = norm_agency(exp, None), norm_agency(got, None)
        return bool(e and g) and (e == g or e in g or g in e)
    if field == "title":
        return jaccard(title_tokens(exp), title_tokens(got)) >= TITLE_THRESHOLD
    return norm_text(exp) == norm_text(got)


def _refs_by_number(refs) -> dict[str, str]:
    strength = {
        r: i for i, r in enumerate(("cites", "based_on", "implements", "amends", "supersedes"))
    }
    out: dict[str, str] = {}
    for r in refs or []:
        key = norm_number(r.get("number"))
        if not key:
            continue
        rel = r.get("relation")
        if key not in out or strength.get(rel, -1) > strength.get(out[key], -1):
            out[key] = rel
    return out


def match_tasks(truth_tasks, pred_tasks) -> list[tuple[int, int, float]]:
    """Greedy best-first one-to-one matching on token-set Jaccard of the task texts."""
    t_tok = [tokens(t.get("text")) for t in truth_tasks]
    p_tok = [tokens(p.get("text")) for p in pred_tasks]
    pairs = []
    for i, a in enumerate(t_tok):
        for j, b in enumerate(p_tok):
            s = jaccard(a, b)
            if s >= TASK_MATCH_THRESHOLD:
                pairs.append((s, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_t, used_p, out = set(), set(), []
    for s, i, j in pairs:
        if i in used_t or j in used_p:
            continue
        used_t.add(i)
        used_p.add(j)
        out.append((i, j, s))
    return sorted(out)


def score_document(truth: dict, pred: dict | None) -> tuple[Counter, list[str]]:
    """Figures for one document and a list of mismatches (for --verbose)."""
    c = Counter()
    diffs: list[str] = []
    pred = pred or {}
    places = [p for p in (truth.get("province"), truth.get("locality")) if p]

    # metadata
    tdoc, pdoc = truth.get("document") or {}, pred.get("document") or {}
    for f in META_FIELDS:
        ok = _meta_equal(f, tdoc.get(f), pdoc.get(f))
        c.add("metadata", ok, 1)
        c.add(f"metadata.{f}", ok, 1)
        if not ok:
            diffs.append(f"document.{f}: expected {tdoc.get(f)!r}, got {pdoc.get(f)!r}")

    # references
    tref, pref = _refs_by_number(truth.get("references")), _refs_by_number(pred.get("references"))
    both = set(tref) & set(pref)
    c.add("references_precision", len(both), len(pref))
    c.add("references_recall", len(both), len(tref))
    for k in sorted(set(tref) - set(pref)):
        diffs.append(f"reference missing: {k} ({tref[k]})")
    for k in sorted(set(pref) - set(tref)):
        diffs.append(f"reference extra: {k} ({pref[k]})")
    for k in sorted(both):
        ok = tref[k] == pref[k]
        c.add("relations_accuracy", ok, 1)
        if not ok:
            diffs.append(f"relation of {k}: expected {tref[k]}, got {pref[k]}")
    c.add("references_numberless_truth", 0, 0)
    n_t = sum(1 for r in truth.get("references") or [] if not norm_number(r.get("number")))
    n_p = sum(1 for r in pred.get("references") or [] if not norm_number(r.get("number")))
    c.add("numberless_truth", n_t, 0)
    c.add("numberless_predicted", n_p, 0)

    # tasks
    ttasks, ptasks = truth.get("tasks") or [], pred.get("tasks") or []
    matches = match_tasks(ttasks, ptasks)
    complete = truth.get("tasks_complete", True) is not False
    total = truth.get("tasks_total", len(ttasks))
    if complete:  # precision needs every task listed; a sampled list gives recall only
        c.add("task_precision", len(matches), len(ptasks))
    c.add("task_recall", len(matches), len(ttasks))
    if total or ptasks:  # how close the number of tasks found is to the number in the document
        c.add("task_count_ratio", min(total, len(ptasks)), max(total, len(ptasks)))
    c.add("tasks_total", total, 0)
    matched_t = {i for i, _, _ in matches}
    matched_p = {j for _, j, _ in matches}
    for i, t in enumerate(ttasks):
        if i not in matched_t:
            diffs.append(f"task missing: {t.get('text', '')[:90]!r}")
    for j, p in enumerate(ptasks):
        if complete and j not in matched_p:
            diffs.append(f"task extra: {str(p.get('text', ''))[:90]!r}")
    for i, j, sim in matches:
        t, p = ttasks[i], ptasks[j]
        tl, pl = agency_set(t.get("lead"), places), agency_set(p.get("lead"), places)
        tc, pc = (
            agency_set(t.get("cooperating"), places),
            agency_set(p.get("cooperating"), places),
        )
        lead_ok = tl == pl
        c.add("task_lead_accuracy", lead_ok, 1)
        c.add("task_lead_jaccard", jaccard(tl, pl), 1)
        c.add("task_cooperating_jaccard", jaccard(tc, pc), 1)
        dl_ok = (t.get("deadline") or None) == (p.get("deadline") or None)
        c.add("task_deadline_accuracy", dl_ok, 1)
        rec_ok = bool(t.get("recurring")) == bool(p.get("recurring"))
        c.add("task_recurring_accuracy", rec_ok, 1)
        head = f"task {t.get('text', '')[:60]!r} (match {sim:.2f})"
        if not lead_ok:
            diffs.append(f"{head}: lead expected {sorted(tl)}, got {sorted(pl)}")
        if tc != pc:
            diffs.append(f"{head}: cooperating expected {sorted(tc)}, got {sorted(pc)}")
        if not dl_ok:
            diffs.append(f"{head}: deadline expected {t.get('deadline')}, got {p.get('deadline')}")
        if not rec_ok:
            diffs.append(
                f"{head}: recurring expected {t.get('recurring')}, got {p.get('recurring')}"
            )
    return c, diffs


def score_all(truths: dict[str, dict], preds: dict[str, dict]) -> dict:
    """Per-document and overall figures. ``truths``/``preds`` are keyed by file name."""
    total = Counter()
    per_doc = {}
    by_kind: dict[str, Counter] = {}
    for name in sorted(truths):
        pred = preds.get(name)
        c, diffs = score_document(truths[name], pred)
        total.merge(c)
        for kind in _kinds(truths[name]):
            by_kind.setdefault(kind, Counter()).merge(c)
        per_doc[name] = {
            "figures": _figures(c),
            "counts": {
                "references_truth": int(c.den.get("references_recall", 0)),
                "references_predicted": int(c.den.get("references_precision", 0)),
                "tasks_truth": int(c.den.get("task_recall", 0)),
                "tasks_predicted": int(c.den.get("task_precision", 0)),
            },
            "error": (pred or {}).get("error") if pred is not None else "no output for this file",
            "mismatches": diffs,
        }
    overall = _figures(total)
    return {
        "overall": overall,
        "by_kind": {k: _figures(c) for k, c in sorted(by_kind.items())},
        "counts": {
            "documents": len(truths),
            "references_truth": int(total.den.get("references_recall", 0)),
            "references_predicted": int(total.den.get("references_precision", 0)),
            "numberless_references_truth": int(total.num.get("numberless_truth", 0)),
            "numberless_references_predicted": int(total.num.get("numberless_predicted", 0)),
            "tasks_truth": int(total.den.get("task_recall", 0)),
            "tasks_in_documents": int(total.num.get("tasks_total", 0)),
            "tasks_predicted": sum(len((p or {}).get("tasks") or []) for p in preds.values()),
            "tasks_matched": int(total.num.get("task_recall", 0)),
        },
        "targets": TARGETS,
        "documents": per_doc,
    }


def _kinds(truth: dict) -> list[str]:
    """The groups a document is reported in: its level and its type."""
    out = []
    if truth.get("level"):
        out.append(f"level: {truth['level']}")
    doc_type = (truth.get("document") or {}).get("doc_type")
    if doc_type:
        out.append(f"type: {doc_type}")
    return out


def _figures(c: Counter) -> dict[str, float | None]:
    keys = [
        "references_precision", "references_recall", "relations_accuracy", "metadata_accuracy",
        *[f"metadata.{f}" for f in META_FIELDS],
        "task_precision", "task_recall", "task_count_ratio", "task_lead_accuracy",
        "task_lead_jaccard",
        "task_cooperating_jaccard", "task_deadline_accuracy", "task_recurring_accuracy",
    ]  # fmt: skip
    out = {}
    for k in keys:
        src = "metadata" if k == "metadata_accuracy" else k
        out[k] = c.ratio(src)
    return out


# --------------------------------------------------------------------------- I/O


def load_truths(directory: Path) -> dict[str, dict]:
    truths = {}
    for path in sorted(directory.glob("*.truth.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truths[Path(data["source"]).name] = data
    return truths


def ensure_documents(directory: Path, truths: dict[str, dict]) -> list[Path]:
    """Paths of the documents; builds missing .docx/.pdf with make_binary.py."""
    paths = [directory / name for name in truths]
    missing = [p for p in paths if not p.exists()]
    maker = directory / "make_binary.py"
    if missing and maker.exists() and all(p.suffix in (".docx", ".pdf") for p in missing):
        subprocess.run([sys.executable, str(maker)], check=False)
    still = [p for p in paths if not p.exists()]
    if still:
        raise SystemExit(f"score_extract: documents missing: {', '.join(p.name for p in still)}")
    return paths


def run_extractor(cmd: str, paths: list[Path]) -> dict[str, dict]:
    argv = shlex.split(cmd) + [str(p) for p in paths] + ["--format", "json"]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8")
    except OSError as exc:
        print(f"score_extract: cannot run {argv[0]!r}: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    if proc.returncode not in (0, 1):
        print(f"score_extract: extractor exited {proc.returncode}\n{proc.stderr[-2000:]}",
              file=sys.stderr)  # fmt: skip
        raise SystemExit(2)
    preds: dict[str, dict] = {}
    for n, line in enumerate(proc.stdout.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"score_extract: output line {n} is not JSON: {line[:120]!r}", file=sys.stderr)
            raise SystemExit(2) from exc
        preds[Path(str(obj.get("source", ""))).name] = obj
    if not preds:
        print(f"score_extract: extractor printed nothing\n{proc.stderr[-2000:]}", file=sys.stderr)
        raise SystemExit(2)
    return preds


def _fmt(v) -> str:
    return "  -  " if v is None else f"{v:5.2f}"


def print_report(result: dict, verbose: bool) -> None:
    cols = [
        ("refP", "references_precision"), ("refR", "references_recall"),
        ("rel", "relations_accuracy"), ("meta", "metadata_accuracy"),
        ("taskP", "task_precision"), ("taskR", "task_recall"), ("lead", "task_lead_accuracy"),
        ("coop", "task_cooperating_jaccard"), ("dline", "task_deadline_accuracy"),
        ("recur", "task_recurring_accuracy"),
    ]  # fmt: skip
    width = max([len(n) for n in result["documents"]] + [8])
    print(f"{'document':<{width}}  " + " ".join(f"{h:>5}" for h, _ in cols))
    for name, d in result["documents"].items():
        fig = d["figures"]
        line = f"{name:<{width}}  " + " ".join(_fmt(fig[k]) for _, k in cols)
        if d.get("error"):
            line += f"   ERROR: {d['error']}"
        print(line)
        if verbose:
            for m in d["mismatches"]:
                print(f"    {m}")
    print("-" * (width + 2 + 6 * len(cols)))
    ov = result["overall"]
    print(f"{'overall':<{width}}  " + " ".join(_fmt(ov[k]) for _, k in cols))
    for kind, fig in result.get("by_kind", {}).items():
        print(f"{kind:<{width}}  " + " ".join(_fmt(fig[k]) for _, k in cols))
    cnt = result["counts"]
    print(
        f"\n{cnt['documents']} documents; references {cnt['references_predicted']} predicted / "
        f"{cnt['references_truth']} in truth (numberless: {cnt['numberless_references_predicted']}"
        f" / {cnt['numberless_references_truth']}, not scored); tasks "
        f"{cnt['tasks_predicted']} predicted / {cnt['tasks_truth']} in truth "
        f"(of {cnt['tasks_in_documents']} in the documents), "
        f"{cnt['tasks_matched']} matched."
    )
    print("\nfigure                      value   target")
    rows = [
        ("references precision", "references_precision"),
        ("references recall", "references_recall"),
        ("relations accuracy", "relations_accuracy"),
        ("metadata accuracy", "metadata_accuracy"),
        *[(f"  metadata.{f}", f"metadata.{f}") for f in META_FIELDS],
        ("task precision", "task_precision"),
        ("task recall (tasks found)", "task_recall"),
        ("task count ratio", "task_count_ratio"),
        ("task lead accuracy (exact)", "task_lead_accuracy"),
        ("task lead Jaccard", "task_lead_jaccard"),
        ("task cooperating Jaccard", "task_cooperating_jaccard"),
        ("task deadline accuracy", "task_deadline_accuracy"),
        ("task recurring accuracy", "task_recurring_accuracy"),
    ]
    for label, key in rows:
        target = TARGETS.get(key)
        v = ov.get(key)
        mark = ""
        if target is not None and v is not None:
            mark = "  ok" if v >= target else "  below"
        tgt = f"≥ {target:.2f}" if target is not None else ""
        shown = "  -  " if v is None else f"{v:5.3f}"
        print(f"{label:<27} {shown}  {tgt}{mark}")


# --------------------------------------------------------------------------- self-test

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_truth_file(name: str, truth: dict, directory: Path) -> list[str]:
    """Shape of a truth file, and its facts checked against the document's text."""
    errs = []
    for key in ("source", "document", "references", "tasks"):
        if key not in truth:
            errs.append(f"{name}: missing key {key}")
    doc = truth.get("document", {})
    for f in META_FIELDS:
        if f not in doc:
            errs.append(f"{name}: document.{f} missing")
    if doc.get("doc_type") not in DOC_TYPES:
        errs.append(f"{name}: doc_type {doc.get('doc_type')!r} not in the contract's list")
    if doc.get("date") is not None and not _DATE.match(doc["date"]):
        errs.append(f"{name}: bad document date {doc['date']!r}")
    if doc.get("is_draft") and (doc.get("number") or doc.get("date")):
        errs.append(f"{name}: a draft with a number or date (check)")
    seen = set()
    for r in truth.get("references", []):
        if r.get("relation") not in RELATIONS:
            errs.append(f"{name}: bad relation {r.get('relation')!r}")
        for k in ("number", "doc_type", "date", "issuer", "relation", "evidence"):
            if k not in r:
                errs.append(f"{name}: reference {r.get('number')} lacks {k}")
        if r.get("date") is not None and not _DATE.match(r["date"]):
            errs.append(f"{name}: reference {r.get('number')} bad date {r['date']!r}")
        if r.get("doc_type") is not None and r["doc_type"] not in DOC_TYPES:
            errs.append(f"{name}: reference {r.get('number')} doc_type {r['doc_type']!r}")
        key = norm_number(r.get("number"))
        if key:
            if key in seen:
                errs.append(f"{name}: reference {r['number']} listed twice")
            seen.add(key)
            if key == norm_number(doc.get("number")):
                errs.append(f"{name}: own number listed as a reference")
    total = truth.get("tasks_total", len(truth.get("tasks", [])))
    if not isinstance(total, int) or total < len(truth.get("tasks", [])):
        errs.append(f"{name}: tasks_total {total!r} is below the number of tasks listed")
    elif truth.get("tasks_complete", True) is not False and total != len(truth.get("tasks", [])):
        errs.append(
            f"{name}: tasks_complete but tasks_total {total} != {len(truth['tasks'])} listed"
        )
    if truth.get("level") is not None and truth["level"] not in LEVELS:
        errs.append(f"{name}: level {truth['level']!r} not one of {LEVELS}")
    for t in truth.get("tasks", []):
        for k in ("text", "lead", "cooperating", "deadline_text", "deadline", "recurring",
                  "deliverable"):  # fmt: skip
            if k not in t:
                errs.append(f"{name}: task {t.get('text', '')[:40]!r} lacks {k}")
        if t.get("deadline") is not None and not _DATE.match(t["deadline"]):
            errs.append(f"{name}: task deadline {t['deadline']!r}")
        if not isinstance(t.get("lead"), list) or not isinstance(t.get("cooperating"), list):
            errs.append(f"{name}: task lead/cooperating must be lists")
    text = document_text(directory / name)
    if text is None:
        return errs
    flat = norm_number(text) or ""
    flat = flat.replace("-", "").replace("\\", "")  # Markdown escapes: "57\\-NQ/TW"
    for r in truth.get("references", []):
        key = norm_number(r.get("number"))
        if key and key.replace("-", "") not in flat:
            errs.append(f"{name}: reference number {r['number']} not found in the document")
    if doc.get("number") and norm_number(doc["number"]).replace("-", "") not in flat:
        errs.append(f"{name}: own number {doc['number']} not found in the document")
    # hard wraps may cut words ("thực hi\nện"): the words of the joined lines count too
    words = tokens(text) | tokens(re.sub(r"\s*\n\s*", "", text)) | tokens(text.replace("*", ""))
    for t in truth.get("tasks", []):
        tt = tokens(t.get("text"))
        if tt and len(tt - words) / len(tt) > 0.05:
            errs.append(f"{name}: task words not in document: {sorted(tt - words)[:8]} "
                        f"in {t['text'][:50]!r}")  # fmt: skip
    return errs


def document_text(path: Path) -> str | None:
    """Plain text of a held-out document, for checking the truth against it."""
    if not path.exists():
        return None
    if path.suffix == ".docx":
        try:
            import docx  # python-docx
        except ImportError:
            return None
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        for section in d.sections:
            parts.extend(p.text for p in section.footer.paragraphs)
        return "\n".join(parts)
    if path.suffix == ".pdf":
        try:
            import pdfplumber
        except ImportError:
            return None
        with pdfplumber.open(str(path)) as pdf:
            return "\n".join((page.extract_text() or "") for page in pdf.pages)
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def perturb(truths: dict[str, dict]) -> dict[str, dict]:
    """A damaged copy of the truth: each kind of figure must drop below 1."""
    preds = copy.deepcopy(truths)
    for i, (_, d) in enumerate(sorted(preds.items())):
        numbered = [r for r in d["references"] if r.get("number")]
        if i % 3 == 0 and numbered:
            d["references"].remove(numbered[0])  # recall
        if i % 3 == 1:
            d["references"].append({"number": "999/XX-YY", "relation": "cites"})  # precision
        if len(numbered) > 1:
            r = numbered[-1]
            r["relation"] = "amends" if r["relation"] != "amends" else "cites"  # relation
        d["document"]["date"] = "1999-01-01"  # metadata
        if d["tasks"]:
            d["tasks"].pop(0)  # task recall
            d["tasks"].append({"text": "Một nhiệm vụ không có trong văn bản gốc này cả"})
        for t in d["tasks"][:2]:
            t["lead"] = ["Cơ quan không tồn tại"]
            t["deadline"] = "1999-12-31"
            t["recurring"] = not t.get("recurring")
            t["cooperating"] = ["Sở Không Có"]
    return preds


def self_test(directory: Path) -> int:
    truths = load_truths(directory)
    if not truths:
        print(f"no *.truth.json in {directory}")
        return 1
    failures = []
    for name, t in truths.items():
        failures += check_truth_file(name, t, directory)
    # normalization properties
    checks = [
        (norm_text("Uỷ ban nhân dân") == norm_text("Ủy ban nhân dân"), "tone style Uỷ/Ủy"),
        (
            norm_text("hoá") == norm_text("hóa") and norm_text("thuỷ") == norm_text("thủy"),
            "hoá/hóa",
        ),
        (norm_text(unicodedata.normalize("NFD", "Nghị quyết")) == norm_text("Nghị quyết"), "NFD"),
        (norm_number("13/2025/TT-B\u0422\u0421") == norm_number("13/2025/TT-BTC"), "Cyrillic"),
        (norm_number("57 - NQ/TW") == norm_number("57-NQ/TW"), "spaces in numbers"),
        (norm_number("05-KH/BC\u00d0") == norm_number("05-KH/BCĐ"), "Ð (U+00D0)"),
        (
            norm_agency("Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An")
            == norm_agency("Uỷ ban nhân dân tỉnh", "Nghệ An"),
            "province suffix",
        ),
        (
            norm_agency("Ủy ban nhân dân xã Mỹ Đức", ["An Giang", "Mỹ Đức"])
            == norm_text("Uỷ ban nhân dân xã"),
            "commune suffix",
        ),
    ]
    failures += [f"normalization: {label}" for ok, label in checks if not ok]
    # truth against itself
    same = score_all(truths, copy.deepcopy(truths))
    for k, v in same["overall"].items():
        if k == "task_count_ratio":  # a sampled task list is shorter than its count
            continue
        if v is not None and abs(v - 1.0) > 1e-9:
            failures.append(f"truth vs truth: {k} = {v}")
    # truth against a damaged copy
    worse = score_all(truths, perturb(truths))["overall"]
    for k in ("references_precision", "references_recall", "relations_accuracy",
              "metadata_accuracy", "task_precision", "task_recall", "task_lead_accuracy",
              "task_cooperating_jaccard", "task_deadline_accuracy",
              "task_recurring_accuracy"):  # fmt: skip
        if worse[k] is None or worse[k] >= 1.0:
            failures.append(f"perturbed copy: {k} = {worse[k]} (should be < 1)")
    # nothing predicted
    empty = score_all(truths, {})["overall"]
    if empty["references_recall"] != 0 or empty["task_recall"] != 0:
        failures.append("empty prediction should score 0 recall")
    n_refs = sum(1 for t in truths.values() for r in t["references"] if r.get("number"))
    n_tasks = sum(len(t["tasks"]) for t in truths.values())
    for f in failures:
        print("FAIL", f)
    print(
        f"self-test: {len(truths)} truth files, {n_refs} numbered references, {n_tasks} tasks; "
        f"{'OK' if not failures else f'{len(failures)} failure(s)'}"
    )
    return 1 if failures else 0


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of documents and truth")
    ap.add_argument("--cmd", default="policy-lineage extract", help="extractor command")
    ap.add_argument("--json", type=Path, help="also write all figures to this file")
    ap.add_argument("--verbose", action="store_true", help="list every mismatch per document")
    ap.add_argument(
        "--self-test",
        action="store_true",
        help="check truth files and the scorer (truth vs truth, vs a damaged copy)",
    )
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test(args.dir)
    truths = load_truths(args.dir)
    if not truths:
        print(f"score_extract: no *.truth.json in {args.dir}", file=sys.stderr)
        return 2
    paths = ensure_documents(args.dir, truths)
    preds = run_extractor(args.cmd, paths)
    result = score_all(truths, preds)
    print_report(result, args.verbose)
    if args.json:
        if not args.verbose:
            for d in result["documents"].values():
                d.pop("mismatches", None)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
