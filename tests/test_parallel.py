"""A build with several worker processes writes the same bytes as a single-process one."""
from __future__ import annotations

from kg.parallel import Task, chunks
from kg.pipeline import BuildOptions, build

from conftest import SEEDS

COMPARED = ("graph.ttl", "edges.csv", "entities.csv", "merges.csv", "graph.graphml", "graph.gexf", "report.html",
            "neo4j/nodes.csv", "neo4j/relationships.csv")


def test_two_workers_write_the_same_files_as_one(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _, s1 = build([str(SEEDS)], BuildOptions(out_dir=one, workers=1, use_cache=False, write_html=False))
    _, s2 = build([str(SEEDS)], BuildOptions(out_dir=two, workers=2, use_cache=False, write_html=False))
    assert s1.workers == 1 and s2.workers == 2
    assert s1.extracted == s2.extracted == s1.files == 5
    for name in COMPARED:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_results_keep_input_order_whatever_finishes_first(tmp_path):
    # The last file is the smallest, so its chunk is likely to finish first.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = sorted(SEEDS.glob("*.txt"))
    for i, path in enumerate(texts):
        (corpus / f"{i:02d}.txt").write_bytes(path.read_bytes())
    (corpus / "99.txt").write_text("运城市盐湖区安邑街道金海湾社区党支部书记李代霞说。\n", encoding="utf-8")
    kg, summary = build([str(corpus)], BuildOptions(out_dir=tmp_path / "out", workers=2, use_cache=False,
                                                   write_html=False))
    assert [d.document.id for d in kg.documents] == sorted(d.document.id for d in kg.documents)
    assert summary.files == len(texts) + 1


def test_unreadable_files_are_skipped_by_workers_as_by_one_process(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "bad.txt").write_bytes(b"%PDF-1.4 not an article")
    outs = []
    for workers in (1, 2):
        _, s = build([str(corpus)], BuildOptions(out_dir=tmp_path / f"o{workers}", workers=workers,
                                                use_cache=False, write_html=False))
        outs.append(s.skipped)
    assert outs[0] == outs[1]
    assert [p for p, _ in outs[0]] == [str(corpus / "bad.txt")]


def test_chunks_cover_every_task_in_order():
    tasks = [Task(i, str(i), str(i)) for i in range(37)]
    sizes = [(i * 7919) % 5000 + 10 for i in range(37)]
    for workers in (1, 2, 3, 8):
        groups = chunks(tasks, sizes, workers)
        assert [t for g in groups for t in g] == tasks
        assert all(groups)
        assert len(groups) >= min(len(tasks), workers)


def test_every_output_is_the_same_whatever_the_hash_seed(tmp_path):
    # Python orders sets of strings differently in each process; no output, the capped
    # page included, may follow that order.
    import os
    import subprocess
    import sys

    from conftest import ROOT
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(out), "--no-cache", "-q",
                              "--max-nodes", "40"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir() if p.is_file() and not p.name.startswith("."))
    assert {"graph.ttl", "graph.html", "graph.gexf", "graph.graphml", "entities.csv"} <= set(names)
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
