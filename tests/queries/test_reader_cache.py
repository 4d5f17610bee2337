"""A process asking many questions of one graph indexes it once, and a graph that changes
is read afresh."""

from __future__ import annotations

from policy_lineage.queries.example import example_graph
from policy_lineage.queries.reader import as_reader
from policy_lineage.queries.tasks import tasks_from
from policy_lineage.schema.graph_model import Edge, TaskNode

ROOT = "doc:vn:57-NQ/TW:2021-2026"


def test_one_reader_per_graph_while_it_is_the_same() -> None:
    g = example_graph()
    assert as_reader(g) is as_reader(g)
    assert as_reader(example_graph()) is not as_reader(g)


def test_a_graph_that_gains_a_task_is_read_again() -> None:
    g = example_graph()
    before = {r.task.id for r in tasks_from(g, ROOT)}
    reader = as_reader(g)
    doc = next(iter(g.tasks.values())).document_id
    g.add_task(TaskNode("task:new", "Rà soát thủ tục hành chính.", doc))
    g.add_edge(Edge(doc, "task:new", "has-task"))
    assert as_reader(g) is not reader
    assert {r.task.id for r in tasks_from(g, ROOT)} == before | {"task:new"}
