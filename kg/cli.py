"""The ``kg`` command: options and messages only; the work is in the library.

Options are parsed into kg.config's typed options, whose defaults are the
command's defaults. Exit codes (docs/errors.md): 0 success; 1 finished but
inputs were skipped under --strict (or a graph does not validate); 2 bad
usage (a missing path, a bad option, a malformed query, an unreachable
endpoint); 3 an internal error (a bug: the message says how to report it);
130 interrupted (Ctrl-C or SIGTERM).
"""
from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

import click

from kg import __version__
from kg.config import (DEFAULT_CORPUS, DEFAULTS, EVAL_DEFAULTS, VIEW_DEFAULTS, Backend, Conventions, Conversion,
                       Period, Provenance, RdfFormat, StatsFormat, choices)
from kg.names import display_path

PROGRESS_MIN_DOCUMENTS = 20
EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 1, 2, 3, 130

log = logging.getLogger("kg")
_INTERRUPTED = "interrupted; the previous outputs are left as they were"


class KgGroup(click.Group):
    """Turns errors a user can cause into one line and exit 2, a crash into one line and exit 3."""

    def invoke(self, ctx: click.Context):
        from kg.corpus import InputError
        from kg.extract.base import BackendUnavailable
        try:
            return super().invoke(ctx)
        except (InputError, BackendUnavailable) as e:
            _fail(str(e), EXIT_USAGE)
        except OSError as e:
            if _raised_by_an_interrupt(e):
                _fail(_INTERRUPTED, EXIT_INTERRUPTED)
            # An output folder that cannot be made or written (a file in the way, a full or read-only disk).
            where = f"{display_path(e.filename)}: " if e.filename else ""
            _fail(f"{where}{e.strerror or e}", EXIT_USAGE)
        except KeyboardInterrupt:
            _fail(_INTERRUPTED, EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the last line of defence: one line, not a traceback
            log.debug("internal error", exc_info=True)
            if _raised_by_an_interrupt(e):
                _fail(_INTERRUPTED, EXIT_INTERRUPTED)
            _fail(f"internal error: {type(e).__name__}: {e} (run with -v for the traceback, and please "
                  "report it with the input that caused it)", EXIT_INTERNAL)


def _raised_by_an_interrupt(e: BaseException) -> bool:
    """An error raised while an interrupt unwound the build (a pool torn down under a worker's feet) is the
    interrupt's doing, not a bug."""
    seen: set[int] = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


def _fail(message: str, code: int) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


def _interrupt_on_sigterm() -> None:
    """SIGTERM (``kill``, ``timeout``) stops a build as Ctrl-C does: workers ended, outputs untouched.

    A worker forked from this process keeps this handler until it sets its own
    (kg.children): a signal in that moment ends it quietly (SIGTERM) or is left
    to the parent (SIGINT), rather than raising KeyboardInterrupt in the child,
    which would print the child's traceback.
    """
    owner = os.getpid()

    def handler(signum, frame):
        if os.getpid() != owner:
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log every step, with its time.")
def main(verbose: bool) -> None:
    """kg: Chinese local news articles to a knowledge graph of officials, places, bodies and programs."""
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter(verbose))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler], force=True)
    _interrupt_on_sigterm()


class _Formatter(logging.Formatter):
    """``kg: warning: ...`` like the command's own messages; with -v, the seconds since start first."""

    def __init__(self, verbose: bool) -> None:
        super().__init__("kg: %(elapsed)s%(level)s: %(message)s")
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        record.level = record.levelname.lower()
        record.elapsed = f"{record.relativeCreated / 1000:7.2f} s " if self.verbose else ""
        return super().format(record)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--out", "out_dir", default=str(DEFAULTS.out_dir), show_default=True,
              type=click.Path(file_okay=False),
              help="Folder for graph.ttl, graph.html, graph.graphml, entities.csv, edges.csv, merges.csv.")
