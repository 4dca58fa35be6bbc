"""Positions of the page's nodes: fixed seed, so the same graph gives the same picture.

Each connected component is laid out on its own (a force layout, then
overlapping nodes pushed apart) and the components are packed in rows,
largest first; components too large for a quadratic layout are laid out
community by community. The page (``html.py``) and the graph files for Gephi
(``network.py``) use the same positions (:func:`picture`): the page's nodes
where the page draws them, the nodes a capped page leaves out beside their
strongest neighbour on it.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = ["Picture", "picture", "select_nodes", "compute_layout", "extend_layout", "node_radius", "strength",
           "LAYOUT_SEED", "UNIT", "MIN_RADIUS", "RADIUS_RANGE"]

LAYOUT_SEED = 7
SPRING_LIMIT = 500       # networkx's spring_layout needs scipy from 500 nodes on; split larger parts
UNIT = 60.0              # canvas pixels between neighbouring nodes
MIN_RADIUS, RADIUS_RANGE = 6.0, 34.0   # node radius: MIN + RANGE * sqrt(weight / top weight), as graph.js draws it
SCREEN = 1.5             # width / height of the picture to aim for


def strength(graph: nx.Graph, n: Any) -> tuple:
    """Sort key of a node: strongest (weighted degree, then mentions) first, ties by label and id."""
    d = graph.nodes[n]
    return (-d.get("weight", 0), -d.get("mentions", 0), str(d.get("label", n)), str(n))


def node_radius(graph: nx.Graph) -> dict[Any, float]:
    """The drawn radius of each node, as the page sizes it by default (weighted degree)."""
    top = max((d.get("weight", 0) for _, d in graph.nodes(data=True)), default=0)
    return {n: MIN_RADIUS + RADIUS_RANGE * (math.sqrt(d.get("weight", 0) / top) if top else 0.0)
            for n, d in graph.nodes(data=True)}


@dataclass(frozen=True)
class Picture:
    """What the page draws and where every node of the graph sits, shared by the page and the graph files."""
    shown: list                                  # the nodes drawn on the page
    positions: dict[Any, tuple[float, float]]    # every node of the graph, in page pixels (y down)
    radius: dict[Any, float]                     # every node, as the page draws it by default


def picture(graph: nx.Graph, max_nodes: int) -> Picture:
    """The page's nodes (at most ``max_nodes``, 0 for all), laid out, and the rest placed beside them."""
    shown = select_nodes(graph, max_nodes)
    positions = compute_layout(graph.subgraph(shown).copy())  # a copy: algorithms walk a view slowly
    if len(shown) < graph.number_of_nodes():
        positions = extend_layout(graph, positions)
    return Picture(shown, positions, node_radius(graph))


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
        members.sort(key=lambda x: strength(graph, x))
        share = max_nodes * len(members) // n
        keep.extend(members[:share])
        rest.extend(members[share:])
    rest.sort(key=lambda x: strength(graph, x))
    keep.extend(rest[:max_nodes - len(keep)])
    return keep


def extend_layout(graph: nx.Graph, placed: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """Positions for every node: ``placed`` as given, each other one on a spiral around its strongest placed neighbour.

    Nodes are placed outwards from the placed ones, strongest first, so a node
    a capped page leaves out sits next to what it is linked to; nodes linked
    to nothing placed go in a grid underneath.

    >>> g = nx.path_graph(3)
    >>> sorted(extend_layout(g, {0: (0.0, 0.0)}))
    [0, 1, 2]
    """
    pos = dict(placed)
    around: Counter = Counter()
    frontier = {n for m in placed for n in graph[m] if n not in pos}
    while frontier:
        found = set()
        for n in sorted(frontier, key=lambda x: strength(graph, x)):
            anchor = max((m for m in graph[n] if m in pos),
                         key=lambda m: (graph.edges[n, m].get("weight", 1), str(m)))
            k = around[anchor]
            around[anchor] += 1
            r, angle = UNIT * (0.9 + 0.3 * math.sqrt(k)), k * 2.399963  # the golden angle: no two on one ray
            x, y = pos[anchor]
            pos[n] = (round(x + r * math.cos(angle), 1), round(y + r * math.sin(angle), 1))
            found.update(m for m in graph[n] if m not in pos)
        frontier = found - set(pos)
    rest = sorted((n for n in graph if n not in pos), key=lambda x: strength(graph, x))
    if rest:
        x0 = min((p[0] for p in pos.values()), default=0.0)
        y0 = max((p[1] for p in pos.values()), default=0.0) + UNIT * 2
        cols = max(1, int(math.ceil(math.sqrt(len(rest) * 3))))
        for i, n in enumerate(rest):
            pos[n] = (round(x0 + (i % cols) * UNIT * 1.4, 1), round(y0 + (i // cols) * UNIT, 1))
    return pos


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
    isolates = sorted((n for n in graph if graph.degree(n) == 0), key=lambda x: strength(graph, x))
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
