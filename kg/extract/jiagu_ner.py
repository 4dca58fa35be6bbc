"""Persons, places and organizations found by Jiagu (the optional ``--ner jiagu`` backend).

Jiagu segments a text with its own model and tags the words with a
perceptron whose weights ship inside its PyPI package: it is pure Python,
runs offline and needs no deep-learning framework.  Its word-level BIO tags
(``B-PER``, ``I-ORG`` ...) are turned into the same :class:`~kg.model.Mention`
objects as the LAC backend's, so the rules use either in the same way.
"""
from __future__ import annotations

import threading
from typing import Mapping, Sequence

from kg.extract.base import BackendUnavailable
from kg.extract.lac import LABEL_TYPE, Span, sentence_mentions, strip_stray_spaces
from kg.model import Mention, Sentence

SOURCE = "jiagu"
INSTALL_HINT = "the jiagu backend needs Jiagu: pip install 'kg[jiagu]' (or: pip install jiagu==0.2.3)"

_load_lock = threading.Lock()
_jiagu = None


def load_jiagu():
    """The jiagu module with its models loaded; raises :class:`BackendUnavailable` when not installed."""
    global _jiagu
    with _load_lock:
        if _jiagu is None:
            try:
                import jiagu
            except ImportError as exc:
                raise BackendUnavailable(INSTALL_HINT) from exc
            jiagu.ner(jiagu.seg("载入"))   # loads the segmenter's and the tagger's models now
            _jiagu = jiagu
    return _jiagu


def bio_spans(text: str, words: Sequence[str], tags: Sequence[str]) -> list[Span]:
    """Spans of the BIO-tagged words of ``text`` (the words concatenate back to it)."""
    bounds = []
    pos = 0
    for w in words:
        found = text.find(w, pos)
        pos = found if found >= 0 else pos
        bounds.append((pos, pos + len(w)))
        pos += len(w)
    spans = []
    i = 0
    while i < len(tags):
        label = tags[i][2:]
        if not tags[i].startswith("B-") or label not in LABEL_TYPE:
            i += 1
            continue
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        a, b = bounds[i][0], bounds[j - 1][1]
        spans.append(Span(a, b, label, text[a:b]))
        i = j
    return spans


class JiaguRecognizer:
    """The names Jiagu tags in each sentence, with offsets into the document."""

    name = SOURCE

    def __init__(self) -> None:
        self._jiagu = load_jiagu()

    def spans(self, text: str) -> list[Span]:
        """Entity spans of a plain text, as offsets into that text."""
        cleaned, index = strip_stray_spaces(text)
        if not cleaned.strip():
            return []
        words = self._jiagu.seg(cleaned)
        tags = self._jiagu.ner(words) if words else []
        return [Span(index[s.start], index[s.end - 1] + 1, s.label, s.text)
                for s in bio_spans(cleaned, words, tags)]

    def find_batch(self, sentences: Sequence[Sentence],
                   doc_text: str | Mapping[str, str] | None = None) -> list[list[Mention]]:
        """Mentions in each sentence, as :meth:`kg.extract.lac.LacRecognizer.find_batch` gives them."""
        return [sentence_mentions(sentence, self.spans(sentence.text), doc_text, SOURCE) for sentence in sentences]
