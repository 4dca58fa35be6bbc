"""Typed relations and co-occurrence, each with the sentence that says it.

``holdsPost`` and ``memberOf`` come from the posts written before a name;
``locatedIn`` from address prefixes (盐湖区安邑街道) and the official hierarchy;
``implements`` from a place or body that 探索/打造/推行/实施/创建 a program in the
same sentence. Co-occurrence counts sentences in which two entities appear
together; PMI is computed on the merged corpus, never per document.
"""
from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from itertools import combinations

from kg.extract.base import Vocabulary
from kg.extract.bodies import OWN_NAMED_STATIONS
from kg.extract.thresholds import THRESHOLDS
from kg.lexicon import Lexicon, township_stem, townships_by_stem
from kg.model import (COMMUNITY, COOCCURS, COUNTRY, COUNTY, ESTATE, HOLDS_POST, IMPLEMENTS, LOCATED_IN, MEMBER_OF,
                      ORGANIZATION, PERSON, PROVINCE, TOWNSHIP, VILLAGE,
                      PLACE_LEVEL, PLACE_TYPES, PROGRAM, CleanDocument, Entity, Evidence, Mention, Relation)


# Two-character ends of the names of branches, units and firms that a post names them by
# (分局局长 after …生态环境局礼泉分局, 公司总经理 after …有限公司), where 党委 or 政府 would name any body.
_UNIT_ENDS = ("分局", "支队", "大队", "中队", "分院", "支行", "分行", "医院", "法院", "中心", "公司", "集团")


def document_relations(cdoc: CleanDocument, mentions: list[Mention], key_of: dict[int, str],
                       entities: list[Entity], lex: Lexicon) -> list[Relation]:
    """All relations one document states, keyed by entity keys."""
    by_name: dict[tuple[str, str], str] = {}
    for idx, m in enumerate(mentions):
        by_name.setdefault((m.type, m.name), key_of[idx])
        by_name.setdefault(("*", m.name), key_of[idx])
    found: dict[tuple, Relation] = {}

    def add(kind: str, head: str, tail: str, m: Mention, body: str = "") -> None:
        if not head or not tail or head == tail:
            return
        rel = found.get((kind, head, tail, body))
        if rel is None:
            rel = found[(kind, head, tail, body)] = Relation(kind, head, tail, body=body)
        if not any(e.sentence == m.sentence for e in rel.evidence):
            s = cdoc.sentences[m.sentence]
            rel.evidence.append(Evidence(cdoc.document.id, m.sentence, m.start, m.end, s.text))
        rel.count = len(rel.evidence)

    def org_key(name: str) -> str:
        return by_name.get((ORGANIZATION, name), "")

    ending = {m.end: idx for idx, m in enumerate(mentions) if m.type in PLACE_TYPES}
    colleague: tuple[Mention, list[tuple[str, str]]] | None = None   # the last person and their posts' bodies
    for idx, m in enumerate(mentions):
        key = key_of[idx]
        if m.type == PERSON:
            before = ""
            held: list[tuple[str, str]] = []
            for post in m.posts:
                named = _resolve_body(post.body, mentions, m, org_key) or \
                    _named_before(post.label, mentions, m, org_key, _titles(lex), lex.party_units) or \
                    (_party_parent(before, by_name, lex.party_units) if before else "")
                body = named or _deputys_body(cdoc, m, post.label, colleague)
                add(HOLDS_POST, key, post.label, m, body=body)
                if named:   # memberOf where a post names its body; a deputy's (副院长) names none
                    add(MEMBER_OF, key, named, m)
                before = body
                held.append((post.label, body))
            colleague = (m, held)
            if m.member_of:
                add(MEMBER_OF, key, _resolve_body(m.member_of, mentions, m, org_key), m)
        elif m.type in PLACE_TYPES and m.parent:
            add(LOCATED_IN, key, by_name.get(("*", m.parent), ""), m)
        elif m.type in PLACE_TYPES and (outer := _written_right_before(m, mentions, ending)) is not None:
            add(LOCATED_IN, key, key_of[outer], m)
        elif m.type == ORGANIZATION and m.located:
            add(LOCATED_IN, key, by_name.get(("*", m.located), ""), m)
    _stated_locations(cdoc, mentions, key_of, add)
    _bodies_in_places(mentions, key_of, by_name, add)
    _hierarchy(mentions, key_of, entities, lex, add)
    _zones_of_named_places(mentions, key_of, found, lex, add)
    _listed_after_an_address(cdoc, mentions, key_of, found, add)
    _story_containers(mentions, key_of, found, add)
    _nearest_containers(found)
    _implements(cdoc, mentions, key_of, lex, add, _bodies_of_people(found))
    for rel in _cooccurrences(cdoc, mentions, key_of):
        found[(rel.kind, rel.head, rel.tail, "")] = rel
    return sorted(found.values(), key=lambda r: (r.kind, r.head, r.tail, r.body))


