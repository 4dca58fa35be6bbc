"""The order of the stages: the one place that knows it.

files ─corpus→ Document ─clean→ CleanDocument ─extract→ mentions ─resolve→
entities + relations (per document, cacheable) ─merge→ KnowledgeGraph
─graph→ networkx ─export→ Turtle, HTML, GraphML, CSV.
"""
from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.clean import clean
from kg.corpus import DecodeError, InputFile, find_inputs, iter_documents
from kg.extract import Extractor, to_mention
from kg.lexicon import load as load_lexicon
from kg.model import ENTITY_TYPES, DocResult, Document, KnowledgeGraph
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


@functools.lru_cache(maxsize=2)
def _extractor(ner: str) -> Extractor:
    backend = None
    if ner == "lac":
        from kg.extract.lac import LacRecognizer
        backend = LacRecognizer()
    return Extractor(ner=backend)


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


def merge(results: list[DocResult], skipped: list[tuple[str, str]] | None = None) -> KnowledgeGraph:
    """Merge per-document results into one graph; statistics are computed here, on the whole."""
    lex = load_lexicon()
    entities, folded, merges = merge_entities([r.entities for r in results])
    sentence_total = sum(len(r.doc.sentences) for r in results)
    relations = merge_relations([r.relations for r in results], folded, entities, sentence_total, lex)
    doc_merges = [m for r in results for m in r.merges]
    return KnowledgeGraph(documents=[r.doc for r in results], entities=entities, relations=relations,
                          merges=doc_merges + merges, skipped=list(skipped or []))


def extract_all(inputs: list[InputFile], ner: str = "rules",
                progress: Callable[[Iterable], Iterable] | None = None,
                to_simplified: bool = False) -> tuple[list[DocResult], list[tuple[str, str]]]:
    results: list[DocResult] = []
    skipped: list[tuple[str, str]] = []
    items = progress(inputs) if progress else inputs
    for item in items:
        try:
            # A huge file comes as several parts (see iter_documents); errors come before the first.
            for doc in iter_documents(item, to_simplified=to_simplified):
                results.append(process_document(doc, ner))
        except DecodeError as e:
            skipped.append((str(item.path), str(e)))
            log.warning("skipped %s: %s", item.path, e)
            continue
        except OSError as e:
            skipped.append((str(item.path), e.strerror or str(e)))
            log.warning("skipped %s: %s", item.path, e.strerror or e)
            continue
    return results, skipped


def build(paths: list[str], options: BuildOptions | None = None,
          progress: Callable[[Iterable], Iterable] | None = None) -> tuple[KnowledgeGraph, BuildSummary]:
    """Build the knowledge graph of ``paths`` and write every output into ``options.out_dir``."""
    options = options or BuildOptions()
    t0 = time.perf_counter()
    inputs = find_inputs(paths, options.pattern)
    results, skipped = extract_all(inputs, options.ner, progress, to_simplified=options.to_simplified)
    kg = merge(results, skipped)
    outputs = write_outputs(kg, options)
    from kg.graph import build_graph  # noqa: F401  (graph built inside write_outputs)
    by_type = {t: 0 for t in ENTITY_TYPES}
    for e in kg.entities.values():
        by_type[e.type] += 1
    by_kind: dict[str, int] = {}
    for r in kg.relations:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
    summary = BuildSummary(
        documents=len(results), sentences=kg.sentence_count, entities_by_type=by_type,
        edges=sum(by_kind.values()), relations_by_kind=by_kind, outputs=outputs, skipped=skipped,
        duplicates_dropped=sum(r.doc.dropped_duplicates for r in results),
        seconds=time.perf_counter() - t0, characters=sum(len(r.doc.document.text) for r in results))
    return kg, summary


def write_outputs(kg: KnowledgeGraph, options: BuildOptions) -> list[Path]:
    from kg.export import rdf, tables
    from kg.graph import build_graph
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    graph = build_graph(kg)
    paths: list[Path] = []
    kwargs = {"provenance": options.provenance, "formats": options.rdf_formats}
    if options.base_iri:
        kwargs["base_iri"] = options.base_iri
    paths += rdf.write_rdf(kg, out, **kwargs)
    paths += tables.write_tables(kg, graph, out)
    if options.write_html:
        from kg.export import html
        summary = html.write_html(graph, kg, out, max_nodes=options.max_nodes)
        paths.append(summary.path)
        gexf = out / "graph.gexf"
        if gexf.exists():
            paths.append(gexf)
    return paths
