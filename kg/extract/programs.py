"""Program generators: named initiatives, mechanisms, campaigns, models, plans and honours.

Newspapers quote the names of initiatives (“红色物业”, “四议两公开”) but also
slogans and metaphors (“连心桥”, “小马拉大车”). A quoted phrase is proposed
with the signals for and against it: a cue noun after it (模式, 工作法, 机制,
行动, 品牌 …), a verb of carrying out before it (打造, 推行, 实施 …), a formula
shape (numbers, ``+``, ``·``); slogans, clauses and lists count against it.
Unquoted names count before a strong cue (示范区, 服务圈, 河长制), titles in
book quotes before a plan's cue (《…三年行动计划》). OCR often loses the quotes
and leaves spaces: a phrase standing alone between spaces is read like a
quoted one. :func:`settle` weighs the signals of every occurrence in the
document and keeps the names whose weight reaches the threshold.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterator

from kg.extract.base import PUNCT, QUOTE_CHARS, QUOTES, CuedPattern, normalize_name, word_info
from kg.extract.candidate import Candidate
from kg.extract.context import Scope
from kg.extract.program_model import ProgramModel, cues, load_model, pooled_cues
from kg.extract.thresholds import THRESHOLDS
from kg.model import CITY, COUNTRY, COUNTY, ORGANIZATION, PLACE_TYPES, PROGRAM, PROVINCE
from kg.text import is_cjk

__all__ = ["quoted", "spaced", "cued", "honours", "settle", "GENERATORS"]

_OPENING_QUOTE = re.compile("[" + re.escape("".join(QUOTES)) + "]")
# A quote holding these is speech, not a name.
_SENTENCE_ENDS = frozenset("。!！?？:：")
_RANK = re.compile(r"(?:第[一二三四五六七八九十\d]+[批届]|首批|[一二三四五六七八九十\d]*星级|国家级|省级|市级|县级|区级)")
# Verbs that give a rank or title to something (评为, 列为): they end a name on its left.
_DESIGNATIONS = frozenset({"评为", "列为", "成为", "作为", "命名", "授予", "确定", "认定", "获评", "荣获", "命名为",
                          "确定为", "认定为", "获得", "入选"})
_DETERMINED = ("一批", "一个", "一些", "各", "全", "该", "本")


# --------------------------------------------------------------------------- quoted

def quoted(scope: Scope) -> Iterator[Candidate]:
    text = scope.text
    i = 0
    while True:
        m = _OPENING_QUOTE.search(text, i)
        if m is None:
            return
        i = m.start()
        j = text.find(QUOTES[text[i]], i + 1)
        if j < 0:
            return
        cand = _judge(scope, i + 1, j, j + 1, "book" if text[i] == "《" else "quoted")
        if cand is not None:
            yield cand
        # Speech in quotes may quote a name in turn (“我们坚持‘共富工坊’建设”): read inside it.
        i = j + 1 if cand is not None else i + 1


def plus_chains(scope: Scope) -> Iterator[Candidate]:
    """以合作社+基地+农户的模式: words joined by plus signs name a mechanism, quoted or not (公司+合作社+农户,
    党建+网格); a bare plus after one word (党建+) only in quotes, which :func:`quoted` reads."""
    text, view = scope.text, scope.view
    for m in _PLUS_CHAIN.finditer(text):
        first, last = m.group(0).index("+") + m.start(), m.group(0).rindex("+") + m.start()
        i, j = view.token(first - 1).start, view.token(last + 1).end   # whole words at both ends
        if text[i - 1:i] in QUOTES or i < m.start() or j > m.end():
            continue   # quoted: read with its quotes
        yield Candidate(i, j, PROGRAM, normalize_name(text[i:j]), "plus-chain", signals=(PLUS_CHAIN,))


# Two or more words of two to six characters joined by plus signs.
_PLUS_CHAIN = CuedPattern(r"[\u4e00-\u9fff]{2,6}(?:\+[\u4e00-\u9fff]{2,6})+", ("+",))


def spaced(scope: Scope) -> Iterator[Candidate]:
    """Phrases set off by spaces where OCR dropped the quotes: 开展 共享社·幸福里 建设."""
    text = scope.text
    if text.count(" ") < 2:
        return
    chunks = list(re.finditer(r"[^ ]+", text))
    last_end = -1
    for i in range(len(chunks) - 1):
        best = _best_run(scope, chunks, i)
        if best is not None and best.start >= last_end:
            yield best
            last_end = best.end


def _best_run(scope: Scope, chunks, i: int) -> Candidate | None:
    """Of the runs of one to three chunks from ``i``, the one the context supports best (shorter on a tie)."""
    best: tuple[int, Candidate] | None = None
    for n in (1, 2, 3):
        if i + n > len(chunks) - 1:
            break
        cand = _chunk_run(scope, chunks, i, n)
        support = _support(cand)
        if cand is None or not support:
            continue
        if best is None or support > best[0]:
            best = (support, cand)
    return best[1] if best else None


def _chunk_run(scope: Scope, chunks, i: int, n: int) -> Candidate | None:
    """The program the ``n`` chunks from ``i`` would name, read like a quoted one, when they may name one."""
    words = [m.group(0) for m in chunks[i:i + n]]
    if not _words_may_name_a_program(scope, words):
        return None
    a, b = chunks[i].start(), chunks[i + n - 1].end()
    if not all(is_cjk(c) or c in "+· " or c.isdigit() for c in scope.text[a:b]):
        return None
    return _judge(scope, a, b, b + 1, "spaced")


def _words_may_name_a_program(scope: Scope, words: list[str]) -> bool:
    """Chunks that hold no function word and open with no verb of carrying out (开展 共享社·幸福里 建设:
    not 开展); several of them only when each is short, none ends in such a verb and no cue word ends them."""
    verbs = scope.lex.implement_verbs
    if any(c in "的是和以等在与及对" for w in words for c in w) or any(words[0].startswith(v) for v in verbs):
        return False
    if len(words) > 1 and any(len(w) > 7 or any(w.endswith(v) for v in verbs) for w in words):
        return False
    if len(words) > 1 and words[-1] in scope.res.program_cues.words:
        return False   # 幸福要事 项目: the cue word follows the name, it is not part of it
    return True


def _support(cand: Candidate | None) -> int:
    """How many cue nouns and formula shapes back a candidate (0 for none)."""
    return sum(1 for s in cand.signals if s.startswith(("cue:", "shape:"))) if cand is not None else 0


def _judge(scope: Scope, i: int, j: int, after: int, source: str) -> Candidate | None:
    """A tentative program with the cues around it; :func:`settle` decides, for the whole document."""
    text = scope.text
    inner = text[i:j]
    name = normalize_name(inner)
    if not _may_be_a_program_name(scope, inner, name):
        return None
    cue, cue_end, gap = _cue_after(scope, after)
    start = i
    name, end, alias = _named_with_cue(text, name, j, after, cue, cue_end, gap)
    name = name.strip("“”\"‘’「」『』")
    proto = Candidate(start, end, PROGRAM, name, source, alias=alias)
    found = cues(scope, proto, inner, after, gap if cue else None)
    return Candidate(start, end, PROGRAM, name, source, signals=found, alias=alias)


def _may_be_a_program_name(scope: Scope, inner: str, name: str) -> bool:
    """Not too long, no sentence (“怎么办？”), only characters a name holds, and more than cue words (“模式”)."""
    if not 1 <= len(name) <= THRESHOLDS.max_program or any(c in _SENTENCE_ENDS for c in inner):
        return False
    # 青近邻里—小院议事: one dash joins a brand's two parts; more (——, 街道党工委—社区党组织—…) set off
    # speech or chain the levels of an organization
    dash = inner.find("—")
    joins = dash < 0 or inner.count("—") == 1 and 0 < dash < len(inner) - 1 and is_cjk(inner[dash - 1]) and \
        is_cjk(inner[dash + 1])   # not 2020—2024年度, a span of years
    return joins and all(is_cjk(c) or c in "+·•—、,，;； " or c.isalnum() for c in inner) and \
        not _only_cues(scope, name)


def _named_with_cue(text: str, name: str, j: int, after: int, cue: str, cue_end: int,
                    gap: int) -> tuple[str, int, str]:
    """The name, its end and its alias, given the cue noun after it.

    A bare number or a single word names the program only with its cue
    (“126”实践体系 is 126实践体系, alias 126; a single character only with its cue close
    after it); a cue close by gives the name
    with its cue as an alias (“红色物业”服务模式).
    """
    # “传”治村工作经验: a quoted character with words before the cue is a verb set off, not a name.
    numeric = _NUMERIC_NAME.fullmatch(name) is not None   # “126”, “331+”
    if cue and _a_lists_kind(text[after:cue_end]):
        return name, j, ""   # 拆除“两违”等工程: the cue after 等 is the kind of every item listed, no name's part
    if cue and (numeric or (len(name) <= 2 and (len(name) == 2 or gap <= 2))):
        return _with_cue_words(text, name, after, cue_end), cue_end, name
    if cue and gap < 6:
        return name, j, _with_cue_words(text, name, after, cue_end)
    return name, j, ""


def _a_lists_kind(between: str) -> bool:
    """等 or another quoted item between a quoted name and its cue: the cue is the kind of a list's items."""
    return "等" in between or any(q in between for q in QUOTES)


