"""The benchmark's table of stages: what each build logged as done, read back by stage."""
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.bench_build import _read_stages, _StageLog  # noqa: E402


def test_stage_log_keeps_finished_stages_with_counts_folded(tmp_path):
    path = tmp_path / "stages"
    logger = logging.getLogger("kg.test-bench")
    logger.setLevel(logging.INFO)
    handler = _StageLog(str(path))
    logger.addHandler(handler)
    try:
        logger.info("merging 1,428 document(s) ...")
        logger.info("merging 1,428 document(s): done in 2.07 s")
        logger.info("writing the Neo4j import files: done in 0.46 s")
    finally:
        logger.removeHandler(handler)
    assert _read_stages(path) == [("merging N document(s)", 2.07), ("writing the Neo4j import files", 0.46)]


def test_no_stage_file_reads_as_no_stages(tmp_path):
    assert _read_stages(tmp_path / "missing") == []
