"""report.html: the graph as one page a reader can take in without SPARQL.

The corpus (articles, dates, newspapers), the officials and their posts, the
bodies and their members, the programs and the places that implement them,
the tree of places, and the pairs named together most often and most
surprisingly (PMI), with charts. Every number links to its evidence: the
sentences behind an official, a post, a pair or an implementation, or the
list of articles or entities it counts.

The page is static: no script runs in it (its Content-Security-Policy
allows none) and every string from the corpus goes through Jinja's escaping.
Charts are drawn by matplotlib as inline SVG, with text left as text so the
reader's browser draws the Chinese names in its own fonts.
"""
from __future__ import annotations

import io
import logging
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from kg.atomic import atomic_write
from kg.export.html import OTHER_STYLE, TYPE_STYLE
from kg.model import (COOCCURS, ENTITY_TYPES, HOLDS_POST, IMPLEMENTS, LOCATED_IN, MEMBER_OF, ORGANIZATION, PERSON,
                      PLACE_LEVEL, PLACE_TYPES, PROGRAM, Entity, Evidence, KnowledgeGraph)

__all__ = ["write_report", "report_data", "TOP"]

TEMPLATES = Path(__file__).parent / "templates"
TOP = 30               # rows of each ranked table
PAIRS = 20             # rows of each table of pairs
SENTENCES = 8          # evidence sentences listed for one item
PMI_MIN_COUNT = 2      # PMI favours rare pairs: rank only pairs named together at least this often
YEARLY_AFTER = 48      # months the articles span beyond which the time chart counts years


@dataclass
class Evid:
    """One item's evidence: an anchor, a heading and its sentences (marked where the names are)."""
    anchor: str
    heading: str
    sentences: list[tuple[list[tuple[str, bool]], str]] = field(default_factory=list)   # (segments, article)
    more: int = 0


class _Book:
    """The evidence sections, numbered in the order items are met."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.items: list[Evid] = []
        self.docs = {d.document.id: d for d in kg.documents}

    def article(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        if d is None:
            return doc_id
        parts = [os.path.basename(d.document.path) or doc_id, d.title.strip(), d.date]
        return " · ".join(p for p in parts if p)

    def add(self, heading: str, evidence: list[Evidence], names: list[str]) -> str:
        anchor = f"ev{len(self.items) + 1}"
        seen, rows = set(), []
        for ev in evidence:
            text = ev.text or self._text(ev.doc_id, ev.sentence)
            if not text or (ev.doc_id, text) in seen:
                continue
            seen.add((ev.doc_id, text))
            rows.append((mark(text, names), self.article(ev.doc_id)))
        self.items.append(Evid(anchor, heading, rows[:SENTENCES], max(0, len(rows) - SENTENCES)))
        return anchor

    def mentions(self, e: Entity) -> str:
        evidence = [Evidence(m.doc_id, m.sentence, m.start, m.end) for m in
                    sorted(e.mentions, key=lambda m: (m.doc_id, m.sentence))]
        return self.add(f"{e.name} ({e.type})", evidence, sorted(e.aliases | {e.name}, key=len, reverse=True))

    def _text(self, doc_id: str, index: int) -> str:
        d = self.docs.get(doc_id)
        return d.sentences[index].text if d is not None and 0 <= index < len(d.sentences) else ""


def mark(text: str, names: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is a name) segments, the longest names first.

    >>> mark("王明远主持会议", ["王明远"])
    [('王明远', True), ('主持会议', False)]
    """
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _names(kg: KnowledgeGraph, *keys: str) -> list[str]:
    out: list[str] = []
    for k in keys:
        e = kg.entities.get(k)
        out += sorted(e.aliases | {e.name}, key=len, reverse=True) if e else [k]
    return out


def _name(kg: KnowledgeGraph, key: str) -> str:
    e = kg.entities.get(key)
    return e.name if e else key


