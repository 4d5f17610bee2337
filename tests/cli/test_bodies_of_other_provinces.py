"""A central document naming the same department of several provinces ("Sở Xây dựng tỉnh Gia
Lai, tỉnh Đắk Lắk và tỉnh Lâm Đồng …"): three bodies in the graph, each shown with its place.

The telegram below was written for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policy_lineage.cli import main

TELEGRAM = """BỘ XÂY DỰNG

Số: 96/CĐ-BXD

Hà Nội, ngày 5 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc ứng phó mưa lũ

Kính gửi: Ủy ban nhân dân các tỉnh.

1. Sở Xây dựng tỉnh Gia Lai, tỉnh Đắk Lắk và tỉnh Lâm Đồng kiểm tra các tuyến đường, hoàn \
thành trước ngày 30/11/2025.

Nơi nhận:
- Như trên;

BỘ TRƯỞNG

Nguyễn Văn A
"""

PLACED = ["Sở Xây dựng tỉnh Gia Lai", "Sở Xây dựng tỉnh Đắk Lắk", "Sở Xây dựng tỉnh Lâm Đồng"]


def _built(tmp_path: Path) -> str:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cd.txt").write_text(TELEGRAM, encoding="utf-8")
    store = str(tmp_path / "g.db")
    result = CliRunner().invoke(main, ["build", str(folder), "--store", store])
    assert result.exit_code == 0, result.output
    return store


def test_tasks_show_each_provinces_department_with_its_place(tmp_path: Path) -> None:
    store = _built(tmp_path)
    out = CliRunner().invoke(
        main, ["tasks", "--store", store, "--from", "96/CĐ-BXD", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    (task,) = json.loads(out.output)
    assert task["lead"] == PLACED
    # the level filter knows them by the name the task shows
    out = CliRunner().invoke(
        main,
        [
            "tasks",
            "--store",
            store,
            "--from",
            "96/CĐ-BXD",
            "--level",
            "province",
            "--format",
            "json",
        ],
    )
    assert out.exit_code == 0, out.output
    assert [t["lead"] for t in json.loads(out.output)] == [PLACED]


def test_each_department_is_a_body_of_its_province(tmp_path: Path) -> None:
    from policy_lineage.graph.store import Store

    with Store(_built(tmp_path)) as store:
        graph = store.graph()
    bodies = sorted(
        (a.name, a.province) for a in graph.agencies.values() if a.name == "Sở Xây dựng"
    )
    assert bodies == [
        ("Sở Xây dựng", "Gia Lai"),
        ("Sở Xây dựng", "Lâm Đồng"),
        ("Sở Xây dựng", "Đắk Lắk"),
    ]
