"""Outputs appear whole and together, including those written by a second process."""
from __future__ import annotations

import os

import pytest

from kg.atomic import alongside, atomic_batch, atomic_write


def _leftovers(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def test_files_written_alongside_join_the_batch(tmp_path):
    def side():
        atomic_write(tmp_path / "b.txt", "from the other process")
        return os.getpid()

    with atomic_batch():
        with alongside(side) as other:
            atomic_write(tmp_path / "a.txt", "from here")
            assert not (tmp_path / "b.txt").exists()
        assert not (tmp_path / "a.txt").exists()  # nothing moves before the batch ends
    assert (tmp_path / "a.txt").read_text() == "from here"
    assert (tmp_path / "b.txt").read_text() == "from the other process"
    assert other.result() != os.getpid() or not hasattr(os, "fork")
    assert _leftovers(tmp_path) == []


def test_a_failure_alongside_fails_the_batch_and_leaves_the_old_files(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")

    def side():
        atomic_write(tmp_path / "b.txt", "new b")
        raise ValueError("the page could not be drawn")

    with pytest.raises(ValueError, match="could not be drawn"):
        with atomic_batch():
            with alongside(side):
                atomic_write(tmp_path / "a.txt", "new a")
    assert (tmp_path / "a.txt").read_text() == "old a"
    assert (tmp_path / "b.txt").read_text() == "old b"
    assert _leftovers(tmp_path) == []


def test_a_failure_in_the_block_discards_what_was_written_alongside(tmp_path):
    def side():
        atomic_write(tmp_path / "b.txt", "new b")

    with pytest.raises(KeyError):
        with atomic_batch():
            with alongside(side):
                raise KeyError("turtle")
    assert not (tmp_path / "b.txt").exists()
    assert _leftovers(tmp_path) == []
