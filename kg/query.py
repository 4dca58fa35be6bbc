"""SPARQL over the exported graph: embedded, or against a store over HTTP.

Local files are queried in an in-memory Oxigraph store (pyoxigraph), or with
rdflib when pyoxigraph is not installed. A store is queried with the SPARQL 1.1
Protocol and loaded with the Graph Store HTTP Protocol, using only urllib.
SPARQL Update and SERVICE are refused unless explicitly allowed: a query
should never change a build's output or reach out to the network by surprise.
"""
from __future__ import annotations

import csv
import io
import json
import re
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.export.rdf import shapes_text
from kg.vocab import DEFAULT_BASE_IRI, VOCAB_PREFIXES, all_prefixes

DEFAULT_GRAPH = Path("out/graph.ttl")
DEFAULT_PREFIXES = all_prefixes(DEFAULT_BASE_IRI)
HTTP_TIMEOUT = 600

_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
_MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json"}

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})


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
    rows: list[tuple[str | None, ...]]
    prefixes: dict[str, str] = field(default_factory=dict)   # for printing IRIs


# --------------------------------------------------------------------------- reading queries

_TOKEN = re.compile(r'''
    (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<comment>\#[^\n]*)
  | (?P<var>[?$][\w]+)
  | (?P<pname>[\w.-]*:[\w.:%\\-]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
''', re.VERBOSE)

_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class QueryShape:
    form: str                 # SELECT, CONSTRUCT, DESCRIBE, ASK or UPDATE
    update_keyword: str = ""  # the first update keyword, when an update
    service: bool = False
    from_clause: bool = False


def classify(text: str) -> QueryShape:
    """What a query does, from its keywords outside strings, IRIs and comments.

    >>> classify('SELECT ?insert WHERE { ?s <http://x/DELETE> "DROP" } # LOAD').form
    'SELECT'
    >>> classify("PREFIX x: <y> INSERT { ?s x:p 1 } WHERE { SELECT ?s { ?s ?p ?o } }").form
    'UPDATE'
    """
    words = [m.group("word").upper() for m in _TOKEN.finditer(text) if m.group("word")]
    update = next((i for i, w in enumerate(words) if w in UPDATE_KEYWORDS), len(words))
    form = next((i for i, w in enumerate(words) if w in QUERY_FORMS), len(words))
    if update < form:
        return QueryShape("UPDATE", words[update], "SERVICE" in words, "FROM" in words)
    return QueryShape(words[form] if form < len(words) else "", "", "SERVICE" in words, "FROM" in words)


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
              allow_update: bool = False) -> QueryResult:
    """Run SPARQL ``query_text`` over the graph file, or over ``endpoint`` when given."""
    shape = classify(query_text)
    if shape.form == "UPDATE" and not allow_update:
        raise QueryError(f"refused: this is a SPARQL Update ({shape.update_keyword}); "
                         "pass --allow-update to change the graph")
    if shape.service and not allow_update and not endpoint:
        raise QueryError("refused: SERVICE would query another endpoint over the network; "
                         "pass --allow-update to allow it")
    prefixes = {**DEFAULT_PREFIXES, **declared_prefixes(query_text)}
    if endpoint:
        result = _run_http(query_text, shape, endpoint)
    else:
        result = _run_local(query_text, shape, Path(graph_path or DEFAULT_GRAPH))
    result.prefixes = prefixes
    return result


def _graph_format(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"cannot tell the RDF format of {path} (use .ttl, .nt or .jsonld)")
    return fmt


def _check_graph(path: Path) -> str:
    if not path.is_file():
        raise QueryError(f"no graph at {path}: run `kg build` first or pass --graph")
    return _graph_format(path)


def _run_local(text: str, shape: QueryShape, path: Path) -> QueryResult:
    fmt = _check_graph(path)
    if not _pyoxigraph_reads(fmt):
        return _run_rdflib(text, shape, path, fmt)
    return _run_pyoxigraph(text, shape, path, fmt)


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


