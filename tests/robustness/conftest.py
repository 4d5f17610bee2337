"""The readers and extractors on bad and extreme input.

The generators live in ``fuzzcases.py`` beside this file, shared with
``benchmarks/fuzz_readers.py`` (longer campaigns, the 200 MB file, figures). Test modules
import it by name: this folder is put on ``sys.path`` here, since pytest runs with
``--import-mode=importlib``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzzcases  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    return fuzzcases.corpus_texts()


@pytest.fixture(scope="session")
def needs_font() -> None:
    if not fuzzcases.FONT.exists():
        pytest.skip(f"the PDF fixtures need the DejaVu font at {fuzzcases.FONT}")
