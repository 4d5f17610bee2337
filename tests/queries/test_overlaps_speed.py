"""The fast paths of overlap finding give what the plain definitions give.

``textsim``'s key tokens are checked against the plain form of the rules (each pattern on
the whole text, each token through every test), :class:`~textsim.FeatureTable` against
:func:`~textsim.features`, the candidate index against the signature rule written out pair
by pair, and ``find_overlaps`` in several processes against one process."""

from __future__ import annotations

import gc
import json
import os
import pickle
import subprocess
import sys
import threading
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.graph.store import load_graph
from policy_lineage.loaders.textnorm import fold
from policy_lineage.queries import overlaps, textsim
from policy_lineage.queries.overlaps import find_overlaps, group_to_json

# -- key tokens ----------------------------------------------------------------------


def _plain_phrases(toks: list[str]) -> list[str]:
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        for words, replacement, joined in textsim._RULES.get(toks[i], []):
            k = i + 1
            for w in words[1:]:
                if joined:
                    while k < n and toks[k] in textsim._JOINERS:
                        k += 1
                if k < n and toks[k] == w:
                    k += 1
                else:
                    break
            else:
                out.extend(replacement)
                i = k
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _plain_segments(text: str) -> list[list[str]]:
    """The segments as the rules read: every pattern over the whole text, then each token."""
    s = textsim._LIST_MARKER.sub("", fold(text), count=1)
    s = textsim._ADDRESSEE.sub(textsim._drop_addressee, s, count=1)
    s = textsim._LEAD_PREFIX.sub("", s, count=1)
    s = textsim._PAREN_NOTE.sub(" , ", s)
    s = textsim._DOC_NUMBER.sub(textsim._doc_token, s)
    s = textsim._DEADLINE.sub(" , ", s)
    out: list[list[str]] = []
    seg: list[str] = []
    for t in _plain_phrases([textsim._word(t) for t in textsim._LEX.findall(s)]):
        if t in textsim._DROPPED:
            continue
        if t in textsim._BREAKS or not (t[0].isalnum() or t[0] == "_"):
            if seg:
                out.append(seg)
                seg = []
            continue
        if t not in textsim._STOP:
            seg.append(t)
    if seg:
        out.append(seg)
    return out


