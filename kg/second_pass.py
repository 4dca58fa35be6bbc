"""The second pass: names accepted in one story, looked for in every story.

A recognizer accepts a name only with a cue (a post before a person, quotes
or a cue word around a program, a suffix after a body); the same name is
often written again elsewhere without it (要深入推进“红色物业”). Once the
whole corpus is merged, the names of people, programs and bodies accepted
anywhere are searched for in every sentence of every story at once (one
Aho-Corasick automaton over the cached sentences), so per-story results stay
valid in the cache and the pass costs one scan of the corpus.

A hit counts only where no mention stands already and where it is a name of
its own, not part of a longer word: a person's name must start and end at
the segmenter's token boundaries and not be tagged an everyday word (高峰 in
晚高峰期), a body's name must not run on into a longer body's (运城市委 in
运城市委宣传部), a program's must start and end at token boundaries. The
stories that gain mentions get their relations read again.
"""
from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.extract.base import Vocabulary
from kg.lexicon import Lexicon
from kg.model import ORGANIZATION, PERSON, PROGRAM, DocResult, Entity, Mention, Sentence, token_starts
from kg.relations import document_relations
from kg.resolve import entity_key, is_scoped

__all__ = ["SOURCE", "recallable", "known_names", "find_known_names"]

# The source of a mention found by this pass.
SOURCE = "corpus"
# Shortest names looked for, by type: shorter ones are too often parts of other words.
MIN_LENGTH = {PERSON: 2, PROGRAM: 2, ORGANIZATION: 3}
MAX_PERSON = 4
# A person's name that is a word written this often (jieba's count) is that word without a cue (高峰, 海燕).
EVERYDAY_WORD = 50


@dataclass(frozen=True)
class _Hit:
    result: int        # index of the story in the results
    sentence: Sentence
    i: int             # the name's span in the sentence's repaired text
    j: int
    name: str
    type: str


def recallable(entities: list[Entity], word_info) -> tuple[tuple[str, str], ...]:
    """(type, name) of a story's people, programs and bodies that may be looked for in other stories.

    Run where the story is read (``word_info`` is the segmenter's dictionary
    there): a person's name that is also an everyday word is left out, and
    so are bodies kept to their story (a bare 市委), which name nothing of
    their own.
    """
    out = set()
    for e in entities:
        if e.type not in MIN_LENGTH or len(e.name) < MIN_LENGTH[e.type] or is_scoped(e.key):
            continue
        if e.type == PERSON:
            info = word_info(e.name)
            if len(e.name) > MAX_PERSON or (info and (info[0] >= EVERYDAY_WORD or not info[1].startswith("nr"))):
                continue
        out.add((e.type, e.name))
    return tuple(sorted(out))


def known_names(results: list[DocResult]) -> dict[str, str]:
    """Names accepted in some story, with their type.

    A name known as two types is left out: which one a new hit would be is
    not for this pass to guess.
    """
    types: dict[str, set[str]] = defaultdict(set)
    for r in results:
        for etype, name in r.names:
            types[name].add(etype)
    return {name: ts.pop() for name, ts in sorted(types.items()) if len(ts) == 1}


def find_known_names(results: list[DocResult], lex: Lexicon, segmenter=None) -> int:
    """Add, in place, every mention of a known name that a story lacks; return how many were added.

    Token boundaries come with each story's result; ``segmenter``
    (kg.extract.segment) finds them for results that lack them.
    """
    names = known_names(results)
    if not names:
        return 0
    hits = _hits(results, names)
    bounded = _Bounds(lex, results, segmenter)
    added: dict[int, list[Mention]] = defaultdict(list)
    for h in hits:
        if bounded(h):
            r = results[h.result]
            a, b = h.sentence.span(h.i, h.j)
            text = r.doc.document.text
            added[h.result].append(Mention(r.doc.document.id, h.sentence.index, a, b, text[a:b], h.name, h.type,
                                           source=SOURCE))
    for index, mentions in added.items():
        _add(results[index], mentions, lex)
    return sum(len(m) for m in added.values())


def _hits(results: list[DocResult], names: dict[str, str]) -> list[_Hit]:
    """Every occurrence of a known name in a sentence where no mention overlaps it, in corpus order.

    One search a story, over its sentences joined by line breaks (no name
    holds one), instead of one a sentence.
    """
    patterns = sorted(names)
    automaton = AhoCorasick(patterns, matchkind=MatchKind.LeftmostLongest)
    hits = []
    for n, r in enumerate(results):
        sentences = r.doc.sentences
        joined = "\n".join(s.text for s in sentences)
        found = automaton.find_matches_as_indexes(joined)
        if not found:
            continue
        starts = list(itertools.accumulate((len(s.text) + 1 for s in sentences[:-1]), initial=0))
        taken = _taken(r)
        for k, i, j in found:
            pos = bisect_right(starts, i) - 1
            s, base = sentences[pos], starts[pos]
            a, b = s.span(i - base, j - base)
            if not any(x < b and a < y for x, y in taken.get(s.index, ())):
                hits.append(_Hit(n, s, i - base, j - base, patterns[k], names[patterns[k]]))
    return hits


def _taken(r: DocResult) -> dict[int, list[tuple[int, int]]]:
    """The spans (original offsets) of the story's mentions, by sentence."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for e in r.entities:
        for m in e.mentions:
            spans[m.sentence].append((m.start, m.end))
    return spans


class _Bounds:
    """Whether a hit is a name of its own, by where its sentence's tokens start."""

    def __init__(self, lex: Lexicon, results: list[DocResult], segmenter=None) -> None:
        self.results = results
        self.segmenter = segmenter   # for results made without token starts (built by hand)
        self.suffixes = Vocabulary(lex.org_suffixes)
        self.units = Vocabulary(lex.party_units)

    def __call__(self, h: _Hit) -> bool:
        if not (self.boundary(h, h.i) and self.boundary(h, h.j)):
            return False
        if h.type == ORGANIZATION:
            # 运城市委 in 运城市委宣传部 or 运城市委党校 is part of another body's name.
            text = h.sentence.text
            return self.suffixes.starts_at(text, h.j) is None and self.units.starts_at(text, h.j) is None
        return True

    def boundary(self, h: _Hit, i: int) -> bool:
        if i <= 0 or i >= len(h.sentence.text):
            return True
        breaks = self.results[h.result].breaks
        if h.sentence.index < len(breaks):
            return token_starts(breaks[h.sentence.index], i)
        if self.segmenter is None:
            return False
        return any(t.start == i for t in self.segmenter.tag(h.sentence.text))


def _add(r: DocResult, mentions: list[Mention], lex: Lexicon) -> None:
    """Give a story its new mentions (to the entity of that name, or a new one) and read its relations again."""
    by_name = {(e.type, e.name): e for e in r.entities if not is_scoped(e.key)}
    for m in mentions:
        e = by_name.get((m.type, m.name))
        if e is None:
            e = by_name[(m.type, m.name)] = Entity(entity_key(m.type, m.name), m.type, m.name)
            r.entities.append(e)
        e.mentions.append(m)
    for e in r.entities:
        e.mentions.sort(key=lambda m: (m.sentence, m.start))
    r.entities.sort(key=lambda e: e.key)
    ordered = sorted(((m, e.key) for e in r.entities for m in e.mentions), key=lambda x: (x[0].sentence, x[0].start))
    r.relations = document_relations(r.doc, [m for m, _ in ordered], {i: k for i, (_, k) in enumerate(ordered)},
                                     r.entities, lex)
