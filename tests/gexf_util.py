"""Reading kg's GEXF with networkx.

networkx's GEXF reader refuses a mixed graph (its gexf.py raises on a
directed edge in an undirected graph), and kg's graph.gexf is one: typed
relations directed, co-occurrences undirected, as Gephi reads them. So the
tests read it with networkx from a copy whose per-edge ``type`` attributes
are dropped, and check those attributes with ElementTree.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx


def read_gexf(path: Path) -> nx.Graph:
    text = Path(path).read_text(encoding="utf-8")
    undirected = re.sub(r'(<edge [^>]*?) type="(?:directed|undirected)"', r"\1", text)
    return nx.read_gexf(io.BytesIO(undirected.encode("utf-8")))
