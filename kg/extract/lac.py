"""Persons, places and organizations found by Baidu LAC (the optional ``--ner lac`` backend).

LAC is a character-level tagger whose model ships inside its PyPI package, so it
runs offline.  It tags each word with a part of speech, or with PER, LOC, ORG or
TIME for names.  :class:`LacRecognizer` runs it text by text and turns PER, LOC and
ORG words into :class:`~kg.model.Mention` objects:

=====  ==================  ==================================================
LAC    ``Mention.type``    note
=====  ==================  ==================================================
PER    ``Person``
ORG    ``Organization``
LOC    ``Place``           coarse: the caller refines it to Province, City,
                           County, ... from the list of divisions
=====  ==================  ==================================================

LAC's raw output is then corrected by small post-processing rules (see
:data:`RULES`), each of which can be switched off by name.  Their effect on the
People's Daily 1998 NER sample is measured by ``benchmarks/eval_lac_pd.py``.

Installing (LAC 2.1.2 does not build with current setuptools, nor inside pip's
isolated build environment)::

    pip install "setuptools<70" wheel paddlepaddle==3.3.1
    pip install --no-build-isolation lac==2.1.2

Example (needs LAC installed)::

    from kg.model import Sentence
    s = Sentence("a.txt", 0, "市委书记王建华主持会议", tuple(range(11)))
    [(m.name, m.type, m.start, m.end) for m in LacRecognizer().find(s)]
    # [('王建华', 'Person', 4, 7)]

``rules`` selects the post-processing: :data:`DEFAULT_RULES` (the default)
correct LAC where it is wrong under any convention; :data:`PD_RULES` add
:data:`PD_CONVENTIONS`, the People's Daily habits that a knowledge graph of
local news does not want (``government_is_place`` turns 中国政府 into the
place 中国).
"""
from __future__ import annotations

import functools
import os
import re
import sys
import threading
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from kg.extract.base import EPONYM, BackendUnavailable
from kg.model import ORGANIZATION, PERSON, Mention, Sentence
from kg.text import HAN_CLASS

PLACE = "Place"
SOURCE = "lac"

LAC_RECIPE = ('pip install "setuptools<70" wheel paddlepaddle==3.3.1 '
              '&& pip install --no-build-isolation lac==2.1.2')
INSTALL_HINT = f"the lac backend needs Baidu LAC and PaddlePaddle: make lac (exactly: {LAC_RECIPE})"


LABEL_TYPE = {"PER": PERSON, "LOC": PLACE, "ORG": ORGANIZATION}


# --------------------------------------------------------------------------
# Loading the model (once per process)

_lac = None
_load_lock = threading.Lock()
_run_lock = threading.Lock()


def _alias_paddle_fluid(paddle) -> None:
    # LAC 2.1.2 imports ``paddle.fluid``, which paddle 2.6 renamed to
    # ``paddle.base``; the calls LAC makes still exist under the new name, and
    # no paddle build that still has ``fluid`` installs on current Pythons.
    if "paddle.fluid" in sys.modules:
        return
    base = getattr(paddle, "base", None)
    if base is None:
        return  # an old paddle that still ships fluid itself
    sys.modules["paddle.fluid"] = base
    sys.modules["paddle.fluid.core"] = base.core
    paddle.fluid = base


def load_lac():
    """The process-wide LAC model; raises :class:`BackendUnavailable` when not installed."""
    global _lac
    if _lac is not None:
        return _lac
    with _load_lock:
        if _lac is not None:
            return _lac
        # Paddle's C++ core logs a deprecation line for every predictor unless
        # told otherwise before it loads.
        os.environ.setdefault("GLOG_minloglevel", "2")
        try:
            with warnings.catch_warnings():
                # paddle warns on import that ccache is missing: irrelevant here.
                warnings.simplefilter("ignore")
                import paddle
                _alias_paddle_fluid(paddle)
                from LAC import LAC
        except ImportError as exc:
            raise BackendUnavailable(INSTALL_HINT) from exc
        _lac = LAC(mode="lac")
        return _lac


# --------------------------------------------------------------------------
# Text preparation

_CJK = HAN_CLASS
_CJK_RE = re.compile(f"[{_CJK}]")
_STRAY_SPACE = re.compile(f"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}])")


def strip_stray_spaces(text: str) -> tuple[str, list[int]]:
    """Drop blanks between two CJK characters; return the text and, for each
    kept character, its index in *text*.  LAC reads a blank as a word boundary
    and breaks names at it (``储 祥好`` comes out as a verb)."""
    kept: list[int] = []
    last = 0
    for m in _STRAY_SPACE.finditer(text):
        kept.extend(range(last, m.start()))
        last = m.end()
    kept.extend(range(last, len(text)))
    return "".join(text[i] for i in kept), kept


# --------------------------------------------------------------------------
# Tokens and spans

@dataclass
class Token:
    text: str
    tag: str
    rule: str = ""           # the rule that made or relabelled this token


@dataclass(frozen=True)
class Span:
    """An entity found in a text given to :meth:`LacRecognizer.spans_batch`."""
    start: int
    end: int
    label: str               # PER, LOC or ORG
    text: str
    rule: str = ""           # "" when LAC found it as is


ENTITY = ("PER", "LOC", "ORG")


def tokens_to_spans(tokens: Sequence[Token]) -> list[Span]:
    """Entity tokens as spans; the line breaks, blanks and joining marks LAC
    glues to a name (``\n\n运城晚报讯``, ``业委会+``) stay out of the span."""
    spans, pos = [], 0
    for t in tokens:
        name = t.text.strip(_EDGE)
        if t.tag in ENTITY and name:
            start = pos + len(t.text) - len(t.text.lstrip(_EDGE))
            spans.append(Span(start, start + len(name), t.tag, name, t.rule))
        pos += len(t.text)
    return spans


