"""The graph as CSV files for ``neo4j-admin database import``: out/neo4j/nodes.csv and relationships.csv.

The headers follow that tool's format: ``key:ID`` is the node's id (the
entity key, the one identity of every output), ``:LABEL`` its labels
(``Entity;Person``, ``Entity;Place;County``, ``Post``), ``:START_ID``,
``:END_ID`` and ``:TYPE`` a relationship's ends and type, and every other
column ``name:type`` with Neo4j's types (``int``, ``float``, ``string[]``
for arrays, whose items are separated by ``;``, the tool's default).

A post (市委书记 in 运城市委) is a node of its own, as in the RDF (W3C ORG):
``(Person)-[:HOLDS_POST]->(Post)-[:POST_IN]->(Organization)``; a post
whose body is not known is one node for each holder. A
co-occurrence is stored once, from the smaller key; Cypher can ignore the
direction (``-[:CO_OCCURS_WITH]-``). Import with::

    neo4j-admin database import full --nodes=out/neo4j/nodes.csv \\
        --relationships=out/neo4j/relationships.csv neo4j
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.atomic import atomic_write
from kg.csvsafe import csv_text
from kg.model import COOCCURS, HOLDS_POST, PLACE_TYPES, KnowledgeGraph

__all__ = ["write_neo4j", "NODE_HEADER", "RELATIONSHIP_HEADER", "relationship_type"]

NODE_HEADER = ["key:ID", ":LABEL", "name", "aliases:string[]", "code", "mentions:int", "documents:int",
               "articles:string[]", "body", "first_date", "last_date"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "count:int", "pmi:float", "documents:int",
                       "articles:string[]", "evidence"]
POST_IN = "POST_IN"


def relationship_type(kind: str) -> str:
    """Neo4j's usual spelling of a relation kind.

    >>> relationship_type("cooccursWith"), relationship_type("holdsPost")
    ('CO_OCCURS_WITH', 'HOLDS_POST')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", kind.replace("cooccurs", "coOccurs")).upper()


def _array(items) -> str:
    # ';' separates the items of an array column; a ';' inside one becomes the full-width '；' of Chinese text.
    return ";".join(str(i).replace(";", "；") for i in items)


def _csv(rows: list[list]) -> str:
    # Through the one CSV writer, whose cells no spreadsheet runs as formulas (kg.csvsafe).
    return csv_text(rows)


def _doc_date(kg: KnowledgeGraph) -> dict[str, str]:
    return {d.document.id: d.date for d in kg.documents}


def _post_id(post: str, body: str, holder: str) -> str:
    """A post is one node per body (书记 of 运城市委); one whose body is unknown, one per holder."""
    return f"post:{post}@{body}" if body else f"post:{post}@holder:{holder}"


def write_neo4j(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """Write ``out_dir/neo4j/nodes.csv`` and ``relationships.csv``; return their paths."""
    folder = Path(out_dir) / "neo4j"
    folder.mkdir(parents=True, exist_ok=True)
    dates = _doc_date(kg)

    def span(docs: list[str]) -> list[str]:
        dated = sorted(d for d in (dates.get(doc, "") for doc in docs) if d)
        return [dated[0], dated[-1]] if dated else ["", ""]

    nodes: list[list] = [NODE_HEADER]
    for key in sorted(kg.entities):
        e = kg.entities[key]
        labels = ["Entity", "Place", e.type] if e.type in PLACE_TYPES else ["Entity", e.type]
        docs = e.documents
        nodes.append([key, ";".join(labels), e.name, _array(sorted(e.aliases - {e.name})), e.code,
                      e.mention_count, len(docs), _array(docs), "", *span(docs)])
    rels: list[list] = [RELATIONSHIP_HEADER]
    posts: dict[str, tuple[list, str]] = {}   # post id -> (its row, its body's key)
    for r in kg.relations:
        docs = r.documents
        evidence = r.evidence[0].text if r.evidence else ""
        if r.kind == HOLDS_POST:
            pid = _post_id(r.tail, r.body, r.head)
            body = kg.entities.get(r.body)
            posts.setdefault(pid, ([pid, "Post", r.tail, "", "", 0, 0, "", body.name if body else "", "", ""], r.body))
            rels.append([r.head, pid, relationship_type(r.kind), r.count, f"{r.pmi:.4f}", len(docs), _array(docs),
                         evidence])
            continue
        head, tail = (r.head, r.tail) if r.kind != COOCCURS else tuple(sorted((r.head, r.tail)))
        rels.append([head, tail, relationship_type(r.kind), r.count, f"{r.pmi:.4f}", len(docs), _array(docs),
                     evidence])
    for pid in sorted(posts):
        row, body = posts[pid]
        nodes.append(row)
        if body in kg.entities:
            rels.append([pid, body, POST_IN, 0, "0.0000", 0, "", ""])
    paths = [folder / "nodes.csv", folder / "relationships.csv"]
    atomic_write(paths[0], _csv(nodes))
    atomic_write(paths[1], _csv(rels))
    return paths
