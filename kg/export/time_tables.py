"""Tables of time for researchers: careers.csv, events.csv, adoption.csv, edges_by_period.csv.

Each is UTF-8 with one header row, ISO dates (``2024-03-05``, or ``2024-03``
and ``2024`` for articles dated only so far) and periods (``2024-03``,
``2024-Q1``, ``2024``), ``true``/``false`` for flags and lists joined by
``|``, so ``pandas.read_csv`` (or R's ``read.csv``) loads them without
options. The README's section for researchers gives the columns.
"""
from __future__ import annotations

from pathlib import Path

from kg.adoption import AdoptionRow, adoption_rows
from kg.atomic import atomic_write
from kg.config import DEFAULTS, Period
from kg.csvsafe import csv_text
from kg.lexicon import load as load_lexicon
from kg.lexicon.careers import load_careers
from kg.model import CareerEvent, Evidence, KnowledgeGraph, PostFacts, Spell
from kg.offices import PostReader
from kg.period_edges import PeriodEdge, edges_by_period

__all__ = ["write_time_tables", "careers_csv", "events_csv", "adoption_csv", "edges_by_period_csv", "TIME_TABLES"]

TIME_TABLES = ("careers.csv", "events.csv", "adoption.csv", "edges_by_period.csv")

CAREER_COLUMNS = ["person", "person_name", "post", "forms", "office", "grade", "acting", "concurrent", "rank", "level",
                  "body", "body_name", "place", "place_name", "code", "first_seen", "last_seen", "start",
                  "start_source", "start_event", "end", "end_source", "end_event", "documents", "articles", "spans"]
EVENT_COLUMNS = ["id", "kind", "cue", "person", "person_name", "post", "office", "grade", "acting", "concurrent", "rank",
                 "level", "body", "body_name", "place", "place_name", "code", "stated", "observed", "article",
                 "start", "end", "sentence"]
ADOPTION_COLUMNS = ["program", "program_name", "place", "place_name", "level", "code", "period", "first_mention",
                    "kind", "documents", "articles", "via"]
EDGE_COLUMNS = ["period", "kind", "head", "head_name", "tail", "tail_name", "body", "count", "pmi", "documents",
                "articles"]


def write_time_tables(kg: KnowledgeGraph, out_dir: Path, period: Period = DEFAULTS.period) -> list[Path]:
    """Write the four tables into ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    reader = PostReader(kg, load_lexicon(), load_careers())
    texts = (careers_csv(kg), events_csv(kg), adoption_csv(kg, adoption_rows(kg, load_careers(), reader, period)),
             edges_by_period_csv(kg, edges_by_period(kg, period)))
    paths = [out_dir / name for name in TIME_TABLES]
    for path, text in zip(paths, texts):
        atomic_write(path, text)
    return paths


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _name(kg: KnowledgeGraph, key: str) -> str:
    e = kg.entities.get(key)
    return e.name if e is not None else ""


def _facts(kg: KnowledgeGraph, facts: PostFacts, body: str) -> list:
    """office … code: the columns a post's facts fill, in both careers.csv and events.csv."""
    return [facts.office, facts.grade, _flag(facts.acting), _flag(facts.concurrent), facts.rank, facts.level, body,
            _name(kg, body), facts.place, facts.place_name, facts.code]


def _span(e: Evidence) -> str:
    return f"{e.doc_id}:{e.start}-{e.end}"


def _bound(event: CareerEvent | None) -> list[str]:
    """date, source of the date (stated or observed), event id: a spell's start or end."""
    if event is None:
        return ["", "", ""]
    source = "stated" if event.stated else "observed" if event.observed else ""
    return [event.date, source, event.id]


def careers_csv(kg: KnowledgeGraph) -> str:
    """One row a person–post spell."""
    rows: list[list] = [CAREER_COLUMNS]
    for s in kg.spells:
        rows.append(_career_row(kg, s))
    return csv_text(rows)


def _career_row(kg: KnowledgeGraph, s: Spell) -> list:
    docs = s.documents
    return [s.person, _name(kg, s.person), s.post, "|".join(s.forms), *_facts(kg, s.facts, s.body), s.first_seen,
            s.last_seen,
            *_bound(s.start), *_bound(s.end), len(docs), "|".join(docs), "|".join(_span(e) for e in s.evidence)]


def events_csv(kg: KnowledgeGraph) -> str:
    """One row a personnel event, with its sentence."""
    rows: list[list] = [EVENT_COLUMNS]
    for e in kg.events:
        rows.append([e.id, e.kind, e.cue, e.person, _name(kg, e.person), e.post, *_facts(kg, e.facts, e.body),
                     e.stated, e.observed,
                     e.evidence.doc_id, e.evidence.start, e.evidence.end, e.evidence.text])
    return csv_text(rows)


def adoption_csv(kg: KnowledgeGraph, found: list[AdoptionRow]) -> str:
    """One row a program, place and period."""
    rows: list[list] = [ADOPTION_COLUMNS]
    for r in found:
        first = r.first
        docs = r.documents
        rows.append([r.program, _name(kg, r.program), r.place.key, r.place.name, r.place.type, r.place.code, r.period,
                     first.date, first.kind, len(docs), "|".join(docs), "|".join(r.via)])
    return csv_text(rows)


def edges_by_period_csv(kg: KnowledgeGraph, found: list[PeriodEdge]) -> str:
    """One row a relation or co-occurrence and a period."""
    rows: list[list] = [EDGE_COLUMNS]
    for r in found:
        tail = _name(kg, r.tail) or r.tail   # the tail of holdsPost is the post as written
        rows.append([r.period, r.kind, r.head, _name(kg, r.head), r.tail, tail, r.body, r.count,
                     "" if r.pmi is None else f"{r.pmi:.4f}", len(r.documents), "|".join(r.documents)])
    return csv_text(rows)
