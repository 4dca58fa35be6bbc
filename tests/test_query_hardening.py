"""`kg query` and `kg push` against hostile queries, slow or broken servers, and runaway evaluations.

Every server here is started by the test on 127.0.0.1, counts who contacts
it, and stops by itself within ten seconds; every wait has a timeout, so each
test ends in a few seconds even when what it checks is broken.
"""
from __future__ import annotations

import csv
import io
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import cli_rdf, query as kgquery
from kg.csvsafe import safe_cell
from kg.export.rdf import write_rdf
from kg.query import QueryError, run_query
from kg.sparql_text import classify, may_call_service

try:
    from test_rdf import sample_kg
except ImportError:  # collected as a package
    from tests.test_rdf import sample_kg


@click.group()
def cli() -> None:
    """The RDF commands alone."""


cli_rdf.register(cli)


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result, command: str = "query") -> str:
    """The single line a failed command printed, checked to be that and to exit 2."""
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg {command}: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


# --------------------------------------------------------------------------- servers on 127.0.0.1

Reply = Callable[[socket.socket, threading.Event], None]


class Server:
    """Accepts connections on 127.0.0.1, reads each request, then lets ``reply`` answer; counts contacts."""

    def __init__(self, reply: Reply):
        self.reply = reply
        self.contacts = 0
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.contacts += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                _read_request(conn)
                self.reply(conn, self.stop)
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(65536)
        if not piece:
            return data
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        piece = conn.recv(65536)
        if not piece:
            break
        body += piece
    return head + body


@contextmanager
def serve(reply: Reply) -> Iterator[Server]:
    server = Server(reply)
    try:
        yield server
    finally:
        server.close()


def answer(body: bytes, content_type: str = "application/sparql-results+json", status: str = "200 OK") -> Reply:
    def reply(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                     "Connection: close\r\n\r\n".encode() + body)
    return reply


def never_answer(conn: socket.socket, stop: threading.Event) -> None:
    stop.wait(10)


