"""What every generator and filter may read: the sentence, what earlier stages kept, and the lexicons.

:class:`Resources` is made once per process from the lexicon (word lists,
name shapes, derived sets); :class:`Scope` is one sentence at one stage.
Both are read-only.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.extract.base import DETERMINERS, MEDIA_ENDINGS, Vocabulary
from kg.extract.boundary import NameShape
from kg.extract.view import Found, SentenceView, WordLists
from kg.lexicon import Lexicon
from kg.model import COUNTRY, ESTATE, ORGANIZATION, PERSON, PLACE_TYPES, PROGRAM

__all__ = ["Resources", "Scope", "resources"]

# Generic words that may stand inside a body's name (党建工作领导小组, 综合服务中心)
# but not these, which name the people around a body or a quantity of bodies.
_NOT_IN_BODY_NAMES = frozenset({
    "党员", "干部", "群众", "居民", "村民", "党组织", "基层党组织", "基层", "城市", "农村", "部分", "一些", "有关",
    "相关", "多个", "一批", "其他", "全体", "广大", "各级", "所有", "市管", "县管", "省管", "区管",
    "国内", "国外", "境内", "境外", "本报讯", "本台讯", "本刊讯"})


# Legal forms written in brackets inside a company's name (茅台酒厂(集团)习酒有限责任公司).
_INSERTED_FORMS = tuple(f"{o}{w}{c}" for w in ("集团", "控股", "中国", "股份") for o, c in (("(", ")"), ("（", "）")))


@dataclass(frozen=True, eq=False)
class Resources:
    lex: Lexicon
    lists: WordLists
    place_shape: NameShape
    body_shape: NameShape
    program_shape: NameShape
    place_suffix_type: dict[str, str]
    place_suffixes: Vocabulary
    body_suffixes: Vocabulary          # every word that ends a body's name, core organs included
    program_cues: Vocabulary
    implement_verbs: Vocabulary
    slogans: Vocabulary
    surnames: frozenset[str]


class Scope:
    """One sentence at one stage: the view, what earlier stages kept, the shared resources.

    Read-only by convention; a plain slotted class because one is made for
    every sentence at every stage and its fields are read millions of times.
    """

    __slots__ = ("view", "found", "res", "text", "lex")

    def __init__(self, view: SentenceView, found: Found, res: Resources) -> None:
        self.view = view
        self.found = found
        self.res = res
        self.text: str = view.text
        self.lex: Lexicon = res.lex

    def __repr__(self) -> str:
        return f"Scope({self.view.text!r}, {self.found!r})"


def _basic_titles(lex: Lexicon) -> list[str]:
    """The titles that hold no body of their own (书记, 部长, 常委)."""
    multi = [o for o in lex.org_suffixes + lex.core_bodies if len(o) >= 2]
    return [t for t in lex.posts if not any(o in t for o in multi)]


def _sure_short_forms(lex: Lexicon) -> set[str]:
    """The short forms of divisions as sure as full names, for no other word ends so."""
    # A banner's (科右前旗); an autonomous county's or prefecture's without its peoples (镇宁自治县, 甘孜自治州).
    sure = {n for n in lex.division_short_names if n.endswith(("旗", "自治县", "自治州")) and len(n) >= 3}
    for form, found in lex.division_short_names.items():
        # One written with the plain unit (禄劝县 for 禄劝彝族苗族自治县), as such counties usually are, and an
        # ethnic district with its 区 (顺河区 for 顺河回族区).
        if len(form) >= 3 and any(form.endswith("县") and d.name.endswith("自治县") or
                                  form.endswith("区") and d.name.endswith("族区") for d in found):
            sure.add(form)
    return sure


def _word_lists(lex: Lexicon) -> WordLists:
    """Every list a sentence is scanned for, in one automaton."""
    usable = {n for n in lex.divisions_by_name if len(n) >= 3 or n.endswith(("县", "旗"))} | _sure_short_forms(lex)
    short = {n for n, ds in lex.division_short_names.items() if 2 <= len(n) <= 4 and any(d.level <= 2 for d in ds)}
    return WordLists({
        "divisions": usable, "short_divisions": short,
        "any_short_divisions": {n for n in lex.division_short_names if 2 <= len(n) <= 4},
        "place_suffixes": [s for s, _ in lex.place_suffixes],
        "body_suffixes": list(lex.org_suffixes) + list(lex.core_bodies),
        "national_bodies": lex.national_bodies, "conference_committees": lex.conference_committees,
        "titles": [t for t in lex.posts if t not in lex.byline_titles], "basic_titles": _basic_titles(lex),
        "bylines": lex.byline_titles,
        "roles": lex.person_roles, "speech_verbs": lex.speech_verbs, "address_terms": lex.address_terms,
        "appointment_verbs": lex.appointment_verbs, "office_verbs": lex.office_verbs,
        "program_cues": lex.program_cues, "strong_program_cues": lex.strong_program_cues,
        "implement_verbs": lex.implement_verbs, "slogans": lex.slogan_words, "known_programs": lex.known_programs,
        "countries": lex.country_names, "world_cities": lex.world_cities, "media_endings": MEDIA_ENDINGS,
    })


def _shapes(lex: Lexicon) -> tuple[NameShape, NameShape, NameShape]:
    posts = frozenset(t for t in lex.posts if len(t) >= 2)
    openers = lex.clause_openers
    place = NameShape("place", 8, lex.generic_words | posts, openers, parent_types=PLACE_TYPES, parent_reach=4,
                      dotted=(ESTATE,), inner_words=lex.place_name_verbs)   # 振兴/v of 振兴社区
    generic_openers = frozenset(w for w in lex.generic_words if w[0] in DETERMINERS)
    body = NameShape(ORGANIZATION, 24, frozenset(lex.posts) | _NOT_IN_BODY_NAMES | generic_openers, openers,
                     prefix_types=PLACE_TYPES + (ORGANIZATION,), numerals=True, address_types=PLACE_TYPES,
                     inserted=_INSERTED_FORMS, stop_types=(PERSON,),
                     inner_words=lex.body_name_verbs | frozenset(lex.national_bodies))   # 民建/a of 民建市委会
    # 中国绿色名县: a country may open a program's name (and is then part of it).
    program = NameShape(PROGRAM, 20, frozenset(lex.implement_verbs) | generic_openers, openers,
                        numerals=True, prefix_types=(COUNTRY,))
    return place, body, program


@functools.lru_cache(maxsize=4)
def resources(lex: Lexicon) -> Resources:
    place, body, program = _shapes(lex)
    return Resources(
        lex=lex, lists=_word_lists(lex), place_shape=place, body_shape=body, program_shape=program,
        place_suffix_type=dict(lex.place_suffixes), place_suffixes=Vocabulary(s for s, _ in lex.place_suffixes),
        body_suffixes=Vocabulary(list(lex.org_suffixes) + list(lex.core_bodies)),
        program_cues=Vocabulary(lex.program_cues), implement_verbs=Vocabulary(lex.implement_verbs),
        slogans=Vocabulary(lex.slogan_words),
        surnames=lex.surnames_single | lex.surnames_double,
    )
