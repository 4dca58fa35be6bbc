"""Body generators: names ending in a body's suffix, organs of a place, national bodies, media.

A body's name runs left from its suffix (党委, 住建局, 集团, 日报 …) over
the words and the recognised places and bodies before it (幸福里社区党支部,
市教育局玉海中心小学党支部), as the boundary scanner finds it. A body written
with a bare level prefix (市委, 县行政审批局, 镇党委) keeps the prefix, so
that resolution can name the place it belongs to. Each step that can turn a
suffix down is a function of its own, named for the case it knows.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from kg.extract.base import (NEW_AREA, CLAUSE_CHARS, TERM, TERM_AT_THE_END, CuedPattern, MISSION_SUFFIXES, QUOTE_CHARS, YOUTH_LEAGUE, THE_PARTY, DETERMINERS, FUNCTION_CHARS, GLUED_PREPOSITIONS, LEVEL_PREFIXES, MEDIA_ENDINGS, PUNCT,
                             is_common_word, normalize_name, word_info)
from kg.extract.boundary import OPENING_CHARS, Boundary, scan_left
from kg.extract.candidate import Candidate
from kg.extract.context import Scope
from kg.extract.thresholds import THRESHOLDS
from kg.lexicon import townships_by_stem
from kg.model import CITY, COMMUNITY, COUNTRY, COUNTY, ORGANIZATION, PLACE_TYPES, PROVINCE, VILLAGE
from kg.text import is_cjk

__all__ = ["national_bodies", "place_committees", "tagged_bodies", "suffixed_bodies", "media", "named_sources",
           "coordinated", "GENERATORS", "COORDINATED"]

# Levels written with two characters before a body (街道办事处, 社区居委会, 嘎查党支部).
_TWO_CHARACTER_LEVELS = ("街道", "社区", "嘎查")
# The bodies only a community has, written without its level (居委会 is 社区居委会).
_COMMUNITY_BODIES = frozenset({"居委会", "居民委员会"})
# ... and those only an estate has (业主委员会 is the owners' committee of the estate the story names).
_ESTATE_BODIES = frozenset({"业主委员会", "业委会"})
_LEVEL_OF_ITS_OWN_BODIES = {**{b: "社区" for b in _COMMUNITY_BODIES}, **{b: "小区" for b in _ESTATE_BODIES}}
# 该市 refers to the place last named, 我市 (本市) to the paper's own.
REFERRING = {"该": "该", "我": "我", "本": "我"}
# Departments of a party committee (县委宣传部, 市委政法委): written after the
# committee's title they belong to it (县委常委、宣传部部长).
_PARTY_DEPARTMENTS = frozenset({"组织部", "宣传部", "统战部", "社会工作部", "社工部", "政法委", "政研室", "党校", "直属机关工委",
                                "党群工作部", "组织人事部", "宣传统战部",
                                "办公室"})
# The bodies of a village, written bare in a story about it (村委会 is the village's 村委会).
_VILLAGE_BODIES = frozenset({"村委会", "村监会", "村两委", "村民委员会", "村务监督委员会", "村党支部", "村党总支", "村委"})
# Kinds of body a quoted name may stand before (“红马甲”志愿服务队) or end (成立“换届工作领导小组”).
_NAMED_IN_QUOTES = ("队", "团", "工作室", "调解室", "协会", "合作社", "联盟", "服务站", "驿站", "领导小组", "工作组",
                    "指挥部", "专班")
_OPENING_QUOTES = {"”": "“", "」": "「", "』": "『", "’": "‘"}
# Words that end a media outlet's name, and what stands around an outlet in a byline or source line.
_SOURCE_CUES = ("来源:", "来源：", "来源于", "来源", "图源", "据", "转自", "转载自", "供稿", "综合")
_AFTER_OUTLET = ("讯", "记者", "报道", "消息", "电", "评论员", "通讯员", "微信", "公众号", "客户端", "编辑", "责编", "责任编辑",
                 "作者")


# --------------------------------------------------------------------------- lexicon bodies

def _a_channels_outlet(text: str, j: int) -> bool:
    """What follows a national outlet's name makes a longer one: an outlet's ending (央视新闻) or a dash
    and a channel (人民网-河北频道)."""
    return text.startswith(MEDIA_ENDINGS, j) or bool(_CHANNEL_AFTER_A_DASH.match(text, j))


_CHANNEL_AFTER_A_DASH = re.compile(r"[-－][\u4e00-\u9fff]{1,6}(?:频道|分站)")


def national_bodies(scope: Scope) -> Iterator[Candidate]:
    """党中央, 国务院, 新华社, 联合国: bodies written without a place; a country right before one makes
    it that country's (美国财政部, 英国内政部)."""
    suffixes = scope.view.hits["place_suffixes"]
    for i, j, name in scope.view.hits["national_bodies"]:
        if any(q < j < e for q, e, _ in suffixes):
            continue   # 新华社区: a community's suffix runs across the body's end
        if j - i <= 2 and not scope.view.starts_token(i):
            continue   # 居民进行: a short name (民进) read across two words
        channel = _national_channel(scope, j)
        if channel:   # 人民网-河北频道, 国际在线重庆频道: the channel is part of the outlet's name
            yield Candidate(i, j + channel, ORGANIZATION, normalize_name(scope.text[i:j + channel]), "national-body")
            continue
        if _a_channels_outlet(scope.text, j) or (name.endswith("报") and scope.text.startswith(("社", "出版社"), j)):
            continue   # 央视新闻, 人民日报社: the outlet's name runs on
        country = scope.found.ending_at(i, (COUNTRY,))
        if country is not None and country.start < i:
            yield Candidate(country.start, j, ORGANIZATION, normalize_name(scope.text[country.start:j]),
                            "national-body", place=country.name)
        else:
            yield Candidate(i, j, ORGANIZATION, name, "national-body")


def the_centre_before_the_levels(scope: Scope) -> Iterator[Candidate]:
    """中央和省、市、县委, 中央、省委、州委: 中央 listed before the levels below it is the party's centre."""
    for m in _THE_CENTRE_LISTED.finditer(scope.text):
        if not scope.found.covers(m.start(), m.end(), (ORGANIZATION,)):
            yield Candidate(m.start(), m.end(), ORGANIZATION, "中共中央", "national-body", alias="中央")


# 中央 before 和/、 and a level (省, 市…) or 国务院; not the 中央 of 党中央 or 中共中央, which are read whole.
_THE_CENTRE_LISTED = re.compile("(?<![党共])中央(?=[和、及与](?:省|市|县|区|州|盟|国务院))")


def youth_league_committees(scope: Scope) -> Iterator[Candidate]:
    """团县委副书记, 县妇联、团县委: the Youth League's committee of a level written short (团 + level + 委) is
    a bare body the story's place completes (共青团永和县委), never the party's committee of that level."""
    text = scope.text
    for m in _YOUTH_LEAGUE_SHORT.finditer(text):
        k = m.start()
        opens = _boundary_before(scope, k) or (k > 0 and text[k - 1] in PUNCT)
        if not opens or scope.found.covers(k, m.end(), (ORGANIZATION,)):
            continue
        yield Candidate(k, m.end(), ORGANIZATION, m.group(), "youth-league", level=m.group(1))


# 团 + a level + 委: the Youth League's committee of that level (团省委, 团市委, 团县委, 团区委, 团州委).
_YOUTH_LEAGUE_SHORT = re.compile("团([省市县区州盟旗])委(?!员)")


def conference_committees(scope: Scope) -> Iterator[Candidate]:
    """提案委主任周国桥, 要求城建委认真组织实施: a conference's committee written short (kg/lexicon/bodies.tsv)
    is a body where it stands as a word of its own, not inside a longer name (提案委员会)."""
    for i, j, _ in scope.view.hits["conference_committees"]:
        if scope.text.startswith("员", j) or scope.found.covers(i, j, (ORGANIZATION,)):
            continue
        if any(end == i for _, end, _ in scope.view.hits["body_suffixes"]):
            whole = _body(scope, i, j, scope.text[i:j])   # 州政协经科委, 县文联文史委: the body it belongs to opens it
            if whole is not None and whole.start < i:
                yield dataclasses.replace(whole, source="conference-committee")
        elif scope.view.starts_token(i) or not is_cjk(scope.text[i - 1:i] or " "):
            yield Candidate(i, j, ORGANIZATION, scope.text[i:j], "conference-committee")


def place_committees(scope: Scope) -> Iterator[Candidate]:
    """复兴区委书记, 平遥县委常委: a county, city or province name, then 委, then a title or a pause."""
    text = scope.text
    for c in scope.found.of_type((COUNTY, CITY, PROVINCE)):
        k = c.end + 1
        if c.end >= len(text) or text[c.end] != "委" or text[c.end - 1] not in "省市县区旗":
            continue
        if k < len(text) and is_cjk(text[k]) and not scope.view.starting_at("titles", k) and \
                not scope.view.starting_at("body_suffixes", k):
            continue   # 委 begins another word (区委员会 is read by its suffix)
        yield _after_the_partys_name(scope, Candidate(c.start, k, ORGANIZATION, normalize_name(text[c.start:k]),
                                                      "place-committee", place=c.name))


def tagged_bodies(scope: Scope) -> Iterator[Candidate]:
    """北京大学, 宁乡县人民医院, 国务院, 中国队: a word the segmenter knows as a body.

    One that ends in a body's suffix must hold a proper name before it (业主委员会
    names no one body); a shorter one must not be a bare kind of body (政府).
    """
    last_chars = scope.res.body_suffixes.last_chars
    for tok in scope.view.tokens:
        if tok.flag != "nt" and tok.text[-1] not in last_chars:
            continue   # no body by its tag, nor a country's body by its end: most tokens, checked cheaply
        country = _country_of_its_body(scope, tok.text)
        if country:
            yield Candidate(tok.start, tok.end, ORGANIZATION, tok.text, "tagged-body", place=country)
        elif tok.flag == "nt" and tok.text not in scope.res.body_suffixes and tok.text not in scope.lex.generic_words \
                and _a_tagged_body(scope, tok.text):
            yield Candidate(tok.start, tok.end, ORGANIZATION, tok.text, "tagged-body")


def _a_tagged_body(scope: Scope, word: str) -> bool:
    if len(word) < 4:
        return _short_body(scope, word)
    suffix = scope.res.body_suffixes.ends_at(word, len(word))
    if suffix is None:
        return False
    stem = word[:-len(suffix)]
    if suffix in scope.lex.weak_org_suffixes:
        return _opens_with_a_place(scope, stem)
    return len(stem) >= 2 and not any(c in CLAUSE_CHARS for c in stem) and _names_something(scope, stem)


def _country_of_its_body(scope: Scope, word: str) -> str:
    """古巴队, 秘鲁队: a word the segmenter glued from a country's name and a kind of body is that
    country's body (its team, its delegation); the country's name, or ""."""
    if len(word) < 3 or word[-1] not in scope.res.body_suffixes.last_chars:
        return ""   # most words: checked first, cheaply
    suffix = scope.res.body_suffixes.ends_at(word, len(word))
    if suffix is None or len(suffix) >= len(word):
        return ""
    return scope.lex.country_names.get(word[:-len(suffix)], "")


