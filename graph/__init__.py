"""graph: making the lineage graph, and keeping it.

* :mod:`.build` — the extractions of every file resolved into one graph (documents,
  bodies, tasks; implements / supersedes / assigned-to … edges);
* :mod:`.identity` — stable ids: one document, one body, one task, whichever file says it;
* :mod:`.ingest` — files read in parallel, each file's extraction kept by content hash;
* :mod:`.store` — the SQLite store every command reads;
* :mod:`.store_reader` — the store as the queries' read interface (only what a question
  touches).

What leaves the graph lives elsewhere: ``exports/`` (files), ``servers/`` (Neo4j,
FalkorDB), ``queries/`` (questions), ``viz/`` (pictures). ``graph`` imports none of them.
"""
