"""The record of the build that wrote an output folder, so an unchanged rebuild writes nothing.

``.kg-build.json`` beside the outputs holds the build's stamp (its inputs,
output options and code), the size and time of every output it wrote, and
its summary. A rebuild with the same stamp whose outputs are all still as
recorded is up to date.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from pathlib import Path

from kg.atomic import atomic_write
from kg.extract.backends import versions_of

MANIFEST = ".kg-build.json"
_FORMAT = 2
# Packages whose output the writers pass on byte for byte.
_WRITER_PACKAGES = ("rdflib", "pyoxigraph", "networkx", "pyvis", "jinja2", "lxml", "numpy", "scipy", "msgspec",
                    "matplotlib")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of everything that shapes the outputs besides the inputs and options.

    That is every file of the kg package (code, templates, ontology,
    lexicons) and the versions of the packages the writers use; taken once
    per process.
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    h.update(versions_of(_WRITER_PACKAGES).encode())
    return h.hexdigest()[:16]


def build_stamp(inputs: list[tuple[str, str, str]], options: dict) -> str:
    """The identity of a build: (doc id, path, file key) of every input, the output options, the code."""
    payload = json.dumps({"code": code_version(), "options": options, "inputs": inputs},
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
    record = {"format": _FORMAT, "stamp": stamp,
              "outputs": {str(p): _file_state(Path(p)) for p in outputs}, "summary": summary}
    with contextlib.suppress(OSError):
        # ASCII escapes: a path may hold bytes that no UTF-8 text can (an undecodable folder name).
        atomic_write(Path(out_dir) / MANIFEST, json.dumps(record, ensure_ascii=True, default=str))


def forget_manifest(out_dir: Path) -> None:
    """Drop the record before outputs are rewritten: a build stopped halfway is not up to date."""
    with contextlib.suppress(OSError):
        (Path(out_dir) / MANIFEST).unlink()


def read_summary(out_dir: Path) -> dict | None:
    """The summary the last build of ``out_dir`` recorded, whatever its stamp."""
    record = _read(out_dir)
    return record.get("summary") if record else None


def up_to_date(out_dir: Path, stamp: str) -> dict | None:
    """The summary recorded by the build ``stamp`` if its outputs are all still as it wrote them."""
    record = _read(out_dir)
    if record is None or record.get("stamp") != stamp:
        return None
    outputs = record.get("outputs") or {}
    if not isinstance(outputs, dict) or not outputs or any(
            _file_state(Path(p)) != state for p, state in outputs.items()):
        return None
    return record.get("summary")


def _read(out_dir: Path) -> dict | None:
    try:
        record = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != _FORMAT:
        return None
    return record
