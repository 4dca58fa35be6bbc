"""Extraction: repaired sentences in, mentions out.

Each kind of name is a stage: generators propose candidates (each names its
cue), the boundary scanner has fixed where each starts, the filter chain
rejects what is no name, and the stage keeps the longest of overlapping
candidates of its kind. Stages run in order over the whole document —
places, bodies, people, programs — each seeing what the ones before kept (a
body is named after its place, a person after a post that names a body).
Between stages the document speaks as a whole: a village named once is
found wherever it recurs, the programs its signals support are kept, a
person vouched for once is found everywhere. One overlap policy decides the
end (kg.extract.overlap).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from kg.extract import bodies, people, places, programs
from kg.extract.base import normalize_name, word_info
from kg.extract.candidate import LISTED, Candidate, Post, coarse
from kg.extract.context import Resources, Scope, resources
from kg.extract.filters import Rejection, apply_chain
from kg.extract.overlap import compatible, one_person_a_span, resolve_overlaps
from kg.extract.program_model import ProgramModel, load_model
from kg.extract.segment import Segmenter, default_segmenter
from kg.extract.view import Found, SentenceView
from kg.lexicon import Lexicon
from kg.lexicon import load as load_lexicon
from kg.lexicon import short_forms
from kg.model import (COMMUNITY, ORGANIZATION, PERSON, PLACE_TYPES, PROGRAM, TOWNSHIP, VILLAGE, CleanDocument,
                      Mention)
from kg.text import is_cjk, overlaps

__all__ = ["Extractor", "SentenceFindings", "to_mention", "recognized_spans"]


@dataclass
class SentenceFindings:
    """The candidates kept for one sentence, in its repaired text's coordinates."""
    view: SentenceView
    kept: list[Candidate]
    statistical: list[Mention] = field(default_factory=list)   # raw names of the statistical tagger
    rejected: list[Rejection] = field(default_factory=list)


