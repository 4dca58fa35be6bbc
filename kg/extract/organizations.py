"""Organizations by suffix: 党委, 党支部, 住建局, 集团, 学院, 健步队 ...

A name runs left from its suffix over name-like words and through the places
and bodies written before it (幸福里社区党支部, 市教育局玉海中心小学党支部).
Bodies written with a bare level prefix (市委, 县行政审批局, 镇党委) keep the
prefix so the resolver can name the place they belong to.
"""
from __future__ import annotations

from kg.extract.base import (DETERMINERS, FUNCTION_CHARS, GLUED_PREPOSITIONS, NOMINAL_FLAGS, PUNCT, Candidate, SentenceView, Vocabulary, is_cjk,
                             normalize_name, word_info)
from kg.lexicon import Lexicon
from kg.model import CITY, COUNTY, ORGANIZATION, PLACE_TYPES, PROVINCE
from kg.text import overlaps

LEVEL_PREFIXES = "省市县区镇乡村"
# 该市 refers to the place last named, 我市 to the paper's own city.
REFERRING = {"该": "该", "我": "我", "本": "我"}
MAX_NAME = 24


class OrganizationRecognizer:
    kind = "organization"

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.suffixes = lex.org_suffixes
        self.weak = lex.weak_org_suffixes
        self.core = lex.core_bodies          # bodies that stand after a bare level prefix: 委, 政府, 政协 ...
        self.national = lex.national_bodies
        self.generic = lex.generic_words
        self.posts = lex.posts
        self.national_words = Vocabulary(self.national)
        self.body_words = tuple(self.core) + tuple(s for s in self.suffixes if len(s) >= 2)
        # Titles that hold no body of their own (书记, 部长, 常委): a suffix inside
        # one (部 of 部长, 委 of 常委) ends no body. Compound titles such as
        # 党支部书记 or 人大常委会主任 begin with a body and do not count.
        multi = [o for o in self.suffixes + self.core if len(o) >= 2]
        self.basic_titles = Vocabulary(t for t in self.posts if not any(o in t for o in multi))
        self.all_suffixes = Vocabulary(self.suffixes + self.core)
        self.post_words = Vocabulary(self.posts)

    def find(self, view: SentenceView) -> list[Candidate]:
        out: list[Candidate] = []
        out += self._national(view)
        out += self._place_committees(view)
        view.candidates.extend(out)
        tagged = self._tagged_bodies(view)
        view.candidates.extend(tagged)
        out += tagged
        text = view.text
        ends = [(end, -(end - p), suffix) for p, end, suffix in self.all_suffixes.occurrences(text)]
        tried: set[int] = set()
        for end, _, suffix in ends:
            p = end - len(suffix)
            if end in tried:
                continue  # a suffix the segmenter reads as one word decides (市场监管所, not 所)
            if view.starts_token(p) and view.ends_token(end):
                tried.add(end)
            if any(c.start <= p < c.end and c.type in PLACE_TYPES and (end <= c.end or c.start < p)
                   for c in view.candidates):
                continue  # inside a place's name, or starting in it (镇党委 of 崞阳镇党委)
            if any(c.type == ORGANIZATION and c.start <= p and end <= c.end for c in view.candidates):
                continue
            cand = self._candidate(view, p, end, suffix)
            if cand is None:
                continue
            # A longer body ending here replaces the shorter one it contains (党委 in 机关党委).
            view.candidates[:] = [c for c in view.candidates
                                  if not (c.type == ORGANIZATION and cand.start <= c.start and c.end <= cand.end)]
            out = [c for c in out if not (cand.start <= c.start and c.end <= cand.end)]
            out.append(cand)
            view.candidates.append(cand)
        return out

    def _place_committees(self, view: SentenceView) -> list[Candidate]:
        """The party committee written as its place and 委: 复兴区委书记, 平遥县委常委.

        The segmenter reads 区委书记 as one word, so 区委 is never a suffix of
        its own there; a county, city or province name followed by 委 and a
        title (or the end of the phrase) names the committee.
        """
        text = view.text
        out = []
        for c in view.candidates:
            if c.type not in (COUNTY, CITY, PROVINCE) or c.end >= len(text) or text[c.end] != "委" \
                    or text[c.end - 1] not in "省市县区旗":
                continue
            k = c.end + 1
            if k < len(text) and not self.post_words.starts_at(text, k) and is_cjk(text[k]) \
                    and not self.all_suffixes.starts_at(text, k):
                continue  # 委 begins another word (区委员会 is read by its suffix)
            name = normalize_name(text[c.start:k])
            cand = Candidate(c.start, k, ORGANIZATION, name, source="suffix", attrs={"place": c.name})
            out.append(cand)
        return out

    def _tagged_bodies(self, view: SentenceView) -> list[Candidate]:
        """A word the segmenter's dictionary knows as a body (nt), made of a place or
        proper name and a suffix: 北京大学, 宁乡县人民医院. Generic ones (业主委员会)
        open with an everyday word and are left out."""
        out = []
        for tok in view.tokens:
            if tok.flag != "nt" or len(tok.text) < 4 or tok.text in self.all_suffixes:
                continue
            suffix = self.all_suffixes.ends_at(tok.text, len(tok.text))
            if suffix is None or suffix in self.weak:
                continue
            stem = tok.text[:-len(suffix)]
            if len(stem) < 2 or any(c in FUNCTION_CHARS for c in stem) or not self._names_something(stem):
                continue
            if any(overlaps(c.start, c.end, tok.start, tok.end) for c in view.candidates if c.type == ORGANIZATION):
                continue
            out.append(Candidate(tok.start, tok.end, ORGANIZATION, tok.text, source="suffix"))
        return out

    def _names_something(self, stem: str) -> bool:
        """A place's name or a proper name, not an everyday word (业主 of 业主委员会)."""
        if stem in self.lex.division_short_names or stem in self.lex.divisions_by_name:
            return True
        info = word_info(stem)
        return info is None or info[1].startswith(("ns", "nr", "nz"))

    def _national(self, view: SentenceView) -> list[Candidate]:
        return [Candidate(p, end, ORGANIZATION, name, source="lexicon")
                for p, end, name in self.national_words.occurrences(view.text)]

    def _candidate(self, view: SentenceView, p: int, end: int, suffix: str) -> Candidate | None:
        text = view.text
        # The suffix must end a word: 局 in 局面 or 队 in 队伍 does not.
        if end < len(text) and not view.ends_token(end):
            tok = view.tokens[view.token_at[end - 1]]
            if not _post_follows(text, end, self.post_words) and word_info(tok.text) and tok.text not in self.suffixes:
                return None
        # Nor may it sit inside a title (委 in 市委常委) or a common word (局 in 总揽全局).
        if self._inside_post(view, p, end):
            return None
        tok = view.tokens[view.token_at[p]]
        opening = text[tok.start:p]
        level_word = opening in LEVEL_PREFIXES or len(opening) >= 2 and (
            opening in self.suffixes or opening in self.core or (opening[:1] in LEVEL_PREFIXES and opening[1:] in self.core))
        if tok.start < p and tok.text not in self.suffixes and not tok.flag.startswith(("ns", "nt", "nz")) \
                and not _post_follows(text, end, self.post_words) and not level_word:
            info = word_info(tok.text)
            if info and info[0] >= 3:
                return None
        start, has_prefix = self._left(view, p)
        if start == p and suffix.endswith(_NAMED_IN_QUOTES):
            # (“五星级”党支部 is a rating, not a name: only teams and groups are named so.)
            quoted = _quoted_before(text, p)
            if quoted is not None:
                # “红马甲”志愿服务队: a quoted name, then the kind of body.
                return Candidate(quoted, end, ORGANIZATION, text[quoted + 1:p - 1] + text[p:end], source="suffix")
        if start >= 2 and text[start - 1] == "·" and view.candidate_ending_at(start - 1, (ORGANIZATION,)):
            has_prefix = True  # 南山职业学院·商学院: a unit named after its parent body
        glued_name = False
        if 0 < start < p and text[start - 1] in GLUED_PREPOSITIONS:
            tok = view.tokens[view.token_at[start - 1]]
            # _left already cut the preposition off a name the tagger glued it to.
            glued_name = tok.start == start - 1 and tok.end > start and tok.flag.startswith(("nr", "nz"))
        if start < p - 1 and text[start] in GLUED_PREPOSITIONS and not has_prefix:
            # 由善智 or 以镇: the tagger glued a preposition to the name.
            tok = view.tokens[view.token_at[start]]
            glued_name = tok.flag.startswith(("nr", "nz", "ns")) and tok.end - start >= 3
            start += 1
        stem = normalize_name(text[start:p])
        level = ""
        ref = ""
        opening = next((c for c in view.candidates if c.type == ORGANIZATION and c.start == start and c.end <= p), None)
        if opening is not None and opening.attrs.get("level"):
            # 市委组织部 opens with 市委: it belongs to the same place.
            level = opening.attrs["level"]
            ref = opening.attrs.get("ref", "")
        if not level:
            if start > 1 and text[start - 1] in LEVEL_PREFIXES and text[start - 2] in REFERRING:
                level, ref = text[start - 1], REFERRING[text[start - 2]]
                start -= 2
            elif start > 0 and text[start - 1] in LEVEL_PREFIXES and view.candidate_ending_at(start, PLACE_TYPES) is None and (
                    _boundary_before(view, start - 1) or start == 1 or text[start - 2] in FUNCTION_CHARS):
                level = text[start - 1]
                start -= 1
            elif len(stem) > 2 and stem[0] in REFERRING and stem[1] in LEVEL_PREFIXES:
                level, ref = stem[1], REFERRING[stem[0]]  # 该村党群服务中心
            elif stem and stem[0] in LEVEL_PREFIXES and not has_prefix and _level_word(view, start, self.body_words) and (
                    _boundary_before(view, start) or start > 0 and text[start - 1] in GLUED_PREPOSITIONS):
                level = stem[0]
            elif not stem and suffix[0] in LEVEL_PREFIXES and suffix[1:] in self.core and _boundary_before(view, p):
                level = suffix[0]  # 市委, 县委 are listed whole
        name = normalize_name(text[start:end])
        if len(name) > MAX_NAME or len(name) < 2:
            return None
        if text[start] in _PLURAL_DETERMINERS:
            return None  # 各乡镇人民政府: every such body, not one
        if suffix in self.weak and len(suffix) == 1:
            tok = view.tokens[view.token_at[p]]
            if tok.end != end or tok.flag in ("u", "uj", "p", "c", "d", "v", "r", "f"):
                return None
        if suffix in self.core and not stem and not level:
            # 政法委 or 纪委 alone names a body only inside a post (政法委书记).
            if not _post_follows(text, end, self.post_words):
                return None
            prev = self._body_of_previous_title(view, start)
            if prev is not None:
                if suffix in _PARTY_DEPARTMENTS and prev.name.endswith("委") and (
                        prev.attrs.get("level") or prev.attrs.get("place")):
                    # 县委常委、宣传部部长: the department of the committee just named.
                    full = prev.name + name
                elif _place_of(prev, self.lex.party_units) and suffix not in _PARTY_DEPARTMENTS:
                    # 经开区党工委副书记、管委会主任: a body of the same place.
                    full = _place_of(prev, self.lex.party_units) + name
                else:
                    full = ""
                if full:
                    cand = Candidate(start, end, ORGANIZATION, full, source="suffix",
                                     attrs={k: v for k, v in prev.attrs.items() if k in ("level", "ref")})
                    cand.attrs["alias"] = name
                    return cand
        elif not stem and not level:
            return None
        core_start = _after_entities(view, start, p)
        proper = glued_name or _proper_stem(view, core_start, p) or \
            (suffix in self.core and not stem and self._named_post_follows(text, end))
        if not (has_prefix or level or proper):
            return None
        if suffix in self.weak and not level and not proper and \
                not view.candidate_ending_at(p, PLACE_TYPES):
            # A place before a weak suffix names a body (岚县行政审批局); a body
            # before it names a facility or unit of that body (集团智慧党建中心).
            if not any(c.type in PLACE_TYPES and start <= c.start and c.end <= p for c in view.candidates):
                return None
        if name in self.generic:
            return None
        located = ""
        place = view.candidate_ending_at(_after_places(view, start, p), PLACE_TYPES)
        if place is not None and place.start == start and not level and not place.attrs.get("short"):
            rest_start = place.end
            if rest_start < p and _first_word_proper(view, rest_start, p) and \
                    view.tokens[view.token_at[rest_start]].text not in self.all_suffixes:
                # 孝义市鹏飞集团: the place is an address, not part of the name
                # (but 淄博市公安局张店分局 is the city's bureau: 公安局 names no one).
                located = place.name
                start = rest_start
                name = normalize_name(text[start:end])
        cand = Candidate(start, end, ORGANIZATION, name, source="suffix")
        if located:
            cand.attrs["located"] = located
        if level:
            cand.attrs["level"] = level
        if ref:
            cand.attrs["ref"] = ref
        parent = view.candidate_ending_at(start + len(level), PLACE_TYPES)
        inner = [c for c in view.candidates if start <= c.start and c.end <= p and c.type in PLACE_TYPES]
        if inner:
            cand.attrs["place"] = max(inner, key=lambda c: c.end).name
        elif parent is not None and parent.end == start:
            cand.attrs["place"] = parent.name
        return cand

    def _body_of_previous_title(self, view: SentenceView, start: int) -> Candidate | None:
        """The body of the title before ``、`` (县委 in 县委常委、宣传部部长)."""
        k = start
        while k > 0 and view.text[k - 1] == " ":
            k -= 1
        if k == 0 or view.text[k - 1] != "、":
            return None
        k -= 1
        title = self.post_words.ends_at(view.text, k)
        if title is None:
            return None
        body = view.candidate_ending_at(k - len(title), (ORGANIZATION,))
        if body is None:
            body = next((c for c in view.candidates if c.type == ORGANIZATION and c.start < k and c.end > k - len(title)
                         and c.end <= k), None)
        return body

    def _named_post_follows(self, text: str, end: int) -> bool:
        """A title follows, and a name after it: 政法委书记孙立新 (not 组织部部长,)."""
        t = self.post_words.starts_at(text, end)
        if t is None:
            return False
        k = end + len(t)
        return k < len(text) and (text[k] in self.lex.surnames_single or text[k:k + 2] in self.lex.surnames_double)

    def _inside_post(self, view: SentenceView, p: int, end: int) -> bool:
        """A basic title covers the end of the suffix and more (委 of 常委, 部 of 部长)."""
        return any(q < end <= q_end and (q < p or q_end > end)
                   for q, q_end, _ in view.occurrences(self.basic_titles))

    def _left(self, view: SentenceView, p: int) -> tuple[int, bool]:
        """Start of the name ending at ``p``, and whether it begins with a place or body."""
        start = p
        has_prefix = False
        text = view.text
        tok_index = view.token_at[p - 1] if p > 0 else -1
        if tok_index >= 0 and view.tokens[tok_index].end > p:
            # The suffix is glued to the word before it (住建局 → 住建 + 局).
            start = view.tokens[tok_index].start
            tok_index -= 1
        while start > 0 and p - start < MAX_NAME:
            before = view.candidate_ending_at(start, PLACE_TYPES + (ORGANIZATION,))
            if before is None and text[start - 1] == " " and start > 1:
                # OCR may leave a space after a name (阳光家园小区 党支部).
                before = view.candidate_ending_at(start - 1, PLACE_TYPES + (ORGANIZATION,))
            if before is not None and before.start < start:
                if has_prefix and before.type in PLACE_TYPES and any(
                        c.type in PLACE_TYPES and c.start == start for c in view.candidates):
                    break  # 晋城市泽州县巴公镇东四义村党支部: the outer places are an address
                start = before.start
                has_prefix = True
                tok_index = view.token_at[start - 1] if start > 0 else -1
                continue
            if tok_index < 0:
                break
            tok = view.tokens[tok_index]
            if tok.end != start:
                tok_index = view.token_at[start - 1]
                tok = view.tokens[tok_index]
            w = tok.text
            inserted = next((x for x in _INSERTED_FORMS if text.endswith(x, 0, start)), None) \
                if text[start - 1] in ")）" else None
            if inserted is not None and start - len(inserted) > 0 and is_cjk(text[start - len(inserted) - 1]):
                # 茅台酒厂(集团)习酒有限责任公司: the group's form is part of the name.
                start -= len(inserted)
                tok_index = view.token_at[start - 1]
                continue
            if any(c in PUNCT for c in w) or not all(is_cjk(c) or c.isdigit() or c.isalpha() for c in w):
                break
            if w in self.posts or w in _NOT_IN_BODY_NAMES or (w in self.generic and w[0] in DETERMINERS):
                break
            if len(w) >= 3 and w[0] in GLUED_PREPOSITIONS and tok.flag.startswith(("nr", "nz")):
                start = tok.start + 1  # 由善智: the tagger glued a preposition to the name
                break
            if tok.flag not in NOMINAL_FLAGS and not (tok.flag == "m" and not w.isdigit()) and not _rare_time_word(tok):
                break
            if len(w) == 1 and w in LEVEL_PREFIXES:
                break
            start = tok.start
            tok_index -= 1
        return start, has_prefix


