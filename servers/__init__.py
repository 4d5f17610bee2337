"""servers: the lineage graph on a graph server (Neo4j, FalkorDB).

* :mod:`.connections` — the URI's scheme chooses the server and its client (a registry);
* :mod:`.cypher` — every Cypher statement sent, values always as parameters;
* :mod:`.push` — writing the graph, idempotently;
* :mod:`.reader` — a filled server as the queries' read interface (``--backend``).
"""
