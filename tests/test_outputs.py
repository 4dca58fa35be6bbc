"""The files beside the page: GEXF and GraphML for Gephi, the tables, Neo4j's import set, and what a build leaves in out/."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from gexf_util import read_gexf
from kg.cli import main
from kg.export.html import TYPE_STYLE
from kg.export.layout import node_radius
from kg.export.network import rgb
from kg.model import COOCCURS, HOLDS_POST

ROOT = Path(__file__).resolve().parent.parent
G = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def page_nodes(out: Path) -> dict[str, dict]:
    html = (out / "graph.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-nodes">(.*?)</script>', html, re.S)
    return {n["id"]: n for n in json.loads(m.group(1))}


def test_gexf_carries_the_page_picture_for_gephi(seed_build):
    kg, _, out = seed_build
    g = read_gexf(out / "graph.gexf")
    assert g.number_of_nodes() == len(kg.entities)
    shown = page_nodes(out)
    radius = node_radius(nx.read_graphml(out / "graph.graphml"))
    for key, e in kg.entities.items():
        viz = g.nodes[key]["viz"]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == rgb(TYPE_STYLE[e.type][1])
        assert viz["size"] == pytest.approx(radius[key], abs=0.01)
        assert g.nodes[key]["articles"].split("|") == e.documents
        if key in shown:   # the page's position; Gephi's y points up
            assert (viz["position"]["x"], viz["position"]["y"]) == pytest.approx((shown[key]["x"], -shown[key]["y"]))


def test_gexf_nodes_carry_the_date_of_their_first_article(dated_build):
    kg, out = dated_build
    g = read_gexf(out / "graph.gexf")
    dated = {d.document.id: d.date for d in kg.documents if d.date}
    assert len(dated) == 3, "the metadata file dates every article"
    for key, e in kg.entities.items():
        assert g.nodes[key]["first_date"] == min(dated[d] for d in e.documents)


def test_gexf_of_dated_articles_plays_on_gephis_timeline(dated_build):
    """A dynamic graph: each node and edge lasts from the day of its first article to that of its last."""
    kg, out = dated_build
    root = ET.parse(out / "graph.gexf").getroot()
    graph = root.find(f"{G}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == (
        "dynamic", "date", "interval")
    dated = {d.document.id: d.date for d in kg.documents}
    for n in graph.find(f"{G}nodes"):
        days = sorted(dated[d] for d in kg.entities[n.get("id")].documents)
        assert (n.get("start"), n.get("end")) == (days[0], days[-1])
    for e in graph.find(f"{G}edges"):
        values = {v.get("for"): v.get("value") for v in e.iter(f"{G}attvalue")}
        days = sorted(dated[d] for d in values["articles"].split("|"))
        assert (e.get("start"), e.get("end")) == (days[0], days[-1])


def test_gexf_of_undated_articles_is_static(seed_build):
    graph = ET.parse(seed_build[2] / "graph.gexf").getroot().find(f"{G}graph")
    assert graph.get("mode") == "static" and graph.get("timeformat") is None


def test_gexf_relations_are_directed_and_co_occurrences_undirected(seed_build):
    kg, _, out = seed_build
    root = ET.parse(out / "graph.gexf").getroot()
    edges = root.findall(f"{G}graph/{G}edges/{G}edge")
    typed = {(r.head, r.tail): r.kind for r in kg.relations if r.kind not in (COOCCURS, HOLDS_POST)}
    kinds = {e.get("label") for e in edges}
    assert {"locatedIn", "memberOf", "implements", "cooccursWith"} <= kinds
    for e in edges:
        if e.get("label") == COOCCURS:
            assert e.get("type") == "undirected"
        else:
            assert e.get("type") == "directed"
            assert typed.get((e.get("source"), e.get("target"))) is not None, "from the head to the tail"
        values = {v.get("for"): v.get("value") for v in e.iter(f"{G}attvalue")}
        assert values["articles"], "every link names its articles"


def test_gexf_follows_the_1_3_schema(seed_build):
    """The structure GEXF 1.3's schema (gexf.net/1.3 and its viz module) asks for, checked element by element."""
    root = ET.parse(seed_build[2] / "graph.gexf").getroot()
    assert root.tag == f"{G}gexf" and root.get("version") == "1.3"
    assert set(root.attrib) <= {"version", "variant", "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"}
    assert [c.tag for c in root] == [f"{G}meta", f"{G}graph"]
    graph = root.find(f"{G}graph")
    assert graph.get("defaultedgetype") in ("directed", "undirected", "mutual")
    declared = {}
    for block in graph.findall(f"{G}attributes"):
        assert set(block.attrib) == {"class"} and block.get("class") in ("node", "edge")
        for a in block:
            assert a.tag == f"{G}attribute" and set(a.attrib) == {"id", "title", "type"}
            assert a.get("type") in ("integer", "long", "double", "float", "boolean", "string", "liststring")
            declared.setdefault(block.get("class"), set()).add(a.get("id"))
    nodes, edges = graph.find(f"{G}nodes"), graph.find(f"{G}edges")
    assert int(nodes.get("count")) == len(nodes) and int(edges.get("count")) == len(edges)
    ids = set()
    for n in nodes:
        assert n.tag == f"{G}node" and set(n.attrib) <= {"id", "label", "start", "end"}
        ids.add(n.get("id"))
        assert {c.tag for c in n} <= {f"{G}attvalues", f"{VIZ}color", f"{VIZ}position", f"{VIZ}size"}
        for v in n.iter(f"{G}attvalue"):
            assert v.get("for") in declared["node"]
        c = n.find(f"{VIZ}color")
        assert all(0 <= int(c.get(ch)) <= 255 for ch in "rgb") and 0.0 <= float(c.get("a")) <= 1.0
        assert float(n.find(f"{VIZ}size").get("value")) >= 0
    edge_ids = [e.get("id") for e in edges]
    assert len(set(edge_ids)) == len(edge_ids)
    for e in edges:
        assert set(e.attrib) <= {"id", "type", "label", "source", "target", "weight", "kind", "start", "end"}
        assert e.get("source") in ids and e.get("target") in ids
        float(e.get("weight"))
        for v in e.iter(f"{G}attvalue"):
            assert v.get("for") in declared["edge"]