# Legal forms written in brackets inside a company's name.
_INSERTED_FORMS = tuple(f"{o}{w}{c}" for w in ("集团", "控股", "中国", "股份") for o, c in (("(", ")"), ("（", "）")))
# Departments that belong to a party committee (县委宣传部, 市委政法委).
_PARTY_DEPARTMENTS = {"组织部", "宣传部", "统战部", "社会工作部", "政法委", "政研室", "党校", "直属机关工委", "办公室"}
# Generic words that may stand inside a body's name (党建工作领导小组, 综合服务中心)
# except these, which name the people around a body.
_NOT_IN_BODY_NAMES = {"党员", "干部", "群众", "居民", "村民", "党组织", "基层党组织", "基层", "城市", "农村",
                      "部分", "一些", "有关", "相关", "多个", "一批", "其他", "全体", "广大", "各级", "所有",
                      "市管", "县管", "省管", "区管"}


def _level_word(view: SentenceView, i: int, body_words: tuple[str, ...]) -> bool:
    """The level character at ``i`` is not the start of an ordinary word (市场, 市管, 县域)."""
    tok = view.tokens[view.token_at[i]]
    if tok.start != i or len(tok.text) < 2:
        return True
    rest = tok.text[1:]
    return tok.flag.startswith("ns") or any(rest.startswith(w) for w in body_words)


