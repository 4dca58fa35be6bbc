"""The neighbourhood of one entity as its own small graph.html, graph.gexf and graph.graphml (``kg subgraph``).

The entity is found by its key, its name or an alias (the strongest one
when several share the name); the subgraph holds every entity within
``depth`` links of it, with the attributes and communities of the whole
graph, so its numbers are those of the full build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.atomic import atomic_batch
from kg.export import html, network
from kg.export.layout import picture, strength
from kg.graph import build_graph
from kg.model import KnowledgeGraph

__all__ = ["NotFound", "Subgraph", "find", "write_subgraph"]


class NotFound(LookupError):
    """No entity has the name asked for."""


@dataclass
class Subgraph:
    key: str
    label: str
    nodes: int
    edges: int
    paths: list[Path] = field(default_factory=list)
    others: list[str] = field(default_factory=list)   # keys of other entities of the same name


def find(graph: nx.Graph, name: str) -> list:
    """The nodes ``name`` can mean, best first: the key itself, then names, then aliases, then names containing it."""
    if name in graph:
        return [name]
    wanted = name.strip()
    tiers = [[n for n, d in graph.nodes(data=True) if d.get("label") == wanted],
             [n for n, d in graph.nodes(data=True) if wanted in str(d.get("aliases", "")).split("|")],
             [n for n, d in graph.nodes(data=True) if wanted and wanted in str(d.get("label", ""))]]
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda n: strength(graph, n))
    return []


def write_subgraph(kg: KnowledgeGraph, name: str, depth: int, out_dir: Path) -> Subgraph:
    """Write the files of the subgraph around ``name`` into ``out_dir``."""
    graph = build_graph(kg)
    found = find(graph, name)
    if not found:
        raise NotFound(f"no entity is named {name} (nor has it as an alias or a key); "
                       "entities.csv lists them all")
    centre = found[0]
    sub = nx.ego_graph(graph, centre, radius=depth).copy()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    label = str(graph.nodes[centre].get("label", centre))
    layout = picture(sub, 0)
    with atomic_batch():
        paths = network.write_network_files(sub, out_dir, layout)
        paths.append(html.write_html(sub, kg, out_dir, max_nodes=0, layout=layout,
                                     title=f"kg — {label} and what lies within {depth} link(s)").path)
    return Subgraph(str(centre), label, sub.number_of_nodes(), sub.number_of_edges(), paths,
                    [str(n) for n in found[1:] if graph.nodes[n].get("label") == label])
