"""Place generators: official divisions, their short forms, and places named by a suffix.

Provinces, cities, counties and townships come from the official list
(with their codes); villages, communities and estates are not in it and are
proposed where a place suffix (村, 嘎查, 社区, 小区, 家园 …) ends a name whose
left boundary the scanner finds; the place right before such a name is its
parent (盐湖区安邑街道幸福里社区). Countries come from the list of the world's
states.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from kg.extract.base import (DETERMINERS, FUNCTION_CHARS, GLUED_PREPOSITIONS, LEVEL_PREFIXES, NOMINAL_FLAGS, PUNCT, QUOTES,
                             CuedPattern, is_common_word, is_familys_hamlet, normalize_name, word_info)
from kg.extract.boundary import OPENING_CHARS, Boundary, is_count, scan_left
from kg.extract.candidate import COINED_OPENING, LISTED, Candidate
from kg.extract.context import Scope
from kg.extract.thresholds import THRESHOLDS
from kg.lexicon import townships_by_stem
from kg.text import CJK_CLASS, is_cjk
from kg.model import (CITY, COMMUNITY, COUNTRY, COUNTY, ESTATE, ORGANIZATION, PLACE_LEVEL, PLACE_TYPES, PROGRAM, PROVINCE,
                      TOWNSHIP, VILLAGE)

__all__ = ["county_of_a_county_story", "divisions", "listed_divisions", "suffixed_places", "countries", "inside_names", "NAMED", "SUFFIXED", "INSIDE"]

# The suffixes of the places a short form of a city's name may name, written right after it.
_LOCAL_SUFFIXES = ("社区", "小区", "村")
# The bodies and units of a community or village, written right after its name: they vouch for an everyday
# stem (和平村村委会, 桃源社区警务室).
_OWN_BODIES = ("党委", "党总支", "党支部", "居委会", "村委会", "居民委员会", "村民委员会", "村监会", "两委",
               "警务室", "卫生室", "卫生服务站", "党群服务中心", "新时代文明实践站")
# The people of a village or community, written right after its name (大兴村村民, 幸福社区居民): they vouch too.
_OWN_PEOPLE = ("村民", "居民", "村干部", "村集体", "党员")
# Verbs of going to a place (来到光明村, 走进幸福社区): what they lead to is a place.
_VISITING_VERBS = ("来到", "走进", "前往", "走访")
# Words a village's name runs into (下坦村村监会, 海林村两委, 高桥背村村民): the tagger glues them to its 村.
# Words about a village (its people, affairs, looks) that may follow its name, glued to its 村.
_VILLAGE_NOUNS = ("村民", "村干部", "村集体", "村情", "村务", "村容", "村貌", "村风", "村级", "村史", "村规")
_AFTER_A_VILLAGE = ("村委会", "村监会", "村民委员会", "村务监督委员会", "村党支部", "村党总支", "村支部", "村两委",
                    "两委") + _VILLAGE_NOUNS


# --------------------------------------------------------------------------- divisions

def divisions(scope: Scope) -> Iterator[Candidate]:
    """Official division names, left to right, the longest sound match at each place."""
    longest, shorts = _division_matches(scope)
    below: dict[int, list[tuple[int, str]]] = {}
    for i, j, form in scope.view.hits["any_short_divisions"]:
        below.setdefault(i, []).append((j, form))
    reach = 0
    last: Candidate | None = None
    for start in sorted(longest.keys() | shorts.keys() | below.keys()):
        if start < reach:
            continue
        length = longest.get(start)
        after_division = last is not None and last.end == start   # 宁县城关镇: 县城 is no word here
        if length is not None and _countryside_of_a_place(scope, start, start + length):
            cand = _named_division(scope, start, start + length - 1, last)   # 湖南 of 湖南乡村
        elif length is None or not (after_division or _sound_division(scope, start, start + length)):
            cand = _short_form(scope, start, shorts.get(start, ()), last, longest)
            if cand is None and after_division:
                cand = _under_its_place(scope, start, below.get(start, ()), last)
        else:
            cand = _named_division(scope, start, start + length, last)
        if cand is not None:
            yield cand
            reach, last = cand.end, cand
            town = _short_named_township_after(scope, cand)
            if town is not None:
                yield town
                reach, last = town.end, town


def _short_named_township_after(scope: Scope, county: Candidate) -> Candidate | None:
    """禹城市莒镇: a township whose name is two characters (too short for the list to be matched anywhere:
    城镇, 重镇) is named right after the county that holds it."""
    name = scope.text[county.end:county.end + 2]
    if county.type != COUNTY or not county.code or not name.endswith(("镇", "乡")):
        return None
    found = [d for d in scope.lex.divisions_by_name.get(name, ()) if d.level == 4 and d.parent == county.code]
    return _division(scope, county.end, county.end + 2, name, found, county) if found else None


# What 村 opens after a township's 乡 when it speaks of that township's villages (蔡口集乡村民).
_VILLAGES_OF_A_TOWNSHIP = ("村民", "村委", "村干", "村党", "村两", "村级")


def _countryside_of_a_place(scope: Scope, i: int, j: int) -> bool:
    """湖南乡村旅游, 安吉乡村振兴: a township ending in 乡 before 村, whose stem is the name of a province,
    city or county, is that place and 乡村 (the countryside), unless 村 opens the township's villagers."""
    text = scope.text
    if text[j - 1] != "乡" or text[j:j + 1] != "村" or text.startswith(_VILLAGES_OF_A_TOWNSHIP, j):
        return False
    stem = text[i:j - 1]
    return bool(scope.lex.division_short_names.get(stem)) or \
        any(d.level <= 3 for d in scope.lex.divisions_by_name.get(stem, ()))


def _under_its_place(scope: Scope, i: int, forms, last: Candidate) -> Candidate | None:
    """甘肃积石山人, 浙江安吉的竹子: the short form of a division written right after a place that holds it
    (its province or city) names that division, when the segmenter reads the form as a word of its own."""
    above = set(last.codes or (last.code,)) - {""}
    tok = scope.view.token(i)
    for j, form in sorted(forms, reverse=True):
        if tok.start != i or tok.end != j:
            continue
        found = [d for d in scope.lex.division_short_names[form]
                 if above & {a.code for a in scope.lex.ancestors(d.code)}]
        if found:
            cand = _division(scope, i, j, found[0].name, found, last)
            return dataclasses.replace(cand, short=form, source="division-short")
    return None


def _named_division(scope: Scope, i: int, j: int, last: Candidate | None) -> Candidate:
    """A division named in full, or by a short form as sure as a full name (科右前旗)."""
    name = scope.text[i:j]
    listed = scope.lex.divisions_by_name.get(name)
    if listed is not None:
        return _division(scope, i, j, name, listed, last)
    found = scope.lex.division_short_names[name]
    return dataclasses.replace(_division(scope, i, j, found[0].name, found, last), short=name,
                               source="division-short")


def _division_matches(scope: Scope) -> tuple[dict[int, int], dict[int, set[int]]]:
    longest: dict[int, int] = {}
    for i, j, _ in scope.view.hits["divisions"]:
        longest[i] = max(longest.get(i, 0), j - i)
    shorts: dict[int, set[int]] = {}
    for i, j, _ in scope.view.hits["short_divisions"]:
        shorts.setdefault(i, set()).add(j - i)
    for i, j, form in scope.view.hits["any_short_divisions"]:
        if _a_county_standing_alone(scope, i, j, form):
            shorts.setdefault(i, set()).add(j - i)
    return longest, shorts


def _a_county_standing_alone(scope: Scope, i: int, j: int, form: str) -> bool:
    """来到宜兴, 在井冈山,: a county's short form the dictionary files as a well-known place's name only,
    standing alone: no noun after it (宜兴紫砂, 宜兴新村, 宜兴经济开发区 name other things), no surname
    alone before it (张/q 景东) and no noun but a place's before it (a count of places: 两省/n)."""
    info = word_info(form)
    if info is None or info[1] != "ns":
        return False
    if info[0] < THRESHOLDS.well_known_place:
        return _visited(scope, i, j)
    before, after = scope.view.token_before(i), scope.view.token(j) if j < len(scope.text) else None
    if before is not None and (before.text in scope.lex.surnames_single or (
            before.flag.startswith("n") and not before.flag.startswith("ns"))):
        return False
    return after is None or not after.flag.startswith("n") or after.text[0] in PUNCT