def _written_right_before(m: Mention, mentions: list[Mention], ending: dict[int, int]) -> int | None:
    """潍坊高新区清池街道: a place of a higher level written right before another is its container, as an
    address is written, though the official list puts the township under another county."""
    outer = ending.get(m.start)
    if outer is None or mentions[outer].sentence != m.sentence or mentions[outer].type == COUNTRY:
        return None   # a country's places are placed by the list of the world's cities
    return outer if PLACE_LEVEL[mentions[outer].type] < PLACE_LEVEL[m.type] else None


def _deputys_body(cdoc: CleanDocument, person: Mention, label: str,
                  colleague: tuple[Mention, list[tuple[str, str]]] | None) -> str:
    """勉县人民医院院长王磊、副院长李静: a deputy listed right after the head holds the post in the head's body."""
    if colleague is None or not label.startswith("副") or len(label) < 3:
        return ""
    head, held = colleague
    # Mentions' offsets are into the document's text (what lies between, without the spaces OCR left).
    between = "".join(cdoc.document.text[head.end:person.start].split()) if head.sentence == person.sentence else ""
    if between not in ("、" + label, "，" + label, "," + label):
        return ""
    return next((body for held_label, body in held if body and held_label.endswith(label[1:])), "")


def _resolve_body(name: str, mentions: list[Mention], person: Mention, org_key) -> str:
    """The key of a body named in a post, as resolved in this document (市委 → 运城市委)."""
    if not name:
        return ""
    key = org_key(name)
    if key:
        return key
    for m in mentions:
        if m.type == ORGANIZATION and m.alias == name and m.sentence == person.sentence:
            return org_key(m.name)
    return ""


def _named_before(label: str, mentions: list[Mention], person: Mention, org_key, titles: Vocabulary,
                  party_units: tuple[str, ...]) -> str:
    """The key of the body a post names by the end of its name alone (文化馆馆长 after 修水县文化馆).

    The body is the latest one the story named before the person whose name
    ends in the words that open the post, a title making up the rest; a
    party unit in that rest (文化馆党支部书记) is another body, not this one.
    """
    for m in reversed([x for x in mentions if x.type == ORGANIZATION and x.end <= person.start]):
        shortest = THRESHOLDS.min_bare_unit if m.name.endswith(_UNIT_ENDS) else THRESHOLDS.min_bare_body
        for k in range(len(m.name) - 1, shortest - 1, -1):
            rest = label[k:]
            if label.startswith(m.name[-k:]) and rest in titles and not rest.startswith(party_units):
                return org_key(m.name)
    return ""


def _party_parent(body_key: str, by_name: dict, party_units: tuple[str, ...]) -> str:
    """The body a party unit is set up in (住建局党委 → 住建局), when the document names it.

    A post with no body of its own after a post in a party unit is held in
    that unit's body (市住建局党委委员、总工程师: the chief engineer of 住建局);
    memberOf goes to the most specific body each post names, not to both.
    """
    name = body_key.split(":", 1)[1].split("@", 1)[0]   # a bare body's key names its story after @
    for unit in party_units:
        if name.endswith(unit) and len(name) > len(unit):
            return by_name.get((ORGANIZATION, name[: -len(unit)]), "")
    return ""


_LOCATED_VERBS = ("位于", "地处", "坐落于", "坐落在", "地处于")