# Pieces that reach every rule: concepts (and their joiners), variants, stop words and
# phrases, list markers, addressees, leads, notes in parentheses, numbers, dates, deadlines.
PIECES = [
    *"khoa học công nghệ thông tin đổi mới sáng tạo chuyển số dịch vụ trực tuyến cơ sở dữ liệu".split(),
    *"đảm bảo hàng năm đồng thời trong đó như sau nhất là bao gồm của các và hoặc để".split(),
    *"KH&CN kh-cn KH và CN CĐS ĐMST UBND DVC cb, cc, vc kt-xh kỹ lý Mỹ 02 100%".split(),
    "a)", "1.", "-", "•", ",", ";", ".", ":", "(", ")", "&", "/", "Sở Nội vụ:", "Sở Tài chính chủ trì,",
    "Giao Văn phòng UBND tỉnh chủ trì", "(thời gian: Quý IV/2025)", "(cơ quan chủ trì: Sở Y tế)",
    "hoàn thành trong tháng 6/2025", "trước 31/12/2025", "thời hạn: Quý II/2026", "năm 2026",
    "57-NQ/TW", "Nghị định số 180/2025/NĐ-CP", "ngày 15 tháng 6 năm 2025", "hạ tầng", "rà soát",
    # the words a deadline clause may start with, so that long clauses are made
    "thời gian :", "thời hạn:", "hoàn thành", "thực hiện", "dự thảo", "chậm nhất", "đến hết",
    "từ", "ngày", "tháng", "quý IV /", "quý iv/2025", "6/2025", "31/12/2025", "2025", "12",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.text(
    alphabet=st.sampled_from(list("abcđeêghiklmnoôơpqrstuưvxyàáảãạăằắẳẵặâ ,.;:-/()&%0123456789")),
    max_size=120,
)


# Deadline clauses as long as they come, after a long text, and document numbers.
LONG = " ".join(["rà soát hạ tầng số"] * 5)
CLAUSES = [
    f"{LONG} thời gian : hoàn thành dự thảo chậm nhất ngày quý IV / 2025",
    f"{LONG}, thời  hạn:  thực hiện   dự thảo đến hết tháng ngày 15 tháng 6 năm 2025.",
    f"{LONG} (trước 30/6/2025) theo Nghị quyết số 57-NQ/TW",
    f"{LONG}x1 hoàn thành trong tháng 6/2025",
    f"{LONG} 57-NQ/TW; báo cáo trước 31/12/2025",
]


@pytest.mark.parametrize("text", CLAUSES)
def test_textsim_long_deadline_clauses_go_whole(text):
    assert textsim._segments(text) == _plain_segments(text)
    assert "2025" not in textsim.normalize(text.replace("57-NQ/TW", ""))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_textsim_key_tokens_are_the_plain_segments(text):
    segments = _plain_segments(text)
    assert textsim._segments(text) == segments
    assert textsim.normalize(text) == " | ".join(" ".join(seg) for seg in segments)
    assert textsim.tokens(text) == [t for seg in segments for t in seg]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_textsim_features_are_the_syllables_and_bigrams_of_the_segments(text):
    segments = _plain_segments(text)
    expected = {t for seg in segments for t in seg}
    expected |= {f"{a} {b}" for seg in segments for a, b in zip(seg, seg[1:], strict=False)}
    assert textsim.features(text) == (
        " | ".join(" ".join(seg) for seg in segments),
        frozenset(expected),
    )


# -- feature ids -----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=12))
def test_feature_table_holds_the_features_of_each_text_once(texts):
    table = textsim.FeatureTable()
    keys: dict[tuple[int, ...], str] = {}
    for text in texts:
        key, ids = table.features(text)
        key_text, feats = textsim.features(text)
        assert len(ids) == len(set(ids))
        assert {table.names[i] for i in ids} == feats
        assert [table.weights[i] for i in ids] == [
            textsim.feature_weight(table.names[i]) for i in ids
        ]
        assert keys.setdefault(key, key_text) == key_text  # one key, one key text
    assert len(set(table.names)) == len(table.names)
    assert len(set(keys.values())) == len(keys)  # one key text, one key


def test_feature_table_numbers_features_in_the_order_they_come():
    table = textsim.FeatureTable()
    table.features("hạ tầng số, hạ tầng")
    assert table.names == ["hạ", "tầng", "số", "hạ tầng", "tầng số"]
    key, ids = table.features("tầng hạ")
    assert key == (1, 0)
    assert sorted(table.names[i] for i in ids) == ["hạ", "tầng", "tầng hạ"]


# -- candidates --------------------------------------------------------------------------


def _plain_candidates(feats: list[list[int]], names: list[str]) -> list[tuple[int, int]]:
    """The signature rule, pair by pair: (u, v) for v < u whose signatures share MIN_SHARED
    features or one held by at most RARE texts."""
    df = Counter(f for ids in feats for f in set(ids))
    signature = [
        set(
            sorted(
                (f for f in set(ids) if 2 <= df[f] <= overlaps.MAX_POSTINGS),
                key=lambda f: (df[f], names[f]),
            )[: overlaps.SIGNATURE_SIZE]
        )
        for ids in feats
    ]
    return [
        (u, v)
        for u in range(len(feats))
        for v in range(u)
        if len(shared := signature[u] & signature[v]) >= overlaps.MIN_SHARED
        or any(df[f] <= overlaps.RARE for f in shared)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 11), unique=True, max_size=8), max_size=25),
    st.permutations(range(12)),
)
def test_candidates_are_the_pairs_the_signature_rule_names(feats, shuffled):
    names = [f"f{i:02d}" for i in shuffled]  # ties broken by name, not by id
    with pytest.MonkeyPatch.context() as mp:
        # small limits, so that a few texts reach every branch (rare, common, too common)
        mp.setattr(overlaps, "SIGNATURE_SIZE", 3)
        mp.setattr(overlaps, "RARE", 3)
        mp.setattr(overlaps, "MAX_POSTINGS", 8)
        probe, other = overlaps._candidates(feats, names)
        assert list(zip(probe, other, strict=True)) == _plain_candidates(feats, names)


