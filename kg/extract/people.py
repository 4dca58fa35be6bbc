"""Person generators: a surname and a given name, proposed only where a cue vouches for a name.

A name is proposed after a title (市委书记王建华), in a byline (记者 李明),
in the wording of personnel notices (任命王明为…, 免去李刚的…职务, 张三同志),
after a role noun or before a verb of saying (小区居民赵一鸣告诉记者), before a
title (李强总理), in a list after such a name (市领导张国华、李晓燕), and where
the segmenter tags a full name as a person and the dictionary does not know
it as a word. Words that merely start with a surname (幸福感, 全市) fail.
The posts written with a name, before it or after it (…为省政府副省长),
become its :class:`~kg.model.Post` records, with the body each belongs to.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterator

from kg.extract.base import (THE_PARTY, CLAUSE_CHARS, EPONYM, EPONYM_ENDINGS, FUNCTION_CHARS, GLUED_PREPOSITIONS, LEVEL_PREFIXES,
                            DETERMINERS, MEDIA_ENDINGS, NOMINAL_FLAGS, PUNCT, CuedPattern, is_common_word, normalize_name,
                            word_info)
from kg.extract.boundary import trim_opening
from kg.extract.candidate import Candidate
from kg.extract.context import Scope
from kg.extract.thresholds import THRESHOLDS
from kg.model import ORGANIZATION, PERSON, PLACE_TYPES, Post
from kg.text import is_cjk

__all__ = ["name_at", "after_titles", "bylines", "after_roles", "appointed", "appointed_as", "office_holders",
           "addressed", "speakers", "before_titles", "tagged", "continue_lists", "posts_after", "GENERATORS",
           "BEFORE_BODIES"]

_LEVELS = frozenset("省市县区镇乡村旗")
# Characters that never stand in a given name but often follow one (王建华主持, 陈刚在).
_NOT_IN_NAME = frozenset("的了在说是等与及对把被将也都就从向到于则又还便即曾已并而或让给由着过")
# Last characters of nouns and places the tagger takes for names (幸福感, 单元楼, 连心桥, 苗旺县).
_NOUN_ENDINGS = frozenset("感楼桥性化者式型度率界区村镇县市省园谷院馆站所厂店业会团队组部局委办处科室路街巷道们间")
# Surnames that are also everyday function words or adjectives (和部分, 高标准).
_WORDLIKE_SURNAMES = frozenset("和于向从同由及与将把以为时都全高大小新老多少")
# Verbs that take a post away rather than give one.
_REMOVALS = frozenset({"免去", "撤销", "辞去", "免职"})
# What links a name to the post written after it (…为省政府副省长, 陈战书任代理省长, 辞去…职务).
_POST_LINKS = ("不再担任", "不再兼任", "任命为", "兼任", "担任", "出任", "调任", "改任", "为", "任", "辞去", "的")
# What stands between the posts of one person written before the name.
_POST_PAUSES = "、,，兼"
# What may end a list of names.
_LIST_END = "、,，。;；等和及与为"


# --------------------------------------------------------------------------- the name itself

def name_at(scope: Scope, k: int, strict: bool = True, end: int | None = None) -> tuple[int, int] | None:
    """The span of a plausible full name starting at ``k``, or None.

    ``end``, when a cue right after the name fixes where it stops (叶正明院士,
    王正说), is the only end tried; otherwise the given name takes two
    characters unless the second rather begins the next word.
    """
    text = scope.text
    if k > 0 and text[k - 1].isdigit() and text[k] in "年月日时号届余多":
        return None   # 2018年王全, 100余人: the year's 年 or a count's 余, not a surname
    for ls in (2, 1):
        surname = text[k:k + ls]
        if len(surname) < ls or surname not in (scope.lex.surnames_double if ls == 2 else scope.lex.surnames_single):
            continue
        span = _given_name(scope, k, k + ls, strict, end)
        if span is not None:
            return span
    return None


def _given_name(scope: Scope, k: int, g0: int, strict: bool, end: int | None) -> tuple[int, int] | None:
    """The span of the name whose surname runs from ``k`` to ``g0``, when a given name follows the surname."""
    text = scope.text
    if g0 >= len(text):
        return None
    if strict and end is None and text[g0] == " ":
        return _letter_spaced_name(text, k, g0)
    if not _name_char(text[g0]) and not _tagged_given(scope, k, g0):
        return None   # 向 and 于 begin given names too (赵向阳, 温向伟) when the tagger reads them so
    stop = _given_end(scope, g0, end)
    if stop is None or _splits_verb(scope, k, g0, stop):
        return None   # 查看新修的: the surname begins a verb, not a name
    if _no_given_name(scope, k, g0, stop, strict):
        return None
    return k, stop


def _letter_spaced_name(text: str, k: int, g0: int) -> tuple[int, int] | None:
    """刘 永 杰: a name set letter-spaced, unless together its characters make an everyday word."""
    spaced = _spaced_given_name(text, g0)
    return (k, spaced) if spaced is not None and not _common(normalize_name(text[k:spaced])) else None


def _no_given_name(scope: Scope, k: int, g0: int, stop: int, strict: bool) -> bool:
    """What follows the surname is an honorific, an everyday word or a title, not a given name."""
    given = scope.text[g0:stop]
    return _honorific(scope, given) or _wordlike_surname_and_word(scope.text, k, given) or \
        _everyday_word(scope, k, g0, stop, strict) or _title_follows_surname(scope, g0) or \
        _place_follows_surname(scope, g0, stop)


def _honorific(scope: Scope, given: str) -> bool:
    """李老师, 王某: the surname is followed by a term of address, not a given name."""
    return given in scope.lex.honorifics or any(given.startswith(h) for h in scope.lex.honorifics)


def _wordlike_surname_and_word(text: str, k: int, given: str) -> bool:
    """和部分, 高标准: a surname that is also a function word or adjective, before a common word."""
    return len(given) == 2 and text[k] in _WORDLIKE_SURNAMES and _common(given, THRESHOLDS.very_common_word)


def _everyday_word(scope: Scope, k: int, g0: int, stop: int, strict: bool) -> bool:
    """The name, or (strictly) its surname and one given character, is a common word (方向, 马上) the
    tagger does not read as a person there."""
    text = scope.text
    common = _common(text[k:stop]) or (strict and stop == g0 + 1 and _common(text[k:g0 + 1])) or (
        stop == g0 + 2 and is_common_word(text[k:g0 + 1], THRESHOLDS.everyday_opening))   # 委员代表共30余人
    return common and not (strict and _tagged_as_person(scope, k, stop))


def _place_follows_surname(scope: Scope, g0: int, stop: int) -> bool:
    """由景德镇市委常委…兼任: the "given name" is a place's name that runs on past it (景德镇市), so the
    surname's character is a word of the sentence."""
    return any(p.end > stop and len(p.name) >= 3 for p in scope.found.starting_at(g0, PLACE_TYPES))


def _title_follows_surname(scope: Scope, g0: int) -> bool:
    """张副县长: a title of two characters or more right after the surname."""
    title = scope.view.starting_at("titles", g0)
    return bool(title) and len(title) >= 2


def _given_end(scope: Scope, g0: int, end: int | None) -> int | None:
    text = scope.text
    if end is not None:
        ok = g0 < end <= g0 + 2 and all(_name_char(c) for c in text[g0 + 1:end])
        return end if ok else None
    stop = g0 + 2 if g0 + 1 < len(text) and _name_char(text[g0 + 1]) else g0 + 1
    if stop == g0 + 2 and _second_begins_a_word(scope, g0 + 1):
        stop = g0 + 1
    return stop


def _cue_at_the_second(scope: Scope, i: int) -> bool | None:
    """Whether a cue word settles what the second given character at ``i`` is; None when none does."""
    if scope.text[i] in CLAUSE_CHARS and _given_read_whole(scope, i):
        return False  # 周/nr 永和/nz 强调: the tagger reads the given name whole, its 和 no conjunction
    fixed = _fixed_reading_at_the_second(scope, i)
    if fixed is not None:
        return fixed
    if scope.text[i] in CLAUSE_CHARS or scope.view.starting_at("speech_verbs", i):
        return True   # 王明在, 庞娟致开幕词; 里, 中 or 上 may end a given name (张万里)
    if scope.text[i] in _VERBS_OF_COMING and i + 1 < len(scope.text) and (
            scope.text[i + 1] in "我本该" or scope.found.starting_at(i + 1, PLACE_TYPES)):
        return True   # 何晶来我县调研, 王强赴石桥村: a verb of coming before the place the person comes to
    if scope.view.starting_at("speech_verbs", i + 1) and not _tagged_common_verb(scope, i):
        return False  # 王建振作了讲话: the verb comes after the character, whatever word it starts
    if len(scope.view.starting_at("titles", i) or "") >= 2:
        return True   # 决定韩锐副区长代理…: the title begins after a given name of one character
    return None


def _fixed_reading_at_the_second(scope: Scope, i: int) -> bool | None:
    """What the characters from ``i`` on settle: whether the second given character there rather begins
    the next word; None when they settle nothing."""
    text = scope.text
    if text.startswith(_BY_THE_HAND_OF, i):
        return True   # 出自第一书记林川之手: the possessive 之 of the idiom, not a given name's character
    if text[i] == "为" and text.startswith(("的", "为"), i + 1) and scope.view.token(i).start < i:
        return False  # 免去李/nr 大为/d 的…职务: the tagger glued 为 into the name; not 王刚/nr 为/p 为民服务中心
    return None


# 之手 (by the hand of) after the author's name: 出自…之手.
_BY_THE_HAND_OF = "之手"
# Verbs of coming to a place, which follow the visitor's name (来我县, 赴石桥村, 抵京).
_VERBS_OF_COMING = frozenset("来赴抵")


def _tagged_common_verb(scope: Scope, i: int) -> bool:
    """王芳/nr 听说/v: the tagger reads a common verb of two from ``i`` on, which the speech verb ends."""
    tok = scope.view.token(i)
    info = word_info(tok.text)
    return tok.start == i and tok.end == i + 2 and tok.flag.startswith("v") and info is not None and \
        info[0] >= THRESHOLDS.common_verb_of_two


def _given_read_whole(scope: Scope, i: int) -> bool:
    """The tagger reads the given name's two characters, the second at ``i``, as one noun of their own."""
    tok = scope.view.token(i - 1)
    return tok.start == i - 1 and tok.end == i + 1 and tok.flag.startswith("n")


# Common words of two that begin the next word even when their second half is a function character:
# verbs (来到, 所在), and prepositions and conjunctions (听取郑丽关于…的报告, 由于).
_COMMON_WORD_CLASSES = ("v", "b", "p", "c")


def _second_begins_a_word(scope: Scope, i: int) -> bool:
    """Whether the second given character at ``i`` rather begins the next word (王强调研)."""
    text = scope.text
    if (cue := _cue_at_the_second(scope, i)) is not None:
        return cue
    for length in (4, 3, 2):
        info = word_info(text[i:i + length]) if i + length <= len(text) else None
        if info and _tagger_reads_another_word(scope, i, length):
            continue   # 叶建春分别: 春分 is a word, but the tagger reads 分别 from the next character on
        if info and info[0] >= THRESHOLDS.word_after_a_given_name and not info[1].startswith("nr"):
            # 刘瑞健在仪式上: a word of two whose second half is a function character
            # (健在, 设在) leaves that character to the sentence and the first to the name;
            # a very common one (来到, 看到) is the next word (徐望来到).
            return not (length == 2 and text[i + 1] in FUNCTION_CHARS) or (
                info[1] in _COMMON_WORD_CLASSES and info[0] >= THRESHOLDS.common_verb_of_two)   # 来到, 关于, not 平等 of 鲍官平等
    return False


def _tagger_reads_another_word(scope: Scope, i: int, length: int) -> bool:
    """The tagger reads a longer word from inside the word of ``length`` at ``i`` on past its end."""
    view = scope.view
    if not view.tokens or i + length > len(scope.text):
        return False
    for k in range(i + 1, i + length):
        tok = view.token(k)
        if tok.start == k and tok.end > i + length and tok.end - tok.start > 1:
            return True
    return False


def _name_char(c: str) -> bool:
    return is_cjk(c) and c not in _NOT_IN_NAME


def _tagged_given(scope: Scope, k: int, g0: int) -> bool:
    """The tagger reads a name there: the given name as a word, or the whole name as one."""
    tok = scope.view.token(g0) if scope.view.tokens else None
    return is_cjk(scope.text[g0]) and tok is not None and tok.start in (g0, k) and tok.flag.startswith("nr")


