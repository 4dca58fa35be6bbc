"""People across stories: which namesakes are one person, and which stay apart.

Inside a story a name is one person. Across stories the same name is one
person only when the context says so (docs/identity.md has the rules):

1. the user said so, or said they are not (the identities file);
2. both hold a post in, or are members of, one body (运城市委);
3. both hold one national post (总书记);
4. neither holds a post and one paper printed both (two bylines of 运城晚报,
   two stories of one page);
5. their places lie on one chain: the places of their posts, else the area of
   the paper that printed them, are the same or one holds the other
   (a post in 盐湖区 and one in 运城市; two people in 运城晚报 stories).

Two namesakes are never one person when their places lie on no one chain
(two provinces, two counties of one city), or when one works for the paper
(a byline) and the other holds a post. A cluster only grows while all it
holds stays compatible, so a person is never joined through a third one to
someone incompatible. Pairs that no rule decides stay two people and are
listed for review (:class:`~kg.model.IdentityCandidate`).

Keys: a name borne by one person is ``Person:<name>``; namesakes are
``Person:<name>@<where>``: the deepest place of their posts, or of their
paper's area, else their paper, else their first article. The result depends
only on the set of stories, not on their order or the number of workers.
"""
from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from kg.clean import display_text
from kg.lexicon import Lexicon
from kg.model import HOLDS_POST, MEMBER_OF, PERSON, DocResult, Evidence, IdentityCandidate, Merge
from kg.resolve import entity_key, is_scoped, paper_area

__all__ = ["IdentityRule", "PersonContext", "Identities", "resolve_people", "rename", "person_ref", "SAME", "DIFFERENT",
           "EVERY"]

SAME, DIFFERENT = "same", "different"
# ``name@*`` in the identities file: every person of that name.
EVERY = "*"


@dataclass(frozen=True)
class IdentityRule:
    """A user's decision on two people: each named by ``name@article`` (:func:`person_ref`)."""
    first: str
    second: str
    decision: str          # SAME or DIFFERENT
    where: str = ""        # file and row, for messages


def person_ref(name: str, doc_id: str) -> str:
    """How the identities file names the person called ``name`` in one article.

    >>> person_ref("张伟", "2024/p3.txt#story-2")
    '张伟@2024/p3.txt#story-2'
    """
    return f"{name}@{doc_id}"


@dataclass(frozen=True)
class PersonContext:
    """What one story says about a person it names."""
    doc_id: str
    key: str                     # the person's key inside the story
    name: str
    file: str                    # the page the story is on
    bodies: frozenset[str]       # resolved bodies of its posts and memberships
    place: str                   # the deepest division of its posts' bodies ("" none)
    national: frozenset[str]     # national posts it holds
    area: str                    # division of the paper's area ("" unknown)
    paper: str                   # the paper ("" unknown)
    roles: frozenset[str]        # its roles in the paper
    official: bool               # holds a post
    evidence: Evidence | None = None

    @property
    def ref(self) -> str:
        return person_ref(self.name, self.doc_id)


@dataclass
class Identities:
    """The outcome: each (story, key) a final key, the merges made and the pairs left for review."""
    keys: dict[tuple[str, str], str]
    merges: list[Merge]
    candidates: list[IdentityCandidate]
    unknown_rules: list[tuple[IdentityRule, str]] = field(default_factory=list)   # rules, and the person no story names


# --------------------------------------------------------------------------- contexts

def person_contexts(results: list[DocResult], lex: Lexicon) -> list[PersonContext]:
    """The context of every person of every story."""
    out = []
    for r in results:
        doc = r.doc
        posts: dict[str, set[str]] = defaultdict(set)
        bodies: dict[str, set[str]] = defaultdict(set)
        for rel in r.relations:
            if rel.kind == HOLDS_POST:
                posts[rel.head].add(rel.tail)
                if rel.body and not is_scoped(rel.body):
                    bodies[rel.head].add(rel.body)
            elif rel.kind == MEMBER_OF and not is_scoped(rel.tail):
                bodies[rel.head].add(rel.tail)
        places = _story_places(r)
        area = doc.area or _paper_code(doc.newspaper, lex)
        for e in r.entities:
            if e.type != PERSON:
                continue
            codes = [c for c in (_body_place(b, places, lex) for b in sorted(bodies[e.key])) if c]
            m = e.mentions[0] if e.mentions else None
            evidence = (Evidence(m.doc_id, m.sentence, m.start, m.end, display_text(doc.sentences[m.sentence].text))
                        if m is not None and 0 <= m.sentence < len(doc.sentences) else None)
            out.append(PersonContext(
                doc.document.id, e.key, e.name, doc.document.file, frozenset(bodies[e.key]),
                _deepest(codes, lex), frozenset(posts[e.key] & lex.national_posts), area, doc.newspaper,
                frozenset(e.roles), bool(posts[e.key]), evidence))
    return out


