"""The plain data passed between pipeline stages.

Offsets (``start``/``end``) always point into ``Document.text``, the text as
decoded from the file, so every node and edge can be traced back to the exact
characters it came from, whatever the cleaner repaired.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

# The fine entity types, in the order the outputs list them.
PERSON = "Person"
COUNTRY = "Country"
PROVINCE = "Province"
CITY = "City"
COUNTY = "County"
TOWNSHIP = "Township"
VILLAGE = "Village"
COMMUNITY = "Community"
ESTATE = "Estate"
ORGANIZATION = "Organization"
PROGRAM = "Program"
# Scored as a place by ``kg eval`` (gold files name countries); no recognizer proposes it yet.
COUNTRY = "Country"

PLACE_TYPES = (COUNTRY, PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE, COMMUNITY, ESTATE)
ENTITY_TYPES = (PERSON, *PLACE_TYPES, ORGANIZATION, PROGRAM)

# Depth of each place type in the administrative hierarchy (smaller = larger area).
PLACE_LEVEL = {t: i for i, t in enumerate(PLACE_TYPES)}

COARSE_TYPE = {PERSON: "PER", ORGANIZATION: "ORG", PROGRAM: "PROGRAM", COUNTRY: "PLACE",
               **{t: "PLACE" for t in PLACE_TYPES}}

# What a person named in a byline or a masthead does for the paper (kg:role).
REPORTER = "reporter"
CORRESPONDENT = "correspondent"
PHOTOGRAPHER = "photographer"
EDITOR = "editor"
AUTHOR = "author"
PRESS_ROLES = (REPORTER, CORRESPONDENT, PHOTOGRAPHER, EDITOR, AUTHOR)

# Relation kinds.
HOLDS_POST = "holdsPost"
MEMBER_OF = "memberOf"
LOCATED_IN = "locatedIn"
IMPLEMENTS = "implements"
COOCCURS = "cooccursWith"
RELATION_KINDS = (HOLDS_POST, MEMBER_OF, LOCATED_IN, IMPLEMENTS)

# Kinds of personnel event (kg/lexicon/event_cues.tsv gives the words for each).
APPOINTED = "appointed"
ELECTED = "elected"
NOMINATED = "nominated"
TRANSFERRED = "transferred"
SECONDED = "seconded"
REMOVED = "removed"
RESIGNED = "resigned"
RETIRED = "retired"
STARTING_EVENTS = (APPOINTED, ELECTED, TRANSFERRED, SECONDED)
ENDING_EVENTS = (REMOVED, RESIGNED, RETIRED)
EVENT_KINDS = (*STARTING_EVENTS, NOMINATED, *ENDING_EVENTS)


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded; or one story of it.

    A story shares its file's ``text`` and reads only ``text[start:end]``, so
    every offset of its sentences and mentions is an offset into the file.
    """
    id: str          # stable identifier: the path relative to the corpus root (+ "#story-N" for a story)
    path: str        # the path as the user gave it (or as found under a folder)
    text: str        # the decoded text of the whole file (converted to simplified script if it was traditional)
    encoding: str = "utf-8"
    original: str = ""   # the text as decoded, when ``text`` is its conversion to simplified script
    file_id: str = ""    # id of the file (or part of a huge file) this is a story of; "" when it is the file
    start: int = 0       # the story's span in ``text``
    end: int = -1        # -1: to the end of ``text``

    @property
    def file(self) -> str:
        """The id of the file this document was read from."""
        return self.file_id or self.id

    @property
    def stop(self) -> int:
        return len(self.text) if self.end < 0 else self.end

    @property
    def as_written(self) -> str:
        """The file's text as decoded, before any conversion of script: what offsets select in the file."""
        return self.original or self.text


