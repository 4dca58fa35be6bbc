"""SPARQL over the exported graph: embedded, or against a store over HTTP.

Local files are queried in an in-memory Oxigraph store (pyoxigraph), or with
rdflib when pyoxigraph is not installed. A store is queried with the SPARQL 1.1
Protocol and loaded with the Graph Store HTTP Protocol, using only urllib.
SPARQL Update and SERVICE are refused unless explicitly allowed: a query
should never change a build's output or reach out to the network by surprise.

Rows are streamed: a local query's solutions are read in a worker thread as
the engine makes them and printed as they come, so neither memory nor the wait
for the first row grows with the size of the answer, and Ctrl-C or --timeout
end any query at once.
"""
from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterator, TextIO

from kg import worker
from kg.config import QUERY_DEFAULTS
from kg.csvsafe import SafeWriter
from kg.export.rdf import shapes_text
from kg.http_client import HttpError, check_url, exchange, one_line
from kg.sparql_text import QueryShape, classify
from kg.vocab import DEFAULT_BASE_IRI, VOCAB_PREFIXES, all_prefixes, compact
from kg.worker import Deadline, DeadlinePassed

DEFAULT_GRAPH = QUERY_DEFAULTS.graph
DEFAULT_PREFIXES = all_prefixes(DEFAULT_BASE_IRI)
ENDPOINT_TIMEOUT = QUERY_DEFAULTS.endpoint_timeout
PUSH_TIMEOUT = QUERY_DEFAULTS.push_timeout
MAX_REPLY_MB = QUERY_DEFAULTS.max_reply_mb

_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
_MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json"}

Row = tuple  # of str | None, one value a column


class QueryError(Exception):
    """A query, graph or store problem to report to the user (the CLI exits with 2)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Iri(str):
    """A result value that is an IRI (tables print it with a prefix)."""


class Number(str):
    """A result value that is a numeric literal, kept in its lexical form (JSON prints it as a number)."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[Row]
    prefixes: dict[str, str] = field(default_factory=dict)   # for printing IRIs


@dataclass
class RowStream:
    """A query's answer whose rows come as they are made; ``close()`` stops the work behind them."""

    columns: list[str]
    rows: Iterator[Row]
    prefixes: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close:
            close()

    def __enter__(self) -> RowStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


def declared_prefixes(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in _PREFIX_DECL.finditer(text)}


def read_query(query: str) -> str:
    """The text of ``query``: ``-`` for standard input, a path to a .rq file, or SPARQL itself."""
    if query == "-":
        import sys
        return sys.stdin.read()
    candidate = query.strip()
    if "\n" in candidate or "{" in candidate:
        return query
    path = Path(candidate)
    try:
        is_file = path.is_file()
    except OSError:
        is_file = False
    if not is_file and path.suffix.lower() in (".rq", ".sparql"):
        raise QueryError(f"no query file {candidate}")
    if not is_file:
        return query
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"cannot read query file {candidate}: {e}") from None


# --------------------------------------------------------------------------- running

def run_query(query_text: str, *, graph_path: str | Path | None = None, endpoint: str | None = None,
              allow_update: bool = False, timeout: float | None = None, limit: int | None = None,
              max_reply_mb: float = MAX_REPLY_MB) -> QueryResult:
    """Run SPARQL ``query_text`` over the graph file, or over ``endpoint`` when given; all rows at once.

    The arguments are those of ``open_query``.
    """
    with open_query(query_text, graph_path=graph_path, endpoint=endpoint, allow_update=allow_update,
                    timeout=timeout, limit=limit, max_reply_mb=max_reply_mb) as stream:
        return QueryResult(stream.columns, list(stream.rows), stream.prefixes)


