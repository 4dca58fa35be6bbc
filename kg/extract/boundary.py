"""The one left-boundary scanner: where a name that ends at a suffix or cue begins.

Every kind of name (a village before 村, a body before 局, a program before
模式) runs left from its head over the words that may stand inside a name of
that kind, and stops at the first that may not: punctuation, a verb, a
preposition, a function word, a title, an everyday word of the stop list.
A :class:`NameShape` says, for one kind, what may stand inside and which
recognised entities may open the name (a place opens a body's name) or bound
it (the township before a village is its parent, not part of its name).
Whatever the words, a name never starts with a word that only ever opens a
clause (任命, 时任, 经, 由, 汇报了): :func:`trim_opening` cuts it off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.base import CLAUSE_CHARS, LEVEL_PREFIXES, NOMINAL_FLAGS, PUNCT, word_info
from kg.extract.candidate import Candidate
from kg.extract.thresholds import THRESHOLDS
from kg.extract.view import Found, SentenceView
from kg.model import ORGANIZATION
from kg.text import is_cjk

__all__ = ["NameShape", "Boundary", "scan_left", "trim_opening", "opens_no_name", "OPENING_CHARS"]


@dataclass(frozen=True)
class NameShape:
    """What may stand inside a name of one kind."""
    kind: str
    max_chars: int
    stop_words: frozenset[str]                   # words that end the name on its left
    opening_words: frozenset[str]                # words that never begin a name (任命, 时任, 经)
    prefix_types: tuple[str, ...] = ()           # recognised entities that may open the name
    parent_types: tuple[str, ...] = ()           # recognised entities that bound it (they become its parent)
    numerals: bool = False                       # digits may stand inside (第一中学, 12345热线)
    beyond_prefix: bool = False                  # plain words may stand before a prefix entity
    parent_reach: int = 0                        # characters to look past for a parent where words stop the scan
    address_types: tuple[str, ...] = ()          # prefixes of which only the nearest opens the name
    inserted: tuple[str, ...] = ()               # bracketed forms that may stand inside (…(集团)…)
    dotted: tuple[str, ...] = ()                 # recognised names a dot may join to this one (碧桂园·翡翠湾小区)
    stop_types: tuple[str, ...] = ()             # recognised names that end the scan (a person before a body)
    inner_words: frozenset[str] = frozenset()    # words of any kind that may stand inside (开发 of …开发集团公司)


@dataclass(frozen=True)
class Boundary:
    start: int
    parent: Candidate | None = None              # the entity right before the name, when it bounds it
    prefixes: tuple[Candidate, ...] = ()         # the recognised entities the name opens with, left to right


# Characters that open a clause, not a name, when they stand first in a word
# the tagger glued (了丽园, 为省政府, 由景德镇, 叫福祥大队).
OPENING_CHARS = frozenset("了的为经由在与及等对把被将从向到以于让给即并而但或就着过驻赴携报叫受")
# Dictionary flags of words that open a clause: verbs, prepositions, conjunctions,
# particles, adverbs, pronouns, interjections, measure words.
_CLAUSE_FLAGS = ("v", "p", "c", "u", "d", "r", "y", "e", "o", "q")


def scan_left(view: SentenceView, found: Found, head: int, shape: NameShape) -> Boundary:
    """The start of the name whose head (suffix or cue) starts at ``head``.

    The scan steps left one word, one recognised prefix or one dot at a time
    (:func:`_step_left`) until something may not stand inside the name; then
    the words that open a clause are cut off again (时任枣巷镇 → 枣巷镇).
    """
    start = _glued_start(view, found, head, shape)
    if _preposition_after_a_verb(view, start, head, shape):
        return Boundary(start + 1)
    prefixes: list[Candidate] = []
    goes_on = True
    while goes_on and start > 0 and head - start < shape.max_chars:
        if _stopped_by_a_name(found, start, shape):
            break
        parent = _address_ending_at(found, start, shape)
        if parent is not None:
            return Boundary(start, parent, ())   # an address: what follows its last place is the name
        start, goes_on = _step_left(view, found, start, head, shape, prefixes)
    parent = _parent_close_by(view, found, start, head, shape) if shape.parent_reach and not prefixes else None
    if parent is not None:
        return Boundary(parent.end, parent, ())
    new_start = trim_opening(view, start, head, shape)
    if prefixes and start == prefixes[0].start:
        # 舒桥乡根山村党支部: the name opens with a place already read whole (根/p of 根山村
        # is no preposition there), so nothing inside that place opens a clause.
        new_start = start
    if prefixes and new_start > prefixes[0].start:
        prefixes = [p for p in prefixes if p.start >= new_start]
    return Boundary(new_start, None, tuple(prefixes))


# Prepositions of place that follow a verb (漫步于, 来到, 走向) and that the tagger may glue to a name after them.
_PREPOSITIONS_OF_PLACE = frozenset("于在到向从自至往")
# What follows a surname in a village named after a family (于家村, 向庄村, 从营村).
_CLAN_HAMLETS = frozenset("家庄屯营寨湾店楼")


def _preposition_after_a_verb(view: SentenceView, start: int, head: int, shape: NameShape) -> bool:
    """漫步/vn 于牙合村/n: after a verb, a preposition of place the tagger glued into an unknown word with
    the name is the clause's; the name starts after it, and nothing before it belongs to the name."""
    if shape.kind != "place" or head - start < 3 or view.text[start] not in _PREPOSITIONS_OF_PLACE or \
            view.text[start + 1] in _CLAN_HAMLETS:
        return False
    tok, before = view.token(start), view.token_before(start)
    return tok.start == start and word_info(tok.text) is None and before is not None and \
        before.flag.startswith("v")


