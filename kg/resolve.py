"""Identity: one entity per real thing, inside a story and across stories.

Inside a story (the unit of resolution), bodies written with a bare level
prefix get the place the story is about (市委 → 运城市委 in a 运城晚报 story,
县行政审批局 → the county last named); a bare body the story ties to no place
keeps a key scoped to its story (``Organization:市委@page.txt#story-2``), so
two stories' 市委 are never one body. Ambiguous division names get the code
whose ancestors the story names, a place without a written parent takes one
from the same story, and a person named after a byline or masthead title
(记者, 责编) carries that role in the paper. Across stories, places, bodies
and programs merge on their canonical key: type and name, and for places the
division code or the parent place, so two 城北街道 in different counties stay
two; people are matched by kg.identity. Every merge is recorded with its
reason.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict

from kg.extract.base import NEW_AREA, QUOTE_CHARS, THE_PARTY, YOUTH_LEAGUE
from kg.lexicon import Lexicon, ethnic_township_short_form
from kg.model import (CITY, COMMUNITY, COUNTY, ESTATE, ORGANIZATION, PERSON, PLACE_TYPES, PROVINCE, TOWNSHIP,
                      VILLAGE, Entity, Merge, Mention)


def entity_key(etype: str, name: str, code: str = "", parent: str = "") -> str:
    """The canonical key every output derives its identifiers from.

    >>> entity_key("County", "盐湖区", code="140802")
    'County:盐湖区:140802'
    >>> entity_key("Community", "幸福里社区", parent="安邑街道")
    'Community:幸福里社区@安邑街道'
    """
    if code:
        return f"{etype}:{name}:{code}"
    if parent:
        return f"{etype}:{name}@{parent}"
    return f"{etype}:{name}"


# The kinds of place a bare level prefix (区政府, 镇党委) can stand for.
_LEVEL_TYPES = {"省": (PROVINCE,), "自治区": (PROVINCE,), "市": (CITY, COUNTY), "州": (CITY,), "盟": (CITY,), "县": (COUNTY,),
                "区": (CITY, COUNTY), "旗": (COUNTY,),
                "镇": (TOWNSHIP,), "乡": (TOWNSHIP,), "街道": (TOWNSHIP,), "村": (VILLAGE,),
                "社区": (COMMUNITY,), "小区": (ESTATE,), NEW_AREA: (COUNTY,)}


def paper_area(newspaper: str, lex: Lexicon):
    """The division a newspaper serves, by its name (运城晚报 → 运城市, 山西日报 → 山西省), or None.

    >>> from kg.lexicon import load
    >>> paper_area("运城晚报", load()).name
    '运城市'
    """
    cuts = [i for i in (newspaper.find(suffix) for suffix in lex.paper_suffixes) if i > 0]
    if not cuts:
        return None
    stem = newspaper[:min(cuts)]   # 吕梁日报社 → 吕梁
    found = lex.division_short_names.get(stem) or lex.divisions_by_name.get(stem) or ()
    return found[0] if len({d.code for d in found}) == 1 else None


# A page's area holds at least this share of the township-level places its stories name.
PAGE_AREA_SHARE = 0.6


def page_area(mentions: list[Mention], lex: Lexicon):
    """The city whose paper a page of several stories seems to be, from the places its stories name.

    A local paper reports on its own townships: the deepest city (a name in 市,
    prefecture- or county-level) that holds most of the townships the page
    names (else most of its counties) is its area. None when no city does.

    >>> from kg.lexicon import load
    >>> lex = load()
    >>> town = lambda name: Mention("", 0, 0, 0, name, name, TOWNSHIP, lex.divisions_by_name[name][0].code)
    >>> page_area([town("安邑街道"), town("解州镇")], lex).name
    '运城市'
    """
    for level in (TOWNSHIP, COUNTY):
        codes = [m.code for m in mentions if m.type == level and m.code]
        if len(codes) < 2:
            continue
        holding: Counter = Counter()
        for code in codes:
            holding.update({d.code for d in lex.ancestors(code) if d.name.endswith("市") and d.type in (CITY, COUNTY)})
        ranked = sorted(holding, key=lambda c: (-len(c.rstrip("0")), c))   # deepest first
        for code in ranked:
            if holding[code] >= PAGE_AREA_SHARE * len(codes):
                return lex.division_by_code[code]
        return None
    return None


class DocumentContext:
    """What a story says about where it is: its home places, in reading order.

    ``newspaper`` is the paper that printed the story (its opener, else its
    page's masthead or bylines): a city paper's bare 市委 is its city's. A page
    that names no paper may still show its city (``area``, :func:`page_area`).
    """

    def __init__(self, text: str, mentions: list[Mention], lex: Lexicon, newspaper: str = "", area=None) -> None:
        self.lex = lex
        self.places = [m for m in mentions if m.type in PLACE_TYPES]
        self.codes = {m.code for m in self.places if m.code}
        self.home_city = self._home_city(newspaper, area)

    def _home_city(self, newspaper: str, page: object = None) -> Mention | None:
        cities = [m for m in self.places if m.name.endswith("市") and m.type in (CITY, COUNTY)]
        area = paper_area(newspaper, self.lex) if newspaper else None
        if area is None or area.type not in (CITY, COUNTY):
            area = page
        if area is not None and area.type in (CITY, COUNTY):
            for c in cities:
                if c.name == area.name:
                    return c
            return Mention("", 0, 0, 0, newspaper, area.name, area.type, area.code)
        if not cities:
            return None
        counts = Counter(c.name for c in cities)
        codes = {c.name: c.code for c in cities if c.code}

        def inside_another(name: str) -> bool:
            # A county-level city named as often as its prefecture is the
            # paper's own city (瑞安 in a story that also names 温州).
            anc = {d.code for d in self.lex.ancestors(codes.get(name, ""))}
            return any(codes.get(other) in anc for other in counts if other != name)

        best = max(counts.items(), key=lambda kv: (kv[1], inside_another(kv[0]),
                                                   -min(c.start for c in cities if c.name == kv[0])))[0]
        return next(c for c in cities if c.name == best)

    def recent(self, suffix: str, before: int) -> Mention | None:
        """The last place of that level named before offset ``before`` whose name ends in ``suffix``
        (区 is a district, not the 小区 of an estate); when none is, the first named after it (a
        headline's 县人民医院 is the hospital of the county its story names next), but only when the story
        names no other village: 村两委 before the story lists three villages is none of them."""
        types = _LEVEL_TYPES.get(suffix, PLACE_TYPES)
        best = after = None
        names = set()
        for m in self.places:
            if m.name.endswith(suffix) and m.type in types:
                names.add(m.name)
                if m.start < before:
                    best = m
                elif after is None:
                    after = m
        return best or (after if len(names) == 1 or suffix not in _VILLAGE_LEVELS else None)

    def place_for_level(self, level: str, before: int, explicit_recent: bool = False) -> Mention | None:
        if level == "市":
            # The paper's home may be a prefecture (黔西南州): then 市 is the city named before.
            home = self.home_city if self.home_city is not None and self.home_city.name.endswith("市") else None
            if explicit_recent:
                return self.recent("市", before) or home
            return home or self.recent("市", before)
        if level == "省":
            prov = self.recent("省", before)
            if prov is not None:
                return prov
            home = self.home_city
            if home is not None and home.code:
                for d in self.lex.ancestors(home.code):
                    if d.type == PROVINCE:
                        return Mention("", 0, 0, 0, d.name, d.name, d.type, d.code)
            return None
        return self.recent(level, before)

    def pick_code(self, codes: list[str]) -> str:
        """Of several divisions with one name, the one whose ancestors the document names."""
        if len(codes) == 1:
            return codes[0]
        scored = []
        for code in codes:
            anc = {d.code for d in self.lex.ancestors(code)}
            scored.append((len(anc & self.codes), code))
        scored.sort(reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return ""


def resolve_mentions(text: str, mentions: list[Mention], lex: Lexicon, newspaper: str = "",
                     area=None) -> tuple[list[Mention], list[Merge]]:
    """Rewrite mentions in place of their canonical names inside one story.

    ``newspaper`` and ``area`` say whose paper printed it (see :class:`DocumentContext`).
    """
    ctx = DocumentContext(text, mentions, lex, newspaper, area)
    merges: list[Merge] = []
    out: list[Mention] = []
    provinces = {m.code[:2] for m in mentions if m.type in PLACE_TYPES and m.code and m.source != "inside-name"}
    # A story that names a village its tie did not find (马家庄, 红旗嘎查) keeps its bare 村委会 as its own.
    names_a_village = any(m.type == VILLAGE for m in mentions)
    for m in mentions:
        if _a_brand_not_a_county(m, provinces):
            continue
        changes: dict = {}
        if m.type in PLACE_TYPES and not m.code and m.codes:
            changes["code"] = ctx.pick_code(list(m.codes))
            picked = lex.division_by_code.get(changes["code"])
            if picked is not None and picked.name != m.name:
                changes["name"] = picked.name   # 东乡 in a story of 临夏州: 东乡族自治县, not the namesake first listed
        if m.type == ORGANIZATION and not m.level and (full := _place_written_in_full(m.name, ctx, lex)):
            merges.append(Merge(m.doc_id, f"{ORGANIZATION}:{full}", m.name, f"{m.name} names its place short"))
            changes.update(name=full, alias=m.name)
        if m.type == ORGANIZATION and m.level:
            place = ctx.place_for_level(m.level, m.start, explicit_recent=m.ref == "该")
            name = m.name
            if place is not None and place.name.endswith(m.level):
                # 黔西南州 + 州委 is 黔西南州委: a prefecture's body is named by the form the story writes.
                written = place.short if place.short.endswith(m.level) else place.name
                new = _placed_name(written, name, m.level, lex)
                if new != name:
                    merges.append(Merge(m.doc_id, f"{ORGANIZATION}:{new}", name,
                                        f"bare prefix {m.level} read as {place.name}"))
                    changes.update(name=new, alias=name, place=place.name)
            elif m.level in _NAMED_ONLY_PLACED and not (m.level in _LEVELS_OF_A_VILLAGE and names_a_village):
                continue   # 社区党委 in a story that names no community: any community's, no one body
        out.append(dataclasses.replace(m, **changes) if changes else m)
    return out, merges


def _place_written_in_full(name: str, ctx: DocumentContext, lex: Lexicon) -> str:
    """巴中政协 is 巴中市政协, 平阴政协 平阴县政协: an organ of a place's own written after the place's short
    form is named, as the same organ written in full is, by the place's full name: the division of that short
    form the story names, else the only one; "" for any other name."""
    for n in range(2, min(len(name) - 1, 5)):
        stem, organ = name[:n], name[n:]
        if organ not in lex.core_bodies or organ.startswith("委") or organ == "政府" or stem in lex.divisions_by_name:
            continue   # 南京政府, 北京政府: a government of the past is named so
        codes = {d.code for d in lex.division_short_names.get(stem, ())}
        named = [p for p in ctx.places if p.code in codes]   # 吉林 of a story of 吉林省 is the province
        if named and named[0].short.startswith(stem) and named[0].short != stem:
            return named[0].short + organ   # 恩施州 + 政协: a prefecture's organ is named by the form the story writes
        code = named[0].code if named else (next(iter(codes)) if len(codes) == 1 else "")
        if code:
            return lex.division_by_code[code].name + organ
    return ""


def _a_brand_not_a_county(m: Mention, provinces: set[str]) -> bool:
    """晋宁物业 in a story of 太原市: a county's short form that only opens a body's name, in a story whose
    places all lie in other provinces, is the body's brand, not that county."""
    return m.source == "inside-name" and bool(m.short) and m.type in (COUNTY, TOWNSHIP) and bool(m.code) and \
        bool(provinces) and m.code[:2] not in provinces


# The levels of villages: a story often lists several, and a bare body before them is no one's.
_VILLAGE_LEVELS = frozenset({"村", "社区", "嘎查"})
# Levels whose bare bodies name a body only in a story that names the place (社区党委 of 吴家堡社区): a
# story of a town that speaks of 村“两委” or 村委会 and names no village means every village's, no one body.
_NAMED_ONLY_PLACED = frozenset({"社区", "村", "嘎查", "小区"})
# ... of which these keep a bare body as the story's own where the story names a village the tie missed.
_LEVELS_OF_A_VILLAGE = frozenset({"村", "嘎查"})


def _placed_name(place: str, name: str, level: str, lex: Lexicon) -> str:
    """A bare body's full name: 运城市 + 市委 is 运城市委, 下坦村 + 村监会 is 下坦村村监会 (监会 alone names nothing),
    澧县 + 县委 is 澧县县委."""
    if level not in name:
        return place + name   # 居委会 of the level 社区: 东方社区居委会
    if name.startswith("团" + level):
        return YOUTH_LEAGUE + place + name[2:]   # 团县委 is the Youth League's: 共青团永和县委
    rest = name[name.index(level) + len(level):]
    if level == "村" and rest not in lex.org_suffixes and rest not in lex.core_bodies:
        return place + name[name.index(level):]
    if len(place) == 2 and place.endswith(level):
        return place + name[name.index(level):]   # 澧县 + 县委 is 澧县县委: a stem of one character keeps its level
    if place.endswith(NEW_AREA) and level == "区" and rest.startswith("委"):
        return place + level + rest   # 滨海新区 + 区委 is 滨海新区区委, the party committee named by its level
    return place + rest


def document_entities(mentions: list[Mention], lex: Lexicon) -> tuple[list[Entity], dict[int, str], list[Merge]]:
    """Group a story's mentions into entities; return them, each mention's key, and the merges.

    A place written once with its parent (安邑街道幸福里社区) keeps that parent
    for every mention of its name in the story. A bare body the story could
    not tie to a place is keyed to the story (:func:`scoped_key`).
    """
    parents: dict[tuple[str, str], str] = {}
    codes: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.type in PLACE_TYPES:
            if m.parent:
                parents.setdefault((m.type, m.name), m.parent)
            if m.code:
                codes.setdefault((m.type, m.name), m.code)
    by_key: dict[str, Entity] = {}
    key_of: dict[int, str] = {}
    merges: list[Merge] = []
    for idx, m in enumerate(mentions):
        key, code = _mention_key(m, codes, parents)
        e = by_key.get(key)
        if e is None:
            e = by_key[key] = Entity(key=key, type=m.type, name=m.name, code=code)
            if is_scoped(key):
                merges.append(Merge(m.doc_id, key, m.name, f"unresolved: the story ties {m.name} to no place; "
                                                           "kept to this story, never merged with another"))
        e.mentions.append(m)
        _add_aliases(e, m)
        role = lex.press_roles.get(m.role)
        if role and m.type == PERSON:
            e.roles.add(role)
        key_of[idx] = key
    folded = _short_forms_in_document(by_key, lex, merges)
    if folded:
        key_of = {i: folded.get(k, k) for i, k in key_of.items()}
    return sorted(by_key.values(), key=lambda e: e.key), key_of, merges


def _mention_key(m: Mention, codes: dict, parents: dict) -> tuple[str, str]:
    """The key of a mention's entity in its story, and its division code."""
    if m.type == ORGANIZATION and is_bare_body(m):
        return scoped_key(m.type, m.name, m.doc_id), ""
    code = m.code or codes.get((m.type, m.name), "")
    parent = "" if code else parents.get((m.type, m.name), "")
    return entity_key(m.type, m.name, code, parent if m.type in PLACE_TYPES else ""), code


_WITHOUT_QUOTES = str.maketrans("", "", "".join(QUOTE_CHARS))


def _add_aliases(e: Entity, m: Mention) -> None:
    surface = "".join(m.text.split()) if m.text else m.name
    for alias in (surface, m.text.strip(), m.alias, m.short, "".join(m.written.split())):
        alias = alias.translate(_WITHOUT_QUOTES)
        if alias and alias != m.name and "\n" not in alias:
            e.aliases.add(alias)


def is_bare_body(m: Mention) -> bool:
    """A body written with a bare level prefix (市委, 县纪委, 区政府) that its story tied to no place."""
    return bool(m.level) and not m.place and m.name.startswith(m.level)


# What follows ``@`` in the key of a body kept to its story.
SCOPE_MARK = "story:"


def scoped_key(etype: str, name: str, doc_id: str) -> str:
    """The key of an entity that stands only for what one story means by ``name``.

    >>> scoped_key("Organization", "市委", "a.txt")
    'Organization:市委@story:a.txt'
    """
    return f"{etype}:{name}@{SCOPE_MARK}{doc_id}"


def is_scoped(key: str) -> bool:
    return f"@{SCOPE_MARK}" in key


def _short_forms_in_document(by_key: dict[str, Entity], lex: Lexicon, merges: list[Merge]) -> dict[str, str]:
    """Fold short forms into the full name the same document uses.

    阳光家园 is 阳光家园小区 when the article names both; 山西省疾控中心 is
    山西省疾病预防控制中心 (the short form keeps the long one's first and last
    characters and the order of its characters).
    """
    folded: dict[str, str] = {}
    entities = list(by_key.values())
    place_suffixes = [s for s, _ in lex.place_suffixes]
    # Each short form folds into the first entity, in the document's order, that writes it in
    # full: found by name for a place, among the bodies for a body (not by trying every pair).
    by_name: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(entities):
        by_name.setdefault((e.type, e.name), []).append(i)
        if e.type == PERSON and _given_name(e.name, lex):
            by_name.setdefault(("given", _given_name(e.name, lex)), []).append(i)   # 桂发 of 李桂发
    bodies = [i for i, e in enumerate(entities) if e.type == ORGANIZATION]
    written_short = {i: _organs_written_short(entities[i].name, lex) for i in bodies}
    body_names = {entities[i].name for i in bodies}
    place_names = {e.name for e in entities if e.type in PLACE_TYPES}
    without_peoples: dict[str, list[int]] = {}   # 高寨乡 -> 高寨苗族布依族乡
    for i, e in enumerate(entities):
        if e.type == TOWNSHIP and ethnic_township_short_form(e.name):
            without_peoples.setdefault(ethnic_township_short_form(e.name), []).append(i)
    for short in entities:
        if short.type in PLACE_TYPES and not short.code:
            fulls = sorted({i for s in place_suffixes for i in by_name.get((short.type, short.name + s), ())} |
                           set(without_peoples.get(short.name, ()) if short.type == TOWNSHIP else ()))
            reason = "{short} is written with its suffix (or its peoples) as {full}"
        elif short.type == ORGANIZATION:
            fulls = [i for i in bodies if _abbreviates(short.name, entities[i].name) or
                     written_short[i] == short.name or
                     _a_firms_short_name(short.name, entities[i].name, lex) or
                     _a_firm_without_its_address(short.name, entities[i].name, place_names, lex) or
                     _a_unit_without_its_parent(short.name, entities[i].name, body_names, lex) or
                     entities[i].name == THE_PARTY + short.name]
            reason = "{short} abbreviates {full}"
        elif short.type == PERSON:
            fulls = by_name.get(("given", short.name), []) if _called_familiarly(short) else []
            fulls = fulls if len(fulls) == 1 else []   # 李桂发 and 王桂发: 桂发 is neither for sure
            reason = "{short} is {full} called by the given name"
        else:
            continue
        full = next((entities[i] for i in fulls if entities[i] is not short and entities[i].key not in folded), None)
        if full is None or short.key in folded:
            continue
        full.aliases |= short.aliases | {short.name}
        full.mentions.extend(short.mentions)
        folded[short.key] = full.key
        merges.append(Merge(short.mentions[0].doc_id if short.mentions else "", full.key, short.name,
                            reason.format(short=short.name, full=full.name)))
    for key in folded:
        by_key.pop(key, None)
    return folded


# Where a person is named formally, by the full name (县长周杰, 任命周杰为…): such a mention is no given name.
_FORMAL_SOURCES = frozenset({"after-title", "appointed", "biography", "career", "office", "listed", "listed-comrade",
                             "copula-post", "bracketed-post", "apposition", "byline", "after-role", "aged"})


def _called_familiarly(e: Entity) -> bool:
    """Only ever named as one calls a person one knows (桂发第一书记, 桂发说), never formally (县长周杰)."""
    return not any(m.source in _FORMAL_SOURCES for m in e.mentions)


def _given_name(name: str, lex: Lexicon) -> str:
    """The given name of two characters of a full name (桂发 of 李桂发, 田军 of 欧阳田军), by which a story
    may call the person again; "" for a name of two characters."""
    surname = 2 if name[:2] in lex.surnames_double else 1
    return name[surname:] if len(name) - surname == 2 else ""


def _organs_written_short(name: str, lex: Lexicon) -> str:
    """The name with each standard organ written short (青阳县纪律检查委员会 → 青阳县纪委)."""
    for full, short in lex.organ_short_forms:
        name = name.replace(full, short)
    return name


def _a_unit_without_its_parent(short: str, full: str, bodies: set[str], lex: Lexicon) -> bool:
    """大瑶人民法庭 of 浏阳市人民法院大瑶人民法庭: a unit written without the body it belongs to (one the
    story names, or a name that ends as a body's does); 经科委 of 延边州政协经科委, a conference's committee."""
    if (len(short) < 4 and short not in lex.conference_committees) or len(full) <= len(short) or \
            not full.endswith(short):
        return False
    parent = full[:-len(short)]
    return parent in bodies or parent.endswith(lex.org_suffixes)


def _a_firms_short_name(short: str, full: str, lex: Lexicon) -> bool:
    """晋宁物业 of 太原市晋宁物业服务有限公司: a firm's name without its place and the end of its kind."""
    k = full.find(short)
    return len(short) >= 4 and k >= 0 and len(full) > len(short) and full.endswith(lex.enterprise_suffixes) and \
        not short.endswith(lex.enterprise_suffixes) and (k == 0 or bool(lex.lookup(full[:k])))


def _a_firm_without_its_address(short: str, full: str, places: set[str], lex: Lexicon) -> bool:
    """中义瓜蔬专业合作社 of 晏家巷村中义瓜蔬专业合作社: a registered firm written without the place
    its name opens with (a place the story names, or a division)."""
    if len(short) < 4 or len(full) <= len(short) or not full.endswith(short) or \
            not short.endswith(lex.enterprise_suffixes):
        return False
    address = full[:-len(short)]
    return any(address.endswith(p) for p in places) or bool(lex.lookup(address))


def _abbreviates(short: str, full: str) -> bool:
    if len(short) < 4 or len(full) <= len(short) or short[:2] != full[:2] or short[-2:] != full[-2:]:
        return False
    it = iter(full)
    return all(c in it for c in short)


def merge_entities(per_doc: list[list[Entity]]) -> tuple[dict[str, Entity], dict[str, str], list[Merge]]:
    """Merge the entities of all stories; return them by key, a map of folded keys, and the merges.

    Same key merges (people come with the keys kg.identity gave them). A
    place without code or parent merges into the only same-named place of its
    type that has one.
    """
    entities: dict[str, Entity] = {}
    for ents in per_doc:
        for e in ents:
            cur = entities.get(e.key)
            if cur is None:
                cur = entities[e.key] = Entity(e.key, e.type, e.name, set(), e.code, e.parent, [])
            cur.aliases |= e.aliases
            cur.roles |= e.roles
            cur.mentions.extend(e.mentions)
            if e.parent and not cur.parent:
                cur.parent = e.parent
    folded, merges = _places_to_their_qualified_namesake(entities)
    more_folded, more = _places_under_a_county_to_their_township(entities)
    folded = {k: more_folded.get(v, v) for k, v in folded.items()} | more_folded
    merges += more
    for e in entities.values():
        docs = e.documents
        if len(docs) <= 1 or e.type == PERSON:
            continue   # people's merges are kg.identity's, each with its own reason
        reason = (f"same division code {e.code}" if e.code else
                  "same name, type and parent" if e.type in PLACE_TYPES else "same name and type")
        merges.append(Merge("", e.key, f"{e.name} in {len(docs)} documents", reason))
    for e in entities.values():
        e.mentions.sort(key=lambda m: (m.doc_id, m.start))
    return entities, folded, merges


def _places_to_their_qualified_namesake(entities: dict[str, Entity]) -> tuple[dict[str, str], list[Merge]]:
    merges: list[Merge] = []
    folded: dict[str, str] = {}
    qualified: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, e in entities.items():
        if e.type in PLACE_TYPES and key != f"{e.type}:{e.name}":
            qualified[(e.type, e.name)].append(key)
    for key in sorted(entities):
        e = entities[key]
        if e.type not in PLACE_TYPES or key != f"{e.type}:{e.name}":
            continue
        targets = qualified.get((e.type, e.name), [])
        if len(targets) == 1:
            _fold(entities, key, targets[0], "same name and type; the only one with a known parent or code",
                  folded, merges)
    return folded, merges


def _fold(entities: dict[str, Entity], key: str, into: str, reason: str, folded: dict[str, str],
          merges: list[Merge]) -> None:
    """Merge the entity ``key`` into ``into``: its aliases and mentions move, its key is folded."""
    target, e = entities[into], entities.pop(key)
    target.aliases |= e.aliases
    target.mentions.extend(e.mentions)
    folded[key] = into
    merges.append(Merge("", into, key, reason))


def _places_under_a_county_to_their_township(entities: dict[str, Entity]) -> tuple[dict[str, str], list[Merge]]:
    """尤溪县半山村 in a caption and 梅仙镇半山村 in the story: a village or community keyed under its county is
    the namesake keyed under the one township of that county (by its division code) that has one."""
    county_codes: dict[str, set[str]] = defaultdict(set)
    township_codes: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        if e.code and e.type in (COUNTY, TOWNSHIP):
            (county_codes if e.type == COUNTY else township_codes)[e.name].add(e.code)
    under: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, e in entities.items():
        if e.type in (VILLAGE, COMMUNITY) and key.startswith(f"{e.type}:{e.name}@"):
            under[(e.type, e.name)].append((key, key[len(f"{e.type}:{e.name}@"):]))
    folded: dict[str, str] = {}
    merges: list[Merge] = []
    for keys in under.values():
        for key, parent in keys:
            inside = [k for k, p in keys if any(c[:_COUNTY_CODE] in county_codes.get(parent, ())
                                                for c in township_codes.get(p, ()))]
            if len(inside) == 1 and key in entities and inside[0] in entities:
                _fold(entities, key, inside[0], f"same name; {parent} holds the township it is keyed under",
                      folded, merges)
    return folded, merges


# How many digits of a township's division code are its county's code (350426101 is in 350426).
_COUNTY_CODE = 6


__all__ = ["entity_key", "scoped_key", "is_scoped", "is_bare_body", "paper_area", "resolve_mentions",
           "document_entities", "merge_entities", "DocumentContext", "PERSON", "VILLAGE", "TOWNSHIP", "COUNTY"]
