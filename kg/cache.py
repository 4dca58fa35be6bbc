"""A per-article cache of extraction results, for incremental builds.

An entry holds the ``DocResult``s of one input file (one, or one a part for
a huge file) and is found by a key made of everything they depend on: the
file's bytes, its document id, the reading options (backend, conversion to
simplified characters) and the extractor version (kg.docstep). Change any
of them and the key changes, so an entry is never stale; it is simply not
looked up again.

Entries are data, never code: MessagePack decoded by msgspec straight into
the model's dataclasses, every field checked against its declared type. An
entry also carries a keyed checksum (BLAKE2b with a key private to the
user, see :func:`user_key`), so one written by anyone else — a forged or
tampered entry in a shared folder — fails the check like a damaged one:
it is ignored, the article is extracted again and the build says so.

Layout: ``DIR/<extractor version>/<2 hex>/<key>.kgc``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import logging
import os
import shutil
import stat
import tempfile
import time
import zlib
from pathlib import Path

import msgspec

from kg.model import DocResult, Offsets

log = logging.getLogger("kg")

MAGIC = b"KGC2"
_DIGEST = 32
# MessagePack of a DocResult compresses about 3x at level 1, for little time.
_LEVEL = 1
# Version folders kept besides the current one: enough to switch between a
# couple of checkouts without re-extracting, not so many that old ones pile up.
KEEP_VERSIONS = 2
_MARKER = "KGCACHE"
_KEY_BYTES = 32
# A temporary entry untouched this long was left by a build that was killed.
STALE_SECONDS = 3600


class CacheEntryError(ValueError):
    """An entry that is damaged, forged, or not of the current model."""


# --------------------------------------------------------------------------- the payload

def _encode_hook(obj):
    if isinstance(obj, Offsets):
        return obj.runs()
    raise NotImplementedError(f"cannot store {type(obj).__name__} in the cache")


def _decode_hook(kind, obj):
    if kind is Offsets:
        return Offsets.from_runs(obj)
    raise NotImplementedError(f"no decoder for {kind}")


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_encode_hook)
_DECODER = msgspec.msgpack.Decoder(list[DocResult], dec_hook=_decode_hook)


def encode(results: list[DocResult]) -> bytes:
    """The results of one file as a compressed payload (data only, no checksum yet)."""
    return zlib.compress(_ENCODER.encode(_texts_once(results)), _LEVEL)


def decode(payload: bytes) -> list[DocResult]:
    """The results of a payload, every field checked against the model; ``CacheEntryError`` otherwise."""
    try:
        return _texts_shared(_DECODER.decode(zlib.decompress(payload)))
    except (zlib.error, msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError) as e:
        raise CacheEntryError(f"not an entry of this model: {e}") from None


def _texts_once(results: list[DocResult]) -> list[DocResult]:
    """The stories of a page share their file's text: it is stored with the first of them only."""
    out, first = [], None
    for r in results:
        d = r.doc.document
        if first is not None and d.file_id and d.file == first.file and d.text == first.text:
            d = dataclasses.replace(d, text="", original="")
            r = dataclasses.replace(r, doc=dataclasses.replace(r.doc, document=d))
        else:
            first = d
        out.append(r)
    return out


def _texts_shared(results: list[DocResult]) -> list[DocResult]:
    """:func:`_texts_once` undone: each story gets its file's text (the same string) back."""
    first = None
    for r in results:
        d = r.doc.document
        if d.text or first is None or not d.file_id or d.file != first.file:
            if not d.text:
                raise CacheEntryError(f"document {d.id} without its text")
            first = d
            continue
        d = dataclasses.replace(d, text=first.text, original=first.original)
        r.doc = dataclasses.replace(r.doc, document=d)
    return results


def seal(payload: bytes, key: bytes) -> bytes:
    """An entry: magic, keyed checksum, payload."""
    return MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST, key=key).digest() + payload


def unseal(entry: bytes, key: bytes) -> bytes:
    """The payload of an entry sealed with ``key``; ``CacheEntryError`` when damaged or forged."""
    head = len(MAGIC) + _DIGEST
    if len(entry) < head or not entry.startswith(MAGIC):
        raise CacheEntryError("not a cache entry")
    payload = entry[head:]
    expected = hashlib.blake2b(payload, digest_size=_DIGEST, key=key).digest()
    if not hmac.compare_digest(expected, entry[len(MAGIC):head]):
        raise CacheEntryError("checksum does not match (damaged, or written by someone else)")
    return payload


# --------------------------------------------------------------------------- the lookup key

_READ_BYTES = 1 << 20


def reading_options(backend: str, convert: str) -> str:
    """The options a cache key depends on besides the file and the version, as one string.

    >>> reading_options("rules", "auto")
    'backend=rules;convert=auto'
    """
    return f"backend={getattr(backend, 'value', backend)};convert={getattr(convert, 'value', convert)}"


def file_key(data: bytes, doc_id: str, reading: str, version: str) -> str:
    """The cache key of one input file's bytes, read as ``doc_id`` with options ``reading``."""
    h = _hasher(doc_id, reading, version)
    h.update(data)
    return h.hexdigest()


def path_key(path: str | os.PathLike, doc_id: str, reading: str, version: str) -> tuple[str, int]:
    """:func:`file_key` of the file at ``path``, read in pieces, and its size; raises ``OSError``."""
    h = _hasher(doc_id, reading, version)
    size = 0
    with open(path, "rb") as f:
        while piece := f.read(_READ_BYTES):
            h.update(piece)
            size += len(piece)
    return h.hexdigest(), size


