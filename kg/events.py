"""Personnel events read from the text: who was appointed to, elected to, removed from or resigned which post, when.

Read at the merge, from the sentences and the people (with the posts written
with them) that extraction found, so cached articles stay valid. A sentence
is read only when it holds a cue of kg/lexicon/event_cues.tsv and names a
person. Each person takes the cue that governs their name:

- a cue written right after the name, perhaps after 同志 or 请求 (王明任…,
  李明华同志请求辞去…职务, 李芳代理市长);
- else the nearest cue before it in the clause, when only other names of the
  same list and their posts stand between (决定任命陈家豪、孙然、黄建盛为…副省长，
  赵晓华为…秘书长; 免去马廷贵同志…职务、徐阳同志…职务); a cue that needs a word
  after the name has it (决定陈战书为代理省长);
- else a cue later in the clause, before any other name (王明，男，…，拟任…).

The event's posts are those written after the name (a post before it is the
one held: 任命县委副书记王道清同志为县人民政府副县长 appoints to 副县长); when
extraction attached none there, the post after the cue is read. A date the
sentence states (3月29日, 25日, 昨日) is resolved against the article's date;
failing one, an earlier sentence of the article that states one gives it.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from kg.clean import display_text
from kg.extract.base import PUNCT, Vocabulary
from kg.lexicon.careers import CareerLexicon, EventCue
from kg.model import (ENDING_EVENTS, HOLDS_POST, ORGANIZATION, PERSON, CareerEvent, CleanDocument, Evidence, KnowledgeGraph,
                      Sentence)
from kg.offices import PostReader
from kg.periods import is_day, shift_days

__all__ = ["read_events", "stated_date", "MAX_POST"]

# The longest post read after a cue, in characters.
MAX_POST = 24
# What ends a clause: a cue before it governs no name after it.
_CLAUSE_END = "。；;！!？?"
# What may stand between a cue and a name it governs, besides names and posts.
_LINKS = ("同志", "职务", "为", "的", "以及", "和", "及", "分别")
_SEPARATORS = re.compile(r"[、，,]")
# Characters of verbs that never stand in the name of a body before a title.
_NOT_IN_BODY = "任担是在"
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日|(昨日|昨天|前天|今天|今日)")
_RELATIVE = {"昨日": -1, "昨天": -1, "前天": -2, "今天": 0, "今日": 0}


@dataclass(frozen=True, slots=True)
class _Name:
    """A person named in a sentence, in the sentence's own positions."""
    i: int
    j: int
    key: str
    start: int      # in the article's text
    end: int


@dataclass
class _Sentence:
    """What the reading of one sentence needs."""
    doc: CleanDocument
    sentence: Sentence
    names: list[_Name]
    posts: dict[tuple[str, int], list[tuple[str, str]]]   # (article, name's start) -> (label, body) written with it
    bodies: list[tuple[int, int, str]]         # organizations named, in sentence positions, with their keys

    @property
    def text(self) -> str:
        return self.sentence.text


def read_events(kg: KnowledgeGraph, careers: CareerLexicon, reader: PostReader) -> list[CareerEvent]:
    """Every personnel event the articles of ``kg`` state, in article and reading order."""
    book = _CueBook(careers)
    people, bodies = _named(kg)
    posts = _posts_written(kg)
    events: list[CareerEvent] = []
    for cdoc in sorted(kg.documents, key=lambda d: d.document.id):
        doc_id = cdoc.document.id
        for s in cdoc.sentences:
            names = people.get((doc_id, s.index))
            if not names or not book.any_word.search(s.text):
                continue
            here = _Sentence(cdoc, s, [_in_sentence(s, start, end, key) for start, end, key in names],
                             posts, [_span(s, start, end) + (key,) for start, end, key in bodies[(doc_id, s.index)]])
            events += _sentence_events(here, book, reader)
    return events