# A name written in figures and signs only (126, 331+, 1+N), which names a program with its cue.
_NUMERIC_NAME = re.compile(r"[\d+＋·\-]+")


def _with_cue_words(text: str, name: str, after: int, cue_end: int) -> str:
    """The name and what follows it up to the end of its cue, without quotes."""
    return "".join(c for c in name + normalize_name(text[after:cue_end]) if c not in QUOTE_CHARS)


def _only_cues(scope: Scope, name: str) -> bool:
    """“模式”, “工程项目”: cue words alone name nothing; but a campaign's year (攻坚年, 提升年) after a
    cue word names its topic (“项目攻坚年”)."""
    words = scope.res.program_cues
    tail = words.ends_at(name, len(name))
    return name in words.words or (tail is not None and not tail.endswith("年") and
                                   name[:len(name) - len(tail)] in words.words)


def _cue_after(scope: Scope, k: int) -> tuple[str, int, int]:
    """A cue noun within a few characters after ``k`` (skipping other quoted items and 等)."""
    text = scope.text
    limit = min(len(text), k + THRESHOLDS.cue_window + THRESHOLDS.cue_lead)
    p = k
    while p < limit:
        if text[p] in QUOTES:
            close = text.find(QUOTES[text[p]], p + 1)
            if close < 0:
                return "", k, 0
            p = close + 1
            continue
        if text[p] in "、等 ":
            p += 1
            continue
        break
    window = text[p:min(len(text), p + THRESHOLDS.cue_window)]
    for j in range(1, len(window) + 1):
        if window[j - 1] in PUNCT or window[j - 1] in "的了":
            break
        cue = scope.res.program_cues.ends_at(window, j)
        if cue is not None:
            return cue, p + j, j - len(cue)
    return "", k, 0


