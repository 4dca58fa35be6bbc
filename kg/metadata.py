"""The user's own files about the corpus: article metadata and identity decisions.

**Metadata** (``kg-metadata.csv`` or ``kg-metadata.jsonl`` in a corpus
folder, or ``--metadata FILE``): one row an article, with ``path`` (relative
to the metadata file's folder; ``page.txt#story-2`` names one story of a
page) and any of ``title``, ``date``, ``newspaper``, ``url``; every other
column is kept as a variable of the article. A value given overrides what
kg read from the text; an empty one leaves it. A row naming a page of
several stories sets their date, newspaper, address and variables, and its
title only when the page is one story.

**Identities** (``kg-identities.csv`` in a corpus folder, or ``--identities
FILE``): rows of ``first,second,decision``, each side a person as
``name@article`` (the columns ``first`` and ``second`` of out/candidates.csv),
decision ``same`` or ``different``; ``name@*`` on both sides of a ``same`` row
makes everyone of that name one person.

**Dates from file names** (``--date-from-name``): a pattern of ``%Y``, ``%m``,
``%d`` and literal text, searched in each file's path below its folder.

Reading is the only I/O; a malformed file is a ``MetadataError`` (exit 2)
naming the file and the row.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import DecodeError, InputError, InputFile, decode
from kg.identity import DIFFERENT, EVERY, SAME, IdentityRule
from kg.lexicon import Lexicon
from kg.model import DocResult
from kg.names import display_path
from kg.resolve import paper_area
from kg.stories import iso_date

__all__ = ["ArticleMeta", "MetadataError", "METADATA_NAMES", "IDENTITIES_NAME", "USER_FILE_NAMES", "read_metadata", "read_identities",
           "beside", "match_metadata", "apply_metadata", "name_date_pattern", "digest", "UserFiles", "read_user_files"]

METADATA_NAMES = ("kg-metadata.csv", "kg-metadata.jsonl")
IDENTITIES_NAME = "kg-identities.csv"
# The user's files beside the corpus, never read as articles whatever --pattern says.
USER_FILE_NAMES = frozenset(METADATA_NAMES + (IDENTITIES_NAME,))
FIELDS = ("title", "date", "newspaper", "url")
_DECISIONS = {"same": SAME, "yes": SAME, "1": SAME, "true": SAME, "是": SAME, "同一人": SAME,
              "different": DIFFERENT, "no": DIFFERENT, "0": DIFFERENT, "false": DIFFERENT, "否": DIFFERENT,
              "不同": DIFFERENT}


class MetadataError(InputError):
    """A metadata or identities file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class ArticleMeta:
    """What one row of the metadata file says of an article: None leaves kg's own reading."""
    path: str                         # as written in the row
    where: str                        # "FILE, row N", for messages
    title: str | None = None
    date: str | None = None
    newspaper: str | None = None
    url: str | None = None
    variables: tuple[tuple[str, str], ...] = ()


# --------------------------------------------------------------------------- reading

def beside(paths: list[str], names: tuple[str, ...]) -> list[Path]:
    """The files of those names in the folders given as inputs."""
    found = []
    for given in paths:
        if os.path.isdir(given):
            found += [Path(given) / n for n in names if (Path(given) / n).is_file()]
    return found


def _rows(path: Path) -> list[tuple[int, dict[str, str | None]]]:
    """(row number, cells) of a CSV file with a header (numbered as a spreadsheet shows them) or of JSON Lines."""
    try:
        text, _ = decode(path.read_bytes())
    except (OSError, DecodeError) as e:
        raise MetadataError(f"cannot read {display_path(path)}: {getattr(e, 'strerror', None) or e}") from None
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return _json_rows(path, text)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise MetadataError(f"{display_path(path)}: empty, or no header row")
    header = [(h or "").strip() for h in reader.fieldnames]
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise MetadataError(f"{display_path(path)}, row {reader.line_num}: more cells than the header has columns")
        rows.append((reader.line_num, {k: (v.strip() if v is not None else None) for k, v in row.items()}))
    return rows