def _common(word: str, limit: int = THRESHOLDS.word_for_a_name) -> bool:
    info = word_info(word)
    return bool(info and info[0] >= limit and not info[1].startswith("nr"))


def _spaced_given_name(text: str, g0: int) -> int | None:
    """End of a given name set one space per character after its surname (刘 永 杰), or None."""
    end = None
    for _ in range(2):
        if g0 + 1 < len(text) and text[g0] == " " and _name_char(text[g0 + 1]):
            end = g0 + 2
            g0 = end
        else:
            break
    return end


def _splits_verb(scope: Scope, k: int, g0: int, end: int) -> bool:
    """Whether a word of action starting at the surname ends inside the name (查看 of 查看新)."""
    if not scope.view.tokens:
        return False
    tok = scope.view.token(k)
    if tok.start == k and tok.end == end == g0 + 1 and tok.flag[:1] == "v":
        return True   # 领导包抓/v: a surname and one character the tagger reads together as a verb
    if tok.start == k and tok.end == g0 and tok.flag[:1] == "v" and _common_verb(tok.text) and \
            _verbs_object(scope, g0, end):
        return True   # 志愿者包/v 路段/n: a verb of one character, a surname too, and the everyday noun it takes
    if tok.start != k or not g0 < tok.end < end:
        return False
    info = word_info(tok.text)
    return bool(info and info[1][:1] in ("v", "d", "p", "c") and info[0] >= THRESHOLDS.action_word)


def _common_verb(word: str) -> bool:
    """包 (5,289 times a verb), not 申 (715): a surname the dictionary meets as a verb above all."""
    info = word_info(word)
    return info is not None and info[1] == "v" and info[0] >= THRESHOLDS.very_common_word


def _verbs_object(scope: Scope, g0: int, end: int) -> bool:
    """The given name is one everyday noun of the dictionary, as a verb's object is (路段, 片区)."""
    tok = scope.view.token(g0)
    info = word_info(tok.text)
    return tok.start == g0 and tok.end == end and info is not None and info[1] == "n" and \
        info[0] >= THRESHOLDS.word_for_a_given_name


def _tagged_as_person(scope: Scope, k: int, end: int) -> bool:
    tok = scope.view.token(k)
    return tok.start == k and tok.end == end and tok.flag.startswith("nr")


def _person(scope: Scope, span: tuple[int, int], source: str, **fields) -> Candidate:
    i, j = span[0], _dotted_tail(scope, span[1])
    return Candidate(i, j, PERSON, normalize_name(scope.text[i:j]), source, **fields)


def _dotted_tail(scope: Scope, j: int) -> int:
    """艾尔肯·吐尔逊: a name whose first part a cue found goes on past the dot, to the end of the word
    after it when the tagger reads that word as a name or it is written in the characters of names."""
    text = scope.text
    if text[j:j + 1] != "·" or j + 1 >= len(text):
        return j
    tok = scope.view.token(j + 1)
    written = all(c in scope.lex.transliteration_chars for c in tok.text)
    if tok.start == j + 1 and 2 <= len(tok.text) <= 5 and all(is_cjk(c) for c in tok.text) and (
            tok.flag.startswith("nr") or written):
        return tok.end
    return j


def _glued_before_a_verb(scope: Scope, k: int) -> int:
    """吐尔洪·阿里/nrt 木说/n: how many characters of a foreign name the tagger glued to the verb of saying
    after it, when they are written in the characters of foreign names (0 when none are)."""
    if k >= len(scope.text):
        return 0
    tok = scope.view.token(k)
    verb = scope.view.starting_at("speech_verbs", k + 1)
    if tok.start != k or verb is None or tok.end != k + 1 + len(verb):
        return 0
    return 1 if scope.text[k] in scope.lex.transliteration_chars else 0


# --------------------------------------------------------------------------- after a title

def after_titles(scope: Scope) -> Iterator[Candidate]:
    """市委书记王建华: a name right after a title, with the chain of posts before it."""
    text = scope.text
    for i, k, title in scope.view.hits["titles"]:
        if scope.view.ending_at("titles", k) != title or _inside_a_longer_title(scope, i, k):
            continue   # the longest title ending here wins (副书记 over 书记), and one starting here (书记员 over 书记)
        if _title_inside_words(scope, i, k):
            continue
        posts = post_chain(scope, k)
        held = _held_by_the_name_after(scope, k, posts)
        start = k + 1 if held else _past_a_colon(text, k)
        span = name_at(scope, start) if start < len(text) else None
        if span is None:
            continue
        if start > k and posts and not held and _after_an_office_verb(scope, k - len(posts[0].label)):
            continue   # 陈战书任黑龙江省代理省长 陈家豪…: the post is the one of the name before 任
        yield _person(scope, span, "after-title", posts=posts)


def _held_by_the_name_after(scope: Scope, k: int, posts) -> bool:
    """曾任大墅镇凤林社区书记的郑文清: a clause that opens with a verb of office and ends in 的 before a name
    gives the post to that name; with a name before the verb (李明任书记的…) the post is that name's."""
    if not posts or scope.text[k:k + 1] != "的":
        return False
    at = k - len(posts[0].label)
    # The verb may stand before the places that open the post (曾任 + 大墅镇凤林 + 社区书记).
    verbs = [(i, j) for i, j, _ in scope.view.hits["office_verbs"]
             if at - _PLACES_BEFORE_A_POST <= j <= at and not any(c in PUNCT for c in scope.text[j:at])]
    if not verbs:
        return False
    start = verbs[-1][0]
    if scope.text[start - 1:start] in _TIMES_OF_OFFICE:
        start -= 1   # 时任, 曾任, 现任
    before = scope.text[start - 1:start]
    return not before or not is_cjk(before)


# How many characters of places may stand between a verb of office and the post it opens.
_PLACES_BEFORE_A_POST = 10
# What says when a post was held, right before its verb of office (时任, 曾任, 现任, 原任, 历任).
_TIMES_OF_OFFICE = frozenset("时曾现原历")


def _title_inside_words(scope: Scope, i: int, k: int) -> bool:
    """A title the tagger reads as part of longer words: inside one (主委 of 业主委员会), opening one of four
    characters or more (领导 of 领导班子), or the end of one and the start of the next (领队 of 带领/v 队员/n)."""
    if not scope.view.tokens:
        return False
    last = scope.view.token(k - 1)
    return _opens_a_longer_word(scope, i, k) or last.end > k and (last.start < i or scope.view.token(i).start < i)


def _opens_a_longer_word(scope: Scope, i: int, k: int, shortest: int = 4) -> bool:
    """领导 of 领导班子/n, 居民 of 居民楼/n: a title or role from ``i`` to ``k`` that opens a word of
    ``shortest`` characters or more (a title's word of three may be a name glued to it)."""
    tok = scope.view.token(k - 1)
    return tok.start == i and tok.end > k and len(tok.text) >= shortest and not tok.flag.startswith("nr")


def _past_a_colon(text: str, k: int) -> int:
    """Where a name after a title may start: past one space, and past the colon of a notice's line
    (组长:韦海生; 副组长:蒙家福、覃秋莲)."""
    if k < len(text) and text[k] == " ":
        k += 1
    if k < len(text) and text[k] in ":：":
        k += 1
        if k < len(text) and text[k] == " ":
            k += 1
    return k


def _inside_a_longer_title(scope: Scope, i: int, k: int) -> bool:
    longer = scope.view.starting_at("titles", i)
    return longer is not None and i + len(longer) > k and scope.view.ends_token(i + len(longer))


def _after_an_office_verb(scope: Scope, i: int) -> bool:
    return scope.view.ending_at("office_verbs", i) is not None


def post_chain(scope: Scope, end: int) -> tuple[Post, ...]:
    """The posts written before a name: 市委副书记、代市长 gives two, with their bodies.

    Posts listed with commas (吉安市委常委,井冈山管理局党工委书记,井冈山市委书记林波舟)
    belong to the name too when each names its body: a comma may also end a clause.
    """
    posts: list[Post] = []
    text = scope.text
    pause = ""
    while end > 0:
        post, start = _post_ending_at(scope, end)
        if post is None or (pause not in ("、", "兼") and pause and not post.body):
            break   # after a comma only a post that names its body (a comma may end a clause); 兼 joins posts
        posts.insert(0, post)
        k = start
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k == 0 or text[k - 1] not in _POST_PAUSES:
            break
        pause, end = text[k - 1], k - 1
        while end > 0 and text[end - 1] == " ":
            end -= 1
    return tuple(posts)


def _post_ending_at(scope: Scope, end: int) -> tuple[Post | None, int]:
    """The post whose title ends at ``end``, and where its label starts."""
    title = scope.view.ending_at("titles", end)
    if title is None or len(scope.view.ending_at("bylines", end) or "") > len(title):
        return None, end   # 责任主编: the editor of the piece, in a byline, holds no post of the story
    start, body = _label_left(scope, end - len(title))
    inside = scope.found.inside(start, end, (ORGANIZATION,))
    if inside:
        # The title may begin inside the body's name (市监委 + 监委副主任); the body
        # opens the label (大会由县政协副主席: the post is 县政协副主席).
        named = max(inside, key=lambda c: (c.end, -c.start))
        body, start = named.name, max(start, named.start)
    elif crossing := _body_into_title(scope, start, end):
        body, start = crossing[0].name, crossing[0].start
    if body and scope.text.endswith(THE_PARTY, 0, start):
        start -= len(THE_PARTY)   # 中共东营市委书记: the post as written (kg.offices reads the office in it)
    if title == _LEADERS and not body:
        k = end - len(title)
        if scope.text[k - 1:k] in _KINDS_LED:
            return Post(scope.text[k - 1:end], ""), k - 1   # 局领导: the leaders of the bureau the story is about
        return None, end   # 县领导, 市领导: the leaders of a level, no post of one body
    return Post(_label(scope.text[start:end]), body), start


# The leaders of the body written before (区人大常委会领导): a post only with that body, or with the kind of
# body the story is about (局领导, 院领导).
_LEADERS = "领导"
_KINDS_LED = frozenset("局委厅院所处办部")


def _label(written: str) -> str:
    """A post's label as written, without the word that points at the place (该村党支部书记: 村党支部书记)."""
    label = normalize_name(written)
    return label[1:] if label[:1] in _POINTING and label[1:2] and label[1] in LEVEL_PREFIXES else label


# Words that point at a place named before (该村, 本镇), which a post's label does without.
_POINTING = ("该", "本")


def _body_into_title(scope: Scope, start: int, end: int) -> list[Candidate]:
    """A body whose name ends inside the title (柳岸镇党委 + 党委副书记): it opens the label, though the
    place before it is one no list has."""
    return [c for c in scope.found.overlapping(start, end, (ORGANIZATION,)) if c.start < start < c.end < end]


def _label_left(scope: Scope, start: int) -> tuple[int, str]:
    """Where a post's label starts (学院指导老师, 鹏飞集团秘书中心副部长) and the nearest body it names.

    Runs left over nouns and recognised bodies and places: a body opens the
    label; of places, only the nearest belongs to it (the others are an
    address); a level prefix written bare joins it (县 of 县政协主席); a
    person's name never stands inside one.
    """
    k = duty_start = _before_a_duty_word(scope, start)
    placed = False
    while k > 0 and start - k < THRESHOLDS.max_post:
        ent = scope.found.ending_at(k, (ORGANIZATION,) + PLACE_TYPES)
        if ent is None and scope.text[k - 1] == " ":
            ent = scope.found.ending_at(k - 1, (ORGANIZATION,) + PLACE_TYPES)
        if ent is not None:
            if ent.type == ORGANIZATION:
                return ent.start, ent.name
            if placed:
                return k, ""
            placed, k = True, ent.start
            continue
        duty = _duty_before(scope, k) if k == start else None
        if duty is not None:
            return duty.start, duty.name   # 振江边境派出所分管社区警务工作的副所长: the body whose deputy it is
        tok = scope.view.token(k - 1)
        if tok.text in _ACTING and k == start:
            # 代秘书长: an acting holder's post, whatever is written before it, but the body right before
            # it (县人民检察院代理检察长)
            body = scope.found.ending_at(tok.start, (ORGANIZATION,))
            return (body.start, body.name) if body is not None else (tok.start, "")
        if not _in_a_label(scope, tok, k):
            break
        k = _where_the_label_meets(scope, tok, k)
    return min(_with_level_prefix(scope, trim_opening(scope.view, k, start, scope.res.body_shape)), duty_start), ""


