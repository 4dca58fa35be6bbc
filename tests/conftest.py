"""Shared fixtures: one build of the seed corpus per test session."""
from __future__ import annotations

import os
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
        os.environ["KG_CACHE_KEY"] = os.path.join(tempfile.mkdtemp(prefix="kg-test-key-"), "cache.key")


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