def corpus_summary(kg: KnowledgeGraph) -> dict:
    """Articles with their titles, dates and newspapers; counts by type and kind."""
    articles = []
    for d in sorted(kg.documents, key=lambda d: (d.date or "9999", d.document.id)):
        articles.append({"id": d.document.id, "file": os.path.basename(d.document.path) or d.document.id,
                         "title": d.title.strip(), "date": d.date, "paper": getattr(d, "newspaper", "") or ""})
    dates = sorted(a["date"] for a in articles if a["date"])
    by_type = Counter(e.type for e in kg.entities.values())
    by_kind = Counter(r.kind for r in kg.relations)
    return {"articles": articles, "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
            "dated": len(dates), "papers": Counter(a["paper"] for a in articles if a["paper"]).most_common(),
            "sentences": kg.sentence_count, "characters": sum(len(d.document.text) for d in kg.documents),
            "types": [(t, by_type[t]) for t in ENTITY_TYPES if by_type[t]]
            + sorted((t, n) for t, n in by_type.items() if t not in ENTITY_TYPES),
            "kinds": sorted(by_kind.items())}


def officials(kg: KnowledgeGraph, book: _Book) -> list[dict]:
    """The people who hold posts, most mentioned first, with each post and its body."""
    posts: dict[str, list] = defaultdict(list)
    for r in kg.relations:
        if r.kind == HOLDS_POST and r.head in kg.entities:
            posts[r.head].append(r)
    rows = []
    for key in sorted(posts, key=lambda k: (-kg.entities[k].mention_count, kg.entities[k].name, k))[:TOP]:
        e = kg.entities[key]
        held = []
        for r in sorted(posts[key], key=lambda r: (r.tail, r.body)):
            body = _name(kg, r.body) if r.body else ""
            names = _names(kg, key) + [r.tail] + (_names(kg, r.body) if r.body else [])
            held.append({"post": r.tail, "body": body, "n": len(r.evidence) or r.count,
                         "ev": book.add(f"{e.name}: {r.tail}" + (f" · {body}" if body else ""), r.evidence, names)})
        rows.append({"name": e.name, "key": key, "mentions": e.mention_count, "docs": len(e.documents),
                     "ev": book.mentions(e), "posts": held})
    return rows


def bodies(kg: KnowledgeGraph, book: _Book) -> list[dict]:
    """Organizations with the people and bodies that are members of them or hold posts in them."""
    members: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for r in kg.relations:
        if r.kind == MEMBER_OF and r.tail in kg.entities and r.head in kg.entities:
            members[r.tail][r.head] += r.evidence
        elif r.kind == HOLDS_POST and r.body in kg.entities and r.head in kg.entities:
            members[r.body][r.head] += r.evidence
    ranked = sorted(members, key=lambda b: (-len(members[b]), -kg.entities[b].mention_count, kg.entities[b].name))
    rows = []
    for body in ranked[:TOP]:
        e = kg.entities[body]
        people = [{"name": _name(kg, m), "type": kg.entities[m].type,
                   "ev": book.add(f"{_name(kg, m)} in {e.name}", ev, _names(kg, m, body))}
                  for m, ev in sorted(members[body].items(), key=lambda x: (-len(x[1]), _name(kg, x[0])))]
        rows.append({"name": e.name, "type": e.type, "ev": book.mentions(e), "members": people})
    return rows


def programs(kg: KnowledgeGraph, book: _Book) -> list[dict]:
    """Programs with the places and bodies that implement them, most implemented first."""
    doers: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for r in kg.relations:
        if r.kind == IMPLEMENTS and r.tail in kg.entities and r.head in kg.entities:
            doers[r.tail][r.head] += r.evidence

    def places(p: str) -> int:
        return sum(1 for d in doers[p] if kg.entities[d].type in PLACE_TYPES)

    ranked = sorted(doers, key=lambda p: (-places(p), -len(doers[p]), kg.entities[p].name))
    rows = []
    for prog in ranked[:TOP]:
        e = kg.entities[prog]
        who = [{"name": _name(kg, d), "type": kg.entities[d].type,
                "ev": book.add(f"{_name(kg, d)} implements {e.name}", ev, _names(kg, d, prog))}
               for d, ev in sorted(doers[prog].items(), key=lambda x: (PLACE_LEVEL.get(kg.entities[x[0]].type, 99),
                                                                       _name(kg, x[0])))]
        rows.append({"name": e.name, "places": places(prog), "ev": book.mentions(e), "by": who})
    return rows


