"""People: a surname and a given name, accepted only with context.

A candidate counts when a post stands before it (市委书记王建华), when a byline
introduces it (记者 李明), when a role noun or a body stands before it and a
verb of saying or acting follows (小区居民赵一鸣告诉记者), or when a title follows
a name the segmenter tags as a person (李强总理). Words that merely start
with a surname character (幸福感, 全市, 幸福里) fail these tests.

Posts found before a name are attached to the candidate (``attrs["posts"]``,
joined by ``|``; ``attrs["bodies"]`` gives the body of each post or ``-``).
"""
from __future__ import annotations

from kg.extract.base import (EPONYM, FUNCTION_CHARS, GLUED_PREPOSITIONS, NOMINAL_FLAGS, PUNCT, Candidate, SentenceView, Vocabulary, is_cjk,
                             normalize_name, word_info)
from kg.lexicon import Lexicon
from kg.model import ORGANIZATION, PERSON, PLACE_TYPES
from kg.text import overlaps

MAX_POST = 24


class PersonRecognizer:
    kind = "person"

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.single = lex.surnames_single
        self.double = lex.surnames_double
        self.posts = lex.posts
        self.bylines = tuple(sorted(lex.byline_titles, key=len, reverse=True))
        self.byline_words = Vocabulary(self.bylines)
        self.roles = lex.person_roles
        self.verbs = lex.speech_verbs
        self.honorifics = lex.honorifics
        self.titles = Vocabulary(t for t in self.posts if t not in lex.byline_titles)
        self.long_titles = Vocabulary(t for t in self.titles if len(t) >= 2)
        self.verb_words = Vocabulary(self.verbs)
        self.role_words = Vocabulary(self.roles)
        self.address_words = Vocabulary(lex.address_terms)
        self.appointment_words = Vocabulary(lex.appointment_verbs)

    def find(self, view: SentenceView) -> list[Candidate]:
        out: dict[tuple[int, int], Candidate] = {}
        for cand in self._after_bylines(view):
            out.setdefault((cand.start, cand.end), cand)
        for cand in self._after_posts(view):
            out[(cand.start, cand.end)] = cand
        for cand in self._after_roles(view):
            out.setdefault((cand.start, cand.end), cand)
        for cand in self._appointed(view):
            out.setdefault((cand.start, cand.end), cand)
        for cand in self._before_address_terms(view):
            out.setdefault((cand.start, cand.end), cand)
        for cand in self._before_verbs(view):
            if not any(overlaps(c.start, c.end, cand.start, cand.end) for c in out.values()):
                out[(cand.start, cand.end)] = cand
        for cand in self._before_titles(view):
            out.setdefault((cand.start, cand.end), cand)
        for cand in self._tagged(view):
            if not any(overlaps(c.start, c.end, cand.start, cand.end) for c in out.values()):
                out[(cand.start, cand.end)] = cand
        self._continue_lists(view, out)
        found = [c for c in out.values() if not view.covered(c.start, c.end) or c.attrs.get("posts")]
        view.candidates.extend(found)
        return found

    def _continue_lists(self, view: SentenceView, out: dict) -> None:
        """市领导张国华、李晓燕、王志强: names listed after a confirmed one share its context."""
        text = view.text
        queue = sorted(out.values(), key=lambda c: c.start)
        while queue:
            c = queue.pop(0)
            k = c.end
            if k >= len(text) or text[k] != "、":
                continue
            span = self.name_at(view, k + 1)
            if span is None:
                continue
            j = span[1]
            if j < len(text) and text[j] not in "、,，。;；等和及与" and not self.verb_words.starts_at(text, j):
                continue
            if (span[0], j) not in out and not any(o.start < j and span[0] < o.end for o in out.values()):
                nxt = Candidate(span[0], j, PERSON, normalize_name(text[span[0]:j]), source="list")
                out[(span[0], j)] = nxt
                queue.append(nxt)

    # -- the name itself -------------------------------------------------
    def name_at(self, view: SentenceView, k: int, strict: bool = True, end: int | None = None) -> tuple[int, int] | None:
        """Span of a plausible name starting at ``k``, or None.

        ``end``, when a cue right after the name fixes where it stops (叶正明院士,
        王正说), is the only end tried.
        """
        text = view.text
        fixed_end = end
        for ls in (2, 1):
            surname = text[k:k + ls]
            if len(surname) < ls or surname not in (self.double if ls == 2 else self.single):
                continue
            g0 = k + ls
            if g0 >= len(text):
                continue
            if strict and fixed_end is None and text[g0] == " ":
                spaced = _spaced_given_name(text, g0)
                if spaced is not None and not self._common(normalize_name(text[k:spaced])):
                    return k, spaced   # 刘 永 杰: a name set letter-spaced
                continue
            if not _name_char(text[g0]):
                # 向 and 于 begin given names too (赵向阳) when the tagger reads them so.
                tok = view.tokens[view.token_at[g0]] if view.tokens else None
                if not (is_cjk(text[g0]) and tok is not None and tok.start == g0 and tok.flag.startswith("nr")):
                    continue
            if fixed_end is not None:
                end = fixed_end
                if not (g0 < end <= g0 + 2 and all(_name_char(c) for c in text[g0 + 1:end])):
                    continue
            else:
                end = g0 + 2 if g0 + 1 < len(text) and _name_char(text[g0 + 1]) else g0 + 1
                if end == g0 + 2 and self._cut_after_first(text, g0 + 1):
                    end = g0 + 1
            if _splits_verb(view, k, g0, end):
                continue  # 查看新修的: the surname begins a verb, not a name
            given = text[g0:end]
            if given in self.honorifics or any(given.startswith(h) for h in self.honorifics):
                return None
            name = text[k:end]
            if len(given) == 2 and surname in _WORDLIKE_SURNAMES and _very_common(given):
                continue  # 和部分, 高标准: a surname that is also a function word, then an everyday word
            if self._common(name) or (strict and self._common(text[k:g0 + 1]) and end == g0 + 1):
                if not (strict and _tagged_person(view, k, end)):
                    continue
            if self.long_titles.starts_at(text, g0):
                continue
            return k, end
        return None

    def _cut_after_first(self, text: str, i: int) -> bool:
        """Whether the name's second given character at ``i`` rather begins the next word."""
        c = text[i]
        if c in FUNCTION_CHARS or c in self.verbs:
            return True
        for length in (4, 3, 2):
            w = text[i:i + length]
            if len(w) == length:
                info = word_info(w)
                if info and info[0] >= 20 and not info[1].startswith("nr"):
                    return True
        return False

    def _common(self, word: str) -> bool:
        info = word_info(word)
        return bool(info and info[0] >= 5 and not info[1].startswith("nr"))

    # -- contexts ----------------------------------------------------------
    def _after_bylines(self, view: SentenceView):
        text = view.text
        present = {w for _, _, w in self.byline_words.occurrences(text)}
        for title in self.bylines:
            if title not in present:
                continue
            i = text.find(title)
            while i >= 0:
                k = i + len(title)
                # 记者 as a noun (告诉记者, 记者观察) introduces no name.
                names = 0
                while k < len(text):
                    while k < len(text) and text[k] in " :：□":
                        k += 1
                    j = k
                    while j < len(text) and _name_char(text[j]) and j - k < 4:
                        j += 1
                    # The name ends where the byline does (记者王正文报道): try the longest fit first.
                    j = next((e for e in range(min(j, k + 3), k + 1, -1) if self._byline_ends(text, e)), k)
                    if j == k and k + 1 < len(text) and _name_char(text[k]):
                        spaced = _spaced_given_name(text, k + 1)   # 记者 吴 昊
                        if spaced is not None and self._byline_ends(text, spaced):
                            j = spaced
                    word = normalize_name(text[k:j])
                    if not 2 <= len(word) <= 3:
                        break
                    if names == 0 and not (word[0] in self.single or word[:2] in self.double):
                        break
                    info = word_info(word)
                    # A byline vouches for a name the dictionary files as a rare place (江建国/ns).
                    if info and info[0] >= 5 and not info[1].startswith("nr") and not (info[1] == "ns" and info[0] < 50) \
                            or word in self.lex.posts or word in self.bylines:
                        break
                    cand = Candidate(k, j, PERSON, word, source="byline")
                    cand.attrs["byline"] = title
                    yield cand
                    names += 1
                    k = j
                    if k < len(text) and text[k] in "、,，":
                        k += 1
                    if any(text.startswith(b, k) or text.startswith(b, k + 1) for b in self.bylines):
                        break
                i = text.find(title, i + 1)

    def _byline_ends(self, text: str, j: int) -> bool:
        return j >= len(text) or text[j] in " )）、,，" or any(text.startswith(b, j) for b in self.bylines) \
            or text.startswith(("报道", "摄"), j)

    def _after_posts(self, view: SentenceView):
        text = view.text
        for i, k, title in self.titles.occurrences(text):
            # The longest title ending here wins (副书记 over 书记).
            if self.titles.ends_at(text, k) != title:
                continue
            tok = view.tokens[view.token_at[k - 1]]
            if tok.end > k and tok.start < i:
                continue  # inside a longer word: 主委 of 业主委员会
            if k < len(text) and text[k] == " ":
                k += 1
            span = self.name_at(view, k)
            if span:
                posts = self._post_chain(view, i + len(title))
                cand = Candidate(span[0], span[1], PERSON, normalize_name(text[span[0]:span[1]]), source="post")
                cand.attrs["posts"] = "|".join(p for p, _ in posts)
                cand.attrs["bodies"] = "|".join(b or "-" for _, b in posts)
                yield cand

    def _post_chain(self, view: SentenceView, end: int) -> list[tuple[str, str]]:
        """The posts written before a name: 市委副书记、代市长 gives two, with their bodies."""
        posts: list[tuple[str, str]] = []
        text = view.text
        while end > 0:
            title = self.titles.ends_at(text, end)
            if title is None:
                break
            start = end - len(title)
            label_start, body = self._label_left(view, start)
            inside = [c for c in view.candidates if c.type == ORGANIZATION and label_start <= c.start and c.end <= end]
            if inside:
                # The title may begin inside the body's name (市监委 + 监委副主任).
                body = max(inside, key=lambda c: (c.end, -c.start)).name
            posts.insert(0, (normalize_name(text[label_start:end]), body))
            k = label_start
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k > 0 and text[k - 1] in "、":
                end = k - 1
                while end > 0 and text[end - 1] == " ":
                    end -= 1
                continue
            break
        return posts

    def _label_left(self, view: SentenceView, start: int) -> tuple[int, str]:
        """A post's body written as words (学院指导老师, 鹏飞集团秘书中心副部长).

        Runs left over nouns and recognised bodies and places; returns where the
        label starts and the nearest body it passed, if any.
        """
        k = start
        body = ""
        placed = False
        while k > 0 and start - k < MAX_POST:
            ent = view.candidate_ending_at(k, (ORGANIZATION,) + PLACE_TYPES)
            if ent is None and view.text[k - 1] == " ":
                ent = view.candidate_ending_at(k - 1, (ORGANIZATION,) + PLACE_TYPES)
            if ent is not None:
                if ent.type == ORGANIZATION:
                    return ent.start, ent.name  # the body opens the title (幸福里社区党委书记)
                if placed:
                    return k, body  # the places before the nearest one are an address
                placed = True
                k = ent.start
                continue
            tok = view.tokens[view.token_at[k - 1]]
            if tok.flag not in NOMINAL_FLAGS | {"l"} or any(c in PUNCT for c in tok.text) or not all(is_cjk(c) for c in tok.text):
                break
            if tok.text in self.roles or tok.text in self.posts:
                break
            k = tok.start
        return k, body

    def _before_verbs(self, view: SentenceView):
        text = view.text
        for v, _, verb in self.verb_words.occurrences(text):
            for length in (3, 2, 4):
                k = v - length
                if k < 0:
                    continue
                span = self.name_at(view, k, end=v)
                if span is None:
                    continue
                if not self._sound_left(view, k):
                    continue
                cand = Candidate(k, v, PERSON, text[k:v], source="verb")
                body = view.candidate_ending_at(k, (ORGANIZATION,))
                if body is not None:
                    cand.attrs["member_of"] = body.name
                yield cand
                break

    def _after_roles(self, view: SentenceView):
        """市领导张国华、 or 业主陈刚, : a role noun, a name, then a pause."""
        text = view.text
        for _, k, role in self.role_words.occurrences(text):
            span = self.name_at(view, k)
            if span is None:
                continue
            j = span[1]
            name = text[span[0]:j]
            # A one-character given name is always some word; only a longer one tells.
            given, whole = word_info(name[1:]) if len(name) >= 3 else None, word_info(name)
            if (whole is not None and not whole[1].startswith("nr")) or \
                    (given is not None and given[0] >= 100 and not given[1].startswith("nr")):
                continue  # 群众幸福感: a word, not a name
            if j < len(text) and (text[j] in "、,，等" or self.verb_words.starts_at(text, j)):
                yield Candidate(span[0], j, PERSON, name, source="role")

    def _appointed(self, view: SentenceView):
        """任命王明为区教育局局长, 免去李刚的局长职务: the wording of personnel notices.

        A name after a verb of appointment, then 为, 的 or a pause; after
        为, the post up to the next pause is the one the person now holds.
        """
        text = view.text
        for _, k, verb in self.appointment_words.occurrences(text):
            span = self.name_at(view, k)
            if span is None or not self._sound_left(view, k - len(verb)):
                continue
            j = span[1]
            if j < len(text) and text[j] not in "为的、,，;；。" and not text.startswith(("担任", "同志", "等"), j):
                continue
            cand = Candidate(span[0], j, PERSON, normalize_name(text[span[0]:j]), source="appointment")
            if verb not in _REMOVALS and j < len(text) and text[j] == "为":
                stop = j + 1
                while stop < len(text) and text[stop] not in PUNCT and stop - j <= MAX_POST:
                    stop += 1
                if self.titles.ends_at(text, stop) is not None:
                    posts = self._post_chain(view, stop)
                    cand.attrs["posts"] = "|".join(p for p, _ in posts)
                    cand.attrs["bodies"] = "|".join(b or "-" for _, b in posts)
            yield cand

    def _before_address_terms(self, view: SentenceView):
        """彭真同志, 邵一夫先生, 叶笃正院士: a full name before a term of address."""
        text = view.text
        for h, _, term in self.address_words.occurrences(text):
            for length in (3, 2, 4):
                k = h - length
                if k < 0:
                    continue
                span = self.name_at(view, k, end=h)
                if span is None or not self._sound_left(view, k):
                    continue
                yield Candidate(k, h, PERSON, text[k:h], source="address")
                break

    def _sound_left(self, view: SentenceView, k: int) -> bool:
        text = view.text
        if k == 0 or text[k - 1] in PUNCT or not is_cjk(text[k - 1]):
            return True
        if view.candidate_ending_at(k, (ORGANIZATION,) + PLACE_TYPES) is not None:
            return True
        return self.role_words.ends_at(text, k) is not None or self.long_titles.ends_at(text, k) is not None

    def _tagged(self, view: SentenceView):
        """Names the segmenter tags as persons, where the tag is trustworthy.

        The dictionary tags many everyday words as names (温馨, 齐全, 黎明), so a
        two-character name counts only when the dictionary does not know it,
        and a longer one when it starts with a surname.
        """
        text = view.text
        for _, tok in view.name_tokens():
            eponym = EPONYM.match(tok.text)
            if eponym:
                # 邓小平理论: the tagger keeps a doctrine whole; its namesake is a known name.
                name = eponym.group(1)
                known = word_info(name)
                if known and known[1].startswith("nr") and known[0] >= 50 and \
                        (name[0] in self.single or name[:2] in self.double):
                    yield Candidate(tok.start, tok.start + len(name), PERSON, name, source="tagged")
                continue
            if not 2 <= len(tok.text) <= 4:
                continue
            info = word_info(tok.text)
            if len(tok.text) < 3 or tok.text[-1] in _NOUN_ENDINGS or (info is None and tok.text[0] in GLUED_PREPOSITIONS):
                continue  # two-character names, 幸福感-like nouns and 由善智-like gluings are too often wrong
            if info is not None and not (info[1].startswith("nr") and info[0] >= 50):
                continue
            given = word_info(tok.text[1:])
            if given is not None and given[0] >= 100 and not given[1].startswith("nr"):
                continue  # 雷阵雨: the dictionary calls it a name, but 阵雨 is a word
            span = self.name_at(view, tok.start, strict=False, end=tok.end)
            if span is None:
                continue
            if tok.end < len(text) and (self.long_titles.starts_at(text, tok.end) or text[tok.end] in "村镇乡县市区省"):
                continue
            yield Candidate(tok.start, tok.end, PERSON, tok.text, source="tagged")

    def _before_titles(self, view: SentenceView):
        """Name then title, as in 李强总理: only names the segmenter reads as persons."""
        for idx, tok in view.name_tokens():
            if not 2 <= len(tok.text) <= 3:
                continue
            nxt = view.text[tok.end:tok.end + 4]
            title = self.long_titles.starts_at(nxt, 0)
            if title is None or not self._sound_left(view, tok.start) and view.tokens[idx - 1].flag.startswith(("n", "a")):
                continue
            # A three-character token fixes the name's end (江泽民主席: not 民主);
            # a two-character one must also read as a name on its own (楼宇 of 楼宇党小组长 does not).
            span = self.name_at(view, tok.start, strict=False, end=tok.end if len(tok.text) >= 3 else None)
            if span is None or span[1] != tok.end:
                continue
            cand = Candidate(tok.start, tok.end, PERSON, tok.text, source="title")
            cand.attrs["posts"] = title
            cand.attrs["bodies"] = "-"
            yield cand


