"""The filter chain: named rules that reject a candidate, each with its reason and thresholds.

A rule is a small test on one candidate in its sentence; it says True to
reject. Rules apply to the kinds they name, in the order of :data:`CHAIN`,
and the first that rejects a candidate is the one recorded. Every
threshold is a field of :class:`Thresholds`, never a number inside a rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kg.extract.base import (TERM_AT_THE_END, DETERMINERS, QUANTIFIERS, FUNCTION_CHARS, LEVEL_PREFIXES, MISSION_SUFFIXES, PUNCT, QUOTE_CHARS, QUOTES, is_familys_hamlet,
                             word_info)
from kg.extract.boundary import OPENING_CHARS, opens_no_name
from kg.extract.candidate import COINED_OPENING, LISTED, Candidate
from kg.extract.context import Scope
from kg.extract.thresholds import THRESHOLDS, Thresholds
from kg.model import (CITY, COMMUNITY, COUNTRY, COUNTY, ESTATE, ORGANIZATION, PERSON, PLACE_TYPES, PROGRAM, TOWNSHIP,
                      VILLAGE)
from kg.text import is_cjk

__all__ = ["Thresholds", "Rule", "Rejection", "CHAIN", "apply_chain", "THRESHOLDS"]


@dataclass(frozen=True)
class Rejection:
    candidate: Candidate
    rule: str
    reason: str


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    kinds: frozenset[str]
    test: Callable[[Candidate, Scope, Thresholds], bool] = field(repr=False)

    def rejects(self, c: Candidate, scope: Scope, t: Thresholds) -> bool:
        return c.type in self.kinds and self.test(c, scope, t)


def apply_chain(candidates: Iterable[Candidate], scope: Scope, chain: tuple[Rule, ...] | None = None,
                thresholds: Thresholds = THRESHOLDS) -> tuple[list[Candidate], list[Rejection]]:
    """The candidates no rule rejects, and a record of each rejection."""
    kept: list[Candidate] = []
    rejected: list[Rejection] = []
    for c in candidates:
        # The shipped chain is looked up by kind: of twenty rules, a candidate meets a few.
        rules = _CHAIN_BY_KIND.get(c.type) if chain is None else None
        if rules is not None:
            rule = _first_to_reject(rules, c, scope, thresholds)
        else:
            rule = next((r for r in (chain or CHAIN) if r.rejects(c, scope, thresholds)), None)
        if rule is None:
            kept.append(c)
        else:
            rejected.append(Rejection(c, rule.name, rule.reason))
    return kept, rejected


def _first_to_reject(rules: tuple[Rule, ...], c: Candidate, scope: Scope, t: Thresholds) -> Rule | None:
    """The first of the rules of ``c``'s kind whose test rejects it."""
    for rule in rules:
        if rule.test(c, scope, t):
            return rule
    return None


def _common(word: str, t: Thresholds, limit: int | None = None) -> bool:
    info = word_info(word)
    return bool(info and info[0] >= (limit or t.common_word) and not info[1].startswith(("nr", "ns", "nt", "nz")))


# --------------------------------------------------------------------------- every kind