def _place_of(body: Candidate, party_units: tuple[str, ...]) -> str:
    """The place a body is named after: its place prefix, or what stands before its party unit."""
    if body.attrs.get("place"):
        return body.attrs["place"]
    for unit in party_units:
        if body.name.endswith(unit) and len(body.name) - len(unit) >= 2:
            return body.name[: -len(unit)]
    return ""


def _after_entities(view: SentenceView, start: int, p: int) -> int:
    """End of the run of places and bodies that opens the span [start, p)."""
    k = start
    while True:
        nxt = max((c for c in view.candidates if c.start == k and c.end <= p and c.end > k), key=lambda c: c.end, default=None)
        if nxt is None:
            return k
        k = nxt.end


def _after_places(view: SentenceView, start: int, p: int) -> int:
    """End of the run of places that opens the span [start, p)."""
    k = start
    while True:
        nxt = next((c for c in view.candidates if c.start == k and c.type in PLACE_TYPES and c.end <= p), None)
        if nxt is None:
            return k
        k = nxt.end


def _rare_time_word(tok) -> bool:
    """A word the dictionary calls a time word but news rarely uses as one: a name's part (中天)."""
    if tok.flag != "t":
        return False
    info = word_info(tok.text)
    return info is not None and info[0] < 500


def _first_word_proper(view: SentenceView, start: int, p: int) -> bool:
    tok = view.tokens[view.token_at[start]]
    if tok.start != start or tok.end > p:
        return False
    return tok.flag.startswith(("nr", "nz", "nt")) or (word_info(tok.text) is None and len(tok.text) >= 2)




