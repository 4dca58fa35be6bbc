"""Each stage of a build says what it is doing and how long it took (``kg -v``)."""
from __future__ import annotations

import contextlib
import logging
import time
from typing import Iterator

log = logging.getLogger("kg")


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Log the start and the time of the work inside the block, at INFO (shown by ``kg -v``)."""
    log.info("%s ...", name)
    start = time.perf_counter()
    yield
    log.info("%s: done in %.2f s", name, time.perf_counter() - start)
