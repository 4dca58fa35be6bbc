"""Where the text of ``kg query QUERY`` comes from, and whether it parses before any graph is read.

The queries of ``kg/queries/`` ship inside the package (``queries/`` in the
repository is a link to them), so ``kg query officials_and_posts`` works
wherever kg is installed: a QUERY that is no file and no SPARQL but the
name of a shipped query (with or without ``.rq``) means that query.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.query import QueryError, read_query

__all__ = ["SHIPPED", "shipped", "resolve", "load_query", "check_before_graph"]

SHIPPED = Path(__file__).resolve().parent / "queries"
_NAME = re.compile(r"[A-Za-z0-9_-]+(?:\.rq)?")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def shipped() -> dict[str, Path]:
    """The shipped queries by name.

    >>> "officials_and_posts" in shipped()
    True
    """
    return {p.stem: p for p in sorted(SHIPPED.glob("*.rq"))}


def resolve(query: str) -> str:
    """``query`` itself, or the path of the shipped query it names when it is no file here."""
    if query == "-" or not _NAME.fullmatch(query.strip()):
        return query
    name = query.strip()
    try:
        if Path(name).is_file():
            return query
    except OSError:
        return query
    path = shipped().get(name[:-3] if name.endswith(".rq") else name)
    return str(path) if path is not None else query


def load_query(query: str, graph_path: Path | None = None, endpoint: str | None = None) -> str:
    """The text of ``query``: standard input, a file, a shipped query by name, or SPARQL itself.

    Checked first when there is no graph to run it on (:func:`check_before_graph`).
    """
    text = read_query(resolve(query))
    check_before_graph(text, graph_path, endpoint)
    return text


def check_before_graph(text: str, graph_path: Path | None, endpoint: str | None) -> None:
    """With no graph to read, say first what is wrong with the query itself, if anything.

    A malformed query is the first thing to fix: reporting only that the
    graph is missing would send the user to build one, then fail again.
    """
    if endpoint or (graph_path is not None and Path(graph_path).is_file()):
        return
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    try:
        (parseUpdate if _UPDATE.match(text) else parseQuery)(text)
    except ParseException as e:
        lines = text.splitlines()
        quoted = f"\n  {e.lineno} | {lines[e.lineno - 1]}" if 0 < e.lineno <= len(lines) else ""
        raise QueryError(f"malformed query at line {e.lineno}, column {e.col}: {e.msg}{quoted}") from None
