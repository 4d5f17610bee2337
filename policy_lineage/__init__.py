"""policy-lineage: Vietnamese directive documents as a knowledge graph of policy lineage.

The code lives in the top-level folders ``schema/``, ``loaders/``, ``graph/``,
``queries/`` and ``viz/``, installed as ``policy_lineage.schema`` and so on.
"""

__version__ = "0.1.0"
