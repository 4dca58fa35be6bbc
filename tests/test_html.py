"""graph.html and graph.gexf, without a browser: offline, escaped, capped, not mutating."""
from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser

import networkx as nx
import pytest

from gexf_util import read_gexf
from kg.export.html import HtmlSummary, json_for_script, select_nodes, write_html
from kg.export.layout import compute_layout
from kg.export.network import write_network_files
from kg.graph import build_graph
from kg.model import (COOCCURS, HOLDS_POST, LOCATED_IN, CleanDocument, Document, Entity, Evidence,
                      KnowledgeGraph, Mention, Relation, Sentence)

SCRIPT_NAME = "<script>alert(1)</script>"
IMG_NAME = "<img src=x onerror=alert(1)>"
CLOSER_NAME = "</script><script>alert(2)</script>"
SEPARATOR_NAME = "甲\u2028乙\u2029丙&"


def make_kg() -> KnowledgeGraph:
    """A small corpus written out by hand: two articles, a dozen entities, planted hostile names."""
    sentences = {
        "a.txt": ["金海湾社区位于安邑街道，推行红色物业。",
                  "社区党支部书记李代霞介绍红色物业的做法。",
                  f"{SCRIPT_NAME}与{IMG_NAME}在同一句里。",
                  f"{CLOSER_NAME}和{SEPARATOR_NAME}也在这里，还有李代霞。"],
        "b.txt": ["盐湖区安邑街道推广红色物业模式。",
                  "储祥好在运城市调研安邑街道。",
                  "王孤立一个人出现。"],
    }
    docs, texts = [], {}
    for doc_id, lines in sentences.items():
        text = "\n".join(lines)
        texts[doc_id] = text
        sents, pos = [], 0
        for i, line in enumerate(lines):
            sents.append(Sentence(doc_id, i, line, tuple(range(pos, pos + len(line)))))
            pos += len(line) + 1
        title = "金海湾社区的红色物业" if doc_id == "a.txt" else ""
        docs.append(CleanDocument(Document(doc_id, f"/corpus/{doc_id}", text), tuple(sents), title=title))

    entities: dict[str, Entity] = {}

    def entity(key, type_, name, aliases=(), code=""):
        e = Entity(key, type_, name, set(aliases) | {name}, code=code)
        for d in docs:
            for s in d.sentences:
                for surface in sorted(e.aliases, key=len, reverse=True):
                    i = s.text.find(surface)
                    if i >= 0:
                        start, end = s.span(i, i + len(surface))
                        e.mentions.append(Mention(d.document.id, s.index, start, end,
                                                  texts[d.document.id][start:end], surface, type_))
                        break
        entities[key] = e
        return e

    entity("community/jinhaiwan", "Community", "金海湾社区", aliases=["金海湾"])
    entity("township/anyi", "Township", "安邑街道", code="140802006")
    entity("program/hongsewuye", "Program", "红色物业", aliases=["红色物业模式"])
    entity("person/lidaixia", "Person", "李代霞")
    entity("county/yanhu", "County", "盐湖区", code="140802")
    entity("person/chuxianghao", "Person", "储祥好")
    entity("city/yuncheng", "City", "运城市", code="140800")
    entity("org/script", "Organization", SCRIPT_NAME)
    entity("person/img", "Person", IMG_NAME)
    entity("org/closer", "Organization", CLOSER_NAME)
    entity("program/separator", "Program", SEPARATOR_NAME)
    entity("person/alone", "Person", "王孤立")

    relations: list[Relation] = []
    by_sentence: dict[tuple[str, int], list[str]] = {}
    for key, e in entities.items():
        for m in e.mentions:
            by_sentence.setdefault((m.doc_id, m.sentence), []).append(key)
    pairs: dict[tuple[str, str], list[Evidence]] = {}
    for (doc_id, index), keys in sorted(by_sentence.items()):
        s = next(d for d in docs if d.document.id == doc_id).sentences[index]
        for i, a in enumerate(sorted(keys)):
            for b in sorted(keys)[i + 1:]:
                pairs.setdefault((a, b), []).append(Evidence(doc_id, index, s.start, s.end, s.text))
    for (a, b), evidence in sorted(pairs.items()):
        relations.append(Relation(COOCCURS, a, b, evidence=evidence, count=len(evidence), pmi=1.25))
    first = docs[0].sentences[0]
    relations.append(Relation(LOCATED_IN, "community/jinhaiwan", "township/anyi",
                              evidence=[Evidence("a.txt", 0, first.start, first.end, first.text)]))
    relations.append(Relation(HOLDS_POST, "person/lidaixia", "社区党支部书记"))
    return KnowledgeGraph(docs, entities, relations)