_NAMED_IN_QUOTES = ("队", "团", "工作室", "协会", "合作社")
_OPENING_QUOTES = {"”": "“", "」": "「", "』": "『", "’": "‘"}


def _quoted_before(text: str, p: int, longest: int = 8) -> int | None:
    """Where the quoted name that closes right before ``p`` opens, if it is a short run of CJK."""
    if p < 3 or text[p - 1] not in _OPENING_QUOTES:
        return None
    q = text.rfind(_OPENING_QUOTES[text[p - 1]], max(0, p - longest - 2), p - 1)
    inner = text[q + 1:p - 1]
    if q < 0 or not 2 <= len(inner) <= longest or not all(is_cjk(c) or c == "·" for c in inner):
        return None
    return q


# Determiners that make a body's name stand for every such body.
# (全 is left out: 全国总工会 is one body.)
_PLURAL_DETERMINERS = set(DETERMINERS) - set(REFERRING) - {"全"}


def _post_follows(text: str, end: int, posts) -> bool:
    if isinstance(posts, Vocabulary):
        return posts.starts_at(text, end) is not None
    return any(text.startswith(t, end) for t in posts)


def _boundary_before(view: SentenceView, i: int) -> bool:
    """True when position ``i`` starts a word (not the tail of 城市 or 全市)."""
    if i == 0:
        return True
    prev = view.text[i - 1]
    if prev in PUNCT or not is_cjk(prev):
        return True
    if view.candidate_ending_at(i) is not None:
        return True
    tok = view.tokens[view.token_at[i]]
    if tok.start < i:
        return False
    prev_tok = view.tokens[view.token_at[i - 1]]
    return prev_tok.text not in ("全", "我", "本", "该", "各", "城", "都") and not (prev_tok.end == i and len(prev_tok.text) == 1 and prev_tok.text in "全我本该各")


def _proper_stem(view: SentenceView, start: int, p: int) -> bool:
    """The stem holds a whole word that is a name rather than a common noun.

    Only words lying wholly inside the stem count: a fragment left by cutting a
    suffix out of a word (物业公 + 司) is unknown to the dictionary but no name.
    """
    if p <= start:
        return False
    for k in range(view.token_at[start], view.token_at[p - 1] + 1):
        tok = view.tokens[k]
        if tok.start < start or tok.end > p:
            continue
        info = word_info(tok.text)
        if info is None and len(tok.text) >= 2:
            return True
        # The tagger's name flag counts when the dictionary does not call the word common (智慧/nr).
        if tok.flag.startswith(("nr", "ns", "nt", "nz")) and (info is None or info[1].startswith(("nr", "ns", "nt", "nz"))):
            return True
    return False
