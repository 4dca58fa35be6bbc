"""Each stage of a build says what it is doing and how long it took.

``kg -v`` logs the start and the time of every stage. Without ``-v`` and
without ``-q``, ``kg build`` on a terminal shows the stage under way on one
line of standard error (:func:`show_stages`), so the steps after extraction
(merge, analytics, each output) do not look like a hang.
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
from typing import IO, Iterator

log = logging.getLogger("kg")

_CLEAR = "\r\x1b[K"
_status: dict = {"stream": None, "pid": None, "stack": []}


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Log the start and the time of the work inside the block, at INFO (shown by ``kg -v``)."""
    log.info("%s ...", name)
    start = time.perf_counter()
    _show(name, push=True)
    try:
        yield
    finally:
        _show(name, push=False)
    log.info("%s: done in %.2f s", name, time.perf_counter() - start)


@contextlib.contextmanager
def show_stages(stream: IO) -> Iterator[None]:
    """Show the stage under way on one line of ``stream`` (a terminal) while the block runs; clear it after."""
    _status.update(stream=stream, pid=os.getpid(), stack=[])
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.write(_CLEAR)
            stream.flush()
        _status.update(stream=None, pid=None, stack=[])


def _show(name: str, push: bool) -> None:
    stream = _status["stream"]
    # Only the process that owns the line writes it: a forked writer would garble it.
    if stream is None or _status["pid"] != os.getpid():
        return
    stack = _status["stack"]
    if push:
        stack.append(name)
    elif stack and stack[-1] == name:
        stack.pop()
    with contextlib.suppress(OSError, ValueError):
        stream.write(_CLEAR + (f"kg: {stack[-1]} …" if stack else ""))
        stream.flush()
