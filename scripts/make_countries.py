"""Regenerate kg/lexicon/countries.tsv from the pycountry package.

pycountry ships ISO 3166-1 with the Chinese (zh_CN) names of the iso-codes
project. The package is only needed here: the TSV is committed so that kg
does not depend on it at run time.

    pip install pycountry && python scripts/make_countries.py            # writes the file
    python scripts/make_countries.py --check                           # exit 1 if it is stale
"""
from __future__ import annotations

import argparse
import gettext
import sys
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "lexicon" / "countries.tsv"

# Parts of China in ISO 3166-1: the official division list has them as provinces.
PARTS_OF_CHINA = {"HK", "MO", "TW"}
# Not a country, nor a place the news names as one.
NOT_PLACES = {"AQ", "BV", "HM", "UM", "IO", "TF", "GS"}
# Short names the news uses besides ISO's (Xinhua's usage) and states that no
# longer exist but fill the archives: canonical name, then other names.
EXTRA_NAMES = {
    "中国": ["中华人民共和国"],
    "美国": ["美利坚合众国"],
    "英国": ["大不列颠及北爱尔兰联合王国"],
    "韩国": ["大韩民国"],
    "朝鲜": ["朝鲜民主主义人民共和国"],
    "俄罗斯": ["俄罗斯联邦"],
    "越南": ["越南社会主义共和国"],
    "老挝": ["老挝人民民主共和国"],
    "伊朗": ["伊朗伊斯兰共和国"],
    "叙利亚": ["阿拉伯叙利亚共和国"],
    "苏联": ["苏维埃社会主义共和国联盟"],
    "南斯拉夫": ["南斯拉夫联盟共和国"],
    "捷克斯洛伐克": [],
    "印度尼西亚": ["印尼"],
    "沙特阿拉伯": ["沙特"],
    "阿拉伯联合酋长国": ["阿联酋"],
    "波斯尼亚和黑塞哥维那": ["波黑"],
}


# Where the iso-codes names differ from the standard Chinese ones (Xinhua, the
# Ministry of Foreign Affairs): the standard name is canonical, the other an alias.
STANDARD_NAMES = {"柬埔塞": "柬埔寨", "吉尔吉斯坦": "吉尔吉斯斯坦", "波利维亚": "玻利维亚", "孟加拉": "孟加拉国"}


def render() -> tuple[str, int]:
    import pycountry

    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows: dict[str, list[str]] = {}
    for c in pycountry.countries:
        if c.alpha_2 in PARTS_OF_CHINA | NOT_PLACES:
            continue
        names = [zh.gettext(n) for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None))
                 if n]
        names = [n for n in dict.fromkeys(names) if any("\u4e00" <= ch <= "\u9fff" for ch in n)]
        if names and names[0] in STANDARD_NAMES:
            names.insert(0, STANDARD_NAMES[names[0]])
        if names:
            rows[names[0]] = names[1:]
    for name, others in EXTRA_NAMES.items():
        rows[name] = list(dict.fromkeys(rows.get(name, []) + others))
    lines = [
        "# The states of the world by their Chinese names: canonical name, then other",
        "# names the same state goes by, tab-separated.",
        f"# Source: ISO 3166-1 with the zh_CN names of the iso-codes project, from the",
        f"# pycountry package, version {version('pycountry')} (licence LGPL-2.1); Hong Kong, Macao and",
        "# Taiwan are left out (the official division list has them), and a few short names",
        "# and former states the news uses are added (scripts/make_countries.py).",
    ]
    lines += ["\t".join([name, *others]) for name, others in sorted(rows.items())]
    return "\n".join(lines) + "\n", len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    args = parser.parse_args(argv)
    text, n = render()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'stale'} ({n} states)")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({n} states)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
