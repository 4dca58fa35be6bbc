"""Posts normalized: the office a post as written names, its body's level and place, and its rank.

运城市人民政府副市长 is the office 副市长 (副职) of a leading organ of 运城市,
a city, so 副厅局级; 济南市代市长 is an acting 市长 of 济南市, a sub-provincial
city, so 副省部级. The titles, the ladder and its exceptions are data
(kg/lexicon/offices.tsv, ranks.tsv); this module only combines them. A rank
is given only where the level and the office decide it: a village post, a
court's president or a committee member has none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.base import Vocabulary
from kg.lexicon import Lexicon
from kg.lexicon.careers import CareerLexicon, Office
from kg.model import (CITY, COMMUNITY, COUNTY, ORGANIZATION, PLACE_TYPES, PROVINCE, TOWNSHIP, VILLAGE, KnowledgeGraph,
                      PostFacts)

__all__ = ["PostReader", "Place", "LEVEL_OF_TYPE"]

LEVEL_OF_TYPE = {PROVINCE: "province", CITY: "city", COUNTY: "county", TOWNSHIP: "township", VILLAGE: "village",
                 COMMUNITY: "village"}
# The level a bare prefix of a body names (县人民政府); 市 and 区 may be two levels and name none.
_PREFIX_LEVEL = {"省": "province", "县": "county", "旗": "county", "镇": "township", "乡": "township",
                 "村": "village"}
# A term of a people's congress in a body's name (第十届, 十六届), and the party's name before a committee.
_TERM = re.compile(r"^(中共)?(第?[一二三四五六七八九十百零〇\d]+届)?")
# Steps below a leading principal, by organ and grade; a department's member has no rank.
_STEPS = {("leading", "正职"): 0, ("leading", "副职"): 1, ("leading", "成员"): 1,
          ("department", "正职"): 2, ("department", "副职"): 3}
_ACTING = ("代理", "代")


@dataclass(frozen=True, slots=True)
class Place:
    """A division a post or a body belongs to."""
    key: str      # entity key, "" when the graph has no such entity
    name: str
    code: str
    level: str


def _organ(office: Office | None, of_body: str, has_body: bool) -> str:
    """Whether a post is of a leading organ or a department: as its title says, unless its body says
    it is a department's (a bureau's party secretary is no party committee's)."""
    if office is None or not office.organ:
        return of_body
    if has_body and office.organ == "leading" and of_body == "department":
        return of_body
    return office.organ