# --------------------------------------------------------------------------- by a strong cue

def cued(scope: Scope) -> Iterator[Candidate]:
    """Unquoted names ending in a strong cue: 新时代党建引领基层治理示范区, 15分钟服务圈."""
    text = scope.text
    for p, end, cue in scope.view.hits["strong_program_cues"]:
        start = _left_boundary(scope, p)
        rank = _RANK.match(text, start)
        if rank and rank.end() < p:
            start = rank.end()   # 四星级一刻钟便民生活圈: the rank is not part of the name
        name = normalize_name(text[start:end])
        if len(name) - len(cue) >= 2 and len(name) <= THRESHOLDS.max_program and not _quoted_here(text, start, end):
            proto = Candidate(start, end, PROGRAM, name, "cued")
            yield Candidate(start, end, PROGRAM, name, "cued", signals=cues(scope, proto, name, end, None))


def _quoted_here(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in QUOTES and end < len(text) and text[end] in QUOTE_CHARS


def _left_boundary(scope: Scope, p: int) -> int:
    """Where an unquoted name ending in a strong cue at ``p`` starts: the scan left stops at the first
    character that may not stand inside it."""
    text = scope.text
    k = p
    while k > 0 and p - k < THRESHOLDS.max_program:
        if _stray_space(text, k):
            k -= 1   # 15分钟 服务圈: a stray space inside the name
            continue
        if _program_name_stops(scope, k) and not _work_named_before_cue(scope, k, p):
            break
        k -= 1
    return k


def _stray_space(text: str, k: int) -> bool:
    """A space before ``k`` with a character or digit of the name on its left."""
    return text[k - 1] == " " and k > 1 and (is_cjk(text[k - 2]) or text[k - 2].isdigit())


def _program_name_stops(scope: Scope, k: int) -> bool:
    """The character before ``k`` opens no part of the name: a pause or function word, a verb of carrying
    out (打造), a place or body, a determiner (一批, 该), or a rank (评为四星级…生活圈, 第一批…)."""
    text = scope.text
    c = text[k - 1]
    if c in PUNCT or c in "等和与及的" or not (is_cjk(c) or c.isdigit()):
        return True
    return scope.res.implement_verbs.ends_at(text, k) is not None or _place_or_body_ends(scope, k) or \
        _after_a_determiner(scope, k) or _designation_ends(text, k) or text[k - 1] == "批"


def _work_named_before_cue(scope: Scope, k: int, p: int) -> bool:
    """生态文明建设示范县: a verb of carrying out used as a noun (建设/vn) right before the cue, with a noun
    before it, names the work the title is for; it is not the verb that opens the clause."""
    verb = scope.res.implement_verbs.ends_at(scope.text, k)
    if verb is None or k != p or scope.view.token(k - 1).flag != "vn":
        return False
    before = scope.view.token_before(k - len(verb))
    return before is not None and len(before.text) >= 2 and all(is_cjk(ch) for ch in before.text) and \
        not before.flag.startswith(_CLAUSE_FLAGS)


# Dictionary flags of words that open a clause rather than name the work (verbs, prepositions, adverbs …).
_CLAUSE_FLAGS = ("v", "p", "c", "u", "d", "r", "m", "q")


def _designation_ends(text: str, k: int) -> bool:
    return text[max(0, k - 2):k] in _DESIGNATIONS or text[max(0, k - 3):k] in _DESIGNATIONS


def _place_or_body_ends(scope: Scope, k: int) -> bool:
    """A place or body ends at ``k`` and bounds the name, unless it is a country that opens it after a
    pause (、中国绿色名县)."""
    found = scope.found.ending_at(k, PLACE_TYPES + (ORGANIZATION,))
    if found is None:
        return False
    opens = found.type == COUNTRY and (found.start == 0 or scope.text[found.start - 1] in PUNCT)
    return not opens


def _after_a_determiner(scope: Scope, k: int) -> bool:
    """一批, 一个, 该: a short numeral, measure word or pronoun ends at ``k``."""
    tok = scope.view.token(k - 1)
    return tok.flag in ("m", "q", "mq", "r") and k - tok.start <= 2 and scope.text[tok.start:k] in _DETERMINED


# --------------------------------------------------------------------------- honours

def honours(scope: Scope) -> Iterator[Candidate]:
    """Titles of honour after a verb of awarding: 被评为全国文明村、省级乡村治理示范村, 荣获全国先进基层
    党组织称号. Each title opens with the level that awards it and ends as a place's or body's title."""
    text, words = scope.text, _honour_words(scope.lex)
    titled_verbs = frozenset(words["verb-titled"])
    ends = {(m.end(), m.group() in titled_verbs, True) for m in _award_verbs(scope.lex).finditer(text)}
    ends |= {(k, True, False) for k in _lists_said_to_be_titles(text, words)}
    ends |= {(k, False, False) for k in _after_the_copula(text)}
    for k, titled, awarded in sorted(ends):
        closed = _titles_closed_by_a_title_word(text, k, words) if awarded else []
        spans = _quoted_title(text, k, words) or closed or _listed_titles(text, k, words, titled)
        for start, end in spans:
            yield Candidate(start, end, PROGRAM, normalize_name(text[start:end]), HONOUR, signals=(HONOUR,))


def _quoted_title(text: str, k: int, words) -> list[tuple[int, int]]:
    """被命名为“乡村旅游观光试点村”: a title quoted right after the verb of awarding is bounded by its quotes,
    whatever level opens it, when it ends as a place's or body's title does; the year it is for is no part of
    it (“2020—2024年度全省法院先进集体”)."""
    if text[k:k + 1] not in QUOTES:
        return []
    j = text.find(QUOTES[text[k]], k + 1)
    year = _AWARDS_YEAR.match(text, k + 1)
    start = year.end() if year is not None else k + 1
    inner = text[start:j] if j > 0 else ""
    ok = 3 <= len(inner) <= THRESHOLDS.max_program and inner.endswith(tuple(words["head"])) and \
        not any(ch in PUNCT for ch in inner)
    return [(start, j)] if ok else []


# The year or years an award is for (“2020—2024年度全省法院先进集体”, “2022年至2023年度…”): the title is what
# follows them.
_AWARDS_YEAR = re.compile(r"\d{4}(?:年?[—–\-－~至]\d{4})?年度?")


@functools.lru_cache(maxsize=4)
def _honour_words(lex) -> dict[str, tuple[str, ...]]:
    """The words of honours.tsv, with a province's or a city's name among the openings of a title
    (江苏省…先进县, 青山市国防教育基地): they award titles too."""
    provinces = {d.name for d in lex.divisions if d.level <= 2 and len(d.name) >= 3}
    provinces |= {form for form, found in lex.division_short_names.items() if found[0].level == 1 and len(form) >= 2}
    return {**lex.honours, "opening": tuple(lex.honours["scope"]) + tuple(sorted(provinces, key=len, reverse=True))}


def _lists_said_to_be_titles(text: str, words) -> Iterator[int]:
    """全国休闲农业重点县、中国长寿之乡等金字招牌: where a clause opens whose list the words after 等 call
    titles of honour, without a verb of awarding before it."""
    k = text.find("等")
    while k >= 0:
        if any(text.startswith(w, k + 1) for w in words["after"]):
            yield max(text.rfind(ch, 0, k) for ch in _CLAUSE_OPENINGS) + 1
        k = text.find("等", k + 1)


def _after_the_copula(text: str) -> Iterator[int]:
    """如今是遐迩闻名的全国乡村治理示范村、省级文明村: where the titles a place holds may follow 是, right after
    it or after the words that praise it (…的); a title there opens with its awarding level."""
    for m in _COPULA.finditer(text):
        yield m.end(1)
        if m.group(2):
            yield m.end(2)


_COPULA = re.compile("(是)([\u4e00-\u9fff]{1,8}?的)?")


# What ends the clause before a list of titles.
_CLAUSE_OPENINGS = ",，;；:：。"


@functools.lru_cache(maxsize=4)
def _award_verbs(lex) -> re.Pattern:
    """The verbs of awarding as one pattern, longest first (被评为 before 评为)."""
    verbs = sorted(set(lex.honours["verb"]) | set(lex.honours["verb-titled"]), key=len, reverse=True)
    # 荣获了: the particle of a verb's aspect belongs to the verb, not the title.
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")[了过]?")


