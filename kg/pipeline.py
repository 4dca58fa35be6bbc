"""The order of the stages: the one place that knows it, the cache and the worker pool.

files ─corpus→ Document ─docstep (clean, extract, resolve)→ DocResult (per
document, cached) ─merge→ KnowledgeGraph ─outputs (graph, exporters)→ files.

The per-document step is :mod:`kg.docstep`; the pool (:mod:`kg.parallel`)
and the cache (:mod:`kg.cache`) use it too, and none of them imports this
module. ``build`` is the library's entry point; ``kg build`` calls it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg import manifest, parallel
from kg.cache import DocCache, path_key, reading_options
from kg.careers import read_timeline
from kg.clean import display_text
from kg.config import DEFAULTS, RUN_OPTIONS, BuildOptions
from kg.corpus import InputFile, require_documents, scan_inputs
from kg.docstep import extractor_version, process_document, process_file, recognize
from kg.extract.segment import default_segmenter
from kg.identity import rename, resolve_people
from kg.lexicon import load as load_lexicon
from kg.metadata import USER_FILE_NAMES, UserFiles, apply_metadata, digest, read_user_files
from kg.model import ENTITY_TYPES, DocResult, KnowledgeGraph, Relation
from kg.outputs import write_outputs
from kg.relations import merge_relations
from kg.resolve import merge_entities
from kg.second_pass import find_known_names
from kg.timing import stage

__all__ = ["BuildOptions", "BuildSummary", "SkippedInputs", "build", "assemble", "recorded_build",
           "summary_from_record", "merge", "extract_inputs", "write_outputs", "process_file", "process_document",
           "recognize"]

log = logging.getLogger("kg")

Progress = Callable[[Iterable], Iterable]


class SkippedInputs(Exception):
    """Inputs were skipped under ``strict``: the build stops before writing anything."""

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        super().__init__(f"{len(skipped)} input(s) skipped")
        self.skipped = skipped


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
    from_cache: int = 0                # input files whose results came from the cache
    extracted: int = 0                 # input files extracted by this build
    workers: int = 1
    cache_dir: Path | None = None
    up_to_date: bool = False           # the outputs were already those of these inputs: nothing written
    dask: str | None = None            # the scheduler the extraction ran on, if any
    cache_rejected: list[tuple[str, str]] = field(default_factory=list)  # (doc id, why) of unusable entries
    files: int = 0                     # input files read (a page of several stories is one)
    converted: int = 0                 # files read in simplified script (they were in traditional)
    recalled: int = 0                  # mentions the second pass found
    candidates: int = 0                # pairs of namesakes left for review


def merge(results: list[DocResult], skipped: list[tuple[str, str]] | None = None, user: UserFiles | None = None,
          second_pass: bool = DEFAULTS.second_pass) -> KnowledgeGraph:
    """Merge per-story results into one graph; statistics are computed here, on the whole.

    In order: the user's metadata over each article's own; the second pass
    (names accepted in one story looked for in all); the identity of people
    across stories; then entities by key and relations, with PMI; last, the
    personnel events and the spells of people in posts. The results are
    changed in place.
    """
    lex = load_lexicon()
    if user is not None:
        apply_metadata(results, user.metadata, user.pattern, lex)
    recalled = find_known_names(results, lex, default_segmenter()) if second_pass else 0
    people = resolve_people(results, lex, user.rules if user is not None else ())
    for rule, missing in people.unknown_rules:
        log.warning("%s: no story names %s; the row is ignored", rule.where, missing)
    rename(results, people.keys)
    entities, folded, merges = merge_entities([r.entities for r in results])
    sentence_total = sum(len(r.doc.sentences) for r in results)
    relations = merge_relations([r.relations for r in results], folded, entities, sentence_total, lex)
    _readable_evidence(relations)
    doc_merges = [m for r in results for m in r.merges]
    kg = KnowledgeGraph(documents=[r.doc for r in results], entities=entities, relations=relations,
                        merges=doc_merges + people.merges + merges, skipped=list(skipped or []),
                        candidates=people.candidates, recalled=recalled)
    kg.events, kg.spells = read_timeline(kg, lex)
    return kg


def _readable_evidence(relations: list[Relation]) -> None:
    """Evidence as people read it: without the spaces OCR left beside Chinese characters (in place)."""
    for rel in relations:
        if any(" " in e.text for e in rel.evidence):
            rel.evidence = [dataclasses.replace(e, text=display_text(e.text)) if " " in e.text else e
                            for e in rel.evidence]


# --------------------------------------------------------------------------- extraction

@dataclass
class Extraction:
    """The per-document results of a build's inputs, in input order, and where they came from."""
    results: list[DocResult]
    skipped: list[tuple[str, str]]
    from_cache: int = 0
    extracted: int = 0
    workers: int = 1


