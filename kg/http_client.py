"""HTTP for `kg query --endpoint` and `kg push`: one deadline for the whole exchange, a bounded answer.

urllib's own timeout bounds each socket operation, not the exchange: a server
that sends a byte a second never trips it. Here the exchange runs in a worker
thread that the caller stops waiting for at the deadline, and the answer is
read in pieces up to a size limit, so neither time nor memory depends on the
server's good behaviour.
"""
from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request

from kg import worker
from kg.worker import Deadline, DeadlinePassed

ERROR_BODY_LIMIT = 64 * 1024   # bytes of an error answer kept for the message
_PIECE = 64 * 1024


class HttpError(Exception):
    """An exchange that failed; ``message`` is one line naming the URL. ``detail`` is a refusal's body."""

    def __init__(self, message: str, status: int | None = None, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.detail = detail


def one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def check_url(url: str) -> None:
    """Refuse anything but a well-formed http(s) URL, before any connection is tried."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError as e:
        raise HttpError(f"bad URL {url!r}: {e}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpError(f"bad URL {url!r}: expected http://HOST[:PORT]/PATH or https://…")
    if not url.isascii() or any(c.isspace() for c in url):
        raise HttpError(f"bad URL {url!r}: spaces and non-ASCII characters must be percent-encoded")


def exchange(url: str, *, data, headers: dict[str, str], method: str, timeout: float,
             max_bytes: int | None = None) -> bytes:
    """Send one request and return the answer's body; nothing is read when ``max_bytes`` is None.

    Raises HttpError for a bad URL, an unreachable or refusing server, an answer
    that is not HTTP, one larger than ``max_bytes``, or no complete answer within
    ``timeout`` seconds (connecting, sending and reading all count).
    """
    check_url(url)
    deadline = Deadline(timeout)
    try:
        return worker.call(lambda: _exchange(url, data, headers, method, deadline, max_bytes), deadline)
    except DeadlinePassed:
        raise HttpError(f"{url} gave no complete answer within {timeout:g} s (--timeout)") from None


def _exchange(url: str, data, headers: dict[str, str], method: str, deadline: Deadline,
              max_bytes: int | None) -> bytes:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=deadline.seconds) as response:
            return b"" if max_bytes is None else _read(response, url, deadline, max_bytes)
    except urllib.error.HTTPError as e:
        detail = e.read(ERROR_BODY_LIMIT).decode("utf-8", "replace").strip() if e.fp else ""
        said = f": {one_line(detail)}" if detail else ""
        raise HttpError(f"{url} refused the request: HTTP {e.code} {one_line(e.reason)}{said}", e.code, detail) from None
    except urllib.error.URLError as e:
        raise HttpError(f"cannot reach {url}: {_reason(e.reason)}") from None
    except http.client.HTTPException as e:
        raise HttpError(f"{url} did not answer in HTTP: {_reason(e)}") from None
    except OSError as e:
        raise HttpError(f"lost the connection to {url}: {_reason(e)}") from None
    except ValueError as e:  # what http.client says of a URL or header it cannot send
        raise HttpError(f"bad URL {url!r}: {one_line(e)}") from None


def _read(response, url: str, deadline: Deadline, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise HttpError(_too_large(url, max_bytes))
    pieces, size = [], 0
    while piece := response.read(_PIECE):
        size += len(piece)
        if size > max_bytes:
            raise HttpError(_too_large(url, max_bytes))
        if deadline.passed():  # the caller has given up already: stop reading
            raise DeadlinePassed()
        pieces.append(piece)
    return b"".join(pieces)


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url} answered with more than {max_bytes / 1e6:g} MB (--max-reply)"


def _reason(reason: object) -> str:
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(reason, http.client.BadStatusLine):
        return f"not an HTTP status line: {one_line(repr(reason.line), 80)}"
    if isinstance(reason, TimeoutError):
        return "timed out"
    return one_line(reason) or type(reason).__name__