def _visited(scope: Scope, i: int, j: int) -> bool:
    """在都兰调研, 赴桐庐考察: a place the dictionary knows, however rarely, between a preposition of place and
    a verb of visiting or working there is the place, read as a word of its own."""
    return scope.text[i - 1:i] in _TO_A_PLACE and scope.text.startswith(_VISITS, j) and \
        scope.view.starts_token(i) and scope.view.ends_token(j) and \
        not townships_by_stem(scope.lex).get(scope.text[i:j])   # 赴永兴督导: 31 townships are 永兴镇


_TO_A_PLACE = frozenset("在到赴来去回")
_VISITS = ("调研", "考察", "视察", "检查", "走访", "慰问", "督导", "指导", "工作", "参观", "开展", "举行", "召开")


def _sound_division(scope: Scope, i: int, j: int) -> bool:
    """A division name must not be the tail of a longer word (明村镇 in 文明村镇), unless the segmenter
    reads it whole as a place after a whole word (来到/v 来安县/ns: 到来 is a word, but not here; 文/n
    明村镇/ns leaves a character alone)."""
    if not _read_whole_after_a_word(scope, i, j) and (_closes_a_word(scope, i) or _inside_a_word(scope, i)):
        return False
    return not _a_provinces_region(scope, i)


def _read_whole_after_a_word(scope: Scope, i: int, j: int) -> bool:
    tok, before = scope.view.token(i), scope.view.token_before(i)
    return tok.start == i and tok.end == j and tok.flag.startswith("ns") and before is not None and \
        len(before.text) >= 2 and is_cjk(before.text[-1])


def _closes_a_word(scope: Scope, i: int) -> bool:
    """The character before the name and its first make an everyday word (文明 of 文明村镇)."""
    if i == 0 or not scope.text[i - 1].strip():
        return False
    info = word_info(scope.text[i - 1:i + 1])
    return bool(info and info[0] >= THRESHOLDS.word_before_a_division and not info[1].startswith("ns"))


def _inside_a_word(scope: Scope, i: int) -> bool:
    """The name starts inside a word the segmenter read that is no place."""
    if i == 0 or scope.view.starts_token(i):
        return False
    info = word_info(scope.view.token(i).text)
    return bool(info and not info[1].startswith("ns"))


# Words of direction that make a region of a province after its abbreviation (皖南, 苏北, 豫东).
_DIRECTIONS = frozenset("东南西北中")


def _a_provinces_region(scope: Scope, i: int) -> bool:
    """皖南山区, 苏北地区: a province's abbreviation and a direction name a region; 南山区 does not
    start at the direction (湘西土家族苗族自治州 starts at 湘, and is matched there)."""
    return i > 0 and scope.text[i] in _DIRECTIONS and scope.text[i - 1] in scope.lex.province_abbreviations


def _short_form(scope: Scope, i: int, lengths, last: Candidate | None,
                full_names: dict[int, int]) -> Candidate | None:
    """运城 for 运城市: a short form the segmenter reads as a word of its own, or glued to the full
    name of the division after it (湖南长沙市/ns)."""
    for length in (4, 3, 2):
        if length not in lengths or scope.text.startswith(_LOCAL_SUFFIXES, i + length):
            continue   # 中山社区: a community's name, not the city's (streets: filter a-streets-name)
        tok = scope.view.token(i)
        # The segmenter must read the form as a word of its own; its tag is no guide
        # (大连/d, 保定/v, 石家庄/nr), and the forms that are everyday words are not offered.
        glued = tok.start == i and i + length in full_names and tok.end == i + length + full_names[i + length]
        if tok.start != i or (tok.end != i + length and not glued):
            continue
        form = scope.text[i:i + length]
        found = scope.lex.division_short_names[form]
        cand = _division(scope, i, i + length, found[0].name, found, last)
        return dataclasses.replace(cand, short=form, source="division-short")
    return None


def _division(scope: Scope, i: int, j: int, name: str, found, last: Candidate | None) -> Candidate:
    levels = {d.type for d in found}
    # An ambiguous full name usually keeps its level (七级镇 is a township wherever it is);
    # a short form without its suffix is the best known of its namesakes, the highest
    # (海南 is 海南省, not 海南区; 吉林 is 吉林省 unless the text says 吉林市).
    pick = min if scope.text[i:j] != name else max
    kind = pick(levels, key=lambda t: PLACE_LEVEL[t]) if len(levels) > 1 else found[0].type
    same = [d for d in found if d.type == kind]
    parent = last.name if last is not None and last.end == i else ""
    return Candidate(i, j, kind, same[0].name, "division", code=same[0].code if len(same) == 1 else "",
                     codes=tuple(d.code for d in same), parent=parent)


# --------------------------------------------------------------------------- by suffix

def suffixed_places(scope: Scope) -> Iterator[Candidate]:
    """Villages, communities and estates by their suffix, left to right, each a parent for the next."""
    made: list[Candidate] = []
    taken = [False] * len(scope.text)
    for c in scope.found.of_type(PLACE_TYPES):
        taken[c.start:c.end] = [True] * (c.end - c.start)
    local = scope   # the sentence with the places made so far
    for p, end, suffix in scope.view.hits["place_suffixes"]:   # by end, then longest first
        if any(taken[p:end]) or not _suffix_names_unlisted_places(suffix, scope.res.place_suffix_type[suffix]):
            continue
        cand = _suffixed(local, p, end, suffix)
        if cand is None:
            continue
        made = [m for m in made if not (m.start == cand.start and m.end < cand.end)] + \
            (_township_inside(scope, cand) or _township_written_short(scope, cand) or _county_of_its_zone(scope, cand)
             or [cand])
        local = Scope(scope.view, scope.found.plus(made), scope.res)
        taken[cand.start:cand.end] = [True] * (cand.end - cand.start)
    yield from made


# The source of a zone named after a county's short form until the county is made beside it.
ZONE_OF_A_SHORT_COUNTY = "zone-of-a-short-county"
# The suffixes of a township that may stand inside a village's stem the segmenter read whole (普/ad 集镇/n 东河村).
_TOWNSHIP_INSIDE = ("镇", "乡")
# A subdistrict (街道) written short before one of its communities (鼓楼街天霖园社区); not before a village,
# whose name often holds a street (南街村).
_STREET_INSIDE = "街"


def _township_inside(scope: Scope, cand: Candidate) -> list[Candidate]:
    """普集镇东河村, 润镇梁家村: a village whose stem holds a township's suffix with a name on each side
    is the village of that township, which the division list no longer has (renamed, merged) or has
    under a name of two characters, too short to be looked for alone."""
    if cand.type not in (VILLAGE, COMMUNITY):
        return []
    text = scope.text
    for k in range(cand.start + 1, cand.end - 3):
        name = text[cand.start:k + 1]
        listed = [d for d in scope.lex.divisions_by_name.get(name, ()) if d.type == TOWNSHIP]
        if _township_suffix_inside(text, cand, k, listed) and not scope.found.covers(cand.start, k + 1):
            township = dataclasses.replace(_division(scope, cand.start, k + 1, name, listed, None), parent=cand.parent) \
                if listed else Candidate(cand.start, k + 1, TOWNSHIP, normalize_name(name), "place-suffix",
                                         parent=cand.parent)
            return [township, dataclasses.replace(cand, start=k + 1, name=normalize_name(text[k + 1:cand.end]),
                                                  parent=township.name)]
    return []


# How long the stem of a township written without its suffix may be, and how many characters of its own
# the village after it keeps at least (磻溪赤溪村: 磻溪 and 赤溪).
_SHORT_TOWNSHIP_STEM = (2, 3)
_OWN_STEM_AFTER_A_TOWNSHIP = 2


def _township_written_short(scope: Scope, cand: Candidate) -> list[Candidate]:
    """福鼎市磻溪赤溪村: a village or community whose stem opens with the stem of a township of a county
    the sentence names is that township's, written without 镇 or 乡, as local papers do."""
    if cand.type not in (VILLAGE, COMMUNITY) or scope.found.covers(cand.start, cand.start + 1):
        return []
    suffix = max((len(word) for _, end, word in scope.view.hits["place_suffixes"] if end == cand.end), default=1)
    areas = {c.code for c in scope.found.of_type((COUNTY,)) if c.code}
    for k in _SHORT_TOWNSHIP_STEM:
        stem = scope.text[cand.start:cand.start + k]
        if cand.end - suffix - (cand.start + k) < _OWN_STEM_AFTER_A_TOWNSHIP:
            break
        listed = [d for d in townships_by_stem(scope.lex).get(stem, ()) if d.parent in areas]
        if len(listed) == 1:
            county = scope.lex.division_by_code[listed[0].parent].name
            township = Candidate(cand.start, cand.start + k, TOWNSHIP, stem, "division", code=listed[0].code,
                                 codes=(listed[0].code,), parent=county)
            return [township, dataclasses.replace(cand, start=township.end, name=normalize_name(
                scope.text[township.end:cand.end]), parent=stem)]
    return []