@dataclass
class _Plan:
    """Which inputs are read from the cache and which are extracted, and why some are neither."""
    tasks: list[parallel.Task] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    cached: list[tuple[int, str]] = field(default_factory=list)    # (input index, cache key)
    reasons: dict[int, str] = field(default_factory=dict)          # input index -> why it was skipped


InputKey = tuple[str, int] | OSError   # an input's cache key and size, or why it could not be read


def extract_inputs(inputs: list[InputFile], options: BuildOptions = DEFAULTS, progress: Progress | None = None,
                   cache: DocCache | None = None, keys: list[InputKey] | None = None) -> Extraction:
    """Extract every input file, from the cache when it has it, else in worker processes or on Dask.

    The results are in input order (by document id) whatever ran them, so
    the merge sees exactly what a single process would give it. ``keys``
    are the inputs' cache keys when already computed (see :func:`input_keys`).
    """
    if cache is not None and keys is None:
        keys = input_keys(inputs, options)
    plan = _plan(inputs, keys if cache is not None else None, cache)
    slots: list[list[DocResult] | None] = [None] * len(inputs)
    # Extract first, load the cached results after: worker processes forked
    # from a small parent stay small, and no result waits in memory meanwhile.
    outcomes, workers = _run(plan, options)
    sizes = {t.index: size for t, size in zip(plan.tasks, plan.sizes)}
    with _shown(outcomes, sizes, progress) as items:
        extracted = _collect(items, inputs, slots, plan.reasons, cache)
    from_cache, damaged = _load_cached(plan.cached, inputs, slots, cache)
    if damaged:  # entries found unusable only now: rare, extracted here
        done = (o for chunk in parallel.run_here([damaged], options.backend, options.convert) for o in chunk)
        extracted += _collect(done, inputs, slots, plan.reasons, cache)
    skipped = [(inputs[i].display, plan.reasons[i]) for i in sorted(plan.reasons)]
    for path, reason in skipped:
        log.info("skipped %s: %s", path, reason)
    results = [r for slot in slots if slot for r in slot]
    return Extraction(results, skipped, from_cache, extracted, workers)


def input_keys(inputs: list[InputFile], options: BuildOptions) -> list[InputKey]:
    """The cache key and size of every input, or the error that kept it from being read."""
    version = extractor_version(options.backend)
    reading = reading_options(options.backend, options.convert)
    keys: list[InputKey] = []
    for item in inputs:
        try:
            keys.append(path_key(item.path, item.doc_id, reading, version))
        except OSError as e:
            keys.append(e)
    return keys


def _plan(inputs: list[InputFile], keys: list[InputKey] | None, cache: DocCache | None) -> _Plan:
    plan = _Plan()
    for i, item in enumerate(inputs):
        try:
            if keys is None:
                size = item.path.stat().st_size
            else:
                if isinstance(keys[i], OSError):
                    raise keys[i]
                key, size = keys[i]
                if cache.has(key):
                    plan.cached.append((i, key))
                    continue
        except OSError as e:
            plan.reasons[i] = e.strerror or str(e)
            continue
        plan.tasks.append(parallel.Task(i, item.doc_id, str(item.path)))
        plan.sizes.append(size)
    return plan


def _run(plan: _Plan, options: BuildOptions) -> tuple[Iterable[list[parallel.Outcome]], int]:
    """The outcomes of the plan's tasks, chunk by chunk, and the number of processes that ran them."""
    workers = max(1, options.workers if options.workers is not None else parallel.default_workers())
    if options.dask:
        groups = parallel.chunks(plan.tasks, plan.sizes, workers)
        return parallel.run_dask(groups, options.backend, options.convert, options.dask), 1
    if workers > 1 and plan.tasks:
        # Even a single file goes to a worker: the segmenter then never loads
        # into this process, which holds every other result at the same time.
        groups = parallel.chunks(plan.tasks, plan.sizes, workers)
        workers = min(workers, len(groups))
        return parallel.run_pool(groups, options.backend, options.convert, workers), workers
    return parallel.run_here([plan.tasks], options.backend, options.convert), 1


@contextlib.contextmanager
def _shown(outcomes: Iterable[list[parallel.Outcome]], sizes: dict[int, int], progress: Progress | None):
    """The outcomes one by one, through ``progress`` (a click progress bar) when given."""
    done = (o for chunk in outcomes for o in chunk)
    if progress is None:
        yield done
        return
    shown = progress(_Sized(done, len(sizes), sizes))
    # click's progress bar draws and clears itself only inside a with block.
    with shown if hasattr(shown, "__enter__") else contextlib.nullcontext(shown) as items:
        yield items