class PostReader:
    """Reads the facts of posts in one knowledge graph (its bodies and places are looked up once)."""

    def __init__(self, kg: KnowledgeGraph, lex: Lexicon, careers: CareerLexicon) -> None:
        self.kg, self.lex, self.careers = kg, lex, careers
        self.titles = Vocabulary(lex.posts)
        self.by_code = {e.code: k for k, e in kg.entities.items() if e.code and e.type in PLACE_TYPES}
        self.in_doc: dict[tuple[str, str], str] = {}
        names: dict[str, set[str]] = {}
        for key, e in kg.entities.items():
            if e.type in PLACE_TYPES:
                names.setdefault(e.name, set()).add(key)
                for m in e.mentions:
                    self.in_doc.setdefault((m.doc_id, m.name), key)
        self.unique_name = {n: next(iter(ks)) for n, ks in names.items() if len(ks) == 1}
        self._bodies: dict[str, tuple[Place | None, str]] = {}

    def facts(self, label: str, body: str = "", concurrent: bool = False) -> PostFacts:
        """The facts of the post ``label`` of the body keyed ``body`` ("" when none)."""
        office, acting = self.office(label)
        place, body_level, organ = self._body(body) if body else (self._label_place(label), "", "")
        known = self.careers.offices.get(office)
        level = (place.level if place else "") or (known.level if known else "") or body_level
        rank = self._rank(known, _organ(known, organ, bool(body)), level, place.code if place else "")
        return PostFacts(office=office, grade=known.grade if known else "", level=level, rank=rank, acting=acting,
                         concurrent=concurrent, place=place.key if place else "",
                         place_name=place.name if place else "", code=place.code if place else "")

    def office(self, label: str) -> tuple[str, bool]:
        """The title that ends ``label`` and whether an acting mark stands before it.

        >>> from kg.lexicon import load
        >>> from kg.lexicon.careers import load_careers
        >>> reader = PostReader(KnowledgeGraph([], {}, []), load(), load_careers())
        >>> reader.office("济南市人民政府代理市长"), reader.office("县人大常委会主任"), reader.office("居民")
        (('市长', True), ('人大常委会主任', False), ('居民', False))
        """
        title = next((label[i:] for i in range(len(label)) if label[i:] in self.careers.offices), "")
        if not title:
            title = self.titles.ends_at(label, len(label)) or label
        before = label[:len(label) - len(title)]
        return title, before.endswith(_ACTING)

    def place(self, key: str) -> Place | None:
        """The place an entity is (a place) or belongs to (a body named after one), when known."""
        e = self.kg.entities.get(key)
        if e is None:
            return None
        if e.type in PLACE_TYPES:
            return Place(key, e.name, e.code, LEVEL_OF_TYPE.get(e.type, ""))
        return self._body(key)[0] if e.type == ORGANIZATION else None

    def _body(self, body: str) -> tuple[Place | None, str, str]:
        """The place a body belongs to, the level its bare prefix names, and whether it is a leading organ."""
        if body not in self._bodies:
            self._bodies[body] = self._read_body(body)
        place, level = self._bodies[body]
        e = self.kg.entities.get(body)
        rest = e.name if e is not None else body.split(":", 1)[-1].split("@", 1)[0]
        if place is not None and rest.startswith(place.name):
            rest = rest[len(place.name):]
        elif rest[:1] in "省市县区旗镇乡村":
            rest = rest[1:]
        rest = rest[_TERM.match(rest).end():]
        organ = "leading" if rest in self.careers.organs else "department"
        return place, level, organ

    def _read_body(self, body: str) -> tuple[Place | None, str]:
        e = self.kg.entities.get(body)
        if e is None or e.type != ORGANIZATION:
            return None, ""
        level = ""
        for m in e.mentions:
            level = level or _PREFIX_LEVEL.get(m.level, "")
            if m.place:
                place = self._place(self.in_doc.get((m.doc_id, m.place)) or self.unique_name.get(m.place), m.place)
                if place is not None:
                    return place, level
        return None, level

    def _place(self, key: str | None, name: str) -> Place | None:
        if key:
            e = self.kg.entities[key]
            return Place(key, e.name, e.code, LEVEL_OF_TYPE.get(e.type, ""))
        found = self.lex.divisions_by_name.get(name) or ()
        if len(found) != 1:
            return None
        d = found[0]
        return Place(self.by_code.get(d.code, ""), d.name, d.code, LEVEL_OF_TYPE.get(d.type, ""))

    def _label_place(self, label: str) -> Place | None:
        """The division a post names at its start (黑龙江省代理省长), when it names one only."""
        for end in range(len(label) - 1, 1, -1):
            stem = label[:end]
            found = self.lex.divisions_by_name.get(stem) or self.lex.division_short_names.get(stem) or ()
            if len({d.code for d in found}) == 1:
                return self._place(self.by_code.get(found[0].code), found[0].name)
        return None

    def _rank(self, office: Office | None, organ: str, level: str, code: str) -> str:
        step = _STEPS.get((organ, office.grade)) if office is not None else None
        if step is None or level not in self.careers.base:
            return ""
        step += self.careers.base[level] - self._raised(code)
        return self.careers.ladder[step] if 0 <= step < len(self.careers.ladder) else ""

    def _raised(self, code: str) -> int:
        """How many steps the organs of the place ``code`` rank above their level (副省级城市)."""
        if not code:
            return 0
        own = self.careers.raises.get(code)
        if own is not None and own.self_too:
            return own.steps
        for d in self.lex.ancestors(code):
            above = self.careers.raises.get(d.code)
            if above is not None:
                return above.steps
        return 0
