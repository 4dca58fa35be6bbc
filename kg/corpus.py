"""Find the input files and decode them.

Newsroom files come as UTF-8 (with or without a BOM), GB18030/GBK or UTF-16
(UTF-32 with a BOM is read too); anything else is skipped with a reason rather
than read as garbage. A huge file is read as consecutive parts, each a
document of its own (see ``iter_documents`` and docs/errors.md).
"""
from __future__ import annotations

import codecs
import errno
import functools
import glob
import itertools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from kg.clean import CLOSERS, SENTENCE_END
from kg.config import DEFAULTS, Conversion
from kg.model import Document
from kg.names import display_path, printable
from kg.text import HAN_CLASS, is_han


# Magic numbers of files that often end up in a folder of articles.
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}


class InputError(Exception):
    """A path the user named does not exist or cannot be read (bad usage)."""


class NoDocuments(InputError):
    """No document could be read: writing would replace the outputs with an empty graph.

    ``skipped`` holds the inputs skipped meanwhile, as (name, reason), to be
    reported before the error itself.
    """

    def __init__(self, message: str, skipped: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.skipped = skipped


class DecodeError(Exception):
    """A file is not text in a supported encoding; the message says why."""


@dataclass(frozen=True)
class InputFile:
    """One file to read.

    ``path`` opens it; its name may hold bytes that are not UTF-8 (see
    kg.names). ``doc_id`` and ``display`` are printable text, and the only
    forms of the name that go into outputs and messages.
    """
    path: Path        # as found
    doc_id: str       # stable id: relative to the folder given, or the file name

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_id", display_path(self.doc_id))

    @property
    def display(self) -> str:
        """The path as found, decoded and escaped for people."""
        return display_path(self.path)


@dataclass
class Scan:
    """The input files :func:`scan_inputs` found, and what it could not use, as (display path, reason)."""
    files: list[InputFile]
    skipped: list[tuple[str, str]]


def find_inputs(paths: list[str], pattern: str = DEFAULTS.pattern,
                exclude: Iterable[str | os.PathLike] = ()) -> list[InputFile]:
    """The files of :func:`scan_inputs`, for callers that report nothing skipped."""
    return scan_inputs(paths, pattern, exclude).files


def scan_inputs(paths: list[str], pattern: str = DEFAULTS.pattern,
                exclude: Iterable[str | os.PathLike] = ()) -> Scan:
    """Expand files, folders (recursively, by ``pattern``) and globs into input files.

    Hidden files and folders are skipped; symbolic links to folders are not
    followed, so a link loop cannot trap the walk. Only regular files are
    read: a named pipe or a device would block or never end. Such a file, and
    a folder that cannot be listed, is skipped with the reason. Nothing in the
    folders ``exclude`` (kg's output and cache folders) is read unless named
    as a file, so a build never reads its own outputs back. Raises
    ``InputError`` naming the first path that matches nothing, or a folder
    named that is or lies in an excluded one.
    """
    own = _OwnFolders(exclude)
    found: dict[str, InputFile] = {}
    skipped: list[tuple[str, str]] = []
    for given in paths:
        literal = os.path.lexists(given)
        matches = [given] if literal else sorted(glob.glob(given, recursive=True))
        if not matches:
            raise InputError(f"no such file or folder: {display_path(given)}")
        for p in map(Path, matches):
            if own.holds(p) and (not literal or p.is_dir()):
                if literal:
                    raise InputError(f"will not read {display_path(given)}: it is kg's output or cache folder, "
                                     "or inside one; keep the articles apart from kg's outputs")
                continue
            if p.is_dir():
                for f in _walk(p, pattern, own, skipped):
                    _add(found, InputFile(f, f.relative_to(p).as_posix()))
            elif p.exists():
                problem = _not_regular(p)
                if problem:
                    skipped.append((display_path(p), problem))
                else:
                    _add(found, InputFile(p, p.name))
            else:
                raise InputError(f"cannot read {display_path(given)}: {_link_problem(p)}")
    return Scan(sorted(found.values(), key=lambda f: f.doc_id), skipped)


class _OwnFolders:
    """Folders whose contents are kg's, by real path: nothing in them is an input."""

    def __init__(self, folders: Iterable[str | os.PathLike]) -> None:
        self.real = [os.path.realpath(f) for f in folders]

    def holds(self, path: str | os.PathLike) -> bool:
        if not self.real:
            return False
        real = os.path.realpath(path)
        return any(os.path.commonpath((real, f)) == f for f in self.real)


def _link_problem(p: Path) -> str:
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
        if e.errno == errno.ENOENT:
            return "broken symbolic link"
        return e.strerror or str(e)
    return "not a file or folder"


_SPECIAL = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device",
            stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def _not_regular(path: str | os.PathLike) -> str | None:
    """Why the file at ``path`` cannot be read as an article, if it is no regular file.

    Reading a named pipe waits for a writer that may never come, and a device
    like /dev/zero never ends. A path that cannot be examined gives None: the
    reading reports its reason (a broken link, a loop).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return f"{_SPECIAL.get(stat.S_IFMT(mode), 'a special file')}, not a regular file"


def _add(found: dict[str, InputFile], item: InputFile) -> None:
    # realpath, not Path.resolve: it raises on a symbolic link loop, which is skipped later with a reason.
    # Entries are keyed by their own doc_id, so a lookup or two finds the one
    # that could be the same file (a scan of them all made large folders
    # quadratic). Two files can share an id, even their path as shown when
    # escaping makes two names alike: the later one gets a number.
    display = item.display
    candidates = itertools.chain((item.doc_id, display), (f"{display} ({n})" for n in itertools.count(2)))
    for doc_id in candidates:
        same = found.get(doc_id)
        if same is None:
            found[doc_id] = InputFile(item.path, doc_id)
            return
        if os.path.realpath(same.path) == os.path.realpath(item.path):
            return


def _walk(root: Path, pattern: str, own: _OwnFolders, skipped: list[tuple[str, str]]) -> Iterator[Path]:
    """The regular files under ``root`` matching ``pattern``; what cannot be used goes to ``skipped``."""
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as e:
            skipped.append((display_path(folder), f"cannot list the folder: {e.strerror or e}"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                folder_itself, linked_folder, regular = (entry.is_dir(follow_symlinks=False), entry.is_dir(),
                                                         entry.is_file())
            except OSError:  # a link whose target cannot be examined: reading it will say why
                folder_itself = linked_folder = regular = False
            if folder_itself:
                if not own.holds(entry.path):
                    subfolders.append(Path(entry.path))
            elif not linked_folder and Path(entry.path).match(pattern):
                problem = None if regular else _not_regular(entry.path)
                if problem:
                    skipped.append((display_path(entry.path), problem))
                else:
                    yield Path(entry.path)
        folders.extend(reversed(subfolders))


def require_documents(documents: int, skipped: list[tuple[str, str]], pattern: str, out_dir: str | os.PathLike,
                      *, allow_empty: bool = False) -> None:
    """Raise ``NoDocuments`` if no document was read, unless ``allow_empty``.

    An empty folder, one that cannot be listed or a pattern that matches
    nothing would otherwise replace a full graph with an empty one without a
    word; call this before anything is written.
    """
    if documents or allow_empty:
        return
    why = (f"no document could be read ({len(skipped)} input(s) skipped)" if skipped
           else f"no input file found (folders are searched for {printable(pattern)})")
    raise NoDocuments(f"{why}; {display_path(out_dir)} left as it was (--allow-empty writes an empty graph)",
                      skipped)


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise ``DecodeError``.

    >>> decode("市委书记".encode("gb18030"))
    ('市委书记', 'gb18030')
    >>> decode("市委書記".encode("big5"))
    Traceback (most recent call last):
    kg.corpus.DecodeError: not UTF-8, GB18030/GBK or UTF-16 text: it looks like Big5 (traditional Chinese); save it as UTF-8
    """
    encoding = detect(*_sample(data))
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        text = decoder.decode(data, final=True)
    except UnicodeDecodeError as e:
        raise DecodeError(_invalid(encoding, e.start, e.reason)) from None
    return text, encoding


# Bytes read to choose an encoding; the rest is only checked to be valid in it.
SNIFF_BYTES = 1 << 16
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _sample(data: bytes) -> tuple[bytes, bool]:
    """The bytes to choose an encoding from, and whether they are all of ``data``.

    Usually the head of the file; but a head of plain ASCII (an English
    preamble, a long table of figures) says nothing, so then the sample starts
    at the line holding the first non-ASCII byte.
    """
    head = data[:SNIFF_BYTES]
    if len(data) <= SNIFF_BYTES or not _ascii_head(head):
        return head, len(data) <= SNIFF_BYTES
    m = _NON_ASCII.search(data, SNIFF_BYTES)
    if m is None:
        return head, False
    start = data.rfind(b"\n", 0, m.start()) + 1
    return data[start:start + SNIFF_BYTES], start + SNIFF_BYTES >= len(data)


def _sample_file(f) -> bytes:
    """:func:`_sample` of an open file too large to read whole; leaves the position anywhere."""
    head = f.read(SNIFF_BYTES)
    if not _ascii_head(head):
        return head
    for chunk in iter(lambda: f.read(_CHUNK_BYTES), b""):
        m = _NON_ASCII.search(chunk)
        if m is not None:
            window = chunk[chunk.rfind(b"\n", 0, m.start()) + 1:][:SNIFF_BYTES]
            return window + f.read(SNIFF_BYTES - len(window))
    return head


def _ascii_head(head: bytes) -> bool:
    return head.isascii() and b"\x00" not in head and not head.startswith(tuple(_BINARY_MAGIC))


# The 800 most frequent characters of jieba's dictionary and their traditional
# forms. Chinese text decoded with the right codec consists mostly of them;
# Big5, Shift-JIS, EUC-KR or Latin-1 bytes read as GBK give rare characters.
_COMMON_HANZI = frozenset(
    "一七万三上下不与专且世业东两严並个中临为主举久么义之乎乐九也习乡书乱亂了争事二于云五亚些亞交产京亲人亿什仅今仍从他代令以们件价任份企众优会传伤似但位低住体佔何余作你使來例供依便保信"
    "修個們倒候值做備傳傷僅像價億優儿元先光克免兒党入內全兩八公六兰共关兴兵其具养内再写军农冲决况准几出击刀分切划列刘则刚创初別利别到制刻則前剑剛副創劃劉劍力办功加务动助劳势動務勝勞勢包"
    "化北区医區十千升半华协協单南占卫印即却卻历压原去县参參又及友双反发取受变口古另只叫可台史右叶号司吃各合同名后向吧听告员呢周味命和品响員哥哪商問善喜喫單器嚴四回因团园围国图國圍園圖團"
    "土在地场均坐型城域執基報場境增壓士声处备复夏外多夜大天太夫央失头奇女她好如始委子字存学孩學它安完宗官定宝实审客宣室宫宮害家容密富察實審寫寶对导封射将將專對導小少尔尚就尼尽局层居展属"
    "層屬山岛島州工左差己已巴市布师帝带師席帶常干平年并幹幾广应底府度座廣建开式引弟张張強弹强彈当形影往征待很律後得從復微徵德心必志快念态怎怕思急性总息情惊想意愛感愿態應成我或战戰戶户房"
    "所手才打执批找承技把投抗护报拉招括拿持指按挥据掌排採接推提揮擊據支收改攻放政故效敌教敢数整敵數文斗料断斯新斷方於施旅族无既日早时昌明易星春是显時晚普景更書曾最會月有服望朝期木未本术"
    "机杀权李材村条来杨東板极构林果架查标树校样核根格案桥條检楊業極楼構樂樓標模樣樹橋機檢權次欧歐止正此步武歷死段殺母每比毛民气氣水求汉江決沒沙没河油治況法波注洋洲活派流济海消深清温港游"
    "湖源準溫满滿演漢激濟火点热無然照熱營爭爱爲父爾片物特状狀独獨獲率玉王环现現球理環甚生產用田由电男画界留略畫當病發白百的皇皮益监盡監目直相省看真眼着知石研破确確示礼社神福禮离种科积称"
    "程種稱積究空突立站竟章笑第等筑答策算管節範築米类精系紀約紅級素紧細終組結絕給統經維網緊線編縣總織繼續红约级纪线组细织终经结给绝统继续维编网罗置羅美羣群義習老考者而职联聞聯聲職聽股育"
    "背胜胡能脸臉臨自至致臺與興舉航般船良色艺节花苏若英范草药获華营萬落葉著藏藝藥蘇蘭處號虽血衆行術街衛衝表被装裏裝西要見規視親覺觀见观规视觉角解言計記設許詞試話該認語說誰調談請論講證識"
    "議護變讓计认让议记讲许论设证识词试话该语说请谁调谈象負財責費資質賽负财责质费资赛走起超越足跟路身車軍較輕輯轉车转轻较辑辦農边达过运近还这进远连送适选這通速造連進遊運過道達遠適選還邊"
    "那邦部都鄉配酒醫采里重量金銀錢鎮鐵钱铁银镇長长門開間關门问间闻队防阳阶阿际陆陈降限院除陳陸陽隊階随際隨难集雖雙離難雲電需青非面革音響項須預領頭題願類顯项须预领题風风飛飞食養餘首香馬"
    "驗驚马验體高鬥魚鱼麼黃黄黑點黨龍龙")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32", "gb18030": "GB18030"}
_UNSUPPORTED = "not UTF-8, GB18030/GBK or UTF-16 text"


def detect(head: bytes, complete: bool = True) -> str:
    """The codec name of a file that starts with ``head``, or raise ``DecodeError`` saying why not.

    ``complete`` tells that ``head`` is the whole file, so a character cut at
    its end is an error rather than the edge of the sample.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            _check(head, encoding, complete)
            return encoding
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise DecodeError(f"{what}, not text")
    if b"\x00" in head:
        if _utf16_without_bom(head):
            raise DecodeError("UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)")
        raise DecodeError("binary data (NUL bytes), not text")
    utf8 = _try(head, "utf-8", complete)
    if utf8 is not None:
        if _controls(utf8) > 0.1:
            raise DecodeError("binary data (control characters), not text")
        return "utf-8"
    gb = _try(head, "gb18030", complete)
    if gb is not None and _plausible_chinese(gb, head):
        return "gb18030"
    raise DecodeError(_why_not(head, complete))


def _check(head: bytes, encoding: str, complete: bool) -> None:
    try:
        codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
    except UnicodeDecodeError as e:
        raise DecodeError(_invalid(encoding, e.start, e.reason)) from None


def _invalid(encoding: str, at: int, reason: str) -> str:
    name = _NAMES.get(encoding, encoding)
    if encoding in ("utf-8-sig", "utf-16", "utf-32"):
        return f"starts with a {name} byte-order mark but is not valid {name} at byte {at} ({reason})"
    return f"invalid {name} at byte {at} ({reason}): a damaged file or mixed encodings"


def _try(data: bytes, encoding: str, complete: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def _usual(c: str) -> bool:
    """Characters other than Chinese ones that articles in GBK use: ASCII, CJK and general punctuation, symbols."""
    o = ord(c)
    if o < 0x80:
        return c.isprintable() or c in "\t\n\r\f\v"
    # Latin letters with tones (pinyin), Greek and Cyrillic are in GBK's symbol rows; kana are too, but
    # Big5 text read as GBK turns into kana, so they do not count.
    return (0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0x2100 <= o <= 0x22FF
            or 0x2460 <= o <= 0x24FF or 0x2500 <= o <= 0x26FF or 0x0391 <= o <= 0x03C9 or 0x0401 <= o <= 0x0451
            or 0x00C0 <= o <= 0x02DD or c in "·×÷°±§¨¤")


def _controls(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v\x1a")
    return bad / len(sample) if sample else 0.0


def _common_share(text: str) -> tuple[int, float]:
    han = [c for c in text if is_han(c)]
    return len(han), (sum(1 for c in han if c in _COMMON_HANZI) / len(han) if han else 0.0)


def _plausible_chinese(text: str, data: bytes) -> bool:
    # Almost any byte string is valid GB18030, so validity proves little: the
    # characters must also be ones Chinese articles use, and no other encoding
    # may explain the bytes better.
    sample = text[:20000]
    other = [c for c in sample if not c.isascii()]
    odd = sum(1 for c in other if not is_han(c) and not _usual(c))
    if odd > len(other) // 50 or _controls(sample) > 0.01:
        return False
    han, share = _common_share(sample)
    if han >= 20:
        return share >= 0.5
    if share < 0.5 and (han >= 4 and share < 0.3 or _better_guess(data) is not None):
        return False
    return True


def _better_guess(data: bytes) -> str | None:
    """Which other encoding the bytes look like, if one clearly fits."""
    head = data[:SNIFF_BYTES]
    for codec in ("shift_jis", "euc_jp"):
        ja = _try(head, codec, False)
        if ja is not None and _share(ja, lambda c: "\u3040" <= c <= "\u30ff") >= 0.3:
            return "Shift-JIS or EUC-JP (Japanese)"
    ko = _try(head, "euc_kr", False)
    if ko is not None and _share(ko, lambda c: "\uac00" <= c <= "\ud7a3") >= 0.9:
        return "EUC-KR (Korean)"
    big5 = _try(head, "big5", False)
    if big5 is not None:
        odd = sum(1 for c in big5 if not c.isascii() and not is_han(c) and not _usual(c))
        han, share = _common_share(big5)
        if han and share >= 0.6 and odd <= han // 10:
            return "Big5 (traditional Chinese)"
    if _latin(head) >= 0.8:
        return "Latin-1 or Windows-1252 (Western European)"
    return None


def _share(text: str, pred) -> float:
    other = [c for c in text if not c.isascii() and not c.isspace()]
    return sum(1 for c in other if pred(c)) / len(other) if other else 0.0


_CP1252_PUNCT = frozenset("‘’“”„–—…€«»·")


def _latin(data: bytes) -> float:
    """Share of the non-ASCII bytes that stand alone as a letter or quote between ASCII bytes, as Latin-1 text has them."""
    high = alone = 0
    for i, b in enumerate(data):
        if b < 0x80:
            continue
        high += 1
        before = data[i - 1] if i else 0x20
        after = data[i + 1] if i + 1 < len(data) else 0x20
        if before < 0x80 and after < 0x80:
            c = bytes([b]).decode("cp1252", "replace")
            alone += c.isalpha() or c in _CP1252_PUNCT
    return alone / high if high else 0.0


def _utf16_without_bom(head: bytes) -> bool:
    for codec in ("utf-16-le", "utf-16-be"):
        text = _try(head[:len(head) // 2 * 2], codec, True)
        if text and _controls(text) < 0.01 and all(is_han(c) or _usual(c) for c in text[:20000]):
            han, share = _common_share(text)
            if han < 4 or share >= 0.5:
                return True
    return False


def _why_not(head: bytes, complete: bool) -> str:
    damage = _utf8_damage(head)
    if damage is not None:
        return _invalid("utf-8", *damage)
    guess = _better_guess(head)
    if guess:
        return f"{_UNSUPPORTED}: it looks like {guess}; save it as UTF-8"
    if _controls(head.decode("latin-1")) > 0.1:
        return "binary data (control characters), not text"
    return _UNSUPPORTED


def _utf8_damage(head: bytes) -> tuple[int, str] | None:
    """Where UTF-8 text stops being valid, if ``head`` is UTF-8 text that does, with why.

    That is UTF-8 with a few bad bytes here and there (a damaged file), or
    valid for a good while and then not: two files joined, the second one in
    GBK, whatever share of the whole the second is.
    """
    try:
        head.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        start, reason = e.start, e.reason
    before = sum(1 for c in head[:start].decode("utf-8") if not c.isascii())
    replaced = head.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for c in replaced if not c.isascii()) - bad
    if before >= 8 or (good >= 8 and bad <= good // 10):
        return start, reason
    return None


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, if it is still a regular file when opened; else ``OSError``.

    The scan skips pipes and devices, but a file may be swapped for one before it
    is read: opened without blocking and examined once open, it cannot hang the build.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, f"{_SPECIAL.get(stat.S_IFMT(mode), 'a special file')}, not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_document(item: InputFile) -> Document:
    """Read and decode one input file; raises ``DecodeError`` or ``OSError``."""
    with open_regular(item.path) as f:
        data = f.read()
    text, encoding = decode(data)
    return Document(id=item.doc_id, path=item.display, text=text, encoding=encoding)


# A document longer than this many characters is processed in parts of about
# this size, cut at paragraph ends, each as a document of its own: the cleaner
# and the recognizers hold a whole document in memory several times over, and
# a file that concatenates a year of pages is no single article anyway.
PART_CHARS = 500_000
# Files up to this size are read whole; larger ones are streamed.
STREAM_BYTES = 8 << 20
_CHUNK_BYTES = 1 << 20


def part_id(doc_id: str, n: int) -> str:
    """The id of part ``n`` (from 1) of a split document.

    >>> part_id("2024/yearbook.txt", 3)
    '2024/yearbook.txt#part-3'
    """
    return f"{doc_id}#part-{n}"


def iter_documents(item: InputFile, *, convert: Conversion = DEFAULTS.convert,
                   part_chars: int | None = None) -> Iterator[Document]:
    """The documents of one input file: the file itself, or its parts if it is huge.

    A text longer than ``part_chars`` (default ``PART_CHARS``) is yielded as
    consecutive parts ``doc_id#part-1``, ``#part-2``… cut after a line break;
    their texts concatenated give the file's text, so an offset in part N plus
    the lengths of parts 1…N-1 is an offset in the file. A file too large to
    read at once is streamed, with memory bounded by a part, not by the file.

    A file in traditional script (detected on its first part, see
    :func:`is_traditional`) is read in simplified script unless ``convert`` is
    ``none`` (``all`` converts every file), character for character, so
    offsets select the same characters in the file as written; the text as
    written is kept in ``Document.original``.

    Raises ``DecodeError`` (with the reason, an empty file included) or
    ``OSError`` before yielding anything.
    """
    limit = part_chars or PART_CHARS
    convert = Conversion(convert)
    with open_regular(item.path) as f:
        head = f.read(SNIFF_BYTES)
        size = os.fstat(f.fileno()).st_size
        if size <= STREAM_BYTES:
            text, encoding = decode(head + f.read())
            chunks: Iterator[str] = iter((text,))
        else:
            f.seek(0)
            encoding = detect(_sample_file(f), complete=False)
            f.seek(0)
            _validate(f, encoding)
            f.seek(0)
            chunks = _decoded_chunks(f, encoding)
        parts = _parts(chunks, limit)
        first = next(parts, "")
        second = next(parts, None)
        converting = convert == Conversion.ALL or (convert == Conversion.AUTO and is_traditional(first))
        if second is None:
            if not first.strip():
                raise DecodeError("empty file" if not first else "no text (only white space)")
            yield _document(item, item.doc_id, first, encoding, converting)
            return
        for n, part in enumerate(itertools.chain((first, second), parts), start=1):
            yield _document(item, part_id(item.doc_id, n), part, encoding, converting)


def _document(item: InputFile, doc_id: str, text: str, encoding: str, converting: bool) -> Document:
    converted = to_simplified_text(text) if converting else text
    return Document(id=doc_id, path=item.display, text=converted, encoding=encoding,
                    original=text if converted != text else "")


def _validate(f, encoding: str) -> None:
    """Decode a whole stream without keeping it, so a bad byte is found before any part is used."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pos = 0
    for chunk in iter(lambda: f.read(_CHUNK_BYTES), b""):
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as e:
            raise DecodeError(_invalid(encoding, max(0, pos - pending + e.start), e.reason)) from None
        pos += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise DecodeError(_invalid(encoding, pos - len(decoder.getstate()[0]) + e.start, e.reason)) from None


def _decoded_chunks(f, encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)()
    for chunk in iter(lambda: f.read(_CHUNK_BYTES), b""):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _parts(chunks: Iterable[str], limit: int) -> Iterator[str]:
    buf = ""
    for chunk in chunks:
        buf += chunk
        while len(buf) > limit:
            cut = _cut_point(buf, limit)
            yield buf[:cut]
            buf = buf[cut:]
    yield buf


_ENDS = frozenset(SENTENCE_END + CLOSERS)


def _cut_point(text: str, limit: int) -> int:
    """Where to end a part of at most ``limit`` characters: after a paragraph if possible.

    >>> text = "甲。\\n乙乙乙乙乙乙。\\n丙丙丙丙\\n丁丁丁丁"
    >>> text[:_cut_point(text, 18)]
    '甲。\\n乙乙乙乙乙乙。\\n'
    """
    floor = limit // 2
    i = text.rfind("\n", floor, limit)
    fallback = i
    tries = 0
    while i >= floor and tries < 10000:
        j = i - 1
        while j > 0 and text[j] in " \t\r\u3000":
            j -= 1
        if j < 0 or text[j] in _ENDS or text[j] == "\n":
            return i + 1
        i = text.rfind("\n", floor, i)
        tries += 1
    if fallback >= floor:
        return fallback + 1
    ends = [text.rfind(c, floor, limit) for c in SENTENCE_END]
    best = max(ends)
    if best >= floor:
        while best + 1 < limit and text[best + 1] in _ENDS:
            best += 1
        return best + 1
    return limit


def require_opencc():
    """OpenCC's traditional-to-simplified converter, or ``InputError`` saying how to install it."""
    try:
        import opencc
    except ImportError:
        raise InputError("reading traditional script needs OpenCC: pip install opencc "
                         "(or build with --no-convert to read every file as written)") from None
    return _t2s(opencc)


@functools.lru_cache(maxsize=1)
def _t2s(opencc):
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1 << 16)
def _t2s_char(c: str) -> str:
    out = require_opencc().convert(c)
    return out if len(out) == 1 else c