def _before_a_duty_word(scope: Scope, start: int) -> int:
    """值班民警, 承办法官: where a duty written right before the title starts (it is part of the post)."""
    tok = scope.view.token(start - 1) if start > 0 else None
    return tok.start if tok is not None and tok.end == start and tok.text in scope.lex.duty_words else start


def _duty_before(scope: Scope, k: int):
    """The body before a duty written right before a title (…派出所分管社区警务工作的副所长): the title is
    that body's, the duty says which deputy holds it."""
    text = scope.text
    if text[k - 1:k] != "的":
        return None
    m = _DUTY.search(text, max(0, k - THRESHOLDS.max_post), k)
    if m is None or m.end() != k:
        return None
    return scope.found.ending_at(m.start(), (ORGANIZATION,))


# 分管 (in charge of) or 负责 and the work, up to the 的 before a deputy's title.
_DUTY = re.compile(r"(?:分管|负责)[^,，。;；、]{1,12}的")


def _where_the_label_meets(scope: Scope, tok, k: int) -> int:
    """长江村 + 村村/n + 级河长: a place ending inside the word is where the label meets it; but one whose
    word ends in a kind of body (山品村 + 村委会/j) opens that body, and the label with it."""
    inside = [c for c in scope.found.overlapping(tok.start, k, (ORGANIZATION,) + PLACE_TYPES) if tok.start < c.end < k]
    if not inside:
        return tok.start
    place = max(inside, key=lambda c: c.end)
    return place.start if scope.text[place.end - 1:k] in scope.res.body_suffixes else place.end


# The marks of an acting holder, written before the title (代秘书长, 代市长, 代理检察长).
_ACTING = ("代", "代理")


def _a_level_or_an_ordinal(scope: Scope, tok) -> bool:
    """村级河长: the level's 级, which the tagger reads as a measure word; 第一中心人民法庭庭长, 第二检察部主任:
    the ordinal of a unit."""
    if tok.text == "级" and tok.start > 0 and scope.text[tok.start - 1] in _LEVELS:
        return True
    return tok.flag == "m" and tok.text.startswith("第") and len(tok.text) > 1


# Besides nouns, a label holds set phrases and prefixes (非 of 非遗司副司长).
_PREFIX_FLAG = {"l", "h"}


def _in_a_label(scope: Scope, tok, k: int) -> bool:
    if _a_level_or_an_ordinal(scope, tok):
        return True
    if tok.flag not in NOMINAL_FLAGS | _PREFIX_FLAG or tok.flag.startswith("nr") or any(c in PUNCT for c in tok.text):
        return False
    if not all(is_cjk(c) for c in tok.text) or scope.found.overlapping(tok.start, k, (PERSON,)):
        return False
    if _after_a_name_cut_short(scope, tok):
        return False
    lex = scope.lex
    return tok.text not in lex.person_roles and tok.text not in lex.posts and tok.text not in lex.clause_openers


def _after_a_name_cut_short(scope: Scope, tok) -> bool:
    """所长杨俊/nr 云和/ns 社区民警: the name of two the tagger cut runs on into the word (a place's word,
    黄石/nr of 黄石村, is no name)."""
    before = scope.view.token_before(tok.start)
    return before is not None and before.flag.startswith("nr") and len(before.text) == 2 and \
        not scope.found.overlapping(before.start, before.end, PLACE_TYPES + (ORGANIZATION,))


def _with_level_prefix(scope: Scope, k: int) -> int:
    """县政协主席: the bare level prefix before a label is part of it (and 该 or 我 before that)."""
    text = scope.text
    if k > 0 and text[k - 1] in _LEVELS and (k == 1 or not is_cjk(text[k - 2]) or text[k - 2] in "该我本" or
                                             scope.view.starts_token(k - 1)):
        k -= 1
        if k > 0 and text[k - 1] in "该我本":
            k -= 1
    return k


# --------------------------------------------------------------------------- other cues

def bylines(scope: Scope) -> Iterator[Candidate]:
    """记者 李明 王芳报道, 通讯员 张伟: the paper's own people, with their role."""
    text = scope.text
    for i, k, title in scope.view.hits["bylines"]:
        if scope.view.ending_at("bylines", k) != title or not _title_ends_a_word(scope, k):
            continue   # 统筹/安排 of 统筹安排下: the title is part of a longer word, no byline
        for span in _byline_names(scope, k):
            yield _person(scope, span, "byline", role=title)
    credit = _CREDIT_LINE.search(text)
    if credit is not None:
        for span in _byline_names(scope, credit.end()):
            yield _person(scope, span, "byline")


# A line that credits its writer by a word for the text or the picture and a bar or a slash (文 | 李明 王芳,
# 文/图 张伟), or by the box many papers print before it (□胡建国).
_CREDIT_LINE = CuedPattern(r"^\s*(?:(?:文/图|图/文)\s*[|丨:：]?|(?:撰文|文字|文|图)\s*[|丨/:：]|[□■])\s*",
                           ("文", "图", "□", "■"))


def bracketed_bylines(scope: Scope) -> Iterator[Candidate]:
    """(覃波 莫建松) closing a paragraph, right after a dateline (4月26日电(郭彩云)), before the reporter's
    role in a byline's brackets ((韩立新 周广平 记者高长利)) or before the 摄 of a caption (张建华 摄):
    the paper's people named with no title, as many stories end or begin; every item must be a full name."""
    text = scope.text
    before_a_role = (m for m in _NAMES_BEFORE_A_ROLE.finditer(text) if scope.view.starting_at("bylines", m.end()))
    spaced = _SPACED_NAME_IN_BRACKETS.search(text)
    if spaced and spaced.group(1) in scope.lex.surnames_single:   # (何 露): one name set letter-spaced
        yield _person(scope, (spaced.start(1), spaced.end(2)), "byline")
    matches = (_BRACKETED_NAMES.search(text), _DATELINE_NAMES.search(text), _PHOTO_CREDIT.search(text),
               _names_before_a_dateline(scope), *before_a_role)
    for m in filter(None, matches):
        spans = [(m.start(1) + a.start(), m.start(1) + a.end()) for a in _BRACKETED_ITEM.finditer(m.group(1))]
        if all(_a_bracketed_name(scope, i, j) for i, j in spans):
            for span in spans:
                yield _person(scope, span, "byline")


# An item of names in brackets: a name, or one of two characters set letter-spaced ((陈甜甜 徐 峰)).
_BRACKETED_ITEM = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])|[^ 、]+")


def _a_bracketed_name(scope: Scope, i: int, j: int) -> bool:
    if scope.text[i + 1:i + 2] == " ":
        return scope.text[i] in scope.lex.surnames_single and not _common(scope.text[i] + scope.text[j - 1])
    return name_at(scope, i, end=j) == (i, j)


_OPENING_BRACKETS = ("(", "（")
# Names in brackets, separated by spaces or 、, at the end of a paragraph: (覃波 莫建松).
_NAMES_IN_BRACKETS = r"[(（]([\u4e00-\u9fff]{2,3}(?:[ 、](?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff] [\u4e00-\u9fff])){0,3})[)）]"
_BRACKETED_NAMES = CuedPattern(_NAMES_IN_BRACKETS + r"\s*$", _OPENING_BRACKETS)
# ... or one name of two characters set letter-spaced, closing a paragraph: (何 露).
_SPACED_NAME_IN_BRACKETS = CuedPattern(r"[(（]([\u4e00-\u9fff]) ([\u4e00-\u9fff])[)）]\s*$", _OPENING_BRACKETS)
# ... or right after the dateline that opens a story (山西4月26日电(郭彩云), 5日讯(李明)).
_DATELINE_NAMES = CuedPattern(r"\d日(?:电|讯) ?" + _NAMES_IN_BRACKETS, ("日电", "日讯"))
# ... or between the outlet and the dateline's place (中国国际新闻传媒网(何军)新疆电).
_NAMES_BEFORE_A_PLACES_DATELINE = CuedPattern(_NAMES_IN_BRACKETS + r" ?([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?电",
                                              ("电",))


def _names_before_a_dateline(scope: Scope) -> re.Match | None:
    """The bracketed names right before a dateline's place and its 电, the place being one recognised."""
    m = _NAMES_BEFORE_A_PLACES_DATELINE.search(scope.text)
    if m is None:
        return None
    place = scope.found.ending_at(m.end(2), PLACE_TYPES)
    return m if place is not None and place.start == m.start(2) else None


# ... or opening the brackets of a byline, before the reporter's role (电(韩立新 周广平 记者高长利)).
_NAMES_BEFORE_A_ROLE = CuedPattern(r"[(（]([\u4e00-\u9fff]{2,3}(?:[ 、][\u4e00-\u9fff]{2,3}){0,3})[ 、]",
                                   _OPENING_BRACKETS)
# ... or before 摄 at the end of a caption (张建华 摄).
_PHOTO_CREDIT = CuedPattern(r"(?:^|(?<=[\s(（]))([\u4e00-\u9fff]{2,3}(?: [\u4e00-\u9fff]{2,3}){0,2}) ?摄[)）]?\s*$",
                            ("摄",))


def _title_ends_a_word(scope: Scope, k: int) -> bool:
    """The byline's title ends a word, or a mark or space follows it (编辑/王立新, 记者 李明)."""
    return k >= len(scope.text) or scope.text[k] in " :：□/|丨" or scope.view.ends_token(k)


def _byline_names(scope: Scope, k: int) -> Iterator[tuple[int, int]]:
    """The spans of the names after a byline's role at ``k``, one after another (记者 李明 王芳报道)."""
    text = scope.text
    names = 0
    while k < len(text):
        while k < len(text) and text[k] in " :：□/|丨":   # 编辑/王立新
            k += 1
        j = _byline_name_end(scope, k)
        word = normalize_name(text[k:j])
        if not 2 <= len(word) <= 4 or not (_byline_word(scope, word, first=names == 0) or
                                           (names == 0 and _a_pen_name(scope, word, k, j))):
            return
        yield k, j
        names += 1
        k = j + (1 if j < len(text) and text[j] in "、,，" else 0)
        if scope.view.starting_at("bylines", k) or scope.view.starting_at("bylines", k + 1):
            return


def _byline_name_end(scope: Scope, k: int) -> int:
    """Where the byline's name starting at ``k`` ends (``k`` when none does).

    The name ends where the byline does (记者王正文报道): the longest fit first;
    four characters only with a double surname (欧阳田军); a name set
    letter-spaced (记者 吴 昊) ends where its spaced characters do.
    """
    text = scope.text
    j = k
    # A surname may be a character that no given name holds (曾 of 记者曾謇摄, which is also "once").
    while j < len(text) and (_name_char(text[j]) or (j == k and text[j] in scope.lex.surnames_single)) and j - k < 4:
        j += 1
    longest = k + 4 if text[k:k + 2] in scope.lex.surnames_double else k + 3
    # 记者李明摄: a name does not end in the 摄 that credits its photo.
    j = next((e for e in range(min(j, longest), k + 1, -1)
              if _byline_ends(scope, e) and text[e - 1] != _PHOTO_CREDIT_MARK), k)
    if j == k and k + 1 < len(text) and _name_char(text[k]):
        spaced = _spaced_given_name(text, k + 1)
        j = spaced if spaced is not None and _byline_ends(scope, spaced) else k
    return j


def _byline_ends(scope: Scope, j: int) -> bool:
    text = scope.text
    return j >= len(text) or text[j] in " )）】]〕、,，" or bool(scope.view.starting_at("bylines", j)) or \
        text.startswith(("报道", "摄", "通讯员"), j) or _next_name_of_the_byline(scope, j)


def _next_name_of_the_byline(scope: Scope, j: int) -> bool:
    """通讯员黄沁张玲珍: names written with no space between, where the tagger reads the next one whole."""
    nxt = scope.view.token(j) if j < len(scope.text) else None
    return nxt is not None and nxt.start == j and scope.view.ends_token(j) and nxt.flag.startswith("nr") and \
        2 <= len(nxt.text) <= 3 and nxt.text[0] in scope.lex.surnames_single