def _collect(outcomes: Iterable[parallel.Outcome], inputs: list[InputFile], slots: list,
             reasons: dict[int, str], cache: DocCache | None) -> int:
    """Put extraction outcomes in their slots (and the cache); return the number of files."""
    from kg.cache import decode, encode
    extracted = 0
    for o in outcomes:
        if o.reason:
            reasons[o.index] = o.reason
            continue
        res = o.results if o.results is not None else decode(o.payload)
        if cache is not None and o.cacheable and o.key:
            cache.put_payload(o.key, o.payload or encode(res))
        slots[o.index] = _at_path(res, inputs[o.index].display)
        extracted += 1
    return extracted


def _load_cached(cached: list[tuple[int, str]], inputs: list[InputFile], slots: list,
                 cache: DocCache | None) -> tuple[int, list[parallel.Task]]:
    """Fill the slots of cached inputs; return how many files came so and the inputs to extract after all."""
    from_cache = 0
    damaged: list[parallel.Task] = []
    for i, key in cached:
        hit = cache.get(key, inputs[i].doc_id)
        if hit is None:
            damaged.append(parallel.Task(i, inputs[i].doc_id, str(inputs[i].path)))
            continue
        slots[i] = _at_path(hit, inputs[i].display)
        from_cache += 1
    return from_cache, damaged


class _Sized:
    """An iterator that knows how many items it will give, for progress bars.

    ``sizes`` holds the bytes of each input by its index, so that a bar can
    move by bytes (and estimate the time left from the first files on) when
    the files differ in size.
    """

    def __init__(self, it: Iterable, n: int, sizes: dict[int, int] | None = None) -> None:
        self._it, self._n = it, n
        self.sizes = sizes or {}

    def __len__(self) -> int:
        return self._n

    def __iter__(self):
        return iter(self._it)


def _at_path(results: list[DocResult], path: str) -> list[DocResult]:
    """Results as if read from ``path``: a cached entry may come from the same file named otherwise."""
    where = str(path)
    for r in results:
        if r.doc.document.path != where:
            r.doc = dataclasses.replace(r.doc, document=dataclasses.replace(r.doc.document, path=where))
    return results


# --------------------------------------------------------------------------- the build

def build(paths: list[str], options: BuildOptions = DEFAULTS,
          progress: Progress | None = None) -> tuple[KnowledgeGraph | None, BuildSummary]:
    """Build the knowledge graph of ``paths`` and write every output into ``options.out_dir``.

    With the cache on, a build whose inputs, options and code are those of
    the build that wrote the outputs in ``out_dir`` (and whose outputs are
    untouched since) does nothing more and returns ``(None, summary)``, the
    summary being the one that build recorded.
    """
    with _fewer_collections():
        return _build(paths, options, progress)


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
           progress: Progress | None) -> tuple[KnowledgeGraph | None, BuildSummary]:
    t0 = time.perf_counter()
    found, inputs, user = _inputs(paths, options)
    cache = keys = stamp = None
    if options.use_cache:
        with stage(f"checking {len(inputs)} input(s) against the cache"):
            cache = DocCache(options.cache_root, extractor_version(options.backend))
            keys = input_keys(inputs, options)
            # A build that skipped inputs is never up to date, so its warnings are always shown.
            stamp = None if found.skipped else _stamp(inputs, keys, options, user)
        if stamp is not None and options.reuse_outputs:
            recorded = manifest.up_to_date(options.out_dir, stamp)
            if recorded is not None:
                log.info("outputs in %s are up to date", options.out_dir)
                return None, _recorded_summary(recorded, time.perf_counter() - t0, cache.root)
    with stage("extracting"):
        ex = extract_inputs(inputs, options, progress, cache=cache, keys=keys)
    skipped = found.skipped + ex.skipped
    if options.strict and skipped:
        raise SkippedInputs(skipped)
    require_documents(len(ex.results), skipped, options.pattern, options.out_dir, allow_empty=options.allow_empty)
    with stage(f"merging {len(ex.results)} document(s)"):
        kg = merge(ex.results, skipped, user, options.second_pass)
    # The per-document entities and relations are merged copies now; let them
    # go before the writers need their memory (a third of a large build's).
    ex.results = []
    if stamp is not None:
        manifest.forget_manifest(options.out_dir)
    with stage("writing the outputs"):
        outputs = write_outputs(kg, options)
    summary = _summary(kg, ex, outputs, options, cache, time.perf_counter() - t0)
    summary.skipped = skipped
    if stamp is not None:
        record = _summary_record(summary)
        record["build"] = {"paths": [str(p) for p in paths], "options": _output_options(options)}
        manifest.write_manifest(options.out_dir, stamp, outputs, record)
    return kg, summary