def _short_body(scope: Scope, word: str) -> bool:
    """国务院, 解放军, 中新社: a body the dictionary itself files as one; 中国队, 辽宁队: a place's team or body."""
    if not all(is_cjk(c) for c in word) or len(word) < 2:
        return False
    suffix = scope.res.body_suffixes.ends_at(word, len(word))
    if suffix is not None and len(suffix) < len(word):
        stem = word[:-len(suffix)]
        if stem in scope.lex.country_names or scope.lex.lookup(stem):
            return True
        if suffix != _AGENCY:
            return False   # 新格局/nt, 交汇处/nt: the dictionary files many everyday words as bodies
    if word[-1] in _FIELDS_OF_KNOWLEDGE and not word.endswith(("大学", "中学", "小学")):
        return False   # 天文学, 中医药: fields the dictionary files with bodies
    info = word_info(word)
    return info is not None and info[1] == "nt" and (
        len(word) < 3 or word[-1] in scope.res.body_suffixes.last_chars or word[-1] in _ENDINGS_OF_BODIES_FILED_WHOLE)


# What else ends a body of three characters the dictionary files whole (国民党, 解放军, 联合国, 党中央,
# 中文系, 英联邦); a word it files as a body that ends otherwise is a thing (越野车, 最高潮, 国库券).
_ENDINGS_OF_BODIES_FILED_WHOLE = frozenset("党军国央系邦")
# What ends a news agency's name (中新社, 共同社, 法新社), which the dictionary files as a body.
_AGENCY = "社"
# What ends the name of a field of knowledge or practice (天文学, 中医药, 技术) or of a process
# (国际化), not of a body.
_FIELDS_OF_KNOWLEDGE = frozenset("学药术化")


def _a_places_name(scope: Scope, stem: str) -> bool:
    lex = scope.lex
    return stem in lex.division_short_names or stem in lex.divisions_by_name or stem in lex.country_names


def _opens_with_a_place(scope: Scope, word: str) -> bool:
    """中国足球队/nt, 英国内政部/nt, 北海舰队/nt: the stem of a body the segmenter reads whole, before a weak
    suffix, opens with a state's or a division's name, and more comes after it (足球 of 中国足球队)."""
    lex = scope.lex
    return any(word[:n] in lex.country_names or word[:n] in lex.divisions_by_name or
               word[:n] in lex.division_short_names for n in range(2, len(word)))


def _names_something(scope: Scope, stem: str) -> bool:
    """A place's name or a proper name, not an everyday word (业主 of 业主委员会)."""
    if stem in scope.lex.division_short_names or stem in scope.lex.divisions_by_name:
        return True
    info = word_info(stem)
    return info is None or info[1].startswith(("ns", "nr", "nz"))


# --------------------------------------------------------------------------- media

def media(scope: Scope) -> Iterator[Candidate]:
    """东北网, 黑龙江日报, 人民网-河北频道, 央视新闻: an outlet named where a source or byline stands.

    A source line (来源:X, 据X报道), a dateline (X12月25日讯, X山西4月26日电), a
    byline (X记者), a title in book quotes (《人民日报》) or a line of its own:
    there a short run of words that ends like an outlet is one.
    """
    text = scope.text
    endings = _outlet_endings(scope)
    if not endings:
        return   # no word that ends an outlet's name: most sentences
    for start in _source_positions(scope):
        end = _outlet_end(scope, start, endings)
        if end is not None and not _an_outlets_show(scope, start) and not _two_national_outlets(scope, start, end):
            name = normalize_name(text[start:end])
            yield Candidate(start, end, ORGANIZATION, name, "media", level=_level_of_a_bare_outlet(name))


def named_sources(scope: Scope) -> Iterator[Candidate]:
    """来源:人民视点, 人民视点辽宁讯: what a source line names, or what opens a dateline before its place and
    讯, is an outlet, though its name ends in no word of outlets."""
    text = scope.text
    for m in _SOURCE_LINE.finditer(text):
        i, j = m.span(1)
        if not _names_no_outlet(scope, i, j):
            yield Candidate(i, j, ORGANIZATION, normalize_name(text[i:j]), "media")
    k = _dateline_place(scope)
    if k and not _names_no_outlet(scope, 0, k):
        yield Candidate(0, k, ORGANIZATION, normalize_name(text[:k]), "media")


def _dateline_place(scope: Scope) -> int:
    """Where the place of a dateline that opens the sentence starts, after three characters or more
    (人民视点 + 辽宁讯, 东方网 + 上海5月3日讯); 0 when none does."""
    for place in scope.found.of_type(PLACE_TYPES):
        k = place.start
        if 3 <= k <= THRESHOLDS.max_outlet and all(is_cjk(c) for c in scope.text[:k]) and \
                scope.text.startswith("讯", _after_a_date(scope.text, place.end)):
            return k
    whole = _OUTLET_BEFORE_ITS_BYLINE.match(scope.text)   # 云上十堰讯 记者 罗伟: the app is named after its city
    return whole.end(1) if whole and whole.end(1) <= THRESHOLDS.max_outlet else 0


# A dateline of an outlet's name alone, then 讯 and the reporter's role or brackets (云上十堰讯 记者 罗伟).
_OUTLET_BEFORE_ITS_BYLINE = re.compile(r"([\u4e00-\u9fff]{4,10})讯\s*(?:记者|通讯员|[(（])")


# A source line: the cue, then a name that runs to the end of the line or to a bar (来源:人民视点 | 编辑…).
_SOURCE_LINE = CuedPattern(r"来源[:：] ?([\u4e00-\u9fff]{3,10})(?=\s*(?:$|[|丨]))", ("来源",))
_DATE = re.compile(r"\d{1,2}月\d{1,2}日")


def _after_a_date(text: str, k: int) -> int:
    m = _DATE.match(text, k)
    return m.end() if m else k


def _names_no_outlet(scope: Scope, i: int, j: int) -> bool:
    """The run names no outlet: it may be a person's name (来源:吕游), is a word of the dictionary (来源:互联网)
    or a phrase, a place the sentence names, a body or an outlet other rules read by its ending word
    (来源:县农业农村局), or credits no outlet (受访者供图)."""
    run = scope.text[i:j]
    last = scope.view.token(j - 1)
    person = (j - i <= 3 and run[0] in scope.res.surnames) or (j - i == 4 and run[:2] in scope.res.surnames) or \
        last.flag.startswith("nr")   # 来源:吕游, 来源:欧阳晓东
    return person or word_info(run) is not None or scope.found.covers(i, j, PLACE_TYPES + (ORGANIZATION,)) or \
        (_read_by_its_ending(scope, run) and not run.startswith(_NATIONAL_PREFIX)) or \
        any(w in run for w in _NO_OUTLETS_WORDS) or \
        not last.flag.startswith("n")   # 来源:新闻发布: a verb ends a phrase, not an outlet's name


def _read_by_its_ending(scope: Scope, run: str) -> bool:
    return run.endswith(MEDIA_ENDINGS) or scope.res.body_suffixes.ends_at(run, len(run)) is not None


# What many a local outlet's name opens with (中国菏泽网, 中国甘肃网): the word of outlets after it is read
# without it, so a source or dateline reads the name whole.
_NATIONAL_PREFIX = "中国"
# Words of a source line that credit no outlet (来源:综合自网络, 图片来源:受访者供图).
_NO_OUTLETS_WORDS = ("自", "供图", "提供", "受访者", "网友")


def _national_channel(scope: Scope, j: int) -> int:
    """-河北频道, 重庆频道 after a national outlet: the length of the channel written after it with a dash or
    named by a place, else 0 (人民网在首页频道: no channel of its name)."""
    if scope.text[j:j + 1] not in "-－" and not scope.found.starting_at(j, PLACE_TYPES):
        return 0
    return _channel_after(scope.text, j)


def _two_national_outlets(scope: Scope, start: int, end: int) -> bool:
    """中央广电总台国际在线: two national bodies written one after the other are two, each found by its name."""
    ends = {j for i, j, _ in scope.view.hits["national_bodies"] if i == start}
    return any(i in ends and j == end for i, j, _ in scope.view.hits["national_bodies"])


def _level_of_a_bare_outlet(name: str) -> str:
    """县 of 县融媒体中心, 市 of 市广播电视台: an outlet named by a bare level is that of the story's place."""
    return name[0] if len(name) > 3 and name[0] in LEVEL_PREFIXES and name[1:].startswith(_OUTLETS_OF_A_LEVEL) else ""


# The outlets every county or city runs, named after its level (县融媒体中心, 市广播电视台).
_OUTLETS_OF_A_LEVEL = ("融媒体中心", "广播电视台", "电视台", "广播电台", "新闻中心", "融媒")


def _an_outlets_show(scope: Scope, start: int) -> bool:
    """央视《田野之声》: a title in book quotes right after an outlet's name is its show, not an outlet."""
    before = start - 1
    return scope.text[before:start] == "《" and (scope.text[:before].endswith(MEDIA_ENDINGS) or any(
        j == before for _, j, _ in scope.view.hits["national_bodies"]))


def _outlet_endings(scope: Scope) -> dict[int, int]:
    """Where a word that ends an outlet's name (日报, 网) ends in the sentence, and the length of the shortest there."""
    found: dict[int, int] = {}
    for i, j, _ in scope.view.hits["media_endings"]:
        found[j] = min(found.get(j, j), j - i)
    return found


def _source_positions(scope: Scope) -> Iterator[int]:
    """Where an outlet's name may begin: after a source cue, at the start of the sentence, after 《 or (."""
    text = scope.text
    if not text.startswith(_SOURCE_CUES):
        yield 0   # 据大众日报: the cue opens the sentence, the outlet follows it
    for cue in _SOURCE_CUES:
        i = text.find(cue)
        while i >= 0:
            k = i + len(cue)
            while k < len(text) and text[k] in " :：“":   # 据“青山发布”消息: an account's name may be quoted
                k += 1
            yield k
            i = text.find(cue, i + 1)
    for i, ch in enumerate(text):
        if ch in "《(（【-－—" and i + 1 < len(text) or _after_an_outlets_dot(text, i):
            yield i + 1 + (text[i + 1] == " ")
        elif ch in " 　" and i + 1 < len(text):
            yield i + 1
    for k in _before_reporters(text):
        yield _after_the_verb_before_reporters(scope, k)


def _after_the_verb_before_reporters(scope: Scope, k: int) -> int:
    """告诉海南日报记者, 接受大众日报记者采访, 向青山网记者介绍: after the last preposition, or verb that
    addresses a reporter, of the run before 记者 the outlet begins."""
    view = scope.view
    if k >= len(scope.text):
        return k
    for tok in view.tokens[view.token_at[k]:]:
        if tok.text in _REPORTERS:
            break
        if tok.flag[:1] == "p" and len(tok.text) <= 2 or tok.text in _ADDRESSING_A_REPORTER:
            k = tok.end
    return k


# Who writes for an outlet, named right after it (黑龙江日报记者).
_REPORTERS = ("记者", "通讯员", "评论员")
# Verbs whose object is a reporter (告诉海南日报记者): an outlet's name holds other verbs (东方观察网).
_ADDRESSING_A_REPORTER = ("告诉", "接受", "回答", "带领", "陪同", "邀请", "欢迎")


def _after_an_outlets_dot(text: str, i: int) -> bool:
    """顶端新闻·河南商报: a dot after a word that ends outlets' names joins a second outlet to the first."""
    return text[i] == "·" and i + 1 < len(text) and text.endswith(MEDIA_ENDINGS, 0, i)


