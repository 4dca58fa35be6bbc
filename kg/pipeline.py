"""The order of the stages: the one place that knows it.

files ─corpus→ Document ─clean→ CleanDocument ─extract→ mentions ─resolve→
entities + relations (per document, cacheable) ─merge→ KnowledgeGraph
─graph→ networkx ─export→ Turtle, HTML, GraphML, CSV.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.cache import DocCache
from kg.clean import clean
from kg.corpus import InputFile, require_documents, scan_inputs
from kg.extract import Extractor, to_mention
from kg.extract.base import word_info
from kg.lexicon import load as load_lexicon
from kg.model import ENTITY_TYPES, DocResult, Document, KnowledgeGraph
from kg.parallel import default_workers
from kg.relations import document_relations, merge_relations
from kg.resolve import document_entities, merge_entities, resolve_mentions

log = logging.getLogger("kg")


@dataclass
class BuildOptions:
    out_dir: Path = Path("out")
    pattern: str = "*.txt"
    base_iri: str | None = None
    provenance: str = "mentions"
    rdf_formats: tuple[str, ...] = ("ttl",)
    max_nodes: int = 500
    ner: str = "rules"
    write_html: bool = True
    to_simplified: bool = False
    workers: int | None = None         # extraction processes; None: one a core
    cache_dir: Path | None = None      # None: out_dir/.cache
    use_cache: bool = True
    dask: str | None = None            # scheduler address: extract on a Dask cluster instead
    reuse_outputs: bool = True         # with the cache on, leave outputs that are up to date alone
    allow_empty: bool = False          # write an empty graph when no document could be read


@dataclass
class BuildSummary:
    documents: int
    sentences: int
    entities_by_type: dict[str, int]
    edges: int
    relations_by_kind: dict[str, int]
    outputs: list[Path]
    skipped: list[tuple[str, str]]
    duplicates_dropped: int
    seconds: float
    characters: int = 0
    notes: list[str] = field(default_factory=list)
    from_cache: int = 0                # documents whose results came from the cache
    extracted: int = 0                 # documents extracted by this build
    workers: int = 1
    cache_dir: Path | None = None
    up_to_date: bool = False           # the outputs were already those of these inputs: nothing written
    dask: str | None = None            # the scheduler the extraction ran on, if any


@functools.lru_cache(maxsize=2)
def _extractor(ner: str, conventions: str = "kg") -> Extractor:
    backend = None
    if ner == "lac":
        from kg.extract.lac import LacRecognizer
        backend = LacRecognizer(rules=conventions)
    elif ner == "jiagu":
        from kg.extract.jiagu_ner import JiaguRecognizer
        backend = JiaguRecognizer()
    extractor = Extractor(ner=backend)
    extractor.segmenter.tag("")   # loads the segmenter's dictionary now
    word_info("")                 # and the word frequencies
    # Lexicons and dictionaries live as long as the process: taken out of the
    # garbage collector's view, they are not walked again at every collection.
    gc.freeze()
    return extractor


def process_document(doc: Document, ner: str = "rules") -> DocResult:
    """Clean, extract and resolve one document: a pure function of its text."""
    extractor = _extractor(ner)
    lex = extractor.lex
    cdoc = clean(doc, bridges=extractor.segmenter.bridges)
    findings = extractor.find(cdoc)
    mentions = [to_mention(cdoc, f, c) for f in findings for c in f.kept]
    mentions, merges = resolve_mentions(doc.text, mentions, lex)
    entities, key_of, more = document_entities(mentions, lex)
    relations = document_relations(cdoc, mentions, key_of, entities, lex)
    return DocResult(cdoc, entities, relations, merges + more)


def recognize(doc: Document, ner: str = "rules", conventions: str = "kg") -> list[tuple[int, int, str]]:
    """PER/LOC/ORG spans (offsets into ``doc.text``) of the recognizers, for span scoring.

    ``conventions`` chooses how the statistical recognizer's output is
    post-processed: ``kg`` as in a build, ``pd`` as the People's Daily corpus
    annotates names (:data:`kg.extract.lac.PD_CONVENTIONS`, and only the
    outermost of nested names).
    """
    from kg.extract import recognized_spans
    extractor = _extractor(ner, conventions if ner == "lac" else "kg")
    cdoc = clean(doc, bridges=extractor.segmenter.bridges)
    spans = recognized_spans(extractor.find(cdoc))
    if conventions == "pd":
        # The corpus annotates flat names: the place inside a body's name
        # (湘乡市 of 湘乡市公安局) is part of the body, not a name of its own.
        spans = [x for x in spans if not any(o != x and o[0] <= x[0] and x[1] <= o[1] for o in spans)]
    return spans


def merge(results: list[DocResult], skipped: list[tuple[str, str]] | None = None) -> KnowledgeGraph:
    """Merge per-document results into one graph; statistics are computed here, on the whole."""
    lex = load_lexicon()
    entities, folded, merges = merge_entities([r.entities for r in results])
    sentence_total = sum(len(r.doc.sentences) for r in results)
    relations = merge_relations([r.relations for r in results], folded, entities, sentence_total, lex)
    doc_merges = [m for r in results for m in r.merges]
    return KnowledgeGraph(documents=[r.doc for r in results], entities=entities, relations=relations,
                          merges=doc_merges + merges, skipped=list(skipped or []))


@dataclass
class Extraction:
    """The per-document results of a build's inputs, in input order, and where they came from."""
    results: list[DocResult]
    skipped: list[tuple[str, str]]
    from_cache: int = 0
    extracted: int = 0
    workers: int = 1


