"""Names full of markup, quotes, escapes and control characters must come out as data.

Each exporter's output is read back by an independent parser: Turtle by both
rdflib and pyoxigraph, GraphML and GEXF by networkx, CSV by csv, JSON-LD by
json. The page must show the names as text: no tag from the data may survive.
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from gexf_util import read_gexf

from kg.model import (HOLDS_POST, IMPLEMENTS, MEMBER_OF, PERSON, PROGRAM, ORGANIZATION, COOCCURS,
                      Entity, Evidence, Mention, Relation)

HOSTILE_DIR = Path(__file__).parent / "data" / "hostile"
HOSTILE_FILE = HOSTILE_DIR / "hostile.txt"

# Every one of these occurs in hostile.txt, so mentions can point at real offsets.
HOSTILE = [
    (PROGRAM, "<script>alert(1)</script>行动"),
    (PROGRAM, "</textarea><img src=x onerror=alert(2)>工程"),
    (PROGRAM, "{{7*7}}${7*7}计划"),
    (PROGRAM, "]]><!--注入-->专项行动"),
    (PROGRAM, '"""三引号"""行动'),
    (PROGRAM, "C:\\新建\\文件夹行动"),
    (PROGRAM, "line\u2028sep行动"),
    (PROGRAM, "\ufeff零宽\u2060行动"),
    (PERSON, '刘"晓峰\\'),
    (PERSON, "赵\x07志\x1b[31m强"),
    (PERSON, "孙\u202e丽华\u200b"),
    (PERSON, "刘晓\n峰"),
    (PERSON, "周\x01海涛"),
    (ORGANIZATION, "盐湖区<住房>和城乡建设局"),
]
HOSTILE_POST = '书记<b>"\\{x}'


from kg.text import xml_safe as _xml_safe  # noqa: E402


@pytest.fixture(scope="module")
def hostile_kg():
    """The graph of hostile.txt, with an entity for every hostile string planted in it."""
    from kg.corpus import InputFile, iter_documents
    from kg.pipeline import merge, process_document

    (doc,) = iter_documents(InputFile(HOSTILE_FILE, HOSTILE_FILE.name))
    result = process_document(doc)
    kg = merge([result])
    sentences = result.doc.sentences
    planted = []
    for etype, name in HOSTILE:
        start = doc.text.index(name)
        end = start + len(name)
        sent = next((s.index for s in sentences if s.start <= start < s.end), 0)
        key = f"{etype}:{name}"
        m = Mention(doc.id, sent, start, end, doc.text[start:end], name, etype)
        kg.entities[key] = Entity(key, etype, name, aliases={name, name + "<i>别名</i>"}, mentions=[m])
        planted.append((key, m))
    evidence = [Evidence(doc.id, m.sentence, m.start, m.end, m.text) for _, m in planted]
    keys = [k for k, _ in planted]
    people = [k for k in keys if k.startswith(PERSON)]
    programs = [k for k in keys if k.startswith(PROGRAM)]
    org = next(k for k in keys if k.startswith(ORGANIZATION))
    for i, p in enumerate(people):
        kg.relations.append(Relation(HOLDS_POST, p, HOSTILE_POST, [evidence[i]], 1, body=org))
        kg.relations.append(Relation(MEMBER_OF, p, org, [evidence[i]], 1))
    for i, prog in enumerate(programs):
        kg.relations.append(Relation(IMPLEMENTS, org, prog, [evidence[i]], 1))
    for a, b in zip(keys, keys[1:]):
        kg.relations.append(Relation(COOCCURS, a, b, evidence[:2], 2, pmi=1.5))
    return kg, planted


@pytest.fixture(scope="module")
def hostile_out(hostile_kg, tmp_path_factory):
    from kg.pipeline import BuildOptions, write_outputs

    kg, _ = hostile_kg
    out = tmp_path_factory.mktemp("hostile-out")
    write_outputs(kg, BuildOptions(out_dir=out, provenance="full", rdf_formats=("ttl", "jsonld")))
    return out


def test_the_corpus_file_holds_every_hostile_string():
    text = HOSTILE_FILE.read_text(encoding="utf-8")
    for _, name in HOSTILE:
        assert name in text


def test_turtle_is_read_back_by_rdflib_and_pyoxigraph(hostile_kg, hostile_out):
    import pyoxigraph as ox
    import rdflib

    kg, planted = hostile_kg
    path = hostile_out / "graph.ttl"
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    ox_triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(ox_triples) > 0

    label = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    rdflib_labels = {str(o) for o in g.objects(None, label)}
    ox_labels = {t.object.value for t in ox_triples if t.predicate.value == str(label)}
    exact = rdflib.URIRef("http://www.w3.org/ns/oa#exact")
    rdflib_exact = {str(o) for o in g.objects(None, exact)}
    for key, m in planted:
        name = kg.entities[key].name
        assert name in rdflib_labels, repr(name)
        assert name in ox_labels, repr(name)
        assert m.text in rdflib_exact, repr(m.text)
    assert HOSTILE_POST in rdflib_labels
    assert HOSTILE_POST in ox_labels
    # Every planted entity keeps its own IRI: nothing collapsed by escaping.
    entity_iris = {str(s) for s in g.subjects(label, None) if "/entity/" in str(s)}
    assert len(entity_iris) >= len(planted)


def test_jsonld_is_valid_json_holding_the_names(hostile_kg, hostile_out):
    data = json.loads((hostile_out / "graph.jsonld").read_text(encoding="utf-8"))
    values = json.dumps(data, ensure_ascii=False)
    for _, name in HOSTILE:
        assert json.dumps(name, ensure_ascii=False)[1:-1] in values


def test_graphml_and_gexf_are_read_back_by_networkx(hostile_kg, hostile_out):
    kg, planted = hostile_kg
    g = nx.read_graphml(hostile_out / "graph.graphml")
    for key, _ in planted:
        node = _xml_safe(key)
        assert node in g, repr(key)
        assert g.nodes[node]["label"] == _xml_safe(kg.entities[key].name)
    gexf = read_gexf(hostile_out / "graph.gexf")
    assert gexf.number_of_nodes() == g.number_of_nodes()


def test_csv_is_read_back_by_csv(hostile_kg, hostile_out):
    kg, planted = hostile_kg
    with open(hostile_out / "entities.csv", encoding="utf-8", newline="") as f:
        rows = {r["key"]: r for r in csv.DictReader(f)}
    for key, _ in planted:
        assert rows[key]["name"] == kg.entities[key].name
        assert rows[key]["aliases"] == kg.entities[key].name + "<i>别名</i>"
    with open(hostile_out / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert any(e["tail"] == HOSTILE_POST for e in edges)
    with open(hostile_out / "merges.csv", encoding="utf-8", newline="") as f:
        list(csv.reader(f))


def _no_markup_from_data(page: str) -> None:
    for planted in ("<script>alert", "</textarea><img", "<img src=x", "<!--注入-->", "<b>百村", "<i>别名",
                    "<金海湾>", "<住房>", "书记<b>"):
        assert planted not in page, planted
    # Only the page's own scripts: as many script tags as on the page of an empty graph.
    assert _script_tags(page) == _script_tags(_empty_page())


def _script_tags(page: str) -> int:
    return len(re.findall(r"<script\b|</script\s*>", page, flags=re.I))


def _empty_page() -> str:
    from kg.export.html import render_page
    from kg.model import KnowledgeGraph

    return render_page(nx.Graph(), KnowledgeGraph([], {}, []), {}, nodes_total=0)


def test_page_shows_hostile_names_as_text(hostile_kg, hostile_out):
    _no_markup_from_data((hostile_out / "graph.html").read_text(encoding="utf-8"))


def test_kg_build_of_the_hostile_corpus(tmp_path):
    """The whole command on the committed file: exit 0, parseable outputs, an inert page."""
    import pyoxigraph as ox
    import rdflib

    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(HOSTILE_DIR), "--out", str(out),
                          "--provenance", "full", "--strict", "-q"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    nx.read_graphml(out / "graph.graphml")
    for name in ("entities.csv", "edges.csv", "merges.csv"):
        with open(out / name, encoding="utf-8", newline="") as f:
            list(csv.reader(f))
    page = (out / "graph.html").read_text(encoding="utf-8")
    _no_markup_from_data(page)
    # The evidence of the page holds the sentence with the planted script, escaped.
    assert "alert(1)" in page


@pytest.mark.parametrize("backend", ["pyoxigraph", "rdflib"])
def test_either_turtle_writer_gives_turtle_both_parsers_accept(hostile_kg, tmp_path, backend):
    import pyoxigraph as ox
    import rdflib

    from kg.export.rdf import graph_triples, write_turtle
    from kg.vocab import all_prefixes

    kg, _ = hostile_kg
    triples = graph_triples(kg, provenance="full")
    path = tmp_path / "graph.ttl"
    write_turtle(triples, path, all_prefixes(), backend=backend)
    g = rdflib.Graph().parse(path, format="turtle")
    parsed = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(parsed) == len(set(triples))
