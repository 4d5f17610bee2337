"""FalkorDB embedded (falkordblite, Python ≥ 3.12): the same end-to-end checks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 12),
    reason=f"falkordblite runs on Python ≥ 3.12 (this is {sys.version.split()[0]})",
)

FORGET = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"


def test_embedded_end_to_end(store_copy: Path, tmp_path: Path, check_end_to_end: Any) -> None:
    pytest.importorskip("redislite.falkordb_client", reason="falkordblite is not installed")
    check_end_to_end(f"falkordb+embedded://{tmp_path}/graph.db", store_copy, FORGET)