def _named(kg: KnowledgeGraph) -> tuple[dict, dict]:
    """People and bodies by (article, sentence): (start, end, key), in order."""
    people: dict[tuple[str, int], list] = defaultdict(list)
    bodies: dict[tuple[str, int], list] = defaultdict(list)
    for key, e in kg.entities.items():
        if e.type in (PERSON, ORGANIZATION):
            into = people if e.type == PERSON else bodies
            for m in e.mentions:
                into[(m.doc_id, m.sentence)].append((m.start, m.end, key))
    for found in (people, bodies):
        for spans in found.values():
            spans.sort()
    return people, bodies


def _posts_written(kg: KnowledgeGraph) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(label, body) of the posts written with a person's name, by (article, start of the name)."""
    out: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for rel in kg.relations:
        if rel.kind == HOLDS_POST:
            for ev in rel.evidence:
                if (rel.tail, rel.body) not in out[(ev.doc_id, ev.start)]:
                    out[(ev.doc_id, ev.start)].append((rel.tail, rel.body))
    return out


def _span(s: Sentence, start: int, end: int) -> tuple[int, int]:
    """Where an article's span [start, end) lies in a sentence's repaired text."""
    return bisect_left(s.offsets, start), bisect_left(s.offsets, end)


def _in_sentence(s: Sentence, start: int, end: int, key: str) -> _Name:
    i, j = _span(s, start, end)
    return _Name(i, j, key, start, end)


def _sentence_events(here: _Sentence, book: _CueBook, reader: PostReader) -> list[CareerEvent]:
    events = []
    for name in here.names:
        governing = _cue_for(here, name, book, reader.titles)
        if governing is None:
            continue
        cue, at = governing
        date = stated_date(here.doc, here.sentence.index, at)
        for label, body in _event_posts(here, name, cue, at, reader.titles):
            facts = reader.facts(label, body, concurrent=cue.flag == "concurrent")
            if cue.flag == "acting" and not facts.acting:
                facts = dataclasses.replace(facts, acting=True)
            evidence = Evidence(here.doc.document.id, here.sentence.index, name.start, name.end,
                                display_text(here.text))
            events.append(CareerEvent(cue.kind, name.key, label, body, cue.word, evidence, stated=date,
                                      observed=here.doc.date, facts=facts))
    return events


# --------------------------------------------------------------------------- which cue governs a name

class _CueBook:
    """The cues of the lexicon, by side, ready to look up."""

    def __init__(self, careers: CareerLexicon) -> None:
        self.fillers = careers.fillers
        self.after = [c for c in careers.cues if c.side == "after"]
        self.later = [c for c in careers.cues if c.side == "later"]
        before = [c for c in careers.cues if c.side == "before"]
        self.before = {c.word: c for c in before}
        # Longest first: 决定任命 is one cue, not 决定 and 任命.
        self.before_words = re.compile("|".join(re.escape(c.word) for c in before))
        self.any_word = re.compile("|".join(re.escape(c.word) for c in careers.cues))


def _cue_for(here: _Sentence, name: _Name, book: _CueBook, titles: Vocabulary) -> tuple[EventCue, int] | None:
    """The cue that governs ``name`` and where it stands in the sentence, or None."""
    return _cue_after(here.text, name.j, book) or _cue_before(here, name, book, titles) or _cue_later(here, name, book)


def _past_fillers(text: str, k: int, fillers: tuple[str, ...]) -> int:
    moved = True
    while moved:
        moved = False
        for word in fillers:
            if text.startswith(word, k):
                k, moved = k + len(word), True
    return k


def _cue_after(text: str, j: int, book: _CueBook) -> tuple[EventCue, int] | None:
    """王明任…, 李明华同志请求辞去…: a cue right after the name."""
    k = _past_fillers(text, j, book.fillers)
    for cue in book.after:
        if text.startswith(cue.word, k):
            return cue, k
    return None