def _bodies_in_places(mentions, key_of, by_name, add) -> None:
    """洪洲派出所 of 洪洲乡: a station named by its township's stem lies in that township.

    A body whose name carries its place (运城市委, 福安市…有限公司, 浙江一百岁集团) is not said to lie
    in it: the name already says so, and a second claim would count it twice.
    """
    stems = _township_stems(mentions)
    for idx, m in enumerate(mentions):
        if m.type == ORGANIZATION and m.place and _named_by_its_townships_stem(m.name, m.place):
            add(LOCATED_IN, key_of[idx], by_name.get(("*", m.place), ""), m)
        elif m.type == ORGANIZATION and not m.place and m.name.endswith(OWN_NAMED_STATIONS):
            township = next((t for stem, t in stems if m.name.startswith(stem) and
                             _a_station_of_its_own(m.name[len(stem):])), None)
            if township is not None:   # 博鳌派出所 in a story that names 博鳌镇 anywhere
                add(LOCATED_IN, key_of[idx], by_name.get(("*", township), ""), m)


def _township_stems(mentions) -> list[tuple[str, str]]:
    """The stems of the townships a story names (博鳌 of 博鳌镇) that stand for one township only, longest first."""
    by_stem: dict[str, set[str]] = defaultdict(set)
    for name in {m.name for m in mentions if m.type == TOWNSHIP}:
        if stem := township_stem(name):
            by_stem[stem].add(name)
    return sorted(((stem, next(iter(ts))) for stem, ts in by_stem.items() if len(ts) == 1),
                  key=lambda st: (-len(st[0]), st[0]))


# What may stand between a township's stem and the kind of its station (振江边境派出所, 新华中心卫生院).
_STATION_KINDS = ("边境", "中心", "")


def _a_station_of_its_own(rest: str) -> bool:
    """派出所 of 博鳌派出所, 边境派出所 of 振江边境派出所: the kind of station a township names, nothing else
    (新华路派出所 is named by a road)."""
    return any(rest.startswith(kind) and rest[len(kind):] in OWN_NAMED_STATIONS for kind in _STATION_KINDS)


def _named_by_its_townships_stem(name: str, place: str) -> bool:
    stem = township_stem(place)
    return bool(stem) and name.startswith(stem) and not name.startswith(place)


def _story_containers(mentions, key_of, found: dict, add) -> None:
    """A village, community or estate with no container in the text lies in the story's only township;
    a township, in its only county. Two places of the official list are left to it: a township it gives
    with its code lies in another county than the story's only one when the list says so."""
    located = {head for (kind, head, _, _) in found if kind == LOCATED_IN}
    by_type: dict[str, set[str]] = defaultdict(set)
    coded = {key_of[idx] for idx, m in enumerate(mentions) if m.code}
    for idx, m in enumerate(mentions):
        by_type[m.type].add(key_of[idx])
    for inner, outer in ((VILLAGE, TOWNSHIP), (COMMUNITY, TOWNSHIP), (ESTATE, COMMUNITY), (TOWNSHIP, COUNTY)):
        if len(by_type[outer]) != 1:
            continue
        container = next(iter(by_type[outer]))
        for idx, m in enumerate(mentions):
            if m.type == inner and key_of[idx] not in located and not {key_of[idx], container} <= coded:
                add(LOCATED_IN, key_of[idx], container, m)
                located.add(key_of[idx])


_CLAUSE_BREAK = re.compile("[,，;；。:：!！?？]")


def _listed_after_an_address(cdoc: CleanDocument, mentions, key_of, found: dict, add) -> None:
    """来安县城南街道桂园社区…、城北街道金桥社区…: a township or community listed after an item that opens
    with its county's address in the same run of the list (no clause break between), and placed by nothing
    else, lies in that county."""
    text = cdoc.document.text
    located = {head for (kind, head, _, _) in found if kind == LOCATED_IN}
    county: int | None = None
    for idx, m in enumerate(mentions):
        if county is not None and (mentions[county].sentence != m.sentence or m.type == COUNTY):
            county = None
        if m.type == COUNTY and idx + 1 < len(mentions) and mentions[idx + 1].start == m.end and \
                mentions[idx + 1].type in (TOWNSHIP, COMMUNITY, VILLAGE):
            county = idx   # an address opens with it (来安县城南街道)
        elif county is not None and m.type in (TOWNSHIP, COMMUNITY, VILLAGE) and key_of[idx] not in located and \
                text[:m.start].rstrip().endswith("、") and not _CLAUSE_BREAK.search(text, mentions[county].end, m.start):
            add(LOCATED_IN, key_of[idx], key_of[county], m)
            located.add(key_of[idx])


