"""Worker processes never outlive the build that started them, however it ends."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_kill import make_corpus, snapshot

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-q",
                             "--workers", "2", "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers") / "corpus"
    make_corpus(folder, 120, seed=7)
    return folder


def _workers_started(proc: subprocess.Popen) -> list[int]:
    """The build's worker processes, once both run."""
    assert _wait_for(lambda: proc.poll() is not None or len(_children(proc.pid)) >= 2, 120), "no workers started"
    assert proc.poll() is None, "the build ended before it could be stopped"
    return _children(proc.pid)


def test_workers_die_with_a_build_killed_by_sigkill(corpus, tmp_path):
    proc = _start(corpus, tmp_path / "out")
    workers = _workers_started(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "workers outlived a killed build"


def test_sigterm_stops_a_build_as_ctrl_c_does(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# the previous build's graph\n", encoding="utf-8")
    before = snapshot(out)
    proc = _start(corpus, out)
    workers = _workers_started(proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip().splitlines() == ["kg: interrupted; the previous outputs are left as they were"]
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "workers outlived a stopped build"
    assert snapshot(out) == before


def test_an_output_writer_dies_with_a_build_killed_by_sigkill(tmp_path):
    # The page, graph files and RDF are written by forked copies of the build (kg.atomic.alongside).
    script = ("import os, sys, time\n"
              "from kg.atomic import alongside\n"
              "with alongside(lambda: time.sleep(60)):\n"
              "    print(os.getpid(), flush=True)\n"
              "    time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE)
    proc.stdout.readline()
    assert _wait_for(lambda: len(_children(proc.pid)) == 1, 30), "no writer started"
    writer = _children(proc.pid)[0]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert _wait_for(lambda: not _alive(writer), 10), "a writer outlived a killed build"
