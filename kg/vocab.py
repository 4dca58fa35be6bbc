"""The RDF vocabularies of the graph, as closed namespaces, and their prefixes.

Every term the writer, the shapes and ``kg query`` use is declared here or
in rdflib's own closed namespaces (schema.org, W3C ORG, SKOS, PROV-O, Dublin
Core), so a misspelt term is an ``AttributeError`` at import, not a new
triple. The prefixes and their compaction are shared by the Turtle and
JSON-LD writers and by the query command.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, TIME, XSD, DefinedNamespace,
                              Namespace)

__all__ = ["KG", "OA", "SDO", "ORG", "SKOS", "PROV", "DCTERMS", "RDF", "RDFS", "XSD", "OWL", "SH", "TIME",
           "DEFAULT_BASE_IRI", "VOCAB_PREFIXES", "DATA_AREAS", "normalize_base_iri", "data_prefixes",
           "all_prefixes", "compact", "term"]

DEFAULT_BASE_IRI = "https://kg.example.org/id/"


class KG(DefinedNamespace):
    """The kg ontology (kg/ontology.ttl): the few terms the standard vocabularies lack."""
    _NS = Namespace("https://kg.example.org/ontology#")
    _fail = True

    Entity: URIRef
    Person: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    County: URIRef
    Township: URIRef
    Village: URIRef
    Community: URIRef
    Estate: URIRef
    Organization: URIRef
    Program: URIRef
    Mention: URIRef
    Sentence: URIRef
    Evidence: URIRef
    Statement: URIRef
    CoOccurrence: URIRef
    key: URIRef
    mentionCount: URIRef
    mention: URIRef
    sentence: URIRef
    inDocument: URIRef
    index: URIRef
    text: URIRef
    implements: URIRef
    cooccursWith: URIRef
    entity: URIRef
    count: URIRef
    pmi: URIRef
    evidence: URIRef
    role: URIRef
    PersonnelEvent: URIRef
    eventKind: URIRef
    person: URIRef
    cue: URIRef
    postLabel: URIRef
    body: URIRef
    membership: URIRef
    statedDate: URIRef
    observedDate: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    startedBy: URIRef
    endedBy: URIRef
    post: URIRef
    place: URIRef
    rank: URIRef
    level: URIRef
    grade: URIRef
    acting: URIRef
    concurrent: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/), the terms kg uses.

    rdflib ships no namespace for it.
    """
    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef


def term(name: URIRef) -> str:
    """A term as the plain string the writers store (a ``URIRef`` is one, but slower to hash).

    >>> term(KG.mentionCount)
    'https://kg.example.org/ontology#mentionCount'
    """
    return str(name)


VOCAB_PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS), "kg": str(KG), "oa": str(OA), "org": str(ORG), "owl": str(OWL),
    "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "schema": str(SDO), "sh": str(SH),
    "skos": str(SKOS), "time": str(TIME), "xsd": str(XSD),
}

# Where each kind of node lives under the base IRI; the names are also the data prefixes.
DATA_AREAS = {"ent": "entity/", "doc": "doc/", "file": "file/", "paper": "paper/", "post": "post/", "rel": "rel/",
              "cooc": "cooc/", "spell": "spell/", "event": "event/", "role": "role/"}


def normalize_base_iri(base_iri: str) -> str:
    """Check that ``base_iri`` is absolute and make it end with ``/`` or ``#``.

    >>> normalize_base_iri("https://example.org/kg")
    'https://example.org/kg/'
    """
    import re
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", base_iri or ""):
        raise ValueError(f"base IRI must be an absolute IRI such as {DEFAULT_BASE_IRI}, got {base_iri!r}")
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


def data_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """The prefixes of the data namespaces under ``base_iri``."""
    base = normalize_base_iri(base_iri)
    return {prefix: base + area for prefix, area in DATA_AREAS.items()}


def all_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Vocabulary and data prefixes, sorted by name."""
    return dict(sorted({**VOCAB_PREFIXES, **data_prefixes(base_iri)}.items()))


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """``iri`` as ``prefix:local`` with the longest namespace that starts it, else unchanged.

    A local part that is empty or starts with ``//`` is not compacted: it
    would not read back as the same IRI.

    >>> compact("https://schema.org/NewsArticle", VOCAB_PREFIXES)
    'schema:NewsArticle'
    >>> compact("https://example.org/x", VOCAB_PREFIXES)
    'https://example.org/x'
    """
    best: str | None = None
    for name, ns in prefixes.items():
        rest = iri[len(ns):]
        if iri.startswith(ns) and rest and not rest.startswith("//") and (
                best is None or len(ns) > len(prefixes[best])):
            best = name
    return iri if best is None else f"{best}:{iri[len(prefixes[best]):]}"