def _before_reporters(text: str) -> Iterator[int]:
    """Where the run of characters before 记者 begins (黑龙江日报记者刘伟: the outlet the reporter writes for)."""
    for cue in _REPORTERS:
        i = text.find(cue)
        while i > 0:
            k = i
            while k > 0 and i - k < THRESHOLDS.max_outlet and is_cjk(text[k - 1]):
                k -= 1
            yield k
            while k > 1 and text[k - 1] == "·":   # 中青报·中青网记者: outlets joined by a dot
                j = k - 1
                while j > 0 and k - 1 - j < THRESHOLDS.max_outlet and is_cjk(text[j - 1]):
                    j -= 1
                yield j
                k = j
            i = text.find(cue, i + 1)


def _outlet_end(scope: Scope, start: int, endings: dict[int, int]) -> int | None:
    """The end of an outlet's name that starts at ``start``, when the words there make one.

    ``endings`` are the ends of the words that end an outlet's name (see :func:`_outlet_endings`).
    """
    text = scope.text
    # The shortest outlet that fits: 记者观察网, not two of them.
    for end in range(start + 2, _outlet_reach(text, start) + 1):
        if end not in endings or end - endings[end] < start or not _words_end_like_an_outlet(scope, start, end):
            continue
        name = text[start:end]
        if name in _NOT_OUTLETS:
            return None
        if len(name) < 3 and not _short_outlet(name):
            continue   # 重报 of 重报移动传媒: a longer name may end further on
        if name.endswith(_NAMED_BY_THEIR_PLACE) and not _a_places_name(scope, name[:-2]):
            continue   # (连续报道), 李明报道, 新闻发布: a kind of report, a byline; 中国报道, 青山发布 are outlets of their place
        if _ends_in_a_word_for_a_report(scope, end):
            continue   # 座谈汇报, 情况通报: a kind of report, not a paper
        desk = _DESK.match(text, end)   # 湖北日报客户端讯, 井冈山报社融媒体: a desk of the outlet is part of its name
        end = desk.end() if desk is not None else end
        if _outlet_name_closes(text, end):
            return end + _channel_after(text, end)
    return None


_DESK = re.compile("融媒体中心|融媒体|客户端|编辑部|新媒体中心")


# Endings of outlets only a place's name may open: 中国报道, and a government's account, 青山发布.
_NAMED_BY_THEIR_PLACE = ("报道", "发布")


def _ends_in_a_word_for_a_report(scope: Scope, end: int) -> bool:
    """汇报, 通报, 简报: the name's last word is an everyday word that ends in 报 and names no paper."""
    tok = scope.view.token(end - 1)
    info = word_info(tok.text)
    return tok.end == end and len(tok.text) == 2 and tok.text[-1] == "报" and info is not None and \
        info[0] >= THRESHOLDS.everyday_word_of_a_weak_suffix and tok.text not in MEDIA_ENDINGS


def _short_outlet(name: str) -> bool:
    """红网: an outlet's name of two characters, which no dictionary holds as a word (通报, 汇报 are words)."""
    return len(name) == 2 and name[-1] in "网报台" and word_info(name) is None


def _outlet_reach(text: str, start: int) -> int:
    """How far an outlet's name may run: a frequency, then Chinese characters and dashes (人民网-河北频道), at most
    :attr:`Thresholds.max_outlet` of them."""
    k = start
    while k < len(text) and text[k].isascii() and text[k].isdigit():
        k += 1   # 938潇湘之声: a radio station opens with its frequency
    while k < len(text) and k - start < THRESHOLDS.max_outlet and (is_cjk(text[k]) or text[k] in "-－"):
        k += 1
    return k


def _words_end_like_an_outlet(scope: Scope, start: int, end: int) -> bool:
    """Whole words from ``start`` to ``end`` whose last ends like an outlet (日报, 网, 电视台)."""
    return scope.text[start:end].endswith(MEDIA_ENDINGS) and (scope.view.ends_token(end) or _glued_to_its_dispatch(
        scope, start, end)) and scope.view.starts_token(start) and not _holds_a_clause_word(scope, start, end)


def _glued_to_its_dispatch(scope: Scope, start: int, end: int) -> bool:
    """新疆/ns 网讯/n, 据红星/nz 新闻报道/n: the tagger reads the outlet's last word and its dispatch (讯) as one
    word, or after a source cue (据, 来源) its last word and what follows it there (报道, 消息)."""
    tok = scope.view.token(end - 1)
    if scope.text[end:end + 1] == "讯" and tok.start == end - 1 and tok.end == end + 1:
        return True
    return tok.start < end < tok.end and scope.text[end:tok.end] in _AFTER_OUTLET and \
        scope.text[:start].rstrip(" :：“").endswith(_SOURCE_CUES)


def _holds_a_clause_word(scope: Scope, start: int, end: int) -> bool:
    """日在接受南方体育报: a preposition, adverb, conjunction or particle inside the run makes it a clause
    that ends in an outlet's name, not the name."""
    view = scope.view
    for k in range(view.token_at[start], view.token_at[end - 1] + 1):
        tok = view.tokens[k]
        if tok.flag[:1] in ("p", "d", "c", "u") and not _guessed_from_its_last_character(tok):
            return True   # a verb may name an outlet (东方观察网)
    return False


def _guessed_from_its_last_character(tok) -> bool:
    """藏地/uv: a word no dictionary holds, which the tagger calls a particle for its last character (地)."""
    return tok.flag[:1] == "u" and len(tok.text) > 1 and word_info(tok.text) is None


def _outlet_name_closes(text: str, end: int) -> bool:
    """What follows an outlet in a source line or byline: the end, a pause, 讯 or 记者, a dateline, 》 or ),
    or the next outlet of a list (综合大众日报、新华社消息)."""
    rest = text[end:end + 12].lstrip(" 》)）】”")
    return end == len(text) or rest[:1] in ("", " ", "、", "·") or rest.startswith(_AFTER_OUTLET) or \
        bool(_DATELINE.match(rest)) or text[end:end + 1] in "》)） " or _another_outlet_after_a_dash(text, end)


def _another_outlet_after_a_dash(text: str, end: int) -> bool:
    """青山网-青山晚报, 青山日报--青山网: a source line names two outlets joined by a dash (not a channel:
    人民网-河北频道)."""
    m = _AFTER_A_DASH.match(text, end)
    return m is not None and m.group(1).endswith(MEDIA_ENDINGS) and not m.group(1).endswith(("频道", "分站"))


_AFTER_A_DASH = re.compile(r"(?:--|——|[-－—])([\u4e00-\u9fff]{2,10})")


# Legal forms of a company's registered name, which holds its place (福安市…有限公司).
_LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "股份公司", "专业合作社", "股份经济合作社", "经济合作社")
# Words that end like an outlet and are none (本报 is the paper itself, the reader knows which).
_NOT_OUTLETS = frozenset({"本报", "本网", "全网", "上网", "联网", "电网", "网", "报"})
# 12月25日讯, 山西4月26日电: a dateline after an outlet's name.
_DATELINE = re.compile(r"^[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日[讯电]")


def _channel_after(text: str, end: int) -> int:
    """-河北频道 after 人民网, 海峡频道 after 中国网: the outlet's channel is part of its name."""
    if end < len(text) and text[end] in "-－":
        k = text.find("频道", end, end + 8)
        if k > 0:
            return k + 2 - end
    channel = _CHANNEL.match(text, end)
    return channel.end() - end if channel else 0


# A channel's or branch station's name written right after its outlet's (中国网海峡频道, 红网衡东分站).
_CHANNEL = re.compile(r"[\u4e00-\u9fff]{1,4}(?:频道|分站)")


# --------------------------------------------------------------------------- by suffix

def suffixed_bodies(scope: Scope) -> Iterator[Candidate]:
    """Every body a suffix ends, left to right; a longer one ending in the same place wins."""
    made: list[Candidate] = []
    inner: list[Candidate] = []   # bodies a longer one made later holds
    tried: set[int] = set()
    local = scope   # the sentence with the bodies made so far
    for p, end, suffix in scope.view.hits["body_suffixes"]:   # by end, then longest first
        if end in tried:
            continue   # a suffix the segmenter reads as one word decides (市场监管所, not 所)
        known = local.found
        if any(c.start <= p < c.end and c.type in PLACE_TYPES and (end <= c.end or c.start < p) for c in known.items):
            continue   # inside a place's name, or starting in it (镇党委 of 崞阳镇党委)
        if known.covers(p, end, (ORGANIZATION,)):
            continue
        if scope.view.starts_token(p) and scope.view.ends_token(end):
            tried.add(end)
        cand = _body(local, p, end, suffix)
        if cand is not None:
            made, held = _with_the_longer(made, cand)
            inner += held
            local = Scope(scope.view, scope.found.plus(made), scope.res)
    for cand in made:
        for body in _committee_and_government(scope, _without_its_term(_council_by_its_formal_name(scope, cand))):
            yield from _units_of_a_chain(scope, body, [m for m in inner if body.start <= m.start < body.end])
            yield from _committee_of_its_department(scope, body)


# What opens a political consultative conference's formal name: 政协第十一届凤阳县委员会 is 凤阳县政协.
_COUNCIL_OPENING = re.compile(r"(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十\d]+届)?$")


def _council_by_its_formal_name(scope: Scope, cand: Candidate) -> Candidate:
    """政协第十一届凤阳县委员会, 中国人民政治协商会议海西蒙古族藏族自治州第十四届委员会: the conference of a place
    written by its formal name, 政协, the term (before or after the place) and the place's 委员会, is that place's
    政协 (not a committee 凤阳县委员会); the formal name is kept as another form of it."""
    if not cand.name.endswith("委员会"):
        return cand
    k = cand.end - len("委员会")
    term = TERM_AT_THE_END.search(scope.text, cand.start, k)   # …自治州第十四届委员会: the term after the place
    place = scope.found.ending_at(term.start() if term else k, PLACE_TYPES)
    if place is None or place.start != cand.start:
        return cand
    opening = _COUNCIL_OPENING.search(scope.text, max(0, cand.start - 16), cand.start)
    if opening is None:
        return cand
    return dataclasses.replace(cand, start=opening.start(), name=place.name + "政协",
                               alias=normalize_name(scope.text[opening.start():cand.end]))


# The organs a term (kg.extract.base.TERM) is written before.
_ORGANS_OF_A_TERM = ("人大", "人民代表大会", "政协")


def _without_its_term(cand: Candidate) -> Candidate:
    """石台县十三届人大常委会 is 石台县人大常委会: a people's congress or conference is one body from term to
    term; the term written in its name is kept as another form of it."""
    term = TERM.search(cand.name)
    if term is None or not cand.name.startswith(_ORGANS_OF_A_TERM, term.end()) or term.start() == 0:
        return cand
    return dataclasses.replace(cand, name=cand.name[:term.start()] + cand.name[term.end():], alias=cand.name)


# 平利县委县政府, 市委市政府, 城关镇党委镇政府: a place (or none), its level's committee, the level again
# and its government.
_COMMITTEE_AND_GOVERNMENT = re.compile(r"(.*?)([省市县区镇乡旗])(?:党)?委(\2)((?:人民)?政府)")


def _committee_and_government(scope: Scope, cand: Candidate) -> list[Candidate]:
    """平利县委县政府: the place's committee and its government written as one word are two bodies, the
    second written bare and named with the place, as 县政府 alone would be."""
    m = _COMMITTEE_AND_GOVERNMENT.fullmatch(scope.text, cand.start, cand.end)
    if m is None:
        return [cand]
    government = m.start(3)
    committee = dataclasses.replace(cand, end=government, name=normalize_name(scope.text[cand.start:government]))
    named = normalize_name(m.group(1) + m.group(3) + m.group(4))
    return [committee, dataclasses.replace(cand, start=government, name=named)]