def _hasher(doc_id: str, reading: str, version: str):
    h = hashlib.sha256()
    for part in (version.encode(), reading.encode(), doc_id.encode("utf-8", "surrogatepass")):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h


# --------------------------------------------------------------------------- the key

def key_file() -> Path:
    """Where the user's cache key lives: ``$KG_CACHE_KEY``, else ``$XDG_CACHE_HOME/kg/cache.key``."""
    if os.environ.get("KG_CACHE_KEY"):
        return Path(os.environ["KG_CACHE_KEY"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "kg" / "cache.key"


def user_key(path: Path | None = None) -> bytes:
    """The secret that seals this user's entries, made on first use (mode 0600).

    A key file that is not a regular file owned by this user with no access
    for others is not trusted (someone could have planted it): a fresh key
    for this process is used instead, and entries are not reused between
    builds until the file is fixed.
    """
    path = path or key_file()
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except (OSError, CacheEntryError) as e:
        log.warning("cache key %s not usable (%s): cached results will not be reused", path, e)
        return os.urandom(_KEY_BYTES)
    try:
        return _make_key(path)
    except OSError as e:
        log.warning("cannot make the cache key %s (%s): cached results will not be reused", path, e.strerror or e)
        return os.urandom(_KEY_BYTES)


def _read_key(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            raise CacheEntryError("not a private file of this user")
        key = f.read(_KEY_BYTES + 1)
    if len(key) != _KEY_BYTES:
        raise CacheEntryError("wrong length")
    return key


def _make_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = os.urandom(_KEY_BYTES)
    fd, tmp = tempfile.mkstemp(prefix=".cache.key.", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
        os.link(tmp, path)   # fails if another build made the key meanwhile: use theirs
    except FileExistsError:
        return _read_key(path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return key


# --------------------------------------------------------------------------- the folder

class DocCache:
    """The entries of one extractor version under a cache folder."""

    def __init__(self, root: str | os.PathLike, version: str, key: bytes | None = None) -> None:
        self.root = Path(root)
        self.version = version
        self.dir = self.root / version
        self.key = key if key is not None else user_key()
        self.hits = 0
        self.misses = 0
        self.rejected: list[tuple[str, str]] = []   # (doc id, why) of entries present but not usable
        self._ready = False
        self._folders: set[Path] = set()   # subfolders known to exist

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.kgc"

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` exists (it may still prove unusable)."""
        return self.path(key).is_file()

    def get(self, key: str, doc_id: str) -> list[DocResult] | None:
        """The cached results of ``key``, or None when absent or unusable (then removed, with a warning)."""
        path = self.path(key)
        try:
            entry = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            results = decode(unseal(entry, self.key))
            if not all(r.doc.document.id == doc_id or r.doc.document.id.startswith(doc_id + "#")
                       for r in results):
                raise CacheEntryError("entry of another document")
        except CacheEntryError as e:
            log.info("cache entry for %s ignored, extracting again: %s", doc_id, e)
            self.rejected.append((doc_id, str(e)))
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        return results

    def put_payload(self, key: str, payload: bytes) -> None:
        """Seal and store a payload made by :func:`encode`; a failure to write only loses the entry."""
        if not self._prepare():
            return
        path = self.path(key)
        tmp = None
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(exist_ok=True)
                self._folders.add(path.parent)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(seal(payload, self.key))
            # Renamed into place whole, but not fsynced: after a crash an entry
            # may be empty or partly written, which its checksum shows, and it is
            # extracted again; an fsync a file would cost more than extracting.
            os.replace(tmp, path)
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def put(self, key: str, results: list[DocResult]) -> None:
        self.put_payload(key, encode(results))

    def _prepare(self) -> bool:
        """Make the version folder once; False when the cache cannot be written (it is then skipped)."""
        if self._ready:
            return self._usable
        self._ready = True
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            log.warning("cache folder %s cannot be used (%s): nothing is cached", self.root, e.strerror or e)
            self._usable = False
            return False
        self._usable = True
        marker = self.root / _MARKER
        with contextlib.suppress(OSError):
            if not marker.exists():
                marker.write_text("kg document cache; safe to delete\n", encoding="utf-8")
            os.utime(self.dir)
        self.prune()
        self._sweep_temporaries()
        return True

    def _sweep_temporaries(self, older_than: float = STALE_SECONDS) -> None:
        """Remove the half-written entries of builds killed while writing (none of a running build is that old)."""
        cutoff = time.time() - older_than
        with contextlib.suppress(OSError):
            for folder in os.scandir(self.dir):
                if not folder.is_dir(follow_symlinks=False):
                    continue
                for entry in os.scandir(folder.path):
                    if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                        with contextlib.suppress(OSError):
                            if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                                os.unlink(entry.path)

    def prune(self, keep: int = KEEP_VERSIONS) -> list[Path]:
        """Remove the folders of old extractor versions but the ``keep`` most recently used.

        Only a folder holding this module's marker file is pruned, so pointing
        ``--cache`` at some other folder by mistake deletes nothing of it.
        """
        if not (self.root / _MARKER).exists():
            return []
        others = [p for p in self.root.iterdir()
                  if p.is_dir() and p.name != self.version and len(p.name) == 16
                  and all(c in "0123456789abcdef" for c in p.name)]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        removed = others[keep:]
        for p in removed:
            shutil.rmtree(p, ignore_errors=True)
        return removed
