"""Places: official divisions by longest match, finer places by their suffix.

Provinces, cities, counties and townships come from the official list (with
their codes); villages, communities and residential estates are not in it and
are recognised by suffix (村, 社区, 小区, 家园 ...) with a sound left boundary:
the name runs left over name-like words and stops at a verb, a generic word or
the place before it, which then becomes its parent (盐湖区安邑街道幸福里社区).
"""
from __future__ import annotations

from kg.extract.base import DETERMINERS, FUNCTION_CHARS, GLUED_PREPOSITIONS, NOMINAL_FLAGS, Vocabulary, PUNCT, Candidate, SentenceView, is_cjk, is_common_word, normalize_name, word_info
from kg.lexicon import Lexicon
from kg.model import CITY, COUNTY, ESTATE, PLACE_LEVEL, PLACE_TYPES, PROVINCE, TOWNSHIP

# Characters that make a city's short name the name of a street.
_STREET_WORDS = set("路街巷道")
# Generic township names that are also ordinary words.
_MIN_DIVISION_LEN = 3
MAX_STEM = 8


class PlaceRecognizer:
    kind = "place"

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.names = {n: ds for n, ds in lex.divisions_by_name.items() if self._usable(n)}
        self.short = {n: ds for n, ds in lex.division_short_names.items()
                      if len(n) >= 2 and all(d.level <= 2 for d in ds)}
        # Provinces, cities and counties come from the official list only: by
        # suffix, 全县 or 亲戚朋友省 would become places.
        self.suffixes = [(s, t) for s, t in lex.place_suffixes
                         if t not in (PROVINCE, CITY, COUNTY) or (t == COUNTY and len(s) >= 3 and s.endswith("区"))]
        self.generic = lex.generic_words
        # A title stops a place's name running left (民政局副局长钟华为社区 names no community).
        self.stops = lex.generic_words | {t for t in lex.posts if len(t) >= 2}
        self.suffix_words = Vocabulary(s for s, _ in self.suffixes)
        self.suffix_type = dict(self.suffixes)
        # Every full and short division name of a sentence, found in one pass.
        self.division_words = Vocabulary(set(self.names) | {n for n in self.short if len(n) <= 3})

    @staticmethod
    def _usable(name: str) -> bool:
        # Two-character names other than counties (岚县) are ordinary words (城区, 郊区, 城镇).
        return len(name) >= _MIN_DIVISION_LEN or name.endswith(("县", "旗"))

    def find(self, view: SentenceView) -> list[Candidate]:
        found = self._divisions(view)
        view.candidates.extend(found)
        suffixed = self._by_suffix(view)
        view.candidates.extend(suffixed)
        return found + suffixed

    def _divisions(self, view: SentenceView) -> list[Candidate]:
        text = view.text
        longest: dict[int, int] = {}   # start -> length of the longest full name there
        shorts: dict[int, set[int]] = {}
        for start, end, name in self.division_words.occurrences(text):
            length = end - start
            if name in self.names and length > longest.get(start, 0):
                longest[start] = length
            if name in self.short:
                shorts.setdefault(start, set()).add(length)
        out: list[Candidate] = []
        i = 0
        # Left to right, longest name first; a name that is the tail of a longer
        # word gives way to a short form there, or to the next position.
        for start in sorted(longest.keys() | shorts.keys()):
            if start < i:
                continue
            i = start
            length = longest.get(i)
            after_division = bool(out) and out[-1].end == i   # 宁县城关镇: 县城 is no word here
            if length is None or not (after_division or self._sound_division(view, i, i + length)):
                short = self._short_form(view, i, shorts.get(i, ()))
                if short:
                    out.append(short)
                    i = short.end
                continue
            match = text[i:i + length]
            out.append(self._division_candidate(view, i, i + length, match, self.names[match]))
            i += length
        return out

    def _sound_division(self, view: SentenceView, i: int, j: int) -> bool:
        # A division name must not be the tail of a longer word (明村镇 in 文明村镇).
        if i > 0 and is_cjk(view.text[i - 1]):
            info = word_info(view.text[i - 1:i + 1])
            if info and info[0] >= 100 and not info[1].startswith("ns") and not view.candidate_ending_at(i):
                return False
        if i > 0 and not view.starts_token(i):
            tok = view.tokens[view.token_at[i]]
            info = word_info(tok.text)
            if info and not info[1].startswith("ns") and tok.end > i and tok.start < i:
                return False
        return True

    def _short_form(self, view: SentenceView, i: int, lengths) -> Candidate | None:
        for length in (3, 2):
            if length not in lengths:
                continue
            if view.text[i + length:i + length + 1] in _STREET_WORDS:
                continue  # 张掖路, 北京街: a street named after the city
            name = view.text[i:i + length]
            tok = view.tokens[view.token_at[i]]
            # A short form counts when the segmenter reads it as a word of its own
            # (common words such as 和平 are kept out of the short forms).
            if tok.start != i or tok.end != i + length or not tok.flag.startswith(("ns", "n", "nz", "j", "nt")):
                continue
            divisions = self.short[name]
            cand = self._division_candidate(view, i, i + length, divisions[0].name, divisions)
            cand.attrs["short"] = name
            return cand
        return None

    def _division_candidate(self, view: SentenceView, i: int, j: int, name: str, divisions) -> Candidate:
        levels = {d.type for d in divisions}
        # An ambiguous name usually keeps its level (七级镇 is a township wherever it is).
        dtype = sorted(levels, key=lambda t: PLACE_LEVEL[t])[-1] if len(levels) > 1 else divisions[0].type
        same = [d for d in divisions if d.type == dtype]
        cand = Candidate(i, j, dtype, name, code=same[0].code if len(same) == 1 else "", source="division")
        cand.attrs["codes"] = "|".join(d.code for d in same)
        parent = view.candidate_ending_at(i, PLACE_TYPES)
        if parent is not None:
            cand.attrs["parent"] = parent.name
        return cand

    def _by_suffix(self, view: SentenceView) -> list[Candidate]:
        text = view.text
        out: list[Candidate] = []
        taken = [False] * len(text)
        for c in view.candidates:
            for k in range(c.start, c.end):
                taken[k] = True
        # Left to right, so an address chain (花园社区电力公司家属院) finds its
        # first place before the next one runs left over it; at one end the
        # longest suffix wins.
        hits = sorted((end, -(end - p), p, s, self.suffix_type[s]) for p, end, s in self.suffix_words.occurrences(text))
        for end, _, p, suffix, ptype in hits:
            if any(taken[p:end]):
                continue
            cand = self._suffix_candidate(view, p, end, suffix, ptype)
            if cand is None:
                continue
            for prev in [c for c in out if c.start == cand.start and c.end < cand.end]:
                out.remove(prev)
                view.candidates.remove(prev)
            out.append(cand)
            view.candidates.append(cand)
            for k in range(cand.start, cand.end):
                taken[k] = True
        for c in out:
            view.candidates.remove(c)
        return out

    def _suffix_candidate(self, view: SentenceView, p: int, end: int, suffix: str, ptype: str) -> Candidate | None:
        # Suffixes such as 园 or 城 also end ordinary words; the next character
        # must not continue a word either (小区 in 小区内 is fine, 村 in 村民 is not).
        if end < len(view.text) and not view.ends_token(end):
            tok = view.tokens[view.token_at[end - 1]]
            if tok.end > end:
                return None
        prev = view.candidate_ending_at(p, PLACE_TYPES)
        if prev is not None and prev.source == "suffix" and ptype != TOWNSHIP and (
                (prev.type == ptype == ESTATE) or prev.attrs.get("weak")):
            # 颐香苑 + 小区 is one estate; 幸福里 + 社区 one community (湾 only hinted at a place).
            attrs = {k: v for k, v in prev.attrs.items() if k != "weak"}
            return Candidate(prev.start, end, ptype, prev.name + suffix, source="suffix", attrs=attrs)
        tok = view.tokens[view.token_at[p]]
        if tok.start < p and tok.end >= end:
            # The suffix is inside a dictionary word (农村, 乡村, 社区 in 城市社区 is fine).
            info = word_info(tok.text)
            if info and not info[1].startswith(("ns", "nr", "nz")) or tok.flag.startswith("nt"):
                return None  # 农村, or a body's name (人民医院)
        last = view.tokens[view.token_at[end - 1]]
        if len(suffix) == 1 and last.start < p and last.end == end and (
                last.text in self.lex.division_short_names or last.text in self.lex.divisions_by_name):
            return None  # 乡 of 宁乡 (宁乡市) ends a division's name, not a township's
        if _verb_object(view, p):
            return None  # 走村入户, 驻村: the place word is what a verb acts on
        stem_start, parent = left_extent(view, p, self.stops, MAX_STEM)
        if p > 0 and view.text[p - 1:end] in self.generic:
            return None  # 文明村镇: 村镇 is a word, not a 镇
        stem = normalize_name(view.text[stem_start:p])
        if len(stem) > 2 and stem[0] in GLUED_PREPOSITIONS and view.text[stem_start] == stem[0]:
            stem_start += 1  # 由幸福里社区: the tagger glued 由 to the name
            stem = stem[1:]
            parent = None
        if len(stem) < 2 or not any(is_cjk(c) for c in stem) or stem[0] in DETERMINERS:
            return None
        if _holds_verb(stem):
            return None  # 党执政大厦: a metaphor, not a building
        whole = view.tokens[view.token_at[p]]
        coined = whole.start < p and whole.end == end and (word_info(whole.text) is None or whole.flag.startswith(("ns", "nr", "nz")))
        # A word the segmenter coined with the suffix (光明村/nr) names a place
        # even when its stem is an everyday word (黎明).
        # Right after its township or county (百家村街道光明社区), an everyday
        # word names the place too.
        addressed = parent is not None and parent.end == stem_start and parent.type in (TOWNSHIP, COUNTY)
        # So does one whose own committee follows (新风社区党委, 和平村村委会).
        governed = view.text.startswith(_OWN_BODIES, end)
        if stem in self.generic or (_is_generic_stem(stem) and not coined and not addressed and not governed):
            return None
        if suffix in self.lex.weak_place_suffixes and not _proper(stem):
            return None
        name = normalize_name(view.text[stem_start:end])
        if ptype == TOWNSHIP and name in self.lex.divisions_by_name:
            return None
        cand = Candidate(stem_start, end, ptype, name, source="suffix")
        if suffix in self.lex.weak_place_suffixes:
            cand.attrs["weak"] = "1"
        if parent is not None:
            cand.attrs["parent"] = parent.name
        return cand