def _listed_titles(text: str, k: int, words, titled: bool) -> list[tuple[int, int]]:
    """The titles listed from ``k`` on, joined by 、 or each in quotes; each opens with an awarding
    level and ends as a place's or body's title does (省级优秀 does not). A verb of kind verb-titled
    needs 称号 after the list (获得全国文明村、…示范村等称号, 获得“省级文明村”“…示范村”等荣誉称号)."""
    items: list[tuple[int, int]] = []
    j = k
    while (item := _listed_title(text, k, words)) is not None:
        items.append(item[:2])
        j = item[2]
        if text[j:j + 1] in _TITLE_JOINS or (item[3] and text[j:j + 1] in QUOTES):
            k = j + (text[j] in _TITLE_JOINS)
        else:
            break
    if not items:
        return []
    after = j + (text[j:j + 1] == "等")
    if titled and not any(text.startswith(w, after) for w in words["after"]):
        return []
    return [(a, b) for a, b in items if any(text.endswith(h, a, b) for h in words["head"])]


# What joins titles in a list: 、, and 和 or 及 before the last (荣获…奖章、全国劳模和全国优秀党务工作者称号).
_TITLE_JOINS = ("、", "和", "及")


def _titles_closed_by_a_title_word(text: str, k: int, words) -> list[tuple[int, int]]:
    """获得县级文明村、平舆县先进基层党组织、红旗村党支部等荣誉称号: a list that 等 and a word for a title
    close, within one clause after the verb, is a list of titles, whoever awarded each; a person's are
    left out."""
    clause_end = min((j for j in (text.find(ch, k) for ch in _CLAUSE_OPENINGS) if j >= 0), default=len(text))
    close = text.find("等", k, clause_end)
    while close >= 0 and not any(text.startswith(w, close + 1) for w in words["after"]):
        close = text.find("等", close + 1, clause_end)
    if close < 0:
        return []
    spans, start = [], k
    for item in text[k:close].split("、"):
        batch = _BATCH.match(text, start)   # 第二批全国乡村治理示范村: the round is no part of the title
        a = batch.end() if batch is not None else start
        a, b = a + (text[a:a + 1] in QUOTES), start + len(item) - (item[-1:] in QUOTES.values())
        if not 4 <= b - a <= THRESHOLDS.max_program or not all(is_cjk(ch) for ch in text[a:b]):
            return []   # not a list of names: a clause of its own
        if not text[a:b].endswith(tuple(words["person"])):
            spans.append((a, b))
        start += len(item) + 1
    return spans


