"""How fast graph.html is built and drawn on a large graph.

Builds a synthetic knowledge graph of 5,000 typed entities with Chinese-like
names (articles about one community each, sentences naming 2–4 of its
entities), writes the capped page (``max_nodes=500``) and, unless
``--no-full``, the uncapped one, then loads each in headless Chromium from disk
and reports the time to the first drawn frame (from navigation start, as the
page measures it) next to the Python build times.

    python benchmarks/bench_html.py [--nodes 5000] [--out DIR] [--no-full]
"""
from __future__ import annotations

import argparse
import itertools
import math
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.html import write_html  # noqa: E402
from kg.export.layout import picture  # noqa: E402
from kg.export.network import write_gexf  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.model import (CITY, COMMUNITY, COOCCURS, COUNTY, ESTATE, LOCATED_IN, ORGANIZATION, PERSON,  # noqa: E402
                      PROGRAM, PROVINCE, TOWNSHIP, VILLAGE, CleanDocument, Document, Entity, Evidence,
                      KnowledgeGraph, Mention, Relation, Sentence)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文玉兰春林海波宁东晓辉鹏飞成荣新祥好逊立茂代繁雄卫斌颖凯"
STEMS = "安平泰和兴盛康宁永定长乐福寿新华金海湾阳光城东西南北中山水云松柏梅兰竹清河湖泉石桥溪岭峰川源田园"
TYPE_SHARE = [(PERSON, 0.30), (ORGANIZATION, 0.25), (PROGRAM, 0.10), (VILLAGE, 0.10), (TOWNSHIP, 0.08),
              (COMMUNITY, 0.06), (ESTATE, 0.06), (COUNTY, 0.04), (CITY, 0.008), (PROVINCE, 0.002)]
SUFFIX = {PROVINCE: "省", CITY: "市", COUNTY: "县", TOWNSHIP: "镇", VILLAGE: "村", COMMUNITY: "社区",
          ESTATE: "小区", ORGANIZATION: "党委", PROGRAM: ""}


def fake_name(rng: random.Random, type_: str, taken: set[str]) -> str:
    while True:
        if type_ == PERSON:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        elif type_ == PROGRAM:
            name = "".join(rng.choice(STEMS) for _ in range(2)) + rng.choice(("工程", "行动", "服务圈", "模式", "计划"))
        elif type_ == ORGANIZATION:
            name = "".join(rng.choice(STEMS) for _ in range(2)) + rng.choice(("县委", "镇党委", "局", "公司", "服务中心"))
        else:
            name = "".join(rng.choice(STEMS) for _ in range(rng.choice((2, 3)))) + SUFFIX[type_]
        if name not in taken:
            taken.add(name)
            return name


