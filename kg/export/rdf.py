"""The knowledge graph as RDF on standard vocabularies, with provenance.

The model (classes, properties, IRIs, provenance levels) is described in
docs/rdf.md and declared in kg/ontology.ttl; kg/shapes.ttl checks it.

Every statement is collected as plain data, de-duplicated and sorted before
it is written, so the same input always gives byte-identical files. The
statements of articles' spans, selectors and sentences (nine triples in ten)
are records written from a template; the rest are (predicate, object) pairs.
The Turtle is written as text in the form pyoxigraph gives (kg.export.turtle);
pyoxigraph and rdflib remain as writers to compare with.
"""
from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Iterable

from kg.atomic import atomic_open, atomic_write
from kg.clean import display_text
from kg.config import DEFAULTS, Provenance, RdfFormat
from kg.export.time_rdf import describe_timeline
from kg.export.turtle import TurtleTerms, quoted, statement_writer, write_texts, write_turtle_text
from kg.model import (COOCCURS, ENTITY_TYPES, HOLDS_POST, IMPLEMENTS, LOCATED_IN, MEMBER_OF,
                      CleanDocument, Entity, Evidence, KnowledgeGraph, Relation)
from kg.vocab import (DCTERMS, DEFAULT_BASE_IRI, KG, OA, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, all_prefixes,
                      compact, normalize_base_iri, term)

PROVENANCE_LEVELS = tuple(p.value for p in Provenance)
FORMATS = tuple(f.value for f in RdfFormat)

RDF_TYPE = term(RDF.type)
XSD_INTEGER = term(XSD.integer)
XSD_DECIMAL = term(XSD.decimal)

# The typed relations and the property each becomes.
RELATION_PROPERTY = {
    HOLDS_POST: term(ORG.holds),
    MEMBER_OF: term(ORG.memberOf),
    LOCATED_IN: term(SDO.containedInPlace),
    IMPLEMENTS: term(KG.implements),
}
class _T:
    """The terms the builder writes, resolved once from the closed namespaces."""
    date = term(DCTERMS.date)
    identifier = term(DCTERMS.identifier)
    isPartOf = term(DCTERMS.isPartOf)
    source = term(DCTERMS.source)
    title = term(DCTERMS.title)
    role = term(KG.role)
    CoOccurrence = term(KG.CoOccurrence)
    Mention = term(KG.Mention)
    Evidence = term(KG.Evidence)
    Sentence = term(KG.Sentence)
    Statement = term(KG.Statement)
    cooccursWith = term(KG.cooccursWith)
    count = term(KG.count)
    entity = term(KG.entity)
    evidence = term(KG.evidence)
    inDocument = term(KG.inDocument)
    index = term(KG.index)
    key = term(KG.key)
    mention = term(KG.mention)
    mentionCount = term(KG.mentionCount)
    pmi = term(KG.pmi)
    sentence = term(KG.sentence)
    text = term(KG.text)
    SpecificResource = term(OA.SpecificResource)
    TextPositionSelector = term(OA.TextPositionSelector)
    TextQuoteSelector = term(OA.TextQuoteSelector)
    hasSource = term(OA.hasSource)
    hasSelector = term(OA.hasSelector)
    prefix = term(OA.prefix)
    suffix = term(OA.suffix)
    end = term(OA.end)
    exact = term(OA.exact)
    start = term(OA.start)
    Post = term(ORG.Post)
    postIn = term(ORG.postIn)
    wasDerivedFrom = term(PROV.wasDerivedFrom)
    object = term(RDF.object)
    predicate = term(RDF.predicate)
    subject = term(RDF.subject)
    label = term(RDFS.label)
    NewsArticle = term(SDO.NewsArticle)
    DigitalDocument = term(SDO.DigitalDocument)
    NewsMediaOrganization = term(SDO.NewsMediaOrganization)
    PropertyValue = term(SDO.PropertyValue)
    additionalProperty = term(SDO.additionalProperty)
    alternativeHeadline = term(SDO.alternativeHeadline)
    name = term(SDO.name)
    publisher = term(SDO.publisher)
    url = term(SDO.url)
    value = term(SDO.value)
    containedInPlace = term(SDO.containedInPlace)
    mentions = term(SDO.mentions)
    altLabel = term(SKOS.altLabel)
    notation = term(SKOS.notation)
    prefLabel = term(SKOS.prefLabel)
    xsd_date = term(XSD.date)
    gYear = term(XSD.gYear)
    gYearMonth = term(XSD.gYearMonth)


_TYPE_CLASS = {t: term(KG[t]) for t in ENTITY_TYPES}

# Characters of the original text kept before and after a mention in its quote selector.
QUOTE_CONTEXT = 12

# An object is (0, iri, "", "") or (1, lexical form, datatype or "", language or "").
Obj = tuple[int, str, str, str]
Triple = tuple[str, str, Obj]


# --------------------------------------------------------------------------- IRIs

_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.:@")
# Separators, controls, format and private-use characters are legal in few IRI
# positions or invisible on screen: they are percent-encoded like ASCII punctuation.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def _keep(ch: str) -> bool:
    if ch in _SAFE_ASCII:
        return True
    if ord(ch) < 0xA0 or unicodedata.category(ch) in _UNSAFE_CATEGORIES:
        return False
    return not (0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE)