def left_extent(view: SentenceView, p: int, generic: frozenset[str], max_chars: int,
                parent_types: tuple[str, ...] = PLACE_TYPES):
    """Where a name ending at ``p`` starts, and the entity just before it (its parent) if any.

    The name runs left over name-like tokens; it stops at punctuation, a
    function word, a verb, a generic word, or at a recognised entity.
    """
    start = p
    tok_index = view.token_at[p - 1] if p > 0 else -1
    # The part of a token glued to the suffix belongs to the name.
    if tok_index >= 0 and view.tokens[tok_index].end > p:
        start = view.tokens[tok_index].start
        tok_index -= 1
    while tok_index >= 0:
        tok = view.tokens[tok_index]
        before = view.candidate_ending_at(start, parent_types)
        if before is not None:
            return start, before
        if view.candidate_ending_at(start) is not None:
            break
        w = tok.text
        if w == "·" and start < p and tok.start > 0 and is_cjk(view.text[tok.start - 1]) and p - tok.start < max_chars:
            # 碧桂园·翡翠湾小区: a developer's name and the estate's, joined by a dot.
            start = tok.start
            tok_index -= 1
            developer = view.candidate_ending_at(start, (ESTATE,))
            if developer is not None:   # read as an estate of its own (园)
                start = developer.start
                tok_index = view.token_at[start - 1] if start > 0 else -1
            continue
        if any(c in PUNCT for c in w) or not all(is_cjk(c) or c.isdigit() for c in w):
            break
        if w in generic or tok.flag not in NOMINAL_FLAGS and not (tok.flag == "m" and not w.isdigit()):
            break
        if tok.flag.startswith("nr") and len(w) >= 2 and _holds_everyday_word(view.text[start:p]):
            break  # 刘明 in 刘明带队走访村: a name, then everyday words, is no place's stem
        if p - tok.start > max_chars:
            break
        start = tok.start
        tok_index -= 1
    before = view.candidate_ending_at(start, parent_types)
    if before is None:
        # An address written as a chain (城北街道车站社区) may hold words the
        # tagger reads as verbs (站/v 前/f); a place close on the left still
        # bounds the name.
        for k in range(start - 1, max(start - 5, -1), -1):
            c = view.text[k]
            tok = view.tokens[view.token_at[k]]
            if not is_cjk(c) or c in PUNCT or c in _CHAIN_BREAKERS or (tok.text in generic and tok.flag != "a") or (
                    len(tok.text) > 1 and tok.flag[:1] in ("v", "p", "c", "u", "d", "r")):
                break
            cand = view.candidate_ending_at(k, parent_types)
            if cand is not None:
                return k, cand
    return start, before




