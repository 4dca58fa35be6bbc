"""The `kg query`, `kg validate` and `kg push` commands.

Exit codes: 0 success, 1 the graph violates the shapes (validate), 2 a problem
with the query, the graph file or the store (one line on stderr), 130
interrupted (Ctrl-C). docs/errors.md lists the messages.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from kg.config import QUERY_DEFAULTS
from kg.query import (QueryError, open_query, push,
                      read_query, validate, write_csv, write_json, write_table)
from kg.query_text import load_query

_WRITERS = {"table": write_table, "csv": write_csv, "json": write_json}
_SECONDS = click.FloatRange(min=0, min_open=True)


def _fail(command: str, error: QueryError) -> NoReturn:
    _flush_stdout()  # rows already printed come before the message that ends them
    click.echo(f"kg {command}: {error.message}", err=True)
    sys.exit(2)


def _interrupted(command: str) -> NoReturn:
    _flush_stdout()
    click.echo(f"kg {command}: interrupted", err=True)
    sys.exit(130)


def _output_closed() -> NoReturn:
    """The reader of the output left (``kg query … | head``): it has what it wanted, so stop quietly."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python exits
    except (OSError, ValueError):
        pass
    sys.exit(0)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        pass


@click.command("query")
@click.argument("query")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=QUERY_DEFAULTS.graph, show_default=True,
              help="Turtle (or .nt/.jsonld) file to query.")
@click.option("--format", "fmt", type=click.Choice(sorted(_WRITERS)), default=QUERY_DEFAULTS.format, show_default=True,
              help="table: aligned text; csv; json: a list of objects. Rows are printed as they come.")
@click.option("--endpoint", metavar="URL",
              help="Query a SPARQL endpoint instead (Oxigraph: http://127.0.0.1:7878/query).")
@click.option("--allow-update", is_flag=True,
              help="Allow SPARQL Update (which rewrites the graph file) and SERVICE.")
@click.option("--timeout", type=_SECONDS, metavar="SECONDS",
              help=f"Stop a query that has not finished after SECONDS [default: {QUERY_DEFAULTS.endpoint_timeout:g} with "
                   "--endpoint, counting connecting and reading; none for a local graph, where Ctrl-C stops it].")
@click.option("--limit", type=click.IntRange(min=0), metavar="N", help="Print at most N rows.")
@click.option("--max-reply", "max_reply_mb", type=_SECONDS, default=QUERY_DEFAULTS.max_reply_mb, show_default=True, metavar="MB",
              help="Refuse an endpoint's answer larger than MB megabytes.")
def query_command(query: str, graph_path: Path, fmt: str, endpoint: str | None, allow_update: bool,
                  timeout: float | None, limit: int | None, max_reply_mb: float) -> None:
    """Run a SPARQL query: QUERY is a .rq file, SPARQL text, or - for standard input.

    The kg, schema, org, skos, prov, dcterms, oa, rdf, rdfs, xsd and owl
    prefixes are predeclared. Examples:

      kg query officials_and_posts

      kg query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format csv
    """
    try:
        with open_query(load_query(query, graph_path, endpoint), graph_path=graph_path, endpoint=endpoint, allow_update=allow_update,
                        timeout=timeout, limit=limit, max_reply_mb=max_reply_mb) as stream:
            _WRITERS[fmt](stream, sys.stdout)
            sys.stdout.flush()
    except QueryError as e:
        _fail("query", e)
    except KeyboardInterrupt:
        _interrupted("query")
    except BrokenPipeError:
        _output_closed()


@click.command("validate")
@click.argument("graph", type=click.Path(path_type=Path), default=QUERY_DEFAULTS.graph, required=False)
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of kg/shapes.ttl.")
def validate_command(graph: Path, shapes: Path | None) -> None:
    """Check GRAPH (default out/graph.ttl) against the SHACL shapes; exit 1 on violations."""
    try:
        conforms, report = validate(graph, shapes)
    except QueryError as e:
        _fail("validate", e)
    except KeyboardInterrupt:
        _interrupted("validate")
    click.echo(report)
    sys.exit(0 if conforms else 1)


@click.command("push")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=QUERY_DEFAULTS.graph, show_default=True)
@click.option("--endpoint", metavar="URL", required=True,
              help="Graph Store Protocol URL (Oxigraph: http://127.0.0.1:7878/store).")
@click.option("--timeout", type=_SECONDS, default=QUERY_DEFAULTS.push_timeout, show_default=True, metavar="SECONDS",
              help="Give up when the store has not confirmed the load after SECONDS (sending counts).")
@click.option("--allow-empty", is_flag=True,
              help="Push a graph file without triples, which empties the store's default graph.")
def push_command(graph_path: Path, endpoint: str, timeout: float, allow_empty: bool) -> None:
    """Replace the default graph of a SPARQL store with the graph file."""
    try:
        click.echo(push(graph_path, endpoint, timeout=timeout, allow_empty=allow_empty))
    except QueryError as e:
        _fail("push", e)
    except KeyboardInterrupt:
        _interrupted("push")


def register(group: click.Group) -> None:
    """Add the RDF commands to the main `kg` command group."""
    for command in (query_command, validate_command, push_command):
        group.add_command(command)