# A text is in traditional script when at least this share of its Chinese
# characters change in simplified script: about a third do in traditional
# text, next to none in simplified text (a few, like 乾 or 著, are both).
TRADITIONAL_SHARE = 0.1
TRADITIONAL_MIN = 3          # and at least this many change
_DETECT_CHARS = 3_000
_HAN = re.compile(f"[{HAN_CLASS}]")
# Frequent characters that only traditional script writes (們 for 们, 國 for 国): a text
# with none of them in its first characters is not traditional, and OpenCC need not check.
_TRADITIONAL_ONLY = re.compile("[們個這會說國時為來對發經於與產動關區過還開書長門間問見電車東專機當從實點應樣種華聯變語讀體論權頭義務樂會議縣鄉鎮黨]")


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script, judged on its first characters.

    >>> is_traditional("鹽湖區委書記王建國主持召開會議"), is_traditional("盐湖区委书记王建国主持召开会议")
    (True, False)
    """
    sample = text[:_DETECT_CHARS]
    if not _TRADITIONAL_ONLY.search(sample):
        return False
    han = len(_HAN.findall(sample))
    converted = require_opencc().convert(sample)
    if len(converted) != len(sample):   # a phrase of another length: convert one for one
        converted = to_simplified_text(sample)
    changed = sum(map(str.__ne__, sample, converted))
    return changed >= TRADITIONAL_MIN and changed >= TRADITIONAL_SHARE * han


def to_simplified_text(text: str) -> str:
    """Traditional Chinese to simplified, one character for one, so every offset stays valid.

    OpenCC converts phrase by phrase (乾隆 keeps its 乾, 乾燥 becomes 干燥); a
    line whose length it would change is converted character by character.
    """
    cc = require_opencc()
    out = []
    for line in text.splitlines(keepends=True):
        converted = cc.convert(line)
        if len(converted) != len(line):
            converted = "".join(_t2s_char(c) for c in line)
        out.append(converted)
    return "".join(out)