def _committee_of_its_department(scope: Scope, cand: Candidate) -> Iterator[Candidate]:
    """县委组织部, 市委政法委: a committee's department names the committee too (the 县委 of the county the
    story is about, as in 县委书记)."""
    dept = next((d for d in _PARTY_DEPARTMENTS if cand.name.endswith(d)), None)
    committee = cand.end - len(dept) if dept else cand.start
    if committee - cand.start >= 2 and scope.text[committee - 1] == "委" and scope.text[committee:cand.end] == dept:
        yield dataclasses.replace(cand, end=committee, name=normalize_name(scope.text[cand.start:committee]))


def _with_the_longer(made: list[Candidate], cand: Candidate) -> tuple[list[Candidate], list[Candidate]]:
    """The bodies made so far with ``cand`` in place of those it holds, and those it holds."""
    held = [m for m in made if cand.start <= m.start and m.end <= cand.end]
    return [m for m in made if m not in held] + [cand], held


def _units_of_a_chain(scope: Scope, cand: Candidate, held: list[Candidate]) -> Iterator[Candidate]:
    """青山市公安局城东分局河口派出所: a chain of units, each named after the one above it, holds a body
    at every inner end of a body's name (青山市公安局, 青山市公安局城东分局); a station named by its own
    township at its end (河口派出所) is a body of its own, not the chain. ``held`` are the ends of the
    bodies read before inside this one (青山市中级法院 of 青山市中级法院民一庭); each keeps the start it was
    read with (巨野县人民法院 of 山东省巨野县人民法院龙堌矿区人民法庭: the province before it is an address)."""
    if not cand.name.endswith(_UNITS_OF_CHAINS):
        yield cand
        return
    ends = [end for p, end, suffix in scope.view.hits["body_suffixes"]
            if cand.start < p and end < cand.end and len(suffix) >= 2 and scope.view.ends_token(end) and
            scope.view.starts_token(p) and end - cand.start >= 3]
    starts = {m.end: m.start for m in held}
    ends = sorted(set(ends) | starts.keys())
    for end in ends:
        start = starts.get(end, cand.start)
        yield dataclasses.replace(cand, start=start, end=end, name=normalize_name(scope.text[start:end]))
    station = next((s for s in OWN_NAMED_STATIONS if cand.name.endswith(s)), None)
    if ends and station is not None and cand.end - len(station) - ends[-1] >= 2:
        yield Candidate(ends[-1], cand.end, ORGANIZATION, normalize_name(scope.text[ends[-1]:cand.end]), cand.source)
    else:
        yield cand


# Stations and tribunals named by the township they serve, which stand on their own after the units above them.
OWN_NAMED_STATIONS = ("派出所", "司法所", "财政所", "供电所", "卫生院", "人民法庭", "法庭")
# What ends a chain of units of the police, courts (a court's chamber, its local tribunal), banks and firms,
# each named after the one above it.
_UNITS_OF_CHAINS = OWN_NAMED_STATIONS + ("分局", "支队", "大队", "中队", "分院", "支行", "分行", "分公司", "庭")


def _body(scope: Scope, p: int, end: int, suffix: str) -> Candidate | None:
    quoted = _quoted_suffix(scope, p, end, suffix) or _formed_body_in_quotes(scope, p, end, suffix)
    if quoted is not None:
        return quoted
    if not _suffix_ends_a_word(scope, p, end) or _inside_a_title(scope, p, end) or _inside_a_common_word(
            scope, p, end):
        return None
    if _former(scope, p):
        # 高桥背村原党支部, 原村委会: the body is the same, only its members are former ones.
        return _without_former(scope, p, end, suffix)
    head = _members_served(scope, p, suffix)
    bound = _branch_of_a_body(scope, scan_left(scope.view, scope.found, head, scope.res.body_shape), suffix)
    bound = _the_task_of_a_mission(scope, _a_villages_own(scope, bound, suffix), p, suffix)
    start, has_prefix = bound.start, bool(bound.prefixes)
    quoted = _quoted_name(scope, start, p, suffix)
    if quoted is not None:
        return quoted
    start, level, ref = _level(scope, start, p, suffix, has_prefix)
    name = normalize_name(scope.text[start:end])
    stem = normalize_name(scope.text[start + len(ref) + len(level) if not bound.prefixes else start:p])
    if suffix in scope.lex.core_bodies and not stem and not level:
        return _organ_in_a_post(scope, start, end, name, suffix)
    if not stem and not level:
        return None
    if not _vouched(scope, bound, start, p, end, suffix, level):
        return None
    cand = Candidate(start, end, ORGANIZATION, name, "body-suffix", level=level, ref=ref)
    return _after_the_partys_name(scope, _with_places(scope, cand, p, level))


def _members_served(scope: Scope, p: int, suffix: str) -> int:
    """Where the scan for a body's name starts: before the suffix, or before the members a station or a
    studio is set up for (人大代表联络站, 政协委员工作室), whose title the scan would stop at."""
    if suffix not in _STATIONS_OF_MEMBERS:
        return p
    title = scope.view.ending_at("titles", p)
    if title not in _MEMBERS or not scope.view.starts_token(p - len(title)):
        return p
    k = p - len(title)
    # Whose members: a place's or a body's, or a bare level's (县政协委员之家); not 规范人大代表联络站 (the kind of
    # station the clause speaks of).
    bound = scan_left(scope.view, scope.found, k, scope.res.body_shape)
    return k if bound.prefixes or scope.text[bound.start:bound.start + 1] in LEVEL_PREFIXES else p


# Places where members of a congress or a conference meet the public, named after those members.
_STATIONS_OF_MEMBERS = frozenset({"联络站", "联系点", "工作室", "之家", "联络处"})
_MEMBERS = frozenset({"委员", "代表", "人大代表", "政协委员", "党代表"})


# Suffixes of a branch, which a body's own name and the branch's place come before (中国银行青阳支行).
_BRANCHES = ("支行", "分行", "分公司", "支公司", "子公司", "分局", "分院", "分校", "分社", "分中心", "营业部", "分理处",
             "供电公司", "供电局")


def _a_villages_own(scope: Scope, bound: Boundary, suffix: str) -> Boundary:
    """江坡派出所柜山村委会: a village's or community's own body opens with places only; a body before it
    that ends in a kind of body of three characters or more (the station its adviser works for) is not
    part of its name."""
    bodies = [c for c in bound.prefixes if c.type == ORGANIZATION and
              len(scope.res.body_suffixes.ends_at(c.name, len(c.name)) or "") >= 3]
    if not suffix.startswith(_VILLAGE_LEVEL) or not bodies:
        return bound
    return dataclasses.replace(bound, start=bodies[-1].end, prefixes=tuple(c for c in bound.prefixes
                                                                          if c.start >= bodies[-1].end))


# How the suffixes of a village's or community's own bodies begin (村委会, 村党支部, 社区居委会).
_VILLAGE_LEVEL = ("村", "社区", "居委会", "居民委员会")


def _branch_of_a_body(scope: Scope, bound: Boundary, suffix: str) -> Boundary:
    """中国银行青阳支行, 邮储银行青阳支行: a branch named by its place opens with the body it is a
    branch of, written right before the place (the scan stops at the place, as an address ends)."""
    if not suffix.endswith(_BRANCHES) or not bound.prefixes or bound.prefixes[0].type not in PLACE_TYPES or \
            bound.prefixes[0].start != bound.start:
        return bound
    owner = scan_left(scope.view, scope.found, bound.start, scope.res.body_shape)
    if bound.start - owner.start < 2 or any(p.type in PLACE_TYPES and p.type != COUNTRY for p in owner.prefixes):
        return bound   # 县青阳支行, or an address (青阳县城关青阳支行): no body before the place
    return dataclasses.replace(bound, start=owner.start, prefixes=owner.prefixes + bound.prefixes)


def _quoted_suffix(scope: Scope, p: int, end: int, suffix: str) -> Candidate | None:
    """石塘村“两委”, 村“两委”: the kind of body quoted right after its place or its level is that
    place's body; the quotes are the writer's, not part of the name."""
    text = scope.text
    if len(suffix) < 2 or p < 2 or text[p - 1] not in _OPENING_QUOTES.values() or \
            text[end:end + 1] not in _OPENING_QUOTES or _OPENING_QUOTES[text[end]] != text[p - 1]:
        return None
    place = scope.found.ending_at(p - 1, PLACE_TYPES)
    if place is not None:
        return Candidate(place.start, end + 1, ORGANIZATION, place.name + suffix, "body-suffix", place=place.name)
    level = text[p - 2]
    if level in LEVEL_PREFIXES and (_boundary_before(scope, p - 2) or p > 2 and text[p - 3] in _BEFORE_A_LEVEL):
        return Candidate(p - 2, end + 1, ORGANIZATION, level + suffix, "body-suffix", level=level)   # 由/p 村“两委”
    level = next((w for w in _TWO_CHARACTER_LEVELS if text.endswith(w, 0, p - 1)), None)
    if level is not None and _boundary_before(scope, p - 1 - len(level)):   # 嘎查“两委”, 社区“两委”
        return Candidate(p - 1 - len(level), end + 1, ORGANIZATION, level + suffix, "body-suffix", level=level)
    return None


def _formed_body_in_quotes(scope: Scope, p: int, end: int, suffix: str) -> Candidate | None:
    """设立“一贵法官工作室”: a body people form, named whole in quotes, whatever words its name holds."""
    text = scope.text
    if len(suffix) < 2 or not suffix.endswith(_NAMED_IN_QUOTES) or text[end:end + 1] not in _OPENING_QUOTES:
        return None   # 团 of “飞地抱团”: a one-character kind ends many a phrase
    q = text.rfind(_OPENING_QUOTES[text[end]], max(0, p - THRESHOLDS.max_quoted_body), p)
    inner = text[q + 1:end]
    if q < 0 or len(inner) <= len(suffix) + 1 or not all(is_cjk(c) or c == "·" for c in inner):
        return None
    return Candidate(q + 1, end, ORGANIZATION, inner, "quoted-body")


def _after_the_partys_name(scope: Scope, cand: Candidate) -> Candidate:
    """中共东营市委: the party's short name before a committee named by its place is written as part of
    it; the body keeps the name people use alone (东营市委), the span and its alias hold 中共."""
    if cand.place and scope.text.endswith(THE_PARTY, 0, cand.start) and \
            any(cand.name.endswith(u) for u in _PARTY_BODY_ENDS):
        return dataclasses.replace(cand, start=cand.start - len(THE_PARTY))
    if cand.place and scope.text.endswith(YOUTH_LEAGUE, 0, cand.start) and cand.name.endswith(("委", "委员会")):
        # 共青团蛟河市委 is the Youth League's committee, not the city's party committee: 共青团 is its name's.
        return dataclasses.replace(cand, start=cand.start - len(YOUTH_LEAGUE), name=YOUTH_LEAGUE + cand.name)
    return cand


_THE_CENTRE = "中央"
# How the name of a committee of the party ends (市委, 县纪委, 区委组织部, 镇党委).
_PARTY_BODY_ENDS = ("委", "委员会", "党委", "党工委", "组织部", "宣传部", "统战部", "政法委", "纪委")


def _former(scope: Scope, p: int) -> bool:
    """原 (former) right before the suffix, after a place or body or a pause."""
    text = scope.text
    if p < 1 or text[p - 1] not in "原前":
        return False
    k = p - 1
    return k == 0 or text[k - 1] in PUNCT or scope.found.ending_at(k, PLACE_TYPES + (ORGANIZATION,)) is not None


