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

import fuzzcases
from fuzzcases import DOCUMENTED, check_extraction, mutate_bytes, mutate_text, outcome, time_limit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_lineage.loaders.pipeline import extract_text

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


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le, no BOM": lambda t: t.encode("utf-16-le"),
    "windows-1258": lambda t: t.encode("cp1258", "replace"),
    "latin-1 mojibake": lambda t: t.encode("utf-8").decode("latin-1").encode("utf-8"),
}


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