# Blanks and joining marks LAC leaves at the edge of a name (党支部+业委会+).
_EDGE = " \t\r\n\u3000+＋、，,。；;：:"


# --------------------------------------------------------------------------
# Word lists used by the rules.  Kept short and general: each entry is a
# convention of Chinese news writing, not a name seen in one corpus.

# Titles and forms of address that follow a name; PD, like most NER schemes,
# leaves them out of the person's span.
PERSON_SUFFIXES = tuple(sorted((
    "先生 女士 小姐 同志 老师 教授 大夫 医生 师傅 大娘 大爷 大妈 大伯 大叔 大姐 大哥 阿姨 奶奶 爷爷 老汉 "
    "主席 总理 总统 首相 外长 部长 省长 市长 县长 区长 乡长 镇长 村长 书记 主任 局长 处长 科长 厂长 校长 院长 "
    "经理 董事长 总裁 将军 司令 烈士 天皇 亲王 国王 女王 王子 公主 老 某 家").split(), key=len, reverse=True))

# Single characters that, right after a two-character name, are function
# words rather than the third character of the name (王晨都表示, 郎平曾找).
NOT_GIVEN_NAME = set(
    "的了着过地得之和与及同跟或而并且在从对向为以于由被把将让给使令叫是说讲问道称有无没不也都还又再就才曾却"
    "仍亦均皆已正刚才要会能可应需该想去来到回上下进出里内外中间前后旁边等则即便虽因所此这那其各每某该我你他"
    "她它们个位名次年月日时分号")

# One-character abbreviations of countries and regions (中美, 访华, 美方) and of
# Chinese provinces and rivers (京津, 黄淮, 青藏).
COUNTRY_ABBREV = set("中华美日俄苏英法德意韩朝越印巴以埃澳加泰菲葡荷奥希叙蒙缅柬墨欧亚非捷匈罗港台新马哈沙伊土")
PROVINCE_ABBREV = set("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘陇青宁黄淮江")
ABBREV = COUNTRY_ABBREV | PROVINCE_ABBREV
# Ordinary words and single names made only of such characters (the names of
# Chinese divisions, 江苏, 晋中, come from the lexicon).
ABBREV_WORDS = set("中华 中亚 中欧 中意 加以 日日 马来 印加 加沙 美意".split())

# Verbs that take a country or city as object in one word: 访华, 驻美, 抵京.
ABBREV_VERB_PREFIX = set("驻访来赴抵离返进旅留对侵反援在离")
# Heads that take a country as modifier in one word: 美方, 中方, 日军.
ABBREV_HEADS = {c: "方军" for c in COUNTRY_ABBREV}
ABBREV_HEADS.update({"华": "侨人裔工商埠", "京": "剧戏韵腔胡城", "中": "方军医药"})

# Heads that make a place into a body: 中国女队, 北海舰队, 解州铝厂.
ORG_HEADS = tuple(sorted((
    "队 男队 女队 国家队 代表团 舰队 海军 陆军 空军 政府 议会 国会 内阁 军区 "
    "厂 公司 集团 银行 医院 大学 学院 中学 小学 学校 研究所 研究院 委员会 协会 学会 "
    "局 厅 部 委 办 院 所 社 站 馆 团").split(), key=len, reverse=True))

# Plural or generic words for bodies: 美国公司 is "American companies".
GENERIC_BODY_WORDS = set("公司 企业 球队 当局 总部 部门 机构 方面 军队 部队 人民 政府 代表团 大使馆 "
                         "海军 陆军 空军 银行 医院 学校 大学".split())

# Party committees and central bodies referred to without a place name.
BARE_BODIES = set(
    "省委 市委 县委 区委 地委 州委 盟委 旗委 乡党委 镇党委 团中央 团省委 团市委 团县委 纪委 "
    "党中央 中共中央 国务院 人大常委会 全国人大 全国政协".split())

# Generic words after a place that PD leaves outside the place (东北地区).
PLACE_GENERIC_SUFFIXES = ("地区",)

