"""Turtle load and SPARQL query times, rdflib against pyoxigraph, on a synthetic graph.

Builds a KnowledgeGraph in the shape the pipeline produces (articles, sentences,
mentions, officials with posts, a place hierarchy, organizations, programs,
typed relations and co-occurrences with PMI, Chinese names throughout), writes
it with the real exporter, then times, for each backend: parsing the Turtle into
a store, and every queries/*.rq. The seed names the shipped queries ask about
(储祥好, 红色物业, 盐湖区 …) are planted so that every query has rows.

    python benchmarks/bench_query.py                    # about a million triples
    python benchmarks/bench_query.py --triples 100000   # a quick run

rdflib queries run in a forked child so that one slow query can be stopped
(--rdflib-timeout) without losing the loaded graph.
"""
from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.rdf import graph_triples, write_rdf, write_turtle  # noqa: E402
from kg.vocab import all_prefixes  # noqa: E402
from kg.model import (CleanDocument, Document, Entity, Evidence, KnowledgeGraph, Mention,  # noqa: E402
                      Relation, Sentence)
from kg.query import VOCAB_PREFIXES, load_store, query_store  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志强海燕文辉晓东立新祥好逊瑞蓉希鸿洁"
PLACE_CHARS = "安平宁丰兴盛和泰福康清河阳山川江湖海城新东西南北中华德永昌盐运吕梁晋临汾长治朔忻"
POSTS = ["书记", "副书记", "市长", "副市长", "区长", "县长", "主任", "副主任", "部长", "局长", "主席", "委员", "常委"]
ORG_SUFFIXES = ["委", "政府", "纪委", "组织部", "宣传部", "住建局", "教育局", "人大常委会", "政协", "党工委"]
PROGRAM_WORDS = ["红色", "智慧", "幸福", "和美", "清廉", "平安", "绿色", "数字", "文明", "振兴"]
PROGRAM_HEADS = ["物业", "社区", "乡村", "驿站", "工程", "行动", "示范区", "服务圈", "网格", "家园"]

# Planted so that each shipped query has something to find.
SEED = {
    "province": "山西省", "city": "运城市", "county": "盐湖区", "township": "安邑街道", "community": "金海湾社区",
    "official": "储祥好", "post": "市委书记", "program": "红色物业", "program2": "新时代党建引领基层治理示范区",
    "other_county": "离石区", "doc": "003_a75a3d1441bf0364.txt",
}