def _stopped_by_a_name(found: Found, start: int, shape: NameShape) -> bool:
    """A name of the shape's stop types ends here (王伟 before 党支部 is a person, not part of the body)."""
    return bool(shape.stop_types) and found.ending_at(start, shape.stop_types) is not None


def _address_ending_at(found: Found, start: int, shape: NameShape) -> Candidate | None:
    """A place of the shape's parent types ending here (城南街道 before 站北社区): it bounds the name."""
    parent = found.ending_at(start, shape.parent_types) if shape.parent_types else None
    return parent if parent is not None and parent.start < start else None


def _step_left(view: SentenceView, found: Found, start: int, head: int, shape: NameShape,
               prefixes: list[Candidate]) -> tuple[int, bool]:
    """One step of the scan from ``start``: where the name now starts, and whether the scan goes on.

    A recognised prefix the shape allows is put at the front of ``prefixes``.
    """
    prefix = _prefix_ending_at(view, found, start, shape)
    if prefix is not None and prefix.start < start:
        if prefix.type in shape.address_types and any(p.type in shape.address_types for p in prefixes):
            return start, False   # 凯里市湾水镇人民政府: the places before the nearest one are an address
        prefixes.insert(0, prefix)
        return prefix.start, True
    if prefixes and not shape.beyond_prefix:
        return start, False   # 任命李芳为西城县人民政府: before the place, the clause goes on, the name does not
    skipped = _dot_or_inserted_form(view, found, start, head, shape)
    if skipped is not None:
        return skipped, True
    return _past_word(view, found, start, shape)


def _past_word(view: SentenceView, found: Found, start: int, shape: NameShape) -> tuple[int, bool]:
    """The word before ``start`` taken into the name, or the scan stopped before it."""
    tok = view.token_before(start)
    glued = _end_of_a_glued_prefix(found, tok, shape) if tok is not None else None
    if glued is not None:
        return glued, True
    if tok is not None and _adverb_before_a_suffix_word(view, tok, start, shape):
        return tok.start, True
    cut = _past_a_glued_clause_character(tok, shape) if tok is not None else None
    if cut is not None:
        return cut, False
    if tok is not None and _a_complex_before_a_suffix_word(view, tok, start, shape):
        return tok.start, True
    if tok is None or _stops_the_scan(view, found, tok, start, shape):
        return start, False
    if len(tok.text) > 1 and tok.text[0] in OPENING_CHARS and word_info(tok.text) is None:
        return tok.start + 1, False   # 汇报了丽园小区: the tagger glued a particle to the name
    return tok.start, True


def _stops_the_scan(view: SentenceView, found: Found, tok, start: int, shape: NameShape) -> bool:
    """The word before ``start`` may not stand inside the name, or a date, a count or a verb's result ends there."""
    return not (_word_may_stand_inside(found, tok, start, shape) or _a_chiefs_system(view, tok, shape)) or \
        _date_part(view.text, tok) or _count_ends(view.text, tok.end) or _a_verbs_result(view, tok)


