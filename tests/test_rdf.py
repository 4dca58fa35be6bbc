"""The RDF export: parseable by two independent parsers, stable, valid against the shapes."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export import rdf
from kg.export.rdf import iri_for_entity, write_rdf
from kg.vocab import DEFAULT_BASE_IRI
from kg.model import (CleanDocument, Document, Entity, Evidence, KnowledgeGraph, Mention,
                      Relation, Sentence)
from kg.query import run_query, validate

from kg.vocab import KG, OA, SKOS  # noqa: E402

DOCS = {
    "000_yuncheng.txt": ("抓基层党建述职评议会", "2025-01-09", [
        "市委书记储祥好主持会议并作点评讲话。",
        "运城市委要积极创建新时代党建引领基层治理示范区。",
        "市委副书记、代市长姚逊出席会议。",
    ]),
    "001_lishi.txt": ("以红色物业提升基层治理效能", "", [
        "离石区积极探索红色物业城市治理新模式。",
        "吕梁市离石区泛华盛世小区成立党群服务中心。",
        "山西省吕梁市推广红色物业。",
    ]),
    "003_yanhu.txt": ("微治理撬动大幸福", "2025-01", [
        "盐湖区安邑街道金海湾社区坚持党建引领。",
        "运城市盐湖区推行红色物业，储祥好到金海湾社区调研。",
    ]),
}

ENTITIES = [  # key, type, name, aliases, code, parent, surfaces as (doc, sentence, text)
    ("Person:储祥好", "Person", "储祥好", (), "", "", [("000_yuncheng.txt", 0, "储祥好"), ("003_yanhu.txt", 1, "储祥好")]),
    ("Person:姚逊", "Person", "姚逊", (), "", "", [("000_yuncheng.txt", 2, "姚逊")]),
    ("Province:山西省:140000", "Province", "山西省", ("山西",), "140000", "", [("001_lishi.txt", 2, "山西省")]),
    ("City:运城市:140800", "City", "运城市", ("运城",), "140800", "Province:山西省:140000",
     [("000_yuncheng.txt", 1, "运城市"), ("003_yanhu.txt", 1, "运城市")]),
    ("City:吕梁市:141100", "City", "吕梁市", (), "141100", "Province:山西省:140000",
     [("001_lishi.txt", 1, "吕梁市"), ("001_lishi.txt", 2, "吕梁市")]),
    ("County:盐湖区:140802", "County", "盐湖区", (), "140802", "City:运城市:140800",
     [("003_yanhu.txt", 0, "盐湖区"), ("003_yanhu.txt", 1, "盐湖区")]),
    ("County:离石区:141102", "County", "离石区", (), "141102", "City:吕梁市:141100",
     [("001_lishi.txt", 0, "离石区"), ("001_lishi.txt", 1, "离石区")]),
    ("Township:安邑街道:140802006", "Township", "安邑街道", (), "140802006", "County:盐湖区:140802",
     [("003_yanhu.txt", 0, "安邑街道")]),
    ("Community:金海湾社区@安邑街道", "Community", "金海湾社区", (), "", "Township:安邑街道:140802006",
     [("003_yanhu.txt", 0, "金海湾社区"), ("003_yanhu.txt", 1, "金海湾社区")]),
    ("Estate:泛华盛世小区@离石区", "Estate", "泛华盛世小区", (), "", "County:离石区:141102",
     [("001_lishi.txt", 1, "泛华盛世小区")]),
    ("Organization:运城市委", "Organization", "运城市委", ("市委",), "", "", [("000_yuncheng.txt", 1, "运城市委")]),
    ("Program:红色物业", "Program", "红色物业", (), "", "",
     [("001_lishi.txt", 0, "红色物业"), ("001_lishi.txt", 2, "红色物业"), ("003_yanhu.txt", 1, "红色物业")]),
    ("Program:新时代党建引领基层治理示范区", "Program", "新时代党建引领基层治理示范区", (), "", "",
     [("000_yuncheng.txt", 1, "新时代党建引领基层治理示范区")]),
]

RELATIONS = [  # kind, head, tail, body, evidence as (doc, sentence)
    ("holdsPost", "Person:储祥好", "市委书记", "Organization:运城市委", [("000_yuncheng.txt", 0)]),
    ("holdsPost", "Person:姚逊", "代市长", "", [("000_yuncheng.txt", 2)]),
    ("holdsPost", "Person:姚逊", "市委副书记", "Organization:运城市委", [("000_yuncheng.txt", 2)]),
    ("memberOf", "Person:储祥好", "Organization:运城市委", "", [("000_yuncheng.txt", 0)]),
    ("locatedIn", "County:盐湖区:140802", "City:运城市:140800", "", [("003_yanhu.txt", 1)]),
    ("locatedIn", "County:离石区:141102", "City:吕梁市:141100", "", [("001_lishi.txt", 1)]),
    ("locatedIn", "City:吕梁市:141100", "Province:山西省:140000", "", [("001_lishi.txt", 2)]),
    ("implements", "County:离石区:141102", "Program:红色物业", "", [("001_lishi.txt", 0)]),
    ("implements", "County:盐湖区:140802", "Program:红色物业", "", [("003_yanhu.txt", 1)]),
    ("implements", "Organization:运城市委", "Program:新时代党建引领基层治理示范区", "", [("000_yuncheng.txt", 1)]),
]


def make_document(doc_id: str, title: str, date: str, sentences: list[str]) -> CleanDocument:
    text = "\n".join(sentences)
    built, pos = [], 0
    for i, s in enumerate(sentences):
        built.append(Sentence(doc_id, i, s, tuple(range(pos, pos + len(s)))))
        pos += len(s) + 1
    return CleanDocument(Document(doc_id, f"corpus/{doc_id}", text), tuple(built), title, date)


def sample_kg(extra_docs: dict | None = None, extra_entities: list | None = None,
              extra_relations: list | None = None) -> KnowledgeGraph:
    """A dozen entities from three short articles in the shape of the seed corpus."""
    docs = {k: make_document(k, *v) for k, v in {**DOCS, **(extra_docs or {})}.items()}
    entities = {}
    for key, typ, name, aliases, code, parent, surfaces in ENTITIES + (extra_entities or []):
        mentions = []
        for doc_id, si, surface in surfaces:
            sent = docs[doc_id].sentences[si]
            i = sent.text.index(surface)
            start, end = sent.span(i, i + len(surface))
            mentions.append(Mention(doc_id, si, start, end, docs[doc_id].document.text[start:end], surface, typ))
        entities[key] = Entity(key, typ, name, set(aliases) | {name}, code, parent, mentions)
    relations = []
    for kind, head, tail, body, ev in RELATIONS + (extra_relations or []):
        relations.append(Relation(kind, head, tail, [_evidence(docs, d, s) for d, s in ev], body=body))
    relations += _cooccurrences(docs, entities)
    return KnowledgeGraph(list(docs.values()), entities, relations)


def _evidence(docs, doc_id, si) -> Evidence:
    sent = docs[doc_id].sentences[si]
    return Evidence(doc_id, si, sent.start, sent.end, sent.text)


def _cooccurrences(docs, entities) -> list[Relation]:
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for e in entities.values():
        for m in e.mentions:
            by_sentence.setdefault((m.doc_id, m.sentence), set()).add(e.key)
    pairs: dict[tuple[str, str], list[Evidence]] = {}
    for (doc_id, si), keys in sorted(by_sentence.items()):
        for a in sorted(keys):
            for b in sorted(keys):
                if a < b:
                    pairs.setdefault((a, b), []).append(_evidence(docs, doc_id, si))
    return [Relation("cooccursWith", a, b, ev, count=len(ev), pmi=1.0 / len(ev) + len(a) / 10)
            for (a, b), ev in sorted(pairs.items())]


def parse_both(path: Path) -> tuple[rdflib.Graph, list]:
    g = rdflib.Graph().parse(path, format="turtle")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(g)
    return g, quads


@pytest.fixture()
def built(tmp_path) -> Path:
    write_rdf(sample_kg(), tmp_path, provenance="full", formats=("ttl", "jsonld"))
    return tmp_path


def test_writes_graph_ontology_and_jsonld(built):
    assert sorted(p.name for p in built.iterdir()) == ["graph.jsonld", "graph.ttl", "ontology.ttl"]
    g, _ = parse_both(built / "graph.ttl")
    onto, _ = parse_both(built / "ontology.ttl")
    assert len(g) > 300 and len(onto) > 100
    jsonld = rdflib.Graph().parse(built / "graph.jsonld", format="json-ld")
    assert isomorphic(g, jsonld)
    assert "@context" in json.loads((built / "graph.jsonld").read_text(encoding="utf-8"))


def test_turtle_is_readable(built):
    text = (built / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix schema: <https://schema.org/> ." in text
    assert 'ent:Person:储祥好 a kg:Person' in text
    assert '"储祥好"@zh' in text


def test_entities_documents_and_posts(built):
    g, _ = parse_both(built / "graph.ttl")
    person = rdflib.URIRef(iri_for_entity("Person:储祥好"))
    assert (person, rdflib.RDF.type, KG.Person) in g
    assert g.value(person, SKOS.prefLabel) == rdflib.Literal("储祥好", lang="zh")
    assert g.value(person, KG.mentionCount).toPython() == 2
    city = rdflib.URIRef(iri_for_entity("City:运城市:140800"))
    assert g.value(city, SKOS.notation) == rdflib.Literal("140800")
    assert rdflib.Literal("运城", lang="zh") in set(g.objects(city, SKOS.altLabel))
    rows = run_query("""
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?post ?body WHERE { ?p org:holds ?x . ?x rdfs:label ?post . OPTIONAL { ?x org:postIn/rdfs:label ?body } }
        ORDER BY ?post""", graph_path=built / "graph.ttl").rows
    assert rows == [("代市长", None), ("市委书记", "运城市委"), ("市委副书记", "运城市委")]
    docs = run_query("""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?src ?date ?title WHERE { ?d a <https://schema.org/NewsArticle> ; dcterms:source ?src .
        OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:title ?title } } ORDER BY ?src""",
                     graph_path=built / "graph.ttl").rows
    assert docs[0] == ("corpus/000_yuncheng.txt", "2025-01-09", "抓基层党建述职评议会")
    assert docs[1][1] is None and docs[2][1] == "2025-01"


def test_mentions_point_at_the_source_text(built):
    kg = sample_kg()
    texts = {d.document.id: d.document.text for d in kg.documents}
    rows = run_query("""
        PREFIX kg: <https://kg.example.org/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?start ?end ?exact ?sentence WHERE {
          ?e kg:mention ?m . ?m a kg:Mention ; oa:hasSource/dcterms:identifier ?id ; kg:sentence/kg:text ?sentence ;
             oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                            [ a oa:TextQuoteSelector ; oa:exact ?exact ] }""",
                     graph_path=built / "graph.ttl").rows
    assert len(rows) == sum(len(e.mentions) for e in kg.entities.values())
    for doc_id, start, end, exact, sentence in rows:
        assert texts[doc_id][int(start):int(end)] == exact
        assert exact in sentence


def test_sentences_that_say_x_implements_y(built):
    rows = run_query("""
        PREFIX kg: <https://kg.example.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?who ?text WHERE {
          ?st rdf:predicate kg:implements ; rdf:subject/rdfs:label ?who ; rdf:object/rdfs:label "红色物业"@zh ;
              kg:evidence/kg:sentence/kg:text ?text } ORDER BY ?who""", graph_path=built / "graph.ttl").rows
    assert rows == [("盐湖区", "运城市盐湖区推行红色物业，储祥好到金海湾社区调研。"),
                    ("离石区", "离石区积极探索红色物业城市治理新模式。")]
    derived = run_query("""
        PREFIX kg: <https://kg.example.org/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact WHERE { ?st rdf:predicate kg:implements ; rdf:subject/kg:key "County:离石区:141102" ;
          prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } ORDER BY ?exact""", graph_path=built / "graph.ttl").rows
    assert derived == [("离石区",), ("红色物业",)]


def test_cooccurrence_nodes_and_links(built):
    g, _ = parse_both(built / "graph.ttl")
    a = rdflib.URIRef(iri_for_entity("County:盐湖区:140802"))
    b = rdflib.URIRef(iri_for_entity("Program:红色物业"))
    assert (a, KG.cooccursWith, b) in g and (b, KG.cooccursWith, a) in g
    nodes = [n for n in g.subjects(KG.entity, a) if (n, KG.entity, b) in g]
    assert len(nodes) == 1
    assert g.value(nodes[0], KG["count"]).toPython() == 1
    assert g.value(nodes[0], KG.pmi).datatype == rdflib.XSD.decimal
    assert len(list(g.objects(nodes[0], KG.inDocument))) == 1
    assert len(list(g.objects(nodes[0], KG.evidence))) == 1


@pytest.mark.parametrize("level", ["none", "mentions", "full"])
def test_provenance_levels(tmp_path, level):
    write_rdf(sample_kg(), tmp_path, provenance=level)
    g, _ = parse_both(tmp_path / "graph.ttl")
    mentions = len(list(g.subjects(rdflib.RDF.type, KG.Mention)))
    evidence = len(list(g.subjects(rdflib.RDF.type, KG.Evidence)))
    assert (mentions > 0, evidence > 0) == {"none": (False, False), "mentions": (True, False),
                                            "full": (True, True)}[level]
    # Relations, their counts and their articles are there at every level.
    assert len(list(g.subjects(rdflib.RDF.type, KG.Statement))) == len(RELATIONS)
    assert len(list(g.subjects(rdflib.RDF.type, KG.CoOccurrence))) > 10
    conforms, report = validate(tmp_path / "graph.ttl")
    assert conforms, report


def test_same_input_gives_identical_bytes(tmp_path):
    for name in ("a", "b"):
        write_rdf(sample_kg(), tmp_path / name, provenance="full", formats=("ttl", "jsonld"))
    for f in ("graph.ttl", "graph.jsonld", "ontology.ttl"):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()


def test_order_of_input_does_not_matter(tmp_path):
    kg = sample_kg()
    shuffled = sample_kg()
    rng = random.Random(7)
    shuffled.documents.reverse()
    keys = list(shuffled.entities)
    rng.shuffle(keys)
    shuffled.entities = {k: shuffled.entities[k] for k in keys}
    rng.shuffle(shuffled.relations)
    write_rdf(kg, tmp_path / "a", provenance="full")
    write_rdf(shuffled, tmp_path / "b", provenance="full")
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_rdflib_fallback_is_deterministic_and_equivalent(tmp_path):
    triples = rdf.graph_triples(sample_kg(), provenance="full")
    prefixes = rdf.all_prefixes()
    for name in ("a", "b"):
        rdf.write_turtle(triples, tmp_path / f"{name}.ttl", prefixes, backend="rdflib")
    rdf.write_turtle(triples, tmp_path / "ox.ttl", prefixes, backend="pyoxigraph")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert isomorphic(parse_both(tmp_path / "a.ttl")[0], parse_both(tmp_path / "ox.ttl")[0])


def _subject_iris(path: Path) -> set[str]:
    return {str(s) for s in rdflib.Graph().parse(path, format="turtle").subjects()}


def test_adding_an_article_keeps_existing_iris(tmp_path):
    write_rdf(sample_kg(), tmp_path / "before", provenance="full")
    bigger = sample_kg(
        extra_docs={"002_ruian.txt": ("机关党建", "", ["瑞安市委组织部部长邵建乐部署红色物业。"])},
        extra_entities=[("Person:邵建乐", "Person", "邵建乐", (), "", "", [("002_ruian.txt", 0, "邵建乐")]),
                        ("Organization:瑞安市委组织部", "Organization", "瑞安市委组织部", (), "", "",
                         [("002_ruian.txt", 0, "瑞安市委组织部")])],
        extra_relations=[("holdsPost", "Person:邵建乐", "部长", "Organization:瑞安市委组织部", [("002_ruian.txt", 0)])])
    write_rdf(bigger, tmp_path / "after", provenance="full")
    before, after = _subject_iris(tmp_path / "before" / "graph.ttl"), _subject_iris(tmp_path / "after" / "graph.ttl")
    assert before < after
    assert iri_for_entity("Person:邵建乐") in after


def test_base_iri_option(tmp_path):
    write_rdf(sample_kg(), tmp_path, base_iri="http://data.example.net/kg")
    g, _ = parse_both(tmp_path / "graph.ttl")
    assert rdflib.URIRef("http://data.example.net/kg/entity/Person:储祥好") in set(g.subjects())
    with pytest.raises(ValueError):
        write_rdf(sample_kg(), tmp_path, base_iri="not an iri")


def test_iris_are_readable_and_injective():
    assert iri_for_entity("Community:金海湾社区@安邑街道") == DEFAULT_BASE_IRI + "entity/Community:金海湾社区@安邑街道"
    keys = ["a/b", "a%2Fb", "a b", "a\u3000b", "a.", "a%2E", "x<y>", "x\ny"]
    assert len({iri_for_entity(k) for k in keys}) == len(keys)


HOSTILE = ['<script>"x"</script>', 'back\\slash', "{brace}", "line\nbreak\r\n", "tab\there",
           "ctl\x00\x01\x1f\x7f", "]]>", "end.", ".start", "100%", "a#b?c=d&e", "sp ace", "\u2028\u2029",
           "\ufeffbom", "\ud800lone", "'quote'", "@at", "~", "--", "é\u0301", "日本語、（）“”"]


def test_hostile_names_give_turtle_both_parsers_accept(tmp_path):
    docs = {f"weird {i}{name[:3]}.txt": ("标题" + name, "", ["名字" + name + "在这里。"]) for i, name in enumerate(HOSTILE)}
    entities, relations = [], []
    for i, name in enumerate(HOSTILE):
        doc_id = f"weird {i}{name[:3]}.txt"
        key = f"Organization:{name}"
        entities.append((key, "Organization", name, (name + "别名",), "", "", [(doc_id, 0, name)]))
        relations.append(("holdsPost", "Person:储祥好", name, key, [(doc_id, 0)]))
        relations.append(("implements", key, "Program:红色物业", "", [(doc_id, 0)]))
    kg = sample_kg(docs, entities, relations)
    write_rdf(kg, tmp_path, provenance="full", formats=("ttl", "jsonld"))
    g, quads = parse_both(tmp_path / "graph.ttl")
    assert isomorphic(g, rdflib.Graph().parse(tmp_path / "graph.jsonld", format="json-ld"))
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert "line\nbreak\r\n" in labels and "ctl\x00\x01\x1f\x7f" in labels and "]]>" in labels
    assert "\ufffdlone" in labels
    conforms, report = validate(tmp_path / "graph.ttl")
    assert conforms, report


def test_random_keys_round_trip(tmp_path):
    rng = random.Random(1)
    alphabet = [chr(c) for c in range(0, 0x250)] + list("储祥好盐湖区（）、，。“”　\u200b\ufeff")
    keys = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(300)}
    triples = [(iri_for_entity(k), rdf.RDF_TYPE, (0, str(KG.Organization), "", "")) for k in sorted(keys)]
    rdf.write_turtle(sorted(triples), tmp_path / "keys.ttl", rdf.all_prefixes())
    g, quads = parse_both(tmp_path / "keys.ttl")
    assert {str(s) for s in g.subjects()} == {iri_for_entity(k) for k in keys}
    assert {q.subject.value for q in quads} == {iri_for_entity(k) for k in keys}


def test_unknown_format_or_level_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_rdf(sample_kg(), tmp_path, formats=("xml",))
    with pytest.raises(ValueError):
        write_rdf(sample_kg(), tmp_path, provenance="some")


def test_ontology_declares_every_term_used(built):
    onto = rdflib.Graph().parse(built / "ontology.ttl", format="turtle")
    data = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    used = {str(t) for s, p, o in data for t in (p, o if p == rdflib.RDF.type else None)
            if t is not None and str(t).startswith(str(KG))}
    declared = {str(s) for s in onto.subjects(rdflib.RDF.type, None) if str(s).startswith(str(KG))}
    assert used <= declared
    for term in declared:
        t = rdflib.URIRef(term)
        langs = {o.language for o in onto.objects(t, rdflib.RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert onto.value(t, rdflib.RDFS.comment) is not None, term
        assert set(onto.objects(t, rdflib.RDFS.subClassOf)) | set(onto.objects(t, rdflib.RDFS.subPropertyOf)), term


# --------------------------------------------------------------------------- the Turtle text

def _pyoxigraph_turtle(kg, tmp_path: Path, name: str, **options) -> bytes:
    triples = rdf.graph_triples(kg, **options)
    rdf.write_turtle(triples, tmp_path / name, rdf.all_prefixes(options.get("base_iri", DEFAULT_BASE_IRI)),
                     backend="pyoxigraph")
    return (tmp_path / name).read_bytes()


@pytest.mark.parametrize("provenance", ["none", "mentions", "full"])
def test_turtle_is_byte_for_byte_what_pyoxigraph_writes(tmp_path, provenance):
    write_rdf(sample_kg(), tmp_path, provenance=provenance)
    assert (tmp_path / "graph.ttl").read_bytes() == _pyoxigraph_turtle(sample_kg(), tmp_path, "ox.ttl",
                                                                      provenance=provenance)


def test_turtle_of_hostile_names_and_another_base_is_what_pyoxigraph_writes(tmp_path):
    docs = {f"weird {i}{name[:3]}.txt": ("标题" + name, "", ["名字" + name + "在这里。"]) for i, name in enumerate(HOSTILE)}
    entities = [(f"Organization:{name}", "Organization", name, (name + "别名",), "", "",
                 [(f"weird {i}{name[:3]}.txt", 0, name)]) for i, name in enumerate(HOSTILE)]
    kg = sample_kg(docs, entities, [])
    for base in (DEFAULT_BASE_IRI, "http://data.example.net/kg#"):
        write_rdf(kg, tmp_path / "out", provenance="full", base_iri=base)
        expected = _pyoxigraph_turtle(kg, tmp_path, "ox.ttl", provenance="full", base_iri=base)
        assert (tmp_path / "out" / "graph.ttl").read_bytes() == expected


def test_turtle_written_an_article_at_a_time_is_what_pyoxigraph_writes_of_the_whole(tmp_path):
    # The mentions' records are made one run of articles at a time; an article whose IRI opens
    # another's (p.txt, p.txt-2.txt) has its subjects sorted among the other's, in one run.
    names = ["p.txt", "p.txt-2.txt", "p.txt-2.txt-b.txt", "q.txt", "p.tx.txt"]
    docs = {name: ("标题", "", ["王芳在这里。", "王芳又在这里。"]) for name in names}
    entities = [("Person:王芳", "Person", "王芳", (), "", "", [(name, k, "王芳") for name in names for k in (0, 1)])]
    kg = sample_kg(docs, entities, [])
    write_rdf(kg, tmp_path, provenance="mentions")
    assert (tmp_path / "graph.ttl").read_bytes() == _pyoxigraph_turtle(kg, tmp_path, "ox.ttl", provenance="mentions")


def test_written_terms_are_those_of_pyoxigraph():
    from kg.export.turtle import TurtleTerms
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0, 0x250)] + list("储祥好（）、，。“”　\u00b7\u0300\u203f\u2070\ufffd\ufffe\uffff")
    prefixes = {"ex": "http://example.org/x/", "exl": "http://example.org/x/long/", "n": "urn:n:"}
    terms = TurtleTerms(prefixes)
    values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(400)]
    values += ["a.", ".a", "-a", "a-", "_a", "0", "a:b", "a..b", "a.b.", "%41", "long/", "long/x"]
    triples, mine = [], []
    p, q, r = (ox.NamedNode(prefixes["ex"] + name) for name in "pqr")
    for i, v in enumerate(values):
        local = rdf.iri_segment(v) if i % 2 else v.replace(" ", "").replace("<", "").replace(">", "")
        for k, iri in enumerate((prefixes["ex"] + local, prefixes["exl"] + local, prefixes["n"] + local)):
            try:
                node = ox.NamedNode(iri)
            except ValueError:
                continue
            subject = ox.NamedNode(f"{prefixes['n']}s{i}-{k}")
            text = rdf._clean(v)
            triples += [ox.Triple(subject, p, node), ox.Triple(subject, q, ox.Literal(text)),
                        ox.Triple(subject, r, ox.Literal(text, language="zh"))]
            mine.append(f"{terms.iri(subject.value)} ex:p {terms.iri(iri)} ;\n\tex:q {terms.object((1, text, '', ''))}"
                        f" ;\n\tex:r {terms.object((1, text, '', 'zh'))} .\n")
    for value, datatype in (("12", rdf.XSD_INTEGER), ("-3", rdf.XSD_INTEGER), ("1.50", rdf.XSD_DECIMAL),
                            ("x1", rdf.XSD_INTEGER), ("2024-01-02", "http://www.w3.org/2001/XMLSchema#date")):
        subject = ox.NamedNode(prefixes["n"] + "v" + value)
        triples.append(ox.Triple(subject, p, ox.Literal(value, datatype=ox.NamedNode(datatype))))
        mine.append(f"{terms.iri(subject.value)} ex:p {terms.object((1, value, datatype, ''))} .\n")
    theirs = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    body = "".join(line + "\n" for line in theirs.split("\n")[:-1] if not line.startswith("@prefix"))
    assert body == "".join(mine)