def start_tags(html: str) -> list[str]:
    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.seen: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.seen.append(tag)

    parser = Tags()
    parser.feed(html)
    return parser.seen


def page_json(html: str, block: str):
    m = re.search(rf'<script type="application/json" id="kg-{block}">(.*?)</script>', html, re.S)
    assert m, f"no kg-{block} block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    kg = make_kg()
    graph = build_graph(kg)
    out = tmp_path_factory.mktemp("html")
    summary = write_html(graph, kg, out)
    write_network_files(graph, out)
    return kg, graph, out, summary, (out / "graph.html").read_text(encoding="utf-8")


def test_writes_the_page_and_the_gexf(built):
    _, graph, out, summary, html = built
    assert summary == HtmlSummary(out / "graph.html", graph.number_of_nodes(), graph.number_of_nodes(), 0)
    back = read_gexf(out / "graph.gexf")
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert html.count("<h1") == 1, "heading printed once"


def test_nothing_is_fetched_from_elsewhere(built):
    html = built[4]
    remote = r"""(?:https?:)?//[^\s"')]+"""
    assert not re.search(rf"""\b(?:src|href|action)\s*=\s*["']?\s*{remote}""", html, re.I)
    assert not re.search(rf"""@import\s*(?:url\()?\s*["']?\s*{remote}""", html, re.I)
    assert not re.search(rf"""url\(\s*["']?\s*{remote}""", html, re.I)
    assert not re.search(r"<script[^>]*\ssrc\s*=", html, re.I), "every script is inline"
    assert not re.search(r"<link[^>]*rel=[\"']?stylesheet", html, re.I), "every style is inline"
    assert "sourceMappingURL" not in html
    assert "vis.Network" in html, "vis-network is inlined"


def test_hostile_names_are_data_not_markup(built):
    html = built[4]
    for name in (SCRIPT_NAME, IMG_NAME, CLOSER_NAME, "\u2028", "\u2029"):
        assert name not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    # Only the page's own elements, as a browser's parser sees them: 4 data blocks, 2 scripts, no <img>.
    tags = start_tags(html)
    assert tags.count("script") == 6
    assert "img" not in tags
    labels = {n["label"] for n in page_json(html, "nodes")}
    assert {SCRIPT_NAME, IMG_NAME, CLOSER_NAME, SEPARATOR_NAME} <= labels


def test_json_for_script_escapes_what_could_end_a_script():
    text = str(json_for_script({"a": "</script>&\u2028\u2029<!--"}))
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script>&\u2028\u2029<!--"}


def test_scripts_are_allowed_by_their_hashes(built):
    html = built[4]
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    allowed = set(re.findall(r"'(sha256-[^']+)'", csp))
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for code in scripts:
        digest = "sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert digest in allowed
    assert "default-src 'none'" in csp


