"""The whole graph for Gephi and other network tools: graph.graphml and graph.gexf.

Both files hold every node, even when the page is capped, with the node and
edge attributes of :func:`kg.graph.build_graph`, and the page's picture: each
node's colour (by type), size and position, as ``graph.html`` draws them
(:func:`kg.export.layout.picture`; y points up in Gephi, so it is negated).

graph.gexf is GEXF 1.3 (gexf.net/1.3, with the viz extension) in a mixed
graph, as Gephi reads it. When articles are dated it is a dynamic graph:
each node and edge lasts from the first day of its first article's date to
the last day of its last (``start``, ``end``), so Gephi's timeline plays it;
what no dated article shows is there throughout. In it, a typed relation (locatedIn, memberOf, implements)
is a directed edge from its head to its tail, a pair that only co-occurs an
undirected one. graph.graphml keeps every edge undirected, since most
GraphML readers (networkx, igraph) refuse a mixed graph; its ``head``
attribute names the head of a typed relation, and ``x``, ``y``, ``size``,
``r``, ``g``, ``b`` are the names Gephi's GraphML importer reads as the
picture. Characters XML cannot hold (control characters from OCR) are
replaced the same way in both (:func:`kg.text.xml_safe`), so a node has the
same id in each. Both are written as text by this module (fast, and the same
bytes for the same graph).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterable

import networkx as nx

from kg.atomic import atomic_open
from kg.export.layout import Picture, picture
from kg.model import COOCCURS
from kg.periods import days_of
from kg.text import xml_safe

__all__ = ["write_graphml", "write_gexf", "write_network_files", "NODE_ATTRS", "EDGE_ATTRS", "rgb"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# (attribute, type) of nodes and edges, as build_graph makes them; dates only when articles are dated.
NODE_ATTRS = [("type", "string"), ("aliases", "string"), ("code", "string"), ("posts", "string"),
              ("mentions", "integer"), ("documents", "integer"), ("articles", "string"), ("weight", "integer"),
              ("centrality", "double"), ("community", "integer"), ("first_date", "string"),
              ("last_date", "string"), ("on_page", "boolean")]
EDGE_ATTRS = [("kind", "string"), ("kinds", "string"), ("count", "integer"), ("pmi", "double"),
              ("head", "string"), ("articles", "string"), ("first_date", "string"), ("last_date", "string")]
_GRAPHML_TYPE = {"string": "string", "integer": "int", "double": "double", "boolean": "boolean"}
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def write_network_files(graph: nx.Graph, out_dir: Path, layout: Picture | None = None,
                        max_nodes: int = 0) -> list[Path]:
    """Write graph.graphml and graph.gexf into ``out_dir``; return their paths.

    ``layout`` is the page's picture of ``graph``; without one, a picture of
    at most ``max_nodes`` nodes (0: all) is made as the page would.
    """
    layout = layout or picture(graph, max_nodes)
    out_dir = Path(out_dir)
    # Both files list the same nodes and edges in the same order: listed once.
    listing = _listing(graph, layout)
    return [write_graphml(graph, out_dir / "graph.graphml", layout, listing),
            write_gexf(graph, out_dir / "graph.gexf", layout, listing)]


@dataclass(frozen=True)
class _Listing:
    """The nodes (with their values) and edges of a graph in the order the files list them, and each
    node's id as an attribute (written again for each of its edges)."""
    nodes: list[tuple[Any, dict]]
    edges: list[tuple[Any, Any, bool, dict]]
    ids: dict[Any, str]


def _listing(graph: nx.Graph, layout: Picture) -> _Listing:
    nodes = list(_node_values(graph, layout))
    return _Listing(nodes, _sorted_edges(graph), {n: _attr(n) for n, _ in nodes})


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three ints.

    >>> rgb("#d62728")
    (214, 39, 40)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@lru_cache(maxsize=None)
def _colour(node_type: str) -> tuple[int, int, int]:
    from kg.export.html import OTHER_STYLE, TYPE_STYLE
    return rgb(TYPE_STYLE.get(node_type, OTHER_STYLE)[1])


