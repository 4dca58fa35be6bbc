"""Run blocking work in a thread that can be given up on: a deadline, and Ctrl-C, stay in the caller's hands.

Neither pyoxigraph's evaluation nor a socket read can be interrupted from
Python: a signal is only handled once they return, which may be never. So the
work runs in a daemon thread while the calling thread waits in short slices,
where Ctrl-C (KeyboardInterrupt) arrives at once and the deadline is checked.
Work given up on is abandoned, not stopped: a stream stops at its next item,
and anything else ends with the process (or when it finishes by itself).
"""
from __future__ import annotations

import queue
import threading
import time
import traceback
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")

_SLICE = 0.1      # seconds between checks of the deadline while waiting
_BATCH = 1024     # items handed over at once by a stream
_BATCH_AGE = 0.05  # seconds an unfinished batch may wait before it is handed over anyway


class DeadlinePassed(Exception):
    """The deadline passed before the work was done."""


class Deadline:
    """A point in time ``seconds`` from now, or none at all."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._at = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        return None if self._at is None else self._at - time.monotonic()

    def passed(self) -> bool:
        return self._at is not None and time.monotonic() >= self._at

    def slice(self) -> float:
        """How long to wait before looking again."""
        remaining = self.remaining()
        return _SLICE if remaining is None else max(0.0, min(_SLICE, remaining))


def call(work: Callable[[], T], deadline: Deadline) -> T:
    """``work()`` in a worker thread: its value or its exception, or DeadlinePassed."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as e:  # handed to the caller, who decides
            outcome["error"] = _without_locals(e)
        finally:
            done.set()

    threading.Thread(target=run, name="kg-worker", daemon=True).start()
    while not done.wait(deadline.slice()):
        if deadline.passed():
            raise DeadlinePassed()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def stream(produce: Callable[[], Iterator[T]], deadline: Deadline) -> Iterator[T]:
    """The items of ``produce()``, made in a worker thread and handed over in batches as they come.

    At most a few batches wait for the reader, so memory stays bounded however
    many items there are. Closing the iterator (or leaving a loop over it) stops
    the worker at its next item.
    """
    handover: queue.Queue = queue.Queue(maxsize=4)
    stop = threading.Event()
    threading.Thread(target=_produce, args=(produce, handover, stop), name="kg-stream", daemon=True).start()
    try:
        while True:
            kind, payload = _next_batch(handover, deadline)
            if kind == "items":
                yield from payload
            elif kind == "error":
                raise payload
            else:
                return
    finally:
        stop.set()


def _produce(produce: Callable[[], Iterator[T]], handover: queue.Queue, stop: threading.Event) -> None:
    def hand_over(kind: str, payload: object) -> bool:
        while not stop.is_set():
            try:
                handover.put((kind, payload), timeout=_SLICE)
                return True
            except queue.Full:
                pass
        return False

    try:
        batch: list[T] = []
        started = time.monotonic()
        for item in produce():
            batch.append(item)
            if len(batch) >= _BATCH or time.monotonic() - started > _BATCH_AGE:
                if not hand_over("items", batch):
                    return
                batch, started = [], time.monotonic()
            if stop.is_set():
                return
        if hand_over("items", batch):
            hand_over("end", None)
    except BaseException as e:  # handed to the reader, who decides
        hand_over("error", _without_locals(e))


def _without_locals(error: BaseException) -> BaseException:
    """``error`` with its traceback's variables let go here: some objects (pyoxigraph's
    solutions) must not be freed in another thread, and the traceback would carry them there."""
    seen, link = set(), error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        traceback.clear_frames(link.__traceback__)
        link = link.__context__
    return error


def _next_batch(handover: queue.Queue, deadline: Deadline) -> tuple[str, object]:
    while not deadline.passed():
        try:
            return handover.get(timeout=deadline.slice())
        except queue.Empty:
            pass
    raise DeadlinePassed()