def _story_places(r: DocResult) -> dict[str, str]:
    """Names (and aliases) of the story's places that carry a division code."""
    places = {}
    for e in r.entities:
        if e.code:
            for n in (e.name, *e.aliases):
                places.setdefault(n, e.code)
    return places


def _body_place(body_key: str, places: dict[str, str], lex: Lexicon) -> str:
    """The division a body belongs to, by the place its name starts with (运城市委 → 运城市)."""
    name = body_key.split(":", 1)[1]
    for k in range(min(len(name) - 1, 12), 1, -1):
        prefix = name[:k]
        if prefix in places:
            return places[prefix]
        found = lex.divisions_by_name.get(prefix) or lex.division_short_names.get(prefix) or ()
        if len({d.code for d in found}) == 1:
            return found[0].code
    return ""


def _paper_code(newspaper: str, lex: Lexicon) -> str:
    d = paper_area(newspaper, lex) if newspaper else None
    return d.code if d is not None else ""


@functools.lru_cache(maxsize=1 << 14)
def _chain(code: str, lex: Lexicon) -> tuple[str, ...]:
    """The division and its ancestors, deepest first."""
    return (code, *(d.code for d in lex.ancestors(code))) if code else ()


def _deepest(codes: list[str], lex: Lexicon) -> str:
    """The deepest of ``codes`` when they lie on one chain, else "" (posts in unrelated places tie to none)."""
    best = ""
    for c in codes:
        if not best or best in _chain(c, lex):
            best = c
        elif c not in _chain(best, lex):
            return ""
    return best


# --------------------------------------------------------------------------- clusters

@dataclass
class _Cluster:
    """People of one name taken as one person so far."""
    items: list[int]
    place: str                   # deepest place on the cluster's chain ("" none)
    national: bool
    roles: set[str]
    official: bool
    papers: set[str]

    def absorb(self, other: "_Cluster", deeper: str) -> None:
        self.items += other.items
        self.place = deeper
        self.national |= other.national
        self.roles |= other.roles
        self.official |= other.official
        self.papers |= other.papers


class _Name:
    """The union of one name's people, refusing every union that would join incompatible ones."""

    def __init__(self, people: list[PersonContext], lex: Lexicon, forbidden: set[frozenset[int]]) -> None:
        self.people, self.lex, self.forbidden = people, lex, forbidden
        self.root = list(range(len(people)))
        self.clusters = {i: _Cluster([i], p.place or p.area, bool(p.national), set(p.roles), p.official,
                                     {_paper_of(p)}) for i, p in enumerate(people)}
        self.unions: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        while self.root[i] != i:
            self.root[i] = self.root[self.root[i]]
            i = self.root[i]
        return i

    def conflict(self, a: int, b: int) -> str:
        """Why clusters ``a`` and ``b`` cannot be one person, or ""."""
        ca, cb = self.clusters[a], self.clusters[b]
        if self.forbidden and any(frozenset((x, y)) in self.forbidden for x in ca.items for y in cb.items):
            return "the identities file says they are different people"
        if (ca.roles and not ca.official and cb.official and not cb.roles) or \
                (cb.roles and not cb.official and ca.official and not ca.roles):
            return "one works for the paper, the other holds a post"
        if ca.place and cb.place and not ca.national and not cb.national and self.deeper(ca.place, cb.place) is None:
            return "their places lie apart"
        return ""

    def deeper(self, x: str, y: str) -> str | None:
        """The deeper of two places on one chain, None when neither holds the other."""
        if not x or not y:
            return x or y
        if x in _chain(y, self.lex):
            return y
        if y in _chain(x, self.lex):
            return x
        return None

    def union(self, i: int, j: int, reason: str, force: bool = False) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or (not force and self.conflict(a, b)):
            return False
        a, b = min(a, b), max(a, b)
        ca, cb = self.clusters[a], self.clusters.pop(b)
        deeper = self.deeper(ca.place, cb.place)
        ca.absorb(cb, deeper if deeper is not None else ca.place)
        self.root[b] = a
        self.unions.append((i, j, reason))
        return True


