"""Whether a proposed program name is one: the cues around it, weighed by a small learned model.

Quotes in Chinese news hold initiatives (“接诉即办”, “四治融合”) as often as
idioms, metaphors, slogans and speech (“铜墙铁壁”, “最后一公里”). Each program
candidate carries the cues around it as signals (:func:`cues`); the
document pools the signals of every occurrence of a name, and a logistic
model over them (weights in ``kg/lexicon/program_model.json``, trained on the
development gold by ``scripts/train_program_model.py``) gives the chance
that the name is a program. The weights are data: each names its cue, so a
reader can see why a name was kept.
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources

from kg.extract.base import word_info
from kg.extract.candidate import Candidate
from kg.extract.context import Scope
from kg.extract.thresholds import THRESHOLDS

__all__ = ["cues", "ProgramModel", "load_model", "pooled_cues", "POOLED"]

_DESIGNATIONS = ("评为", "列为", "命名为", "授予", "获评", "荣获", "获得", "被评为", "入选", "成为")
_HONOURS = ("称号", "荣誉", "称谓", "殊荣")
_ROLE_ENDINGS = frozenset("长者员人家")
_SYSTEM_ENDINGS = frozenset("制日节周月年赛会展")
_BODY_AFTER = ("联盟", "队", "协会", "合作社", "工作室", "服务站", "驿站", "平台", "中心")
_FUNCTION_CHARS = frozenset("的了着是在把被吗呢吧")
_ASPECT_PARTICLES = ("了", "着", "过")
_NUMERAL = re.compile(r"^[一二三四五六七八九十两百千万\d]")
_QUANTITY = re.compile(r"[\d一二三四五六七八九十两百千万]+[余多]?[个名户人家位项件次元亩万]")
_TWO_NUMERALS = re.compile(r"[一二三四五六七八九十两\d].*[一二三四五六七八九十两\d]")
# Cues that belong to one occurrence; the rest are pooled over the document.
POOLED = ("repeated",)


def _length_cue(n: int) -> str:
    for limit, name in ((1, "len:1"), (2, "len:2"), (3, "len:3"), (4, "len:4"), (6, "len:5-6"), (10, "len:7-10")):
        if n <= limit:
            return name
    return "len:11+"


def cues(scope: Scope, c: Candidate, inner: str, after: int, cue_gap: int | None) -> tuple[str, ...]:
    """The cues around one occurrence of a program candidate ([c.start, c.end) in the sentence).

    ``cue_gap`` is how far a cue noun follows the name (None: no cue nearby).
    """
    text, name = scope.text, c.name
    found = {c.source if c.source in ("quoted", "book", "spaced", "cued") else "cued", _length_cue(len(name))}
    found |= _cue_words(scope, name, cue_gap)
    found |= _shape(name, inner)
    found |= _word(scope, name)
    found |= _context(scope, c.start, after, text)
    return tuple(sorted(found))


def _cue_words(scope: Scope, name: str, cue_gap: int | None) -> set[str]:
    out = set()
    cue = scope.res.program_cues.ends_at(name, len(name))
    if cue is not None and len(cue) < len(name):
        out.add("cue:own-strong" if cue in scope.lex.strong_program_cues else "cue:own")
    if cue_gap == 0:
        out.add("cue:adjacent")
    elif cue_gap is not None:
        out.add("cue:near")
    if scope.res.slogans.ends_at(name, len(name)):
        out.add("slogan")
    return out


# The shape of a program's name (四议两公开, 党建+, 共享社·幸福里, 12345), each a cue of its own.
_NAME_SHAPES = (
    ("shape:numeral-start", lambda name: bool(_NUMERAL.match(name))),
    ("shape:numerals", lambda name: bool(_TWO_NUMERALS.search(name))),
    ("shape:plus", lambda name: "+" in name),
    ("shape:dot", lambda name: "·" in name),
    ("shape:digits", lambda name: name.isdigit()),
    ("shape:quantity", lambda name: bool(_QUANTITY.search(name))),
)
# What the quoted text holds that speech or a list holds (“看得见、摸得着”, “怎么办？”).
_INNER_SHAPES = (
    ("has:enumeration", lambda inner: "、" in inner),
    ("has:comma", lambda inner: any(ch in inner for ch in ",，;；")),
    ("has:question", lambda inner: any(ch in inner for ch in "?？!！")),
)
# How the name reads as words: a function character (的, 了), a person's role (带头人) or a recurring event (文化节).
_WORDING = (
    ("has:function-char", lambda name: any(ch in _FUNCTION_CHARS for ch in name)),
    ("end:role", lambda name: name[-1] in _ROLE_ENDINGS),
    ("end:system", lambda name: name[-1] in _SYSTEM_ENDINGS),
)


def _shape(name: str, inner: str) -> set[str]:
    """The cues of the name's shape and wording, and of the quoted text it was read from."""
    out = {cue for cue, holds in _NAME_SHAPES if holds(name)}
    out |= {cue for cue, holds in _INNER_SHAPES if holds(inner)}
    out |= {cue for cue, holds in _WORDING if holds(name)}
    return out


def _word(scope: Scope, name: str) -> set[str]:
    out = set()
    info = word_info(name)
    if info is not None:
        if info[1] in ("i", "l"):
            out.add("word:idiom")
        elif info[0] >= THRESHOLDS.common_word and not info[1].startswith(("nr", "ns", "nt", "nz")):
            out.add("word:common")
        else:
            out.add("word:rare")
    first = next((w for n in (4, 3, 2) if (w := name[:n]) and word_info(w)), "")
    if first and word_info(first)[1].startswith("v") and not word_info(first)[1].startswith("vn"):
        out.add("start:verb")
    if name[:2] in scope.lex.division_short_names or name[:3] in scope.lex.divisions_by_name:
        out.add("start:place")
    return out


def _context(scope: Scope, start: int, after: int, text: str) -> set[str]:
    out = set()
    before = text[max(0, start - 7):start].rstrip(" “\"‘「『《")
    verb_end = len(before) - 1 if before.endswith(_ASPECT_PARTICLES) else len(before)   # 推行了“积分制”
    if scope.res.implement_verbs.ends_at(before, verb_end) is not None:
        out.add("verb:before")
    if before.endswith(_DESIGNATIONS):
        out.add("designation:before")
    rest = text[after:after + 16]
    if any(h in rest for h in _HONOURS):
        out.add("honour:after")
    if rest.startswith(_BODY_AFTER):
        out.add("body:after")
    opener = text[start - 1:start] if start > 0 else ""
    joined = text[max(0, start - 2):start - 1] if opener in "“\"‘「『" else ""
    if joined in ("、", "和", "”", "\"") or text[after:after + 2].lstrip("”\"’」』")[:1] == "、":
        out.add("quote:list")
    return out


def pooled_cues(occurrences: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The cues of a name over the document: those of every occurrence, and whether it recurs."""
    found = set().union(*occurrences) if occurrences else set()
    if len(occurrences) >= 2:
        found.add("repeated")
    return tuple(sorted(found))


@dataclass(frozen=True)
class ProgramModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, found: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(cue, 0.0) for cue in found)
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, found: tuple[str, ...]) -> bool:
        return self.probability(found) >= self.threshold


@functools.lru_cache(maxsize=1)
def load_model() -> ProgramModel:
    data = json.loads(resources.files("kg.lexicon").joinpath("program_model.json").read_text(encoding="utf-8"))
    return ProgramModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