def _nearest_containers(found: dict) -> None:
    """Only the nearest container of a place or body: 石门村 in 桥头镇 in 密云区 drops 石门村 in 密云区,
    which the chain already says (a transitive reduction, so no containment is lost)."""
    inside: dict[str, set[str]] = defaultdict(set)
    for kind, head, tail, _ in found:
        if kind == LOCATED_IN:
            inside[head].add(tail)
    for head, tails in inside.items():
        for tail in tails:
            if any(other != tail and tail in _containers_of(other, inside, {head}) for other in tails):
                del found[(LOCATED_IN, head, tail, "")]


def _containers_of(place: str, inside: dict[str, set[str]], seen: set[str]) -> set[str]:
    """Every container of ``place`` along the locatedIn chain (cycles cut by ``seen``)."""
    out: set[str] = set()
    for tail in inside.get(place, ()):
        if tail not in seen:
            out.add(tail)
            out |= _containers_of(tail, inside, seen | {place})
    return out


def _stated_locations(cdoc: CleanDocument, mentions, key_of, add) -> None:
    """阳光花园小区位于迎泽区柳巷街道: the sentence says where a place or body is."""
    text = cdoc.document.text
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].sentence, mentions[i].start))
    for a, b in zip(order, order[1:]):
        ma, mb = mentions[a], mentions[b]
        if ma.sentence != mb.sentence or mb.type not in PLACE_TYPES or ma.type not in PLACE_TYPES + (ORGANIZATION,):
            continue
        if "".join(text[ma.end:mb.start].split()) in _LOCATED_VERBS:
            # The place named last in an address chain is the nearest container.
            last = b
            for c in order[order.index(b) + 1:]:
                mc = mentions[c]
                if mc.sentence != mb.sentence or mc.type not in PLACE_TYPES or text[mentions[last].end:mc.start].strip():
                    break
                last = c
            add(LOCATED_IN, key_of[a], key_of[last], ma)


def _hierarchy(mentions, key_of, entities: list[Entity], lex: Lexicon, add) -> None:
    """locatedIn from the official list, to the nearest ancestor this document names."""
    by_code = {e.code: e.key for e in entities if e.code}
    first: dict[str, Mention] = {}
    for idx, m in enumerate(mentions):
        first.setdefault(key_of[idx], m)
    for e in entities:
        if not e.code:
            continue
        for d in lex.ancestors(e.code):
            if d.code in by_code:
                add(LOCATED_IN, e.key, by_code[d.code], first[e.key])
                break


def _zones_of_named_places(mentions, key_of, found: dict, lex: Lexicon, add) -> None:
    """平阴经济开发区, 莘庄工业区: a zone the official list does not hold, placed by nothing else, lies in
    the division its name opens with (平阴 of 平阴县), or, for a township's stem (莘庄 of 莘庄镇), in the
    nearest of its ancestors this document names."""
    located = {head for (kind, head, _, _) in found if kind == LOCATED_IN}
    coded = {m.code: key_of[idx] for idx, m in enumerate(mentions) if m.code}
    for idx, m in enumerate(mentions):
        if m.type == COUNTY and not m.code and key_of[idx] not in located:
            target = next(filter(None, (_named_division(d, coded, lex) for d in _opening_divisions(m.name, lex))), "")
            add(LOCATED_IN, key_of[idx], target, m)


def _opening_divisions(name: str, lex: Lexicon) -> list:
    """The divisions the longest opening of ``name`` stands for (in full, short or as a township's stem)."""
    for n in range(len(name) - 2, 1, -1):
        head = name[:n]
        found = list(lex.divisions_by_name.get(head, ())) + list(lex.division_short_names.get(head, ())) + \
            list(townships_by_stem(lex).get(head, ()))
        if found:
            return found
    return []


def _named_division(d, coded: dict[str, str], lex: Lexicon) -> str:
    """The key of ``d`` or of its nearest ancestor this document names, "" when it names neither."""
    return coded.get(d.code) or next((coded[a.code] for a in lex.ancestors(d.code) if a.code in coded), "")


def _named_in_it(program: Mention, items) -> str:
    """兰陵县第五届桃花旅游节, 中国·盱眙龙虾节: the place named inside the program's name holds it."""
    return next((k for m, k in items if m.type in PLACE_TYPES and m.type != COUNTRY and m.start >= program.start
                 and m.end < program.end), "")


