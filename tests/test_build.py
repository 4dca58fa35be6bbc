"""End to end: `kg build` on the seed articles, as a user runs it."""
from __future__ import annotations

import csv
import re
import subprocess
import sys

import networkx as nx
import rdflib
from click.testing import CliRunner
from rdflib.namespace import RDF, RDFS

from kg.cli import main

KG = rdflib.Namespace("https://w3id.org/kg/ontology#")


def _entity(g: rdflib.Graph, label: str):
    for s in g.subjects(RDFS.label, rdflib.Literal(label, lang="zh")):
        return s
    return None


def _kg_ns(g: rdflib.Graph) -> rdflib.Namespace:
    return rdflib.Namespace(dict(g.namespaces())["kg"])


def test_seed_turtle_has_the_named_entities_with_their_types(seed_build):
    _, _, out = seed_build
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    kg = _kg_ns(g)
    expected = {"储祥好": kg.Person, "离石区": kg.County, "金海湾社区": kg.Community, "红色物业": kg.Program}
    for label, cls in expected.items():
        node = _entity(g, label)
        assert node is not None, f"{label} missing from graph.ttl"
        assert (node, RDF.type, cls) in g, f"{label} is not a {cls}"


def test_generic_words_are_not_entities(seed_build):
    kg, _, _ = seed_build
    names = {e.name for e in kg.entities.values()}
    for word in ("幸福感", "城市", "海湾", "托育", "社区", "党组织", "市委书记"):
        assert word not in names


def test_documents_point_to_their_source_and_mentions(seed_build):
    _, _, out = seed_build
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    schema = rdflib.Namespace("https://schema.org/")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    articles = set(g.subjects(RDF.type, schema.NewsArticle))
    files = set(g.subjects(RDF.type, schema.DigitalDocument))
    # The five seed pages hold 17 stories; every story is part of its page's file.
    assert len(files) == 5 and len(articles) == 17
    for a in articles:
        source = str(g.value(a, dct.source))
        assert source.endswith(".txt")
        assert g.value(a, dct.isPartOf) in files
        assert str(g.value(g.value(a, dct.isPartOf), dct.source)) == source
        assert len(set(g.objects(a, schema.mentions))) > 0


def test_every_output_is_written_and_readable(seed_build):
    _, summary, out = seed_build
    for name in ("graph.ttl", "graph.html", "graph.graphml", "entities.csv", "edges.csv", "merges.csv"):
        assert (out / name).stat().st_size > 0, name
    g = nx.read_graphml(out / "graph.graphml")
    assert g.number_of_nodes() == sum(summary.entities_by_type.values())
    with open(out / "entities.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {"储祥好", "离石区"} <= {r["name"] for r in rows}


def test_html_loads_nothing_from_the_network(seed_build):
    _, _, out = seed_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    remote = re.findall(r"""(?:src|href)\s*=\s*["']\s*(?:https?:)?//""", html, flags=re.I)
    remote += re.findall(r"""@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//""", html, flags=re.I)
    remote += re.findall(r"""url\(\s*["']?\s*https?://""", html, flags=re.I)
    assert not remote


def test_repeated_paragraphs_are_counted_once(seed_build):
    kg, summary, _ = seed_build
    assert summary.duplicates_dropped > 0
    # 003 prints the paragraph on the 科学健步队 twice; its sentences appear once.
    doc = next(d for d in kg.documents if d.document.id.startswith("003"))
    texts = [s.text for s in doc.sentences]
    assert sum("段太珍主动与金海湾社区工作人员商议" in t for t in texts) == 1


def test_command_line_build_prints_a_summary(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["build", "seeds/001_aa23d9e4ad608feb.txt", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "documents  5 in 1 file(s)" in result.output
    assert "Person" in result.output
    assert str(tmp_path / "graph.ttl") in result.output


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "nowhere"), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "nowhere" in lines[0]
    assert "Traceback" not in proc.stderr