def synthetic_kg(n: int = 5000, seed: int = 1) -> KnowledgeGraph:
    """A corpus-shaped knowledge graph of ``n`` entities in about n/80 topical communities."""
    rng = random.Random(seed)
    types = [t for t, share in TYPE_SHARE for _ in range(max(1, round(share * n)))]
    types = (types + [PERSON] * n)[:n]
    rng.shuffle(types)
    taken: set[str] = set()
    entities = [Entity(f"e{i:05d}", t, fake_name(rng, t, taken)) for i, t in enumerate(types)]
    # Community sizes fall off like a power law; every entity belongs to one.
    k = max(2, n // 80)
    raw = [1 / (i + 1) ** 0.8 for i in range(k)]
    sizes = [max(3, int(n * r / sum(raw))) for r in raw]
    sizes[0] += n - sum(sizes)
    members, start = [], 0
    for s in sizes:
        members.append(entities[start:start + s])
        start += s
    hubs = entities[:30]

    docs: list[CleanDocument] = []
    pair_evidence: dict[tuple[str, str], list[Evidence]] = {}
    pair_count: Counter = Counter()
    seen: Counter = Counter()
    sentence_total = 0
    doc_no = 0
    for group in members:
        pending = list(group)
        rng.shuffle(pending)
        weights = [1 / (i + 1) for i in range(len(group))]
        articles = max(1, len(group) // 6)
        for a in range(articles):
            doc_id = f"doc{doc_no:05d}.txt"
            doc_no += 1
            lines, mentions = [], []
            for s_index in range(15):
                named = {e.key: e for e in rng.choices(group, weights, k=rng.randint(2, 4))}
                if pending and s_index % 2 == 0:
                    e = pending.pop()
                    named[e.key] = e
                if rng.random() < 0.1:
                    e = rng.choice(hubs)
                    named[e.key] = e
                parts = [e.name for e in named.values()]
                lines.append("据报道，" + "、".join(parts) + "共同推进基层治理工作。")
                mentions.append(list(named.values()))
            text, pos, sents = "", 0, []
            for s_index, (line, named) in enumerate(zip(lines, mentions)):
                sents.append(Sentence(doc_id, s_index, line, tuple(range(pos, pos + len(line)))))
                for e in named:
                    i = line.index(e.name)
                    e.mentions.append(Mention(doc_id, s_index, pos + i, pos + i + len(e.name), e.name, e.name, e.type))
                    seen[e.key] += 1
                for x, y in itertools.combinations(sorted(e.key for e in named), 2):
                    pair_count[x, y] += 1
                    ev = pair_evidence.setdefault((x, y), [])
                    if len(ev) < 3:
                        ev.append(Evidence(doc_id, s_index, pos, pos + len(line), line))
                text += line + "\n"
                pos += len(line) + 1
                sentence_total += 1
            docs.append(CleanDocument(Document(doc_id, f"/bench/{doc_id}", text), tuple(sents),
                                      title=f"{group[0].name}新闻{a + 1}"))
    relations = []
    for (x, y), c in sorted(pair_count.items()):
        pmi = math.log(c * sentence_total / (seen[x] * seen[y]))
        relations.append(Relation(COOCCURS, x, y, evidence=pair_evidence[(x, y)], count=c, pmi=round(pmi, 4)))
        if c >= 2 and {entities[int(x[1:])].type, entities[int(y[1:])].type} == {VILLAGE, TOWNSHIP}:
            relations.append(Relation(LOCATED_IN, x, y, evidence=pair_evidence[(x, y)][:1]))
    return KnowledgeGraph(docs, {e.key: e for e in entities}, relations)


def first_frame(browser, page_path: Path) -> tuple[float, float, int]:
    """(first drawn frame in ms from navigation start, wall seconds until then, nodes on the page)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.perf_counter()
    page.goto(page_path.resolve().as_uri(), timeout=300_000)
    while not page.evaluate("Boolean(window.kgView && window.kgView.firstFrameMs() !== null)"):
        page.wait_for_timeout(20)
    wall = time.perf_counter() - t0
    ms = page.evaluate("kgView.firstFrameMs()")
    count = page.evaluate("kgView.nodesTotal")
    if errors:
        print(f"  console errors: {errors[:3]}")
    page.close()
    return ms, wall, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--out", type=Path, help="keep the pages here (default: a temporary folder)")
    parser.add_argument("--no-full", action="store_true", help="skip the uncapped page")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    if args.out:
        run(args, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="kg-bench-html-") as tmp:
            run(args, Path(tmp))


def run(args: argparse.Namespace, out: Path) -> None:

    t = time.perf_counter()
    kg = synthetic_kg(args.nodes)
    t_kg = time.perf_counter() - t
    t = time.perf_counter()
    graph = build_graph(kg)
    t_graph = time.perf_counter() - t
    print(f"synthetic graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{len(kg.documents)} articles (made in {t_kg:.1f} s; build_graph {t_graph:.1f} s)")

    t = time.perf_counter()
    layout = picture(graph, 500)
    t_layout = time.perf_counter() - t
    t = time.perf_counter()
    write_gexf(graph, out / "alone.gexf", layout)
    t_gexf = time.perf_counter() - t
    print(f"layout of the capped page (all nodes placed): {t_layout:.1f} s; graph.gexf with it: {t_gexf:.1f} s")

    runs = [("capped", 500)] + ([] if args.no_full else [("full", 0)])
    pages = []
    for name, cap in runs:
        t = time.perf_counter()
        summary = write_html(graph, kg, out / name, max_nodes=cap)
        seconds = time.perf_counter() - t
        size = summary.path.stat().st_size / 1e6
        pages.append((name, summary, seconds, size))
        print(f"{name:>6}: write_html {seconds:.1f} s, {summary.nodes_shown} of {summary.nodes_total} nodes, "
              f"{size:.1f} MB")

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: no browser timings")
        return
    if not Path(args.chromium).is_file():
        print(f"no chromium at {args.chromium}: no browser timings")
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for name, summary, seconds, size in pages:
            ms, wall, count = first_frame(browser, summary.path)
            verdict = "ok" if ms < 5000 else "over the 5 s target"
            print(f"{name:>6}: first frame after {ms / 1000:.2f} s ({wall:.2f} s wall), "
                  f"{count} nodes on the page: {verdict}")
        browser.close()


if __name__ == "__main__":
    main()