def _run_pyoxigraph(text: str, shape: QueryShape, path: Path, fmt: str) -> QueryResult:
    store = load_store(path, fmt)
    if shape.form == "UPDATE":
        return _update_pyoxigraph(store, text, path, fmt)
    return query_store(store, text)


def query_store(store, text: str) -> QueryResult:
    """Run a query on a loaded pyoxigraph store (the benchmark times queries alone with it)."""
    try:
        return _ox_result(_with_default_prefixes(store.query, text))
    except SyntaxError as e:
        raise _syntax_error(text, str(e)) from None
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None


def _with_default_prefixes(run, text: str):
    """``run(text)`` with the standard prefixes predeclared.

    pyoxigraph 0.5 takes them as an argument; 0.4 does not, so they are written
    into the query's first line there (line numbers in errors stay right).
    """
    try:
        return run(text, prefixes=VOCAB_PREFIXES)
    except TypeError:
        return run(_with_prefixes(text))


def _ox_result(answer) -> QueryResult:
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(["ask"], [("true" if bool(answer) else "false",)])
    if isinstance(answer, ox.QuerySolutions):
        columns = [v.value for v in answer.variables]
        return QueryResult(columns, [tuple(_ox_value(sol[c]) for c in columns) for sol in answer])
    return QueryResult(["subject", "predicate", "object"],
                       [(_ox_value(t.subject), _ox_value(t.predicate), _ox_value(t.object)) for t in answer])


_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}


