"""Find the input files and decode them.

Newsroom files come as UTF-8 (with or without a BOM), GB18030/GBK or UTF-16;
anything else is skipped with a reason rather than read as garbage.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.model import Document

DEFAULT_PATTERN = "*.txt"

# Magic numbers of files that often end up in a folder of articles.
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}


class InputError(Exception):
    """A path the user named does not exist or cannot be read (bad usage)."""


class DecodeError(Exception):
    """A file is not text in a supported encoding; the message says why."""


@dataclass(frozen=True)
class InputFile:
    path: Path        # as found
    doc_id: str       # stable id: relative to the folder given, or the file name


def find_inputs(paths: list[str], pattern: str = DEFAULT_PATTERN) -> list[InputFile]:
    """Expand files, folders (recursively, by ``pattern``) and globs into input files.

    Hidden files and folders are skipped; symbolic links to folders are not
    followed, so a link loop cannot trap the walk. Raises ``InputError`` naming
    the first path that matches nothing.
    """
    found: dict[str, InputFile] = {}
    for given in paths:
        matches = [given] if os.path.lexists(given) else sorted(glob.glob(given, recursive=True))
        if not matches:
            raise InputError(f"no such file or folder: {given}")
        for match in matches:
            p = Path(match)
            if p.is_dir():
                for f in _walk(p, pattern):
                    _add(found, InputFile(f, f.relative_to(p).as_posix()))
            elif p.exists():
                _add(found, InputFile(p, p.name))
            else:
                raise InputError(f"cannot read {given}: broken link")
    return sorted(found.values(), key=lambda f: f.doc_id)


def _add(found: dict[str, InputFile], item: InputFile) -> None:
    if any(f.path.resolve() == item.path.resolve() for f in found.values() if f.doc_id == item.doc_id):
        return
    doc_id = item.doc_id
    if doc_id in found:
        doc_id = item.path.as_posix()
    found[doc_id] = InputFile(item.path, doc_id)


def _walk(root: Path, pattern: str) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = Path(dirpath) / name
            if f.match(pattern):
                yield f


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise ``DecodeError``.

    >>> decode("市委书记".encode("gb18030"))
    ('市委书记', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"{what}, not text")
    if b"\x00" in data[:4096]:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError("not UTF-8, GB18030/GBK or UTF-16 text") from None
    if not _looks_like_text(text):
        raise DecodeError("not UTF-8, GB18030/GBK or UTF-16 text")
    return text, "gb18030"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(f"declares {encoding} by its byte-order mark but is not valid {encoding}: {e.reason}") from None


def _looks_like_text(text: str) -> bool:
    # GB18030 maps almost every byte pair to some character, so a Latin-1 or
    # binary file "decodes" into rare characters; real Chinese text is mostly
    # common CJK, ASCII and punctuation.
    sample = text[:20000]
    if not sample:
        return True
    ok = sum(1 for c in sample if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return ok / len(sample) > 0.9


def read_document(item: InputFile) -> Document:
    """Read and decode one input file; raises ``DecodeError`` or ``OSError``."""
    data = item.path.read_bytes()
    text, encoding = decode(data)
    return Document(id=item.doc_id, path=str(item.path), text=text, encoding=encoding)
