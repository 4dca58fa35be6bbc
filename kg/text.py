"""Facts about characters and spans that every stage shares.

One definition of "a Chinese character", of two spans overlapping, and of
the characters XML cannot carry, so that the cleaner, the recognizers, the
decoder and the exporters never disagree about them.
"""
from __future__ import annotations

import re

__all__ = ["is_cjk", "is_han", "overlaps", "contains", "xml_safe", "XML_REPLACEMENT", "CJK_CLASS", "HAN_CLASS"]

# CJK Unified Ideographs and Extension A: the characters of Chinese names.
_CJK_RANGES = (("\u4e00", "\u9fff"), ("\u3400", "\u4dbf"))
# Besides those, the compatibility ideographs, 〇 and the ideographs beyond the
# Basic Multilingual Plane (Extensions B-H), which decoded text may hold.
_HAN_EXTRA = (("\uf900", "\ufaff"), ("\u3007", "\u3007"), ("\U00020000", "\U0003ffff"))
# The same, as the inside of a regular expression's character class.
CJK_CLASS = "".join(f"{lo}-{hi}" for lo, hi in _CJK_RANGES)
HAN_CLASS = CJK_CLASS + "".join(f"{lo}-{hi}" if lo != hi else lo for lo, hi in _HAN_EXTRA)


def is_cjk(c: str) -> bool:
    """Whether ``c`` is a Chinese character that can stand in a name.

    >>> is_cjk("盐"), is_cjk("A"), is_cjk("，")
    (True, False, False)
    """
    # Written out rather than looped over _CJK_RANGES: it is called for every character of a corpus.
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def is_han(c: str) -> bool:
    """``is_cjk``, a compatibility or supplementary ideograph, or 〇: any Han character a decoder may meet.

    >>> is_han("〇"), is_cjk("〇"), is_han("\U00020000")
    (True, False, True)
    """
    return is_cjk(c) or any(lo <= c <= hi for lo, hi in _HAN_EXTRA)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether the half-open spans [a_start, a_end) and [b_start, b_end) share a position.

    >>> overlaps(0, 3, 2, 5), overlaps(0, 3, 3, 5)
    (True, False)
    """
    return a_start < b_end and b_start < a_end


def contains(outer_start: int, outer_end: int, inner_start: int, inner_end: int) -> bool:
    """Whether [inner_start, inner_end) lies inside [outer_start, outer_end).

    >>> contains(0, 5, 1, 3), contains(1, 3, 0, 5)
    (True, False)
    """
    return outer_start <= inner_start and inner_end <= outer_end


# What XML 1.0 forbids: C0 controls but tab, newline and return; lone
# surrogates; U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XML_REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD.

    One rule for every XML output (GraphML, GEXF), so a node has the same id
    in each; replaced rather than dropped, so the text keeps its length.

    >>> xml_safe("a\\x00b")
    'a\\ufffdb'
    """
    return _XML_FORBIDDEN.sub(XML_REPLACEMENT, text)