class Offsets:
    """An increasing sequence of ints stored as runs of consecutive values.

    Each sentence maps every character back to the original text; those
    positions are consecutive except where the cleaner joined lines or dropped
    a space, so a sentence needs a run or two instead of one int object a
    character (36 bytes each), which dominated the memory and cache size of a
    large build.

    >>> o = Offsets.of([3, 4, 5, 9, 10])
    >>> list(o), o[3], o[-1], len(o), o == (3, 4, 5, 9, 10)
    ([3, 4, 5, 9, 10], 9, 10, 5, True)
    """
    __slots__ = ("_starts", "_bases", "_n")

    def __init__(self, starts: tuple[int, ...] | None, bases: tuple[int, ...] | int, n: int) -> None:
        # Most sentences are one run: then ``starts`` is None and ``bases`` an int.
        self._starts = starts   # index where each run begins
        self._bases = bases     # value - index, constant inside a run
        self._n = n

    @classmethod
    def of(cls, values) -> "Offsets":
        values = list(values)
        n = len(values)
        starts: list[int] = []
        bases: list[int] = []
        # Halve a slice until it is one run; the accepted slices partition the
        # list, so the exact checks (done in C) cost one pass in all.
        stack = [(0, n)] if n else []
        while stack:
            i, j = stack.pop()
            first = values[i]
            if values[j - 1] - first == j - 1 - i and values[i:j] == list(range(first, first + j - i)):
                if bases and bases[-1] == values[i] - i:
                    continue
                starts.append(i)
                bases.append(values[i] - i)
                continue
            mid = (i + j) // 2
            stack.append((mid, j))
            stack.append((i, mid))
        if len(starts) == 1:
            return cls(None, bases[0], n)
        return cls(tuple(starts), tuple(bases), n)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(self._n)))
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("offset index out of range")
        if self._starts is None:
            return i + self._bases
        return i + self._bases[bisect_right(self._starts, i) - 1]

    def __iter__(self):
        if self._starts is None:
            return iter(range(self._bases, self._bases + self._n))
        return self._runs()

    def _runs(self):
        bounds = self._starts[1:] + (self._n,)
        for start, stop, base in zip(self._starts, bounds, self._bases):
            yield from range(start + base, stop + base)

    def __eq__(self, other) -> bool:
        if isinstance(other, Offsets):
            return (self._n, self._starts, self._bases) == (other._n, other._starts, other._bases)
        if isinstance(other, (tuple, list)):
            return len(other) == self._n and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._n, self._starts, self._bases))

    def __repr__(self) -> str:
        return f"Offsets.of({list(self)!r})"

    def runs(self) -> list:
        """The runs as plain data, for storing: ``[starts or None, bases, n]``.

        >>> Offsets.from_runs(Offsets.of([3, 4, 9]).runs()) == (3, 4, 9)
        True
        """
        return [None if self._starts is None else list(self._starts),
                self._bases if self._starts is None else list(self._bases), self._n]

    @classmethod
    def from_runs(cls, runs) -> "Offsets":
        """The offsets stored by :meth:`runs`; ``ValueError`` when they are not such data."""
        if not isinstance(runs, (list, tuple)) or len(runs) != 3:
            raise ValueError("offsets must be [starts, bases, n]")
        starts, bases, n = runs
        if not _is_int(n) or n < 0:
            raise ValueError("offsets length must be a non-negative int")
        if starts is None:
            if not _is_int(bases):
                raise ValueError("offsets base must be an int")
            return cls(None, bases, n)
        if not (isinstance(starts, (list, tuple)) and isinstance(bases, (list, tuple)) and len(starts) == len(bases)
                and starts and all(map(_is_int, starts)) and all(map(_is_int, bases))
                and list(starts) == sorted(starts) and starts[0] == 0 and starts[-1] < max(n, 1)):
            raise ValueError("offset runs must be increasing ints of equal number")
        return cls(tuple(starts), tuple(bases), n)


def _is_int(x) -> bool:
    return type(x) is int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of repaired text with a map back to the original."""
    doc_id: str
    index: int                 # position in the document, from 0
    text: str                  # repaired text (spaces inside words removed, lines joined)
    offsets: Offsets           # offsets[i] = position in Document.text of text[i]
    paragraph: int = 0

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-text offsets of the repaired slice text[i:j]."""
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """One article (a story of a page, or a whole file) as sentences, with what is known about it."""
    document: Document
    sentences: tuple[Sentence, ...]
    title: str = ""             # the headline, OCR spaces repaired
    date: str = ""              # publication date (YYYY-MM-DD, YYYY-MM or YYYY) when known
    dropped_duplicates: int = 0  # paragraphs removed because they were printed twice
    newspaper: str = ""         # the paper that published it (运城晚报), when known
    area: str = ""              # division code of the area its paper serves (from the name, or its page's places)
    headlines: tuple[str, ...] = ()   # every line of its headline block (kicker, title, subtitles)
    url: str = ""               # where it was published, from the user's metadata
    variables: tuple[tuple[str, str], ...] = ()   # further columns of the user's metadata, by name


