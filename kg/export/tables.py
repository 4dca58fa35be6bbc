"""Tables for spreadsheets: entities.csv, edges.csv, merges.csv.

Both entities.csv and edges.csv say in how many articles a row was read
(``documents``) and which ones (``articles``: the ids, as in the RDF and
the page, joined by ``|``).
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.atomic import atomic_write
from kg.csvsafe import csv_text
from kg.model import HOLDS_POST, KnowledgeGraph


def write_csv(kg: KnowledgeGraph, graph: nx.Graph, out_dir: Path) -> list[Path]:
    """Write entities.csv, edges.csv and merges.csv into ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    paths = [out_dir / "entities.csv", out_dir / "edges.csv", out_dir / "merges.csv"]
    atomic_write(paths[0], entities_csv(kg, graph))
    atomic_write(paths[1], edges_csv(kg))
    atomic_write(paths[2], merges_csv(kg))
    return paths


def _csv(rows: list[list]) -> str:
    return csv_text(rows)


def entities_csv(kg: KnowledgeGraph, graph: nx.Graph) -> str:
    posts: dict[str, list[str]] = {}
    for r in kg.relations:
        if r.kind == HOLDS_POST:
            posts.setdefault(r.head, []).append(r.tail)
    rows: list[list] = [["key", "type", "name", "aliases", "code", "posts", "mentions", "documents", "articles",
                         "weighted_degree", "community", "role"]]
    for key in sorted(kg.entities):
        e = kg.entities[key]
        node = graph.nodes[key] if key in graph else {}
        docs = e.documents
        rows.append([key, e.type, e.name, "|".join(sorted(e.aliases - {e.name})), e.code,
                     "|".join(dict.fromkeys(posts.get(key, []))), e.mention_count, len(docs), "|".join(docs),
                     node.get("weight", 0), node.get("community", ""), e.role])
    return _csv(rows)


def edges_csv(kg: KnowledgeGraph) -> str:
    rows: list[list] = [["kind", "head", "head_name", "tail", "tail_name", "body", "count", "pmi",
                         "documents", "articles", "evidence"]]
    for r in kg.relations:
        head = kg.entities.get(r.head)
        tail = kg.entities.get(r.tail)
        evidence = r.evidence[0].text if r.evidence else ""
        docs = r.documents
        rows.append([r.kind, r.head, head.name if head else "", r.tail, tail.name if tail else r.tail,
                     r.body, r.count, f"{r.pmi:.4f}", len(docs), "|".join(docs), evidence])
    return _csv(rows)


def merges_csv(kg: KnowledgeGraph) -> str:
    """One row a distinct merge, with how many mentions it folded."""
    counts: dict[tuple[str, str, str, str], int] = {}
    for m in kg.merges:
        key = (m.doc_id, m.kept, m.merged, m.reason)
        counts[key] = counts.get(key, 0) + 1
    rows: list[list] = [["document", "kept", "merged", "reason", "times"]]
    for (doc, kept, merged, reason), n in counts.items():
        rows.append([doc, kept, merged, reason, n])
    return _csv(rows)