def _byline_word(scope: Scope, word: str, first: bool) -> bool:
    if first and not (word[0] in scope.lex.surnames_single or word[:2] in scope.lex.surnames_double):
        return False
    info = word_info(word)
    # A byline vouches for a name the dictionary files as a rare place (江建国/ns) or, with three characters,
    # as a rare word of another kind (许立群/m): the dictionary's tag of such an entry is its error.
    rare = info is not None and info[0] < THRESHOLDS.rare_word_in_a_byline and (
        info[1] == "ns" or (len(word) == 3 and info[1] in _NO_KIND_OF_A_NAME))
    if info and info[0] >= THRESHOLDS.word_for_a_name and not info[1].startswith("nr") and not rare:
        return False
    return word not in scope.lex.posts and word not in scope.lex.byline_titles


def _a_pen_name(scope: Scope, word: str, k: int, j: int) -> bool:
    """编辑:凰仪 closing the page: the one name a byline's colon gives, alone to the end of the text, is a
    person's (a pen name may open with no surname), unless it is a word (编辑:本网) or a body (编辑:新闻科)."""
    text = scope.text
    colon = text[:k].rstrip()[-1:]
    return colon in (":", "：") and not text[j:].strip() and len(word) <= 3 and word_info(word) is None and \
        all(is_cjk(c) for c in word) and word[0] not in DETERMINERS and not word.endswith(MEDIA_ENDINGS) and \
        scope.res.body_suffixes.ends_at(word, len(word)) is None   # 编辑:新闻科, an office


# Kinds of word no full name of three characters can be but the dictionary files some under by mistake
# (许立群/m): numerals, times, idioms; not nouns, bodies or occupations (司法局, 卫生员).
_NO_KIND_OF_A_NAME = frozenset({"m", "t", "i", "l"})


def after_roles(scope: Scope) -> Iterator[Candidate]:
    """市领导张国华、 or 业主陈刚, : a role noun, a name, then a pause or a verb of saying."""
    text = scope.text
    for i, k, role in scope.view.hits["roles"]:
        if scope.view.tokens and _opens_a_longer_word(scope, i, k, shortest=3):
            continue   # 领导班子做…, 居民楼旁: the role opens a longer word
        span = name_at(scope, k + 1 if scope.text[k:k + 1] == " " else k)   # 村民 徐新栋: a caption's space
        if span is None:
            continue
        if _a_word_after_a_role(text[span[0]:span[1]]):
            continue   # 群众幸福感: a word, not a name
        if _stands_as_a_person(scope, span):
            member = next((w for w in _MEMBERS if role.endswith(w)), None)   # 支部党员 ends in 党员
            body = scope.found.ending_at(k - len(member), (ORGANIZATION,)) if member else None
            yield _person(scope, span, "after-role", member_of=body.name if body is not None else "")


# Roles that say a person belongs to the body written right before them (三角园村党支部党员冼笃甘).
_MEMBERS = frozenset({"党员", "成员", "队员", "会员", "社员", "职工", "员工"})


def _a_word_after_a_role(name: str) -> bool:
    given, whole = (word_info(name[1:]) if len(name) >= 3 else None), word_info(name)
    return (whole is not None and not whole[1].startswith("nr")) or name[-1] in _NOUN_ENDINGS or \
        (given is not None and given[0] >= THRESHOLDS.word_for_a_given_name and not given[1].startswith("nr"))


def _stands_as_a_person(scope: Scope, span: tuple[int, int]) -> bool:
    """What follows a name after a role: a pause, a colon or a verb of saying, what the person does, or, for a name
    the tagger reads, the end of the clause (找到了被执行人肖力。) or the person's home (村民覃伟家门口)."""
    text, j = scope.text, span[1]
    if j == len(text) or text[j] in "。;；":
        return _tagged_as_person(scope, span[0], j)
    # 游客黄攸红:“…”: the colon gives the person the word, as a verb of saying does.
    return text[j] in "、,，等】)）:：" or bool(scope.view.starting_at("speech_verbs", j)) or (
        text[j] in "的在是也都就家" and (_tagged_as_person(scope, span[0], j) or _a_plain_full_name(scope, span))) or \
        _acts_next(scope, span) or _speaks_to_someone(scope, j)


def _speaks_to_someone(scope: Scope, j: int) -> bool:
    """党员聂志豪对记者说: a preposition of address after the name, and a verb of saying in the same clause."""
    text = scope.text
    if text[j] not in _ADDRESSED:
        return False
    stop = next((k for k in range(j + 1, min(len(text), j + THRESHOLDS.addressee_reach)) if text[k] in PUNCT),
                min(len(text), j + THRESHOLDS.addressee_reach))
    return any(scope.view.starting_at("speech_verbs", k) for k in range(j + 2, stop))


# Prepositions that name whom a person speaks to (对记者说, 向大家介绍, 跟他讲).
_ADDRESSED = "对向跟"


def _a_plain_full_name(scope: Scope, span: tuple[int, int]) -> bool:
    """村民魏国/ns 福/ns 的: a common surname and a given name of two characters that make no word, whatever
    the tagger cut."""
    name = scope.text[span[0]:span[1]]
    return len(name) == 3 and name[0] in scope.lex.surnames_common and word_info(name[1:]) is None


def _acts_next(scope: Scope, span: tuple[int, int]) -> bool:
    """技术骨干高文泉熟练地检修, 老党员张德福今年78岁: a full name after a role, then how, what or when
    the person does."""
    i, j = span
    nxt = scope.view.token(j)
    return j - i == 3 and nxt.start == j and len(nxt.text) >= 2 and (
        nxt.flag[:1] in ("v", "d", "t") or nxt.text.endswith("地") or nxt.text in _TOGETHER)


# Adverbs of doing a thing together (他和老人的外孙苏发军一道修房): the person acts with someone.
_TOGETHER = frozenset({"一道", "一起", "一同", "一块"})


def aged(scope: Scope) -> Iterator[Candidate]:
    """23岁的秦娇娇, 今年78岁的老党员王德福: a name right after a person's age, or after the age and a role."""
    for m in _AGE.finditer(scope.text):
        k = m.end()
        role = scope.view.starting_at("roles", k)
        span = name_at(scope, k + len(role) if role else k)
        if span is not None and not _a_word_after_a_role(scope.text[span[0]:span[1]]):
            yield _person(scope, span, "aged")