# The two suffixes of townships, which a renaming swaps (乡改镇: 官地乡 is 官地镇 now).
_TOWNSHIP_LEVELS = {"乡": "镇", "镇": "乡"}


def townships_renamed(scope: Scope) -> Iterator[Candidate]:
    """敦化市官地乡: right after its county, a township written with the suffix it had before it became a
    town (or a township again) is the one division of that county with its stem and the other suffix."""
    text = scope.text
    for p, end, suffix in scope.view.hits["place_suffixes"]:
        if suffix not in _TOWNSHIP_LEVELS or scope.found.overlapping(p, end, PLACE_TYPES):
            continue
        for k in _SHORT_TOWNSHIP_STEM:
            county = scope.found.ending_at(p - k, (COUNTY,))
            if county is None or not county.code:
                continue
            stem = text[p - k:p]
            listed = [d for d in townships_by_stem(scope.lex).get(stem, ())
                      if d.parent == county.code and d.name == stem + _TOWNSHIP_LEVELS[suffix]]
            if len(listed) == 1:
                yield Candidate(p - k, end, TOWNSHIP, stem + suffix, "division-renamed", code=listed[0].code,
                                codes=(listed[0].code,), parent=county.name)
                break


def _township_suffix_inside(text: str, cand: Candidate, k: int, listed) -> bool:
    if text[k] == _STREET_INSIDE:
        return cand.type == COMMUNITY and k >= cand.start + 2 and cand.end - k - 1 >= 4
    return text[k] in _TOWNSHIP_INSIDE and is_cjk(text[k - 1]) and (k >= cand.start + 2 or bool(listed))


def _suffix_names_unlisted_places(suffix: str, kind: str) -> bool:
    """Provinces, cities and counties come from the official list only: by suffix, 全县 or 亲戚朋友省
    would become places. Zones administered as counties (经开区, 风景区, 三江新区) are the exception."""
    return kind not in (PROVINCE, CITY, COUNTY) or (kind == COUNTY and (len(suffix) >= 3 or suffix == "新区")
                                                     and suffix.endswith("区"))


def _suffixed(scope: Scope, p: int, end: int, suffix: str) -> Candidate | None:
    kind = scope.res.place_suffix_type[suffix]
    if not _ends_a_word(scope, end, suffix):
        return None
    if scope.text[p - 1:p] == "等" and scope.text.endswith(suffix, 0, p - 1):
        return _last_of_a_list(scope, p - 1, suffix, kind)
    joined = _joined_to_the_place_before(scope, p, end, kind, suffix)
    if joined is not None:
        return joined
    split = _a_stem_split_after_its_township(scope, scope.view.token(p), p, end)   # 太莪乡关/v 良村/n
    if not split and (_suffix_inside_a_word(scope, p, end) or _verb_object(scope, p)):
        return None
    short = _zone_after_a_short_county(scope, p, end, kind)
    if short is not None:
        return short
    bound = _lane_before(scope, p, suffix) or scan_left(scope.view, scope.found, p, scope.res.place_shape)
    zone = _zone_named_by_its_place(kind, bound.parent, p)
    if zone is not None:
        return Candidate(zone.start, end, kind, normalize_name(scope.text[zone.start:end]), "place-suffix",
                         parent=zone.name)
    if suffix in scope.lex.sound_place_suffixes:
        bound = _sound_written(scope, p, bound)
        if bound is None:
            return None
    return _named_place(scope, bound, p, end, kind, weak=suffix in scope.lex.weak_place_suffixes)


def _last_of_a_list(scope: Scope, end: int, suffix: str, kind: str) -> Candidate | None:
    """小河村、新民村等村: the list's kind after 等 is no part of the last item's name (新民/n 村等村/n)."""
    p = end - len(suffix)
    bound = scan_left(scope.view, scope.found, p, scope.res.place_shape)
    return _named_place(scope, bound, p, end, kind, weak=suffix in scope.lex.weak_place_suffixes)


def _named_place(scope: Scope, bound: Boundary, p: int, end: int, kind: str, weak: bool) -> Candidate | None:
    """The place whose name the scan bounded, if its stem names one, with its parent."""
    listed = _listed_after_its_kind(scope, p, kind)
    bound, opening = _opening_past_the_scan(scope, bound, p)
    start = listed if listed is not None else _sound_start(scope, bound, p, end)
    if start is None:
        return None
    parent = bound.parent.name if bound.parent is not None and bound.parent.end <= start else ""
    if listed is not None and not parent:
        parent = _parent_of_the_item_before(scope, listed)   # 城关镇东风村、红旗村: both the town's
    name = normalize_name(scope.text[start:end])
    if name.endswith("行政村") and len(name) > 4:
        name = name[:-3] + "村"   # 崔庄行政村: the administrative village is the village 崔庄村
    if kind == ESTATE and is_familys_hamlet(name, scope.lex.surnames_single):
        kind = VILLAGE   # 兴隆场村陈家湾: a family's hamlet, not an estate named 湾
    return Candidate(start, end, kind, name, "place-suffix", parent=parent, weak=weak,
                     signals=(LISTED,) if listed is not None else opening)


def _opening_past_the_scan(scope: Scope, bound: Boundary, p: int) -> tuple[Boundary, tuple[str, ...]]:
    """Where a stem of one character really opens, when the scan stopped at a word that belongs to the name,
    with the signal that says so."""
    joined = _conjunction_character_opening(scope, bound, p) or _adjective_before_a_villages_body(scope, bound, p)
    if joined is not None:
        return joined, ()
    coined = _coined_verb_opening(scope, bound, p)
    return (coined, (COINED_OPENING,)) if coined is not None else (bound, ())


def _coined_verb_opening(scope: Scope, bound: Boundary, p: int) -> Boundary | None:
    """接官/v 亭/ng 村: before a stem of one character, a word of two that no dictionary knows and the tagger
    coined as a verb opens the name; the scan stopped at a verb that is the name's start."""
    k = bound.start
    if p - k != 1 or k < 2 or scope.view.token(k).text != scope.text[k]:
        return None
    before = scope.view.token_before(k)
    if before is None or before.end != k or len(before.text) != 2 or before.flag != "v" or \
            not all(is_cjk(c) for c in before.text) or word_info(before.text) is not None:
        return None
    return Boundary(before.start, bound.parent) if _bounded_on_the_left(scope, before.start) else None


def _bounded_on_the_left(scope: Scope, i: int) -> bool:
    """Something bounds a name starting at ``i`` (什川镇的接官亭村, 。接官亭村): 文旅赋能寺村 is a verb and its
    object."""
    return i == 0 or not is_cjk(scope.text[i - 1]) or scope.text[i - 1] in _BOUNDS_BEFORE_A_NAME or \
        scope.text.endswith(("我们", "位于"), 0, i) or scope.found.ending_at(i, PLACE_TYPES) is not None


# Characters after which a place's name begins (的接官亭村, 到接官亭村).
_BOUNDS_BEFORE_A_NAME = frozenset("的到在于")


def _adjective_before_a_villages_body(scope: Scope, bound: Boundary, p: int) -> Boundary | None:
    """勤俭/a 村村委会: a rare adjective of two characters, at which the scan stopped, names the village whose
    own body follows its 村 (villages are named for virtues); a common one rates villages (优秀村党支部书记)."""
    before = scope.view.token_before(p)
    if bound.start != p or scope.text[p:p + 1] != "村" or not scope.text.startswith(_OWN_BODIES, p + 1) or \
            before is None or before.end != p or len(before.text) != 2 or before.flag not in ("a", "ad", "an"):
        return None
    info = word_info(before.text)   # 优秀/a 村党支部书记: a common adjective rates villages, it names none
    return Boundary(before.start, bound.parent) if info is None or info[0] < THRESHOLDS.brand_adjective else None


def _conjunction_character_opening(scope: Scope, bound: Boundary, p: int) -> Boundary | None:
    """宋旗镇和/c 兴村/ns: after a township, a conjunction's character before a stem of one character opens
    the village's name (和兴村); a village of one character is not listed after its township with 和."""
    k = bound.start
    if p - k != 1 or k < 1 or scope.text[k - 1] not in "和与":
        return None
    township = scope.found.ending_at(k - 1, (TOWNSHIP,))
    return Boundary(k - 1, township) if township is not None else None