# Suffixes of places that are words of their own, which no adverb modifies.
_SUFFIX_WORDS = frozenset({"社区", "小区"})


def _a_verbs_result(view: SentenceView, tok) -> bool:
    """改建/v 成/n 杞柳加工厂: 成 alone after a verb says what the verb makes; the name starts after it."""
    before = view.token_before(tok.start) if tok.text == "成" else None
    return before is not None and before.end == tok.start and before.flag.startswith("v")


def _end_of_a_glued_prefix(found: Found, tok, shape: NameShape) -> int | None:
    """铁鹅村 + 村村/n + 支部: a place the tagger glued into the word ends inside it; the scan steps to its
    end, where it opens the name as a prefix."""
    if not shape.prefix_types:
        return None
    ends = [c.end for c in found.overlapping(tok.start, tok.end, shape.prefix_types) if tok.start < c.end < tok.end]
    return max(ends) if ends else None


# Generic words that, after a stem of a name, name the building or complex a community is named after.
_COMPLEXES = frozenset({"中心"})
# Tags of the stems of such names: an abbreviation, a proper noun, or a word the tagger made up.
_STEM_FLAGS = frozenset({"j", "nz", "ns", "nr", "nt"})


def _a_complex_before_a_suffix_word(view: SentenceView, tok, start: int, shape: NameShape) -> bool:
    """华贸/j 中心/n 社区: 中心 right before 社区 or 小区, after a name's stem, is the complex the community is
    named after (华贸中心), not a generic word that ends the name; 城市/n 中心/n 社区 stays generic."""
    if shape.kind != "place" or tok.text not in _COMPLEXES or tok.end != start:
        return False
    suffix, before = view.token(start), view.token_before(tok.start)
    return suffix.start == start and suffix.text in _SUFFIX_WORDS and before is not None and \
        before.end == tok.start and len(before.text) >= 2 and (before.flag in _STEM_FLAGS or word_info(before.text) is None)


def _adverb_before_a_suffix_word(view: SentenceView, tok, start: int, shape: NameShape) -> bool:
    """水韵名/n 都/d 社区/n: a character the tagger reads as an adverb right before 社区 or 小区 stands in the
    name (名都, 新都) after a stem the dictionary lacks, since an adverb modifies a verb, never a noun."""
    if shape.kind != "place" or len(tok.text) != 1 or tok.flag != "d" or tok.end != start:
        return False
    suffix, before = view.token(start), view.token_before(tok.start)
    return suffix.start == start and suffix.text in _SUFFIX_WORDS and before is not None and \
        before.flag in NOMINAL_FLAGS and len(before.text) >= 2 and word_info(before.text) is None


def _past_a_glued_clause_character(tok, shape: NameShape) -> int | None:
    """已由区/n 水务局, 程燕任/nr 物业服务中心, 仅燕/nr 鸽村: in a word the dictionary lacks, the tagger glued
    the name's first characters to a function word or a verb of office before them; the name starts after it."""
    if len(tok.text) < 2 or word_info(tok.text) is not None:
        return None
    glue = _GLUED_BEFORE_A_PLACE if shape.kind == "place" else _GLUED_BEFORE_A_BODY
    k = max((i for i, c in enumerate(tok.text) if c in glue), default=-1)
    return tok.start + k + 1 if k >= 0 else None


def _a_chiefs_system(view: SentenceView, tok, shape: NameShape) -> bool:
    """林长/n 制 of 抚松县林长制指挥中心, 河长制办公室: a chief's title before 制 names the system of chiefs,
    which a body set up for it is named after."""
    return shape.kind == ORGANIZATION and tok.text.endswith("长") and view.text[tok.end:tok.end + 1] == "制"


def _count_ends(text: str, end: int) -> bool:
    """300多家 of 国内300多家医院: a count (not an ordinal, 第一中学) ends at ``end``; no name runs across it."""
    k = end
    while k > 0 and text[k - 1] in "名个位家所项户人批支余多":
        k -= 1
    return k < end and k > 0 and (text[k - 1].isdigit() or text[k - 1] in "一二三四五六七八九十两百千万") and \
        not _ordinal_before(text, k)