# A person's age and 的 (23岁的, 七十多岁的).
_AGE = CuedPattern(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?岁的", ("岁的",))


def appointed(scope: Scope) -> Iterator[Candidate]:
    """任命王明为…, 免去李刚的…职务, 决定陈战书为代理省长: a name after a verb of appointment."""
    text = scope.text
    for _, k, verb in scope.view.hits["appointment_verbs"]:
        if scope.view.starting_at("appointment_verbs", k):
            continue   # 决定任命王明为: the name follows the last verb of the chain, not its first
        span = name_at(scope, k)
        if span is None or not (_sound_left(scope, k - len(verb)) or _a_word_of_its_own(scope, k - len(verb), k)):
            continue   # 会议选举韦强为…: the verb is a word of its own after the noun of who decides
        j = span[1]
        if j < len(text) and text[j] not in "为的、,，;；。" and not text.startswith(("担任", "同志", "等", "任"), j) \
                and not scope.view.starting_at("titles", j) and not _post_label_at(scope, j):
            continue
        yield _person(scope, span, "appointed", signals=("removed",) if verb in _REMOVALS else ())


def _a_word_of_its_own(scope: Scope, i: int, j: int) -> bool:
    return scope.view.starts_token(i) and scope.view.ends_token(j)


# 不再担任: a post the person leaves (赵刚不再担任副县长职务).
_NO_LONGER = "不再"


def office_holders(scope: Scope) -> Iterator[Candidate]:
    """陈战书任黑龙江省代理省长, 孙述海辞去济南市人民政府市长职务: a name, a verb of office, a post."""
    text = scope.text
    for v, k, verb in scope.view.hits["office_verbs"]:
        if scope.view.starting_at("office_verbs", v) != verb or not (
                scope.view.starts_token(v) or _glued_to_a_name(scope, v, k)):
            continue   # the longest verb, a word of its own (担任, not 任 of 担任)
        posts = _posts_listed_from(scope, k)
        if not posts:
            continue
        # 接受李明华同志请求辞去…省长职务: the words of a request may stand between the name and the verb.
        n_end = v - next((len(w) for w in _BEFORE_OFFICE_VERBS if text.endswith(w, 0, v)), 0)
        others = _OTHERS_COUNTED.search(text, max(0, n_end - 8), n_end)
        if others is not None and others.end() == n_end:
            n_end = others.start()   # 吴丽梅等4人当选为纪检委员: the name, then the others counted
        span = _name_ending_at(scope, n_end)
        if span is not None:
            removed = ("removed",) if verb in ("辞去", "辞职") or text.endswith(_NO_LONGER, 0, v) else ()
            yield _person(scope, span, "office", posts=posts, signals=removed)


def _posts_listed_from(scope: Scope, k: int) -> tuple[Post, ...]:
    """The posts after a verb of office: 任柳林镇党委委员、副镇长,兼任镇妇联主席 gives three."""
    text, posts = scope.text, []
    while (post := _label_ending_in_title(scope, k)) is not None:
        posts.append(post)
        end = text.find(post.label, k) + len(post.label)
        if end <= k or end >= len(text):
            break
        if text[end] == "、" or (text[end] in ",，" and (
                scope.view.starting_at("office_verbs", end + 1) or _a_list_of_posts_held(text, end))):
            k = end + 1
        else:
            break
    return tuple(posts)


def _a_list_of_posts_held(text: str, end: int) -> bool:
    """担任过县长助理,副县长、县委常委等职: commas part the items of a list of posts that 等职 closes."""
    close = text.find(_POSTS_HELD, end, end + THRESHOLDS.post_list_reach)
    return close > 0 and not any(c in text[end + 1:close] for c in "。;；:：")


_POSTS_HELD = "等职"


def _glued_to_a_name(scope: Scope, v: int, k: int) -> bool:
    """王芳任/nr 柳林镇党委委员: the tagger glued a verb of office to the name before it, a post after."""
    tok = scope.view.token(v)
    return tok.end == k and tok.start < v and tok.flag.startswith("nr") and \
        scope.view.starting_at("office_verbs", v) is not None and _label_ending_in_title(scope, k) is not None


# The others elected or appointed with a name, counted after 等 (等4人, 等三名同志).
_OTHERS_COUNTED = re.compile(r"等[\d一二三四五六七八九十]+[名位个]?(?:人|同志)")
_BEFORE_OFFICE_VERBS = ("同志请求", "同志申请", "同志不再", "同志", "本人请求", "请求", "申请", _NO_LONGER,
                        "以全票", "全票", "高票", "满票")   # 林上斗全票当选: the vote that elected the person


def appointed_as(scope: Scope) -> Iterator[Candidate]:
    """任命陈家豪为副省长,赵晓华为秘书长: in a personnel notice, every “name 为 post” after a pause."""
    text = scope.text
    if not scope.view.hits["appointment_verbs"]:
        return
    for i, ch in enumerate(text):
        if ch not in ",，;；、:：" or i + 1 >= len(text):
            continue
        span = name_at(scope, i + 1)
        if span is None or not text.startswith("为", span[1]):
            continue
        post = _label_ending_in_title(scope, span[1] + 1)
        if post is not None:
            yield _person(scope, span, "appointed", posts=(post,))


def _post_label_at(scope: Scope, j: int) -> bool:
    """免去刘松岭省政府秘书长职务: a post's label starts at ``j``."""
    return bool(_label_ending_in_title(scope, j))


def addressed(scope: Scope) -> Iterator[Candidate]:
    """彭真同志, 邵一夫先生, 叶笃正院士: a full name before a term of address."""
    for h, _, _ in scope.view.hits["address_terms"]:
        span = _name_ending_at(scope, h)
        if span is not None:
            yield _person(scope, span, "addressed")


def speakers(scope: Scope) -> Iterator[Candidate]:
    """王建华说, 李明表示, 张伟主持: a name before a verb of saying or acting."""
    for v, _, _ in scope.view.hits["speech_verbs"]:
        if _ends_a_longer_verb(scope, v):
            continue   # 王芳听说: 说 ends the verb 听说, which the name's last character begins
        span = _name_ending_at(scope, v)
        if span is not None:
            body = scope.found.ending_at(span[0], (ORGANIZATION,))
            yield _person(scope, span, "speaker", member_of=body.name if body is not None else "")


def _ends_a_longer_verb(scope: Scope, v: int) -> bool:
    tok = scope.view.token(v)
    return tok.start < v and tok.flag.startswith("v")


def _name_ending_at(scope: Scope, end: int) -> tuple[int, int] | None:
    """The full name of three, two or four characters that ends at ``end`` (where a cue begins), with
    nothing before it that would make it part of a longer word."""
    for length in (3, 2, 4):
        k = end - length
        span = name_at(scope, k, end=end) if k >= 0 else None
        if span is not None and _sound_left(scope, k):
            return span
    return None


def _sound_left(scope: Scope, k: int) -> bool:
    """What stands before a name: nothing, a pause, a place or body, a role or a title, or a word
    that opens a clause (关于, 决定, 接受): not the first part of a longer word."""
    text = scope.text
    if k <= 0 or text[k - 1] in PUNCT or not is_cjk(text[k - 1]):
        return True
    if any(i < k < j for i, j, _ in scope.view.hits["titles"]):
        return False   # 董事长孙立: 长 ends the title 董事长, so 长孙 is no double surname here
    if scope.found.ending_at(k, (ORGANIZATION,) + PLACE_TYPES) is not None:
        return True
    if scope.view.ending_at("roles", k) or scope.view.ending_at("titles", k) or \
            scope.view.ending_at("appointment_verbs", k) or text[k - 1] in "对由给向":
        return True
    before = scope.view.token_before(k)
    return before is not None and before.end == k and (before.text in scope.lex.clause_openers or _verb_or_preposition(
        before.text))


def _verb_or_preposition(word: str) -> bool:
    info = word_info(word)
    return bool(info and info[1][:1] in ("v", "p", "c") and not info[1].startswith("vn") and len(word) >= 2)


def before_titles(scope: Scope) -> Iterator[Candidate]:
    """李强总理: a name the segmenter reads as a person, then a title."""
    tokens = scope.view.tokens
    for idx, tok in scope.view.person_tokens():
        if not 2 <= len(tok.text) <= 3:
            continue
        title = scope.view.starting_at("titles", tok.end)
        if title is None or len(title) < 2 or (
                not _sound_left(scope, tok.start) and idx and tokens[idx - 1].flag.startswith(("n", "a"))):
            continue
        if title.startswith(scope.lex.party_units) or scope.res.body_suffixes.starts_at(title, 0, min_len=2):
            continue   # 余村党支部书记: a title that opens with a body follows that body's place, not a name (院长 does not)
        # A three-character token fixes the name's end (江泽民主席: not 民主).
        span = name_at(scope, tok.start, strict=False, end=tok.end if len(tok.text) >= 3 else None)
        if span is not None and span[1] == tok.end:
            yield _person(scope, span, "before-title", posts=(_post_around(scope, span[0], title),))


def _post_around(scope: Scope, k: int, title: str) -> Post:
    """青山市中级法院民一庭张平审判长: the body written right before the name is the body of the title after it."""
    body = scope.found.ending_at(k, (ORGANIZATION,))
    if body is None:
        return Post(title, "")
    return Post(_label(scope.text[body.start:body.end] + title), body.name)


def tagged(scope: Scope) -> Iterator[Candidate]:
    """Full names the segmenter tags as persons, where the tag is trustworthy.

    The dictionary tags many everyday words as names (温馨, 齐全, 黎明), so a
    two-character token counts only for a doctrine's namesake (邓小平理论), and
    a longer one when the dictionary does not know it as a word.
    """
    # A sentence that names no doctrine holds no eponym: only the person's tokens are read.
    doctrines = any(ending in scope.text for ending in EPONYM_ENDINGS)
    for tok in scope.view.tokens if doctrines else [t for _, t in scope.view.person_tokens()]:
        eponym = EPONYM.match(tok.text) if doctrines and tok.flag[:1] == "n" else None
        if eponym:   # 邓小平理论/nr, 马克思主义/n: the dictionary files the doctrine as a noun or a name
            cand = _eponym(scope, tok, eponym.group(1))
            if cand is not None:
                yield cand
            continue
        if tok.flag[:2] != "nr":
            continue
        tok = _with_its_surname(scope, _without_a_glued_word(scope, tok))
        span = _tagged_name(scope, tok) if _tag_may_name(scope, tok) else None
        if span is not None:
            yield _person(scope, span, "tagged")


def _with_its_surname(scope: Scope, tok):
    """邱/nr 荆枫/nr: a given name of two characters the tagger tagged apart from the surname before it."""
    before = scope.view.token_before(tok.start)
    if len(tok.text) != 2 or before is None or before.end != tok.start or len(before.text) != 1 or \
            not before.flag.startswith("nr") or before.text not in scope.lex.surnames_single or \
            _well_known_word(tok.text):
        return tok   # 连/nr 麦苗/nr: a word the dictionary meets often (麦苗, 64) is no given name the tagger made
    return dataclasses.replace(tok, text=before.text + tok.text, start=before.start)


def _without_a_glued_word(scope: Scope, tok):
    """至张富元家/nr 水泥路, 许丹摄/nr, 选派哈昶鸿到/nr 麻黄沟村: the person's token without the 家, 摄 or 到 the
    tagger glued to the name."""
    going = tok.text.endswith(_GOING_TO) and bool(scope.found.starting_at(tok.end, PLACE_TYPES))
    if len(tok.text) == 4 and (tok.text.endswith(_HOME) or going) or _credits_a_photo(scope, tok) or \
            _appointed_as(scope, tok):
        return dataclasses.replace(tok, text=tok.text[:-1], end=tok.end - 1)
    return tok


def _appointed_as(scope: Scope, tok) -> bool:
    """任命刘洋为/nr 镇长: after a verb of appointment, the 为 the tagger glued to the name is the verb (任命…为);
    焦艳为/nr 新当选的主席颁发证书: before a verb of conferring in the clause, it is the preposition (为…颁发)."""
    if len(tok.text) < 3 or not tok.text.endswith("为") or scope.text.startswith("为", tok.end):
        return False   # 张有为为大家上党课: the preposition follows the name, whose 为 is its own
    text = scope.text
    clause = text[tok.end:next((i for i in range(tok.end, len(text)) if text[i] in _CLAUSE_ENDS), len(text))]
    return bool(scope.view.ending_at("appointment_verbs", tok.start)) or any(v in clause for v in _CONFERRING_VERBS)


# Verbs of conferring or serving that follow "为 + whom" (为获奖者颁发证书, 为党员上党课).
_CONFERRING_VERBS = ("颁发", "颁奖", "颁证", "授牌", "授旗", "揭牌", "佩戴", "送上", "赠送", "题词", "授课",
                     "上党课", "作报告", "宣讲")


def _credits_a_photo(scope: Scope, tok) -> bool:
    """许丹摄/nr closing a caption, 徐昱摄/nr / 本刊: the tagger glued the 摄 of a photo's credit to the name,
    which a pause, a bracket or the outlet's slash follows."""
    if not (3 <= len(tok.text) <= 4 and tok.text.endswith(_PHOTO_CREDIT_MARK)):
        return False
    after = scope.text[tok.end:tok.end + 1]
    return not after or not is_cjk(after)


def _tagged_name(scope: Scope, tok) -> tuple[int, int] | None:
    """The span of the name a person's token holds, unless the tagger glued a verb to it."""
    text = scope.text
    if any(scope.view.starting_at("speech_verbs", v) for v in range(tok.start + 2, tok.end)):
        return None   # 刘丽作/nr 专题辅导: the tagger glued the verb's first character to the name
    span = name_at(scope, tok.start, strict=False, end=_end_of_a_tokens_name(scope, tok))
    if span is None or (tok.end < len(text) and (
            scope.view.starting_at("titles", tok.end) or text[tok.end] in "村镇乡县市区省")) or \
            _glued_to_a_name(scope, tok.end - 1, tok.end):
        return None   # 王芳任/nr: the verb of office is glued to the name (kg.extract.people.office_holders)
    return span


def _verb_glued_at_the_end(scope: Scope, tok) -> bool:
    """王吉出/nr 生于: the name's last character and the next one make a common verb (出生), which the
    tagger cut in two."""
    if len(tok.text) != 3 or tok.end >= len(scope.text):
        return False
    if scope.text[tok.end] in _ASPECT_PARTICLES:
        last = word_info(tok.text[-1])   # 覃伟笑/nr 着: a verb of one character and its particle
        return last is not None and last[1] == "v" and last[0] >= THRESHOLDS.verb_glued_to_a_name
    info = word_info(scope.text[tok.end - 1:tok.end + 1])
    return info is not None and info[1] == "v" and info[0] >= THRESHOLDS.verb_glued_to_a_name


# The particles of aspect, which follow a verb and never a name (笑着, 走了).
_ASPECT_PARTICLES = "着了过"
# Verbs of going before a place, which the tagger glues to the name before them (哈昶鸿到/nr 麻黄沟村).
_GOING_TO = ("到", "赴", "去")
# 家 (home) after a name, which the tagger glues to it (张富元家/nr): the name's home, not its last character.
_HOME = "家"
# The mark of a photo's credit after the photographer's name (张建华 摄).
_PHOTO_CREDIT_MARK = "摄"


def _tag_may_name(scope: Scope, tok) -> bool:
    """A token tagged a person whose length, ending and dictionary entry let it be a full name."""
    if not 2 <= len(tok.text) <= 4 or tok.text[-1] in _NOUN_ENDINGS or not _trusted_tag(tok.text, scope.lex.surnames_common):
        return False
    if len(tok.text) == 2 and not _plain_two_character_name(scope, tok):
        return False
    return not _rarely_named(tok.text) or _stands_apart(scope, tok.end)


def _well_known_word(word: str) -> bool:
    info = word_info(word)
    return info is not None and info[0] >= THRESHOLDS.well_known_name


def _rarely_named(word: str) -> bool:
    info = word_info(word)
    return info is not None and info[0] < THRESHOLDS.well_known_name


def _stands_apart(scope: Scope, end: int) -> bool:
    """A name the dictionary rarely meets must not run on into one bound character (富春江畔, 夏热冬冷):
    what follows is a pause, a function character or a word of its own."""
    text = scope.text
    if end >= len(text) or not is_cjk(text[end]) or text[end] in FUNCTION_CHARS:
        return True
    nxt = scope.view.token(end)
    return nxt.start == end and len(nxt.text) >= 2 and nxt.flag != "ng"   # 冷之时/ng: a bound piece


def _plain_two_character_name(scope: Scope, tok) -> bool:
    """刘谦, 白林: a single surname and one given character that no dictionary word shares, standing alone."""
    text = scope.text
    if tok.text[0] not in scope.lex.surnames_single or word_info(tok.text) is not None:
        return False
    after = text[tok.end:tok.end + 1]
    return not after or not is_cjk(after) or after in "说在是和与及等的" or scope.view.ends_token(tok.end) or \
        (after == _PHOTO_CREDIT_MARK and _credits_a_photo(scope, scope.view.token(tok.start)))


def _trusted_tag(word: str, common_surnames: frozenset[str]) -> bool:
    info = word_info(word)
    if info is None and word[0] in GLUED_PREPOSITIONS:
        return False   # 由善智: the tagger glued a preposition to the name
    # The dictionary files many people by their full name, most of them rarely named
    # (张吉龙: 6); of two characters, a rare "name" is as often an everyday word.
    if info is not None and not (info[1].startswith("nr") and (info[0] >= THRESHOLDS.well_known_name or len(word) == 3)):
        return False
    given = word_info(word[1:])
    if given is not None and given[0] >= THRESHOLDS.word_for_a_given_name and not given[1].startswith("nr") and \
            not _filed_whole(word, info, given, common_surnames):
        return False   # 雷阵雨
    return not (info is not None and len(word) == 3 and _read_as_a_thing(word, given, common_surnames))


def _filed_whole(word: str, info, given, common_surnames: frozenset[str]) -> bool:
    """李志军/nr: a full name the dictionary files under a common surname keeps a given name it files as a noun
    it seldom meets (志军/n, 258); not 韩美军 of 驻韩美军 (美军/j)."""
    return info is not None and word[0] in common_surnames and len(word) == 3 and given[1] == "n" and \
        given[0] < THRESHOLDS.common_head


def _read_as_a_thing(word: str, given, common_surnames: frozenset[str]) -> bool:
    """农家乐, 红领巾, 黄金周: a word the dictionary files as a person's name that reads as a thing, its
    "given name" a noun (领巾; but 王宏志, a word rarely met, is a name though 宏志 is a noun) or its
    "surname" and first character a common word (黄金 + 周)."""
    head = word_info(word[:2])
    if given is not None and given[1] == "n" and not (word[0] in common_surnames and _named_all_the_same(word, given, head)):
        return True
    return head is not None and head[0] >= THRESHOLDS.common_head and not head[1].startswith("nr")


def _named_all_the_same(word: str, given, head) -> bool:
    """A name after a common surname though its given name is filed as a noun: the whole is rarely met
    (王宏志), or the noun is rarely met and the surname and first character make no noun (胡锦涛: 锦涛
    is met 3 times; but 白皮书, 石家庄: 白皮 and 石家 are nouns)."""
    if _rarely_met(word):
        return True
    return given[0] < THRESHOLDS.rarely_met_name and not (head is not None and head[1] == "n")


def _rarely_met(word: str) -> bool:
    """A word the dictionary meets as rarely as it meets the people it files by name (王宏志: 7; 雷阵雨: 222)."""
    info = word_info(word)
    return info is not None and info[0] < THRESHOLDS.rarely_met_name


def _eponym(scope: Scope, tok, name: str) -> Candidate | None:
    known = word_info(name)
    if known and known[1].startswith("nr") and known[0] >= THRESHOLDS.well_known_name and \
            name[:1] in scope.lex.surnames_single | {s[0] for s in scope.lex.surnames_double}:
        return Candidate(tok.start, tok.start + len(name), PERSON, name, "eponym")
    return None


def foreign_names(scope: Scope) -> Iterator[Candidate]:
    """克林顿, 基里延科, 卡洛斯·阿马特: a name the segmenter tags as a person, written in the characters
    Chinese transliterates foreign names with, and no place's name."""
    text, tokens = scope.text, scope.view.tokens
    chars = scope.lex.transliteration_chars
    # Every run yielded holds a person's token written in such characters: most sentences have none.
    if not any(chars.issuperset(t.text) for _, t in scope.view.person_tokens()):
        return
    k = 0
    while k < len(tokens):
        end = _foreign_run(scope, k)
        if end > k:
            i, j = tokens[k].start, _past_the_dot(scope, tokens[end - 1].end, chars)
            j += _glued_before_a_verb(scope, j)
            name = text[i:j]
            # 琼斯, 保拉: two characters do when the tagger calls them a transliterated name.
            long_enough = len(name.replace("·", "")) >= 3 or (
                end == k + 1 and tokens[k].flag == "nrt" and _stands_apart(scope, j))
            if long_enough and not _a_place(scope, name) and name not in scope.res.place_suffix_type and \
                    not text.startswith(_LANDFORMS, j) and any(tokens[x].flag.startswith("nr") for x in range(k, end)):
                yield Candidate(i, j, PERSON, name, "foreign-name")
            k = end
        else:
            k += 1


# Kinds of land a name written by sound may name (森根隆巴雪山, 阿拉善草原): then it names a place.
_LANDFORMS = ("雪山", "草原", "山脉", "峡谷", "沙漠", "冰川", "高原", "盆地", "湿地", "山", "河", "湖", "峰")


def foreign_names_by_titles(scope: Scope) -> Iterator[Candidate]:
    """芬兰农林部长卡莱维·海米宁, 萨马拉通加总统: a run of the characters foreign names are written with,
    right after a title or right before one, whatever the tagger calls its pieces (卡/n 莱维/nrt)."""
    chars = scope.lex.transliteration_chars
    for _, k, title in scope.view.hits["titles"]:
        if scope.view.ending_at("titles", k) == title:
            j = _transliterated_run_end(scope, k, chars)
            if j is not None:
                yield Candidate(k, j, PERSON, scope.text[k:j], "foreign-name-by-title", posts=post_chain(scope, k))
    for i, _, title in scope.view.hits["titles"]:
        if scope.view.starting_at("titles", i) == title:
            k = _transliterated_run_start(scope, i, chars)
            if k is not None:
                yield Candidate(k, i, PERSON, scope.text[k:i], "foreign-name-by-title", posts=(Post(title, ""),))


def _transliterated_run_end(scope: Scope, k: int, chars: frozenset[str]) -> int | None:
    """The end of a foreign name that starts at ``k``: the run of its characters and dots, ending where a
    word ends; None when there is none."""
    text, j = scope.text, k
    while j < len(text) and (text[j] in chars or (text[j] == "·" and j > k and text[j + 1:j + 2] in chars)):
        j += 1
    return j if _a_foreign_run(scope, k, j) else None


def _transliterated_run_start(scope: Scope, i: int, chars: frozenset[str]) -> int | None:
    """The start of a foreign name that ends at ``i``, right before a title; None when there is none."""
    text, k = scope.text, i
    while k > 0 and (text[k - 1] in chars or (text[k - 1] == "·" and k < i and k >= 2 and text[k - 2] in chars)):
        k -= 1
    return k if _a_foreign_run(scope, k, i) else None


def _a_foreign_run(scope: Scope, k: int, j: int) -> bool:
    """The run stands apart as words do, is long enough, names no place, and the tagger reads some piece
    of it as a name or knows none (其/r 代理/n 市长 is a pronoun and a word)."""
    name = scope.text[k:j]
    low, high = THRESHOLDS.min_foreign_name, THRESHOLDS.max_foreign_name
    if not name or (len(name) <= 3 and name[0] in scope.lex.surnames_single):
        return False   # 主席李金昌: a Chinese name, which the generators of such names read
    view = scope.view
    pieces = [t for t in view.tokens[view.token_at[k]:view.token_at[j - 1] + 1] if t.text != "·"]
    sounded = any(t.flag.startswith(("nr", "ns")) or word_info(t.text) is None for t in pieces)
    return sounded and low <= len(name.replace("·", "")) <= high and scope.view.starts_token(k) and \
        scope.view.ends_token(j) and not _a_place(scope, name) and word_info(name) is None


def _past_the_dot(scope: Scope, j: int, chars: frozenset[str]) -> int:
    """买买提江·阿不都拉正和…: the second part after the dot runs over the characters names are written
    with, though the tagger glued the next word to it (阿不都拉正/d); it stops before a word of the
    sentence that opens with such a character (安德森/nr 日前/t)."""
    text = scope.text
    if text[j:j + 1] != "·":
        return j
    k = j + 1
    while k < len(text) and text[k] in chars and not (k > j + 1 and _opens_a_word_of_the_sentence(scope, k, chars)):
        k += 1
    return k if k - j > 2 else j


def _opens_a_word_of_the_sentence(scope: Scope, k: int, chars: frozenset[str]) -> bool:
    tok = scope.view.token(k)
    return tok.start == k and len(tok.text) >= 2 and not tok.flag.startswith("nr") and not chars.issuperset(tok.text)


def _foreign_run(scope: Scope, k: int) -> int:
    """The end (token index) of a run of transliterated tokens starting at token ``k``: joined by dots,
    or next to each other where the tagger reads each as a name (斯捷/nr 帕申/nr, 奥/nr 兰迪斯/nr)."""
    tokens, chars = scope.view.tokens, scope.lex.transliteration_chars

    def written(t) -> bool:
        return chars.issuperset(t.text)

    if not _foreign_run_starts(tokens, k, written):
        return k
    end = k + 1
    while end < len(tokens):
        t = tokens[end]
        if t.text == "·" and end + 1 < len(tokens) and written(tokens[end + 1]):
            end += 2
        elif written(t) and t.flag.startswith("nr") and not _everyday_piece(t.text):
            end += 1
        else:
            if written(t) and len(t.text) == 1:
                end += 1   # 阿马/ns 特/d: the tagger cut a one-character end off
            break
    return end


def _everyday_piece(word: str) -> bool:
    """明白 after 莉: a word of two characters or more that the dictionary meets very often, whatever it
    calls it, is a word of the sentence and no piece of a foreign name."""
    info = word_info(word)
    return len(word) >= 2 and info is not None and info[0] >= THRESHOLDS.very_common_word


def _foreign_run_starts(tokens, k: int, written) -> bool:
    """Token ``k`` may open a foreign name: two characters or more, or one the tagger reads as a
    name's first piece, as it reads the next."""
    first = tokens[k]
    if not written(first):
        return False
    if len(first.text) >= 2:
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and first.flag.startswith("nr") and nxt.flag.startswith("nr") and \
        len(nxt.text) >= 2 and written(nxt)


def _a_place(scope: Scope, name: str) -> bool:
    lex = scope.lex
    return name in lex.country_names or name in lex.world_cities or bool(lex.lookup(name))


# --------------------------------------------------------------------------- after the generators

# What stands before the first name of a list: a pause, another item's 、, an opening bracket.
_LIST_START = frozenset("、,，:：;；(（ ")


def continue_lists(scope: Scope, accepted: list[Candidate]) -> list[Candidate]:
    """市领导张国华、李晓燕、王志强: names listed after a vouched-for one share its context and posts."""
    out = list(accepted)
    queue = sorted(accepted, key=lambda c: c.start)
    while queue:
        c = queue.pop(0)
        for span in filter(None, (_name_listed_after(scope, c), _name_listed_before(scope, c),
                                  _name_between_listed(scope, c, out))):
            _add_listed(scope, c, span, out, queue)
    return out


def _name_between_listed(scope: Scope, c: Candidate, out: list[Candidate]) -> tuple[int, int] | None:
    """李剑、强占坡、李雪原: an item of two or three characters that opens with a surname, between two names
    of the list, is a name, though its characters make a word (强占)."""
    text, k = scope.text, c.end
    m = text.find("、", k + 1, k + 5)
    if k >= len(text) or text[k] != "、" or m < 0 or not all(is_cjk(ch) for ch in text[k + 1:m]):
        return None
    item = text[k + 1:m]
    surnamed = item[:1] in scope.lex.surnames_single or item[:2] in scope.lex.surnames_double
    nxt = any(o.type == PERSON and o.start == m + 1 for o in out)
    return (k + 1, m) if 2 <= len(item) <= 3 and surnamed and nxt else None


def _add_listed(scope: Scope, c: Candidate, span: tuple[int, int], out: list[Candidate],
                queue: list[Candidate]) -> None:
    """Keep the listed name at ``span`` with ``c``'s posts (or give them to the name kept there without any)."""
    i, j = span
    same = next((o for o in out if o.start == i and o.end == j), None)
    if same is not None:
        if c.posts and not same.posts:
            merged = dataclasses.replace(same, posts=c.posts)
            out[out.index(same)] = merged
            queue.append(merged)
    elif not any(o.start < j and i < o.end for o in out) and not scope.found.overlapping(i, j, PLACE_TYPES):
        # 王刚、甘孜州康定市: an item that is a place read already lists no person
        nxt = _person(scope, span, "listed", posts=c.posts, signals=c.signals)
        out.append(nxt)
        queue.append(nxt)


def _name_listed_after(scope: Scope, c: Candidate) -> tuple[int, int] | None:
    """The span of a name written after ``c`` and 、 (张国华、李晓燕), or after a title's name and 和, when the name
    ends an item of the list."""
    text = scope.text
    k = c.end
    # 值班民警傅进川和胡鑫雨: two named after one title, joined by 和 or 与, share it.
    joined = k < len(text) and text[k] in "和与" and c.source == "after-title" and bool(c.posts)
    if k >= len(text) or (text[k] != "、" and not joined):
        return None
    span = name_at(scope, k + 1)
    if span is None or not _ends_a_list_item(scope, span[1]) or _opens_a_post(scope, span):
        return None
    return span


def _opens_a_post(scope: Scope, span: tuple[int, int]) -> bool:
    """连庄镇党委书记刘芳: the next item opens with a place or body and a title, not with a name."""
    text, j = scope.text, span[1]
    if scope.view.starting_at("titles", j) or scope.view.starting_at("body_suffixes", j):
        return True
    return text[j - 1] in _PLACE_ENDS and scope.view.token(j - 1).flag.startswith("ns")


# The last characters of a place's name (连庄镇, 东湖村), which a listed name that is a place ends with.
_PLACE_ENDS = frozenset("省市县区镇乡村旗")


def _name_listed_before(scope: Scope, c: Candidate) -> tuple[int, int] | None:
    """The span of a name written before ``c`` and 、 (于现伟、郑婷婷、徐坤、陈钟), when an item of the
    list begins right before it: after a pause, another 、 or the start of the sentence."""
    text = scope.text
    j = c.start - 1
    if j < 2 or text[j] != "、":
        return None
    for length in (3, 2, 4):
        i = j - length
        if i < 0 or (i > 0 and text[i - 1] not in _LIST_START):
            continue
        span = name_at(scope, i, end=j)
        if span == (i, j):
            return span
    return None


def _ends_a_list_item(scope: Scope, j: int) -> bool:
    """After a listed name: the end, a pause or 等, a verb of saying, a number, or the end of a word."""
    text = scope.text
    return j >= len(text) or text[j] in _LIST_END or bool(scope.view.starting_at("speech_verbs", j)) or \
        text[j].isdigit() or scope.view.ends_token(j)


def posts_after(scope: Scope, people: list[Candidate]) -> list[Candidate]:
    """Posts written after a name or a list of names (…为省政府副省长, 6名县政协委员, 辞去…职务)."""
    groups = _lists(scope, people)
    out = []
    for group in groups:
        end = group[-1].end
        respectively = scope.text.startswith(_RESPECTIVELY, end)
        end += len(_RESPECTIVELY) if respectively else 0
        posts = _posts_after(scope, end, appointed=any(c.source == "appointed" for c in group)) or \
            _taken_later_in_the_clause(scope, end, people) or _post_in_apposition_after(scope, end)
        if respectively:
            written_after = tuple(p for p in group[-1].posts if scope.text.find(p.label, end) >= 0)
            out.extend(_each_its_own(group, tuple(dict.fromkeys(written_after + posts))))
            continue
        for c in group:
            new = tuple(p for p in posts if p not in c.posts)
            out.append(dataclasses.replace(c, posts=c.posts + new) if new else c)
    return out


# 韦强、周立分别任A、B: the posts listed after go to the names listed before, one each, in order.
_RESPECTIVELY = "分别"


def _each_its_own(group: list[Candidate], posts: tuple[Post, ...]) -> list[Candidate]:
    """The names of a list, each with its own post of ``posts``; when the counts differ the text pairs
    them in a way not read here, and no name keeps any of them."""
    if not posts:
        return group   # 县委书记韦强、县长周立分别讲话: no post after the list
    if len(posts) == len(group):
        return [dataclasses.replace(c, posts=tuple(q for q in c.posts if q not in posts) + (p,))
                for c, p in zip(group, posts)]
    return [dataclasses.replace(c, posts=tuple(p for p in c.posts if p not in posts)) for c in group]


def _lists(scope: Scope, people: list[Candidate]) -> list[list[Candidate]]:
    """The people in runs joined by 、 (a post after the run belongs to each)."""
    groups: list[list[Candidate]] = []
    for c in sorted(people, key=lambda c: c.start):
        if groups and scope.text[groups[-1][-1].end:c.start] in ("、", "和", "及"):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _posts_after(scope: Scope, j: int, appointed: bool) -> tuple[Post, ...]:
    """The posts linked to the name ending at ``j`` (为…, 的…职务, 6名…, with the posts listed after the
    first: 为泉州市人民政府副市长、代理市长), or, in a notice, written right after it and closed by 职务
    (免去刘松岭省政府秘书长、市公安局局长的职务)."""
    text = scope.text
    k = j + 2 if text.startswith("同志", j) else j
    link = next((w for w in _POST_LINKS if text.startswith(w, k)), None)
    count = _count_before_post(text, k) if link is None else 0   # 6名县政协委员
    if link is not None or count:
        return _listed_labels(scope, k + (len(link) if link else count))
    posts = _listed_labels(scope, k) if appointed else ()
    end = text.find(posts[-1].label, k) + len(posts[-1].label) if posts else -1
    return posts if posts and text.startswith(("职务", "的职务"), end) else ()


def _post_in_apposition_after(scope: Scope, j: int) -> tuple[Post, ...]:
    """市人大代表张丞俊,五里桥街道龙华居民区党总支书记。: a post set off by a comma after the name and closing
    the sentence is the name's; one the next name follows (王刚,县委书记李强) is that name's."""
    if j >= len(scope.text) or scope.text[j] not in ",，":
        return ()
    post = _post_closed_at(scope, j + 1, _SENTENCE_CLOSES)
    return (post,) if post is not None else ()


# What closes a sentence or its clause for good (not a comma, after which a name may follow).
_SENTENCE_CLOSES = ("。", ";", "；", "!", "！")


def _taken_later_in_the_clause(scope: Scope, j: int, people: list[Candidate]) -> tuple[Post, ...]:
    """陆少波2021年7月到贺兰县江南村担任驻村第一书记: the post the name's clause says it took up,
    after a date and a place, when no other person stands between."""
    text = scope.text
    stop = next((i for i in range(j, min(len(text), j + THRESHOLDS.clause_reach)) if text[i] in _CLAUSE_ENDS), len(text))
    k = text.find(_TAKES_UP, j, stop)
    if k < 0 or any(j <= c.start < k for c in people):
        return ()
    return _listed_labels(scope, k + len(_TAKES_UP))


_TAKES_UP = "担任"
_CLAUSE_ENDS = frozenset(",，。;；!！?？:：")


def _listed_labels(scope: Scope, k: int) -> tuple[Post, ...]:
    """The post labelled from ``k``, and those listed after it with 、."""
    posts: list[Post] = []
    while k < len(scope.text):
        post = _label_ending_in_title(scope, k)
        if post is None or not scope.text.startswith(post.label, k):
            return tuple(posts) if posts or post is None else (post,)
        posts.append(post)
        k += len(post.label)
        if scope.text[k:k + 1] != "、":
            break
        k += 1
    return tuple(posts)


# 何啟银是长江村的党支部书记: the copula links a name to its post, written bare or after its place.
_COPULA = "是"


def _post_after_the_copula(scope: Scope, k: int) -> tuple[Post, int] | None:
    """是村党支部书记, 是长江村的党支部书记: the post after 是, or after a place or body and 的, and where it
    ends; not a post that qualifies another (是县委书记的秘书)."""
    owner = max(scope.found.starting_at(k, PLACE_TYPES + (ORGANIZATION,)), key=lambda c: c.end, default=None)
    if owner is not None and scope.text.startswith("的", owner.end):
        k = owner.end + 1
    return _post_ending_a_clause(scope, k)


def _post_ending_a_clause(scope: Scope, k: int) -> tuple[Post, int] | None:
    post = _label_ending_in_title(scope, k)
    end = k + len(post.label) if post is not None else 0
    if post is None or not scope.text.startswith(post.label, k) or (end < len(scope.text) and scope.text[end] not in PUNCT):
        return None   # 是县委书记的秘书: the post qualifies another; the post must end the clause
    return post, end


def _posts_after_the_copula(scope: Scope, k: int) -> tuple[Post, ...]:
    """是福祥村的村支部书记、村委会主任: the post after 是 and the posts listed after it."""
    found = _post_after_the_copula(scope, k)
    posts = []
    while found is not None:
        posts.append(found[0])
        end = found[1]
        found = _post_ending_a_clause(scope, end + 1) if scope.text[end:end + 1] == "、" else None
    return tuple(posts)


def copula_posts(scope: Scope) -> Iterator[Candidate]:
    """王强是县委书记, 何啟银是长江村的党支部书记, 姜丽,是村支部书记、村委会主任: a name (and a pause),
    是 and the posts that end the clause."""
    text = scope.text
    k = text.find(_COPULA, 2)
    while k >= 0:
        posts = _posts_after_the_copula(scope, k + len(_COPULA))
        name_end = k - 1 if text[k - 1] in ",，" else k
        span = _name_ending_at(scope, name_end) if posts else None
        if span is not None:
            yield _person(scope, span, "copula-post", posts=posts)
        k = text.find(_COPULA, k + 1)


def _past_verbs(scope: Scope, k: int) -> int:
    while k < len(scope.text):
        tok = scope.view.token(k)
        info = word_info(tok.text)
        if tok.text.startswith(_ACTING) and scope.view.starting_at("titles", tok.end):
            return k   # 副市长、代理市长: the mark of an acting holder is part of the post
        if scope.view.starting_at("titles", k) == tok.text:
            return k   # 镇长/v: a title the tagger reads as a verb is still the post
        if tok.start != k or not (tok.text in scope.lex.clause_openers or tok.text in scope.lex.office_verbs or (
                info and info[1].startswith("v") and not info[1].startswith("vn"))):
            return k
        k = tok.end
    return k


def _count_before_post(text: str, k: int) -> int:
    i = k
    while i < len(text) and (text[i].isdigit() or text[i] in "一二三四五六七八九十两"):
        i += 1
    return i + 1 - k if i > k and i < len(text) and text[i] in "名位" else 0


def _label_ending_in_title(scope: Scope, k: int) -> Post | None:
    """The post label from ``k`` up to the longest title before the next pause (省政府副省长).

    Verbs before the label (请求辞去…省长职务) are not part of it.
    """
    text = scope.text
    k = _past_verbs(scope, k)
    best = _last_title_end(scope, k)
    if best is None or text.startswith(_CANDIDACY, best):
        return None   # 提名王涛为区长候选人: a candidacy for a post is no post held
    # 因工作变动辞去武威市政府市长: a verb of office inside the run ends the clause before the post.
    k = max([v for _, v, verb in scope.view.hits["office_verbs"] if k < v < best and len(verb) >= 2], default=k)
    bodies = scope.found.inside(k, best, (ORGANIZATION,))
    body = max(bodies, key=lambda c: (c.end, -c.start)).name if bodies else ""
    return Post(_label(text[k:best]), body)


def _last_title_end(scope: Scope, k: int) -> int | None:
    """Where the last title of the run from ``k`` to the next pause ends, no conjunction before it."""
    text = scope.text
    stop = k
    while stop < len(text) and text[stop] not in PUNCT and stop - k <= THRESHOLDS.max_post:
        stop += 1
    best = None
    for _, end, title in scope.view.hits["titles"]:
        if k < end <= stop and (best is None or end > best):
            label = text[k:end]
            if not any(ch in label for ch in "的和与及") and scope.view.ending_at("titles", end) == title:
                best = end
    return best


_CANDIDACY = ("候选人", "人选")


# --------------------------------------------------------------------------- lists of comrades

def listed_comrades(scope: Scope) -> Iterator[Candidate]:
    """王建华、李秀英、阿不都热合曼·买买提等20名同志: every item of a list that ends in 等 and a count of
    people (同志, 人) is a person's name, when it reads as one."""
    text = scope.text
    for m in _COMRADES.finditer(text):
        j = m.start()
        while j > 0:
            span = _listed_item_before(scope, j)
            if span is None:
                break
            yield _person(scope, span, "listed-comrade")
            if span[0] == 0 or text[span[0] - 1] != "、":
                break
            j = span[0] - 1


# 等 and a count of people after the last item of a list of names (等20名同志, 等3人, 等同志).
_COMRADES = CuedPattern(r"等(?:[\d一二三四五六七八九十百]+[名位个]?)?(?:同志|人)", ("等",))


def _listed_item_before(scope: Scope, j: int) -> tuple[int, int] | None:
    """The name of the list's item that ends at ``j``: a Chinese full name, or a name written by sound."""
    text, chars = scope.text, scope.lex.transliteration_chars
    k = text.rfind("、", 0, j) + 1
    item = text[k:j]
    if k > 0 and "·" in item and 4 <= len(item) <= 16 and all(is_cjk(c) or c == "·" for c in item):
        return k, j   # 、阿不都热合曼·买买提: a name written by sound, between two items
    k = j
    while k > 0 and (text[k - 1] in chars or text[k - 1] == "·"):
        k -= 1
    if "·" in text[k:j] and j - k >= 4:
        return k, j   # the first item, written in the characters of names written by sound
    return _listed_full_name(scope, j)


def _listed_full_name(scope: Scope, j: int) -> tuple[int, int] | None:
    """A full name of three, two or four characters ending at ``j``; one that cuts into the word before
    it (员 of 书记员仝鑫等人) yields to one that does not."""
    spans = [(j - n, j) for n in (3, 2, 4) if j - n >= 0 and name_at(scope, j - n, end=j) == (j - n, j)]
    return next((sp for sp in spans if scope.view.starts_token(sp[0])), spans[0] if spans else None)


# --------------------------------------------------------------------------- names without surnames

def tibetan_names(scope: Scope) -> Iterator[Candidate]:
    """次仁卓玛, 格桑次仁: two parts of Tibetan names written together are a person's name, with the
    posts written right before it (社区党委书记次仁卓玛); one part is one where a person stands, as a word
    of its own (社区党支部书记占堆是…)."""
    for m in _one_or_two_name_parts(scope.lex.tibetan_name_parts).finditer(scope.text):
        i = m.start()
        if m.group(2) is None and not _a_part_standing_alone(scope, i, m.end()):
            continue
        titled = scope.view.ending_at("titles", i) is not None
        yield _person(scope, (i, m.end()), "tibetan-name", posts=post_chain(scope, i) if titled else ())


def _a_part_standing_alone(scope: Scope, i: int, j: int) -> bool:
    """One part of a Tibetan name read as one word, after a title or role or before a verb of saying
    (书记占堆; not 才/d 让/v of 医生才让他出院)."""
    view, tok = scope.view, scope.view.token(i)
    return tok.start == i and tok.end == j and bool(
        view.ending_at("titles", i) or view.ending_at("roles", i) or view.starting_at("speech_verbs", j))


def mongolian_names(scope: Scope) -> Iterator[Candidate]:
    """萨仁图雅, 乌兰巴特尔; 牧民毕力格说: two parts of Mongolian names written together are a name; one
    part of three characters or more is one where a person stands (after a title or role, before a
    verb of speech, as an item of a list of names)."""
    parts = scope.lex.mongolian_name_parts
    for m in _one_or_two_name_parts(parts).finditer(scope.text):
        i, j = m.span()
        sound = _sound_before_part(scope, i)   # 乌哈/nrt 毕力格: a first part the list lacks, tagged a name
        if sound < i:
            i, two = sound, True
        else:
            two = m.group(2) is not None
        tagged_end = _tagged_past_the_part(scope, i, j)
        if tagged_end > j:
            j, two = tagged_end, True
        if not (scope.view.starts_token(i) or _sound_left(scope, i)) or (j - i < 3) or \
                (not two and not _where_a_person_stands(scope, i, j)):
            continue
        titled = scope.view.ending_at("titles", i) is not None
        yield _person(scope, (i, j), "mongolian-name", posts=post_chain(scope, i) if titled else ())


def _sound_before_part(scope: Scope, i: int) -> int:
    """Where a token the tagger reads as a name, written in transliterating characters, starts right
    before ``i``; ``i`` when there is none."""
    before = scope.view.token_before(i)
    if before is not None and before.end == i and before.flag.startswith("nr") and 2 <= len(before.text) <= 3 and \
            scope.lex.transliteration_chars.issuperset(before.text):
        return before.start
    return i


def _tagged_past_the_part(scope: Scope, i: int, j: int) -> int:
    """萨仁花/nr, 贺喜/nr 格图/nr: where the tagger reads a name's last part together with a character or
    two after it (a Chinese ending, the -图 of 贺喜格图) as a person, the name ends where its token does;
    a 图 the tagger leaves alone after a part ends the name too."""
    tok = scope.view.token(j - 1)
    if tok.flag.startswith("nr") and tok.start >= i and j < tok.end <= j + 2:
        return tok.end
    ending = scope.view.token(j) if j < len(scope.text) else None
    # 贺/nr 希格/nrt 图/n: -图 (-tu, "with") ends many names; alone, it starts no word (图片)
    return j + 1 if ending is not None and ending.text == "图" and ending.start == j else j


def _where_a_person_stands(scope: Scope, i: int, j: int) -> bool:
    view, text = scope.view, scope.text
    before = bool(view.ending_at("titles", i) or view.ending_at("roles", i)) or text[i - 1:i] in ("“", "、")
    after = bool(view.starting_at("speech_verbs", j)) or text[j:j + 1] in ("、", "…", "”")
    return before or after


@functools.lru_cache(maxsize=4)
def _one_or_two_name_parts(parts: frozenset[str]) -> re.Pattern:
    one = _any_part(parts)
    return re.compile(f"({one})({one})?")


def _any_part(parts: frozenset[str]) -> str:
    return "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))


def biographies(scope: Scope) -> Iterator[Candidate]:
    """王建国,男,汉族,1975年出生,现任平遥县委常委、宣传部部长: a name that opens a clause and is
    followed by its sex is a person's biography; the posts after 现任 in it are the person's."""
    text = scope.text
    for m in _BIOGRAPHY.finditer(text):
        span = name_at(scope, m.start(1), end=m.end(1))
        if span is None:
            continue
        held = text.find(_NOW_HOLDS, m.end())
        posts = _posts_listed_from(scope, held + len(_NOW_HOLDS)) if held >= 0 else ()
        yield _person(scope, span, "biography", posts=posts)


def posts_in_brackets(scope: Scope) -> Iterator[Candidate]:
    """王刚(平遥县委书记)出席: a name with its post in brackets right after it."""
    text = scope.text
    for m in _OPENING_BRACKET.finditer(text, 2):
        k = m.start()
        post = _label_ending_in_title(scope, k + 1)
        close = k + 1 + len(post.label) if post is not None else -1
        if post is None or text[close:close + 1] not in ")）" or not text.startswith(post.label, k + 1):
            continue
        span = _name_ending_at(scope, k)
        if span is not None:
            yield _person(scope, span, "bracketed-post", posts=(post,))


def posts_in_apposition(scope: Scope) -> Iterator[Candidate]:
    """田勇,石桥村党支部书记,今年52岁: a name that opens the sentence, a pause (and 是), then a post that the
    next pause closes: the post is the person's. A name after the title (王刚,县委书记李强) takes it instead."""
    text = scope.text
    m = _APPOSITION.match(text)
    if m is None:
        return
    post = _post_closed_at(scope, m.end(), _CLOSING_PAUSES)
    if post is None:
        return
    span = name_at(scope, m.start(1), end=m.end(1))
    if span is not None:
        yield _person(scope, span, "apposition", posts=(post,))


def _post_closed_at(scope: Scope, k: int, closers: tuple[str, ...]) -> Post | None:
    """The post written from ``k`` whose label one of ``closers`` (or the end of the text) follows."""
    post = _label_ending_in_title(scope, k)
    if post is None or not scope.text.startswith(post.label, k):
        return None
    close = k + len(post.label)
    return post if close >= len(scope.text) or scope.text[close] in closers else None


# A name of two to four characters opening the sentence, a pause and perhaps the copula (田勇,是…).
_APPOSITION = re.compile(r"\s*([\u4e00-\u9fff]{2,4})[,，]是?")
_CLOSING_PAUSES = (",", "，", "。", ";", "；")


def career_clauses(scope: Scope) -> Iterator[Candidate]:
    """马秀兰此前任…、…,近日已出任…; 2019年5月,王芳调任…,2020年12月任…: in a person's career, a clause
    that opens with a time or an adverb and a verb of office, or with the verb alone, gives the posts of
    the name before those words, else of the person the sentence is about (its first name that acts)."""
    for v, k, verb in scope.view.hits["office_verbs"]:
        if scope.view.starting_at("office_verbs", v) != verb or not (
                scope.view.starts_token(v) or scope.text[v - 1:v] in _DATE_ENDS):
            continue   # the verb a word of its own, or glued to a date (2018年任/v)
        posts = _posts_listed_from(scope, k + 1 if scope.text.startswith(_PERFECT, k) else k)
        clause = _clause_start(scope.text, v)
        lead = _leading_modifiers_start(scope, clause, v if scope.view.starts_token(v) else scope.view.token(v).start)
        named = _name_ending_at(scope, lead) if lead > clause else None
        subject = named or (_sentence_subject(scope, clause) if lead == clause else None)
        if posts and subject is not None:
            yield _person(scope, subject, "career", posts=posts)


_DATE_ENDS = "年月日"
# 担任过: the aspect particle after a verb of office, before the post.
_PERFECT = "过"
# Tags of the words that may stand between a person and a verb of office (此前/t, 2018年/m, 曾/d, 已/d).
_MODIFIER_FLAGS = ("t", "m", "q", "d")
_PAUSES = ",，;；:："


def _clause_start(text: str, v: int) -> int:
    """Where the clause holding position ``v`` starts: after the last pause before it."""
    return max(text.rfind(p, 0, v) for p in _PAUSES) + 1


def _leading_modifiers_start(scope: Scope, clause: int, v: int) -> int:
    """The start of the run of times and adverbs that ends right before ``v`` (``v`` when there is none)."""
    start = v
    while start > clause:
        tok = scope.view.token(start - 1)
        if tok.end != start or not tok.flag.startswith(_MODIFIER_FLAGS) or tok.start < clause:
            break
        start = tok.start
    return start


def _sentence_subject(scope: Scope, clause: int) -> tuple[int, int] | None:
    """The name that opens the nearest clause up to ``clause`` that opens with one, else the name the
    sentence's first clause describes (被提名为市长候选人的王吉出生于…)."""
    starts = [0] + [i + 1 for i, c in enumerate(scope.text[:clause]) if c in _PAUSES]
    return next((span for k in reversed(starts) if (span := _subject_opening(scope, k)) is not None), None) or \
        _described_subject(scope, starts[1] - 1 if len(starts) > 1 else clause)


def _described_subject(scope: Scope, stop: int) -> tuple[int, int] | None:
    """…的王吉, the subject of the sentence's first clause after the words that describe it: the name
    after its last 的."""
    k = scope.text.rfind("的", 0, stop)
    return _subject_opening(scope, k + 1) if k >= 0 else None


def _subject_opening(scope: Scope, clause: int) -> tuple[int, int] | None:
    """The name that opens a clause, after its times and adverbs, when the tagger reads it as a person."""
    k = clause
    while k < len(scope.text) and (tok := scope.view.token(k)).start == k and tok.flag.startswith(_MODIFIER_FLAGS):
        k = tok.end
    tok = scope.view.token(k) if k < len(scope.text) else None
    if tok is None or tok.start != k or not tok.flag.startswith("nr") or scope.view.starting_at("divisions", k) or \
            scope.found.starting_at(k, PLACE_TYPES + (ORGANIZATION,)):
        return None   # 和政县/nr 委副书记: a place the tagger took for a name
    end = _end_of_a_tokens_name(scope, tok)
    span = name_at(scope, k, strict=False, end=end) or name_at(scope, k, strict=False)
    # 王芳任/nr: the verb glued to the name; 马秀兰出/nr 生于: the name inside the token; 王/nr 东平/ns: the surname alone
    return span if span is not None and (span[1] <= end or len(tok.text) == 1) else None


def _end_of_a_tokens_name(scope: Scope, tok) -> int:
    """Where the name in a person's token ends: before a verb of office glued to it (王芳任, 程燕任/nr), or
    a verb whose first character it holds (王吉出/nr 生于)."""
    glued = next((v for v in range(tok.start + 2, tok.end) if scope.view.starting_at("office_verbs", v)), None)
    return glued or (tok.end - 1 if _verb_glued_at_the_end(scope, tok) else tok.end)


_OPENING_BRACKET = re.compile("[(（]")
# A name at the start of a clause, then a comma and the person's sex (王建国,男, 李芳(女,).
_BIOGRAPHY = CuedPattern(r"(?:^|(?<=[。;；:：\s]))([\u4e00-\u9fff]{2,4})[,，(（](?:男|女)[,，、)）]", ("男", "女"))
_NOW_HOLDS = "现任"


# How long a name written by sound between a role and a verb of saying may be (买买提, 阿不都热合曼).
_SOUNDED_NAME = (3, 8)


def sounded_names_after_roles(scope: Scope) -> Iterator[Candidate]:
    """村民买买提说, 牧民阿不都热合曼表示: between a role and a verb of saying, a run of the characters foreign
    and minority names are written with is a name, however the tagger cut it (热合/v 曼说/v)."""
    text, chars = scope.text, scope.lex.transliteration_chars
    for _, k, _ in scope.view.hits["roles"]:
        j = k
        while j < len(text) and j - k < _SOUNDED_NAME[1] and text[j] in chars:
            j += 1
        while j - k >= _SOUNDED_NAME[0] and not scope.view.starting_at("speech_verbs", j):
            j -= 1   # the verb's first character may be one such character too
        if j - k >= _SOUNDED_NAME[0] and not _a_place(scope, text[k:j]):
            yield Candidate(k, j, PERSON, text[k:j], "foreign-name")


GENERATORS = (bylines, bracketed_bylines, after_titles, after_roles, sounded_names_after_roles, aged, appointed,
              appointed_as, office_holders, addressed, speakers, before_titles, tagged, foreign_names,
              foreign_names_by_titles, listed_comrades, tibetan_names, mongolian_names, biographies, posts_in_brackets,
              posts_in_apposition, copula_posts, career_clauses)
# The generators whose cue needs no body: run before bodies, their names keep a body's name from running over them
# (赵晓华为省政府秘书长 is no body 赵晓华为省政府).
BEFORE_BODIES = (bylines, after_titles, appointed, appointed_as, office_holders, addressed, biographies, tibetan_names)