def trickle(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n")
    while not stop.wait(0.2):
        conn.sendall(b" ")


def endless(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n[")
    chunk = b"[1]," * 16384
    deadline = time.monotonic() + 10
    while not stop.is_set() and time.monotonic() < deadline:
        conn.sendall(chunk)


def garbage(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")


EMPTY_RESULTS = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode()


# --------------------------------------------------------------------------- graphs

@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_rdf(sample_kg(), out, provenance="full")
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def product_graph(tmp_path_factory) -> Path:
    """400 triples: their three-way product is 64 million rows, far more than a test can wait for."""
    path = tmp_path_factory.mktemp("product") / "graph.ttl"
    path.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i}> .\n" for i in range(400)), encoding="utf-8")
    return path


PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PRODUCT_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


# --------------------------------------------------------------------------- 1. SERVICE and Update refusal

SERVICE_TRICKS = {
    "bare CR ends a comment": "SELECT * WHERE {{ # c\rSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "CRLF ends a comment": "SELECT * WHERE {{ # c\r\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "U+2028 then a long string opened in the comment": 'SELECT * WHERE {{ # x\u2028"""\nSERVICE <{url}> {{ }}\n# """\n }}',
    "lower case": "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "escaped quote in a string": 'SELECT * WHERE {{ BIND("a\\u0022" AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}',
    "variable": "SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
    "SILENT without spaces": "PREFIX : <{base}> SELECT*{{SERVICESILENT:x{{}}}}",
    "glued to true": "PREFIX : <{base}> SELECT * {{ BIND(1 AS ?s) OPTIONAL {{ ?s ?p true }}SERVICE:x{{}} }}",
    "less-than read as an IRI": "PREFIX : <{base}> SELECT * {{ BIND(1 AS ?o) FILTER(?o<2)SERVICE:x#>\n{{ }} }}",
    "escape in a prefixed name": "PREFIX : <{base}> PREFIX e: <urn:e:> SELECT * {{ ?s ?p e:a\\#b . SERVICE :x {{ }} }}",
    "after a dotted name": "PREFIX : <{base}> PREFIX e: <urn:e:> SELECT * {{ ?s ?p e:a.b.SERVICE :x {{ }} }}",
}


@pytest.mark.parametrize("how", ["argument", "stdin", "library"])
@pytest.mark.parametrize("trick", sorted(SERVICE_TRICKS))
def test_service_is_refused_however_it_is_written(graph, trick, how):
    with serve(answer(EMPTY_RESULTS)) as server:
        text = SERVICE_TRICKS[trick].format(url=server.url, base=server.url.rsplit("/", 1)[0] + "/")
        if how == "library":
            with pytest.raises(QueryError, match="refused: SERVICE"):
                run_query(text, graph_path=graph)
        else:
            args = ("query", text if how == "argument" else "-", "--graph", str(graph))
            line = one_line_error(invoke(*args, input=text if how == "stdin" else None))
            assert "refused: SERVICE" in line
        assert server.contacts == 0


@pytest.mark.parametrize("text", [
    'SELECT ?x WHERE {{ BIND("SERVICE <{url}> {{ ?s ?p ?o }}" AS ?x) }}',
    "SELECT ?x WHERE {{ BIND('''SERVICE <{url}> {{ }}''' AS ?x) }}",
    "SELECT ?x WHERE {{ # SERVICE <{url}> {{ ?s ?p ?o }}\n BIND(1 AS ?x) }}",
    "SELECT ?service WHERE {{ BIND(1 AS ?service) }}",
    "SELECT ?x WHERE {{ GRAPH <http://example.org/service> {{ ?x ?p ?o }} }}",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT ?x WHERE {{ ?x a sd:Service }}",
])
def test_the_word_service_elsewhere_is_not_refused(graph, text):
    with serve(answer(EMPTY_RESULTS)) as server:
        r = invoke("query", text.format(url=server.url), "--graph", str(graph), "--format", "csv")
        assert r.exit_code == 0, r.output
        assert server.contacts == 0


_FRAGMENTS = ["SERVICE", "service", "SILENT", ":x", "?u", "{", "}", "{ }", " ", "\n", "\r", "\u2028", "\x0c",
              "#", "# c", '"', "'", '"""', "\\", "\\#", "\\u0022", "<", ">", "<2)", "FILTER(?o<2)", "true", "1",
              ".", "e:a.b.", "BIND(1 AS ?o)", "?s ?p ?o", "VALUES ?u { :x }", "SERVICE :x { }", "(", ")"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_no_query_the_engine_sends_out_passes_the_check(parts):
    """The check against Oxigraph itself: whatever calls the server must have been flagged."""
    import pyoxigraph as ox

    with serve(answer(EMPTY_RESULTS)) as server:
        base = server.url.rsplit("/", 1)[0] + "/"
        text = f"PREFIX : <{base}> PREFIX e: <urn:e:> SELECT * WHERE {{ {''.join(parts)} }}"
        try:
            answer_ = ox.Store().query(text)
            if not isinstance(answer_, ox.QueryBoolean):
                list(answer_)
        except (SyntaxError, OSError, RuntimeError):
            pass
        assert server.contacts == 0 or may_call_service(text), repr(text)


@pytest.mark.parametrize("update", [
    "# c\rINSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "# c\r\nDELETE WHERE { ?s ?p ?o }",
    "#\u2028\nDROP ALL",
])
def test_updates_hidden_behind_line_breaks_are_refused(graph, update):
    before = graph.read_bytes()
    assert "SPARQL Update" in one_line_error(invoke("query", update, "--graph", str(graph)))
    assert graph.read_bytes() == before


def test_an_update_after_a_cr_comment_runs_when_allowed(tmp_path):
    write_rdf(sample_kg(), tmp_path, provenance="none")
    g = tmp_path / "graph.ttl"
    r = invoke("query", "# note\rINSERT DATA { <urn:a> <urn:b> <urn:c> }", "--graph", str(g), "--allow-update")
    assert r.exit_code == 0, r.output
    assert run_query("ASK { <urn:a> <urn:b> <urn:c> }", graph_path=g).rows == [("true",)]


def test_classify_reads_iris_as_iris():
    assert classify("PREFIX ex: <http://x/insert/> SELECT * { ?s ex:p ?o }").form == "SELECT"


# --------------------------------------------------------------------------- 2. endpoints

@pytest.mark.parametrize("reply", [never_answer, trickle], ids=["never answers", "trickles"])
def test_a_slow_endpoint_fails_at_the_deadline(reply):
    with serve(reply) as server:
        started = time.monotonic()
        line = one_line_error(invoke("query", "SELECT * { ?s ?p ?o }", "--endpoint", server.url, "--timeout", "1"))
        assert time.monotonic() - started < 4
        assert "within 1 s (--timeout)" in line and server.url in line


def test_endpoint_queries_have_a_default_deadline(monkeypatch):
    monkeypatch.setattr(kgquery, "ENDPOINT_TIMEOUT", 0.5)
    with serve(never_answer) as server:
        started = time.monotonic()
        with pytest.raises(QueryError, match="within 0.5 s"):
            run_query("SELECT * { ?s ?p ?o }", endpoint=server.url)
        assert time.monotonic() - started < 3


def test_an_endless_answer_stops_at_the_size_limit():
    with serve(endless) as server:
        line = one_line_error(invoke("query", "SELECT * { ?s ?p ?o }", "--endpoint", server.url, "--max-reply", "1"))
        assert "more than 1 MB (--max-reply)" in line


@pytest.mark.parametrize("url", ["localhost:7878/query", "ftp://127.0.0.1/x", "http://", "http://[::1",
                                 "http://127.0.0.1:99999/query", "http://127.0.0.1:7878/a b", "http://例子.cn/q"])
def test_a_bad_url_is_one_line(url, graph):
    assert "bad URL" in one_line_error(invoke("query", "SELECT * { ?s ?p ?o }", "--endpoint", url))
    assert "bad URL" in one_line_error(invoke("push", "--graph", str(graph), "--endpoint", url), "push")


@pytest.mark.parametrize("reply, said", [
    (garbage, "did not answer in HTTP"),
    (answer(b"[]"), "not a JSON object"),
    (answer(b'{"head": 1, "results": {}}'), '"head" and "results"'),
    (answer(b'{"head": {"vars": [1]}, "results": {"bindings": []}}'), '"vars"'),
    (answer(b'{"head": {"vars": ["x"]}, "results": {"bindings": [1]}}'), '"bindings"'),
    (answer(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": 5}}]}}'), "not a string"),
    (answer(b'{"boolean": "yes"}'), '"boolean"'),
    (answer(b"[" * 200_000 + b"]" * 200_000), "SPARQL JSON"),
    (answer(b"\xff\xfe not text"), "SPARQL JSON"),
    (answer(b"<html><body>Login</body></html>", "text/html"), "SPARQL JSON"),
    (answer(b"Internal error\n" * 10_000, "text/plain", "500 Internal Server Error"), "HTTP 500"),
], ids=["garbage status line", "list", "head not object", "vars not names", "bindings not objects",
        "value not string", "boolean not bool", "200,000 deep", "not UTF-8", "HTML", "HTTP 500"])
def test_a_broken_answer_is_one_line(reply, said):
    with serve(reply) as server:
        line = one_line_error(invoke("query", "SELECT * { ?s ?p ?o }", "--endpoint", server.url))
        assert said in line and len(line) < 600


def test_a_good_answer_is_still_read():
    body = {"head": {"vars": ["x", "n"]}, "results": {"bindings": [
        {"x": {"type": "literal", "value": "=1+1"}, "n": {"type": "literal", "value": "-3",
                                                           "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
    with serve(answer(json.dumps(body).encode())) as server:
        r = invoke("query", "SELECT * { ?s ?p ?o }", "--endpoint", server.url, "--format", "csv")
        assert r.exit_code == 0, r.output
        assert r.output.splitlines() == ["x,n", "'=1+1,-3"]


def test_push_to_a_store_that_never_answers_stops_at_the_deadline(graph):
    with serve(never_answer) as server:
        started = time.monotonic()
        line = one_line_error(invoke("push", "--graph", str(graph), "--endpoint", server.url, "--timeout", "1"), "push")
        assert "within 1 s (--timeout)" in line
        assert time.monotonic() - started < 4


# --------------------------------------------------------------------------- 3. runaway local queries

@pytest.mark.parametrize("text", [PRODUCT, PRODUCT_COUNT], ids=["streamed rows", "one aggregate"])
def test_a_runaway_local_query_stops_at_its_timeout(product_graph, text):
    started = time.monotonic()
    r = invoke("query", text, "--graph", str(product_graph), "--timeout", "1", "--format", "csv")
    assert time.monotonic() - started < 5
    assert r.exit_code == 2
    assert r.output.strip().splitlines()[-1] == \
        "kg query: the query ran longer than 1 s (--timeout) and was stopped"


def test_limit_prints_that_many_rows_of_a_huge_answer(product_graph):
    started = time.monotonic()
    r = invoke("query", PRODUCT, "--graph", str(product_graph), "--limit", "5", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert len(r.output.splitlines()) == 1 + 5
    r = invoke("query", PRODUCT, "--graph", str(product_graph), "--limit", "5")
    assert r.output.splitlines()[-1] == "(5 rows)"
    assert len(run_query(PRODUCT, graph_path=product_graph, limit=3).rows) == 3
    assert time.monotonic() - started < 10


def _kg(*args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    # A child with Ctrl-C's default action, whatever the test runner's is.
    return subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=stdout, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_rows_are_printed_before_the_query_ends(product_graph):
    proc = _kg("query", PRODUCT, "--graph", str(product_graph), "--format", "csv")
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.extend([proc.stdout.readline(), proc.stdout.readline()]),
                              daemon=True)
    try:
        reader.start()
        reader.join(timeout=10)
        assert len(lines) == 2, "no rows within 10 s"
        assert lines[0].startswith(b"a,b,c") and lines[1].startswith(b"urn:s")
        assert proc.poll() is None  # still going: the rows came as they were made
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.mark.parametrize("text", [PRODUCT, PRODUCT_COUNT], ids=["streamed rows", "one aggregate"])
def test_ctrl_c_stops_a_local_query_with_130(product_graph, text):
    proc = _kg("query", text, "--graph", str(product_graph), "--format", "csv", stdout=subprocess.DEVNULL)
    try:
        time.sleep(1.5)  # loaded and well into the query
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=5) == 130
        assert proc.stderr.read().decode().strip() == "kg query: interrupted"
    finally:
        proc.kill()
        proc.wait(timeout=10)


# --------------------------------------------------------------------------- 4. evaluation errors

def test_an_unbound_service_variable_is_one_line(graph):
    line = one_line_error(invoke("query", "SELECT * { SERVICE ?u { ?s ?p ?o } }", "--graph", str(graph),
                                 "--allow-update"))
    assert "query failed" in line and "unbound" in line


def test_a_service_answering_html_is_one_line(graph):
    with serve(answer(b"<html><body>Sign in</body></html>", "text/html")) as server:
        line = one_line_error(invoke("query", f"SELECT * {{ SERVICE <{server.url}> {{ ?s ?p ?o }} }}",
                                     "--graph", str(graph), "--allow-update"))
        assert "query failed" in line and server.contacts == 1


# --------------------------------------------------------------------------- 5. formulas in CSV

@pytest.mark.parametrize("cell, written", [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-", "'-"),
    ("-0.4515", "-0.4515"), ("+3", "+3"), ("-1e-5", "-1e-5"), ("储祥好", "储祥好"), ("a=b", "a=b"),
    (-2, -2), (0.5, 0.5), (None, None),
])
def test_safe_cell(cell, written):
    assert safe_cell(cell) == written


def test_formulas_in_an_article_are_neutralized_in_every_csv(tmp_path):
    from kg.pipeline import BuildOptions, build

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text('=HYPERLINK("http://evil.example/x","点击")运城市委书记储祥好在盐湖区调研红色物业工作。\n'
                                    "运城市委书记储祥好与盐湖区区长姚逊座谈。\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(articles)], BuildOptions(out_dir=out, provenance="full", write_html=False, workers=1, use_cache=False))
    with open(out / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    evidence = {e["evidence"] for e in edges}
    assert '\'=HYPERLINK("http://evil.example/x","点击")运城市委书记储祥好在盐湖区调研红色物业工作。' in evidence
    for name in sorted(out.rglob("*.csv")):
        with open(name, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                assert not any(c.startswith(("=", "+", "@")) for c in row), (name, row)
    assert all(float(e["pmi"]) == float(e["pmi"]) for e in edges)  # numbers stay numbers

    r = invoke("query", "SELECT ?t WHERE { ?s kg:text ?t } ORDER BY ?t", "--graph", str(out / "graph.ttl"),
               "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.output)))
    assert ['\'=HYPERLINK("http://evil.example/x","点击")运城市委书记储祥好在盐湖区调研红色物业工作。'] in rows


def test_query_csv_keeps_negative_numbers(graph):
    r = invoke("query", 'SELECT ?n ?s WHERE { BIND(-1.5 AS ?n) BIND("-1+1" AS ?s) }', "--graph", str(graph),
               "--format", "csv")
    assert r.output.splitlines() == ["n,s", "-1.5,'-1+1"]


# --------------------------------------------------------------------------- 6. pushing an empty graph

@pytest.mark.parametrize("content, said", [(b"", "is empty (0 bytes)"),
                                            (b"@prefix kg: <https://kg.example.org/ontology#> .\n", "holds no triples")])
def test_pushing_an_empty_graph_is_refused_unless_allowed(tmp_path, content, said):
    empty = tmp_path / "graph.ttl"
    empty.write_bytes(content)
    with serve(answer(b"", "text/plain", "204 No Content")) as server:
        line = one_line_error(invoke("push", "--graph", str(empty), "--endpoint", server.url), "push")
        assert said in line and "--allow-empty" in line
        assert server.contacts == 0
        r = invoke("push", "--graph", str(empty), "--endpoint", server.url, "--allow-empty")
        assert r.exit_code == 0, r.output
        assert server.contacts == 1