def extract_all(inputs: list[InputFile], ner: str = "rules",
                progress: Callable[[Iterable], Iterable] | None = None,
                to_simplified: bool = False, *, workers: int = 1, cache: DocCache | None = None,
                dask: str | None = None) -> tuple[list[DocResult], list[tuple[str, str]]]:
    """Results and skipped inputs of ``inputs``; see :func:`extract_inputs`."""
    ex = extract_inputs(inputs, ner, progress, to_simplified, workers=workers, cache=cache, dask=dask)
    return ex.results, ex.skipped


def extract_inputs(inputs: list[InputFile], ner: str = "rules",
                   progress: Callable[[Iterable], Iterable] | None = None,
                   to_simplified: bool = False, *, workers: int = 1, cache: DocCache | None = None,
                   dask: str | None = None, keys: list | None = None) -> Extraction:
    """Extract every input file, from the cache when it has it, else in ``workers`` processes or on Dask.

    The results are in input order (by document id) whatever ran them, so
    the merge sees exactly what a single process would give it. ``keys``
    are the inputs' cache keys when already computed (see ``_file_keys``).
    """
    from kg import parallel
    from kg.cache import extractor_version, path_key, reading_options
    version = extractor_version()
    reading = reading_options(ner, to_simplified)
    slots: list[list[DocResult] | None] = [None] * len(inputs)
    reasons: dict[int, str] = {}
    tasks: list[parallel.Task] = []
    sizes: list[int] = []
    cached: list[tuple[int, str]] = []
    for i, item in enumerate(inputs):
        try:
            if cache is not None:
                known = keys[i] if keys is not None else None
                if isinstance(known, OSError):
                    raise known
                key, size = known or path_key(item.path, item.doc_id, reading, version)
                if cache.has(key):
                    cached.append((i, key))
                    continue
            else:
                size = item.path.stat().st_size
        except OSError as e:
            reasons[i] = e.strerror or str(e)
            continue
        tasks.append(parallel.Task(i, item.doc_id, str(item.path)))
        sizes.append(size)

    # Extract first, load the cached results after: worker processes forked
    # from a small parent stay small, and no result waits in memory meanwhile.
    workers = max(1, workers)
    if dask:
        groups = parallel.chunks(tasks, sizes, workers)
        outcomes = parallel.run_dask(groups, ner, to_simplified, dask)
    elif workers > 1 and tasks:
        # Even a single file goes to a worker: the segmenter then never loads
        # into this process, which holds every other result at the same time.
        groups = parallel.chunks(tasks, sizes, workers)
        workers = min(workers, len(groups))
        outcomes = parallel.run_pool(groups, ner, to_simplified, workers)
    else:
        workers = 1
        outcomes = parallel.run_here([tasks], ner, to_simplified)
    done = (o for chunk in outcomes for o in chunk)
    shown = progress(_Sized(done, len(tasks))) if progress else done
    # click's progress bar draws and clears itself only inside a with block.
    with shown if hasattr(shown, "__enter__") else contextlib.nullcontext(shown) as items:
        extracted = _collect(items, inputs, slots, reasons, cache)

    from_cache = 0
    damaged: list[parallel.Task] = []
    for i, key in cached:
        hit = cache.get(key, inputs[i].doc_id)
        if hit is None:
            damaged.append(parallel.Task(i, inputs[i].doc_id, str(inputs[i].path)))
            continue
        slots[i] = _at_path(hit, inputs[i].display)
        from_cache += len(hit)
    if damaged:  # entries found unreadable only now: rare, extracted here
        done = (o for chunk in parallel.run_here([damaged], ner, to_simplified) for o in chunk)
        extracted += _collect(done, inputs, slots, reasons, cache)

    skipped = []
    for i in sorted(reasons):
        skipped.append((inputs[i].display, reasons[i]))
        log.warning("skipped %s: %s", inputs[i].display, reasons[i])
    results = [r for slot in slots if slot for r in slot]
    return Extraction(results, skipped, from_cache, extracted, 1 if dask else workers)