# Countries and the world's best-known cities, by their usual Chinese short
# names.  LAC tags many transliterated ones as persons (斯洛伐克, 阿布贾) and
# keeps them inside compounds (美国人, 中国特色).
WORLD_PLACES = set("""
中国 日本 韩国 朝鲜 蒙古 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱
东帝汶 印度 巴基斯坦 孟加拉国 孟加拉 斯里兰卡 尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 约旦
黎巴嫩 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋 卡塔尔 巴林 科威特 土耳其 塞浦路斯 格鲁吉亚
亚美尼亚 阿塞拜疆 哈萨克斯坦 吉尔吉斯斯坦 塔吉克斯坦 乌兹别克斯坦 土库曼斯坦
俄罗斯 乌克兰 白俄罗斯 摩尔多瓦 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚
斯洛文尼亚 波黑 黑山 马其顿 北马其顿 阿尔巴尼亚 希腊 意大利 梵蒂冈 圣马力诺 马耳他 西班牙 葡萄牙
安道尔 法国 摩纳哥 比利时 荷兰 卢森堡 德国 瑞士 列支敦士登 奥地利 英国 爱尔兰 冰岛 挪威 瑞典 芬兰
丹麦 爱沙尼亚 拉脱维亚 立陶宛 南斯拉夫 苏联
美国 加拿大 墨西哥 危地马拉 伯利兹 萨尔瓦多 洪都拉斯 尼加拉瓜 哥斯达黎加 巴拿马 古巴 海地 多米尼加
牙买加 巴哈马 巴巴多斯 格林纳达 哥伦比亚 委内瑞拉 圭亚那 苏里南 厄瓜多尔 秘鲁 巴西 玻利维亚 巴拉圭
乌拉圭 阿根廷 智利
埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 乌干达
坦桑尼亚 卢旺达 布隆迪 刚果 扎伊尔 加蓬 喀麦隆 乍得 尼日尔 尼日利亚 马里 毛里塔尼亚 塞内加尔 冈比亚
几内亚比绍 几内亚 塞拉利昂 利比里亚 科特迪瓦 加纳 多哥 贝宁 布基纳法索 赤道几内亚 安哥拉 赞比亚
津巴布韦 马拉维 莫桑比克 博茨瓦纳 纳米比亚 南非 莱索托 斯威士兰 马达加斯加 毛里求斯 科摩罗 塞舌尔
佛得角 澳大利亚 新西兰 巴布亚新几内亚 斐济 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯
东京 大阪 首尔 汉城 平壤 河内 胡志明市 曼谷 金边 仰光 万象 吉隆坡 雅加达 马尼拉 新德里 孟买 加尔各答
伊斯兰堡 卡拉奇 达卡 科伦坡 加德满都 喀布尔 德黑兰 巴格达 大马士革 安曼 贝鲁特 耶路撒冷 特拉维夫
利雅得 多哈 迪拜 安卡拉 伊斯坦布尔 第比利斯 埃里温 巴库 阿拉木图 阿斯塔纳 比什凯克 杜尚别 塔什干
阿什哈巴德 莫斯科 圣彼得堡 基辅 明斯克 华沙 布拉格 布拉迪斯拉发 布达佩斯 布加勒斯特 索非亚 贝尔格莱德
萨格勒布 卢布尔雅那 萨拉热窝 地拉那 雅典 罗马 米兰 马德里 巴塞罗那 里斯本 巴黎 马赛 布鲁塞尔
阿姆斯特丹 鹿特丹 海牙 柏林 波恩 法兰克福 慕尼黑 汉堡 日内瓦 伯尔尼 苏黎世 维也纳 伦敦 都柏林
雷克雅未克 奥斯陆 斯德哥尔摩 赫尔辛基 哥本哈根 塔林 里加 维尔纽斯 华盛顿 纽约 洛杉矶 芝加哥 旧金山
休斯敦 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 波哥大 加拉加斯 利马 基多 巴西利亚 里约热内卢
圣保罗 布宜诺斯艾利斯 圣地亚哥 蒙得维的亚 开罗 的黎波里 阿尔及尔 拉巴特 喀土穆 亚的斯亚贝巴 内罗毕
坎帕拉 达累斯萨拉姆 金沙萨 阿布贾 拉各斯 达喀尔 阿克拉 罗安达 哈拉雷 卢萨卡 比勒陀利亚
约翰内斯堡 开普敦 堪培拉 悉尼 墨尔本 惠灵顿
""".split())

# Heads after which a country or city keeps its own mention (美国人, 中国特色).
PLACE_COMPOUND_HEADS = set("""
人 式 画 籍 菜 队 方 军 特色 人民 政府 总统 总理 首相 国王 大使 大使馆 领事馆 代表 代表团 记者 专家 学者
游客 公民 朋友 同胞 企业 公司 商人 市场 经济 政治 文化 历史 社会 国内 境内 国旗 方面 当局 官员
""".split())

NEWS_AGENCIES = ("新华社", "中新社", "共同社", "美联社", "路透社", "法新社", "塔斯社", "合众国际社",
                 "俄通社", "安莎社", "韩联社", "南通社", "德新社", "埃中社", "时事社")

# Bodies a single generic word names (they have no other name to use).
NATIONAL_BODIES = set("国会 内阁 国家杜马 参议院 众议院 国民议会 联邦议会".split())

# 十五大, 中共一大, 九届全国人大, 十五届三中全会 (a bare 四大 is "the four big ...").
_CONGRESS = re.compile("^(中共(第)?[一二三四五六七八九十]{1,3}|(第)?(十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?))"
                       "(届)?(大|全国人大|人大|次党代会|届[一二三四五六七八九]中全会)$")

_WEATHER_TAIL = re.compile("(晴|阴|雷阵|雷|多云)$")
_WEATHER_NEXT = re.compile(r"^(转|雨|多云|阵雨|[0-9０-９])")
_NON_CJK_RUN = re.compile(f"[^{_CJK}]+")


# --------------------------------------------------------------------------
# Rules.  Each takes the token list of one text and returns a new one.

