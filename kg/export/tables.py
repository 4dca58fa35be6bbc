"""Tables for spreadsheets: entities.csv, edges.csv, merges.csv."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from kg.atomic import atomic_write
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
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def entities_csv(kg: KnowledgeGraph, graph: nx.Graph) -> str:
    posts: dict[str, list[str]] = {}
    for r in kg.relations:
        if r.kind == HOLDS_POST:
            posts.setdefault(r.head, []).append(r.tail)
    rows: list[list] = [["key", "type", "name", "aliases", "code", "posts", "mentions", "documents",
                         "weighted_degree", "community", "role"]]
    for key in sorted(kg.entities):
        e = kg.entities[key]
        node = graph.nodes[key] if key in graph else {}
        rows.append([key, e.type, e.name, "|".join(sorted(e.aliases - {e.name})), e.code,
                     "|".join(dict.fromkeys(posts.get(key, []))), e.mention_count, len(e.documents),
                     node.get("weight", 0), node.get("community", ""), e.role])
    return _csv(rows)


def edges_csv(kg: KnowledgeGraph) -> str:
    rows: list[list] = [["kind", "head", "head_name", "tail", "tail_name", "body", "count", "pmi",
                         "documents", "evidence"]]
    for r in kg.relations:
        head = kg.entities.get(r.head)
        tail = kg.entities.get(r.tail)
        evidence = r.evidence[0].text if r.evidence else ""
        rows.append([r.kind, r.head, head.name if head else "", r.tail, tail.name if tail else r.tail,
                     r.body, r.count, f"{r.pmi:.4f}", "|".join(r.documents), evidence])
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
