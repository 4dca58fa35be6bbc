"""Extraction: repaired sentences in, mentions out.

Recognizers run in a fixed order on each sentence (places, organizations,
people, programs), each seeing what the ones before it found: a body is named
after its place, a person after a post that names a body. A second pass then
finds, anywhere in the document, the people and programs that context
confirmed once (刘秀英说 confirms every later 刘秀英).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.base import Candidate, SentenceView, is_cjk, is_common_word, word_info
from kg.extract.organizations import OrganizationRecognizer
from kg.extract.people import PersonRecognizer
from kg.extract.places import PlaceRecognizer
from kg.extract.programs import ProgramRecognizer, settle
from kg.extract.segment import Segmenter, default_segmenter
from kg.lexicon import Lexicon
from kg.lexicon import load as load_lexicon
from kg.lexicon import short_forms
from kg.model import COARSE_TYPE, COMMUNITY, ORGANIZATION, PERSON, PLACE_TYPES, PROGRAM, TOWNSHIP, VILLAGE, CleanDocument, Mention
from kg.text import overlaps


@dataclass
class SentenceFindings:
    """The candidates kept for one sentence, in its repaired text's coordinates."""
    view: SentenceView
    kept: list[Candidate]


class Extractor:
    """Runs the recognizers over the sentences of a cleaned document."""

    def __init__(self, lex: Lexicon | None = None, segmenter: Segmenter | None = None, ner=None) -> None:
        self.lex = lex or load_lexicon()
        self.segmenter = segmenter or default_segmenter()
        self.recognizers = [PlaceRecognizer(self.lex), OrganizationRecognizer(self.lex),
                            PersonRecognizer(self.lex), ProgramRecognizer(self.lex)]
        self.ner = ner  # optional statistical recognizer (kg.extract.lac)

    def find(self, cdoc: CleanDocument) -> list[SentenceFindings]:
        views = [SentenceView(s, self.segmenter.tag(s.text)) for s in cdoc.sentences]
        places, *others = self.recognizers
        for view in views:
            places.find(view)
        self._propagate_places(views)
        for view in views:
            for r in others:
                r.find(view)
        settle(views)
        if self.ner is not None:
            self._add_statistical(views)
            self._drop_unconfirmed_tags(views)
        self._propagate(views)
        return [SentenceFindings(v, select(v.candidates)) for v in views]

    def _add_statistical(self, views: list[SentenceView]) -> None:
        """Add what the statistical recognizer finds and the rules missed.

        Its places are typed by the division list; its people must start with a
        surname; its bodies must end like one (a suffix of the lexicon), since
        on local news it takes many phrases for bodies.
        """
        from kg.extract.lac import to_candidates
        places, organizations = self.recognizers[:2]
        suffixes = organizations.all_suffixes
        surnames = self.lex.surnames_single | self.lex.surnames_double
        for view, found in zip(views, self.ner.find_batch([v.sentence for v in views])):
            view.statistical = found
            for cand in to_candidates(view, found, self.lex):
                if cand.type == PERSON and not (cand.name[:1] in surnames or cand.name[:2] in surnames):
                    continue
                if cand.type == ORGANIZATION and (not suffixes.ends_at(cand.name, len(cand.name))
                                                  or self._generic_name(cand.name, suffixes)):
                    continue
                if cand.type in PLACE_TYPES and self._generic_name(cand.name, places.suffix_words):
                    continue
                if not any(overlaps(c.start, c.end, cand.start, cand.end) for c in view.candidates):
                    view.candidates.append(cand)

    def _generic_name(self, name: str, suffixes) -> bool:
        """A name made only of everyday words and a suffix (物业公司, 疫情防控小组, 小区)."""
        suffix = suffixes.ends_at(name, len(name))
        if suffix is None:
            return False
        stem = name[:-len(suffix)]
        if not stem or not is_cjk(stem[0]):
            return True
        return all(is_common_word(w, 50) for w in self.segmenter.cut(stem))

    @staticmethod
    def _drop_unconfirmed_tags(views: list[SentenceView]) -> None:
        """With a statistical recognizer, a name only jieba's tag calls a person must be its person too.

        jieba's dictionary tags many nouns as names (雷阵雨, 许可证, 农家乐);
        the statistical model, trained on names in context, is the better judge.
        """
        for v in views:
            people = [m for m in v.statistical if m.type == PERSON]
            v.candidates[:] = [c for c in v.candidates if c.source != "tagged" or any(
                v.sentence.span(c.start, c.end) == (m.start, m.end) for m in people)]

    def _propagate_places(self, views: list[SentenceView]) -> None:
        """A village, community or estate named once is found wherever the document repeats it.

        Done before bodies are read, so 东四义村股份经济合作社 starts at the
        village the article named in full elsewhere.
        """
        known: dict[str, Candidate] = {}
        short: dict[str, Candidate] = {}
        for v in views:
            for c in v.candidates:
                if c.source == "suffix" and len(c.name) >= 3 and not c.attrs.get("weak"):
                    known.setdefault(c.name, c)
                    stem = self._stem(c.name)
                    if stem:
                        # 幸福里社区 is written 幸福里 further on.
                        short.setdefault(stem, c)
                    continue
                if c.source == "division" and c.type == TOWNSHIP and c.name[-1] in "镇乡" and len(c.name) >= 3:
                    # 西果园镇西果园村: the village that shares its township's name,
                    # written where the tagger splits the name (西/f 果园/n 村).
                    for suffix, ptype in (("村", VILLAGE), ("社区", COMMUNITY)):
                        known.setdefault(c.name[:-1] + suffix, Candidate(0, 0, ptype, c.name[:-1] + suffix))
                if c.source == "division" and c.code and not c.attrs.get("short"):
                    # 瑞安 stands for 瑞安市 in an article that names 瑞安市 once.
                    for form in short_forms(c.name, len(c.code) // 3 if len(c.code) == 6 else 4):
                        if len(form) >= 2 and form not in self.lex.short_name_exceptions:
                            short.setdefault(form, c)
        for v in views:
            for name, proto in known.items():
                i = v.text.find(name)
                while i >= 0:
                    j = i + len(name)
                    if not any(overlaps(c.start, c.end, i, j) for c in v.candidates):
                        v.candidates.append(Candidate(i, j, proto.type, name, source="document"))
                    i = v.text.find(name, j)
            for form, proto in short.items():
                i = v.text.find(form)
                while i >= 0:
                    j = i + len(form)
                    bounded = v.starts_token(i) and v.ends_token(j) and v.text[i - 1:i] != "·" and v.text[j:j + 1] != "·"
                    if bounded and not any(overlaps(c.start, c.end, i, j) for c in v.candidates):
                        v.candidates.append(Candidate(i, j, proto.type, proto.name, code=proto.code,
                                                      source="document", attrs={"short": form, "codes": proto.code}))
                    i = v.text.find(form, j)

    def _stem(self, name: str) -> str:
        """The name of a village, community or estate without its suffix, when it can stand alone."""
        for suffix, _ in self.lex.place_suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 3:
                stem = name[: -len(suffix)]
                info = word_info(stem)
                if info is None or info[1].startswith(("ns", "nz", "nr")):
                    return stem
                return ""
        return ""

    def _propagate(self, views: list[SentenceView]) -> None:
        """Mark every occurrence of a confirmed person or program name in the document."""
        known: dict[str, Candidate] = {}
        for v in views:
            for c in v.candidates:
                if c.type in (PERSON, PROGRAM) and len(c.name) >= 2:
                    known.setdefault(c.name, c)
        if not known:
            return
        for v in views:
            text = v.text
            for name, proto in known.items():
                i = text.find(name)
                while i >= 0:
                    j = i + len(name)
                    if not any(overlaps(c.start, c.end, i, j) for c in v.candidates if COARSE_TYPE.get(c.type) == COARSE_TYPE.get(proto.type) or c.type == PERSON) \
                            and _word_bounded(v, i, j, proto.type):
                        v.candidates.append(Candidate(i, j, proto.type, name, source="document",
                                                      attrs={k: val for k, val in proto.attrs.items() if k == "alias"}))
                    i = text.find(name, j)


def recognized_spans(findings: list[SentenceFindings]) -> list[tuple[int, int, str]]:
    """Spans of people, places and bodies as the recognizers see them, with coarse types.

    Besides what becomes a node, this holds what the statistical recognizer
    finds and the graph leaves out: places outside the division list (美国, 中
    of 中美), foreign names without a Chinese surname, bodies without a known
    suffix. ``kg eval --ner`` scores these spans.
    """
    coarse = {"PER": "PER", "PLACE": "LOC", "ORG": "ORG"}
    kinds = {"Place": "LOC", PERSON: "PER", ORGANIZATION: "ORG"}
    spans = []
    for f in findings:
        s = f.view.sentence
        # With a statistical recognizer, its spans come first (it was trained for
        # exactly this); the rules add what it does not find.
        own = [(m.start, m.end, kinds[m.type]) for m in f.view.statistical if m.type in kinds]
        spans.extend(own)
        for c in f.kept:
            t = coarse.get(COARSE_TYPE.get(c.type, ""))
            a, b = s.span(c.start, c.end)
            if t and not any(overlaps(x, y, a, b) for x, y, _ in own):
                spans.append((a, b, t))
    return sorted(set(spans))


def _word_bounded(view: SentenceView, i: int, j: int, etype: str) -> bool:
    if etype != PERSON:
        return True
    text = view.text
    # A person's name must not continue into the next character's word (陈刚 in 陈刚敢).
    return view.starts_token(i) and (j >= len(text) or not is_cjk(text[j]) or view.ends_token(j))


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the best of overlapping candidates.

    Same-kind overlaps keep the longer span; spans of different kinds may nest
    (a place inside a body's name) but may not cross.
    """
    # A short form inside a body's name (晋中 in 晋中信息学院) is part of the name, not a place mention.
    cands = [c for c in cands if not (c.attrs.get("short") and any(
        o.type == ORGANIZATION and o.start <= c.start and c.end <= o.end and o is not c for o in cands))]
    # A name right after a post (副局长钟华为社区授牌) is read before longer spans that cross it.
    order = sorted(cands, key=lambda c: (not (c.type == PERSON and c.source == "post"), -(c.end - c.start), c.start, c.type))
    kept: list[Candidate] = []
    for c in order:
        ok = True
        for k in kept:
            if c.end <= k.start or k.end <= c.start:
                continue
            nested = k.start <= c.start and c.end <= k.end
            if not nested or COARSE_TYPE.get(k.type) == COARSE_TYPE.get(c.type) or c.type == PERSON or k.type == PERSON:
                ok = False
                break
        if ok:
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def to_mention(cdoc: CleanDocument, findings: SentenceFindings, c: Candidate) -> Mention:
    s = findings.view.sentence
    start, end = s.span(c.start, c.end)
    attrs = tuple(sorted(c.attrs.items()))
    return Mention(doc_id=cdoc.document.id, sentence=s.index, start=start, end=end,
                   text=cdoc.document.text[start:end], name=c.name, type=c.type, code=c.code,
                   source=c.source, attrs=attrs)
