"""What the generators share: character classes of names, the dictionary, word lookups."""
from __future__ import annotations

import re

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.extract.segment import dictionary
from kg.extract.thresholds import THRESHOLDS
from kg.text import CJK_CLASS, is_cjk  # noqa: F401 - is_cjk is shared by the recognizers

# A doctrine named after a person (邓小平理论, 毛泽东思想, 马克思主义): the name is its first part.
EPONYM_ENDINGS = ("主义", "思想", "理论", "学说")
EPONYM = re.compile(f"^([{CJK_CLASS}]{{2,4}})({'|'.join(EPONYM_ENDINGS)})$")

# Flags of jieba's tag set that can be part of a proper name or a name-like noun.
NOMINAL_FLAGS = {"n", "nr", "nr1", "nr2", "nrj", "nrf", "nrfg", "nrt", "ns", "nsf", "nt", "nz", "nl",
                 "ng", "j", "x", "eng", "an", "vn", "s", "b"}
# Single characters that end a name on their right (function words, verbs of saying).
FUNCTION_CHARS = set("的了在和与及等说对为是也都将把被从向到以于则又还便即曾已正并而或就让给由着过上下中里内外")
# Function characters that never stand inside a name; 上, 中, 里 or 东 may (中国科学院, 幸福里).
CLAUSE_CHARS = FUNCTION_CHARS - set("上下中里内外")
# Prepositions the tagger glues to the name after them (由善智, 以镇).
GLUED_PREPOSITIONS = set("由在向对把被将从到于为以让给")
# Determiners that open a phrase, never a name (各乡镇, 所辖村, 该小区).
DETERMINERS = set("各全该本我每其所此这那诸")
# Words of quantity that, like a determiner, open a phrase about many places or bodies (众多社区, 部分村).
QUANTIFIERS = ("众多", "许多", "很多", "诸多", "若干", "一些", "部分", "不少", "多个", "个别", "大量", "少数", "多数")
# The Youth League's name before a committee named by its place (共青团蛟河市委).
YOUTH_LEAGUE = "共青团"
# The suffix of a new area (滨海新区, 浦东新区), a county-level division, which its organs write as their level
# (新区人大常委会) and its party committee keeps before 区委 (滨海新区区委).
NEW_AREA = "新区"
# The party's short name, which a body of the party or a post in it may be written with (中共东营市委).
THE_PARTY = "中共"
QUOTE_CHARS = set("“”\"‘’「」『』")
PUNCT = set(",，。.!！?？;；:：、()（）《》〈〉<>“”\"‘’'「」『』【】[]…—-~·/|\\ \t")


# The characters that name a level of government before a body or place (县委, 镇政府, 县镇村).
LEVEL_PREFIXES = "省市州盟县区镇乡村旗"

# Quotation marks and titles, each with its closing mark.
QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’", "《": "》"}

# Words that end a media outlet's name (黑龙江日报, 东北网, 央视新闻).
# The term of a congress or conference (十三届, 第十三届), and the same at the end of a stretch of text.
TERM = re.compile(r"第?[一二三四五六七八九十百零\d]+届")
TERM_AT_THE_END = re.compile(TERM.pattern + "$")
MEDIA_ENDINGS = ("日报", "晚报", "早报", "时报", "都市报", "商报", "报", "网", "网站", "新闻", "频道", "电视台",
                  "广播电台", "广播", "之声", "客户端", "融媒", "融媒体中心", "新闻网", "报社", "杂志", "周刊", "在线", "传媒", "报道",
                 "发布")


