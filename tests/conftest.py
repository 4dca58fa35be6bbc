"""Shared fixtures: one build of the seed corpus per test session."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def pytest_configure(config):
    # Builds under test (and the kg commands they start) seal their cache
    # entries with a key of this test session, not with the user's own.
    if "KG_CACHE_KEY" not in os.environ:
        config._kg_key_folder = tempfile.mkdtemp(prefix="kg-test-key-")
        os.environ["KG_CACHE_KEY"] = os.path.join(config._kg_key_folder, "cache.key")


def pytest_unconfigure(config):
    folder = getattr(config, "_kg_key_folder", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ["KG_CACHE_KEY"]


def require(missing: str, skip_env: str) -> None:
    """Fail, not skip, when a tool that ``make test`` installs is missing.

    A suite that skips quietly would pass on a machine that tests nothing;
    a user who cannot install the tool says so by setting ``skip_env``.
    """
    if not missing:
        return
    if os.environ.get(skip_env):
        pytest.skip(f"{missing} ({skip_env} is set)")
    pytest.fail(f"{missing}; set {skip_env}=1 to skip these tests", pytrace=False)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """(KnowledgeGraph, BuildSummary, out_dir) of `kg build seeds/`."""
    from kg.pipeline import BuildOptions, build
    out = tmp_path_factory.mktemp("seed-out")
    kg, summary = build([str(SEEDS)], BuildOptions(out_dir=out))
    return kg, summary, out


@pytest.fixture(scope="session")
def dated_build(tmp_path_factory):
    """Three dated articles of two newspapers, their dates and papers given by a metadata file."""
    from kg.pipeline import BuildOptions, build
    root = tmp_path_factory.mktemp("dated")
    corpus = root / "corpus"
    corpus.mkdir()
    texts = {"a.txt": "盐湖区推行红色物业，市委书记储祥好到金海湾社区调研。",
             "b.txt": "离石区积极探索红色物业城市治理新模式，区委书记王建华主持会议。",
             "c.txt": "瑞安市上望街道打造共享社·幸福里，街道党工委书记郑定渊介绍情况。"}
    for name, text in texts.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    (corpus / "kg-metadata.csv").write_text(
        "path,title,date,newspaper\na.txt,甲,2024-07-01,运城晚报\nb.txt,乙,2024-08-15,吕梁日报\n"
        "c.txt,丙,2024-09-20,温州日报\n", encoding="utf-8")
    out = root / "out"
    kg, _ = build([str(corpus)], BuildOptions(out_dir=out, workers=1))
    return kg, out


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    """A folder of articles, ``texts`` by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_corpus(corpus: Path, out: Path, **options):
    """``kg build`` of ``corpus`` in this process, with no cache and no page."""
    from kg.pipeline import BuildOptions, build
    return build([str(corpus)], BuildOptions(out_dir=out, workers=1, use_cache=False, write_html=False, **options))
