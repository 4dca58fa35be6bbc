"""Repair OCR damage and split a document into sentences, keeping offsets.

Newspaper pages arrive with lines broken in mid-sentence (often across a blank
line), paragraphs printed twice, stray spaces inside words and full-width
ASCII. The repaired text of each sentence comes with a map from each of its
characters back to ``Document.text``, so nothing downstream loses its place.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from kg.model import CleanDocument, Document, Offsets, Sentence
from kg.text import is_cjk

SENTENCE_END = "。!?;!?;…"
CLOSERS = "”’\"』」)）》】"
# A line at least this long that ends without punctuation was cut by the page layout.
BROKEN_LINE_MIN = 28
# Fragments shorter than this are not worth checking for duplication (e.g. "会议指出").
DUPLICATE_MIN = 12
MAX_SENTENCE = 400
# A line this short without closing punctuation reads as a headline.
HEADLINE_MAX = 30

# The labels of a web page's line of date, source and author (发布时间: … 来源: …).
META_LABELS = "来源|时间|日期|发布|更新|作者|编辑|责任编辑|浏览|点击|阅读|字号|分享"
WEB_META = re.compile(rf"(?:{META_LABELS})\S{{0,3}}\s*[:：]")
_META_FACT = re.compile(r"\d{1,2}:\d{2}|(?:19|20)\d\d\s*[年\-/.]\s*\d{1,2}|来源\s*[:：]")

_MIDDLE_DOTS = {"\u30fb": "·", "\uff65": "·", "\u2027": "·", "\u2022": "·", "\u00b7": "·"}


def normalize_char(c: str) -> str:
    """One character in, one out, so offsets survive: full-width ASCII to half-width."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if c == "\u3000" or c == "\u00a0" or c == "\t":
        return " "
    return _MIDDLE_DOTS.get(c, c)


# normalize_char as a table, so a whole text is mapped in one call.
_NORMALIZE = {**{o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)},
              **{ord(c): " " for c in "\u3000\u00a0\t"},
              **{ord(c): d for c, d in _MIDDLE_DOTS.items()}}


def normalize_text(text: str) -> str:
    """:func:`normalize_char` of every character: the same length, so every offset still holds.

    >>> normalize_text("２０２４年\u3000本报讯")
    '2024年 本报讯'
    """
    # Only the characters that change are visited: str.translate looks up every character.
    return _NORMALIZABLE.sub(_normalized, text)


_NORMALIZED = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _NORMALIZE.items()}
_NORMALIZABLE = re.compile("[" + re.escape("".join(_NORMALIZED)) + "]")


def _normalized(m: re.Match) -> str:
    return _NORMALIZED[m.group()]


def clean(doc: Document, bridges: Callable[[str, str], bool] | None = None) -> CleanDocument:
    """Repair ``doc`` (a story reads only its span of the file) and split it into sentences.

    ``bridges(left, right)`` tells whether a space between the CJK contexts
    ``left`` and ``right`` falls inside a word (and so is stray); the segmenter
    provides it. Without it, spaces between CJK characters are kept. Title and
    date are the stories' to find (kg.stories), not the cleaner's.
    """
    text = doc.text[doc.start:doc.stop].translate(_NORMALIZE)
    paragraphs = _paragraphs(text, doc.start)
    seen: set[str] = set()
    seen_text: list[str] = []
    sentences: list[Sentence] = []
    dropped = 0
    for p_index, (chars, offs) in enumerate(paragraphs):
        chars, offs = _drop_stray_spaces(chars, offs, bridges)
        for s_chars, s_offs in _split_sentences(chars, offs):
            whole = "".join(s_chars)
            s = whole.strip()
            if not s:
                continue
            lead = len(whole) - len(whole.lstrip())
            trail = len(whole) - len(whole.rstrip())
            s_offs = s_offs[lead:len(s_offs) - trail]
            key = s.replace(" ", "")
            if len(key) >= DUPLICATE_MIN and (key in seen or _inside_seen(key, seen_text)):
                dropped += 1
                continue
            seen.add(key)
            seen_text.append(key)
            sentences.append(Sentence(doc.id, len(sentences), s, Offsets.of(s_offs), p_index))
    return CleanDocument(doc, tuple(sentences), dropped_duplicates=dropped)


def _is_meta_line(line: str) -> bool:
    """A web page's line of date, source and author: a paragraph of its own, never the start of a sentence."""
    return bool(WEB_META.search(line) and _META_FACT.search(line))


def _inside_seen(key: str, seen_text: list[str]) -> bool:
    # A paragraph printed twice is often cut at a different place the second
    # time, so its first sentence is a tail of one already read.
    recent = seen_text[-400:]
    if "\n" in key:
        return any(key in s for s in recent if len(s) > len(key))
    # One search of the joined sentences: a line break is in none of them.
    # (A match that is a whole sentence was caught before, by the set of keys.)
    return key in "\n".join(recent)