def _sound_start(scope: Scope, bound: Boundary, p: int, end: int) -> int | None:
    """Where the name the scan bounded starts, if its stem names a place."""
    start = _after_a_kind_of_body(scope, bound.start, p)
    stem = normalize_name(scope.text[start:p])
    if len(stem) > 2 and stem[0] in GLUED_PREPOSITIONS:
        start, stem = start + 1, stem[1:]   # 由幸福里社区: the tagger glued 由 to the name
    elif len(stem) > 2 and stem[0] == "驻" and scope.view.token(start).end == start + 1:
        start, stem = start + 1, stem[1:]   # 萨迦县驻/v 扎西岗村: stationed in the village the scan ran into
    kind = _a_kind_of_village_before(stem)
    if kind:
        start, stem = start + kind, stem[kind:]
    return start if _sound_stem(scope, stem, start, p, end, bound.parent) else None


def _after_a_kind_of_body(scope: Scope, start: int, p: int) -> int:
    """江坡派出所柜山村委会: a body's kind of three characters or more inside the stem (派出所) ends the body
    written before the place, whose name starts after it."""
    ends = [end for i, end, kind in scope.view.hits["body_suffixes"]
            if start <= i and end < p and len(kind) >= 3 and scope.view.starts_token(i) and scope.view.ends_token(end)]
    return max(ends, default=start)


def _a_kind_of_village_before(stem: str) -> int:
    """贫困村悦来村, 示范村李庄村: a common word and 村 open the stem (a kind of village, then its name);
    how many characters they take, or 0."""
    k = stem.find("村", 2)
    if k < 0 or len(stem) - k - 1 < 2:
        return 0
    info = word_info(stem[:k])
    common = info is not None and info[0] >= THRESHOLDS.kind_of_village and not info[1].startswith(("ns", "nr", "nz"))
    return k + 1 if common else 0


# The word for a lane that names a neighbourhood (和平里), which the tagger reads as "inside".
_LANE = "里"


def _lane_before(scope: Scope, p: int, suffix: str) -> Boundary | None:
    """春风里社区, 金桥里小区: a lane's name before a community's or estate's suffix is the stem; the scan
    would stop at 里, read as "inside"."""
    if suffix not in ("社区", "小区") or scope.text[p - 1:p] != _LANE or scope.view.token(p - 1).text != _LANE:
        return None
    word = scope.view.token_before(p - 1)
    if word is None or len(word.text) < 2 or not all(is_cjk(c) for c in word.text) or \
            word.flag not in NOMINAL_FLAGS | {"a"} or word.text[0] in OPENING_CHARS or \
            word.text in scope.res.place_suffix_type:
        return None   # 社区里小区: inside a community, not a lane
    parent = scope.found.ending_at(word.start, PLACE_TYPES)
    return Boundary(word.start, parent, ())


def _listed_after_its_kind(scope: Scope, p: int, kind: str) -> int | None:
    """金桂社区、和平社区、安康苑社区: an item of a list of places of one kind is a place of that kind,
    whatever its stem's words (和平, 安康 + 苑), when the item before it is one. Where the item starts."""
    k = scope.text.rfind("、", 0, p)
    item = scope.text[k + 1:p]
    if k < 1 or not 2 <= len(item) <= 4 or not all(is_cjk(ch) for ch in item):
        return None
    before = scope.found.ending_at(k, PLACE_TYPES)
    if before is None or before.type != kind or before.weak:
        return None
    return k + 1 if not _holds_verb(item) else None


def _parent_of_the_item_before(scope: Scope, start: int) -> str:
    before = scope.found.ending_at(start - 1, PLACE_TYPES)
    return before.parent if before is not None else ""


def _joined_to_the_place_before(scope: Scope, p: int, end: int, kind: str, suffix: str) -> Candidate | None:
    """颐香苑 + 小区 is one estate; 幸福里 + 社区 one community (湾 only hinted at a place); 华侨新村 +
    社区 the community named after the estate or village it grew from."""
    prev = scope.found.ending_at(p, PLACE_TYPES)
    if prev is not None and prev.source == "place-suffix" and kind != TOWNSHIP and (
            (prev.type == kind == ESTATE) or prev.weak or (kind == COMMUNITY and prev.type in (VILLAGE, ESTATE))):
        return Candidate(prev.start, end, kind, prev.name + suffix, "place-suffix", parent=prev.parent)
    return None


def _sound_written(scope: Scope, p: int, bound: Boundary) -> Boundary | None:
    """The bounds of a name written by sound before the suffix at ``p``; None for no name (各苏木嘎查)."""
    start = min(bound.start, _sound_written_start(scope, p, bound))
    start = max([scope.text.rfind(ch, start, p) + 1 for ch in _DISTANCE] + [start])   # 牧户离/v 嘎查
    if scope.text[start:p] in scope.res.place_suffix_type:
        return None   # every sumu and gacha
    before = scope.found.ending_at(start, PLACE_TYPES)
    return Boundary(start, before) if before is not None else Boundary(start, bound.parent)


def _sound_written_start(scope: Scope, p: int, bound) -> int:
    """扎哈斯台嘎查: the name runs left over any Chinese characters (read as verbs or not) up to a pause,
    a character that opens a clause or counts, or the place before it."""
    text, k = scope.text, p
    floor = max(bound.parent.end if bound.parent is not None else 0, p - THRESHOLDS.max_sound_name)
    while k > floor and is_cjk(text[k - 1]) and text[k - 1] not in OPENING_CHARS and \
            text[k - 1] not in FUNCTION_CHARS and text[k - 1] not in _COUNTING_CHARS and \
            scope.found.ending_at(k, PLACE_TYPES) is None:
        k -= 1
    tok = scope.view.token(k)
    if tok.start < k < tok.end <= p and is_common_word(tok.text, THRESHOLDS.common_word):
        return tok.end   # 走进/v 巴音宝力格嘎查: the run stops short of the word it would cut into
    return k


# 离 (away from) and 距 measure a distance to a place (牧户离嘎查党群服务中心25公里): no sound name runs over them.
_DISTANCE = frozenset("离距")
# Determiners and numerals: they count or point at places and open no name of one (各苏木, 该村, 两村).
_COUNTING_CHARS = frozenset(DETERMINERS) | frozenset("个一二三四五六七八九十几两多")


def _zone_named_by_its_place(kind: str, before: Candidate | None, p: int) -> Candidate | None:
    """赣州经开区: a zone's suffix right after a city or county names the zone after it (the place
    opens the zone's name and is its parent)."""
    if kind == COUNTY and before is not None and before.end == p and before.type in (PROVINCE, CITY, COUNTY):
        return before
    return None


def _zone_after_a_short_county(scope: Scope, p: int, end: int, kind: str) -> Candidate | None:
    """平利/a 经开区: a zone's suffix right after the word that is one county's short form names the zone
    after that county, whatever the tagger calls the word."""
    tok = scope.view.token_before(p) if kind == COUNTY else None
    if tok is None or tok.end != p or scope.found.covers(tok.start, p):
        return None
    counties = [d for d in scope.lex.division_short_names.get(tok.text, ()) if d.type == COUNTY]
    if len(counties) != 1:
        return None
    return Candidate(tok.start, end, kind, normalize_name(scope.text[tok.start:end]), ZONE_OF_A_SHORT_COUNTY,
                     parent=counties[0].name)


def _county_of_its_zone(scope: Scope, zone: Candidate) -> list[Candidate]:
    """The zone and the county it is named after by the county's short form (平利 of 平利经开区)."""
    if zone.source != ZONE_OF_A_SHORT_COUNTY:
        return []
    tok = scope.view.token(zone.start)
    found = scope.lex.division_short_names[tok.text]
    county = _division(scope, tok.start, tok.end, zone.parent, [d for d in found if d.type == COUNTY], None)
    return [dataclasses.replace(county, short=tok.text, source="division-short"),
            dataclasses.replace(zone, source="place-suffix")]


def _ends_a_word(scope: Scope, end: int, suffix: str) -> bool:
    """村 of 村民 ends no place; a village's 村 glued to its own bodies (下坦村村监会) does."""
    view = scope.view
    if end >= len(scope.text) or view.ends_token(end) or view.token(end - 1).end <= end:
        return True
    if suffix == "村" and scope.text.startswith(_AFTER_A_VILLAGE, end):
        return True
    tok = view.token(end - 1)
    if tok.start != end - len(suffix):
        return False
    return _what_follows_in_the_word_is_another(scope, tok, suffix, tok.text[len(suffix):])


