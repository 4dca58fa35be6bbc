"""File names as people see them: decoded whatever bytes they hold, and safe to print.

A POSIX file name is bytes. Python decodes it with the file-system encoding
(UTF-8) and keeps the bytes that are not valid in it as lone surrogates
(``os.fsdecode``'s surrogateescape): ``open()`` turns them back into the same
bytes, but no UTF-8 file, CSV cell or terminal can hold them. Archives made on
Chinese Windows and unzipped elsewhere give names in GBK. So each part of a
name is shown

1. as the file system decodes it, when it decodes;
2. else as GB18030, when its bytes are valid GB18030 and read as Chinese;
3. else with every byte that does not decode written as ``\\xNN``;

and then control characters, terminal escapes, bidirectional and other
invisible format characters are written as ``\\n``, ``\\x1b``, ``\\u202e``…, so
that a name can neither forge a line of output nor reorder or recolour it.
The real path is kept for opening the file; only this form is shown or stored.
"""
from __future__ import annotations

import os
import re
import unicodedata

# Lone surrogates: bytes the file-system encoding could not decode.
_ESCAPED = re.compile("[\ud800-\udfff]")
# Characters a name must not put on a terminal or into a line of output:
# controls (C0, DEL, C1), format characters (bidirectional overrides and
# isolates, zero-width ones, BOM) and the Unicode line and paragraph separators.
_UNPRINTABLE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))


def display_path(path: str | bytes | os.PathLike) -> str:
    """The form of ``path`` to show and store: valid UTF-8, one printable line.

    >>> display_path(b"arts/\\xb1\\xa8\\xb8\\xe6.txt")
    'arts/报告.txt'
    >>> display_path(b"arts/bad\\xed\\xa0\\x80.txt")
    'arts/bad\\\\xed\\\\xa0\\\\x80.txt'
    >>> display_path("forged\\nkg: done\\x1b[2J\\u202etxt.exe")
    'forged\\\\nkg: done\\\\x1b[2J\\\\u202etxt.exe'
    """
    return printable(decode_name(path))


def decode_name(name: str | bytes | os.PathLike) -> str:
    """``name`` as text without surrogates: as decoded, else part by part as GB18030, else escaped."""
    name = os.fsdecode(name)
    if not _ESCAPED.search(name):
        return name
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate that stands for no byte: left for printable() to escape
        return name
    return "/".join(_decode_part(part) for part in raw.split(b"/"))


def _decode_part(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    # Almost any bytes are valid GB18030: trust it only when it gives Chinese.
    if text and all(c.isascii() or _chinese(c) for c in text):
        return text
    return raw.decode("utf-8", "backslashreplace")


def _chinese(c: str) -> bool:
    """Han characters and the punctuation and full-width forms GBK names use."""
    return ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"
            or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "·—…“”‘’")


def printable(text: str) -> str:
    """``text`` with every character that could break or disguise a line of output escaped.

    >>> printable("年报\\t2024\\u200f.txt")
    '年报\\\\t2024\\\\u200f.txt'
    """
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


def _escape(c: str) -> str:
    if _ESCAPED.match(c):
        return f"\\x{ord(c) - 0xdc00:02x}" if "\udc80" <= c <= "\udcff" else f"\\u{ord(c):04x}"
    return c.encode("unicode_escape").decode("ascii")