@lru_cache(maxsize=1 << 18)
def iri_segment(text: str) -> str:
    """``text`` as one readable IRI path segment: Chinese stays as is, the rest is %-encoded.

    A final ``.`` is encoded too: rdflib's Turtle parser rejects a prefixed
    name that ends with an escaped dot.

    >>> iri_segment("County:盐湖区:140802")
    'County:盐湖区:140802'
    >>> iri_segment('a/b <"x"> 100%.')
    'a%2Fb%20%3C%22x%22%3E%20100%25%2E'
    """
    out = []
    for ch in text:
        if _keep(ch):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    if out and out[-1] == ".":
        out[-1] = "%2E"
    return "".join(out)


def iri_for_entity(key: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The IRI of the entity with canonical key ``key``.

    >>> iri_for_entity("Person:王建华")
    'https://kg.example.org/id/entity/Person:王建华'
    """
    return normalize_base_iri(base_iri) + "entity/" + iri_segment(key)


def iri_for_post(label: str, body: str = "", base_iri: str = DEFAULT_BASE_IRI) -> str:
    """One post per (label, body): ``post/市委书记`` or ``post/市委书记/Organization:运城市委``."""
    tail = iri_segment(label) + ("/" + iri_segment(body) if body else "")
    return normalize_base_iri(base_iri) + "post/" + tail


# --------------------------------------------------------------------------- terms

def _iri(value: str) -> Obj:
    return (0, value, "", "")


def _text(value: str, lang: str = "") -> Obj:
    return (1, _clean(value), "", lang)


def _integer(value: int) -> Obj:
    return (1, str(int(value)), XSD_INTEGER, "")


def _decimal(value: float) -> Obj | None:
    if not math.isfinite(value):
        return None
    text = f"{value:.6f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return (1, "0.0" if text == "-0.0" else text, XSD_DECIMAL, "")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Replace lone surrogates (from undecodable bytes), which no RDF syntax can carry."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")

_DATE_TYPES = ((re.compile(r"^\d{4}-\d{2}-\d{2}$"), _T.xsd_date),
               (re.compile(r"^\d{4}-\d{2}$"), _T.gYearMonth),
               (re.compile(r"^\d{4}$"), _T.gYear))


def _date(value: str) -> Obj:
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return (1, value, datatype, "")
    return _text(value)


# --------------------------------------------------------------------------- triples

class _Builder:
    """Collects the triples of one knowledge graph."""

    def __init__(self, kg: KnowledgeGraph, base_iri: str, provenance: Provenance | str):
        if provenance not in PROVENANCE_LEVELS:
            raise ValueError(f"provenance must be one of {', '.join(PROVENANCE_LEVELS)}, got {provenance!r}")
        provenance = Provenance(provenance)
        self.kg = kg
        self.base = normalize_base_iri(base_iri)
        self.mentions = provenance in (Provenance.MENTIONS, Provenance.FULL)
        self.full = provenance == Provenance.FULL
        # Grouped by subject: sorting a few subjects and many short lists is much faster
        # than sorting every triple by its long, shared-prefix subject IRI.
        # Lists, not sets: a set of six entries takes 700 bytes, and most subjects
        # (mention selectors) have six; duplicates go when a subject is sorted.
        self.nodes: defaultdict[str, list[tuple[str, Obj]]] = defaultdict(list)
        self._pairs: dict[tuple[str, Obj], tuple[str, Obj]] = {}
        self.docs: dict[str, CleanDocument] = {d.document.id: d for d in kg.documents}
        self._doc_iris: dict[str, str] = {}
        self._entity_iris: dict[str, str] = {}
        self._file_iris: dict[str, str] = {}
        self._sentences: set[str] = set()   # sentence nodes already described
        # The spans, selectors and sentences of the articles (nine in ten triples): each
        # subject's statement as one record (:data:`SPAN` …), written from a template
        # rather than triple by triple; ``pairs_of`` gives its triples.
        self.records: dict[str, tuple] = {}
        # (doc, sentence) -> [(entity key, mention IRI)], for the mentions a relation rests on.
        self.mentions_by_sentence: dict[tuple[str, int], list[tuple[str, str]]] = {}
        # Articles -> their mentions, when the mentions' records are made an article at a time as
        # the Turtle is written (:meth:`collect` with ``mentions_apart``), not all held at once.
        self.mentions_by_doc: dict[str, list] | None = None

    def add(self, s: str, p: str, o: Obj | None) -> None:
        if o is not None:
            # One (predicate, object) pair a distinct value: six in seven are
            # repeats (types, documents, small integers), and a large graph has
            # millions of triples.
            self.nodes[s].append(self.pair(p, o))

    def pair(self, p: str, o: Obj) -> tuple[str, Obj]:
        """The one (predicate, object) pair of these values."""
        pair = (p, o)
        return self._pairs.setdefault(pair, pair)

    def typed(self, s: str, cls: str) -> None:
        # "" stands for rdf:type so that sorting puts it first: a reader looks for it first.
        pair = ("", (0, cls, "", ""))
        self.nodes[s].append(self._pairs.setdefault(pair, pair))

    def entity(self, key: str) -> str:
        iri = self._entity_iris.get(key)
        if iri is None:
            iri = self._entity_iris[key] = self.base + "entity/" + iri_segment(key)
        return iri

    def doc(self, doc_id: str) -> str:
        iri = self._doc_iris.get(doc_id)
        if iri is None:
            iri = self._doc_iris[doc_id] = self.base + "doc/" + iri_segment(doc_id)
        return iri

    def file_of(self, doc_id: str) -> str:
        """The IRI of the file an article was read from: its offsets are offsets into that file's text."""
        cdoc = self.docs.get(doc_id)
        file_id = cdoc.document.file if cdoc is not None else doc_id
        iri = self._file_iris.get(file_id)
        if iri is None:
            iri = self._file_iris[file_id] = self.base + "file/" + iri_segment(file_id)
        return iri

    def build(self) -> list[Triple]:
        self.collect()
        return list(self.sorted_triples())

    def collect(self, mentions_apart: bool = False) -> None:
        """Every statement of the graph; with ``mentions_apart`` (and no evidence spans to link to them),
        the records of the mentions are left to :meth:`sorted_subjects`, which makes them an article
        at a time (nine in ten triples, never all in memory at once)."""
        if mentions_apart and self.mentions and not self.full:
            self.mentions_by_doc = defaultdict(list)
        for cdoc in self.kg.documents:
            self.document(cdoc)
        for key in sorted(self.kg.entities):
            self.entity_node(self.kg.entities[key])
        typed, cooc = _typed_and_cooccurrences(self.kg.relations)
        for rel in typed:
            self.relation(rel)
        for rel in cooc:
            self.cooccurrence(rel)
        describe_timeline(self, self.kg, iri_segment)

    def used_prefixes(self, prefixes: dict[str, str]) -> dict[str, str]:
        iris = {p or RDF_TYPE for p, _ in self._pairs}   # every distinct (predicate, object) once
        iris.update(o[1] if o[0] == 0 else o[2] for _, o in self._pairs)
        iris.update(self.nodes)
        # A record's objects are its article's children (themselves subjects), its article, its file.
        iris.update(RECORD_TERMS)
        # A record's subject lies under its article, where no declared namespace lies: the
        # article's folder stands for it.
        iris.update(record[1] + "/" for record in self.records.values())
        iris.update(record[1] for record in self.records.values())
        iris.update(record[4] for record in self.records.values() if record[0] in (SPAN, SENTENCE))
        if all(ns.endswith(("/", "#")) for ns in prefixes.values()):
            # Such a namespace starts an IRI exactly when it starts the IRI's
            # folder (all but the last segment): a million IRIs share a few.
            iris = {_folder(i) for i in iris}
        return _prefixes_of(iris, prefixes)

    def sorted_subjects(self):
        """Each subject in order with its statement: a record (a tuple whose first item names its
        kind) or its (predicate, object) pairs in order, without duplicates. Each subject is let
        go once listed."""
        nodes, self.nodes, self._pairs = self.nodes, defaultdict(list), {}
        records, self.records = self.records, {}
        listed = _listed(nodes, records)
        if self.mentions_by_doc is None:
            for s, statement in listed:
                yield s, _alone(statement)
            return
        by_doc, self.mentions_by_doc = self.mentions_by_doc, None
        articles = itertools.chain.from_iterable(self._article_records(group) for group in _article_groups(
            sorted((self.doc(doc_id), doc_id) for doc_id in by_doc), by_doc))
        yield from _merged(listed, articles)

    def _article_records(self, group: list[tuple[str, list]]):
        """The mentions' records of a group of articles, in order (see :func:`_article_groups`)."""
        self.records, self.nodes, self._sentences = {}, defaultdict(list), set()
        for _, mentions in group:
            self.article_mentions(mentions)
        records, nodes = self.records, self.nodes
        self.records, self.nodes = {}, defaultdict(list)
        yield from _listed(nodes, records)

    def article_mentions(self, mentions: list) -> None:
        """The records of one article's mentions: the statements :meth:`span` and :meth:`quote` make of
        each, with what the mentions share (the article's IRIs and text) looked up once."""
        doc_id = mentions[0].doc_id
        d, file, record = self.doc(doc_id), self.file_of(doc_id), self.record
        cdoc = self.docs.get(doc_id)
        # Cleaning replaces a character by one character: a slice of the cleaned text is the cleaned slice.
        written = _clean(cdoc.document.as_written) if cdoc is not None else ""
        sentences: dict[int, str] = {}   # index -> the sentence's name under the article, "" for none
        for m in mentions:
            start, end = int(m.start), int(m.end)
            name = f"m{start}-{end}"
            node = f"{d}/{name}"
            pos, quote = name + "/pos", name + "/quote"
            record(f"{node}/pos", (POSITION, d, pos, start, end))
            if written:
                record(f"{node}/quote", (QUOTE, d, quote, written[m.start:m.end],
                                         written[max(0, m.start - QUOTE_CONTEXT):m.start],
                                         written[m.end:m.end + QUOTE_CONTEXT]))
            else:
                record(f"{node}/quote", (QUOTE, d, quote, _clean(m.text), None, None))
            sent = sentences.get(m.sentence)
            if sent is None:
                sent = self.sentence(doc_id, m.sentence)
                sent = sentences[m.sentence] = sent and sent[len(d) + 1:]
            record(node, (SPAN, d, name, _T.Mention, file, sent, (pos, quote)))

    def sorted_nodes(self):
        """Each subject in order with its (predicate, object) pairs in order, without duplicates."""
        for s, statement in self.sorted_subjects():
            if isinstance(statement, tuple):
                statement = sorted(set(pairs_of(statement)))
            yield s, [(p or RDF_TYPE, o) for p, o in statement]

    def sorted_triples(self):
        """The collected triples in order, without duplicates; each subject is let go once listed."""
        for s, pairs in self.sorted_nodes():
            for p, o in pairs:
                yield s, p, o

    def document(self, cdoc: CleanDocument) -> None:
        """An article (a story), the file it is part of, and what is known of it."""
        doc = cdoc.document
        d = self.doc(doc.id)
        f = self.file_of(doc.id)
        self.typed(f, _T.DigitalDocument)
        self.add(f, _T.identifier, _text(doc.file))
        self.add(f, _T.source, _text(doc.path))
        self.typed(d, _T.NewsArticle)
        self.add(d, _T.identifier, _text(doc.id))
        self.add(d, _T.source, _text(doc.path))
        self.add(d, _T.isPartOf, _iri(f))
        # The story is a span of its file, located as a Web Annotation segment is.
        self.add(d, _T.hasSource, _iri(f))
        self.add(d, _T.hasSelector, _iri(f"{d}/{self.position(d, '', doc.start, doc.stop)}"))
        self.article_facts(d, cdoc)

    def article_facts(self, d: str, cdoc: CleanDocument) -> None:
        """Title, other headlines, date, newspaper, address and the user's variables of an article."""
        title = cdoc.title.strip()
        if title:
            self.add(d, _T.title, _text(title, "zh"))
        for line in cdoc.headlines:
            if line.strip() and line.strip() != title:
                self.add(d, _T.alternativeHeadline, _text(line.strip(), "zh"))
        if cdoc.date.strip():
            self.add(d, _T.date, _date(cdoc.date.strip()))
        if cdoc.newspaper.strip():
            paper = self.base + "paper/" + iri_segment(cdoc.newspaper.strip())
            self.typed(paper, _T.NewsMediaOrganization)
            self.add(paper, _T.label, _text(cdoc.newspaper.strip(), "zh"))
            self.add(paper, _T.name, _text(cdoc.newspaper.strip(), "zh"))
            self.add(d, _T.publisher, _iri(paper))
        if cdoc.url.strip():
            self.add(d, _T.url, _iri(cdoc.url.strip()) if _ABSOLUTE_IRI.match(cdoc.url.strip()) else _text(cdoc.url))
        for name, value in cdoc.variables:
            node = f"{d}/var/{iri_segment(name)}"
            self.typed(node, _T.PropertyValue)
            self.add(node, _T.name, _text(name))
            self.add(node, _T.value, _text(value))
            self.add(d, _T.additionalProperty, _iri(node))

    def entity_node(self, e: Entity) -> None:
        s = self.entity(e.key)
        self.typed(s, _TYPE_CLASS[e.type])
        self.add(s, _T.key, _text(e.key))
        self.add(s, _T.label, _text(e.name, "zh"))
        self.add(s, _T.prefLabel, _text(e.name, "zh"))
        for alias in sorted(e.aliases - {e.name}):
            self.add(s, _T.altLabel, _text(alias, "zh"))
        self.add(s, _T.mentionCount, _integer(e.mention_count))
        if e.code:
            self.add(s, _T.notation, _text(e.code))
        if e.parent and e.parent in self.kg.entities and e.parent != e.key:
            self.add(s, _T.containedInPlace, _iri(self.entity(e.parent)))
        for role in sorted(e.roles):
            self.add(s, _T.role, _text(role))
        mentioned = self.pair(_T.mentions, _iri(s))
        for m in e.mentions:
            d = self.doc(m.doc_id)
            self.nodes[d].append(mentioned)
            if self.mentions_by_doc is not None:
                self.mentions_by_doc[m.doc_id].append(m)
                self.add(s, _T.mention, _iri(f"{d}/{_span_name(_T.Mention, m.start, m.end)}"))
            elif self.mentions:
                node = self.span(m.doc_id, m.sentence, m.start, m.end, _T.Mention)
                self.quote(node, m)
                self.add(s, _T.mention, _iri(node))
                self.mentions_by_sentence.setdefault((m.doc_id, m.sentence), []).append((e.key, node))

    def span(self, doc_id: str, sentence: int, start: int, end: int, cls: str, text: str = "") -> str:
        """A span of an article as a Web Annotation specific resource of class ``cls`` (kg:Mention
        or kg:Evidence): the article is its source, a position selector says where, and it
        links to its sentence."""
        d = self.doc(doc_id)
        name = _span_name(cls, start, end)
        pos = self.position(d, name, start, end)
        sent = self.sentence(doc_id, sentence, text)
        self.record(f"{d}/{name}", (SPAN, d, name, cls, self.file_of(doc_id), sent and sent[len(d) + 1:], (pos,)))
        return f"{d}/{name}"

    def position(self, d: str, name: str, start: int, end: int) -> str:
        """The position selector of the span ``name`` of article ``d`` ("" for the article itself);
        its name under the article."""
        selector = f"{name}/pos" if name else "pos"
        self.record(f"{d}/{selector}", (POSITION, d, selector, int(start), int(end)))
        return selector

    def quote(self, node: str, m) -> None:
        """The mention's text and a few characters around it, as they stand in the file (before any
        conversion of script, so the quote is found in the file as written)."""
        text = self.docs[m.doc_id].document.as_written if m.doc_id in self.docs else ""
        d = self.doc(m.doc_id)
        name = node[len(d) + 1:] + "/quote"
        if text:
            self.record(f"{d}/{name}", (QUOTE, d, name, _clean(text[m.start:m.end]),
                                        _clean(text[max(0, m.start - QUOTE_CONTEXT):m.start]),
                                        _clean(text[m.end:m.end + QUOTE_CONTEXT])))
        else:
            self.record(f"{d}/{name}", (QUOTE, d, name, _clean(m.text), None, None))
        span = self.records.get(node)
        if span is not None and span[0] == SPAN and span[1] == d:
            self.records[node] = span[:6] + (tuple(sorted({*span[6], name})),)
        else:
            self.add(node, _T.hasSelector, _iri(f"{d}/{name}"))

    def sentence(self, doc_id: str, index: int, fallback_text: str = "") -> str:
        cdoc = self.docs.get(doc_id)
        sent = cdoc.sentences[index] if cdoc and 0 <= index < len(cdoc.sentences) else None
        if sent is None and not fallback_text:
            return ""
        d = self.doc(doc_id)
        name = f"s{int(index)}"
        node = f"{d}/{name}"
        if sent is None:
            self.typed(node, _T.Sentence)
            self.add(node, _T.index, _integer(index))
            self.add(node, _T.hasSource, _iri(self.file_of(doc_id)))
            self.add(node, _T.inDocument, _iri(d))
            self.add(node, _T.text, _text(display_text(fallback_text)))
            return node
        # A sentence holds many mentions: its own statement is made once.
        if node in self._sentences:
            return node
        self._sentences.add(node)
        pos = self.position(d, name, sent.start, sent.end) if sent.offsets else ""
        self.record(node, (SENTENCE, d, name, int(index), self.file_of(doc_id), _clean(display_text(sent.text)), pos))
        return node

    def record(self, subject: str, record: tuple) -> None:
        """The statement of ``subject`` as a record; a second, different record of it becomes triples."""
        old = self.records.setdefault(subject, record)
        if old != record:
            del self.records[subject]
            for p, o in pairs_of(old) + pairs_of(record):
                self.nodes[subject].append((p, o))

    def relation(self, rel: Relation) -> None:
        if rel.head not in self.kg.entities:
            return
        head = self.entity(rel.head)
        prop = RELATION_PROPERTY[rel.kind]
        if rel.kind == HOLDS_POST:
            body = rel.body if rel.body in self.kg.entities else ""
            obj, ends = self.post(rel.tail, body), (rel.head, body)
            path = (rel.kind, rel.head, rel.tail, body) if body else (rel.kind, rel.head, rel.tail)
        elif rel.tail in self.kg.entities and rel.tail != rel.head:
            obj, ends = self.entity(rel.tail), (rel.head, rel.tail)
            path = (rel.kind, rel.head, rel.tail)
        else:
            return
        self.add(head, prop, _iri(obj))
        st = self.base + "rel/" + "/".join(iri_segment(part) for part in path)
        self.typed(st, _T.Statement)
        self.add(st, _T.subject, _iri(head))
        self.add(st, _T.predicate, _iri(prop))
        self.add(st, _T.object, _iri(obj))
        self.counted(st, rel)
        if self.full:
            self.derived_from_mentions(st, rel.evidence, {k for k in ends if k})

    def post(self, label: str, body: str) -> str:
        node = iri_for_post(label, body, self.base)
        self.typed(node, _T.Post)
        self.add(node, _T.label, _text(label, "zh"))
        if body:
            self.add(node, _T.postIn, _iri(self.entity(body)))
        return node

    def cooccurrence(self, rel: Relation) -> None:
        a, b = sorted((rel.head, rel.tail))
        if a == b or a not in self.kg.entities or b not in self.kg.entities:
            return
        ia, ib = self.entity(a), self.entity(b)
        self.add(ia, _T.cooccursWith, _iri(ib))
        self.add(ib, _T.cooccursWith, _iri(ia))
        node = f"{self.base}cooc/{iri_segment(a)}/{iri_segment(b)}"
        self.typed(node, _T.CoOccurrence)
        self.add(node, _T.entity, _iri(ia))
        self.add(node, _T.entity, _iri(ib))
        self.add(node, _T.pmi, _decimal(rel.pmi))
        self.counted(node, rel)

    def counted(self, node: str, rel: Relation) -> None:
        """Count, source articles and, at full provenance, the passages of a relation node."""
        self.add(node, _T.count, _integer(rel.count or len({(e.doc_id, e.sentence) for e in rel.evidence})))
        # In any order: a subject's pairs are sorted when it is written.
        for doc_id in {e.doc_id for e in rel.evidence}:
            self.add(node, _T.inDocument, _iri(self.doc(doc_id)))
        if self.full:
            for ev in rel.evidence:
                sel = self.span(ev.doc_id, ev.sentence, ev.start, ev.end, _T.Evidence, ev.text)
                self.add(node, _T.evidence, _iri(sel))

    def derived_from_mentions(self, node: str, evidence: list[Evidence], keys: set[str]) -> None:
        """Link a statement to the mentions of its ends in the sentences that state it."""
        for ev in evidence:
            for key, mention in self.mentions_by_sentence.get((ev.doc_id, ev.sentence), ()):
                if key in keys:
                    self.add(node, _T.wasDerivedFrom, _iri(mention))


def _span_name(cls: str, start: int, end: int) -> str:
    """The name of a span under its article: m12-15 for a mention, e12-15 for evidence."""
    return f"{'m' if cls == _T.Mention else 'e'}{int(start)}-{int(end)}"


def _listed(nodes: dict[str, list], records: dict[str, tuple]):
    """(subject, record or its unsorted pairs) in the order of subjects; each let go once listed."""
    for s in sorted(itertools.chain(nodes.keys() - records.keys(), records)):
        record = records.pop(s, None)
        if record is not None and s in nodes:
            yield s, nodes.pop(s) + pairs_of(record)   # a record and triples of one subject: all triples
        else:
            yield s, record if record is not None else nodes.pop(s)


def _merged(listed, articles):
    """(subject, statement) in the order of subjects from the graph's subjects and the mentions' records,
    each in that order (:func:`_listed`).

    Neither lists a subject twice (an article's subjects lie under its IRI, and no article's IRI
    lies under another's: a "/" in an id is percent-encoded), so a subject comes from one or both.
    """
    article = next(articles, None)
    for s, statement in listed:
        while article is not None and article[0] < s:
            yield article[0], _alone(article[1])
            article = next(articles, None)
        if article is not None and article[0] == s:
            yield s, _statement([statement, article[1]])
            article = next(articles, None)
        else:
            yield s, _alone(statement)
    if article is not None:
        yield article[0], _alone(article[1])
    for s, statement in articles:
        yield s, _alone(statement)


def _alone(statement):
    """The statement of a subject one source lists: its record, or its pairs in order without duplicates."""
    return statement if isinstance(statement, tuple) else sorted(set(statement))


def _statement(found: list):
    """One subject's statement from what each source listed of it: its record when that is all, else
    its (predicate, object) pairs in order ("" for rdf:type, first), without duplicates."""
    records = {st for st in found if isinstance(st, tuple)}
    if len(records) == 1 and all(isinstance(st, tuple) for st in found):
        return next(iter(records))
    return sorted({pair for st in found for pair in (pairs_of(st) if isinstance(st, tuple) else st)})


def _article_groups(articles: list[tuple[str, str]], by_doc: dict[str, list]):
    """The articles (IRI, id; sorted by IRI) in runs whose subjects are contiguous in the order of
    subjects: an article whose IRI starts with the run's first one (…/p3 and …/p3-2: …/p3-2/m1
    sorts before …/p3/m1) joins its run."""
    group: list[tuple[str, list]] = []
    first = ""
    for iri, doc_id in articles:
        if group and not iri.startswith(first):
            yield group
            group = []
        if not group:
            first = iri
        group.append((iri, by_doc.pop(doc_id)))
    if group:
        yield group


# --------------------------------------------------------------------------- records

# The kinds of record: a span (kg:Mention or kg:Evidence), its position and quote
# selectors, a sentence. Each is (kind, article IRI, name under the article, fields…).
SPAN, POSITION, QUOTE, SENTENCE = "span", "position", "quote", "sentence"
RECORD_TERMS = (RDF_TYPE, _T.Mention, _T.Evidence, _T.Sentence, _T.TextPositionSelector, _T.TextQuoteSelector,
                _T.hasSelector, _T.hasSource, _T.inDocument, _T.sentence, _T.start, _T.end, _T.exact, _T.prefix,
                _T.suffix, _T.index, _T.text, XSD_INTEGER)


def pairs_of(record: tuple) -> list[tuple[str, Obj]]:
    """The (predicate, object) pairs a record stands for ("" for rdf:type), as the builder adds triples."""
    kind, d = record[0], record[1]
    if kind == SPAN:
        _, _, _, cls, file, sentence, selectors = record
        pairs = [("", _iri(cls)), (_T.hasSource, _iri(file)), (_T.inDocument, _iri(d))]
        pairs += [(_T.hasSelector, _iri(f"{d}/{name}")) for name in selectors]
        return pairs + ([(_T.sentence, _iri(f"{d}/{sentence}"))] if sentence else [])
    if kind == POSITION:
        return [("", _iri(_T.TextPositionSelector)), (_T.start, _integer(record[3])), (_T.end, _integer(record[4]))]
    if kind == QUOTE:
        _, _, _, exact, prefix, suffix = record
        pairs = [("", _iri(_T.TextQuoteSelector)), (_T.exact, (1, exact, "", ""))]
        if prefix is not None:
            pairs += [(_T.prefix, (1, prefix, "", "")), (_T.suffix, (1, suffix, "", ""))]
        return pairs
    _, _, _, index, file, text, pos = record
    pairs = [("", _iri(_T.Sentence)), (_T.index, _integer(index)), (_T.hasSource, _iri(file)),
             (_T.inDocument, _iri(d)), (_T.text, (1, text, "", ""))]
    return pairs + ([(_T.hasSelector, _iri(f"{d}/{pos}"))] if pos else [])


def _in_order(*predicates: str) -> tuple[str, ...]:
    """Predicates in the order a subject's statement lists them (by IRI)."""
    return tuple(sorted(predicates))


# The order of each record's predicates after its type: fixed, as the vocabulary is.
_SPAN_ORDER = _in_order(_T.hasSelector, _T.hasSource, _T.inDocument, _T.sentence)
_POSITION_ORDER = _in_order(_T.start, _T.end)
_QUOTE_ORDER = _in_order(_T.exact, _T.prefix, _T.suffix)
_SENTENCE_ORDER = _in_order(_T.index, _T.hasSource, _T.inDocument, _T.text, _T.hasSelector)


class _RecordText:
    """The Turtle statement of a record: what the triples of :func:`pairs_of` give, written at once.

    Each kind's statement is a template made once from the order of its predicates; its fields are
    numbered in the order :meth:`__call__` gives them, the subject first.
    """

    def __init__(self, terms: TurtleTerms) -> None:
        self.terms = terms
        self.classes = {cls: terms.shared_iri(cls) for cls in (_T.Mention, _T.Evidence)}

        def template(cls: str | None, order: tuple[str, ...], fields: dict[str, int]) -> str:
            head = "{0} a " + (terms.shared_iri(cls) if cls else "{1}")
            body = "".join(f" ;\n\t{terms.predicate(p)} {{{fields[p]}}}" for p in order if p in fields)
            return head + body + " .\n"

        span = {_T.hasSelector: 2, _T.hasSource: 3, _T.inDocument: 4, _T.sentence: 5}
        self.span = template(None, _SPAN_ORDER, span)
        self.span_alone = template(None, _SPAN_ORDER, {k: v for k, v in span.items() if k != _T.sentence})
        self.position = template(_T.TextPositionSelector, _POSITION_ORDER, {_T.start: 1, _T.end: 2})
        self.quote = template(_T.TextQuoteSelector, _QUOTE_ORDER, {_T.exact: 1, _T.prefix: 2, _T.suffix: 3})
        self.quote_alone = template(_T.TextQuoteSelector, _QUOTE_ORDER, {_T.exact: 1})
        sentence = {_T.index: 1, _T.hasSource: 2, _T.inDocument: 3, _T.text: 4, _T.hasSelector: 5}
        self.sentence = template(_T.Sentence, _SENTENCE_ORDER, sentence)
        self.sentence_alone = template(_T.Sentence, _SENTENCE_ORDER, {k: v for k, v in sentence.items() if v != 5})

    def __call__(self, record: tuple) -> str:
        terms, kind, d, name = self.terms, record[0], record[1], record[2]
        child, iri = terms.child, terms.shared_iri
        s = child(d, name)
        # The integers of a record (offsets, an index) are written bare: their decimal digits are
        # Turtle's own form of an xsd:integer.
        if kind == POSITION:
            return self.position.format(s, str(record[3]), str(record[4]))
        if kind == SPAN:
            _, _, _, cls, file, sentence, selectors = record
            chosen = " , ".join([child(d, n) for n in sorted(set(selectors))])
            cls_text = self.classes.get(cls) or iri(cls)
            if sentence:
                return self.span.format(s, cls_text, chosen, iri(file), iri(d), child(d, sentence))
            return self.span_alone.format(s, cls_text, chosen, iri(file), iri(d))
        if kind == QUOTE:
            _, _, _, exact, prefix, suffix = record
            if prefix is None:
                return self.quote_alone.format(s, quoted(exact))
            return self.quote.format(s, quoted(exact), quoted(prefix), quoted(suffix))
        _, _, _, index, file, text, pos = record
        if pos:
            return self.sentence.format(s, str(index), iri(file), iri(d), quoted(text), child(d, pos))
        return self.sentence_alone.format(s, str(index), iri(file), iri(d), quoted(text))


def write_statements(subjects, f, prefixes: dict[str, str]) -> None:
    """Write the Turtle of ``subjects`` (subject, record or sorted pairs; in order) to the binary file ``f``."""
    terms = TurtleTerms(prefixes)
    record_text = _RecordText(terms)
    generic = statement_writer(terms, type_key="")

    def texts():
        for s, statement in subjects:
            yield record_text(statement) if isinstance(statement, tuple) else generic(s, statement)

    write_texts(texts(), f, prefixes)


def _typed_and_cooccurrences(relations: Iterable[Relation]) -> tuple[list[Relation], list[Relation]]:
    """The relations (merged once, by kg.relations.merge_relations) split into typed ones and co-occurrences."""
    typed = [r for r in relations if r.kind in RELATION_PROPERTY]
    return typed, [r for r in relations if r.kind == COOCCURS]


def graph_triples(kg: KnowledgeGraph, base_iri: str = DEFAULTS.base_iri,
                  provenance: Provenance | str = DEFAULTS.provenance) -> list[Triple]:
    """Every triple of ``kg``, sorted (subject, predicate, object), without duplicates."""
    return _Builder(kg, base_iri, provenance).build()


# --------------------------------------------------------------------------- writing

def write_rdf(kg: KnowledgeGraph, out_dir: Path, *, base_iri: str = DEFAULTS.base_iri,
              provenance: Provenance | str = DEFAULTS.provenance,
              formats: tuple[RdfFormat | str, ...] = DEFAULTS.rdf_formats) -> list[Path]:
    """Write graph.ttl (and graph.jsonld when asked) and ontology.ttl into ``out_dir``; return the paths."""
    try:
        formats = tuple(RdfFormat(f).value for f in formats)
    except ValueError:
        raise ValueError(f"unknown RDF format in {formats}; choose from {', '.join(FORMATS)}") from None
    out_dir = Path(out_dir)
    prefixes = all_prefixes(base_iri)
    written = []
    # Turtle alone is streamed from the builder, so a large graph's triples are
    # never all listed at once (a third of the memory of writing them).
    triples = None if formats == ("ttl",) else graph_triples(kg, base_iri, provenance)
    if "ttl" in formats:
        path = out_dir / "graph.ttl"
        if triples is None:
            builder = _Builder(kg, base_iri, provenance)
            builder.collect(mentions_apart=True)
            used = builder.used_prefixes(prefixes)
            with atomic_open(path, "wb") as f:
                write_statements(builder.sorted_subjects(), f, used)
        else:
            write_turtle(triples, path, prefixes)
        written.append(path)
    if "jsonld" in formats:
        path = out_dir / "graph.jsonld"
        with atomic_open(path, "w") as f:
            write_jsonld(triples, f, _used_prefixes(triples, prefixes))
        written.append(path)
    path = out_dir / "ontology.ttl"
    atomic_write(path, ontology_text())
    written.append(path)
    return written


def ontology_text() -> str:
    return resources.files("kg").joinpath("ontology.ttl").read_text(encoding="utf-8")


def shapes_text() -> str:
    return resources.files("kg").joinpath("shapes.ttl").read_text(encoding="utf-8")


def write_turtle(triples: list[Triple], path: Path, prefixes: dict[str, str], *, backend: str = "auto") -> None:
    """Write sorted ``triples`` as Turtle with ``prefixes``.

    ``backend`` is ``auto`` (kg.export.turtle, the text in Oxigraph's form),
    ``pyoxigraph`` or ``rdflib`` (for comparing them).
    """
    # Only the prefixes in use are declared, so the header does not depend on the backend.
    used = _used_prefixes(triples, prefixes)
    with atomic_open(path, "wb") as f:
        if backend == "pyoxigraph":
            _turtle_pyoxigraph(triples, f, used)
        elif backend == "rdflib":
            _turtle_rdflib(triples, f, used)
        else:
            nodes = ((s, [(p, o) for _, p, o in group]) for s, group in groupby(triples, key=itemgetter(0)))
            write_turtle_text(nodes, f, used)


def _folder(iri: str) -> str:
    cut = max(iri.rfind("/"), iri.rfind("#"))
    return iri[:cut + 1]


def _used_prefixes(triples: list[Triple], prefixes: dict[str, str]) -> dict[str, str]:
    iris = {t[0] for t in triples} | {t[1] for t in triples} | {o[1] if o[0] == 0 else o[2] for _, _, o in triples}
    return _prefixes_of(iris, prefixes)


def _prefixes_of(iris: set[str], prefixes: dict[str, str]) -> dict[str, str]:
    namespaces = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    used: set[str] = set()
    for iri in iris:
        for name, ns in namespaces:
            if iri.startswith(ns):
                used.add(name)
                break
    return {k: v for k, v in sorted(prefixes.items()) if k in used}


def _turtle_pyoxigraph(triples: Iterable[Triple], f, prefixes: dict[str, str]) -> None:
    import pyoxigraph as ox

    f.write("".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes.items()).encode("utf-8") + b"\n")
    ox.serialize(_ox_triples(triples, ox), _WithoutPrefixes(f), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def _ox_triples(triples: Iterable[Triple], ox):
    """``triples`` as pyoxigraph terms, each distinct IRI and typed value made once.

    Subjects come grouped, so each is made once without being remembered;
    text literals are mostly distinct and are not remembered either.
    """
    iris: dict[str, object] = {}
    typed: dict[tuple[str, str], object] = {}
    last, subject = None, None
    for s, p, o in triples:
        if s != last:
            last, subject = s, ox.NamedNode(s)
        pred = iris.get(p)
        if pred is None:
            pred = iris[p] = ox.NamedNode(p)
        kind, value, datatype, lang = o
        if kind == 0:
            term = iris.get(value)
            if term is None:
                term = iris[value] = ox.NamedNode(value)
        elif lang:
            term = ox.Literal(value, language=lang)
        elif datatype:
            term = typed.get((value, datatype))
            if term is None:
                dt = iris.get(datatype)
                if dt is None:
                    dt = iris[datatype] = ox.NamedNode(datatype)
                term = typed[(value, datatype)] = ox.Literal(value, datatype=dt)
        else:
            term = ox.Literal(value)
        yield ox.Triple(subject, pred, term)


class _WithoutPrefixes:
    """Drops the @prefix lines pyoxigraph writes (ordered by namespace length), as the
    caller has written them in alphabetical order, like rdflib does."""

    def __init__(self, f):
        self.f = f
        self.head = b""
        self.in_header = True

    def write(self, data: bytes) -> int:
        if not self.in_header:
            return self.f.write(data)
        self.head += bytes(data)
        while self.in_header and b"\n" in self.head:
            line, _, rest = self.head.partition(b"\n")
            if not line.startswith(b"@prefix "):
                self.in_header = False
                self.f.write(self.head)
                self.head = b""
            else:
                self.head = rest
        return len(data)

    def flush(self) -> None:
        if self.head:
            self.f.write(self.head)
            self.head = b""
        self.f.flush()


def _turtle_rdflib(triples: list[Triple], f, prefixes: dict[str, str]) -> None:
    import rdflib

    g = rdflib.Graph(bind_namespaces="none")
    for name, ns in prefixes.items():
        g.bind(name, ns, override=True, replace=True)
    for s, p, o in triples:
        g.add((rdflib.URIRef(s), rdflib.URIRef(p), _rdflib_term(o)))
    f.write(g.serialize(format="turtle", encoding="utf-8"))


def _rdflib_term(o: Obj):
    import rdflib

    if o[0] == 0:
        return rdflib.URIRef(o[1])
    if o[3]:
        return rdflib.Literal(o[1], lang=o[3])
    # Keep the lexical form as written: rdflib would otherwise normalise 1.50 to 1.5.
    return rdflib.Literal(o[1], datatype=rdflib.URIRef(o[2]) if o[2] else None, normalize=False)


def write_jsonld(triples: list[Triple], f, prefixes: dict[str, str]) -> None:
    """Compact JSON-LD, one node object a subject, in the order of ``triples``.

    Written directly rather than through a JSON-LD library: rdflib's writer
    orders nodes by hash (different on every run) and is slow on large graphs.
    """
    @lru_cache(maxsize=1 << 16)
    def short(iri: str) -> str:
        return compact(iri, prefixes)

    def value(o: Obj):
        if o[0] == 0:
            return {"@id": short(o[1])}
        if o[3]:
            return {"@value": o[1], "@language": o[3]}
        return {"@value": o[1], "@type": short(o[2])} if o[2] else o[1]

    f.write('{\n "@context": ')
    f.write(json.dumps(prefixes, ensure_ascii=False, sort_keys=True))
    f.write(',\n "@graph": [')
    current: str | None = None
    node: dict = {}
    first = True

    def flush():
        nonlocal first
        if current is not None:
            f.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
            first = False

    for s, p, o in triples:
        if s != current:
            flush()
            current, node = s, {"@id": short(s)}
        if p == RDF_TYPE and o[0] == 0:
            node.setdefault("@type", []).append(short(o[1]))
        else:
            node.setdefault(short(p), []).append(value(o))
    flush()
    f.write("\n ]\n}\n")