def _what_follows_in_the_word_is_another(scope: Scope, tok, suffix: str, rest: str) -> bool:
    """新华社区党委: the tagger glued the suffix to the body of the place (社区党委); 大定村弄勒屯: to the
    next place, in a word the dictionary does not know (村弄勒屯); 翁丁/nr 村外/s: to a localizer."""
    if suffix == "村" and rest in _BODIES_SHARING_THE_VILLAGES_CHARACTER:
        return True   # 柜山村委会: the village's 村 is the first character of its committee's name
    if rest in _LOCALIZERS or rest in scope.res.body_suffixes or _glued_to_the_next_word(scope, tok, rest):
        return True
    return word_info(tok.text) is None and (
        scope.res.place_suffixes.ends_at(rest, len(rest)) is not None or rest in _GLUED_AFTER or
        (suffix == "村" and _VILLAGE_GROUP.fullmatch(rest) is not None))


def _glued_to_the_next_word(scope: Scope, tok, rest: str) -> bool:
    """翰章乡海兴/ns 村农民/n, 大墅镇凤林/nr 社区书记: after a stem right after its place, the tagger glued
    the suffix to the word after it (农民, 书记), a word met far more often than the two together; 村民 is a
    word of its own (民 is no word after 村), and 充分利用/n 小区业主 has no stem of a name before it."""
    stem = scope.view.token_before(tok.start)
    if len(rest) < 2 or stem is None or not (stem.flag.startswith(_NAME_FLAGS) or word_info(stem.text) is None) or \
            scope.found.ending_at(stem.start, PLACE_TYPES) is None:
        return False   # 杨俊云/nr 和 + 社区民警: no place the stem is under, so no place's name
    after, glued = word_info(rest), word_info(tok.text)
    return after is not None and after[0] >= THRESHOLDS.word_after_a_glued_suffix and \
        (glued is None or glued[0] * THRESHOLDS.head_over_glued_word <= after[0])


# The tags of a name's stem: a place's, a person's, another proper noun's, an abbreviation's.
_NAME_FLAGS = ("ns", "nr", "nz", "j")


# What follows a village's 村 when its body's name shares that character (柜山村委会 for 柜山村村委会).
_BODIES_SHARING_THE_VILLAGES_CHARACTER = frozenset({"委会", "委", "民委员会", "监会", "务监督委员会"})
# Localizers the tagger glues to a place's suffix (村外, 村里, 社区内).
_LOCALIZERS = frozenset({"外", "里", "内", "中", "上", "旁", "边"})
# A villagers' group by its number (石桥村八组, 石桥村3组), which the tagger glues to the village's 村.
_VILLAGE_GROUP = re.compile(r"[一二三四五六七八九十\d]+组")
# Function words and the verb of office the tagger glues to a place's suffix in a word it does not know
# (朱家庄村 + 村是, 董屯村 + 村任第一书记).
_GLUED_AFTER = frozenset("是的在和与有为就也都任")


def _suffix_inside_a_word(scope: Scope, p: int, end: int) -> bool:
    """农村, 乡村, 人民医院: the suffix is part of a dictionary word that names no place."""
    view = scope.view
    tok = view.token(p)
    if tok.text == scope.text[p:end] * 2:
        # 仁村村党支部: the tagger read the name's 村 and the suffix as one word (村村); but in
        # 阚家城子村村情 the second 村 opens a word about the village (村情) and is no suffix.
        return tok.start < p and (scope.text.startswith(_VILLAGE_NOUNS, p) or _own_body_after_a_village(scope, tok, p))
    if tok.text[:1] == "家" and tok.start == p - 1 and p >= 2 and scope.text[p - 2] in scope.lex.surnames_single:
        return False   # 袁家村, 王家庄: a family's village, which the tagger reads as 袁 + 家村
    if tok.start < p and tok.end >= end and _a_word_holding_it(scope, tok, p):
        return True   # 农村, 乡村: the suffix is part of a word
    last = view.token(end - 1)
    return end - p == 1 and last.start < p and last.end == end and (
        last.text in scope.lex.division_short_names or last.text in scope.lex.divisions_by_name)


def _a_stem_split_after_its_township(scope: Scope, tok, p: int, end: int) -> bool:
    """太莪乡关/v 良村/n, 周田镇司/nr 背村/n: right after its township, one character and a rare word the tagger
    made of the stem's second character and 村 are the village's name; 镇各村, 镇进村 are not."""
    if scope.text[p:end] != "村" or tok.start != p - 1 or tok.end != end or p < 2:
        return False
    first = scope.view.token(p - 2)
    if first.start != p - 2 or first.end != p - 1 or scope.found.ending_at(p - 2, (TOWNSHIP,)) is None:
        return False
    c = first.text
    info = word_info(tok.text)
    return c not in FUNCTION_CHARS and c not in DETERMINERS and c not in _COUNTING_CHARS and c not in OPENING_CHARS \
        and c not in _MOVING_TO and (info is None or (info[0] < THRESHOLDS.kind_of_village and info[1] != "r"))


# Verbs of going to a village, which a township's work writes right after the township (镇进村, 镇驻村).
_MOVING_TO = frozenset("进到回驻入去来赴走包联帮下")


def _own_body_after_a_village(scope: Scope, tok, p: int) -> bool:
    """铁鹅/n 村村/n 支部书记: after a stem of two characters or more (铁鹅), the second 村 opens the
    village's own body (村支部, 村委会); a name of one character and 村 (东村村) doubles it instead."""
    before = scope.view.token_before(tok.start)
    return before is not None and len(before.text) >= 2 and all(is_cjk(c) for c in before.text) and \
        scope.text.startswith(_AFTER_A_VILLAGE, p)


def _a_word_holding_it(scope: Scope, tok, p: int) -> bool:
    """The token that holds the suffix is a word that names no place (农村), or a body's name; a verb that
    names villages before it (团结村/n) is a name the dictionary met."""
    info = word_info(tok.text)
    named = scope.text[tok.start:p] in scope.lex.place_name_verbs
    return bool(info and not named and not info[1].startswith(("ns", "nr", "nz"))) or tok.flag.startswith("nt")


def _a_common_noun(word: str) -> bool:
    info = word_info(word)
    return info is not None and info[1] == "n" and info[0] >= THRESHOLDS.kind_of_village


def _verb_object(scope: Scope, p: int) -> bool:
    """走村入户, 驻村: the place word is what a one-character verb acts on."""
    if p == 0:
        return False
    tok = scope.view.token(p - 1)
    # 赵勇/nr 回村/n: the verb and the place word read as one, after a person (高桥 + 背村 is a village)
    before = scope.view.token_before(p - 1)
    glued = tok.start == p - 1 and tok.end == p + 1 and before is not None and (
        before.flag.startswith(("nr", "m", "q")) or _a_common_noun(before.text))   # 人才/n 回村/n; 第二次/m 驻村/n
    if tok.start != p - 1 or (tok.end != p and not glued):
        return False   # part of a longer word (回龙村, 背村)
    if before is not None and before.flag.startswith(("n", "ng")) and not before.flag.startswith("nr") and \
            scope.found.ending_at(before.start, PLACE_TYPES) is not None:
        return False   # 大坪街道 + 浮图/n 关/v 社区: a stem after its township may end in a verb's character
    info = word_info(scope.text[p - 1])
    return bool(info and info[1] == "v" and info[0] >= THRESHOLDS.verb_object)


def _sound_stem(scope: Scope, stem: str, start: int, p: int, end: int, parent: Candidate | None) -> bool:
    """A stem that names a place: long enough, no verb inside, not an everyday word unless vouched for."""
    if _named_after_its_township(scope, stem, start, p, end, parent) or \
            _one_character_village(scope, stem, start, p, end, parent):
        return True
    if _plainly_no_name(scope, stem, start):
        return False
    if scope.text[max(0, p - 1):end] in scope.lex.generic_words:
        return False   # 文明村镇: 村镇 is a word, not a 镇
    whole = scope.view.token(p)
    if _everyday(stem) and not _vouched_for(scope, whole, start, p, end, parent):
        return False
    suffix = scope.text[p:end]
    if suffix in scope.lex.weak_place_suffixes and start < whole.start < p:
        return False   # 济源产城融合: a weak suffix inside a word that begins within the stem (产城)
    return suffix not in scope.lex.weak_place_suffixes or _proper(stem)


