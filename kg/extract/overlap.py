"""The one overlap policy: which of the candidates that share characters a sentence keeps.

Names of one coarse kind never overlap: the longer wins. Names of different
kinds may nest (the place inside a body's name, 运城市 of 运城市委) but never
cross, and a person's name neither nests nor crosses. A country inside
another name is part of it (中国共产党). A person named right
after a title is read first, so that a longer span running over it
(副局长钟华为社区 read as a community) gives way.
"""
from __future__ import annotations

import dataclasses

from kg.extract.candidate import Candidate, coarse
from kg.model import COUNTRY, COUNTY, ORGANIZATION, PERSON
from kg.text import contains, overlaps

__all__ = ["resolve_overlaps", "priority"]

# Person generators whose cue is strong enough to win over any longer span across it.
_STRONG_PERSON_SOURCES = frozenset({"after-title", "appointed", "listed"})


def priority(c: Candidate) -> tuple:
    """Sort key: strong person cues first, then longer spans, then earlier ones."""
    return (not (c.type == PERSON and c.source in _STRONG_PERSON_SOURCES), -c.length, c.start, c.type, c.name)


def compatible(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates may both be kept."""
    if not overlaps(a.start, a.end, b.start, b.end):
        return True
    nested = contains(a.start, a.end, b.start, b.end) or contains(b.start, b.end, a.start, a.end)
    if nested and a.type == b.type == ORGANIZATION and a.start == b.start:
        return True   # 中国科学院自动化研究所党委 holds the institute: a unit after its body's name
    if nested and a.start == b.start and (_zone_of(a, b) or _zone_of(b, a)):
        return True   # 赣州经开区 holds 赣州: a zone named after the city it lies in
    return nested and coarse(a.type) != coarse(b.type) and PERSON not in (a.type, b.type)


def _zone_of(zone: Candidate, place: Candidate) -> bool:
    return zone.source == "place-suffix" and zone.type == COUNTY and zone.parent == place.name and \
        zone.end > place.end


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates kept, in text order.

    >>> from kg.extract.candidate import Candidate
    >>> body = Candidate(0, 4, "Organization", "运城市委", "body-suffix")
    >>> city = Candidate(0, 3, "City", "运城市", "division")
    >>> wrong = Candidate(2, 5, "Organization", "市委书", "body-suffix")
    >>> [c.name for c in resolve_overlaps([wrong, city, body])]
    ['运城市', '运城市委']
    """
    # A country inside another name (中国共产党, 中国·金湖荷花节) is part of that name, not a mention of it;
    # no person's name holds one (芬兰萨塔 of 芬兰萨塔昆塔地区 is the country and its region).
    pool = [c for c in candidates if not (c.type == COUNTRY and any(
        o is not c and o.type not in (COUNTRY, PERSON) and contains(o.start, o.end, c.start, c.end)
        for o in candidates))]
    kept: list[Candidate] = []
    for c in sorted(pool, key=priority):
        if all(compatible(c, k) for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def one_person_a_span(candidates: list[Candidate]) -> list[Candidate]:
    """接受李明华同志请求辞去…省长职务: one name read by two cues (the appointment verb, the verb of
    office) is one person, with the posts and signals each cue gave; the first cue in ``priority`` names
    it. The others keep their order."""
    spans = [(c.start, c.end) for c in candidates if c.type == PERSON]
    if len(spans) == len(set(spans)):
        return candidates   # most stages and sentences: no name read twice
    people: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        if c.type == PERSON:
            people.setdefault((c.start, c.end), []).append(c)
    out: list[Candidate] = []
    for c in candidates:
        group = people.get((c.start, c.end)) if c.type == PERSON else None
        if group is None:
            out.append(c)
        elif group:
            first, *rest = sorted(group, key=priority)
            out.append(dataclasses.replace(
                first, posts=tuple(dict.fromkeys(first.posts + tuple(p for r in rest for p in r.posts))),
                signals=tuple(dict.fromkeys(first.signals + tuple(g for r in rest for g in r.signals)))))
            group.clear()
    return out