def open_query(query_text: str, *, graph_path: str | Path | None = None, endpoint: str | None = None,
               allow_update: bool = False, timeout: float | None = None, limit: int | None = None,
               max_reply_mb: float = MAX_REPLY_MB) -> RowStream:
    """Start SPARQL ``query_text`` over the graph file, or over ``endpoint`` when given.

    ``timeout`` is in seconds: the whole exchange with an endpoint (default
    ENDPOINT_TIMEOUT), or the running of a local query, not counting reading the
    graph (default none). ``limit`` caps the rows returned; ``max_reply_mb`` the
    size of an endpoint's answer. Raises QueryError, also while rows are read.
    """
    shape = classify(query_text)
    if shape.form == "UPDATE" and not allow_update:
        raise QueryError(f"refused: this is a SPARQL Update ({shape.update_keyword}); "
                         "pass --allow-update to change the graph")
    if shape.service and not allow_update and not endpoint:
        raise QueryError("refused: SERVICE would query another endpoint over the network; "
                         "pass --allow-update to allow it")
    if endpoint:
        result = _run_http(query_text, shape, endpoint, ENDPOINT_TIMEOUT if timeout is None else timeout,
                           int(max_reply_mb * 1e6))
        stream = RowStream(result.columns, iter(result.rows))
    else:
        stream = _open_local(query_text, shape, Path(graph_path or DEFAULT_GRAPH), Deadline(timeout), allow_update)
    stream.prefixes = {**DEFAULT_PREFIXES, **declared_prefixes(query_text)}
    if limit is not None:
        stream.rows = _first(stream.rows, limit)
    return stream


def _first(rows: Iterator[Row], limit: int) -> Iterator[Row]:
    """The first ``limit`` rows; closing it closes ``rows`` (islice alone would not)."""
    try:
        yield from islice(rows, limit)
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()


def _graph_format(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"cannot tell the RDF format of {path} (use .ttl, .nt or .jsonld)")
    return fmt


def _check_graph(path: Path) -> str:
    if not path.is_file():
        raise QueryError(f"no graph at {path}: run `kg build` first or pass --graph")
    return _graph_format(path)


def _open_local(text: str, shape: QueryShape, path: Path, deadline: Deadline, allow_update: bool) -> RowStream:
    fmt = _check_graph(path)
    if not _pyoxigraph_reads(fmt):
        result = _run_rdflib(text, shape, path, fmt, deadline, allow_update)
        return RowStream(result.columns, iter(result.rows))
    store = worker.call(lambda: load_store(path, fmt), Deadline(None))  # in a worker so that Ctrl-C is heard
    if shape.form == "UPDATE":
        result = _update_pyoxigraph(store, text, path, fmt, deadline)
        return RowStream(result.columns, iter(result.rows))
    return _stream_answer(store, text, deadline)


def _pyoxigraph_reads(fmt: str) -> bool:
    """Whether pyoxigraph is installed and parses ``fmt`` (JSON-LD only since 0.5)."""
    try:
        import pyoxigraph as ox
    except ImportError:
        return False
    return fmt != "json-ld" or hasattr(ox.RdfFormat, "JSON_LD")


def load_store(path: Path, fmt: str | None = None):
    """An in-memory pyoxigraph store holding the graph at ``path``."""
    import pyoxigraph as ox

    fmt = fmt or _check_graph(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=_ox_format(fmt))
    except SyntaxError as e:
        raise QueryError(f"{path} is not valid {fmt}: {e}") from None
    return store


def _ox_format(fmt: str):
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}[fmt]


def query_store(store, text: str) -> QueryResult:
    """Run a query on a loaded pyoxigraph store, all rows at once (the benchmark times queries alone with it)."""
    with _stream_answer(store, text, Deadline(None)) as stream:
        return QueryResult(stream.columns, list(stream.rows))


def _stream_answer(store, text: str, deadline: Deadline) -> RowStream:
    """The answer of ``store`` to ``text``, its rows made in a worker thread as they are read.

    pyoxigraph's solutions belong to the thread that asked for them, so the
    query is asked and read in the same worker; its first item is the columns.
    """
    items = _evaluation_errors(worker.stream(lambda: _answer_items(store, text), deadline), text, deadline)
    try:
        columns = next(items)
    except BaseException:
        items.close()
        raise
    return RowStream(columns, items)