def _bodies_of_people(found: dict) -> dict[str, str]:
    """Each person's first body, by the posts found so far."""
    bodies: dict[str, str] = {}
    for kind, head, _, body in found:
        if kind == HOLDS_POST and body:
            bodies.setdefault(head, body)
    return bodies


def _speakers(cdoc: CleanDocument, mentions, key_of) -> list[tuple[int, str]]:
    """(sentence, person) of each person a line of an interview gives the word to (徐立新:我们…)."""
    text = cdoc.document.text
    return [(m.sentence, key_of[idx]) for idx, m in enumerate(mentions)
            if m.type == PERSON and text[m.end:m.end + 2].lstrip(" ")[:1] in (":", "：")]


def _speakers_body(program: Mention, sentence_start: int, text: str, speakers, bodies: dict[str, str]) -> str:
    """我们实行了“三联”机制, in the words of the latest speaker: the body the speaker holds a post in."""
    if not any(w in text[sentence_start:program.start] for w in _WE):
        return ""
    latest = [person for s, person in speakers if s <= program.sentence]
    return bodies.get(latest[-1], "") if latest else ""


# How a speaker names the body or place they speak for (我们, 我镇).
_WE = ("我们", "我镇", "我乡", "我县", "我市", "我区", "我村", "我街道", "我社区")


def _implements(cdoc: CleanDocument, mentions, key_of, lex: Lexicon, add, bodies: dict[str, str]) -> None:
    """A program is implemented by the place or body that acts in its sentence, else by the one the story is about.

    The actor is the nearest place or body before the program that is not part
    of a person's title (市纪委常务副书记周文斌 makes 周文斌 the subject); a
    sentence without one takes the actor of the sentence before it in the
    same paragraph; a program no sentence gives an actor is the place's the
    article names most.
    """
    by_sentence: dict[int, list[tuple[Mention, str]]] = defaultdict(list)
    for idx, m in enumerate(mentions):
        by_sentence[m.sentence].append((m, key_of[idx]))
    text = cdoc.document.text
    posts = _titles(lex)
    persons_titles = tuple(lex.honours["person"])   # 全国优秀县委书记: a person's honour, carried out by no one
    home = _home_place(mentions, key_of)
    last: tuple[int, str, int] | None = None   # paragraph, actor, start of its sentence
    speakers = _speakers(cdoc, mentions, key_of)
    unplaced: dict[str, Mention] = {}   # programs named where no one acts, by key: the home place's, failing all else
    acted: set[str] = set()
    for s_index in sorted(by_sentence):
        items = by_sentence[s_index]
        actors = _actors(items, text, posts, lex.party_units)
        paragraph = cdoc.sentences[s_index].paragraph
        for pm, pk in (x for x in items if x[0].type == PROGRAM and not x[0].name.endswith(persons_titles)):
            actor = _place_referred_to(pm, actors, cdoc.sentences[s_index].start, text, mentions, key_of) \
                or _actor(pm, actors, text, lex.implement_verbs, last if last and last[0] == paragraph else None) \
                or _speakers_body(pm, cdoc.sentences[s_index].start, text, speakers, bodies) \
                or _named_in_it(pm, items) or None
            if actor:
                add(IMPLEMENTS, actor, pk, pm)
                acted.add(pk)
            elif not actors:
                unplaced.setdefault(pk, pm)
        if actors:
            last = (paragraph, actors[0][1], cdoc.sentences[s_index].start)
    for pk, pm in unplaced.items():
        if home and pk not in acted:
            add(IMPLEMENTS, home, pk, pm)


def _actor(program: Mention, actors, text: str, verbs, last) -> str | None:
    """The nearest actor before the program in its sentence; else the actor of the sentence before, when
    a verb of carrying out comes before the program (城庄镇党委政府积极响应…。快速行动,打造“五步走”)."""
    before = [k for m, k in actors if m.end <= program.start]
    if before:
        return before[-1]
    if last is None:
        return None
    near = text[last[2]:program.start]
    return last[1] if any(v in near for v in verbs) else None