# What an attribute or an element's text cannot hold as it is (most values hold none of it).
_XML_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_ATTR_UNSAFE = re.compile(f'[{_XML_UNSAFE}&<>"\n\r\t]')
_TEXT_UNSAFE = re.compile(f"[{_XML_UNSAFE}&<>\r]")
# Numbers, whose text needs no escape (bool, an int too, is written otherwise).
_NUMBERS = (int, float)


def _attr(value: Any) -> str:
    """A value ready for an XML attribute (quoted with ``"``)."""
    if type(value) in _NUMBERS:
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if not _ATTR_UNSAFE.search(text):
        return text
    return xml_safe(text).translate(_ATTR_ESCAPES)


def _text(value: Any) -> str:
    if type(value) in _NUMBERS:
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if not _TEXT_UNSAFE.search(text):
        return text
    return xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _node_values(graph: nx.Graph, layout: Picture) -> Iterable[tuple[Any, dict]]:
    shown = set(layout.shown)
    for n in sorted(graph, key=str):
        yield n, {**graph.nodes[n], "on_page": n in shown}


def _edge_ends(u: Any, v: Any, data: dict) -> tuple[Any, Any, bool]:
    """(source, target, directed): a typed relation runs from its head, a co-occurrence from the smaller key."""
    head = data.get("head") or ""
    if data.get("kind", COOCCURS) != COOCCURS and head:
        return (u, v, True) if str(head) == str(u) else (v, u, True)
    a, b = sorted((u, v), key=str)
    return a, b, False


def _sorted_edges(graph: nx.Graph) -> list[tuple[Any, Any, bool, dict]]:
    edges = [(*_edge_ends(u, v, d), d) for u, v, d in graph.edges(data=True)]
    return sorted(edges, key=lambda e: (str(e[0]), str(e[1])))


def _present(attrs: list[tuple[str, str]], rows: Iterable[dict]) -> list[tuple[str, str]]:
    """The attributes some row has: the dates appear only in a graph of dated articles."""
    rows = list(rows)
    return [(k, t) for k, t in attrs if any(k in r for r in rows)]


def write_gexf(graph: nx.Graph, path: Path, layout: Picture | None = None, listing: _Listing | None = None) -> Path:
    """Write ``graph`` as GEXF 1.3 with viz colours, sizes and positions."""
    layout = layout or picture(graph, 0)
    listing = listing or _listing(graph, layout)
    nodes, edges, ids = listing.nodes, listing.edges, listing.ids
    node_attrs = _present(NODE_ATTRS, (d for _, d in nodes))
    edge_attrs = _present(EDGE_ATTRS, (d for *_, d in edges))
    dynamic = any(d.get("first_date") for _, d in nodes)
    mode = 'mode="dynamic" timeformat="date" timerepresentation="interval"' if dynamic else 'mode="static"'
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" xmlns:xsi="{XSI_NS}" '
                f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
                '<meta><creator>kg</creator><description>Entities of Chinese local news and their links: '
                'typed relations directed (head to tail), co-occurrences undirected</description></meta>\n'
                f'<graph defaultedgetype="undirected" {mode}>\n')
        _gexf_attributes(f, "node", node_attrs)
        _gexf_attributes(f, "edge", edge_attrs)
        node_tags, edge_tags = _gexf_tags(node_attrs), _gexf_tags(edge_attrs)
        f.write(f'<nodes count="{len(nodes)}">\n')
        for n, d in nodes:
            x, y = layout.positions.get(n, (0.0, 0.0))
            r, g, b = _colour(d.get("type", ""))
            f.write(f'<node id="{ids[n]}" label="{_attr(d.get("label", n))}"{_lasting(d)}>'
                    + _gexf_values(node_tags, d) + f'<viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>'
                    f'<viz:position x="{x}" y="{-y or 0.0}" z="0.0"/>'
                    f'<viz:size value="{round(layout.radius.get(n, 1.0), 2)}"/></node>\n')
        f.write(f'</nodes>\n<edges count="{len(edges)}">\n')
        for i, (a, b, directed, d) in enumerate(edges):
            kind = d.get("kind", COOCCURS)
            f.write(f'<edge id="{i}" source="{ids[a]}" target="{ids[b]}" '
                    f'type="{"directed" if directed else "undirected"}" label="{_attr(kind)}" '
                    f'weight="{float(d.get("weight", 1))}"{_lasting(d)}>' + _gexf_values(edge_tags, d) + '</edge>\n')
        f.write('</edges>\n</graph>\n</gexf>\n')
    return path