@click.option("--pattern", default=DEFAULTS.pattern, show_default=True, help="File names to read inside folders.")
@click.option("--base-iri", default=DEFAULTS.base_iri, show_default=True, help="Base IRI of the entities in the RDF.")
@click.option("--provenance", type=click.Choice(choices(Provenance)), default=DEFAULTS.provenance.value,
              show_default=True,
              help="How much evidence the RDF keeps: none; every mention; mentions plus the sentences behind each relation.")
@click.option("--format", "formats", multiple=True, type=click.Choice(choices(RdfFormat)),
              default=[f.value for f in DEFAULTS.rdf_formats], show_default=True,
              help="RDF formats to write (repeat for several).")
@click.option("--max-nodes", default=DEFAULTS.max_nodes, show_default=True, type=click.IntRange(min=0),
              help="Nodes drawn in graph.html (0: all); graph.gexf always holds all of them.")
@click.option("--period", type=click.Choice(choices(Period)), default=DEFAULTS.period.value, show_default=True,
              help="The period by which adoption.csv and edges_by_period.csv count.")
@click.option("--ner", "backend", type=click.Choice(choices(Backend)), default=DEFAULTS.backend.value,
              show_default=True,
              help="Recognizer: jieba + rules + lexicons, or with Baidu LAC (make lac) or Jiagu (pip install 'kg[jiagu]') added.")
@click.option("--strict", is_flag=True, default=DEFAULTS.strict,
              help="Fail (exit 1) when any input is skipped, before writing anything: the previous outputs stay.")
@click.option("--allow-empty", is_flag=True, default=DEFAULTS.allow_empty,
              help="Write an empty graph when no document could be read (otherwise: exit 2, outputs left as they were).")
@click.option("--convert", type=click.Choice(choices(Conversion)), default=DEFAULTS.convert.value, show_default=True,
              help="Files read in simplified script: those detected as traditional, all, or none.")
@click.option("--no-convert", is_flag=True, help="Read every file as written (same as --convert none).")
@click.option("--to-simplified", is_flag=True,
              help="Read every file in simplified script, detected as traditional or not (same as --convert all).")
@click.option("--metadata", type=click.Path(dir_okay=False), default=DEFAULTS.metadata,
              help="CSV or JSON Lines of article metadata (path, title, date, newspaper, url, …), besides the "
                   "kg-metadata.csv or kg-metadata.jsonl of the corpus folders.")
@click.option("--identities", type=click.Path(dir_okay=False), default=DEFAULTS.identities,
              help="CSV of people that are (or are not) one (first, second, decision), besides the "
                   "kg-identities.csv of the corpus folders.")
@click.option("--date-from-name", metavar="PATTERN", default=DEFAULTS.date_from_name,
              help="Date articles by their file's path: %Y, %m, %d and literal text, e.g. '%Y%m%d' or '%Y/%m/%d'.")
@click.option("--no-second-pass", is_flag=True,
              help="Do not look for the names accepted in one article in every other.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=DEFAULTS.workers,
              help="Processes extracting articles in parallel  [default: one a core]")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=DEFAULTS.cache_dir,
              help="Folder of cached per-article results, reused when an article is unchanged  [default: OUT/.cache]")