def test_graphml_has_gephis_picture_attributes(seed_build):
    kg, _, out = seed_build
    g = nx.read_graphml(out / "graph.graphml")
    assert g.number_of_nodes() == len(kg.entities)
    key, e = next(iter(sorted(kg.entities.items())))
    d = g.nodes[key]
    assert (d["r"], d["g"], d["b"]) == rgb(TYPE_STYLE[e.type][1])
    assert {"x", "y", "size", "articles", "label"} <= set(d)


def test_tables_list_the_article_ids(seed_build):
    kg, _, out = seed_build
    with open(out / "entities.csv", encoding="utf-8", newline="") as f:
        rows = {r["key"]: r for r in csv.DictReader(f)}
    for key, e in kg.entities.items():
        assert rows[key]["articles"].split("|") == e.documents
        assert int(rows[key]["documents"]) == len(e.documents)
    with open(out / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(edges) == len(kg.relations)
    for row, rel in zip(edges, kg.relations):
        assert row["articles"] == "|".join(rel.documents) and int(row["documents"]) == len(rel.documents)


# neo4j-admin database import: a header field is name:type, or a special field (:ID, :LABEL, :START_ID,
# :END_ID, :TYPE, :IGNORE, optionally named and with an id space); types as the tool documents them.
NEO4J_TYPES = "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration"
NEO4J_FIELD = re.compile(rf"[^:]+(?::(?:{NEO4J_TYPES})(?:\[\])?)?|[^:]*:(?:ID(?:\([^)]+\))?|LABEL|IGNORE)"
                         r"|:(?:START_ID|END_ID)(?:\([^)]+\))?|:TYPE")


def _neo4j_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_neo4j_import_files_follow_the_header_format(seed_build):
    kg, _, out = seed_build
    nodes_header, nodes = _neo4j_rows(out / "neo4j" / "nodes.csv")
    rels_header, rels = _neo4j_rows(out / "neo4j" / "relationships.csv")
    for field in nodes_header + rels_header:
        assert NEO4J_FIELD.fullmatch(field), field
    assert sum(f.endswith(":ID") for f in nodes_header) == 1 and ":LABEL" in nodes_header
    assert {":START_ID", ":END_ID", ":TYPE"} <= set(rels_header)
    for header, rows in ((nodes_header, nodes), (rels_header, rels)):
        for i, field in enumerate(header):
            kind = field.split(":")[-1]
            for row in rows:
                assert len(row) == len(header)
                if kind == "int" and row[i]:
                    int(row[i])
                elif kind == "float" and row[i]:
                    float(row[i])
    ids = {row[0] for row in nodes}
    assert len(ids) == len(nodes) and set(kg.entities) <= ids
    start, end, kind = (rels_header.index(f) for f in (":START_ID", ":END_ID", ":TYPE"))
    for row in rels:
        assert row[start] in ids and row[end] in ids
        assert re.fullmatch(r"[A-Z_]+", row[kind])
    labels = {row[0]: row[1].split(";") for row in nodes}
    person = next(k for k, e in kg.entities.items() if e.type == "Person")
    assert labels[person] == ["Entity", "Person"]
    assert {"HOLDS_POST", "POST_IN", "LOCATED_IN", "CO_OCCURS_WITH"} <= {row[kind] for row in rels}


def test_outputs_of_an_earlier_build_are_removed_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    seed = str(ROOT / "seeds" / "001_aa23d9e4ad608feb.txt")
    run = CliRunner().invoke(main, ["build", seed, "-o", str(out), "--format", "jsonld", "-q", "-j", "1"])
    assert run.exit_code == 0, run.output
    assert (out / "graph.jsonld").exists() and not (out / "graph.ttl").exists()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "graph.old.ttl").write_text("mine too", encoding="utf-8")
    run = CliRunner().invoke(main, ["build", seed, "-o", str(out), "-q", "-j", "1"])
    assert run.exit_code == 0, run.output
    assert (out / "graph.ttl").exists() and not (out / "graph.jsonld").exists(), "the earlier build's format is gone"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "graph.old.ttl").exists()
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}
    assert names == {"graph.ttl", "ontology.ttl", "entities.csv", "edges.csv", "merges.csv", "graph.graphml",
                     "graph.gexf", "graph.html", "report.html", "candidates.csv", "neo4j/nodes.csv", "neo4j/relationships.csv",
                     "careers.csv", "events.csv", "adoption.csv", "edges_by_period.csv",
                     "notes.txt", "graph.old.ttl", ".kg-build.json"}