# Verbs of appointment that take a post away rather than give one.
_REMOVALS = {"免去", "撤销"}
# Characters that never stand in a given name but often follow one (王建华主持, 陈刚在).
_NOT_IN_NAME = set("的了在说是等与及对把被将也都就从向到于则又还便即曾已并而或让给由着过")


def _name_char(c: str) -> bool:
    return is_cjk(c) and c not in _NOT_IN_NAME


# Last characters of nouns the tagger mistakes for names (幸福感, 单元楼, 连心桥).
_NOUN_ENDINGS = set("感楼栋桥性化者式型度率界区村镇园院馆站所厂店业会团队组部局委办处科室路街巷道")
# Surnames that are also everyday function words or adjectives.
_WORDLIKE_SURNAMES = set("和于向从同由及与将把以为时都全高大小新老多少")


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


def _splits_verb(view: SentenceView, k: int, g0: int, end: int) -> bool:
    """Whether a word of action starting at the surname ends inside the name (查看 of 查看新)."""
    if not view.tokens:
        return False
    tok = view.tokens[view.token_at[k]]
    if tok.start != k or not g0 < tok.end < end:
        return False
    info = word_info(tok.text)
    return bool(info and info[1][:1] in ("v", "d", "p", "c") and info[0] >= 100)


def _very_common(word: str) -> bool:
    info = word_info(word)
    return bool(info and info[0] >= 2000 and not info[1].startswith("nr"))


def _tagged_person(view: SentenceView, k: int, end: int) -> bool:
    tok = view.tokens[view.token_at[k]]
    return tok.start == k and tok.end == end and tok.flag.startswith("nr")
