"""CSV that a spreadsheet opens as data: every CSV kg writes goes through here.

Spreadsheets run a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and
some a tab or carriage return) as a formula, so an article sentence such as
``=HYPERLINK("http://…","点击")`` would become a live link or worse once
edges.csv is opened. As OWASP advises, such a cell is written with a single
quote before it, which spreadsheets take as "text follows" and show without.
A cell that is a plain number (``-0.4515``, ``+3``, ``1e-5``) is left as it
is: a number is not a formula, and PMI values are often negative.

>>> safe_cell('=HYPERLINK("http://x","y")')
'\\'=HYPERLINK("http://x","y")'
>>> safe_cell("-0.4515"), safe_cell(-2), safe_cell("-1+1")
('-0.4515', -2, "'-1+1")
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable, Sequence, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """``value``, or a text ``value`` that a spreadsheet would run as a formula with ``'`` before it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` with "\\n" line ends whose every cell goes through ``safe_cell``."""

    def __init__(self, out: TextIO):
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow(_safe_row(row))

    def writerows(self, rows: Iterable[Sequence[object]]) -> None:
        self._writer.writerows(map(_safe_row, rows))


_STARTS = frozenset(FORMULA_STARTS)


def _safe_row(row: Sequence[object]) -> Sequence[object]:
    # Most rows hold no cell that starts like a formula: those are written as they are.
    for v in row:
        if isinstance(v, str) and v[:1] in _STARTS:
            return [safe_cell(v) for v in row]
    return row


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """The rows as CSV text."""
    buf = io.StringIO()
    SafeWriter(buf).writerows(rows)
    return buf.getvalue()
