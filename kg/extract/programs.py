"""Programs: named initiatives, mechanisms, campaigns, models and brands.

Newspapers quote the names of initiatives (“红色物业”, “四议两公开”) but also
slogans and metaphors (“连心桥”, “小马拉大车”). A quoted phrase counts as a
program when its context says so: a cue noun after it (模式, 工作法, 机制,
行动, 品牌 ...), a verb of carrying out before it (打造, 推行, 实施 ...), a
formula shape (numbers, ``+``, ``·``); slogans, clauses and metaphors count
against it. Unquoted names count only before a strong cue (示范区, 服务圈).
OCR often loses the quotes and leaves spaces: a phrase standing alone between
spaces is read like a quoted one.
"""
from __future__ import annotations

import re

from kg.extract.base import NOMINAL_FLAGS, PUNCT, Candidate, SentenceView, is_cjk, normalize_name
from kg.lexicon import Lexicon
from kg.model import ORGANIZATION, PLACE_TYPES, PROGRAM

QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’"}
_NUMERAL = re.compile(r"^[一二三四五六七八九十两百千万\d]")
_FORMULA = re.compile(r"[一二三四五六七八九十两]\S*[一二三四五六七八九十两]|^\d+$")
_CLAUSE_CHARS = set("的了着吗呢吧,，。!！?？:：;；")
MAX_PROGRAM = 20
CUE_WINDOW = 8
THRESHOLD = 2


class ProgramRecognizer:
    kind = "program"

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.cues = lex.program_cues
        self.strong = lex.strong_program_cues
        self.verbs = lex.implement_verbs
        self.slogans = lex.slogan_words

    def find(self, view: SentenceView) -> list[Candidate]:
        out = self._quoted(view) + self._spaced(view)
        covered = [(c.start, c.end) for c in out]
        for c in self._cued(view):
            if not any(s <= c.start < e or c.start <= s < c.end for s, e in covered):
                out.append(c)
        view.candidates.extend(out)
        return out

    def _quoted(self, view: SentenceView) -> list[Candidate]:
        text = view.text
        out = []
        i = 0
        while i < len(text):
            close = QUOTES.get(text[i])
            if close is None:
                i += 1
                continue
            j = text.find(close, i + 1)
            if j < 0:
                break
            cand = self._judge(view, i + 1, j, j + 1, quoted=True)
            if cand is not None:
                out.append(cand)
            i = j + 1
        return out

    def _spaced(self, view: SentenceView) -> list[Candidate]:
        """Phrases set off by spaces where OCR dropped the quotes: 开展 共享社·幸福里 建设."""
        text = view.text
        if text.count(" ") < 2:
            return []
        out = []
        for m in re.finditer(r"(?<= )[^ ]{2,%d}(?= )" % MAX_PROGRAM, text):
            phrase = m.group(0)
            if not all(is_cjk(c) or c in "+·" or c.isdigit() for c in phrase):
                continue
            cand = self._judge(view, m.start(), m.end(), m.end() + 1, quoted=False)
            if cand is not None and cand.attrs.get("score_cue"):
                out.append(cand)
        return out

    def _judge(self, view: SentenceView, i: int, j: int, after: int, quoted: bool) -> Candidate | None:
        text = view.text
        inner = text[i:j]
        name = normalize_name(inner)
        if not 2 <= len(name) <= MAX_PROGRAM or any(c in _CLAUSE_CHARS for c in inner):
            return None
        if not all(is_cjk(c) or c in "+·、 " or c.isalnum() for c in inner):
            return None
        score = 0
        cue, cue_end = self._cue_after(view, after)
        attrs: dict[str, str] = {}
        own_cue = any(name.endswith(c) for c in self.cues)
        if cue or own_cue:
            score += 2
            attrs["score_cue"] = "1"
        if self._verb_before(text, i - (1 if quoted else 0)):
            score += 1
        if _FORMULA.search(name) or _NUMERAL.match(name) and len(name) <= 6:
            score += 1
        if "+" in name or "·" in name:
            score += 1
        if any(name.endswith(w) or name == w for w in self.slogans):
            score -= 2
        if "、" in inner and not cue:
            score -= 2
        if score < THRESHOLD:
            return None
        start, end = i, j
        # A bare number or a single word names the program only with its cue: “126”实践体系.
        if cue and (name.isdigit() or len(name) <= 2):
            name = name + normalize_name(text[after:cue_end])
            end = cue_end
        cand = Candidate(start, end, PROGRAM, name, source="quoted" if quoted else "spaced", attrs=attrs)
        if cue:
            cand.attrs["alias"] = name + normalize_name(text[after:cue_end]) if end == j else ""
        return cand

    def _cue_after(self, view: SentenceView, k: int) -> tuple[str, int]:
        """A cue noun within a few characters after position ``k`` (skipping other quoted items and 等)."""
        text = view.text
        limit = min(len(text), k + CUE_WINDOW + 4)
        p = k
        while p < limit:
            if text[p] in QUOTES:
                close = text.find(QUOTES[text[p]], p + 1)
                if close < 0:
                    return "", k
                p = close + 1
                continue
            if text[p] in "、等 ":
                p += 1
                continue
            break
        window = text[p:min(len(text), p + CUE_WINDOW)]
        best = ("", k)
        for cue in self.cues:
            pos = window.find(cue)
            if pos < 0:
                continue
            if any(c in PUNCT for c in window[:pos]):
                continue
            end = p + pos + len(cue)
            if best[0] == "" or end < best[1]:
                best = (cue, end)
        return best

    def _verb_before(self, text: str, i: int) -> bool:
        before = text[max(0, i - 4):i]
        return any(before.endswith(v) for v in self.verbs)

    def _cued(self, view: SentenceView) -> list[Candidate]:
        """Unquoted names ending in a strong cue: 新时代党建引领基层治理示范区, 15分钟服务圈."""
        text = view.text
        out = []
        for cue in self.strong:
            p = text.find(cue)
            while p >= 0:
                end = p + len(cue)
                start = self._left_boundary(view, p)
                name = normalize_name(text[start:end])
                if len(name) - len(cue) >= 2 and len(name) <= MAX_PROGRAM and not view.covered(start, end):
                    out.append(Candidate(start, end, PROGRAM, name, source="cue"))
                p = text.find(cue, p + 1)
        return out

    def _left_boundary(self, view: SentenceView, p: int) -> int:
        text = view.text
        k = p
        while k > 0 and p - k < MAX_PROGRAM:
            c = text[k - 1]
            if c in PUNCT or c in "等和与及的" or not (is_cjk(c) or c.isdigit()):
                break
            if any(text.startswith(v, k - len(v)) for v in self.verbs):
                break
            ent = view.candidate_ending_at(k, PLACE_TYPES + (ORGANIZATION,))
            if ent is not None:
                break
            tok = view.tokens[view.token_at[k - 1]]
            if tok.flag in ("m", "q", "mq", "r") and k - tok.start <= 2 and text[tok.start:k] in ("一批", "一个", "一些", "各", "全", "该", "本"):
                break
            k -= 1
        return k
