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

from kg.extract.base import PUNCT, QUOTE_CHARS, Candidate, SentenceView, Vocabulary, is_cjk, normalize_name
from kg.lexicon import Lexicon
from kg.model import ORGANIZATION, PLACE_TYPES, PROGRAM
from kg.text import overlaps

QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’"}
_OPENING_QUOTE = re.compile("[" + re.escape("".join(QUOTES)) + "]")
_NUMERAL = re.compile(r"^[一二三四五六七八九十两百千万\d]")
_FORMULA = re.compile(r"[一二三四五六七八九十两]\S*[一二三四五六七八九十两]|^\d+$")
_CLAUSE_CHARS = set("的了着吗呢吧,，。!！?？:：;；")
MAX_PROGRAM = 20
CUE_WINDOW = 8
THRESHOLD = 2
_RANK = re.compile(r"(?:第[一二三四五六七八九十\d]+批|首批|[一二三四五六七八九十\d]*星级|国家级|省级|市级|县级|区级)")
# Verbs that give a rank or title to something (评为, 列为): they end a name on its left.
_DESIGNATIONS = {"评为", "列为", "成为", "作为", "命名", "授予", "确定", "认定", "获评", "荣获"}


class ProgramRecognizer:
    kind = "program"

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.cues = lex.program_cues
        self.strong = lex.strong_program_cues
        self.verbs = lex.implement_verbs
        self.slogans = lex.slogan_words
        self.cue_words = Vocabulary(self.cues)
        self.cue_set, self.strong_set = frozenset(self.cues), frozenset(self.strong)
        self.verb_words = Vocabulary(self.verbs)
        self.slogan_vocab = Vocabulary(self.slogans)

    def find(self, view: SentenceView) -> list[Candidate]:
        """Tentative programs: ``settle`` keeps those the whole document supports."""
        out = self._quoted(view) + self._spaced(view)
        covered = [(c.start, c.end) for c in out]
        for c in self._cued(view):
            if not any(overlaps(s, e, c.start, c.end) for s, e in covered):
                out.append(c)
        view.candidates.extend(out)
        return out

    def _quoted(self, view: SentenceView) -> list[Candidate]:
        text = view.text
        out = []
        i = 0
        while True:
            m = _OPENING_QUOTE.search(text, i)
            if m is None:
                break
            i = m.start()
            j = text.find(QUOTES[text[i]], i + 1)
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
        chunks = list(re.finditer(r"[^ ]+", text))
        out: list[Candidate] = []
        for i in range(0, len(chunks) - 1):
            # A name may itself hold a stray space (模范机关 最强支部): try runs of
            # chunks, none of which may hold a function word or open with a verb,
            # and keep the run the context supports best (shorter on a tie).
            best: tuple[int, Candidate] | None = None
            for n in (1, 2, 3):
                if i + n > len(chunks) - 1:
                    break
                run = chunks[i:i + n]
                words = [m.group(0) for m in run]
                if any(c in "的是和以等在与及对" for w in words for c in w) or \
                        any(words[0].startswith(v) for v in self.verbs):
                    continue
                if n > 1 and any(len(w) > 7 or any(w.endswith(v) for v in self.verbs) for w in words):
                    continue
                phrase = text[run[0].start():run[-1].end()]
                if not all(is_cjk(c) or c in "+· " or c.isdigit() for c in phrase):
                    continue
                cand = self._judge(view, run[0].start(), run[-1].end(), run[-1].end() + 1, quoted=False)
                if cand is None:
                    continue
                sig = _signals(cand)
                if not (sig.get("cue") or sig.get("shape")):
                    continue
                score = sum(sig.values())
                if best is None or score > best[0]:
                    best = (score, cand)
            if best is not None:
                cand = best[1]
                if not any(o.start <= cand.start and cand.end <= o.end for o in out):
                    out = [o for o in out if not (cand.start <= o.start and o.end <= cand.end)]
                    out.append(cand)
        return out

    def _judge(self, view: SentenceView, i: int, j: int, after: int, quoted: bool) -> Candidate | None:
        """A tentative program with the signals for and against it; ``settle`` decides."""
        text = view.text
        inner = text[i:j]
        name = normalize_name(inner)
        if not 2 <= len(name) <= MAX_PROGRAM or any(c in _CLAUSE_CHARS for c in inner):
            return None
        if not all(is_cjk(c) or c in "+·、 " or c.isalnum() for c in inner):
            return None
        if name in self.cue_words or (self.cue_words.ends_at(name, len(name)) and
                                      name[:len(name) - len(self.cue_words.ends_at(name, len(name)))] in self.cue_words):
            return None
        signals: dict[str, int] = {}
        cue, cue_end, gap = self._cue_after(view, after)
        # A cue ending the phrase itself counts when quotes mark the phrase as a
        # name, or when the cue is one that names programs on its own (服务圈).
        cues = self.cue_set if quoted else self.strong_set
        own_cue = any(name[k:] in cues for k in range(2, len(name)))
        if own_cue or (cue and gap == 0):
            signals["cue"] = 2
        elif cue:
            signals["cue"] = 1  # “三下乡”社会实践活动: the cue is a few words away
        if self._verb_before(text, i - (1 if quoted else 0)):
            signals["verb"] = 1
        if _FORMULA.search(name) or _NUMERAL.match(name) and len(name) <= 6 or "+" in name or "·" in name:
            signals["shape"] = 1
        if self.slogan_vocab.ends_at(name, len(name)):
            signals["slogan"] = -2
        if "、" in inner and not cue:
            signals["list"] = -2
        start, end = i, j
        alias = ""
        if cue and (name.isdigit() or len(name) <= 2):
            # A bare number or a single word names the program only with its cue: “126”实践体系.
            name = "".join(c for c in name + normalize_name(text[after:cue_end]) if c not in QUOTE_CHARS)
            end = cue_end
        elif cue and gap < 6:
            alias = name + normalize_name(text[after:cue_end])
        name = name.strip("“”\"‘’「」『』")
        alias = "".join(c for c in alias if c not in "“”\"‘’「」『』")
        cand = Candidate(start, end, PROGRAM, name, source="quoted" if quoted else "spaced")
        cand.attrs["signals"] = ",".join(f"{k}:{v}" for k, v in sorted(signals.items()))
        if alias:
            cand.attrs["alias"] = alias
        return cand

    def _cue_after(self, view: SentenceView, k: int) -> tuple[str, int, int]:
        """A cue noun within a few characters after position ``k`` (skipping other quoted items and 等)."""
        text = view.text
        limit = min(len(text), k + CUE_WINDOW + 4)
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
        window = text[p:min(len(text), p + CUE_WINDOW)]
        for j in range(1, len(window) + 1):
            if window[j - 1] in PUNCT or window[j - 1] in "的了":
                break
            cue = self.cue_words.ends_at(window, j)
            if cue is not None:
                return cue, p + j, j - len(cue)
        return "", k, 0

    def _verb_before(self, text: str, i: int) -> bool:
        before = text[max(0, i - 6):i].rstrip()
        return self.verb_words.ends_at(before, len(before)) is not None

    def _cued(self, view: SentenceView) -> list[Candidate]:
        """Unquoted names ending in a strong cue: 新时代党建引领基层治理示范区, 15分钟服务圈."""
        text = view.text
        out = []
        for cue in self.strong:
            p = text.find(cue)
            while p >= 0:
                end = p + len(cue)
                start = self._left_boundary(view, p)
                rank = _RANK.match(text, start)
                if rank and rank.end() < p:
                    start = rank.end()  # 四星级一刻钟便民生活圈: the rank is not part of the name
                name = normalize_name(text[start:end])
                if len(name) - len(cue) >= 2 and len(name) <= MAX_PROGRAM and not view.covered(start, end):
                    out.append(Candidate(start, end, PROGRAM, name, source="cue", attrs={"signals": "cue:2"}))
                p = text.find(cue, p + 1)
        return out

    def _left_boundary(self, view: SentenceView, p: int) -> int:
        text = view.text
        k = p
        while k > 0 and p - k < MAX_PROGRAM:
            c = text[k - 1]
            if c == " " and k > 1 and (is_cjk(text[k - 2]) or text[k - 2].isdigit()):
                k -= 1  # 15分钟 服务圈: a stray space inside the name
                continue
            if c in PUNCT or c in "等和与及的" or not (is_cjk(c) or c.isdigit()):
                break
            if self.verb_words.ends_at(text, k) is not None:
                break
            ent = view.candidate_ending_at(k, PLACE_TYPES + (ORGANIZATION,))
            if ent is not None:
                break
            tok = view.tokens[view.token_at[k - 1]]
            if tok.flag in ("m", "q", "mq", "r") and k - tok.start <= 2 and text[tok.start:k] in ("一批", "一个", "一些", "各", "全", "该", "本"):
                break
            if text[max(0, k - 2):k] in _DESIGNATIONS or text[k - 1] == "批":
                break  # 评为四星级…生活圈, 第一批…: a rank, not part of the name
            k -= 1
        return k


def _signals(c: Candidate) -> dict[str, int]:
    out = {}
    for part in c.attrs.get("signals", "").split(","):
        if part:
            k, v = part.split(":")
            out[k] = int(v)
    return out


def settle(views: list[SentenceView]) -> None:
    """Keep the programs that the document as a whole supports.

    The signals of every occurrence of a name are pooled (the strongest of
    each kind), and a name quoted more than once earns one more point: 红色物业
    is quoted five times, after 打造 and before 基层治理模式.
    """
    pooled: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}
    for v in views:
        for c in v.candidates:
            if c.type != PROGRAM:
                continue
            sig = pooled.setdefault(c.name, {})
            for k, val in _signals(c).items():
                sig[k] = max(sig.get(k, val), val) if val > 0 else min(sig.get(k, val), val)
            counts[c.name] = counts.get(c.name, 0) + 1
    accepted = {name for name, sig in pooled.items()
                if sum(sig.values()) + (1 if counts[name] >= 2 else 0) >= THRESHOLD}
    for v in views:
        v.candidates[:] = [c for c in v.candidates if c.type != PROGRAM or c.name in accepted]