def _lasting(d: dict) -> str:
    """The ``start`` and ``end`` attributes of a node or edge whose articles are dated, else ""."""
    return _lasting_between(d.get("first_date", ""), d.get("last_date", ""))


@lru_cache(maxsize=1 << 12)
def _lasting_between(first_date: str, last_date: str) -> str:
    # Many nodes and edges share their first and last dates.
    first, last = days_of(first_date), days_of(last_date)
    if first is None or last is None:
        return ""
    return f' start="{first[0]}" end="{last[1]}"'


def _gexf_attributes(f: IO, cls: str, attrs: list[tuple[str, str]]) -> None:
    f.write(f'<attributes class="{cls}">\n')
    for k, t in attrs:
        f.write(f'<attribute id="{k}" title="{k}" type="{t}"/>\n')
    f.write('</attributes>\n')


def _gexf_tags(attrs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each attribute with the start of its value's element, made once a file."""
    return [(k, f'<attvalue for="{k}" value="') for k, _ in attrs]


def _gexf_values(tags: list[tuple[str, str]], d: dict) -> str:
    values = [tag + _attr(d[k]) + '"/>' for k, tag in tags if k in d]
    return "<attvalues>" + "".join(values) + "</attvalues>" if values else ""


def write_graphml(graph: nx.Graph, path: Path, layout: Picture | None = None,
                  listing: _Listing | None = None) -> Path:
    """Write ``graph`` as GraphML, undirected, with the picture as Gephi's x, y, size, r, g, b."""
    layout = layout or picture(graph, 0)
    listing = listing or _listing(graph, layout)
    nodes, edges, ids = listing.nodes, listing.edges, listing.ids
    picture_attrs = [("x", "double"), ("y", "double"), ("size", "double"),
                     ("r", "integer"), ("g", "integer"), ("b", "integer")]
    node_attrs = [("label", "string")] + _present(NODE_ATTRS, (d for _, d in nodes)) + picture_attrs
    edge_attrs = _present(EDGE_ATTRS, (d for *_, d in edges)) + [("weight", "integer")]
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                f'xmlns:xsi="{XSI_NS}" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
            for k, t in attrs:
                f.write(f'<key id="{cls[0]}_{k}" for="{cls}" attr.name="{k}" attr.type="{_GRAPHML_TYPE[t]}"/>\n')
        f.write('<graph edgedefault="undirected">\n')
        node_tags, edge_tags = _graphml_tags("n", node_attrs), _graphml_tags("e", edge_attrs)
        for n, d in nodes:
            x, y = layout.positions.get(n, (0.0, 0.0))
            r, g, b = _colour(d.get("type", ""))
            values = {**d, "x": x, "y": -y or 0.0, "size": round(layout.radius.get(n, 1.0), 2), "r": r, "g": g, "b": b}
            f.write(f'<node id="{ids[n]}">' + _graphml_values(node_tags, values) + "</node>\n")
        for a, b, _, d in edges:
            f.write(f'<edge source="{ids[a]}" target="{ids[b]}">' + _graphml_values(edge_tags, d) + "</edge>\n")
        f.write('</graph>\n</graphml>\n')
    return path


def _graphml_tags(prefix: str, attrs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each attribute with the start tag of its value's element, made once a file."""
    return [(k, f'<data key="{prefix}_{k}">') for k, _ in attrs]


def _graphml_values(tags: list[tuple[str, str]], d: dict) -> str:
    return "".join([tag + _text(d[k]) + "</data>" for k, tag in tags if k in d])