def _place_referred_to(program: Mention, actors, sentence_start: int, text: str, mentions, key_of) -> str | None:
    """该村依托“飞地抱团”, 我县推行…: a word that refers to a place of a level (该村, 我县, 全镇, 村里), written
    after every actor of the sentence and before the program, names the actor: the last place of that
    level named before it."""
    after = max([m.end for m, _ in actors if m.end <= program.start], default=sentence_start)
    found = _REFERRING_PLACE.search(text, after, program.start)
    if found is None or text[found.start() - 1:found.start() + 1] in ("在全", "于全"):
        return None   # 在全市推行: the whole city is where the program goes, not who carries it out
    level = found.group(1) or found.group(2) or found.group(3)
    named = [key_of[i] for i, m in enumerate(mentions)
             if m.type in PLACE_TYPES and m.end <= found.start() and m.name.endswith(level) and len(m.name) > len(level)]
    return named[-1] if named else None


# 该村, 我县, 本街道, 全镇, 村里, …,社区将, 。社区以: a word that points at a place of a level the story has named.
_REFERRING_PLACE = re.compile("(?:该|我|本|全)(社区|街道|苏木|嘎查|村|镇|乡|县|区|市|旗)|(村|镇|乡|县|市)里"
                              "|(?<=[,，;；:：。!！?？\n])(社区|街道)(?=将|要|还|已|也|先后|积极|持续|不断|通过|坚持|以|依托"
                              "|围绕|聚焦|推行|打造|实施|探索|创新|立足)")


def _actors(items, text: str, posts: Vocabulary, party_units: tuple[str, ...]) -> list[tuple[Mention, str]]:
    """Places and bodies of a sentence that can act; an address chain (晋城市泽州县巴公镇) acts as its last link."""
    found = []
    programs = [m for m, _ in items if m.type == PROGRAM]
    named_inside = [(m, k) for m, k in items
                    if any(p.start <= m.start and m.end <= p.end and (p.start, p.end) != (m.start, m.end) for p in programs)]
    for chain in _chains([x for x in items if x not in named_inside], text):
        m, k = chain[-1]
        if m.source == "media":
            continue   # an outlet reports a program; it carries none out
        after = "".join(text[m.end:m.end + 30].split())
        title = posts.starts_at(after, 0)
        if (title is not None and not _speaks_for_it(after[len(title):], posts)) or after.startswith("讯"):
            continue   # the chain names a person's body (市纪委常务副书记周文斌), or a byline
        if after.startswith(_FIRSTS):
            continue   # 创建河北省首个示范县: the place is where the county ranks first, not who acts
        opening = text[max(0, chain[0][0].start - 4):chain[0][0].start].rstrip(" “\"「『")
        if opening.endswith(("除", _PASSIVE, *_FOUNDING_VERBS, *_OBJECT_PREPOSITIONS, *_LOCATIVES, *_LEARNING_VERBS,
                             *_DESIGNATIONS)):
            continue   # 除光明村外, 被省移民办命名为, 组建“红马甲”志愿服务队, 对石桥村, 推广梅溪镇经验, 评为广东省“…”: not who acts
        if _gives_the_directive(text, chain[0][0].start):
            continue   # 凤台县根据省委安排: the county acts, the city's committee only directs
        found.append(_unit_for_its_body(m, k, items, party_units) if title is not None else (m, k))
    return found


def _unit_for_its_body(m: Mention, k: str, items, party_units: tuple[str, ...]) -> tuple[Mention, str]:
    """区司法局党组书记、局长钱国良说, 将…: who speaks for a party unit speaks for the body it is set up in,
    when the story names that body within the unit's name."""
    unit = next((u for u in party_units if m.name.endswith(u) and len(m.name) > len(u)), None)
    if unit is None:
        return m, k
    body = next(((b, bk) for b, bk in items if b.type == ORGANIZATION and b.start == m.start
                 and b.end == m.end - len(unit)), None)
    return body or (m, k)


def _chains(items, text: str) -> list[list[tuple[Mention, str]]]:
    """The outermost places and bodies of a sentence, in runs written without a gap between them."""
    spans = sorted(((m, k) for m, k in items if m.type in PLACE_TYPES or m.type == ORGANIZATION),
                   key=lambda x: (x[0].start, -x[0].end))
    chains: list[list[tuple[Mention, str]]] = []
    reach = -1
    for m, k in spans:
        if m.end <= reach:
            continue   # nested in the span before it
        reach = m.end
        if chains and not text[chains[-1][-1][0].end:m.start].strip():
            chains[-1].append((m, k))
        else:
            chains.append([(m, k)])
    return chains


