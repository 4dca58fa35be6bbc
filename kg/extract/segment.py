"""Word segmentation and part-of-speech tags, set up once from the lexicon.

jieba's dictionary and tag set are the reference; rjieba (the binding of
jieba's Rust port) tags with the same dictionary and flags fifty times faster,
so it is used when installed. Both get the same user words: the official
division names and the titles of posts, so segmentation keeps them whole.
"""
from __future__ import annotations

import functools
import importlib.util
import logging
import os
from dataclasses import dataclass

from kg import lexicon as lexicon_mod


# Imported when first needed: loading them takes a fifth of a second, which a
# build whose outputs are up to date does not have to wait for.
@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _has_rjieba() -> bool:
    """Whether rjieba, an optional accelerator with jieba's dictionary and flags, is installed."""
    return importlib.util.find_spec("rjieba") is not None


@functools.lru_cache(maxsize=1)
def _rjieba():
    import rjieba
    return rjieba


@dataclass(slots=True)
class Token:
    text: str
    flag: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[int, str]]:
    """jieba's own dictionary: word -> (frequency, tag)."""
    path = os.path.join(os.path.dirname(importlib.util.find_spec("jieba").origin), "dict.txt")
    words: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                words[parts[0]] = (int(parts[1]), parts[2])
            elif len(parts) == 2:
                words[parts[0]] = (int(parts[1]), "x")
    return words


class Segmenter:
    """Tags text with jieba's flags; the user lexicon is loaded once per process."""

    def __init__(self, use_rjieba: bool | None = None) -> None:
        self.use_rjieba = _has_rjieba() if use_rjieba is None else use_rjieba
        self._ready = False

    def _setup(self) -> None:
        if self._ready:
            return
        lex = lexicon_mod.load()
        words = [(d.name, "ns") for d in lex.divisions if len(d.name) >= 3]
        words += [(p, "n") for p in lex.posts if len(p) >= 2]
        # Names of bodies written as abbreviations (住建局, 卫健委) would otherwise
        # be cut across their boundary (市住/建局).
        words += [(o, "nt") for o in lex.org_suffixes if len(o) >= 3 and o not in lex.weak_org_suffixes]
        words += [(b, "nt") for b in lex.national_bodies]
        if self.use_rjieba:
            for w, tag in words:
                _rjieba().add_word(w, 5000, tag)
        else:
            jieba = _jieba()
            self._tok = jieba.Tokenizer()
            self._tok.initialize()
            for w, tag in words:
                self._tok.add_word(w, 5000, tag)
            import jieba.posseg as posseg
            self._pos = posseg.POSTokenizer(self._tok)
            for w, tag in words:
                self._pos.word_tag_tab[w] = tag
        self._ready = True

    def tag(self, text: str) -> list[Token]:
        self._setup()
        pairs = (_rjieba().tag(text, hmm=True) if self.use_rjieba
                 else [(p.word, p.flag) for p in self._pos.cut(text, HMM=True)])
        tokens = []
        pos = 0
        for word, flag in pairs:
            end = pos + len(word)
            tokens.append(Token(word, flag, pos, end))
            pos = end
        return tokens

    def cut(self, text: str) -> list[str]:
        self._setup()
        if self.use_rjieba:
            return _rjieba().cut(text, hmm=False)
        return list(self._tok.cut(text, HMM=False))

    def bridges(self, left: str, right: str) -> bool:
        """True when a dictionary word runs across the join of ``left`` and ``right``.

        >>> Segmenter().bridges("市委组织", "部副部长")
        True
        """
        pos = 0
        boundary = len(left)
        for w in self.cut(left + right):
            if pos < boundary < pos + len(w):
                return True
            pos += len(w)
        return _division_across(left + right, boundary)


def _division_across(text: str, boundary: int) -> bool:
    """凤台 县委书记: a division's name runs across the join, though the segmenter cuts the text
    elsewhere (凤台 + 县委书记, a post it knows whole).

    >>> _division_across("凤台县委书记张", 2)
    True
    """
    names = lexicon_mod.load().divisions_by_name
    return any(text[i:j] in names for i in range(max(0, boundary - 8), boundary)
               for j in range(boundary + 1, min(len(text), i + 10) + 1) if j - i >= 3)


@functools.lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    return Segmenter()
