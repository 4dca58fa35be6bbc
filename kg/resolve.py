"""Identity: one entity per real thing, inside a document and across documents.

Inside a document, bodies written with a bare level prefix get the place the
article is about (市委 → 运城市委 in a 运城晚报 story, 县行政审批局 → the county
last named), ambiguous division names get the code whose ancestors the article
names, and a place without a written parent takes one from the same document.
Across documents, entities merge on their canonical key: type and name, and
for places the division code or the parent place, so two 城北街道 in different
counties stay two. Every merge is recorded with its reason.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict

from kg.extract.base import QUOTE_CHARS
from kg.lexicon import Lexicon
from kg.model import (CITY, COUNTY, ORGANIZATION, PERSON, PLACE_TYPES, PROVINCE, TOWNSHIP,
                      VILLAGE, Entity, Merge, Mention)

_BYLINE_PAPER = re.compile(r"(?:晚报|日报|都市报|时报)讯")


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
_LEVEL_TYPES = {"省": (PROVINCE,), "市": (CITY, COUNTY), "县": (COUNTY,), "区": (CITY, COUNTY), "旗": (COUNTY,),
                "镇": (TOWNSHIP,), "乡": (TOWNSHIP,), "村": (VILLAGE,)}


class DocumentContext:
    """What a document says about where it is: its home places, in reading order."""

    def __init__(self, text: str, mentions: list[Mention], lex: Lexicon) -> None:
        self.lex = lex
        self.places = [m for m in mentions if m.type in PLACE_TYPES]
        self.codes = {m.code for m in self.places if m.code}
        self.home_city = self._home_city(text)

    def _home_city(self, text: str) -> Mention | None:
        cities = [m for m in self.places if m.name.endswith("市") and m.type in (CITY, COUNTY)]
        # A newspaper's byline (运城晚报讯) names the city the paper serves.
        for m in _BYLINE_PAPER.finditer(text[:5000]):
            for k in (2, 3, 4):
                paper = text[max(0, m.start() - k):m.start()]
                ds = self.lex.division_short_names.get(paper) or self.lex.divisions_by_name.get(paper + "市")
                ds = [d for d in ds or () if d.type in (CITY, COUNTY)]
                if not ds:
                    continue
                for c in cities:
                    if c.name == ds[0].name:
                        return c
                d = ds[0]
                return Mention("", 0, 0, 0, paper, d.name, d.type, d.code)
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
        (区 is a district, not the 小区 of an estate)."""
        types = _LEVEL_TYPES.get(suffix, PLACE_TYPES)
        best = None
        for m in self.places:
            if m.start < before and m.name.endswith(suffix) and m.type in types:
                best = m
        return best

    def place_for_level(self, level: str, before: int, explicit_recent: bool = False) -> Mention | None:
        if level == "市":
            # The paper's home may be a prefecture (黔东南州): then 市 is the city named before.
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


def resolve_mentions(text: str, mentions: list[Mention], lex: Lexicon) -> tuple[list[Mention], list[Merge]]:
    """Rewrite mentions in place of their canonical names inside one document."""
    ctx = DocumentContext(text, mentions, lex)
    merges: list[Merge] = []
    out: list[Mention] = []
    for m in mentions:
        changes: dict = {}
        if m.type in PLACE_TYPES and not m.code and m.codes:
            changes["code"] = ctx.pick_code(list(m.codes))
        if m.type == ORGANIZATION and m.level:
            place = ctx.place_for_level(m.level, m.start, explicit_recent=m.ref == "该")
            name = m.name
            if place is not None and place.name.endswith(m.level):
                new = _placed_name(place.name, name, m.level, lex)
                if new != name:
                    merges.append(Merge(m.doc_id, f"{ORGANIZATION}:{new}", name,
                                        f"bare prefix {m.level} read as {place.name}"))
                    changes.update(name=new, alias=name, place=place.name)
        out.append(dataclasses.replace(m, **changes) if changes else m)
    return out, merges


def _placed_name(place: str, name: str, level: str, lex: Lexicon) -> str:
    """A bare body's full name: 运城市 + 市委 is 运城市委, 下坦村 + 村监会 is 下坦村村监会 (监会 alone names nothing)."""
    if level not in name:
        return name
    rest = name[name.index(level) + 1:]
    if level == "村" and rest not in lex.org_suffixes and rest not in lex.core_bodies:
        return place + name[name.index(level):]
    return place + rest


