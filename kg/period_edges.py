"""Relations and co-occurrences period by period, with the PMI of each period.

A co-occurrence is counted as the whole graph counts it (sentences naming
both), but only over the articles of one period, and its PMI uses that
period's sentences alone: ``log2(n_ab · N / (n_a · n_b))`` with N the
sentences of the period's articles and n_a those naming a. A typed relation
counts the sentences of the period that state it. The periods of a pair add
up to its count in edges.csv; undated articles make the period "".
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from kg.config import Period
from kg.model import COOCCURS, KnowledgeGraph
from kg.periods import period_of

__all__ = ["PeriodEdge", "edges_by_period"]


@dataclass(frozen=True, slots=True)
class PeriodEdge:
    period: str
    kind: str
    head: str
    tail: str
    body: str
    count: int
    pmi: float | None        # co-occurrences only
    documents: tuple[str, ...]


def edges_by_period(kg: KnowledgeGraph, period: Period) -> list[PeriodEdge]:
    """Every typed relation and co-occurrence, one row a period it is read in."""
    period_of_doc = {d.document.id: period_of(d.date, period) for d in kg.documents}
    rows = _typed(kg, period_of_doc) + _cooccurrences(kg, period_of_doc)
    return sorted(rows, key=lambda r: (r.period or "9999", r.kind, r.head, r.tail, r.body))


def _typed(kg: KnowledgeGraph, period_of_doc: dict[str, str]) -> list[PeriodEdge]:
    rows = []
    for rel in kg.relations:
        if rel.kind == COOCCURS:
            continue
        sentences: dict[str, set[tuple[str, int]]] = defaultdict(set)
        for ev in rel.evidence:
            sentences[period_of_doc.get(ev.doc_id, "")].add((ev.doc_id, ev.sentence))
        for p, found in sentences.items():
            docs = tuple(sorted({d for d, _ in found}))
            rows.append(PeriodEdge(p, rel.kind, rel.head, rel.tail, rel.body, len(found), None, docs))
    return rows


def _cooccurrences(kg: KnowledgeGraph, period_of_doc: dict[str, str]) -> list[PeriodEdge]:
    named: dict[tuple[str, int], set[str]] = defaultdict(set)
    for key, e in kg.entities.items():
        for m in e.mentions:
            named[(m.doc_id, m.sentence)].add(key)
    total: Counter = Counter()
    for d in kg.documents:
        total[period_of_doc[d.document.id]] += len(d.sentences)
    alone: Counter = Counter()
    pairs: Counter = Counter()
    docs: dict[tuple, set[str]] = defaultdict(set)
    for (doc_id, _), keys in named.items():
        p = period_of_doc.get(doc_id, "")
        alone.update((p, k) for k in keys)
        for a, b in combinations(sorted(keys), 2):
            pairs[(p, a, b)] += 1
            docs[(p, a, b)].add(doc_id)
    rows = []
    for (p, a, b), n in pairs.items():
        pmi = math.log2(n * max(total[p], 1) / (alone[(p, a)] * alone[(p, b)]))
        rows.append(PeriodEdge(p, COOCCURS, a, b, "", n, pmi, tuple(sorted(docs[(p, a, b)]))))
    return rows
