"""Extraction on a Dask cluster gives the same outputs as a local build."""
from __future__ import annotations

import pytest

from kg.pipeline import BuildOptions, build

from conftest import SEEDS

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install 'kg[dask]')")

COMPARED = ("graph.ttl", "edges.csv", "entities.csv", "merges.csv", "graph.graphml")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        yield cluster.scheduler_address


def test_a_dask_build_writes_the_same_files_as_a_local_one(scheduler, tmp_path):
    local, remote = tmp_path / "local", tmp_path / "dask"
    build([str(SEEDS)], BuildOptions(out_dir=local, workers=1, use_cache=False, write_html=False))
    _, summary = build([str(SEEDS)], BuildOptions(out_dir=remote, dask=scheduler, write_html=False))
    assert summary.extracted == 5
    for name in COMPARED:
        assert (local / name).read_bytes() == (remote / name).read_bytes(), name
    # The results came back into the local cache: a rebuild needs no cluster.
    _, again = build([str(SEEDS)], BuildOptions(out_dir=remote, workers=1, write_html=False))
    assert (again.extracted, again.from_cache) == (0, 5)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, monkeypatch):
    from kg import parallel
    from kg.corpus import InputError
    monkeypatch.setattr(parallel, "CONNECT_SECONDS", 1)
    with pytest.raises(InputError, match="cannot reach"):
        build([str(SEEDS)], BuildOptions(out_dir=tmp_path, dask="tcp://127.0.0.1:9", use_cache=False))