def _answer_items(store, text: str) -> Iterator:
    import pyoxigraph as ox

    answer = _with_default_prefixes(store.query, text)
    if isinstance(answer, ox.QueryBoolean):
        yield ["ask"]
        yield ("true" if bool(answer) else "false",)
    elif isinstance(answer, ox.QuerySolutions):
        yield [v.value for v in answer.variables]
        for solution in answer:  # its values in the order of the variables, None where unbound
            yield tuple(map(_ox_value, solution))
    else:
        yield ["subject", "predicate", "object"]
        for t in answer:
            yield (_ox_value(t.subject), _ox_value(t.predicate), _ox_value(t.object))


def _evaluation_errors(items: Iterator, text: str, deadline: Deadline) -> Iterator:
    """``items``, with what can go wrong while a query runs said in one line."""
    try:
        yield from items
    except DeadlinePassed:
        raise QueryError(f"the query ran longer than {deadline.seconds:g} s (--timeout) and was stopped") from None
    except SyntaxError as e:
        raise _syntax_error(text, str(e)) from None
    except (OSError, RuntimeError, ValueError) as e:  # a failed SERVICE call, an unbound SERVICE variable, …
        raise QueryError(f"query failed: {one_line(e)}") from None
    finally:
        items.close()


def _with_default_prefixes(run: Callable, text: str):
    """``run(text)`` with the standard prefixes predeclared.

    pyoxigraph 0.5 takes them as an argument; 0.4 does not, so they are written
    into the query's first line there (line numbers in errors stay right).
    """
    try:
        return run(text, prefixes=VOCAB_PREFIXES)
    except TypeError:
        return run(_with_prefixes(text))


_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}


def _ox_value(term) -> str | None:
    """A pyoxigraph term as a result value (called for every value of every row: kept lean)."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return Iri(term.value)
    if kind == "Literal":
        return Number(term.value) if term.datatype.value in _NUMERIC else term.value
    if kind == "BlankNode":
        return "_:" + term.value
    return None if term is None else str(term)


def _update_pyoxigraph(store, text: str, path: Path, fmt: str, deadline: Deadline) -> QueryResult:
    import pyoxigraph as ox

    before = len(store)
    try:
        worker.call(lambda: _with_default_prefixes(store.update, text), deadline)
    except DeadlinePassed:
        raise QueryError(f"the update ran longer than {deadline.seconds:g} s (--timeout) and was stopped; "
                         f"{path} is unchanged") from None
    except SyntaxError as e:
        raise _syntax_error(text, str(e)) from None
    except (OSError, RuntimeError, ValueError) as e:
        raise QueryError(f"update failed: {one_line(e)}") from None
    after = len(store)
    # Written here, not in the worker: an update given up on must not change the file later.
    _write_back(path, fmt, [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())])
    return QueryResult(["triples_before", "triples_after"], [(Number(str(before)), Number(str(after)))])


def _write_back(path: Path, fmt: str, triples) -> None:
    """Save an updated graph in place, sorted like the exporter writes it when it can be."""
    from kg.atomic import atomic_open
    from kg.export.rdf import write_turtle
    import pyoxigraph as ox

    blank = any(isinstance(t, ox.BlankNode) for triple in triples for t in (triple[0], triple[2]))
    if fmt != "turtle" or blank:
        with atomic_open(path, "wb") as f:
            ox.serialize((ox.Triple(*t) for t in triples), f, format=_ox_format(fmt), prefixes=DEFAULT_PREFIXES)
        return

    def obj(o):
        if isinstance(o, ox.NamedNode):
            return (0, o.value, "", "")
        lang = o.language or ""
        dt = "" if lang or o.datatype.value.endswith("#string") else o.datatype.value
        return (1, o.value, dt, lang)

    rows = sorted((s.value, p.value, obj(o)) for s, p, o in triples)
    write_turtle(rows, path, DEFAULT_PREFIXES)


# --------------------------------------------------------------------------- rdflib, when pyoxigraph is missing

def _run_rdflib(text: str, shape: QueryShape, path: Path, fmt: str, deadline: Deadline,
                allow_update: bool) -> QueryResult:
    try:
        return worker.call(lambda: _rdflib_answer(text, shape, path, fmt, allow_update), deadline)
    except DeadlinePassed:
        raise QueryError(f"the query ran longer than {deadline.seconds:g} s (--timeout) and was stopped") from None


def _rdflib_answer(text: str, shape: QueryShape, path: Path, fmt: str, allow_update: bool) -> QueryResult:
    import rdflib

    prepared = None if shape.form == "UPDATE" else _rdflib_prepare(text, allow_update)
    g = rdflib.Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        raise QueryError(f"{path} is not valid {fmt}: {e}") from None
    try:
        if prepared is None:
            before = len(g)
            g.update(text, initNs=VOCAB_PREFIXES)
            from kg.atomic import atomic_output_path
            with atomic_output_path(path) as tmp:
                g.serialize(tmp, format=fmt, encoding="utf-8")
            return QueryResult(["triples_before", "triples_after"], [(Number(str(before)), Number(str(len(g))))])
        answer = g.query(prepared)
    except Exception as e:
        raise _rdflib_error(text, e) from None
    if answer.type == "ASK":
        return QueryResult(["ask"], [("true" if answer.askAnswer else "false",)])
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(["subject", "predicate", "object"],
                           [tuple(_rdflib_value(t) for t in triple) for triple in answer])
    columns = [str(v) for v in answer.vars]
    return QueryResult(columns, [tuple(_rdflib_value(row[c]) for c in columns) for row in answer])


def _rdflib_prepare(text: str, allow_update: bool):
    """The query parsed by rdflib, which also runs it: SERVICE and FROM are judged on its own parse."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text, initNs=VOCAB_PREFIXES)
    except Exception as e:
        raise _rdflib_error(text, e) from None
    if prepared.algebra.get("datasetClause"):
        raise QueryError("refused: FROM would make rdflib fetch graphs over the network; "
                         "install pyoxigraph to use FROM on local files")
    if not allow_update and "ServiceGraphPattern" in _algebra_names(prepared.algebra):
        raise QueryError("refused: SERVICE would query another endpoint over the network; "
                         "pass --allow-update to allow it")
    return prepared