def _vouched_for(scope: Scope, whole, start: int, p: int, end: int, parent: Candidate | None) -> bool:
    """What lets an everyday stem name a place: the tagger coined the name as one word, a township or
    county is written right before it, its bodies or its people follow it, or a verb of visiting
    leads to it."""
    coined = whole.start < p and whole.end == end and (
        word_info(whole.text) is None or whole.flag.startswith(("ns", "nr", "nz")))
    addressed = parent is not None and parent.end == start and parent.type in (TOWNSHIP, COUNTY)
    # Its people vouch for a name that stands apart (。大兴村村民), not for one the scan may have cut (西 + 果园村).
    apart = start == 0 or not is_cjk(scope.text[start - 1])
    governed = scope.text.startswith(_OWN_BODIES, end) or (apart and scope.text.startswith(_OWN_PEOPLE, end)) or \
        scope.text.endswith(_VISITING_VERBS, 0, start)
    # 在民族社区,网格员…: where something happens, a clause of its own (not 在和谐社区建设中).
    located = scope.text.endswith("在", 0, start) and scope.text[end:end + 1] in ",，、里内"
    return coined or addressed or governed or located or _a_distance_name(scope, scope.text[start:p], start, p)


def _a_distance_name(scope: Scope, stem: str, start: int, p: int) -> bool:
    """三里社区, 十里村: a numeral word the tagger reads whole (三里/m) names a place by its distance; a count
    (两个社区) does not."""
    tok = scope.view.token(start)
    return tok.start == start and tok.end == p and tok.flag == "m" and not is_count(stem) and \
        not any(c.isdigit() for c in stem)


def _named_after_its_township(scope: Scope, stem: str, start: int, p: int, end: int,
                              parent: Candidate | None) -> bool:
    """普集街道幸福社区: a word that alone names a kind of place (幸福社区, 文明村) is the name of the
    community or village its township, written right before it, holds."""
    kind = scope.res.place_suffix_type.get(scope.text[p:end])
    return kind in (COMMUNITY, VILLAGE) and parent is not None and parent.end == start and \
        parent.type == TOWNSHIP and stem in scope.lex.generic_words and len(stem) >= 2 and not _holds_verb(stem)


def _one_character_village(scope: Scope, stem: str, start: int, p: int, end: int,
                           parent: Candidate | None) -> bool:
    """罗敷镇连村, 该镇渚村: a village's name of one character, after its township or a word that refers to
    the story's township (not 各村, 全村, 本村)."""
    after_township = (parent is not None and parent.end == start and parent.type == TOWNSHIP) or \
        scope.text[max(0, start - 2):start] in _REFERRING_TOWNSHIPS
    return scope.text[p:end] == "村" and len(stem) == 1 and is_cjk(stem) and after_township and \
        stem not in _COUNTING_CHARS and stem not in FUNCTION_CHARS and stem not in OPENING_CHARS and \
        scope.view.starts_token(start)


# Words that refer to the story's township (该镇渚村党支部).
_REFERRING_TOWNSHIPS = frozenset({"该镇", "该乡", "本镇", "本乡", "我镇", "我乡"})


def _plainly_no_name(scope: Scope, stem: str, start: int) -> bool:
    """Too short, an everyday word, only the names of levels (县镇村), a count (首个村), a verb inside,
    people acting, or the end of the word before."""
    return len(stem) < 2 or stem in scope.lex.generic_words or all(c in LEVEL_PREFIXES for c in stem) or is_count(stem) or \
        _COUNT_OF_PEOPLE_OR_TIMES.search(stem) is not None or \
        (_holds_verb(stem) and stem not in scope.lex.place_name_verbs) or _holds_time_word(stem) or \
        _people_acting(scope, stem, start) or _closes_the_word_before(scope, stem, start)


# A count of people, times or terms at the end of a stem (新一届村民, 第二次驻村, 三名驻村): a phrase, for no
# village's name ends in one (三家村 and 八户村 do end in a count of households).
_COUNT_OF_PEOPLE_OR_TIMES = re.compile(r"[\d一二三四五六七八九十两百千万几]+[余多]?[名个位批届次项]$")


def _closes_the_word_before(scope: Scope, stem: str, start: int) -> bool:
    """帮扶村邓家村, 示范村李庄村: a stem opening with 村 that ends the word before it (a kind of village)."""
    return stem[0] == "村" and start > 0 and is_cjk(scope.text[start - 1])


def _people_acting(scope: Scope, stem: str, start: int) -> bool:
    """带领村民治村: people (a role noun), then what they do, not a place's name."""
    role = scope.view.starting_at("roles", start)
    return bool(role) and len(role) < len(stem)


def _holds_time_word(stem: str) -> bool:
    """美兰区今年新建社区食堂: a common word of time (今年, 目前) inside the stem makes it a clause."""
    for i in range(len(stem) - 1):
        info = word_info(stem[i:i + 2])
        if info and info[1] == "t" and info[0] >= THRESHOLDS.common_time_word:
            return True
    return False


def _holds_verb(stem: str) -> bool:
    """党执政大厦: a verb inside the stem makes it a metaphor, not a place."""
    for i in range(len(stem) - 1):
        for j in range(i + 2, min(len(stem), i + 4) + 1):
            info = word_info(stem[i:j])
            if info and info[1] == "v" and info[0] >= THRESHOLDS.verb_in_stem:
                return True
            if info and info[1] == "vn" and info[0] >= THRESHOLDS.common_verbal_noun and j - i < len(stem):
                return True   # 大力发展社区: a common verbal noun with more words is a phrase (建设村 alone is a name)
    return False


def _everyday(stem: str) -> bool:
    info = word_info(stem)
    return bool(info and info[0] >= THRESHOLDS.common_word and not info[1].startswith(("nr", "ns", "nt", "nz")))


def _proper(stem: str) -> bool:
    info = word_info(stem)
    return info is None or info[1].startswith(("ns", "nr", "nz", "nt"))


# --------------------------------------------------------------------------- inside other names

def inside_names(scope: Scope) -> Iterator[Candidate]:
    """浙江 of 浙江一百岁集团, 河北 of 河北新闻网, 金湖 of 中国·金湖荷花节: the place a body or program is named after.

    Looked for where such a name begins, or right after a country and a dot;
    a county's short form is trusted here, where the name vouches for it.
    """
    lex = scope.lex
    for owner in scope.found.of_type((ORGANIZATION, PROGRAM)):
        opening = _opening_after_country(scope, owner)
        for i, j, form in (*scope.view.hits["any_short_divisions"], *scope.view.hits["divisions"]):
            if i != opening or j > owner.end or scope.found.overlapping(i, j, PLACE_TYPES):
                continue
            if form in lex.division_short_names and _alone_in_quotes(scope.text, i, j):
                break   # “清河”“巡河”“护河”行动: a short form quoted alone is the word it also is (清河, to clear a river)
            found = lex.divisions_by_name.get(form) or lex.division_short_names[form]
            cand = _division(scope, i, j, found[0].name, found, None)
            yield dataclasses.replace(cand, source="inside-name", short=form if form != found[0].name else "")
            break


def _alone_in_quotes(text: str, i: int, j: int) -> bool:
    return 0 < i and j < len(text) and QUOTES.get(text[i - 1], "") == text[j] != "》"


def zones_of_their_organs(scope: Scope) -> Iterator[Candidate]:
    """青山湖区党工委, 东岭区委: a district or zone the official list does not hold (a managed zone, a
    district since renamed), named by the organ of its own that opens with it; not after 我市 or 该县,
    which say whose zone it is without naming it."""
    for owner in scope.found.of_type((ORGANIZATION,)):
        m = _ZONE_ORGAN.fullmatch(owner.name)
        zone = m.group(1) if m is not None else ""
        i = owner.start
        if not zone or owner.ref or zone.endswith(_NO_ZONES) or zone[:-1].endswith(_ZONE_ORGANS) or zone in scope.lex.divisions_by_name or \
                scope.text[i:i + len(zone)] != zone or scope.found.overlapping(i, i + len(zone), PLACE_TYPES):
            continue
        yield Candidate(i, i + len(zone), COUNTY, zone, "zone-of-its-organ")


