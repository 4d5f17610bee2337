"""``Trace.nodes`` lists each document once, in the order first met, in time linear in the
steps (a national trace of 57-NQ/TW reaches 10,000 documents)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.queries.trace import Trace, TraceStep

_IDS = st.sampled_from([f"doc:{i}" for i in range(12)])


def _plain_nodes(t: Trace) -> list[str]:
    seen = [t.root]
    for step in [*t.up, *t.down]:
        for n in (step.source, step.target):
            if n not in seen:
                seen.append(n)
    return seen


def _step(source: str, target: str, direction: str) -> TraceStep:
    return TraceStep(source, target, "implements", "stated", direction, 1, source)


@settings(max_examples=300, deadline=None)
@given(
    _IDS,
    st.lists(st.tuples(_IDS, _IDS), max_size=15),
    st.lists(st.tuples(_IDS, _IDS), max_size=15),
)
def test_trace_nodes_first_met_order(root: str, up: list, down: list) -> None:
    t = Trace(root, [_step(a, b, "up") for a, b in up], [_step(a, b, "down") for a, b in down])
    assert t.nodes == _plain_nodes(t)
    assert len(set(t.nodes)) == len(t.nodes)


def test_trace_nodes_many() -> None:
    n = 20_000
    steps = [_step(f"doc:{i + 1}", f"doc:{i}", "down") for i in range(n)]
    t = Trace("doc:0", [], steps)
    assert t.nodes == [f"doc:{i}" for i in range(n + 1)]
