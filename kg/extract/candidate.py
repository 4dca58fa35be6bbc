"""What a generator proposes: a typed span of one sentence and the cues behind it.

Candidates are values: a step that changes one (a boundary moved, a post
attached) makes a new one with ``dataclasses.replace``. Offsets are into the
repaired sentence text (``SentenceView.text``); :func:`kg.extract.to_mention`
maps them to the original document.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kg.model import COARSE_TYPE, Post

__all__ = ["Candidate", "Post", "coarse", "with_signal", "LISTED", "COINED_OPENING"]

# The signal of a place read as an item of a list of places of its kind: the list bounds its name.
LISTED = "listed"
# The signal of a place whose name opens with a word the tagger coined and read as a verb (接官/v 亭村).
COINED_OPENING = "coined-opening"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    type: str
    name: str
    source: str                        # the generator that proposed it
    signals: tuple[str, ...] = ()      # further cues for it (a quote, a cue word, a verb before it)
    code: str = ""                     # division code, when one division has the name
    codes: tuple[str, ...] = ()        # every division code the name may stand for
    parent: str = ""                   # the place written right before it
    level: str = ""                    # a bare level prefix of a body (市 of 市委)
    ref: str = ""                      # 该 or 我 before the level
    place: str = ""                    # the place a body is named after
    located: str = ""                  # a place written before a body as its address
    short: str = ""                    # the short form written, when the name is a division's full name
    alias: str = ""                    # another form of the name in the text
    posts: tuple[Post, ...] = ()       # the posts written with a person's name
    member_of: str = ""                # a body written right before a person's name
    role: str = ""                     # the byline role of a person named by the paper (记者, 通讯员)
    weak: bool = False                 # a place whose suffix only hints at a place (湾, 园)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def length(self) -> int:
        return self.end - self.start

    def moved(self, start: int, name: str) -> "Candidate":
        """The same candidate starting at ``start`` with name ``name``."""
        return dataclasses.replace(self, start=start, name=name)


def coarse(kind: str) -> str:
    """PER, PLACE, ORG or PROGRAM.

    >>> coarse("Township"), coarse("Organization")
    ('PLACE', 'ORG')
    """
    return COARSE_TYPE.get(kind, kind)


def with_signal(c: Candidate, signal: str) -> Candidate:
    return c if signal in c.signals else dataclasses.replace(c, signals=c.signals + (signal,))
