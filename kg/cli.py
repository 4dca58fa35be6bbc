"""The ``kg`` command: options and messages only; the work is in kg.pipeline.

Exit codes: 0 success; 1 finished but inputs were skipped under --strict (or a
graph does not validate); 2 bad usage (a missing path, a bad option, a
malformed query, an unreachable endpoint).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from kg import __version__
from kg.names import display_path

DEFAULT_CORPUS = "seeds"
PROGRESS_MIN_DOCUMENTS = 20


class KgGroup(click.Group):
    """Turns an unexpected bad-usage exception into one line and exit 2."""

    def invoke(self, ctx: click.Context):
        from kg.corpus import InputError
        try:
            return super().invoke(ctx)
        except InputError as e:
            click.echo(f"kg: {e}", err=True)
            sys.exit(2)
        except OSError as e:
            # An output folder that cannot be made or written (a file in the way, a full or read-only disk).
            where = f"{display_path(e.filename)}: " if e.filename else ""
            click.echo(f"kg: {where}{e.strerror or e}", err=True)
            sys.exit(2)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log every step.")
def main(verbose: bool) -> None:
    """kg: Chinese local news articles to a knowledge graph of officials, places, bodies and programs."""
    # Skipped inputs are reported by the commands themselves, once, in the summary.
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="kg: %(levelname)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.ttl, graph.html, graph.graphml, entities.csv, edges.csv, merges.csv.")
@click.option("--pattern", default="*.txt", show_default=True, help="File names to read inside folders.")
@click.option("--base-iri", default=None, help="Base IRI of the entities in the RDF output.")
@click.option("--provenance", type=click.Choice(["none", "mentions", "full"]), default="mentions", show_default=True,
              help="How much evidence the RDF keeps: none; every mention; mentions plus the sentences behind each relation.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["ttl", "jsonld"]), default=("ttl",),
              show_default=True, help="RDF formats to write (repeat for several).")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=0),
              help="Nodes drawn in graph.html (0: all); graph.gexf always holds all of them.")
@click.option("--ner", type=click.Choice(["rules", "lac", "jiagu"]), default="rules", show_default=True,
              help="Recognizer: jieba + rules + lexicons, or with Baidu LAC (make lac) or Jiagu (pip install 'kg[jiagu]') added.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any input was skipped.")
@click.option("--allow-empty", is_flag=True,
              help="Write an empty graph when no document could be read (otherwise: exit 2, outputs left as they were).")
@click.option("--to-simplified", is_flag=True,
              help="Read traditional characters as simplified ones (OpenCC; pip install 'kg[opencc]').")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="Processes extracting articles in parallel  [default: one a core]")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of cached per-article results, reused when an article is unchanged  [default: OUT/.cache]")
@click.option("--no-cache", is_flag=True, help="Extract every article again, and cache nothing.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT", default=None,
              help="Extract on the Dask cluster whose scheduler is at this address (pip install 'kg[dask]').")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, out_dir, pattern, base_iri, provenance, formats, max_nodes, ner, strict, allow_empty, to_simplified,
          workers, cache_dir, no_cache, dask_address, quiet) -> None:
    """Build the graph of PATHS (files, folders or globs; default: seeds/)."""
    from kg.pipeline import BuildOptions, build as run_build
    if not paths:
        paths = (DEFAULT_CORPUS,)
    options = BuildOptions(out_dir=Path(out_dir), pattern=pattern, base_iri=base_iri, provenance=provenance,
                           rdf_formats=tuple(dict.fromkeys(formats)), max_nodes=max_nodes, ner=ner,
                           to_simplified=to_simplified, workers=workers,
                           cache_dir=Path(cache_dir) if cache_dir else None, use_cache=not no_cache,
                           dask=dask_address, allow_empty=allow_empty)
    if dask_address:
        from kg.parallel import require_dask
        require_dask()  # InputError: one line, exit 2, before any work
    if to_simplified:
        from kg.corpus import require_opencc
        require_opencc()  # InputError: one line, exit 2, before any work
    backend_error = _backend_error(ner)
    if backend_error:
        click.echo(f"kg: {backend_error}", err=True)
        sys.exit(2)
    from kg.corpus import NoDocuments
    try:
        _, summary = run_build(list(paths), options, progress=None if quiet else _progress)
    except NoDocuments as e:
        _warn_skipped(e.skipped)
        raise
    _warn_skipped(summary.skipped)
    if not quiet:
        click.echo(format_summary(summary))
    if strict and summary.skipped:
        click.echo(f"kg: {len(summary.skipped)} input(s) skipped (--strict)", err=True)
        sys.exit(1)


def _warn_skipped(skipped) -> None:
    for path, reason in skipped:
        click.echo(f"kg: warning: skipped {path}: {reason}", err=True)


def _backend_error(ner: str) -> str:
    if ner == "rules":
        return ""
    from kg.extract.lac import BackendUnavailable
    try:
        if ner == "lac":
            from kg.extract.lac import LacRecognizer
            LacRecognizer()
        else:
            from kg.extract.jiagu_ner import JiaguRecognizer
            JiaguRecognizer()
    except BackendUnavailable as e:
        return str(e)
    return ""


def _progress(items):
    if not hasattr(items, "__len__"):
        items = list(items)
    if len(items) < PROGRESS_MIN_DOCUMENTS or not sys.stderr.isatty():
        return items
    return click.progressbar(items, label="extracting", file=sys.stderr, show_pos=True)


def format_summary(s) -> str:
    types = ", ".join(f"{t} {n}" for t, n in s.entities_by_type.items() if n)
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(s.relations_by_kind.items()))
    lines = [
        f"documents  {s.documents}" + (f" ({len(s.skipped)} skipped)" if s.skipped else ""),
        f"sentences  {s.sentences}" + (f" ({s.duplicates_dropped} repeated ones dropped)" if s.duplicates_dropped else ""),
        f"entities   {sum(s.entities_by_type.values())}: {types}",
        f"edges      {s.edges}: {kinds}",
        "outputs    " + "\n           ".join(display_path(p) for p in s.outputs),
        f"elapsed    {s.seconds:.1f} s ({s.characters / max(s.seconds, 1e-9):,.0f} characters/s)",
    ]
    if getattr(s, "up_to_date", False):
        lines[-1] = f"elapsed    {s.seconds:.1f} s: outputs up to date (inputs, options and code unchanged)"
    if getattr(s, "cache_dir", None) is not None:
        lines.insert(-1, f"cache      {s.from_cache} of {s.from_cache + s.extracted} documents from {display_path(s.cache_dir)}")
    if getattr(s, "extracted", 0):
        where = f"on the Dask cluster at {s.dask}" if getattr(s, "dask", None) else f"in {s.workers} process(es)"
        lines.insert(-1, f"extracted  {s.extracted} document(s) {where}")
    return "\n".join(lines)


@main.command(name="eval")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@click.option("--ner", "ner_file", type=click.Path(exists=True, dir_okay=False),
              help="Score exact PER/LOC/ORG spans on sentences in the People's Daily format instead.")
@click.option("--backend", type=click.Choice(["rules", "lac", "jiagu"]), default="rules", show_default=True,
              help="Recognizer to score.")
@click.option("--conventions", type=click.Choice(["pd", "kg"]), default="pd", show_default=True,
              help="With --ner --backend lac: post-process LAC's names as the People's Daily corpus marks them (pd) or as a build does (kg).")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences (with --ner).")
@click.option("--show", default=30, show_default=True, help="How many misses and spurious items to list.")
def eval_command(gold, paths, ner_file, backend, conventions, limit, show) -> None:
    """Score extraction against GOLD.jsonl (entities and relations of PATHS, default seeds/)."""
    from kg import evaluate
    from kg.pipeline import process_document, recognize
    backend_error = _backend_error(backend)
    if backend_error:
        click.echo(f"kg: {backend_error}", err=True)
        sys.exit(2)

    def process(doc):
        return process_document(doc, backend)

    if ner_file:
        report = evaluate.score_ner(Path(ner_file), lambda doc: recognize(doc, backend, conventions), limit=limit)
        click.echo(f"backend {backend}, {conventions} conventions")
        click.echo(report.table())
        click.echo(f"speed: {report.chars_per_second:,.0f} characters/s")
    else:
        if gold is None:
            raise click.UsageError("give a GOLD.jsonl file, or --ner FILE.jsonl")
        from kg.corpus import find_inputs, read_document
        gold_docs = evaluate.load_gold(Path(gold))
        wanted = {g["doc"] for g in gold_docs}
        results = {}
        for item in find_inputs(list(paths) or [DEFAULT_CORPUS]):
            name = Path(item.doc_id).name
            if name in wanted:
                results[name] = process(read_document(item))
        missing = wanted - set(results)
        if missing:
            raise click.UsageError(f"documents named in the gold file were not found: {', '.join(sorted(missing))}")
        report = evaluate.score_documents(gold_docs, results)
        click.echo(report.table())
    if show:
        click.echo("\nmisses:")
        for line in report.misses[:show]:
            click.echo("  " + line)
        click.echo("spurious:")
        for line in report.spurious[:show]:
            click.echo("  " + line)


def _register_optional_commands() -> None:
    try:
        from kg import cli_rdf
    except ImportError:  # pragma: no cover - only while the module is absent
        return
    cli_rdf.register(main)


_register_optional_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
