"""Program adoption: which place first mentioned or carried out which program, and when, period by period.

Each sentence in which a place or body carries out a program (the
``implements`` relations) is a mention of the program by that place — by
the place a body belongs to (运城市委 → 运城市) — on its article's date. The
mentions of one program, place and period make one row, with the date and
the kind of the first (试点 pilot, 推广 spread, 示范 model, 验收 evaluation,
the word nearest the program in its sentence; else mention). A township, a
village, a community or an estate also counts for its county, so that a
county panel is complete: the county's row lists the places below it whose
mentions it includes (``via``).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kg.config import Period
from kg.lexicon.careers import CareerLexicon
from kg.model import COUNTY, IMPLEMENTS, LOCATED_IN, PLACE_LEVEL, PLACE_TYPES, Evidence, KnowledgeGraph
from kg.offices import PostReader
from kg.periods import period_of
from kg.resolve import entity_key

__all__ = ["AdoptionRow", "adoption_rows", "MENTION"]

# The kind of a mention whose sentence says nothing of how the program is taken up.
MENTION = "mention"


@dataclass(frozen=True, slots=True)
class _Unit:
    """A place a row is about."""
    key: str
    name: str
    type: str
    code: str


@dataclass(frozen=True, slots=True)
class _Seen:
    """One mention of a program by a place."""
    date: str
    kind: str
    evidence: Evidence
    via: str = ""       # the key of the place below the row's, for a county's row


@dataclass
class AdoptionRow:
    program: str
    place: _Unit
    period: str
    seen: list[_Seen] = field(default_factory=list)

    @property
    def first(self) -> _Seen:
        return min(self.seen, key=lambda s: (s.date or "9999", s.evidence.doc_id, s.evidence.start))

    @property
    def documents(self) -> list[str]:
        return sorted({s.evidence.doc_id for s in self.seen})

    @property
    def via(self) -> list[str]:
        return sorted({s.via for s in self.seen if s.via})


def adoption_rows(kg: KnowledgeGraph, careers: CareerLexicon, reader: PostReader, period: Period) -> list[AdoptionRow]:
    """One row a program, place and period (the undated mentions in a row of period "")."""
    dates = {d.document.id: d.date for d in kg.documents}
    sentences = {d.document.id: d.sentences for d in kg.documents}
    parents = _parents(kg)
    rows: dict[tuple[str, str, str], AdoptionRow] = {}
    for rel in kg.relations:
        if rel.kind != IMPLEMENTS or rel.tail not in kg.entities:
            continue
        unit = _unit_of(rel.head, kg, reader)
        if unit is None:
            continue
        county = _county_of(unit, kg, reader, parents)
        for ev in rel.evidence:
            date = dates.get(ev.doc_id, "")
            kind = _kind(sentences.get(ev.doc_id, ()), ev, careers)
            for place, via in ((unit, ""), (county, unit.key)):
                if place is not None:
                    key = (rel.tail, place.key, period_of(date, period))
                    row = rows.setdefault(key, AdoptionRow(rel.tail, place, key[2]))
                    row.seen.append(_Seen(date, kind, ev, via))
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1], k[2] or "9999"))]


def _unit_of(key: str, kg: KnowledgeGraph, reader: PostReader) -> _Unit | None:
    """The place an implementer is, or that a body implementing belongs to."""
    place = reader.place(key)
    if place is None:
        return None
    if place.key:
        e = kg.entities[place.key]
        return _Unit(place.key, e.name, e.type, e.code)
    found = reader.lex.division_by_code.get(place.code)
    return _Unit(entity_key(found.type, found.name, found.code), found.name, found.type, found.code) if found else None


def _parents(kg: KnowledgeGraph) -> dict[str, str]:
    """The place each place lies in, by the located-in relations (the nearest first written)."""
    parents: dict[str, str] = {}
    for rel in kg.relations:
        if rel.kind == LOCATED_IN and rel.tail in kg.entities and kg.entities[rel.tail].type in PLACE_TYPES:
            parents.setdefault(rel.head, rel.tail)
    return parents


def _county_of(unit: _Unit, kg: KnowledgeGraph, reader: PostReader, parents: dict[str, str]) -> _Unit | None:
    """The county a place below the county level lies in, by its division code or the places around it."""
    if unit.type not in PLACE_TYPES or PLACE_LEVEL[unit.type] <= PLACE_LEVEL[COUNTY]:
        return None
    key, seen = unit.key, set()
    while key in kg.entities and key not in seen:
        seen.add(key)
        e = kg.entities[key]
        if e.type == COUNTY:
            return _Unit(key, e.name, e.type, e.code)
        county = next((d for d in reader.lex.ancestors(e.code) if d.type == COUNTY), None) if e.code else None
        if county is not None:
            found = reader.by_code.get(county.code, "")
            return _Unit(found or entity_key(COUNTY, county.name, county.code), county.name, COUNTY, county.code)
        key = parents.get(key, "")
    return None


def _kind(sentences, ev: Evidence, careers: CareerLexicon) -> str:
    """The adoption word nearest the program in its sentence, else MENTION."""
    if not 0 <= ev.sentence < len(sentences):
        return MENTION
    s = sentences[ev.sentence]
    at = bisect_left(s.offsets, ev.start)
    best = None
    for word, kind in careers.adoption_cues:
        k = s.text.find(word)
        while k >= 0:
            distance = abs(k - at)
            if best is None or distance < best[0]:
                best = (distance, kind)
            k = s.text.find(word, k + 1)
    return best[1] if best else MENTION
