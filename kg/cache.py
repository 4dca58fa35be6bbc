"""A per-document cache of extraction results, for incremental builds.

An entry holds the ``DocResult``s of one input file (one, or one a part
for a huge file) and is found by a key made of everything they depend on: the
file's bytes, its document id, the reading options (recognizer backend,
conversion to simplified characters) and the extractor's version (the lexicon
files and the source of every module extraction runs through). Change any of them and the
key changes, so an entry is never stale; it is simply not looked up again.

The cache is only a lookup: which documents a build contains is decided by
the current inputs, and every corpus statistic is recomputed on the merged
result. Entries are written atomically and carry a checksum, so one written
by an interrupted build, truncated or damaged on disk is ignored and the
document extracted again.

Layout: ``DIR/<extractor version>/<2 hex>/<key>.kgc``.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import inspect
import os
import pickle
import shutil
import tempfile
import zlib
from pathlib import Path

from kg.atomic import atomic_write
from kg.model import DocResult

MAGIC = b"KGC1"
_DIGEST = 16
# Pickle of a DocResult compresses about 2.5x at level 1, for little time.
_LEVEL = 1
# Version folders kept besides the current one: enough to switch between a
# couple of checkouts without re-extracting, not so many that old ones pile up.
KEEP_VERSIONS = 2
_MARKER = "KGCACHE"

# The modules a DocResult depends on, relative to the kg package.
_SOURCES = ("corpus.py", "clean.py", "extract/*.py", "lexicon/*.py", "resolve.py", "relations.py", "model.py")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short hash that changes whenever extraction could give another result.

    It covers the lexicon files and their loader, the source files of
    decoding, cleaning, extraction, resolution, relations and the data model,
    the pipeline's
    ``process_document``, and the packages whose data decide the result (the
    taggers' dictionaries, OpenCC's tables).
    """
    from kg import lexicon, pipeline
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    h.update(lexicon.version().encode())
    for pattern in _SOURCES:
        for path in sorted(root.glob(pattern)):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    for func in (pipeline.process_document, pipeline._extractor):
        h.update(inspect.getsource(func).encode())
    for package in ("jieba", "rjieba", "opencc", "LAC", "paddlepaddle"):
        try:
            h.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{package}=none".encode())
    return h.hexdigest()[:16]


def file_key(data: bytes, doc_id: str, reading: str, version: str | None = None) -> str:
    """The cache key of one input file's bytes, read as ``doc_id`` with options ``reading``.

    ``reading`` names the options that change what is extracted (see
    :func:`reading_options`).
    """
    h = _hasher(doc_id, reading, version)
    h.update(data)
    return h.hexdigest()


def path_key(path: str | os.PathLike, doc_id: str, reading: str, version: str | None = None) -> tuple[str, int]:
    """:func:`file_key` of the file at ``path``, read in pieces, and its size; raises ``OSError``."""
    h = _hasher(doc_id, reading, version)
    size = 0
    with open(path, "rb") as f:
        while piece := f.read(_READ_BYTES):
            h.update(piece)
            size += len(piece)
    return h.hexdigest(), size


_READ_BYTES = 1 << 20


def _hasher(doc_id: str, reading: str, version: str | None):
    h = hashlib.sha256()
    for part in ((version or extractor_version()).encode(), reading.encode(),
                 doc_id.encode("utf-8", "surrogatepass")):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h


def reading_options(ner: str, to_simplified: bool) -> str:
    """The options a cache key depends on, as one string.

    >>> reading_options("rules", False)
    'ner=rules;simplified=0'
    """
    return f"ner={ner};simplified={int(to_simplified)}"


def dumps(results: list[DocResult]) -> bytes:
    """Serialize the results of one file into a cache entry: magic, checksum, compressed pickle."""
    payload = zlib.compress(pickle.dumps(results, protocol=5), _LEVEL)
    return MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload


