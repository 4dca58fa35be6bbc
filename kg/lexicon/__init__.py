"""General lexicons: official divisions, surnames, posts, and the words that
end the names of bodies, places and programs.

Everything lives in data files next to this module and is read with
``importlib.resources`` so an installed wheel works the same as a checkout.
In every file, blank lines and lines starting with ``#`` are skipped.

    from kg.lexicon import load
    lex = load()
    lex.divisions_by_name["安邑街道"]          # full names
    lex.division_short_names["运城"]           # 运城市 without its suffix
    lex.ancestors("140802006")                 # 盐湖区, 运城市, 山西省
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources

__all__ = [
    "Division", "Lexicon", "load", "version", "ancestors", "content_hash", "short_forms",
    "ethnic_township_short_form",
    "DIVISION_TYPES", "PLACE_TYPES", "DATA_FILES",
]

# How many single surnames, from the top of the census ranking surnames.txt follows, count as common:
# the first hundred are borne by some 85% of the population.
COMMON_SURNAMES = 100

# Level in the official list -> our place type.
DIVISION_TYPES = {1: "Province", 2: "City", 3: "County", 4: "Township"}
PLACE_TYPES = ("Province", "City", "County", "Township", "Village", "Community", "Estate")

DATA_FILES = (
    "divisions.tsv",
    "surnames.txt",
    "posts.txt",
    "org_suffixes.txt",
    "place_suffixes.tsv",
    "program_cues.txt",
    "slogan_words.txt",
    "political_formulas.txt",
    "duty_words.txt",
    "short_name_exceptions.txt",
    "generic_words.txt",
    "person_cues.tsv",
    "bodies.tsv",
    "implement_verbs.txt",
    "party_units.txt",
    "clause_openers.txt",
    "countries.tsv",
    "program_model.json",
    "enterprise_suffixes.txt",
    "transliteration_chars.txt",
    "world_cities.tsv",
    "press.tsv",
    "national_posts.txt",
    "business_kinds.txt",
    "body_name_verbs.txt",
    "industry_words.txt",
    "honours.tsv",
    "organ_short_forms.tsv",
    "tibetan_name_parts.txt",
    "mongolian_name_parts.txt",
    "place_name_verbs.txt",
    "province_abbreviations.txt",
    "known_programs.txt",
)

# Cut from the end of a division's name to get the short form people write
# (运城市 -> 运城). Longest first, so 自治区 wins over 区. Township suffixes are
# deliberately absent: without 镇/街道 most township names are plain words.
_SHORT_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "新区", "林区", "矿区", "特区",
    "省", "市", "县", "区", "盟",
)
# The only 林区 in the list is 神农架林区; shorter stems end in 林 (碑林区).
_MIN_STEM = {"林区": 3}
# Autonomous units are also written with the bare unit word after the short
# form: 恩施州, 石柱县, 鄂伦春旗.
_AUTONOMOUS_UNIT = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# The ethnic groups that appear in the names of autonomous divisions
# (广西壮族自治区, 博尔塔拉蒙古自治州). Single-character names are only
# stripped together with 族, or 西藏 would lose its 藏.
_ETHNIC_GROUPS = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗",
    "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲",
    "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
    "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固",
    "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)
_ETHNIC_ENDINGS = tuple(sorted(
    {g + "族" for g in _ETHNIC_GROUPS} | {g for g in _ETHNIC_GROUPS if len(g) >= 2},
    key=lambda s: (-len(s), s),
))


@dataclass(frozen=True, slots=True)
class Division:
    """One row of the official list of administrative divisions."""
    code: str     # 6 digits for levels 1-3, 9 for townships
    parent: str   # code of the parent division, "" for a province
    level: int    # 1 province, 2 prefecture, 3 county, 4 township
    name: str     # full official name, e.g. 盐湖区
    type: str     # Province, City, County or Township


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All lexicons, built once by :func:`load`. Treat the dicts as read-only:
    the object is shared by every caller in the process."""
    divisions: tuple[Division, ...]
    division_by_code: dict[str, Division]
    divisions_by_name: dict[str, tuple[Division, ...]]      # full names only
    division_short_names: dict[str, tuple[Division, ...]]   # 运城 -> 运城市 ...
    surnames_single: frozenset[str]
    surnames_double: frozenset[str]
    surnames_common: frozenset[str]      # the most frequent single surnames of the census ranking (王, 李, 张)
    posts: tuple[str, ...]                  # longest first, bylines excluded
    byline_titles: frozenset[str]
    org_suffixes: tuple[str, ...]           # longest first
    weak_org_suffixes: frozenset[str]
    place_suffixes: tuple[tuple[str, str], ...]   # (suffix, type), longest first
    weak_place_suffixes: frozenset[str]
    sound_place_suffixes: frozenset[str]   # units of minority regions, named by the sound of their language
    program_cues: tuple[str, ...]           # longest first
    strong_program_cues: tuple[str, ...]    # cues that name a program without quotes
    slogan_words: frozenset[str]
    duty_words: frozenset[str]              # 值班, 承办: a duty written before a title (值班民警)
    political_formulas: frozenset[str]      # 四个意识, 两个维护: commitments of every member, no initiative
    known_programs: frozenset[str]          # 四议两公开, 红色物业: named mechanisms stories name without cues
    short_name_exceptions: frozenset[str]
    generic_words: frozenset[str]           # nouns that name nothing on their own (城市, 该村)
    person_roles: frozenset[str]            # 居民, 业主: nouns before a name
    speech_verbs: tuple[str, ...]           # 说, 表示: verbs after a name, longest first
    honorifics: frozenset[str]              # 女士, 阿姨: after a bare surname
    address_terms: frozenset[str]           # 同志, 院士: after a full name
    appointment_verbs: frozenset[str]       # 任命, 免去: before a name in personnel notices
    office_verbs: tuple[str, ...]           # 任, 辞去, 兼任: after a name, before a post
    core_bodies: tuple[str, ...]            # 委, 政府, 政协: organs after a bare level prefix
    national_bodies: tuple[str, ...]        # 党中央, 国务院
    conference_committees: tuple[str, ...]  # 提案委, 文史委: a conference's committees written short
    implement_verbs: tuple[str, ...]        # 探索, 打造, 实施
    party_units: tuple[str, ...]            # 党委, 党支部: a party unit after its body's name, longest first
    clause_openers: frozenset[str]          # 任命, 时任, 经: words that never begin the name after them
    country_names: dict[str, str]           # any name of a state -> its canonical name (中华人民共和国 -> 中国)
    enterprise_suffixes: tuple[str, ...]    # 公司, 合作社, 工业园: establishments, not organs of a place
    business_kinds: tuple[str, ...]         # 公司, 市场: after a region's name, its firms (美国公司), longest first
    industry_words: tuple[str, ...]         # 涂料, 电子科技: the trade that ends a company's name written short
    tibetan_name_parts: frozenset[str]      # 次仁, 卓玛: the parts of Tibetan names, which have no surname
    mongolian_name_parts: frozenset[str]    # 巴特尔, 图雅: the parts of Mongolian names, which have no surname
    organ_short_forms: tuple[tuple[str, str], ...]   # 纪律检查委员会 -> 纪委, longest full form first
    honours: Mapping[str, tuple[str, ...]]  # verb, scope, head …: how an awarded title is written
    body_name_verbs: frozenset[str]         # 开发, 建设: verbs that stand inside a body's name
    place_name_verbs: frozenset[str]        # 振兴, 团结: verbs that name villages and communities
    province_abbreviations: frozenset[str]  # 皖, 苏: the one-character abbreviations of the provinces
    transliteration_chars: frozenset[str]   # 阿, 克, 斯: the characters foreign names are written with
    world_cities: dict[str, str]            # 莫斯科 -> 俄罗斯: a foreign city and its state
    press_roles: Mapping[str, str]          # 记者 -> reporter: byline titles and the role they give
    paper_suffixes: tuple[str, ...]         # 晚报, 日报: how a paper's name ends, longest first
    wire_cues: tuple[str, ...]              # 讯, 电: after a paper's name where a story begins
    furniture_words: tuple[str, ...]        # 主办, 电子信箱: words of mastheads and editor lines
    national_posts: frozenset[str]          # 总书记: posts held only at the national level
    version: str

    def ancestors(self, code: str) -> list[Division]:
        """The parent chain of a division, nearest first, up to its province.

        The division itself is not included. The chain follows the official
        parents, so it can skip a level (Beijing's districts sit directly under
        北京市, 东莞's townships directly under 东莞市).
        """
        chain: list[Division] = []
        div = self.division_by_code.get(code)
        seen = {code}
        while div is not None and div.parent and div.parent not in seen:
            seen.add(div.parent)
            div = self.division_by_code.get(div.parent)
            if div is not None:
                chain.append(div)
        return chain

    def lookup(self, name: str) -> tuple[Division, ...]:
        """Divisions with this full name, else with this short form."""
        return self.divisions_by_name.get(name) or self.division_short_names.get(name, ())

    def place_suffix(self, name: str) -> tuple[str, str, bool] | None:
        """The longest place suffix ending ``name``: (suffix, type, weak).

        The suffix must leave at least one character before it.
        """
        for suffix, typ in self.place_suffixes:
            if len(name) > len(suffix) and name.endswith(suffix):
                return suffix, typ, suffix in self.weak_place_suffixes
        return None

    def place_type(self, name: str) -> str | None:
        """The place type of a name: from the official list when the full name
        is there and all its divisions agree, else from its suffix."""
        divs = self.divisions_by_name.get(name)
        if divs:
            types = {d.type for d in divs}
            if len(types) == 1:
                return types.pop()
            # e.g. a name that is a prefecture in one province and a county in
            # another: the larger unit is the likelier reading in news.
            return min(divs, key=lambda d: d.level).type
        hit = self.place_suffix(name)
        return hit[1] if hit else None


