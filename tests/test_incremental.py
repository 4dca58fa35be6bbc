"""Rebuilds read unchanged articles from the cache and recompute everything else."""
from __future__ import annotations

import shutil

import pytest

from kg.cache import DocCache, decode, encode, unseal
from kg.pipeline import BuildOptions, build

from conftest import SEEDS

COMPARED = ("graph.ttl", "edges.csv", "entities.csv", "merges.csv")
EXTRA = "运城市盐湖区安邑街道金海湾社区党支部书记李代霞说，社区推行“红色物业”工作法。\n"


def _build(corpus, out, **kw):
    kw.setdefault("workers", 1)
    kw.setdefault("write_html", False)
    return build([str(corpus)], BuildOptions(out_dir=out, **kw))


def _cache_files(out):
    return sorted((out / ".cache").rglob("*.kgc"))


def _outputs(out, corpus=None):
    """The compared files; with ``corpus``, its path (recorded as each article's source) made neutral."""
    files = {name: (out / name).read_bytes() for name in COMPARED}
    if corpus is not None:
        files = {name: data.replace(str(corpus).encode(), b"CORPUS") for name, data in files.items()}
    return files


@pytest.fixture(scope="module")
def primed(tmp_path_factory):
    """The seeds built once with a cache: (corpus, out, summary), copied by each test."""
    root = tmp_path_factory.mktemp("primed")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    _, summary = _build(corpus, root / "out")
    return corpus, root / "out", summary


