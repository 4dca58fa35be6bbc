"""The interactive page ``graph.html``: one self-contained file, opened from disk.

pyvis renders the page, but through this package's own template
(``templates/graph.html.j2``) because its stock ones link Bootstrap and
tom-select from a CDN, print the heading twice and show HTML tooltips as raw
text. vis-network's script and style are read from the copies bundled inside
the installed pyvis package and inlined, so the page requests nothing.

Positions are computed here with a fixed seed and physics is off in the page,
so the browser draws at once and the same build gives the same picture.
Above ``max_nodes`` the page keeps the strongest nodes of each community;
``graph.gexf`` always holds the whole graph.

Every string that comes from the corpus reaches the page only as JSON data
(with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped) and is put on screen by
the page's script through ``textContent``; a Content-Security-Policy that
allows only the page's own scripts (by hash) backs that up.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import json
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from kg.atomic import atomic_output_path, atomic_write
from kg.model import (CITY, COMMUNITY, COOCCURS, COUNTY, ENTITY_TYPES, ESTATE, ORGANIZATION, PERSON,
                      PROGRAM, PROVINCE, TOWNSHIP, VILLAGE, CleanDocument, Evidence, KnowledgeGraph)

TEMPLATES = Path(__file__).parent / "templates"
LAYOUT_SEED = 7
MAX_EVIDENCE = 3
SNIPPET = 160            # characters of an evidence sentence shown around the name
SPRING_LIMIT = 500       # networkx's spring_layout needs scipy from 500 nodes on; split larger parts
UNIT = 60.0              # canvas pixels between neighbouring nodes
MIN_RADIUS, RADIUS_RANGE = 6.0, 34.0   # node radius: MIN + RANGE * sqrt(weight / top weight), as graph.js draws it

# Colours: people warm, places a cool ramp from province (dark) to estate (light),
# organizations orange, programs purple; the Chinese word helps readers of the corpus.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    PERSON: ("人物", "#d62728"),
    PROVINCE: ("省", "#08306b"),
    CITY: ("市", "#1f5fa8"),
    COUNTY: ("县区", "#3a8fd0"),
    TOWNSHIP: ("乡镇街道", "#17a2a2"),
    VILLAGE: ("村", "#4cb86b"),
    COMMUNITY: ("社区", "#8cc63e"),
    ESTATE: ("小区", "#b9a44c"),
    ORGANIZATION: ("机构", "#f28e2b"),
    PROGRAM: ("项目", "#9467bd"),
}
OTHER_STYLE = ("其他", "#7f7f7f")


@dataclass(frozen=True)
class HtmlSummary:
    path: Path
    nodes_shown: int
    nodes_total: int
    left_out: int


def write_html(graph: nx.Graph, kg: KnowledgeGraph, out_dir: Path, *,
               max_nodes: int = 500, title: str | None = None) -> HtmlSummary:
    """Write ``out_dir/graph.html`` (at most ``max_nodes`` nodes) and ``out_dir/graph.gexf`` (all).

    ``graph`` is the graph of :func:`kg.graph.build_graph`; it is not modified.
    ``max_nodes <= 0`` shows every node.
    """
    out_dir = Path(out_dir)
    html_path = out_dir / "graph.html"
    write_gexf(graph, out_dir / "graph.gexf")

    keep = select_nodes(graph, max_nodes)
    view = graph.subgraph(keep).copy()
    positions = compute_layout(view)
    page = render_page(view, kg, positions, nodes_total=graph.number_of_nodes(), title=title)
    atomic_write(html_path, page)
    return HtmlSummary(path=html_path, nodes_shown=view.number_of_nodes(),
                       nodes_total=graph.number_of_nodes(),
                       left_out=graph.number_of_nodes() - view.number_of_nodes())


# --- GEXF -----------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_gexf(graph: nx.Graph, path: Path) -> None:
    """Write the whole graph as GEXF; characters XML cannot hold are dropped from a copy."""
    strings = [str(n) for n in graph]
    strings += [v for _, d in graph.nodes(data=True) for v in d.values() if isinstance(v, str)]
    strings += [v for *_, d in graph.edges(data=True) for v in d.values() if isinstance(v, str)]
    g = graph
    if _XML_INVALID.search("\n".join(strings)):
        g = nx.relabel_nodes(graph, lambda n: _XML_INVALID.sub("", n) if isinstance(n, str) else n, copy=True)
        for d in [d for _, d in g.nodes(data=True)] + [d for *_, d in g.edges(data=True)]:
            for k, v in d.items():
                if isinstance(v, str):
                    d[k] = _XML_INVALID.sub("", v)
    with atomic_output_path(path) as tmp:
        # Indenting doubles the writing time and adds a third to the size; GEXF readers do not need it.
        nx.write_gexf(g, tmp, prettyprint=False)


# --- which nodes the page shows ----------------------------------------------

def _strength(graph: nx.Graph, n: Any) -> tuple:
    d = graph.nodes[n]
    return (-d.get("weight", 0), -d.get("mentions", 0), str(d.get("label", n)), str(n))


def select_nodes(graph: nx.Graph, max_nodes: int) -> list:
    """The nodes to show: all of them, or the strongest of each community.

    Each community gets a share of ``max_nodes`` in proportion to its size
    (rounded down), filled with its nodes of highest weighted degree; the
    places left by rounding go to the strongest remaining nodes overall.

    >>> g = nx.Graph()
    >>> g.add_nodes_from([(i, {"weight": i, "community": i % 2}) for i in range(10)])
    >>> sorted(select_nodes(g, 4))
    [6, 7, 8, 9]
    """
    n = graph.number_of_nodes()
    if max_nodes is None or max_nodes <= 0 or n <= max_nodes:
        return list(graph.nodes)
    groups: dict[Any, list] = defaultdict(list)
    for node, d in graph.nodes(data=True):
        groups[d.get("community", 0)].append(node)
    keep: list = []
    rest: list = []
    for members in groups.values():
        members.sort(key=lambda x: _strength(graph, x))
        share = max_nodes * len(members) // n
        keep.extend(members[:share])
        rest.extend(members[share:])
    rest.sort(key=lambda x: _strength(graph, x))
    keep.extend(rest[:max_nodes - len(keep)])
    return keep


# --- layout ------------------------------------------------------------------

def node_radius(graph: nx.Graph) -> dict[Any, float]:
    """The drawn radius of each node, as the page sizes it by default (weighted degree)."""
    top = max((d.get("weight", 0) for _, d in graph.nodes(data=True)), default=0)
    return {n: MIN_RADIUS + RADIUS_RANGE * (math.sqrt(d.get("weight", 0) / top) if top else 0.0)
            for n, d in graph.nodes(data=True)}


def compute_layout(graph: nx.Graph, seed: int = LAYOUT_SEED) -> dict[Any, tuple[float, float]]:
    """Canvas positions (pixels) for every node, the same for the same graph.

    Each connected component is laid out on its own and the components are
    packed in rows, largest first, so small ones do not form a ring around the
    big one; isolated nodes go in a grid underneath (the page hides them at first).
    """
    import numpy as np  # networkx's layouts need it; keep importing kg cheap

    radius = node_radius(graph)
    comps = sorted((c for c in nx.connected_components(graph) if len(c) > 1),
                   key=lambda c: (-len(c), min(map(str, c))))
    isolates = sorted((n for n in graph if graph.degree(n) == 0), key=lambda x: _strength(graph, x))
    blocks = [_layout_component(graph.subgraph(c), seed, radius, np) for c in comps]
    pos: dict[Any, tuple[float, float]] = {}
    y_bottom = _pack(blocks, pos)
    if isolates:
        step = UNIT * 1.4
        x0 = min((p[0] for p in pos.values()), default=0.0)
        width = (max(p[0] for p in pos.values()) - x0) if pos else 0.0
        cols = max(int(width // step), int(math.ceil(math.sqrt(len(isolates) * 3))), 1)
        for i, n in enumerate(isolates):
            pos[n] = (x0 + (i % cols) * step, y_bottom + UNIT * 2 + (i // cols) * UNIT)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def _layout_component(h: nx.Graph, seed: int, radius: dict, np) -> dict[Any, Any]:
    """Positions of one connected graph, centred on 0, nodes about UNIT apart and not overlapping."""
    n = h.number_of_nodes()
    if n == 2:
        a, b = sorted(h, key=str)
        gap = radius[a] + radius[b] + UNIT * 0.3
        return {a: np.array([-gap / 2, 0.0]), b: np.array([gap / 2, 0.0])}
    if n >= SPRING_LIMIT:
        return _layout_grouped(h, seed, radius, np)
    raw = _force_layout(h, seed)
    keys = list(raw)
    pts = np.array([raw[k] for k in keys], dtype=float)
    d = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    nearest = float(np.median(d.min(axis=1)))
    pts *= UNIT / max(nearest, 1e-9)
    pts = _spread(pts, np.array([radius[k] for k in keys]), np, seed)
    pts -= (pts.min(axis=0) + pts.max(axis=0)) / 2
    return dict(zip(keys, pts))


def _force_layout(h: nx.Graph, seed: int) -> dict:
    return nx.spring_layout(_layout_weights(h), seed=seed, weight="lw", iterations=100 if len(h) < 300 else 60)


def _spread(pts, radii, np, seed: int, rounds: int = 60):
    """Push overlapping nodes apart, leaving room for a short label between them."""
    rng = np.random.default_rng(seed)
    p = pts + rng.normal(scale=0.01, size=pts.shape)  # coincident points need a direction
    need = radii[:, None] + radii[None, :] + UNIT * 0.25
    np.fill_diagonal(need, 0)
    for _ in range(rounds):
        dx = p[:, 0, None] - p[None, :, 0]
        dy = p[:, 1, None] - p[None, :, 1]
        dist = np.maximum(np.hypot(dx, dy), 1e-6)
        over = need - dist
        np.clip(over, 0, None, out=over)
        if over.max() < 0.5:
            break
        # Each pair moves apart along its direction by half its overlap.
        push = over / (2 * dist)
        p = p + np.stack([(dx * push).sum(axis=1), (dy * push).sum(axis=1)], axis=1) * 0.5
    return p


def _layout_weights(h: nx.Graph) -> nx.Graph:
    """A copy whose edges pull by the log of their weight: strong pairs near, not on top of each other."""
    g = nx.Graph()
    g.add_nodes_from(sorted(h, key=str))
    g.add_edges_from((u, v, {"lw": 1.0 + math.log(max(1, d.get("weight", 1)))})
                     for u, v, d in h.edges(data=True))
    return g


def _layout_grouped(h: nx.Graph, seed: int, radius: dict, np) -> dict[Any, Any]:
    """Large graphs: lay out each community, then the communities among themselves.

    Quadratic layouts of thousands of nodes take minutes; this keeps each call
    under SPRING_LIMIT nodes and draws communities as visible clusters.
    """
    groups = _split(h, seed)
    if len(groups) < 2:  # cannot split: fall back to the unweighted force layout, fewer rounds
        raw = nx.forceatlas2_layout(h, seed=seed, max_iter=60)
        return _rescale(raw, UNIT * 0.62 * math.sqrt(len(h)), np)
    member = {n: i for i, g in enumerate(groups) for n in g}
    inner = []
    for g in groups:
        sub = h.subgraph(g)
        if len(g) == 1:
            inner.append({next(iter(g)): np.zeros(2)})
        elif nx.is_connected(sub):
            inner.append(_layout_component(sub, seed, radius, np))
        else:
            parts: dict[Any, Any] = {}
            _pack([_layout_component(sub.subgraph(c), seed, radius, np) if len(c) > 1 else {next(iter(c)): np.zeros(2)}
                   for c in sorted(nx.connected_components(sub), key=lambda c: (-len(c), min(map(str, c))))], parts)
            inner.append(_centre(parts, np))
    radii = np.array([max((float(np.hypot(*p)) for p in block.values()), default=0.0) + UNIT
                      for block in inner])
    q = nx.Graph()
    q.add_nodes_from(range(len(groups)))
    for u, v, d in h.edges(data=True):
        a, b = member[u], member[v]
        if a != b:
            w = q.edges[a, b]["weight"] if q.has_edge(a, b) else 0
            q.add_edge(a, b, weight=w + d.get("weight", 1))
    for a, b, d in q.edges(data=True):
        d["weight"] = 1.0 + math.log(d["weight"])
    if len(q) < SPRING_LIMIT:
        raw = nx.spring_layout(q, seed=seed, weight="weight", iterations=100)
    else:
        raw = nx.forceatlas2_layout(q, seed=seed, max_iter=60, weight="weight")
    centres = np.array([raw[i] for i in range(len(groups))], dtype=float)
    spread = float(np.sqrt((radii ** 2).sum()))
    centres = centres / max(1e-9, float(np.abs(centres).max())) * spread
    centres = _separate(centres, radii, np)
    pos: dict[Any, Any] = {}
    for i, block in enumerate(inner):
        for n, p in block.items():
            pos[n] = p + centres[i]
    return pos


def _split(h: nx.Graph, seed: int) -> list[set]:
    """Communities of ``h``: the ones already computed if they cut it, else Louvain on ``h``.

    Groups still too large are split again when their own layout recurses here.
    """
    by_attr: dict[Any, set] = defaultdict(set)
    for n, d in h.nodes(data=True):
        by_attr[d.get("community")].add(n)
    groups = list(by_attr.values())
    if len(groups) < 2 or None in by_attr:
        groups = nx.community.louvain_communities(h, weight="weight", seed=seed)
    return sorted(groups, key=lambda c: (-len(c), min(map(str, c))))


def _separate(centres, radii, np, rounds: int = 200):
    """Push apart circles (centre, radius) until none overlap."""
    c = centres.copy()
    gap = UNIT * 0.5
    for _ in range(rounds):
        d = c[:, None, :] - c[None, :, :]
        dist = np.hypot(d[..., 0], d[..., 1])
        need = radii[:, None] + radii[None, :] + gap
        np.fill_diagonal(need, 0)
        over = np.clip(need - dist, 0, None)
        if not over.any():
            break
        dist = np.where(dist < 1e-6, 1e-6, dist)
        push = (d / dist[..., None]) * (over / 2)[..., None]
        c += push.sum(axis=1) * 0.5
    return c


def _rescale(raw: dict, radius: float, np) -> dict:
    pts = np.array(list(raw.values()), dtype=float)
    pts -= pts.mean(axis=0)
    pts *= radius / max(1e-9, float(np.abs(pts).max()))
    return dict(zip(raw, pts))


def _centre(pos: dict, np) -> dict:
    pts = np.array(list(pos.values()), dtype=float)
    mid = (pts.min(axis=0) + pts.max(axis=0)) / 2
    return {n: np.asarray(p, dtype=float) - mid for n, p in pos.items()}


def _pack(blocks: list[dict], pos: dict) -> float:
    """Place blocks (largest first) into ``pos``; return the bottom y.

    The largest block keeps the stage; smaller ones are shelved beside it (or
    under it, when it is already wide), so that the whole is about the shape
    of a screen.
    """
    if not blocks:
        return 0.0
    tiny = [b for b in blocks if len(b) <= 3]
    if len(tiny) > 3:
        # Pairs and triples in one square block: in a long row they would read as a dotted line.
        group: dict = {}
        _pack_rows(tiny, group, square=True)
        blocks = [b for b in blocks if len(b) > 3] + [group]
    return _pack_rows(blocks, pos)


def _pack_rows(blocks: list[dict], pos: dict, square: bool = False) -> float:
    boxes = []
    for b in blocks:
        xs = [float(p[0]) for p in b.values()]
        ys = [float(p[1]) for p in b.values()]
        pad = UNIT * (1.5 if len(b) > 3 else 1.2)  # tiny groups still read as groups, not as a dotted line
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + pad, max(ys) - min(ys) + pad))
    area = [w * h for *_, w, h in boxes]
    if square:
        return _shelf(blocks, boxes, max(max(w for *_, w, _ in boxes), math.sqrt(sum(area)) * 1.2), 0.0, 0.0, pos)
    if len(blocks) == 1 or sum(area[1:]) > area[0]:
        row = max(boxes[0][2], math.sqrt(sum(area) * SCREEN) * 1.1)
        return _shelf(blocks, boxes, row, 0.0, 0.0, pos)
    _, _, gw, gh = boxes[0]
    _shelf(blocks[:1], boxes[:1], gw, 0.0, 0.0, pos)
    widest = max(w for *_, w, _ in boxes[1:])
    if gw / gh < SCREEN:
        bottom = _shelf(blocks[1:], boxes[1:], max(widest, math.sqrt(sum(area[1:]))), gw, 0.0, pos)
        return max(gh, bottom)
    return _shelf(blocks[1:], boxes[1:], max(widest, gw), 0.0, gh, pos)


SCREEN = 1.5  # width / height of the picture to aim for


def _shelf(blocks: list[dict], boxes: list[tuple], row_width: float, x0: float, y0: float, pos: dict) -> float:
    """Shelf packing: blocks left to right in rows of ``row_width``, from (x0, y0); return the bottom y."""
    x = y = row_h = 0.0
    for b, (bx, by, w, h) in zip(blocks, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, p in b.items():
            pos[n] = (float(p[0]) - bx + x + x0, float(p[1]) - by + y + y0)
        x += w
        row_h = max(row_h, h)
    return y0 + y + row_h


# --- page data ---------------------------------------------------------------

def _split_bar(value: Any) -> list[str]:
    return [s for s in str(value or "").split("|") if s]


class _Sentences:
    """Sentence text and article names by (document id, sentence index)."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.docs: dict[str, CleanDocument] = {d.document.id: d for d in kg.documents}

    def article(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        if d is None:
            return os.path.basename(doc_id)
        return d.title.strip() or os.path.basename(d.document.path) or doc_id

    def text(self, doc_id: str, index: int) -> tuple[str, tuple[int, ...]]:
        d = self.docs.get(doc_id)
        if d is None or not 0 <= index < len(d.sentences):
            return "", ()
        s = d.sentences[index]
        return s.text, s.offsets


def _snippet(text: str, hs: int, he: int) -> list:
    """[text, highlight start, highlight end], cut to about SNIPPET characters around the highlight."""
    if len(text) <= SNIPPET:
        return [text, hs, he]
    if hs < 0:
        return [text[:SNIPPET] + "…", -1, -1]
    start = max(0, min(hs - SNIPPET // 3, len(text) - SNIPPET))
    end = min(len(text), start + SNIPPET)
    cut = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    shift = start - (1 if start else 0)
    return [cut, hs - shift, min(he, end) - shift]


def _locate(text: str, offsets: tuple[int, ...], start: int, end: int, name: str) -> tuple[int, int]:
    """Where the original span [start, end) lies in the repaired sentence text."""
    i = bisect.bisect_left(offsets, start)
    j = bisect.bisect_left(offsets, end)
    if i < len(offsets) and offsets[i] == start and j > i:
        return i, j
    k = text.find(name) if name else -1
    return (k, k + len(name)) if k >= 0 else (-1, -1)


def node_evidence(kg: KnowledgeGraph, key: str, sentences: _Sentences) -> list[list]:
    """Up to MAX_EVIDENCE distinct sentences naming the entity, taken from as many articles as possible."""
    entity = kg.entities.get(key)
    if entity is None:
        return []
    by_doc: dict[str, list] = {}
    seen = set()
    for m in sorted(entity.mentions, key=lambda m: (m.doc_id, m.sentence, m.start)):
        if (m.doc_id, m.sentence) in seen:
            continue
        seen.add((m.doc_id, m.sentence))
        by_doc.setdefault(m.doc_id, []).append(m)
    picked = []
    queues = list(by_doc.values())
    while queues and len(picked) < MAX_EVIDENCE:
        for q in queues:
            if q and len(picked) < MAX_EVIDENCE:
                picked.append(q.pop(0))
        queues = [q for q in queues if q]
    out = []
    for m in picked:
        text, offsets = sentences.text(m.doc_id, m.sentence)
        if not text:
            continue
        hs, he = _locate(text, offsets, m.start, m.end, m.name)
        out.append(_snippet(text, hs, he) + [sentences.article(m.doc_id)])
    return out


def _evidence_text(ev: Evidence, sentences: _Sentences) -> str:
    return ev.text or sentences.text(ev.doc_id, ev.sentence)[0]


def edge_evidence(kg: KnowledgeGraph, sentences: _Sentences, wanted: set[frozenset]) -> dict[frozenset, list]:
    """One evidence sentence for each wanted pair, from its typed relation when it has one."""
    best: dict[frozenset, tuple[int, Evidence]] = {}
    for rel in kg.relations:
        pair = frozenset((rel.head, rel.tail))
        if pair not in wanted:
            continue
        rank = 1 if rel.kind == COOCCURS else 0
        for ev in rel.evidence:
            if pair not in best or rank < best[pair][0]:
                best[pair] = (rank, ev)
            break
    out = {}
    for pair, (_, ev) in best.items():
        text = _evidence_text(ev, sentences)
        if text:
            out[pair] = _snippet(text, -1, -1)[:1] + [sentences.article(ev.doc_id)]
    return out


def page_data(view: nx.Graph, kg: KnowledgeGraph, positions: dict) -> tuple[list[dict], list[dict]]:
    """The nodes and edges as the page reads them (vis-network fields plus the panel's data)."""
    sentences = _Sentences(kg)
    nodes = []
    for key in sorted(view, key=str):
        d = view.nodes[key]
        x, y = positions[key]
        nodes.append({
            "id": str(key), "label": str(d.get("label", key)), "x": x, "y": y,
            "t": d.get("type", ""), "c": d.get("community", 0),
            "w": d.get("weight", 0), "m": d.get("mentions", 0), "docs": d.get("documents", 0),
            "al": _split_bar(d.get("aliases")), "po": _split_bar(d.get("posts")), "cd": d.get("code", ""),
            "iso": view.degree(key) == 0,
            "ev": node_evidence(kg, key, sentences),
        })
    pairs = {frozenset((u, v)) for u, v in view.edges}
    evidence = edge_evidence(kg, sentences, pairs)
    edges = []
    # Sorted by the pair, not by how networkx happens to orient the edge.
    for i, (u, v, d) in enumerate(sorted(view.edges(data=True), key=lambda e: sorted((str(e[0]), str(e[1]))))):
        head = d.get("head") or ""
        a, b = sorted((u, v), key=str)
        if head and str(head) == str(b):
            a, b = b, a
        edges.append({
            "id": f"e{i}", "from": str(a), "to": str(b),
            "k": d.get("kind", COOCCURS), "ks": _split_bar(d.get("kinds")),
            "n": d.get("count", 0), "p": d.get("pmi", 0.0), "w": d.get("weight", 1),
            "ev": evidence.get(frozenset((u, v))),
        })
    return nodes, edges


def vis_options(n_nodes: int) -> dict:
    big = n_nodes > 1000
    return {
        "autoResize": True,
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"face": FONT, "color": "#1a1a1a", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 9, "maxVisible": 26}}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.5},
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False, "keyboard": False},
    }