def _algebra_names(node) -> Iterator[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _algebra_names(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _algebra_names(value)


def _rdflib_error(text: str, e: Exception) -> QueryError:
    if isinstance(e, QueryError):
        return e
    if hasattr(e, "lineno") and hasattr(e, "col"):
        return _syntax_error(text, f"error at {e.lineno}:{e.col}: {getattr(e, 'msg', e)}")
    return QueryError(f"query failed: {one_line(e)}")


def _rdflib_value(term) -> str | None:
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return Iri(str(term))
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    if isinstance(term, rdflib.Literal) and term.datatype is not None and str(term.datatype) in _NUMERIC:
        return Number(str(term))
    return str(term)


_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


_CHAR_CLASS = re.compile(r"\[[^\[\]]*\.\.=[^\[\]]*\]", re.DOTALL)


def _tidy(detail: str) -> str:
    """The parser's expectation on one line, its long Unicode character classes named instead."""
    detail = _CHAR_CLASS.sub("a letter", detail)
    detail = " ".join(detail.split())
    return detail if len(detail) <= 200 else detail[:199] + "…"


def _syntax_error(text: str, message: str) -> QueryError:
    """A parser message as ``malformed query at line L, column C: …`` with the line quoted."""
    m = _POSITION.search(message)
    if not m:
        return QueryError(f"malformed query: {one_line(message)}")
    line, column, detail = int(m.group(1)), int(m.group(2)), _tidy(m.group(3))
    lines = text.splitlines()
    quoted = f"\n  {line} | {lines[line - 1]}" if 0 < line <= len(lines) else ""
    return QueryError(f"malformed query at line {line}, column {column}: {detail}{quoted}")


# --------------------------------------------------------------------------- HTTP

def _with_prefixes(text: str) -> str:
    """Declare the standard prefixes a query uses without declaring, as local queries allow.

    They go on the first line so that line numbers in the server's errors still match.
    """
    declared = declared_prefixes(text)
    missing = [f"PREFIX {name}: <{ns}>" for name, ns in VOCAB_PREFIXES.items()
               if name not in declared and re.search(rf"(?<![\w.-]){re.escape(name)}:", text)]
    return " ".join(missing + [text]) if missing else text


def _run_http(text: str, shape: QueryShape, endpoint: str, timeout: float, max_bytes: int) -> QueryResult:
    import urllib.parse

    text = _with_prefixes(text)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    if shape.form == "UPDATE":
        _send(endpoint, urllib.parse.urlencode({"update": text}).encode("utf-8"), form, "POST", timeout, None)
        return QueryResult(["result"], [("updated",)])
    graph_answer = shape.form in ("CONSTRUCT", "DESCRIBE")
    accept = "application/n-triples" if graph_answer else "application/sparql-results+json"
    body = _send(endpoint, urllib.parse.urlencode({"query": text}).encode("utf-8"), {**form, "Accept": accept},
                 "POST", timeout, max_bytes)
    if graph_answer:
        return _ntriples_result(body, endpoint)
    try:
        return _json_result(json.loads(body.decode("utf-8")))
    except (ValueError, RecursionError) as e:  # not UTF-8, not JSON, nested too deep, or the wrong shape
        raise QueryError(f"{endpoint} did not answer with SPARQL JSON results: {one_line(e, 200)}") from None


def _send(url: str, data, headers: dict[str, str], method: str, timeout: float, max_bytes: int | None) -> bytes:
    try:
        return exchange(url, data=data, headers=headers, method=method, timeout=timeout, max_bytes=max_bytes)
    except HttpError as e:
        if e.status == 400 and _POSITION.search(e.detail):
            query = _syntax_error(_request_text(data), e.detail).message
            raise QueryError(f"{url} refused the request: {query}") from None
        raise QueryError(e.message) from None


def _request_text(data) -> str:
    import urllib.parse

    if isinstance(data, bytes):
        fields = urllib.parse.parse_qs(data.decode("utf-8"))
        return (fields.get("query") or fields.get("update") or [""])[0]
    return ""


def _json_result(answer: object) -> QueryResult:
    """Rows of a SPARQL JSON results document, checked for shape (ValueError says what is wrong)."""
    _expect(isinstance(answer, dict), "not a JSON object")
    if "boolean" in answer:
        _expect(isinstance(answer["boolean"], bool), '"boolean" is not true or false')
        return QueryResult(["ask"], [("true" if answer["boolean"] else "false",)])
    head, results = answer.get("head"), answer.get("results")
    _expect(isinstance(head, dict) and isinstance(results, dict), 'no "head" and "results" objects')
    columns = head.get("vars", [])
    _expect(isinstance(columns, list) and all(isinstance(c, str) for c in columns), '"vars" is not a list of names')
    bindings = results.get("bindings")
    _expect(isinstance(bindings, list) and all(isinstance(b, dict) for b in bindings),
            '"bindings" is not a list of objects')
    return QueryResult(columns, [tuple(_json_value(b.get(c)) for c in columns) for b in bindings])


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise ValueError(problem)


def _json_value(binding: object) -> str | None:
    if binding is None:
        return None
    _expect(isinstance(binding, dict) and isinstance(binding.get("value"), str), "a value that is not a string")
    kind, value = binding.get("type"), binding["value"]
    if kind == "uri":
        return Iri(value)
    if kind == "bnode":
        return "_:" + value
    return Number(value) if binding.get("datatype") in _NUMERIC else value


def _ntriples_result(body: bytes, endpoint: str) -> QueryResult:
    import rdflib

    g = rdflib.Graph()
    try:
        g.parse(data=body.decode("utf-8"), format="nt")
    except Exception as e:
        raise QueryError(f"{endpoint} did not answer with N-Triples: {one_line(e, 200)}") from None
    rows = sorted(tuple(_rdflib_value(t) for t in triple) for triple in g)
    return QueryResult(["subject", "predicate", "object"], rows)


def push(graph_path: str | Path, endpoint: str, *, timeout: float = PUSH_TIMEOUT, allow_empty: bool = False) -> str:
    """Replace the default graph of the store at ``endpoint`` with the graph file.

    ``endpoint`` is the Graph Store Protocol URL (Oxigraph: http://127.0.0.1:7878/store);
    ``?default`` is added when it names no graph. A file without a triple is
    refused unless ``allow_empty``: it would empty the store. Returns a one-line summary.
    """
    import time
    import urllib.parse

    path = Path(graph_path)
    fmt = _check_graph(path)
    try:
        check_url(endpoint)
    except HttpError as e:
        raise QueryError(e.message) from None
    url = endpoint if urllib.parse.urlsplit(endpoint).query else endpoint + "?default"
    size = path.stat().st_size
    if not allow_empty and not _holds_a_triple(path, fmt, size):
        what = "is empty (0 bytes)" if size == 0 else "holds no triples"
        raise QueryError(f"refused: {path} {what}; pushing it would empty the store's default graph "
                         "(pass --allow-empty to do that)")
    started = time.perf_counter()
    with open(path, "rb") as f:
        _send(url, f, {"Content-Type": _MEDIA_TYPES[fmt], "Content-Length": str(size)}, "PUT", timeout, None)
    return f"loaded {path} ({size / 1e6:.1f} MB) into {url} in {time.perf_counter() - started:.1f} s"


def _holds_a_triple(path: Path, fmt: str, size: int) -> bool:
    """Whether the graph file has at least one triple: read up to the first one only, when pyoxigraph can."""
    if size == 0:
        return False
    if not _pyoxigraph_reads(fmt):
        return len(load_rdflib(path)) > 0
    import pyoxigraph as ox

    try:
        return next(iter(ox.parse(path=str(path), format=_ox_format(fmt))), None) is not None
    except SyntaxError as e:
        raise QueryError(f"{path} is not valid {fmt}: {one_line(e)}") from None


# --------------------------------------------------------------------------- validation

def validate(graph_path: str | Path, shapes_path: str | Path | None = None) -> tuple[bool, str]:
    """Check the graph against kg/shapes.ttl; return (conforms, a readable report)."""
    import pyshacl
    import rdflib

    path = Path(graph_path)
    data = load_rdflib(path)
    shapes = rdflib.Graph()
    if shapes_path:
        shapes.parse(shapes_path, format="turtle")
    else:
        shapes.parse(data=shapes_text(), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                            abort_on_first=False, allow_warnings=True)
    if conforms:
        return True, f"{path}: conforms to the shapes ({len(data)} triples checked)"
    return False, _report(path, results)


def load_rdflib(path: Path):
    """Read a graph into rdflib, through pyoxigraph's much faster parser when it is installed."""
    import rdflib

    fmt = _check_graph(path)
    if not _pyoxigraph_reads(fmt):
        g = rdflib.Graph()
        try:
            return g.parse(path, format=fmt)
        except Exception as e:
            raise QueryError(f"{path} is not valid {fmt}: {e}") from None
    import pyoxigraph as ox

    g = rdflib.Graph()
    convert = _rdflib_converter()
    try:
        quads = ox.parse(path=str(path), format=_ox_format(fmt))
        g.addN((convert(q.subject), convert(q.predicate), convert(q.object), g) for q in quads)
    except SyntaxError as e:
        raise QueryError(f"{path} is not valid {fmt}: {e}") from None
    return g


def _rdflib_converter():
    import pyoxigraph as ox
    import rdflib

    cache: dict = {}
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"

    def convert(term):
        if isinstance(term, ox.NamedNode):
            node = cache.get(term.value)
            if node is None:
                node = cache[term.value] = rdflib.URIRef(term.value)
            return node
        if isinstance(term, ox.BlankNode):
            return rdflib.BNode(term.value)
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if dt == xsd_string else cache.setdefault(dt, rdflib.URIRef(dt)))

    return convert


_SH = "http://www.w3.org/ns/shacl#"
REPORT_LIMIT = 50


def _report(path: Path, results) -> str:
    import rdflib

    sh = rdflib.Namespace(_SH)
    lines = []
    for r in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(r, sh.focusNode)
        result_path = results.value(r, sh.resultPath)
        message = results.value(r, sh.resultMessage)
        value = results.value(r, sh.value)
        severity = results.value(r, sh.resultSeverity)
        line = f"{str(severity).rpartition('#')[2] or 'Violation'}: {_short(focus)}"
        line += f" {_short(result_path)}" if isinstance(result_path, rdflib.URIRef) else ""
        line += f": {message}" if message else ""
        line += f" (value: {_short(value)})" if value is not None else ""
        lines.append(line)
    lines.sort()
    shown = lines[:REPORT_LIMIT]
    more = f"\n… and {len(lines) - REPORT_LIMIT} more" if len(lines) > REPORT_LIMIT else ""
    return f"{path}: {len(lines)} violation(s) of the shapes\n" + "\n".join(shown) + more


def _short(term) -> str:
    if term is None:
        return ""
    text = str(term)
    for name, ns in sorted(DEFAULT_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{name}:{text[len(ns):]}"
    return _printable(text)


# --------------------------------------------------------------------------- output

TABLE_LOOKAHEAD = 1000   # rows a table reads before it fixes its column widths


def _printable(text: str) -> str:
    """One line, no control characters: a table cell."""
    return "".join("↵" if ch == "\n" else (" " if unicodedata.category(ch)[0] in "CZ" else ch)
                   for ch in text.replace("\r\n", "\n"))


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int) -> str:
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _cell(value: str | None, prefixes: dict[str, str], limit: int) -> str:
    if value is None:
        return ""
    text = compact(value, prefixes) if isinstance(value, Iri) else value
    return _truncate(_printable(text), limit)


def write_table(result: QueryResult | RowStream, out: TextIO, *, max_width: int = 80) -> None:
    """An aligned text table (aligned by display width), IRIs shortened with the query's prefixes.

    Column widths are those of the first TABLE_LOOKAHEAD rows, so that rows are
    printed as they come; a wider cell further down pushes its line out of line.
    """
    rows = iter(result.rows)
    cells = [[_cell(v, result.prefixes, max_width) for v in row] for row in islice(rows, TABLE_LOOKAHEAD)]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(result.columns)]

    def line(values: list[str]) -> str:
        return " | ".join(c + " " * (w - display_width(c)) for c, w in zip(values, widths)).rstrip() + "\n"

    out.write(line(list(result.columns)) + "-+-".join("-" * w for w in widths) + "\n")
    n = 0
    for n, values in enumerate(chain(cells, ([_cell(v, result.prefixes, max_width) for v in row] for row in rows)), 1):
        out.write(line(values))
    out.write(f"({n} row{'s' if n != 1 else ''})\n")


def write_csv(result: QueryResult | RowStream, out: TextIO) -> None:
    """CSV with a header line; cells a spreadsheet would run as formulas are neutralized (kg.csvsafe)."""
    writer = SafeWriter(out)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else str(v) for v in row])


def write_json(result: QueryResult | RowStream, out: TextIO) -> None:
    """A JSON list of objects, one per row, written as rows come; numbers as numbers, unbound values as null."""
    out.write("[")
    separator = "\n"
    for row in result.rows:
        record = json.dumps({c: _json_cell(v) for c, v in zip(result.columns, row)}, ensure_ascii=False, indent=1)
        out.write(separator + textwrap.indent(record, " "))
        separator = ",\n"
    out.write("]\n" if separator == "\n" else "\n]\n")


def _json_cell(value: str | None):
    if isinstance(value, Number):
        try:
            number = float(value)
        except ValueError:
            return str(value)
        if number.is_integer() and re.fullmatch(r"[+-]?\d+", value.strip()):
            return int(value)
        return number if number == number and abs(number) != float("inf") else str(value)
    return None if value is None else str(value)