def _bad_length(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return len(c.name) < t.min_name or (c.type == ORGANIZATION and len(c.name) > t.max_body)


# The generators whose candidates start where the boundary scanner said.
_SCANNED = frozenset({"place-suffix", "body-suffix", "cued"})


def _opening_vouched_for(c: Candidate, s: Scope) -> bool:
    """What a candidate opens with, a clause's word or not, is bounded or vouched for otherwise."""
    if c.type in PLACE_TYPES:
        # the place before it (城南街道站北社区) or the list (金桂社区、安康苑社区) bounds the name;
        # 扎哈斯台嘎查 is written by sound, whatever the segmenter reads its first character as
        # 接官亭村 opens with a word the tagger coined (kg.extract.places._coined_verb_opening)
        return bool(c.parent or LISTED in c.signals or COINED_OPENING in c.signals) or \
            c.name.endswith(tuple(s.lex.sound_place_suffixes))
    if c.type == ORGANIZATION:
        # 根山村党支部 opens with a place read whole, which no clause word begins; 脱贫攻坚工作队 is a
        # team named by its task, whose verb opens the name
        # 嘎查/v 党支部: a bare body opens with its level, whatever the tagger reads the level as
        return bool(s.found.starting_at(c.start, PLACE_TYPES)) or bool(c.level and c.name.startswith(c.level)) or (
            c.name.endswith(MISSION_SUFFIXES) and c.name[:2] in s.lex.body_name_verbs)
    # 开展扫黑除恶专项斗争: the verb that carries it out stands before; the name opens after it
    return c.type == PROGRAM and s.res.implement_verbs.ends_at(s.text, c.start) is not None


def _opens_a_clause(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """What the boundary scanner cuts off a name's start (任命, 时任, 经, 了) must not open a candidate either."""
    if c.source not in _SCANNED or _opening_vouched_for(c, s):
        return False
    shape = s.res.place_shape if c.type in PLACE_TYPES else (
        s.res.program_shape if c.type == PROGRAM else s.res.body_shape)
    return c.start < len(s.text) and opens_no_name(s.view, c.start, c.end, shape) > 0


def _no_chinese(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return not any(is_cjk(ch) for ch in c.name) and not (c.source == "quoted" and _FORMULA.fullmatch(c.name))


# “1+1+N”, “1+6”: a quoted formula of counts names the program's parts (one secretary, one warden, N volunteers).
_FORMULA = re.compile(r"[0-9]{1,3}(?:\+(?:[0-9]{1,3}|N|n|X|x))+")


# --------------------------------------------------------------------------- people

def _inside_a_work_title(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """《高怀德》, 《姜太公落山》: a name that opens the title of a work names the work (a decision
    about someone, 《…关于陈战书同志…的决定》, still names that person)."""
    if not (c.start > 0 and s.text[c.start - 1] == "《" and s.text.find("》", c.end) >= 0):
        return False
    # 《毛泽东、邓小平、江泽民新闻宣传思想研究》: the title lists people, who are named.
    return not s.text.startswith(("、", "和", "与", "同志"), c.end)


def _inside_a_quoted_phrase(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“青溪红调委会”, “善治青溪版”: a name the tagger alone found, quoted with more words, is part of
    the quoted name or slogan."""
    return c.source == "tagged" and _quoted_with_more(c, s, clause=False)


def _a_quoted_motto(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """墙上有“和为贵”牌匾, 按照“明白卡”的要求: a name only the tagger or the characters of foreign names
    found, alone in quotes, is a motto, a slogan or a thing's name."""
    return c.source in ("tagged", "foreign-name") and 0 < c.start < c.end < len(s.text) and \
        s.text[c.start - 1] in QUOTES and s.text[c.end] == QUOTES.get(s.text[c.start - 1])


# Words for a park, a square, a bridge or a stretch of water named after the word before them
# (温榆河公园, 人民广场): the name before them is the place's, not a person's.
_FACILITIES = ("公园", "广场", "大桥", "水库", "湿地", "大道", "流域", "河畔", "沿岸")


def _a_facilitys_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """调研温榆河公园: a name only the tagger found, right before a word for a facility, names the place."""
    return c.source == "tagged" and s.text.startswith(_FACILITIES, c.end)


def _quoted_with_more(c: Candidate, s: Scope, clause: bool) -> bool:
    """The candidate stands inside a quotation that holds more than it (a clause of several parts too,
    when ``clause``)."""
    quotation = _quotation_around(c, s)
    if quotation is None:
        return False
    opening, closing = quotation
    return (opening + 1, closing) != (c.start, c.end) and \
        (clause or not any(ch in _CLAUSE_BREAKS for ch in s.text[opening + 1:closing]))


def _quotation_around(c: Candidate, s: Scope) -> tuple[int, int] | None:
    """Where the quotation holding the candidate opens and closes (its marks' offsets), or None; a book
    title's marks are not a quotation (rule opens-a-work-title reads those)."""
    opening = max(s.text.rfind(q, 0, c.start) for q in QUOTES if q != "《")
    if opening < 0:
        return None
    closing = s.text.find(QUOTES[s.text[opening]], opening + 1)
    return (opening, closing) if closing >= c.end else None


# A quotation that holds these is speech, not a name.
_CLAUSE_BREAKS = frozenset(",，。;；!！?？:：")


def _a_role_for_a_given_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """工作队员和党员代表: after a surname character (和, 与 …) a word for a kind of person (党员, 群众,
    书记) is no given name; it is a conjunction and that word."""
    for surname in (c.name[:2], c.name[:1]):
        if surname in s.res.surnames and len(c.name) > len(surname):
            rest = c.name[len(surname):]
            return rest in s.lex.person_roles or rest in s.lex.posts
    return False


def _surname_read_as_a_function_word(c: Candidate, s: Scope) -> bool:
    """The tagger reads the name's first character alone, as a conjunction or preposition (和, 由)."""
    first = s.view.token(c.start)
    return first.start == c.start and first.end == c.start + 1 and first.flag in ("c", "p")


def _a_preposition_for_a_surname(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """总林长由同级党委…担任, 网格长由他来协调: a surname character the tagger reads alone as a preposition or
    conjunction (由, 和), before a given name it reads as an everyday word (同级) or that opens with a
    pronoun (他), opens a clause, not a name."""
    if len(c.name) != 3 or c.name[0] not in s.res.surnames or not _surname_read_as_a_function_word(c, s):
        return False
    rest = s.view.token(c.start + 1)
    if rest.start != c.start + 1:
        return False
    if rest.flag == "r" or rest.end < c.end or rest.flag.startswith("nr"):
        return rest.flag == "r"
    if s.view.ending_at("titles", c.start) is not None:
        # 队长于/p 建军/n: right after a title a given name may be a word, one news does not use much;
        # words of rank or time (由同级, 于近日) stay words.
        return rest.flag in ("b", "t") or _common(rest.text, t, t.word_after_a_title)
    return _common(rest.text, t)


def _the_end_of_a_word(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """真/d 金白银/nr, 嘎/o 查里/nrt: the name's first characters end a word that begins before it (真金白银,
    嘎查), so the name is the tagger's cut, not a person."""
    if c.start == 0 or not is_cjk(s.text[c.start - 1]):
        return False
    before = s.text[c.start - 1:c.start + 1]
    idiom = word_info(s.text[c.start - 1:c.end])
    # 真/d 金白银/nr: a name only the tagger read, whose surname closes an everyday word (真金) it cut.
    return before in s.res.place_suffix_type or bool(idiom and not idiom[1].startswith("nr")) or (
        c.source == "tagged" and _common(before, t))


def _a_conjunction_before_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """主任和/c 张春瑛/nr, 周院长和/c 熊/nr 院长: a surname character the tagger reads alone as a conjunction or
    preposition, before a name it reads as one, joins two people; it begins neither's name."""
    if not _surname_read_as_a_function_word(c, s) or c.start + 1 >= len(s.text):
        return False
    rest = s.view.token(c.start + 1)
    return rest.start == c.start + 1 and rest.flag.startswith("nr")


def _a_verb_of_saying_for_a_given_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """会见记者时表示: after a surname character (时), a verb of saying (表示) is no given name."""
    return any(c.name[n:] in s.lex.speech_verbs for n in (1, 2) if len(c.name) > n)


def _a_localizer_read_apart(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """李明华在贺电/vn 中/f 指出: the name's last character is a localizer of its own after a word the
    tagger reads whole inside the name."""
    last, first = s.view.token(c.end - 1), s.view.token(c.start)
    return last.start == c.end - 1 and last.end == c.end and last.flag == "f" and first.start == c.start and \
        len(first.text) >= 2 and first.end == c.end - 1 and not first.flag.startswith("nr")


def _a_time_for_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """部长周二/t 晚/tg 表示: the tagger reads the name as words of time."""
    first = s.view.token(c.start)
    return first.start == c.start and first.flag == "t" and len(first.text) >= 2 and \
        all(tok.flag.startswith("t") for tok in s.view.tokens if c.start <= tok.start < c.end)


def _a_longer_word_cut(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """负责人和/c 人武部/n: the name ends inside a word of three characters or more that starts inside it."""
    tok = s.view.token(c.end - 1)
    return c.start < tok.start and tok.end > c.end and len(tok.text) >= 3 and word_info(tok.text) is not None


def _a_word_the_name_begins(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """县领导茅塞顿开: the tagger reads a dictionary word of four characters or more from the name's first
    character on past its end; the name is the start of that word, not a person's."""
    tok = s.view.token(c.start)
    if c.type != PERSON or tok.start != c.start or tok.end <= c.end or len(tok.text) < 4 or tok.flag.startswith("nr"):
        return False
    rest = tok.text[c.end - c.start:]
    # 毛泽东思想, 江泽民同志: a name and a word of its own after it make the longer word; the name stands
    # (but 齐聚 of 齐聚一堂 is no name the dictionary knows, though 一堂 is a word).
    named = word_info(c.name)
    return word_info(tok.text) is not None and not (
        len(rest) >= 2 and word_info(rest) is not None and (len(c.name) >= 3 or (named is not None and named[1].startswith("nr"))))


def _a_thing_filed_as_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """马头琴/nr, 马奶酒/nr, 安居房/nr: a word of three characters the dictionary files as a name, found by the
    tagger alone, whose surname and next character make an everyday word met far more often than the name
    (马头: 462, 马头琴: 23) names a thing."""
    if c.type != PERSON or c.source != "tagged" or len(c.name) != 3 or s.text[c.start:c.end] != c.name:
        return False
    whole, head = word_info(c.name), word_info(c.name[:2])
    # 范志红 (范志/n: 10, the name 88), 方志敏 (方志/n: 67, the name 44): a head met no more than the name is no thing's
    return whole is not None and whole[1].startswith("nr") and head is not None and head[1] in _EVERYDAY_FLAGS and \
        head[0] >= t.common_word and head[0] >= t.head_over_name * whole[0]


# The dictionary's flags of everyday words: nouns, verbs, adjectives (not names of people, places or bodies).
_EVERYDAY_FLAGS = frozenset({"n", "v", "vn", "a", "ad", "an", "d"})


def _a_function_word_for_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """以资源部长官为/p 团长, 干部任前/f 公示: a two-character name the tagger reads whole as a function word
    or a localizer."""
    tok = s.view.token(c.start)
    return len(c.name) == 2 and tok.start == c.start and tok.end == c.end and tok.flag in ("p", "c", "d", "u", "f")


def _the_verb_of_taking_a_post(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """县委书记任/r 省级/b 产业园区主任: 任 right after a title, read alone, before a word the tagger does not
    read as a name (省级/b, 设区/n; but 任/r 建华/nz), is the verb of taking the next post."""
    first, rest = s.view.token(c.start), s.view.token(c.start + 1) if c.end > c.start + 1 else None
    return c.name[0] == _TAKES_A_POST and first.start == c.start and first.end == c.start + 1 and \
        rest is not None and rest.start == c.start + 1 and rest.end == c.end and \
        not rest.flag.startswith(("nr", "nz")) and s.view.ending_at("titles", c.start) is not None


_TAKES_A_POST = "任"


def _surname_and_old(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """王老说, 李老: a surname and 老, how an elder is addressed with respect, name no one in full."""
    return len(c.name) == 2 and c.name[1] == _OLD and c.name[0] in s.res.surnames


_OLD = "老"


def _everyday_words_for_a_sounded_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """努力提高/nrt: a foreign name of four characters whose halves are everyday words (努力, 提高)."""
    if c.source != "foreign-name" or len(c.name) != 4:
        return False
    return all(_common(half, t) for half in (c.name[:2], c.name[2:]))


# Adverbs of degree that never begin a given name (水更清, 景更美: a slogan's "more").
_DEGREE_ADVERBS = frozenset("更很最较")


def _a_degree_in_a_given_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """山更绿、水更清、景更美: a surname character, an adverb of degree and an adjective make a slogan's
    clause, not a name."""
    return len(c.name) == 3 and c.name[1] in _DEGREE_ADVERBS


def _a_level_for_a_given_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """全镇新当选的, 书记和镇退出, 干部和该村党员: after a surname character that reads here as a
    determiner or a conjunction (全, 和), a level word or a determiner (镇, 村, 该) opens a phrase
    about a place, not a given name."""
    if len(c.name) < 2 or c.name[0] not in s.res.surnames:
        return False
    second = c.name[1]
    if second not in LEVEL_PREFIXES and second not in DETERMINERS:
        return False
    if c.name[0] in DETERMINERS and second in LEVEL_PREFIXES:
        return True   # 全镇, 全村: "the whole town"
    return _surname_read_as_a_function_word(c, s)


# The kinds of a legal or official instrument: a title in book quotes that ends in one names a text,
# not a program (《青山市物业管理条例》, 《条例》); 规定 and 办法 are left out (八项规定 is one).
_INSTRUMENTS = ("条例", "细则", "章程", "通知", "公告", "通告")
# The last words of the titles of laws (组织法, 宪法); a method of work ends in 法 too (四议两公开工作法),
# so only these, and a title that opens with the state's name, are laws.
_LAWS = ("组织法", "选举法", "代表法", "监督法", "管理法", "保护法", "促进法", "宪法", "刑法", "民法典", "诉讼法")
_STATE = "中华人民共和国"


def names_an_instrument(title: str) -> bool:
    """条例, 通知, 组织法: a book title that names a law, a regulation or a notice names a text."""
    return title.endswith(_INSTRUMENTS + _LAWS) or (title.startswith(_STATE) and title.endswith("法"))


def _inside_an_instruments_title(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """《中华人民共和国村民委员会组织法》: a name inside the title of a law or regulation is a word of that
    title; the body, place or person is not named in the story."""
    opening = s.text.rfind("《", 0, c.start + 1)
    if opening < 0 or "》" in s.text[opening:c.end]:
        return False
    closing = s.text.find("》", c.end)
    return closing >= 0 and names_an_instrument(s.text[opening + 1:closing])


def _a_country_inside_an_instruments_title(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """《中华人民共和国森林法》: the state that makes a law is part of its title, as of a fixed phrase; a province
    in a regulation's title (《吉林省森林管理条例》) is the province the story is about."""
    return c.type == COUNTRY and _inside_an_instruments_title(c, s, t)


def _an_item_of_a_slogan(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“党建强村、产业富村”: a quote of two or more items of one length, joined by 、 or a comma, is a slogan
    written in parallel; a name that is a whole item is the slogan's word, not a place."""
    quotation = _quotation_around(c, s)
    items = re.split("[、,，]", s.text[quotation[0] + 1:quotation[1]]) if quotation is not None else []
    return len(items) >= 2 and len({len(i) for i in items}) == 1 and s.text[c.start:c.end] in items


def _a_familys_hamlet(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """兴隆场村陈家湾: a surname, 家 and a character for a kind of land (湾, 坪, 沟) name the hamlet a family
    settled, not a person (kg.extract.base.is_familys_hamlet)."""
    return is_familys_hamlet(c.name, s.lex.surnames_single)


def _an_a_not_a_question(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """群众富不富,关键看干部: 富不富 asks whether, with the word, 不 and the word again."""
    return len(c.name) == 3 and c.name[1] == "不" and c.name[0] == c.name[2]


def _a_place_after_its_parent(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """武清区韩村调研: a name ending in the suffix of a village or township (村, 镇, 庄), written right after
    a place that holds such places, is that village or township."""
    if s.res.place_suffix_type.get(c.name[-1]) not in (VILLAGE, TOWNSHIP):
        return False
    return s.found.ending_at(c.start, (CITY, COUNTY, TOWNSHIP)) is not None


def _a_word_before_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """54岁的单身汉/nr 陈福生/nr: a word of the dictionary right before a name the tagger reads as one is
    what that person is, not a name of its own; two names are never written together."""
    if c.end >= len(s.text) or word_info(c.name) is None:
        return False
    tok, after = s.view.token(c.start), s.view.token(c.end)
    return tok.start == c.start and tok.end == c.end and after.start == c.end and \
        after.flag.startswith("nr") and len(after.text) >= 2 and word_info(after.text) is None


# What follows a leader's name in the fixed phrases of the party's doctrine (…新时代中国特色社会主义思想,
# …生态文明思想); 邓小平理论 and 毛泽东思想 name the person too, as the news corpora tag them.
_DOCTRINE_AFTER_A_NAME = re.compile("(?:新时代中国特色社会主义|生态文明|法治|外交|强军|经济|文化)思想")


def _a_name_in_the_partys_doctrine(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """以…新时代中国特色社会主义思想为指导, 以…同志为核心的党中央: a doctrine and the centre named for a leader,
    fixed phrases of the party's language, name no person acting in the story."""
    if _DOCTRINE_AFTER_A_NAME.match(s.text, c.end):
        return True
    return s.text[c.start - 1:c.start] == "以" and s.text.startswith("同志为核心", c.end)


def _a_reduplicated_word(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """红艳艳的三角梅, 白花花: a word of the dictionary whose last character repeats (ABB) describes how a thing
    looks; a person's name of that shape (李娜娜) is in no dictionary. After a function character read as a
    surname, a measure word repeated counts things (民居和栋栋大棚); 王栋栋 is a name."""
    return len(c.name) == 3 and c.name[1] == c.name[2] and (word_info(c.name) is not None or (
        c.name[0] in FUNCTION_CHARS and c.name[1] in _MEASURE_WORDS_OF_THINGS))


def _a_verb_split_by_one(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """鞠一躬, 握一握, 看一看: a name of three characters whose middle is 一 and whose outer two make a verb of
    the dictionary (鞠躬) is that verb done once; 王一博 is a name (王博 is no verb)."""
    if len(c.name) != 3 or c.name[1] != "一":
        return False
    verb = word_info(c.name[0] + c.name[2]) if c.name[0] != c.name[2] else word_info(c.name[0])
    return verb is not None and verb[1].startswith("v")


# Measure words of buildings, fields and things, which repeat to say "every one" (排排民居和栋栋大棚, 座座青山):
# a given name of one repeated is that phrase.
_MEASURE_WORDS_OF_THINGS = frozenset("栋座幢片户条间块棵株排层处辆艘亩")


# A place in a photograph (左二, 右一, 左起), which captions set in brackets after a person's post and name.
_PLACE_IN_A_PHOTO = re.compile("[左右前后中][一二三四五六七八九]|[左右]起")
# A count of people before a role (百余名村官, 30名党员): many, so no one name follows the role.
_COUNTED_ROLE = re.compile("[0-9一二三四五六七八九十百千万余多几数]+[名位个]([\u4e00-\u9fff]{1,6})$")


def _a_place_in_a_photo(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """县长潘文剑(左二): where a person stands in the photograph is no name (左 is a surname too)."""
    return _PLACE_IN_A_PHOTO.fullmatch(c.name) is not None and c.start > 0 and s.text[c.start - 1] in "(（"


def _after_a_counted_role(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """全国百余名村官齐聚邢台: after a count of people and their role, the next word is what they do."""
    if c.source != "after-title":
        return False
    m = _COUNTED_ROLE.search(s.text, 0, c.start)
    return m is not None and m.group(1) in s.lex.posts


def _a_kind_of_body_for_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """敬老院/nr 院长: a kind of body the dictionary files as a person's name is that kind, no person."""
    return c.name in s.res.body_suffixes


def _a_duty_for_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """包村/nr 民警, 驻村 干部: a duty written before a title (kg/lexicon/duty_words.txt) is part of the post;
    包 and 驻 read as surnames do not make it a person."""
    return s.text[c.start:c.end] in s.lex.duty_words


# Words that, right after a name ending in 河, 江, 湖 or 溪, speak of a body of water: its basin, banks,
# course, reaches and the chief who answers for it (河长制).
_OF_WATER = ("流域", "流经", "两岸", "沿岸", "沿线", "干流", "支流", "水系", "水质", "水域", "上游", "中游", "下游",
             "河道", "河段", "江段", "湖区", "畔", "发源")
# Its chief's title, which after a name ending in the same character is the title of that water's chief
# (伊逊河河长); after another (李江河长) it is a person's post.
_CHIEFS_OF_WATER = ("河长", "湖长")


def _a_rivers_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """伊逊河/nr 流经, 伊逊河河长: a name that ends in a word for water and is followed by its basin, banks,
    course or chief is a river's or a lake's, not a person's."""
    if c.name[-1] not in "河江湖溪":
        return False
    chief = s.text.startswith(_CHIEFS_OF_WATER, c.end) and s.text[c.end] == c.name[-1]
    return chief or s.text.startswith(_OF_WATER, c.end)


_PERSON_RULES = ((PERSON,), (
    ("a-word-the-name-begins", "a dictionary word the tagger reads from the name's start past its end holds it "
     "(茅塞顿开)", _a_word_the_name_begins),
    ("a-place-in-a-photo", "where a person stands in a photograph is no name (左二)", _a_place_in_a_photo),
    ("after-a-counted-role", "after a count of people and their role no one name follows (百余名村官齐聚)",
     _after_a_counted_role),
    ("a-kind-of-body-for-a-name", "a kind of body is no person, whatever the tagger says (敬老院/nr)",
     _a_kind_of_body_for_a_name),
    ("a-duty-for-a-name", "a duty written before a title is part of the post, not a person (包村民警)",
     _a_duty_for_a_name),
    ("a-rivers-name", "a name ending in 河, 江, 湖 or 溪 before its basin, banks or chief is water, not a "
     "person (伊逊河流经)", _a_rivers_name),
    ("a-verb-split-by-one", "a verb with 一 inside it is the verb done once (鞠一躬, 看一看)", _a_verb_split_by_one),
    ("a-reduplicated-word", "a dictionary word whose last character repeats describes a thing (红艳艳), a "
     "measure word repeated counts every one (和栋栋大棚)",
     _a_reduplicated_word),
    ("a-name-in-the-partys-doctrine", "a leader's name in a doctrine or in 以…同志为核心的党中央 is a fixed phrase "
     "(…新时代中国特色社会主义思想)", _a_name_in_the_partys_doctrine),
    ("a-word-before-a-name", "a dictionary word right before a name the tagger reads whole is what the person "
     "is (单身汉陈福生)", _a_word_before_a_name),
    ("a-thing-filed-as-a-name", "a dictionary word filed as a name whose first two characters are an everyday "
     "word names a thing (马头琴, 安居房)", _a_thing_filed_as_a_name),
    ("inside-an-instruments-title", "a name inside the title of a law or regulation is a word of it "
     "(《中华人民共和国森林法》)", _inside_an_instruments_title),
    ("a-place-after-its-parent", "a name ending in a village's or township's suffix right after a place that "
     "holds it is that place (武清区韩村)", _a_place_after_its_parent),
    ("opens-a-work-title", "a name that opens 《…》 is part of a work's title (《高怀德》)", _inside_a_work_title),
    ("inside-a-quoted-phrase", "a name only the tagger found, quoted with other words, is part of a quoted "
     "name (“青溪红调委会”)", _inside_a_quoted_phrase),
    ("a-quoted-motto", "a name only the tagger found, alone in quotes, is a motto (“和为贵”)", _a_quoted_motto),
    ("a-facilitys-name", "a name only the tagger found, before a word for a park, square or water, names "
     "that place (温榆河公园)", _a_facilitys_name),
    ("a-role-for-a-given-name", "a word for a kind of person after a surname character is no given name (和党员)",
     _a_role_for_a_given_name),
    ("a-level-for-a-given-name", "a level word after a surname character read as a determiner or a "
     "conjunction is no given name (全镇新, 和镇)", _a_level_for_a_given_name),
    ("a-preposition-for-a-surname", "a surname character read as a preposition before an everyday word "
     "opens a clause (由同级)", _a_preposition_for_a_surname),
    ("a-degree-in-a-given-name", "an adverb of degree after a surname character makes a slogan (水更清)",
     _a_degree_in_a_given_name),
    ("the-end-of-a-word", "a name's first characters end a word begun before it (真金白银, 嘎查里)",
     _the_end_of_a_word),
    ("a-conjunction-before-a-name", "a conjunction's character before a name the tagger reads joins two people "
     "(和张春瑛)", _a_conjunction_before_a_name),
    ("a-verb-of-saying-for-a-given-name", "a verb of saying after a surname character is no given name "
     "(会见记者时表示)", _a_verb_of_saying_for_a_given_name),
    ("a-localizer-read-apart", "a name whose last character the tagger reads apart as a localizer is a "
     "phrase (在贺电/vn 中/f)", _a_localizer_read_apart),
    ("a-time-for-a-name", "a name the tagger reads as a time is none (周二/t 晚/tg)", _a_time_for_a_name),
    ("a-longer-word-cut", "a name that ends inside a word of three characters or more begun inside it cuts "
     "that word (和人武部)", _a_longer_word_cut),
    ("a-function-word-for-a-name", "a two-character name the tagger reads whole as a preposition, conjunction, "
     "adverb or localizer is that word (部长官为/p 团长, 任前/f)", _a_function_word_for_a_name),
    ("the-verb-of-taking-a-post", "任 after a title, read alone before a word that is no name, takes the next "
     "post (书记任省级…主任)", _the_verb_of_taking_a_post),
    ("surname-and-old", "a surname and 老 address an elder by respect; they name no one in full (王老说)",
     _surname_and_old),
    ("everyday-words-for-a-sounded-name", "a name written by sound that is two everyday words is those words "
     "(努力提高)", _everyday_words_for_a_sounded_name),
    ("a-familys-hamlet", "a surname, 家 and a word of land name a family's hamlet (陈家湾, 王家坪)", _a_familys_hamlet),
    ("an-a-not-a-question", "a word, 不 and the word again ask a question (富不富), they name no one", _an_a_not_a_question),
))



# --------------------------------------------------------------------------- places

def _a_conjunction_and_a_level(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """县委和县政府: after a body, 和 and the level that opens the next body are no division named 和县; nor
    where the tagger reads 和 alone and the level opens a word of its own (乡上和/c 县上/n, 和/c 县城/n),
    unless a division it lies in is written right before it (安徽省和县政府); nor right after a person's name
    (熊德蓉和县乡村振兴…)."""
    if c.source != "division" or len(c.name) != 2 or c.name[0] not in _CONJUNCTIONS or c.start == 0:
        return False
    if not c.parent and _surname_read_as_a_function_word(c, s) and s.view.token(c.start + 1).end > c.end:
        return True
    if not c.parent and (_joins_the_name_before(c, s) or _a_preposition_after_an_adverb(c, s)):
        return True   # 副主任熊德蓉/nr 和县/ns 乡村振兴…: 和 joins the person to those named next
    return s.text[c.start - 1] in _BODY_ENDS and s.text.startswith(_BODIES_OF_A_LEVEL, c.end)


def _joins_the_name_before(c: Candidate, s: Scope) -> bool:
    """The candidate opens with 和, 与 or 及 right after a name the tagger reads as a person's."""
    before = s.view.token_before(c.start)
    return s.text[c.start:c.start + 1] in _CONJUNCTIONS and before is not None and before.end == c.start and \
        before.flag.startswith("nr")


def _a_preposition_after_an_adverb(c: Candidate, s: Scope) -> bool:
    """还和县就业局协调: 和 right after an adverb is the preposition (with …); an adverb goes before a verb,
    never before a county's name."""
    before = s.view.token_before(c.start)
    return s.text[c.start:c.start + 1] == _CONJUNCTIONS[0] and before is not None and before.end == c.start and \
        before.flag == "d"


def _a_conjunction_after_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """熊德蓉和县乡村振兴指挥部, 还和县就业局协调: a body that opens with 和 right after a person's name or an
    adverb opens with the conjunction or preposition, not with the county 和县."""
    return c.name.startswith(_CONJUNCTIONS[0] + "县") and (_joins_the_name_before(c, s) or
                                                          _a_preposition_after_an_adverb(c, s))


_CONJUNCTIONS = "和与及"
_BODY_ENDS = "委府会院局部"
_BODIES_OF_A_LEVEL = ("委", "政府", "人大", "政协", "纪委", "人民", "党委")


def _an_amount_for_a_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """亿元村, 十亿元镇, 50万元强村: the stem is (or ends in) a sum of money (and 强, a rank by it).
    Places are ranked by sums of ten thousand and more, so a small number and 元 is a name (三元镇)."""
    return _AMOUNT.search(c.name[:-1]) is not None


_AMOUNT = re.compile("([0-9]+|[一二三四五六七八九十百千万亿]*[万亿])元强?$")


def _a_persons_name_for_a_weak_place(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """作者:李丽园/nr: a weak suffix (园) ends a token the tagger reads as a person's name, after a common surname."""
    tok = s.view.token(c.start)
    return c.weak and tok.start == c.start and tok.end == c.end and tok.flag.startswith("nr") and \
        len(c.name) == 3 and c.name[0] in s.lex.surnames_common and not _a_familys_hamlet(c, s, t)


def _a_streets_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """玉林北路社区, 成都路, 中山街, 中山二路: a short form of a division before 路, 街, 巷 or 道, or a
    direction or a number and 路, names a street."""
    return c.source == "division-short" and _STREET.match(s.text, c.end) is not None


_STREET = re.compile("[东南西北中]?[一二三四五六七八九十]?(?:路|大道|大街)|[街巷道]")


# Districts named for the part of their city they are (洛阳市老城区, 济南市市中区): any city has an old town.
_PARTS_OF_A_CITY = frozenset({"老城区", "新城区", "城中区", "市中区", "城关区", "城厢区", "城东区", "城西区", "城南区",
                              "城北区"})


def _a_part_of_a_city(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """属于老城区, 新城区建设: a district named for a part of its city names it only after that city."""
    return c.type == COUNTY and c.name in _PARTS_OF_A_CITY and not c.parent and \
        s.text[c.start:c.end] == c.name and s.found.ending_at(c.start, PLACE_TYPES) is None


def _a_verb_and_its_place(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """驻镇帮镇扶村: a village or town of one character the dictionary files as a verb is the verb and its
    object (扶村, to help villages), as 驻村 is to be stationed in one (the suffix scan's _verb_object
    turns down such a verb written apart; this one the tagger read with its place word as a name); so is a
    means and such a verb before it (四会治村, 人才兴村)."""
    if c.source != "place-suffix" or c.type not in (VILLAGE, TOWNSHIP):
        return False
    if len(c.name) == 4 and c.name[2] in _VERBS_OF_BETTERING_PLACES:
        head = word_info(c.name[:2])   # 四会治村, 党建强村, 人才兴村: a means and the verb it betters the village by
        return head is not None and head[0] >= t.dictionary_word and word_info(c.name[1:3]) is None
    info = word_info(c.name[0]) if len(c.name) == 2 else None
    return info is not None and info[1] == "v" and info[0] >= t.verb_object


# Verbs that take a village or town as their object in the slogans of rural work (人才兴村, 产业富镇, 依法治村).
_VERBS_OF_BETTERING_PLACES = frozenset("治兴强富扶建帮")


_NUMERALS = frozenset("一二三四五六七八九十两百0123456789")


def _a_count_of_divisions(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """辖八镇一乡: a numeral before a level's suffix, and another count after it, count the divisions."""
    return c.source == "place-suffix" and len(c.name) >= 2 and c.name[-2] in _NUMERALS and \
        c.end < len(s.text) and s.text[c.end] in _NUMERALS


def _a_body_for_a_stem(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """城关镇党委镇政府: a kind of body (党委) before a level's suffix is that body, then the level's next one."""
    return c.source == "place-suffix" and any(len(c.name) >= k + 2 and c.name[:-k] in s.res.body_suffixes
                                              for k in (1, 2))


def _a_kind_of_body_for_a_place(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """辖区敬老院, 福利院: a kind of body that ends in a weak suffix of places (院) is the body's kind, no estate."""
    return c.weak and c.name in s.res.body_suffixes



def _generic_place(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return c.source == "place-suffix" and c.name in s.lex.generic_words


def _determined(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """各村, 该小区, 所辖社区: a determiner opens a phrase, never a name; but the segmenter reading a
    place's or a person's name from there (那马/ns 村, 那洪村/nr) says the character opens a name."""
    if c.type == ORGANIZATION or c.source not in ("place-suffix", "body-suffix"):
        return False
    quantity = next((q for q in QUANTIFIERS if c.name.startswith(q)), None)
    if quantity is not None:   # 众多/m 社区: many communities, none named
        return s.view.token(c.start).text == quantity
    if c.name[:1] not in DETERMINERS:
        return False
    tok = s.view.token(c.start)
    if tok.start == c.start and len(tok.text) >= 2 and tok.flag.startswith(("ns", "nr", "nz")):
        return False
    return not _named_under_its_place(c, s)


def _named_under_its_place(c: Candidate, s: Scope) -> bool:
    """鸡场坡镇那兑村: 那 (a paddy field in the Zhuang and Buyi place names of the south) opens a village's
    name right after the place it is in, when it makes no word with the character after it (那个村)."""
    if c.name[0] != "那" or not c.parent or word_info(c.name[:2]) is not None:
        return False
    suffix = max((x for x in s.res.place_suffix_type if c.name.endswith(x)), key=len, default="")
    return len(c.name) - len(suffix) >= 2


def _the_villages_collective(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """收益由村集体分配, 交给村集体: 村集体 (the village collective) after a common verb or a preposition, or
    after an unlisted run of five characters or more, is the collective of the village the story is about,
    not a village named by that word."""
    if c.type != VILLAGE or c.source != "place-suffix" or not s.text.startswith("集体", c.end):
        return False
    stem = c.name[:-1]
    if len(stem) >= t.min_clause_before_collective and c.name not in s.lex.divisions_by_name:
        return True   # 为了多渠道拓宽/nr 村集体经济收入: no village's stem runs so long
    for n in (2, 1):
        info = word_info(stem[-n:]) if len(stem) > n else None
        if info is not None and info[1][:1] in ("v", "p") and info[0] >= t.verb_object:
            return True
    return False


def _beijing_time(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """北京时间2022年8月7日: China's standard time is named for the capital; it names no place."""
    return s.text.startswith("北京时间", c.start) and c.end <= c.start + 2


def _a_themed_town(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """平塘天文小镇, 特色小镇: a town named for a theme (小镇, a small town) is a project, not a township."""
    return c.source == "place-suffix" and c.type == TOWNSHIP and c.name.endswith("小镇") and \
        c.name not in s.lex.divisions_by_name


def _a_long_unlisted_township(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """打造宜业宜居生态镇: a town only its suffix names, with a stem longer than any unlisted town's (the long
    names, of ethnic townships, are all in the official list), is a phrase that ends in 镇."""
    stem = len(c.name) - (2 if c.name.endswith("街道") else 1)
    return c.source == "place-suffix" and c.type == TOWNSHIP and c.name not in s.lex.divisions_by_name and \
        stem > t.max_unlisted_township_stem


def _township_is_a_division(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return c.source == "place-suffix" and c.type == TOWNSHIP and c.name in s.lex.divisions_by_name


def _weak_place_in_a_slogan(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“柴草进院,宠物栓养,垃圾入池”: what a weak suffix (院, 园) ends inside a quoted slogan is a word of it."""
    return c.weak and c.source == "place-suffix" and _quoted_with_more(c, s, clause=True)


# Everyday words that begin with a city's suffix and are not about the city (区分 is not one: 前锋区分局).
_WORDS_A_LEVEL_BEGINS = ("市场",)


def _suffix_begins_a_word(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """发展乡村旅游: a township's name from the list whose suffix begins the next everyday word (乡村)
    is the words of the sentence, not the township."""
    if c.type in (CITY, COUNTY) and s.text.startswith(_WORDS_A_LEVEL_BEGINS, c.end - 1):
        return True   # 静安市场: a market, not a city
    if c.type != TOWNSHIP or c.source != "division" or c.end >= len(s.text):
        return False
    tok = s.view.token(c.end - 1)
    if tok.start == c.end - 1 and tok.end > c.end and _common(tok.text, t):
        return True
    # 发展乡/ns 村民/n 宿: the tagger read the township whole, but its stem is an everyday word and its
    # suffix begins one with the next character (发展 + 乡村)
    stem = s.text[c.start:c.end - 1]
    return _common(stem, t) and _common(s.text[c.end - 1:c.end + 1], t)


def _an_awarded_title(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """省级文明村, 全国文明村, “中国休闲服装名镇”, 旅游名镇, 农业大镇, 先行样板镇: a name that opens with the
    level that awards a title, or quoted after it, or a 名镇 (a famous town), a model town or a town rated by
    a word, is the title, not a village or town (kg/lexicon/honours.tsv)."""
    if c.source != "place-suffix":
        return False
    scopes = s.lex.honours["scope"]
    if any(c.name.startswith(w) and len(c.name) > len(w) + 1 for w in scopes) or c.name[-2:] in _FAMOUS_PLACES or \
            c.name[-3:-1] in _MODELS and c.name not in s.lex.divisions_by_name or (
            len(c.name) >= 4 and c.name[-2:] in _RATED_PLACES and word_info(c.name[:-2]) is not None):
        return True
    opening = max(s.text.rfind(q, 0, c.start) for q in QUOTES if q != "《")
    return opening >= 0 and s.text.startswith(tuple(scopes), opening + 1) and \
        not any(ch in QUOTE_CHARS for ch in s.text[opening + 1:c.start])


# A town or village set as a model, the end of a title (先行样板镇, 乡村振兴示范村).
_MODELS = frozenset({"样板", "示范", "标杆", "典范", "模范"})
# A famous town or village, the end of a title (历史文化名镇, 旅游名村).
_FAMOUS_PLACES = ("名镇", "名村", "名乡")
# A place rated by what it is big or strong in, after that word (农业大镇, 经济强县, 工业重镇).
_RATED_PLACES = ("大镇", "强镇", "重镇", "大县", "强县", "大乡")


def _a_slogans_verb_and_level(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """科技兴县, 以茶兴县, 产业富县: a division of one character and its level (兴县, 富县) right after a
    common noun is the verb and the level of a slogan (what makes the county thrive), not the county."""
    if c.source != "division" or len(c.name) != 2 or c.name[0] not in _SLOGAN_VERBS or c.start == 0:
        return False
    before = s.view.token_before(c.start)
    return before is not None and before.end == c.start and len(before.text) >= 2 and \
        before.flag in ("n", "vn", "nz") and s.found.ending_at(c.start, PLACE_TYPES) is None


def _a_quoted_title_to_build(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """打造“无讼社区”, 创建“美丽乡村”: a place's name quoted whole after a verb of building or creating is
    the title the work aims at, not a place the story names."""
    if c.start == 0 or s.text[c.start - 1] not in QUOTES or s.text[c.end:c.end + 1] != QUOTES[s.text[c.start - 1]]:
        return False
    before = s.text[max(0, c.start - 5):c.start - 1]
    return s.res.implement_verbs.ends_at(before, len(before)) is not None


# Verbs of the slogans of development (X兴县, X强市, X富民, X立县).
_SLOGAN_VERBS = frozenset("兴富强立活旺美")


def _an_acting_post(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """凤县县委副书记、代县长冯宝平: 代县 is a county, but 代 marks the acting holder of the 县长 after it."""
    written = s.text[c.start:c.end]
    return len(written) == 2 and written[0] in _ACTING_OR_DEPUTY and s.view.starting_at("titles", c.end - 1) is not None


_ACTING_OR_DEPUTY = "代副"


_PLACE_RULES = (PLACE_TYPES, (
    ("an-item-of-a-slogan", "a name that is one item of a quoted slogan of items of one length is a slogan's "
     "word (“党建强村、产业富村”)", _an_item_of_a_slogan),
    ("a-country-inside-an-instruments-title", "a country inside the title of a law is a word of it "
     "(《中华人民共和国森林法》)", _a_country_inside_an_instruments_title),
    ("an-amount-for-a-name", "a sum of money before a place's suffix rates places, it names none (亿元村, 十亿元镇)",
     _an_amount_for_a_name),
    ("a-persons-name-for-a-weak-place", "a name the tagger reads whole as a person's, after a common surname, "
     "that only ends like a place (作者:李丽园)", _a_persons_name_for_a_weak_place),
    ("an-awarded-title", "a name that opens with an awarding level is a title, not a place (省级文明村)",
     _an_awarded_title),
    ("a-kind-of-body-for-a-place", "a kind of body ending in a weak suffix of places is no estate (敬老院)",
     _a_kind_of_body_for_a_place),
    ("generic-place", "an everyday word for a kind of place (社区, 农村)", _generic_place),
    ("a-count-of-divisions", "a numeral before a suffix and a count after it count divisions (辖八镇一乡)",
     _a_count_of_divisions),
    ("a-verb-and-its-place", "a village or town of one verb character is the verb and its object (扶村)",
     _a_verb_and_its_place),
    ("a-body-for-a-stem", "a kind of body before a level's suffix is that body (城关镇党委镇政府)", _a_body_for_a_stem),
    ("a-part-of-a-city", "a district named for a part of its city (老城区, 新城区) names it only after the city",
     _a_part_of_a_city),
    ("a-streets-name", "a division's short form before 路, 街 or 大道 names a street (玉林北路社区)", _a_streets_name),
    ("a-conjunction-and-a-level", "和 and the level of the next body after a body are no division (县委和县政府)",
     _a_conjunction_and_a_level),
    ("the-villages-collective", "村集体 after a common verb or a preposition is the story's village's "
     "collective (收益由村集体分配)", _the_villages_collective),
    ("beijing-time", "北京时间 is China's standard time, not the city", _beijing_time),
    ("a-themed-town", "a town that ends in 小镇 (a small town) is a project, not a township (天文小镇)",
     _a_themed_town),
    ("a-long-unlisted-township", "a town named by its suffix alone with a long stem is a phrase (宜业宜居生态镇)",
     _a_long_unlisted_township),
    ("determined", "a determiner or a word of quantity opens a phrase, not a name (各村, 该小区, 众多社区)",
     _determined),
    ("township-is-a-division", "an official township name, which the division list gives with its code",
     _township_is_a_division),
    ("suffix-begins-a-word", "a division whose suffix begins the next everyday word is none (发展乡村旅游, "
     "静安市场)",
     _suffix_begins_a_word),
    ("weak-place-in-a-slogan", "a word ending in a weak suffix inside a quoted slogan is part of it (“柴草进院,…”)",
     _weak_place_in_a_slogan),
    ("a-quoted-title-to-build", "a place quoted whole after a verb of building is a title (打造“无讼社区”)",
     _a_quoted_title_to_build),
    ("a-slogans-verb-and-level", "a one-character division after a common noun is a slogan's verb and level "
     "(科技兴县)", _a_slogans_verb_and_level),
    ("an-acting-post", "a division that 代 or 副 opens and whose level opens a title names the post (代县长)",
     _an_acting_post),
))


# --------------------------------------------------------------------------- bodies

def _generic_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """企业, 部门; but 村委会 with its level, and 居委会 (a community's), stand for the committee of the
    village or community the story names."""
    return c.name in s.lex.generic_words and not c.level


def _everyday_word_of_a_level(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """站稳市场: a level prefix and a suffix that together are an everyday word (市 + 场) name no body."""
    if not c.level or c.name[len(c.level):] not in s.res.body_suffixes:
        return False
    info = word_info(c.name)
    return info is not None and info[0] >= t.everyday_bare_body


def _a_level_and_a_kind(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """村社干部, 村队, 县局: a bare level and a one-character kind name the level's bodies of that kind
    in general; of the one-character kinds only 委 is an organ the story's place has one of (市委)."""
    return len(c.name) == 2 and c.level == c.name[0] and c.name[1] not in s.lex.core_bodies


def _counted(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """加装电梯12部, 学校3所, 一部部电梯: a number before a one-character suffix, or 一 before it said twice,
    makes it a measure word, not a body; 突破10000人大关: a number before a suffix that opens with 人 counts
    people (10000人)."""
    name = c.name
    if len(name) >= 2 and name[-2].isdigit() and name[-1] in s.res.body_suffixes:
        return True
    if name[-3:-2] == "一" and name[-2:-1] == name[-1:] and name[-1] in s.res.body_suffixes:
        return True   # 一部部电梯, 一所所学校: a measure word said twice counts things one by one
    suffix = s.res.body_suffixes.ends_at(name, len(name))
    k = len(name) - len(suffix) if suffix else 0
    return k > 0 and name[k - 1].isdigit() and suffix[0] == "人"


def _a_rating(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“五星支部”, 四星级党组织: a rating of bodies of a kind (what a campaign awards), not one body."""
    rating = _RATING.match(c.name)
    return bool(rating) and c.name[rating.end():] in s.res.body_suffixes and \
        not s.found.starting_at(c.start, PLACE_TYPES)   # 五星村党支部 is the branch of 五星村


_RATING = re.compile(r"^[一二三四五六七八九十\d]+星级?")


def _an_awarded_title_for_a_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """家朋乡被评为中国美丽田园、青山市国防教育基地: what a verb of awarding lists (items joined by 、 or set
    in quotes, up to the body) and ends as a title does is a title of honour, though it ends in a kind of
    body (基地)."""
    verbs = s.lex.honours["verb"]
    if not c.name.endswith(tuple(s.lex.honours["head"])):
        return False   # 荣获郑州市技术监督局、…颁发的: the bodies that award it
    before = s.text[max(0, c.start - t.max_program * 2):c.start]
    k = max((before.rfind(v) + len(v) for v in verbs if v in before), default=-1)
    ends_an_item = c.end >= len(s.text) or s.text[c.end] in "、等称" or s.text[c.end] in QUOTE_CHARS or \
        s.text[c.end] in PUNCT
    return k >= 0 and ends_an_item and all(ch == "、" or is_cjk(ch) or ch in QUOTE_CHARS for ch in before[k:]) and \
        (k == len(before) or before[-1] in "、" + "".join(QUOTE_CHARS))


def _a_known_mechanism_for_a_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """金桥社区红色物业: the body's suffix (物业) closes a named mechanism (红色物业) the name ends in."""
    return c.source == "body-suffix" and any(c.name.endswith(p) and len(c.name) > len(p)
                                             for p in s.lex.known_programs)


def _a_word_that_ends_like_a_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """构筑新格局, 刘明汇报了 (局 of 格局, 报 of 汇报: an everyday word whatever the tagger calls it),
    平原中南部 (部 after a direction: a part of a region), 剧团建团 (a verb and the kind of body it acts on)."""
    suffix, p = c.name[-1:], c.end - 1
    if c.source != "body-suffix" or suffix not in s.lex.weak_org_suffixes or p == 0 or \
            s.res.body_suffixes.ends_at(c.name, len(c.name)) != suffix:
        return False
    text = s.text
    if suffix == "部" and text[p - 1] in _PARTS:
        return True
    word, verb = word_info(text[p - 1:c.end]), word_info(text[p - 1])
    if suffix in _EVERYDAY_WORD_ENDINGS and word is not None and word[0] >= t.everyday_word_of_a_weak_suffix and \
            not word[1].startswith(("nr", "nt")):
        return True
    tok = s.view.token(p - 1)
    return word is None and tok.start == p - 1 and tok.end == c.end and verb is not None and verb[1] == "v"


# Weak suffixes that end many everyday words: 局 of 格局, 报 of 汇报, 通报 (刘明汇报了…).
_EVERYDAY_WORD_ENDINGS = ("局", "报")
# What 部 ends as a part of something, not a department: 中南部, 内部, 全部, 局部.
_PARTS = frozenset("东南西北中内外全局")


def _each_unit_of_a_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """区人大常委会各室委, 县委各部门: 各 after a body's name speaks of each of its units, no one body."""
    k = c.name.find("各", 2)
    return k > 0 and c.name[:k].endswith(tuple(s.lex.org_suffixes))


# The signs that join the terms of a model's formula (党支部+业委会+红色管家).
_FORMULA_SIGNS = "+＋"


def _a_term_of_a_formula(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """党支部+业委会+红色管家: a bare body joined by a plus sign is a term of a model, every such body, not
    the story's own."""
    return bool(c.level) and ((c.start > 0 and s.text[c.start - 1] in _FORMULA_SIGNS) or
                              (c.end < len(s.text) and s.text[c.end] in _FORMULA_SIGNS))


def _handled_not_an_office(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """一网通办, 马上就办: 办 after an adverb or a verb is "handle", not the office of 县委办 or 扶贫办."""
    return c.name.endswith("办") and len(c.name) >= 2 and c.name[-2] in _HANDLING_ADVERBS


def _a_department_of_a_place(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """周田镇司/nr 背村: 司 is a department of a ministry or of a national body (外交部礼宾司), which no
    division has of its own; right after a place's name it is a character of the next word."""
    return c.name.endswith("司") and not c.name.endswith("公司") and \
        s.found.ending_at(c.end - 1, PLACE_TYPES) is not None


# Characters that, right before 办, make it the verb "handle" (通办, 即办, 就办, 代办, 帮办, 快办, 好办).
_HANDLING_ADVERBS = frozenset("通即就代帮快好速能可要来去")


# A county's or district's level and a township's, which with a body's kind name both levels' bodies.
_LEVELS_BELOW_A_COUNTY = ("县乡", "区乡", "县镇", "区镇")


def _plural_levels(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """县区委, 市县政府: two level words name every such body, not one (县市场监管局 is 县 + 市场监管局)."""
    if c.name[:2] in _LEVELS_BELOW_A_COUNTY or c.name[:2] == "市区":
        return c.name[2:] in s.lex.core_bodies   # 县乡人大, 市区委, not 县 + 乡村振兴局
    if c.name[:2] not in ("县区", "市县", "县市", "省市", "区县", "乡镇", "镇村", "村组", "市州"):
        return False
    pair, next_word = word_info(c.name[:2]), word_info(c.name[1:3])
    return next_word is None or (pair is not None and pair[0] >= next_word[0])


def _counted_levels(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """武义、龙游两县县委, 巴中与乐山两地政协: a count before a level word (or 地, places) inside the name
    names that many bodies, not one (二七区, a district's own name, is no count)."""
    return any(s.found.ending_at(c.start + m.end(), PLACE_TYPES) is None for m in _COUNTED_LEVEL.finditer(c.name))


_COUNTED_LEVEL = re.compile("[两二三四五六七八九十几多](?:[省市县区乡镇村]|地(?!区))")


def _counted_bare_bodies(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """下辖8个村委会、4个社区居委会: a count right before a body written by its level alone counts such bodies."""
    return bool(c.level) and c.name.startswith(c.level) and _COUNT_BEFORE.search(s.text, 0, c.start) is not None


# A count that ends right where a name starts (8个, 几个, 多个).
_COUNT_BEFORE = re.compile(r"(?:[\d一二三四五六七八九十两百几多]+个|[几多]个)$")


def _every_such_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """各乡镇人民政府: a determiner before or at the start makes the name stand for every such body."""
    k = c.start
    while k > 0 and (s.text[k - 1] in LEVEL_PREFIXES or s.text[k - 1] == "、" and s.text[k - 2:k - 1] in LEVEL_PREFIXES):
        k -= 1   # 各市州党委, 各县区委, 各市、州人大常委会: the levels listed after the determiner are its
    before = s.text[k - 1] if k > 0 else ""
    if before == "个" and s.text[k - 2:k - 1] in _PLURAL_DETERMINERS:
        before = s.text[k - 2]   # 每个村委会便民服务中心: every village committee's
    if c.source == "media" and c.name.startswith(_DAILY):
        return False   # 每日甘肃网: "daily", an outlet's own name
    opens_with_a_place = bool(s.found.starting_at(c.start, PLACE_TYPES))   # 那坡县, 诸暨市: not 那, 诸
    return (c.name[:1] in _PLURAL_DETERMINERS and not opens_with_a_place) or (
        before in _PLURAL_DETERMINERS and c.source == "body-suffix")


_DAILY = ("每日", "每周")


# Determiners that make a name stand for every such thing (全 is left out: 全国总工会 is one body).
_PLURAL_DETERMINERS = frozenset("各每其所此这那诸")

def _a_regions_kind_of_business(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """美国公司, 陕西工厂, 广州市场: a country, province or city and a kind of business name that
    region's firms, not one firm (a village's 股份经济合作社 is one body)."""
    for suffix in s.lex.business_kinds:
        if c.name.endswith(suffix) and len(c.name) > len(suffix):
            stem = c.name[:-len(suffix)]
            return stem in s.lex.country_names or any(d.level <= 2 for d in s.lex.lookup(stem))
    return False


# 二次会议, 第二次会议: a session of a congress, whose organs (its presidium, its committees) serve that session.
_SESSION = re.compile(r"第?[一二三四五六七八九十\d]+次(?:全体)?会议")


def _a_sessions_organ(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """清徐县十六届人大二次会议主席团: the presidium or a committee of one session of a congress serves that
    session; it is no standing body."""
    session = _SESSION.search(c.name)
    return session is not None and session.start() > 0 and session.end() < len(c.name)


# The organs a place has and no body: nothing but the place, its level and the term stands before them.
_ORGANS_OF_A_PLACE_ALONE = ("人大常委会", "人民代表大会", "人民政府", "人大", "政协")


def _words_before_a_places_organ(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """虹口高质量发展贡献人大智慧: a place's congress, conference or government is named by its place alone;
    other words before the organ make a phrase that ends in the organ's name."""
    organ = next((o for o in _ORGANS_OF_A_PLACE_ALONE if c.name.endswith(o)), None)
    if organ is None or c.source != "body-suffix" or not s.text.endswith(organ, 0, c.end):
        return False   # 政协第十一届凤阳县委员会: the conference by its formal name (kg.extract.bodies)
    k = c.start
    while (place := next((x for x in s.found.starting_at(k, PLACE_TYPES) if x.end <= c.end), None)) is not None:
        k = place.end   # 开封市顺河区: the places that open the name, one after another
    rest = TERM_AT_THE_END.sub("", s.text[k:c.end - len(organ)])
    # A place's name and its level (临江区人民政府, though no list holds 临江区), or levels alone (县乡人大:
    # filter plural-levels), are what may stand there.
    return bool(rest) and rest[-1] not in LEVEL_PREFIXES and rest not in s.lex.division_short_names


_BODY_RULES = ((ORGANIZATION,), (
    ("a-sessions-organ", "the presidium or a committee of one session of a congress is no standing body "
     "(人大二次会议主席团)", _a_sessions_organ),
    ("a-regions-kind-of-business", "a region and a kind of business name its firms, not one (美国公司)",
     _a_regions_kind_of_business),
    ("inside-an-instruments-title", "a body's name inside the title of a law or regulation is a word of it "
     "(《中华人民共和国村民委员会组织法》)", _inside_an_instruments_title),
    ("every-such-body", "a determiner makes the name stand for every such body (各乡镇人民政府)", _every_such_body),
    ("a-conjunction-after-a-name", "a body opening with 和县 right after a person's name or an adverb opens with "
     "the conjunction or preposition (熊德蓉和县…指挥部, 还和县就业局)", _a_conjunction_after_a_name),
    ("generic-body", "an everyday word for a kind of body (企业, 部门)", _generic_body),
    ("plural-levels", "two level words name every such body, not one (县区委)", _plural_levels),
    ("counted-levels", "a count before a level word names that many bodies (龙游两县县委)", _counted_levels),
    ("counted-bare-bodies", "a count right before a bare body names that many bodies (下辖8个村委会)",
     _counted_bare_bodies),
    ("a-rating", "a rating of bodies of a kind names no one body (五星支部)", _a_rating),
    ("counted", "a number before a one-character suffix counts things (电梯12部), before 人 counts people "
     "(10000人大关)", _counted),
    ("a-department-of-a-place", "司 right after a place is no body: departments belong to ministries (周田镇司背村)",
     _a_department_of_a_place),
    ("each-unit-of-a-body", "各 after a body's name speaks of each of its units (人大常委会各室委)",
     _each_unit_of_a_body),
    ("a-term-of-a-formula", "a bare body joined by + is a term of a model (党支部+业委会+红色管家)",
     _a_term_of_a_formula),
    ("handled-not-an-office", "办 after an adverb or verb is the verb handle, not an office (一网通办)",
     _handled_not_an_office),
    ("an-awarded-title-for-a-body", "a name listed after a verb of awarding is the title awarded, not a body "
     "(被评为…、青山市国防教育基地)", _an_awarded_title_for_a_body),
    ("a-known-mechanism-for-a-body", "a name that ends in a named mechanism ends in the mechanism, not in a "
     "kind of body (金桥社区红色物业)", _a_known_mechanism_for_a_body),
    ("a-word-that-ends-like-a-body", "a one-character weak suffix that ends a word of another kind: 局 or 报 of "
     "an everyday word (新格局, 汇报), 部 of a part (中南部), a verb and a kind of body (建团)", _a_word_that_ends_like_a_body),
    ("everyday-word-of-a-level", "a level and a suffix that are one everyday word name no body (市场)",
     _everyday_word_of_a_level),
    ("a-level-and-a-kind", "a bare level and a one-character kind other than 委 name no one body (村社)",
     _a_level_and_a_kind),
    ("words-before-a-places-organ", "a congress, conference or government is named by its place alone; other "
     "words before it make a phrase (…发展贡献人大智慧)", _words_before_a_places_organ),
))


# --------------------------------------------------------------------------- programs

_QUANTITY = re.compile(r"^[\d一二三四五六七八九十两百千万]+[余多]?[个名户人家位项件次元亩万岁年天]+$")


# A name may open with a number in words (三个区分开来, 五个注重) but not with a count in figures.
_COUNT_OPENING = re.compile(r"^\d+[余多]?[个名户人家位项件次元亩岁年天]")


def _quantity(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return bool(_QUANTITY.match(c.name) or _COUNT_OPENING.match(c.name))


# The decade people were born in (“90后”, 00后, 八零后): a generation.
_GENERATION = re.compile(r"^(?:\d0|[零一二三四五六七八九]零)后$")


def _a_generation(c: Candidate, s: Scope, t: Thresholds) -> bool:
    return _GENERATION.match(c.name) is not None


def _opens_with_a_preposition(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“从群众中来,到群众中去”: a quoted phrase that opens with a preposition or particle is a clause.

    (A name may open with a verb — “传承好家风”, “接诉即办”, “驻所民调” — but not with these.)"""
    return c.name[:1] in OPENING_CHARS and c.name[:1] not in _VERBS_OF_PLACE


# Characters of OPENING_CHARS that are verbs of going and staying (驻村, 驻所民调, 赴企服务), not prepositions.
_VERBS_OF_PLACE = frozenset("驻赴携")

_SHORT_NAME_CUES = ("简称", "下称", "简称为")


def _a_short_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """(以下简称“华信科技”): what the text names after 简称 is the short name of what it just named."""
    before = s.text[max(0, c.start - 4):c.start].rstrip("“\"「『‘ ")
    return before.endswith(_SHORT_NAME_CUES)


def _a_body_named_in_quotes(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“一贵法官工作室”: a quoted name the bodies' stage read as a body is that body, not a program."""
    return c.source == "quoted" and any(b.end == c.end and b.start <= c.start + 1 for b in s.found.starting_at(c.start, (ORGANIZATION,))) or \
        any(b.end == c.end - 1 for b in s.found.starting_at(c.start + 1, (ORGANIZATION,)))


# What a broadcaster or paper is called right before the title of one of its shows or columns.
_OUTLET_BEFORE_A_TITLE = re.compile("(?:央视|央广|卫视|电视台|电台|频道|日报|晚报|杂志|网)$")


def _an_outlets_show(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """央视《新闻联播》, 人民日报《评论》: a book title right after an outlet is its show or column."""
    return "book" in c.signals and s.text[c.start - 1:c.start] == "《" and \
        _OUTLET_BEFORE_A_TITLE.search(s.text, 0, c.start - 1) is not None


def _a_legal_instrument(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """《上海市物业管理条例》: a book title that names a regulation or notice names a text."""
    return "book" in c.signals and names_an_instrument(c.name)


def _a_kind_of_body(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“两委”, “党支部”, “两委班子”: a kind of body (or its team) quoted alone is no program."""
    name = c.name.removesuffix("班子")
    return len(name) >= 2 and name in s.res.body_suffixes


# Channels of contact and publishing: a group chat, an account, an app (南龚物业经理微信群, “青山发布”公众号).
_CHANNELS = ("微信群", "公众号", "小程序", "视频号", "抖音号", "微博")


def _a_political_formula(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """增强“四个意识”: a formula of the party's loyalty (kg/lexicon/political_formulas.txt) binds every member."""
    return c.name in s.lex.political_formulas


# How far after a quoted name (past the other items of its list) a team's word may end the phrase.
_TEAM_REACH = 6


def _a_teams_label(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """组建“综合信息”“文艺活动”等志愿服务队伍: quoted names listed before a kind of team label the teams
    formed, they name no program."""
    k = c.end
    while k < len(s.text) and (s.text[k] in QUOTE_CHARS or s.text[k] in "、等"):
        close = s.text.find(QUOTES[s.text[k]], k + 1) if s.text[k] in QUOTES else -1
        k = close + 1 if close > 0 else k + 1
    phrase = re.split("[,，。;；:：、]", s.text[k:k + _TEAM_REACH])[0]
    return "队" in phrase


def _a_figure_of_speech(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """打通“最后一公里”, 架起“连心桥”: a metaphor of governance news quoted whole (kg/lexicon/slogan_words.txt)
    praises a way of working; it names no initiative, however often it is quoted."""
    return c.name in s.res.slogans.words


# Verbs that do away with a problem (解决了“多头治水”): what they take is a problem, no program.
_VERBS_OF_SOLVING = ("解决", "破解", "化解", "克服", "扭转", "杜绝", "避免", "防止", "根治", "消除", "打破")


def _a_problem_solved(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“河长制”解决了“唯水治水”“多头治水”“源流不分”的体制问题: quoted problems after a verb of solving
    (and the other quoted items of their list) are what a program does away with, not programs."""
    k = c.start
    while k > 0 and s.text[k - 1] in "“”、":
        k = max(s.text.rfind("“", 0, k - 1), 0) if s.text[k - 1] == "”" else k - 1
    before = s.text[max(0, k - 3):k].removesuffix("了")
    return before.endswith(_VERBS_OF_SOLVING)


def _a_channel(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“业委会主任微信群”: a group chat or an account is a channel people talk through, not a program."""
    return c.name.endswith(_CHANNELS)


def _opens_a_bodys_name(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """济源产城融合示范区管委会: a name found by its cue alone that opens a body's name is the zone or
    unit that body runs, not a program."""
    return c.source == "cued" and any(b.end > c.end for b in s.found.starting_at(c.start, (ORGANIZATION,)))


def _a_verse(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“酒菜就整一锅香,七盘八碗不用装”: lines of verse (a clapper talk, a couplet) set off by commas, each of
    six characters or more, are speech; a program's slogan is of short parts (“柴草进院,宠物栓养”)."""
    lines = re.split("[,，]", c.name)
    return len(lines) >= 2 and all(len(line) >= t.verse_line for line in lines)


# Words that ask (什么, 谁, 怎么, 如何, 哪): a quoted phrase that holds one is a question, not a name.
_ASKING = re.compile("什么|谁|怎么|怎样|如何|为何|哪|吗|呢|[?？]")


def _a_question(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“为什么做”“谁来做”“怎么做”: questions an article answers, set in quotes, name no program."""
    return _ASKING.search(c.name) is not None


def _a_post_in_quotes(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """村级“河长”, 当上“网格长”: a title of the list of posts set in quotes is the post a person holds, which
    the quotes mark as new or informal, not a program."""
    return c.name in s.lex.posts


def _a_persons_honour(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """“全国科技助力精准扶贫先进个人”, “山东省优秀退役军人”, “德州时代楷模”: a title that the awarding level or
    place opens and a person's title ends (kg/lexicon/honours.tsv, kind person) honours a person; no place
    or body carries it out."""
    if not c.name.endswith(tuple(s.lex.honours["person"])):
        return False
    head = c.name[:4]
    return head.startswith(tuple(s.lex.honours["scope"])) or any(
        head[:n] in s.lex.divisions_by_name or head[:n] in s.lex.division_short_names for n in (2, 3, 4))


_PROGRAM_RULES = ((PROGRAM,), (
    ("a-post-in-quotes", "a post's title in quotes is the post, not a program (村级“河长”)", _a_post_in_quotes),
    ("a-persons-honour", "a title awarded to a person is no program (全国…先进个人, 德州时代楷模)", _a_persons_honour),
    ("a-question", "a phrase that asks (什么, 谁, 怎么, 如何) is a question, not a program's name", _a_question),
    ("a-verse", "lines of verse set off by commas are speech, not a program's name", _a_verse),
    ("a-kind-of-body", "a kind of body quoted alone is no program (两委, 两委班子)", _a_kind_of_body),
    ("a-political-formula", "a formula of the party's loyalty is a commitment, not a program (“四个意识”)",
     _a_political_formula),
    ("a-figure-of-speech", "a metaphor of governance quoted whole is no program (“最后一公里”)", _a_figure_of_speech),
    ("a-problem-solved", "quoted problems after a verb of solving are no programs (解决了“多头治水”)",
     _a_problem_solved),
    ("a-teams-label", "quoted names before a kind of team label the teams (“文艺活动”等志愿服务队伍)",
     _a_teams_label),
    ("a-channel", "a group chat or an account is a channel, not a program (…微信群, …公众号)", _a_channel),
    ("an-outlets-show", "a book title right after an outlet is its show or column (央视《新闻联播》)", _an_outlets_show),
    ("a-legal-instrument", "a book title that ends in a regulation or notice (条例, 细则, 通知) names a text, "
     "not a program", _a_legal_instrument),
    ("a-body-named-in-quotes", "a quoted name read as a body is that body (“一贵法官工作室”)", _a_body_named_in_quotes),
    ("opens-a-bodys-name", "a name found by its cue that opens a body's name is what the body runs (…示范区管委会)",
     _opens_a_bodys_name),
    ("quantity", "a number and a measure word count things, they name none (70余个, 101户采取)", _quantity),
    ("a-generation", "the decade people were born in names a generation, not a program (“90后”)", _a_generation),
    ("a-short-name", "a name given after 简称 is the short name of the body or place just named", _a_short_name),
    ("opens-with-a-preposition", "a phrase that opens with a preposition or particle is a clause (从…到…)",
     _opens_with_a_preposition),
))


# --------------------------------------------------------------------------- the chain

# What follows a country's name in the fixed phrases of political language (中国特色社会主义,
# 中国式现代化, 中国梦), where the name describes and names no place of the story.
_FIXED_AFTER_COUNTRY = ("特色", "式", "梦", "红", "族", "语", "包", "袍", "长袍", "长调")


def _in_a_fixed_phrase(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """中国特色, 中国梦, 中国红, 蒙古长袍, 朝鲜族; 新中国成立后 names an era, not the state as a place or actor; “中国少数民族特色村寨”
    opens a quoted title."""
    opens_a_quote = s.text[c.start - 1:c.start] in ("“", "「", "『") and is_cjk(s.text[c.end:c.end + 1] or " ")
    return s.text.startswith(_FIXED_AFTER_COUNTRY, c.end) or opens_a_quote or (
        c.name == "中国" and s.text[c.start - 1:c.start] == "新")


def _a_divisions_name_alone(c: Candidate, s: Scope, t: Thresholds) -> bool:
    """大黑山主峰: a state's name that is also the short form of one of China's divisions (黑山 of 黑山县)
    names the state only beside another state of the sentence."""
    written = s.text[c.start:c.end]
    if written not in s.lex.division_short_names and written not in s.lex.divisions_by_name:
        return False
    return not any(name != written for _, _, name in s.view.hits["countries"])


_COUNTRY_RULES = ((COUNTRY,), (
    ("country-in-a-fixed-phrase", "a country's name in a fixed phrase names no place (中国特色社会主义, 新中国)",
     _in_a_fixed_phrase),
    ("a-divisions-name-alone", "a state's name that is also one of China's divisions (黑山) names the state "
     "only beside another state", _a_divisions_name_alone),
))


def _rules(kinds: tuple[str, ...], rules) -> tuple[Rule, ...]:
    return tuple(Rule(name, reason, frozenset(kinds), test) for name, reason, test in rules)


_ALL = tuple(PLACE_TYPES) + (PERSON, ORGANIZATION, PROGRAM)

CHAIN: tuple[Rule, ...] = (
    _rules(_ALL, (
        ("bad-length", "too short or too long for a name of its kind", _bad_length),
        ("no-chinese", "a name holds Chinese characters", _no_chinese),
        ("opens-a-clause", "a name never begins with a word that opens a clause (为, 经, 时任, 汇报了)",
         _opens_a_clause),
    ))
    + _rules(*_PERSON_RULES)
    + _rules(*_PLACE_RULES)
    + _rules(*_BODY_RULES)
    + _rules(*_PROGRAM_RULES)
    + _rules(*_COUNTRY_RULES)
)

# The rules of CHAIN that apply to each kind, in CHAIN's order.
_CHAIN_BY_KIND: dict[str, tuple[Rule, ...]] = {kind: tuple(r for r in CHAIN if kind in r.kinds)
                                               for kind in {k for r in CHAIN for k in r.kinds}}

# Types a rule may mention, kept here so that a typo in a tuple above fails at import.
assert {VILLAGE, COMMUNITY, ESTATE} <= set(_ALL)