def _json_rows(path: Path, text: str) -> list[tuple[int, dict[str, str | None]]]:
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise MetadataError(f"{display_path(path)}, line {n}: not JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise MetadataError(f"{display_path(path)}, line {n}: a line must be a JSON object")
        cells = {}
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                raise MetadataError(f"{display_path(path)}, line {n}: {k} must be text, not {type(v).__name__}")
            cells[str(k)] = None if v is None else str(v).strip()
        rows.append((n, cells))
    return rows


def read_metadata(path: Path) -> list[ArticleMeta]:
    """The rows of a metadata file, checked; ``MetadataError`` naming the row otherwise."""
    path = Path(path)
    out: list[ArticleMeta] = []
    seen: dict[str, str] = {}
    what = "line" if path.suffix.lower() in (".jsonl", ".json", ".ndjson") else "row"
    for n, cells in _rows(path):
        where = f"{display_path(path)}, {what} {n}"
        ref = (cells.get("path") or "").strip()
        if not ref:
            raise MetadataError(f"{where}: no path (every row names its article in a 'path' column)")
        if ref in seen:
            raise MetadataError(f"{where}: {ref} is named twice (also in {seen[ref]})")
        seen[ref] = where
        values = {f: (cells.get(f) or None) for f in FIELDS}
        if values["date"] is not None:
            values["date"] = _checked_date(values["date"], where)
        extra = tuple(sorted((k, v) for k, v in cells.items() if k not in FIELDS and k != "path" and k and v))
        out.append(ArticleMeta(ref, where, variables=extra, **values))
    return out


def _checked_date(value: str, where: str) -> str:
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        parts = [int(x) for x in value.split("-")]
        if (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31):
            return value
    full = iso_date(value.replace("/", "-"))
    if full:
        return full
    raise MetadataError(f"{where}: date {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def read_identities(path: Path) -> tuple[IdentityRule, ...]:
    """The decisions of an identities file, checked; ``MetadataError`` naming the row otherwise."""
    path = Path(path)
    rules = []
    for n, cells in _rows(path):
        where = f"{display_path(path)}, row {n}"
        first, second = (cells.get("first") or "").strip(), (cells.get("second") or "").strip()
        decision = _DECISIONS.get((cells.get("decision") or "").strip().lower())
        if not first or not second or "@" not in first or "@" not in second:
            raise MetadataError(f"{where}: first and second must each name a person as name@article "
                                "(as in candidates.csv)")
        if decision is None:
            raise MetadataError(f"{where}: decision must be 'same' or 'different', got {cells.get('decision')!r}")
        if first.split("@", 1)[0] != second.split("@", 1)[0]:
            raise MetadataError(f"{where}: {first} and {second} are not one name")
        if (first.endswith("@" + EVERY) or second.endswith("@" + EVERY)) and (first != second or decision != SAME):
            raise MetadataError(f"{where}: name@{EVERY} stands on both sides of a 'same' row (everyone of the name "
                                "is one person)")
        rules.append(IdentityRule(first, second, decision, where))
    return tuple(rules)


def digest(paths: list[Path]) -> str:
    """A hash of the files' bytes, for the build stamp: edit one and the outputs are written again."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p).encode("utf-8", "surrogatepass") + b"\0")
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(b"\0unreadable")
    return h.hexdigest()


# --------------------------------------------------------------------------- applying

def match_metadata(rows: list[tuple[Path, ArticleMeta]], inputs: list[InputFile]
                   ) -> tuple[dict[str, ArticleMeta], list[str]]:
    """Each row by the id of the article it names (a file's id, or ``id#story-N``), and a warning
    for each row that names no input."""
    by_real = {os.path.realpath(f.path): f.doc_id for f in inputs}
    table: dict[str, ArticleMeta] = {}
    warnings = []
    for folder, meta in rows:
        ref, _, story = meta.path.partition("#")
        doc_id = by_real.get(os.path.realpath(folder / ref))
        if doc_id is None:
            warnings.append(f"{meta.where}: no input file {meta.path}")
            continue
        table[f"{doc_id}#{story}" if story else doc_id] = meta
    return table, warnings


def name_date_pattern(pattern: str) -> re.Pattern:
    """The regular expression of a ``--date-from-name`` pattern; ``MetadataError`` if it has no ``%Y``.

    >>> name_date_pattern("%Y%m%d").search("2024/20240110-3.txt").group("Y", "m", "d")
    ('2024', '01', '10')
    """
    if "%Y" not in pattern:
        raise MetadataError(f"--date-from-name {pattern!r}: the pattern needs %Y (and may have %m and %d)")
    parts = re.split(r"(%[Ymd])", pattern)
    groups = {"%Y": r"(?P<Y>(?:19|20)\d\d)", "%m": r"(?P<m>0[1-9]|1[0-2])", "%d": r"(?P<d>0[1-9]|[12]\d|3[01])"}
    if any(parts.count(g) > 1 for g in groups):
        raise MetadataError(f"--date-from-name {pattern!r}: each of %Y, %m, %d may stand once")
    return re.compile("".join(groups.get(p, re.escape(p)) for p in parts))


def _name_date(doc_id: str, pattern: re.Pattern | None) -> str:
    m = pattern.search(doc_id) if pattern is not None else None
    if m is None:
        return ""
    found = m.groupdict()
    return "-".join(x for x in (found.get("Y"), found.get("m"), found.get("d") if found.get("m") else None) if x)


def apply_metadata(results: list[DocResult], table: dict[str, ArticleMeta], pattern: re.Pattern | None,
                   lex: Lexicon) -> None:
    """Set, in place, what the user's metadata and the file names say of each article over kg's reading.

    The metadata file wins over the file name, which wins over the text. A
    newspaper given brings its area (运城晚报 → 运城市) for the identity of people.
    """
    stories: dict[str, int] = {}
    for r in results:
        stories[r.doc.document.file] = stories.get(r.doc.document.file, 0) + 1
    for r in results:
        doc = r.doc.document
        changes: dict[str, object] = {}
        date = _name_date(doc.file, pattern)
        if date:
            changes["date"] = date
        for meta, whole_file in ((table.get(doc.file), True), (table.get(doc.id) if doc.id != doc.file else None, False)):
            if meta is None:
                continue
            for f in FIELDS:
                value = getattr(meta, f)
                if value is not None and (f != "title" or not whole_file or stories[doc.file] == 1):
                    changes[f] = value
            if meta.variables:
                changes["variables"] = tuple(sorted({**dict(changes.get("variables", r.doc.variables)),
                                                     **dict(meta.variables)}.items()))
        if "newspaper" in changes:
            served = paper_area(str(changes["newspaper"]), lex)
            if served is not None:
                changes["area"] = served.code
        if changes:
            r.doc = dataclasses.replace(r.doc, **changes)


# --------------------------------------------------------------------------- all of them

@dataclass
class UserFiles:
    """What the user's files say, read and checked before anything is built."""
    metadata: dict[str, ArticleMeta]
    pattern: re.Pattern | None
    rules: tuple[IdentityRule, ...]
    files: list[Path]                  # every file read, for the build stamp
    warnings: list[str]


def read_user_files(paths: list[str], inputs: list[InputFile], metadata: Path | None = None,
                    identities: Path | None = None, date_from_name: str | None = None) -> UserFiles:
    """The metadata and identities files beside the corpus (and those named), and the file-name pattern."""
    meta_files = beside(paths, METADATA_NAMES) + ([Path(metadata)] if metadata else [])
    id_files = beside(paths, (IDENTITIES_NAME,)) + ([Path(identities)] if identities else [])
    for p in meta_files + id_files:
        if not p.is_file():
            raise MetadataError(f"no such file: {display_path(p)}")
    rows = [(p.parent, meta) for p in meta_files for meta in read_metadata(p)]
    seen: dict[str, str] = {}
    for _, meta in rows:
        if meta.path in seen and seen[meta.path] != meta.where:
            raise MetadataError(f"{meta.where}: {meta.path} is named twice (also in {seen[meta.path]})")
        seen[meta.path] = meta.where
    table, warnings = match_metadata(rows, inputs)
    rules = tuple(r for p in id_files for r in read_identities(p))
    pattern = name_date_pattern(date_from_name) if date_from_name else None
    return UserFiles(table, pattern, rules, meta_files + id_files, warnings)
