"""Spells and personnel events in the RDF: W3C ORG memberships over OWL-Time intervals, with their evidence.

A spell is an ``org:Membership`` of a person (``org:member``) in a body
(``org:organization``) in a role (``org:role``, one ``org:Role`` an office),
during an ``org:memberDuring`` ``time:Interval`` whose ``time:hasBeginning``
and ``time:hasEnd`` are the dates of the events that begin and end it. An
event is a ``kg:PersonnelEvent``. Both point to the articles and, unless the
build keeps no provenance, to the spans they were read from (``kg:evidence``).
docs/rdf.md says why ORG rather than schema:Role.

The triples go through the RDF writer's collector (:mod:`kg.export.rdf`),
which calls :func:`describe_timeline`; this module imports nothing of it.
"""
from __future__ import annotations

import re

from kg.model import HOLDS_POST, CareerEvent, Evidence, KnowledgeGraph, Spell
from kg.vocab import KG, ORG, RDFS, TIME, XSD, term

__all__ = ["describe_timeline"]


class _T:
    Membership = term(ORG.Membership)
    Role = term(ORG.Role)
    member = term(ORG.member)
    organization = term(ORG.organization)
    role = term(ORG.role)
    memberDuring = term(ORG.memberDuring)
    Interval = term(TIME.Interval)
    Instant = term(TIME.Instant)
    hasBeginning = term(TIME.hasBeginning)
    hasEnd = term(TIME.hasEnd)
    label = term(RDFS.label)
    PersonnelEvent = term(KG.PersonnelEvent)
    Evidence = term(KG.Evidence)
    inDocument = term(KG.inDocument)
    evidence = term(KG.evidence)
    boolean = term(XSD.boolean)


# The OWL-Time property and the XSD type of a date of each precision.
_INSTANT = ((re.compile(r"^\d{4}-\d{2}-\d{2}$"), term(TIME.inXSDDate), term(XSD.date)),
            (re.compile(r"^\d{4}-\d{2}$"), term(TIME.inXSDgYearMonth), term(XSD.gYearMonth)),
            (re.compile(r"^\d{4}$"), term(TIME.inXSDgYear), term(XSD.gYear)))


def _iri(value: str) -> tuple:
    return (0, value, "", "")


def _text(value: str, lang: str = "") -> tuple:
    return (1, value, "", lang)


def _typed(value: str, datatype: str) -> tuple:
    return (1, value, datatype, "")


def _date(value: str) -> tuple | None:
    for pattern, _, datatype in _INSTANT:
        if pattern.match(value):
            return _typed(value, datatype)
    return None


def describe_timeline(builder, kg: KnowledgeGraph, segment) -> None:
    """Add the spells and events of ``kg`` to ``builder`` (the RDF writer's collector).

    ``segment`` makes an IRI path segment of a key, as the writer does for
    entities, so that the IRIs of spells and events follow the same rules.
    """
    held = {(r.head, r.tail, r.body if r.body in kg.entities else "") for r in kg.relations if r.kind == HOLDS_POST}
    spell_of: dict[str, str] = {}
    for s in kg.spells:
        node = builder.base + "spell/" + "/".join(segment(part) for part in s.key)
        for e in s.events:
            spell_of[e.id] = node
        _spell(builder, kg, s, node, segment, held)
    for e in kg.events:
        _event(builder, kg, e, _event_iri(builder, e, segment), spell_of.get(e.id, ""))


def _event_iri(builder, e: CareerEvent, segment) -> str:
    return f"{builder.base}event/{segment(e.evidence.doc_id)}/{e.evidence.start}/{segment(e.post)}"


def _facts(builder, s: str, facts, kg: KnowledgeGraph) -> None:
    """Rank, level, flags and place of a post, on a spell or an event."""
    builder.add(s, term(KG.rank), _text(facts.rank) if facts.rank else None)
    builder.add(s, term(KG.level), _text(facts.level) if facts.level else None)
    builder.add(s, term(KG.acting), _typed("true" if facts.acting else "false", _T.boolean))
    builder.add(s, term(KG.concurrent), _typed("true" if facts.concurrent else "false", _T.boolean))
    if facts.place in kg.entities:
        builder.add(s, term(KG.place), _iri(builder.entity(facts.place)))


