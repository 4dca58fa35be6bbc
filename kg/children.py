"""Processes kg starts (extraction workers, output writers) end with the process that started them."""
from __future__ import annotations

import ctypes
import os
import signal
import sys

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a child: be killed when the process that started it ends, however it ends.

    Linux's parent-death signal covers ``kill -9`` of the parent, which no
    handler in the parent can; a child whose parent is already gone exits.
    Ctrl-C and SIGTERM are the parent's to handle: the child ignores SIGINT
    so that one keypress does not print a traceback from every process, and
    ends quietly on the SIGTERM the parent sends it (a forked child would
    otherwise inherit the parent's handler, which raises KeyboardInterrupt).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
            pass
    if os.getppid() != parent:
        os._exit(1)