def merge_adjacent(tokens: list[Token]) -> list[Token]:
    """Join names LAC cut in two: PER PER (伯奇|费尔), PER · PER, ORG ORG
    (国民党|第96军); PD, like a reader, takes them as one name."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if out and t.tag in ("PER", "ORG") and out[-1].tag == t.tag:
            out[-1] = Token(out[-1].text + t.text, t.tag, "merge_adjacent")
        elif (out and t.tag == "w" and t.text in ("·", "•", "・") and out[-1].tag == "PER"
              and i + 1 < len(tokens) and tokens[i + 1].tag == "PER"):
            out[-1] = Token(out[-1].text + t.text + tokens[i + 1].text, "PER", "merge_adjacent")
            i += 1
        else:
            out.append(t)
        i += 1
    return out


def extend_given_name(tokens: list[Token]) -> list[Token]:
    """A two-character person followed by a one-character word that is not a
    function word takes that character as the end of the name: LAC often
    reads the last character of a three-character name as an adverb or
    adjective (储祥|好, 高允|连)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.tag == "PER" and len(t.text) == 2 and nxt is not None and len(nxt.text) == 1
                and _CJK_RE.match(nxt.text) and nxt.tag not in ("w", "m", "q", "u", "p", "c", "r", "xc", "TIME")
                and nxt.text not in NOT_GIVEN_NAME):
            out.append(Token(t.text + nxt.text, "PER", "extend_given_name"))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def strip_person_affixes(tokens: list[Token]) -> list[Token]:
    """Take titles and forms of address out of a person's span (李先生 → 李,
    明仁天皇 → 明仁, 王学文家 → 王学文) and 小/老 off the front of a longer
    name or of a surname (老李 → 李)."""
    out: list[Token] = []
    for t in tokens:
        if t.tag != "PER":
            out.append(t)
            continue
        text = t.text
        for suffix in PERSON_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                out.append(Token(text[:-len(suffix)], "PER", "strip_person_affixes"))
                out.append(Token(suffix, "n", "strip_person_affixes"))
                break
        else:
            if text[0] in "小老" and "·" not in text and (len(text) >= 3 or text[1] in _surnames()):
                out.append(Token(text[0], "a", "strip_person_affixes"))
                out.append(Token(text[1:], "PER", "strip_person_affixes"))
            else:
                out.append(t)
    return out


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from kg.lexicon import load
    return load().surnames_single


@functools.lru_cache(maxsize=1)
def _division_names() -> frozenset[str]:
    from kg.lexicon import load
    lex = load()
    return frozenset(lex.divisions_by_name) | frozenset(lex.division_short_names)


def _is_abbrev_pair(word: str) -> bool:
    return (2 <= len(word) <= 4 and all(c in ABBREV for c in word) and len(set(word)) == len(word)
            and any(c in COUNTRY_ABBREV for c in word) and word not in ABBREV_WORDS
            and word not in _division_names())


def _is_region_pair(word: str) -> bool:
    return (2 <= len(word) <= 3 and all(c in PROVINCE_ABBREV for c in word)
            and len(set(word)) == len(word) and word not in ABBREV_WORDS
            and word not in _division_names())


RELATION_WORDS = ("关系", "两国", "两军", "双方", "之间", "合作", "贸易", "边境", "边界", "会谈", "会晤",
                  "建交", "三国", "首脑", "友好", "谈判")


def split_abbreviations(tokens: list[Token]) -> list[Token]:
    """Split a run of one-character country or province abbreviations into one
    place each (中美 → 中, 美; 印巴 → 印, 巴; 黄淮 → 黄, 淮).

    The run must be a name to LAC (a place, body or person: 韩中), or be
    followed by a word of relations (美哥|两国, 美中关系, 巴|以|双方), or be
    listed with a comma of enumeration (中、阿); ordinary words made of the
    same characters (非法, 美德) are left alone.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        split = _split_abbreviation_word(tokens, i)
        if split is not None:
            out.extend(split)
            i += 1
            continue
        # One-character tokens in a row (巴|以|双方) or listed (中|、|阿).
        run, k = _abbreviation_run(tokens, i)
        if _run_names_places(tokens, i, run, k):
            out.extend(Token(tokens[x].text, "LOC", "split_abbreviations") if x in run else tokens[x]
                       for x in range(i, k))
            i = k
            continue
        out.append(tokens[i])
        i += 1
    return out


def _split_abbreviation_word(tokens: list[Token], i: int) -> list[Token] | None:
    """The places of one word made of abbreviations (中美 → 中, 美; 美中关系 → 美, 中, 关系), or None.

    A run of countries must be a name to LAC or stand before a word of
    relations; a run of provinces (京津) must be a place to LAC.
    """
    t = tokens[i]
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    head, rest = _abbreviation_head(t)
    related = bool(rest) or nxt.startswith(RELATION_WORDS)
    named = t.tag in ("LOC", "ORG", "PER", "nz", "ns", "nt", "j")
    if not ((_is_abbrev_pair(head) and (named or related)) or (_is_region_pair(head) and t.tag == "LOC")):
        return None
    pieces = [Token(c, "LOC", "split_abbreviations") for c in head]
    if rest:
        pieces.append(Token(rest, "n", "split_abbreviations"))
    return pieces


def _abbreviation_head(t: Token) -> tuple[str, str]:
    """A word cut into its abbreviations and the word they modify (美中|关系, 青藏|高原); rest "" when none."""
    w = t.text
    rest = ""
    if len(w) > 2 and t.tag not in ENTITY:
        rest = next((r for r in RELATION_WORDS if w.endswith(r)), "")
    elif len(w) > 2 and t.tag == "LOC":
        rest = next((r for r in ("高原", "地区", "两地", "三地", "沿线", "铁路", "边界") if w.endswith(r)), "")
    return (w[:len(w) - len(rest)] if rest else w), rest


def _abbreviation_run(tokens: list[Token], i: int) -> tuple[list[int], int]:
    """The one-character country tokens from ``i`` (巴|以, 中|、|阿) and the index of the token after them."""
    run, k = [], i
    while k < len(tokens) and len(tokens[k].text) == 1 and tokens[k].text in COUNTRY_ABBREV:
        run.append(k)
        k += 1
        if _listed_abbreviation_follows(tokens, k):
            k += 1
    return run, k


def _listed_abbreviation_follows(tokens: list[Token], k: int) -> bool:
    """A comma of enumeration at ``k``, then another country's abbreviation (中、阿)."""
    return k + 1 < len(tokens) and tokens[k].text == "、" and len(tokens[k + 1].text) == 1 \
        and tokens[k + 1].text in COUNTRY_ABBREV


