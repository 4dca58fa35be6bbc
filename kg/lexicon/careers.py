"""The lexicons of careers and adoption: event words, offices, the ladder of ranks, adoption words.

They are read at the merge, never by extraction, so they are not among the
extractor's data files (editing one rewrites the outputs without reading any
article again). Each file says where its contents come from.

    from kg.lexicon.careers import load_careers
    lex = load_careers()
    lex.offices["副市长"].grade        # 副职
    lex.ladder[lex.base["city"]]       # 正厅局级
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.lexicon import _lines
from kg.model import EVENT_KINDS

__all__ = ["EventCue", "Office", "Raise", "CareerLexicon", "load_careers", "CAREER_FILES", "SIDES", "LEVELS"]

CAREER_FILES = ("event_cues.tsv", "offices.tsv", "ranks.tsv", "adoption_cues.tsv")
SIDES = ("before", "after", "later")
FLAGS = ("", "acting", "concurrent")
GRADES = ("正职", "副职", "成员")
ORGANS = ("", "leading", "department", "none")
# The levels of a post's body, largest first.
LEVELS = ("province", "city", "county", "township", "village")


@dataclass(frozen=True, slots=True)
class EventCue:
    """A word that reports a personnel event, and where the person's name stands from it."""
    word: str
    kind: str        # one of EVENT_KINDS
    side: str        # before, after or later (SIDES)
    needs: str = ""  # a word that must follow the name (为)
    flag: str = ""   # acting or concurrent


@dataclass(frozen=True, slots=True)
class Office:
    """A title that ends a post, with its grade and what it says of the body."""
    title: str
    grade: str       # 正职, 副职, 成员
    level: str = ""  # the level the title fixes, "" when the body decides
    organ: str = ""  # leading, department, none, or "" when the body decides


@dataclass(frozen=True, slots=True)
class Raise:
    """Places whose organs rank higher than their level says (副省级城市, the districts of a municipality)."""
    code: str
    steps: int
    self_too: bool   # the place itself as well as the places under it


@dataclass(frozen=True, eq=False)
class CareerLexicon:
    cues: tuple[EventCue, ...]          # longest word first
    fillers: tuple[str, ...]            # what may stand between a name and a cue after it
    offices: dict[str, Office]          # by title
    ladder: tuple[str, ...]             # ranks, highest first
    base: dict[str, int]                # level -> the step of its leading principal on the ladder
    organs: tuple[str, ...]             # the names of leading organs without their place, longest first
    raises: dict[str, Raise]            # by division code
    adoption_cues: tuple[tuple[str, str], ...]   # (word, kind), longest first


def _fail(name: str, number: int, expected: str):
    raise ValueError(f"{name}:{number}: expected {expected}")


def _cues() -> tuple[tuple[EventCue, ...], tuple[str, ...]]:
    cues, fillers = [], []
    for number, fields in _lines("event_cues.tsv"):
        if fields[0] == "filler" and len(fields) == 2:
            fillers.append(fields[1])
            continue
        word, kind, side, needs, flag = (fields + ["", ""])[:5]
        if kind not in EVENT_KINDS or side not in SIDES or flag not in FLAGS or len(fields) > 5:
            _fail("event_cues.tsv", number, "'cue<TAB>kind<TAB>side[<TAB>needs<TAB>flag]' or 'filler<TAB>word'")
        cues.append(EventCue(word, kind, side, needs, flag))
    return tuple(sorted(cues, key=lambda c: (-len(c.word), c.word))), tuple(sorted(fillers, key=len, reverse=True))


def _offices() -> dict[str, Office]:
    out = {}
    for number, fields in _lines("offices.tsv"):
        title, grade, level, organ = (fields + ["", "", ""])[:4]
        if grade not in GRADES or level not in ("", *LEVELS) or organ not in ORGANS or title in out:
            _fail("offices.tsv", number, "'title<TAB>grade[<TAB>level<TAB>organ]', each title once")
        out[title] = Office(title, grade, level, organ)
    return out


def _ranks() -> tuple[tuple[str, ...], dict[str, int], tuple[str, ...], dict[str, Raise]]:
    ladder: list[str] = []
    base: dict[str, int] = {}
    organs: list[str] = []
    raises: dict[str, Raise] = {}
    for number, fields in _lines("ranks.tsv"):
        kind, rest = fields[0], fields[1:]
        if kind == "rank" and len(rest) == 1:
            ladder.append(rest[0])
        elif kind == "base" and len(rest) == 2 and rest[0] in LEVELS and rest[1] in ladder:
            base[rest[0]] = ladder.index(rest[1])
        elif kind == "organ" and len(rest) == 1:
            organs.append(rest[0])
        elif kind == "raise" and len(rest) >= 3 and rest[1].isdigit() and rest[2] in ("self", "below"):
            raises[rest[0]] = Raise(rest[0], int(rest[1]), rest[2] == "self")
        else:
            _fail("ranks.tsv", number, "a rank, base, organ or raise line (see the header)")
    return tuple(ladder), base, tuple(sorted(organs, key=len, reverse=True)), raises


def _adoption_cues() -> tuple[tuple[str, str], ...]:
    out = []
    for number, fields in _lines("adoption_cues.tsv"):
        if len(fields) != 2 or not fields[1]:
            _fail("adoption_cues.tsv", number, "'cue<TAB>kind'")
        out.append((fields[0], fields[1]))
    return tuple(sorted(out, key=lambda c: (-len(c[0]), c[0])))


@functools.lru_cache(maxsize=1)
def load_careers() -> CareerLexicon:
    """The career and adoption lexicons, read once."""
    cues, fillers = _cues()
    ladder, base, organs, raises = _ranks()
    return CareerLexicon(cues=cues, fillers=fillers, offices=_offices(), ladder=ladder, base=base, organs=organs,
                         raises=raises, adoption_cues=_adoption_cues())
