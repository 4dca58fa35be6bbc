"""Names a statistical tagger (kg.extract.backends) adds to those the rules found.

The tagger is trusted where the rules have no cue: its places are typed by
the division list or their suffix; its people must start with a surname;
its bodies must end like one. A name made only of everyday words and a
suffix (物业公司, 疫情防控小组, 小区) is no node, whoever proposes it.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from kg.extract.base import is_common_word
from kg.extract.candidate import Candidate
from kg.extract.context import Scope
from kg.extract.segment import Segmenter
from kg.extract.thresholds import THRESHOLDS
from kg.extract.view import SentenceView
from kg.model import ORGANIZATION, PERSON, PLACE_TYPES, Mention
from kg.text import is_cjk

__all__ = ["from_tagger", "confirmed_by_tagger", "generic_name"]

PLACE = "Place"   # the tagger's label for any place


def from_tagger(scope: Scope, names: Sequence[Mention], segmenter: Segmenter) -> list[Candidate]:
    """The tagger's names of one sentence as candidates, those the graph has a type for."""
    out = []
    lex = scope.lex
    for m in names:
        cand = _candidate(scope, m)
        if cand is None:
            continue
        if cand.type == PERSON and not (cand.name[:1] in lex.surnames_single or cand.name[:2] in lex.surnames_double):
            continue
        if cand.type == ORGANIZATION and (not scope.res.body_suffixes.ends_at(cand.name, len(cand.name))
                                          or generic_name(cand.name, scope.res.body_suffixes, segmenter)):
            continue
        if cand.type in PLACE_TYPES and generic_name(cand.name, scope.res.place_suffixes, segmenter):
            continue
        out.append(cand)
    return out


def _candidate(scope: Scope, m: Mention) -> Candidate | None:
    """A tagger's mention in the repaired sentence's coordinates, with its fine type and code."""
    offsets = scope.view.sentence.offsets
    i = bisect_left(offsets, m.start)
    j = bisect_left(offsets, m.end - 1) + 1
    if i >= len(offsets) or offsets[i] != m.start or j <= i:
        return None
    kind, code = m.type, ""
    if kind == PLACE:
        kind = scope.lex.place_type(m.name)
        if kind is None:
            return None   # foreign places, 中 of 中美: the graph has no node for them
        divisions = scope.lex.lookup(m.name)
        code = divisions[0].code if len(divisions) == 1 else ""
    elif kind == PERSON and len(m.name) < 2:
        return None
    return Candidate(i, j, kind, m.name, m.source, code=code, signals=m.signals)


def generic_name(name: str, suffixes, segmenter: Segmenter) -> bool:
    """A name made only of everyday words and a suffix (物业公司, 疫情防控小组, 小区)."""
    suffix = suffixes.ends_at(name, len(name))
    if suffix is None:
        return False
    stem = name[:-len(suffix)]
    if not stem or not is_cjk(stem[0]):
        return True
    return all(is_common_word(w, THRESHOLDS.common_word) for w in segmenter.cut(stem))


def confirmed_by_tagger(view: SentenceView, kept: list[Candidate], names: Sequence[Mention]) -> list[Candidate]:
    """With a statistical tagger, a name only jieba's tag calls a person must be its person too.

    jieba's dictionary tags many nouns as names (雷阵雨, 许可证, 农家乐); the
    statistical model, trained on names in context, is the better judge.
    """
    people = {(m.start, m.end) for m in names if m.type == PERSON}
    return [c for c in kept if c.source != "tagged" or view.sentence.span(c.start, c.end) in people]