def _run_names_places(tokens: list[Token], i: int, run: list[int], k: int) -> bool:
    """Two or more different countries, before a word of relations (巴|以|双方), one a place to LAC,
    or listed with 、."""
    chars = [tokens[x].text for x in run]
    after = tokens[k].text if k < len(tokens) else ""
    return len(run) >= 2 and len(set(chars)) == len(chars) and (
        after.startswith(RELATION_WORDS) or any(tokens[x].tag == "LOC" for x in run) or k - i > len(run))


def abbreviation_in_word(tokens: list[Token]) -> list[Token]:
    """Mark the place abbreviation inside a two-character word: 访华, 驻美,
    抵京 (verb + place), 美方, 日军, 华侨, 京剧 (place + head)."""
    out: list[Token] = []
    for t in tokens:
        w = t.text
        if len(w) > 2 and w.startswith("中华") and t.tag not in ENTITY and t.tag not in ("w", "m", "TIME"):
            out.append(Token("中华", "LOC", "abbreviation_in_word"))
            out.append(Token(w[2:], "n", "abbreviation_in_word"))
            continue
        if len(w) == 2 and t.tag not in ENTITY and t.tag not in ("w", "m", "TIME"):
            if w[0] in ABBREV_VERB_PREFIX and w[1] in COUNTRY_ABBREV | {"京"} and w[1] not in "港中":
                out.append(Token(w[0], "v", "abbreviation_in_word"))
                out.append(Token(w[1], "LOC", "abbreviation_in_word"))
                continue
            if w[1] in ABBREV_HEADS.get(w[0], ""):
                out.append(Token(w[0], "LOC", "abbreviation_in_word"))
                out.append(Token(w[1], "n", "abbreviation_in_word"))
                continue
        out.append(t)
    return out


CELESTIAL_BODIES = set("地球 月球 月亮 太阳 火星 金星 水星 木星 土星 天王星 海王星 冥王星 银河 银河系".split())


def celestial_bodies(tokens: list[Token]) -> list[Token]:
    """PD marks the earth, the moon, the planets and the galaxy as places."""
    return [Token(t.text, "LOC", "celestial_bodies") if t.text in CELESTIAL_BODIES and t.tag not in ENTITY else t
            for t in tokens]


def place_then_body(tokens: list[Token]) -> list[Token]:
    """A place directly followed by nouns ending in a word for a body is that
    body's name: 中国|女队, 北海|舰队, 解州|铝厂, 中国|海军|舰艇|编队.  Bare
    generic heads (美国|公司, 印度|当局) name no body."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        end = 0
        if t.tag == "LOC" and len(t.text) >= 2:
            for k in range(i + 1, min(i + 4, len(tokens))):
                n = tokens[k]
                if n.tag not in ("n", "nz", "ORG", "nt", "vn"):
                    break
                # A generic word may stand inside the name (中国|海军|舰艇|编队) but not end it.
                if n.tag == "ORG" or (n.text.endswith(ORG_HEADS) and n.text not in GENERIC_BODY_WORDS):
                    end = k + 1
                if n.tag == "ORG":
                    break
        if end and not tokens[end - 1].text.endswith("政府"):
            out.append(Token("".join(x.text for x in tokens[i:end]), "ORG", "place_then_body"))
            i = end
        else:
            out.append(t)
            i += 1
    return out


def government_is_place(tokens: list[Token]) -> list[Token]:
    """PD does not mark ``<place>政府`` as a body: 中国政府 is the place 中国
    followed by the noun 政府.  A bare 中央政府 or 新政府 names no place."""
    out: list[Token] = []
    for t in tokens:
        if t.tag == "ORG" and t.text.endswith("政府") and len(t.text) > 2:
            place = t.text[:-2]
            if place and not place.endswith(("中央", "地方", "联邦", "临时", "新", "特区", "自治")):
                out.append(Token(place, "LOC", "government_is_place"))
            else:
                out.append(Token(place, "n", "government_is_place"))
            out.append(Token("政府", "n", "government_is_place"))
        else:
            out.append(t)
    return out


def bare_bodies(tokens: list[Token]) -> list[Token]:
    """Party committees and central bodies named without a place (市委, 县委,
    党中央) are organizations."""
    return [Token(t.text, "ORG", "bare_bodies")
            if t.tag not in ENTITY and (t.text in BARE_BODIES or t.text in NATIONAL_BODIES) else t
            for t in tokens]


def trim_place_suffix(tokens: list[Token]) -> list[Token]:
    """Leave generic words out of a place: 东北地区 → 东北 + 地区; and the
    weather a run-on forecast glued to a city (福州阴|转多云 → 福州 + 阴, even
    when LAC took 悉尼晴 for a person)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        m = _WEATHER_TAIL.search(t.text) if t.tag in ENTITY else None
        if m and m.start() >= 2 and _WEATHER_NEXT.match(nxt):
            out.append(Token(t.text[:m.start()], "LOC", "trim_place_suffix"))
            out.append(Token(m.group(), "n", "trim_place_suffix"))
            continue
        if t.tag == "LOC":
            suffix = next((x for x in PLACE_GENERIC_SUFFIXES
                           if t.text.endswith(x) and len(t.text) - len(x) >= 2), None)
            if suffix:
                out.append(Token(t.text[:-len(suffix)], "LOC", "trim_place_suffix"))
                out.append(Token(suffix, "n", "trim_place_suffix"))
                continue
        out.append(t)
    return out


