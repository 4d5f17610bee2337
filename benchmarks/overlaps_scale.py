#!/usr/bin/env python3
"""How ``find_overlaps`` scales: synthetic Vietnamese tasks with planted duplicates.

Generates ``--n`` tasks (default 200,000) spread over documents of ~40 tasks each, built
from directive phrasing (verbs, objects, purposes, places, as in the Đồng Tháp plans), and
plants in them:

* **paraphrased duplicates**: a task repeated in 1-3 other documents, rewritten the way
  documents rewrite: clauses in another order, ``bảo đảm``/``đảm bảo``, abbreviations
  (``KH&CN``, ``CĐS``, ``CSDL``, ``TTHC``, ``UBND`` …), the other tone-mark style
  (``hoá``/``hóa``, ``Uỷ``/``Ủy``), decomposed Unicode (NFD), other capitals, a list
  marker, a lead (``Sở … chủ trì, phối hợp …``) and a deadline (``; hoàn thành trong tháng
  9/2025``) added; some copies get another lead or deadline (conflicts);
* **distractors**: for each planted task, tasks in other documents sharing one of its
  clauses or its purpose but doing other work (should *not* be grouped).

It builds a :class:`LineageGraph` from ``TaskNode``/``DocumentNode`` objects directly, runs
``find_overlaps`` and prints the time of each phase, peak memory (``ru_maxrss``), candidate
pairs against ``N·(N-1)/2``, and pair-level recall and precision of the planted duplicates
(a reported pair is a pair of tasks from different documents in one group). With
``--exhaustive`` (small N only) it also scores every pair to check that candidate
generation loses no pair at or above the threshold.

Examples:

    python benchmarks/overlaps_scale.py --n 20000
    python benchmarks/overlaps_scale.py --n 200000 --json overlaps_200k.json
    python benchmarks/overlaps_scale.py --n 3000 --exhaustive
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import unicodedata
from datetime import date
from typing import Any

from policy_lineage.queries import textsim
from policy_lineage.queries.overlaps import DEFAULT_MIN_SCORE, find_overlaps
from policy_lineage.schema.graph_model import DocumentNode, LineageGraph, TaskNode

VERBS = (
    "rà soát", "xây dựng", "nâng cấp", "hoàn thiện", "đánh giá", "kiểm tra", "hướng dẫn",
    "số hóa", "kết nối", "chia sẻ", "ban hành", "cập nhật", "vận hành", "giám sát", "thí điểm",
    "nhân rộng", "tuyên truyền về", "đầu tư", "mua sắm", "chuẩn hóa", "tích hợp", "thẩm định",
    "công bố", "khảo sát", "tập huấn về", "bảo trì", "sao lưu", "phổ biến", "hỗ trợ", "thống kê",
    "tổng hợp", "đặt hàng", "nghiên cứu", "di dời", "thay thế", "kiểm kê", "mở rộng",
    "tái cấu trúc", "đồng bộ hóa", "làm sạch",
)  # fmt: skip
HEADS = (
    "hạ tầng số", "cơ sở dữ liệu", "hệ thống thông tin", "nền tảng số", "phần mềm quản lý",
    "trung tâm dữ liệu", "mạng truyền số liệu chuyên dùng", "cổng thông tin điện tử",
    "dịch vụ công trực tuyến", "thủ tục hành chính", "hồ sơ công việc", "chữ ký số",
    "camera giám sát", "kho dữ liệu", "bản đồ số", "quy trình nội bộ", "bộ chỉ số đánh giá",
    "chương trình đào tạo", "đội ngũ chuyên gia", "quỹ hỗ trợ", "sàn giao dịch công nghệ",
    "mô hình thí điểm", "trạm quan trắc", "thiết bị đầu cuối", "giải pháp bảo mật",
    "hệ thống họp trực tuyến", "kho lưu trữ", "ứng dụng di động", "danh mục dữ liệu mở",
    "bộ tiêu chuẩn kỹ thuật", "hệ thống quản lý văn bản", "cơ chế phối hợp", "quy chế vận hành",
    "bộ thủ tục", "hệ thống truy xuất nguồn gốc", "nền tảng thanh toán không dùng tiền mặt",
    "hệ thống cảnh báo sớm", "tổng đài hỗ trợ", "hệ thống hóa đơn điện tử",
    "mạng lưới cộng tác viên", "chuỗi cung ứng", "kế hoạch ứng phó", "bộ dữ liệu chuyên ngành",
    "hệ thống định danh", "thư viện số", "bảo tàng số", "sổ tay hướng dẫn", "mạng cáp quang",
    "trạm phát sóng", "điểm truy cập internet công cộng",
)  # fmt: skip
DOMAINS = (
    "đất đai", "y tế", "giáo dục", "nông nghiệp", "du lịch", "giao thông", "tài nguyên nước",
    "hộ tịch", "bảo hiểm xã hội", "thuế", "xây dựng", "công thương", "lao động", "văn hóa",
    "thể thao", "môi trường", "thủy sản", "lâm nghiệp", "an sinh xã hội", "tư pháp",
    "khoa học và công nghệ", "nội vụ", "tài chính", "ngân sách", "đầu tư công", "quy hoạch",
    "đô thị", "nhà ở", "điện lực", "cấp nước", "phòng cháy chữa cháy", "cứu hộ",
    "thiên tai", "dân tộc", "tôn giáo", "thanh niên", "trẻ em", "người cao tuổi", "việc làm",
    "đăng ký kinh doanh", "hải quan", "xuất nhập khẩu", "logistics", "năng lượng tái tạo",
    "chăn nuôi", "trồng trọt", "thú y", "khuyến nông", "kiểm lâm", "khí tượng thủy văn",
    "đê điều", "thủy lợi", "phòng chống dịch", "dược phẩm", "an toàn thực phẩm", "dân số",
    "gia đình", "bình đẳng giới", "người khuyết tật", "giảm nghèo", "nông thôn mới",
    "thương mại điện tử", "báo chí", "xuất bản", "phát thanh truyền hình", "ngoại vụ",
    "thi đua khen thưởng", "tiếp công dân", "khiếu nại tố cáo", "phòng chống tham nhũng",
)  # fmt: skip
PURPOSES = (
    "phục vụ người dân, doanh nghiệp", "để tránh trùng lặp, lãng phí",
    "phù hợp với mô hình chính quyền hai cấp", "bảo đảm an toàn thông tin",
    "đáp ứng yêu cầu chuyển đổi số", "theo hướng dẫn của Bộ Khoa học và Công nghệ",
    "bảo đảm liên thông từ tỉnh đến cấp xã", "nhằm nâng cao chất lượng phục vụ",
    "gắn với cải cách thủ tục hành chính", "bảo đảm công khai, minh bạch",
    "phục vụ chỉ đạo, điều hành của Ủy ban nhân dân tỉnh", "trên cơ sở dữ liệu dùng chung",
    "theo lộ trình của Kế hoạch số 05-KH/TU", "thực hiện Nghị quyết số 57-NQ/TW",
    "gắn với trách nhiệm người đứng đầu", "tiết kiệm, hiệu quả",
    "đáp ứng tiêu chuẩn kỹ thuật của Trung ương", "bảo đảm bí mật nhà nước",
    "ưu tiên các xã vùng sâu, vùng xa", "phục vụ công tác thống kê, báo cáo",
)  # fmt: skip
SYLLABLES = (
    "An", "Bình", "Tân", "Mỹ", "Hòa", "Phú", "Long", "Thạnh", "Hưng", "Lợi", "Phước", "Thới",
    "Hiệp", "Đông", "Tây", "Nam", "Bắc", "Trung", "Vĩnh", "Thuận", "Khánh", "Lộc", "Điền",
    "Hội", "Xuân", "Thành", "Quới", "Sơn", "Kiều", "Nhơn", "Hựu", "Định", "Gia", "Cát",
)  # fmt: skip
LEADS = (
    "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh",
    "Công an tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng", "Sở Công Thương", "Văn phòng Tỉnh ủy", "Sở Văn hóa, Thể thao và Du lịch",
)  # fmt: skip
ABBREVIATIONS = (
    ("khoa học và công nghệ", ("KH&CN", "KHCN")),
    ("chuyển đổi số", ("CĐS",)),
    ("cơ sở dữ liệu", ("CSDL",)),
    ("thủ tục hành chính", ("TTHC",)),
    ("Ủy ban nhân dân", ("UBND",)),
    ("dịch vụ công trực tuyến", ("DVCTT", "DVC trực tuyến")),
    ("an toàn thông tin", ("ATTT",)),
    ("hệ thống thông tin", ("HTTT",)),
)
TONE_OLD = (("hóa", "hoá"), ("Ủy", "Uỷ"), ("ủy", "uỷ"), ("thủy", "thuỷ"), ("Hòa", "Hoà"))


QUALIFIERS = (
    "cấp tỉnh", "cấp xã", "giai đoạn 2026-2030", "năm 2026", "trong khu công nghiệp",
    "cho doanh nghiệp nhỏ và vừa", "tại bộ phận một cửa", "của các trường học",
    "ở các bệnh viện tuyến tỉnh", "cho hợp tác xã", "trên môi trường điện tử",
    "dùng chung toàn tỉnh", "theo chuẩn quốc gia", "cho cán bộ, công chức, viên chức",
    "khu vực biên giới", "vùng đồng bào dân tộc thiểu số", "các cụm công nghiệp",
    "tuyến quốc lộ", "vùng nuôi trồng thủy sản", "các chợ đầu mối",
)  # fmt: skip


def place(rng: random.Random) -> str:
    kind = rng.choice(("xã", "phường", "xã", "đặc khu"))
    return f"{kind} {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def specific(rng: random.Random) -> str:
    """What makes a task itself: a decision, a project, a scheme (a long tail, as in real plans)."""
    roll = rng.random()
    if roll < 0.4:
        return f"theo Quyết định số {rng.randint(1, 5000)}/QĐ-UBND"
    if roll < 0.7:
        return (
            f"thuộc Đề án {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)} số {rng.randint(1, 300)}"
        )
    year = rng.randint(2025, 2028)
    return f"của dự án {rng.choice(HEADS)} {place(rng)} giai đoạn {year}-{year + rng.randint(1, 5)}"


def clause(rng: random.Random) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(HEADS)} {rng.choice(DOMAINS)}"
    return f"{text} {rng.choice(QUALIFIERS)}" if rng.random() < 0.6 else text


def base_task(rng: random.Random) -> list[str]:
    """A task as its parts: two clauses, then specifics, place and purpose (optional)."""
    parts = [clause(rng), clause(rng)]
    if rng.random() < 0.7:
        parts.append(specific(rng))
    if rng.random() < 0.5:
        parts.append(f"tại {place(rng)}")
    parts.append(rng.choice(PURPOSES))
    return parts


def render(parts: list[str]) -> str:
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def paraphrase(parts: list[str], rng: random.Random) -> str:
    """Rewrite a task as another document would."""
    clauses, rest = parts[:2], parts[2:]
    if len(rest) > 1 and rng.random() < 0.2:  # leave out the specifics or the place
        rest.pop(rng.randrange(len(rest) - 1))
    if rng.random() < 0.6:
        clauses = clauses[::-1]
    if rest and rng.random() < 0.4:
        rest = rest[::-1]
    parts = clauses + rest if rng.random() < 0.7 else rest[-1:] + clauses + rest[:-1]
    text = ", ".join(parts)
    if rng.random() < 0.5:
        text = ("Bảo đảm " if rng.random() < 0.5 else "Đảm bảo ") + text
    text = text.replace("bảo đảm", "đảm bảo") if rng.random() < 0.5 else text
    for full, short in ABBREVIATIONS:
        if full in text and rng.random() < 0.7:
            text = text.replace(full, rng.choice(short))
    if rng.random() < 0.5:
        for new, old in TONE_OLD:
            text = text.replace(new, old)
    if rng.random() < 0.3:
        text = text.replace(" tỉnh", " Tỉnh")
    text = text[0].upper() + text[1:]
    if rng.random() < 0.4:
        lead = rng.choice(LEADS)
        text = f"{lead} chủ trì, phối hợp với các cơ quan liên quan {text[0].lower()}{text[1:]}"
    if rng.random() < 0.4:
        text += f"; hoàn thành trong tháng {rng.randint(1, 12)}/{rng.choice((2025, 2026))}"
    if rng.random() < 0.3:
        text = rng.choice(("a) ", "- ", "2.1. ", "+ ")) + text
    text += "."
    if rng.random() < 0.2:
        text = unicodedata.normalize("NFD", text)
    return text


def distractor(parts: list[str], rng: random.Random) -> str:
    """Other work on the same topic: each clause keeps two of verb, object and field."""
    out = []
    for c in parts[:2]:
        verb, head, field = VERBS[0], HEADS[0], DOMAINS[0]
        for v in VERBS:
            if c.startswith(v + " "):
                verb = v
        for h in HEADS:
            if f" {h} " in f" {c} ":
                head = h
        for d in DOMAINS:
            if f" {d}" in c:
                field = d
        which = rng.randrange(3)
        if which == 0:
            verb = rng.choice([v for v in VERBS if v != verb])
        elif which == 1:
            head = rng.choice([h for h in HEADS if h != head])
        else:
            field = rng.choice([d for d in DOMAINS if d != field])
        out.append(f"{verb} {head} {field}")
    if rng.random() < 0.5:
        out.append(specific(rng))
    out.append(parts[-1] if rng.random() < 0.5 else rng.choice(PURPOSES))
    return render(out)


def generate(n: int, seed: int, planted_share: float) -> tuple[LineageGraph, list[list[str]]]:
    """A graph of ``n`` tasks and the planted clusters (task ids, each in its own document)."""
    rng = random.Random(seed)
    n_docs = max(4, n // 40)
    graph = LineageGraph()
    for k in range(n_docs):
        graph.add_document(
            DocumentNode(
                id=f"doc:{k}",
                number=f"{k + 1}/KH-UBND",
                doc_type="Kế hoạch",
                date=date(2025, 1 + k % 12, 1 + k % 28),
                in_corpus=True,
                source=f"synthetic/{k}.txt",
            )
        )
    texts: list[tuple[str, str, list[str], date | None]] = []  # text, doc, lead, deadline
    clusters: list[list[int]] = []
    distractors: set[int] = set()
    planted_bases = int(n * planted_share / 4)  # each base brings ~2 copies and ~1 distractor
    while len(texts) < n:
        parts = base_task(rng)
        lead = [rng.choice(LEADS)] if rng.random() < 0.8 else []
        deadline = date(2025, rng.randint(6, 12), 28) if rng.random() < 0.5 else None
        doc = rng.randrange(n_docs)
        texts.append((render(parts), f"doc:{doc}", lead, deadline))
        if len(clusters) < planted_bases:
            cluster = [len(texts) - 1]
            used = {doc}
            for _ in range(rng.choice((1, 1, 2, 3))):
                other = rng.randrange(n_docs)
                while other in used:
                    other = rng.randrange(n_docs)
                used.add(other)
                c_lead = lead if rng.random() < 0.7 else [rng.choice(LEADS)]
                c_deadline = deadline if rng.random() < 0.7 else date(2026, rng.randint(1, 6), 1)
                texts.append((paraphrase(parts, rng), f"doc:{other}", c_lead, c_deadline))
                cluster.append(len(texts) - 1)
            clusters.append(cluster)
            for _ in range(rng.choice((0, 1, 2))):
                distractors.add(len(texts))
                texts.append((distractor(parts, rng), f"doc:{rng.randrange(n_docs)}", lead, None))
    del texts[n:]
    for i, (text, doc, lead, deadline) in enumerate(texts):
        graph.add_task(
            TaskNode(id=f"task:{i}", text=text, document_id=doc, lead=lead, deadline=deadline)
        )
    planted = [[f"task:{i}" for i in c if i < n] for c in clusters]
    graph.distractors = {f"task:{i}" for i in distractors if i < n}  # type: ignore[attr-defined]
    return graph, [c for c in planted if len(c) > 1]


def cross_pairs(ids: list[str], doc_of: dict[str, str]) -> set[tuple[str, str]]:
    return {
        (a, b) if a < b else (b, a)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if doc_of[a] != doc_of[b]
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def run(args: argparse.Namespace) -> dict[str, Any]:
    t0 = time.perf_counter()
    graph, planted = generate(args.n, args.seed, args.planted)
    gen_seconds = time.perf_counter() - t0
    rss_before = peak_rss_mb()
    stats: dict[str, Any] = {}
    groups = find_overlaps(graph, args.min_score, stats=stats)
    rss_after = peak_rss_mb()

    doc_of = {t.id: t.document_id for t in graph.tasks.values()}
    truth: set[tuple[str, str]] = set()
    for c in planted:
        truth |= cross_pairs(c, doc_of)
    found: set[tuple[str, str]] = set()
    for g in groups:
        found |= cross_pairs(g.tasks, doc_of)
    hit = len(truth & found)
    false = found - truth
    with_distractor = sum(1 for a, b in false if a in graph.distractors or b in graph.distractors)
    kinds: dict[str, int] = {}
    for g in groups:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    result: dict[str, Any] = {
        "n_tasks": args.n,
        "n_documents": len(graph.documents),
        "min_score": args.min_score,
        "seed": args.seed,
        "generate_seconds": round(gen_seconds, 2),
        "profile_seconds": round(stats["profile_seconds"], 2),
        "candidate_seconds": round(stats["candidate_seconds"], 2),
        "scoring_seconds": round(stats["scoring_seconds"], 2),
        "grouping_seconds": round(stats["grouping_seconds"], 2),
        "total_seconds": round(stats["total_seconds"], 2),
        "peak_rss_mb_before": round(rss_before, 1),
        "peak_rss_mb": round(rss_after, 1),
        "unique_texts": stats["unique_texts"],
        "features": stats["features"],
        "candidate_pairs": stats["candidate_pairs"],
        "all_pairs": stats["all_pairs"],
        "candidate_share": stats["candidate_pairs"] / max(1, stats["all_pairs"]),
        "pairs_at_threshold": stats["pairs_at_threshold"],
        "groups": len(groups),
        "groups_by_kind": kinds,
        "planted_clusters": len(planted),
        "planted_pairs": len(truth),
        "reported_pairs": len(found),
        "recall": hit / len(truth) if truth else 1.0,
        "precision": hit / len(found) if found else 1.0,
        "false_pairs": len(false),
        "false_pairs_with_distractor": with_distractor,
    }
    if args.exhaustive:
        result.update(exhaustive(graph, args.min_score, stats["pairs_at_threshold"], found))
    if args.sweep:
        result["sweep"] = []
        for t in args.sweep:
            got: set[tuple[str, str]] = set()
            for g in find_overlaps(graph, t):
                got |= cross_pairs(g.tasks, doc_of)
            hit = len(truth & got)
            result["sweep"].append(
                {
                    "min_score": t,
                    "recall": hit / len(truth) if truth else 1.0,
                    "precision": hit / len(got) if got else 1.0,
                    "reported_pairs": len(got),
                }
            )
    return result


def exhaustive(
    graph: LineageGraph, min_score: float, indexed: int, found: set[tuple[str, str]]
) -> dict[str, Any]:
    """Score every cross-document pair: what the candidate index missed, if anything."""
    tasks = list(graph.tasks.values())
    profiles = [textsim.profile(t.text) for t in tasks]
    t0 = time.perf_counter()
    above: set[tuple[str, str]] = set()
    for i, a in enumerate(tasks):
        for j in range(i + 1, len(tasks)):
            b = tasks[j]
            if (
                a.document_id != b.document_id
                and textsim.score(profiles[i], profiles[j]) >= min_score
            ):
                above.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
    return {
        "exhaustive_seconds": round(time.perf_counter() - t0, 2),
        "exhaustive_pairs_at_threshold": len(above),
        "candidate_recall": len(above & found) / len(above) if above else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200_000, help="number of tasks")
    parser.add_argument("--seed", type=int, default=57)
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument(
        "--planted", type=float, default=0.2, help="share of tasks in planted clusters/distractors"
    )
    parser.add_argument("--exhaustive", action="store_true", help="also score all pairs (small N)")
    parser.add_argument(
        "--sweep",
        type=lambda v: [float(x) for x in v.split(",")],
        metavar="T1,T2,…",
        help="also recall and precision at these thresholds (one more run each)",
    )
    parser.add_argument("--json", metavar="OUT", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.exhaustive and args.n > 10_000:
        parser.error("--exhaustive scores N²/2 pairs: use --n 10000 or less")

    r = run(args)
    print(f"tasks: {r['n_tasks']:,} in {r['n_documents']:,} documents (seed {r['seed']})")
    print(f"generation: {r['generate_seconds']:.2f} s (not part of find_overlaps)")
    print(
        f"find_overlaps: profiles {r['profile_seconds']:.2f} s, candidates "
        f"{r['candidate_seconds']:.2f} s, scoring {r['scoring_seconds']:.2f} s, grouping "
        f"{r['grouping_seconds']:.2f} s, total {r['total_seconds']:.2f} s"
    )
    print(f"peak memory (RSS): {r['peak_rss_mb']:.0f} MB ({r['peak_rss_mb_before']:.0f} MB before)")
    print(
        f"candidate pairs: {r['candidate_pairs']:,} of {r['all_pairs']:,} "
        f"({r['candidate_share']:.2e}); at min score {r['min_score']}: {r['pairs_at_threshold']:,}"
    )
    print(f"groups: {r['groups']:,} {r['groups_by_kind']}")
    print(
        f"planted pairs: {r['planted_pairs']:,} in {r['planted_clusters']:,} clusters; reported "
        f"pairs: {r['reported_pairs']:,}; recall {r['recall']:.4f}, precision {r['precision']:.4f}"
    )
    print(
        f"false pairs: {r['false_pairs']:,}, of which {r['false_pairs_with_distractor']:,} "
        "hold a planted same-topic distractor"
    )
    if "candidate_recall" in r:
        print(
            f"exhaustive: {r['exhaustive_pairs_at_threshold']:,} pairs at the threshold, "
            f"candidate recall {r['candidate_recall']:.4f} ({r['exhaustive_seconds']:.1f} s)"
        )
    for row in r.get("sweep", []):
        print(
            f"  at min score {row['min_score']}: recall {row['recall']:.4f}, precision "
            f"{row['precision']:.4f} ({row['reported_pairs']:,} pairs)"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(r, fh, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