def _paper_of(p: PersonContext) -> str:
    """The paper that printed a story: its name, else its page (one page is one paper's)."""
    return p.paper or f"page {p.file}"


# --------------------------------------------------------------------------- the rules, in order

def _by_body(name: _Name) -> None:
    _join_sharing(name, lambda p: p.bodies, lambda body: f"both hold posts in or belong to {body.split(':', 1)[1]}")


def _by_national_post(name: _Name) -> None:
    _join_sharing(name, lambda p: p.national, lambda post: f"both hold the national post {post}")


def _join_sharing(name: _Name, keys_of, reason) -> None:
    """Join the people of ``name`` who share a key (a body, a national post), in a fixed order."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(name.people):
        for key in sorted(keys_of(p)):
            index[key].append(i)
    for key in sorted(index):
        first, *rest = index[key]
        for j in rest:
            name.union(first, j, reason(key))


def _by_place(name: _Name) -> None:
    """Posts, else papers' areas, on one chain: people placed alike join, then each joins those placed above it."""
    lex = name.lex
    at: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(name.people):
        if p.place or p.area:
            at[p.place or p.area].append(i)
    for code in sorted(at):
        first, *rest = at[code]
        for j in rest:
            name.union(first, j, _place_reason(name.people[first], name.people[j], lex))
    for code in sorted(at):
        for above in _chain(code, lex)[1:]:
            if above in at:
                i, j = at[above][0], at[code][0]
                name.union(min(i, j), max(i, j), _place_reason(name.people[i], name.people[j], lex))


def _place_reason(a: PersonContext, b: PersonContext, lex: Lexicon) -> str:
    def named(code: str) -> str:
        d = lex.division_by_code.get(code)
        return d.name if d is not None else code

    def where(p: PersonContext) -> str:
        return f"a post in {named(p.place)}" if p.place else f"a paper of {named(p.area)}"
    x, y = a.place or a.area, b.place or b.area
    if x == y:
        return f"{where(a)} and {where(b)}: one place"
    outer, inner = (x, y) if x in _chain(y, lex) else (y, x)
    return f"{where(a)} and {where(b)}: {named(inner)} lies in {named(outer)}"