# --- reading files --------------------------------------------------------

def _read_bytes(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


def _lines(name: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of the data lines of a file."""
    text = _read_bytes(name).decode("utf-8-sig")
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        yield number, [f.strip() for f in raw.rstrip("\r\n").split("\t")]


def _longest_first(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items), key=lambda s: (-len(s), s)))


def _flagged(name: str, flag: str | None) -> tuple[list[str], set[str]]:
    """Entries of a one-word-a-line file and the ones carrying ``flag``.

    A malformed line is an error rather than skipped: a typo in a marker
    would otherwise silently turn a weak suffix into a strong one.
    """
    words: list[str] = []
    flagged: set[str] = set()
    for number, fields in _lines(name):
        word = fields[0]
        marks = [f for f in fields[1:] if f]
        if not word or (marks and (flag is None or marks != [flag])):
            expected = "'word'" + (f" or 'word<TAB>{flag}'" if flag else "")
            raise ValueError(f"{name}:{number}: expected {expected}, got {fields!r}")
        words.append(word)
        if marks:
            flagged.add(word)
    return words, flagged


def _words(name: str) -> list[str]:
    return _flagged(name, None)[0]


def _kinds(name: str, kinds: tuple[str, ...]) -> dict[str, list[str]]:
    """Entries of a ``word<TAB>kind`` file, grouped by kind."""
    out: dict[str, list[str]] = {k: [] for k in kinds}
    for number, fields in _lines(name):
        if len(fields) < 2 or fields[1] not in out:
            raise ValueError(f"{name}:{number}: expected 'word<TAB>kind' with kind in {', '.join(kinds)}")
        out[fields[1]].append(fields[0])
    return out


def _pairs(name: str) -> dict[str, str]:
    """A ``key<TAB>value`` file as a dict; a malformed line is an error."""
    out: dict[str, str] = {}
    for number, fields in _lines(name):
        if len(fields) != 2 or not all(fields):
            raise ValueError(f"{name}:{number}: expected 'key<TAB>value', got {fields!r}")
        out[fields[0]] = fields[1]
    return out


def _aliases(name: str) -> dict[str, str]:
    """Every name of a ``canonical<TAB>other<TAB>...`` file, mapped to its canonical name."""
    out: dict[str, str] = {}
    for number, fields in _lines(name):
        names = [f for f in fields if f]
        if not names:
            raise ValueError(f"{name}:{number}: expected 'name<TAB>other names'")
        for n in names:
            out.setdefault(n, names[0])
    return out


_PRESS_ROLES = ("reporter", "correspondent", "photographer", "editor", "author")


def _press() -> tuple[dict[str, str], dict[str, list[str]]]:
    """press.tsv: the role of each byline title, and the other words by kind."""
    roles: dict[str, str] = {}
    words: dict[str, list[str]] = {"paper": [], "wire": [], "furniture": []}
    for number, fields in _lines("press.tsv"):
        kind = fields[1] if len(fields) > 1 else ""
        if kind == "role" and len(fields) == 3 and fields[2] in _PRESS_ROLES:
            roles[fields[0]] = fields[2]
        elif kind in words and len(fields) == 2:
            words[kind].append(fields[0])
        else:
            raise ValueError(f"press.tsv:{number}: expected 'title<TAB>role<TAB>{'|'.join(_PRESS_ROLES)}' "
                             f"or 'word<TAB>paper|wire|furniture', got {fields!r}")
    return roles, words


def _read_divisions() -> tuple[Division, ...]:
    rows: list[Division] = []
    header_seen = False
    for number, fields in _lines("divisions.tsv"):
        if not header_seen:
            header_seen = True
            if fields == ["code", "parent", "level", "name"]:
                continue
        try:
            code, parent, level, name = fields
            lvl = int(level)
            typ = DIVISION_TYPES[lvl]
        except (ValueError, KeyError):
            raise ValueError(f"divisions.tsv:{number}: bad row {fields!r}") from None
        rows.append(Division(code, parent, lvl, name, typ))
    return tuple(rows)


def _strip_ethnic(stem: str) -> str:
    """广西壮族 -> 广西, 黔东南苗族侗族 -> 黔东南, 东乡族 -> 东乡."""
    while True:
        for ending in _ETHNIC_ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                stem = stem[: -len(ending)]
                break
        else:
            break
    if stem.endswith("族") and len(stem) >= 3:
        stem = stem[:-1]      # the whole stem was an ethnic name: keep it
    return stem


def short_forms(name: str, level: int) -> list[str]:
    """The short forms of a division's full name (possibly none)."""
    if level > 3:
        return []
    if name.endswith("旗") and _banner_short_forms(name):
        return _banner_short_forms(name)
    for suffix in _SHORT_SUFFIXES:
        # A suffix that leaves too little is the wrong cut: 清新区 is 清新 + 区,
        # not 清 + 新区, and 万柏林区 is 万柏林 + 区, not 万柏 + 林区.
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_STEM.get(suffix, 2):
            stem = name[: -len(suffix)]
            break
    else:
        return []
    forms: list[str] = []
    if suffix.startswith("自治") or stem.endswith("族"):
        # 自治县 and the like, and ethnic districts such as 梅里斯达斡尔族区
        stem = _strip_ethnic(stem)
        if len(stem) >= 2 and suffix in _AUTONOMOUS_UNIT:
            forms.append(stem + _AUTONOMOUS_UNIT[suffix])
            forms.append(stem + suffix)   # 镇宁自治县: the peoples left out, the autonomy kept
        elif len(stem) >= 2 and suffix == "区":
            forms.append(stem + suffix)   # 顺河区: an ethnic district written without its peoples
    if len(stem) >= 2:
        forms.insert(0, stem)
    return [f for f in forms if f != name]


def township_stem(name: str) -> str:
    """落别 of 落别布依族彝族乡, 河口 of 河口镇: how stations named after a township write it ("" when the
    stem is too short to stand for it)."""
    for suffix in ("街道", "苏木", "乡", "镇"):
        if name.endswith(suffix):
            stem = _strip_ethnic(name[:-len(suffix)]) if name[:-len(suffix)].endswith("族") else name[:-len(suffix)]
            return stem if len(stem) >= 2 and not stem.endswith("族") else ""
    return ""


@functools.lru_cache(maxsize=4)
def townships_by_stem(lex: "Lexicon") -> dict[str, tuple[Division, ...]]:
    """The townships each stem may stand for (河口 → every 河口镇 of the list)."""
    by_stem: dict[str, list[Division]] = {}
    for d in lex.divisions:
        stem = township_stem(d.name) if d.level == 4 else ""
        if stem:
            by_stem.setdefault(stem, []).append(d)
    return {stem: tuple(ds) for stem, ds in by_stem.items()}


def ethnic_township_short_form(name: str) -> str:
    """高寨苗族布依族乡 is written 高寨乡: an ethnic township's name without its peoples ("" when it has none)."""
    if not name.endswith(("乡", "镇")) or not name[:-1].endswith("族"):
        return ""
    stem = _strip_ethnic(name[:-1])
    return stem + name[-1] if len(stem) >= 2 and not stem.endswith("族") else ""


# The marks of a banner's position within its league (科尔沁右翼中旗: the right wing's middle banner).
_BANNER_POSITIONS = "左右翼前中后"


def _banner_short_forms(name: str) -> list[str]:
    """科尔沁右翼前旗 is written 科右前旗, 鄂托克前旗 鄂前旗: the first character of the name and its
    position, without 翼. Banners without a position keep their name (巴林左旗 is short already)."""
    stem = name[:-1]
    base = stem.rstrip(_BANNER_POSITIONS)
    positions = stem[len(base):].replace("翼", "")
    if not positions or len(base) < 2 or len(name) < 5:
        return []
    return [base[0] + positions + "旗"]


def _index_divisions(divisions: tuple[Division, ...], exceptions: frozenset[str]):
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    for d in divisions:
        by_code[d.code] = d
        by_name.setdefault(d.name, []).append(d)
        if d.level <= 3:
            for form in short_forms(d.name, d.level):
                if form not in exceptions:
                    short.setdefault(form, []).append(d)
    for name, found in list(by_name.items()):
        if name.endswith("镇") and len(name) >= 3 and all(d.level == 4 for d in found):
            by_name.setdefault(name[:-1] + "场镇", found)   # 先滩场镇: the town's market centre, the town
    for d in divisions:
        for former in _former_names(d):
            if former not in by_name and former not in short:   # 东乡县 is 东乡族自治县's, not 东乡区's
                by_name[former] = [replace(d, name=former)]
    return (by_code,
            {k: tuple(v) for k, v in by_name.items()},
            {k: tuple(v) for k, v in short.items()})


# Districts that were never a county or a county-level city: zones, and the districts named by their kind.
_NEVER_A_COUNTY = ("新区", "矿区", "林区", "特区", "城区", "郊区")


def _former_names(d: Division) -> tuple[str, ...]:
    """长泰县, 吴江市: the names a district (长泰区, 吴江区) had as the county or county-level city it was
    before it became a district, as older stories still write them. The list holds current names only."""
    if d.level != 3 or not d.name.endswith("区") or len(d.name) < 3 or d.name.endswith(_NEVER_A_COUNTY):
        return ()
    return d.name[:-1] + "县", d.name[:-1] + "市"


# --- version ----------------------------------------------------------------

def content_hash(contents: Mapping[str, bytes]) -> str:
    """A short hash of named file contents, independent of mapping order."""
    h = hashlib.sha256()
    for name in sorted(contents):
        data = contents[name]
        h.update(name.encode("utf-8"))
        h.update(b"\0")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:12]


def _data_contents() -> dict[str, bytes]:
    return {name: _read_bytes(name) for name in DATA_FILES}


@functools.lru_cache(maxsize=1)
def version() -> str:
    """A short hash of all lexicon files; changes whenever any of them does."""
    return content_hash(_data_contents())


# --- loading ----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    divisions = _read_divisions()
    exceptions = frozenset(_words("short_name_exceptions.txt"))
    by_code, by_name, short = _index_divisions(divisions, exceptions)

    surnames = _words("surnames.txt")
    posts, bylines = _flagged("posts.txt", "byline")
    orgs, weak_orgs = _flagged("org_suffixes.txt", "weak")

    place: dict[str, str] = {}
    weak_place: set[str] = set()
    sound_place: set[str] = set()
    for number, fields in _lines("place_suffixes.tsv"):
        flags = [f for f in fields[2:] if f]
        if len(fields) < 2 or fields[1] not in PLACE_TYPES or any(f not in ("weak", "sound") for f in flags):
            raise ValueError(f"place_suffixes.tsv:{number}: expected 'suffix<TAB>type[<TAB>weak|sound]'")
        place[fields[0]] = fields[1]
        if "weak" in flags:
            weak_place.add(fields[0])
        if "sound" in flags:
            sound_place.add(fields[0])

    cues, strong_cues = _flagged("program_cues.txt", "strong")
    cues_by_kind = _kinds("person_cues.tsv", ("role", "verb", "honorific", "address", "appoint", "office"))
    bodies = _kinds("bodies.tsv", ("core", "national", "committee"))
    roles, press = _press()

    return Lexicon(
        divisions=divisions,
        division_by_code=by_code,
        divisions_by_name=by_name,
        division_short_names=short,
        surnames_single=frozenset(s for s in surnames if len(s) == 1),
        surnames_double=frozenset(s for s in surnames if len(s) >= 2),
        surnames_common=frozenset([s for s in surnames if len(s) == 1][:COMMON_SURNAMES]),
        posts=_longest_first(p for p in posts if p not in bylines),
        byline_titles=frozenset(bylines),
        org_suffixes=_longest_first(orgs),
        weak_org_suffixes=frozenset(weak_orgs),
        place_suffixes=tuple((s, place[s]) for s in _longest_first(place)),
        weak_place_suffixes=frozenset(weak_place),
        sound_place_suffixes=frozenset(sound_place),
        program_cues=_longest_first(cues),
        strong_program_cues=_longest_first(strong_cues),
        slogan_words=frozenset(_words("slogan_words.txt")),
        political_formulas=frozenset(_words("political_formulas.txt")),
        duty_words=frozenset(_words("duty_words.txt")),
        known_programs=frozenset(_words("known_programs.txt")),
        short_name_exceptions=exceptions,
        generic_words=frozenset(_words("generic_words.txt")),
        person_roles=frozenset(cues_by_kind["role"]),
        speech_verbs=_longest_first(cues_by_kind["verb"]),
        honorifics=frozenset(cues_by_kind["honorific"]),
        address_terms=frozenset(cues_by_kind["address"]),
        appointment_verbs=frozenset(cues_by_kind["appoint"]),
        office_verbs=_longest_first(cues_by_kind["office"]),
        core_bodies=_longest_first(bodies["core"]),
        national_bodies=_longest_first(bodies["national"]),
        conference_committees=_longest_first(bodies["committee"]),
        implement_verbs=_longest_first(_words("implement_verbs.txt")),
        party_units=_longest_first(_words("party_units.txt")),
        clause_openers=frozenset(_words("clause_openers.txt")),
        country_names=_aliases("countries.tsv"),
        enterprise_suffixes=_longest_first(_words("enterprise_suffixes.txt")),
        business_kinds=_longest_first(_words("business_kinds.txt")),
        industry_words=_longest_first(_words("industry_words.txt")),
        tibetan_name_parts=frozenset(_words("tibetan_name_parts.txt")),
        mongolian_name_parts=frozenset(_words("mongolian_name_parts.txt")),
        organ_short_forms=tuple(sorted(_pairs("organ_short_forms.tsv").items(), key=lambda kv: -len(kv[0]))),
        honours={kind: _longest_first(words) for kind, words in
                 _kinds("honours.tsv", ("verb", "verb-titled", "scope", "head", "person", "after")).items()},
        body_name_verbs=frozenset(_words("body_name_verbs.txt")),
        place_name_verbs=frozenset(_words("place_name_verbs.txt")),
        province_abbreviations=frozenset(_words("province_abbreviations.txt")),
        transliteration_chars=frozenset("".join(_words("transliteration_chars.txt"))),
        world_cities=_pairs("world_cities.tsv"),
        press_roles=roles,
        paper_suffixes=_longest_first(press["paper"]),
        wire_cues=_longest_first(press["wire"]),
        furniture_words=_longest_first(press["furniture"]),
        national_posts=frozenset(_words("national_posts.txt")),
        version=version(),
    )


def ancestors(code: str) -> list[Division]:
    """Parent chain of a division, nearest first, up to its province."""
    return load().ancestors(code)