@dataclass(frozen=True, slots=True)
class Post:
    """A post written with a person's name: the title as written and the body it belongs to."""
    label: str                 # 市委副书记, 碧水湾社区党支部书记
    body: str = ""             # the name of the body as the sentence names it (运城市委), "" when none


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of one sentence recognised as an entity of one type, with what the text says around it."""
    doc_id: str
    sentence: int              # Sentence.index
    start: int                 # into Document.text
    end: int
    text: str                  # Document.text[start:end], exactly
    name: str                  # the normalised surface (stray spaces removed)
    type: str                  # one of ENTITY_TYPES
    code: str = ""             # division code, for places found in the official list
    source: str = "rule"       # the generator that proposed it
    codes: tuple[str, ...] = ()    # the division codes an ambiguous name may have
    parent: str = ""           # the place written right before a place (安邑街道 of 安邑街道幸福里社区)
    level: str = ""            # a bare level prefix of a body (市 of 市委), for resolution
    ref: str = ""              # 该 or 我 before that prefix (该市, 我县)
    place: str = ""            # the place a body is named after (运城市 of 运城市委)
    located: str = ""          # a place written before a body as its address (孝义市 of 孝义市鹏飞集团)
    short: str = ""            # the short form the text wrote (运城 for 运城市)
    alias: str = ""            # another form of the name in the text (a quoted name with its cue)
    posts: tuple[Post, ...] = ()   # the posts written with a person's name
    member_of: str = ""        # a body written right before a person's name
    role: str = ""             # the role of a person named by the paper itself (记者, 通讯员, 编辑)
    signals: tuple[str, ...] = ()  # the cues that made it a name, for review
    written: str = ""          # the span in the file's own script, where it was read converted (遂寧市)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation or mention was read: a sentence and a span of the original text."""
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str = ""             # the sentence, repaired


@dataclass(slots=True)
class Entity:
    """One real-world thing, after resolution."""
    key: str                   # canonical key: the one identity used by every output
    type: str
    name: str                  # canonical name
    aliases: set[str] = field(default_factory=set)
    code: str = ""             # division code when known
    parent: str = ""           # key of the containing place, for places
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)   # PRESS_ROLES of a person named in bylines or mastheads

    @property
    def role(self) -> str:
        """The roles joined by ``|`` (as the tables join posts), "" for none."""
        return "|".join(sorted(self.roles))

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    @property
    def documents(self) -> list[str]:
        return sorted({m.doc_id for m in self.mentions})


@dataclass(slots=True)
class Relation:
    """A typed relation (or a co-occurrence) between two entities.

    For ``holdsPost`` the tail is the post as written (``市委书记``) and
    ``body`` holds the key of the organization the post belongs to, when known.
    """
    kind: str
    head: str                  # entity key
    tail: str                  # entity key, or the post label for holdsPost
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0
    pmi: float = 0.0
    body: str = ""

    @property
    def documents(self) -> list[str]:
        return sorted({e.doc_id for e in self.evidence})


@dataclass(frozen=True, slots=True)
class Merge:
    """One decision of the resolver to treat two surfaces as one entity."""
    doc_id: str                # "" for merges across documents
    kept: str                  # canonical key kept
    merged: str                # surface or key folded into it
    reason: str


@dataclass(slots=True)
class DocResult:
    """What extraction and in-document resolution yield for one document.

    This is the unit the cache stores and the worker pool returns: entities are
    already resolved inside the document, relations point at entity keys.
    """
    doc: CleanDocument
    entities: list[Entity]
    relations: list[Relation]          # typed relations and co-occurrences, by entity key
    merges: list[Merge] = field(default_factory=list)
    names: tuple[tuple[str, str], ...] = ()   # (type, name) the second pass may look for in other stories
    breaks: tuple[bytes, ...] = ()     # each sentence's token starts as a bit a character (see token_starts)


def token_starts(breaks: bytes, i: int) -> bool:
    """Whether a token starts at character ``i`` of a sentence, by its ``breaks`` bitmap.

    >>> token_starts(bytes([0b101]), 2), token_starts(bytes([0b101]), 1)
    (True, False)
    """
    return bool(breaks[i >> 3] >> (i & 7) & 1) if 0 <= i >> 3 < len(breaks) else False