def _by_paper(name: _Name) -> None:
    """Two people of one paper (bylines, or the same page) with nothing placing them apart."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(name.people):
        if not p.official:
            index[_paper_of(p)].append(i)
    for paper in sorted(index):
        first, *rest = index[paper]
        for j in rest:
            roles = name.people[first].roles & name.people[j].roles
            what = f"both {'/'.join(sorted(roles))}s of" if roles else "neither holds a post; both named in stories of"
            name.union(first, j, f"{what} {paper}")


_RULES = (_by_body, _by_national_post, _by_paper, _by_place)


def rename(results: list[DocResult], keys: dict[tuple[str, str], str]) -> None:
    """Give every person of every story its final key, in its entities and relations (in place)."""
    for r in results:
        doc_id = r.doc.document.id
        local = {e.key: keys[(doc_id, e.key)] for e in r.entities
                 if e.type == PERSON and keys.get((doc_id, e.key), e.key) != e.key}
        if not local:
            continue
        for e in r.entities:
            e.key = local.get(e.key, e.key)
        for rel in r.relations:
            rel.head = local.get(rel.head, rel.head)
            if rel.kind != HOLDS_POST:
                rel.tail = local.get(rel.tail, rel.tail)


# --------------------------------------------------------------------------- the whole

def resolve_people(results: list[DocResult], lex: Lexicon, rules: tuple[IdentityRule, ...] = ()) -> Identities:
    """Decide which same-named people of all stories are one person; give each its final key."""
    contexts = sorted(person_contexts(results, lex), key=lambda p: (p.name, p.doc_id, p.key))
    by_name: dict[str, list[PersonContext]] = defaultdict(list)
    for p in contexts:
        by_name[p.name].append(p)
    refs = {p.ref: p for p in contexts}
    refs.update({person_ref(p.name, EVERY): p for p in contexts})
    unknown = [(r, r.first if r.first not in refs else r.second) for r in rules
               if r.first not in refs or r.second not in refs]
    usable = [r for r in rules if r.first in refs and r.second in refs]
    keys: dict[tuple[str, str], str] = {}
    merges: list[Merge] = []
    candidates: list[IdentityCandidate] = []
    for person_name, people in by_name.items():
        name = _cluster_name(people, [r for r in usable if refs[r.first].name == person_name], lex)
        final = _final_keys(person_name, name, lex)
        for i, p in enumerate(people):
            keys[(p.doc_id, p.key)] = final[name.find(i)]
        merges += [Merge("", final[name.find(i)], f"{person_name} in {people[j].doc_id}", reason)
                   for i, j, reason in name.unions]
        candidates += _candidates(person_name, name, final)
    return Identities(keys, merges, candidates, unknown)


def _cluster_name(people: list[PersonContext], rules: list[IdentityRule], lex: Lexicon) -> _Name:
    index = {p.ref: i for i, p in enumerate(people)}
    forbidden = {frozenset((index[r.first], index[r.second])) for r in rules if r.decision == DIFFERENT}
    name = _Name(people, lex, forbidden)
    for r in sorted(rules, key=lambda r: (r.first, r.second)):
        if r.decision != SAME:
            continue
        why = f"the identities file says they are one ({r.where})"
        if r.first.endswith("@" + EVERY):   # name@*: everyone of that name is one person
            for j in range(1, len(people)):
                name.union(0, j, why, force=True)
        else:
            name.union(index[r.first], index[r.second], why, force=True)
    if len(people) > 1:
        for rule in _RULES:
            rule(name)
    return name


def _final_keys(person_name: str, name: _Name, lex: Lexicon) -> dict[int, str]:
    """The key of each cluster: the bare name when it is the only one, else qualified by where it is."""
    roots = sorted(name.clusters, key=lambda r: min(name.people[i].doc_id for i in name.clusters[r].items))
    if len(roots) == 1:
        return {roots[0]: entity_key(PERSON, person_name)}
    out: dict[int, str] = {}
    taken: set[str] = set()
    for root in roots:
        c = name.clusters[root]
        first = min(name.people[i].doc_id for i in c.items)
        d = lex.division_by_code.get(c.place)
        where = d.name if d is not None else ("全国" if c.national else "")
        named = sorted(p for p in c.papers if not p.startswith("page "))
        if not where and c.roles and named:
            where = named[0]
        key = f"{PERSON}:{person_name}@{where}" if where else ""
        if not key or key in taken:
            key = f"{PERSON}:{person_name}@story:{first}"
        taken.add(key)
        out[root] = key
    return out


def _candidates(person_name: str, name: _Name, final: dict[int, str]) -> list[IdentityCandidate]:
    """Each cluster of the name paired with the first earlier one it could be: nothing told them apart."""
    roots = sorted(name.clusters, key=lambda r: final[r])
    out = []
    for k, b in enumerate(roots):
        for a in itertools.islice(roots, k):
            if name.conflict(a, b):
                continue
            pa, pb = (name.people[min(name.clusters[r].items)] for r in (a, b))
            out.append(IdentityCandidate(person_name, final[a], final[b], _why(pa, pb, name.lex),
                                         tuple(e for e in (pa.evidence, pb.evidence) if e is not None),
                                         (pa.ref, pb.ref)))
            break
    return out


def _why(a: PersonContext, b: PersonContext, lex: Lexicon) -> str:
    """What speaks for one person, and what leaves it open."""
    def told(p: PersonContext) -> str:
        d = lex.division_by_code.get(p.place or p.area)
        if p.roles:
            return f"{'/'.join(sorted(p.roles))} of {_paper_of(p)}"
        if p.place:
            return f"a post in {d.name if d else p.place}"
        if p.official:
            return "a post in no named place"
        return f"a story of a paper of {d.name}" if d else "no post, place or paper"
    return f"same name; {told(a)}, and {told(b)}: nothing in the text joins or separates them"