def _paragraphs(text: str, base: int = 0) -> list[tuple[list[str], list[int]]]:
    """Group lines into paragraphs, joining lines the layout broke mid-sentence.

    ``text`` starts at offset ``base`` of the document's text.
    """
    lines: list[tuple[str, int]] = []
    pos = base
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((body, pos))
        pos += len(raw)
    paragraphs: list[tuple[list[str], list[int]]] = []
    chars: list[str] = []
    offs: list[int] = []
    open_sentence = False   # the current paragraph ends inside a sentence
    for body, start in lines:
        stripped = body.strip()
        if not stripped:
            continue  # blank lines decide nothing; the text on either side does
        lead = len(body) - len(body.lstrip())
        piece = body.strip()
        meta = _is_meta_line(piece)
        if open_sentence and (meta or len(piece) < HEADLINE_MAX and piece[-1] not in SENTENCE_END + CLOSERS):
            # The text after a cut line is a headline or a web page's source line,
            # not the rest of the sentence: the page lost the end of the sentence.
            open_sentence = False
        if chars and not open_sentence:
            paragraphs.append((chars, offs))
            chars, offs = [], []
        chars.extend(piece)
        offs.extend(range(start + lead, start + lead + len(piece)))
        last = piece[-1]
        open_sentence = not meta and ((len(piece) >= BROKEN_LINE_MIN and last not in SENTENCE_END + CLOSERS + ":：" and (
            is_cjk(last) or last.isalnum() or last in ",、")) or _quote_left_open(piece))
    if chars:
        paragraphs.append((chars, offs))
    return paragraphs


def _quote_left_open(line: str) -> bool:
    """推进“红色 / 物业”建设: a line that opens a quote it does not close was cut inside the quote."""
    return line.count("“") > line.count("”") and line.rfind("“") > line.rfind("”") and is_cjk(line[-1])


def _drop_stray_spaces(chars: list[str], offs: list[int],
                       bridges: Callable[[str, str], bool] | None) -> tuple[list[str], list[int]]:
    """Remove runs of spaces that the segmenter says fall inside a word."""
    if " " not in chars:
        return chars, offs
    out_c: list[str] = []
    out_o: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        try:
            k = chars.index(" ", i)
        except ValueError:
            k = n
        out_c += chars[i:k]
        out_o += offs[i:k]
        if k == n:
            break
        j = k
        while j < n and chars[j] == " ":
            j += 1
        left = "".join(out_c[-6:])
        right = "".join(chars[j:j + 6])
        stray = _letter_spaced(chars, k, j) or (
            bridges is not None and left and right and is_cjk(left[-1]) and is_cjk(right[0]) and bridges(left, right))
        if not stray:
            out_c.append(" ")
            out_o.append(offs[k])
        i = j
    return out_c, out_o


@functools.lru_cache(maxsize=1 << 16)
def display_text(text: str) -> str:
    """A repaired sentence as people read it: without the spaces OCR and the layout left beside
    Chinese characters and punctuation (Chinese sets none).

    The recognizers read the sentence with those spaces, which often stand
    where the page lost a quote or a comma; evidence shown to people has
    them removed, and in Chinese text the spaces beside punctuation too.
    Spaces between Latin letters or digits stay.

    >>> display_text("市直机关党组织书 记、 机关纪委书记 COVID 19 (通讯员 李文杰) 4月6日")
    '市直机关党组织书记、机关纪委书记COVID 19(通讯员李文杰)4月6日'
    """
    if " " not in text:
        return text
    chinese = any(map(is_cjk, text))
    out = []
    n = len(text)
    for i, c in enumerate(text):
        if c == " ":
            j = i
            while j < n and text[j] == " ":
                j += 1
            a = out[-1] if out else ""
            b = text[j] if j < n else ""
            if not a or not b or _chinese(a) or _chinese(b) or (out and out[-1] == " ") or \
                    (chinese and not (a.isalnum() and b.isalnum())):
                continue
        out.append(c)
    return "".join(out)


def _chinese(c: str) -> bool:
    return is_cjk(c) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’·…—、"


def _letter_spaced(chars: list[str], k: int, j: int) -> bool:
    """Whether the single space at ``k`` is letter-spacing: it lies in a run of
    four or more CJK characters each set one space apart (全 面 推 进).

    (Three in a row are ambiguous: 幸福 里 建设 is words, not letters.)
    """
    if j - k != 1 or k == 0 or j >= len(chars) or not (is_cjk(chars[k - 1]) and is_cjk(chars[j])):
        return False
    spaced = 1                  # spaces of the run around k, counting this one
    i = k - 2
    while i >= 1 and chars[i] == " " and is_cjk(chars[i - 1]) and is_cjk(chars[i + 1]):
        spaced += 1
        i -= 2
    i = j + 1
    while i + 1 < len(chars) and chars[i] == " " and is_cjk(chars[i - 1]) and is_cjk(chars[i + 1]):
        spaced += 1
        i += 2
    return spaced >= 3


def _split_sentences(chars: list[str], offs: list[int]):
    start = 0
    n = len(chars)
    i = 0
    while i < n:
        c = chars[i]
        if c in SENTENCE_END:
            j = i + 1
            while j < n and (chars[j] in SENTENCE_END or chars[j] in CLOSERS):
                j += 1
            yield from _cap(chars[start:j], offs[start:j])
            start = i = j
            continue
        i += 1
    if start < n:
        yield from _cap(chars[start:], offs[start:])


def _cap(chars: list[str], offs: list[int]):
    """Split an overlong sentence (a page without punctuation) at commas or spaces."""
    while len(chars) > MAX_SENTENCE:
        cut = max((k for k in range(MAX_SENTENCE // 2, MAX_SENTENCE) if chars[k] in ", ,、"), default=MAX_SENTENCE - 1)
        yield chars[:cut + 1], offs[:cut + 1]
        chars, offs = chars[cut + 1:], offs[cut + 1:]
    if chars:
        yield chars, offs