class CuedPattern:
    """A pattern and the words of which every match holds one: a text that holds none is not scanned.

    A pattern that opens with a class of characters is tried at every
    position of a sentence; most sentences hold none of the words its matches
    need (男 or 女 of a biography, 岁的 of an age), and looking for those
    costs far less.

    >>> age = CuedPattern(r"\\d+岁的", ("岁的",))
    >>> [m.group() for m in age.finditer("23岁的秦娇娇")], age.search("秦娇娇")
    (['23岁的'], None)
    """

    __slots__ = ("pattern", "cues")

    def __init__(self, pattern: str, cues: tuple[str, ...]) -> None:
        self.pattern = re.compile(pattern)
        self.cues = cues

    def finditer(self, text: str):
        for cue in self.cues:
            if cue in text:
                return self.pattern.finditer(text)
        return iter(())

    def search(self, text: str) -> re.Match | None:
        for cue in self.cues:
            if cue in text:
                return self.pattern.search(text)
        return None


class BackendUnavailable(RuntimeError):
    """An optional recognizer backend is not installed; ``str()`` is the one-line fix."""


def normalize_name(s: str) -> str:
    """The name of a span: the repaired text without spaces."""
    return "".join(s.split())


def word_info(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of ``word`` in jieba's dictionary, or None."""
    return dictionary().get(word)


def is_common_word(word: str, min_freq: int = THRESHOLDS.dictionary_word,
                   exclude_flags: tuple[str, ...] = ("nr", "ns", "nt", "nz")) -> bool:
    info = dictionary().get(word)
    return bool(info and info[0] >= min_freq and not info[1].startswith(exclude_flags))


class Vocabulary:
    """A set of words with fast lookups at a position of a text.

    Scanning a sentence once per word of a long list is slow; looking up the
    few possible lengths at a position is not, and one pass of an Aho-Corasick
    automaton finds every word of the list at once.

    >>> v = Vocabulary(["书记", "副书记", "部长"])
    >>> v.ends_at("市委副书记", 5)
    '副书记'
    >>> [w for _, _, w in v.occurrences("组织部部长")]
    ['部长']
    """

    def __init__(self, words) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        self.last_chars = frozenset(w[-1] for w in self.words)
        self.first_chars = frozenset(w[0] for w in self.words)
        self._patterns: list[str] = []
        self._automaton: AhoCorasick | None = None

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __iter__(self):
        return iter(self.words)

    def starts_at(self, text: str, i: int, min_len: int = 1) -> str | None:
        """The longest word that starts at ``i``."""
        if i >= len(text) or text[i] not in self.first_chars:
            return None
        for n in self.lengths:
            if n >= min_len and i + n <= len(text) and text[i:i + n] in self.words:
                return text[i:i + n]
        return None

    def ends_at(self, text: str, j: int, min_len: int = 1) -> str | None:
        """The longest word that ends at ``j``."""
        if j <= 0 or text[j - 1] not in self.last_chars:
            return None
        for n in self.lengths:
            if n >= min_len and n <= j and text[j - n:j] in self.words:
                return text[j - n:j]
        return None

    def occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """Every occurrence of every word, overlapping ones included, by end then longest."""
        if not self.words:
            return []
        if self._automaton is None:
            self._patterns = sorted(self.words)
            self._automaton = AhoCorasick(self._patterns, matchkind=MatchKind.Standard)
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        found.sort(key=lambda m: (m[2], m[1]))
        words = self._patterns
        return [(i, j, words[k]) for k, i, j in found]

# Kinds of body named by the task they are set up for (乡村振兴工作队, 脱贫攻坚工作队, 防汛指挥部).
MISSION_SUFFIXES = ("工作队", "工作组", "指挥部", "指挥中心", "专班", "突击队", "巡察组", "巡视组", "督导组", "督察组")


# 家 (family) after a surname, then a character for the kind of land a family's hamlet is named by (陈家湾, 王家坪).
_HAMLET_LAND = frozenset("湾坪沟岭坝营堡屯寨庄坡洼峪塬梁台河滩桥铺店集圩垸洲")


def is_familys_hamlet(name: str, surnames: frozenset[str]) -> bool:
    """兴隆场村陈家湾: a surname, 家 and a kind of land name the hamlet a family settled, not a person or an estate."""
    return len(name) == 3 and name[0] in surnames and name[1] == "家" and name[2] in _HAMLET_LAND