@click.option("--no-cache", is_flag=True, help="Extract every article again, and cache nothing.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT", default=DEFAULTS.dask,
              help="Extract on the Dask cluster whose scheduler is at this address (pip install 'kg[dask]').")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, out_dir, pattern, base_iri, provenance, formats, max_nodes, period, backend, strict, allow_empty,
          convert, no_convert, to_simplified, metadata, identities, date_from_name, no_second_pass,
          workers, cache_dir, no_cache, dask_address, quiet) -> None:
    """Build the graph of PATHS (files, folders or globs; default: seeds/)."""
    from kg.pipeline import BuildOptions, SkippedInputs, build as run_build
    if quiet:
        logging.getLogger().setLevel(logging.ERROR)
    options = BuildOptions(out_dir=Path(out_dir), pattern=pattern, base_iri=_base_iri(base_iri),
                           provenance=provenance, rdf_formats=tuple(formats), max_nodes=max_nodes, period=period,
                           backend=backend, convert=_conversion(convert, no_convert, to_simplified), workers=workers,
                           cache_dir=Path(cache_dir) if cache_dir else None, use_cache=not no_cache,
                           dask=dask_address, allow_empty=allow_empty, strict=strict, metadata=metadata,
                           identities=identities, date_from_name=date_from_name, second_pass=not no_second_pass)
    _check_ready(options)
    from kg.corpus import NoDocuments
    try:
        with _stages_shown(quiet):
            _, summary = run_build(list(paths) or [DEFAULT_CORPUS], options, progress=None if quiet else _progress)
    except SkippedInputs as e:
        # Under --strict a skipped input is an error, so it is named even with -q.
        _warn_skipped(e.skipped, "error")
        _fail(f"{len(e.skipped)} input(s) skipped (--strict): nothing written, the previous outputs are "
              "left as they were", EXIT_SKIPPED)
    except NoDocuments as e:
        if not quiet:
            _warn_skipped(e.skipped)
        raise
    if not quiet:
        _warn_skipped(summary.skipped)
        if summary.cache_rejected:
            click.echo(f"kg: warning: {len(summary.cache_rejected)} cached result(s) were damaged or not written "
                       "by this user, and were extracted again", err=True)
        click.echo(format_summary(summary))


def _stages_shown(quiet: bool):
    """On a terminal, without -q or -v, the stage under way on one line of standard error."""
    import contextlib
    from kg.timing import show_stages
    if quiet or not sys.stderr.isatty() or logging.getLogger().isEnabledFor(logging.INFO):
        return contextlib.nullcontext()
    return show_stages(sys.stderr)


def _conversion(convert: str, no_convert: bool, to_simplified: bool) -> Conversion:
    if no_convert and to_simplified:
        raise click.UsageError("--no-convert and --to-simplified contradict each other")
    if no_convert:
        return Conversion.NONE
    return Conversion.ALL if to_simplified else Conversion(convert)


def _warn_skipped(skipped, level: str = "warning") -> None:
    for path, reason in skipped:
        click.echo(f"kg: {level}: skipped {path}: {reason}", err=True)


def _base_iri(value: str) -> str:
    from kg.vocab import normalize_base_iri
    try:
        return normalize_base_iri(value)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--base-iri") from None


def _check_ready(options) -> None:
    """One line and exit 2, before any work, when something the options need is not installed."""
    from kg.extract import backends
    if options.dask:
        from kg.parallel import require_dask
        require_dask()
    if options.convert != Conversion.NONE:
        from kg.corpus import require_opencc
        require_opencc()
    if options.date_from_name:
        from kg.metadata import name_date_pattern
        name_date_pattern(options.date_from_name)
    if not backends.installed(options.backend):
        _fail(backends.spec(options.backend).install_hint, EXIT_USAGE)


def _progress(items):
    if not hasattr(items, "__len__"):
        items = list(items)
    if len(items) < PROGRESS_MIN_DOCUMENTS or not sys.stderr.isatty():
        return items
    sizes = getattr(items, "sizes", None)
    if not sizes:
        return click.progressbar(items, label="extracting", file=sys.stderr, show_pos=True)
    return ByBytes(items, sizes)


class ByBytes:
    """A progress bar over extraction outcomes that moves by the bytes of each file.

    Files differ in size by orders of magnitude, so a bar counting files
    would promise an end far too soon or too late; by bytes, its estimate of
    the time left holds from the first files on.
    """

    def __init__(self, items, sizes: dict[int, int], file=None) -> None:
        self.items, self.sizes = items, sizes
        self.bar = click.progressbar(length=max(1, sum(sizes.values())), label=f"extracting {len(sizes)} files",
                                     file=file or sys.stderr, show_eta=True, show_percent=True)

    def __enter__(self) -> "ByBytes":
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def __iter__(self):
        for outcome in self.items:
            self.bar.update(self.sizes.get(getattr(outcome, "index", None), 0))
            yield outcome