def loads(blob: bytes) -> list[DocResult]:
    """The results in a cache entry; ``ValueError`` when the entry is damaged."""
    head = len(MAGIC) + _DIGEST
    if len(blob) < head or not blob.startswith(MAGIC):
        raise ValueError("not a cache entry")
    payload = blob[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != blob[len(MAGIC):head]:
        raise ValueError("checksum mismatch")
    results = pickle.loads(zlib.decompress(payload))
    if not isinstance(results, list) or not all(isinstance(r, DocResult) for r in results):
        raise ValueError("not a list of document results")
    return results


class DocCache:
    """The entries of one extractor version under a cache folder."""

    def __init__(self, root: str | os.PathLike, version: str | None = None) -> None:
        self.root = Path(root)
        self.version = version or extractor_version()
        self.dir = self.root / self.version
        self.hits = 0
        self.misses = 0
        self.ignored = 0      # entries present but unreadable
        self._ready = False
        self._folders: set[Path] = set()   # subfolders known to exist

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.kgc"

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` exists (it may still prove unreadable)."""
        return self.path(key).is_file()

    def get(self, key: str, doc_id: str) -> list[DocResult] | None:
        """The cached results of ``key``, or None when absent or unreadable."""
        path = self.path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            results = loads(blob)
            if not all(r.doc.document.id == doc_id or r.doc.document.id.startswith(doc_id + "#")
                       for r in results):
                raise ValueError("entry of another document")
        except Exception:  # noqa: BLE001 - any damage means: extract again
            self.ignored += 1
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        return results

    def put_blob(self, key: str, blob: bytes) -> None:
        """Store an entry made by :func:`dumps`; a failure to write only loses the entry."""
        self._prepare()
        path = self.path(key)
        tmp = None
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(exist_ok=True)
                self._folders.add(path.parent)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            # Renamed into place whole, but not fsynced: after a crash an entry
            # may be empty or partly written, which its checksum shows, and it is
            # extracted again; an fsync a file would cost more than extracting.
            os.replace(tmp, path)
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def put(self, key: str, results: list[DocResult]) -> None:
        self.put_blob(key, dumps(results))

    def _prepare(self) -> None:
        if self._ready:
            return
        self._ready = True
        self.dir.mkdir(parents=True, exist_ok=True)
        marker = self.root / _MARKER
        if not marker.exists():
            with contextlib.suppress(OSError):
                marker.write_text("kg document cache; safe to delete\n", encoding="utf-8")
        with contextlib.suppress(OSError):
            os.utime(self.dir)
        self.prune()

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


# --------------------------------------------------------------------------- up-to-date outputs

MANIFEST = ".kg-build.json"
_MANIFEST_FORMAT = 1
# Packages whose output the writers pass on byte for byte.
_WRITER_PACKAGES = ("rdflib", "pyoxigraph", "networkx", "pyvis", "jinja2", "lxml", "numpy", "scipy")


@functools.lru_cache(maxsize=1)
def build_version() -> str:
    """A hash of everything that shapes the outputs besides the inputs and options.

    That is every file of the kg package (code, templates, ontology, lexicons)
    and the versions of the packages the writers use.
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(extractor_version().encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    for package in _WRITER_PACKAGES:
        try:
            h.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{package}=none".encode())
    return h.hexdigest()[:16]


def build_stamp(inputs: list[tuple[str, str, str]], options: dict) -> str:
    """The identity of a build: (doc id, path, file key) of every input, the output options, the code."""
    import json
    payload = json.dumps({"code": build_version(), "options": options, "inputs": inputs},
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _file_state(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def write_manifest(out_dir: Path, stamp: str, outputs: list[Path], summary: dict) -> None:
    """Record that the files ``outputs`` are the result of the build ``stamp``."""
    import json
    record = {"format": _MANIFEST_FORMAT, "stamp": stamp,
              "outputs": {str(p): _file_state(Path(p)) for p in outputs}, "summary": summary}
    with contextlib.suppress(OSError):
        atomic_write(Path(out_dir) / MANIFEST, json.dumps(record, ensure_ascii=False, default=str))


def forget_manifest(out_dir: Path) -> None:
    """Drop the record before outputs are rewritten: a build stopped halfway is not up to date."""
    with contextlib.suppress(OSError):
        (Path(out_dir) / MANIFEST).unlink()


def up_to_date(out_dir: Path, stamp: str) -> dict | None:
    """The summary recorded by the build ``stamp`` if its outputs are all still as it wrote them."""
    import json
    try:
        record = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != _MANIFEST_FORMAT or record.get("stamp") != stamp:
        return None
    outputs = record.get("outputs") or {}
    if not outputs or any(_file_state(Path(p)) != state for p, state in outputs.items()):
        return None
    return record.get("summary")