def _ordinal_before(text: str, k: int) -> bool:
    """第 before the numerals that end at ``k`` (第一中学, 第二人民医院)."""
    while k > 0 and (text[k - 1].isdigit() or text[k - 1] in "一二三四五六七八九十两百千万"):
        k -= 1
    return text[k - 1:k] == "第"


def _date_part(text: str, tok) -> bool:
    """月, 日电 of 北京1月2日电国务院: a date (a dateline's) ends here, and no name runs across it."""
    return tok.text[0] in "年月日" and tok.start > 0 and text[tok.start - 1].isdigit()


def _word_may_stand_inside(found: Found, tok, start: int, shape: NameShape) -> bool:
    """The word is of a kind the shape allows, and no name of its stop types lies in it; a word for a kind
    of place stands inside a body's name right after the place (福鼎市城市建设投资有限公司, not 城市驿站)."""
    placed = tok.text in _KINDS_OF_PLACE and shape.prefix_types and found.ending_at(tok.start, shape.prefix_types)
    if tok.flag in _SET_PHRASES and found.ending_at(tok.start, (ORGANIZATION,)) is not None:
        return False   # 市住建局 + 城乡建设/l + 科: a section of the bureau, not a body named by its task
    return (placed or _inside(tok.text, tok.flag, shape)) and not (
        shape.stop_types and found.overlapping(tok.start, start, shape.stop_types))


_KINDS_OF_PLACE = frozenset({"城市", "农村"})


# Function characters that break an address chain; 上, 里 or 东 may stand in a name (幸福里社区).
_CHAIN_BREAKERS = frozenset("的了在和与及等说对为是也都将把被从向到以于则又还便即曾已正并而或就让给由着过")


def _parent_close_by(view: SentenceView, found: Found, start: int, head: int, shape: NameShape) -> Candidate | None:
    """A place a few characters to the left still bounds the name: an address written as a chain
    (城南街道站北社区) may hold words the tagger reads as verbs (站/v 北/f); not past the longest name."""
    for k in range(start - 1, max(start - shape.parent_reach - 1, head - shape.max_chars - 1, -1), -1):
        c = view.text[k]
        tok = view.token(k)
        if _harmony_in_a_stem(view, found, k, head, shape):
            continue
        if not is_cjk(c) or c in PUNCT or c in _CHAIN_BREAKERS or (tok.text in shape.stop_words and tok.flag != "a") \
                or (len(tok.text) > 1 and tok.flag[:1] in ("v", "p", "c", "u", "d", "r") and not _rare_word_named(tok)):
            return None
        parent = found.ending_at(k, shape.parent_types)
        if parent is not None:
            return parent
    return None


# Characters of the levels of divisions: before 和 they are the level joined to the next (镇村和社区).
_LEVEL_CHARS = frozenset(LEVEL_PREFIXES) | frozenset("街道社组")


def _harmony_in_a_stem(view: SentenceView, found: Found, k: int, head: int, shape: NameShape) -> bool:
    """康巴什区悦/nz 和/c 社区: 和 (harmony, as in 祥和, 人和) right before the suffix, one character after
    the place the name is in, ends the stem; 和 between two levels (镇村和社区) joins them."""
    if shape.kind != "place" or view.text[k] != "和" or k != head - 1 or k < 2 or \
            found.ending_at(k - 1, shape.parent_types) is None:
        return False
    before = view.text[k - 1]
    return is_cjk(before) and before not in _LEVEL_CHARS and before not in _CHAIN_BREAKERS and before not in PUNCT


def _rare_word_named(tok) -> bool:
    """大定/d of 地苏镇大定村, 下营/v of 周田镇下营村: a word the dictionary files as an adverb or a verb but
    rarely meets, a name's stem here; an everyday adverb or verb (积极, 开展, 结对) is the clause's."""
    info = word_info(tok.text)
    if info is None:
        return False
    return (tok.flag.startswith("d") and info[0] < THRESHOLDS.rare_adverb) or \
        (tok.flag == "v" and info[0] < THRESHOLDS.rare_verb)


