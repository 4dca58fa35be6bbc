"""A page into its stories, and what each story says about itself.

An OCR'd newspaper page holds several stories one after the other: a
headline block (kicker, main title, subtitle), a byline (本报记者 李晓雯) or a
story opener (本报讯(记者 赵思远), 运城晚报讯, 新华社北京1月9日电), the body;
between them page furniture (mastheads, folios, editor lines such as 本版责编
李晓雯 校对 王刚) and rules of layout. :func:`split_page` finds where each
story begins and gives every story its span of the file's text (the spans
cover the file, in order), its headline, its newspaper and its publication
date. A file that is one story gives one story.

A story begins where a headline block precedes an opener or a byline, where
an opener stands on its own (a brief without headline), or where headline
lines follow a rule of layout. Headline lines between paragraphs are
subheads of the story around them: layout alone cannot tell them from the
headline of a story without byline, and a story cut in two is worse than two
briefs read as one. Everything before the first story belongs to it, and
furniture to the story before it.

The date is the publication date only: a masthead's or a web page's date
line, else a full date right after the story's opener; a date inside the
body is an event's date and never the article's. Functions here are pure:
text and the lexicon in, plain data out.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from kg.clean import CLOSERS, META_LABELS as _META_LABELS, SENTENCE_END, WEB_META as _META, normalize_text
from kg.lexicon import Lexicon
from kg.text import CJK_CLASS, is_cjk

# bridges(left, right): whether a word runs across the join of two texts (the segmenter's).
Bridges = Callable[[str, str], bool]

__all__ = ["Story", "Page", "split_page", "describe_whole", "story_id", "repair_spaces", "iso_date"]

# A headline line is at most this long; a subtitle (——…) or a deck (…——) may be longer.
HEADLINE_MAX = 40
DECK_MAX = 90
# Lines shorter than this are column labels or place labels when a longer headline stands beside them.
MAIN_TITLE_MIN = 6
# CJK runs shorter than this either side of a space are one word or phrase set apart by OCR.
SPACED_RUN_MIN = 4
# A page whose body has more spaces between Chinese characters than this per character is OCR-spaced throughout.
SPACED_PAGE_RATE = 0.01

_RULE_CHARS = frozenset("-—─━=＝*＊■□◆◇●○·_~～#＃")
_MARKS = "□■●◆◇○▲△▼★☆ "
_DATE = re.compile(r"((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_WEEKDAY = re.compile(r"(星期|礼拜|周)[一二三四五六日天]")
_FOLIO = re.compile(r"第?\s*[A-Za-z]?\s*\d{1,3}\s*版|[A-Z]\d{1,2}(?![\d.])")
_LUNAR = re.compile(r"农历\S*")
# A web page's line of facts: 来源:东北网, 发布时间:2021-06-02, 作者: ….
_SOURCE = re.compile(rf"来源\s*[:：]\s*(?!{_META_LABELS})([^\s:：|]{{2,20}}?)(?=\s|$|[:：|]|{_META_LABELS})")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_CJK = re.compile(f"[{CJK_CLASS}]")
_WORD = re.compile(f"[{CJK_CLASS}0-9A-Za-z]")
_SPACED = re.compile(f"(?<=[{CJK_CLASS}]) (?=[{CJK_CLASS}])")
# 1. … / 一、… / (二)…: an item of a list inside a story, never its headline.
_ENUMERATED = re.compile(r"^(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])")


@dataclass(frozen=True)
class Story:
    """One story of a page: its span of the file's text and what it says about itself."""
    start: int
    end: int
    title: str = ""
    headlines: tuple[str, ...] = ()   # every line of its headline block (kicker, title, subtitles), repaired
    date: str = ""
    newspaper: str = ""


@dataclass(frozen=True)
class Page:
    """The stories of one file, in order, with the page's own newspaper and date (mastheads)."""
    stories: tuple[Story, ...]
    newspaper: str = ""
    date: str = ""


def story_id(file_id: str, n: int) -> str:
    """The id of story ``n`` (from 1) of a page that holds several.

    >>> story_id("2024/p3.txt", 2)
    '2024/p3.txt#story-2'
    """
    return f"{file_id}#story-{n}"


# --------------------------------------------------------------------------- lines

# Kinds of line.
BODY, HEADING, BYLINE, OPENER, FURNITURE, RULE = "body", "heading", "byline", "opener", "furniture", "rule"