def place_tree(kg: KnowledgeGraph) -> list[dict]:
    """The places as a forest: each with the places located in it, larger units first."""
    parent: dict[str, str] = {}
    for r in sorted(kg.relations, key=lambda r: (r.head, r.tail)):
        if (r.kind == LOCATED_IN and r.head in kg.entities and r.tail in kg.entities
                and kg.entities[r.head].type in PLACE_TYPES and kg.entities[r.tail].type in PLACE_TYPES):
            parent.setdefault(r.head, r.tail)
    for key, e in kg.entities.items():
        if e.type in PLACE_TYPES and e.parent in kg.entities and key not in parent:
            parent[key] = e.parent
    children: dict[str, list[str]] = defaultdict(list)
    for child, up in parent.items():
        children[up].append(child)

    def node(key: str, seen: frozenset) -> dict:
        e = kg.entities[key]
        kids = sorted((c for c in children.get(key, []) if c not in seen),
                      key=lambda c: (PLACE_LEVEL.get(kg.entities[c].type, 99), kg.entities[c].name))
        return {"name": e.name, "type": e.type, "code": e.code,
                "children": [node(c, seen | {c}) for c in kids]}

    roots = [k for k, e in kg.entities.items() if e.type in PLACE_TYPES and k not in parent]
    roots.sort(key=lambda k: (PLACE_LEVEL.get(kg.entities[k].type, 99), kg.entities[k].name))
    return [node(k, frozenset({k})) for k in roots]


def pairs(kg: KnowledgeGraph, book: _Book) -> tuple[list[dict], list[dict]]:
    """The co-occurring pairs with the most shared sentences, and those with the highest PMI."""
    co = [r for r in kg.relations if r.kind == COOCCURS and r.head in kg.entities and r.tail in kg.entities]
    by_count = sorted(co, key=lambda r: (-r.count, -r.pmi, _name(kg, r.head), _name(kg, r.tail)))[:PAIRS]
    by_pmi = sorted((r for r in co if r.count >= PMI_MIN_COUNT),
                    key=lambda r: (-r.pmi, -r.count, _name(kg, r.head), _name(kg, r.tail)))[:PAIRS]
    anchors: dict[int, str] = {}

    def row(r) -> dict:
        a, b = _name(kg, r.head), _name(kg, r.tail)
        if id(r) not in anchors:
            anchors[id(r)] = book.add(f"{a} — {b}", r.evidence, _names(kg, r.head, r.tail))
        return {"a": a, "b": b, "count": r.count, "pmi": round(r.pmi, 2), "ev": anchors[id(r)]}

    return [row(r) for r in by_count], [row(r) for r in by_pmi]


def report_data(kg: KnowledgeGraph, graph: nx.Graph) -> dict:
    """Everything the report shows, as plain data."""
    book = _Book(kg)
    corpus = corpus_summary(kg)
    data = {"corpus": corpus, "officials": officials(kg, book), "bodies": bodies(kg, book),
            "programs": programs(kg, book), "places": place_tree(kg)}
    data["by_count"], data["by_pmi"] = pairs(kg, book)
    data["entities"] = _entity_lists(kg, graph)
    data["evidence"] = book.items
    return data


def _entity_lists(kg: KnowledgeGraph, graph: nx.Graph) -> list[tuple[str, list[dict]]]:
    """Every entity of each type, most mentioned first: what the counts by type count."""
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for e in kg.entities.values():
        by_type[e.type].append(e)
    out = []
    for t in [t for t in ENTITY_TYPES if t in by_type] + sorted(set(by_type) - set(ENTITY_TYPES)):
        rows = sorted(by_type[t], key=lambda e: (-e.mention_count, e.name, e.key))
        out.append((t, [{"name": e.name, "key": e.key, "mentions": e.mention_count, "docs": len(e.documents),
                         "community": graph.nodes[e.key].get("community", "") if e.key in graph else ""}
                        for e in rows]))
    return out


