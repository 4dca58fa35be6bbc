"""Write files so that a reader never sees half of one.

Every output goes to a temporary file in the same folder (same file system,
so the final rename is atomic) and is moved into place only once complete: a
build killed at any point leaves the previous outputs intact. The temporary
files a killed build could not remove are removed by the next one that
writes the same output (see ``_remove_stale``).
"""
from __future__ import annotations

import contextlib
import contextvars
import gc
import os
import pickle
import re
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Callable, Iterator, TypeVar

from kg.children import die_with_parent

T = TypeVar("T")


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open a temporary sibling of ``path``; on success fsync it and rename it over ``path``."""
    path = Path(path)
    fd, tmp = _temporary(path)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _commit(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# A temporary file is named .NAME.PID.XXXXXXXX.tmp, PID being the process that
# will move it into place; older versions of kg named it .NAME.XXXXXXXX.tmp.
# One untouched for this long is left over, whoever made it: no build holds a
# finished file that long before moving it.
STALE_SECONDS = 24 * 3600
# The process that moves this process's temporary files into place, when not
# this one (a writer forked by alongside()).
_owner: contextvars.ContextVar[int | None] = contextvars.ContextVar("kg_atomic_owner", default=None)


def _temporary(path: Path) -> tuple[int, str]:
    """Create the temporary sibling of ``path`` (an open descriptor and its name), clearing away stale ones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    owner = _owner.get() or os.getpid()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{owner}.", suffix=".tmp", dir=path.parent)
    _usual_mode(fd)
    return fd, tmp


def _remove_stale(path: Path) -> None:
    """Remove the temporary files of ``path`` that killed builds left behind.

    Such a file is left over when the process named in it is gone, or when it
    has not been touched for ``STALE_SECONDS`` (its process id may have been
    reused, or an older kg did not name it). Only this output's temporaries
    are looked at, so nothing but kg's own files in the folder is touched.
    """
    own = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)\.)?[a-z0-9_]{{8}}\.tmp")
    prefix = f".{path.name}."
    try:
        with os.scandir(path.parent) as listing:
            found = [(e, m) for e in listing if e.name.startswith(prefix) and (m := own.fullmatch(e.name))]
    except OSError:
        return
    now = time.time()
    for entry, m in found:
        # Another build may remove the same file meanwhile; a failure here must not fail this one.
        with contextlib.suppress(OSError):
            st = entry.stat(follow_symlinks=False)
            gone = m[1] is not None and not _running(int(m[1]))
            if stat.S_ISREG(st.st_mode) and (gone or now - st.st_mtime > STALE_SECONDS):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether process ``pid`` may still be running (when it cannot be told: yes)."""
    if pid == os.getpid() or os.name != "posix":  # Windows' os.kill would stop the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def _usual_mode(fd: int) -> None:
    """Give the file the permissions a plain open() would (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)


def atomic_write(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` atomically."""
    mode = "wb" if isinstance(data, bytes) else "w"
    with atomic_open(path, mode, encoding=encoding) as f:
        f.write(data)


def atomic_output_path(path: str | os.PathLike) -> contextlib.AbstractContextManager[Path]:
    """Yield a temporary path for libraries that insist on writing a file by name.

    The file is moved over ``path`` when the block ends without an error.
    """
    return _atomic_output_path(Path(path))


@contextlib.contextmanager
def _atomic_output_path(path: Path) -> Iterator[Path]:
    fd, tmp = _temporary(path)
    os.close(fd)
    try:
        yield Path(tmp)
        _commit(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# Files written inside atomic_batch(), as (temporary, final) pairs not yet moved.
_pending: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar("kg_atomic_pending",
                                                                                        default=None)


def _commit(tmp: str, path: Path) -> None:
    pending = _pending.get()
    if pending is None:
        os.replace(tmp, path)
    else:
        pending.append((tmp, path))


@contextlib.contextmanager
def atomic_batch() -> Iterator[None]:
    """Move every file written inside the block into place together, once all are complete.

    Each file alone is atomic anyway; a batch keeps a set of them consistent:
    a build killed while writing its outputs leaves all of the previous ones,
    not some old and some new. Only the renames at the end (microseconds) can
    be interrupted. If the block fails, the temporary files are removed.
    """
    pending: list[tuple[str, Path]] = []
    token = _pending.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        _pending.reset(token)
    for tmp, path in pending:
        os.replace(tmp, path)


class Alongside:
    """The result of work run by :func:`alongside`, available once its block has ended."""

    def __init__(self) -> None:
        self._value = None

    def result(self):
        return self._value


@contextlib.contextmanager
def alongside(work: Callable[[], T]) -> Iterator[Alongside]:
    """Run ``work`` in a forked copy of this process while the block runs.

    For writers that only read what is already in memory: the copy sees it
    without any of it being sent over. Files ``work`` writes with this
    module's functions join the batch the block is in (or are moved into
    place when there is none) only if both the block and ``work`` succeed;
    otherwise they are removed and the first error is raised. Where a fork is
    unsafe (no fork, or other threads running), ``work`` runs here first.
    """
    done = Alongside()
    if not hasattr(os, "fork") or threading.active_count() > 1:
        done._value = work()
        yield done
        return
    owner = _owner.get() or os.getpid()
    owner_pid = os.getpid()
    read_end, write_end = os.pipe()
    # The copy only reads what is in memory: with the objects frozen, its collector never writes into
    # their pages, which it would otherwise copy one by one (copy on write) until it held all of them.
    gc.freeze()
    pid = os.fork()
    if pid != 0:
        gc.unfreeze()
    if pid == 0:  # pragma: no cover - runs in the child, which leaves by os._exit
        os.close(read_end)
        die_with_parent(owner_pid)
        _run_child(work, write_end, owner)
    os.close(write_end)
    try:
        yield done
    except BaseException:
        _outcome(pid, read_end, discard=True)
        raise
    ok, value, files = _outcome(pid, read_end, discard=False)
    if not ok:
        raise value
    for tmp, path in files:
        _commit(tmp, Path(path))
    done._value = value


def _run_child(work: Callable, write_end: int, owner: int) -> None:  # pragma: no cover - runs in the child
    status = 0
    pending: list[tuple[str, Path]] = []
    _pending.set(pending)
    # The files written here are moved into place by the parent, after this process is gone.
    _owner.set(owner)
    try:
        payload = pickle.dumps((True, work(), [(tmp, str(path)) for tmp, path in pending]))
    except BaseException as e:
        status = 1
        for tmp, _ in pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        try:
            payload = pickle.dumps((False, e, []))
        except Exception:
            payload = pickle.dumps((False, RuntimeError(f"{type(e).__name__}: {e}"), []))
    try:
        with os.fdopen(write_end, "wb") as f:
            f.write(payload)
    finally:
        os._exit(status)


def _outcome(pid: int, read_end: int, discard: bool) -> tuple[bool, object, list[tuple[str, str]]]:
    """Wait for the child and take what it sent: (ok, its value or error, files written)."""
    with os.fdopen(read_end, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return False, RuntimeError(f"a writer process ended without a result (status {status})"), []
    ok, value, files = pickle.loads(data)
    if discard:
        for tmp, _ in files:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return ok, value, files
