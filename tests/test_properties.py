"""Properties over arbitrary text: nothing raises, and every offset selects what it claims.

The strategies mix fully arbitrary Unicode with text built from the seed
articles' own fragments, cut and spliced with junk, so that the recognizers
actually fire on it. Example counts are kept small so the file runs in well
under a minute.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg import corpus
from kg.clean import clean, normalize_char
from kg.corpus import DecodeError, decode
from kg.model import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# KG_PROPERTY_SCALE=20 runs twenty times as many examples, for a search before a release.
SCALE = max(1, int(os.environ.get("KG_PROPERTY_SCALE", "1")))
FAST = settings(max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def _fragments() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[i:i + n] for i in range(0, len(text), 37) for n in (5, 23, 61)]
    return out


_ODD = ("\n", "\r\n", "\r", " ", "\u3000", "\t", "\x00", "\x07", "\x1b", "\u2028", "\u2029", "\x85", "\ufeff",
        "\u200b", "\u202e", "<", ">", "\"", "\\", "{", "}", "]]>", "<script>", "。", "”", "“", "·", "\ud7ff",
        "\U0002a6d6", "𠮷", "Ａ", "１", "\x0c", "\x1c")

arbitrary = st.text(max_size=300)
chinese = st.lists(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF) | st.sampled_from(_ODD),
                  max_size=200).map("".join)
spliced = st.lists(st.sampled_from(_fragments()) | st.sampled_from(_ODD) | st.text(max_size=8),
                   max_size=25).map("".join)
texts = st.one_of(arbitrary, chinese, spliced)


def _doc(text: str) -> Document:
    return Document(id="prop.txt", path="prop.txt", text=text)


@FAST
@given(texts)
def test_cleaner_offsets_point_at_the_characters_they_repair(text):
    cdoc = clean(_doc(text))
    last = -1
    for s in cdoc.sentences:
        assert len(s.offsets) == len(s.text)
        for ch, off in zip(s.text, s.offsets):
            assert 0 <= off < len(text)
            assert normalize_char(text[off]) == ch
            assert off > last  # in reading order, each original character used once
            last = off


@SLOW
@given(texts)
def test_recognizers_never_raise_and_mentions_select_their_text(text):
    from kg.pipeline import process_document
    result = process_document(_doc(text))
    for e in result.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text
    for r in result.relations:
        for ev in r.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)


@settings(max_examples=30 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=3))
def test_exporters_give_files_their_readers_accept(tmp_path, docs):
    import pyoxigraph as ox
    import rdflib
    import networkx as nx

    from kg.export import network, rdf, tables
    from kg.graph import build_graph
    from kg.pipeline import merge, process_document

    results = [process_document(Document(id=f"d{i}.txt", path=f"d{i}.txt", text=t)) for i, t in enumerate(docs)]
    kg = merge(results)
    graph = build_graph(kg)
    out = tmp_path / "out"
    rdf.write_rdf(kg, out, provenance="full", formats=("ttl", "jsonld"))
    tables.write_csv(kg, graph, out)
    network.write_network_files(graph, out)
    n = len(rdflib.Graph().parse(out / "graph.ttl", format="turtle"))
    assert n == len(list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)))
    assert nx.read_graphml(out / "graph.graphml").number_of_nodes() == graph.number_of_nodes()
    with open(out / "entities.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["key"] for r in rows] == sorted(kg.entities)
    assert [r["name"] for r in rows] == [kg.entities[k].name for k in sorted(kg.entities)]


@FAST
@given(st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8")) |
       texts.map(lambda t: t.encode("gb18030", "ignore")) | texts.map(lambda t: t.encode("utf-16")))
def test_decode_returns_text_or_says_why(data):
    try:
        text, encoding = decode(data)
    except DecodeError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert text == data.decode(encoding)


@FAST
@given(texts, st.integers(min_value=2, max_value=200), st.integers(min_value=1, max_value=50))
def test_parts_rebuild_the_text_and_respect_the_limit(text, limit, chunk):
    chunks = [text[i:i + chunk] for i in range(0, len(text), chunk)]
    parts = list(corpus._parts(iter(chunks), limit))
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


@FAST
@given(texts)
def test_to_simplified_keeps_every_offset(text):
    out = corpus.to_simplified_text(text)
    assert len(out) == len(text)
    for a, b in zip(text, out):
        # One character for one: each either kept or replaced by a simplified form of itself.
        assert a == b or corpus._t2s_char(a) == b or len(corpus.require_opencc().convert(a)) != 1


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。。。", "\x00", "\ufeff", "<script>", "市" * 5000])
def test_edge_texts_through_the_whole_document_path(text):
    from kg.pipeline import process_document
    result = process_document(_doc(text))
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text