# A district's organs after its name (区委, 区党工委, 区管委会, 区人民政府), the name at least two characters.
_ZONE_ORGAN = re.compile(r"([\u4e00-\u9fff]{2,6}区)(?:委|党工委|管委会|人民政府|政府)")
# The organs themselves: 区委区政府 is two bare organs in a row, not the 区政府 of a district 区委区.
_ZONE_ORGANS = ("委", "政府")
# Words ending in 区 that name no district (社区, 小区, 园区, 景区, 城区, 辖区, 片区, 校区, 厂区, 街区).
_NO_ZONES = ("社区", "小区", "园区", "景区", "城区", "辖区", "片区", "校区", "厂区", "街区", "营区", "库区")


def _opening_after_country(scope: Scope, owner: Candidate) -> int:
    """Where the place in a name would stand: its first character, or after 中国· (中国·金湖荷花节)."""
    country = next((c for c in scope.found.starting_at(owner.start, (COUNTRY,)) if c.end < owner.end), None)
    if country is not None and scope.text[country.end:country.end + 1] == "·":
        return country.end + 1
    return owner.start


# --------------------------------------------------------------------------- countries

# What marks a division as one that no longer exists (原卢湾区): the official list holds only today's
# divisions, so such a name is found by this word and its suffix.
_FORMER = "原"
_FORMER_COUNTY_SUFFIXES = ("区", "县")


def former_counties(scope: Scope) -> Iterator[Candidate]:
    """原卢湾区/ns: a county or district after 原 (former) that the official list lacks was merged or
    renamed; the tagger's reading of it as a place's name, two or three characters and its suffix, names it."""
    text = scope.text
    for tok in scope.view.tokens:
        if not (tok.flag.startswith("ns") and 3 <= len(tok.text) <= 4 and tok.text.endswith(_FORMER_COUNTY_SUFFIXES)) \
                or text[tok.start - 1:tok.start] != _FORMER or tok.text in scope.lex.divisions_by_name:
            continue
        yield Candidate(tok.start, tok.end, COUNTY, tok.text, "former-division")


def countries(scope: Scope) -> Iterator[Candidate]:
    """States of the world by their Chinese names (中国, 越南, 斐济), where they stand as words or open a
    title the tagger glued to them (法国总理/n)."""
    for i, j, name in scope.view.hits["countries"]:
        if scope.found.covers(i, j) or not scope.view.starts_token(i) or not (
                scope.view.ends_token(j) or _opens_a_title(scope, j)):
            continue
        canonical = scope.lex.country_names[name]
        yield Candidate(i, j, COUNTRY, canonical, "country", short=name if canonical != name else "")


def _opens_a_title(scope: Scope, j: int) -> bool:
    title = scope.view.starting_at("titles", j)
    return title is not None and scope.view.ends_token(j + len(title))


def foreign_divisions(scope: Scope) -> Iterator[Candidate]:
    """信德省, 拉贾斯坦邦, 肯特郡: a word the segmenter reads as a place whole, ending in the unit of a
    division, that the official list does not hold: a unit of another state (or of old China, 巢县)."""
    for tok in scope.view.tokens:
        if tok.flag != "ns":
            continue   # most tokens: checked first, cheaply
        kind = _FOREIGN_UNITS.get(tok.text[-1]) if len(tok.text) >= 3 else None
        stem = tok.text[:-1]
        if kind is None or tok.text in scope.lex.divisions_by_name or stem in scope.lex.division_short_names or \
                stem[0] in DETERMINERS or not all(is_cjk(c) for c in stem) or scope.found.covers(tok.start, tok.end) \
                or _everyday_stem(stem) or _opens_with_a_division(scope, tok.text) or stem[-1] in _COUNTING_CHARS:
            continue   # 闽、浙、赣三省/ns: a count of the provinces listed, not one named 赣三省
        yield Candidate(tok.start, tok.end, kind, tok.text, "foreign-division")


def _opens_with_a_division(scope: Scope, word: str) -> bool:
    """云南省楚雄彝族自治州/ns: a word that opens with one of China's divisions is a chain of them."""
    return any(word[:n] in scope.lex.divisions_by_name for n in range(2, len(word) - 1))


def sounded_divisions(scope: Scope) -> Iterator[Candidate]:
    """门多萨/nr 省/n, 莱克/nrt 伍德县/nr: a name written in the characters of foreign names, however
    the tagger cuts it, then the unit of a division that ends a word (not a surname and a given name that
    ends so: 王振邦)."""
    text, chars = scope.text, scope.lex.transliteration_chars
    for m in _UNIT.finditer(text, 2):
        u = m.start()
        k = u
        while k > 0 and text[k - 1] in chars:
            k -= 1
        if u - k >= 2 and not (u - k == 2 and text[k] in scope.lex.surnames_single) and \
                scope.view.starts_token(k) and scope.view.ends_token(u + 1) and \
                not _ends_in_a_division(scope, text[k:u + 1]) and not scope.found.overlapping(k, u + 1):
            yield Candidate(k, u + 1, _FOREIGN_UNITS[text[u]], text[k:u + 1], "foreign-division")


def _ends_in_a_division(scope: Scope, run: str) -> bool:
    """本次吉林省, 日吉林省: characters that also write foreign names, run on into one of China's divisions,
    end in that division (or are one)."""
    return any(run[n:] in scope.lex.divisions_by_name for n in range(len(run) - 2))


def _everyday_stem(stem: str) -> bool:
    """自治 of 自治县/ns: a stem that is an everyday word names no place."""
    info = word_info(stem)
    return info is not None and info[0] >= THRESHOLDS.common_word and not info[1].startswith(("ns", "nr", "nz"))


# The units of the divisions of other states, by the level they stand at (a state of India is a province's peer);
# their cities come from the list of world cities.
_FOREIGN_UNITS = {"省": PROVINCE, "邦": PROVINCE, "州": PROVINCE, "郡": COUNTY, "县": COUNTY}
_UNIT = re.compile("[" + "".join(_FOREIGN_UNITS) + "]")


def units_after_a_country(scope: Scope) -> Iterator[Candidate]:
    """荷兰蒂尔堡市, 韩国春川市, 越南高平省保乐县: right after another state's name, a name and the unit of a
    division that ends a word is that state's division, whatever characters it is written in; a unit
    may follow it in turn (its county)."""
    for _, j, country in scope.view.hits["countries"]:
        if country == _HOME_COUNTRY or not scope.view.ends_token(j):
            continue
        parent, reach = country, j + THRESHOLDS.foreign_chain
        while (m := _UNITS_IN_A_ROW.match(scope.text, j, reach)) is not None:
            if not _a_foreign_units_name(scope, j, m):
                break
            yield Candidate(j, m.end(), _FOREIGN_UNITS_AFTER_A_STATE[m.group(2)], m.group(0), "foreign-division",
                            parent=parent)
            j, parent = m.end(), m.group(0)


def _a_foreign_units_name(scope: Scope, j: int, m: re.Match) -> bool:
    """A name and a unit that end a word, the name opening with no word of place or clause (西北部, 只有)
    and no function character inside, and no generic word of cities (港口城市, 各大城市)."""
    first = scope.view.token(j)
    return scope.view.ends_token(m.end()) and first.start == j and not first.flag.startswith(_NO_NAME_FLAGS) and \
        not any(c in FUNCTION_CHARS for c in m.group(1)) and not m.group(0).endswith(_CITIES) and \
        m.group(0) not in scope.lex.divisions_by_name


# The tags of words no foreign unit's name opens with: localizers (西北部), adverbs, conjunctions, pronouns.
_NO_NAME_FLAGS = ("f", "d", "c", "r", "p", "u", "m", "q")
_CITIES = "城市"
_HOME_COUNTRY = "中国"
# The units of other states' divisions a name written after the state may end in, by their level.
_FOREIGN_UNITS_AFTER_A_STATE = {**_FOREIGN_UNITS, "市": CITY, "地区": PROVINCE}
_UNITS_IN_A_ROW = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff·\-]{0,7}?)(地区|[市省州郡县邦])")


def world_cities(scope: Scope) -> Iterator[Candidate]:
    """莫斯科, 纽约, 东京: the capitals and large cities of other states, in their state."""
    for i, j, name in scope.view.hits["world_cities"]:
        if scope.found.covers(i, j) or not (scope.view.starts_token(i) and scope.view.ends_token(j)):
            continue
        yield Candidate(i, j, CITY, name, "world-city", parent=scope.lex.world_cities[name])


# Official names first: the suffixed places that follow take them as parents.
# 安阳、玉海、锦湖3个街道, 城关、东关等乡镇, 武义、龙游两县, 瓯海、鹿城、缙云3个县(市、区): names listed
# before the suffix they share (and a count).
_SHARED_SUFFIX = CuedPattern(rf"((?:[{CJK_CLASS}]{{2,4}}、)+[{CJK_CLASS}]{{2,4}})"
                             r"(?:等|等?[0-9一二三四五六七八九十两]+个?)(?:民族)?"
                             r"(街道|乡镇|镇|乡|自治县|县[(（]市、区[)）]|县|旗|区)", ("、",))


