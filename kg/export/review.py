"""candidates.csv: namesakes kg kept apart because nothing decided whether they are one.

One row a pair: the name, the two entity keys, why they might be one person,
a sentence naming each, and each as ``name@article``. To decide a pair,
copy ``first`` and ``second`` into kg-identities.csv beside the corpus with
``same`` or ``different`` (docs/identity.md); the next build follows it.
"""
from __future__ import annotations

from pathlib import Path

from kg.atomic import atomic_write
from kg.csvsafe import csv_text
from kg.model import KnowledgeGraph

__all__ = ["write_candidates", "candidates_csv"]

HEADER = ["name", "first_key", "second_key", "why", "first", "second", "first_sentence", "second_sentence"]


def candidates_csv(kg: KnowledgeGraph) -> str:
    rows = [HEADER]
    for c in sorted(kg.candidates, key=lambda c: (c.name, c.first, c.second)):
        sentences = [e.text for e in c.evidence] + ["", ""]
        refs = list(c.refs) + ["", ""]
        rows.append([c.name, c.first, c.second, c.why, refs[0], refs[1], sentences[0], sentences[1]])
    return csv_text(rows)


def write_candidates(kg: KnowledgeGraph, out_dir: Path) -> Path:
    """Write out_dir/candidates.csv (atomically); return its path."""
    path = Path(out_dir) / "candidates.csv"
    atomic_write(path, candidates_csv(kg))
    return path