def _without_former(scope: Scope, p: int, end: int, suffix: str) -> Candidate | None:
    """The body named as if 原 were not written, its span and alias keeping it."""
    text = scope.text
    before = scope.found.ending_at(p - 1, PLACE_TYPES + (ORGANIZATION,))
    if before is None and suffix in _VILLAGE_BODIES:
        return Candidate(p - 1, end, ORGANIZATION, suffix, "body-suffix", level="村", alias=text[p - 1:end])
    if before is None:
        return None
    place = before.name if before.type in PLACE_TYPES else before.place
    return Candidate(before.start, end, ORGANIZATION, before.name + suffix, "body-suffix", place=place,
                     alias=normalize_name(text[before.start:end]))


def _suffix_ends_a_word(scope: Scope, p: int, end: int) -> bool:
    """局 of 局面, 队 of 队伍: the suffix must end a word, unless a title follows (局长 is read by the title)."""
    view = scope.view
    if scope.text[p:end] == "中心" and _central(scope.text, end):
        return False   # 围绕县委、县政府中心工作: "central work", no centre
    if _a_departments_head(scope, p, end) or _an_assemblys_members(scope, p, end):
        return True
    if end - p == 1 and end < len(scope.text) and not view.starting_at("titles", p) and \
            is_common_word(scope.text[p:end + 1], THRESHOLDS.split_word):
        return False   # 瑞典男子网球队: the tagger cut 网球 apart; 网 begins the word
    if _last_character_cut_from_its_word(scope, end):
        return False   # 纪检组/j 织/v: the suffix's 组 begins 组织, which the tagger cut
    if end >= len(scope.text) or view.ends_token(end):
        return True
    tok = view.token(end - 1)
    return bool(view.starting_at("titles", end)) or not word_info(tok.text) or tok.text in scope.res.body_suffixes


def _an_assemblys_members(scope: Scope, p: int, end: int) -> bool:
    """省人大/n 代表, 市政协委员: an assembly's name ends before the word for its members, which the tagger
    glues to it (人大代表/nz)."""
    members = _ASSEMBLY_MEMBERS.get(scope.text[p:end])
    return members is not None and scope.text.startswith(members, end)


# The assemblies whose members a post names: the people's congress's deputies, the CPPCC's members.
_ASSEMBLY_MEMBERS = {"人大": "代表", "政协": "委员"}


def _last_character_cut_from_its_word(scope: Scope, end: int) -> bool:
    """The suffix's last character and the one after it, which the tagger left alone, make a common word;
    a function character after the suffix is one of the clause (派出所以…为己任: not 所以)."""
    text, view = scope.text, scope.view
    if end >= len(text) or view.starting_at("titles", end) or text[end] in OPENING_CHARS or text[end] in FUNCTION_CHARS:
        return False
    nxt = view.token(end)
    return nxt.start == end and nxt.end == end + 1 and is_common_word(text[end - 1:end + 1], THRESHOLDS.split_word)


# Nouns that 中心 qualifies as "central" (中心工作, 中心城区); but 服务中心工作人员 are a centre's staff.
_CENTRAL_NOUNS = ("工作", "任务", "城区", "环节", "位置", "地位", "思想", "地带", "议题", "镇区")
_STAFF = ("工作人员", "工作者", "工作站")


def _central(text: str, end: int) -> bool:
    return text.startswith(_CENTRAL_NOUNS, end) and not text.startswith(_STAFF, end)


def _a_departments_head(scope: Scope, p: int, end: int) -> bool:
    """组织部长, 统战部长: the head of a department, whose 部 the title 部长 shares; the department stands."""
    return scope.text[end - 1:end] == "部" and scope.text.startswith("长", end) and scope.text[p:end] in scope.lex.core_bodies


def _inside_a_title(scope: Scope, p: int, end: int) -> bool:
    """委 of 常委, 部 of 部长: a title that holds no body covers the suffix and more (seen within six
    characters of it)."""
    low, high = max(0, p - 6), end + 6
    if _a_departments_head(scope, p, end):
        return False
    # 党总支书记: 支书 begins inside the suffix, and the title 书记 follows it whole.
    titled = bool(scope.view.starting_at("titles", end))
    return any(low <= q and q_end <= high and q < end <= q_end and (q < p or q_end > end)
               and not (titled and p < q) for q, q_end, _ in scope.view.hits["basic_titles"])


def _a_level_word(scope: Scope, opening: str) -> bool:
    """县 of 县局, 市委 of 市委办: a level, a kind of body, or a level and its organ open the word."""
    return opening in LEVEL_PREFIXES or (len(opening) >= 2 and (
        opening in scope.res.body_suffixes or (opening[:1] in LEVEL_PREFIXES and opening[1:] in scope.lex.core_bodies)))


def _inside_a_common_word(scope: Scope, p: int, end: int) -> bool:
    """局 in 总揽全局: the word that holds the suffix begins before it and is an everyday word."""
    view = scope.view
    tok = view.token(p)
    opening = scope.text[tok.start:p]
    if tok.start >= p or tok.text in scope.res.body_suffixes or tok.flag.startswith(("ns", "nt", "nz")):
        return False
    if view.starting_at("titles", end) or _a_level_word(scope, opening):
        return False
    if tok.end == end and len(opening) >= 2 and (end - p >= 2 or tok.text[-1] == "队") and \
            scope.found.ending_at(tok.start, PLACE_TYPES):
        return False   # 巴西航空公司, 阿根廷足球队: a kind of body (航空公司, a team) after the place it is of
    if tok.end == end and _a_bureau_of_a_task(tok.text, end - p):
        return False
    info = word_info(tok.text)
    return bool(info and info[0] >= THRESHOLDS.dictionary_word)


def _a_bureau_of_a_task(word: str, suffix_length: int) -> bool:
    """监督局, 审批局: a word that is a task (监督, 审批) and the suffix names the body that does it, not an
    everyday word (格局, 全局)."""
    stem = word[:-suffix_length]
    info = word_info(stem) if len(stem) >= 2 and word.endswith(_OFFICES) else None
    return info is not None and info[1] in ("v", "vn")


# The suffixes of an office that does a task (监督局, 管理处, 检测所, 检查站); not a place where one is done
# (停车场, 活动室) or a group that does it (观察团).
_OFFICES = ("局", "处", "所", "站")


def _quoted_name(scope: Scope, start: int, p: int, suffix: str) -> Candidate | None:
    """“红马甲”志愿服务队: a quoted name, then the kind of body (a rating such as “五星级”党支部 is no name)."""
    text = scope.text
    if start != p or not suffix.endswith(_NAMED_IN_QUOTES) or p < 3 or text[p - 1] not in _OPENING_QUOTES:
        return None
    q = text.rfind(_OPENING_QUOTES[text[p - 1]], max(0, p - 10), p - 1)
    inner = text[q + 1:p - 1]
    if q < 0 or not 2 <= len(inner) <= 8 or not all(is_cjk(c) or c == "·" for c in inner):
        return None
    end = p + len(suffix)
    return Candidate(q, end, ORGANIZATION, inner + text[p:end], "quoted-body")


def _level(scope: Scope, start: int, p: int, suffix: str, has_prefix: bool) -> tuple[int, str, str]:
    """A bare level prefix (市 of 市委, 该村 of 该村党支部): the start, the level and its referring word."""
    opening = next((c for c in scope.found.starting_at(start, (ORGANIZATION,)) if c.end <= p), None)
    if opening is not None and opening.level:
        return start, opening.level, opening.ref   # 市委组织部 opens with 市委: the same place
    # 该镇铁鹅村村支部: before a place that opens the name, a referring level is only its address.
    referring = None if has_prefix else _referring_level_before(scope.text, start)
    return (referring or _bare_level_before(scope, start)
            or _referring_level_in_stem(scope.text, start, p) or _level_opening_stem(scope, start, p, has_prefix)
            or _level_of_a_listed_body(scope, start, p, suffix) or (start, "", ""))


def _referring_level_before(text: str, start: int) -> tuple[int, str, str] | None:
    """该村 or 我市 right before the name (该村党支部): the level and the word that refers to a place."""
    if start > 1 and text[start - 1] in LEVEL_PREFIXES and text[start - 2] in REFERRING:
        return start - 2, text[start - 1], REFERRING[text[start - 2]]
    return None


def _levels_body(level: str, after: str) -> bool:
    """What follows a level written as a word is that level's body; after 小区 only the party's units are an
    estate's own (小区党支部), 小区物业 is any estate's property service; after 新区 only its organs."""
    if level == NEW_AREA:
        return after.startswith(_NEW_AREA_ORGANS)
    return level != _ESTATE_LEVEL or after.startswith(_ESTATE_PARTY_UNITS)


def _bare_level_before(scope: Scope, start: int) -> tuple[int, str, str] | None:
    """市 of 市行政审批局: a level character before the name that is no place's last character and starts a word;
    街道 of 街道办事处, the township level of a city's subdistricts, and 自治区 of 自治区妇联."""
    text = scope.text
    for level in _WORD_LEVELS:
        k = start - len(level)
        if text.endswith(level, 0, start) and _levels_body(level, text[start:]) and scope.found.ending_at(start, PLACE_TYPES) is None and \
                _boundary_before(scope, k):
            return k, level, ""
    if start > 0 and text[start - 1] in LEVEL_PREFIXES and scope.found.ending_at(start, PLACE_TYPES) is None and (
            _boundary_before(scope, start - 1) or start == 1 or text[start - 2] in FUNCTION_CHARS):
        return start - 1, text[start - 1], ""
    return None


def _referring_level_in_stem(text: str, start: int, p: int) -> tuple[int, str, str] | None:
    """该村党群服务中心: the scanner kept 该村 inside the stem."""
    stem = text[start:p]
    if len(stem) > 2 and stem[0] in REFERRING and stem[1] in LEVEL_PREFIXES:
        return start, stem[1], REFERRING[stem[0]]
    return None


# Levels written as a word: 街道 of 街道办事处 (a city's subdistricts), 自治区 of 自治区妇联, and 小区 of
# 小区党支部, an estate's own branch.
_ESTATE_LEVEL = "小区"
_WORD_LEVELS = ("自治区", "街道", NEW_AREA, _ESTATE_LEVEL)
# The party's units an estate has of its own (小区党支部), which the story's estate is the place of.
_ESTATE_PARTY_UNITS = ("党支部", "党总支", "党小组", "联合党支部", "功能型党支部")
# The organs of a new area (新区人大常委会 of 滨海新区): after them 新区 is the story's area, not any new district.
_NEW_AREA_ORGANS = ("人大", "政协", "党工委", "管委会", "区委", "人民政府", "政府", "纪委", "人民法院", "人民检察院",
                    "第", "一届", "二届", "三届", "四届", "五届")


# What the tagger glues to a level that opens a bare body: a preposition (由县委), 报 (report to: 报区纪委);
# not 驻 (驻村工作队 is stationed in villages, no one village's team).
_BEFORE_A_LEVEL = frozenset(GLUED_PREPOSITIONS) | {"报"}


def _level_opening_stem(scope: Scope, start: int, p: int, has_prefix: bool) -> tuple[int, str, str] | None:
    """县 of 县行政审批局 inside the stem, a word of its own (not 市场 of 市场监管局), no place or body before it;
    自治区 of 自治区残联, 街道 of 街道司法所."""
    text = scope.text
    stem = text[start:p]
    word = next((w for w in _WORD_LEVELS if stem.startswith(w) and _levels_body(w, text[start + len(w):])), None)
    if word and not has_prefix and _boundary_before(scope, start):
        return start, word, ""   # 自治区残联, 街道司法所: the region's, the subdistrict's
    if stem and stem[0] in LEVEL_PREFIXES and not has_prefix and _level_word(scope, start) and (
            _boundary_before(scope, start) or start > 0 and text[start - 1] in _BEFORE_A_LEVEL):
        return start, stem[0], ""
    return None