def _ox_value(term) -> str | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Iri(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        return Number(term.value) if term.datatype.value in _NUMERIC else term.value
    return str(term)


def _update_pyoxigraph(store, text: str, path: Path, fmt: str) -> QueryResult:
    import pyoxigraph as ox

    before = len(store)
    try:
        _with_default_prefixes(store.update, text)
    except SyntaxError as e:
        raise _syntax_error(text, str(e)) from None
    except OSError as e:
        raise QueryError(f"update failed: {e}") from None
    after = len(store)
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


def _run_rdflib(text: str, shape: QueryShape, path: Path, fmt: str) -> QueryResult:
    import rdflib

    if shape.from_clause:
        raise QueryError("refused: FROM would make rdflib fetch graphs over the network; "
                         "install pyoxigraph to use FROM on local files")
    g = rdflib.Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        raise QueryError(f"{path} is not valid {fmt}: {e}") from None
    try:
        if shape.form == "UPDATE":
            before = len(g)
            g.update(text, initNs=VOCAB_PREFIXES)
            from kg.atomic import atomic_output_path
            with atomic_output_path(path) as tmp:
                g.serialize(tmp, format=fmt, encoding="utf-8")
            return QueryResult(["triples_before", "triples_after"], [(Number(str(before)), Number(str(len(g))))])
        answer = g.query(text, initNs=VOCAB_PREFIXES)
    except Exception as e:
        if hasattr(e, "lineno") and hasattr(e, "col"):
            raise _syntax_error(text, f"error at {e.lineno}:{e.col}: {getattr(e, 'msg', e)}") from None
        raise QueryError(f"query failed: {e}") from None
    if answer.type == "ASK":
        return QueryResult(["ask"], [("true" if answer.askAnswer else "false",)])
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(["subject", "predicate", "object"],
                           [tuple(_rdflib_value(t) for t in triple) for triple in answer])
    columns = [str(v) for v in answer.vars]
    return QueryResult(columns, [tuple(_rdflib_value(row[c]) for c in columns) for row in answer])


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
        return QueryError(f"malformed query: {message}")
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


def _run_http(text: str, shape: QueryShape, endpoint: str) -> QueryResult:
    text = _with_prefixes(text)
    if shape.form == "UPDATE":
        _http(endpoint, urllib.parse.urlencode({"update": text}).encode("utf-8"),
              {"Content-Type": "application/x-www-form-urlencoded"}, "POST")
        return QueryResult(["result"], [("updated",)])
    graph_answer = shape.form in ("CONSTRUCT", "DESCRIBE")
    accept = "application/n-triples" if graph_answer else "application/sparql-results+json"
    body, _ = _http(endpoint, urllib.parse.urlencode({"query": text}).encode("utf-8"),
                    {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, "POST")
    if graph_answer:
        return _ntriples_result(body, endpoint)
    try:
        return _json_result(json.loads(body.decode("utf-8")))
    except (ValueError, KeyError) as e:
        raise QueryError(f"{endpoint} did not answer with SPARQL JSON results: {e}") from None


def _http(url: str, data, headers: dict[str, str], method: str) -> tuple[bytes, int]:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.read(), response.status
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip()
        m = _POSITION.search(detail)
        if m and e.code == 400:
            raise QueryError(f"{url} refused the request: " + _syntax_error(_request_text(data), detail).message) from None
        detail = " ".join(detail.split())[:300]
        raise QueryError(f"{url} refused the request: HTTP {e.code} {e.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as e:
        raise QueryError(f"cannot reach {url}: {e.reason}") from None
    except (TimeoutError, OSError) as e:
        raise QueryError(f"cannot reach {url}: {e}") from None


def _request_text(data) -> str:
    if isinstance(data, bytes):
        fields = urllib.parse.parse_qs(data.decode("utf-8"))
        return (fields.get("query") or fields.get("update") or [""])[0]
    return ""


def _json_result(answer: dict) -> QueryResult:
    if "boolean" in answer:
        return QueryResult(["ask"], [("true" if answer["boolean"] else "false",)])
    columns = answer["head"].get("vars", [])
    rows = [tuple(_json_value(b.get(c)) for c in columns) for b in answer["results"]["bindings"]]
    return QueryResult(columns, rows)


def _json_value(binding: dict | None) -> str | None:
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
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
        raise QueryError(f"{endpoint} did not answer with N-Triples: {e}") from None
    rows = sorted(tuple(_rdflib_value(t) for t in triple) for triple in g)
    return QueryResult(["subject", "predicate", "object"], rows)


def push(graph_path: str | Path, endpoint: str) -> str:
    """Replace the default graph of the store at ``endpoint`` with the graph file.

    ``endpoint`` is the Graph Store Protocol URL (Oxigraph: http://127.0.0.1:7878/store);
    ``?default`` is added when it names no graph. Returns a one-line summary.
    """
    path = Path(graph_path)
    fmt = _check_graph(path)
    url = endpoint if urllib.parse.urlsplit(endpoint).query else endpoint + "?default"
    started = time.perf_counter()
    size = path.stat().st_size
    with open(path, "rb") as f:
        _http(url, f, {"Content-Type": _MEDIA_TYPES[fmt], "Content-Length": str(size)}, "PUT")
    return f"loaded {path} ({size / 1e6:.1f} MB) into {url} in {time.perf_counter() - started:.1f} s"


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
    text = _compact(value, prefixes) if isinstance(value, Iri) else value
    return _truncate(_printable(text), limit)


def _compact(iri: str, prefixes: dict[str, str]) -> str:
    for name, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        if ns and iri.startswith(ns) and len(iri) > len(ns):
            return f"{name}:{iri[len(ns):]}"
    return iri


def format_table(result: QueryResult, *, max_width: int = 80) -> str:
    """An aligned text table (aligned by display width), IRIs shortened with the query's prefixes."""
    header = list(result.columns)
    body = [[_cell(v, result.prefixes, max_width) for v in row] for row in result.rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells):
        return " | ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in body]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(out) + "\n"


def format_csv(result: QueryResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(["" if v is None else str(v) for v in row] for row in result.rows)
    return buf.getvalue()


def format_json(result: QueryResult) -> str:
    """A JSON list of objects, one per row; numbers as numbers, unbound values as null."""
    records = [{c: _json_cell(v) for c, v in zip(result.columns, row)} for row in result.rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


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