def _dot_or_inserted_form(view: SentenceView, found: Found, start: int, head: int, shape: NameShape) -> int | None:
    """Where the scan goes on past a dot or a bracketed form that belongs to the name, else None.

    碧桂园·翡翠湾小区: a developer's name and the estate's, joined by a dot;
    茅台酒厂(集团)习酒有限责任公司: a legal form in brackets inside a company's name.
    """
    text = view.text
    if shape.dotted and text[start - 1] == "·" and start > 1 and is_cjk(text[start - 2]) and start < head \
            and head - start < shape.max_chars:
        joined = found.ending_at(start - 1, shape.dotted)
        return joined.start if joined is not None else start - 1
    form = next((f for f in shape.inserted if text.endswith(f, 0, start)), None) \
        if text.endswith(shape.inserted, 0, start) else None
    if form and start - len(form) > 0 and is_cjk(text[start - len(form) - 1]):
        return start - len(form)
    return _bracketed_place_start(view, found, start, head, shape)


_LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "股份公司")


def _bracketed_place_start(view: SentenceView, found: Found, start: int, head: int, shape: NameShape) -> int | None:
    """华信科技(厦门)有限公司, 正大康地(梅州)生物科技有限公司: the place a company is registered in,
    bracketed before its legal form or the trade that comes before it."""
    text = view.text
    if not shape.inserted or start > head or start < 4 or text[start - 1] not in ")）" \
            or not text.startswith(_LEGAL_FORMS, head) or not all(is_cjk(c) for c in text[start:head]):
        return None
    place = found.ending_at(start - 1, shape.prefix_types)
    if place is not None and place.type != ORGANIZATION:
        opening = place.start - 1
    else:   # 平潭/ns: a short form the tagger reads as a place
        tok = view.token(start - 2)
        opening = tok.start - 1 if tok.flag == "ns" and tok.end == start - 1 else -1
    if opening < 1 or text[opening] not in "(（" or not is_cjk(text[opening - 1]):
        return None
    return opening


def _prefix_ending_at(view: SentenceView, found: Found, start: int, shape: NameShape) -> Candidate | None:
    """A recognised place or body ending at ``start``, or one space before it (阳光家园小区 党支部)."""
    if not shape.prefix_types:
        return None
    prefix = found.ending_at(start, shape.prefix_types)
    if prefix is None and start > 1 and view.text[start - 1] == " ":
        prefix = found.ending_at(start - 1, shape.prefix_types)
    return prefix


def _glued_start(view: SentenceView, found: Found, head: int, shape: NameShape) -> int:
    """Where the word that holds the head's first character begins (住建局 read as 住建 + 局); but a place
    or body right before a body's suffix opens it, however the tagger glued their words (新华社区 + 党委)."""
    if head <= 0 or (shape.kind == ORGANIZATION and found.ending_at(head, shape.prefix_types) is not None):
        return head
    tok = view.token(head - 1) if head - 1 < len(view.token_at) else None
    if tok is not None and tok.end > head and tok.start < head:
        # 大定村弄勒屯 read as one word the dictionary does not know: the name starts after a place that
        # ends inside it (仁村 + 村村, a word it knows, is the tagger reading the name's 村 and the suffix).
        inner = [c.end for c in found.overlapping(tok.start, head, shape.parent_types or shape.prefix_types)
                 if tok.start < c.end <= head] if word_info(tok.text) is None else []
        return max(inner) if inner else tok.start
    return head


def _inside(word: str, flag: str, shape: NameShape) -> bool:
    """Whether a word may stand inside a name of this shape."""
    if any(c in PUNCT for c in word) or word in shape.stop_words or word in shape.opening_words:
        return False
    if word in shape.inner_words:
        return True
    if not all(is_cjk(c) or (shape.numerals and (c.isdigit() or c.isalpha())) for c in word):
        return False
    if shape.kind == "place":
        return _inside_a_place(word, flag)
    return _inside_another_name(word, flag, shape)


def _inside_another_name(word: str, flag: str, shape: NameShape) -> bool:
    """Whether a word may stand inside the name of a body, a program or a person."""
    if flag in NOMINAL_FLAGS or (flag in ("zg", "z") and shape.kind == ORGANIZATION):
        return True   # 龙/n 堌/zg 矿区人民法庭, 湿地/z 保护局: a morpheme or a status word inside a body's name
    if flag == "k" and shape.kind == ORGANIZATION and word not in CLAUSE_CHARS and word not in _STYLE_MORPHEMES:
        return True   # 华种/n 型/k 科/n 种植农民专业合作社: a suffix morpheme inside a firm's own name
    if flag == "m":
        return (not word.isdigit() or shape.numerals) and not _a_count_of_things(word)   # 古交/b 首个/m 村民委员会
    return _set_phrase_of_a_task(word, flag, shape) or _rare_word_of_a_name(word, flag, shape)