def format_summary(s) -> str:
    types = ", ".join(f"{t} {n}" for t, n in s.entities_by_type.items() if n)
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(s.relations_by_kind.items()))
    files = f" in {s.files} file(s)" if s.files and s.files != s.documents else ""
    lines = [
        f"documents  {s.documents}{files}" + (f" ({len(s.skipped)} skipped)" if s.skipped else ""),
        f"sentences  {s.sentences}" + (f" ({s.duplicates_dropped} repeated ones dropped)" if s.duplicates_dropped else ""),
        f"entities   {sum(s.entities_by_type.values())}: {types}",
        f"edges      {s.edges}: {kinds}",
        "outputs    " + "\n           ".join(display_path(p) for p in s.outputs),
        *([f"converted  {s.converted} file(s) from traditional to simplified script (--no-convert reads them as "
           "written)"] if s.converted else []),
        *([f"recalled   {s.recalled} mention(s) of names known from other articles (second pass)"]
          if s.recalled else []),
        *([f"review     {s.candidates} pair(s) of namesakes left apart, in candidates.csv"] if s.candidates else []),
        f"elapsed    {s.seconds:.1f} s ({s.characters / max(s.seconds, 1e-9):,.0f} characters/s)",
    ]
    if s.up_to_date:
        lines[-1] = f"elapsed    {s.seconds:.1f} s: outputs up to date (inputs, options and code unchanged)"
    if s.cache_dir is not None:
        lines.insert(-1, f"cache      {s.from_cache} of {s.from_cache + s.extracted} file(s) from {display_path(s.cache_dir)}")
    if s.extracted:
        where = f"on the Dask cluster at {s.dask}" if s.dask else f"in {s.workers} process(es)"
        lines.insert(-1, f"extracted  {s.extracted} file(s) {where}")
    return "\n".join(lines)


_OUT_OPTION = dict(default=str(DEFAULTS.out_dir), show_default=True, type=click.Path(file_okay=False),
                   help="The folder of the build to read.")


@main.command()
@click.option("-o", "--out", "out_dir", **_OUT_OPTION)
@click.option("--format", "fmt", type=click.Choice(choices(StatsFormat)), default=VIEW_DEFAULTS.stats_format.value,
              show_default=True, help="text: as `kg build` prints it; json: every field.")
def stats(out_dir, fmt) -> None:
    """Print the summary of the last build in OUT."""
    import json
    from kg.pipeline import summary_from_record
    from kg.manifest import read_summary
    record = read_summary(Path(out_dir))
    if record is None:
        _fail(f"no build recorded in {display_path(out_dir)}: run `kg build` first", EXIT_USAGE)
    if fmt == StatsFormat.JSON.value:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True))
        return
    inputs = (record.get("build") or {}).get("paths") or []
    if inputs:
        click.echo("inputs     " + " ".join(display_path(p) for p in inputs))
    click.echo(format_summary(summary_from_record(record)))


def _last_build(out_dir: str):
    """The knowledge graph of the last build in ``out_dir``: its inputs and options, read through its cache."""
    from kg.pipeline import BuildOptions, assemble, recorded_build
    recorded = recorded_build(Path(out_dir))
    if recorded is None:
        _fail(f"no build recorded in {display_path(out_dir)}: run `kg build` first", EXIT_USAGE)
    paths, recorded_options = recorded
    known = {f for f in BuildOptions.__dataclass_fields__}
    options = BuildOptions(**{k: v for k, v in recorded_options.items() if k in known}).replace(out_dir=Path(out_dir))
    with _stages_shown(False):
        return assemble(paths, options, progress=_progress), options


@main.command()
@click.option("-o", "--out", "out_dir", **_OUT_OPTION)
def report(out_dir) -> None:
    """Write OUT/report.html again from the last build in OUT (its articles are read from the cache)."""
    from kg.export.report import write_report
    from kg.graph import build_graph
    kg, _ = _last_build(out_dir)
    click.echo(display_path(write_report(kg, build_graph(kg), Path(out_dir))))


