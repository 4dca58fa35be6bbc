"""Exit codes a script can rely on (docs/errors.md): a crash is not an 'inputs skipped'."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_SKIPPED, EXIT_USAGE, main


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_the_exit_codes_are_distinct():
    assert len({EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED}) == 4


def test_a_crash_exits_3_with_one_line(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("something kg did not expect")
    monkeypatch.setattr(pipeline, "build", broken)
    result = _run("build", "-o", str(tmp_path))
    assert result.exit_code == EXIT_INTERNAL
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: internal error: RuntimeError: something kg did not expect")
    assert "Traceback" not in result.output


def test_an_interrupted_build_exits_130(monkeypatch, tmp_path):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "build", interrupted)
    result = _run("build", "-o", str(tmp_path))
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr.strip() == "kg: interrupted; the previous outputs are left as they were"


@pytest.mark.parametrize("error", [RuntimeError("pool torn down"), BrokenPipeError(32, "Broken pipe")])
def test_an_error_raised_while_an_interrupt_unwinds_is_the_interrupt(monkeypatch, tmp_path, error):
    # A worker pool torn down by Ctrl-C or SIGTERM may fail in turn: the build was interrupted, it did not crash.
    def interrupted(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        finally:
            raise error
    monkeypatch.setattr(pipeline, "build", interrupted)
    result = _run("build", "-o", str(tmp_path))
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr.strip() == "kg: interrupted; the previous outputs are left as they were"


@pytest.mark.parametrize("args", [["build", "no/such/folder"], ["build", "--max-nodes", "-3"]])
def test_bad_usage_exits_2(args, tmp_path):
    assert _run(*args, "-o", str(tmp_path)).exit_code == EXIT_USAGE


def test_an_output_folder_that_cannot_be_made_is_one_line_with_workers(tmp_path):
    """No second traceback ("Exception ignored …") from the worker pool when the outputs cannot be written."""
    import subprocess
    import sys
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "build", "seeds", "-o", str(blocker / "out"), "--workers", "2",
                          "-q"], capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == EXIT_USAGE
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr


def test_a_cache_folder_replaced_by_a_file_only_loses_the_cache(tmp_path):
    from kg.pipeline import BuildOptions, build
    cache = tmp_path / "cache"
    cache.write_text("someone put a file here", encoding="utf-8")
    _, summary = build(["seeds"], BuildOptions(out_dir=tmp_path / "out", cache_dir=cache, workers=1))
    assert summary.documents > 0 and (tmp_path / "out" / "graph.ttl").exists()
    assert cache.read_text(encoding="utf-8") == "someone put a file here"