class Extractor:
    """Runs the stages over the sentences of a cleaned document."""

    def __init__(self, lex: Lexicon | None = None, segmenter: Segmenter | None = None, ner=None,
                 program_model: ProgramModel | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.segmenter = segmenter or default_segmenter()
        self.res: Resources = resources(self.lex)
        self.ner = ner  # optional statistical recognizer (kg.extract.backends)
        self.program_model = program_model or load_model()

    def find(self, cdoc: CleanDocument) -> list[SentenceFindings]:
        views = [SentenceView(s, self.segmenter.tag(s.text), self.res.lists) for s in cdoc.sentences]
        doc = _Document(views, self.res)
        doc.stage(places.NAMED)
        doc.stage(places.RENAMED)
        doc.stage(places.SUFFIXED)
        doc.kept = _verbs_before_known_places(views, _after_a_township_written_short(views, doc.kept))
        doc.add(_recurring_places(views, doc.kept, self.lex))
        doc.add(places.county_of_a_county_story(views, doc.kept, self.lex))
        doc.kept = _listed_with_a_known_parent(doc.kept)
        doc.hint(people.BEFORE_BODIES, after=people.continue_lists)
        doc.stage(bodies.GENERATORS)
        doc.stage(bodies.COORDINATED)
        doc.add(_stations_of_the_storys_townships(doc))
        doc.add([apply_chain(made, doc.scope(i))[0] for i, made in
                 enumerate(bodies.two_committees_of_the_storys_village([v.text for v in views], doc.kept))])
        _stationed_teams(doc)
        doc.hints = [[] for _ in views]
        doc.stage(people.GENERATORS, after=_people_lists)
        cue_words = frozenset(self.lex.program_cues)
        doc.stage(programs.GENERATORS, settle=lambda made: programs.settle(made, self.program_model, cue_words,
                                                                     [v.text for v in views]))
        doc.stage(places.INSIDE)
        statistical = [[] for _ in views]
        if self.ner is not None:
            statistical = self._statistical(doc)
        doc.kept = _names_completed(views, doc.kept)
        doc.add(_recurring_names(views, doc.kept))
        return [SentenceFindings(v, resolve_overlaps([_level_written_once(c, self.lex) for c in k]), s, r)
                for v, k, s, r in zip(views, doc.kept, statistical, doc.rejected)]

    def _statistical(self, doc: "_Document") -> list[list[Mention]]:
        """Add what the statistical tagger finds and the rules missed (kg.extract.tagger_names)."""
        from kg.extract.tagger_names import confirmed_by_tagger, from_tagger
        found = self.ner.find_batch([v.sentence for v in doc.views])
        for i, (view, names) in enumerate(zip(doc.views, found)):
            scope = Scope(view, Found.of(doc.kept[i]), self.res)
            extra = [c for c in from_tagger(scope, names, self.segmenter)
                     if not any(overlaps(c.start, c.end, k.start, k.end) for k in doc.kept[i])]
            doc.kept[i] = confirmed_by_tagger(view, doc.kept[i], names) + extra
        return found


class _Document:
    """The views of one document and what each stage kept in each sentence so far."""

    def __init__(self, views: list[SentenceView], res: Resources) -> None:
        self.views = views
        self.res = res
        self.kept: list[list[Candidate]] = [[] for _ in views]
        self.rejected: list[list[Rejection]] = [[] for _ in views]
        self.hints: list[list[Candidate]] = [[] for _ in views]   # seen by later stages, kept by none
        # The last scope made for each sentence, by the identities of what it holds: most
        # stages keep nothing in most sentences, and the next stage reuses it as it is.
        self._scopes: list[tuple[tuple[int, ...], Scope] | None] = [None] * len(views)

    def scope(self, i: int) -> Scope:
        items = self.kept[i] + self.hints[i]
        # The cached scope holds its items, so an id here is theirs and not a new object's.
        ids = tuple(map(id, items))
        last = self._scopes[i]
        if last is not None and last[0] == ids:
            return last[1]
        scope = Scope(self.views[i], Found.of(items), self.res)
        self._scopes[i] = (ids, scope)
        return scope

    def hint(self, generators, after=None) -> None:
        """Candidates later stages see but that are not kept: a stage that comes later makes them again."""
        for i in range(len(self.views)):
            scope = self.scope(i)
            kept, _ = apply_chain([c for g in generators for c in g(scope)], scope)
            kept = _longest_of_a_kind(kept, self.kept[i])
            self.hints[i] = after(scope, kept) if after else kept

    def stage(self, generators, after=None, settle=None) -> None:
        """Run one stage's generators and the filter chain over every sentence; keep the longest of each kind."""
        made: list[list[Candidate]] = []
        for i in range(len(self.views)):
            scope = self.scope(i)
            proposed = [c for g in generators for c in g(scope)]
            kept, rejected = apply_chain(proposed, scope)
            self.rejected[i].extend(rejected)
            kept = _longest_of_a_kind(one_person_a_span(kept), self.kept[i])
            made.append(after(scope, kept) if after else kept)
        if settle is not None:
            made = settle(made)
        for i, new in enumerate(made):
            self.kept[i].extend(new)

    def add(self, extra: list[list[Candidate]]) -> None:
        for i, new in enumerate(extra):
            self.kept[i].extend(new)


def _longest_of_a_kind(new: list[Candidate], earlier: list[Candidate]) -> list[Candidate]:
    """A stage's candidates, without those that overlap a longer one of the same kind or cross an earlier one."""
    out: list[Candidate] = []
    for c in sorted(new, key=lambda c: (-c.length, c.start)):
        kind = coarse(c.type)
        clash = any(overlaps(c.start, c.end, k.start, k.end) and coarse(k.type) == kind and not compatible(c, k)
                    for k in out + earlier)
        if not clash and not any(c.start == k.start and c.end == k.end for k in earlier):
            out.append(c)
    return out


def _stations_of_the_storys_townships(doc: "_Document") -> list[list[Candidate]]:
    """龙堌法庭 in a story that names 巨野县 elsewhere: a station named after a township of a county or city
    the story names, wherever in it the county is named (kg.extract.bodies.stations_of_townships reads
    those of the sentence's county)."""
    above = bodies.places_and_above([c for sentence in doc.kept for c in sentence if c.type in PLACE_TYPES],
                                    doc.res.lex)
    out: list[list[Candidate]] = []
    for i, kept in enumerate(doc.kept):
        scope = doc.scope(i)
        made = [c for c in bodies.stations_below(scope, above)
                if not any(overlaps(c.start, c.end, k.start, k.end) for k in kept)]
        out.append(apply_chain(made, scope)[0])
    return out


def _stationed_teams(doc: "_Document") -> None:
    """A team named with the body that sends it replaces the part of its name read before (玉萨村工作队 of
    日喀则市萨迦县驻扎西岗村、玉萨村工作队); the sender's own name stays a body."""
    for i, kept in enumerate(doc.kept):
        scope = doc.scope(i)
        teams = [t for t in apply_chain(list(bodies.stationed_teams(scope)), scope)[0]
                 if not any(k.start == t.start and k.end == t.end for k in kept)]
        if teams:
            doc.kept[i] = [k for k in kept if not any(
                k.type == ORGANIZATION and k.end == t.end and k.start > t.start for t in teams)] + teams


def _people_lists(scope: Scope, kept: list[Candidate]) -> list[Candidate]:
    return people.posts_after(scope, people.continue_lists(scope, kept))


# --------------------------------------------------------------------------- the document speaks

def _recurring_places(views: list[SentenceView], kept: list[list[Candidate]], lex: Lexicon) -> list[list[Candidate]]:
    """A village, community or estate named once is found wherever the document repeats it.

    Done before bodies are read, so 东四义村股份经济合作社 starts at the
    village the article named in full elsewhere; 瑞安 stands for 瑞安市 in an
    article that names 瑞安市 once.
    """
    known, short = _known_places(kept, lex)
    out: list[list[Candidate]] = []
    for view, sentence in zip(views, kept):
        taken = list(sentence)
        more = _occurrences(view, known, taken, bounded=False)
        taken += more
        more += _occurrences(view, short, taken, bounded=True)
        out.append(more)
    return out


def _after_a_township_written_short(views: list[SentenceView], kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """蔡口集柳河湾村 in a story that names 蔡口集乡: the township written without its suffix, then its
    village; the suffix scan read the two as one village."""
    townships: dict[str, Candidate] = {}
    for c in (c for sentence in kept for c in sentence if c.type == TOWNSHIP and not c.short):
        form = next((c.name[:-len(s)] for s in _TOWNSHIP_SUFFIXES if c.name.endswith(s)), "")
        if len(form) >= 2:
            townships.setdefault(form, c)
    if not townships:
        return kept
    return [[part for c in sentence for part in _split_at_township(view, c, townships)]
            for view, sentence in zip(views, kept)]


_TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")


def _verbs_before_known_places(views: list[SentenceView], kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """说服他回玉海村担任书记 in a story that names 玉海村: a verb of one character glued to a village
    the story names elsewhere is no part of its name."""
    names = {c.name for sentence in kept for c in sentence if c.source == "place-suffix"}
    return [[_without_the_verb(view, c, names) for c in sentence] for view, sentence in zip(views, kept)]


def _without_the_verb(view: SentenceView, c: Candidate, names: set[str]) -> Candidate:
    if c.source != "place-suffix" or len(c.name) < 4 or c.name[1:] not in names or \
            view.text[c.start:c.start + 1] != c.name[0]:
        return c
    info = word_info(c.name[0])
    if not info or not info[1].startswith(("v", "p")):
        return c
    return dataclasses.replace(c, start=c.start + 1, name=c.name[1:])


def _split_at_township(view: SentenceView, c: Candidate, townships: dict[str, Candidate]) -> list[Candidate]:
    if c.source != "place-suffix" or c.type not in (VILLAGE, COMMUNITY) or c.parent:
        return [c]
    written = view.text[c.start:c.end]
    for form, township in townships.items():
        if written.startswith(form) and len(written) - len(form) >= 3:
            k = c.start + len(form)
            return [Candidate(c.start, k, TOWNSHIP, township.name, "document", code=township.code,
                              codes=township.codes, short=form),
                    dataclasses.replace(c, start=k, name=normalize_name(view.text[k:c.end]), parent=township.name)]
    return [c]


def _listed_with_a_known_parent(kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """帮扶村邓家村、政平村 in a story that writes 中村镇邓家村: an item listed after a place whose parent
    the story gives lies in that parent too."""
    parents = {c.name: c.parent for sentence in kept for c in sentence if c.type in PLACE_TYPES and c.parent}
    out = []
    for sentence in kept:
        ends = {c.end: c for c in sentence if c.type in PLACE_TYPES}
        out.append([_with_the_parent_of(c, ends.get(c.start - 1), parents) for c in sentence])
    return out


def _with_the_parent_of(c: Candidate, before: Candidate | None, parents: dict[str, str]) -> Candidate:
    if c.parent or LISTED not in c.signals or before is None or before.type != c.type:
        return c
    parent = before.parent or parents.get(before.name, "")
    return dataclasses.replace(c, parent=parent) if parent and parent != c.name else c


def _known_places(kept: list[list[Candidate]], lex: Lexicon) -> tuple[dict[str, Candidate], dict[str, Candidate]]:
    """The names to look for again, full (``known``) and short (``short``), the first candidate of each winning.

    One pass in the order the document names them, so that where two candidates
    give the same form, the one named first stands for it.
    """
    known: dict[str, Candidate] = {}
    short: dict[str, Candidate] = {}
    for c in (c for sentence in kept for c in sentence):
        if _is_full_place_name(c):
            _learn_place_and_stem(c, lex, known, short)
        elif _is_namesake_township(c):
            _learn_township_namesakes(c, known)
        if c.source == "division" and c.code and not c.short:
            _learn_division_short_forms(c, lex, short)
    return known, short


def _is_full_place_name(c: Candidate) -> bool:
    """A place found by its suffix, long enough and sure enough to be looked for again (幸福里社区, not 湾)."""
    return c.source == "place-suffix" and len(c.name) >= 3 and not c.weak


def _is_namesake_township(c: Candidate) -> bool:
    """A township or town of the division list whose name may be shared by a village (西果园镇)."""
    return c.source == "division" and c.type == TOWNSHIP and c.name[-1] in "镇乡" and len(c.name) >= 3


def _learn_place_and_stem(c: Candidate, lex: Lexicon, known: dict[str, Candidate],
                          short: dict[str, Candidate]) -> None:
    """幸福里社区 is looked for again in full, and as 幸福里 where its stem stands alone."""
    known.setdefault(c.name, c)
    stem = _stem(c.name, lex)
    if stem:
        short.setdefault(stem, c)   # 幸福里社区 is written 幸福里 further on


def _learn_township_namesakes(c: Candidate, known: dict[str, Candidate]) -> None:
    """西果园镇西果园村: the village that shares its township's name, where the tagger splits it."""
    for suffix, kind in (("村", VILLAGE), ("社区", COMMUNITY)):
        name = c.name[:-1] + suffix
        known.setdefault(name, Candidate(0, 0, kind, name, "document"))


def _learn_division_short_forms(c: Candidate, lex: Lexicon, short: dict[str, Candidate]) -> None:
    """The short forms of a division named in full (瑞安 of 瑞安市), but not those that name something else."""
    for form in short_forms(c.name, len(c.code) // 3 if len(c.code) == 6 else 4):
        if len(form) >= 2 and form not in lex.short_name_exceptions:
            short.setdefault(form, c)


def _stem(name: str, lex: Lexicon) -> str:
    """The name of a village, community or estate without its suffix, when it can stand alone."""
    for suffix, _ in lex.place_suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 3:
            stem = name[: -len(suffix)]
            info = word_info(stem)
            return stem if info is None or info[1].startswith(("ns", "nz", "nr")) else ""
    return ""


def _occurrences(view: SentenceView, names: dict[str, Candidate], taken: list[Candidate],
                 bounded: bool) -> list[Candidate]:
    """Every occurrence of the names in the sentence that no candidate of it already covers."""
    found: list[Candidate] = []
    text = view.text
    for form, proto in names.items():
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            free = not any(overlaps(c.start, c.end, i, j) for c in taken + found)
            if free and (not bounded or _stands_alone(view, i, j)):
                found.append(Candidate(i, j, proto.type, proto.name, "document", code=proto.code,
                                       codes=proto.codes, short=form if form != proto.name else ""))
            i = text.find(form, j)
    return found


def _stands_alone(view: SentenceView, i: int, j: int) -> bool:
    return view.starts_token(i) and view.ends_token(j) and view.text[i - 1:i] != "·" and view.text[j:j + 1] != "·"


def _names_completed(views: list[SentenceView], kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """何啟/nr 银: a name only the tagger read, cut short of a longer name a cue gives elsewhere in the
    story and written here in full, is that longer name."""
    cued = {c.name for sentence in kept for c in sentence if c.type == PERSON and c.source != "tagged"}
    if not cued:
        return kept
    out = []
    for view, sentence in zip(views, kept):
        fixed = []
        for c in sentence:
            longer = next((n for n in cued if _completes(view, sentence, c, n)), None) \
                if c.type == PERSON and c.source == "tagged" else None
            fixed.append(dataclasses.replace(c, end=c.start + len(longer), name=longer) if longer else c)
        out.append(fixed)
    return out


def _completes(view: SentenceView, sentence: list[Candidate], c: Candidate, name: str) -> bool:
    """``name`` runs on from ``c`` as written, over nothing else the sentence holds."""
    end = c.start + len(name)
    return len(name) > len(c.name) and name.startswith(c.name) and view.text.startswith(name, c.start) and \
        not any(k is not c and overlaps(k.start, k.end, c.end, end) for k in sentence)


def _recurring_names(views: list[SentenceView], kept: list[list[Candidate]]) -> list[list[Candidate]]:
    """Every occurrence in the document of a person or program name that context confirmed once."""
    known: dict[str, Candidate] = {}
    for c in (c for sentence in kept for c in sentence):
        if c.type in (PERSON, PROGRAM) and len(c.name) >= 2:
            known.setdefault(c.name, c)
    out: list[list[Candidate]] = []
    for view, sentence in zip(views, kept):
        more: list[Candidate] = []
        for name, proto in known.items():
            i = view.text.find(name)
            while i >= 0:
                j = i + len(name)
                if _free_for(view, sentence + more, proto, i, j):
                    more.append(Candidate(i, j, proto.type, name, "document", alias=proto.alias,
                                          role=proto.role))
                i = view.text.find(name, j)
        out.append(more)
    return out


def _free_for(view: SentenceView, taken: list[Candidate], proto: Candidate, i: int, j: int) -> bool:
    """Whether ``proto``'s name may be read again at [i, j): nothing of its kind (or a person) there, and
    whole words, or a name whose end the tagger read into a city's short form (罗成都要: 成都)."""
    if any(overlaps(c.start, c.end, i, j) and (coarse(c.type) == coarse(proto.type) or c.type == PERSON)
           for c in taken):
        return False
    short_place = any(k.source == "division-short" and k.start < j < k.end for k in taken)
    return _word_bounded(view, i, j, proto.type) or short_place


def _word_bounded(view: SentenceView, i: int, j: int, kind: str) -> bool:
    if kind != PERSON:
        return True
    # A person's name must not continue into the next character's word (陈刚 in 陈刚敢).
    return view.starts_token(i) and (j >= len(view.text) or not is_cjk(view.text[j]) or view.ends_token(j))


# --------------------------------------------------------------------------- to the model

def recognized_spans(findings: list[SentenceFindings]) -> list[tuple[int, int, str]]:
    """Spans of people, places and bodies as the recognizers see them, with coarse types.

    Besides what becomes a node, this holds what the statistical recognizer
    finds and the graph leaves out (names without a known suffix, places
    outside the division list). ``kg eval --ner`` scores these spans.
    """
    labels = {"PER": "PER", "PLACE": "LOC", "ORG": "ORG"}
    kinds = {"Place": "LOC", PERSON: "PER", ORGANIZATION: "ORG"}
    spans = []
    for f in findings:
        s = f.view.sentence
        # A statistical tagger's spans come first (it was trained for exactly this); the rules add the rest.
        own = [(m.start, m.end, kinds[m.type]) for m in f.statistical if m.type in kinds]
        spans.extend(own)
        for c in f.kept:
            label = labels.get(coarse(c.type))
            a, b = s.span(c.start, c.end)
            if label and not any(overlaps(x, y, a, b) for x, y, _ in own):
                spans.append((a, b, label))
    return sorted(set(spans))


# A level written twice, after the place's name and as its body's (上饶市市委, 城关镇镇党委): the body is the
# place's one body of that kind, named as people name it alone (上饶市委, 城关镇党委).
_LEVEL_WRITTEN_TWICE = re.compile("([省市县州镇乡])\\1(?=委|党委|纪委|政府|人民政府|人大|政协)")


def _level_once(name: str, lex: Lexicon) -> str:
    """上饶市市委 is 上饶市委 when a division's name of two characters or more (上饶市) ends at the first level;
    吉县县委 stays, 吉县委 would cut the county's name."""
    m = _LEVEL_WRITTEN_TWICE.search(name)
    if m is None:
        return name
    k = m.start() + 1
    if not any(name[i:k] in lex.divisions_by_name for i in range(max(0, k - 9), k - 2)):
        return name
    return name[:k] + name[k + 1:]


def _level_written_once(c: Candidate, lex: Lexicon) -> Candidate:
    """The candidate with its body's name, and its posts' bodies, written with their level once; a post
    itself stays as written."""
    if c.type != ORGANIZATION and not c.posts:
        return c
    name = _level_once(c.name, lex) if c.type == ORGANIZATION else c.name
    posts = tuple(Post(p.label, _level_once(p.body, lex)) for p in c.posts)
    return c if name == c.name and posts == c.posts else dataclasses.replace(c, name=name, posts=posts)


def to_mention(cdoc: CleanDocument, findings: SentenceFindings, c: Candidate) -> Mention:
    s = findings.view.sentence
    start, end = s.span(c.start, c.end)
    doc = cdoc.document
    text = doc.text[start:end]
    # A file read converted from traditional script: the name as the file writes it is kept too.
    written = doc.original[start:end] if doc.original and doc.original[start:end] != text else ""
    return Mention(doc_id=doc.id, sentence=s.index, start=start, end=end,
                   text=text, name=c.name, type=c.type, code=c.code, source=c.source,
                   codes=c.codes, parent=c.parent, level=c.level, ref=c.ref, place=c.place, located=c.located,
                   short=c.short, alias=c.alias, posts=c.posts, member_of=c.member_of, role=c.role,
                   signals=c.signals, written=written)


