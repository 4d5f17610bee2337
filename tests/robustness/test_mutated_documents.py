"""The bundled documents, damaged the way real text arrives, still give an extraction.

Random character edits, lines deleted, repeated, swapped and joined, decomposed (NFD) or
stripped diacritics, control characters, byte-order marks and zero-width characters, odd
spaces, CR line ends, form feeds, footnote marks, a cut, a run of 5,000 spaces (DOMAIN.md §6).
Extraction must return a result the CLI can print (the contract's JSON), never raise. As bytes
in a file, the same damage and a few encodings must give a result or a documented ReadError.

A run of 40-60 examples each keeps CI fast; ``benchmarks/fuzz_readers.py`` runs the same
generators for as long as it is given. Each example runs under a 60 s alarm: a hang guard,
not a speed target (an example takes well under a second).
"""

from __future__ import annotations

import random
import re

import fuzzcases
from fuzzcases import (
    DOCUMENTED,
    ENCODINGS,
    check_extraction,
    mutate_bytes,
    mutate_text,
    outcome,
    time_limit,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.loaders.readers import read_path

NAMES = sorted(fuzzcases.corpus_texts())
HANG_GUARD = 60.0
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MODES = {"txt": {}, "docx": {"one_line_paragraphs": True}, "pdf": {"wrapped": True}}


@settings(FUZZ, max_examples=60)
@given(
    name=st.sampled_from(NAMES),
    seed=st.integers(0, 2**32 - 1),
    steps=st.integers(1, 5),
    mode=st.sampled_from(sorted(MODES)),
)
def test_mutated_text_extracts(corpus, name, seed, steps, mode):
    text, _ = mutate_text(corpus[name], random.Random(seed), steps)
    with time_limit(HANG_GUARD):
        check_extraction(extract_text(text, f"{name}.{mode}", **MODES[mode]))


@settings(FUZZ, max_examples=15)
@given(name=st.sampled_from(NAMES), mutation=st.sampled_from(sorted(fuzzcases.TEXT_MUTATIONS)))
def test_each_mutation_alone_extracts(corpus, name, mutation):
    rng = random.Random(f"{name}/{mutation}")
    text = fuzzcases.TEXT_MUTATIONS[mutation](corpus[name], rng)
    with time_limit(HANG_GUARD):
        check_extraction(extract_text(text, name))


@settings(FUZZ, max_examples=40)
@given(
    name=st.sampled_from(NAMES),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    seed=st.integers(0, 2**32 - 1),
    steps=st.integers(0, 6),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_damaged_text_file_gives_a_result_or_a_documented_error(
    corpus, tmp_path_factory, name, encoding, seed, steps, suffix
):
    rng = random.Random(seed)
    data = mutate_bytes(ENCODINGS[encoding](corpus[name]), rng, steps)
    path = tmp_path_factory.mktemp("damaged") / f"{name}{suffix}"
    path.write_bytes(data)
    with time_limit(HANG_GUARD):
        result, detail = outcome(path)
    assert result == "ok" or detail in DOCUMENTED


def test_utf8_file_cut_inside_its_last_character_is_still_read(corpus, tmp_path):
    """A download or copy cut short ends mid-character: the whole file was refused as "text in
    an unknown encoding" (no 8-bit reading looks Vietnamese). Now: UTF-8, U+FFFD, a warning."""
    data = corpus[NAMES[0]].rstrip().encode("utf-8")
    data = data[: data.rindex("ố".encode()) + 1]  # the first byte of a two-byte letter
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    src = read_path(path)
    assert src.encoding == "utf-8" and src.text.endswith("\ufffd")
    # (the text as read: spaces that end a line dropped)
    assert src.text[:-1] == re.sub(r"[ \t]+$", "", data[:-1].decode("utf-8"), flags=re.M)
    assert any("not valid UTF-8" in w for w in src.warnings)


def test_utf8_file_with_a_damaged_byte_keeps_the_rest(corpus, tmp_path):
    data = bytearray(corpus[NAMES[1]].encode("utf-8"))
    data[len(data) // 2] = 0xFF
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    src = read_path(path)
    assert src.encoding == "utf-8" and src.text.count("\ufffd") == 1


def test_windows_1258_is_still_windows_1258(corpus, tmp_path):
    path = tmp_path / "cp1258.txt"
    path.write_bytes(ENCODINGS["windows-1258"](corpus[NAMES[1]]))
    assert read_path(path).encoding == "cp1258"