@dataclass(frozen=True)
class _Line:
    start: int       # offsets of the stripped line in the file's text
    end: int
    text: str        # normalized (full-width ASCII to half-width), stripped
    kind: str
    paper: str = ""  # the newspaper an opener or a furniture line names
    date: str = ""   # the full date an opener or a furniture line states


def _lines(text: str, lex: Lexicon, bridges: Bridges | None = None) -> list[_Line]:
    norm = normalize_text(text)
    out: list[_Line] = []
    pos = 0
    for raw in norm.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            out.append(_classify(pos + lead, pos + lead + len(stripped), stripped, lex))
        pos += len(raw)
    return _broken_lines_are_body(out, bridges)


def _broken_lines_are_body(lines: list[_Line], bridges: Bridges | None) -> list[_Line]:
    """A short line whose last word runs on into the next line (…标准不高、房 / 屋年久失修) is
    body text of a narrow column, not a headline: headlines never end inside a word."""
    if bridges is None:
        return lines
    out = list(lines)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind == HEADING and b.kind in (HEADING, BODY) and is_cjk(a.text[-1]) and is_cjk(b.text[0]) \
                and bridges(a.text[-6:], b.text[:6]):
            out[k] = _Line(a.start, a.end, a.text, BODY)
    return out


def _classify(start: int, end: int, t: str, lex: Lexicon) -> _Line:
    if len(t) >= 3 and all(c in _RULE_CHARS or c == " " for c in t):
        return _Line(start, end, t, RULE)
    opener = _opener(t, lex)
    if opener is not None:
        paper, date = opener
        return _Line(start, end, t, OPENER, paper, date)
    if _is_furniture(t, lex):
        return _Line(start, end, t, FURNITURE, _furniture_paper(t, lex), _full_date(t))
    byline = _byline(t, lex)
    if byline is not None:
        return _Line(start, end, t, BYLINE, byline)
    return _Line(start, end, t, HEADING if _is_heading(t) else BODY)


def _is_heading(t: str) -> bool:
    if t.startswith("——") or t.endswith("——"):
        return len(t) <= DECK_MAX
    if len(t) > HEADLINE_MAX or t[-1] in "。;；,，、:：…" or t[-1] in CLOSERS and t[-2:-1] in SENTENCE_END:
        return False
    if any(c in t for c in "。;；"):
        return False
    # A comma makes a short line body text cut by the layout, unless it is a headline in quotes
    # (“红色物业”建设,城南“三步走”).
    return not any(c in t for c in ",，") or (len(t) <= 24 and "“" in t)


@functools.lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> dict[str, re.Pattern]:
    papers = "|".join(map(re.escape, lex.paper_suffixes))
    wires = "|".join(map(re.escape, lex.wire_cues))
    titles = "|".join(map(re.escape, sorted(lex.press_roles, key=len, reverse=True)))
    editors = "|".join(map(re.escape, sorted((t for t, r in lex.press_roles.items() if r == "editor"),
                                             key=len, reverse=True)))
    cjk = f"[{CJK_CLASS}]"
    return {
        # 运城晚报讯(, 本报讯, 东方网3月2日讯(, 新华社北京1月9日电
        "opener": re.compile(rf"^[{_MARKS}]*(?P<src>本报|{cjk}{{1,10}}?(?:{papers}|网|社|台)(?:{cjk}{{0,4}}?))"
                             rf"\s*(?P<date>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)?\s*(?:{wires})(?=[\s(（:：]|$)"),
        "paper": re.compile(rf"{cjk}{{1,10}}?(?:{papers})"),
        # 运城晚报讯 inside a line (after a headline set on the same line)
        "wired": re.compile(rf"({cjk}{{2,10}}?(?:{papers}))(?:{wires})[\s(（]"),
        "wire": re.compile(rf"{cjk}(?:{wires})[\s(（]"),
        # 记者 陈立, □ 本报记者 刘海峰, 特约摄影 周建国 摄, 新华日报全媒体记者 吴志明
        "byline": re.compile(rf"^(?:文|图|文图|文/图)?[/／]?\s*(?:本报|(?P<paper>{cjk}{{1,10}}?(?:{papers}|网)))?"
                             rf"(?:{titles})(?P<sep>[:：\s/／]*)(?=[{CJK_CLASS}·])"),
        # 本版责编 李晓雯 校对 王刚, 组版:郑国强
        "editor": re.compile(rf"^(?:本版)?(?:{editors})(?:[:：]|\s)"),
        "furniture": re.compile("|".join(map(re.escape, lex.furniture_words))),
    }