def _listed_title(text: str, k: int, words) -> tuple[int, int, int, bool] | None:
    """The title at ``k``, perhaps in quotes: its span, where the item ends, and whether it is quoted."""
    batch = _BATCH.match(text, k)
    if batch is not None:
        k = batch.end()   # 第二批全国乡村治理示范村: the round of awards is no part of the title
    quoted = text[k:k + 1] in QUOTES
    i = k + quoted
    if not text.startswith(words["opening"], i):
        return None
    end = _title_end(text, i, words)
    if end - i < 4 or (quoted and text[end:end + 1] != QUOTES[text[k]]):
        return None
    return i, end, end + quoted, quoted


_BATCH = re.compile(r"第[一二三四五六七八九十\d]+批")


def _title_end(text: str, k: int, words) -> int:
    """Where a title starting at ``k`` ends: at a pause, 等, 的 or the word 称号, within the longest a name runs."""
    end = k
    while end < len(text) and end - k < THRESHOLDS.max_program and (is_cjk(text[end]) or text[end].isdigit()):
        if text[end] in "等的" or text.startswith("名单", end) or any(text.startswith(w, end) for w in words["after"]):
            break
        if text[end] in _TITLE_JOINS and (text.startswith(words["opening"], end + 1) or
                                          end - k > _opening_length(text, k, words) and
                                          text.endswith(tuple(words["head"]), k, end)):
            break   # 全国劳模和全国优秀党务工作者, …示范州和面向…: 和 before the next title or after a title's end
        end += 1
    return end


def _opening_length(text: str, k: int, words) -> int:
    """How long the awarding level or place that opens the title at ``k`` is (全县 of 全县和美乡村示范村)."""
    return max((len(w) for w in words["opening"] if text.startswith(w, k)), default=0)


# --------------------------------------------------------------------------- festivals

def festivals(scope: Scope) -> Iterator[Candidate]:
    """兰陵县第五届桃花旅游节, 第三届九华山庙会: an event held the N-th time is named with its ordinal
    and the place that holds it, written right before; with no place before it, by what follows the
    ordinal (中国·盱眙龙虾节)."""
    text = scope.text
    for m in _FESTIVAL.finditer(text):
        start = m.start()
        place = scope.found.ending_at(start, PLACE_TYPES)
        if place is not None and place.type != COUNTRY:
            start = place.start
        else:   # 中国·青阳第六届…节: a county's short form after the country and a dot; 第12届中国·盱眙龙虾节:
            start = _short_place_before(scope, start) or m.start(1)   # else the name follows the ordinal
        yield Candidate(start, m.end(), PROGRAM, normalize_name(text[start:m.end()]), "festival",
                        signals=(FESTIVAL,))
        joined = _JOINED_EVENT.match(text, m.end())   # 第22届中国西部商品交易会暨中国天水伏羲文化旅游节
        if joined:
            yield Candidate(joined.start(1), joined.end(), PROGRAM, normalize_name(joined.group(1)), "festival",
                            signals=(FESTIVAL,))


def held_events(scope: Scope) -> Iterator[Candidate]:
    """举办民宿(民俗)文化节、大青葡萄采摘节等: an event named by the kind of recurring event it is (文化节,
    采摘节, 博览会), right after a verb of holding it, and the events listed with it."""
    text = scope.text
    for m in _HELD_EVENT.finditer(text):
        start = m.start(1)
        while start >= 0:
            event = _EVENT_OF_A_KIND.match(text, start)
            if event is None or not (scope.view.ends_token(event.end()) or text[event.end():event.end() + 1] in "等和与及"):
                break   # 采摘/v 节等/u: the tagger may glue the list's 等 to the name's end
            yield Candidate(start, event.end(), PROGRAM, normalize_name(event.group(0)), "festival",
                            signals=(FESTIVAL,))
            start = event.end() + 1 if text[event.end():event.end() + 1] == "、" else -1


def _short_place_before(scope: Scope, k: int) -> int | None:
    """Where 中国·绩溪 starts, right before ``k``: the country, a dot and a division's short form."""
    m = _COUNTRY_DOT_PLACE.search(scope.text, max(0, k - 8), k)
    return m.start() if m is not None and m.end() == k and m.group(1) in scope.lex.division_short_names else None


