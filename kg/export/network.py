"""The whole graph for Gephi and other network tools: graph.graphml and graph.gexf.

Both files hold every node, even when the page is capped, with the node
and edge attributes of :func:`kg.graph.build_graph`. Characters XML cannot
hold (control characters from OCR) are replaced the same way in both
(:func:`kg.text.xml_safe`), so a node has the same id in each.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.atomic import atomic_open, atomic_output_path
from kg.text import xml_safe

__all__ = ["write_graphml", "write_gexf", "write_network_files"]


def write_network_files(graph: nx.Graph, out_dir: Path) -> list[Path]:
    """Write graph.graphml and graph.gexf into ``out_dir``; return their paths."""
    safe = _xml_safe_graph(graph)
    return [write_graphml(safe, Path(out_dir) / "graph.graphml"), write_gexf(safe, Path(out_dir) / "graph.gexf")]


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    with atomic_open(path, "wb") as f:
        nx.write_graphml(graph, f, encoding="utf-8")
    return path


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    with atomic_output_path(path) as tmp:
        # Indenting doubles the writing time and adds a third to the size; GEXF readers do not need it.
        nx.write_gexf(graph, tmp, prettyprint=False)
    return path


def _xml_safe_graph(graph: nx.Graph) -> nx.Graph:
    """``graph`` itself when every string is fit for XML, else a copy whose strings are made so."""
    strings = [n for n in graph if isinstance(n, str)]
    strings += [v for _, d in graph.nodes(data=True) for v in d.values() if isinstance(v, str)]
    strings += [v for *_, d in graph.edges(data=True) for v in d.values() if isinstance(v, str)]
    joined = "\n".join(strings)
    if xml_safe(joined) == joined:
        return graph

    def fix(value):
        return xml_safe(value) if isinstance(value, str) else value

    g = graph.__class__()
    g.add_nodes_from((fix(n), {k: fix(v) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    g.add_edges_from((fix(a), fix(b), {k: fix(v) for k, v in d.items()}) for a, b, d in graph.edges(data=True))
    return g