def _spell(builder, kg: KnowledgeGraph, s: Spell, node: str, segment, held: set) -> None:
    builder.typed(node, _T.Membership)
    builder.add(node, _T.member, _iri(builder.entity(s.person)))
    builder.add(node, _T.label, _text(s.post, "zh"))
    if s.body in kg.entities:
        builder.add(node, _T.organization, _iri(builder.entity(s.body)))
    body = s.body if s.body in kg.entities else ""
    post = next(((label, body) for label in (s.post, *s.forms) if (s.person, label, body) in held), None)
    if post is not None:
        builder.add(node, term(KG.post), _iri(builder.post(*post)))
    builder.add(node, _T.role, _iri(_role(builder, s.facts.office, s.facts.grade, segment)))
    _facts(builder, node, s.facts, kg)
    for prop, value in ((term(KG.firstSeen), s.first_seen), (term(KG.lastSeen), s.last_seen)):
        builder.add(node, prop, _date(value) if value else None)
    _interval(builder, node, s)
    for prop, event in ((term(KG.startedBy), s.start), (term(KG.endedBy), s.end)):
        if event is not None:
            builder.add(node, prop, _iri(_event_iri(builder, event, segment)))
    _evidence(builder, node, s.evidence)


def _role(builder, office: str, grade: str, segment) -> str:
    node = builder.base + "role/" + segment(office)
    builder.typed(node, _T.Role)
    builder.add(node, _T.label, _text(office, "zh"))
    builder.add(node, term(KG.grade), _text(grade) if grade else None)
    return node


def _interval(builder, node: str, s: Spell) -> None:
    """org:memberDuring, when an event dates the spell's start or end."""
    bounds = [(p, e.date) for p, e in ((_T.hasBeginning, s.start), (_T.hasEnd, s.end)) if e is not None and e.date]
    if not bounds:
        return
    during = node + "/during"
    builder.add(node, _T.memberDuring, _iri(during))
    builder.typed(during, _T.Interval)
    for prop, date in bounds:
        instant = during + ("/start" if prop == _T.hasBeginning else "/end")
        builder.add(during, prop, _iri(instant))
        builder.typed(instant, _T.Instant)
        for pattern, in_xsd, datatype in _INSTANT:
            if pattern.match(date):
                builder.add(instant, in_xsd, _typed(date, datatype))


def _event(builder, kg: KnowledgeGraph, e: CareerEvent, node: str, spell: str) -> None:
    builder.typed(node, _T.PersonnelEvent)
    builder.add(node, term(KG.eventKind), _text(e.kind))
    builder.add(node, term(KG.person), _iri(builder.entity(e.person)))
    builder.add(node, _T.label, _text(f"{e.cue} {kg.entities[e.person].name} {e.post}", "zh"))
    builder.add(node, term(KG.cue), _text(e.cue, "zh"))
    builder.add(node, term(KG.postLabel), _text(e.post, "zh"))
    if e.body in kg.entities:
        builder.add(node, term(KG.body), _iri(builder.entity(e.body)))
    _facts(builder, node, e.facts, kg)
    builder.add(node, term(KG.statedDate), _date(e.stated) if e.stated else None)
    builder.add(node, term(KG.observedDate), _date(e.observed) if e.observed else None)
    if spell:
        builder.add(node, term(KG.membership), _iri(spell))
    _evidence(builder, node, [e.evidence])


def _evidence(builder, node: str, evidence: list[Evidence]) -> None:
    """The articles, and unless the build keeps no provenance, the spans of the names it was read from."""
    for ev in evidence:
        builder.add(node, _T.inDocument, _iri(builder.doc(ev.doc_id)))
        if builder.mentions:
            builder.add(node, _T.evidence, _iri(builder.span(ev.doc_id, ev.sentence, ev.start, ev.end,
                                                             _T.Evidence, ev.text)))