FONT = ('"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
        '"WenQuanYi Micro Hei",sans-serif')


# --- rendering ---------------------------------------------------------------

_JS_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JS_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def json_for_script(obj: Any) -> Markup:
    """JSON that is safe inside a <script> element: nothing in it can close the element.

    >>> str(json_for_script({"name": "</script><b>"}))
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return Markup(_JS_ESCAPE_RE.sub(lambda m: _JS_ESCAPES[m.group()], text))


def _vis_asset(name: str) -> str:
    """A file of vis-network as shipped inside the installed pyvis package, ready to inline."""
    import pyvis
    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    text = path.read_text(encoding="utf-8")
    # The source-map comment would point devtools at a file that is not there.
    return re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _check_inline(code: str, tag: str) -> str:
    if re.search(rf"</{tag}", code, re.I):
        raise ValueError(f"inline {tag} contains a closing tag")
    return code


def render_page(view: nx.Graph, kg: KnowledgeGraph, positions: dict, *, nodes_total: int,
                title: str | None = None) -> str:
    """The HTML of the page for ``view`` (already capped and laid out)."""
    from pyvis.network import Network

    if title is None:
        articles = len(kg.documents)
        title = f"kg — {nodes_total} entities" + (f" from {articles} article{'s' * (articles != 1)}" if articles else "")

    nodes, edges = page_data(view, kg, positions)
    present = {n["t"] for n in nodes}
    types = [[t, *TYPE_STYLE[t]] for t in ENTITY_TYPES if t in present]
    types += [[t, *OTHER_STYLE] for t in sorted(present - set(ENTITY_TYPES))]
    meta = {"title": title, "nodesTotal": nodes_total, "nodesShown": len(nodes),
            "leftOut": nodes_total - len(nodes), "edgesShown": len(edges), "types": types}

    net = Network(height="100%", width="100%", heading=title, cdn_resources="in_line")
    net.nodes, net.edges = nodes, edges  # add_node/add_edge are quadratic; the page reads these lists as is
    net.options = vis_options(len(nodes))
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      keep_trailing_newline=True)
    env.filters["json"] = json_for_script
    vis_js = _check_inline(_vis_asset("vis-network.min.js"), "script")
    page_js = _check_inline((TEMPLATES / "graph.js").read_text(encoding="utf-8"), "script")
    env.globals.update(
        vis_js=Markup(vis_js), vis_css=Markup(_check_inline(_vis_asset("vis-network.css"), "style")),
        page_js=Markup(page_js), page_css=Markup(_check_inline((TEMPLATES / "graph.css").read_text(encoding="utf-8"), "style")),
        meta=meta, script_hashes=" ".join(_script_hash(c) for c in (vis_js, page_js)),
    )
    net.templateEnv = env
    net.path = "graph.html.j2"
    return net.generate_html()