_COUNTRY_DOT_PLACE = re.compile(r"中国·([\u4e00-\u9fff]{2,4})")


# --------------------------------------------------------------------------- campaigns named by their place

def placed_campaigns(scope: Scope) -> Iterator[Candidate]:
    """数字宁海, 平安临川, 清廉长兴: a campaign a place names itself for, the quality it aims at and then
    the place (a county, city or province: not a country, whose such phrases are national slogans), where
    it is built or carried out (数字宁海建设, 建设平安浙江)."""
    text = scope.text
    for m in _CAMPAIGN_QUALITY.finditer(text):
        place = next((c for c in scope.found.starting_at(m.end(), PLACE_TYPES) if c.type in _CAMPAIGNING_LEVELS), None)
        if place is None or not scope.view.starts_token(m.start()) or not scope.view.ends_token(place.end):
            continue
        before = text[max(0, m.start() - 4):m.start()]
        if not (text.startswith(_CAMPAIGN_WORK, place.end) or scope.res.implement_verbs.ends_at(before, len(before))):
            continue   # 美丽幸福宁海的新名片: a slogan, unless the campaign is built or carried out
        yield Candidate(m.start(), place.end, PROGRAM, normalize_name(text[m.start():place.end]), "campaign",
                        signals=(CAMPAIGN,))


def known_programs(scope: Scope) -> Iterator[Candidate]:
    """四议两公开, 红色物业: a named mechanism that stories name without quotes or cues, where it stands as
    whole words (kg/lexicon/known_programs.txt)."""
    for i, j, name in scope.view.hits["known_programs"]:
        if scope.view.starts_token(i) and scope.view.ends_token(j):
            yield Candidate(i, j, PROGRAM, name, "known", signals=(KNOWN,))


def paired_provinces(scope: Scope) -> Iterator[Candidate]:
    """沪滇协作, 闽宁协作, 粤桂合作: the cooperation of two provinces, named by their one-character names."""
    for m in _PAIRED_PROVINCES.finditer(scope.text):
        if scope.view.starts_token(m.start()) or scope.text[m.start() - 1:m.start()] in "“\"「":
            yield Candidate(m.start(), m.end(), PROGRAM, m.group(), "campaign", signals=(CAMPAIGN,))


# The one-character names of the provinces (京, 蒙, 闽 …), two of them, then how they work together.
_PROVINCE_CHARACTERS = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新"
_PAIRED_PROVINCES = CuedPattern(f"[{_PROVINCE_CHARACTERS}]{{2}}(?:协作|合作|对口帮扶|对口支援|对口协作)", ("作", "对口"))


# What a place's campaign aims at (数字, 平安, 法治 …), written before the place's name.
_CAMPAIGN_QUALITY = re.compile("数字|智慧|平安|法治|清廉|诚信|森林|书香|健康|美丽|文明|幸福|活力|品质")
_CAMPAIGNING_LEVELS = (PROVINCE, CITY, COUNTY)
# What is done of a campaign, written after its name (数字宁海建设).
_CAMPAIGN_WORK = ("建设", "创建", "行动", "工程", "工作")


FESTIVAL = "festival"
HONOUR = "honour"
CAMPAIGN = "campaign"
KNOWN = "known"
# The signals of programs read by a cue sure enough that the model need not weigh them.
CHIEF_SYSTEM = "chief-system"
PLUS_CHAIN = "plus-chain"
_SURE = ((HONOUR,), (FESTIVAL,), (CAMPAIGN,), (KNOWN,), (PLUS_CHAIN,))


def _sure(signals: tuple[str, ...]) -> bool:
    """Read by a sure cue (a chief's system, 河长制, is one), or quoted and joined with a plus (“路长+警长”,
    “党建+”): how mechanisms are named."""
    return signals in _SURE or CHIEF_SYSTEM in signals or (
        "quoted" in signals and "shape:plus" in signals and "has:comma" not in signals)
# 第N届 and a name that ends as a recurring event does (节, 庙会, 博览会, 运动会, 大赛 …); a dot may
# join the country to the place that holds it (第12届中国·盱眙龙虾节), a season in brackets may follow the
# ordinal (第十四届(秋季)乡村文化旅游节).
_EVENT_NAME = (r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,12}?"
               r"(?:文化节|旅游节|艺术节|美食节|丰收节|采摘节|[^\W\d_]节|庙会|博览会|交易会|运动会|大赛|赛事|论坛|展览会)")
_FESTIVAL = CuedPattern(rf"第[一二三四五六七八九十百\d]+届(?:[(（][\u4e00-\u9fff]{{2}}[)）])?({_EVENT_NAME})", ("届",))
# The kinds of recurring events a name ends in that name no holiday (春节 and 中秋节 end in 节 alone); a word
# in brackets may gloss the name (民宿(民俗)文化节).
_EVENT_OF_A_KIND = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:[(（][\u4e00-\u9fff]{2,4}[)）])?"
                              r"(?:文化节|旅游节|艺术节|美食节|丰收节|采摘节|音乐节|啤酒节|博览会|交易会|庙会)")