# -- processes -------------------------------------------------------------------------


def _as_json(groups) -> str:
    return json.dumps([group_to_json(g) for g in groups], ensure_ascii=False)


@pytest.fixture(scope="module")
def synthetic_graph(synthetic_store):
    return load_graph(synthetic_store)


@pytest.mark.parametrize("jobs", [2, 3])
def test_overlaps_in_several_processes_are_the_overlaps_of_one(synthetic_graph, jobs):
    one: dict = {}
    serial = find_overlaps(synthetic_graph, stats=one, jobs=1)
    many: dict = {}
    parallel = find_overlaps(synthetic_graph, stats=many, jobs=jobs)
    assert (one["processes"], many["processes"]) == (1, jobs)
    assert serial, "the synthetic corpus has planted overlaps"
    assert _as_json(parallel) == _as_json(serial)
    for key in ("unique_texts", "features", "candidate_pairs", "pairs_at_threshold", "groups"):
        assert many[key] == one[key], key


def test_overlaps_in_several_processes_while_other_threads_run(synthetic_graph):
    """A new process, not a fork: other threads (a server's) are no hazard."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        stats: dict = {}
        groups = find_overlaps(synthetic_graph, stats=stats, jobs=2)
    finally:
        release.set()
        other.join()
    assert stats["processes"] == 2
    assert _as_json(groups) == _as_json(find_overlaps(synthetic_graph, jobs=1))


@pytest.mark.parametrize(
    "python",
    [
        "/bin/false",  # the worker fails
        "python-that-does-not-exist",  # it cannot start
    ],
)
def test_a_share_whose_process_fails_is_done_here(synthetic_graph, monkeypatch, python):
    expected = _as_json(find_overlaps(synthetic_graph, jobs=1))
    monkeypatch.setattr(overlaps.sys, "executable", python)
    stats: dict = {}
    assert _as_json(find_overlaps(synthetic_graph, stats=stats, jobs=2)) == expected
    assert stats["processes"] == 1


def test_a_worker_of_another_installation_does_not_answer(tmp_path, monkeypatch):
    """The worker imports the package anew: if that is not this module (another checkout
    on the path), it says so by its exit code and its share is done here."""
    payload = {"module": str(tmp_path / "overlaps.py"), "texts": [], "doc_of": [],
               "blocked": set(), "min_score": 0.6, "places": []}  # fmt: skip
    data = tmp_path / "payload"
    data.write_bytes(pickle.dumps(payload))
    with data.open("rb") as stdin:
        code = subprocess.run(
            [sys.executable, "-c", "from policy_lineage.queries.overlaps import _share_worker; _share_worker()"],
            stdin=stdin, capture_output=True, check=False,
        ).returncode  # fmt: skip
    assert code == 2


def test_automatic_jobs_keep_small_inputs_and_busy_machines_in_one_process(monkeypatch):
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    monkeypatch.setattr(overlaps.os, "getloadavg", lambda: (1.0, 1.0, 1.0))  # this process only
    assert overlaps._auto_jobs(0) == 1
    assert overlaps._auto_jobs(overlaps.PARALLEL_TASKS - 1) == 1
    assert overlaps._auto_jobs(100 * overlaps.PARALLEL_TASKS) == cores
    # a little background work besides this process still leaves the other cores idle
    monkeypatch.setattr(overlaps.os, "getloadavg", lambda: (1.3, 1.0, 1.0))
    assert overlaps._auto_jobs(100 * overlaps.PARALLEL_TASKS) == cores
    monkeypatch.setattr(overlaps.os, "getloadavg", lambda: (cores + 0.5, 1.0, 1.0))  # busy
    assert overlaps._auto_jobs(100 * overlaps.PARALLEL_TASKS) == 1


@pytest.mark.parametrize("enabled", [True, False])
def test_find_overlaps_leaves_the_garbage_collector_as_it_found_it(enabled):
    from policy_lineage.schema.graph_model import LineageGraph

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        find_overlaps(LineageGraph())
        assert gc.isenabled() is enabled
        with pytest.raises(ZeroDivisionError), overlaps._gc_paused():
            assert not gc.isenabled()
            _ = 1 / 0
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
