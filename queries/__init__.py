"""queries: the questions asked of the lineage graph, each written once.

Every query is a free function over a graph or a :class:`~.reader.GraphReader` (the
in-memory graph, the SQLite store, a graph server), with a tiny example:

* :mod:`.trace` — ``trace``: the chain above and below a document;
* :mod:`.tasks` — ``tasks_from``, ``derived_documents``: tasks that derive from a document;
* :mod:`.agency` — ``agency_work``: what one body leads and cooperates on;
* :mod:`.resolve` — ``find_document``, ``find_agencies``: names as people write them;
* :mod:`.overlaps` — ``find_overlaps``: the same work assigned more than once
  (:mod:`.textsim` compares task texts);
* :mod:`.search`, :mod:`.check` — words of titles and tasks; consistency checks;
* :mod:`.reader` — the read interface, and its in-memory implementation;
* :mod:`.example` — a small graph for examples.
"""