def document_entities(mentions: list[Mention], lex: Lexicon) -> tuple[list[Entity], dict[int, str], list[Merge]]:
    """Group a document's mentions into entities; return them and each mention's key.

    A place written once with its parent (安邑街道幸福里社区) keeps that parent
    for every mention of its name in the document.
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
        code = m.code or codes.get((m.type, m.name), "")
        parent = "" if code else parents.get((m.type, m.name), "")
        key = entity_key(m.type, m.name, code, parent if m.type in PLACE_TYPES else "")
        e = by_key.get(key)
        if e is None:
            e = by_key[key] = Entity(key=key, type=m.type, name=m.name, code=code)
        e.mentions.append(m)
        surface = "".join(m.text.split()) if m.text else m.name
        for alias in (surface, m.text.strip(), m.alias, m.short):
            alias = "".join(c for c in alias if c not in QUOTE_CHARS)
            if alias and alias != m.name and "\n" not in alias:
                e.aliases.add(alias)
        key_of[idx] = key
    folded = _short_forms_in_document(by_key, lex, merges)
    if folded:
        key_of = {i: folded.get(k, k) for i, k in key_of.items()}
    return sorted(by_key.values(), key=lambda e: e.key), key_of, merges


def _short_forms_in_document(by_key: dict[str, Entity], lex: Lexicon, merges: list[Merge]) -> dict[str, str]:
    """Fold short forms into the full name the same document uses.

    阳光家园 is 阳光家园小区 when the article names both; 山西省疾控中心 is
    山西省疾病预防控制中心 (the short form keeps the long one's first and last
    characters and the order of its characters).
    """
    folded: dict[str, str] = {}
    entities = list(by_key.values())
    place_suffixes = [s for s, _ in lex.place_suffixes]
    for short in entities:
        for full in entities:
            if full is short or full.type != short.type or short.key in folded or full.key in folded:
                continue
            if short.type in PLACE_TYPES:
                if short.code or not any(full.name == short.name + s for s in place_suffixes):
                    continue
                reason = f"{short.name} is written with its suffix as {full.name}"
            elif short.type == ORGANIZATION:
                if not _abbreviates(short.name, full.name):
                    continue
                reason = f"{short.name} abbreviates {full.name}"
            else:
                continue
            full.aliases |= short.aliases | {short.name}
            full.mentions.extend(short.mentions)
            folded[short.key] = full.key
            merges.append(Merge(short.mentions[0].doc_id if short.mentions else "", full.key, short.name, reason))
    for key in folded:
        by_key.pop(key, None)
    return folded


def _abbreviates(short: str, full: str) -> bool:
    if len(short) < 4 or len(full) <= len(short) or short[:2] != full[:2] or short[-2:] != full[-2:]:
        return False
    it = iter(full)
    return all(c in it for c in short)


def merge_entities(per_doc: list[list[Entity]]) -> tuple[dict[str, Entity], dict[str, str], list[Merge]]:
    """Merge the entities of all documents; return them by key, a map of folded keys, and the merges.

    Same key merges silently. A place without code or parent merges into the
    only same-named place of its type that has one.
    """
    entities: dict[str, Entity] = {}
    for ents in per_doc:
        for e in ents:
            cur = entities.get(e.key)
            if cur is None:
                cur = entities[e.key] = Entity(e.key, e.type, e.name, set(), e.code, e.parent, [])
            cur.aliases |= e.aliases
            cur.mentions.extend(e.mentions)
            if e.parent and not cur.parent:
                cur.parent = e.parent
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
            target = entities[targets[0]]
            target.aliases |= e.aliases
            target.mentions.extend(e.mentions)
            folded[key] = target.key
            merges.append(Merge("", target.key, key, "same name and type; the only one with a known parent or code"))
            del entities[key]
    # Across documents people and programs merge on their name alone: report it.
    for e in entities.values():
        docs = e.documents
        if len(docs) > 1 and e.type not in PLACE_TYPES:
            merges.append(Merge("", e.key, f"{e.name} in {len(docs)} documents", "same name and type"))
        elif len(docs) > 1 and not e.code and e.type in PLACE_TYPES:
            merges.append(Merge("", e.key, f"{e.name} in {len(docs)} documents", "same name, type and parent"))
        elif len(docs) > 1 and e.code:
            merges.append(Merge("", e.key, f"{e.name} in {len(docs)} documents", f"same division code {e.code}"))
    for e in entities.values():
        e.mentions.sort(key=lambda m: (m.doc_id, m.start))
    return entities, folded, merges



__all__ = ["entity_key", "resolve_mentions", "document_entities", "merge_entities", "DocumentContext",
           "PERSON", "VILLAGE", "TOWNSHIP", "COUNTY"]
