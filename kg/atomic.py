"""Write files so that a reader never sees half of one.

Every output goes to a temporary file in the same folder (same file system,
so the final rename is atomic) and is moved into place only once complete: a
build killed at any point leaves the previous outputs intact.
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open a temporary sibling of ``path``; on success fsync it and rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    _usual_mode(fd)
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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    _usual_mode(fd)
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
