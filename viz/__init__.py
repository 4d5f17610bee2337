"""viz: the lineage graph drawn for people.

* :mod:`.select` — what to draw: the chain around a document or the whole graph, tasks,
  bodies, one body's work, collapse above a node budget;
* :mod:`.items` and :mod:`.style` — how each node and line looks and what it says
  (Vietnamese / English), as data;
* :mod:`.layout` — where things go: the chain top (central) to bottom (commune), or by date;
* :mod:`.page` — one self-contained, offline HTML page (vis-network inlined);
* :mod:`.static` — SVG/PNG for reports through Graphviz ``dot``;
* :mod:`.screenshot` — open a page in Debian's Chromium and save a picture of it.

The ``policy-lineage viz`` command is a thin client of these.
"""