class Synth:
    """A random but reproducible corpus of ``docs`` articles."""

    def __init__(self, docs: int, seed: int = 1):
        self.rng = random.Random(seed)
        self.n_docs = docs
        self.entities: dict[str, Entity] = {}
        self.places: list[str] = []
        self.people: list[str] = []
        self.orgs: list[str] = []
        self.programs: list[str] = []
        scale = max(1, docs // 10)
        self._places(scale)
        self._people(scale * 12)
        self._orgs(scale * 4)
        self._programs(scale * 2)

    def entity(self, key: str, typ: str, name: str, parent: str = "", code: str = "") -> str:
        if key not in self.entities:
            self.entities[key] = Entity(key, typ, name, {name}, code, parent, [])
        return key

    def _name(self, chars: str, n: int, suffix: str) -> str:
        return "".join(self.rng.choice(chars) for _ in range(n)) + suffix

    def _places(self, scale: int) -> None:
        province = self.entity("Province:山西省:140000", "Province", SEED["province"], code="140000")
        city = self.entity("City:运城市:140800", "City", SEED["city"], province, "140800")
        county = self.entity("County:盐湖区:140802", "County", SEED["county"], city, "140802")
        town = self.entity("Township:安邑街道:140802006", "Township", SEED["township"], county, "140802006")
        comm = self.entity("Community:金海湾社区@安邑街道", "Community", SEED["community"], town)
        lvliang = self.entity("City:吕梁市:141100", "City", "吕梁市", province, "141100")
        lishi = self.entity("County:离石区:141102", "County", SEED["other_county"], lvliang, "141102")
        self.places += [province, city, county, town, comm, lvliang, lishi]
        levels = [("Province", "省", 1), ("City", "市", 3), ("County", "县", 4), ("Township", "镇", 5),
                  ("Village", "村", 4), ("Estate", "小区", 1)]
        parents = [province]
        for typ, suffix, fanout in levels[1:]:
            children = []
            for parent in parents:
                for _ in range(fanout if len(self.places) < scale * 40 else 1):
                    name = self._name(PLACE_CHARS, 2, suffix)
                    key = self.entity(f"{typ}:{name}@{self.entities[parent].name}", typ, name, parent)
                    children.append(key)
            self.places += children
            parents = children or parents
        # Places named inside the county the queries ask about.
        for i in range(6):
            name = self._name(PLACE_CHARS, 2, "社区")
            self.places.append(self.entity(f"Community:{name}@安邑街道#{i}", "Community", name, town))

    def _people(self, n: int) -> None:
        for _ in range(n):
            name = self.rng.choice(SURNAMES) + self._name(GIVEN, self.rng.randint(1, 2), "")
            self.people.append(self.entity(f"Person:{name}", "Person", name))
        # Last, where pick() draws it no more often than any other: a typical official, not a hub.
        self.people.append(self.entity("Person:储祥好", "Person", SEED["official"]))

    def _orgs(self, n: int) -> None:
        self.orgs.append(self.entity("Organization:运城市委", "Organization", "运城市委"))
        for _ in range(n):
            place = self.entities[self.rng.choice(self.places)].name
            name = place + self.rng.choice(ORG_SUFFIXES)
            self.orgs.append(self.entity(f"Organization:{name}", "Organization", name))

    def _programs(self, n: int) -> None:
        for _ in range(n):
            name = self.rng.choice(PROGRAM_WORDS) + self.rng.choice(PROGRAM_HEADS)
            self.programs.append(self.entity(f"Program:{name}", "Program", name))
        self.programs.append(self.entity("Program:红色物业", "Program", SEED["program"]))
        self.programs.append(self.entity("Program:新时代党建引领基层治理示范区", "Program", SEED["program2"]))

    def pick(self, pool: list[str]) -> str:
        # Skewed towards the head of the pool, like real mention counts.
        return pool[min(len(pool) - 1, int(self.rng.paretovariate(1.2)) - 1)] if self.rng.random() < 0.3 \
            else self.rng.choice(pool)

    def build(self) -> KnowledgeGraph:
        docs, relations = [], {}
        sentence_entities: list[set[str]] = []
        for d in range(self.n_docs):
            doc_id = SEED["doc"] if d == 3 else f"{d:06d}_{self.rng.getrandbits(48):012x}.txt"
            cdoc, mentioned = self.document(doc_id, d, relations)
            docs.append(cdoc)
            sentence_entities += mentioned
        rels = list(relations.values()) + self.cooccurrences(docs, sentence_entities)
        return KnowledgeGraph(docs, self.entities, rels)

    def document(self, doc_id: str, d: int, relations: dict) -> tuple[CleanDocument, list[set[str]]]:
        sentences, texts, mentioned = [], [], []
        pos = 0
        for si in range(self.rng.randint(12, 28)):
            picks = self.sentence_entities(d, si)
            text, spans = self.sentence_text(picks)
            sentences.append(Sentence(doc_id, si, text, tuple(range(pos, pos + len(text)))))
            for key, (i, j) in zip(picks, spans):
                e = self.entities[key]
                e.mentions.append(Mention(doc_id, si, pos + i, pos + j, text[i:j], e.name, e.type))
            self.relations(doc_id, si, pos, text, picks, spans, relations)
            mentioned.append(set(picks))
            texts.append(text)
            pos += len(text) + 1
        title = self.entities[self.pick(self.places)].name + "推进基层治理"
        date = f"2024-{d % 12 + 1:02d}-{d % 28 + 1:02d}"
        cdoc = CleanDocument(Document(doc_id, f"corpus/{doc_id}", "\n".join(texts)), tuple(sentences), title, date)
        return cdoc, mentioned

    def sentence_entities(self, d: int, si: int) -> list[str]:
        if d == 3 and si == 0:
            return ["Person:储祥好", "County:盐湖区:140802", "Program:红色物业"]
        if d == 0 and si == 0:
            return ["Person:储祥好", "Organization:运城市委", "Program:新时代党建引领基层治理示范区"]
        if d == 1 and si == 0:
            return ["County:离石区:141102", "Program:红色物业"]
        pools = [self.people, self.places, self.orgs, self.programs]
        picks = {self.pick(self.rng.choices(pools, weights=(4, 4, 2, 1))[0]) for _ in range(self.rng.randint(1, 3))}
        return sorted(picks)

    def sentence_text(self, picks: list[str]) -> tuple[str, list[tuple[int, int]]]:
        parts, spans, pos = [], [], 0
        for key in picks:
            filler = self._name("在推进开展工作会议要求加强落实", self.rng.randint(2, 8), "，")
            parts.append(filler)
            pos += len(filler)
            name = self.entities[key].name
            parts.append(name)
            spans.append((pos, pos + len(name)))
            pos += len(name)
        parts.append("。")
        return "".join(parts), spans

    def relations(self, doc_id, si, pos, text, picks, spans, relations) -> None:
        def add(kind, head, tail, span, body=""):
            rel = relations.setdefault((kind, head, tail, body), Relation(kind, head, tail, body=body))
            rel.evidence.append(Evidence(doc_id, si, pos + span[0], pos + span[1], text))
            rel.count = len(rel.evidence)

        types = {k: self.entities[k].type for k in picks}
        for key, span in zip(picks, spans):
            if types[key] == "Person":
                body = next((k for k in picks if types[k] == "Organization"), "")
                post = SEED["post"] if key == "Person:储祥好" else self.rng.choice(POSTS)
                add("holdsPost", key, post, span, body)
                if body:
                    add("memberOf", key, body, span)
            elif types[key] == "Program":
                doer = next((k for k in picks if types[k] in ("Organization", "County", "Township",
                                                               "Community", "City")), "")
                if doer:
                    add("implements", doer, key, span)
            elif self.entities[key].parent:
                add("locatedIn", key, self.entities[key].parent, span)

    def cooccurrences(self, docs: list[CleanDocument], sentence_entities: list[set[str]]) -> list[Relation]:
        n = len(sentence_entities)
        single = Counter(k for s in sentence_entities for k in s)
        pairs: dict[tuple[str, str], list[Evidence]] = {}
        flat = [(cdoc.document.id, s) for cdoc in docs for s in cdoc.sentences]
        for (doc_id, sent), keys in zip(flat, sentence_entities):
            for a, b in combinations(sorted(keys), 2):
                pairs.setdefault((a, b), []).append(Evidence(doc_id, sent.index, sent.start, sent.end, sent.text))
        return [Relation("cooccursWith", a, b, ev, count=len(ev),
                         pmi=math.log2(len(ev) * n / (single[a] * single[b])))
                for (a, b), ev in pairs.items()]


# --------------------------------------------------------------------------- timing

class Lap:
    """Wall and CPU seconds of one call. Wall is what a user waits; on a shared machine CPU
    shows how much of it is the work itself (pyoxigraph may use several threads to load)."""

    def __init__(self, wall: float, cpu: float):
        self.wall, self.cpu = wall, cpu

    def __str__(self) -> str:
        return f"{self.wall:8.3f} s ({self.cpu:7.3f})"


def timed(fn, *args, **kwargs):
    t, c = time.perf_counter(), time.process_time()
    value = fn(*args, **kwargs)
    return Lap(time.perf_counter() - t, time.process_time() - c), value


def rdflib_query_in_child(graph, text: str, timeout: float) -> tuple[Lap | None, int | None]:
    """Run one rdflib query in a forked child, which shares the parsed graph; None on timeout."""
    parent, child = mp.Pipe(duplex=False)

    def work():
        lap, rows = timed(lambda: len(list(graph.query(text, initNs=VOCAB_PREFIXES))))
        child.send((lap.wall, lap.cpu, rows))

    proc = mp.get_context("fork").Process(target=work)
    proc.start()
    if parent.poll(timeout):
        wall, cpu, rows = parent.recv()
        proc.join()
        return Lap(wall, cpu), rows
    proc.kill()
    proc.join()
    return None, None


def ratio(slow: Lap | None, fast: Lap) -> str:
    if slow is None:
        return "n/a"
    return f"{slow.wall / max(fast.wall, 1e-6):7.1f}x ({slow.cpu / max(fast.cpu, 1e-6):6.1f}x)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the graph")
    ap.add_argument("--provenance", default="mentions", choices=["none", "mentions", "full"])
    ap.add_argument("--rdflib-timeout", type=float, default=300, help="seconds allowed to each rdflib query")
    ap.add_argument("--skip-rdflib", action="store_true", help="time pyoxigraph only")
    ap.add_argument("--keep", type=Path, help="write the graph into this folder and keep it")
    ap.add_argument("--compare-writers", action="store_true",
                    help="also time writing the Turtle with rdflib's serializer (slow on big graphs)")
    args = ap.parse_args(argv)

    per_doc = {"none": 300, "mentions": 750, "full": 1200}[args.provenance]
    lap_gen, kg = timed(lambda: Synth(max(10, args.triples // per_doc)).build())
    out = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    lap_triples, triples = timed(graph_triples, kg, provenance=args.provenance)
    lap_write, _ = timed(write_rdf, kg, out, provenance=args.provenance)
    path = out / "graph.ttl"
    print(f"synthetic graph: {len(kg.documents)} articles, {len(kg.entities)} entities, "
          f"{len(kg.relations)} relations -> {len(triples):,} triples, {path.stat().st_size / 1e6:.0f} MB "
          f"(provenance={args.provenance})")
    print("times: wall seconds (CPU seconds)")
    print(f"generate {lap_gen}; collect+sort triples {lap_triples}; write_rdf with pyoxigraph {lap_write}")
    if args.compare_writers:
        prefixes = all_prefixes()
        lap_ox_ttl, _ = timed(write_turtle, triples, out / "ox.ttl", prefixes, backend="pyoxigraph")
        lap_rdf_ttl, _ = timed(write_turtle, triples, out / "rdflib.ttl", prefixes, backend="rdflib")
        print(f"Turtle from sorted triples: pyoxigraph {lap_ox_ttl}, rdflib {lap_rdf_ttl}: "
              f"{ratio(lap_rdf_ttl, lap_ox_ttl).strip()}")
        (out / "ox.ttl").unlink()
        (out / "rdflib.ttl").unlink()
    del triples

    lap_ox, store = timed(load_store, path)
    graph, lap_rdf = None, None
    if not args.skip_rdflib:
        import rdflib
        lap_rdf, graph = timed(lambda: rdflib.Graph().parse(path, format="turtle"))
    print(f"\n{'':24} {'pyoxigraph':>21} {'rdflib':>21} {'rdflib/pyoxigraph':>20}")
    print(f"{'parse+load Turtle':24} {lap_ox!s:>21} {lap_rdf and str(lap_rdf) or '':>21} "
          f"{ratio(lap_rdf, lap_ox) if graph is not None else '':>20}")

    print(f"\n{'query':24} {'pyoxigraph':>21} {'rdflib':>21} {'rdflib/pyoxigraph':>20} {'rows':>7}")
    walls, totals, capped = [], [0.0, 0.0], False
    for q in sorted((ROOT / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        lap, result = timed(query_store, store, text)
        line = f"{q.stem:24} {lap!s:>21}"
        if graph is not None:
            slow, rows = rdflib_query_in_child(graph, text, args.rdflib_timeout)
            # A query stopped at the timeout counts with the timeout: the ratios are lower bounds then.
            slow_wall = slow.wall if slow else args.rdflib_timeout
            capped |= slow is None
            walls.append(slow_wall / max(lap.wall, 1e-6))
            totals[0] += lap.wall
            totals[1] += slow_wall
            shown = str(slow) if slow else f">{args.rdflib_timeout:.0f} s"
            line += f" {shown:>21} {ratio(slow, lap):>20}"
            if rows is not None and rows != len(result.rows):
                line += f"  rdflib gave {rows} rows"
        print(f"{line} {len(result.rows):7d}", flush=True)

    neighbours = (ROOT / "queries" / "neighbours.rq").read_text(encoding="utf-8")
    laps = [timed(query_store, store, neighbours) for _ in range(5)]
    median = statistics.median(lap.wall for lap, _ in laps)
    print(f"\nselective query (neighbours.rq: the {len(laps[0][1].rows)} links of 储祥好), pyoxigraph: "
          f"median {median * 1000:.1f} ms over 5 runs, "
          f"{'within' if median < 0.1 else 'OVER'} the 0.1 s target")
    if walls:
        at_least = "at least " if capped else ""
        print(f"all queries: pyoxigraph {totals[0]:.2f} s, rdflib {at_least}{totals[1]:.1f} s: "
              f"{at_least}{totals[1] / totals[0]:.0f}x; per query {at_least}{statistics.geometric_mean(walls):.0f}x "
              f"(geometric mean), lowest {min(walls):.1f}x"
              + (f" (rdflib queries stopped at {args.rdflib_timeout:.0f} s count as {args.rdflib_timeout:.0f} s)"
                 if capped else ""))
    if not args.keep:
        for p in out.iterdir():
            p.unlink()
        out.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
