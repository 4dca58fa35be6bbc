"""Turtle text written directly, in the form Oxigraph's serializer gives.

Making a pyoxigraph term for each of millions of triples took most of the
time of writing a large graph; formatting the text here takes a fraction of
it. The form is Oxigraph's own (``pyoxigraph.serialize`` with the same
prefixes), byte for byte, so a reader sees no difference:

- one statement a subject, its predicates joined by `` ;`` and a new line
  and a tab, the objects of one predicate by `` , ``; ``a`` for ``rdf:type``;
- an IRI as a prefixed name with the longest declared namespace whose local
  part Turtle can write (reserved characters escaped with a backslash),
  else in angle brackets;
- integers and decimals bare, other typed values as ``"…"^^datatype``,
  text quoted with the escapes of N-Triples.

``tests/test_rdf.py`` checks the bytes against pyoxigraph's.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

__all__ = ["TurtleTerms", "quoted", "local_name", "statement_writer", "write_texts", "write_turtle_text"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

# An object is (0, iri, "", "") or (1, lexical form, datatype or "", language or "").
Obj = tuple[int, str, str, str]

# PN_CHARS_U and PN_CHARS of the Turtle grammar, as character classes.
_PN_CHARS_U = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
               "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff_")
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
# Characters a local name may hold only escaped with a backslash (PN_LOCAL_ESC).
_ESCAPABLE = r"_~.\-!$&'()*+,;=/?#@%"
# A local name Turtle can write: every character plain or escapable.
_WRITABLE = re.compile(f"[{_PN_CHARS_U}:0-9{_ESCAPABLE}][{_PN_CHARS}:{_ESCAPABLE}]*")
# After the first character, these need their backslash ('.' only at the end).
_ESCAPE_INSIDE = str.maketrans({c: "\\" + c for c in "~!$&'()*+,;=/?#@%"})
_ESCAPED_NOT_SLASH = re.compile(r"[~!$&'()*+,;=?#@%]")
_ESCAPED_FIRST = frozenset("~.-!$&'()*+,;=/?#@%")
# A last segment of an IRI written as it stands wherever it falls in a local name: it starts as a
# local name may start, holds nothing to escape and no ".".
_PLAIN_SEGMENT = re.compile(f"[{_PN_CHARS_U}:0-9][{_PN_CHARS}:]*")
# What may follow the first character of a local name.
_WRITABLE_TAIL = re.compile(f"[{_PN_CHARS}:{_ESCAPABLE}]*")

_STRING_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\\ufffe\uffff]')

# Datatypes whose values are written bare when their lexical form is Turtle's own.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+")
_BARE = {XSD + "integer": _INTEGER, XSD + "decimal": _DECIMAL, XSD + "double": _DOUBLE}
_BOOLEAN = XSD + "boolean"


def _escape_char(m: re.Match) -> str:
    c = m.group(0)
    return _STRING_ESCAPES.get(c) or f"\\u{ord(c):04X}"


def quoted(text: str) -> str:
    """``text`` as a Turtle string: in double quotes, with N-Triples escapes.

    >>> quoted('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    if _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(_escape_char, text)
    return f'"{text}"'


def _escaped_tail(value: str) -> str | None:
    """``value`` escaped as the end of a local name (after its first character), or None when Turtle cannot
    write it there."""
    if not _WRITABLE_TAIL.fullmatch(value):
        return None
    value = value.translate(_ESCAPE_INSIDE)
    return value[:-1] + "\\." if value.endswith(".") else value


def local_name(value: str) -> str | None:
    """``value`` as the local part of a prefixed name, escaped, or None when Turtle cannot write it so.

    >>> local_name("City:不来梅@德国/Country:俄罗斯"), local_name("o."), local_name("a b")
    ('City:不来梅\\\\@德国\\\\/Country:俄罗斯', 'o\\\\.', None)
    """
    if not _WRITABLE.fullmatch(value):
        return None
    first, rest = value[0], value[1:]
    if _ESCAPED_NOT_SLASH.search(rest):
        rest = rest.translate(_ESCAPE_INSIDE)
    elif "/" in rest:
        rest = rest.replace("/", "\\/")
    if first in _ESCAPED_FIRST:
        first = "\\" + first
    if rest.endswith("."):
        rest = rest[:-1] + "\\."
    return first + rest


class TurtleTerms:
    """The Turtle forms of IRIs and values under the declared ``prefixes`` (name -> namespace)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # The longest namespace first, as Oxigraph tries them.
        self.namespaces = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        # When every namespace ends a folder (in "/" or "#"), the namespaces that may start an
        # IRI are those of its folder: looked up once a folder, not tried for every IRI.
        self._by_folder: dict[str, list[tuple[str, str]]] | None = (
            {} if all(ns.endswith(("/", "#")) for ns in prefixes.values()) else None)
        self._iris: dict[str, str] = {}
        self._heads: dict[str, tuple[str, str, bool]] = {}
        self._folder_heads: dict[str, tuple[str, str, bool]] = {}
        self._typed: dict[tuple[str, str], str] = {}

    def _candidates(self, iri: str) -> list[tuple[str, str]]:
        if self._by_folder is None:
            return self.namespaces
        folder = iri[:max(iri.rfind("/"), iri.rfind("#")) + 1]
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = [(n, ns) for n, ns in self.namespaces if folder.startswith(ns)]
        return found

    def iri(self, iri: str) -> str:
        """An IRI as a prefixed name when one fits, else in angle brackets."""
        if self._by_folder is not None:
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            if cut < len(iri):
                start, close, at_start = self._folder_head(iri[:cut])
                if close or _PLAIN_SEGMENT.fullmatch(iri, cut):
                    return start + iri[cut:] + close
                last = local_name(iri[cut:]) if at_start else _escaped_tail(iri[cut:])
                if last is not None:
                    return start + last + close
        return self._written(iri)

    def _folder_head(self, folder: str) -> tuple[str, str, bool]:
        """What comes before and after the last segment in the form of an IRI of ``folder``, and whether
        that segment starts the local name; worked out once a folder.

        A segment Turtle can write there changes neither which namespace fits nor how the folder's
        part is escaped: the folder's part ends in "/" or "#", and a local name is escaped a character
        at a time but for its first character and a final ".". (With no namespace of the folder, the
        IRI is in angle brackets whatever its last segment.) A plain segment (:data:`_PLAIN_SEGMENT`)
        is written as it stands wherever it falls.
        """
        head = self._folder_heads.get(folder)
        if head is None:
            head = self._folder_heads[folder] = self._head_of(folder)
        return head

    def _head_of(self, folder: str) -> tuple[str, str, bool]:
        for name, ns in self._candidates(folder):
            if len(folder) == len(ns):
                return name + ":", "", True
            local = local_name(folder[len(ns):])
            if local is not None:
                return f"{name}:{local}", "", False
        return "<" + folder, ">", False

    def _written(self, iri: str) -> str:
        for name, ns in self._candidates(iri):
            if iri.startswith(ns):
                if len(iri) == len(ns):
                    return name + ":"
                local = local_name(iri[len(ns):])
                if local is not None:
                    return f"{name}:{local}"
        return f"<{iri}>"

    def shared_iri(self, iri: str) -> str:
        """:meth:`iri`, remembered: for IRIs that recur (objects, predicates, datatypes)."""
        text = self._iris.get(iri)
        if text is None:
            text = self._iris[iri] = self.iri(iri)
        return text

    def child(self, parent: str, name: str) -> str:
        """The IRI ``parent/name``, where ``name`` holds only letters, digits, "-" and "/" and starts
        with a letter (m12-15/pos): the parent's part is worked out once.

        What follows the parent changes neither which namespace fits (none of the declared ones
        lies under a parent) nor how the parent's part is escaped (the "/" after it settles that).
        """
        head = self._heads.get(parent)
        if head is None:
            text = self.iri(parent + "/x")
            head = self._heads[parent] = (text[:-2], ">", False) if text.endswith("x>") else (text[:-1], "", True)
        start, close, escaped = head
        return start + (name.replace("/", "\\/") if escaped else name) + close

    def predicate(self, iri: str) -> str:
        return "a" if iri == RDF_TYPE else self.shared_iri(iri)

    def object(self, o: Obj) -> str:
        kind, value, datatype, lang = o
        if kind == 0:
            return self._iris.get(value) or self.shared_iri(value)
        if lang:
            return f"{quoted(value)}@{lang}"
        if not datatype or datatype == XSD + "string":
            return quoted(value)
        # Typed values (counts, offsets, dates) recur and are short: remembered.
        text = self._typed.get((value, datatype))
        if text is None:
            text = self._typed[(value, datatype)] = self._typed_value(value, datatype)
        return text

    def _typed_value(self, value: str, datatype: str) -> str:
        bare = _BARE.get(datatype)
        if (bare is not None and bare.fullmatch(value)) or (datatype == _BOOLEAN and value in ("true", "false")):
            return value
        return f"{quoted(value)}^^{self.shared_iri(datatype)}"


def statement_writer(terms: TurtleTerms, type_key: str = RDF_TYPE):
    """A function from a subject and its sorted (predicate, object) pairs to its statement's text.

    ``type_key`` is a predicate written ``a`` like rdf:type itself: a collector may list rdf:type as ""
    so that it sorts first.
    """
    object_of, iri_of, known_iris = terms.object, terms.iri, terms._iris
    predicates = {type_key: "a"}

    def statement(s: str, pairs: Iterable[tuple[str, Obj]]) -> str:
        # Most subjects are entities, whose IRIs are known already as the objects of other statements.
        parts = [known_iris.get(s) or iri_of(s)]
        last_p: str | None = None
        for p, o in pairs:
            if p == last_p:
                parts.append(" , ")
            else:
                parts.append(" " if last_p is None else " ;\n\t")
                parts.append(predicates.get(p) or predicates.setdefault(p, terms.predicate(p)))
                parts.append(" ")
                last_p = p
            parts.append((o[0] == 0 and known_iris.get(o[1])) or object_of(o))
        if last_p is None:
            return ""
        parts.append(" .\n")
        return "".join(parts)

    return statement


def write_texts(texts: Iterable[str], f, prefixes: dict[str, str], chunk: int = 1 << 20) -> None:
    """Write the ``prefixes`` (in their given order), a blank line and the statements ``texts`` to the
    binary file ``f``, encoded a megabyte at a time."""
    header = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes.items()) + "\n"
    f.write(header.encode("utf-8"))
    buffer: list[str] = []
    size = 0
    for text in texts:
        buffer.append(text)
        size += len(text)
        if size >= chunk:
            f.write("".join(buffer).encode("utf-8"))
            buffer, size = [], 0
    if buffer:
        f.write("".join(buffer).encode("utf-8"))


def write_turtle_text(nodes: Iterable[tuple[str, Iterable[tuple[str, Obj]]]], f, prefixes: dict[str, str]) -> None:
    """Write the Turtle of ``nodes`` (subject, its sorted pairs; subjects in order) to the binary file ``f``.

    ``prefixes`` are declared in their given order and used for prefixed names.
    """
    statement = statement_writer(TurtleTerms(prefixes))
    write_texts((statement(s, pairs) for s, pairs in nodes), f, prefixes)
