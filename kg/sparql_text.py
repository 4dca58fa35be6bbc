"""What a SPARQL text may do, read the way the engine that runs it could read it.

The embedded engine (pyoxigraph) does not expose its parser, so whether a
query may call SERVICE is decided here, without running it. A second parser
would not do: it disagrees with Oxigraph's exactly where it matters (rdflib's
comments run on past a bare carriage return, Oxigraph's end there), and any
such disagreement lets a query that looks harmless to the check reach the
network when run. So the check over-approximates instead: it finds every
stretch of the text that Oxigraph *could* read as code, under every way of
reading the few places where tokens are ambiguous, and looks there for a
SERVICE clause. The ambiguous places are:

* ``<``: an IRI up to the next ``>``, or the less-than operator;
* ``#``: a comment ending at the first CR or LF (Oxigraph, the standard), or
  at the first of any Unicode line break (U+2028, NEL, form feed, …);
* ``\\`` in a prefixed name: an escape (``ex:a\\#b``) or not.

Oxigraph matches keywords without word boundaries (``trueSERVICE?u{}`` is
``true`` then ``SERVICE``), so a clause is looked for wherever the word
occurs in code, except inside a variable name or the local part of a
prefixed name, which the engine always reads whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})

_STRINGS = [re.compile(p, re.DOTALL) for p in (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n\r]|\\.)*"', r"'(?:[^'\\\n\r]|\\.)*'")]
_COMMENT_ENDS = [re.compile(r"[\r\n]"), re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")]
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_PLAIN = re.compile(r"""[^#"'<\\]+""")
_ESCAPABLE = set("_~.-!$&'()*+,;=/?#@%")

_SKIP = r"(?:\s|#[^\r\n]*(?=[\r\n]|\Z))*"  # a comment runs to the end of its line, never less
# What may follow the keyword in Oxigraph's grammar: SILENT?, a variable, IRI or prefixed name, then "{".
_CLAUSE_REST = re.compile(_SKIP + r"(?:silent" + _SKIP + r")?(?:<[^>]*>|(?:[^\s{}<>#\\]|\\.)+)" + _SKIP + r"\{",
                          re.IGNORECASE | re.DOTALL)
_SERVICE = re.compile("service", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class QueryShape:
    form: str                 # SELECT, CONSTRUCT, DESCRIBE, ASK, UPDATE, or "" when none is found
    update_keyword: str = ""  # the first update keyword, when an update
    service: bool = False     # may call SERVICE


def code_mask(text: str, every_reading: bool = True) -> bytearray:
    """1 for every character that some reading of ``text`` takes as code (not string, comment or IRI).

    With ``every_reading`` false, only the standard reading: ``<`` starts an IRI
    where one is well formed, comments end at CR or LF, ``\\`` escapes.
    """
    n = len(text)
    code, seen = bytearray(n), bytearray(n + 1)
    todo = [0]
    while todo:
        p = todo.pop()
        while p < n and not seen[p]:
            seen[p] = 1
            c = text[p]
            if c == "#":
                todo.extend(_comment_ends(text, p, every_reading))
                break
            if c in "\"'":
                todo.extend(m.end() for m in (s.match(text, p) for s in _STRINGS) if m)
                break  # no string here: a syntax error, nothing runs
            code[p] = 1
            if c == "<":
                iri = _IRIREF.match(text, p)
                close = text.find(">", p) if every_reading else (iri.end() - 1 if iri else -1)
                if close > 0:
                    todo.append(close + 1)
                if every_reading or not iri:
                    p += 1
                else:
                    code[p] = 0
                    break
            elif c == "\\":
                escape = p + 1 < n and text[p + 1] in _ESCAPABLE
                if escape:
                    code[p + 1] = 1
                    todo.append(p + 2)
                if every_reading or not escape:
                    p += 1
                else:
                    break
            else:
                p = _plain_run(text, p, code, seen)
    return code


def _comment_ends(text: str, p: int, every_reading: bool) -> set[int]:
    ends = set()
    for pattern in _COMMENT_ENDS if every_reading else _COMMENT_ENDS[:1]:
        m = pattern.search(text, p)
        ends.add(m.end() if m else len(text))
    return ends


def _plain_run(text: str, p: int, code: bytearray, seen: bytearray) -> int:
    """Mark the run of ordinary characters at ``p`` as code; where it stops (sooner at a place already read)."""
    end = _PLAIN.match(text, p).end()
    stop = seen.find(1, p + 1, end)
    end = end if stop < 0 else stop
    code[p:end] = b"\x01" * (end - p)
    seen[p + 1:end] = b"\x01" * (end - p - 1)
    return end


def may_call_service(text: str) -> bool:
    """Whether some reading of ``text`` holds a SERVICE clause (false positives are possible, misses are not)."""
    code = None
    for m in _SERVICE.finditer(text):
        if code is None:
            code = code_mask(text)
        i = m.start()
        if code[i] and not _inside_name(text, i) and _CLAUSE_REST.match(text, m.end()):
            return True
    return False


def _inside_name(text: str, i: int) -> bool:
    """Whether position ``i`` is inside a variable name or a prefixed name's local part, which are read whole."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_\u00b7\u203f\u2040" or _combining(text[j - 1])):
        j -= 1
    if j > 0 and text[j - 1] in "?$":
        return True
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_-%:\\\u00b7" or _combining(text[j - 1])):
        j -= 1
        if text[j] == ":":
            return True
    return False


def _combining(ch: str) -> bool:
    return "\u0300" <= ch <= "\u036f"


def classify(text: str) -> QueryShape:
    """What a query does: its form from the first keyword read as code, and whether it may call SERVICE.

    >>> classify('SELECT ?insert WHERE { ?s <http://x/DELETE> "DROP" } # LOAD').form
    'SELECT'
    >>> classify("PREFIX x: <y> INSERT { ?s x:p 1 } WHERE { SELECT ?s { ?s ?p ?o } }").form
    'UPDATE'
    >>> classify("SELECT * { # note\\rSERVICE <http://example.org/sparql> { ?s ?p ?o } }").service
    True
    """
    code = code_mask(text, every_reading=False)
    for m in _WORD.finditer(text):
        word = m.group().upper()
        if not code[m.start()] or _inside_name(text, m.start()):
            continue
        if word in UPDATE_KEYWORDS:
            return QueryShape("UPDATE", word, may_call_service(text))
        if word in QUERY_FORMS:
            return QueryShape(word, "", may_call_service(text))
    return QueryShape("", "", may_call_service(text))
