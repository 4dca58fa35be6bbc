"""The per-document step: one decoded file in, the resolved result of each of its stories out.

This is what the orchestrator, the cache and the worker processes share,
so it imports none of them. ``extractor_version`` names the code and data
the step's result depends on; a cached result is only reused under the
same version.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
from pathlib import Path

from kg.clean import clean
from kg.config import Backend, Conventions
from kg.extract import Extractor, recognized_spans, to_mention
from kg.extract import backends
from kg.extract.base import word_info
from kg.lexicon import version as lexicon_version
from kg.model import CleanDocument, DocResult, Document, Mention, breaks_of
from kg.relations import document_relations
from kg.resolve import document_entities, page_area, paper_area, resolve_mentions
from kg.second_pass import recallable
from kg.stories import Story, describe_whole, split_page, story_id

__all__ = ["process_file", "process_document", "recognize", "extractor_for", "extractor_version", "STEP_SOURCES"]

# The source files a DocResult depends on, relative to the kg package: the
# decoder, the cleaner, extraction, resolution, relations, the data model and
# this step. Their bytes enter the extractor version.
STEP_SOURCES = ("config.py", "corpus.py", "clean.py", "stories.py", "text.py", "model.py", "resolve.py",
                "relations.py", "second_pass.py", "docstep.py", "extract/*.py", "lexicon/*.py")
# Packages whose data change the result whatever the backend: OpenCC's tables.
_READING_PACKAGES = ("opencc",)


@functools.lru_cache(maxsize=4)
def extractor_for(backend: Backend, conventions: Conventions = Conventions.KG) -> Extractor:
    """The extractor of ``backend``, made once per process (lexicons, segmenter and tagger loaded)."""
    extractor = Extractor(ner=backends.load(backend, conventions))
    extractor.segmenter.tag("")   # loads the segmenter's dictionary now
    word_info("")                 # and the word frequencies
    # Lexicons and dictionaries live as long as the process: taken out of the
    # garbage collector's view, they are not walked again at every collection.
    gc.freeze()
    return extractor


def process_file(doc: Document, backend: Backend = Backend.RULES) -> list[DocResult]:
    """Split a file (or a part of a huge one) into its stories and process each: a pure function of its text.

    A file of one story keeps its own id; the stories of a page are
    ``id#story-1``, ``#story-2``…, each reading its span of the file's text.
    The stories of a page are one paper's: the area its places lie in is the
    paper's city when no story names the paper.
    """
    extractor = extractor_for(Backend(backend))
    page = split_page(doc.text, extractor.lex, bridges=extractor.segmenter.bridges)
    if len(page.stories) == 1:
        return [_resolved(_read_story(doc, page.stories[0], extractor), extractor)]
    read = [_read_story(dataclasses.replace(doc, id=story_id(doc.id, n), file_id=doc.id, start=s.start, end=s.end),
                        s, extractor)
            for n, s in enumerate(page.stories, start=1)]
    area = page_area([m for _, mentions, _ in read for m in mentions], extractor.lex)
    return [_resolved(r, extractor, area) for r in read]


def process_document(doc: Document, backend: Backend = Backend.RULES) -> DocResult:
    """Clean, extract and resolve ``doc`` as one story, whatever it holds."""
    extractor = extractor_for(Backend(backend))
    text = doc.text[doc.start:doc.stop]
    story = describe_whole(text, extractor.lex, bridges=extractor.segmenter.bridges)
    return _resolved(_read_story(doc, story, extractor), extractor)


_Read = tuple[CleanDocument, list[Mention], tuple[bytes, ...]]


def _read_story(doc: Document, story: Story, extractor: Extractor) -> _Read:
    """A story cleaned, with what it says of itself, the mentions the recognizers find in it, and
    where its sentences' tokens start (for the second pass, which runs where no segmenter is loaded)."""
    cdoc = clean(doc, bridges=extractor.segmenter.bridges)
    cdoc = dataclasses.replace(cdoc, title=story.title, date=story.date, newspaper=story.newspaper,
                               headlines=story.headlines)
    findings = extractor.find(cdoc)
    breaks = tuple(breaks_of((t.start for t in f.view.tokens), len(f.view.text)) for f in findings)
    return cdoc, [to_mention(cdoc, f, c) for f in findings for c in f.kept], breaks


def _resolved(read: _Read, extractor: Extractor, area=None) -> DocResult:
    cdoc, mentions, breaks = read
    lex = extractor.lex
    served = paper_area(cdoc.newspaper, lex) if cdoc.newspaper else None
    cdoc = dataclasses.replace(cdoc, area=(served or area).code if (served or area) is not None else "")
    mentions, merges = resolve_mentions(cdoc.document.text, mentions, lex, newspaper=cdoc.newspaper, area=area)
    entities, key_of, more = document_entities(mentions, lex)
    relations = document_relations(cdoc, mentions, key_of, entities, lex)
    return DocResult(cdoc, entities, relations, merges + more, recallable(entities, word_info), breaks)


def recognize(doc: Document, backend: Backend = Backend.RULES,
              conventions: Conventions = Conventions.KG) -> list[tuple[int, int, str]]:
    """PER/LOC/ORG spans (offsets into ``doc.text``) of the recognizers, for span scoring.

    ``conventions`` chooses how a statistical recognizer's output is
    post-processed: ``kg`` as in a build, ``pd`` as the People's Daily corpus
    annotates names (and only the outermost of nested names counts).
    """
    backend, conventions = Backend(backend), Conventions(conventions)
    extractor = extractor_for(backend, conventions if backend == Backend.LAC else Conventions.KG)
    cdoc = clean(doc, bridges=extractor.segmenter.bridges)
    spans = recognized_spans(extractor.find(cdoc))
    if conventions == Conventions.PD:
        # The corpus annotates flat names: the place inside a body's name
        # (湘乡市 of 湘乡市公安局) is part of the body, not a name of its own.
        spans = [x for x in spans if not any(o != x and o[0] <= x[0] and x[1] <= o[1] for o in spans)]
    return spans


@functools.lru_cache(maxsize=4)
def extractor_version(backend: Backend = Backend.RULES) -> str:
    """A short hash that changes whenever the step could give another result for ``backend``.

    It covers the lexicon files, the source files of :data:`STEP_SOURCES`,
    and the versions of the packages whose data decide the result (the
    backend's taggers and the segmenter, from the backend registry, and
    OpenCC). Taken once per process, so a build compares its cache with the
    code it runs, not with files edited meanwhile.
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for part in (lexicon_version(), backends.package_versions(backend), backends.versions_of(_READING_PACKAGES)):
        h.update(part.encode() + b"\0")
    for pattern in STEP_SOURCES:
        for path in sorted(root.glob(pattern)):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()[:16]