def _cue_before(here: _Sentence, name: _Name, book: _CueBook, titles: Vocabulary) -> tuple[EventCue, int] | None:
    """任命王明为…: the nearest cue before the name, with only a list of names and posts between."""
    text = here.text
    last = None
    for m in book.before_words.finditer(text, 0, name.i):
        last = m
    if last is None:
        return None
    cue = book.before[last.group()]
    gap = text[last.end():name.i]
    if any(c in gap for c in _CLAUSE_END) or not _only_names_and_posts(gap, last.end(), here, titles):
        return None
    after = text[name.j:].removeprefix("同志")
    return (cue, last.start()) if not cue.needs or after.startswith(cue.needs) else None


def _only_names_and_posts(gap: str, offset: int, here: _Sentence, titles: Vocabulary) -> bool:
    """Whether ``gap`` (starting at ``offset``) holds only names, posts and the words that link them."""
    chars = list(gap)
    for other in here.names:
        for p in range(max(other.i, offset), min(other.j, offset + len(gap))):
            chars[p - offset] = "、"
    for piece in _SEPARATORS.split("".join(chars)):
        if not _a_link_or_post(piece, titles):
            return False
    return True


def _a_link_or_post(piece: str, titles: Vocabulary) -> bool:
    """同志, 为省政府副省长, 的市长职务, 县委副书记: what may stand between names governed by one cue."""
    changed = True
    while changed and piece:
        changed = False
        for word in _LINKS:
            if piece.startswith(word) or piece.endswith(word):
                piece = piece[len(word):] if piece.startswith(word) else piece[:-len(word)]
                changed = True
    return not piece or (len(piece) <= MAX_POST and titles.ends_at(piece, len(piece)) is not None)


def _cue_later(here: _Sentence, name: _Name, book: _CueBook) -> tuple[EventCue, int] | None:
    """王明，男，…，拟任…: a cue later in the clause, before any other name."""
    text = here.text
    stop = min([n.i for n in here.names if n.i >= name.j] + [len(text)])
    for p in range(name.j, stop):
        if text[p] in _CLAUSE_END:
            stop = p
            break
    for cue in book.later:
        k = text.find(cue.word, name.j, stop)
        if k >= 0:
            return cue, k
    return None


# --------------------------------------------------------------------------- the posts of an event

def _event_posts(here: _Sentence, name: _Name, cue: EventCue, at: int, titles: Vocabulary) -> list[tuple[str, str]]:
    """(label, body) of the posts the event is about: those written after the name (and a cue after it),
    else the one written after the cue."""
    text = here.text
    # A cue after the name comes before its posts (王明，…，现任县委常委，拟任县人民政府副县长).
    begin = name.j if cue.side == "before" else at
    after = []
    for label, body in here.posts.get((here.doc.document.id, name.start), ()):
        k = text.find(label, begin)
        if k >= 0 and not any(c in text[name.j:k] for c in _CLAUSE_END):
            after.append((k, label, body))
    if not after:
        start = at + len(cue.word) if cue.side != "before" else name.j
        post = _post_at(here, start, titles)
        if post is None and cue.kind in ENDING_EVENTS and cue.side != "before":
            # 县政协副主席王五退休: a post that ends is the one written with the name.
            return list(here.posts.get((here.doc.document.id, name.start), ()))
        if post is None:
            return []
        k, label, body = post
        if cue.flag == "acting" and cue.side != "before":
            label = cue.word + label
        after = [(k, label, body)]
    after.sort()
    return [(label, body) for _, label, body in after] + _listed_after(here, after[-1], titles)


def _post_at(here: _Sentence, k: int, titles: Vocabulary) -> tuple[int, str, str] | None:
    """The post written from ``k`` (after 同志, 为 or 的) to the longest title before a pause, with its body."""
    text = here.text
    for word in ("同志", "为", "的"):
        k += len(word) if text.startswith(word, k) else 0
    stop = k
    while stop < len(text) and text[stop] not in PUNCT and stop - k < MAX_POST:
        stop += 1
    ends = [e for e in range(stop, k, -1) if titles.ends_at(text, e) is not None]
    if not ends:
        return None
    label = text[k:ends[0]]
    body = label[:len(label) - len(titles.ends_at(text, ends[0]))]
    if any(c in label for c in "的和与及") or any(c in body for c in _NOT_IN_BODY):
        return None   # 退休前担任县委书记: a clause, not a post
    inside = [(j - i, key) for i, j, key in here.bodies if k <= i and j <= ends[0]]
    return k, label, max(inside)[1] if inside else ""


