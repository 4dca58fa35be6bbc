"""`kg query` and `kg validate`: what users type and what they get back."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg import cli_rdf
from kg.export.rdf import write_rdf
from kg.query import QueryError, classify, display_width, run_query, validate

try:
    from test_rdf import sample_kg
except ImportError:  # collected as a package
    from tests.test_rdf import sample_kg

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
DATED_ONLY = {"same_body_same_year.rq"}


@click.group()
def cli() -> None:
    """The RDF commands alone, as the main `kg` group registers them."""


cli_rdf.register(cli)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_rdf(sample_kg(), out, provenance="full")
    return out / "graph.ttl"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


PERSONS = "SELECT ?name ?n WHERE { ?p a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n } ORDER BY ?name"


def test_table_is_aligned_by_display_width(graph):
    r = invoke("query", PERSONS, "--graph", str(graph))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["name", "|", "n"]
    assert "储祥好" in r.output and lines[-1] == "(2 rows)"
    bars = {display_width(line[:line.index("|")]) for line in lines[:-1] if "|" in line}
    assert len(bars) == 1


def test_display_width_counts_cjk_twice():
    assert display_width("储祥好") == 6
    assert display_width("ab") == 2
    assert display_width("é") == 1


def test_csv_and_json(graph):
    r = invoke("query", PERSONS, "--graph", str(graph), "--format", "csv")
    assert r.output.splitlines() == ["name,n", "储祥好,2", "姚逊,1"]
    r = invoke("query", PERSONS, "--graph", str(graph), "--format", "json")
    assert json.loads(r.output) == [{"name": "储祥好", "n": 2}, {"name": "姚逊", "n": 1}]


def test_query_from_file_and_ask_and_construct(graph, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("# persons\n" + PERSONS, encoding="utf-8")
    assert "储祥好" in invoke("query", str(q), "--graph", str(graph)).output
    assert run_query("ASK { ?p a kg:Person }", graph_path=graph).rows == [("true",)]
    rows = run_query("CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }", graph_path=graph).rows
    assert len(rows) == 2 and rows[0][1] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def test_malformed_query_exits_2_with_line_and_column(graph):
    r = invoke("query", "SELECT ?x\nWHERE { ?x ?y }", "--graph", str(graph))
    assert r.exit_code == 2
    assert "malformed query at line 2, column" in r.output
    assert "WHERE { ?x ?y }" in r.output


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <urn:x> delete { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR DEFAULT", "DROP ALL", "CREATE GRAPH <urn:g>",
    "WITH <urn:g> INSERT { ?s a kg:Person } WHERE { SELECT ?s { ?s ?p ?o } }",
])
def test_updates_are_refused(graph, update):
    before = graph.read_bytes()
    r = invoke("query", update, "--graph", str(graph))
    assert r.exit_code == 2
    assert "refused" in r.output and "--allow-update" in r.output
    assert graph.read_bytes() == before


def test_service_is_refused(graph):
    r = invoke("query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "--graph", str(graph))
    assert r.exit_code == 2 and "SERVICE" in r.output


def test_keywords_inside_strings_iris_and_comments_are_not_updates():
    q = '# DROP ALL\nSELECT ?insert WHERE { ?insert <http://x/DELETE> "LOAD" . ?s x:clear ?o }'
    assert classify(q).form == "SELECT"


def test_allow_update_rewrites_the_graph(tmp_path):
    write_rdf(sample_kg(), tmp_path, provenance="none")
    graph = tmp_path / "graph.ttl"
    r = invoke("query", 'INSERT DATA { <https://kg.example.org/id/entity/x> rdfs:label "新"@zh }',
               "--graph", str(graph), "--allow-update", "--format", "csv")
    assert r.exit_code == 0, r.output
    before, after = r.output.splitlines()[1].split(",")
    assert int(after) == int(before) + 1
    assert run_query('ASK { ?x rdfs:label "新"@zh }', graph_path=graph).rows == [("true",)]


def test_missing_graph_or_query_file(tmp_path):
    r = invoke("query", PERSONS, "--graph", str(tmp_path / "none.ttl"))
    assert r.exit_code == 2 and "kg build" in r.output
    r = invoke("query", str(tmp_path / "missing.rq"), "--graph", str(tmp_path / "none.ttl"))
    assert r.exit_code == 2 and "no query file" in r.output


def test_rdflib_gives_the_same_rows(graph, monkeypatch):
    expected = run_query(PERSONS, graph_path=graph)
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)
    with pytest.raises(ImportError):
        import pyoxigraph  # noqa: F401
    assert run_query(PERSONS, graph_path=graph).rows == expected.rows
    with pytest.raises(QueryError, match="line 1"):
        run_query("SELECT ?x WHERE { ?x }", graph_path=graph)
    with pytest.raises(QueryError, match="refused"):
        run_query("DROP ALL", graph_path=graph)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_shipped_queries_explain_themselves_and_run(graph, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text.splitlines()[0]) > 20
    run_query(text, graph_path=graph)


def test_validate_command_clean_and_broken(graph, tmp_path):
    r = invoke("validate", str(graph))
    assert r.exit_code == 0 and "conforms" in r.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(graph.read_text(encoding="utf-8") + """