def test_nodes_carry_type_aliases_posts_code_and_evidence(built):
    html = built[4]
    nodes = {n["label"]: n for n in page_json(html, "nodes")}
    program = nodes["红色物业"]
    assert program["t"] == "Program" and program["al"] == ["红色物业模式"]
    assert program["m"] == 3 and program["docs"] == 2
    assert len(program["ev"]) == 3
    articles = page_json(html, "meta")["articles"]
    assert articles == [["a.txt", "金海湾社区的红色物业", "", ""], ["b.txt", "", "", ""]], "file, title, date, paper"
    assert {ev[2] for ev in program["ev"]} == {0, 1}
    for text, marks, _ in program["ev"]:
        assert [text[a:b] for a, b in marks] in (["红色物业"], ["红色物业模式"])
    assert program["dn"] == [0, 1]
    assert nodes["李代霞"]["po"] == [["社区党支部书记", ""]]
    assert nodes["金海湾社区"]["q"] == "安邑街道", "what tells it from another of its name"
    assert nodes["安邑街道"]["cd"] == "140802006"
    assert nodes["金海湾社区"]["al"] == ["金海湾"]
    assert nodes["王孤立"]["iso"] is True


def test_edges_carry_kind_count_pmi_and_their_evidence(built):
    html = built[4]
    ids = {n["id"]: n["label"] for n in page_json(html, "nodes")}
    edges = {(ids[e["from"]], ids[e["to"]]): e for e in page_json(html, "edges")}
    located = edges[("金海湾社区", "安邑街道")]
    assert located["k"] == "locatedIn" and located["n"] == 1 and located["p"] == 1.25 and located["dir"] is True
    [(text, marks, article)] = located["ev"]   # one sentence of each article, up to three
    assert text == "金海湾社区位于安邑街道，推行红色物业。" and article == 0
    assert [text[a:b] for a, b in marks] == ["金海湾社区", "安邑街道"], "both names are marked"
    assert located["dn"] == [0]
    assert all(e["ev"] for e in edges.values())
    assert not any(e["dir"] for e in edges.values() if e["k"] == "cooccursWith")


def test_legend_lists_the_types_present(built):
    meta = page_json(built[4], "meta")
    assert [t[0] for t in meta["types"]] == ["Person", "City", "County", "Township", "Community",
                                            "Organization", "Program"]
    assert meta["leftOut"] == 0