@main.command()
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), default=VIEW_DEFAULTS.subgraph_depth, show_default=True,
              help="Links followed out from the entity.")
@click.option("--from", "from_dir", **_OUT_OPTION)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help=f"Folder for its graph.html, graph.gexf and graph.graphml  [default: FROM/{VIEW_DEFAULTS.subgraph_dir}]")
def subgraph(name, depth, from_dir, out_dir) -> None:
    """Write a small graph.html, graph.gexf and graph.graphml around the entity NAME (a name, alias or key)."""
    from kg.export.subgraph import NotFound, write_subgraph
    kg, options = _last_build(from_dir)
    target = Path(out_dir) if out_dir else Path(from_dir) / VIEW_DEFAULTS.subgraph_dir
    try:
        result = write_subgraph(kg, name, depth, target)
    except NotFound as e:
        _fail(str(e), EXIT_USAGE)
    if result.others:
        click.echo(f"kg: note: {len(result.others)} other entities are named {name}: "
                   + ", ".join(result.others) + " (give the key to pick one)", err=True)
    click.echo(f"{result.label} ({result.key}): {result.nodes} entities, {result.edges} links within {depth} "
               f"link(s)")
    for path in result.paths:
        click.echo(display_path(path))


@main.command(name="eval")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@click.option("--ner", "ner_file", type=click.Path(exists=True, dir_okay=False),
              help="Score exact PER/LOC/ORG spans on sentences in the People's Daily format instead.")
@click.option("--backend", type=click.Choice(choices(Backend)), default=DEFAULTS.backend.value, show_default=True,
              help="Recognizer to score.")
@click.option("--conventions", type=click.Choice(choices(Conventions)), default=EVAL_DEFAULTS.conventions.value,
              show_default=True,
              help="With --ner: post-process a tagger's names as the People's Daily corpus marks them (pd) or as a build does (kg).")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences (with --ner).")
@click.option("--show", default=EVAL_DEFAULTS.show, show_default=True, help="How many misses and spurious items to list.")
def eval_command(gold, paths, ner_file, backend, conventions, limit, show) -> None:
    """Score extraction against GOLD.jsonl (entities and relations of PATHS, default seeds/)."""
    from kg import evaluate
    from kg.docstep import process_file, recognize
    from kg.extract import backends
    if not backends.installed(backend):
        _fail(backends.spec(backend).install_hint, EXIT_USAGE)
    if ner_file:
        report = evaluate.score_ner(Path(ner_file), lambda doc: recognize(doc, backend, conventions), limit=limit)
        click.echo(f"backend {backend}, {conventions} conventions")
        click.echo(report.table())
        click.echo(f"speed: {report.chars_per_second:,.0f} characters/s")
    else:
        if gold is None:
            raise click.UsageError("give a GOLD.jsonl file, or --ner FILE.jsonl")
        report = _score_gold(Path(gold), list(paths) or [DEFAULT_CORPUS], lambda doc: process_file(doc, backend))
        click.echo(report.table())
    if show:
        click.echo("\nmisses:")
        for line in report.misses[:show]:
            click.echo("  " + line)
        click.echo("spurious:")
        for line in report.spurious[:show]:
            click.echo("  " + line)


def _score_gold(gold: Path, paths: list[str], process):
    """Score each file named in the gold as a build reads it: in simplified script, its stories merged."""
    from kg import evaluate
    from kg.corpus import find_inputs, iter_documents
    gold_docs = evaluate.load_gold(gold)
    wanted = {g["doc"] for g in gold_docs}
    results = {}
    for item in find_inputs(paths):
        name = Path(item.doc_id).name
        if name in wanted:
            results[name] = evaluate.file_result([r for doc in iter_documents(item) for r in process(doc)])
    missing = wanted - set(results)
    if missing:
        raise click.UsageError(f"documents named in the gold file were not found: {', '.join(sorted(missing))}")
    return evaluate.score_documents(gold_docs, results)


def _register_rdf_commands() -> None:
    from kg import cli_rdf
    cli_rdf.register(main)


_register_rdf_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