def listed_divisions(scope: Scope) -> Iterator[Candidate]:
    """Townships listed by their names before the suffix they share (安阳、玉海、锦湖3个街道; 三建、双路等乡镇).

    Every item with the suffix must be a division's name, or none is read;
    the first item is the longest end of its run of characters that is one
    and starts a word. A count or 等 must stand before the suffix: without
    them the last item is a name of its own (…工程、城北街道).
    """
    lex = scope.lex
    for m in _SHARED_SUFFIX.finditer(scope.text):
        items, suffix, pos = m.group(1).split("、"), m.group(2), m.start(1)
        items[-1] = items[-1].removesuffix("等")   # 昌江等6个: the pattern's last item may take the 等
        first = next((items[0][k:] for k in range(len(items[0]) - 1) if _listed_full_name(lex, items[0][k:], suffix)
                      and scope.view.starts_token(pos + k)), None)
        if first is None or not all(_listed_full_name(lex, item, suffix) for item in items[1:]):
            continue
        pos += len(items[0]) - len(first)
        for item in [first] + items[1:]:
            full = _listed_full_name(lex, item, suffix)
            cand = _division(scope, pos, pos + len(item), full, lex.divisions_by_name[full], None)
            yield dataclasses.replace(cand, short=item, source="listed-division")
            pos += len(item) + 1


def listed_villages(scope: Scope) -> Iterator[Candidate]:
    """惠泽、惠民、恒大3个新型社区; 东湾、西湾等5个行政村: villages and communities listed by their names
    before the kind they share and a count or 等; the first item is as long as the second."""
    for m in _SHARED_VILLAGE_KIND.finditer(scope.text):
        items, suffix, pos = m.group(1).split("、"), m.group(2), m.start(1)
        items[-1] = items[-1].removesuffix("等")
        first = items[0][-len(items[1]):]
        pos += len(items[0]) - len(first)
        if first[0] in OPENING_CHARS and scope.view.token(pos).end == pos + 1:
            first, pos = first[1:], pos + 1   # 陆续在/p 清河湾、群力家园: the preposition is the clause's
        if any(len(item) < 2 or item.endswith(suffix) for item in items):
            continue   # items already named in full (金桂社区、和平社区等6个社区) are read by their suffix
        listed = [first] + items[1:]
        if not scope.view.starts_token(pos):   # 有义/n 礼/n: where the first item starts is not clear; the others are
            listed, pos = items[1:], pos + len(first) + 1
        for item in listed:
            yield Candidate(pos, pos + len(item), _VILLAGE_KINDS[suffix], item + suffix, "listed-place",
                            short=item, signals=(LISTED,))
            pos += len(item) + 1


_VILLAGE_KINDS = {"社区": COMMUNITY, "村": VILLAGE}
# Items of two to four characters, 、 between them, then 等 or a count (等多个), a word of their kind, the kind.
_SHARED_VILLAGE_KIND = CuedPattern(rf"((?:[{CJK_CLASS}]{{2,4}}、)+[{CJK_CLASS}]{{2,4}})"
                                   r"(?:等(?:多|几|若干)?个?|等?[0-9一二三四五六七八九十两]+个?)(?:新型|行政|城市|农村)?(社区|村)",
                                   ("、",))


def subdistricts_written_short(scope: Scope) -> Iterator[Candidate]:
    """蔡甸区索河街石港村: a subdistrict (街道) written without its 道, as Wuhan and Guangzhou write them, is
    that subdistrict where a village, community or body of it follows (not 解放街 alone, a street)."""
    text, divisions = scope.text, scope.lex.divisions_by_name
    for m in _SUBDISTRICT_WRITTEN_SHORT.finditer(text):
        j = m.end()
        i = next((j - n for n in (5, 4, 3) if j - n >= 0 and any(
            d.type == TOWNSHIP for d in divisions.get(text[j - n:j] + "道", ()))), None)
        # 扮靓琴/n 断口街: the tagger may glue an official name's first character to an unknown word
        if i is not None and (scope.view.starts_token(i) or word_info(scope.view.token(i).text) is None):
            written = text[i:j]
            cand = _division(scope, i, j, written + "道", divisions[written + "道"], None)
            yield dataclasses.replace(cand, short=written, source="division-short")


# 街 without 道, then what a subdistrict holds or runs, written right after it.
_SUBDISTRICT_WRITTEN_SHORT = CuedPattern(r"街(?!道)(?=[\u4e00-\u9fff]{2,6}?(?:村|社区)|党工委|办事处)", ("街",))


def _listed_full_name(lex, item: str, suffix: str) -> str:
    """The division's name of a list's item before its shared suffix; 乡镇 is 镇 or 乡, whichever is listed;
    a county's item is the short form of one county of that kind (乐东、陵水等6个民族自治县)."""
    for end in (("镇", "乡") if suffix == "乡镇" else (suffix,)):
        if item + end in lex.divisions_by_name:
            return item + end
    if suffix in _COUNTY_SUFFIXES or suffix.startswith(_ANY_COUNTY):
        ends = _COUNTY_UNITS if suffix.startswith(_ANY_COUNTY) else (suffix,)
        counties = {d.name for d in lex.division_short_names.get(item, ()) if d.type == COUNTY and d.name.endswith(ends)}
        return counties.pop() if len(counties) == 1 else ""
    return ""


# 县(市、区): counties, county-level cities and districts alike.
_ANY_COUNTY = "县("
_COUNTY_UNITS = ("县", "市", "区", "旗")


# The suffixes of county-level units a list of their short forms may share (乐东、陵水等6个民族自治县).
_COUNTY_SUFFIXES = ("自治县", "县", "旗", "区")


NAMED = (listed_divisions, listed_villages, subdistricts_written_short, divisions, countries, world_cities, foreign_divisions, units_after_a_country,
         sounded_divisions, former_counties)
# Between the two: what needs the named divisions and is itself the parent of a place by suffix.
RENAMED = (townships_renamed,)
SUFFIXED = (suffixed_places,)
# After bodies and programs: the places their names begin with.
INSIDE = (inside_names, zones_of_their_organs)


# Bodies and phrases of a county written without its name (县政协, 我县): the story is a county's.
_BARE_COUNTY_WORDS = ("我县", "全县", "县委", "县政府", "县政协", "县人大", "县纪委")


def county_of_a_county_story(views, kept: list[list[Candidate]], lex) -> list[list[Candidate]]:
    """是庆元历史赋予的责任 in a story of 县政协 and 我县 that names no county in full: one county's short
    form, read by the segmenter as a place word of its own, names the story's county wherever it
    stands alone. Short forms are never trusted alone otherwise: most are everyday words too."""
    none = [[] for _ in views]
    if not _a_county_story(views, kept):
        return none
    found = [_county_short_forms(view, sentence, lex) for view, sentence in zip(views, kept)]
    return found if len({c.code for sentence in found for c in sentence}) == 1 else none


def _a_county_story(views, kept: list[list[Candidate]]) -> bool:
    """The story speaks of its county's bodies without naming any county."""
    named = any(c.type == COUNTY for sentence in kept for c in sentence)
    return not named and any(w in view.text for view in views for w in _BARE_COUNTY_WORDS)


def _county_short_forms(view, sentence: list[Candidate], lex) -> list[Candidate]:
    free = [(i, j, form) for i, j, form in view.hits["any_short_divisions"]
            if not any(c.start < j and i < c.end for c in sentence)]
    return [c for c in (_county_short_form(view, lex, i, j, form) for i, j, form in free) if c is not None]


# The tags of proper names of places and of other things (庆元/nz).
_PROPER_FLAGS = ("ns", "nz")


def _county_short_form(view, lex, i: int, j: int, form: str) -> Candidate | None:
    counties = lex.division_short_names.get(form, ())
    tok = view.token(i)
    info = word_info(form)
    if len(counties) != 1 or counties[0].type != COUNTY or tok.start != i or tok.end != j or \
            not tok.flag.startswith(_PROPER_FLAGS) or (info is not None and not info[1].startswith(_PROPER_FLAGS)):
        return None
    d = counties[0]
    return Candidate(i, j, COUNTY, d.name, "division-short", code=d.code, codes=(d.code,), short=form)