def _home_place(mentions, key_of) -> str:
    """The place below the province level the article names most (first named on a tie), or the body it
    names more often still: a story about a police station or a court is the story of that body. A
    township, village or community named half as often as that place is the story's place: a story of
    a village names its county in the address of every body."""
    places = _most_named(mentions, key_of, lambda m: m.type in PLACE_TYPES and m.type not in (COUNTRY, PROVINCE))
    local = _most_named(mentions, key_of, lambda m: m.type in (TOWNSHIP, VILLAGE, COMMUNITY, ESTATE))
    inner = _inside_another_body(mentions)
    bodies = _most_named(mentions, key_of, lambda m: m.type == ORGANIZATION and m.source != "media" and
                         id(m) not in inner)
    if local[0] and local[1] * 2 >= places[1]:
        places = local
    return bodies[0] if bodies[0] and bodies[1] > places[1] else places[0]


def _inside_another_body(mentions) -> set[int]:
    """The ids of the bodies written inside a longer body's name (市委 of 市委直属机关工委): the longer is the one
    named there."""
    spans: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type == ORGANIZATION:
            spans[m.sentence].append(m)
    return {id(m) for found in spans.values() for m in found
            if any(o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   for o in found)}


def _most_named(mentions, key_of, kind) -> tuple[str, int]:
    """The key of the entity of a kind the article names most (first named on a tie), and how often."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for idx, m in enumerate(mentions):
        if kind(m):
            counts[key_of[idx]] = counts.get(key_of[idx], 0) + 1
            first.setdefault(key_of[idx], idx)
    best = max(counts, key=lambda k: (counts[k], -first[k]), default="")
    return best, counts.get(best, 0)


def _speaks_for_it(after_title: str, posts: Vocabulary) -> bool:
    """检察长吴静表示, 将…推进“枫桥经验”: the official named after the body's title speaks for it, and
    the body is the one that acts."""
    while after_title[:1] == "、":   # 党组书记、局长钱国良说: the posts listed after the first one
        after_title = after_title[1:]
        title = posts.starts_at(after_title, 0)
        after_title = after_title[len(title):] if title else after_title
    spoken = next((n + len(w) for n in (2, 3, 4) for w in _SPEAKING if after_title.startswith(w, n)), None)
    if spoken is None:
        return False
    # …表示,该街道将… or 街道将…: the official speaks of the place, which is the one that acts.
    said = after_title[spoken:spoken + 8].lstrip(",，:：“")
    # 该院将… (the court) is the body speaking; 该街道将… is the place.
    return not said.startswith(_PLACE_SPOKEN_OF) and not _REFERRING_PLACE.search(said)


# How an official names the place they speak of (街道将, 全县; 该街道 by _REFERRING_PLACE).
_PLACE_SPOKEN_OF = ("全", "街道", "社区", "镇", "乡", "县", "市", "区", "村")


# Verbs of an official speaking for their body.
_SPEAKING = ("表示", "介绍", "说", "指出", "强调")


def _gives_the_directive(text: str, start: int) -> bool:
    """The place or body at ``start`` stands after 按照, 围绕 … in its clause: the one whose plans are
    followed (按照省委、市委部署), not the one that carries the program out."""
    clause = _clause_start(text, start)
    return any(word in text[clause:start] for word in _DIRECTIVE_PREPOSITIONS)


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding ``start`` begins: after the last clause end before it, else 0.

    Read back from ``start``: the clause end is near, where a search for each mark may run through the whole story.
    """
    k = min(start, len(text)) - 1
    while k >= 0 and text[k] not in _CLAUSE_ENDS:
        k -= 1
    return k + 1


_CLAUSE_ENDS = ",，;；。!！?？:："
# Prepositions after which a body's plans or orders are named (按照市委部署, 围绕省委要求).
_DIRECTIVE_PREPOSITIONS = ("按照", "围绕", "根据", "遵照", "依照", "贯彻", "响应")

# Prepositions whose object is whom a program is carried out for or on (对石桥村, 向企业), not who acts.
_OBJECT_PREPOSITIONS = ("对", "向", "给", "帮助", "帮扶", "指导")

# The mark of the passive (该村被省移民办命名为…): its agent awards or lists; the one it is done to acts.
_PASSIVE = "被"

# Prepositions of where something is done (在荻港村举办): the place they name is not who does it.
_LOCATIVES = ("在", "于")

# Verbs of learning from a place or body (推广梅溪镇经验, 借鉴浙江做法): the one learned from is not who acts.
_LEARNING_VERBS = ("推广", "借鉴", "学习", "复制", "总结")

