"""Careers: one spell a person and post, from the articles that show the holding and the events that bound it.

Every post written with a person's name is an observation of the holding on
its article's date; an event is one too, and may begin the spell (appointed,
elected, transferred, seconded) or end it (removed, resigned, retired). A
nomination (拟任) is no holding.

Observations are one spell when they are of one person, one office (acting
or not) and one body: 东营市委书记 and 中共东营市委书记 of 东营市委 are one.
A post written without its body joins the person's only spell of that office
in the place it names (济南市代市长 → 济南市人民政府代理市长), or, naming no
place, the only spell of that office; else it is a spell of its own.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.lexicon.careers import CareerLexicon, load_careers
from kg.model import (ENDING_EVENTS, HOLDS_POST, NOMINATED, STARTING_EVENTS, CareerEvent, Evidence, KnowledgeGraph,
                      PostFacts, Spell)
from kg.offices import PostReader
from kg.events import read_events

__all__ = ["read_timeline", "build_spells"]


@dataclass(frozen=True, slots=True)
class _Holding:
    """One observation of a person in a post: a mention, and the event it reports if any."""
    person: str
    label: str
    body: str
    evidence: Evidence
    facts: PostFacts
    event: CareerEvent | None = None


def read_timeline(kg: KnowledgeGraph, lex: Lexicon,
                  careers: CareerLexicon | None = None) -> tuple[list[CareerEvent], list[Spell]]:
    """The personnel events of ``kg`` and the spells they and the posts written with names make."""
    careers = careers or load_careers()
    reader = PostReader(kg, lex, careers)
    events = read_events(kg, careers, reader)
    return events, build_spells(kg, events, reader)


def build_spells(kg: KnowledgeGraph, events: list[CareerEvent], reader: PostReader) -> list[Spell]:
    """The spells of the holdings of ``kg`` and of ``events``, by person, then in order of time."""
    dates = {d.document.id: d.date for d in kg.documents}
    groups = _grouped(_holdings(kg, events, reader))
    spells = [_spell(group, dates) for group in groups]
    return sorted(spells, key=lambda s: (s.person, _begins(s), s.facts.office, s.post, s.body))


def _holdings(kg: KnowledgeGraph, events: list[CareerEvent], reader: PostReader) -> list[_Holding]:
    nominated = {(e.person, e.post, e.evidence.doc_id, e.evidence.start) for e in events if e.kind == NOMINATED}
    out = []
    for rel in kg.relations:
        if rel.kind != HOLDS_POST or rel.head not in kg.entities:
            continue
        facts = reader.facts(rel.tail, rel.body)
        for ev in rel.evidence:
            if (rel.head, rel.tail, ev.doc_id, ev.start) not in nominated:
                out.append(_Holding(rel.head, rel.tail, rel.body, ev, facts))
    out += [_Holding(e.person, e.post, e.body, e.evidence, e.facts, e) for e in events if e.kind != NOMINATED]
    return out


def _office(h: _Holding) -> tuple[str, str, bool]:
    return h.person, h.facts.office, h.facts.acting


def _grouped(holdings: list[_Holding]) -> list[list[_Holding]]:
    """The holdings of one spell together: those with a body first, then the others join them."""
    groups: dict[tuple, list[_Holding]] = {}
    codes: dict[tuple, str] = {}
    by_office: dict[tuple, list[tuple]] = defaultdict(list)
    ordered = sorted(holdings, key=lambda h: (not h.body, not h.facts.code, h.person, h.label, _where(h.evidence)))
    for h in ordered:
        key = _anchor(h, by_office, codes)
        if key not in groups:
            groups[key], codes[key] = [], h.facts.code
            by_office[_office(h)].append(key)
        groups[key].append(h)
    return list(groups.values())


def _anchor(h: _Holding, by_office: dict[tuple, list[tuple]], codes: dict[tuple, str]) -> tuple:
    """The spell a holding belongs to: its body's; else the one spell of its office in its place; else its own."""
    if h.body:
        return (*_office(h), h.body)
    here = [k for k in by_office.get(_office(h), []) if not h.facts.code or codes[k] == h.facts.code]
    if len(here) == 1:
        return here[0]
    return (*_office(h), h.facts.code or "post:" + h.label)


def _where(e: Evidence) -> tuple:
    return e.doc_id, e.sentence, e.start, e.end


def _spell(group: list[_Holding], dates: dict[str, str]) -> Spell:
    best = max(group, key=lambda h: (bool(h.body), len(h.label), h.label))
    facts = best.facts
    if any(h.facts.concurrent for h in group) and not facts.concurrent:
        facts = dataclasses.replace(facts, concurrent=True)
    evidence = sorted({_where(h.evidence): h.evidence for h in group}.values(), key=_where)
    seen = sorted(dates[e.doc_id] for e in evidence if dates.get(e.doc_id))
    events = [h.event for h in group if h.event is not None]
    return Spell(person=best.person, post=best.label, body=best.body, facts=facts,
                 forms=tuple(sorted({h.label for h in group})), first_seen=seen[0] if seen else "",
                 last_seen=seen[-1] if seen else "", start=_first(events, STARTING_EVENTS),
                 end=_first(events, ENDING_EVENTS), evidence=evidence,
                 events=sorted(events, key=lambda e: _where(e.evidence)))


def _first(events: list[CareerEvent], kinds: tuple[str, ...]) -> CareerEvent | None:
    """The earliest event of ``kinds``; of one date, the one whose date the text states."""
    found = [e for e in events if e.kind in kinds]
    return min(found, key=lambda e: (e.date or "9999", not e.stated, _where(e.evidence)), default=None)


def _begins(s: Spell) -> str:
    return (s.start.date if s.start else "") or s.first_seen or "9999"