def _collect(outcomes: Iterable, inputs: list[InputFile], slots: list, reasons: dict[int, str],
             cache: DocCache | None) -> int:
    """Put extraction outcomes in their slots (and the cache); return the number of documents."""
    extracted = 0
    for o in outcomes:
        if o.reason:
            reasons[o.index] = o.reason
            continue
        res = o.results if o.results is not None else _loads(o.blob)
        if cache is not None and o.cacheable and o.key:
            cache.put_blob(o.key, o.blob or _dumps(res))
        slots[o.index] = _at_path(res, inputs[o.index].display)
        extracted += len(res)
    return extracted


class _Sized:
    """An iterator that knows how many items it will give, for progress bars."""

    def __init__(self, it: Iterable, n: int) -> None:
        self._it, self._n = it, n

    def __len__(self) -> int:
        return self._n

    def __iter__(self):
        return iter(self._it)


def _loads(blob: bytes) -> list[DocResult]:
    from kg.cache import loads
    return loads(blob)


def _dumps(results: list[DocResult]) -> bytes:
    from kg.cache import dumps
    return dumps(results)


def _at_path(results: list[DocResult], path: str) -> list[DocResult]:
    """Results as if read from ``path``: a cached entry may come from the same file named otherwise."""
    where = str(path)
    for r in results:
        if r.doc.document.path != where:
            r.doc = dataclasses.replace(r.doc, document=dataclasses.replace(r.doc.document, path=where))
    return results


def build(paths: list[str], options: BuildOptions | None = None,
          progress: Callable[[Iterable], Iterable] | None = None) -> tuple[KnowledgeGraph | None, BuildSummary]:
    """Build the knowledge graph of ``paths`` and write every output into ``options.out_dir``.

    With the cache on, a build whose inputs, options and code are those of
    the build that wrote the outputs in ``out_dir`` (and whose outputs are
    untouched since) does nothing more and returns ``(None, summary)``, the
    summary being the one that build recorded.
    """
    with _fewer_collections():
        return _build(paths, options or BuildOptions(), progress)