def test_physics_is_off_and_positions_are_given(built):
    html = built[4]
    assert page_json(html, "options")["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in page_json(html, "nodes"))


def test_the_input_graph_is_left_alone(tmp_path):
    kg = make_kg()
    graph = build_graph(kg)
    nodes_before = copy.deepcopy(dict(graph.nodes(data=True)))
    edges_before = copy.deepcopy({(u, v): d for u, v, d in graph.edges(data=True)})
    write_html(graph, kg, tmp_path, max_nodes=5)
    assert dict(graph.nodes(data=True)) == nodes_before
    assert {(u, v): d for u, v, d in graph.edges(data=True)} == edges_before


def test_same_input_same_page(tmp_path):
    kg = make_kg()
    write_html(build_graph(kg), kg, tmp_path / "a")
    write_html(build_graph(kg), kg, tmp_path / "b")
    assert (tmp_path / "a" / "graph.html").read_bytes() == (tmp_path / "b" / "graph.html").read_bytes()


def community_graph(sizes: list[int]) -> nx.Graph:
    """Cliques of the given sizes joined in a chain; node weight = its degree."""
    g = nx.Graph()
    start = 0
    for c, size in enumerate(sizes):
        members = list(range(start, start + size))
        for i in members:
            g.add_node(i, label=f"节点{i}", type="Person", community=c, mentions=1)
        g.add_edges_from((a, b, {"weight": 1}) for k, a in enumerate(members) for b in members[k + 1:])
        if start:
            g.add_edge(start - 1, start, weight=1)
        start += size
    for n, w in g.degree(weight="weight"):
        g.nodes[n]["weight"] = w
    return g


def test_cap_keeps_the_strongest_of_every_community(tmp_path):
    g = community_graph([30, 20, 10])
    keep = select_nodes(g, 12)
    assert len(keep) == 12
    by_community = {c: sum(1 for n in keep if g.nodes[n]["community"] == c) for c in range(3)}
    assert by_community == {0: 6, 1: 4, 2: 2}
    # The bridge ends have one more link than their clique mates, so they are kept first.
    assert {29, 30, 49, 50} <= set(keep)


def test_capped_page_says_what_was_left_out(tmp_path):
    g = community_graph([30, 20, 10])
    kg = KnowledgeGraph([], {}, [])
    summary = write_html(g, kg, tmp_path, max_nodes=12)
    write_network_files(g, tmp_path)
    assert (summary.nodes_shown, summary.nodes_total, summary.left_out) == (12, 60, 48)
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert len(page_json(html, "nodes")) == 12
    meta = page_json(html, "meta")
    assert (meta["nodesShown"], meta["nodesTotal"], meta["leftOut"]) == (12, 60, 48)
    assert "graph.gexf" in html, "the page points to the full graph"
    assert read_gexf(tmp_path / "graph.gexf").number_of_nodes() == 60


def test_no_cap_when_max_nodes_is_zero(tmp_path):
    g = community_graph([30, 20, 10])
    assert write_html(g, KnowledgeGraph([], {}, []), tmp_path, max_nodes=0).nodes_shown == 60


def test_layout_of_a_large_component_needs_no_scipy():
    # spring_layout switches to scipy at 500 nodes; the layout splits such parts by community.
    g = nx.connected_caveman_graph(40, 15)
    for n in g:
        g.nodes[n].update(weight=g.degree(n), community=n // 15)
    pos = compute_layout(g)
    assert len(pos) == g.number_of_nodes() == 600
    assert len(set(pos.values())) == 600


def test_isolated_nodes_do_not_ring_the_picture():
    g = community_graph([12])
    g.add_nodes_from((100 + i, {"weight": 0, "community": 1 + i}) for i in range(8))
    pos = compute_layout(g)
    bottom = max(pos[n][1] for n in range(12))
    assert all(pos[100 + i][1] > bottom for i in range(8)), "isolated nodes sit in a grid underneath"


def test_control_characters_are_replaced_alike_in_graphml_and_gexf(tmp_path):
    """One rule for every XML output: a character XML cannot hold becomes U+FFFD."""
    g = nx.Graph()
    g.add_node("a\x0bb", label="名\x01字", type="Person", weight=0, community=0)
    write_network_files(g, tmp_path)
    gexf, graphml = read_gexf(tmp_path / "graph.gexf"), nx.read_graphml(tmp_path / "graph.graphml")
    assert list(gexf.nodes) == list(graphml.nodes) == ["a\ufffdb"]
    assert gexf.nodes["a\ufffdb"]["label"] == graphml.nodes["a\ufffdb"]["label"] == "名\ufffd字"
    assert list(g.nodes) == ["a\x0bb"]
    assert g.nodes["a\x0bb"]["label"] == "名\x01字"


def test_a_link_keeps_the_sentences_of_its_earliest_latest_and_a_middle_article(tmp_path):
    """So that the period filter finds a sentence of its own period for a link named over a long time."""
    from kg.pipeline import BuildOptions, build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dates = ["2024-01-10", "2024-05-10", "2024-03-10", "2024-09-10"]
    rows = ["path,date"]
    for i, date in enumerate(dates):
        (corpus / f"{i}.txt").write_text(f"盐湖区推行“红色物业”第{i + 1}年。\n", encoding="utf-8")
        rows.append(f"{i}.txt,{date}")
    (corpus / "kg-metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    kg, _ = build([str(corpus)], BuildOptions(out_dir=tmp_path / "out", workers=1, write_report=False))
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    ids = {n["id"]: n["label"] for n in page_json(html, "nodes")}
    [edge] = [e for e in page_json(html, "edges") if {ids[e["from"]], ids[e["to"]]} == {"盐湖区", "红色物业"}]
    articles = sorted(d.document.id for d in kg.documents)   # the page numbers articles in this order
    kept = [dates[int(articles[ev[2]].split(".")[0])] for ev in edge["ev"]]
    assert sorted(kept) == ["2024-01-10", "2024-03-10", "2024-09-10"], "the earliest, the latest, one between"