def breaks_of(starts, length: int) -> bytes:
    """The bitmap of token ``starts`` in a sentence of ``length`` characters.

    >>> breaks_of([0, 2], 3)
    b'\\x05'
    """
    bits = 0
    for i in starts:
        bits |= 1 << i
    return (bits & ((2 << length) - 1)).to_bytes((length >> 3) + 1, "little")


@dataclass(frozen=True, slots=True)
class IdentityCandidate:
    """Two people of one name kept apart because nothing decides whether they are one, for review."""
    name: str
    first: str                 # the two entity keys, in order
    second: str
    why: str                   # what speaks for one person
    evidence: tuple[Evidence, ...] = ()   # a sentence of each
    refs: tuple[str, ...] = ()            # each as name@article, as the identities file names people


@dataclass(frozen=True, slots=True)
class PostFacts:
    """A post as written, normalized: its office, its body's level and place, its rank on the ladder."""
    office: str = ""           # the title without body or marks (副市长, 书记); the post itself when none is known
    grade: str = ""            # 正职, 副职 or 成员
    level: str = ""            # province, city, county, township or village: the level of the post's body
    rank: str = ""             # 正省部级 … 副乡科级, when the level and the office determine it
    acting: bool = False       # 代, 代理
    concurrent: bool = False   # 兼任
    place: str = ""            # key of the place whose body it is, when the graph has it
    place_name: str = ""
    code: str = ""             # that place's division code


@dataclass(frozen=True, slots=True)
class CareerEvent:
    """An appointment, election, nomination, transfer, removal, resignation or retirement read in a sentence.

    ``stated`` is the date the text gives (会议25日决定…), ``observed`` the
    article's; they are kept apart, and either may be empty.
    """
    kind: str                  # one of EVENT_KINDS
    person: str                # entity key
    post: str                  # the post as written
    body: str                  # key of the post's body, "" when the text names none
    cue: str                   # the word that says it (任命, 免去)
    evidence: Evidence         # the sentence, with the span of the person's name
    stated: str = ""           # YYYY-MM-DD
    observed: str = ""         # YYYY-MM-DD, YYYY-MM or YYYY
    facts: PostFacts = PostFacts()

    @property
    def id(self) -> str:
        """Stable and readable: the article, where the name starts, and the post."""
        return f"{self.evidence.doc_id}@{self.evidence.start}/{self.post}"

    @property
    def date(self) -> str:
        return self.stated or self.observed


@dataclass(slots=True)
class Spell:
    """One person in one post, from the first to the last article that shows it, with the events that bound it."""
    person: str                # entity key
    post: str                  # the fullest way the articles write it
    body: str                  # key of its body, "" when none is known
    facts: PostFacts
    forms: tuple[str, ...] = ()        # every way it is written
    first_seen: str = ""               # the earliest and latest dates of the articles that show it
    last_seen: str = ""
    start: CareerEvent | None = None   # the event that begins it, when one is read
    end: CareerEvent | None = None     # the event that ends it
    evidence: list[Evidence] = field(default_factory=list)   # every supporting mention, in order
    events: list[CareerEvent] = field(default_factory=list)  # every event read of it

    @property
    def key(self) -> tuple[str, str, str]:
        """The person, the office (acting or not) and the body, place or post it is of: what tells spells apart."""
        office = self.facts.office + ("·代理" if self.facts.acting else "")
        return self.person, office, self.body or self.facts.code or self.post

    @property
    def documents(self) -> list[str]:
        return sorted({e.doc_id for e in self.evidence})


@dataclass(slots=True)
class KnowledgeGraph:
    """The merged result of a build: what the graph stage and exporters read."""
    documents: list[CleanDocument]
    entities: dict[str, Entity]        # by key
    relations: list[Relation]          # typed relations and co-occurrences (kind == COOCCURS)
    merges: list[Merge] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    candidates: list[IdentityCandidate] = field(default_factory=list)  # undecided identities, for review
    recalled: int = 0                  # mentions the second pass found
    events: list[CareerEvent] = field(default_factory=list)   # personnel events, in article order
    spells: list[Spell] = field(default_factory=list)         # person–post spells, by person

    @property
    def sentence_count(self) -> int:
        return sum(len(d.sentences) for d in self.documents)

    def sentence(self, doc_id: str, index: int) -> Sentence | None:
        for d in self.documents:
            if d.document.id == doc_id:
                return d.sentences[index] if 0 <= index < len(d.sentences) else None
        return None
