"""`kg push` and `kg query --endpoint` against a real Oxigraph server."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg import cli_rdf
from kg.export.rdf import write_rdf
from kg.query import QueryError, push, run_query

from conftest import require
from test_rdf import sample_kg

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = shutil.which("oxigraph") or (
    str(Path(__import__("sys").executable).parent / "oxigraph")
    if (Path(__import__("sys").executable).parent / "oxigraph").exists() else None)



@pytest.fixture(autouse=True)
def _oxigraph_server():
    require("" if OXIGRAPH else "the `oxigraph` server binary is not installed (pip install -e '.[test]')",
            "KG_SKIP_SERVER")


@click.group()
def cli() -> None:
    """The RDF commands alone."""


cli_rdf.register(cli)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph did not answer in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("store")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/query?query=ASK%7B%7D", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_rdf(sample_kg(), out, provenance="full")
    return out / "graph.ttl"


QUERY = """PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?n WHERE { ?p a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n } ORDER BY ?name"""


def test_push_then_query_gives_the_embedded_rows(server, graph):
    r = CliRunner().invoke(cli, ["push", "--graph", str(graph), "--endpoint", server + "/store"])
    assert r.exit_code == 0, r.output
    assert "loaded" in r.output
    for path in sorted((ROOT / "queries").glob("*.rq")) + [None]:
        text = QUERY if path is None else path.read_text(encoding="utf-8")
        local = run_query(text, graph_path=graph)
        remote = run_query(text, endpoint=server + "/query")
        assert remote.columns == local.columns
        assert remote.rows == local.rows, path
    r = CliRunner().invoke(cli, ["query", QUERY, "--endpoint", server + "/query", "--format", "csv"])
    assert r.output.splitlines() == ["name,n", "储祥好,2", "姚逊,1"]


def test_pushing_twice_replaces_rather_than_duplicates(server, graph):
    push(graph, server + "/store")
    push(graph, server + "/store")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert run_query(count, endpoint=server + "/query").rows == run_query(count, graph_path=graph).rows


def test_undeclared_standard_prefixes_work_over_http(server, graph):
    push(graph, server + "/store")
    q = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
    assert run_query(q, endpoint=server + "/query").rows == [("储祥好",), ("姚逊",)]


def test_malformed_query_over_http_reports_line(server):
    with pytest.raises(QueryError, match="line 2"):
        run_query("SELECT ?x\nWHERE { ?x ?y }", endpoint=server + "/query")


def test_unreachable_or_refusing_store_is_one_line_exit_2(server, graph):
    dead = f"http://127.0.0.1:{_free_port()}"
    for args in (["push", "--graph", str(graph), "--endpoint", dead + "/store"],
                 ["query", QUERY, "--endpoint", dead + "/query"],
                 ["push", "--graph", str(graph), "--endpoint", server + "/nowhere"]):
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 2, r.output
        assert len(r.output.strip().splitlines()) == 1, r.output
        assert r.output.startswith(f"kg {args[0]}: ")