def _listed_after(here: _Sentence, last: tuple[int, str, str], titles: Vocabulary) -> list[tuple[str, str]]:
    """…为县人民政府副县长、代理县长: posts listed after the event's last one; a bare one shares its body."""
    k, label, body = last
    out = []
    j = k + len(label)
    while here.text.startswith("、", j):
        post = _post_at(here, j + 1, titles)
        if post is None or any(n.i == post[0] for n in here.names):
            break
        _, more, more_body = post
        out.append((more, more_body or body))
        j = post[0] + len(more)
    return out


# --------------------------------------------------------------------------- dates

def stated_date(cdoc: CleanDocument, index: int, before: int) -> str:
    """The day the article states for what sentence ``index`` reports, "" when it states none it can resolve.

    The date nearest before position ``before`` in the sentence, else any in
    it, else the nearest in an earlier sentence; a date without a year (or a
    month) takes the article's, moved back a year (or a month) when it would
    fall after the article.

    >>> from kg.model import Document, Offsets
    >>> doc = Document("a", "a", "")
    >>> s = lambda i, t: Sentence("a", i, t, Offsets.of(range(len(t))))
    >>> cd = CleanDocument(doc, (s(0, "会议25日结束。"), s(1, "会议任命王明为副县长。")), date="2024-03-27")
    >>> stated_date(cd, 1, 2), stated_date(CleanDocument(doc, cd.sentences, date="2024-03-10"), 1, 2)
    ('2024-03-25', '2024-02-25')
    """
    sentences = cdoc.sentences
    found = _dates_in(sentences[index].text, cdoc.date)
    near = [d for p, d in found if p < before] or [d for _, d in found]
    if near:
        return near[-1]
    for s in reversed(sentences[:index]):
        found = _dates_in(s.text, cdoc.date)
        if found and not _dateline(s.text):
            return found[-1][1]
    return ""


# Characters besides its dates up to which a sentence is a date line (齐鲁晚报 2022年03月30日).
DATELINE = 10


def _dateline(text: str) -> bool:
    """A line that dates the page rather than an event: a full date and little else (a paper's name,
    a weekday), and no punctuation of a sentence.

    >>> _dateline("齐鲁晚报     2022年03月30日"), _dateline("会议25日结束。"), _dateline("会议于2022年3月29日召开。")
    (True, False, False)
    """
    if any(c in text for c in "。，,；;") or not all(m.group(1) for m in _DATE.finditer(text)):
        return False
    rest = _DATE.sub("", text)
    return sum(1 for c in rest if c.isalnum()) <= DATELINE


def _dates_in(text: str, article: str) -> list[tuple[int, str]]:
    out = []
    for m in _DATE.finditer(text):
        day = _resolve(m, article)
        if day:
            out.append((m.start(), day))
    return out


def _resolve(m: re.Match, article: str) -> str:
    year, month, day, relative = m.groups()
    if relative:
        return shift_days(article, _RELATIVE[relative]) if is_day(article) else ""
    if year:
        return _valid(int(year), int(month), int(day)) if month else ""
    return _without_year(int(month) if month else 0, int(day), article)


def _without_year(month: int, day: int, article: str) -> str:
    """A day written without its year (or month): the article's, moved back when it would fall after it."""
    if len(article) < (4 if month else 7):
        return ""
    y, mo = int(article[:4]), month or int(article[5:7])
    found = _valid(y, mo, day)
    if found and is_day(article) and found > article:
        found = _valid(y - 1, mo, day) if month else _valid(y - (mo == 1), 12 if mo == 1 else mo - 1, day)
    return found


def _valid(y: int, mo: int, d: int) -> str:
    text = f"{y:04d}-{mo:02d}-{d:02d}"
    return text if shift_days(text, 0) == text else ""