@contextlib.contextmanager
def _fewer_collections():
    """Run the garbage collector less often meanwhile.

    A build makes millions of small objects and next to no reference cycles
    (reference counting frees them): at the usual pace the collector walks
    the growing heap again and again, a tenth of the build's time.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _build(paths: list[str], options: BuildOptions,
           progress: Callable[[Iterable], Iterable] | None) -> tuple[KnowledgeGraph | None, BuildSummary]:
    from kg import cache as cache_mod
    t0 = time.perf_counter()
    found = scan_inputs(paths, options.pattern, exclude=[d for d in (options.out_dir, options.cache_dir) if d])
    inputs = found.files
    cache = keys = stamp = None
    if options.use_cache:
        cache = DocCache(options.cache_dir if options.cache_dir is not None else Path(options.out_dir) / ".cache")
        keys = _file_keys(inputs, options.ner, options.to_simplified)
        if not found.skipped and not any(isinstance(k, OSError) for k in keys):
            stamp = cache_mod.build_stamp([(i.doc_id, str(i.path), k[0]) for i, k in zip(inputs, keys)],
                                          _output_options(options))
            if options.reuse_outputs:
                recorded = cache_mod.up_to_date(Path(options.out_dir), stamp)
                if recorded is not None:
                    return None, _recorded_summary(recorded, time.perf_counter() - t0, cache.root)
    ex = extract_inputs(inputs, options.ner, progress, options.to_simplified, cache=cache, dask=options.dask,
                        workers=options.workers if options.workers is not None else default_workers(), keys=keys)
    skipped = found.skipped + ex.skipped
    require_documents(len(ex.results), skipped, options.pattern, options.out_dir, allow_empty=options.allow_empty)
    kg = merge(ex.results, skipped)
    # The per-document entities and relations are merged copies now; let them
    # go before the writers need their memory (a third of a large build's).
    ex.results = []
    if stamp is not None:
        cache_mod.forget_manifest(Path(options.out_dir))
    outputs = write_outputs(kg, options)
    by_type = {t: 0 for t in ENTITY_TYPES}
    for e in kg.entities.values():
        by_type[e.type] += 1
    by_kind: dict[str, int] = {}
    for r in kg.relations:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
    summary = BuildSummary(
        documents=len(kg.documents), sentences=kg.sentence_count, entities_by_type=by_type,
        edges=sum(by_kind.values()), relations_by_kind=by_kind, outputs=outputs, skipped=skipped,
        duplicates_dropped=sum(d.dropped_duplicates for d in kg.documents),
        seconds=time.perf_counter() - t0, characters=sum(len(d.document.text) for d in kg.documents),
        from_cache=ex.from_cache, extracted=ex.extracted, workers=ex.workers,
        cache_dir=cache.root if cache is not None else None, dask=options.dask)
    if stamp is not None:
        cache_mod.write_manifest(Path(options.out_dir), stamp, outputs, _summary_record(summary))
    return kg, summary


# Options that decide how a build runs but not what it writes.
_RUN_OPTIONS = frozenset({"out_dir", "workers", "cache_dir", "use_cache", "dask", "reuse_outputs", "allow_empty"})


def _output_options(options: BuildOptions) -> dict:
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in _RUN_OPTIONS}


def _file_keys(inputs: list[InputFile], ner: str, to_simplified: bool) -> list[tuple[str, int] | OSError]:
    """The cache key and size of every input, or the error that kept it from being read."""
    from kg.cache import extractor_version, path_key, reading_options
    version, reading = extractor_version(), reading_options(ner, to_simplified)
    keys: list[tuple[str, int] | OSError] = []
    for item in inputs:
        try:
            keys.append(path_key(item.path, item.doc_id, reading, version))
        except OSError as e:
            keys.append(e)
    return keys


def _summary_record(s: BuildSummary) -> dict:
    record = dataclasses.asdict(s)
    record["outputs"] = [str(p) for p in s.outputs]
    record.pop("cache_dir", None)
    return record


def _recorded_summary(record: dict, seconds: float, cache_dir: Path) -> BuildSummary:
    known = {f.name for f in dataclasses.fields(BuildSummary)}
    s = BuildSummary(**{k: v for k, v in record.items() if k in known})
    s.outputs = [Path(p) for p in s.outputs]
    s.skipped = [tuple(x) for x in s.skipped]
    s.from_cache, s.extracted, s.seconds, s.cache_dir = s.documents, 0, seconds, cache_dir
    s.up_to_date = True
    return s


def write_outputs(kg: KnowledgeGraph, options: BuildOptions) -> list[Path]:
    from kg.atomic import alongside, atomic_batch
    from kg.export import rdf, tables
    from kg.graph import build_graph
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    graph = build_graph(kg)
    kwargs = {"provenance": options.provenance, "formats": options.rdf_formats}
    if options.base_iri:
        kwargs["base_iri"] = options.base_iri
    # Killed while writing, a build leaves the previous outputs, not a mix of old and new.
    with atomic_batch():
        # The RDF and the tables read the whole graph; the page and the
        # graph files only the network: a second process writes those meanwhile.
        with alongside(lambda: _network_files(graph, kg, out, options)) as network:
            paths = rdf.write_rdf(kg, out, **kwargs) + tables.write_csv(kg, graph, out)
        paths += network.result()
    return paths


def _network_files(graph, kg: KnowledgeGraph, out: Path, options: BuildOptions) -> list[Path]:
    from kg.export import tables
    paths = [tables.write_graphml(graph, out)]
    if options.write_html:
        from kg.export import html
        summary = html.write_html(graph, kg, out, max_nodes=options.max_nodes)
        paths += [summary.path, out / "graph.gexf"]
    return paths


# The cache version is a hash of the source files: take it now, while they are
# the files this process has just imported, not whatever is on disk later.
def _pin_version() -> None:
    from kg.cache import build_version, extractor_version
    extractor_version()
    build_version()


_pin_version()