# --- charts --------------------------------------------------------------------

CHART_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei",
               "DejaVu Sans"]


def _figure(width: float, height: float, left: float, bottom: float):
    """A figure with fixed margins (in inches): a layout engine would cost more than the drawing."""
    import matplotlib
    matplotlib.use("svg", force=False)
    from matplotlib.figure import Figure
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "kg", "font.family": "sans-serif",
                                "font.sans-serif": CHART_FONTS, "font.size": 9})
    # A missing CJK font only changes the measured widths; the browser draws the text itself.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=left / width, right=1 - 0.45 / width, bottom=bottom / height, top=1 - 0.1 / height)
    return fig, fig.subplots()


def _svg(fig) -> Markup:
    import warnings
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs missing from the fallback font: the text stays text
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "kg"})
    text = buf.getvalue()
    # The RDF metadata block names only matplotlib; the page needs none of it.
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text[text.index("<svg"):], flags=re.S)
    return Markup(text)


def bar_chart(labels: list[str], values: list[int], colours: list[str], xlabel: str) -> Markup:
    """A horizontal bar chart, largest on top, as inline SVG."""
    widest = max((sum(2 if ord(c) > 0x2E80 else 1 for c in label) for label in labels), default=4)
    fig, ax = _figure(6.0, 0.6 + 0.26 * max(1, len(labels)), left=min(2.6, 0.2 + widest * 0.065), bottom=0.45)
    ax.barh(range(len(labels))[::-1], values, color=colours, height=0.7)
    ax.set_yticks(range(len(labels))[::-1], labels)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)
    for y, v in zip(range(len(labels))[::-1], values):
        ax.text(v, y, f" {v}", va="center", fontsize=8)
    return _svg(fig)


def time_chart(months: list[str], counts: list[int]) -> Markup:
    """Articles a month (a year, over a long span), as inline SVG."""
    from matplotlib.ticker import MaxNLocator
    fig, ax = _figure(6.0, 2.4, left=0.6, bottom=0.75)
    ax.bar(range(len(months)), counts, color="#4e79a7", width=0.8)
    step = max(1, len(months) // 12)
    ax.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
    ax.set_xlim(-0.6, max(len(months), 6) - 0.4)  # a bar or two keep the width of a month
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("articles")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def charts(data: dict) -> dict[str, Markup]:
    corpus = data["corpus"]
    out = {"types": bar_chart([f"{t} {TYPE_STYLE.get(t, OTHER_STYLE)[0]}" for t, _ in corpus["types"]],
                              [n for _, n in corpus["types"]],
                              [TYPE_STYLE.get(t, OTHER_STYLE)[1] for t, _ in corpus["types"]], "entities")}
    months = Counter(a["date"][:7] for a in corpus["articles"] if a["date"])
    if months:
        span = _month_range(min(months), max(months))
        if len(span) > YEARLY_AFTER:   # over a long span, one bar a year
            years = Counter(a["date"][:4] for a in corpus["articles"] if a["date"])
            span = [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
            months = years
        out["time"] = time_chart(span, [months.get(m, 0) for m in span])
    top = [p for p in data["programs"] if p["places"]][:15]
    if top:
        out["programs"] = bar_chart([p["name"] for p in top], [p["places"] for p in top],
                                    [TYPE_STYLE[PROGRAM][1]] * len(top), "places that implement it")
    return out


def _month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), so a gap in the articles shows as one.

    >>> _month_range("2023-11", "2024-02")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def write_report(kg: KnowledgeGraph, graph: nx.Graph, out_dir: Path, title: str | None = None) -> Path:
    """Write ``out_dir/report.html``; return its path."""
    path = Path(out_dir) / "report.html"
    data = report_data(kg, graph)
    n = len(kg.documents)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)
    page = env.get_template("report.html.j2").render(
        title=title or f"kg report — {n} article{'s' * (n != 1)}", d=data, charts=charts(data),
        style=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        type_zh={t: s[0] for t, s in TYPE_STYLE.items()}, entity_total=len(kg.entities),
        person=PERSON, organization=ORGANIZATION)
    atomic_write(path, page)
    return path
