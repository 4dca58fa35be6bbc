"""The `kg query`, `kg validate` and `kg push` commands.

Exit codes: 0 success, 1 the graph violates the shapes (validate), 2 a problem
with the query, the graph file or the store (message on stderr).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.query import (DEFAULT_GRAPH, QueryError, format_csv, format_json, format_table, push,
                      run_query, validate)
from kg.query_text import load_query

_FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}


def _fail(command: str, error: QueryError) -> None:
    click.echo(f"kg {command}: {error.message}", err=True)
    sys.exit(2)


@click.command("query")
@click.argument("query")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True,
              help="Turtle (or .nt/.jsonld) file to query.")
@click.option("--format", "fmt", type=click.Choice(sorted(_FORMATTERS)), default="table", show_default=True,
              help="table: aligned text; csv; json: a list of objects.")
@click.option("--endpoint", metavar="URL",
              help="Query a SPARQL endpoint instead (Oxigraph: http://127.0.0.1:7878/query).")
@click.option("--allow-update", is_flag=True,
              help="Allow SPARQL Update (which rewrites the graph file) and SERVICE.")
def query_command(query: str, graph_path: Path, fmt: str, endpoint: str | None, allow_update: bool) -> None:
    """Run a SPARQL query: QUERY is a shipped query's name, a .rq file, SPARQL text, or - for standard input.

    The kg, schema, org, skos, prov, dcterms, oa, rdf, rdfs, xsd and owl
    prefixes are predeclared. Examples:

      kg query officials_and_posts

      kg query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format csv
    """
    try:
        result = run_query(load_query(query, graph_path, endpoint), graph_path=graph_path, endpoint=endpoint,
                           allow_update=allow_update)
    except QueryError as e:
        _fail("query", e)
    sys.stdout.write(_FORMATTERS[fmt](result))


@click.command("validate")
@click.argument("graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, required=False)
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of kg/shapes.ttl.")
def validate_command(graph: Path, shapes: Path | None) -> None:
    """Check GRAPH (default out/graph.ttl) against the SHACL shapes; exit 1 on violations."""
    try:
        conforms, report = validate(graph, shapes)
    except QueryError as e:
        _fail("validate", e)
    click.echo(report)
    sys.exit(0 if conforms else 1)


@click.command("push")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--endpoint", metavar="URL", required=True,
              help="Graph Store Protocol URL (Oxigraph: http://127.0.0.1:7878/store).")
def push_command(graph_path: Path, endpoint: str) -> None:
    """Replace the default graph of a SPARQL store with the graph file."""
    try:
        click.echo(push(graph_path, endpoint))
    except QueryError as e:
        _fail("push", e)


def register(group: click.Group) -> None:
    """Add the RDF commands to the main `kg` command group."""
    for command in (query_command, validate_command, push_command):
        group.add_command(command)