def _opener(t: str, lex: Lexicon) -> tuple[str, str] | None:
    """The newspaper and full date of a story opener line, or None when the line opens no story."""
    m = _patterns(lex)["opener"].match(t)
    if m is None:
        return None
    src = m.group("src")
    if src == "本报":
        paper = ""
    elif t[m.end() - 1] == "电":
        paper = src[: src.index("社") + 1] if "社" in src else src   # 新华社北京 → 新华社
    else:
        found = _patterns(lex)["paper"].match(src)
        paper = found.group(0) if found else src
    rest = t[m.end():m.end() + 40]
    date = iso_date(m.group("date") or "") or _leading_date(re.sub(r"^[\s(（][^)）]{0,30}[)）]", "", rest))
    return paper, date


def _leading_date(t: str) -> str:
    m = _DATE.match(t.lstrip(" ,，"))
    return _iso(m) if m else ""


def _byline(t: str, lex: Lexicon) -> str | None:
    """The paper a byline line names before its title ("" for none), or None when the line is no byline."""
    t = t.lstrip(_MARKS)
    if len(t) > HEADLINE_MAX or any(c in t for c in "。;；"):
        return None
    m = _patterns(lex)["byline"].match(t)
    if m is None:
        return None
    # Right after the title, a name needs a space or a colon, or three characters: 记者观察 is a column.
    if m.group("sep") == "" and len(t[m.end():].split(" ")[0]) < 3:
        return None
    return m.group("paper") or ""


def _is_furniture(t: str, lex: Lexicon) -> bool:
    patterns = _patterns(lex)
    if patterns["furniture"].search(t) or patterns["editor"].match(t.lstrip(_MARKS)):
        return True
    if _META.search(t) and (_DATE.search(t) or _SOURCE.search(t) or len(t) <= HEADLINE_MAX):
        return True   # a web page's line of date, source and author
    if _CLOCK.search(t) and _DATE.search(t) or (len(t) <= HEADLINE_MAX and not _CJK.search(t)):
        return True   # a date and time, a folio, an address: no words
    if len(t) > DECK_MAX:
        return False
    if t[0] in "(（" and t[-1] in ")）" and len(t) <= HEADLINE_MAX:
        return True   # (孙南 陈莹莹), (新造镇政府): a credit
    # A masthead: nothing but dates, weekdays, folios and a paper's name (运城晚报 2024年1月10日 星期三 第3版).
    rest = patterns["paper"].sub("", _LUNAR.sub("", _FOLIO.sub("", _WEEKDAY.sub("", _DATE.sub("", t)))))
    return rest != t and not _WORD.search(rest)


def _furniture_paper(t: str, lex: Lexicon) -> str:
    m = _SOURCE.search(t)
    if m:
        return m.group(1)
    m = _patterns(lex)["paper"].search(t)
    return m.group(0) if m else ""


def _full_date(t: str) -> str:
    m = _DATE.search(t)
    return _iso(m) if m else ""


def _iso(m: re.Match) -> str:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def iso_date(text: str) -> str:
    """A full date written in Chinese or ISO style as YYYY-MM-DD, else "".

    >>> iso_date("2024年1月9日"), iso_date("2024-01-09"), iso_date("1月9日")
    ('2024-01-09', '2024-01-09', '')
    """
    m = _DATE.fullmatch(text.strip())
    return _iso(m) if m else ""


# --------------------------------------------------------------------------- where stories begin

def _story_starts(lines: list[_Line]) -> list[int]:
    """Indexes of the lines where a story begins (the first is always 0)."""
    starts = [0]
    for i in range(len(lines)):
        if _begins(lines, i):
            block = _block_before(lines, i)
            if block > starts[-1]:
                starts.append(block)
    # A masthead or a web page's title and date line above the first story is part of it.
    while len(starts) > 1 and not any(ln.kind in (BODY, OPENER, BYLINE) for ln in lines[:starts[1]]):
        del starts[1]
    return starts


def _begins(lines: list[_Line], i: int) -> bool:
    """Whether a story begins at line ``i`` (or at the headline block right before it)."""
    kind = lines[i].kind
    block = _block_before(lines, i)
    prev = lines[block - 1].kind if block > 0 else None
    if kind == OPENER:
        return prev != BYLINE or block < i
    if kind == BYLINE:
        # After a headline, or at the top: a byline after body text credits a photo or a box.
        return block < i or prev in (None, FURNITURE, RULE)
    # Headline lines between paragraphs are subheads (坚持党建引领 / 让资源“活起来”), whatever
    # their number: without an opener or a byline only a rule of layout sets a new story apart.
    return kind == BODY and block < i and prev == RULE


