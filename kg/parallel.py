"""Run per-file extraction in other processes: a local pool or a Dask cluster.

The unit of work is a chunk of input files, not one file: a chunk is big
enough that sending it and its results between processes costs little next
to extracting it, and there are several chunks a worker so that a slow one
does not leave the others idle at the end. Each worker process loads the
lexicons and the segmenter once (they are cached per process) and sends back,
for every file, its cache key and its results already encoded as a cache
payload: the encoding is done once, in parallel, and the same bytes go to the
cache and to the merge. Local workers die with the process that started them,
however it ends.

Results are put back in input order before anyone looks at them, so a build
with any number of workers merges exactly what a single process would.
"""
from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from kg import cache as cache_mod
from kg.children import die_with_parent
from kg.config import Backend, Conversion
from kg.corpus import DecodeError, InputError, InputFile, iter_documents
from kg.docstep import extractor_version, process_file

# A chunk holds at most this many bytes of input, and there are at least
# CHUNKS_PER_WORKER chunks a worker when the corpus is large enough.
CHUNK_BYTES = 1 << 20
CHUNKS_PER_WORKER = 16
# Chunks handed out ahead of the workers: enough to keep them busy, few
# enough that the results waiting to be merged stay small.
IN_FLIGHT_PER_WORKER = 2
CONNECT_SECONDS = 10


@dataclass(frozen=True)
class Task:
    """One input file to extract: its position in the build, id, path, and bytes when shipped."""
    index: int
    doc_id: str
    path: str
    data: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one file.

    ``payload`` is a cache payload (see ``kg.cache.encode``) when the file was read,
    ``reason`` says why it was skipped otherwise. ``cacheable`` is false when
    the file changed while it was read, so its key may not match its results.
    """
    index: int
    key: str
    payload: bytes = b""
    reason: str = ""
    cacheable: bool = True
    results: list | None = None   # the results themselves, when extracted in this process


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_files(tasks: list[Task], backend: Backend, convert: Conversion,
                  version: str) -> tuple[str, list[Outcome]]:
    """Extract a chunk of files; return this process's extractor version and one outcome a file.

    Runs in a worker (pool process or Dask worker). ``version`` is the
    client's extractor version: a worker whose code differs says so instead
    of extracting, since its results would not be what the client builds.
    """
    mine = extractor_version(backend)
    if mine != version:
        return mine, []
    return mine, [extract_file(t, backend, convert, mine) for t in tasks]


def extract_file(task: Task, backend: Backend, convert: Conversion, version: str, serialize: bool = True) -> Outcome:
    """Extract one file; with ``serialize`` false the results are returned as objects, not as a payload."""
    if task.data is not None:
        return _extract_shipped(task, backend, convert, version)
    reading = cache_mod.reading_options(backend, convert)
    path = Path(task.path)
    try:
        before = os.stat(path)
        key, _ = cache_mod.path_key(path, task.doc_id, reading, version)
    except OSError as e:
        return Outcome(task.index, "", reason=e.strerror or str(e))
    item = InputFile(path, task.doc_id)
    try:
        results = [r for doc in iter_documents(item, convert=convert) for r in process_file(doc, backend)]
        after = os.stat(path)
    except DecodeError as e:
        return Outcome(task.index, key, reason=str(e))
    except OSError as e:
        return Outcome(task.index, key, reason=e.strerror or str(e))
    unchanged = (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns)
    if not serialize:
        return Outcome(task.index, key, cacheable=unchanged, results=results)
    return Outcome(task.index, key, payload=cache_mod.encode(results), cacheable=unchanged)


def _extract_shipped(task: Task, backend: Backend, convert: Conversion, version: str) -> Outcome:
    """Extract bytes shipped with the task (a Dask worker on another machine).

    They are read through a private file so that decoding, splitting and
    conversion are exactly those of a local build; the path recorded is
    fixed up by the client.
    """
    reading = cache_mod.reading_options(backend, convert)
    key = cache_mod.file_key(task.data, task.doc_id, reading, version)
    with tempfile.TemporaryDirectory(prefix="kg-") as tmp:
        path = Path(tmp) / "input"
        path.write_bytes(task.data)
        try:
            results = [r for doc in iter_documents(InputFile(path, task.doc_id), convert=convert)
                       for r in process_file(doc, backend)]
        except DecodeError as e:
            return Outcome(task.index, key, reason=str(e))
    return Outcome(task.index, key, payload=cache_mod.encode(results))


def chunks(tasks: list[Task], sizes: list[int], workers: int) -> list[list[Task]]:
    """Cut ``tasks`` (in order) into chunks of about equal bytes.

    >>> ts = [Task(i, str(i), str(i)) for i in range(40)]
    >>> [len(c) for c in chunks(ts, [100] * 40, 1)]
    [3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2]
    """
    if not tasks:
        return []
    total = sum(sizes)
    n = max(workers * CHUNKS_PER_WORKER, math.ceil(total / CHUNK_BYTES))
    n = min(n, len(tasks))
    target = total / n
    out: list[list[Task]] = []
    cur: list[Task] = []
    acc = 0
    for task, size in zip(tasks, sizes):
        cur.append(task)
        acc += size
        if acc >= target * (len(out) + 1) and len(out) < n - 1:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


class VersionMismatch(InputError):
    """A worker runs another version of the extractor than the client.

    An ``InputError`` so that ``kg build`` reports it in one line (exit 2):
    it is the cluster's set-up, not the corpus, that needs fixing.
    """


def _check(version: str, theirs: str, where: str) -> None:
    if theirs != version:
        raise VersionMismatch(
            f"{where} runs another version of kg's extractor ({theirs}) than this machine ({version}); "
            "install the same kg (and lexicons) on every worker")


def run_pool(groups: list[list[Task]], backend: Backend, convert: Conversion,
             workers: int) -> Iterator[list[Outcome]]:
    """Extract ``groups`` in a local pool of ``workers`` processes; yield each chunk's outcomes as it ends."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    version = extractor_version(backend)
    # fork starts workers at once and shares the parent's imported modules;
    # elsewhere the platform's default start method works too (the worker
    # function is importable). Paddle (LAC) runs threads, which fork does not
    # carry over safely, so a process that loaded it spawns fresh workers.
    fork = sys.platform.startswith("linux") and "paddle" not in sys.modules
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    window = max(1, workers * IN_FLIGHT_PER_WORKER)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=die_with_parent,
                               initargs=(os.getpid(),))
    try:
        pending = iter(groups)
        running = {pool.submit(extract_files, g, backend, convert, version) for g in _take(pending, window)}
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                theirs, outcomes = fut.result()
                _check(version, theirs, "a worker process")
                yield outcomes
            for g in _take(pending, window - len(running)):
                running.add(pool.submit(extract_files, g, backend, convert, version))
    except BaseException:
        # Stopped early (an error, Ctrl-C, SIGTERM, or the consumer gave up):
        # the chunks under way are abandoned, not run to their end.
        _terminate_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _terminate_workers(pool) -> None:
    # The executor has no public way to stop its processes at once.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
    # A worker killed while sending its result leaves half a message in the result pipe, which the
    # executor's thread would wait for forever, as this process holds the pipe's other end open too:
    # closed here, the read ends once the workers are gone, and the executor shuts down.
    queue = getattr(pool, "_result_queue", None)
    with contextlib.suppress(OSError, AttributeError):
        queue._writer.close()


