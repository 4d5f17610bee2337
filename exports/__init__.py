"""exports: the lineage graph written out as files for other tools.

* :mod:`.formats` — the table of formats (``EXPORTERS``): JSON node-link, GraphML, CSV,
  and the entries below;
* :mod:`.rdf` — RDF (Turtle, JSON-LD) with the project's vocabulary, SHACL-validated;
* :mod:`.sparql` — SPARQL over that RDF;
* :mod:`.neo4j` — a ``cypher-shell`` script and ``neo4j-admin`` import files;
* :mod:`.networkx_adapter` — the graph as a networkx ``MultiDiGraph`` and back.
"""