def test_stats_prints_the_last_build(seed_build):
    _, summary, out = seed_build
    text = CliRunner().invoke(main, ["stats", "-o", str(out)])
    assert text.exit_code == 0, text.output
    assert f"documents  {summary.documents}" in text.output
    assert f"entities   {sum(summary.entities_by_type.values())}:" in text.output
    data = json.loads(CliRunner().invoke(main, ["stats", "-o", str(out), "--format", "json"]).output)
    assert data["documents"] == summary.documents and data["entities_by_type"] == summary.entities_by_type
    assert data["build"]["paths"] == [str(ROOT / "seeds")]


def test_stats_without_a_build_says_so(tmp_path):
    run = CliRunner().invoke(main, ["stats", "-o", str(tmp_path)])
    assert run.exit_code == 2 and "run `kg build` first" in run.output


def test_subgraph_writes_the_neighbourhood_of_one_entity(seed_build, tmp_path):
    kg, _, out = seed_build
    run = CliRunner().invoke(main, ["subgraph", "运城市委", "--depth", "1", "--from", str(out), "-o", str(tmp_path)])
    assert run.exit_code == 0, run.output
    key = next(k for k, e in kg.entities.items() if e.name == "运城市委")
    full = nx.read_graphml(out / "graph.graphml")
    expected = {key, *full[key]}
    sub = read_gexf(tmp_path / "graph.gexf")
    assert set(sub.nodes) == expected
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert len(re.findall(r'"id":"', html.split('id="kg-nodes">')[1].split("</script>")[0])) == len(expected)
    two = CliRunner().invoke(main, ["subgraph", "运城市委", "--from", str(out), "-o", str(tmp_path / "two")])
    assert two.exit_code == 0
    assert read_gexf(tmp_path / "two" / "graph.gexf").number_of_nodes() == len(nx.ego_graph(full, key, radius=2))


def test_subgraph_of_an_unknown_name_is_one_line_and_exit_2(seed_build, tmp_path):
    run = CliRunner().invoke(main, ["subgraph", "没有这个名字", "--from", str(seed_build[2]), "-o", str(tmp_path)])
    assert run.exit_code == 2 and "no entity is named 没有这个名字" in run.output
    assert not (tmp_path / "graph.html").exists()