# Verbs that give a title (被评为广东省“民主法治示范社区”): the place after them is the title's scope,
# the one named before them holds it.
_DESIGNATIONS = ("评为", "命名为", "列为", "授予", "入选", "获评")

# Words of a first or an only one within a place (河北省首个, 全省唯一): the place is the ranking's scope.
_FIRSTS = ("首个", "首批", "首家", "首座", "第一个", "第一批", "唯一")

# Verbs whose object is a body the subject sets up or brings in.
_FOUNDING_VERBS = ("组建", "成立", "建立", "设立", "组织", "引入", "引进", "邀请")


@functools.lru_cache(maxsize=4)
def _titles(lex: Lexicon) -> Vocabulary:
    return Vocabulary(lex.posts)


def _cooccurrences(cdoc: CleanDocument, mentions, key_of) -> list[Relation]:
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for idx, m in enumerate(mentions):
        by_sentence[m.sentence].add(key_of[idx])
    pairs: dict[tuple[str, str], Relation] = {}
    for s_index in sorted(by_sentence):
        keys = sorted(by_sentence[s_index])
        s = cdoc.sentences[s_index]
        for a, b in combinations(keys, 2):
            rel = pairs.get((a, b))
            if rel is None:
                rel = pairs[(a, b)] = Relation(COOCCURS, a, b)
                # One sentence per document is kept as evidence; the count has them all.
                rel.evidence.append(Evidence(cdoc.document.id, s_index, s.start, s.end, s.text))
            rel.count += 1
    return list(pairs.values())


def merge_relations(per_doc: list[list[Relation]], folded: dict[str, str],
                    entities: dict[str, Entity], sentence_total: int, lex: Lexicon) -> list[Relation]:
    """Combine the relations of all documents, add the corpus-wide hierarchy and PMI."""
    merged: dict[tuple, Relation] = {}
    for rels in per_doc:
        for r in rels:
            head = folded.get(r.head, r.head)
            tail = r.tail if r.kind == HOLDS_POST else folded.get(r.tail, r.tail)
            body = folded.get(r.body, r.body)
            if r.kind == COOCCURS and head > tail:
                head, tail = tail, head
            if head == tail:
                continue
            key = (r.kind, head, tail, body)
            cur = merged.get(key)
            if cur is None:
                cur = merged[key] = Relation(r.kind, head, tail, body=body)
            cur.evidence.extend(r.evidence)
            cur.count += r.count
    for rel in merged.values():
        # An article read twice (a part of a huge file, a repeated paragraph) gives the same evidence twice.
        rel.evidence = sorted(set(rel.evidence), key=lambda e: (e.doc_id, e.sentence, e.start, e.end, e.text))
    _corpus_hierarchy(entities, merged, lex)
    _add_pmi(merged, entities, sentence_total)
    return sorted(merged.values(), key=lambda r: (r.kind, r.head, r.tail, r.body))


def _corpus_hierarchy(entities: dict[str, Entity], merged: dict, lex: Lexicon) -> None:
    """A division with no parent in its own articles links to the nearest ancestor the corpus names."""
    by_code = {e.code: k for k, e in entities.items() if e.code}
    has_parent = {r.head for (kind, *_), r in merged.items() if kind == LOCATED_IN}
    for key, e in sorted(entities.items()):
        if not e.code or key in has_parent:
            continue
        for d in lex.ancestors(e.code):
            if d.code in by_code:
                m = e.mentions[0]
                rel = Relation(LOCATED_IN, key, by_code[d.code])
                rel.evidence.append(Evidence(m.doc_id, m.sentence, m.start, m.end, ""))
                rel.count = 1
                merged[(LOCATED_IN, key, by_code[d.code], "")] = rel
                break


def _add_pmi(merged: dict, entities: dict[str, Entity], sentence_total: int) -> None:
    sentences_of = {k: len({(m.doc_id, m.sentence) for m in e.mentions}) for k, e in entities.items()}
    n = max(sentence_total, 1)
    for (kind, head, tail, _), r in merged.items():
        if kind != COOCCURS:
            continue
        ca, cb = sentences_of.get(head, 0), sentences_of.get(tail, 0)
        if ca and cb and r.count:
            r.pmi = math.log2(r.count * n / (ca * cb))