# Function words that break an address chain; 里 or 东 may stand in a name (幸福里社区).
_CHAIN_BREAKERS = FUNCTION_CHARS - set("上下中里内外")


# The bodies of a community or village, written right after its name.
_OWN_BODIES = ("党委", "党总支", "党支部", "居委会", "村委会", "居民委员会", "村民委员会")


def _holds_everyday_word(text: str) -> bool:
    return any(is_common_word(text[i:j], 50)
               for i in range(len(text) - 1) for j in range(i + 2, min(len(text), i + 4) + 1))


def _verb_object(view: SentenceView, p: int) -> bool:
    """Whether the character before the suffix at ``p`` is a verb standing alone (走村, 进社区)."""
    if p == 0:
        return False
    tok = view.tokens[view.token_at[p - 1]]
    if tok.start != p - 1:
        return False  # part of a longer word (回龙村)
    info = word_info(view.text[p - 1])
    return bool(info and info[1] == "v" and info[0] >= 1000)


def _holds_verb(stem: str) -> bool:
    for i in range(len(stem) - 1):
        for j in range(i + 2, min(len(stem), i + 4) + 1):
            info = word_info(stem[i:j])
            if info and info[1] == "v" and info[0] >= 200:
                return True
    return False




def _is_generic_stem(stem: str) -> bool:
    return is_common_word(stem, 50)


def _proper(stem: str) -> bool:
    """A stem that is not an ordinary dictionary word (or is tagged as a proper name)."""
    info = word_info(stem)
    return info is None or info[1].startswith(("ns", "nr", "nz", "nt"))