def world_places(tokens: list[Token]) -> list[Token]:
    """Countries and major world cities are places even where LAC says person
    (斯洛伐克, 阿布贾), and keep their mention inside compounds such as
    美国人, 中国特色, 日本首相."""
    out: list[Token] = []
    for t in tokens:
        w = t.text
        if w in WORLD_PLACES and t.tag in ("PER", "n", "nz", "nr", "ns", "") and len(w) >= 2:
            out.append(Token(w, "LOC", "world_places"))
            continue
        if t.tag not in ENTITY and t.tag not in ("w", "m", "TIME") and len(w) >= 3:
            for k in range(min(len(w) - 1, 7), 1, -1):
                if w[:k] in WORLD_PLACES and w[k:] in PLACE_COMPOUND_HEADS:
                    out.append(Token(w[:k], "LOC", "world_places"))
                    out.append(Token(w[k:], "n", "world_places"))
                    break
            else:
                out.append(t)
            continue
        out.append(t)
    return out


def news_agencies(tokens: list[Token]) -> list[Token]:
    """A news agency run together with the words around it (访华据新华社,
    新华社发共同社) is cut out as a body of its own, and a paper's dateline
    loses its 讯 (运城晚报讯 → 运城晚报)."""
    out: list[Token] = []
    for t in tokens:
        if t.tag == "ORG" and t.text.endswith("讯") and len(t.text.strip()) > 3:
            out.append(Token(t.text[:-1], "ORG", "news_agencies"))
            out.append(Token("讯", "n", "news_agencies"))
            continue
        pieces = _cut_agencies(t.text) if len(t.text) > 3 else [t.text]
        if len(pieces) == 1:
            out.append(Token(t.text, "ORG", "news_agencies") if t.text in NEWS_AGENCIES and t.tag != "ORG" else t)
            continue
        for p in pieces:
            out.append(Token(p, "ORG", "news_agencies") if p in NEWS_AGENCIES else Token(p, "n", "news_agencies"))
    return out


def _cut_agencies(text: str) -> list[str]:
    for a in NEWS_AGENCIES:
        i = text.find(a)
        if i >= 0:
            return [x for x in (*_cut_agencies(text[:i]), a, *_cut_agencies(text[i + len(a):])) if x]
    return [text]


def congresses(tokens: list[Token]) -> list[Token]:
    """Numbered party congresses and people's congresses are bodies (中共十五大,
    十五大, 九届全国人大)."""
    out: list[Token] = []
    for t in tokens:
        body = t.text[2:] if t.text.startswith("党的") else t.text
        if t.tag not in ENTITY and _CONGRESS.match(body):
            if body != t.text:
                out.append(Token("党的", "n", "congresses"))
            out.append(Token(body, "ORG", "congresses"))
        else:
            out.append(t)
    return out


_LEADING_DATE = re.compile(r"^\s*[0-9０-９]+(年度|年|月份|月|日)")


def drop_leading_dates(tokens: list[Token]) -> list[Token]:
    """A date glued to the front of a place or body is not part of it
    (2024年度县 → 2024年度 + 县, which is no name at all)."""
    out: list[Token] = []
    for t in tokens:
        m = _LEADING_DATE.match(t.text) if t.tag in ("LOC", "ORG") else None
        if m:
            rest = t.text[m.end():]
            out.append(Token(m.group(), "TIME", "drop_leading_dates"))
            if rest:
                out.append(Token(rest, t.tag if len(rest) >= 2 else "n", "drop_leading_dates"))
        else:
            out.append(t)
    return out


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return _division_names() | frozenset(WORLD_PLACES)


def _leading_places(text: str) -> list[int]:
    """Ends of the known place names that follow one another from the start
    of text (山东省|平度市|崔马镇|供销社 → [3, 6, 9]), longest match first."""
    known, ends, i = _known_places(), [], 0
    while i < len(text):
        for k in range(min(len(text) - i, 8), 1, -1):
            if text[i:i + k] in known:
                i += k
                ends.append(i)
                break
        else:
            break
    return ends


def peel_places(tokens: list[Token]) -> list[Token]:
    """A body whose name opens with a chain of places keeps only the last of
    them: 山东省平度市崔马镇供销社 → 山东省, 平度市 (places) + 崔马镇供销社,
    as PD marks it; the places then find their own nodes in the graph."""
    out: list[Token] = []
    for t in tokens:
        ends = _leading_places(t.text) if t.tag == "ORG" else []
        ends = [e for e in ends if e < len(t.text)]
        if len(ends) >= 2:
            start = 0
            for e in ends[:-1]:
                out.append(Token(t.text[start:e], "LOC", "peel_places"))
                start = e
            out.append(Token(t.text[start:], "ORG", "peel_places"))
        else:
            out.append(t)
    return out


# Rules in the order they run.  ``reparse_*`` call the model again, so they
# run inside LacRecognizer before the others.
RULES: dict[str, Callable[[list[Token]], list[Token]] | None] = {
    "reparse_glued": None,
    "reparse_compounds": None,
    "trim_place_suffix": trim_place_suffix,
    "news_agencies": news_agencies,
    "drop_leading_dates": drop_leading_dates,
    "merge_adjacent": merge_adjacent,
    "extend_given_name": extend_given_name,
    "strip_person_affixes": strip_person_affixes,
    "split_abbreviations": split_abbreviations,
    "abbreviation_in_word": abbreviation_in_word,
    "world_places": world_places,
    "congresses": congresses,
    "celestial_bodies": celestial_bodies,
    "government_is_place": government_is_place,
    "place_then_body": place_then_body,
    "peel_places": peel_places,
    "bare_bodies": bare_bodies,
}

