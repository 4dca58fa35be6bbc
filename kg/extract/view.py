"""One sentence as the generators see it: its words and tags, and every word-list match, found once.

A :class:`SentenceView` never changes after it is made. What earlier stages
accepted reaches later ones as a :class:`Found`, an immutable index with the
lookups the generators need (what ends here, what covers this span).
"""
from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter, itemgetter

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.extract.candidate import Candidate
from kg.extract.segment import Token
from kg.model import Sentence
from kg.text import overlaps

__all__ = ["WordLists", "SentenceView", "Found"]


class WordLists:
    """Named word lists matched together: one automaton, one pass over a sentence for all of them.

    >>> lists = WordLists({"titles": ["书记", "副书记"], "bodies": ["市委"]})
    >>> [(i, j, w) for i, j, w in lists.scan("市委副书记")["titles"]]
    [(2, 5, '副书记'), (3, 5, '书记')]
    """

    def __init__(self, lists: dict[str, object]) -> None:
        self.lists = {name: frozenset(w for w in words if w) for name, words in lists.items()}
        membership: dict[str, list[str]] = {}
        for name, words in self.lists.items():
            for w in words:
                membership.setdefault(w, []).append(name)
        self._patterns = sorted(membership)
        self._names = [tuple(membership[w]) for w in self._patterns]
        self._automaton = AhoCorasick(self._patterns, matchkind=MatchKind.Standard) if self._patterns else None

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]

    def scan(self, text: str) -> dict[str, list[tuple[int, int, str]]]:
        """Every occurrence of every word, by list; each list ordered by end, then longest first.

        A list with no occurrence gets the one shared empty tuple: most lists
        have none in most sentences.
        """
        found: dict[str, list[tuple[int, int, str]]] = dict.fromkeys(self.lists, ())
        if self._automaton is None or not text:
            return found
        patterns, names = self._patterns, self._names
        for k, i, j in self._automaton.find_matches_as_indexes(text, overlapping=True):
            hit = (i, j, patterns[k])
            for name in names[k]:
                hits = found[name]
                if hits:
                    hits.append(hit)
                else:
                    found[name] = [hit]
        for hits in found.values():
            if len(hits) > 1:
                # Already so from the automaton (matches by end, the longest first); sorting a sorted list is cheap.
                hits.sort(key=_end_then_start)
        return found


class SentenceView:
    """A repaired sentence with its tokens and its word-list matches."""

    __slots__ = ("sentence", "text", "tokens", "token_at", "hits", "_ends", "_starts", "_people")

    def __init__(self, sentence: Sentence, tokens: list[Token], lists: WordLists) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.tokens = tokens
        token_at: list[int] = []
        for i, t in enumerate(tokens):
            token_at += [i] * (t.end - t.start)
        self.token_at = token_at[:len(self.text)]
        self.hits = lists.scan(self.text)
        self._ends: dict[str, dict[int, list[str]]] = {}
        self._starts: dict[str, dict[int, list[str]]] = {}
        self._people: list[tuple[int, Token]] | None = None

    # -- tokens ------------------------------------------------------------
    def person_tokens(self) -> list[tuple[int, Token]]:
        """The tokens the tagger reads as a person's name (nr, nrfg …), with their index: several
        generators look at these and at no other."""
        if self._people is None:
            self._people = [(i, t) for i, t in enumerate(self.tokens) if t.flag[:2] == "nr"]
        return self._people

    def token(self, i: int) -> Token:
        """The token holding character ``i``."""
        return self.tokens[self.token_at[i]]

    def token_before(self, i: int) -> Token | None:
        """The token holding character ``i - 1``, if any."""
        return self.tokens[self.token_at[i - 1]] if 0 < i <= len(self.token_at) else None

    def starts_token(self, i: int) -> bool:
        return i <= 0 or i >= len(self.text) or self.tokens[self.token_at[i]].start == i

    def ends_token(self, i: int) -> bool:
        return i >= len(self.text) or i <= 0 or self.tokens[self.token_at[i - 1]].end == i

    # -- word lists ----------------------------------------------------------
    def ending_at(self, list_name: str, j: int) -> str | None:
        """The longest word of the list that ends at ``j``."""
        words = self._index(self._ends, list_name, end=True).get(j)
        return words[0] if words else None

    def starting_at(self, list_name: str, i: int) -> str | None:
        """The longest word of the list that starts at ``i``."""
        words = self._index(self._starts, list_name, end=False).get(i)
        return words[0] if words else None

    def _index(self, cache: dict, list_name: str, end: bool) -> dict[int, list[str]]:
        index = cache.get(list_name)
        if index is None:
            index = {}
            for i, j, w in self.hits[list_name]:
                index.setdefault(j if end else i, []).append(w)
            for words in index.values():
                words.sort(key=len, reverse=True)
            cache[list_name] = index
        return index


class Found:
    """The candidates earlier stages kept in one sentence, with the lookups generators need.

    Made for every sentence at every stage, so it is a plain slotted class,
    read-only by convention: a frozen dataclass costs more to make than most
    lookups cost to run.
    """

    __slots__ = ("items", "_by_end", "_starts")

    def __init__(self, items: tuple[Candidate, ...] = (), by_end: dict | None = None,
                 starts: tuple[int, ...] = ()) -> None:
        self.items = items
        self._by_end = by_end if by_end is not None else {}
        self._starts = starts

    def __repr__(self) -> str:
        return f"Found({self.items!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Found) and self.items == other.items

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def of(cls, items) -> "Found":
        if not items:
            return _NOTHING_FOUND
        ordered = tuple(sorted(items, key=_span_key))
        by_end: dict[int, list[Candidate]] = {}
        for c in ordered:
            by_end.setdefault(c.end, []).append(c)
        return cls(ordered, by_end, tuple(c.start for c in ordered))

    def plus(self, more) -> "Found":
        return Found.of(self.items + tuple(more)) if more else self

    def ending_at(self, j: int, types: tuple[str, ...] | None = None) -> Candidate | None:
        """The longest candidate of ``types`` that ends at ``j``."""
        best = None
        for c in self._by_end.get(j, ()):
            if (types is None or c.type in types) and (best is None or c.start < best.start):
                best = c
        return best

    def starting_at(self, i: int, types: tuple[str, ...] | None = None) -> list[Candidate]:
        k = bisect_right(self._starts, i - 1)
        out = []
        while k < len(self.items) and self.items[k].start == i:
            if types is None or self.items[k].type in types:
                out.append(self.items[k])
            k += 1
        return out

    def overlapping(self, i: int, j: int, types: tuple[str, ...] | None = None) -> list[Candidate]:
        return [c for c in self.items if overlaps(c.start, c.end, i, j) and (types is None or c.type in types)]

    def inside(self, i: int, j: int, types: tuple[str, ...] | None = None) -> list[Candidate]:
        """The candidates lying within [i, j)."""
        return [c for c in self.items if i <= c.start and c.end <= j and (types is None or c.type in types)]

    def covers(self, i: int, j: int, types: tuple[str, ...] | None = None) -> bool:
        return any(c.start <= i and j <= c.end and (types is None or c.type in types) for c in self.items)

    def of_type(self, types: tuple[str, ...]) -> list[Candidate]:
        return [c for c in self.items if c.type in types]


_span_key = attrgetter("start", "end")
_end_then_start = itemgetter(1, 0)
_NOTHING_FOUND = Found()