def require_dask():
    """Dask's distributed module, or ``InputError`` saying how to install it."""
    try:
        import dask.distributed
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'kg[dask]' (here and on every worker)") from None
    return dask.distributed


def run_dask(groups: list[list[Task]], backend: Backend, convert: Conversion,
             address: str) -> Iterator[list[Outcome]]:
    """Extract ``groups`` on the Dask cluster whose scheduler is at ``address``.

    File contents are sent with the tasks, so the workers need kg but not
    the corpus; each chunk's bytes are read only when it is handed out.
    """
    distributed = require_dask()
    version = extractor_version(backend)
    try:
        client = distributed.Client(address, set_as_default=False, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as e:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    as_completed = distributed.as_completed
    with client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = n_workers * IN_FLIGHT_PER_WORKER
        pending = iter(groups)
        # pure=False: two chunks with equal contents are still two tasks.
        futures = [client.submit(extract_files, _shipped(g), backend, convert, version, pure=False)
                   for g in _take(pending, window)]
        queue = as_completed(futures, loop=client.loop)
        for fut in queue:
            theirs, outcomes = fut.result()
            fut.release()
            _check(version, theirs, "a Dask worker")
            yield outcomes
            for g in _take(pending, 1):
                queue.add(client.submit(extract_files, _shipped(g), backend, convert, version, pure=False))


def _shipped(group: list[Task]) -> list[Task]:
    """The tasks with their files' bytes; an unreadable file goes without, and the worker reports it."""
    out = []
    for t in group:
        try:
            out.append(Task(t.index, t.doc_id, t.path, Path(t.path).read_bytes()))
        except OSError:
            out.append(t)
    return out


def _take(it: Iterator, n: int) -> list:
    """Up to ``n`` more items of ``it`` (none when ``n`` is not positive)."""
    return list(islice(it, max(0, n)))


def run_here(groups: list[list[Task]], backend: Backend, convert: Conversion) -> Iterator[list[Outcome]]:
    """Extract in this process, one file at a time (one worker, or too little work for a pool)."""
    version = extractor_version(backend)
    for group in groups:
        for task in group:
            yield [extract_file(task, backend, convert, version, serialize=False)]