# Rules that follow the People's Daily annotation rather than correct LAC:
# a knowledge graph of local news wants 县政府 as a body, and has no use for
# the 华 of 访华, for the moon, or for bodies named without their place
# (纪委, 市委) or by their number (二十大), which its gold does not list.
PD_CONVENTIONS = ("abbreviation_in_word", "congresses", "celestial_bodies", "government_is_place",
                  "bare_bodies")

DEFAULT_RULES = tuple(r for r in RULES if r not in PD_CONVENTIONS)
PD_RULES = tuple(RULES)
PROFILES = {"kg": DEFAULT_RULES, "pd": PD_RULES, "raw": ()}


def _glued(t: Token) -> bool:
    # LAC sometimes returns a long stretch without punctuation (a weather table,
    # a headline run into the dateline) as one nw/nz word.
    return (len(t.text) >= 10 and t.tag not in ENTITY
            and len(_NON_CJK_RUN.sub(" ", t.text).split()) >= 2)


REPARSE_TAGS = {"nw": 3, "nz": 3}


def _compound(t: Token) -> bool:
    # Titles of works (nw) and other proper nouns (nz) that LAC keeps whole
    # often contain a name: 《中国在发展》, 邓小平理论.  Alone, they tag well.
    n = REPARSE_TAGS.get(t.tag)
    return n is not None and len(t.text) >= n and bool(_CJK_RE.match(t.text))


# --------------------------------------------------------------------------

class LacRecognizer:
    """Persons, places and organizations from Baidu LAC, with post-processing.

    ``rules`` names the rules of :data:`RULES` to apply, in their fixed order,
    or a profile of :data:`PROFILES` (``"kg"``, the default; ``"pd"``; ``"raw"``
    for LAC's own output).  ``user_dict`` is a LAC
    customization file (one entry a line, e.g. ``王建华/PER`` or
    ``运城 市委/ORG``) forcing the segmentation and tags of known names.

    The model is loaded once per process, on first use of any recognizer; a
    missing install raises :class:`BackendUnavailable` from the constructor.

    ``batch_size`` is how many texts go to the model at once.  It is 1 because
    under PaddlePaddle 3 a batched run's tags for a text varied from one
    process to the next (about ten names in the People's Daily sample, often
    in long weather tables); one text at a time gave the same tags in every
    process, scored a little higher, and cost under a tenth of the speed.
    """

    name = SOURCE

    def __init__(self, rules: Iterable[str] | str | None = None, batch_size: int = 1,
                 user_dict: str | os.PathLike | None = None):
        if isinstance(rules, str):
            if rules not in PROFILES:
                raise ValueError(f"unknown LAC rule profile {rules!r}: one of {', '.join(PROFILES)}")
            rules = PROFILES[rules]
        self.rules = tuple(DEFAULT_RULES if rules is None else rules)
        unknown = set(self.rules) - set(RULES)
        if unknown:
            raise ValueError(f"unknown LAC rules: {', '.join(sorted(unknown))}")
        self.batch_size = max(1, batch_size)
        self._lac = load_lac()
        self._custom = None
        if user_dict is not None:
            from LAC.custom import Customization
            self._custom = Customization()
            self._custom.load_customization(os.fspath(user_dict))

    # -- model ------------------------------------------------------------

    def _run(self, texts: Sequence[str]) -> list[list[Token]]:
        """LAC on each text, in batches; empty texts give no tokens."""
        result: list[list[Token]] = [[] for _ in texts]
        todo = [i for i, t in enumerate(texts) if t]
        for k in range(0, len(todo), self.batch_size):
            chunk = todo[k:k + self.batch_size]
            with _run_lock:
                # The customization lives on the shared model: set this
                # recognizer's own for the duration of the call.
                self._lac.model.custom = self._custom
                # LAC pops items out of the list it is given: pass a copy.
                tagged = self._lac.run([texts[i] for i in chunk])
            for i, (words, tags) in zip(chunk, tagged):
                result[i] = _align(texts[i], words, tags)
        return result

    def _reparse(self, docs: list[list[Token]], pick: Callable[[Token], bool],
                 rule: str) -> list[list[Token]]:
        """Tag the CJK stretches of the picked words again, each on its own."""
        where = [(d, k) for d, tokens in enumerate(docs) for k, t in enumerate(tokens) if pick(t)]
        if not where:
            return docs
        pieces = [p for d, k in where for p in _split_runs(docs[d][k].text) if _CJK_RE.match(p)]
        retagged = iter(self._run(pieces))
        # In the order of ``where``: each word takes its pieces' tags off ``retagged`` in turn.
        replace = {(d, k): _retagged_word(docs[d][k].text, retagged, rule) for d, k in where}
        return _replaced(docs, replace)

    def _eponyms(self, docs: list[list[Token]]) -> list[list[Token]]:
        """马克思主义, 毛泽东思想: a doctrine named after a person, which LAC
        keeps whole, gives that person when its first part alone is one."""
        where = [(d, k) for d, tokens in enumerate(docs) for k, t in enumerate(tokens)
                 if t.tag not in ENTITY and EPONYM.match(t.text)]
        if not where:
            return docs
        heads = [EPONYM.match(docs[d][k].text).group(1) for d, k in where]
        replace: dict[tuple[int, int], list[Token]] = {}
        for (d, k), head, tagged in zip(where, heads, self._run(heads)):
            if len(tagged) == 1 and tagged[0].tag == "PER":
                replace[(d, k)] = [Token(head, "PER", "reparse_compounds"),
                                   Token(docs[d][k].text[len(head):], "n")]
        return _replaced(docs, replace)

    # -- text level ---------------------------------------------------------

    def tokens_batch(self, texts: Sequence[str]) -> list[list[Token]]:
        """LAC's words for each text after the rules; the words of a text
        concatenate back to it once stray spaces between CJK characters are
        removed (see :func:`strip_stray_spaces`)."""
        cleaned = [strip_stray_spaces(t)[0] for t in texts]
        docs = self._run(cleaned)
        if "reparse_glued" in self.rules:
            docs = self._reparse(docs, _glued, "reparse_glued")
        if "reparse_compounds" in self.rules:
            docs = self._reparse(docs, _compound, "reparse_compounds")
            docs = self._eponyms(docs)
        for name, rule in RULES.items():
            if rule is not None and name in self.rules:
                docs = [rule(tokens) for tokens in docs]
        return docs

    def spans_batch(self, texts: Sequence[str]) -> list[list[Span]]:
        """Entity spans of each plain text, as offsets into that text."""
        result = []
        for text, tokens in zip(texts, self.tokens_batch(texts)):
            _, index = strip_stray_spaces(text)
            spans = []
            for s in tokens_to_spans(tokens):
                a, b = index[s.start], index[s.end - 1] + 1
                spans.append(Span(a, b, s.label, s.text, s.rule))
            result.append(spans)
        return result

    # -- sentence level -----------------------------------------------------

    def find_batch(self, sentences: Sequence[Sentence],
                   doc_text: str | Mapping[str, str] | None = None) -> list[list[Mention]]:
        """Mentions in each sentence, one list per sentence, in order.

        ``start``/``end`` always point into the original document (through
        ``Sentence.offsets``) and ``name`` is the repaired surface.  Pass the
        original ``Document.text`` as *doc_text* (or a mapping from document
        id to text when the sentences come from several documents) so that
        ``Mention.text`` is exactly ``Document.text[start:end]``; without it,
        ``text`` is the repaired slice of the sentence, which differs from the
        original where the cleaner changed characters inside the span, and
        the caller must set it from the document.
        """
        spans = self.spans_batch([s.text for s in sentences])
        return [sentence_mentions(sentence, found, doc_text, SOURCE) for sentence, found in zip(sentences, spans)]

    def find(self, sentence: Sentence, doc_text: str | None = None) -> list[Mention]:
        """Mentions in one sentence; see :meth:`find_batch`."""
        return self.find_batch([sentence], doc_text)[0]