def _level_of_a_listed_body(scope: Scope, start: int, p: int, suffix: str) -> tuple[int, str, str] | None:
    """市委, 县委, 村监会 are listed whole: with no stem, the suffix's own first character is the level."""
    if not scope.text[start:p] and suffix[0] in LEVEL_PREFIXES and _boundary_before(scope, p) and (
            suffix[1:] in scope.lex.core_bodies or suffix in _VILLAGE_BODIES):
        return start, suffix[0], ""
    level = next((w for w in _TWO_CHARACTER_LEVELS if suffix.startswith(w)), None)
    if not scope.text[start:p] and level and len(suffix) > len(level) and _boundary_before(scope, p):
        return start, level, ""   # 街道党工委, 社区党委: the bodies of the subdistrict or community the story names
    own = _LEVEL_OF_ITS_OWN_BODIES.get(suffix)
    if not scope.text[start:p] and own and _boundary_before(scope, p):
        return start, own, ""   # 居委会主任: the residents' committee of the community the story names
    return None


def _level_word(scope: Scope, i: int) -> bool:
    """The level character at ``i`` is not the start of an ordinary word (市场, 市管, 县域)."""
    tok = scope.view.token(i)
    if tok.start != i or len(tok.text) < 2:
        return True
    rest = tok.text[1:]
    # 县城/n 管 of 县城管执法大队: the tagger read 县城, but what follows the level is a word (城管, 民政).
    split = word_info(scope.text[i + 1:i + 3])
    return tok.flag.startswith("ns") or scope.res.body_suffixes.starts_at(rest, 0) is not None or \
        rest in scope.lex.core_bodies or bool(split and split[0] >= THRESHOLDS.word_after_a_level)


def _boundary_before(scope: Scope, i: int) -> bool:
    """Position ``i`` starts a word (not the tail of 城市 or 全市)."""
    if i == 0:
        return True
    prev = scope.text[i - 1]
    if prev in PUNCT or not is_cjk(prev) or scope.found.ending_at(i) is not None:
        return True
    if scope.view.token(i).start < i:
        return False
    prev_tok = scope.view.token(i - 1)
    return prev_tok.text not in ("全", "我", "本", "该", "各", "城", "都") and not (
        prev_tok.end == i and len(prev_tok.text) == 1 and prev_tok.text in "全我本该各")


def _committee_of(body: str) -> str:
    """县委 of 县委 or of 县委宣传部 (县委常委、宣传部部长、统战部部长: each department is the committee's)."""
    if body.endswith("委"):
        return body
    dept = next((d for d in _PARTY_DEPARTMENTS if body.endswith(d) and body[:-len(d)].endswith("委")), None)
    return body[:-len(dept)] if dept else ""


def _organ_in_a_post(scope: Scope, start: int, end: int, name: str, suffix: str) -> Candidate | None:
    """政法委 or 宣传部 alone names a body only inside a post, as part of the body of the title before it.

    县委常委、宣传部部长: the department of the committee just named;
    经开区党工委副书记、管委会主任: a body of the same place.
    """
    if not scope.view.starting_at("titles", end) and not _a_departments_head(scope, start, end):
        return None
    prev = _body_of_previous_title(scope, start)
    if prev is None:
        return _organ_of_the_place_before(scope, start, end, name, suffix)
    place = prev.place or _place_of(prev.name, scope.lex.party_units)
    committee = _committee_of(prev.name)
    if suffix in _PARTY_DEPARTMENTS and committee and (prev.level or prev.place):
        full = committee + name
    elif place and suffix not in _PARTY_DEPARTMENTS:
        full = place + name
    elif prev.level and suffix not in _PARTY_DEPARTMENTS and len(suffix) > 1:
        full = prev.level + name   # 县委办主任、总工会主席: the county's federation, as the post before it
    else:
        return None
    return Candidate(start, end, ORGANIZATION, full, "body-in-post", level=prev.level, ref=prev.ref, alias=name)


def _organ_of_the_place_before(scope: Scope, start: int, end: int, name: str, suffix: str) -> Candidate | None:
    """平安县副县长、公安局局长: a government's department after the post of a place's government is that
    place's (平安县公安局)."""
    found = _title_before(scope, start)
    if found is None or suffix in _PARTY_DEPARTMENTS or len(suffix) < 2:
        return None
    place = scope.found.ending_at(found[0] - len(found[1]), PLACE_TYPES)
    if place is None:
        return None
    return Candidate(start, end, ORGANIZATION, place.name + name, "body-in-post", alias=name)


def _title_before(scope: Scope, start: int) -> tuple[int, str] | None:
    """Where the title before ``、`` ends, and the title (副县长 in 平安县副县长、公安局局长)."""
    text = scope.text
    k = start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k == 0 or text[k - 1] != "、":
        return None
    k -= 1
    title = scope.view.ending_at("titles", k)
    return (k, title) if title is not None else None


def _body_of_previous_title(scope: Scope, start: int) -> Candidate | None:
    """The body of the title before ``、`` (县委 in 县委常委、宣传部部长)."""
    found = _title_before(scope, start)
    if found is None:
        return None
    k, title = found
    body = scope.found.ending_at(k - len(title), (ORGANIZATION,))
    if body is None:
        body = next((c for c in scope.found.of_type((ORGANIZATION,))
                     if c.start < k and c.end > k - len(title) and c.end <= k), None)
    return body


def _place_of(name: str, party_units: tuple[str, ...]) -> str:
    """What stands before a body's party unit: its place (经开区 of 经开区党工委)."""
    for unit in party_units:
        if name.endswith(unit) and len(name) - len(unit) >= 2:
            return name[:-len(unit)]
    return ""


def _vouched(scope: Scope, bound, start: int, p: int, end: int, suffix: str, level: str) -> bool:
    """A place or body opens the name, or a level prefix, or a proper name stands in the stem.

    A weak suffix (局, 队, 中心) needs more: a place right before it (岚县行政审批局),
    or a proper name; a body before it names a unit of that body.
    """
    weak = suffix in scope.lex.weak_org_suffixes
    if weak and len(suffix) == 1 and not _one_character_suffix_is_a_word(scope, p, end):
        return False
    core_start = bound.prefixes[-1].end if bound.prefixes else start
    if _after_its_parent_body(scope, start) or _a_national_bodys_unit(scope, start, p):
        return True   # 晋中信息学院·国际商学院, 公安部特勤局: a unit named after its parent body
    proper = _proper_name_before_suffix(scope, core_start, start, p, end, suffix) or \
        scope.text.startswith(_THE_CENTRE, start)   # 中央第三生态环境保护督察组: the national level opens it
    if not (bound.prefixes or level or proper):
        return _named_without_a_place(scope, start, p, end, suffix)
    if weak and not level and not proper:
        return _placed_before_weak_suffix(scope, bound, p)
    return True


# Kinds of body named by the task they are set up for (乡村振兴工作队, 脱贫攻坚工作队, 防汛指挥部).


# Bodies that people form and name (a team, a troupe, an association), which a quote may name whatever
# its words; not kinds that also name a way of working (红色物业, 共享平台).
_FORMED_BODIES = ("队", "团", "协会", "联盟", "理事会", "议事会", "工作室", "合作社")


def _named_without_a_place(scope: Scope, start: int, p: int, end: int, suffix: str) -> bool:
    """A body with no place, level or proper name before its suffix: a team named by its task, or a
    team, troupe or association quoted whole."""
    return (suffix in MISSION_SUFFIXES and _a_mission(scope, start, p)) or (
        suffix.endswith(_FORMED_BODIES) and _quoted_whole(scope, start, end)) or _a_zones_committee(scope, start, p, suffix)


# What a zone's name ends in (现代农业产业示范区, 经济开发区): its 管委会 runs it.
_ZONE_ENDINGS = ("示范区", "开发区", "园区", "产业园", "工业园", "新区", "景区", "保护区", "试验区", "实验区", "合作区",
                 "集聚区", "功能区")


def _a_zones_committee(scope: Scope, start: int, p: int, suffix: str) -> bool:
    """现代农业产业示范区管委会副主任: the administrative committee of a zone the story names without its place."""
    stem = scope.text[start:p]
    return suffix in ("管委会", "管理委员会") and stem.endswith(_ZONE_ENDINGS) and len(stem) > 3 and \
        all(is_cjk(c) and c not in FUNCTION_CHARS for c in stem)


def _quoted_whole(scope: Scope, start: int, end: int) -> bool:
    """成立了“红色服务队”: a body's name quoted whole is a name the writer gives, whatever its words."""
    text = scope.text
    return start > 0 and end < len(text) and text[end] in _OPENING_QUOTES and \
        _OPENING_QUOTES[text[end]] == text[start - 1] and end - start >= 4


def _a_mission(scope: Scope, start: int, p: int) -> bool:
    """乡村振兴工作队: a task of two to six characters, a phrase of its own, names the team set up for it."""
    stem = scope.text[start:p]
    before = scope.view.token_before(start)
    return 2 <= len(stem) <= 6 and all(is_cjk(c) and c not in FUNCTION_CHARS for c in stem) and \
        stem[0] not in DETERMINERS and (start == 0 or scope.text[start - 1] in PUNCT or scope.text[start - 1] in "的是"
                                        or (before.end == start and before.flag.startswith(_BEFORE_A_TASK)))


# Tags of a word a team's task may follow as a phrase of its own (后来/t, 成立/v, 了/ul, 从/p).
_BEFORE_A_TASK = ("t", "p", "u", "c", "d", "m", "f", "v")


def _the_task_of_a_mission(scope: Scope, bound, p: int, suffix: str):
    """脱贫/v 攻坚/vn 工作队: the task a team is named by opens with the verb of a task, which the scan stops
    at; the name takes in such verbs before it, up to six characters in all."""
    if suffix not in MISSION_SUFFIXES or bound.prefixes or bound.parent is not None:
        return bound
    start = bound.start
    while start > 0:
        tok = scope.view.token_before(start)
        if tok.end != start or tok.text not in scope.lex.body_name_verbs or p - tok.start > 6:
            break
        start = tok.start
    return dataclasses.replace(bound, start=start)


# Tags of a word that cannot be a body's one-character kind (的, 在, 和, 也, 是, 这 …).
_NOT_BODY_KIND_FLAGS = ("u", "uj", "p", "c", "d", "v", "r", "f")


def _one_character_suffix_is_a_word(scope: Scope, p: int, end: int) -> bool:
    """队 of 巡逻队 is a word of its own; 队 of 队伍 or a particle the tagger reads there is none."""
    tok = scope.view.token(p)
    if tok.end > end and scope.view.starting_at("titles", end):
        return True   # 合作/vn 局局长/n, 执行局局长/n: the tagger glued the kind to the title of its head
    return tok.end == end and tok.flag not in _NOT_BODY_KIND_FLAGS


def _proper_name_before_suffix(scope: Scope, core_start: int, start: int, p: int, end: int, suffix: str) -> bool:
    """鹏飞 of 鹏飞集团, 善智 of 由善智教育集团, or a core organ named in a post (政法委书记孙立新)."""
    return _proper_stem(scope, core_start, p) or _tagged_whole(scope, core_start, p, end) or \
        _national_body_stem(scope, core_start, p) or \
        _glued_to_a_preposition(scope, start) or (
        suffix in scope.lex.core_bodies and not scope.text[start:p] and _named_post_follows(scope, end))