def _block_before(lines: list[_Line], i: int) -> int:
    """The first of the headline lines right before line ``i`` (``i`` itself when there are none)."""
    j = i
    while j > 0 and lines[j - 1].kind == HEADING:
        j -= 1
    return j


# --------------------------------------------------------------------------- the page

def split_page(text: str, lex: Lexicon, bridges: Bridges | None = None) -> Page:
    """The stories of a file's text, with their spans, headlines, newspapers and dates.

    ``bridges`` (the segmenter's) tells a line broken inside a word from a headline.
    """
    lines = _lines(text, lex, bridges)
    if not lines:
        return Page((Story(0, len(text)),))
    starts = _story_starts(lines)
    paper, date = _page_facts(lines)
    spaced = _spaced_page(lines)
    stories = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(lines)
        start = 0 if n == 0 else lines[first].start
        end = lines[starts[n + 1]].start if n + 1 < len(starts) else len(text)
        stories.append(_story(lines, first, last, start, end, paper, date, spaced, lex))
    return Page(tuple(stories), paper, date)


def describe_whole(text: str, lex: Lexicon, bridges: Bridges | None = None) -> Story:
    """The whole text as one story, with the headline, newspaper and date it states."""
    lines = _lines(text, lex, bridges)
    if not lines:
        return Story(0, len(text))
    paper, date = _page_facts(lines)
    return _story(lines, 0, len(lines), 0, len(text), paper, date, _spaced_page(lines), lex)


def _page_facts(lines: list[_Line]) -> tuple[str, str]:
    """The page's newspaper and date, from its furniture (masthead, web page line); else the
    newspaper all its openers agree on."""
    papers = [ln.paper for ln in lines if ln.kind == FURNITURE and ln.paper]
    dates = [ln.date for ln in lines if ln.kind == FURNITURE and ln.date]
    for kind in (OPENER, BYLINE):
        if papers:
            break
        named = {ln.paper for ln in lines if ln.kind == kind and ln.paper}
        papers = sorted(named) if len(named) == 1 else []
    return (papers[0] if papers else ""), (dates[0] if dates else "")


def _spaced_page(lines: list[_Line]) -> bool:
    """Whether OCR set spaces between the characters of the page's body text throughout."""
    chars = spaces = 0
    for ln in lines:
        if ln.kind == BODY:
            chars += len(ln.text)
            spaces += len(_SPACED.findall(ln.text))
    return chars > 0 and spaces / chars > SPACED_PAGE_RATE


def _story(lines: list[_Line], first: int, last: int, start: int, end: int, page_paper: str, page_date: str,
           spaced: bool, lex: Lexicon) -> Story:
    own = lines[first:last]
    # The headline block stands right before the first line that is no headline or furniture.
    trigger = next((k for k, ln in enumerate(own) if ln.kind in (OPENER, BYLINE, BODY)), len(own))
    block = [ln.text for ln in own[_block_before(own, trigger):trigger]]
    title, headlines = _headline(own, block, first == 0, lex, spaced)
    opener = next((ln for ln in own if ln.kind == OPENER), None)
    paper = (opener.paper if opener is not None else "") or _wired_paper(own, lex) or page_paper
    date = page_date or (opener.date if opener is not None else "")
    return Story(start, end, title, headlines, date, paper)


def _wired_paper(own: list[_Line], lex: Lexicon) -> str:
    """The paper of a story opener set inside a line (…召开 运城晚报讯(记者 陈立)…), in the story's first lines."""
    patterns = _patterns(lex)
    for ln in own[:8]:
        # The cue and what follows it first: searching every line for a paper's name is slow.
        m = patterns["wire"].search(ln.text) and patterns["wired"].search(ln.text)
        if m:
            return m.group(1)
    return ""


# --------------------------------------------------------------------------- headlines