def sentence_mentions(sentence: Sentence, spans: Sequence[Span], doc_text: str | Mapping[str, str] | None,
                      source: str) -> list[Mention]:
    """A statistical recognizer's spans of one sentence as mentions with document offsets."""
    text = doc_text.get(sentence.doc_id) if isinstance(doc_text, Mapping) else doc_text
    mentions = []
    for s in spans:
        start, end = sentence.span(s.start, s.end)
        mentions.append(Mention(
            doc_id=sentence.doc_id, sentence=sentence.index, start=start, end=end,
            text=text[start:end] if text is not None else sentence.text[s.start:s.end],
            name=s.text, type=LABEL_TYPE[s.label], source=source, signals=(s.rule,) if s.rule else ()))
    return mentions


def _replaced(docs: list[list[Token]], replace: dict[tuple[int, int], list[Token]]) -> list[list[Token]]:
    """The documents' tokens with the token at (document, index) replaced by the tokens given for it."""
    return [[x for k, t in enumerate(tokens) for x in replace.get((d, k), [t])]
            for d, tokens in enumerate(docs)]


def _retagged_word(text: str, retagged: Iterator[list[Token]], rule: str) -> list[Token]:
    """A picked word's tokens: its CJK pieces as LAC tagged them alone, the rest as numbers or marks."""
    new: list[Token] = []
    for p in _split_runs(text):
        if _CJK_RE.match(p):
            new.extend(_retagged_piece(p, next(retagged), rule))
        else:
            new.append(Token(p, "m" if p[:1].isdigit() else "w", ""))
    return new


def _retagged_piece(piece: str, tagged: list[Token], rule: str) -> list[Token]:
    """LAC's tokens for one CJK piece, the names among them marked with the rule."""
    new: list[Token] = []
    for t in tagged:
        # Alone, a short piece is easily taken for a name
        # (雷阵雨, 封山育林): a person must leave a rest.
        if t.tag == "PER" and len(t.text) == len(piece) and rule == "reparse_compounds":
            t = Token(t.text, "nz")
        new.append(Token(t.text, t.tag, rule if t.tag in ENTITY else ""))
    return new


def _split_runs(text: str) -> list[str]:
    """Cut text into alternating CJK and non-CJK runs."""
    parts, last = [], 0
    for m in _NON_CJK_RUN.finditer(text):
        if m.start() > last:
            parts.append(text[last:m.start()])
        parts.append(m.group())
        last = m.end()
    if last < len(text):
        parts.append(text[last:])
    return parts


def _align(text: str, words: Sequence[str], tags: Sequence[str]) -> list[Token]:
    """LAC's words as tokens covering *text* exactly.

    LAC returns every input character once, so the words normally concatenate
    to the text; should a version drop or alter characters, the words are
    found in order and the gaps kept as untagged tokens.
    """
    if "".join(words) == text:
        return [Token(w, t) for w, t in zip(words, tags)]
    tokens, pos = [], 0
    for w, t in zip(words, tags):
        at = text.find(w, pos) if w else -1
        if at < 0:
            continue
        if at > pos:
            tokens.append(Token(text[pos:at], ""))
        tokens.append(Token(w, t))
        pos = at + len(w)
    if pos < len(text):
        tokens.append(Token(text[pos:], ""))
    return tokens