# A verb of holding an event, then its name (举办大青葡萄采摘节); 首届 is the first of them, 第N届 is read
# with the place before it (see _FESTIVAL).
_HELD_EVENT = CuedPattern(r"(?:举办|举行|承办|主办|办好)了?(?:首届)?(?!第)([\u4e00-\u9fff])", ("办", "举行"))


# An event held together with the one an ordinal names, after 暨 ("and"), named the same way.
_JOINED_EVENT = re.compile(f"暨({_EVENT_NAME})")


# --------------------------------------------------------------------------- the document decides

def settle(candidates: list[list[Candidate]], model: ProgramModel | None = None,
           cue_words: frozenset[str] = frozenset(), texts: list[str] | None = None) -> list[list[Candidate]]:
    """Keep the programs that the document as a whole supports.

    The cues of every occurrence of a name are pooled, with whether it
    recurs (红色物业 is quoted five times, after 打造 and before 基层治理模式),
    and the program model weighs them.
    """
    model = model or load_model()
    candidates = _without_their_cues(candidates, cue_words)
    occurrences: dict[str, list[tuple[str, ...]]] = {}
    for sentence in candidates:
        for c in sentence:
            occurrences.setdefault(c.name, []).append(c.signals)
    accepted = {name for name, found in occurrences.items() if _accepted(found, model)}
    accepted |= {c.name for sentence in candidates for c in _siblings(sentence, accepted)}
    for sentence, text in zip(candidates, texts or ()):
        accepted |= {c.name for c in _listed_with_a_program(sentence, text, accepted)}
        for listed, count in _counted_lists(sentence, text):
            accepted = (accepted - {listed.name}) | {count.name}
    return [[part for c in sentence if c.name in accepted for part in _dotted_parts(c, accepted)]
            for sentence in candidates]


# The values of the numerals that open a count's name (四有, 五不准, 两公开).
_NUMERAL_VALUES = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
# What joins a quoted list to the quoted count of its items (“有能力、有威望”的“两有”).
_LIST_TO_COUNT = ("”的“", "”“", "”即“")


def _counted_lists(sentence: list[Candidate], text: str) -> Iterator[tuple[Candidate, Candidate]]:
    """“有能力、有威望、有公心、有热情”的“四有”标准: a quoted count right after a quoted list of as many items
    is the program's name; the list says what it counts and is no name of its own."""
    for listed in sentence:
        items = len(re.split("[、,，;；]", listed.name))
        for count in sentence:
            if text[listed.end:count.start] in _LIST_TO_COUNT and 2 <= len(count.name) <= 4 and \
                    items >= 2 and _NUMERAL_VALUES.get(count.name[0]) == items:
                yield listed, count


def _accepted(occurrences: list[tuple[str, ...]], model: ProgramModel) -> bool:
    """An awarded title is a program by the words around it, whatever else the model weighs; any other
    name by the model, over the cues of all its occurrences, and by more than its quotes."""
    if any(_sure(signals) for signals in occurrences):
        return True
    pooled = pooled_cues(occurrences)
    return model.accepts(pooled) and not _only_quoted(pooled) and not _an_everyday_word_quoted(pooled)


def _only_quoted(found: tuple[str, ...]) -> bool:
    """“心里没底”, “老街风味”: quotes hold figures of speech and nicknames as often as initiatives; a name
    with no cue but its quotes and its length, once in its story, is not taken for a program."""
    return all(cue in _QUOTING_CUES or cue.startswith("len:") for cue in found)


def _an_everyday_word_quoted(found: tuple[str, ...]) -> bool:
    """“家底”更厚实、“家业”更殷实, 被“一抢而空”: an everyday word or an idiom quoted, in a list of quotes or
    twice (a headline repeats its lead), with no cue besides, is a figure of speech."""
    return bool(_FIGURES & set(found)) and all(
        cue in _QUOTING_CUES or cue in _ECHOES or cue in _FIGURES or cue.startswith("len:") or cue == _NUMERAL_START
        for cue in found)


# How the dictionary files a word that is a figure of speech when quoted alone; a numeral opening it (一池春水)
# is its shape, not a cue.
_FIGURES = frozenset({"word:common", "word:idiom"})
_NUMERAL_START = "shape:numeral-start"


# Cues that say a quoted name recurs or stands among other quotes, which a figure of speech does as well.
_ECHOES = frozenset({"repeated", "quote:list"})


# The cues that say only how a name was written (in quotes, in book quotes, set apart by spaces).
_QUOTING_CUES = frozenset({"quoted", "book", "spaced"})


def _siblings(sentence: list[Candidate], accepted: set[str]) -> list[Candidate]:
    """“签约一批”…“开工一批”: names quoted in one sentence on one pattern (the same length and the same
    first or last two characters) as a program the story names are programs of the same series."""
    listed = [c for c in sentence if "quoted" in c.signals]
    named = [c for c in listed if c.name in accepted]
    return [c for c in listed if c.name not in accepted and any(_one_pattern(c.name, n.name) for n in named)]


