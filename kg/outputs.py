"""Every output of a build, written by calling each exporter: the one place that lists them.

All are written to temporary files and moved into place together once all
have been written (kg.atomic), so a failed or killed build leaves the
previous outputs as they were.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.atomic import alongside, atomic_batch
from kg.config import BuildOptions
from kg.export import html, network, rdf, review, tables
from kg.graph import build_graph
from kg.model import KnowledgeGraph
from kg.timing import stage

__all__ = ["write_outputs"]


def write_outputs(kg: KnowledgeGraph, options: BuildOptions) -> list[Path]:
    """Write every output of ``kg`` into ``options.out_dir``; return the paths, in a fixed order."""
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with stage("graph analytics (degree, centrality, communities)"):
        graph = build_graph(kg)
    with atomic_batch():
        # The RDF and the tables read the whole graph; the page and the
        # graph files only the network: a second process writes those meanwhile.
        with alongside(lambda: _network_outputs(graph, kg, out, options)) as networked:
            with stage("writing the RDF"):
                paths = rdf.write_rdf(kg, out, base_iri=options.base_iri, provenance=options.provenance,
                                      formats=options.rdf_formats)
            with stage("writing the tables"):
                paths += tables.write_csv(kg, graph, out)
                paths.append(review.write_candidates(kg, out))
        paths += networked.result()
    return paths


def _network_outputs(graph: nx.Graph, kg: KnowledgeGraph, out: Path, options: BuildOptions) -> list[Path]:
    with stage("writing graph.graphml and graph.gexf"):
        paths = network.write_network_files(graph, out)
    if options.write_html:
        with stage("laying out and writing graph.html"):
            paths.append(html.write_html(graph, kg, out, max_nodes=options.max_nodes).path)
    return paths
