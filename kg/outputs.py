"""Every output of a build, written by calling each exporter: the one place that lists them.

All are written to temporary files and moved into place together once all
have been written (kg.atomic), so a failed or killed build leaves the
previous outputs as they were. Then the outputs of an earlier build that
this one did not write (graph.jsonld of an earlier ``--format jsonld``) are
removed, so the folder never mixes two builds; only kg's own file names
(``KNOWN_OUTPUTS``) are ever removed.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

import networkx as nx

from kg.atomic import alongside, atomic_batch
from kg.config import BuildOptions
from kg.export import html, neo4j, network, rdf, report, review, tables, time_tables
from kg.export.layout import picture
from kg.graph import build_graph
from kg.model import KnowledgeGraph
from kg.timing import stage

__all__ = ["write_outputs", "KNOWN_OUTPUTS", "remove_stale_outputs"]

# Every file a build may write, relative to the output folder.
KNOWN_OUTPUTS = ("graph.ttl", "graph.jsonld", "ontology.ttl", "entities.csv", "edges.csv", "merges.csv",
                 "neo4j/nodes.csv", "neo4j/relationships.csv", "graph.graphml", "graph.gexf", "graph.html",
                 "report.html", *time_tables.TIME_TABLES)


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
            with stage("writing the tables of careers, adoption and periods"):
                paths += time_tables.write_time_tables(kg, out, options.period)
            with stage("writing the Neo4j import files"):
                paths += neo4j.write_neo4j(kg, out)
            with stage("writing the review of possible namesakes"):
                paths.append(review.write_candidates(kg, out))
        paths += networked.result()
    remove_stale_outputs(out, paths)
    return paths


def _network_outputs(graph: nx.Graph, kg: KnowledgeGraph, out: Path, options: BuildOptions) -> list[Path]:
    # One picture for the page and the graph files, so Gephi opens what the page shows.
    with stage("laying out the graph"):
        layout = picture(graph, options.max_nodes)
    with stage("writing graph.graphml and graph.gexf"):
        paths = network.write_network_files(graph, out, layout)
    if options.write_html:
        with stage("writing graph.html"):
            paths.append(html.write_html(graph, kg, out, max_nodes=options.max_nodes, layout=layout).path)
    if options.write_report:
        with stage("writing report.html"):
            paths.append(report.write_report(kg, graph, out))
    return paths


def remove_stale_outputs(out: Path, written: list[Path]) -> list[Path]:
    """Remove the outputs of ``KNOWN_OUTPUTS`` in ``out`` that are not among ``written``; return them."""
    keep = {Path(p).resolve() for p in written}
    removed = []
    for name in KNOWN_OUTPUTS:
        path = out / name
        if path.resolve() not in keep and path.is_file() and not path.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    if any(p.parent.name == "neo4j" for p in removed):
        with contextlib.suppress(OSError):
            (out / "neo4j").rmdir()  # only when nothing else is in it
    return removed