def _inputs(paths: list[str], options: BuildOptions):
    """The inputs found under ``paths`` (the user's own files apart) and the user's metadata and identities."""
    with stage("finding inputs"):
        found = scan_inputs(paths, options.pattern, exclude=[options.out_dir, options.cache_root])
        inputs = [f for f in found.files if f.path.name not in USER_FILE_NAMES]
        user = read_user_files(paths, inputs, options.metadata, options.identities, options.date_from_name)
    for warning in user.warnings:
        log.warning("%s", warning)
    return found, inputs, user


def assemble(paths: list[str], options: BuildOptions = DEFAULTS, progress: Progress | None = None) -> KnowledgeGraph:
    """The merged graph of ``paths``, writing no output: articles already in the cache are read from it.

    For commands that make one output of their own (``kg report``, ``kg subgraph``).
    """
    with _fewer_collections():
        found, inputs, user = _inputs(paths, options)
        cache = DocCache(options.cache_root, extractor_version(options.backend)) if options.use_cache else None
        with stage("extracting"):
            ex = extract_inputs(inputs, options, progress, cache=cache)
        skipped = found.skipped + ex.skipped
        require_documents(len(ex.results), skipped, options.pattern, options.out_dir, allow_empty=options.allow_empty)
        with stage(f"merging {len(ex.results)} document(s)"):
            return merge(ex.results, skipped, user, options.second_pass)


def summary_from_record(record: dict) -> BuildSummary:
    """The BuildSummary a build recorded (``manifest.read_summary``), as it was when written."""
    known = {f.name for f in dataclasses.fields(BuildSummary)}
    s = BuildSummary(**{k: v for k, v in record.items() if k in known})
    s.outputs = [Path(p) for p in s.outputs]
    s.skipped = [tuple(x) for x in s.skipped]
    return s


def recorded_build(out_dir: Path) -> tuple[list[str], dict] | None:
    """The paths and output options of the last build that wrote ``out_dir``, if it recorded them."""
    summary = manifest.read_summary(Path(out_dir)) or {}
    build = summary.get("build")
    if not isinstance(build, dict) or not isinstance(build.get("paths"), list):
        return None
    return [str(p) for p in build["paths"]], dict(build.get("options") or {})


def _stamp(inputs: list[InputFile], keys: list[InputKey], options: BuildOptions, user: UserFiles) -> str | None:
    """The build's stamp, or None when some input could not be read (such a build is never up to date).

    The user's metadata and identities files enter it by their bytes: editing
    one writes the outputs again, without extracting any article again.
    """
    if any(isinstance(k, OSError) for k in keys):
        return None
    return manifest.build_stamp([(i.doc_id, str(i.path), k[0]) for i, k in zip(inputs, keys)],
                                {**_output_options(options), "user files": digest(user.files)})


def _summary(kg: KnowledgeGraph, ex: Extraction, outputs: list[Path], options: BuildOptions,
             cache: DocCache | None, seconds: float) -> BuildSummary:
    by_type = {t: 0 for t in ENTITY_TYPES}
    for e in kg.entities.values():
        by_type[e.type] += 1
    by_kind: dict[str, int] = {}
    for r in kg.relations:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
    files = {d.document.file: d.document for d in kg.documents}
    return BuildSummary(
        documents=len(kg.documents), sentences=kg.sentence_count, entities_by_type=by_type,
        edges=sum(by_kind.values()), relations_by_kind=by_kind, outputs=outputs, skipped=ex.skipped,
        duplicates_dropped=sum(d.dropped_duplicates for d in kg.documents), seconds=seconds,
        characters=sum(len(d.text) for d in files.values()), from_cache=ex.from_cache,
        extracted=ex.extracted, workers=ex.workers, cache_dir=cache.root if cache is not None else None,
        dask=options.dask, cache_rejected=list(cache.rejected) if cache is not None else [], files=len(files),
        converted=sum(1 for d in files.values() if d.original), recalled=kg.recalled, candidates=len(kg.candidates))


def _output_options(options: BuildOptions) -> dict:
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in RUN_OPTIONS}


def _summary_record(s: BuildSummary) -> dict:
    record = dataclasses.asdict(s)
    record["outputs"] = [str(p) for p in s.outputs]
    record.pop("cache_dir", None)
    return record


def _recorded_summary(record: dict, seconds: float, cache_dir: Path) -> BuildSummary:
    s = summary_from_record(record)
    s.from_cache, s.extracted, s.seconds, s.cache_dir = s.files or s.documents, 0, seconds, cache_dir
    s.up_to_date, s.cache_rejected = True, []
    return s
