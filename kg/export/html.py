"""The interactive page ``graph.html``: one self-contained file, opened from disk.

pyvis renders the page, but through this package's own template
(``templates/graph.html.j2``) because its stock ones link Bootstrap and
tom-select from a CDN, print the heading twice and show HTML tooltips as raw
text. vis-network's script and style are read from the copies bundled inside
the installed pyvis package and inlined, so the page requests nothing.

Positions come from kg.export.layout (a fixed seed) and physics is off in the page,
so the browser draws at once and the same build gives the same picture.
Above ``max_nodes`` the page keeps the strongest nodes of each community;
``graph.gexf`` (kg.export.network) always holds the whole graph.

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
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from kg.atomic import atomic_write
from kg.config import DEFAULTS
from kg.export.layout import Picture, picture, select_nodes, strength
from kg.model import (CITY, COMMUNITY, COOCCURS, COUNTRY, COUNTY, ENTITY_TYPES, ESTATE, HOLDS_POST, IMPLEMENTS, LOCATED_IN, MEMBER_OF,
                      ORGANIZATION, PERSON, PROGRAM, PROVINCE, RELATION_KINDS, TOWNSHIP, VILLAGE, CleanDocument, Entity,
                      Evidence, KnowledgeGraph, Mention)

TEMPLATES = Path(__file__).parent / "templates"
MAX_EVIDENCE = 3
SNIPPET = 160            # characters of an evidence sentence shown around the name

# Colours: people warm, places a cool ramp from province (dark) to estate (light),
# organizations orange, programs purple; the Chinese word helps readers of the corpus.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    PERSON: ("人物", "#d62728"),
    COUNTRY: ("国家", "#1a1a4e"),
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

# How each kind of link is drawn (colour, dashed) and said in the legend: stated relations are
# arrows from their head, in a colour of their own; co-occurrence is a light grey line.
LINK_STYLE: dict[str, tuple[str, bool, str]] = {
    LOCATED_IN: ("#2b6cb0", False, "lies in"),
    MEMBER_OF: ("#c05621", False, "is part of"),
    IMPLEMENTS: ("#6b46c1", False, "carries out"),
    COOCCURS: ("#9a9a9a", True, "in one sentence"),
}


@dataclass(frozen=True)
class HtmlSummary:
    path: Path
    nodes_shown: int
    nodes_total: int
    left_out: int


def write_html(graph: nx.Graph, kg: KnowledgeGraph, out_dir: Path, *,
               max_nodes: int = DEFAULTS.max_nodes, title: str | None = None,
               layout: Picture | None = None) -> HtmlSummary:
    """Write ``out_dir/graph.html`` with at most ``max_nodes`` nodes (``<= 0``: all).

    ``graph`` is the graph of :func:`kg.graph.build_graph`; it is not modified.
    ``layout`` is the picture of ``graph`` the graph files share, when already made.
    """
    html_path = Path(out_dir) / "graph.html"
    layout = layout or picture(graph, max_nodes)
    view = graph.subgraph(layout.shown).copy()
    page = render_page(view, kg, layout.positions, nodes_total=graph.number_of_nodes(), title=title,
                       left_out=_left_out_names(graph, view))
    atomic_write(html_path, page)
    return HtmlSummary(path=html_path, nodes_shown=view.number_of_nodes(),
                       nodes_total=graph.number_of_nodes(),
                       left_out=graph.number_of_nodes() - view.number_of_nodes())


# --- page data ---------------------------------------------------------------

def _split_bar(value: Any) -> list[str]:
    return [s for s in str(value or "").split("|") if s]


class _Sentences:
    """Sentence text and the page's article numbers by (document id, sentence index)."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.docs: dict[str, CleanDocument] = {d.document.id: d for d in kg.documents}
        self.index = {doc_id: i for i, doc_id in enumerate(sorted(self.docs))}

    def articles(self) -> list[list[str]]:
        """[file, title, date, newspaper] of each article, in the order of ``index``."""
        rows = []
        for doc_id in sorted(self.docs):
            d = self.docs[doc_id]
            rows.append([os.path.basename(d.document.path) or doc_id, d.title.strip(), d.date,
                         str(getattr(d, "newspaper", "") or "")])
        return rows

    def article(self, doc_id: str) -> int:
        return self.index.get(doc_id, -1)

    def date(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        return d.date if d is not None else ""

    def text(self, doc_id: str, index: int) -> tuple[str, Any]:
        d = self.docs.get(doc_id)
        if d is None or not 0 <= index < len(d.sentences):
            return "", ()
        s = d.sentences[index]
        return s.text, s.offsets


def _snippet(text: str, marks: list[tuple[int, int]]) -> list:
    """[text, marks] cut to about SNIPPET characters around the marked names (each mark [start, end])."""
    marks = sorted((a, b) for a, b in marks if 0 <= a < b)
    if len(text) <= SNIPPET:
        return [text, [list(m) for m in marks]]
    if not marks:
        return [text[:SNIPPET] + "…", []]
    lo, hi = marks[0][0], max(b for _, b in marks)
    start = max(0, min(lo - SNIPPET // 3, len(text) - SNIPPET))
    end = min(len(text), max(start + SNIPPET, hi + 10))
    cut = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    shift = start - (1 if start else 0)
    return [cut, [[a - shift, min(b, end) - shift] for a, b in marks if b <= end]]


def _locate(text: str, offsets, start: int, end: int, name: str) -> tuple[int, int]:
    """Where the original span [start, end) lies in the repaired sentence text."""
    i = bisect.bisect_left(offsets, start)
    j = bisect.bisect_left(offsets, end)
    if i < len(offsets) and offsets[i] == start and j > i:
        return i, j
    k = text.find(name) if name else -1
    return (k, k + len(name)) if k >= 0 else (-1, -1)


def _spread_mentions(entity: Entity, sentences: _Sentences | None = None) -> list[Mention]:
    """Up to MAX_EVIDENCE mentions in distinct sentences, taken from as many articles as possible: the
    earliest article first, then the latest, then those between (so that a period filter finds one)."""
    by_doc: dict[str, list[Mention]] = {}
    seen = set()
    for m in sorted(entity.mentions, key=lambda m: (m.doc_id, m.sentence, m.start)):
        if (m.doc_id, m.sentence) not in seen:
            seen.add((m.doc_id, m.sentence))
            by_doc.setdefault(m.doc_id, []).append(m)
    order = sorted(by_doc, key=lambda d: ((sentences.date(d) if sentences else "") or "9999", d))
    if len(order) > 2:
        order = [order[0], order[-1], *order[1:-1]]
    picked: list[Mention] = []
    queues = [by_doc[d] for d in order]
    while queues and len(picked) < MAX_EVIDENCE:
        for q in queues:
            if q and len(picked) < MAX_EVIDENCE:
                picked.append(q.pop(0))
        queues = [q for q in queues if q]
    return picked


def node_evidence(kg: KnowledgeGraph, key: str, sentences: _Sentences) -> list[list]:
    """[text, marks, article] of up to MAX_EVIDENCE sentences naming the entity."""
    entity = kg.entities.get(key)
    if entity is None:
        return []
    out = []
    for m in _spread_mentions(entity, sentences):
        text, offsets = sentences.text(m.doc_id, m.sentence)
        if text:
            out.append(_snippet(text, [_locate(text, offsets, m.start, m.end, m.name)]) + [sentences.article(m.doc_id)])
    return out


def _marks(kg: KnowledgeGraph, keys: tuple, ev: Evidence, text: str, offsets,
           where: dict[str, dict[tuple[str, int], list[Mention]]]) -> list[tuple[int, int]]:
    """Where each entity of ``keys`` is named in the sentence of ``ev`` (``where``: its mentions by sentence)."""
    marks = []
    for key in keys:
        e = kg.entities.get(key)
        if e is None:
            continue
        here = where[key].get((ev.doc_id, ev.sentence))
        if here:
            marks += [_locate(text, offsets, m.start, m.end, m.name) for m in here]
        else:  # a mention folded away by resolution: find the name itself
            k = text.find(e.name)
            marks.append((k, k + len(e.name)) if k >= 0 else (-1, -1))
    return marks


def _mentions_by_sentence(kg: KnowledgeGraph, keys) -> dict[str, dict[tuple[str, int], list[Mention]]]:
    """The mentions of each entity of ``keys`` by (article, sentence): an entity named in thousands of
    sentences is looked up once for each of its edges' evidence, not scanned."""
    out: dict[str, dict[tuple[str, int], list[Mention]]] = {}
    for key in keys:
        index: dict[tuple[str, int], list[Mention]] = {}
        for m in kg.entities[key].mentions if key in kg.entities else ():
            index.setdefault((m.doc_id, m.sentence), []).append(m)
        out[key] = index
    return out


def edge_evidence(kg: KnowledgeGraph, sentences: _Sentences, wanted: set[frozenset]) -> dict[frozenset, list]:
    """[[text, marks of both names, article], …] for each wanted pair: up to MAX_EVIDENCE sentences of as
    many articles, the earliest, the latest and one between when they are dated (so that the page's
    period filter finds one of the period), from its typed relation before its co-occurrence."""
    found: dict[frozenset, dict[str, tuple[int, Evidence, tuple]]] = {}
    for rel in kg.relations:
        pair = frozenset((rel.head, rel.tail))
        if pair in wanted:
            rank = 1 if rel.kind == COOCCURS else 0
            by_doc = found.setdefault(pair, {})
            for ev in rel.evidence:
                if ev.doc_id not in by_doc or rank < by_doc[ev.doc_id][0]:
                    by_doc[ev.doc_id] = (rank, ev, (rel.head, rel.tail))
    where = _mentions_by_sentence(kg, {key for pair in found for key in pair})
    out = {}
    for pair, by_doc in found.items():
        blocks = []
        for _, ev, keys in _spread_in_time(by_doc, sentences):
            text, offsets = sentences.text(ev.doc_id, ev.sentence)
            text = text or ev.text
            if text:
                blocks.append(_snippet(text, _marks(kg, keys, ev, text, offsets, where))
                              + [sentences.article(ev.doc_id)])
        if blocks:
            out[pair] = blocks
    return out


def _spread_in_time(by_doc: dict[str, tuple], sentences: _Sentences) -> list[tuple]:
    """Up to MAX_EVIDENCE of one evidence an article: the earliest, the latest, then the ones between."""
    order = sorted(by_doc, key=lambda d: (sentences.date(d) or "9999", d))
    picked = [order[0], order[-1], *order[1:-1]][:MAX_EVIDENCE] if len(order) > 1 else order
    return [by_doc[d] for d in sorted(set(picked), key=order.index)]


def _qualifiers(kg: KnowledgeGraph) -> dict[str, str]:
    """What tells an entity from another of the same name: the place it lies in, or the body it belongs to."""
    where: dict[str, str] = {}
    for rel in sorted(kg.relations, key=lambda r: (r.kind != LOCATED_IN, r.kind, r.head, r.tail)):
        target = rel.body if rel.kind == HOLDS_POST else rel.tail
        if rel.kind in (LOCATED_IN, MEMBER_OF, HOLDS_POST) and target in kg.entities and rel.head not in where:
            where[rel.head] = kg.entities[target].name
    for key, e in kg.entities.items():
        if key not in where and e.parent in kg.entities:
            where[key] = kg.entities[e.parent].name
    return where


def _posts(kg: KnowledgeGraph, keys: set) -> dict[str, list[list[str]]]:
    """[post, its body's name] of each holder in ``keys``."""
    out: dict[str, list[list[str]]] = {}
    for rel in sorted(kg.relations, key=lambda r: (r.head, r.tail, r.body)):
        if rel.kind == HOLDS_POST and rel.head in keys:
            body = kg.entities[rel.body].name if rel.body in kg.entities else ""
            if [rel.tail, body] not in out.setdefault(rel.head, []):
                out[rel.head].append([rel.tail, body])
    return out


def _doc_numbers(value: Any, sentences: _Sentences) -> list[int]:
    return sorted(i for i in (sentences.article(d) for d in _split_bar(value)) if i >= 0)


def page_data(view: nx.Graph, kg: KnowledgeGraph, positions: dict,
              sentences: _Sentences | None = None) -> tuple[list[dict], list[dict]]:
    """The nodes and edges as the page reads them (positions plus the panel's and the filters' data)."""
    sentences = sentences or _Sentences(kg)
    where = _qualifiers(kg)
    posts = _posts(kg, set(view))
    nodes = []
    for key in sorted(view, key=str):
        d = view.nodes[key]
        x, y = positions[key]
        nodes.append({
            "id": str(key), "label": str(d.get("label", key)), "x": x, "y": y,
            "t": d.get("type", ""), "c": d.get("community", 0), "q": where.get(key, ""),
            "w": d.get("weight", 0), "m": d.get("mentions", 0), "docs": d.get("documents", 0),
            "dn": _doc_numbers(d.get("articles"), sentences),
            "al": _split_bar(d.get("aliases")), "po": posts.get(key, []), "cd": d.get("code", ""),
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
        kind = d.get("kind", COOCCURS)
        edges.append({
            "id": f"e{i}", "from": str(a), "to": str(b), "k": kind, "ks": _split_bar(d.get("kinds")),
            "dir": kind != COOCCURS and bool(head),
            "n": d.get("count", 0), "p": d.get("pmi", 0.0), "w": d.get("weight", 1),
            "dn": _doc_numbers(d.get("articles"), sentences),
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


def _left_out_names(graph: nx.Graph, view: nx.Graph) -> list[list]:
    """[name, type, alias, ...] of every node a capped page leaves out, strongest first, so a search can say where it is."""
    rest = sorted((n for n in graph if n not in view), key=lambda n: strength(graph, n))
    return [[str(graph.nodes[n].get("label", n)), graph.nodes[n].get("type", ""),
             *_split_bar(graph.nodes[n].get("aliases"))] for n in rest]


def render_page(view: nx.Graph, kg: KnowledgeGraph, positions: dict, *, nodes_total: int,
                title: str | None = None, left_out: list[list] | None = None) -> str:
    """The HTML of the page for ``view`` (already capped and laid out)."""
    from pyvis.network import Network

    if title is None:
        articles = len(kg.documents)
        title = f"kg — {nodes_total} entities" + (f" from {articles} article{'s' * (articles != 1)}" if articles else "")

    sentences = _Sentences(kg)
    nodes, edges = page_data(view, kg, positions, sentences)
    present = {n["t"] for n in nodes}
    types = [[t, *TYPE_STYLE[t]] for t in ENTITY_TYPES if t in present]
    types += [[t, *OTHER_STYLE] for t in sorted(present - set(ENTITY_TYPES))]
    used = {k for e in edges for k in e["ks"]}
    kinds = [k for k in (*RELATION_KINDS, COOCCURS) if k in used] + sorted(used - {*RELATION_KINDS, COOCCURS})
    meta = {"title": title, "nodesTotal": nodes_total, "nodesShown": len(nodes),
            "leftOut": nodes_total - len(nodes), "edgesShown": len(edges), "types": types,
            "kinds": [[k, *LINK_STYLE.get(k, LINK_STYLE[COOCCURS])] for k in kinds],
            "articles": sentences.articles(), "leftOutNames": left_out or []}

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