def _national_body_stem(scope: Scope, start: int, p: int) -> bool:
    """民盟省委会, 民建市委会: a national body's name before the committee it has in a place."""
    return any(i == start and j == p for i, j, _ in scope.view.hits["national_bodies"])


def _placed_before_weak_suffix(scope: Scope, bound, p: int) -> bool:
    """岚县行政审批局: a weak suffix needs a place right before it, or among the names that open the body."""
    return scope.found.ending_at(p, PLACE_TYPES) is not None or any(c.type in PLACE_TYPES for c in bound.prefixes)


def _glued_to_a_preposition(scope: Scope, start: int) -> bool:
    """由善智教育集团: the tagger glued 由 to a proper name it tagged as one; the scanner cut it off."""
    tok = scope.view.token(start)
    return tok.start == start - 1 and tok.end - start >= 2 and tok.flag.startswith(("nr", "nz", "ns")) and \
        scope.text[start - 1] in GLUED_PREPOSITIONS


def _a_national_bodys_unit(scope: Scope, start: int, p: int) -> bool:
    """公安部特勤局, 农业农村部乡村振兴局: a national body, then a word of two characters or more, then the
    suffix name a unit of that body."""
    return any(i == start and p - j >= 2 and all(is_cjk(c) for c in scope.text[j:p]) and scope.view.starts_token(j)
               for i, j, _ in scope.view.hits["national_bodies"])


def _after_its_parent_body(scope: Scope, start: int) -> bool:
    return start >= 2 and scope.text[start - 1] == "·" and scope.found.ending_at(start - 1, (ORGANIZATION,)) is not None


def _proper_stem(scope: Scope, start: int, p: int) -> bool:
    """The stem holds a whole word that is a name rather than a common noun (鹏飞 of 鹏飞集团)."""
    if p <= start:
        return False
    view = scope.view
    for k in range(view.token_at[start], view.token_at[p - 1] + 1):
        tok = view.tokens[k]
        if tok.start < start or tok.end > p:
            continue   # a fragment left by cutting the suffix out of a word (物业公 + 司)
        info = word_info(tok.text)
        if info is None and len(tok.text) >= 2:
            return True
        if tok.flag.startswith(("nr", "ns", "nt", "nz")) and (info is None or info[1].startswith(("nr", "ns", "nt", "nz"))):
            return True
        if tok.flag == "a" and len(tok.text) > 1 and info is not None and info[0] < THRESHOLDS.brand_adjective and \
                k < view.token_at[p - 1]:
            return True   # 丰润/a 果蔬专业合作社: an adjective news rarely uses, before more words, is a brand
    return _coined_of_single_characters(scope, start, p)


# Tags of the morphemes a coined brand is made of (茗/ng 芽/n).
_MORPHEME_FLAGS = ("n", "ng", "a", "ag")


def _coined_of_single_characters(scope: Scope, start: int, p: int) -> bool:
    """茗/ng 芽/n 种植专业合作社: a stem no dictionary knows, made of morphemes the tagger read one by one,
    is a brand coined for the body."""
    stem = scope.text[start:p]
    if not 2 <= len(stem) <= 3 or not scope.view.starts_token(start) or word_info(stem) is not None:
        return False
    tokens = [scope.view.token(k) for k in range(start, p)]
    return all(t.end - t.start == 1 and t.flag in _MORPHEME_FLAGS and t.text not in FUNCTION_CHARS for t in tokens)


def _tagged_whole(scope: Scope, start: int, p: int, end: int) -> bool:
    """海尔集团/nt, 法国队/nt: the tagger reads the stem and the suffix as one body's name. Before a
    suffix of two characters or more a brand's stem may be an everyday word (联想集团); before one of
    one character it may not (施工队). The stem holds no function word (党和政府)."""
    tok = scope.view.token(start)
    stem = scope.text[start:p]
    if not (tok.start == start and tok.end == end and tok.flag == "nt" and len(stem) >= 2):
        return False
    common = THRESHOLDS.common_word
    if end - p == 1 and (is_common_word(scope.text[p - 1:end], common) or is_common_word(stem, common)):
        return False   # 大操大办, 公共场所, 施工队: a one-character suffix after or ending an everyday word
    return not any(ch in FUNCTION_CHARS for ch in stem)   # 党和政府


def _named_post_follows(scope: Scope, end: int) -> bool:
    """政法委书记孙立新: a title follows, and a surname after it."""
    title = scope.view.starting_at("titles", end)
    if title is None:
        return False
    k = end + len(title)
    return k < len(scope.text) and (scope.text[k] in scope.lex.surnames_single or
                                    scope.text[k:k + 2] in scope.lex.surnames_double)


def _with_places(scope: Scope, cand: Candidate, p: int, level: str) -> Candidate:
    """The place a body is named after, and the place that is only its address (孝义市鹏飞集团)."""
    inner = scope.found.inside(cand.start, p, PLACE_TYPES)
    addressed = _after_its_address(scope, cand, p, level, inner)
    if addressed is not None:
        return addressed
    if inner:
        return dataclasses.replace(cand, place=max(inner, key=lambda c: c.end).name)
    parent = scope.found.ending_at(cand.start + len(level), PLACE_TYPES)
    if parent is not None and parent.end == cand.start:
        return dataclasses.replace(cand, place=parent.name)
    return cand


def _after_its_address(scope: Scope, cand: Candidate, p: int, level: str, inner: list[Candidate]) -> Candidate | None:
    """孝义市鹏飞集团: the places that open the name, then a proper name, are the body's address (鹏飞集团 in 孝义市).

    (淄博市公安局张店分局 stays the city's bureau: 公安局 names no one.)
    """
    first = min(inner, key=lambda c: c.start) if inner else None
    if not _opens_with_an_address(cand, first, level) or any(
            first.end < b.end <= p for b in scope.found.starting_at(cand.start, (ORGANIZATION,))):
        return None   # 青山市中级法院民一庭: a unit of the body the place names, not an address
    rest = _after_places(scope, cand.start, p)
    tok = scope.view.token(rest) if rest < p else None
    if tok is None or not _proper_word_at(scope, tok, rest, p):
        return None
    return dataclasses.replace(cand, start=rest, name=normalize_name(scope.text[rest:cand.end]), located=first.name)


def _opens_with_an_address(cand: Candidate, first: Candidate | None, level: str) -> bool:
    """A place written in full opens the name of a body with no level prefix and no registered legal form.

    福安市村联村农业发展有限公司, 白水县小龙苹果专业合作社: a registered name holds its place.
    """
    registered = cand.name.endswith(_LEGAL_FORMS)
    return first is not None and first.start == cand.start and not level and not first.short and not registered


def _proper_word_at(scope: Scope, tok, rest: int, p: int) -> bool:
    """A whole word starting at ``rest`` before the suffix, a proper name and no kind of body itself."""
    return tok.start == rest and tok.end <= p and _first_word_proper(scope, tok) and \
        tok.text not in scope.res.body_suffixes and tok.text not in scope.lex.posts   # 林长 of 林长制指挥中心


def _after_places(scope: Scope, start: int, p: int) -> int:
    """End of the run of places that opens the span [start, p)."""
    k = start
    while True:
        # The longest place at each step: 凤台县高新区 opens 凤台县高新区管委会 whole, not 凤台县 alone.
        nxt = max((c for c in scope.found.starting_at(k, PLACE_TYPES) if c.end <= p), key=lambda c: c.end,
                  default=None)
        if nxt is None:
            return k
        k = nxt.end


def _first_word_proper(scope: Scope, tok) -> bool:
    return tok.flag.startswith(("nr", "nz", "nt")) or (word_info(tok.text) is None and len(tok.text) >= 2)


# --------------------------------------------------------------------------- coordinated

_LINKS = re.compile("[、和及与]")

def coordinated(scope: Scope) -> Iterator[Candidate]:
    """凤阳县纪委监委、农业农村局: a bare body listed after a placed one belongs to the same place."""
    text = scope.text
    if not any(c.type == ORGANIZATION for c in scope.found.items):
        return   # no body before any link
    for m in _LINKS.finditer(text):
        i = m.start()
        left = scope.found.ending_at(i, (ORGANIZATION,))
        if left is None or not (left.place or left.level) or scope.found.starting_at(i + 1, (ORGANIZATION,)):
            continue
        yield from _listed_after(scope, left, i)


def _listed_after(scope: Scope, left: Candidate, i: int) -> Iterator[Candidate]:
    """镇综治中心、派出所、司法所: each bare body of the list after ``left`` (the link at ``i``) is of its place."""
    text = scope.text
    prefix = left.place if left.place and not left.level else text[left.start:left.start + len(left.ref) + 1]
    organ = _organ_of_a_committee(left.name[len(prefix):]) if left.level else ""
    first = True
    while (right := _bare_body_at(scope, i + 1, ends_the_list=not first)) is not None:
        first = False
        within = organ if organ and right[1].endswith(_COMMITTEE) else ""   # 省人大内司委、财经委: the congress's
        yield Candidate(i + 1, right[0], ORGANIZATION, prefix + within + right[1], "coordinated", level=left.level,
                        ref=left.ref, place=left.place if not left.level else "", alias=right[1])
        i = right[0]
        if i >= len(text) or not _LINKS.match(text, i) or scope.found.ending_at(i, (ORGANIZATION,)) or \
                scope.found.starting_at(i + 1, (ORGANIZATION,)):
            return


# Organs whose committees are listed after one another (省人大内司委、财经委; 市政协提案委、经济委).
_ORGANS_WITH_COMMITTEES = ("人大常委会", "人大", "政协")
_COMMITTEE = "委"


def _organ_of_a_committee(rest: str) -> str:
    """人大 of 人大内司委: the organ a committee listed first belongs to, "" when the body is the organ itself."""
    organ = next((o for o in _ORGANS_WITH_COMMITTEES if rest.startswith(o)), "")
    return organ if organ and len(rest) > len(organ) and rest.endswith(_COMMITTEE) else ""


def _bare_body_at(scope: Scope, i: int, ends_the_list: bool = False) -> tuple[int, str] | None:
    """(end, name) of a body written without its place right at ``i`` (农业农村局, 市场监管局); one right
    after the first item's link needs more of the list after it, a later one may end the list (林业局参加)."""
    text = scope.text
    for _, end, suffix in scope.view.hits["body_suffixes"]:
        if end <= i or end - i > 10 or not scope.view.starts_token(i) or not scope.view.ends_token(end):
            continue
        name = text[i:end]
        if all(is_cjk(c) for c in name) and len(name) > len(suffix) and not scope.found.overlapping(
                i, end, PLACE_TYPES + (ORGANIZATION,)) and (ends_the_list or _list_goes_on(text, end)):
            return end, name
    return None