@pytest.fixture
def corpus(primed, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(primed[0], folder)
    return folder


@pytest.fixture
def out(primed, tmp_path):
    """An output folder holding the seeds' outputs and cache, as a previous build left them."""
    folder = tmp_path / "out"
    shutil.copytree(primed[1], folder)
    return folder


def test_a_rebuild_of_an_unchanged_corpus_extracts_nothing(primed, corpus, out):
    _, again = _build(corpus, out)
    assert (primed[2].extracted, primed[2].from_cache) == (5, 0)
    assert (again.extracted, again.from_cache) == (0, 5)
    assert _outputs(out, corpus) == _outputs(primed[1], primed[0])
    assert len(_cache_files(out)) == 5
    # Merged and written again from the cache, without the shortcut, it is the same.
    _, forced = _build(corpus, out, reuse_outputs=False)
    assert (forced.extracted, forced.from_cache, forced.up_to_date) == (0, 5, False)
    assert _outputs(out, corpus) == _outputs(primed[1], primed[0])


def test_up_to_date_outputs_are_left_alone_until_something_changes(corpus, out):
    _build(corpus, out)  # the copied outputs name another corpus folder: rewritten once
    stamps = {p: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    kg, summary = _build(corpus, out)
    assert kg is None and summary.up_to_date and summary.files == 5 and summary.edges > 0
    assert {p: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps
    # An output edited or removed by hand, or another option, means writing again.
    (out / "edges.csv").write_text("edited", encoding="utf-8")
    kg, summary = _build(corpus, out)
    assert kg is not None and not summary.up_to_date and summary.extracted == 0
    assert (out / "edges.csv").read_text(encoding="utf-8") != "edited"
    _, summary = _build(corpus, out, provenance="none")
    assert not summary.up_to_date
    _, summary = _build(corpus, out, provenance="none")
    assert summary.up_to_date


def test_adding_an_article_extracts_it_alone_and_matches_a_fresh_build(primed, corpus, out, tmp_path):
    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
    kg, summary = _build(corpus, out)
    assert (summary.extracted, summary.from_cache) == (1, 5)
    assert "new.txt" in {d.document.id for d in kg.documents}
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, use_cache=False)
    assert _outputs(out) == _outputs(fresh)
    # Removed again, it leaves no trace: what is built is the current input set.
    (corpus / "new.txt").unlink()
    _, summary = _build(corpus, out)
    assert (summary.extracted, summary.from_cache, summary.files) == (0, 5, 5)
    for name in COMPARED:
        assert "new.txt" not in (out / name).read_text(encoding="utf-8"), name
    assert _outputs(out, corpus) == _outputs(primed[1], primed[0])


def test_a_removed_article_disappears_from_every_output(primed, corpus, out):
    gone = sorted(corpus.glob("*.txt"))[-1]
    assert gone.name in (out / "graph.ttl").read_text(encoding="utf-8")
    gone.unlink()
    _, summary = _build(corpus, out)
    assert (summary.extracted, summary.from_cache, summary.files) == (0, 4, 4)
    for name in COMPARED:
        assert gone.name not in (out / name).read_text(encoding="utf-8"), name


def test_an_edited_article_is_extracted_again(corpus, out):
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n" + EXTRA, encoding="utf-8")
    _, summary = _build(corpus, out)
    assert (summary.extracted, summary.from_cache) == (1, 4)


def test_damaged_cache_entries_are_ignored_and_rewritten(primed, corpus, out):
    reference = _outputs(primed[1], primed[0])
    entries = _cache_files(out)
    damaged = []
    for entry, damage in zip(entries, ("truncate", "flip", "empty", "garbage")):
        blob = entry.read_bytes()
        if damage == "truncate":  # what a build killed mid-write would leave without os.replace
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "flip":
            i = len(blob) - 10
            entry.write_bytes(blob[:i] + bytes([blob[i] ^ 0xFF]) + blob[i + 1:])
        elif damage == "empty":
            entry.write_bytes(b"")
        else:
            entry.write_bytes(b"\x80\x05not a pickle at all")
        damaged.append(entry)
    _, summary = _build(corpus, out, reuse_outputs=False)
    assert (summary.extracted, summary.from_cache) == (4, 1)
    assert _outputs(out, corpus) == reference
    for entry in damaged:
        assert decode(unseal(entry.read_bytes(), DocCache(out / ".cache", "0" * 16).key)) is not None  # whole again


def test_no_cache_neither_reads_nor_writes_it(corpus, tmp_path):
    out = tmp_path / "nocache"
    _, summary = _build(corpus, out, use_cache=False)
    assert summary.from_cache == 0 and summary.cache_dir is None
    assert not (out / ".cache").exists()


def test_cache_folder_can_be_shared_between_outputs(primed, corpus, out, tmp_path):
    _, summary = _build(corpus, tmp_path / "b", cache_dir=out / ".cache")
    assert summary.from_cache == 5
    assert _outputs(tmp_path / "b", corpus) == _outputs(primed[1], primed[0])


def test_a_moved_corpus_reuses_the_cache_and_records_the_new_paths(corpus, out, tmp_path):
    moved = tmp_path / "moved"
    corpus.rename(moved)
    _, summary = _build(moved, out)
    assert summary.from_cache == 5
    fresh = tmp_path / "fresh"
    _build(moved, fresh, use_cache=False)
    for name in COMPARED:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_another_extractor_version_does_not_see_the_entries(out):
    from kg.docstep import extractor_version
    other = DocCache(out / ".cache", version="0" * 16)
    assert other.version != extractor_version()
    assert not list(other.dir.rglob("*.kgc"))


def test_old_version_folders_are_pruned(tmp_path):
    root = tmp_path / "cache"
    for i, name in enumerate(("a" * 16, "b" * 16, "c" * 16)):
        c = DocCache(root, version=name)
        c.put(f"{i:064x}", [])
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == ["a" * 16, "b" * 16, "c" * 16]
    DocCache(root, version="d" * 16).put("f" * 64, [])
    kept = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert len(kept) == 3 and "d" * 16 in kept


def test_cache_entries_round_trip():
    assert decode(encode([])) == []
    with pytest.raises(ValueError):
        unseal(b"KGC2" + b"\0" * 40, b"k" * 32)