# Suffix morphemes that make a style, a quality or a group of people (枫桥式, 先进性, 党员们), not a firm's name.
_STYLE_MORPHEMES = frozenset("式性化们者")


def _set_phrase_of_a_task(word: str, flag: str, shape: NameShape) -> bool:
    """扶贫开发/i 办公室, 出入境/l 边防检查总站: a set phrase for the task a body is set up for."""
    if flag not in _SET_PHRASES or shape.kind != ORGANIZATION or any(c in CLAUSE_CHARS for c in word):
        return False
    head = word_info(word[:2])
    return not (head is not None and head[1] in ("d", "ad"))   # 切实落实/l: a manner and a verb, a clause


# The tags of set phrases and idioms (出入境/l, 扶贫开发/i), which name the task of many bodies.
_SET_PHRASES = ("l", "i")


def _rare_word_of_a_name(word: str, flag: str, shape: NameShape) -> bool:
    """中天/t; 丰润/a 果蔬专业合作社: a time word, or an adjective before a body's kind, that news rarely
    uses as one is a name's part (a firm's brand word)."""
    if flag == "a" and shape.kind == ORGANIZATION and len(word) > 1:
        return word_info(word) is None or _rare(word)   # 富远/a: a word the dictionary lacks is a name's
    return flag == "t" and _rare(word)


def _inside_a_place(word: str, flag: str) -> bool:
    if len(word) > 1 and word_info(word) is None and any(c in _CLAUSE_GLUE for c in word):
        return False   # 何啟/nr 银是/n 长江村: a function word the tagger glued into a word it made up
    if flag in NOMINAL_FLAGS or flag == "zg":
        return True   # 新河/ns 浦/zg 社区: a character the tagger files as a morpheme, inside a place's name
    if flag == "m":
        return not word.isdigit() and not _a_count_of_things(word)   # 一本/m 金星社区, 古交/b 首个/m 村
    if _guessed_measure_word(word, flag):
        return True
    if flag in _LOCALITY_FLAGS and len(word) > 1:
        return word_info(word) is None or _rare(word)   # 阁底/f 乡: a place's stem the tagger guessed a locality
    return flag == "t" and _rare(word)


# The tags of locality and space words (以东/f, 身边/s): common ones open no place, rare ones name one.
_LOCALITY_FLAGS = ("f", "s")
# Function words the tagger glues to a neighbour in a word the dictionary lacks (银是, 区的).
_CLAUSE_GLUE = frozenset("是的了在把被将从向为")
# ... and the adverb 仅 (仅燕/nr 鸽村) and, before a place, the verb of going 到 (选派哈昶鸿到/nr 麻黄沟村);
# before a body's name a preposition of agency, the verb of office or of giving a report (已由区, 程燕任,
# 李庐琦作/nr 政协…工作报告), which are surnames
# too and open villages' names (任庄村).
_GLUED_BEFORE_A_PLACE = _CLAUSE_GLUE | frozenset("仅到")
_GLUED_BEFORE_A_BODY = _CLAUSE_GLUE | frozenset("仅由任作")


def _rare(word: str) -> bool:
    """A word the dictionary calls a time word (or an adjective) but news rarely uses as one: a name's
    part (中天, 丰润)."""
    info = word_info(word)
    return info is not None and info[0] < THRESHOLDS.rare_time_or_adjective


# A count, an ordinal or a date before a name (9名, 第一个, 首个, 2020年, 3月): it opens no name.
_COUNT = re.compile(r"(?:第?[\d一二三四五六七八九十两百千几]+[余多]?[名个位家所项户人批支届年月日号本张条块]|首个|首批|每个|多个|这个|那个)")
# 该市, 我县, 本村: a body named by a level and a word that refers to a place (该市住建局) keeps them.
_REFERRING_LEVELS = frozenset(a + b for a in "该我本" for b in "省市县区镇乡村旗")


