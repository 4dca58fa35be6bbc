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
    """Write every output of ``kg`` into ``options.out_dir``; return the paths, in a fixed order.

    Three processes share the work (two forked from this one, which read the
    graph without it being sent anywhere): the RDF, which needs no analytics,
    starts at once; the layout, the graph files and the page start once the
    analytics are done; this process writes the report and the tables.
    """
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with atomic_batch(), contextlib.ExitStack() as writers:
        described = writers.enter_context(alongside(lambda: _graph_outputs(kg, out, options)))
        with stage("graph analytics (degree, centrality, communities)"):
            graph = build_graph(kg)
        networked = writers.enter_context(alongside(lambda: _network_outputs(graph, kg, out, options)))
        with stage("writing the tables"):
            tables_written = tables.write_csv(kg, graph, out)
        with stage("writing the tables of careers, adoption and periods"):
            tables_written += time_tables.write_time_tables(kg, out, options.period)
        report_written = _report(kg, graph, out, options)
        # What is left is the others' work: the page and graph files, then the RDF (the longest).
        with stage("writing the RDF and the graph files"):
            writers.close()
        rdf_written, neo4j_written = described.result()
        paths = rdf_written + tables_written + neo4j_written + networked.result() + report_written
    remove_stale_outputs(out, paths)
    return paths


def _graph_outputs(kg: KnowledgeGraph, out: Path, options: BuildOptions) -> tuple[list[Path], list[Path]]:
    """The outputs that need the merged graph only, not its analytics: the RDF, and Neo4j's files and the
    review of namesakes."""
    with stage("writing the RDF"):
        written = rdf.write_rdf(kg, out, base_iri=options.base_iri, provenance=options.provenance,
                                formats=options.rdf_formats)
    with stage("writing the Neo4j import files"):
        more = neo4j.write_neo4j(kg, out)
    with stage("writing the review of possible namesakes"):
        more.append(review.write_candidates(kg, out))
    return written, more


def _network_outputs(graph: nx.Graph, kg: KnowledgeGraph, out: Path, options: BuildOptions) -> list[Path]:
    # One picture for the page and the graph files, so Gephi opens what the page shows.
    with stage("laying out the graph"):
        layout = picture(graph, options.max_nodes)
    with stage("writing graph.graphml and graph.gexf"):
        paths = network.write_network_files(graph, out, layout)
    if options.write_html:
        with stage("writing graph.html"):
            paths.append(html.write_html(graph, kg, out, max_nodes=options.max_nodes, layout=layout).path)
    return paths


def _report(kg: KnowledgeGraph, graph: nx.Graph, out: Path, options: BuildOptions) -> list[Path]:
    if not options.write_report:
        return []
    with stage("writing report.html"):
        return [report.write_report(kg, graph, out)]


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