def _list_goes_on(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in "、,，。;；和及与" or text.startswith(("等", "共同", "联合"), end)


# --------------------------------------------------------------------------- companies written short

def short_companies(scope: Scope) -> Iterator[Candidate]:
    """江苏科利科技, 苏州超邦涂料: a province or city, the firm's own name, then its trade, as news of
    investment projects writes companies without their legal form."""
    text, trades = scope.text, scope.lex.industry_words
    for place in scope.found.of_type((PROVINCE, CITY)):
        k = _after_places(scope, place.start, len(text))
        for length in (2, 3):
            trade = next((w for w in trades if text.startswith(w, k + length)), None) \
                if text.startswith(trades, k + length) else None
            end = k + length + len(trade) if trade else 0
            if trade and _firms_own_name(scope, k, k + length) and scope.view.ends_token(end) and \
                    not scope.view.starting_at("body_suffixes", end):   # …电子科技有限公司: the suffix names it
                yield Candidate(place.start, end, ORGANIZATION, normalize_name(text[place.start:end]),
                                "short-company", located=place.name)
                break


def _firms_own_name(scope: Scope, i: int, j: int) -> bool:
    """超邦 of 苏州超邦涂料: Chinese characters that are no everyday word, where a word begins."""
    name = scope.text[i:j]
    return all(is_cjk(c) and c not in FUNCTION_CHARS for c in name) and scope.view.starts_token(i) and \
        not is_common_word(name[:2], THRESHOLDS.firm_name_word) and not scope.found.starting_at(i)


# --------------------------------------------------------------------------- inside a party unit's name

def bodies_of_party_units(scope: Scope) -> Iterator[Candidate]:
    """县政协党组成员, 市住建局党委书记, 区经发局党委多次走访: the body a party unit is set up in, named inside
    the unit's name, is a body too (the 局长 listed after 局党组书记 is the bureau's). A place before the unit
    (城关镇党委, 东湖村党支部) is no body."""
    for c in scope.found.of_type((ORGANIZATION,)):
        unit = next((u for u in scope.lex.party_units if c.name.endswith(u) and len(c.name) > len(u) + 1), None)
        if unit is None:
            continue
        stem = c.name[:-len(unit)]
        end = c.end - len(unit)
        ends_as_a_body = any(stem.endswith(x) for x in scope.res.body_suffixes if len(x) >= 2) or \
            stem.endswith(scope.lex.core_bodies) or (len(stem) >= 4 and stem[-1] in scope.res.body_suffixes)
        named = any(o.start == c.start and o.end == end for o in scope.found.of_type((ORGANIZATION,)))
        if ends_as_a_body and not named and not _listed_with_other_units(scope, c):
            yield dataclasses.replace(c, end=end, name=stem, alias="", source="party-unit-body")


def _listed_with_other_units(scope: Scope, c: Candidate) -> bool:
    """市人民法院机关党委、市人力社保局机关党委…等5家机关党组织: party units listed together stand for the
    units; their bodies are not named for themselves."""
    units = scope.lex.party_units
    return any(o is not c and o.name.endswith(units) and (o.end + 1 == c.start or c.end + 1 == o.start)
               and "、" in scope.text[min(o.end, c.end):max(o.start, c.start)]
               for o in scope.found.of_type((ORGANIZATION,)))


# What follows a village's name when its committee shares the village's 村 (双桥村委会 for 双桥村村委会).
_COMMITTEE_SHARING_THE_VILLAGES_CHARACTER = "委会"


def villages_committees(scope: Scope) -> Iterator[Candidate]:
    """来到双桥村委会: the villagers' committee written with one 村, the village's, is that village's body,
    named as written."""
    text = scope.text
    for v in scope.found.of_type((VILLAGE,)):
        end = v.end + len(_COMMITTEE_SHARING_THE_VILLAGES_CHARACTER)
        if text.endswith("村", 0, v.end) and text.startswith(_COMMITTEE_SHARING_THE_VILLAGES_CHARACTER, v.end):
            yield Candidate(v.start, end, ORGANIZATION, v.name + _COMMITTEE_SHARING_THE_VILLAGES_CHARACTER,
                            "village-committee", place=v.name)


def stations_of_townships(scope: Scope) -> Iterator[Candidate]:
    """六枝特区公安局落别派出所: a station named after its township written short (落别 for 落别布依族彝族乡),
    whatever the tagger reads in it, where the sentence names the county or city the township lies in."""
    yield from stations_below(scope, places_and_above(scope.found.of_type(PLACE_TYPES), scope.lex))


def places_and_above(places, lex) -> set[str]:
    """The codes of the places and of every division above them."""
    codes = {c.code for c in places if c.code}
    return codes | {a.code for code in codes for a in lex.ancestors(code)}


def stations_below(scope: Scope, above: set[str]) -> Iterator[Candidate]:
    """The stations named after a township short (落别派出所) that lies in one of the divisions ``above``."""
    if not above:
        return
    stems = townships_by_stem(scope.lex)
    for p, end, suffix in scope.view.hits["body_suffixes"]:
        if suffix not in OWN_NAMED_STATIONS or scope.found.covers(p - 2, end, PLACE_TYPES):
            continue
        for k in (p - 3, p - 2):
            township = next((d for d in stems.get(scope.text[max(k, 0):p], ()) if d.parent in above), None)
            if k >= 0 and township is not None:
                yield Candidate(k, end, ORGANIZATION, scope.text[k:end], "station", place=township.name)
                break


# Councils that work through committees named by their fields (县政协文化文史和学习委员会).
_COUNCILS = ("政协", "人大常委会", "人大")
# A council's committee: its fields, two of them joined by 和 at most, and 委员会 (not 委员会议, a meeting).
_COUNCILS_COMMITTEE = re.compile("([\u4e00-\u9fff]{2,6}?(?:和[\u4e00-\u9fff]{2,4})?)委员会(?!议)")


def councils_committees(scope: Scope) -> Iterator[Candidate]:
    """县政协文化文史和学习委员会, 市人大常委会社会建设委员会: a committee written right after its council is
    that council's, its fields joined by 和 inside its name."""
    for council in scope.found.of_type((ORGANIZATION,)):
        if not council.name.endswith(_COUNCILS):
            continue
        m = _COUNCILS_COMMITTEE.match(scope.text, council.end)
        if m is None or not _fields_of_a_committee(scope, m.start(1), m.end(1)):
            continue
        yield Candidate(council.start, m.end(), ORGANIZATION, normalize_name(scope.text[council.start:m.end()]),
                        "council-committee", level=council.level, ref=council.ref, place=council.place)


def _fields_of_a_committee(scope: Scope, i: int, j: int) -> bool:
    """The words between a council and 委员会 name fields of work (文化, 文史, 学习), not a clause (召开全体)."""
    tokens = [t for t in scope.view.tokens if i <= t.start < j]
    if not tokens or tokens[0].start != i or not scope.view.ends_token(j) or tokens[0].flag.startswith(("v", "m")):
        return False
    return all(t.flag.startswith(("n", "v", "j")) or t.text == "和" for t in tokens)


GENERATORS = (national_bodies, the_centre_before_the_levels, youth_league_committees, conference_committees,
              place_committees, tagged_bodies,
              media, named_sources, suffixed_bodies, short_companies, stations_of_townships, villages_committees)
# After the bodies of the sentence are known: the bare ones listed after them, the bodies named
# inside their party units' names, and the committees of councils.
COORDINATED = (coordinated, bodies_of_party_units, councils_committees)


# The two committees of a village or community (its party branch and its villagers' or residents' committee);
# not the 两委 of 两委员 (two members).
_TWO_COMMITTEES = "两委"
_TWO_COMMITTEES_WRITTEN = re.compile("两委(?!员)")
# What ends the place a 两委 is written after (村“两委”, 社区两委): another rule reads those.
_ENDS_OF_A_LEVEL = frozenset("村区查居")


def two_committees_of_the_storys_village(texts: list[str], kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """“两委”班子 in a story of 山营村: the two committees written without their place are those of the
    village or community the story named last before them, or of the one it names after them when it names
    only one; a story that names none gives them no body (GOLD_FORMAT: a bare body is an alias of the full one)."""
    named = [(i, c.start, c.name) for i, sentence in enumerate(kept) for c in sentence
             if c.type in (VILLAGE, COMMUNITY)]
    only = {name for _, _, name in named}
    out: list[list[Candidate]] = [[] for _ in texts]
    for i, text in enumerate(texts):
        for q in _bare_two_committees(text, kept[i]):
            before = max(((j, start, name) for j, start, name in named if (j, start) < (i, q)), default=None)
            place = before[2] if before else (next(iter(only)) if len(only) == 1 else None)
            if place is not None:
                out[i].append(Candidate(q, q + len(_TWO_COMMITTEES), ORGANIZATION, place + _TWO_COMMITTEES,
                                        "two-committees", place=place))
    return out


def _bare_two_committees(text: str, kept: list[Candidate]) -> Iterator[int]:
    """Where 两委 stands with no place or level before it (a quote or bracket may open it); not after a
    level in brackets (村(社区)“两委”: every village's)."""
    for m in _TWO_COMMITTEES_WRITTEN.finditer(text):
        q = m.start()
        k = q - 1 if q > 0 and (text[q - 1] in QUOTE_CHARS or text[q - 1] in "(（") else q
        if (k == 0 or text[k - 1] not in _ENDS_OF_A_LEVEL and text[k - 1] not in ")）") and \
                not any(c.start <= q < c.end for c in kept):
            yield q


# Teams sent to work in a place: 驻 (stationed in) and the places before their kind.
_STATIONED = "驻"
_STATIONED_TEAMS = ("工作队", "工作组")
# The level a team is stationed in written alone (驻村工作队, 驻镇工作组).
_STATIONED_LEVELS = frozenset("村镇乡县")


def stationed_teams(scope: Scope) -> Iterator[Candidate]:
    """山南市政府办驻浪卡子县浪卡子居委会工作队, 拉萨市当雄县驻村工作队: a team stationed (驻) in places is named
    from the body or the places that send it to its kind, the places it is stationed in between."""
    text = scope.text
    for p, end, suffix in scope.view.hits["body_suffixes"]:
        if suffix not in _STATIONED_TEAMS:
            continue
        k = _stationed_at(scope, p)
        if k is None:
            k = _stationed_before_the_team(scope, end)
        sender = scope.found.ending_at(k, PLACE_TYPES + (ORGANIZATION,)) if k is not None else None
        if sender is None:
            continue   # 驻村工作队 sent by no body named: the kind's own rules read it
        start = sender.start
        while (above := scope.found.ending_at(start, PLACE_TYPES)) is not None:
            start = above.start   # 拉萨市当雄县: the places that send it, each inside the one before
        place = sender.name if sender.type in PLACE_TYPES else sender.place
        level = "" if sender.type in PLACE_TYPES else sender.level
        yield Candidate(start, end, ORGANIZATION, normalize_name(text[start:end]), "stationed-team",
                        place=place, level=level)


def _stationed_before_the_team(scope: Scope, end: int) -> int | None:
    """驻 + 浪卡子县浪卡子居委会工作队: the offset of the 驻 right before a team the bodies' rules read whole,
    from the places and the unit it is stationed in to its kind; None when there is none."""
    team = scope.found.ending_at(end, (ORGANIZATION,))
    return team.start - 1 if team is not None and scope.text[team.start - 1:team.start] == _STATIONED else None


def _stationed_at(scope: Scope, p: int) -> int | None:
    """The offset of the 驻 that opens the places before the team's kind at ``p`` (驻扎西岗村、玉萨村工作队,
    驻村工作队), or None."""
    text = scope.text
    if p >= 2 and text[p - 1] in _STATIONED_LEVELS and text[p - 2] == _STATIONED:
        return p - 2
    pos = p
    while (place := scope.found.ending_at(pos, PLACE_TYPES + (ORGANIZATION,))) is not None:
        pos = place.start
        if pos > 0 and text[pos - 1] == "、":
            pos -= 1
        elif pos > 0 and text[pos - 1] == _STATIONED:
            return pos - 1
    return None
