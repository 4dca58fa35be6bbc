"""Every span a build emits is a name: none begins with a verb, a preposition or a function word.

Checked on every text at hand: the seed articles and, when present, the
real pages of ../shared/eval (read where they lie, never copied).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus import find_inputs, read_document
from kg.extract.base import word_info
from kg.extract.boundary import OPENING_CHARS
from kg.lexicon import load
from kg.model import PERSON
from kg.pipeline import process_document

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "eval" / "pages_dev" / "texts"


def _texts() -> list[Path]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if PAGES.exists():
        paths += sorted(PAGES.glob("*.txt"))
    return paths


def _opening_word(name: str, openers: frozenset[str]) -> str:
    for w in sorted(openers, key=len, reverse=True):
        if len(w) >= 2 and name.startswith(w) and len(name) > len(w) and not word_info(name[:len(w) + 1]):
            return w
    return name[0] if name[0] in OPENING_CHARS else ""


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_no_entity_begins_with_a_verb_preposition_or_function_word(path):
    openers = load().clause_openers
    result = process_document(read_document(next(iter(find_inputs([str(path)])))))
    bad = [(e.type, e.name, _opening_word(e.name, openers)) for e in result.entities
           if e.type != PERSON and _opening_word(e.name, openers)]
    assert bad == []
