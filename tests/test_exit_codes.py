"""Exit codes a script can rely on (docs/errors.md): a crash is not an 'inputs skipped'."""
from __future__ import annotations

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


@pytest.mark.parametrize("args", [["build", "no/such/folder"], ["build", "--max-nodes", "-3"]])
def test_bad_usage_exits_2(args, tmp_path):
    assert _run(*args, "-o", str(tmp_path)).exit_code == EXIT_USAGE