def _headline(own: list[_Line], block: list[str], first: bool, lex: Lexicon, spaced: bool) -> tuple[str, tuple[str, ...]]:
    """The story's title and all its headline lines.

    The title is the main line of the headline block: a web page's title line
    (a heading above its date-and-source line) when there is one, else the
    first line set in two parallel halves (扛牢政治责任 提升工作质效), else
    the last line that is no subtitle, deck, column label or place label.
    Without a block, the first headline line anywhere in the story.
    """
    block = _joined(block)
    web = _web_title(own) if first else ""
    lines = ([web] if web and web not in block else []) + block
    repaired = tuple(repair_spaces(x, spaced) for x in lines)
    if web:
        return repair_spaces(web, spaced), repaired
    plain = [x for x in block if not x.startswith("——") and not x.endswith("——") and not _only_places(x, lex)]
    if any(len(x) >= MAIN_TITLE_MIN for x in plain):
        plain = [x for x in plain if len(x) >= MAIN_TITLE_MIN]
    main = next((x for x in plain if _parallel(x)), plain[-1] if plain else "")
    if not main:
        main = _headline_after_body(own, lex)
        repaired = repaired or ((repair_spaces(main, spaced),) if main else ())
    return repair_spaces(main, spaced), repaired


def _headline_after_body(own: list[_Line], lex: Lexicon) -> str:
    """A headline the OCR read after its story's body: a headline line with no body after it."""
    body = [k for k, ln in enumerate(own) if ln.kind in (BODY, OPENER)]
    for ln in own[body[-1] + 1:] if body else ():
        if ln.kind == HEADING and len(ln.text) >= MAIN_TITLE_MIN and not _only_places(ln.text, lex) \
                and not _ENUMERATED.match(ln.text):
            return ln.text
    return ""


def _joined(block: list[str]) -> list[str]:
    """Headline lines the layout broke after a conjunction (全市机关党的工作暨 / 模范机关…) as one line."""
    out: list[str] = []
    for x in block:
        if out and out[-1][-1] in "暨和与及、":
            out[-1] += x
        else:
            out.append(x)
    return out


def _web_title(own: list[_Line]) -> str:
    """The title line of a web page: a heading right above its date-and-source line."""
    for a, b in zip(own, own[1:]):
        if a.kind == HEADING and b.kind == FURNITURE and (b.date or _SOURCE.search(b.text)):
            return a.text
        if a.kind not in (HEADING, FURNITURE, RULE):
            break
    return ""


def _parallel(line: str) -> bool:
    """Two or more halves of Chinese text set apart by a space, each a phrase of its own."""
    halves = [h for h in line.split(" ") if h]
    return len(halves) >= 2 and all(sum(map(is_cjk, h)) >= 4 for h in halves) and \
        any(is_cjk(a) and is_cjk(b) for a, b in _gaps(line))


def _gaps(line: str):
    for m in re.finditer(r"(\S) +(\S)", line):
        yield m.group(1), m.group(2)


def _only_places(line: str, lex: Lexicon) -> bool:
    """Whether a line is nothing but names of divisions (万荣县, 临猗县七级镇): a place label."""
    t = line.replace(" ", "").replace("·", "")
    i = 0
    while i < len(t):
        step = next((k for k in range(min(len(t) - i, 12), 1, -1) if t[i:i + k] in lex.divisions_by_name), 0)
        if not step:
            return False
        i += step
    return bool(t)


def repair_spaces(text: str, spaced: bool = False) -> str:
    """A headline without the spaces OCR put into it.

    A space next to a digit or a punctuation mark goes, and one between two
    Chinese phrases unless both are long enough to stand as the two halves of
    a headline; on an OCR-spaced page (``spaced``) every space between
    Chinese characters goes.

    >>> repair_spaces("市直机关 争做 模范 争创 最强")
    '市直机关争做模范争创最强'
    >>> repair_spaces("创新机制聚合力 基层治理添动能")
    '创新机制聚合力 基层治理添动能'
    >>> repair_spaces("永济市纪委监委召开 2024年度工作汇报会")
    '永济市纪委监委召开2024年度工作汇报会'
    """
    parts = [p for p in text.split(" ") if p]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        left, right = out[-1], part[0]
        if is_cjk(left) and is_cjk(right):
            keep = not spaced and _run(out, reverse=True) >= SPACED_RUN_MIN and _run(part) >= SPACED_RUN_MIN
        else:
            keep = left.isascii() and right.isascii() and left.isalnum() and right.isalnum()
        out += (" " if keep else "") + part
    return out


def _run(text: str, reverse: bool = False) -> int:
    """How many Chinese characters (with a middle dot) run from the start (or end) of ``text``."""
    chars = reversed(text) if reverse else iter(text)
    n = 0
    for c in chars:
        if not (is_cjk(c) or c in "·“”\"‘’"):
            break
        n += is_cjk(c)
    return n
