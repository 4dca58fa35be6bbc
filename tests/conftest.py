"""Shared fixtures: one build of the seed corpus per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """(KnowledgeGraph, BuildSummary, out_dir) of `kg build seeds/`."""
    from kg.pipeline import BuildOptions, build
    out = tmp_path_factory.mktemp("seed-out")
    kg, summary = build([str(SEEDS)], BuildOptions(out_dir=out))
    return kg, summary, out
