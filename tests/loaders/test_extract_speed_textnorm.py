"""The faster forms of textnorm's keys give what the plain forms gave: the tone regex with a
branch per first letter, and whitespace collapsed by ``str.split``."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from policy_lineage.loaders import textnorm

ROOT = Path(__file__).resolve().parents[2]

# the alternation of every old pair, as textnorm wrote it before
_PLAIN_TONE_RE = re.compile(
    r"(?=[oOuU])(?<![qQ])("
    + "|".join(sorted(map(re.escape, textnorm._TONE_PAIRS), key=len, reverse=True))
    + r")"
    r"(?![a-zA-Zà-ỹÀ-Ỹđ])"
)
_WS = re.compile(r"\s+")


def _plain_unify(s: str) -> str:
    return _PLAIN_TONE_RE.sub(lambda m: textnorm._TONE_PAIRS[m.group(1)], s)


def _corpus_lines() -> list[str]:
    out: list[str] = []
    for folder in ("examples/dong-thap", "benchmarks/real/dev", "benchmarks/heldout"):
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".txt", ".md"):
                text = unicodedata.normalize("NFC", path.read_text("utf-8", errors="replace"))
                out += text.split("\n")
    return out


def test_textnorm_tones_as_the_plain_alternation_on_the_corpora() -> None:
    lines = _corpus_lines()
    assert len(lines) > 5000
    changed = 0
    for line in lines:
        assert textnorm.unify_tones(line) == _plain_unify(line)
        changed += textnorm.unify_tones(line) != line
    assert changed, "the corpora hold old-style tones"


def test_textnorm_tones_as_the_plain_alternation_on_random_text() -> None:
    # every letter the pattern looks at or around, and the pairs' own letters
    alphabet = "oOuUqQaAeEyYhnđ -" + "".join({k[1] for k in textnorm._TONE_PAIRS})
    rng = random.Random(16)
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        assert textnorm.unify_tones(s) == _plain_unify(s), s


@pytest.mark.parametrize("s", ["quý thuỷ", "Uỷ", "qUý", "hoạch", "oá", "xoá.", "Qoá oáo"])
def test_textnorm_tones_examples(s: str) -> None:
    assert textnorm.unify_tones(s) == _plain_unify(s)


def test_textnorm_split_is_the_regex_whitespace() -> None:
    """``" ".join(s.split())`` is ``_WS.sub(" ", s).strip()``: the same characters are
    whitespace to ``str.split``, ``str.strip`` and the regex ``\\s``."""
    space = re.compile(r"\s")
    for c in map(chr, range(0x110000)):
        assert bool(space.match(c)) == c.isspace()
    samples = ["", " ", "a", " a\u00a0 b\u2028c\t\n", "\x1c x \x1f", "\u3000Ủy  ban\r\n"]
    for s in samples + _corpus_lines()[:3000]:
        assert " ".join(s.split()) == _WS.sub(" ", s).strip()
        assert textnorm.collapse(s) == _WS.sub(" ", unicodedata.normalize("NFC", s)).strip()
        assert (
            textnorm.fold(s)
            == _WS.sub(" ", textnorm.match_key(unicodedata.normalize("NFC", s))).strip()
        )
