"""Build speed and memory of ``kg build``, cold and incremental, against the naive pipeline.

Makes a corpus of real text of about ``--chars`` characters (the seed articles
plus, when present, the People's Daily sentences of
/work/shared/eval/peoples_daily_dev.jsonl grouped into articles of about 30
sentences; repeated with the sentences shuffled and the seed paragraphs
reordered when more text is needed), then, in one run, times:

1. a cold build (empty cache, ``--workers`` processes, all outputs written);
2. a rebuild of the unchanged corpus (everything from the cache);
3. a rebuild after adding one article (one extracted, the rest cached);
4. a rebuild after removing one article, and one after editing another
   (a paragraph appended to it);
5. the naive pipeline a user would write on the same corpus: jieba.posseg
   sentence by sentence, pairwise co-occurrence counts of the nr/ns/nt words
   of each sentence, a networkx graph, rdflib Turtle serialization.

Each step runs in a fresh Python process, timed from start to exit (imports
and loading the lexicons included, as a user waits for them). Peak memory is
the largest sum of the proportional set sizes (PSS: a page shared by forked
processes counted once) of the process and its children, sampled every 50 ms,
and the kernel's ru_maxrss of the process and of its largest child. The
stages each build logs (``kg -v``: extraction, merge, each output, in
whichever process ran it) are printed for the cold build and the one-article
rebuilds, so the table shows where the time goes.

    python benchmarks/bench_build.py                      # 2 million characters
    python benchmarks/bench_build.py --chars 20000000 --skip-naive
    python benchmarks/bench_build.py --chars 500000 --json result.json

The People's Daily data has no stated licence: it is read from where it lies
and never copied into the repository; without it the seed articles alone are
repeated.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The kg next to this file, even when another one is installed: a copy of the
# repository can be benchmarked while the checkout changes.
sys.path.insert(0, str(ROOT))
PEOPLES_DAILY = Path("/work/shared/eval/peoples_daily_dev.jsonl")
SENTENCES_PER_ARTICLE = 30
SENTENCES_PER_PARAGRAPH = 5
# Lines the seed articles start with (title, subtitles, byline) stay first when
# their paragraphs are reordered.
SEED_HEAD = 5


# --------------------------------------------------------------------------- corpus

def _sources(peoples_daily: Path | None) -> tuple[list[str], list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences: list[str] = []
    if peoples_daily is not None and peoples_daily.exists():
        with open(peoples_daily, encoding="utf-8") as f:
            sentences = [json.loads(line)["text"] for line in f if line.strip()]
    return seeds, sentences


def _articles(round_: int, seeds: list[str], sentences: list[str]):
    """The articles of one pass over the sources; pass 0 as written, later ones reshuffled."""
    rng = random.Random(round_)
    for text in seeds:
        paragraphs = text.split("\n\n")
        if round_:
            head, body = paragraphs[:SEED_HEAD], paragraphs[SEED_HEAD:]
            rng.shuffle(body)
            paragraphs = head + body
        yield "\n\n".join(paragraphs)
    order = list(sentences)
    if round_:
        rng.shuffle(order)
    for i in range(0, len(order), SENTENCES_PER_ARTICLE):
        group = order[i:i + SENTENCES_PER_ARTICLE]
        yield "\n\n".join("".join(group[j:j + SENTENCES_PER_PARAGRAPH])
                          for j in range(0, len(group), SENTENCES_PER_PARAGRAPH)) + "\n"


def make_corpus(folder: Path, chars: int, peoples_daily: Path | None = PEOPLES_DAILY) -> tuple[int, int]:
    """Write articles of about ``chars`` characters in all into ``folder``; return (files, characters)."""
    seeds, sentences = _sources(peoples_daily)
    folder.mkdir(parents=True, exist_ok=True)
    total = files = round_ = 0
    while total < chars:
        for text in _articles(round_, seeds, sentences):
            if total >= chars:
                break
            (folder / f"r{round_:04d}_{files:07d}.txt").write_text(text, encoding="utf-8")
            files += 1
            total += len(text)
        round_ += 1
    return files, total


def extra_article(peoples_daily: Path | None = PEOPLES_DAILY) -> str:
    """An article that is in no corpus made by :func:`make_corpus` (its sentences in reverse)."""
    seeds, sentences = _sources(peoples_daily)
    pool = sentences[-SENTENCES_PER_ARTICLE:] if sentences else seeds[0].split("。")
    return "。".join(s.rstrip("。") for s in reversed(pool)) + "。\n"


# --------------------------------------------------------------------------- measuring

def _tree_memory(pid: int) -> int:
    """The memory of a process and its children, shared pages counted once.

    Worker processes and the process that writes the page are forked and
    share most of their pages with the parent; a sum of resident sizes would
    count those pages once per process. The proportional set size (PSS) splits
    each shared page among its sharers, so the sum is the memory in use.

    Read straight from /proc (a millisecond a process): the sampler must not
    take a core's worth of time from the build it measures. Elsewhere psutil
    does it, with resident sizes where the kernel reports no PSS.
    """
    try:
        return sum(_pss(p) for p in _tree(pid))
    except OSError:
        return _tree_memory_psutil(pid)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except FileNotFoundError:   # the process or thread has just ended
            continue
    return pids


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:   # the process has just ended
        return 0
    raise OSError("no Pss line")


def _tree_memory_psutil(pid: int) -> int:
    try:
        import psutil
    except ImportError:
        return 0
    try:
        proc = psutil.Process(pid)
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.AccessDenied:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


class _StageLog(logging.Handler):
    """Appends each finished stage of a build (its ``kg -v`` line) to a file, as ``name<TAB>seconds``.

    A file, not a list: the outputs are written in forked processes too, and
    appends of one short line each from several processes stay whole.
    """
    _DONE = re.compile(r"^(.*): done in ([0-9.]+) s$")

    def __init__(self, path: str) -> None:
        super().__init__(logging.INFO)
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        m = self._DONE.match(record.getMessage())
        if m:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(f"{m.group(1)}\t{m.group(2)}\n")


def _read_stages(path: Path) -> list[tuple[str, float]]:
    if not path.exists():
        return []
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]
    # "merging 1,428 document(s)": counts differ between builds, the stage is the same.
    return [(re.sub(r"(?<![A-Za-z])\d[\d,]*(?![A-Za-z])", "N", name), float(seconds)) for name, seconds in rows]


def run_step(args: list[str]) -> dict:
    """Run ``bench_build.py _child ARGS`` in a fresh process; its report, wall time, peak memory and stages."""
    stages = Path(tempfile.mkstemp(prefix="kg-bench-stages-")[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), "_child", str(stages), *args]
    peak = 0
    t0 = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_memory(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"step failed ({proc.returncode}): {' '.join(args)}")
    report = json.loads(out.strip().splitlines()[-1])
    report["wall"] = wall
    report["stages"] = _read_stages(stages)
    stages.unlink(missing_ok=True)
    report["peak_tree_mb"] = peak / 2**20 if peak else None
    return report


def _child(argv: list[str]) -> None:
    """The measured process: a kg build or the naive pipeline; prints one JSON line."""
    import resource
    stages, argv = argv[0], argv[1:]
    logger = logging.getLogger("kg")
    logger.setLevel(logging.INFO)
    logger.addHandler(_StageLog(stages))
    kind = argv[0]
    if kind == "build":
        corpus, out, workers, provenance = argv[1], argv[2], int(argv[3]), argv[4]
        from kg.pipeline import BuildOptions, build
        _, s = build([corpus], BuildOptions(out_dir=Path(out), workers=workers, provenance=provenance))
        report = {"seconds": s.seconds, "characters": s.characters, "documents": s.documents,
                  "from_cache": s.from_cache, "extracted": s.extracted, "workers": s.workers,
                  "entities": sum(s.entities_by_type.values()), "edges": s.edges}
    else:
        corpus, out = argv[1], argv[2]
        report = naive_pipeline(Path(corpus), Path(out))
    report["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(report))


# --------------------------------------------------------------------------- the naive pipeline

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_KEPT = ("nr", "ns", "nt")


def naive_pipeline(corpus: Path, out: Path) -> dict:
    """What one writes with the usual tools: jieba.posseg, pair counts, networkx, rdflib."""
    from itertools import combinations

    import jieba
    import jieba.posseg as pseg
    import networkx as nx
    import rdflib
    from rdflib.namespace import RDF, RDFS
    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    kinds: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    chars = 0
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        for sentence in _SENTENCE.findall(text):
            words = set()
            for w in pseg.cut(sentence):
                if w.flag in _KEPT and len(w.word) > 1:
                    words.add(w.word)
                    kinds.setdefault(w.word, w.flag)
            for a, b in combinations(sorted(words), 2):
                counts[(a, b)] = counts.get((a, b), 0) + 1
    g = nx.Graph()
    for word, flag in kinds.items():
        g.add_node(word, kind=flag)
    for (a, b), n in counts.items():
        g.add_edge(a, b, weight=n)
    ns = rdflib.Namespace("https://example.org/")
    rdf = rdflib.Graph()
    rdf.bind("ex", ns)
    ids = {word: ns[f"e{i}"] for i, word in enumerate(g.nodes)}
    for word, data in g.nodes(data=True):
        rdf.add((ids[word], RDF.type, ns[data["kind"]]))
        rdf.add((ids[word], RDFS.label, rdflib.Literal(word, lang="zh")))
    for i, (a, b, data) in enumerate(g.edges(data=True)):
        edge = ns[f"c{i}"]
        rdf.add((edge, ns["between"], ids[a]))
        rdf.add((edge, ns["between"], ids[b]))
        rdf.add((edge, ns["count"], rdflib.Literal(data["weight"])))
    out.mkdir(parents=True, exist_ok=True)
    rdf.serialize(destination=str(out / "naive.ttl"), format="turtle")
    return {"seconds": time.perf_counter() - t0, "characters": chars, "entities": g.number_of_nodes(),
            "edges": g.number_of_edges(), "triples": len(rdf)}


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        _child(argv[1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=2_000_000, help="size of the corpus (default 2,000,000)")
    ap.add_argument("--workers", type=int, default=None, help="kg build --workers (default: one a core)")
    ap.add_argument("--provenance", default="mentions", choices=["none", "mentions", "full"])
    ap.add_argument("--peoples-daily", type=Path, default=PEOPLES_DAILY, help="JSON Lines of sentences")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one, removed)")
    ap.add_argument("--skip-naive", action="store_true", help="do not run the naive pipeline")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args(argv)

    from kg.parallel import default_workers
    workers = args.workers or default_workers()
    work = args.dir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus, out = work / "corpus", work / "out"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    files, chars = make_corpus(corpus, args.chars, args.peoples_daily)
    print(f"corpus: {files:,} articles, {chars:,} characters in {corpus}  "
          f"({os.cpu_count()} cores, {workers} workers, provenance={args.provenance})", flush=True)

    steps: dict[str, dict] = {}
    build_args = [str(corpus), str(out), str(workers), args.provenance]
    steps["cold"] = run_step(["build", *build_args])
    _show("cold build", steps["cold"])
    steps["unchanged"] = run_step(["build", *build_args])
    _show("no-change rebuild", steps["unchanged"])
    (corpus / "zz_added.txt").write_text(extra_article(args.peoples_daily), encoding="utf-8")
    steps["added"] = run_step(["build", *build_args])
    _show("one article added", steps["added"])
    _change_one(corpus, steps, build_args, args.peoples_daily)
    if not args.skip_naive:
        steps["naive"] = run_step(["naive", str(corpus), str(work / "naive")])
        _show("naive pipeline", steps["naive"])

    cold = steps["cold"]
    print()
    print(f"rebuild, nothing changed: {cold['wall'] / steps['unchanged']['wall']:.1f}x faster than cold")
    for key, label in _ONE_ARTICLE:
        print(f"rebuild, {label}: {cold['wall'] / steps[key]['wall']:.1f}x faster than cold "
              f"({100 * steps[key]['wall'] / cold['wall']:.0f}% of its time)")
    if "naive" in steps:
        ratio = (chars / cold["wall"]) / (chars / steps["naive"]["wall"])
        print(f"cold build vs naive pipeline: {ratio:.2f}x the characters per second")
    peak = max((s.get("peak_tree_mb") or 0) for k, s in steps.items() if k != "naive")
    print(f"peak memory of kg build (process and children): {peak:,.0f} MB")
    _show_stages(steps)
    if args.json:
        args.json.write_text(json.dumps({"characters": chars, "articles": files, "workers": workers,
                                         "provenance": args.provenance, "steps": steps}, indent=2))
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


_ONE_ARTICLE = (("added", "one article added"), ("removed", "one article removed"),
                ("edited", "one article edited"))


def _change_one(corpus: Path, steps: dict, build_args: list[str], peoples_daily: Path | None) -> None:
    """Rebuild after removing one article of the corpus, then after editing another; the added one goes too,
    so that the naive pipeline reads the corpus the cold build read, less one article and with one edited."""
    (corpus / "zz_added.txt").unlink()
    first, second = sorted(corpus.glob("*.txt"))[:2]
    first.unlink()
    steps["removed"] = run_step(["build", *build_args])
    _show("one article removed", steps["removed"])
    with open(second, "a", encoding="utf-8") as f:
        f.write("\n" + extra_article(peoples_daily))
    steps["edited"] = run_step(["build", *build_args])
    _show("one article edited", steps["edited"])


def _show_stages(steps: dict) -> None:
    """Each stage's seconds in the cold build and the one-article rebuilds, in the order the cold build ended them."""
    shown = ["cold"] + [k for k, _ in _ONE_ARTICLE]
    times = {k: dict(steps[k].get("stages") or ()) for k in shown}
    names = [name for name, _ in steps["cold"].get("stages") or ()]
    if not names:
        return
    width = max(len(n) for n in names)
    print()
    print(f"{'stage (seconds)':<{width}} " + " ".join(f"{k:>8}" for k in shown))
    for name in names:
        cells = " ".join(f"{times[k][name]:8.2f}" if name in times[k] else f"{'-':>8}" for k in shown)
        print(f"{name:<{width}} {cells}")


def _show(label: str, s: dict) -> None:
    rate = s["characters"] / s["wall"] if s["wall"] else 0
    extra = ""
    if "from_cache" in s:
        extra = f"  extracted {s['extracted']:,}, from cache {s['from_cache']:,}"
    peak = f"{s['peak_tree_mb']:,.0f} MB" if s.get("peak_tree_mb") else "n/a"
    print(f"{label:<20} {s['wall']:8.1f} s  {rate:>10,.0f} chars/s  peak {peak} "
          f"(ru_maxrss self {s['maxrss_self_mb']:,.0f} MB, largest child {s['maxrss_children_mb']:,.0f} MB){extra}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
