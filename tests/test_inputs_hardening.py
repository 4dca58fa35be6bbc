"""Inputs from messy archives: odd file names, special files, unreadable folders, kg's own outputs.

Every build here runs as a separate process with a timeout, or in this one
under a deadline, so a regression that blocks (a named pipe read) fails the
test instead of hanging the suite.
"""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import atomic
from kg.atomic import atomic_open, atomic_write
from kg.corpus import DecodeError, InputError, decode, find_inputs, read_document, scan_inputs
from kg.names import display_path, printable

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "市委书记储祥好主持召开会议，研究部署乡村振兴工作。会议指出，要坚持以人民为中心的发展思想。\n"
OTHER = "县长王建国到柳林县金家庄镇调研乡村振兴工作，察看了下帽芝村的移风易俗示范点。\n"
GBK_NAME = "报告.txt".encode("gbk")                 # b"\xb1\xa8\xb8\xe6.txt", as unzipped from Windows
BAD_NAME = b"bad\xed\xa0\x80\xff.txt"               # an encoded surrogate and a stray byte: neither UTF-8 nor GBK
DEADLINE_SECONDS = 120


@pytest.fixture(autouse=True)
def deadline():
    """Fail a test that runs longer than DEADLINE_SECONDS: SIGALRM interrupts even a blocked open()."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"the test took more than {DEADLINE_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(DEADLINE_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def kg(*args: str | bytes | os.PathLike, timeout: float = 120) -> Run:
    """``kg ARGS`` in a new process; its output must be valid UTF-8, and it must end in time."""
    p = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, cwd=ROOT, timeout=timeout)
    return Run(p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8"))


def lines_of(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert all(line.startswith("kg") for line in lines), stderr
    return lines


def write_bytes_named(folder: Path, raw_name: bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), raw_name)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}


def _main():
    from kg.cli import main
    return main


# --------------------------------------------------------------------------- file names

def test_gbk_and_undecodable_names_build_to_completion_with_readable_names(tmp_path):
    arts = tmp_path / "arts"
    write_bytes_named(arts, GBK_NAME, ARTICLE.encode("utf-8"))
    write_bytes_named(arts, BAD_NAME, OTHER.encode("utf-8"))
    write_bytes_named(arts, "新闻".encode("gbk") + b"/ok.txt", (OTHER + ARTICLE).encode("utf-8"))
    out = tmp_path / "out"
    run = kg("build", arts, "--out", out, "-j", "1")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "documents  3" in run.stdout
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    edges = (out / "edges.csv").read_text(encoding="utf-8")
    for shown in ("报告.txt", "bad\\\\xed\\\\xa0\\\\x80\\\\xff.txt", "新闻/ok.txt"):  # a backslash is \\ in Turtle
        assert f'"{shown}"' in turtle, shown
    assert "报告.txt" in edges and "bad\\xed\\xa0\\x80\\xff.txt" in edges
    (out / "graph.html").read_text(encoding="utf-8")


def test_a_name_that_does_not_decode_can_be_named_on_the_command_line(tmp_path):
    f = write_bytes_named(tmp_path, b"\xed\xa0\x80.txt", ARTICLE.encode("utf-8"))
    run = kg("build", os.fsencode(f), "--out", tmp_path / "out", "-j", "1", "-q")
    assert run.returncode == 0, run.stderr
    assert '"\\\\xed\\\\xa0\\\\x80.txt"' in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_an_input_opens_by_its_real_name_and_shows_a_safe_one(tmp_path):
    write_bytes_named(tmp_path, GBK_NAME, ARTICLE.encode("gbk"))
    write_bytes_named(tmp_path, BAD_NAME, ARTICLE.encode("utf-8"))
    by_id = {item.doc_id: item for item in find_inputs([str(tmp_path)])}
    assert set(by_id) == {"报告.txt", "bad\\xed\\xa0\\x80\\xff.txt"}
    gbk = by_id["报告.txt"]
    assert os.fsencode(gbk.path).endswith(b"/" + GBK_NAME)
    assert gbk.display == f"{tmp_path}/报告.txt"
    doc = read_document(gbk)
    assert doc.text == ARTICLE and doc.path == gbk.display and doc.id == "报告.txt"


def test_names_made_alike_by_escaping_keep_apart(tmp_path):
    (tmp_path / "a\x1b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a\\x1b.txt").write_text(OTHER, encoding="utf-8")   # a real backslash: shown the same way
    found = find_inputs([str(tmp_path)])
    assert len({f.doc_id for f in found}) == 2
    assert sorted(read_document(f).text for f in found) == sorted([ARTICLE, OTHER])


def test_a_path_holding_a_lone_surrogate_is_named_printably():
    with pytest.raises(InputError) as e:
        find_inputs(["missing\ud800.txt"])
    assert str(e.value) == "no such file or folder: missing\\ud800.txt"


@pytest.mark.parametrize("name,shown", [
    ("two\nlines.txt", "two\\nlines.txt"),
    ("red\x1b[31m.txt", "red\\x1b[31m.txt"),
    ("csi\x9b2J.txt", "csi\\x9b2J.txt"),                  # the one-byte C1 form of ESC [
    ("cod.\u202etxt.exe", "cod.\\u202etxt.exe"),        # right-to-left override: would show as exe.txt
    ("iso\u2066late\u2069.txt", "iso\\u2066late\\u2069.txt"),
    ("line\u2028sep.txt", "line\\u2028sep.txt"),
    ("bom\ufeff.txt", "bom\\ufeff.txt"),
    ("del\x7f.txt", "del\\x7f.txt"),
    ("年报 2024（终稿）.txt", "年报 2024（终稿）.txt"),  # ordinary names are left alone
    ("全角\u3000空格.txt", "全角\u3000空格.txt"),
])
def test_names_are_escaped_so_they_cannot_forge_or_colour_output(name, shown):
    assert printable(name) == shown
    assert display_path(name) == shown


def test_a_hostile_name_in_a_warning_stays_on_its_line_and_sends_no_escape(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    hostile = "evil\nkg: warning: all fine\x1b[2J\u202etxt.pdf.txt"
    (arts / hostile).write_bytes(b"%PDF-1.7\n")
    run = kg("build", arts, "--out", tmp_path / "out", "-j", "1")
    assert run.returncode == 0, run.stderr
    (line,) = lines_of(run.stderr)
    assert line == f"kg: warning: skipped {arts}/evil\\nkg: warning: all fine\\x1b[2J\\u202etxt.pdf.txt: a PDF file, not text"
    assert "\x1b" not in run.stderr and "\u202e" not in run.stderr


def test_an_odd_output_folder_name_is_printed_safely(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = os.path.join(os.fsencode(tmp_path), b"out\x1b[1m\xb1\xa8")
    # Without the cache: its record of the outputs (kg.cache.write_manifest) cannot yet hold such a name.
    run = kg("build", tmp_path / "a.txt", "--out", out, "-j", "1", "--no-cache")
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout
    assert f"{tmp_path}/out\\x1b[1m报/graph.ttl" in run.stdout


# --------------------------------------------------------------------------- special files and folders

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_folder_is_skipped_counted_and_fails_strict(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(arts / "pipe.txt")
    (arts / "to-pipe.txt").symlink_to("pipe.txt")
    os.mkfifo(arts / "pipe.dat")                         # not matched by the pattern: not an input at all
    run = kg("build", arts, "--out", tmp_path / "out", "--strict", "-j", "1", timeout=60)
    assert run.returncode == 1
    assert lines_of(run.stderr) == [
        f"kg: error: skipped {arts}/pipe.txt: a named pipe (FIFO), not a regular file",
        f"kg: error: skipped {arts}/to-pipe.txt: a named pipe (FIFO), not a regular file",
        "kg: 2 input(s) skipped (--strict): nothing written, the previous outputs are left as they were",
    ]
    assert run.stdout == "" and not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs FIFOs and /dev/zero")
def test_a_fifo_or_a_device_named_directly_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    run = kg("build", tmp_path / "a.txt", tmp_path / "pipe.txt", "/dev/zero", "--out", tmp_path / "out", "-j", "1",
             timeout=60)
    assert run.returncode == 0, run.stderr
    assert lines_of(run.stderr) == [
        f"kg: warning: skipped {tmp_path}/pipe.txt: a named pipe (FIFO), not a regular file",
        "kg: warning: skipped /dev/zero: a character device, not a regular file",
    ]


def _refuse_listing(monkeypatch, refused: Path) -> None:
    """Make ``refused`` unlistable, as chmod 000 does for anyone but root."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(refused):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_that_cannot_be_listed_is_a_skipped_input(tmp_path, monkeypatch):
    arts = tmp_path / "arts"
    (arts / "locked").mkdir(parents=True)
    (arts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (arts / "locked" / "b.txt").write_text(OTHER, encoding="utf-8")
    _refuse_listing(monkeypatch, arts / "locked")
    assert scan_inputs([str(arts)]).skipped == [(f"{arts}/locked", "cannot list the folder: Permission denied")]
    result = CliRunner().invoke(_main(), ["build", str(arts), "--out", str(tmp_path / "out"), "--strict",
                                          "-j", "1", "--no-cache"])
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [f"kg: error: skipped {arts}/locked: cannot list the folder: Permission denied",
                                       "kg: 1 input(s) skipped (--strict): nothing written, the previous outputs "
                                       "are left as they were"]
    assert result.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a chmod 000 folder anyway (see the test above)")
def test_a_chmod_000_folder_is_a_skipped_input(tmp_path):  # pragma: no cover - not run as root
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(OTHER, encoding="utf-8")
    locked.chmod(0)
    try:
        run = kg("build", tmp_path, "--out", tmp_path / "out", "--strict", "-q")
    finally:
        locked.chmod(stat.S_IRWXU)
    assert run.returncode == 1
    assert lines_of(run.stderr)[0] == f"kg: error: skipped {locked}: cannot list the folder: Permission denied"


# --------------------------------------------------------------------------- never an empty graph by accident

@pytest.fixture
def built(tmp_path):
    """A folder of two articles and the outputs of its build."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (arts / "b.txt").write_text(OTHER, encoding="utf-8")
    out = tmp_path / "out"
    run = kg("build", arts, "--out", out, "-j", "1", "-q")
    assert run.returncode == 0, run.stderr
    return arts, out


def test_an_empty_folder_does_not_replace_the_outputs(built, tmp_path):
    _, out = built
    before = snapshot(out)
    (tmp_path / "empty").mkdir()
    run = kg("build", tmp_path / "empty", "--out", out, "-j", "1")
    assert run.returncode == 2
    assert lines_of(run.stderr) == [f"kg: no input file found (folders are searched for *.txt); {out} left as it was "
                                    "(--allow-empty writes an empty graph)"]
    assert run.stdout == ""
    assert snapshot(out) == before


def test_inputs_that_are_all_skipped_do_not_replace_the_outputs(built, tmp_path):
    _, out = built
    before = snapshot(out)
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "scan.txt").write_bytes(b"%PDF-1.7\n")
    run = kg("build", tmp_path / "scans", "--out", out, "-j", "1")
    assert run.returncode == 2
    assert lines_of(run.stderr) == [
        f"kg: warning: skipped {tmp_path}/scans/scan.txt: a PDF file, not text",
        f"kg: no document could be read (1 input(s) skipped); {out} left as it was (--allow-empty writes an empty graph)"]
    assert snapshot(out) == before


def test_an_unlistable_folder_does_not_replace_the_outputs(built, monkeypatch):
    arts, out = built
    before = snapshot(out)
    _refuse_listing(monkeypatch, arts)
    result = CliRunner().invoke(_main(), ["build", str(arts), "--out", str(out), "-j", "1"])
    assert result.exit_code == 2
    warning, error = lines_of(result.stderr)
    assert warning == f"kg: warning: skipped {arts}: cannot list the folder: Permission denied"
    assert error.startswith("kg: no document could be read (1 input(s) skipped)")
    assert snapshot(out) == before


def test_allow_empty_writes_an_empty_graph(built, tmp_path):
    _, out = built
    (tmp_path / "empty").mkdir()
    run = kg("build", tmp_path / "empty", "--out", out, "--allow-empty", "-j", "1")
    assert run.returncode == 0, run.stderr
    assert "documents  0" in run.stdout
    assert "储祥好" not in (out / "entities.csv").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- kg's own outputs are no input

def test_an_output_folder_inside_the_inputs_is_never_read_back(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (arts / "b.txt").write_text(OTHER, encoding="utf-8")
    entities = []
    for _ in range(2):
        run = kg("build", arts, "--out", arts / "out", "--cache", arts / "cache", "--pattern", "*", "-j", "1")
        assert run.returncode == 0, run.stderr
        assert "documents  2" in run.stdout
        entities.append((arts / "out" / "entities.csv").read_bytes())
    assert entities[0] == entities[1]
    globbed = find_inputs([f"{arts}/*"], exclude=[arts / "out", arts / "cache"])
    assert [f.doc_id for f in globbed] == ["a.txt", "b.txt"]


def test_naming_the_output_folder_as_the_input_is_refused(built):
    _, out = built
    before = snapshot(out)
    run = kg("build", out, "--out", out, "--pattern", "*", "-j", "1")
    assert run.returncode == 2
    assert lines_of(run.stderr) == [f"kg: will not read {out}: it is kg's output or cache folder, or inside one; "
                                    "keep the articles apart from kg's outputs"]
    (out / "sub").mkdir()
    (out / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    inside = kg("build", out / "sub", "--out", out, "-j", "1")
    assert inside.returncode == 2 and f"kg: will not read {out}/sub: it is kg's output" in inside.stderr
    assert snapshot(out) == before


# --------------------------------------------------------------------------- leftovers and messages

def _temporaries(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def test_temporaries_of_a_killed_writer_are_removed_by_the_next_write(tmp_path):
    target = tmp_path / "graph.ttl"
    killed = ("import os, signal, sys\n"
              "from kg.atomic import atomic_open\n"
              "writing = atomic_open(sys.argv[1])\n"
              "f = writing.__enter__()\n"
              "f.write('x' * 100000); f.flush()\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    for _ in range(3):
        subprocess.run([sys.executable, "-c", killed, str(target)], cwd=ROOT, timeout=60)
        # Each writer removed what the one killed before it left: they never pile up.
        assert len(_temporaries(tmp_path)) == 1 and not target.exists()
    atomic_write(target, "whole")
    assert _temporaries(tmp_path) == []
    assert target.read_text() == "whole"


def _gone_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait(timeout=60)
    return p.pid


def test_only_stale_temporaries_of_the_same_output_are_removed(tmp_path):
    gone, day = _gone_pid(), atomic.STALE_SECONDS
    names = {
        f".graph.ttl.{gone}.abcd1234.tmp": False,        # its writer is gone
        ".graph.ttl.k3j2h1g0.tmp": True,                  # an older kg's, recent: may be being written
        ".graph.ttl.zz99yy88.tmp": False,                 # an older kg's, untouched for long
        f".graph.ttl.{os.getppid()}.abcd1234.tmp": True,  # its writer is running
        f".edges.csv.{gone}.abcd1234.tmp": True,          # another output's: left to that output's writer
        ".graph.ttl.notes.tmp": True,                     # not a name kg makes
    }
    for name in names:
        (tmp_path / name).write_text("partial")
    old = time.time() - day - 60
    os.utime(tmp_path / ".graph.ttl.zz99yy88.tmp", (old, old))
    with atomic_open(tmp_path / "graph.ttl") as f:
        f.write("new")
    assert _temporaries(tmp_path) == sorted(n for n, kept in names.items() if kept)


def test_utf8_with_gbk_appended_is_named_with_the_byte_offset():
    for copies in (1, 3):
        utf8 = (ARTICLE * copies).encode("utf-8")
        with pytest.raises(DecodeError) as e:
            decode(utf8 + (ARTICLE * 2).encode("gbk"))
        assert str(e.value) == (f"invalid UTF-8 at byte {len(utf8)} (invalid continuation byte): "
                                "a damaged file or mixed encodings")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_file_swapped_for_a_fifo_after_the_scan_is_refused_when_opened(tmp_path):
    # Between the scan and the reading, a file may become a pipe: opening it must not wait for a writer.
    from kg.corpus import InputFile, iter_documents, read_document
    os.mkfifo(tmp_path / "swapped.txt")
    item = InputFile(tmp_path / "swapped.txt", "swapped.txt")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("opening a FIFO waited for a writer"))
    signal.alarm(20)
    try:
        for read in (read_document, lambda i: list(iter_documents(i))):
            with pytest.raises(OSError, match="a named pipe \\(FIFO\\), not a regular file"):
                read(item)
    finally:
        signal.alarm(0)