<https://kg.example.org/id/entity/Person:无名> a kg:Person , kg:City ; kg:mentionCount 0 .
<https://kg.example.org/id/doc/x.txt/m9-3/pos> a oa:TextPositionSelector ; oa:start 9 ; oa:end 3 .
""", encoding="utf-8")
    r = invoke("validate", str(broken))
    assert r.exit_code == 1
    assert "ent:Person:无名" in r.output
    assert "exactly one of the classes" in r.output and "rdfs:label" in r.output
    assert "oa:start is one integer" in r.output
    r = invoke("validate", str(tmp_path / "absent.ttl"))
    assert r.exit_code == 2


def test_validate_returns_report(graph):
    conforms, report = validate(graph)
    assert conforms and "triples checked" in report


@pytest.mark.parametrize("provenance", ["mentions", "full"])
def test_seed_build_answers_every_shipped_query(tmp_path, provenance):
    from kg.pipeline import BuildOptions, build

    build([str(ROOT / "seeds")], BuildOptions(out_dir=tmp_path, provenance=provenance, write_html=False))
    graph = tmp_path / "graph.ttl"
    conforms, report = validate(graph)
    assert conforms, report
    for path in QUERIES:
        result = run_query(path.read_text(encoding="utf-8"), graph_path=graph)
        # The seed articles are undated: who served together in a year needs dates (tests/test_time.py).
        assert result.rows or path.name in DATED_ONLY, f"{path.name} returned no rows on the seed build"
    programs = run_query((ROOT / "queries/programs_implementers.rq").read_text(encoding="utf-8"), graph_path=graph)
    assert any(r[0] == "红色物业" and r[1] == "离石区" and r[4] for r in programs.rows)
    posts = run_query((ROOT / "queries/officials_and_posts.rq").read_text(encoding="utf-8"), graph_path=graph)
    assert any(r[0] == "储祥好" and r[1] == "市委书记" for r in posts.rows)
    tree = run_query((ROOT / "queries/place_tree.rq").read_text(encoding="utf-8"), graph_path=graph)
    assert any(r[1] == "盐湖区" and r[3] == "运城市" for r in tree.rows)
    chain = run_query('ASK { ?x rdfs:label "盐湖区"@zh ; schema:containedInPlace/schema:containedInPlace/rdfs:label "山西省"@zh }',
                      graph_path=graph)
    assert chain.rows == [("true",)]


def test_jsonld_graph_queries_and_validates_like_turtle(tmp_path):
    write_rdf(sample_kg(), tmp_path, formats=("ttl", "jsonld"))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert run_query(count, graph_path=tmp_path / "graph.jsonld").rows == \
        run_query(count, graph_path=tmp_path / "graph.ttl").rows
    assert validate(tmp_path / "graph.jsonld")[0]


def test_main_kg_command_has_the_rdf_commands(graph):
    from kg.cli import main
    r = CliRunner().invoke(main, ["query", PERSONS, "--graph", str(graph), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "储祥好,2" in r.output
    assert CliRunner().invoke(main, ["validate", str(graph)]).exit_code == 0