def _listed_with_a_program(sentence: list[Candidate], text: str, accepted: set[str]) -> list[Candidate]:
    """从“无讼无访”到“微法庭”再到“共享法庭”, “志愿周三”公益服务、“红烛”志愿宣讲: quoted names listed
    one after another are of one kind, so a list that holds a program is a list of programs (speech,
    slogans and clauses in it excepted)."""
    quoted = sorted((c for c in sentence if "quoted" in c.signals), key=lambda c: c.start)
    chains: list[list[Candidate]] = []
    for c in quoted:
        if chains and _listed_after(text, chains[-1][-1], c):
            chains[-1].append(c)
        else:
            chains.append([c])
    return [c for chain in chains if len(chain) > 1 and any(c.name in accepted for c in chain)
            for c in chain if c.name not in accepted and not _said_rather_than_named(c)]


# What links two quoted items of one list: a pause or conjunction, or a step of a sequence (从…到…再到).
_LIST_LINKS = frozenset({"", "、", "和", "与", "及", "到", "再到", "、再到", "以及"})


def _listed_after(text: str, before: Candidate, c: Candidate) -> bool:
    """``c`` is the item listed next after ``before``: their quotes joined by a link, perhaps after a short
    head noun of ``before``'s."""
    between = text[before.end:c.start]
    if len(between) < 2 or between[0] not in QUOTE_CHARS or between[-1] not in QUOTE_CHARS:
        return False
    link = between[1:-1]
    if link in _LIST_LINKS:
        return True
    return any(link.endswith(w) and 0 < len(link) - len(w) <= THRESHOLDS.max_listed_head and all(map(is_cjk, link[:-len(w)]))
               for w in _LIST_LINKS if w)


def _said_rather_than_named(c: Candidate) -> bool:
    """Speech, a slogan or a task (“加强审判监督”: a verb and its object) rather than a name."""
    return any(s in c.signals for s in ("slogan", "has:function-char", "has:enumeration", "has:comma",
                                        "has:question", "word:idiom", "start:verb"))


def _one_pattern(a: str, b: str) -> bool:
    return len(a) == len(b) >= 4 and (a[:2] == b[:2] or a[-2:] == b[-2:])


def _dotted_parts(c: Candidate, accepted: set[str]) -> list[Candidate]:
    """“初心服务·红色物业”党建阵地 in a story that names 初心服务 and 红色物业 each alone: two programs
    written together, not a third (共享社·幸福里, named only whole, stays one)."""
    parts = c.name.split("·")
    if len(parts) < 2 or not all(p in accepted for p in parts):
        return [c]
    out, start = [], c.start
    for p in parts:
        out.append(dataclasses.replace(c, start=start, end=start + len(p), name=p, alias=""))
        start += len(p) + 1
    return out


def _without_their_cues(candidates: list[list[Candidate]], cue_words: frozenset[str]) -> list[list[Candidate]]:
    """幸福要事项目 where the document also writes 幸福要事: one program, named without its cue word."""
    names = {c.name for sentence in candidates for c in sentence}
    out = []
    for sentence in candidates:
        fixed = []
        for c in sentence:
            base = next((n for n in names if n != c.name and c.name.startswith(n) and len(n) >= 3
                         and c.name[len(n):] in cue_words), None)
            fixed.append(dataclasses.replace(c, name=base, alias=c.alias or c.name) if base else c)
        out.append(fixed)
    return out


# --------------------------------------------------------------------------- systems of chiefs

def chief_systems(scope: Scope) -> Iterator[Candidate]:
    """河长制, 林长制, 路长制: a system that makes an official the chief of one kind of thing, written as
    that thing, 长 and 制 (the segmenter reads 河长 + 制)."""
    text = scope.text
    for m in _CHIEF_SYSTEM_NAME.finditer(text):
        i, end = m.start(), m.end()
        if i > 0 and text[i - 1] in _CHIEFS_CHARGES and text[i] in _CHIEFS_CHARGES:
            i -= 1   # 河湖长制: the chiefs of rivers and of lakes, one system
        chief = word_info(text[i:i + 2])
        if not scope.view.starts_token(i) or _verb_of_making(text, end - 1) or (chief and chief[1][:1] in "vad"):
            continue   # 局长制定了方案: the chief and the verb 制定; 增长制约: no chief at all
        name = text[i:end]
        proto = Candidate(i, end, PROGRAM, name, "chief-system")
        signals = tuple(sorted({CHIEF_SYSTEM, "cue:own-strong", *cues(scope, proto, name, end, None)}))
        yield Candidate(i, end, PROGRAM, name, "chief-system", signals=signals)


_CHIEF_SYSTEM_NAME = CuedPattern(r"[\u4e00-\u9fff]长制", ("长制",))
# What a chief of such a system is put in charge of, two of which may share one system (河湖长制).
_CHIEFS_CHARGES = frozenset("河湖林田路街山")


def _verb_of_making(text: str, k: int) -> bool:
    """制 at ``k`` begins a verb (制定, 制作, 制止), not the word for a system (河长制自媒体平台 is read
    whatever the segmenter glued to 制)."""
    info = word_info(text[k:k + 2])
    return bool(info and info[1].startswith("v") and info[0] >= THRESHOLDS.verb_of_making)


# Of two candidates with one span, the first generator's stands: an awarded title read by its verb
# (honours) or an event by its ordinal (festivals) is sure, the same span read by its cue alone (cued)
# is weighed.
GENERATORS = (honours, festivals, held_events, plus_chains, placed_campaigns, paired_provinces, known_programs, quoted, spaced, cued,
              chief_systems)