def opens_no_name(view: SentenceView, i: int, head: int, shape: NameShape) -> int:
    """How many characters at ``i`` open a clause rather than the name (0 when none do)."""
    tok = view.token(i)
    if view.text[i:i + 2] in _REFERRING_LEVELS:
        return 0
    return (_opening_word(tok, i, head, shape) or _glued_opening_word(view.text, i, head, shape)
            or _glued_opening_char(view.text, tok, i, head) or _count_or_date(view.text, i, head)
            or _predicate_after_an_adverb(view, tok, i, head))


def _predicate_after_an_adverb(view: SentenceView, tok, i: int, head: int) -> int:
    """立即/d 联系/n 牛角村: after an adverb comes the predicate, whatever the tagger calls its common
    word; a name starts after it. Its length, else 0."""
    if tok.start != i or tok.end >= head or i == 0:
        return 0
    before = view.token(i - 1)
    info = word_info(tok.text)
    return tok.end - i if before.flag in ("d", "ad") and before.end == i and info and \
        info[0] >= THRESHOLDS.common_predicate else 0


def _opening_word(tok, i: int, head: int, shape: NameShape) -> int:
    """任命, 经, 汇报: a whole word at ``i`` that opens a clause; its length, else 0."""
    if tok.start == i and tok.end <= head and (tok.text in shape.opening_words or _clause_word(tok.text, tok.flag)):
        return tok.end - i
    return 0


def _glued_opening_word(text: str, i: int, head: int, shape: NameShape) -> int:
    """时任枣巷镇: a word that opens a clause, which the tagger glued to the name; its length, else 0."""
    for n in (3, 2):
        if text[i:i + n] in shape.opening_words and i + n < head:
            return n
    return 0


def _glued_opening_char(text: str, tok, i: int, head: int) -> int:
    """由善智教育集团: one character that opens a clause, in a word the tagger glued, not one the dictionary
    knows (和平); 1, else 0."""
    if text[i] in OPENING_CHARS and i + 1 < head and not (tok.start == i and tok.end > i + 1 and word_info(tok.text)):
        return 1
    if text[i] == _COMING and tok.start == i and tok.end > i + 2 and tok.flag.startswith("nr") and i + 1 < head \
            and word_info(tok.text) is None:
        return 1   # 来启源/nr 社区: the verb of coming glued to the name (not 芒来 of 芒来嘎查, 来凤县)
    return 0


_COMING = "来"


def is_count(text: str) -> bool:
    """首个, 两个, 9名: the text is a count or an ordinal and nothing more."""
    return _COUNT.fullmatch(text) is not None


def _a_count_of_things(word: str) -> bool:
    """首个, 一本, 9名: a count of things or people, which stands inside no name; an ordinal or a date
    (第十届 of 盐湖区第十届人大常委会, 2020年) may."""
    return is_count(word) and not word.startswith("第") and not word.endswith(_ORDINAL_UNITS)


# The units of an ordinal or a date, which a body's name may hold (第十届人大常委会).
_ORDINAL_UNITS = ("届", "年", "月", "日", "号")


def _count_or_date(text: str, i: int, head: int) -> int:
    """9名县区委书记, 2020年沈阳市政府, 首个台企党支部: a count or a date at ``i``; its length, else 0."""
    count = _COUNT.match(text, i)
    if count and count.end() < head:
        return count.end() - i
    return 0


def trim_opening(view: SentenceView, start: int, head: int, shape: NameShape) -> int:
    """``start`` moved past every word that opens a clause (任命, 时任, 经, 由, 汇报了)."""
    while start < head:
        n = opens_no_name(view, start, head, shape)
        if not n:
            break
        start += n
    return start


def _clause_word(word: str, flag: str) -> bool:
    """A word the dictionary (or, for an unknown word, the tagger) files as a verb, preposition or the like."""
    info = word_info(word)
    if _guessed_measure_word(word, flag):
        return False
    known = info[1] if info else flag
    return known.startswith(_CLAUSE_FLAGS) and not known.startswith("vn")


def _guessed_measure_word(word: str, flag: str) -> bool:
    """英张/q 村: the tagger files a word the dictionary lacks as a measure word by its last character
    (张, 条, 个); a word of two or more characters so filed is a name's stem, not a count."""
    return flag == "q" and len(word) > 1 and word_info(word) is None

